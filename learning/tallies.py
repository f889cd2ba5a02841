"""The aggregates behind the progress pages (issue 16): what one review adds to
its study day (StudyDay) and one card to its bank's tally of its due day
(BankTally), and the recount of both from the log and the cards, which stay the
source of truth.

Every write path adds its deltas with `TallyDelta` in its own transaction (at
most two statements, whatever the number of reviews); `progress_rebuild` and
`manage.py rebuild_progress` recount them. The recount uses the same per-card and
per-review functions as the writes, so both give the same integers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr, Trunc
from django.utils import timezone

from quizzes.api import question_path

from . import scheduler, sql
from .study_day import study_date, zone_of

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3  # CardState's values
MATURE_DAYS = scheduler.MATURE_STABILITY_DAYS
STRENGTH_SCALE = 1_000_000  # BankTally.strength is in millionths of a card
DAY_FIELDS = ("reviews", "new", "graded", "passed")
BANK_FIELDS = ("learning", "young", "mature", "suspended_new", "strength", "due")
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # no review is older (services.reviews)
# BankTally.due_day of a bank's totals row: every card's part (the cards never due,
# new ones set aside and suspended ones, only there), read alone by the pages that
# show a bank's figures (one row, whatever the history: issue 16)
TOTALS = date(1, 1, 1)
RECENT_QUIZZES = 10  # the scores a QuizTally keeps (and the progress summary lists) per bank


class CardFacts(NamedTuple):
    """What the tallies read of a card."""

    state: int
    stability: float | None
    suspended: bool
    due: datetime


def card_part(state: int, stability: float | None, suspended: bool) -> tuple[int, ...]:
    """What one card adds to its bank's tally: (learning, young, mature,
    suspended_new, strength). A new card that is not suspended adds nothing, so
    making cards (the study queue) never touches a tally."""
    review = state == REVIEW
    mature = review and stability is not None and stability >= MATURE_DAYS
    strength = 0
    if state in (REVIEW, RELEARNING) and stability:
        strength = round(min(1.0, stability / MATURE_DAYS) * STRENGTH_SCALE)
    return (
        int(state in (LEARNING, RELEARNING)),
        int(review and not mature),
        int(mature),
        int(state == NEW and suspended),
        strength,
    )


def review_part(state_before: int | None, rating: int) -> tuple[int, ...]:
    """What one review adds to its study day: (reviews, new, graded, passed)."""
    graded = state_before == REVIEW
    return (1, int(state_before == NEW), int(graded), int(graded and rating > 1))


def quiz_score(correct: int, size: int, *, places: int = 1) -> float:
    """A finished quiz's score (0-100, one decimal: `places`): its right answers over
    its questions, rounded once (the result page's whole percent is places=0)."""
    return round(100 * correct / size, places) if size else 0.0


def quiz_recent_with(
    recent: list[list[Any]], attempt_id: int, finished_at: datetime, score: float
) -> list[list[Any]]:
    """A tally's recent scores with one more finished quiz, oldest first, the last
    RECENT_QUIZZES kept (in finishing order, then by id, as a recount sorts them)."""
    rows = [*recent, [attempt_id, finished_at.isoformat(), score]]
    rows.sort(key=lambda row: (datetime.fromisoformat(row[1]), row[0]))
    return rows[-RECENT_QUIZZES:]


def quiz_tally_add(
    *, user_id: int, bank_id: int, attempt_id: int, finished_at: datetime, correct: int, size: int
) -> None:
    """A quiz finished: its bank's quiz tally counts it (the caller holds the
    transaction that finishes it; the tally row is locked, made if missing). A quiz
    without questions has no score: it adds nothing."""
    from .models import QuizTally

    if not size:
        return
    tally, _ = QuizTally.objects.select_for_update().get_or_create(user_id=user_id, bank_id=bank_id)
    _tally_count(tally, attempt_id, finished_at, quiz_score(correct, size))
    tally.save(update_fields=["finished", "best", "recent"])


def _tally_count(tally: Any, attempt_id: int, finished_at: datetime, score: float) -> None:
    """One more finished quiz on its bank's quiz tally (a QuizTally, saved by the
    caller): counted, its best score and its recent scores (quiz_tally_add and
    quiz_tallies_rebuild count alike)."""
    tally.finished += 1
    tally.best = max(tally.best, score) if tally.finished > 1 else score
    tally.recent = quiz_recent_with(tally.recent, attempt_id, finished_at, score)


def mastery_percent(strength: int, total: int) -> float:
    """A bank's mastery (0-100): the strength of its cards over its questions."""
    if not total:
        return 0.0
    return min(100.0, round(100 * strength / STRENGTH_SCALE / total, 1))


class TallyDelta:
    """The changes one write makes to a user's aggregates, saved at its end in at
    most two statements (rows in key order: concurrent writers lock them in the
    same order)."""

    def __init__(self, *, user_id: int, time_zone: str | None = None, day_starts_at_hour: int = 4):
        self.user_id = user_id
        self.zone = zone_of(time_zone)
        self.hour = day_starts_at_hour
        self.days: dict[date, list[int]] = defaultdict(lambda: [0] * len(DAY_FIELDS))
        self.banks: dict[tuple[int, date], list[int]] = defaultdict(lambda: [0] * len(BANK_FIELDS))

    @classmethod
    def of(cls, *, user_id: int, preferences: Any) -> TallyDelta:
        return cls(
            user_id=user_id,
            time_zone=preferences.time_zone,
            day_starts_at_hour=preferences.day_starts_at_hour,
        )

    @classmethod
    def for_user(cls, *, user_id: int) -> TallyDelta:
        """With the user's study-day settings read (one query)."""
        from .models import StudyPreferences

        zone, hour = StudyPreferences.objects.filter(user_id=user_id).values_list(
            "time_zone", "day_starts_at_hour"
        ).first() or (None, StudyPreferences._meta.get_field("day_starts_at_hour").default)
        return cls(user_id=user_id, time_zone=zone, day_starts_at_hour=hour)

    def review(
        self, reviewed_at: datetime, state_before: int | None, rating: int, *, sign: int = 1
    ) -> None:
        """A review logged (sign 1) or undone (sign -1)."""
        day = study_date(reviewed_at, zone=self.zone, day_starts_at_hour=self.hour)
        totals = self.days[day]
        for i, value in enumerate(review_part(state_before, rating)):
            totals[i] += sign * value

    def due_day(self, card: CardFacts) -> date:
        """The study day the card is due, when it counts as due (started, not
        suspended), else TOTALS (it is only in its bank's totals row)."""
        if card.state == NEW or card.suspended:
            return TOTALS
        return study_date(card.due, zone=self.zone, day_starts_at_hour=self.hour)

    def card(self, bank_id: int, before: CardFacts, after: CardFacts) -> None:
        """A card of `bank_id` changed from `before` to `after`: its bank's row
        of its old due day loses its part, the row of its new one gains it, and
        the bank's totals row the difference (all written even when nothing
        changed, in the same statement: a review's statements are the same
        whatever the card)."""
        for facts, sign in ((before, -1), (after, 1)):
            day = self.due_day(facts)
            part = card_part(facts.state, facts.stability, facts.suspended)
            totals = self.banks[(bank_id, TOTALS)]
            for i, value in enumerate(part):
                totals[i] += sign * value
            if day != TOTALS:
                row = self.banks[(bank_id, day)]
                for i, value in enumerate((*part, 1)):
                    row[i] += sign * value

    def _rows(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The day rows and the bank rows to add (key order), the deltas cleared."""
        days = [
            (self.user_id, day, *values) for day, values in sorted(self.days.items()) if any(values)
        ]
        banks = [(self.user_id, *key, *values) for key, values in sorted(self.banks.items())]
        self.days.clear()
        self.banks.clear()
        return days, banks

    def save(self) -> None:
        days, banks = self._rows()
        from .models import BankTally, StudyDay

        if days:
            sql.add_to_rows(StudyDay, keys=("user_id", "day"), fields=DAY_FIELDS, rows=days)
        if banks:
            sql.add_to_rows(
                BankTally, keys=("user_id", "bank_id", "due_day"), fields=BANK_FIELDS, rows=banks
            )

    def statements(self) -> list[sql.Statement]:
        """save()'s statements (SQLite and PostgreSQL), for a write that sends them
        with its own (sql.answer_writes); the deltas are cleared as save() does."""
        days, banks = self._rows()
        from .models import BankTally, StudyDay

        statements = []
        if days:
            statements += sql.add_to_rows_statements(
                StudyDay, keys=("user_id", "day"), fields=DAY_FIELDS, rows=days
            )
        if banks:
            statements += sql.add_to_rows_statements(
                BankTally, keys=("user_id", "bank_id", "due_day"), fields=BANK_FIELDS, rows=banks
            )
        return statements


def fold_past_due_days(*, user_id: int, today: date) -> int:
    """Fold the user's tally rows of every study day before yesterday into one row
    per bank, yesterday's (the cards due on those days are summed there): the home
    and progress pages read the rows due before today as one sum, which would
    otherwise cost a row per bank and past due day, growing with the history
    (issue 16). Run on the first read of a new study day (the readers call it when
    their sums show more than one past row in a bank).

    Every figure stays the same: the readers only ever sum the rows due before
    today, and a write moving a card out of a folded day subtracts from that day's
    row (made again, below zero; the next fold adds it in). In one transaction, the
    rows locked in key order as every review locks its own: a concurrent review
    either waits for the fold or is folded in after its commit. Returns the rows
    folded (0: nothing to do). The log and the cards stay the source of truth:
    `manage.py rebuild_progress` writes the rows of the real days again, the same
    sums."""
    from .models import BankTally

    kept = today - timedelta(days=1)
    with transaction.atomic():
        rows = list(
            BankTally.objects.select_for_update()
            .filter(user_id=user_id, due_day__gt=TOTALS, due_day__lt=today)
            .order_by("bank_id", "due_day")
            .values_list("pk", "bank_id", "due_day", *BANK_FIELDS)
        )
        folded = [row for row in rows if row[2] != kept]
        if not folded:
            return 0
        sums: dict[int, list[int]] = defaultdict(lambda: [0] * len(BANK_FIELDS))
        for _, bank_id, _, *values in folded:
            totals = sums[bank_id]
            for i, value in enumerate(values):
                totals[i] += value
        BankTally.objects.filter(pk__in=[row[0] for row in folded]).delete()
        sql.add_to_rows(
            BankTally,
            keys=("user_id", "bank_id", "due_day"),
            fields=BANK_FIELDS,
            rows=[
                (user_id, bank_id, kept, *values)
                for bank_id, values in sorted(sums.items())
                if any(values)
            ],
        )
    return len(folded)


def _whole_hour_offsets(zone: ZoneInfo, since: datetime, until: datetime) -> bool:
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


def count_by_study_day(
    queryset: QuerySet[Any],
    field_name: str,
    *,
    zone: ZoneInfo,
    day_starts_at_hour: int,
    since: datetime,
    until: datetime,
    **aggregates: Any,
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


def _day_rows(models: Any, user_id: int, zone: ZoneInfo, hour: int) -> list[Any]:
    """The user's StudyDay rows, recounted from the log (not undone)."""
    counted = count_by_study_day(
        models.ReviewLog.objects.filter(user_id=user_id, undo__isnull=True),
        "reviewed_at",
        zone=zone,
        day_starts_at_hour=hour,
        since=EARLIEST,
        until=timezone.now() + timedelta(days=2),
        new=Count("pk", filter=Q(state_before=NEW)),
        graded=Count("pk", filter=Q(state_before=REVIEW)),
        passed=Count("pk", filter=Q(state_before=REVIEW, rating__gt=1)),
    )
    return [
        models.StudyDay(
            user_id=user_id,
            day=day,
            reviews=counts["count"],
            new=counts["new"],
            graded=counts["graded"],
            passed=counts["passed"],
        )
        for day, counts in sorted(counted.items())
        if counts["count"]
    ]


def _bank_rows(models: Any, user_id: int, zone: ZoneInfo, hour: int) -> list[Any]:
    """The user's BankTally rows, recounted from their cards."""
    tally = TallyDelta(user_id=user_id, day_starts_at_hour=hour)
    tally.zone = zone
    cards: Iterable[tuple[Any, ...]] = (
        models.Card.objects.filter(user_id=user_id)
        .exclude(state=NEW, suspended_at__isnull=True)  # (they add nothing)
        .values_list(
            question_path("question", "bank_id"), "state", "stability", "suspended_at", "due"
        )
        .order_by()
        .iterator(chunk_size=5000)
    )
    for bank_id, state, stability, suspended_at, due in cards:
        tally.card(
            bank_id,
            CardFacts(NEW, None, False, due),
            CardFacts(state, stability, suspended_at is not None, due),
        )
    return [
        models.BankTally(
            user_id=user_id,
            bank_id=bank_id,
            due_day=day,
            **dict(zip(BANK_FIELDS, values, strict=True)),
        )
        for (bank_id, day), values in sorted(tally.banks.items())
        if any(values)
    ]


class _Models:
    """The model classes a recount uses: the current ones, or a migration's."""

    def __init__(self, apps: Any = None):
        get = apps.get_model if apps is not None else _current_model
        self.Card = get("learning", "Card")
        self.ReviewLog = get("learning", "ReviewLog")
        self.StudyDay = get("learning", "StudyDay")
        self.BankTally = get("learning", "BankTally")
        self.StudyPreferences = get("learning", "StudyPreferences")


def _current_model(app_label: str, name: str) -> Any:
    from django.apps import apps

    return apps.get_model(app_label, name)


def progress_rebuild(
    *, user_ids: Iterable[int] | None = None, apps: Any = None, days: bool = True
) -> dict[str, int]:
    """Recount the StudyDay and BankTally rows of these users (every user with a
    card when None) from the log and the cards, replacing what was there (only the
    BankTally rows with `days=False`). The caller holds the transaction. Returns
    {"users", "days", "banks"} written."""
    models = _Models(apps)
    if user_ids is None:
        user_ids = models.Card.objects.values_list("user_id", flat=True).distinct().order_by()
    written = {"users": 0, "days": 0, "banks": 0}
    for user_id in list(user_ids):
        preferences = (
            models.StudyPreferences.objects.filter(user_id=user_id)
            .values_list("time_zone", "day_starts_at_hour")
            .first()
        ) or ("UTC", models.StudyPreferences._meta.get_field("day_starts_at_hour").default)
        zone = zone_of(preferences[0])
        if days:
            models.StudyDay.objects.filter(user_id=user_id).delete()
            day_rows = _day_rows(models, user_id, zone, preferences[1])
            models.StudyDay.objects.bulk_create(day_rows, batch_size=2000)
            written["days"] += len(day_rows)
        models.BankTally.objects.filter(user_id=user_id).delete()
        tallies = _bank_rows(models, user_id, zone, preferences[1])
        models.BankTally.objects.bulk_create(tallies, batch_size=2000)
        written["users"] += 1
        written["banks"] += len(tallies)
    return written


def quiz_tallies_rebuild(*, user_ids: Iterable[int] | None = None, apps: Any = None) -> int:
    """Recount the QuizTally rows of these users (every user with a finished quiz
    when None) from their finished attempts, replacing what was there, by the same
    functions as quiz_tally_add. The caller holds the transaction. Returns the
    rows written."""
    get = apps.get_model if apps is not None else _current_model
    attempt_model, tally_model = get("learning", "QuizAttempt"), get("learning", "QuizTally")
    finished = attempt_model.objects.filter(finished_at__isnull=False)
    if user_ids is not None:
        user_ids = list(user_ids)
        finished = finished.filter(user_id__in=user_ids)
        tally_model.objects.filter(user_id__in=user_ids).delete()
    else:
        tally_model.objects.all().delete()
    tallies: dict[tuple[int, int], Any] = {}
    rows = finished.order_by("user_id", "bank_id", "finished_at", "id").values_list(
        "user_id", "bank_id", "id", "finished_at", "correct_count", "question_ids"
    )
    for user_id, bank_id, attempt_id, finished_at, correct, question_ids in rows.iterator(
        chunk_size=5000
    ):
        if not question_ids:
            continue
        tally = tallies.get((user_id, bank_id))
        if tally is None:
            tally = tallies[(user_id, bank_id)] = tally_model(
                user_id=user_id, bank_id=bank_id, finished=0, best=0.0, recent=[]
            )
        _tally_count(tally, attempt_id, finished_at, quiz_score(correct, len(question_ids)))
    tally_model.objects.bulk_create(tallies.values(), batch_size=2000)
    return len(tallies)
