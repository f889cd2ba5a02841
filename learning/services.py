"""Writes of the learner side: answering a card, undo, preferences, quizzes,
parameter fitting. One entry point per action, shared by HTML, API, admin and
tasks; each runs in one transaction.

The quiz rule (documented in docs/decisions/0002): a wrong answer is Again, a
right one is Good, a right one that took longer than QUIZ_SLOW_MS (20 s) is
Hard.
"""

from __future__ import annotations

import logging
import random
import re
import sqlite3
import uuid
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, NotSupportedError, connection, transaction
from django.db.models import DateTimeField, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Greatest, Least, Round
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import scheduler
from .cards import CARD_STATE_FIELDS, fuzz_seed_of, memory_state_of, scheduler_kwargs
from .models import (
    Card,
    CardState,
    QuizAnswer,
    QuizAttempt,
    QuizMode,
    Rating,
    ReviewLog,
    ReviewSource,
    ReviewUndo,
    StudyPreferences,
)
from .quizzes_gateway import (
    MULTIPLE_CHOICE_KINDS,
    AnswerMatch,
    Choice,
    Question,
    QuestionKind,
    answer_match,
)

logger = logging.getLogger(__name__)

QUIZ_SLOW_MS = 20_000
FUTURE_TOLERANCE = timedelta(minutes=5)
EARLIEST_REVIEW = datetime(2000, 1, 1, tzinfo=UTC)
QUIZ_MAX_SIZE = 100
OPTIMIZE_CHECK_EVERY = 200  # reviews between two checks whether a refit is due


class ReviewError(ValueError):
    """Bad input to a learning service: `field` names the input at fault."""

    def __init__(self, field: str, message: str, status: int = 400):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.status = status


STATE_NAMES = {
    CardState.NEW: "new",
    CardState.LEARNING: "learning",
    CardState.REVIEW: "review",
    CardState.RELEARNING: "relearning",
}


@dataclass
class ReviewResult:
    card: Card
    log: ReviewLog
    replayed: bool
    is_correct: bool | None
    explanation: str | None
    correct_choice_id: int | None

    def as_dict(self) -> dict:
        if self.replayed and self.log.result:
            return {**self.log.result, "review_id": self.log.pk}
        return _result_payload(
            card=self.card,
            rating=self.log.rating,
            review_id=self.log.pk,
            is_correct=self.is_correct,
            explanation=self.explanation,
            correct_choice_id=self.correct_choice_id,
        )


def _result_payload(
    *,
    card,
    rating: int,
    review_id: int | None,
    is_correct: bool | None,
    explanation: str | None,
    correct_choice_id: int | None,
) -> dict:
    """The answer's JSON (ReviewResult.as_dict; stored in ReviewLog.result)."""
    return {
        "card": card.pk,
        "state": STATE_NAMES[card.state],
        "due": card.due.isoformat(),
        "stability": card.stability,
        "difficulty": card.difficulty,
        "rating": rating,
        "review_id": review_id,
        "is_correct": is_correct,
        "explanation": explanation,
        "correct_choice": correct_choice_id,
    }


def _result_payload_state(card) -> dict:
    """The card's memory state as _result_payload tells it."""
    return {
        "state": STATE_NAMES[card.state],
        "due": card.due.isoformat(),
        "stability": card.stability,
        "difficulty": card.difficulty,
    }


# --- conversions between Card rows and the pure scheduler ------------------


def card_snapshot(card: Card) -> dict:
    return {
        "state": card.state,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due.isoformat(),
        "last_review": card.last_review.isoformat() if card.last_review else None,
        "reps": card.reps,
        "lapses": card.lapses,
    }


def _moment(text: str) -> datetime:
    """A datetime of a snapshot (written by card_snapshot: always ISO 8601)."""
    moment = parse_datetime(text)
    if moment is None:
        raise ValueError(f"Not a date and time: {text!r}")
    return moment


def _apply_snapshot(card: Card | _CardRow, snapshot: dict) -> None:
    card.state = snapshot["state"]
    card.step = snapshot["step"]
    card.stability = snapshot["stability"]
    card.difficulty = snapshot["difficulty"]
    card.due = _moment(snapshot["due"])
    card.last_review = _moment(snapshot["last_review"]) if snapshot["last_review"] else None
    card.reps = snapshot["reps"]
    card.lapses = snapshot["lapses"]


def rating_for_answer(*, is_correct: bool, duration_ms: int | None) -> int:
    """The quiz rule: wrong -> Again; right -> Good, or Hard when slower than 20 s."""
    if not is_correct:
        return Rating.AGAIN
    if duration_ms is not None and duration_ms > QUIZ_SLOW_MS:
        return Rating.HARD
    return Rating.GOOD


# --- preferences ----------------------------------------------------------

PREFERENCE_FIELDS = (
    "desired_retention",
    "new_cards_per_day",
    "max_reviews_per_day",
    "learning_steps",
    "relearning_steps",
    "time_zone",
    "day_starts_at_hour",
)

_STEP_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_STEP_UNITS = {"s": 1, "": 60, "m": 60, "h": 3600, "d": 86400}
MAX_STEP_SECONDS = 7 * 86400
MAX_STEPS = 10


def parse_steps(value: Any, *, field: str) -> list[int]:
    """Steps as a list of seconds, from a list of numbers (seconds) or a text
    like "1m 10m" / "30s, 1h" (a bare number means minutes, as in Anki)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        seconds = []
        for token in re.split(r"[\s,]+", value.strip()):
            match = _STEP_RE.match(token.lower())
            if not match:
                raise ValidationError({field: f"“{token}” is not a step like 1m, 10m, 1h or 1d."})
            seconds.append(round(float(match.group(1)) * _STEP_UNITS[match.group(2)]))
    elif isinstance(value, list | tuple):
        seconds = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, int | float):
                raise ValidationError({field: "Steps must be numbers of seconds."})
            seconds.append(round(item))
    else:
        raise ValidationError({field: "Steps must be a list of seconds or a text like “1m 10m”."})
    if len(seconds) > MAX_STEPS:
        raise ValidationError({field: f"At most {MAX_STEPS} steps."})
    if any(s < 1 or s > MAX_STEP_SECONDS for s in seconds):
        raise ValidationError({field: "Each step must be between 1 second and 7 days."})
    return seconds


def preferences_get(*, user) -> StudyPreferences:
    preferences, _ = StudyPreferences.objects.get_or_create(user=user)
    return preferences


def _validate_time_zone(name: str) -> None:
    if not isinstance(name, str) or name not in zoneinfo.available_timezones():
        raise ValidationError({"time_zone": f"“{name}” is not a known time zone."})


def preferences_update(*, user, **fields) -> StudyPreferences:
    """Change study preferences (validated; ValidationError names the field).
    A change of desired retention reschedules every review card's due date."""
    unknown = sorted(set(fields) - set(PREFERENCE_FIELDS))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "Unknown setting."))
    for name in ("learning_steps", "relearning_steps"):
        if name in fields:
            fields[name] = parse_steps(fields[name], field=name)
    if "time_zone" in fields:
        _validate_time_zone(fields["time_zone"])
    with transaction.atomic():
        preferences, _ = StudyPreferences.objects.select_for_update().get_or_create(user=user)
        old_retention = preferences.desired_retention
        for name, value in fields.items():
            setattr(preferences, name, value)
        preferences.full_clean()
        preferences.save()
        if "desired_retention" in fields and float(fields["desired_retention"]) != old_retention:
            cards_reschedule(user=user, preferences=preferences)
    return preferences


class _AddDays(Func):
    """datetime + a number of days, in SQL (SQLite and PostgreSQL)."""

    output_field = DateTimeField()

    def _parts(self, compiler, connection):
        moment_sql, moment_params = compiler.compile(self.source_expressions[0])
        days_sql, days_params = compiler.compile(self.source_expressions[1])
        return moment_sql, days_sql, [*moment_params, *days_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        moment_sql, days_sql, params = self._parts(compiler, connection)
        return f"datetime(julianday({moment_sql}) + ({days_sql}))", params

    def as_postgresql(self, compiler, connection, **extra_context):
        moment_sql, days_sql, params = self._parts(compiler, connection)
        return f"({moment_sql} + make_interval(days => CAST({days_sql} AS integer)))", params

    def as_sql(
        self,
        compiler,
        connection,
        function=None,
        template=None,
        arg_joiner=None,
        **extra_context,
    ):
        raise NotSupportedError("No SQL for adding days on this database.")


def cards_reschedule(*, user, preferences: StudyPreferences | None = None) -> int:
    """Set the due date of every review card of `user` from its stability and
    the current desired retention: due = last review + interval. One UPDATE.
    (Intervals lose their fuzz; learning and relearning cards keep their steps.)"""
    preferences = preferences or preferences_get(user=user)
    factor = scheduler.interval_factor(
        desired_retention=preferences.desired_retention,
        parameters=preferences.fsrs_parameters or None,
    )
    cards = Card.objects.filter(
        user=user, state=CardState.REVIEW, stability__isnull=False, last_review__isnull=False
    )
    if connection.vendor in ("sqlite", "postgresql"):
        days = Greatest(1, Least(scheduler.MAXIMUM_INTERVAL_DAYS, Round(F("stability") * factor)))
        return cards.update(due=_AddDays(F("last_review"), days), updated_at=timezone.now())
    changed = []  # other databases: compute in Python
    for card in cards.only("id", "stability", "last_review"):
        assert card.last_review is not None  # (the filter)
        assert card.stability is not None
        card.due = card.last_review + timedelta(
            days=scheduler.interval_days(
                stability=card.stability,
                desired_retention=preferences.desired_retention,
                parameters=preferences.fsrs_parameters or None,
            )
        )
        changed.append(card)
    Card.objects.bulk_update(changed, ["due"], batch_size=500)
    return len(changed)


# --- cards and reviews ----------------------------------------------------


def card_get_or_create(*, user, question) -> Card:
    card, _ = Card.objects.get_or_create(
        user=user, question=question, defaults={"due": timezone.now()}
    )
    return card


def _check_reviewed_at(reviewed_at: datetime | None, now: datetime) -> datetime:
    if reviewed_at is None:
        return now
    if isinstance(reviewed_at, str):
        parsed = parse_datetime(reviewed_at)
        if parsed is None:
            raise ReviewError("reviewed_at", "Not a date and time (use ISO 8601).")
        reviewed_at = parsed
    if not isinstance(reviewed_at, datetime):
        raise ReviewError("reviewed_at", "Not a date and time (use ISO 8601).")
    if timezone.is_naive(reviewed_at):
        raise ReviewError("reviewed_at", "Give a time zone (e.g. 2025-01-31T09:00:00Z).")
    if reviewed_at > now + FUTURE_TOLERANCE:
        raise ReviewError("reviewed_at", "This review is in the future.")
    if reviewed_at < EARLIEST_REVIEW:
        raise ReviewError("reviewed_at", "This review is before the year 2000.")
    return reviewed_at.astimezone(UTC)


def _replay_result(log: ReviewLog) -> ReviewResult:
    """What a replay of `log`'s client_uuid answers (log.card loaded)."""
    stored = log.result or {}
    return ReviewResult(
        card=log.card,
        log=log,
        replayed=True,
        is_correct=stored.get("is_correct"),
        explanation=stored.get("explanation"),
        correct_choice_id=stored.get("correct_choice"),
    )


def _replay(*, user, client_uuid: uuid.UUID, card_id: int) -> ReviewResult | None:
    log = (
        ReviewLog.objects.select_related("card").filter(user=user, client_uuid=client_uuid).first()
    )
    if log is None:
        return None
    if log.card_id != card_id:
        raise _uuid_conflict()
    return _replay_result(log)


def _uuid_conflict() -> ReviewError:
    return ReviewError(
        "client_uuid", "This review id was already used for another card.", status=409
    )


def _as_uuid(value) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ReviewError("client_uuid", "Not a UUID.") from None


def _as_int(value, *, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ReviewError(field, "Must be a whole number.")
    if type(value) is int:
        return value
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ReviewError(field, "Must be a whole number.") from None
    if isinstance(value, float) and number != value:
        raise ReviewError(field, "Must be a whole number.")
    return number


_RATINGS = frozenset(Rating.values)  # (the enum's .values builds a new list each time)
_SOURCES = frozenset(ReviewSource.values)


@dataclass
class _ReviewInput:
    """One answer after the checks that need no database."""

    card_id: int
    rating: int | None
    choice_id: int | None
    reviewed_at: datetime | None  # None: the server's clock, read under the row lock
    duration_ms: int | None
    client_uuid: uuid.UUID | None
    source: str


def _review_input(
    *, card_id, rating, choice_id, reviewed_at, duration_ms, client_uuid, source, now: datetime
) -> _ReviewInput:
    """Validate one answer's input (ReviewError names the field), in the order
    review_record always checked it."""
    card_id = _as_int(card_id, field="card")
    rating = _as_int(rating, field="rating")
    choice_id = _as_int(choice_id, field="choice")
    duration_ms = _as_int(duration_ms, field="duration_ms")
    client_uuid = _as_uuid(client_uuid)
    if (rating is None) == (choice_id is None):
        raise ReviewError("rating", "Give either a rating (1-4) or a choice, not both.")
    if rating is not None and rating not in _RATINGS:
        raise ReviewError("rating", "The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    if duration_ms is not None and not 0 <= duration_ms <= 24 * 3600 * 1000:
        raise ReviewError("duration_ms", "The duration must be between 0 and 24 hours.")
    if source not in _SOURCES:
        raise ReviewError("source", f"Unknown source “{source}”.")
    checked_at = None if reviewed_at is None else _check_reviewed_at(reviewed_at, now)
    if card_id is None:
        raise ReviewError("card", "Which card?")
    return _ReviewInput(
        card_id=card_id,
        rating=rating,
        choice_id=choice_id,
        reviewed_at=checked_at,
        duration_ms=duration_ms,
        client_uuid=client_uuid,
        source=source,
    )


def _grade(
    card, kind: str, given: _ReviewInput, reviewed_at: datetime, choices: list | None
) -> tuple[int, bool | None, int | None]:
    """(rating, is_correct, correct choice id) of an answer to a locked card whose
    question is of `kind`; `choices` are the question's choices (for a choice answer)."""
    if card.last_review is not None and reviewed_at < card.last_review:
        raise ReviewError("reviewed_at", "This review is earlier than the card's last review.")
    if given.choice_id is None:
        assert given.rating is not None  # _review_input: a rating or a choice
        return given.rating, None, None
    if kind not in MULTIPLE_CHOICE_KINDS:
        raise ReviewError("choice", "This question is not answered by picking a choice.")
    choices = choices or []
    chosen = next((c for c in choices if c.pk == given.choice_id), None)
    if chosen is None:
        raise ReviewError("choice", "This choice does not belong to the card's question.")
    correct_choice_id = next((c.pk for c in choices if c.is_correct), None)
    rating = rating_for_answer(is_correct=chosen.is_correct, duration_ms=given.duration_ms)
    return rating, chosen.is_correct, correct_choice_id


def _reschedule(card, rating: int, reviewed_at: datetime, kwargs: dict) -> dict:
    """Move `card` (in memory) to its state after `rating`; returns its snapshot before."""
    before = card_snapshot(card)
    after = scheduler.schedule(
        memory_state_of(card), rating, reviewed_at, fuzz_seed=fuzz_seed_of(card), **kwargs
    )
    card.state = after.state
    card.step = after.step
    card.stability = after.stability
    card.difficulty = after.difficulty
    card.due = after.due
    card.last_review = after.last_review
    card.reps = after.reps
    card.lapses = after.lapses
    return before


_PREFERENCE_COLUMNS = (
    "user__study_preferences__id",
    "user__study_preferences__desired_retention",
    "user__study_preferences__learning_steps",
    "user__study_preferences__relearning_steps",
    "user__study_preferences__fsrs_parameters",
)


class _ChoiceFacts:
    """What grading needs of a choice (read by subqueries with the card)."""

    __slots__ = ("pk", "is_correct")

    def __init__(self, pk: int, is_correct: bool):
        self.pk = pk
        self.is_correct = is_correct


def _answer_row(*, user, given: _ReviewInput):
    """ONE query, locking the card: its state, its question's kind and
    explanation, the user's preferences, the chosen choice's correctness and
    the correct choice (for a choice answer), and the id of a log already
    stored under the client_uuid. None when it is not the user's card."""
    annotations = {}
    if given.choice_id is not None:
        annotations["chosen_is_correct"] = Subquery(
            Choice.objects.filter(pk=given.choice_id, question_id=OuterRef("question_id")).values(
                "is_correct"
            )[:1]
        )
        annotations["correct_choice_id"] = Subquery(
            Choice.objects.filter(question_id=OuterRef("question_id"), is_correct=True)
            .order_by("position", "id")
            .values("id")[:1]
        )
    if given.client_uuid is not None:
        annotations["stored_log_id"] = Subquery(
            ReviewLog.objects.filter(user=user, client_uuid=given.client_uuid).values("id")[:1]
        )
    rows = (
        Card.objects.select_for_update(of=("self",))
        .filter(pk=given.card_id, user=user)
        .annotate(**annotations)
        .values_list(*_CARD_ROW_COLUMNS, *_PREFERENCE_COLUMNS, *annotations)
    )
    values = next(iter(rows), None)
    if values is None:
        return None
    width = len(_CARD_ROW_COLUMNS)
    card = _CardRow(values[:width])
    preference_id, retention, learning_steps, relearning_steps, parameters = values[
        width : width + len(_PREFERENCE_COLUMNS)
    ]
    if preference_id is None:
        preferences = preferences_get(user=user)
    else:
        preferences = StudyPreferences(
            id=preference_id,
            user_id=user.pk,
            desired_retention=retention,
            learning_steps=learning_steps,
            relearning_steps=relearning_steps,
            fsrs_parameters=parameters,
        )
    extra = dict(zip(annotations, values[width + len(_PREFERENCE_COLUMNS) :], strict=True))
    return card, preferences, extra


def _card_instance(row: _CardRow, *, user) -> Card:
    card = Card(
        id=row.pk,
        user=user,
        question_id=row.question_id,
        **{name: getattr(row, name) for name in CARD_STATE_FIELDS},
    )
    card._state.adding = False
    card._state.db = connection.alias
    return card


def review_record(
    *,
    user,
    card_id: int,
    rating: int | None = None,
    choice_id: int | None = None,
    reviewed_at: datetime | None = None,
    duration_ms: int | None = None,
    client_uuid: uuid.UUID | None = None,
    source: str = ReviewSource.FLASHCARD,
) -> ReviewResult:
    """Answer a card: a rating (1 Again .. 4 Easy) or a choice of its question
    (wrong -> Again, right -> Good, slow -> Hard). Writes the new memory state
    and one ReviewLog; a replayed client_uuid returns the stored result.

    Queries: the card (locked, with everything answering needs), its UPDATE and
    the log's INSERT, in one transaction; a client_uuid adds a savepoint around
    the INSERT (a concurrent request may store the same id first)."""
    given = _review_input(
        card_id=card_id,
        rating=rating,
        choice_id=choice_id,
        reviewed_at=reviewed_at,
        duration_ms=duration_ms,
        client_uuid=client_uuid,
        source=source,
        now=timezone.now(),
    )
    card_id, client_uuid = given.card_id, given.client_uuid

    with transaction.atomic():
        found = _answer_row(user=user, given=given)
        if found is None:
            replayed = client_uuid and _replay(user=user, client_uuid=client_uuid, card_id=card_id)
            if replayed:
                return replayed
            raise ReviewError("card", "No such card.", status=404)
        row, preferences, extra = found
        if client_uuid is not None and extra.get("stored_log_id") is not None:
            stored = _replay(user=user, client_uuid=client_uuid, card_id=card_id)
            assert stored is not None  # read under the same transaction
            return stored
        # Read the clock after waiting for the row lock: a concurrent answer to
        # the same card may have committed a later "now" meanwhile.
        reviewed_at = given.reviewed_at or timezone.now()
        if row.last_review is not None and reviewed_at < row.last_review:
            return _review_record_late(user=user, given=given)
        choices = []
        if extra.get("correct_choice_id") is not None:
            choices.append(_ChoiceFacts(extra["correct_choice_id"], True))
        if given.choice_id is not None and extra.get("chosen_is_correct") is not None:
            choices.append(_ChoiceFacts(given.choice_id, bool(extra["chosen_is_correct"])))
        rating, is_correct, correct_choice_id = _grade(row, row.kind, given, reviewed_at, choices)
        before = _reschedule(row, rating, reviewed_at, scheduler_kwargs(preferences))
        _update_cards([row])
        card = _card_instance(row, user=user)
        log = ReviewLog(
            user=user,
            card=card,
            rating=rating,
            reviewed_at=reviewed_at,
            duration_ms=given.duration_ms,
            client_uuid=client_uuid,
            source=given.source,
            card_before=before,
            state_before=before["state"],
            stability_before=before["stability"],
            state_after=card.state,
            due_after=card.due,
        )
        result = ReviewResult(
            card=card,
            log=log,
            replayed=False,
            is_correct=is_correct,
            explanation=row.explanation or None,
            correct_choice_id=correct_choice_id,
        )
        # The log's id is not known before the insert: the stored result leaves
        # review_id out and a replay fills it in from the log row.
        log.result = {**result.as_dict(), "review_id": None}
        fields = {column: getattr(log, column) for column in _LOG_COLUMNS if column != "created_at"}
        if client_uuid is None:
            (log.pk,) = _insert_logs([fields])
        else:
            try:
                with transaction.atomic():
                    (log.pk,) = _insert_logs([fields])
            except IntegrityError:
                # A concurrent request stored the same client_uuid first.
                replayed = _replay(user=user, client_uuid=client_uuid, card_id=card_id)
                if replayed is None:
                    raise
                transaction.set_rollback(True)
                return replayed
        log._state.adding = False
        log._state.db = connection.alias
        transaction.on_commit(lambda: _count_review_for_optimizer(user))
    return result


def _review_record_late(*, user, given: _ReviewInput) -> ReviewResult:
    """An answer older than its card's last review (made on another device): it
    is logged and the card replayed from its history with it in its place, as
    the batch upload does (refused only for a card with no history to replay)."""
    try:
        with transaction.atomic():
            outcome = _batch_apply(user=user, pending=[(0, given, None)])[0]
    except IntegrityError:
        # A concurrent request stored the same client_uuid first.
        replayed = given.client_uuid and _replay(
            user=user, client_uuid=given.client_uuid, card_id=given.card_id
        )
        if not replayed:
            raise
        return replayed
    if not outcome["ok"]:
        ((field, messages),) = outcome["errors"].items()
        raise ReviewError(field, messages[0])
    result = outcome["result"]
    log = ReviewLog.objects.select_related("card").get(pk=result["review_id"])
    return ReviewResult(
        card=log.card,
        log=log,
        replayed=result["replayed"],
        is_correct=result["is_correct"],
        explanation=result["explanation"],
        correct_choice_id=result["correct_choice"],
    )


def _count_review_for_optimizer(user, reviews: int = 1) -> None:
    """Every OPTIMIZE_CHECK_EVERY reviews, ask the optimiser whether a refit is due
    (a cache counter: no query on the answer path)."""
    key = f"learning:reviews-since-check:{user.pk}"
    try:
        cache.add(key, 0, timeout=None)
        count = cache.incr(key, reviews)
    except Exception:  # a cache outage must not fail an answer
        logger.warning("review counter unavailable", exc_info=True)
        return
    if count >= OPTIMIZE_CHECK_EVERY:
        cache.set(key, 0, timeout=None)
        from .tasks import parameters_optimize_later

        parameters_optimize_later(user=user)


# --- offline batches: set-based ------------------------------------------


class _CardRow:
    """A locked card's scheduling state, read as plain values (building 500
    model instances with their question would cost more than scheduling)."""

    __slots__ = (
        "pk",
        "question_id",
        "kind",
        "explanation",
        *CARD_STATE_FIELDS,
    )

    def __init__(self, values: tuple):
        (
            self.pk,
            self.question_id,
            self.kind,
            self.explanation,
            self.state,
            self.step,
            self.stability,
            self.difficulty,
            self.due,
            self.last_review,
            self.reps,
            self.lapses,
        ) = values


_CARD_ROW_COLUMNS = (
    "id",
    "question_id",
    "question__kind",
    "question__explanation",
    *CARD_STATE_FIELDS,
)


def _adapters():
    """Fast (value -> database parameter) functions for datetimes and UUIDs;
    Django's own go through several checks per value."""
    if connection.vendor == "postgresql":
        return (lambda moment: moment), (lambda value: value)
    if connection.vendor == "sqlite" and connection.timezone_name == "UTC":

        def sqlite_datetime(moment):  # what Django stores: naive UTC text
            if moment is None:
                return None
            return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")

        return sqlite_datetime, (lambda value: value.hex if value is not None else None)
    uuid_field = ReviewLog._meta.get_field("client_uuid")
    return connection.ops.adapt_datetimefield_value, (
        lambda value: uuid_field.get_db_prep_value(value, connection)
    )


def _rows_per_statement(columns: int) -> int:
    """How many rows of `columns` parameters one statement may carry here
    (Django assumes SQLite's old limit of 999; the library says its own)."""
    limit = 65_535  # PostgreSQL's wire protocol
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, (limit - 1) // columns)


def _chunks(rows: list, size: int) -> list[list]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


_LOG_COLUMNS = (
    "user_id",
    "card_id",
    "rating",
    "reviewed_at",
    "duration_ms",
    "client_uuid",
    "source",
    "card_before",
    "state_before",
    "stability_before",
    "state_after",
    "due_after",
    "result",
    "created_at",
)


def _insert_logs(rows: list[dict]) -> list[int]:
    """INSERT every log row in ONE statement; returns their ids in row order."""
    if connection.vendor not in ("sqlite", "postgresql"):  # portable, maybe chunked
        logs = ReviewLog.objects.bulk_create([ReviewLog(**row) for row in rows])
        return [log.pk for log in logs]
    ops = connection.ops
    datetime_value, uuid_value = _adapters()
    json_value = ops.adapt_json_value
    created_at = datetime_value(timezone.now())
    params: list = []
    for row in rows:
        params += (
            row["user_id"],
            row["card_id"],
            row["rating"],
            datetime_value(row["reviewed_at"]),
            row["duration_ms"],
            uuid_value(row["client_uuid"]),
            row["source"],
            json_value(row["card_before"], None),
            row["state_before"],
            row["stability_before"],
            row["state_after"],
            datetime_value(row["due_after"]),
            json_value(row["result"], None),
            created_at,
        )
    qn = ops.quote_name
    width = len(_LOG_COLUMNS)
    values = "(" + ", ".join(["%s"] * width) + ")"
    ids: list[int] = []
    with connection.cursor() as cursor:  # one statement (500 rows fit everywhere)
        for chunk in _chunks(list(range(len(rows))), _rows_per_statement(width)):
            cursor.execute(
                f"INSERT INTO {qn(ReviewLog._meta.db_table)} "
                f"({', '.join(map(qn, _LOG_COLUMNS))}) "
                f"VALUES {', '.join([values] * len(chunk))} RETURNING {qn('id')}",
                params[chunk[0] * width : (chunk[-1] + 1) * width],
            )
            # ids grow in row order within one INSERT; RETURNING's own order is not promised
            ids += sorted(pk for (pk,) in cursor.fetchall())
    return ids


def _update_cards(cards: list[_CardRow]) -> None:
    """UPDATE the memory state of every card in ONE statement (UPDATE ... FROM VALUES)."""
    now = timezone.now()
    if connection.vendor not in ("sqlite", "postgresql"):
        Card.objects.bulk_update(
            [
                Card(pk=card.pk, updated_at=now, **{f: getattr(card, f) for f in CARD_STATE_FIELDS})
                for card in cards
            ],
            [*CARD_STATE_FIELDS, "updated_at"],
        )
        return
    qn = connection.ops.quote_name
    columns = {field.name: field for field in Card._meta.concrete_fields}
    fields = [columns[name] for name in CARD_STATE_FIELDS]
    sets = []
    for position, field in enumerate(fields, start=2):
        value = f"v.column{position}"
        if connection.vendor == "postgresql":  # a VALUES column of NULLs is text there
            value = f"CAST({value} AS {field.cast_db_type(connection)})"
        sets.append(f"{qn(cast(str, field.column))} = {value}")
    datetime_value, _ = _adapters()
    params: list = [datetime_value(now)]  # updated_at: its placeholder comes first
    for card in cards:
        params += (
            card.pk,
            card.state,
            card.step,
            card.stability,
            card.difficulty,
            datetime_value(card.due),
            datetime_value(card.last_review),
            card.reps,
            card.lapses,
        )
    width = len(fields) + 1
    values = "(" + ", ".join(["%s"] * width) + ")"
    table = qn(Card._meta.db_table)
    with connection.cursor() as cursor:  # one statement (500 cards fit everywhere)
        for chunk in _chunks(list(range(len(cards))), _rows_per_statement(width)):
            cursor.execute(
                f"UPDATE {table} SET {qn('updated_at')} = %s, {', '.join(sets)} "
                f"FROM (VALUES {', '.join([values] * len(chunk))}) AS v "
                f"WHERE {table}.{qn('id')} = v.column1",
                [params[0], *params[1 + chunk[0] * width : 1 + (chunk[-1] + 1) * width]],
            )


def _batch_ok(client_uuid: str | None, result: dict, *, replayed: bool) -> dict:
    """An applied item: its result says, as a single review's does, whether it
    was a replay (nothing written)."""
    return {"client_uuid": client_uuid, "ok": True, "result": {**result, "replayed": replayed}}


def _batch_error(client_uuid: str | None, error: ReviewError) -> dict:
    return {"client_uuid": client_uuid, "ok": False, "errors": {error.field: [error.message]}}


# --- reviews from another device, older than the card's last one ------------


@dataclass
class _History:
    """A card's reviews (not undone) to replay: the snapshot before the earliest
    and (reviewed_at, log id, rating) of each, in time order."""

    start: dict
    events: list[tuple[datetime, int, int]]


def _histories(card_ids, *, exclude_log_id: int | None = None) -> dict[int, _History]:
    """Card id -> its history; one query. A card without logs has none (its
    state has no log to be replayed from)."""
    histories: dict[int, _History] = {}
    rows = (
        ReviewLog.objects.filter(card_id__in=set(card_ids), undo__isnull=True)
        .order_by("card_id", "reviewed_at", "id")
        .values_list("card_id", "id", "rating", "reviewed_at", "card_before")
    )
    for card_id, log_id, rating, reviewed_at, card_before in rows:
        history = histories.setdefault(card_id, _History(start=card_before, events=[]))
        if log_id != exclude_log_id:
            history.events.append((reviewed_at, log_id, rating))
    return histories


def _replay_history(card, history: _History, kwargs: dict) -> None:
    """Set `card` (a Card or a _CardRow, in memory) to the replay of its history:
    the scheduler is deterministic given the log (its fuzz is seeded by the card
    and its repetition count), so every device ends with the same card."""
    _apply_snapshot(card, history.start)
    for reviewed_at, _, rating in history.events:
        _reschedule(card, rating, reviewed_at, kwargs)


def _batch_apply(*, user, pending: list[tuple[int, _ReviewInput, str | None]]) -> dict[int, dict]:
    """Apply validated answers in one transaction with a constant number of
    queries: lock the cards (1), preferences (1), replays (1, when client_uuids
    are given), choices (1, when an answer is a choice), INSERT the logs (1),
    UPDATE the cards (1)."""
    outcomes: dict[int, dict] = {}
    cards = {
        values[0]: _CardRow(values)
        for values in Card.objects.select_for_update(of=("self",))
        .filter(pk__in={given.card_id for _, given, _ in pending}, user=user)
        .order_by("pk")  # lock in id order: two uploads never wait on each other crosswise
        .values_list(*_CARD_ROW_COLUMNS)
    }
    server_now = timezone.now()  # after the locks, as review_record does
    kwargs = scheduler_kwargs(preferences_get(user=user))
    uuids = {given.client_uuid for _, given, _ in pending if given.client_uuid is not None}
    stored = {}
    if uuids:
        stored = {
            log.client_uuid: log
            for log in ReviewLog.objects.select_related("card").filter(
                user=user, client_uuid__in=uuids
            )
        }
    choice_questions = {
        cards[given.card_id].question_id
        for _, given, _ in pending
        if given.choice_id is not None and given.card_id in cards
    }
    choices: dict[int, list[Choice]] = defaultdict(list)
    if choice_questions:
        for choice in Choice.objects.filter(question_id__in=choice_questions).only(
            "id", "question_id", "is_correct", "position"
        ):
            choices[choice.question_id].append(choice)

    # Answers older than their card's last review (another device's, uploaded late):
    # the card is replayed from its first review with these answers in their place.
    late = {
        given.card_id
        for _, given, _ in pending
        if given.card_id in cards
        and given.client_uuid not in stored  # (a replay changes nothing)
        and given.reviewed_at is not None
        and cards[given.card_id].last_review is not None
        and given.reviewed_at < cards[given.card_id].last_review
    }
    histories = _histories(late) if late else {}
    steps: list[tuple[datetime, int, Any]] = [  # (when, 0 = a stored review first, ...)
        (reviewed_at, 0, (card_id, rating))
        for card_id, history in histories.items()
        for reviewed_at, _, rating in history.events
    ]
    for card_id, history in histories.items():
        _apply_snapshot(cards[card_id], history.start)
    steps += [(p[1].reviewed_at or server_now, 1, p) for p in pending]

    rows: list[dict] = []
    fresh: dict[uuid.UUID, dict] = {}  # client_uuid -> its new row, for repeats in this batch
    answered: list[tuple[int, str | None, dict, bool]] = []
    touched: dict[int, _CardRow] = {}
    for when, kind, step in sorted(steps, key=lambda step: step[:2]):
        if kind == 0:  # a stored review of a replayed card: no new row
            card_id, stored_rating = step
            _reschedule(cards[card_id], stored_rating, when, kwargs)
            continue
        index, given, label = step
        try:
            if given.client_uuid is not None:
                log = stored.get(given.client_uuid)
                if log is not None:
                    if log.card_id != given.card_id:
                        raise _uuid_conflict()
                    outcomes[index] = _batch_ok(label, _replay_result(log).as_dict(), replayed=True)
                    continue
                earlier = fresh.get(given.client_uuid)
                if earlier is not None:  # the same review twice in one batch: a replay
                    if earlier["card_id"] != given.card_id:
                        raise _uuid_conflict()
                    answered.append((index, label, earlier, True))
                    continue
            card = cards.get(given.card_id)
            if card is None:
                raise ReviewError("card", "No such card.", status=404)
            reviewed_at = given.reviewed_at or server_now
            rating, is_correct, correct_choice_id = _grade(
                card, card.kind, given, reviewed_at, choices.get(card.question_id)
            )
            before = _reschedule(card, rating, reviewed_at, kwargs)
        except ReviewError as error:
            outcomes[index] = _batch_error(label, error)
            continue
        row = {
            "user_id": user.pk,
            "card_id": card.pk,
            "rating": rating,
            "reviewed_at": reviewed_at,
            "duration_ms": given.duration_ms,
            "client_uuid": given.client_uuid,
            "source": given.source,
            "card_before": before,
            "state_before": before["state"],
            "stability_before": before["stability"],
            "state_after": card.state,
            "due_after": card.due,
            "result": _result_payload(
                card=card,
                rating=rating,
                review_id=None,
                is_correct=is_correct,
                explanation=card.explanation or None,
                correct_choice_id=correct_choice_id,
            ),
        }
        rows.append(row)
        touched[card.pk] = card
        if given.client_uuid is not None:
            fresh[given.client_uuid] = row
        answered.append((index, label, row, False))
    for row in rows:  # a replayed card: every answer tells the card as it ends up
        if row["card_id"] in histories:
            card = cards[row["card_id"]]
            row["result"] = {**row["result"], **_result_payload_state(card)}
    if rows:
        for row, pk in zip(rows, _insert_logs(rows), strict=True):
            row["id"] = pk
        _update_cards(list(touched.values()))
        transaction.on_commit(lambda: _count_review_for_optimizer(user, len(rows)))
    for index, label, row, replayed in answered:
        outcomes[index] = _batch_ok(
            label, {**row["result"], "review_id": row["id"]}, replayed=replayed
        )
    return outcomes


def review_batch_record(*, user, items: list[dict]) -> list[dict]:
    """Apply offline reviews (up to a few hundred) set-based: every item is
    validated first, then the good ones are applied in reviewed_at order in
    one transaction with a constant number of queries, whatever the number of
    items. One outcome per item, in input order: {"client_uuid", "ok": True,
    "result"} or {"client_uuid", "ok": False, "errors": {field: [message]}}.

    Same rules as review_record: a stored client_uuid is a replay (its stored
    result, nothing written); the same client_uuid twice in one batch makes
    the later one (in reviewed_at order) a replay of the first; a bad item is
    refused with its own error and never touches another."""
    now = timezone.now()
    outcomes: list[dict | None] = [None] * len(items)
    pending: list[tuple[int, _ReviewInput, str | None]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            outcomes[index] = {
                "client_uuid": None,
                "ok": False,
                "errors": {"non_field_errors": ["Each review must be an object."]},
            }
            continue
        label = item.get("client_uuid")
        label = str(label) if label is not None else None
        try:
            given = _review_input(
                card_id=item.get("card", item.get("card_id")),
                rating=item.get("rating"),
                choice_id=item.get("choice", item.get("choice_id")),
                reviewed_at=item.get("reviewed_at"),
                duration_ms=item.get("duration_ms"),
                client_uuid=item.get("client_uuid"),
                source=item.get("source", ReviewSource.API),
                now=now,
            )
        except ReviewError as error:
            outcomes[index] = _batch_error(label, error)
            continue
        pending.append((index, given, label))
    if pending:
        for attempt in (1, 2):
            try:
                with transaction.atomic():
                    applied = _batch_apply(user=user, pending=pending)
                break
            except IntegrityError:
                # A concurrent upload stored one of these client_uuids first: once
                # it has committed, the retry sees it as a replay.
                if attempt == 2:
                    raise
        for index, outcome in applied.items():
            outcomes[index] = outcome
    return outcomes  # type: ignore[return-value]


@dataclass
class UndoResult:
    card: Card
    log: ReviewLog  # the review undone
    replayed: bool  # True: this client_uuid had undone it already; nothing was written


def _undo_replay(*, user, client_uuid: uuid.UUID) -> UndoResult | None:
    undo = ReviewUndo.objects.select_related("log__card").filter(client_uuid=client_uuid).first()
    if undo is None:
        return None
    if undo.log.user_id != user.pk:
        raise ReviewError("client_uuid", "This undo id was already used.", status=409)
    return UndoResult(card=undo.log.card, log=undo.log, replayed=True)


def review_undo(*, user, client_uuid=None) -> UndoResult | None:
    """Undo the user's latest review that is not undone yet (None when there is
    none): the card gets back its exact state from the log's snapshot and a
    ReviewUndo marks the log. With a `client_uuid`, a retried undo (its answer
    lost on the way) is recognised and answers the same review, instead of
    undoing the one before it."""
    client_uuid = _as_uuid(client_uuid)
    with transaction.atomic():
        if client_uuid is not None:
            replayed = _undo_replay(user=user, client_uuid=client_uuid)
            if replayed is not None:
                return replayed
        log = (
            ReviewLog.objects.filter(user=user, undo__isnull=True)
            .select_related("card")
            .order_by("-id")
            .first()
        )
        if log is None:
            return None
        card = Card.objects.select_for_update().get(pk=log.card_id)
        try:
            with transaction.atomic():
                ReviewUndo.objects.create(log=log, client_uuid=client_uuid)
        except IntegrityError:
            # A concurrent undo took this review (or stored this client_uuid) first.
            replayed = client_uuid and _undo_replay(user=user, client_uuid=client_uuid)
            if replayed:
                return replayed
            raise ReviewError(
                "client_uuid", "This review was undone meanwhile; try again.", status=409
            ) from None
        later = ReviewLog.objects.filter(
            card_id=card.pk, undo__isnull=True, reviewed_at__gt=log.reviewed_at
        )
        if later.exists():
            # It went in before reviews made later (another device's, uploaded late):
            # its snapshot is not the card's state without it; replay the others.
            history = _histories([card.pk], exclude_log_id=log.pk).get(card.pk)
            assert history is not None  # (`later` is part of it)
            _replay_history(card, history, scheduler_kwargs(preferences_get(user=user)))
        else:
            _apply_snapshot(card, log.card_before)
        card.save(update_fields=[*CARD_STATE_FIELDS, "updated_at"])
    return UndoResult(card=card, log=log, replayed=False)


def review_undo_last(*, user) -> Card | None:
    """The card of review_undo (None when there was nothing to undo)."""
    result = review_undo(user=user)
    return result.card if result else None


# --- quizzes --------------------------------------------------------------


def quiz_start(
    *, user, bank, size: int | str | None = 10, mode: str = QuizMode.RANDOM
) -> QuizAttempt:
    """A new attempt over up to `size` published questions of a published bank."""
    if bank is None or not getattr(bank, "is_published", False):
        raise ReviewError("bank", "This bank is not published.")
    size = _as_int(size, field="size")
    if size is None or not 1 <= size <= QUIZ_MAX_SIZE:
        raise ReviewError("size", f"The size must be between 1 and {QUIZ_MAX_SIZE}.")
    if mode not in QuizMode.values:
        raise ReviewError("mode", f"The mode must be one of: {', '.join(QuizMode.values)}.")
    question_ids = list(
        Question.objects.filter(bank=bank, status="published")
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    if not question_ids:
        raise ReviewError("bank", "This bank has no published questions yet.")
    if mode == QuizMode.RANDOM:
        chosen = random.sample(question_ids, min(size, len(question_ids)))
    else:
        now = timezone.now()
        cards = {
            qid: (state, due)
            for qid, state, due in Card.objects.filter(
                user=user, question_id__in=question_ids
            ).values_list("question_id", "state", "due")
        }
        far = now + timedelta(days=365 * 1000)

        def urgency(qid: int) -> tuple:
            state, due = cards.get(qid, (CardState.NEW, None))
            if state != CardState.NEW and due is not None and due <= now:
                return (0, due)
            if state == CardState.NEW:
                return (1, far)
            return (2, due)

        chosen = sorted(question_ids, key=urgency)[:size]
    with transaction.atomic():
        return QuizAttempt.objects.create(user=user, bank=bank, mode=mode, question_ids=chosen)


@dataclass(frozen=True)
class GradedAnswer:
    is_correct: bool
    choice: Any = None  # the Choice picked (multiple choice)
    order: list[int] | None = None  # the choice ids in the given order (timeline)
    text: str = ""  # the typed answer (cloze, free text)


def answer_grade(
    *,
    question: Question,
    choice_id: int | None = None,
    order: list[int] | None = None,
    text: str | None = None,
) -> GradedAnswer:
    """Whether an answer to a question is right. Pure: it writes nothing (the quiz
    stores it, a teacher's preview only shows it). Raises ReviewError for an answer
    that does not fit the question."""
    choices = list(question.choices.all())
    if question.kind in MULTIPLE_CHOICE_KINDS:
        if choice_id is None:
            raise ReviewError("choice", "Pick one of the choices.")
        chosen = next((c for c in choices if c.pk == choice_id), None)
        if chosen is None:
            raise ReviewError("choice", "This choice does not belong to the question.")
        return GradedAnswer(is_correct=chosen.is_correct, choice=chosen)
    if question.kind == QuestionKind.ORDERING:
        if not isinstance(order, list | tuple) or not order:
            raise ReviewError("order", "Give the choices in the order you think is right.")
        try:
            given_order = [int(x) for x in order]
        except (TypeError, ValueError):
            raise ReviewError("order", "The order must list choice ids.") from None
        expected = [c.pk for c in sorted(choices, key=lambda c: (c.position, c.pk))]
        if sorted(given_order) != sorted(expected):
            raise ReviewError("order", "The order must list each choice of the question once.")
        return GradedAnswer(is_correct=given_order == expected, order=given_order)
    if text is None or not str(text).strip():
        raise ReviewError("text", "Type your answer.")
    given_text = str(text).strip()[:1000]
    return GradedAnswer(
        is_correct=typed_answer_match(question, given_text).accepted, text=given_text
    )


def quiz_answer(
    *,
    user,
    attempt: QuizAttempt,
    question_id: int | str | None,
    choice_id: int | None = None,
    order: list[int] | None = None,
    text: str | None = None,
    duration_ms: int | None = None,
    hold_typed_miss: bool = False,
) -> QuizAnswer:
    """Grade one answer of an attempt, store it, and feed the scheduler.

    Typed answers are matched the way a teacher would (quizzes.answer_matching).
    With `hold_typed_miss`, a typed answer marked wrong is stored but not logged
    yet (`held`): the student may still say "I was right" (quiz_answer_override);
    it is logged as a miss when they go on (quiz_answers_settle), at the latest
    with their next answer or when the quiz finishes."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    if attempt.finished_at is not None:
        raise ReviewError("attempt", "This quiz is finished.")
    question_id = _as_int(question_id, field="question")
    choice_id = _as_int(choice_id, field="choice")
    duration_ms = _as_int(duration_ms, field="duration_ms")
    if duration_ms is not None and not 0 <= duration_ms <= 24 * 3600 * 1000:
        raise ReviewError("duration_ms", "The duration must be between 0 and 24 hours.")
    if question_id is None or question_id not in attempt.question_ids:
        raise ReviewError("question", "This question is not part of the quiz.")
    question = Question.objects.prefetch_related("choices").filter(pk=question_id).first()
    if question is None:
        raise ReviewError("question", "This question no longer exists.")
    graded = answer_grade(question=question, choice_id=choice_id, order=order, text=text)
    chosen, given_order, given_text = graded.choice, graded.order, graded.text
    is_correct = graded.is_correct
    held = hold_typed_miss and not is_correct and question.kind not in MULTIPLE_CHOICE_KINDS
    held = held and question.kind != QuestionKind.ORDERING
    rating = rating_for_answer(is_correct=is_correct, duration_ms=duration_ms)
    now = timezone.now()
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is not None:
            raise ReviewError("attempt", "This quiz is finished.")
        # One query: this question's answer, if any, and the answers still held.
        earlier = list(
            QuizAnswer.objects.filter(attempt=locked).filter(
                Q(question_id=question_id) | Q(held=True)
            )
        )
        if any(row.question_id == question_id for row in earlier):
            raise ReviewError("question", "This question is already answered.")
        _settle_held(user=user, held=earlier)
        card = card_get_or_create(user=user, question=question)
        log = None
        if not held:
            log = review_record(
                user=user,
                card_id=card.pk,
                rating=rating,
                reviewed_at=now,
                duration_ms=duration_ms,
                source=ReviewSource.QUIZ,
            ).log
        try:
            with transaction.atomic():
                answer = QuizAnswer.objects.create(
                    attempt=locked,
                    question=question,
                    choice=chosen,
                    given_text=given_text,
                    given_order=given_order,
                    is_correct=is_correct,
                    held=held,
                    duration_ms=duration_ms,
                    answered_at=now,
                    review=log,
                )
        except IntegrityError:
            raise ReviewError("question", "This question is already answered.") from None
        if is_correct:
            QuizAttempt.objects.filter(pk=locked.pk).update(correct_count=F("correct_count") + 1)
            attempt.correct_count = locked.correct_count + 1
    return answer


def typed_answer_match(question, given_text: str) -> AnswerMatch:
    """How a typed answer to `question` is graded: its answer, the teacher's
    accepted alternatives and the text of its correct choices all count."""
    alternatives = [*(question.accepted_answers or [])]
    alternatives += [c.text for c in question.choices.all() if c.is_correct]
    return answer_match(given_text, expected=question.answer, alternatives=alternatives)


def _settle_held(*, user, held: list[QuizAnswer]) -> int:
    """Log held typed misses (answers of an attempt whose row lock the caller
    holds) as misses (Again), at the time they were given."""
    held = [answer for answer in held if answer.held]
    for answer in held:
        card, _ = Card.objects.get_or_create(
            user=user, question_id=answer.question_id, defaults={"due": timezone.now()}
        )
        answer.review = _log_quiz_review(user=user, card=card, answer=answer, rating=Rating.AGAIN)
        answer.held = False
        answer.save(update_fields=["review", "held"])
    return len(held)


def _log_quiz_review(*, user, card: Card, answer: QuizAnswer, rating: int) -> ReviewLog:
    """The review of a held answer, dated when it was given (now, if the card was
    reviewed since: a review never goes before the card's last one)."""
    reviewed_at = answer.answered_at
    if card.last_review is not None and card.last_review > reviewed_at:
        reviewed_at = timezone.now()
    return review_record(
        user=user,
        card_id=card.pk,
        rating=rating,
        reviewed_at=reviewed_at,
        duration_ms=answer.duration_ms,
        source=ReviewSource.QUIZ,
    ).log


def quiz_answers_settle(*, user, attempt: QuizAttempt) -> int:
    """The student went on: log their held typed misses (how many were held)."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        return _settle_held(user=user, held=list(locked.answers.filter(held=True)))


def quiz_answer_override(*, user, attempt: QuizAttempt, question_id: int | None) -> QuizAnswer:
    """ "I was right": a held typed miss becomes a pass before it is logged, and
    is logged as a right answer (Good, or Hard when slow)."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    question_id = _as_int(question_id, field="question")
    if question_id is None:
        raise ReviewError("question", "Which question?")
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        answer = (
            QuizAnswer.objects.select_related("question")
            .filter(attempt=locked, question_id=question_id)
            .first()
        )
        if answer is None:
            raise ReviewError("question", "This question is not answered yet.")
        if answer.overridden:
            return answer
        if not answer.held:
            raise ReviewError(
                "question", "This answer is already counted; it can no longer be changed."
            )
        card = card_get_or_create(user=user, question=answer.question)
        rating = rating_for_answer(is_correct=True, duration_ms=answer.duration_ms)
        answer.review = _log_quiz_review(user=user, card=card, answer=answer, rating=rating)
        answer.is_correct = True
        answer.overridden = True
        answer.held = False
        answer.save(update_fields=["review", "is_correct", "overridden", "held"])
        QuizAttempt.objects.filter(pk=locked.pk).update(correct_count=F("correct_count") + 1)
        attempt.correct_count = locked.correct_count + 1
    return answer


def quiz_discard(*, user, attempt: QuizAttempt) -> None:
    """Drop an unfinished attempt. Its held typed misses are logged first: every
    answer given stays a review of its card."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is not None:
            raise ReviewError("attempt", "A finished quiz stays in your results.")
        _settle_held(user=user, held=list(locked.answers.filter(held=True)))
        locked.delete()


def quiz_finish(*, attempt: QuizAttempt) -> QuizAttempt:
    """Close an attempt (idempotent); unanswered questions count as wrong, held
    typed misses are logged."""
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is None:
            answers = list(locked.answers.all())  # one query, also finding held answers
            if any(answer.held for answer in answers):
                _settle_held(user=locked.user, held=answers)
            locked.correct_count = sum(answer.is_correct for answer in answers)
            locked.finished_at = timezone.now()
            locked.save(update_fields=["correct_count", "finished_at"])
    attempt.refresh_from_db()
    return attempt


# --- parameter fitting ----------------------------------------------------


def parameters_optimize(*, user, force: bool = False) -> dict:
    """Fit the user's FSRS parameters from their own (not undone) reviews when
    there are enough (optimizer.MIN_REVIEWS); store them on StudyPreferences.
    Returns {"fitted": bool, "reviews": n, "reason"?: str, "parameters"?: [...]}."""
    from . import optimizer

    preferences = preferences_get(user=user)
    rows = list(
        ReviewLog.objects.filter(user=user, undo__isnull=True)
        .order_by("reviewed_at", "id")
        .values_list("card_id", "rating", "reviewed_at")
    )
    reviews = len(rows)
    if reviews < optimizer.MIN_REVIEWS:
        return {
            "fitted": False,
            "reviews": reviews,
            "reason": f"Needs at least {optimizer.MIN_REVIEWS} reviews.",
        }
    if (
        not force
        and preferences.parameters_fitted_at is not None
        and reviews < preferences.parameters_review_count + optimizer.REFIT_EVERY
    ):
        return {
            "fitted": False,
            "reviews": reviews,
            "reason": "Fitted recently; waiting for more reviews.",
        }
    outcome = optimizer.fit([optimizer.Review(c, r, t) for c, r, t in rows])
    if outcome.parameters is None:
        return {"fitted": False, "reviews": reviews, "reason": outcome.error}
    with transaction.atomic():
        locked = StudyPreferences.objects.select_for_update().get(pk=preferences.pk)
        locked.fsrs_parameters = list(outcome.parameters)
        locked.parameters_fitted_at = timezone.now()
        locked.parameters_review_count = reviews
        locked.save(
            update_fields=["fsrs_parameters", "parameters_fitted_at", "parameters_review_count"]
        )
        cards_reschedule(user=user, preferences=locked)
    return {"fitted": True, "reviews": reviews, "parameters": list(outcome.parameters)}


def parameters_reset(*, user) -> StudyPreferences:
    """Back to the default FSRS parameters."""
    with transaction.atomic():
        preferences, _ = StudyPreferences.objects.select_for_update().get_or_create(user=user)
        preferences.fsrs_parameters = None
        preferences.parameters_fitted_at = None
        preferences.parameters_review_count = 0
        preferences.save(
            update_fields=["fsrs_parameters", "parameters_fitted_at", "parameters_review_count"]
        )
        cards_reschedule(user=user, preferences=preferences)
    return preferences
