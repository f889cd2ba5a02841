"""A student's progress: today, streak, heatmap, forecast, retention, mastery
per bank, quiz scores. Reviews are counted per study day (time zone and the
hour a day starts)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import cast

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Greatest, Least, Power, Substr, Trunc
from django.utils import timezone

from quizzes.api import (
    BankStatus,
    published_question_filter,
    published_questions,
)

from .. import scheduler
from ..models import Card, CardState, QuizAttempt, ReviewLog, StudyPreferences
from ..study_day import day_bounds, day_start, study_date, zone_of
from .common import LEARNING_STATES, MATURE_DAYS, STARTED_STATES, preferences_or_default

# The streak is counted over the first window (with today's counts, one query);
# a streak that fills a window is recounted over the next one (one more query each).
STREAK_WINDOWS_DAYS = (35, 400, 3650)
STREAK_WINDOW_DAYS = STREAK_WINDOWS_DAYS[0]


def _whole_hour_offsets(zone, since: datetime, until: datetime) -> bool:
    """True when the zone's UTC offset is a whole number of hours over the range
    (checked monthly), so hourly UTC buckets never straddle a study-day start."""
    moment = since
    while True:
        offset = zone.utcoffset(moment.replace(tzinfo=None))
        if offset is not None and offset.total_seconds() % 3600:
            return False
        if moment >= until:
            return True
        moment = min(moment + timedelta(days=30), until)


def _count_by_study_day(
    queryset: QuerySet,
    field_name: str,
    *,
    zone,
    day_starts_at_hour: int,
    since: datetime,
    until: datetime,
    **aggregates,
) -> dict[date, dict[str, int]]:
    """Study day -> {"count": n, **aggregates} for rows whose `field_name` is in
    [since, until). Rows are grouped by UTC hour (or minute, for zones with
    half-hour offsets) in the database, natively, and the few buckets are mapped
    to study days here: no per-row date function (slow on SQLite)."""
    whole_hours = _whole_hour_offsets(zone, since, until)
    bucket: Substr | Trunc
    if connection.vendor == "sqlite":
        bucket = Substr(field_name, 1, 13 if whole_hours else 16)
    else:
        bucket = Trunc(field_name, "hour" if whole_hours else "minute", tzinfo=UTC)
    rows = (
        queryset.filter(**{f"{field_name}__gte": since, f"{field_name}__lt": until})
        .annotate(bucket=bucket)
        .values("bucket")
        .annotate(count=Count("pk"), **aggregates)
        .order_by()
    )
    per_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        value = row.pop("bucket")
        if isinstance(value, str):  # SQLite: "YYYY-MM-DD HH[:MM]" in UTC
            value = datetime(
                int(value[0:4]),
                int(value[5:7]),
                int(value[8:10]),
                int(value[11:13]),
                int(value[14:16]) if len(value) > 13 else 0,
                tzinfo=UTC,
            )
        day = study_date(value, zone=zone, day_starts_at_hour=day_starts_at_hour)
        for key, number in row.items():
            per_day[day][key] += number
    return per_day


def _reviews_per_day(
    *, user, since: datetime, preferences: StudyPreferences, until: datetime | None = None
) -> dict[date, int]:
    per_day = _count_by_study_day(
        ReviewLog.objects.filter(user=user, undo__isnull=True),
        "reviewed_at",
        zone=zone_of(preferences.time_zone),
        day_starts_at_hour=preferences.day_starts_at_hour,
        since=since,
        until=until or timezone.now() + timedelta(days=2),
    )
    return {day: counts["count"] for day, counts in per_day.items()}


def review_heatmap(*, user, days: int = 365, now: datetime | None = None) -> list[dict]:
    """Reviews per study day for the last `days` days (oldest first, zeros included)."""
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    first = today - timedelta(days=days - 1)
    per_day = _reviews_per_day(
        user=user,
        since=day_start(first, zone=zone, day_starts_at_hour=hour),
        preferences=preferences,
    )
    return [
        {
            "date": (first + timedelta(days=i)).isoformat(),
            "count": per_day.get(first + timedelta(days=i), 0),
        }
        for i in range(days)
    ]


def _streak(per_day: dict[date, int], today: date) -> int:
    """Study days in a row up to today (or up to yesterday while today is still open)."""
    day = today if per_day.get(today) else today - timedelta(days=1)
    streak = 0
    while per_day.get(day):
        streak += 1
        day -= timedelta(days=1)
    return streak


def study_streak(*, user, now: datetime | None = None) -> int:
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    per_day = _reviews_per_day(
        user=user,
        since=day_start(today - timedelta(days=3650), zone=zone, day_starts_at_hour=hour),
        preferences=preferences,
    )
    return _streak(per_day, today)


def _mature_review_q() -> Q:
    return Q(state_before=CardState.REVIEW, stability_before__gte=MATURE_DAYS)


def card_mastery(state: int, stability: float | None, last_review, now, parameters) -> float:
    """How well a question is known now: its retrievability, scaled down until
    the card is mature (stability of 21 days). New and learning cards count 0."""
    if state not in (CardState.REVIEW, CardState.RELEARNING) or not stability:
        return 0.0
    r = scheduler.retrievability(
        stability=stability, last_review=last_review, now=now, parameters=parameters
    )
    return r * min(1.0, stability / MATURE_DAYS)


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


def _mastery_sum(now: datetime, parameters) -> Sum:
    """SUM of card_mastery over the rows, computed by the database (the same
    formula: retrievability now, scaled by stability up to maturity)."""
    decay, factor = scheduler.forgetting_curve(parameters)
    stability = Cast("stability", FloatField())
    retrievability = Power(
        Value(1.0)
        + Value(factor) * Greatest(_DaysSince("last_review", now), Value(0.0)) / stability,
        Value(decay),
    )
    return Sum(
        Case(
            When(
                Q(state__in=(CardState.REVIEW, CardState.RELEARNING))
                & Q(stability__gt=0)
                & Q(last_review__isnull=False),
                then=retrievability * Least(stability / Value(MATURE_DAYS), Value(1.0)),
            ),
            default=Value(0.0),
            output_field=FloatField(),
        )
    )


def bank_mastery(*, user, banks, now: datetime | None = None) -> dict[int, dict]:
    """Bank id -> {"due", "new", "mastery" (0-100), "total"} for `user`. Three
    queries (two when the banks come with their question_count); the cards are counted and their mastery summed per bank by the
    database (one row per bank comes back, not one per card)."""
    now = now or timezone.now()
    bank_ids = [b if isinstance(b, int) else b.pk for b in banks]
    if not bank_ids:
        return {}
    prefs = (
        StudyPreferences.objects.filter(user=user).values_list("fsrs_parameters", flat=True).first()
    )
    parameters = prefs or None
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
        totals = dict(
            published_questions()
            .filter(bank_id__in=bank_ids)
            .values("bank_id")
            .annotate(n=Count("id"))
            .values_list("bank_id", "n")
            .order_by()
        )
    result = {
        bid: {"due": 0, "new": totals.get(bid, 0), "mastery": 0.0, "total": totals.get(bid, 0)}
        for bid in bank_ids
    }
    set_aside = ~Q(state=CardState.NEW) | Q(suspended_at__isnull=False)  # started or suspended
    rows = (
        Card.objects.filter(
            Q(user=user, question__bank_id__in=bank_ids) & published_question_filter("question__")
        )
        .values("question__bank_id")
        .annotate(
            set_aside=Count("id", filter=set_aside),
            due=Count("id", filter=set_aside & Q(suspended_at__isnull=True, due__lte=now)),
            mastery=_mastery_sum(now, parameters),
        )
        .values_list("question__bank_id", "set_aside", "due", "mastery")
        .order_by()
    )
    for bank_id, set_aside_count, due, mastery in rows:
        entry = result[bank_id]
        entry["new"] = max(0, entry["new"] - set_aside_count)
        entry["due"] = due
        entry["mastery"] = (
            round(100 * (mastery or 0.0) / entry["total"], 1) if entry["total"] else 0.0
        )
    return result


def _bank_breakdown(*, user, now, parameters) -> list[dict]:
    """The banks the user has studied (a card still new, e.g. only shown by a
    queue, adds nothing: reading the queue changes no figure). Cards are counted
    and their mastery summed per bank by the database."""
    rows = (
        Card.objects.filter(Q(user=user) & published_question_filter("question__"))
        .exclude(state=CardState.NEW)
        .values("question__bank_id", "question__bank__title")
        .annotate(
            learning=Count("id", filter=Q(state__in=LEARNING_STATES)),
            young=Count("id", filter=Q(state=CardState.REVIEW, stability__lt=MATURE_DAYS)),
            mature=Count("id", filter=Q(state=CardState.REVIEW, stability__gte=MATURE_DAYS)),
            mastery=_mastery_sum(now, parameters),
        )
        .values_list(
            "question__bank_id", "question__bank__title", "learning", "young", "mature", "mastery"
        )
        .order_by()
    )
    banks: dict[int, dict] = {}
    sums: dict[int, float] = {}
    for bank_id, title, learning, young, mature, mastery in rows:
        banks[bank_id] = {
            "bank": bank_id,
            "title": title,
            "total": 0,
            "new": 0,
            "learning": learning,
            "young": young,
            "mature": mature,
            "mastery": 0.0,
        }
        sums[bank_id] = mastery or 0.0
    if not banks:
        return []
    totals = dict(
        published_questions()
        .filter(bank_id__in=list(banks))
        .values("bank_id")
        .annotate(n=Count("id"))
        .values_list("bank_id", "n")
        .order_by()
    )
    scores: dict[int, list] = defaultdict(list)
    for bank_id, finished_at, correct, question_ids in (
        QuizAttempt.objects.filter(user=user, bank_id__in=list(banks), finished_at__isnull=False)
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
    for bank_id, entry in banks.items():
        entry["total"] = totals.get(bank_id, 0)
        started = entry["learning"] + entry["young"] + entry["mature"]
        entry["new"] = max(0, entry["total"] - started)
        entry["mastery"] = round(100 * sums[bank_id] / entry["total"], 1) if entry["total"] else 0.0
        entry["quiz_scores"] = scores.get(bank_id, [])
    return sorted(banks.values(), key=lambda e: (e["title"], e["bank"]))


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
    windows: tuple[int, ...] = STREAK_WINDOWS_DAYS,
) -> dict:
    """progress_today with the preferences at hand: 2 queries, and one more each
    time the streak fills a window of `windows` (days)."""
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    end = day_start(today + timedelta(days=1), zone=zone, day_starts_at_hour=hour)
    # Reviews per study day of the last few weeks: today's counts and the streak.
    per_day = _count_by_study_day(
        ReviewLog.objects.filter(user=user, undo__isnull=True),
        "reviewed_at",
        zone=zone,
        day_starts_at_hour=hour,
        since=day_start(today - timedelta(days=windows[0] - 1), zone=zone, day_starts_at_hour=hour),
        until=end,
        new=Count("pk", filter=Q(state_before=CardState.NEW)),
    )
    streak = _streak({day: counts["count"] for day, counts in per_day.items()}, today)
    for window, longer in zip(windows, windows[1:], strict=False):
        if streak < window - 1:
            break
        # the streak may go on before this window: count it over a longer one
        since = day_start(today - timedelta(days=longer - 1), zone=zone, day_starts_at_hour=hour)
        streak = _streak(
            _reviews_per_day(user=user, since=since, until=end, preferences=preferences), today
        )
    due = _started_cards(user).aggregate(
        due_now=Count("id", filter=Q(due__lte=now)),
        due_later_today=Count("id", filter=Q(due__gt=now, due__lt=end)),
    )
    counts = per_day.get(today, {})
    new_limit = preferences.new_cards_limit_on(today)
    return {
        "reviewed": counts.get("count", 0),
        "new_learned": counts.get("new", 0),
        "new_limit": new_limit,
        "new_left": max(0, new_limit - counts.get("new", 0)),
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


def progress_summary(*, user, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    parameters = preferences.fsrs_parameters or None
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    start, end = day_bounds(now, zone=zone, day_starts_at_hour=hour)
    # The progress page starts with a 400-day window: a streak under 400 days costs it
    # no extra query (the home page starts small, with progress_today).
    today_and_streak = _today(
        user=user, now=now, preferences=preferences, windows=STREAK_WINDOWS_DAYS[1:]
    )
    streak = today_and_streak.pop("streak")

    # Reviews per study day of the last 12 weeks (true retention, weekly retention).
    logs = ReviewLog.objects.filter(user=user, undo__isnull=True)
    this_week = today - timedelta(days=today.weekday())
    first_week = this_week - timedelta(weeks=11)
    per_day = _count_by_study_day(
        logs,
        "reviewed_at",
        zone=zone,
        day_starts_at_hour=hour,
        since=day_start(first_week, zone=zone, day_starts_at_hour=hour),
        until=end,
        graded=Count("pk", filter=Q(state_before=CardState.REVIEW)),
        passed=Count("pk", filter=Q(state_before=CardState.REVIEW, rating__gt=1)),
        mature=Count("pk", filter=_mature_review_q()),
        mature_passed=Count("pk", filter=_mature_review_q() & Q(rating__gt=1)),
    )

    # One definition of retention for every figure of the page (panel, chart, table):
    # the share of answers to cards that were due for review (state before: review)
    # that were remembered (Hard, Good or Easy). Answers to new and learning cards
    # (an Again on a learning step, a missed quiz question on a new card) are not
    # reviews of something learnt, so they never count, in any figure.
    def due_reviews_since(days: int) -> tuple[int, int]:
        window = [per_day.get(today - timedelta(days=i), {}) for i in range(days)]
        return sum(c.get("graded", 0) for c in window), sum(c.get("passed", 0) for c in window)

    def retention_since(days: int) -> float | None:
        graded, passed = due_reviews_since(days)
        return round(passed / graded, 4) if graded else None

    started_cards = _started_cards(user)

    # forecast: started cards due per study day, the next 30 days (overdue -> today)
    forecast_end = day_start(today + timedelta(days=30), zone=zone, day_starts_at_hour=hour)
    forecast_counts: dict[date, int] = defaultdict(int)
    overdue = started_cards.filter(due__lt=start).count()
    for day, counts in _count_by_study_day(
        started_cards, "due", zone=zone, day_starts_at_hour=hour, since=start, until=forecast_end
    ).items():
        forecast_counts[day] += counts["count"]
    forecast_counts[today] += overdue
    forecast = [
        {
            "date": (today + timedelta(days=i)).isoformat(),
            "count": forecast_counts.get(today + timedelta(days=i), 0),
        }
        for i in range(30)
    ]

    # average retrievability of cards in review / relearning
    values = [
        scheduler.retrievability(stability=s, last_review=lr, now=now, parameters=parameters)
        for s, lr in Card.objects.filter(
            user=user, state__in=(CardState.REVIEW, CardState.RELEARNING), stability__isnull=False
        ).values_list("stability", "last_review")
        if lr is not None
    ]

    # retention by week (answers given in review state), last 12 weeks
    weekly: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])  # reviews, graded, passed
    for day, counts in per_day.items():
        week = day - timedelta(days=day.weekday())
        weekly[week][0] += counts["count"]
        weekly[week][1] += counts["graded"]
        weekly[week][2] += counts["passed"]
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

    return {
        "today": today_and_streak,
        "streak": streak,
        "forecast": forecast,
        "retention": {
            "last_7_days": retention_since(7),
            "last_30_days": retention_since(30),
            "due_reviews_7_days": due_reviews_since(7)[0],
            "due_reviews_30_days": due_reviews_since(30)[0],
            "average_retrievability": round(sum(values) / len(values), 4) if values else None,
        },
        "retention_by_week": retention_by_week,
        "banks": _bank_breakdown(user=user, now=now, parameters=parameters),
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
