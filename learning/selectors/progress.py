"""A student's progress: today, streak, heatmap, forecast, retention, mastery
per bank, quiz scores. Reviews are counted per study day (time zone and the
hour a day starts) in the day table (StudyDay), cards per bank in BankTally,
both kept by every review write, and finished quizzes per bank in QuizTally, kept
by finishing one (learning.tallies): these pages never read the log, the attempts
or every card, so they cost the same whatever the history."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from django.core.cache import cache
from django.db.models import (
    Avg,
    Case,
    Count,
    DateTimeField,
    F,
    FloatField,
    Func,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Greatest, Power
from django.utils import timezone

from quizzes.api import (
    BankStatus,
    bank_published_counts,
    published_question_count,
)

from .. import scheduler, sql
from ..models import (
    BankTally,
    Card,
    CardState,
    QuizAttempt,
    QuizTally,
    StudyDay,
    StudyPreferences,
)
from ..study_day import day_start, study_date, zone_of
from ..tallies import (
    STRENGTH_SCALE,
    TOTALS,
    card_part,
    fold_past_due_days,
    mastery_percent,
    quiz_score,
)
from .common import (
    STARTED_STATES,
    of_published_questions,
    of_unpublished_questions,
    preferences_or_default,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from quizzes.api import QuestionBank

logger = logging.getLogger(__name__)

# The streak is counted over the first window (with today's counts, one query);
# a streak that fills a window is recounted over the next one (one more query each).
STREAK_WINDOWS_DAYS = (35, 400, 3650)
STREAK_WINDOW_DAYS = STREAK_WINDOWS_DAYS[0]


class DayCounts(NamedTuple):
    """A study day's counts, as the day table (StudyDay) keeps them."""

    day: date
    reviews: int
    new: int
    graded: int
    passed: int


NO_COUNTS = DayCounts(date.min, 0, 0, 0, 0)


def _study_days_query(*, user: int, first: date, last: date) -> QuerySet[StudyDay]:
    return (
        StudyDay.objects.filter(user=user, day__gte=first, day__lte=last, reviews__gt=0)
        .order_by()
        .values_list(*DayCounts._fields)
    )


def _study_days_call(*, user: int, first: date, last: date) -> sql.PreparedCall:
    return (
        ("progress.study_days",),
        _study_days_query,
        {"user": user, "first": first, "last": last},
    )


def _day_counts(rows: Iterable[tuple[Any, ...]]) -> dict[date, DayCounts]:
    return {row[0]: DayCounts(*row) for row in rows}


def _rows(call: sql.PreparedCall) -> list[tuple[Any, ...]]:
    """The rows of one (shape, build, values) statement (sql.prepared_rows)."""
    shape, build, values = call
    return sql.prepared_rows(shape, build, **values)


def _study_days(*, user: User, first: date, last: date) -> dict[date, DayCounts]:
    """The user's day rows from `first` to `last` (one query on the day table:
    never the log, whatever the size of the history; its SQL compiled once per
    process, and a year of rows read as tuples, not model instances)."""
    return _day_counts(_rows(_study_days_call(user=user.pk, first=first, last=last)))


def review_heatmap(
    *, user: User, days: int = 365, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Reviews per study day for the last `days` days (oldest first, zeros included)."""
    now = now or timezone.now()
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    first = today - timedelta(days=days - 1)
    return _heatmap_rows(_study_days(user=user, first=first, last=today), today=today, days=days)


def _heatmap_rows(
    per_day: Mapping[date, DayCounts], *, today: date, days: int
) -> list[dict[str, Any]]:
    """The heatmap's days from day rows read over at least the last `days` days."""
    first = today - timedelta(days=days - 1)
    return [
        {
            "date": (first + timedelta(days=i)).isoformat(),
            "count": row.reviews if (row := per_day.get(first + timedelta(days=i))) else 0,
        }
        for i in range(days)
    ]


def _heatmap_counts(
    per_day: Mapping[date, DayCounts], *, today: date, days: int
) -> dict[date, int]:
    """Day -> reviews of the days with reviews among the last `days` (from day
    rows read over at least those days)."""
    first = today - timedelta(days=days - 1)
    return {
        day: row.reviews for day, row in per_day.items() if first <= day <= today and row.reviews
    }


def _streak(per_day: Mapping[date, object], today: date) -> int:
    """Study days in a row up to today (or up to yesterday while today is still open)."""
    day = today if per_day.get(today) else today - timedelta(days=1)
    streak = 0
    while per_day.get(day):
        streak += 1
        day -= timedelta(days=1)
    return streak


def _streak_over(*, user: User, today: date, per_day: Mapping[date, object], window: int) -> int:
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


def study_streak(*, user: User, now: datetime | None = None) -> int:
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

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        now, column = (compiler.compile(e) for e in self.get_source_expressions())
        params = [*now[1], *column[1]]
        if connection.vendor == "postgresql":
            return f"(EXTRACT(EPOCH FROM ({now[0]} - {column[0]})) / 86400.0)", params
        return f"(julianday({now[0]}) - julianday({column[0]}))", params


def _retrievability_avg(now: datetime, decay: float, factor: float) -> Avg:
    """AVG of the cards' retrievability now, computed by the database (the
    scheduler's forgetting curve, of constants `decay` and `factor`)."""
    stability = Cast("stability", FloatField())
    return Avg(
        Power(
            Value(1.0)
            + Value(factor) * Greatest(_DaysSince("last_review", now), Value(0.0)) / stability,
            Value(decay),
        ),
        output_field=FloatField(),
    )


def _published_totals(bank_ids: Iterable[int]) -> dict[int, int]:
    return bank_published_counts(bank_ids)


def _bank_sums_call(
    *, user: int, today: date, bank_ids: Iterable[int] | None = None, totals: bool = False
) -> sql.PreparedCall:
    """The statement of the bank id -> the user's tallies of the bank: its totals
    row (learning, young, mature, suspended_new, strength) and its rows of days
    before today (`overdue`: cards due before today, and `past_rows`: those rows,
    one once they are folded: _fold_when_grown), for published banks; with
    `totals`, also the bank's published questions (`total`: a count per bank in
    the same statement). One query over a few rows per bank, none of the days to
    come (a row per future due day); its rows read by _bank_sums_of."""
    values: dict[str, Any] = {"user": user, "today": today}
    if bank_ids is not None:
        values["banks"] = list(bank_ids)
    shape = ("progress.bank_sums", totals, None if bank_ids is None else len(values["banks"]))
    return shape, _bank_sums_query(totals), values


def _bank_sums_of(
    rows: Iterable[tuple[Any, ...]], *, totals: bool = False
) -> dict[int, dict[str, Any]]:
    names = (*_BANK_SUM_COLUMNS, *(("total",) if totals else ()))
    return {row[0]: dict(zip(names, row, strict=True)) for row in rows}


_BANK_SUM_COLUMNS = (
    "bank_id", "title", "learning", "young", "mature", "suspended_new", "strength", "overdue",
    "past_rows",
)  # fmt: skip


def _bank_sums_query(totals: bool) -> Any:  # (a build function for sql.prepared_rows)
    def build(*, user: int, today: date, banks: list[int] | None = None) -> QuerySet[Any]:
        # the totals row of each bank and the rows of days past (its index:
        # banktally_user_day), never those of the days to come
        rows = BankTally.objects.filter(
            user=user, due_day__lt=today, bank__status=BankStatus.PUBLISHED
        )
        if banks is not None:
            rows = rows.filter(bank_id__in=banks)
        totals_row = Q(due_day=TOTALS)
        sums = rows.values("bank_id").annotate(
            title=Max("bank__title"),
            learning=Sum("learning", filter=totals_row),
            young=Sum("young", filter=totals_row),
            mature=Sum("mature", filter=totals_row),
            suspended_new=Sum("suspended_new", filter=totals_row),
            strength=Sum("strength", filter=totals_row),
            overdue=Sum("due"),  # (the totals row's is 0)
            past_rows=Count("pk", filter=~totals_row),
        )
        if totals:
            sums = sums.annotate(total=published_question_count("bank_id"))
        return sums.order_by().values_list(*_BANK_SUM_COLUMNS, *(("total",) if totals else ()))

    return build


def _fold_when_grown(
    user: User, preferences: StudyPreferences, now: datetime, sums: Mapping[int, dict[str, Any]]
) -> None:
    """Fold the user's tally rows of past days into one per bank (tallies.fold_past_due_days)
    when the sums just read show a bank with more than one: the first read of a new
    study day (or after reviews of cards due on folded days) pays for them once, the
    next ones read a row per bank for everything due before today, whatever the
    history. Folded up to the real today, never a later one (a reader given a later
    moment). Nothing changes any figure: the readers sum those rows."""
    if not any((row["past_rows"] or 0) > 1 for row in sums.values()):
        return
    _, today, _, _ = _day_of(preferences, min(now, timezone.now()))
    fold_past_due_days(user_id=user.pk, today=today)


def _today_of(user: User, now: datetime) -> tuple[StudyPreferences, date, datetime, datetime]:
    """The user's preferences, study day, and its start and end (UTC)."""
    return _day_of(preferences_or_default(user), now)


def _day_of(
    preferences: StudyPreferences, now: datetime
) -> tuple[StudyPreferences, date, datetime, datetime]:
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    start = day_start(today, zone=zone, day_starts_at_hour=hour)
    end = day_start(today + timedelta(days=1), zone=zone, day_starts_at_hour=hour)
    return preferences, today, start, end


def _bank_totals(banks: Iterable[Any]) -> tuple[list[int], dict[int, int]]:
    """The banks' ids and published question counts (counted only when the banks
    do not come with their question_count)."""
    bank_ids = [b if isinstance(b, int) else b.pk for b in banks]
    # Banks listed with their published question_count (quizzes.selectors) need no
    # count of their questions again.
    totals = {
        b.pk: b.question_count
        for b in banks
        if not isinstance(b, int)
        and b.status == BankStatus.PUBLISHED
        and getattr(b, "question_count", None) is not None
    }
    if bank_ids and len(totals) < len(bank_ids):
        totals = _published_totals(bank_ids)
    return bank_ids, totals


def _due_today_call(
    *,
    user: int,
    start: datetime,
    end: datetime,
    now: datetime,
    bank_ids: Iterable[int] | None = None,
) -> sql.PreparedCall:
    """The statement of bank id -> (cards due from the start of today until now,
    due later today): one index range of today's cards, its SQL compiled once per
    process; its rows read by _due_today_of."""
    values: dict[str, Any] = {"user": user, "start": start, "end": end, "now": now}
    if bank_ids is not None:
        values["banks"] = list(bank_ids)
    shape = ("progress.due_today", None if bank_ids is None else len(values["banks"]))
    return shape, _due_today_query, values


def _due_today_of(rows: Iterable[tuple[Any, ...]]) -> dict[int, tuple[int, int]]:
    return {bank: (due_now, later) for bank, due_now, later in rows}


def _due_today_by_bank(
    user: User,
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    bank_ids: Iterable[int] | None = None,
) -> dict[int, tuple[int, int]]:
    """Bank id -> (cards due from the start of today until now, due later today)."""
    call = _due_today_call(user=user.pk, start=start, end=end, now=now, bank_ids=bank_ids)
    return _due_today_of(_rows(call))


def _due_today_query(
    *, user: int, start: datetime, end: datetime, now: datetime, banks: list[int] | None = None
) -> QuerySet[Any]:
    return (
        _due_cards_between(user, start, end, bank_ids=banks)
        .values("bank")
        .annotate(
            due_now=Count("id", filter=Q(due__lte=now)),
            later=Count("id", filter=Q(due__gt=now)),
        )
        .values_list("bank", "due_now", "later")
        .order_by()
    )


def _mastery_rows(
    bank_ids: list[int],
    totals: Mapping[int, int],
    sums: Mapping[int, dict[str, Any]],
    due_today: Mapping[int, tuple[int, int]],
    unshown: _SetAside,
) -> dict[int, dict[str, Any]]:
    result = {}
    for bank_id in bank_ids:
        total = totals.get(bank_id, 0)
        tally = sums.get(bank_id, {})
        set_aside = sum(tally.get(k) or 0 for k in ("learning", "young", "mature", "suspended_new"))
        result[bank_id] = {
            "due": (tally.get("overdue") or 0)
            - unshown.overdue.get(bank_id, 0)
            + due_today.get(bank_id, (0, 0))[0],
            "new": max(0, total - set_aside),
            "mastery": mastery_percent(tally.get("strength") or 0, total),
            "total": total,
        }
    return result


def bank_mastery(
    *, user: User, banks: Iterable[Any], now: datetime | None = None
) -> dict[int, dict[str, Any]]:
    """Bank id -> {"due", "new", "mastery" (0-100), "total"} for `user`. Five
    queries (four when the banks come with their question_count): preferences,
    the banks' tallies (BankTally: cards by state, their strength, how many were
    due before today: a few rows per bank, kept by each review), the cards due
    today until now (an index range of today's cards), those due before today
    that no queue shows (of unpublished questions: _set_aside_call) and the
    question counts."""
    now = now or timezone.now()
    bank_ids, totals = _bank_totals(banks)
    if not bank_ids:
        return {}
    preferences, today, start, end = _today_of(user, now)
    sum_rows, today_rows, aside_rows = sql.prepared_rows_together(
        [
            _bank_sums_call(user=user.pk, today=today, bank_ids=bank_ids),
            _due_today_call(user=user.pk, start=start, end=end, now=now, bank_ids=bank_ids),
            _set_aside_call(user=user.pk, start=start, horizon=start, bank_ids=bank_ids),
        ]
    )
    sums = _bank_sums_of(sum_rows)
    _fold_when_grown(user, preferences, now, sums)
    return _mastery_rows(
        bank_ids,
        totals,
        sums,
        _due_today_of(today_rows),
        _set_aside_of(aside_rows, preferences),
    )


def progress_home(
    *, user: User, banks: Iterable[Any], now: datetime | None = None
) -> dict[str, Any]:
    """The home page's figures: {"banks": bank_mastery(banks), "today":
    progress_today()}, read together in five queries whatever the history
    (preferences, the tallies of every published bank, today's due cards per bank,
    the day rows of the streak's window, the cards due before today that no queue
    shows; one more when the streak fills it)."""
    now = now or timezone.now()
    bank_ids, totals = _bank_totals(banks)
    preferences, today, start, end = _today_of(user, now)
    first = today - timedelta(days=STREAK_WINDOW_DAYS - 1)
    sum_rows, today_rows, day_rows, aside_rows = sql.prepared_rows_together(
        [
            _bank_sums_call(user=user.pk, today=today),
            _due_today_call(user=user.pk, start=start, end=end, now=now),
            _study_days_call(user=user.pk, first=first, last=today),
            _set_aside_call(user=user.pk, start=start, horizon=start),
        ]
    )
    sums, due_today, per_day, set_aside = (
        _bank_sums_of(sum_rows),
        _due_today_of(today_rows),
        _day_counts(day_rows),
        _set_aside_of(aside_rows, preferences),
    )
    _fold_when_grown(user, preferences, now, sums)
    return {
        "banks": _mastery_rows(bank_ids, totals, sums, due_today, set_aside),
        "today": _today_figures(
            user=user,
            preferences=preferences,
            today=today,
            per_day=per_day,
            window=STREAK_WINDOW_DAYS,
            overdue=sum(row["overdue"] or 0 for row in sums.values()) - set_aside.overdue_total(),
            due_today=due_today,
        ),
    }


def _bank_breakdown(
    all_sums: Mapping[int, dict[str, Any]], quiz_rows: Iterable[tuple[Any, ...]]
) -> list[dict[str, Any]]:
    """The published banks the user has studied (a card still new, e.g. only
    shown by a queue, adds nothing: reading the queue changes no figure), from
    their tallies (BankTally) with their question counts (_bank_sums_of with
    totals), with their quizzes (the rows of _quiz_tallies_call: _bank_quizzes)."""
    sums = {
        bank_id: row
        for bank_id, row in all_sums.items()
        if row["learning"] or row["young"] or row["mature"]
    }
    if not sums:
        return []
    totals = {bank_id: row["total"] or 0 for bank_id, row in sums.items()}
    quizzes = {row[0]: row[1:] for row in quiz_rows}
    banks = []
    for bank_id, row in sums.items():
        total = totals.get(bank_id, 0)
        banks.append(
            {
                "bank": bank_id,
                "title": row["title"],
                "total": total,
                "new": max(0, total - row["learning"] - row["young"] - row["mature"]),
                "learning": row["learning"],
                "young": row["young"],
                "mature": row["mature"],
                "mastery": mastery_percent(row["strength"], total),
                "quizzes": _bank_quizzes(*quizzes.get(bank_id, (0, 0.0, []))),
            }
        )
    return sorted(banks, key=lambda e: (e["title"], e["bank"]))


def _bank_quizzes(finished: int, best: float, recent: list[list[Any]]) -> dict[str, Any]:
    """A bank's quizzes as the summary gives them, from its QuizTally row: how many
    were finished, the best and the last score (None before the first), and the
    last RECENT_QUIZZES scores, oldest first ({"attempt", "date", "score"})."""
    return {
        "finished": finished,
        "best_score": best if finished else None,
        "last_score": recent[-1][2] if recent else None,
        "recent": [
            {"attempt": attempt, "date": datetime.fromisoformat(finished_at), "score": score}
            for attempt, finished_at, score in recent
        ],
    }


def _quiz_tallies_call(*, user: int) -> sql.PreparedCall:
    """The user's quiz tallies (QuizTally: a row per bank quizzed, never the
    attempts; of any bank: those of the banks shown are kept; read with the
    tallies, it cannot wait for their ids)."""
    return ("progress.quiz_tallies",), _quiz_tallies_query, {"user": user}


def _quiz_tallies_query(*, user: int) -> QuerySet[Any]:
    return (
        QuizTally.objects.filter(user=user)
        .order_by()
        .values_list("bank_id", "finished", "best", "recent")
    )


def _due_per_day_call(*, user: int, today: date, days: int) -> sql.PreparedCall:
    """The statement of the cards due per study day from the tallies, today to
    today + days - 1, those due before today under today - 1 (one query, ~a row
    per day)."""
    values = {
        "user": user,
        "overdue_key": today - timedelta(days=1),
        "end": today + timedelta(days=days),
    }
    return ("progress.due_per_day",), _due_per_day_query, values


def _due_per_day(*, user: User, today: date, days: int) -> dict[date, int]:
    """Cards due per study day (_due_per_day_call)."""
    return dict(_rows(_due_per_day_call(user=user.pk, today=today, days=days)))


def _due_per_day_query(*, user: int, overdue_key: date, end: date) -> QuerySet[Any]:
    return (
        BankTally.objects.filter(
            user=user,
            bank__status=BankStatus.PUBLISHED,
            due_day__gt=TOTALS,
            due_day__lt=end,
        )
        .annotate(key=Greatest("due_day", Value(overdue_key)))
        .values("key")
        .annotate(n=Sum("due"))
        .values_list("key", "n")
        .order_by()
    )


def _due_cards_between(
    user: User | int,  # (or its id: the prepared statements pass one)
    start: datetime,
    end: datetime,
    *,
    inclusive: bool = False,
    bank_ids: Iterable[int] | None = None,
) -> QuerySet[Card]:
    """The user's cards in learning, review or relearning (suspended ones aside:
    they are never due) due from `start` to `end`, of published questions (of
    `bank_ids` when given). The range walks the (user, state, due) index; the
    card's bank and whether its question is published are read from the card
    (Card.bank, common.of_published_questions), never from its question."""
    due_range = {"due__gte": start, "due__lte" if inclusive else "due__lt": end}
    return of_published_questions(
        Card.objects.filter(
            user=user, state__in=STARTED_STATES, suspended_at__isnull=True, **due_range
        ),
        user=user,
        bank_ids=bank_ids,
    )


class _SetAside(NamedTuple):
    """Cards the tallies count as due that no study queue shows (those of unpublished
    questions: _set_aside_call): per bank those due before today, per study day those due
    from today on (before the statement's horizon)."""

    overdue: dict[int, int]
    per_day: dict[date, int]

    def overdue_total(self) -> int:
        return sum(self.overdue.values())


def _set_aside_call(
    *, user: int, start: datetime, horizon: datetime, bank_ids: Iterable[int] | None = None
) -> sql.PreparedCall:
    """The statement of the cards the tallies (BankTally.due) count as due but the
    study queue never shows: the user's started, unsuspended cards of unpublished
    questions (archived, drafts: they keep their cards) of published banks, due
    before `horizon` (of `bank_ids` when given). Rows (bank, due moment, cards):
    those due before `start` (today's) as one row per bank, their moment None. Read
    through the (user, question) key of the few unpublished questions of the
    user's banks (common.of_unpublished_questions), never every card; its rows read by
    _set_aside_of."""
    values: dict[str, Any] = {"user": user, "start": start, "horizon": horizon}
    if bank_ids is not None:
        values["banks"] = list(bank_ids)
    shape = ("progress.set_aside", None if bank_ids is None else len(values["banks"]))
    return shape, _set_aside_query, values


def _set_aside_query(
    *, user: int, start: datetime, horizon: datetime, banks: list[int] | None = None
) -> QuerySet[Any]:
    cards = Card.objects.filter(
        user=user, state__in=STARTED_STATES, suspended_at__isnull=True, due__lt=horizon
    )
    moment = Case(
        When(due__gte=start, then=F("due")), default=Value(None), output_field=DateTimeField()
    )
    return (
        of_unpublished_questions(cards, user=user, bank_ids=banks)
        .annotate(moment=moment)
        .values("bank_id", "moment")
        .annotate(n=Count("id"))
        .values_list("bank_id", "moment", "n")
        .order_by()
    )


def _set_aside_of(rows: Iterable[tuple[Any, ...]], preferences: StudyPreferences) -> _SetAside:
    """The rows of _set_aside_call, by bank (due before today) and by study day (in the
    user's study days, as the tallies date them: tallies.TallyDelta.due_day)."""
    zone, hour = zone_of(preferences.time_zone), preferences.day_starts_at_hour
    overdue: dict[int, int] = defaultdict(int)
    per_day: dict[date, int] = defaultdict(int)
    for bank_id, moment, n in rows:
        if moment is None:
            overdue[bank_id] += n
        else:
            per_day[study_date(moment, zone=zone, day_starts_at_hour=hour)] += n
    return _SetAside(dict(overdue), dict(per_day))


def _due_per_day_shown(
    due_per_day: Mapping[date, int], set_aside: _SetAside, *, today: date
) -> dict[date, int]:
    """The tallies' cards due per study day (_due_per_day_call: those before today
    under today - 1) less the cards no queue shows (_set_aside_of)."""
    shown = dict(due_per_day)
    for day, n in (
        *set_aside.per_day.items(),
        (today - timedelta(days=1), set_aside.overdue_total()),
    ):
        if n:
            shown[day] = shown.get(day, 0) - n
    return shown


def _today(
    *, user: User, now: datetime, preferences: StudyPreferences, window: int = STREAK_WINDOW_DAYS
) -> dict[str, Any]:
    """progress_today with the preferences at hand: the day rows of the last `window` days
    (one query, one more each time the streak fills a window), the cards due before today
    (from the tallies, less those no queue shows: two, sent together) and today's due
    cards (an index range: one)."""
    _, today, start, end = _day_of(preferences, now)
    return _today_figures(
        user=user,
        preferences=preferences,
        today=today,
        per_day=_study_days(user=user, first=today - timedelta(days=window - 1), last=today),
        window=window,
        overdue=_overdue(user=user, preferences=preferences, today=today, start=start),
        due_today=_due_today_by_bank(user, start=start, end=end, now=now),
    )


def _overdue(*, user: User, preferences: StudyPreferences, today: date, start: datetime) -> int:
    """The cards due before today (the tallies') that a queue shows: two queries sent
    together."""
    due_rows, aside_rows = sql.prepared_rows_together(
        [
            _due_per_day_call(user=user.pk, today=today, days=0),
            _set_aside_call(user=user.pk, start=start, horizon=start),
        ]
    )
    overdue: int = dict(due_rows).get(today - timedelta(days=1), 0)
    return overdue - _set_aside_of(aside_rows, preferences).overdue_total()


def _today_figures(
    *,
    user: User,
    preferences: StudyPreferences,
    today: date,
    per_day: Mapping[date, DayCounts],
    window: int,
    overdue: int,
    due_today: Mapping[int, tuple[int, int]],
) -> dict[str, Any]:
    """progress_today from the rows at hand (a query more only when the streak
    fills the window of `per_day`)."""
    streak = _streak_over(user=user, today=today, per_day=per_day, window=window)
    counts = per_day.get(today) or NO_COUNTS
    new_limit = preferences.new_cards_limit_on(today)
    return {
        "reviewed": counts.reviews,
        "new_learned": counts.new,
        "new_limit": new_limit,
        "new_left": max(0, new_limit - counts.new),
        "due_now": overdue + sum(due_now for due_now, _ in due_today.values()),
        "due_later_today": sum(later for _, later in due_today.values()),
        "streak": streak,
    }


def progress_today(*, user: User, now: datetime | None = None) -> dict[str, Any]:
    """Today at a glance (the home page): {"reviewed", "new_learned", "due_now",
    "due_later_today", "streak"}, in the user's study day. Five queries
    (preferences, reviews per day of the last weeks, cards due before today from
    the tallies and those of them no queue shows, today's due cards); a streak of STREAK_WINDOW_DAYS or more is
    recounted over a longer window (one more). The home page reads these with its
    banks' figures in one go: progress_home."""
    return _today(user=user, now=now or timezone.now(), preferences=preferences_or_default(user))


FORECAST_DAYS = 30


def _forecast(due_per_day: dict[date, int], *, today: date) -> list[dict[str, Any]]:
    """Started cards due per study day, the next FORECAST_DAYS days (overdue -> today)."""
    counts = dict(due_per_day)
    counts[today] = counts.get(today, 0) + counts.pop(today - timedelta(days=1), 0)
    return [
        {
            "date": (today + timedelta(days=i)).isoformat(),
            "count": counts.get(today + timedelta(days=i), 0),
        }
        for i in range(FORECAST_DAYS)
    ]


def _retention_by_week(per_day: dict[date, DayCounts], first_week: date) -> list[dict[str, Any]]:
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


def _average_query(decay: float, factor: float) -> Any:  # (a build for sql.prepared_rows)
    def build(*, user: int, now: datetime) -> QuerySet[Any]:
        return (
            Card.objects.filter(
                user=user,
                state__in=(CardState.REVIEW, CardState.RELEARNING),
                stability__gt=0,
                last_review__isnull=False,
            )
            .values("user")  # (one group: the user's)
            .annotate(r=_retrievability_avg(now, decay, factor))
            .order_by()
            .values_list("r")
        )

    return build


# Above this many cards in review, a review moves the average retrievability by
# less than 1/2000: it is kept for a few minutes instead of read over every card.
AVERAGE_LIVE_CARDS = 2000
AVERAGE_KEPT_SECONDS = 600


def _average_retrievability(
    *, user: User, now: datetime, parameters: Any, cards_in_review: int
) -> float | None:
    """The average retrievability now of the user's cards in review or relearning,
    by the database (a pass over those cards); for a deck of more than
    AVERAGE_LIVE_CARDS of them, the figure of the last AVERAGE_KEPT_SECONDS is
    served from the cache (which may be down: then it is read)."""
    key = f"learning:average-retrievability:{user.pk}"
    if cards_in_review > AVERAGE_LIVE_CARDS:
        try:
            kept = cache.get(key)
        except Exception:  # the cache fails open: read the figure
            kept = None
        if kept is not None:
            figure: float | None = kept[0]  # (what this function cached: a float or None)
            return figure
    decay, factor = scheduler.forgetting_curve(parameters)
    build = _average_query(decay, factor)
    if parameters:  # a student's own curve: its constants would make a shape per student
        rows = list(build(user=user.pk, now=now))
    else:  # the default curve: the SQL compiled once per process
        rows = sql.prepared_rows(("progress.average_retrievability",), build, user=user.pk, now=now)
    average = rows[0][0] if rows else None
    average = round(average, 4) if average is not None else None
    if cards_in_review > AVERAGE_LIVE_CARDS:
        try:
            cache.set(key, (average,), timeout=AVERAGE_KEPT_SECONDS)
        except Exception:
            logger.warning("average retrievability not cached", exc_info=True)
    return average


def progress_summary(*, user: User, now: datetime | None = None) -> dict[str, Any]:
    """The progress page: today, streak, forecast, retention, mastery and quizzes
    per bank. Reviews per day come from the day table (StudyDay), cards per bank and
    due day from their tallies (BankTally), quizzes per bank from theirs (QuizTally:
    the count, best, last and last RECENT_QUIZZES scores): no query reads the log
    or the attempts, and none every card (but the average retrievability of a deck
    of up to AVERAGE_LIVE_CARDS)."""
    now = now or timezone.now()
    preferences, today, _, _ = _today_of(user, now)
    summary, _ = _summary(
        user=user, now=now, preferences=preferences, today=today, window=SUMMARY_WINDOW_DAYS
    )
    return summary


# The day rows of a 400-day window: today's counts, the weekly retention, the
# heatmap's year and a streak under 400 days in one query (the home page starts
# smaller).
SUMMARY_WINDOW_DAYS = STREAK_WINDOWS_DAYS[1]


def progress_page(
    *, user: User, now: datetime | None = None, heatmap_days: int = 365
) -> dict[str, Any]:
    """The progress page: {"summary": progress_summary(), "heatmap": the reviews
    of each day of the last `heatmap_days` with any (day -> count: review_heatmap's
    figures without its rows of zeros), "desired_retention"}, read together: the
    preferences and the day rows once each: eight queries whatever the history
    (preferences, day rows, due cards per day and those of them no queue shows,
    today's due cards, the banks' tallies with their question counts, their quiz
    tallies, the average retrievability; seven when a big deck's average comes from the cache) in three
    round trips (_summary)."""
    now = now or timezone.now()
    preferences, today, _, _ = _today_of(user, now)
    window = max(SUMMARY_WINDOW_DAYS, heatmap_days)
    summary, per_day = _summary(
        user=user, now=now, preferences=preferences, today=today, window=window
    )
    return {
        "summary": summary,
        "heatmap": _heatmap_counts(per_day, today=today, days=heatmap_days),
        "desired_retention": preferences.desired_retention,
    }


def _summary(
    *,
    user: User,
    now: datetime,
    preferences: StudyPreferences,
    today: date,
    window: int,
) -> tuple[dict[str, Any], dict[date, DayCounts]]:
    """progress_summary with the preferences at hand, and the day rows of the last
    `window` days (at least SUMMARY_WINDOW_DAYS) it read them from. Its six reads
    that wait for nothing but the preferences (day rows, due cards per day, today's
    due cards, the banks' tallies, their quiz tallies, the due cards of unpublished
    questions, which the tallies count and no queue shows) are sent together: one round
    trip on PostgreSQL (sql.prepared_rows_together); the average retrievability,
    which depends on the size of the deck, comes after (the database or the cache)."""
    _, _, start, end = _day_of(preferences, now)
    zone, hour = zone_of(preferences.time_zone), preferences.day_starts_at_hour
    horizon = day_start(today + timedelta(days=FORECAST_DAYS), zone=zone, day_starts_at_hour=hour)
    rows = sql.prepared_rows_together(
        [
            _study_days_call(user=user.pk, first=today - timedelta(days=window - 1), last=today),
            _due_per_day_call(user=user.pk, today=today, days=FORECAST_DAYS),
            _due_today_call(user=user.pk, start=start, end=end, now=now),
            _bank_sums_call(user=user.pk, today=today, totals=True),
            _quiz_tallies_call(user=user.pk),
            _set_aside_call(user=user.pk, start=start, horizon=horizon),
        ]
    )
    day_rows, due_rows, today_rows, sum_rows, quiz_rows, aside_rows = rows
    per_day = _day_counts(day_rows)
    due_per_day = _due_per_day_shown(
        dict(due_rows), _set_aside_of(aside_rows, preferences), today=today
    )
    today_and_streak = _today_figures(
        user=user,
        preferences=preferences,
        today=today,
        per_day=per_day,
        window=SUMMARY_WINDOW_DAYS,
        overdue=due_per_day.get(today - timedelta(days=1), 0),
        due_today=_due_today_of(today_rows),
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

    sums = _bank_sums_of(sum_rows, totals=True)
    _fold_when_grown(user, preferences, now, sums)
    banks = _bank_breakdown(sums, quiz_rows)
    summary = {
        "today": today_and_streak,
        "streak": streak,
        "forecast": _forecast(due_per_day, today=today),
        "retention": {
            "last_7_days": retention_since(7),
            "last_30_days": retention_since(30),
            "due_reviews_7_days": due_reviews_since(7)[0],
            "due_reviews_30_days": due_reviews_since(30)[0],
            "average_retrievability": _average_retrievability(
                user=user,
                now=now,
                parameters=preferences.fsrs_parameters or None,
                cards_in_review=sum(b["learning"] + b["young"] + b["mature"] for b in banks),
            ),
        },
        "retention_by_week": _retention_by_week(per_day, first_week),
        "banks": banks,
    }
    return summary, per_day


def quiz_scores(*, user: User, bank: QuestionBank | int | None = None) -> list[dict[str, Any]]:
    """Finished attempts, oldest first: {"attempt", "bank", "date", "score" (0-100)}."""
    attempts = QuizAttempt.objects.filter(user=user, finished_at__isnull=False)
    if bank is not None:
        attempts = attempts.filter(bank=bank)
    return [
        {
            "attempt": pk,
            "bank": bank_id,
            "date": cast(datetime, finished_at).isoformat(),  # finished: not None
            "score": quiz_score(correct, len(qids)),
        }
        for pk, bank_id, finished_at, correct, qids in attempts.order_by(
            "finished_at", "id"
        ).values_list("pk", "bank_id", "finished_at", "correct_count", "question_ids")
    ]
