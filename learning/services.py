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
import unicodedata
import uuid
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, NotSupportedError, connection, transaction
from django.db.models import DateTimeField, F, Func
from django.db.models.functions import Greatest, Least, Round
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import scheduler
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
from .quizzes_gateway import MULTIPLE_CHOICE_KINDS, Choice, Question, QuestionKind

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
        return {
            "card": self.card.pk,
            "state": STATE_NAMES[CardState(self.card.state)],
            "due": self.card.due.isoformat(),
            "stability": self.card.stability,
            "difficulty": self.card.difficulty,
            "rating": self.log.rating,
            "review_id": self.log.pk,
            "is_correct": self.is_correct,
            "explanation": self.explanation,
            "correct_choice": self.correct_choice_id,
        }


# --- conversions between Card rows and the pure scheduler ------------------


def memory_state_of(card: Card) -> scheduler.MemoryState:
    return scheduler.MemoryState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=card.reps,
        lapses=card.lapses,
    )


def scheduler_kwargs(preferences: StudyPreferences) -> dict[str, Any]:
    return {
        "parameters": preferences.fsrs_parameters or None,
        "desired_retention": preferences.desired_retention,
        "learning_steps": tuple(preferences.learning_steps or ()),
        "relearning_steps": tuple(preferences.relearning_steps or ()),
    }


def fuzz_seed_of(card: Card) -> int:
    """Same seed for the preview and the answer of one repetition of a card."""
    return card.pk * 100_003 + card.reps


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


CARD_STATE_FIELDS = [
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
]


def _apply_snapshot(card: Card, snapshot: dict) -> None:
    card.state = snapshot["state"]
    card.step = snapshot["step"]
    card.stability = snapshot["stability"]
    card.difficulty = snapshot["difficulty"]
    card.due = parse_datetime(snapshot["due"])
    card.last_review = parse_datetime(snapshot["last_review"]) if snapshot["last_review"] else None
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

    def as_sql(self, compiler, connection, **extra_context):
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


# The columns answering needs (fewer columns: a cheaper query to build and read).
_ANSWER_COLUMNS = (
    "id",
    "user_id",
    "question_id",
    *CARD_STATE_FIELDS,
    "question__id",
    "question__kind",
    "question__explanation",
    "question__bank_id",
    "user__id",
    "user__study_preferences__id",
    "user__study_preferences__user_id",
    "user__study_preferences__desired_retention",
    "user__study_preferences__learning_steps",
    "user__study_preferences__relearning_steps",
    "user__study_preferences__fsrs_parameters",
)


def _preferences_of_card(card: Card) -> StudyPreferences:
    try:
        return card.user.study_preferences
    except StudyPreferences.DoesNotExist:
        return preferences_get(user=card.user)


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


def _replay(*, user, client_uuid: uuid.UUID, card_id: int) -> ReviewResult | None:
    log = (
        ReviewLog.objects.select_related("card").filter(user=user, client_uuid=client_uuid).first()
    )
    if log is None:
        return None
    if log.card_id != card_id:
        raise ReviewError(
            "client_uuid", "This review id was already used for another card.", status=409
        )
    stored = log.result or {}
    return ReviewResult(
        card=log.card,
        log=log,
        replayed=True,
        is_correct=stored.get("is_correct"),
        explanation=stored.get("explanation"),
        correct_choice_id=stored.get("correct_choice"),
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
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ReviewError(field, "Must be a whole number.") from None
    if isinstance(value, float) and number != value:
        raise ReviewError(field, "Must be a whole number.")
    return number


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
    and one ReviewLog; a replayed client_uuid returns the stored result."""
    card_id = _as_int(card_id, field="card")
    rating = _as_int(rating, field="rating")
    choice_id = _as_int(choice_id, field="choice")
    duration_ms = _as_int(duration_ms, field="duration_ms")
    client_uuid = _as_uuid(client_uuid)
    if (rating is None) == (choice_id is None):
        raise ReviewError("rating", "Give either a rating (1-4) or a choice, not both.")
    if rating is not None and rating not in Rating.values:
        raise ReviewError("rating", "The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    if duration_ms is not None and not 0 <= duration_ms <= 24 * 3600 * 1000:
        raise ReviewError("duration_ms", "The duration must be between 0 and 24 hours.")
    if source not in ReviewSource.values:
        raise ReviewError("source", f"Unknown source “{source}”.")
    now = timezone.now()
    server_time = reviewed_at is None
    reviewed_at = _check_reviewed_at(reviewed_at, now)
    if card_id is None:
        raise ReviewError("card", "Which card?")

    if client_uuid is not None:
        replayed = _replay(user=user, client_uuid=client_uuid, card_id=card_id)
        if replayed is not None:
            return replayed

    with transaction.atomic():
        card = next(
            iter(
                Card.objects.select_for_update(of=("self",))
                .select_related("question", "user__study_preferences")
                .only(*_ANSWER_COLUMNS)
                .filter(pk=card_id, user=user)
            ),
            None,
        )
        if card is None:
            raise ReviewError("card", "No such card.", status=404)
        if server_time:
            # Read the clock after waiting for the row lock: a concurrent answer to
            # the same card may have committed a later "now" meanwhile.
            reviewed_at = timezone.now()
        if card.last_review is not None and reviewed_at < card.last_review:
            raise ReviewError("reviewed_at", "This review is earlier than the card's last review.")
        question = card.question
        is_correct = None
        correct_choice_id = None
        if choice_id is not None:
            if question.kind not in MULTIPLE_CHOICE_KINDS:
                raise ReviewError("choice", "This question is not answered by picking a choice.")
            choices = list(Choice.objects.filter(question_id=question.pk))
            chosen = next((c for c in choices if c.pk == choice_id), None)
            if chosen is None:
                raise ReviewError("choice", "This choice does not belong to the card's question.")
            is_correct = chosen.is_correct
            correct_choice_id = next((c.pk for c in choices if c.is_correct), None)
            rating = rating_for_answer(is_correct=is_correct, duration_ms=duration_ms)

        preferences = _preferences_of_card(card)
        before = card_snapshot(card)
        after = scheduler.schedule(
            memory_state_of(card),
            rating,
            reviewed_at,
            fuzz_seed=fuzz_seed_of(card),
            **scheduler_kwargs(preferences),
        )
        card.state = after.state
        card.step = after.step
        card.stability = after.stability
        card.difficulty = after.difficulty
        card.due = after.due
        card.last_review = after.last_review
        card.reps = after.reps
        card.lapses = after.lapses
        card.save(update_fields=[*CARD_STATE_FIELDS, "updated_at"])
        log = ReviewLog(
            user=user,
            card=card,
            rating=rating,
            reviewed_at=reviewed_at,
            duration_ms=duration_ms,
            client_uuid=client_uuid,
            source=source,
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
            explanation=question.explanation or None,
            correct_choice_id=correct_choice_id,
        )
        # The log's id is not known before the insert: the stored result leaves
        # review_id out and a replay fills it in from the log row.
        log.result = {**result.as_dict(), "review_id": None}
        if client_uuid is None:
            log.save()
        else:
            try:
                with transaction.atomic():
                    log.save()
            except IntegrityError:
                # A concurrent request stored the same client_uuid first.
                replayed = _replay(user=user, client_uuid=client_uuid, card_id=card_id)
                if replayed is None:
                    raise
                transaction.set_rollback(True)
                return replayed
        transaction.on_commit(lambda: _count_review_for_optimizer(user))
    return result


def _count_review_for_optimizer(user) -> None:
    """Every OPTIMIZE_CHECK_EVERY reviews, ask the optimiser whether a refit is due
    (a cache counter: no query on the answer path)."""
    key = f"learning:reviews-since-check:{user.pk}"
    try:
        cache.add(key, 0, timeout=None)
        count = cache.incr(key)
    except Exception:  # a cache outage must not fail an answer
        logger.warning("review counter unavailable", exc_info=True)
        return
    if count >= OPTIMIZE_CHECK_EVERY:
        cache.set(key, 0, timeout=None)
        from .tasks import parameters_optimize_later

        parameters_optimize_later(user=user)


def _item_reviewed_at(item: dict) -> datetime:
    value = item.get("reviewed_at")
    if isinstance(value, datetime) and timezone.is_aware(value):
        return value
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is not None and timezone.is_aware(parsed):
            return parsed
    return timezone.now()


def review_batch_record(*, user, items: list[dict]) -> list[dict]:
    """Apply offline reviews in reviewed_at order, each in its own savepoint;
    one outcome per item, in input order."""
    outcomes: list[dict | None] = [None] * len(items)
    order = sorted(
        range(len(items)),
        key=lambda i: _item_reviewed_at(items[i]) if isinstance(items[i], dict) else timezone.now(),
    )
    with transaction.atomic():
        for index in order:
            item = items[index]
            client_uuid = item.get("client_uuid") if isinstance(item, dict) else None
            client_uuid = str(client_uuid) if client_uuid is not None else None
            if not isinstance(item, dict):
                outcomes[index] = {
                    "client_uuid": None,
                    "ok": False,
                    "errors": {"non_field_errors": ["Each review must be an object."]},
                }
                continue
            try:  # review_record's own atomic block is this item's savepoint
                result = review_record(
                    user=user,
                    card_id=item.get("card", item.get("card_id")),
                    rating=item.get("rating"),
                    choice_id=item.get("choice", item.get("choice_id")),
                    reviewed_at=item.get("reviewed_at"),
                    duration_ms=item.get("duration_ms"),
                    client_uuid=item.get("client_uuid"),
                    source=item.get("source", ReviewSource.API),
                )
                outcomes[index] = {
                    "client_uuid": client_uuid,
                    "ok": True,
                    "result": result.as_dict(),
                }
            except ReviewError as error:
                outcomes[index] = {
                    "client_uuid": client_uuid,
                    "ok": False,
                    "errors": {error.field: [error.message]},
                }
    return outcomes  # type: ignore[return-value]


def review_undo_last(*, user) -> Card | None:
    """Undo the user's latest review that is not undone yet: the card gets back
    its exact state from the log's snapshot and a ReviewUndo marks the log."""
    with transaction.atomic():
        log = (
            ReviewLog.objects.filter(user=user, undo__isnull=True)
            .select_related("card")
            .order_by("-id")
            .first()
        )
        if log is None:
            return None
        card = Card.objects.select_for_update().get(pk=log.card_id)
        _apply_snapshot(card, log.card_before)
        card.save(update_fields=[*CARD_STATE_FIELDS, "updated_at"])
        ReviewUndo.objects.create(log=log)
    return card


# --- quizzes --------------------------------------------------------------


def quiz_start(*, user, bank, size: int = 10, mode: str = QuizMode.RANDOM) -> QuizAttempt:
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
            if state != CardState.NEW and due <= now:
                return (0, due)
            if state == CardState.NEW:
                return (1, far)
            return (2, due)

        chosen = sorted(question_ids, key=urgency)[:size]
    with transaction.atomic():
        return QuizAttempt.objects.create(user=user, bank=bank, mode=mode, question_ids=chosen)


def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


def quiz_answer(
    *,
    user,
    attempt: QuizAttempt,
    question_id: int,
    choice_id: int | None = None,
    order: list[int] | None = None,
    text: str | None = None,
    duration_ms: int | None = None,
) -> QuizAnswer:
    """Grade one answer of an attempt, store it, and feed the scheduler."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    if attempt.finished_at is not None:
        raise ReviewError("attempt", "This quiz is finished.")
    question_id = _as_int(question_id, field="question")
    choice_id = _as_int(choice_id, field="choice")
    duration_ms = _as_int(duration_ms, field="duration_ms")
    if duration_ms is not None and not 0 <= duration_ms <= 24 * 3600 * 1000:
        raise ReviewError("duration_ms", "The duration must be between 0 and 24 hours.")
    if question_id not in attempt.question_ids:
        raise ReviewError("question", "This question is not part of the quiz.")
    question = Question.objects.prefetch_related("choices").filter(pk=question_id).first()
    if question is None:
        raise ReviewError("question", "This question no longer exists.")
    choices = list(question.choices.all())
    chosen = None
    given_order = None
    given_text = ""
    if question.kind in MULTIPLE_CHOICE_KINDS:
        if choice_id is None:
            raise ReviewError("choice", "Pick one of the choices.")
        chosen = next((c for c in choices if c.pk == choice_id), None)
        if chosen is None:
            raise ReviewError("choice", "This choice does not belong to the question.")
        is_correct = chosen.is_correct
    elif question.kind == QuestionKind.ORDERING:
        if not isinstance(order, list | tuple) or not order:
            raise ReviewError("order", "Give the choices in the order you think is right.")
        try:
            given_order = [int(x) for x in order]
        except (TypeError, ValueError):
            raise ReviewError("order", "The order must list choice ids.") from None
        expected = [c.pk for c in sorted(choices, key=lambda c: (c.position, c.pk))]
        if sorted(given_order) != sorted(expected):
            raise ReviewError("order", "The order must list each choice of the question once.")
        is_correct = given_order == expected
    else:
        if text is None or not str(text).strip():
            raise ReviewError("text", "Type your answer.")
        given_text = str(text).strip()[:1000]
        accepted = {_normalise_text(question.answer)} | {
            _normalise_text(c.text) for c in choices if c.is_correct
        }
        is_correct = _normalise_text(given_text) in accepted
    rating = rating_for_answer(is_correct=is_correct, duration_ms=duration_ms)
    now = timezone.now()
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is not None:
            raise ReviewError("attempt", "This quiz is finished.")
        if QuizAnswer.objects.filter(attempt=locked, question_id=question_id).exists():
            raise ReviewError("question", "This question is already answered.")
        card = card_get_or_create(user=user, question=question)
        result = review_record(
            user=user,
            card_id=card.pk,
            rating=rating,
            reviewed_at=now,
            duration_ms=duration_ms,
            source=ReviewSource.QUIZ,
        )
        try:
            with transaction.atomic():
                answer = QuizAnswer.objects.create(
                    attempt=locked,
                    question=question,
                    choice=chosen,
                    given_text=given_text,
                    given_order=given_order,
                    is_correct=is_correct,
                    duration_ms=duration_ms,
                    answered_at=now,
                    review=result.log,
                )
        except IntegrityError:
            raise ReviewError("question", "This question is already answered.") from None
        if is_correct:
            QuizAttempt.objects.filter(pk=locked.pk).update(correct_count=F("correct_count") + 1)
            attempt.correct_count = locked.correct_count + 1
    return answer


def quiz_finish(*, attempt: QuizAttempt) -> QuizAttempt:
    """Close an attempt (idempotent); unanswered questions count as wrong."""
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is None:
            locked.correct_count = locked.answers.filter(is_correct=True).count()
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
