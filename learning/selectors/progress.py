"""A student's progress: today, streak, heatmap, forecast, retention, mastery
per bank, quiz scores. Reviews are counted per study day (time zone and the
hour a day starts) in the day table (StudyDay) and cards per bank in BankTally,
both kept by every review write (learning.tallies): these pages never read the
log, and never every card, so they cost the same whatever the history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import cast

from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast, Greatest, Power
from django.utils import timezone

from quizzes.api import (
    BankStatus,
    published_question_filter,
    published_questions,
)

from .. import scheduler
from ..models import BankTally, Card, CardState, QuizAttempt, StudyDay, StudyPreferences
from ..study_day import day_bounds, day_start, study_date, zone_of
from ..tallies import STRENGTH_SCALE, card_part, count_by_study_day, mastery_percent
from .common import STARTED_STATES, preferences_or_default

# The streak is counted over the first window (with today's counts, one query);
# a streak that fills a window is recounted over the next one (one more query each).
STREAK_WINDOWS_DAYS = (35, 400, 3650)
STREAK_WINDOW_DAYS = STREAK_WINDOWS_DAYS[0]


def _study_days(*, user, first: date, last: date) -> dict[date, StudyDay]:
    """The user's StudyDay rows from `first` to `last` (one query on the day
    table: never the log, whatever the size of the history)."""
    return {
        row.day: row
        for row in StudyDay.objects.filter(user=user, day__gte=first, day__lte=last, reviews__gt=0)
    }


def review_heatmap(*, user, days: int = 365, now: datetime | None = None) -> list[dict]:
    """Reviews per study day for the last `days` days (oldest first, zeros included)."""
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    first = today - timedelta(days=days - 1)
    per_day = _study_days(user=user, first=first, last=today)
    return [
        {
            "date": (first + timedelta(days=i)).isoformat(),
            "count": row.reviews if (row := per_day.get(first + timedelta(days=i))) else 0,
        }
        for i in range(days)
    ]


def _streak(per_day: Mapping[date, object], today: date) -> int:
    """Study days in a row up to today (or up to yesterday while today is still open)."""
    day = today if per_day.get(today) else today - timedelta(days=1)
    streak = 0
    while per_day.get(day):
        streak += 1
        day -= timedelta(days=1)
    return streak


def _streak_over(*, user, today: date, per_day: Mapping[date, object], window: int) -> int:
    """The streak, from the day rows of the last `window` days at hand; a streak
    that fills them is counted again over the longer windows of
    STREAK_WINDOWS_DAYS (one query on the day table each, the day column only)."""
    streak = _streak(per_day, today)
    for longer in STREAK_WINDOWS_DAYS:
        if longer <= window:
            continue
        if streak < window - 1:
            break
        days = StudyDay.objects.filter(
            user=user, day__gt=today - timedelta(days=longer), day__lte=today, reviews__gt=0
        ).values_list("day", flat=True)
        streak = _streak(dict.fromkeys(days, True), today)
        window = longer
    return streak


def study_streak(*, user, now: datetime | None = None) -> int:
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    today = study_date(now, zone=zone, day_starts_at_hour=preferences.day_starts_at_hour)
    return _streak_over(user=user, today=today, per_day={}, window=1)


def card_mastery(state: int, stability: float | None) -> float:
    """How far a question is on its way to being mastered: its stability at its
    last review, up to maturity (21 days) = 1. New and learning cards count 0.
    (No decay since the last review, so that a bank's mastery is a sum kept in
    BankTally by each review instead of a pass over every card: overdue cards show
    in the due count; see docs/decisions/0006-progress-aggregates.md.)"""
    return card_part(state, stability, False)[4] / STRENGTH_SCALE


class _DaysSince(Func):
    """Fractional days from a datetime column to `now` (a parameter), in SQL."""

    output_field = FloatField()

    def __init__(self, column: str, now: datetime):
        super().__init__(Value(now), F(column))

    def as_sql(self, compiler, connection, **extra_context):  # type: ignore[override]
        now, column = (compiler.compile(e) for e in self.get_source_expressions())
        params = [*now[1], *column[1]]
        if connection.vendor == "postgresql":
            return f"(EXTRACT(EPOCH FROM ({now[0]} - {column[0]})) / 86400.0)", params
        return f"(julianday({now[0]}) - julianday({column[0]}))", params


def _retrievability_avg(now: datetime, parameters) -> Avg:
    """AVG of the cards' retrievability now, computed by the database (the
    scheduler's forgetting curve)."""
    decay, factor = scheduler.forgetting_curve(parameters)
    stability = Cast("stability", FloatField())
    return Avg(
        Power(
            Value(1.0)
            + Value(factor) * Greatest(_DaysSince("last_review", now), Value(0.0)) / stability,
            Value(decay),
        ),
        output_field=FloatField(),
    )


def _tallies(*, user, bank_ids) -> dict[int, BankTally]:
    return {t.bank_id: t for t in BankTally.objects.filter(user=user, bank_id__in=bank_ids)}


def _published_totals(bank_ids) -> dict[int, int]:
    return dict(
        published_questions()
        .filter(bank_id__in=bank_ids)
        .values("bank_id")
        .annotate(n=Count("id"))
        .values_list("bank_id", "n")
        .order_by()
    )


def bank_mastery(*, user, banks, now: datetime | None = None) -> dict[int, dict]:
    """Bank id -> {"due", "new", "mastery" (0-100), "total"} for `user`. Three
    queries (two when the banks come with their question_count): the banks'
    tallies (BankTally: the cards by state and their strength, kept by each
    review), the cards due now per bank (an index range: as many as are due),
    and the question counts."""
    now = now or timezone.now()
    bank_ids = [b if isinstance(b, int) else b.pk for b in banks]
    if not bank_ids:
        return {}
    # Banks listed with their published question_count (quizzes.selectors) need no
    # count of their questions again.
    totals = {
        b.pk: b.question_count
        for b in banks
        if not isinstance(b, int)
        and b.status == BankStatus.PUBLISHED
        and getattr(b, "question_count", None) is not None
    }
    if len(totals) < len(bank_ids):
        totals = _published_totals(bank_ids)
    due = dict(
        _started_cards(user)
        .filter(question__bank_id__in=bank_ids, due__lte=now)
        .values("question__bank_id")
        .annotate(n=Count("id"))
        .values_list("question__bank_id", "n")
        .order_by()
    )
    tallies = _tallies(user=user, bank_ids=bank_ids)
    result = {}
    for bank_id in bank_ids:
        total = totals.get(bank_id, 0)
        tally = tallies.get(bank_id) or BankTally()
        set_aside = tally.learning + tally.young + tally.mature + tally.suspended_new
        result[bank_id] = {
            "due": due.get(bank_id, 0),
            "new": max(0, total - set_aside),
            "mastery": mastery_percent(tally.strength, total),
            "total": total,
        }
    return result


def _bank_breakdown(*, user) -> list[dict]:
    """The published banks the user has studied (a card still new, e.g. only
    shown by a queue, adds nothing: reading the queue changes no figure), from
    their tallies (BankTally), with their quiz scores."""
    tallies = list(
        BankTally.objects.filter(
            Q(learning__gt=0) | Q(young__gt=0) | Q(mature__gt=0),
            user=user,
            bank__status=BankStatus.PUBLISHED,
        ).values_list("bank_id", "bank__title", "learning", "young", "mature", "strength")
    )
    if not tallies:
        return []
    bank_ids = [row[0] for row in tallies]
    totals = _published_totals(bank_ids)
    scores: dict[int, list] = defaultdict(list)
    for bank_id, finished_at, correct, question_ids in (
        QuizAttempt.objects.filter(user=user, bank_id__in=bank_ids, finished_at__isnull=False)
        .order_by("finished_at")
        .values_list("bank_id", "finished_at", "correct_count", "question_ids")
    ):
        if question_ids:
            scores[bank_id].append(
                {
                    "date": cast(datetime, finished_at).isoformat(),  # finished: not None
                    "score": round(100 * correct / len(question_ids), 1),
                }
            )
    banks = []
    for bank_id, title, learning, young, mature, strength in tallies:
        total = totals.get(bank_id, 0)
        banks.append(
            {
                "bank": bank_id,
                "title": title,
                "total": total,
                "new": max(0, total - learning - young - mature),
                "learning": learning,
                "young": young,
                "mature": mature,
                "mastery": mastery_percent(strength, total),
                "quiz_scores": scores.get(bank_id, []),
            }
        )
    return sorted(banks, key=lambda e: (e["title"], e["bank"]))


def _started_cards(user) -> QuerySet[Card]:
    """The user's cards in learning, review or relearning, of published questions
    (suspended ones aside: they are never due)."""
    return Card.objects.filter(
        Q(user=user, state__in=STARTED_STATES, suspended_at__isnull=True)
        & published_question_filter("question__")
    )


def _today(
    *,
    user,
    now: datetime,
    preferences: StudyPreferences,
    window: int = STREAK_WINDOW_DAYS,
    per_day: dict[date, StudyDay] | None = None,
) -> dict:
    """progress_today with the preferences at hand: the day rows of the last
    `window` days (one query, unless the caller read them: `per_day`), one more
    each time the streak fills a window, and the due counts (one)."""
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    end = day_start(today + timedelta(days=1), zone=zone, day_starts_at_hour=hour)
    if per_day is None:
        per_day = _study_days(user=user, first=today - timedelta(days=window - 1), last=today)
    streak = _streak_over(user=user, today=today, per_day=per_day, window=window)
    due = _started_cards(user).aggregate(
        due_now=Count("id", filter=Q(due__lte=now)),
        due_later_today=Count("id", filter=Q(due__gt=now, due__lt=end)),
    )
    counts = per_day.get(today) or StudyDay()
    new_limit = preferences.new_cards_limit_on(today)
    return {
        "reviewed": counts.reviews,
        "new_learned": counts.new,
        "new_limit": new_limit,
        "new_left": max(0, new_limit - counts.new),
        "due_now": due["due_now"],
        "due_later_today": due["due_later_today"],
        "streak": streak,
    }


def progress_today(*, user, now: datetime | None = None) -> dict:
    """Today at a glance (the home page): {"reviewed", "new_learned", "due_now",
    "due_later_today", "streak"}, in the user's study day. Three queries
    (preferences, reviews per day of the last weeks, due counts); a streak of
    STREAK_WINDOW_DAYS or more is recounted over a longer window (one more)."""
    return _today(user=user, now=now or timezone.now(), preferences=preferences_or_default(user))


def _forecast(*, user, today: date, start: datetime, zone, hour: int) -> list[dict]:
    """Started cards due per study day, the next 30 days (overdue -> today)."""
    started_cards = _started_cards(user)
    forecast_end = day_start(today + timedelta(days=30), zone=zone, day_starts_at_hour=hour)
    forecast_counts: dict[date, int] = defaultdict(int)
    overdue = started_cards.filter(due__lt=start).count()
    for day, counts in count_by_study_day(
        started_cards, "due", zone=zone, day_starts_at_hour=hour, since=start, until=forecast_end
    ).items():
        forecast_counts[day] += counts["count"]
    forecast_counts[today] += overdue
    return [
        {
            "date": (today + timedelta(days=i)).isoformat(),
            "count": forecast_counts.get(today + timedelta(days=i), 0),
        }
        for i in range(30)
    ]


def _retention_by_week(per_day: dict[date, StudyDay], first_week: date) -> list[dict]:
    """Answers given in review state per week, the last 12 weeks."""
    weekly: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])  # reviews, graded, passed
    for day, counts in per_day.items():
        if day < first_week:
            continue
        week = day - timedelta(days=day.weekday())
        weekly[week][0] += counts.reviews
        weekly[week][1] += counts.graded
        weekly[week][2] += counts.passed
    retention_by_week = []
    for i in range(12):
        week = first_week + timedelta(weeks=i)
        reviews, graded, passed = weekly.get(week, (0, 0, 0))
        retention_by_week.append(
            {
                "week": week.isoformat(),
                "retention": round(passed / graded, 4) if graded else None,
                "reviews": reviews,
                "due_reviews": graded,
            }
        )
    return retention_by_week


def progress_summary(*, user, now: datetime | None = None) -> dict:
    """The progress page: today, streak, forecast, retention and mastery per bank.
    Reviews per day come from the day table (StudyDay) and the banks from their
    tallies (BankTally): no query reads the log, and none every card."""
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    start, _ = day_bounds(now, zone=zone, day_starts_at_hour=hour)
    # The day rows of a 400-day window: today's counts, the weekly retention and a
    # streak under 400 days in one query (the home page starts smaller).
    window = STREAK_WINDOWS_DAYS[1]
    per_day = _study_days(user=user, first=today - timedelta(days=window - 1), last=today)
    today_and_streak = _today(
        user=user, now=now, preferences=preferences, window=window, per_day=per_day
    )
    streak = today_and_streak.pop("streak")
    this_week = today - timedelta(days=today.weekday())
    first_week = this_week - timedelta(weeks=11)

    # One definition of retention for every figure of the page (panel, chart, table):
    # the share of answers to cards that were due for review (state before: review)
    # that were remembered (Hard, Good or Easy). Answers to new and learning cards
    # (an Again on a learning step, a missed quiz question on a new card) are not
    # reviews of something learnt, so they never count, in any figure.
    def due_reviews_since(days: int) -> tuple[int, int]:
        rows = [per_day.get(today - timedelta(days=i)) for i in range(days)]
        return sum(r.graded for r in rows if r), sum(r.passed for r in rows if r)

    def retention_since(days: int) -> float | None:
        graded, passed = due_reviews_since(days)
        return round(passed / graded, 4) if graded else None

    # average retrievability of cards in review / relearning, by the database
    average = Card.objects.filter(
        user=user,
        state__in=(CardState.REVIEW, CardState.RELEARNING),
        stability__gt=0,
        last_review__isnull=False,
    ).aggregate(r=_retrievability_avg(now, preferences.fsrs_parameters or None))["r"]

    return {
        "today": today_and_streak,
        "streak": streak,
        "forecast": _forecast(user=user, today=today, start=start, zone=zone, hour=hour),
        "retention": {
            "last_7_days": retention_since(7),
            "last_30_days": retention_since(30),
            "due_reviews_7_days": due_reviews_since(7)[0],
            "due_reviews_30_days": due_reviews_since(30)[0],
            "average_retrievability": round(average, 4) if average is not None else None,
        },
        "retention_by_week": _retention_by_week(per_day, first_week),
        "banks": _bank_breakdown(user=user),
    }


def quiz_scores(*, user, bank=None) -> list[dict]:
    """Finished attempts, oldest first: {"attempt", "bank", "date", "score" (0-100)}."""
    attempts = QuizAttempt.objects.filter(user=user, finished_at__isnull=False)
    if bank is not None:
        attempts = attempts.filter(bank=bank)
    return [
        {
            "attempt": pk,
            "bank": bank_id,
            "date": cast(datetime, finished_at).isoformat(),  # finished: not None
            "score": round(100 * correct / len(qids), 1) if qids else 0.0,
        }
        for pk, bank_id, finished_at, correct, qids in attempts.order_by(
            "finished_at", "id"
        ).values_list("pk", "bank_id", "finished_at", "correct_count", "question_ids")
    ]
