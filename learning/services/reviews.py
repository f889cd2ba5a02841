"""Answering a card: one review (review_record), its undo, and the conversions
between Card rows and the scheduler. One transaction each, the card row locked."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from config.api_fields import datetime_text
from quizzes.api import (
    MULTIPLE_CHOICE_KINDS,
    choice_is_correct_subquery,
    correct_choice_subquery,
    question_path,
)

from .. import scheduler, sql
from ..cards import CARD_STATE_FIELDS, fuzz_seed_of, memory_state_of, scheduler_kwargs
from ..models import (
    Card,
    CardState,
    Rating,
    ReviewLog,
    ReviewSource,
    ReviewUndo,
    StudyPreferences,
)
from ..tallies import CardFacts, TallyDelta
from .common import ReviewError, as_int
from .preferences import preferences_get

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from quizzes.api import Question

logger = logging.getLogger(__name__)

QUIZ_SLOW_MS = 20_000
FUTURE_TOLERANCE = timedelta(minutes=5)
EARLIEST_REVIEW = datetime(2000, 1, 1, tzinfo=UTC)
OPTIMIZE_CHECK_EVERY = 200  # reviews between two checks whether a refit is due
# The cache counter of answers since the last check ({ident}: the user's id). The
# API's review POST adds to it in its throttle's round trip (config.api_throttle's
# throttle_also_count) and hands the value to review_record (optimizer_count).
OPTIMIZER_COUNTER = "learning:reviews-since-check:{ident}"


STATE_NAMES: dict[int, str] = {
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
    # What the card's back shows, read with the card (BackFacts; None for a replay)
    back_facts: BackFacts | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.replayed and self.log.result:
            return {**self.log.result, "review_id": self.log.pk}
        return result_payload(
            card=self.card,
            rating=self.log.rating,
            review_id=self.log.pk,
            is_correct=self.is_correct,
            explanation=self.explanation,
            correct_choice_id=self.correct_choice_id,
        )


@dataclass(frozen=True, slots=True)
class BackFacts:
    """The question's values a card's back is made of, read in the answer's own
    query (selectors.card_back_of_facts): the back costs no query of its own but
    the article's text."""

    question_id: int
    bank_id: int
    kind: str
    answer: str
    explanation: str
    evidence_start: int | None
    evidence_end: int | None
    article_id: int | None
    correct_choice_id: int | None


def result_payload(
    *,
    card: Card | CardRow,
    rating: int,
    review_id: int | None,
    is_correct: bool | None,
    explanation: str | None,
    correct_choice_id: int | None,
) -> dict[str, Any]:
    """The answer's JSON (ReviewResult.as_dict; stored in ReviewLog.result)."""
    return {
        "card": card.pk,
        "state": STATE_NAMES[card.state],
        "due": datetime_text(card.due),  # the API's format: a replay answers the same text
        "stability": card.stability,
        "difficulty": card.difficulty,
        "rating": rating,
        "review_id": review_id,
        "is_correct": is_correct,
        "explanation": explanation,
        "correct_choice": correct_choice_id,
    }


def _result_payload_state(card: Card | CardRow) -> dict[str, Any]:
    """The card's memory state as result_payload tells it."""
    return {
        "state": STATE_NAMES[card.state],
        "due": datetime_text(card.due),
        "stability": card.stability,
        "difficulty": card.difficulty,
    }


def card_snapshot(card: Card | CardRow) -> dict[str, Any]:
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


def _apply_snapshot(card: Card | CardRow, snapshot: dict[str, Any]) -> None:
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


def card_get_or_create(*, user: User, question: Question) -> Card:
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


def replay_result(log: ReviewLog) -> ReviewResult:
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


def _replay(*, user: User, client_uuid: uuid.UUID, card_id: int) -> ReviewResult | None:
    log = (
        ReviewLog.objects.select_related("card").filter(user=user, client_uuid=client_uuid).first()
    )
    if log is None:
        return None
    if log.card_id != card_id:
        raise uuid_conflict()
    return replay_result(log)


def uuid_conflict() -> ReviewError:
    return ReviewError(
        "client_uuid", "This review id was already used for another card.", status=409
    )


def _as_uuid(value: object) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ReviewError("client_uuid", "Not a UUID.") from None


_RATINGS = frozenset(Rating.values)  # (the enum's .values builds a new list each time)
_SOURCES = frozenset(ReviewSource.values)


@dataclass
class ReviewInput:
    """One answer after the checks that need no database."""

    card_id: int
    rating: int | None
    choice_id: int | None
    reviewed_at: datetime | None  # None: the server's clock, read under the row lock
    duration_ms: int | None
    client_uuid: uuid.UUID | None
    source: str


def review_input(
    *,
    card_id: Any,
    rating: Any,
    choice_id: Any,
    reviewed_at: Any,
    duration_ms: Any,
    client_uuid: Any,
    source: Any,
    now: datetime,
) -> ReviewInput:
    """Validate one answer's input (ReviewError names the field), in the order
    review_record always checked it."""
    card_id = as_int(card_id, field="card")
    rating = as_int(rating, field="rating")
    choice_id = as_int(choice_id, field="choice")
    duration_ms = as_int(duration_ms, field="duration_ms")
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
    return ReviewInput(
        card_id=card_id,
        rating=rating,
        choice_id=choice_id,
        reviewed_at=checked_at,
        duration_ms=duration_ms,
        client_uuid=client_uuid,
        source=source,
    )


def grade(
    card: Card | CardRow,
    kind: str,
    given: ReviewInput,
    reviewed_at: datetime,
    choices: Sequence[Any] | None,
) -> tuple[int, bool | None, int | None]:
    """(rating, is_correct, correct choice id) of an answer to a locked card whose
    question is of `kind`; `choices` are the question's choices (for a choice answer)."""
    if card.last_review is not None and reviewed_at < card.last_review:
        raise ReviewError("reviewed_at", "This review is earlier than the card's last review.")
    if given.choice_id is None:
        assert given.rating is not None  # review_input: a rating or a choice
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


def reschedule(
    card: Card | CardRow, rating: int, reviewed_at: datetime, kwargs: dict[str, Any]
) -> dict[str, Any]:
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
    "user__study_preferences__time_zone",
    "user__study_preferences__day_starts_at_hour",
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


def _answer_query(
    *, user: int, card: int, choice: int | None = None, client_uuid: uuid.UUID | None = None
) -> QuerySet[Any]:
    """The statement of _answer_row (the subqueries a choice and a client_uuid add)."""
    annotations = {"correct_choice_id": correct_choice_subquery(question=OuterRef("question_id"))}
    if choice is not None:
        annotations["chosen_is_correct"] = choice_is_correct_subquery(
            choice_id=choice, question=OuterRef("question_id")
        )
    if client_uuid is not None:
        annotations["stored_log_id"] = Subquery(
            ReviewLog.objects.filter(user=user, client_uuid=client_uuid).values("id")[:1]
        )
    return (
        Card.objects.select_for_update(of=("self",))
        .filter(pk=card, user=user)
        .annotate(**annotations)
        .values_list(*CARD_ROW_COLUMNS, *_PREFERENCE_COLUMNS, *_BACK_COLUMNS, *annotations)
    )


# The question's values of a card's back not already among CARD_ROW_COLUMNS.
_BACK_COLUMNS = tuple(
    question_path("question", name)
    for name in ("bank_id", "answer", "evidence_start", "evidence_end", "article_id")
)


def _answer_row(
    *, user: User, given: ReviewInput
) -> tuple[CardRow, StudyPreferences, dict[str, Any]] | None:
    """ONE query, locking the card: its state, its question's kind and
    explanation, the user's preferences, what its back shows (its question's
    answer, evidence, article and correct choice), the chosen choice's
    correctness (for a choice answer), and the id of a log already stored under
    the client_uuid. None when it is not the user's card. Its SQL is compiled
    once per process and shape (sql.prepared_rows): an id beyond the database's
    integers is no row (as the ORM answers it), never sent."""
    if not sql.is_storable_id(given.card_id):
        return None
    values: dict[str, Any] = {"user": user.pk, "card": given.card_id}
    names = ["correct_choice_id"]
    if given.choice_id is not None:
        values["choice"] = given.choice_id if sql.is_storable_id(given.choice_id) else 0
        names.append("chosen_is_correct")
    if given.client_uuid is not None:
        values["client_uuid"] = given.client_uuid
        names.append("stored_log_id")
    shape = ("review.answer", given.choice_id is not None, given.client_uuid is not None)
    rows = sql.prepared_rows(shape, _answer_query, **values)
    row = next(iter(rows), None)
    if row is None:
        return None
    width = len(CARD_ROW_COLUMNS)
    card = CardRow(row[:width])
    (
        preference_id,
        time_zone,
        day_starts_at_hour,
        retention,
        learning_steps,
        relearning_steps,
        parameters,
    ) = row[width : width + len(_PREFERENCE_COLUMNS)]
    if preference_id is None:
        preferences = preferences_get(user=user)
    else:
        preferences = StudyPreferences(
            id=preference_id,
            user_id=user.pk,
            time_zone=time_zone,
            day_starts_at_hour=day_starts_at_hour,
            desired_retention=retention,
            learning_steps=learning_steps,
            relearning_steps=relearning_steps,
            fsrs_parameters=parameters,
        )
    at = width + len(_PREFERENCE_COLUMNS)
    extra = dict(zip(names, row[at + len(_BACK_COLUMNS) :], strict=True))
    bank_id, answer, evidence_start, evidence_end, article_id = row[at : at + len(_BACK_COLUMNS)]
    extra["back"] = BackFacts(
        question_id=card.question_id,
        bank_id=bank_id,
        kind=card.kind,
        answer=answer,
        explanation=card.explanation,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
        article_id=article_id,
        correct_choice_id=extra["correct_choice_id"],
    )
    return card, preferences, extra


def _card_instance(row: CardRow, *, user: User) -> Card:
    card = Card(
        id=row.pk,
        user=user,
        question_id=row.question_id,
        **{name: getattr(row, name) for name in CARD_STATE_FIELDS},
    )
    card._state.adding = False
    card._state.db = connection.alias
    return card


def _choice_facts(given: ReviewInput, extra: dict[str, Any]) -> list[_ChoiceFacts]:
    """What the answer's row says of the question's right choice and of the one
    given (when a choice was given)."""
    choices = []
    if given.choice_id is not None and extra["correct_choice_id"] is not None:
        choices.append(_ChoiceFacts(extra["correct_choice_id"], True))
    if given.choice_id is not None and extra.get("chosen_is_correct") is not None:
        choices.append(_ChoiceFacts(given.choice_id, bool(extra["chosen_is_correct"])))
    return choices


def review_record(
    *,
    user: User,
    card_id: int,
    rating: int | None = None,
    choice_id: int | None = None,
    reviewed_at: datetime | None = None,
    duration_ms: int | None = None,
    client_uuid: uuid.UUID | None = None,
    source: str = ReviewSource.FLASHCARD,
    optimizer_count: int | None = None,
) -> ReviewResult:
    """Answer a card: a rating (1 Again .. 4 Easy) or a choice of its question
    (wrong -> Again, right -> Good, slow -> Hard). Writes the new memory state
    and one ReviewLog; a replayed client_uuid returns the stored result. After
    commit the optimiser's counter is added to (count_review_for_optimizer), or
    only read as `optimizer_count` when the caller already added this answer.

    Queries: the card (locked, with everything answering needs), its UPDATE, the
    log's INSERT (ON CONFLICT DO NOTHING with a client_uuid: a concurrent request
    may store the same id first, then it is replayed) and the two tally upserts,
    in one transaction; the four writes sent together (sql.answer_writes: one round
    trip on PostgreSQL)."""
    given = review_input(
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
            return _review_record_late(user=user, given=given, optimizer_count=optimizer_count)
        choices = _choice_facts(given, extra)
        rating, is_correct, correct_choice_id = grade(row, row.kind, given, reviewed_at, choices)
        facts_before = row.facts()
        before = reschedule(row, rating, reviewed_at, scheduler_kwargs(preferences))
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
            back_facts=extra["back"],
        )
        # The log's id is not known before the insert: the stored result leaves
        # review_id out and a replay fills it in from the log row.
        log.result = {**result.as_dict(), "review_id": None}
        fields = {
            column: getattr(log, column) for column in sql.LOG_COLUMNS if column != "created_at"
        }
        tally = TallyDelta.of(user_id=user.pk, preferences=preferences)
        tally.review(reviewed_at, before["state"], rating)
        tally.card(row.bank_id, facts_before, row.facts())
        # The card's UPDATE, the log's INSERT and the tallies' upserts: one round
        # trip on PostgreSQL (a skipped log rolls them all back below).
        inserted = sql.answer_writes(
            card=row, log=fields, skip_conflicts=client_uuid is not None, tally=tally
        )
        if not inserted:
            # A concurrent request stored the same client_uuid first.
            assert client_uuid is not None  # (no conflict is skipped without one)
            replayed = _replay(user=user, client_uuid=client_uuid, card_id=card_id)
            if replayed is None:
                raise IntegrityError(f"Review {client_uuid} neither stored nor found.")
            transaction.set_rollback(True)
            return replayed
        (log.pk,) = inserted
        log._state.adding = False
        log._state.db = connection.alias
        transaction.on_commit(lambda: count_review_for_optimizer(user, counted=optimizer_count))
    return result


def _review_record_late(
    *, user: User, given: ReviewInput, optimizer_count: int | None
) -> ReviewResult:
    """An answer older than its card's last review (made on another device): it
    is logged and the card replayed from its history with it in its place, as
    the batch upload does (refused only for a card with no history to replay);
    `optimizer_count` as review_record's (an answer counted once)."""
    from .batch_sync import batch_apply  # (batch_sync imports this module)

    try:
        with transaction.atomic():
            outcome = batch_apply(
                user=user, pending=[(0, given, None)], optimizer_count=optimizer_count
            )[0]
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


def count_review_for_optimizer(user: User, reviews: int = 1, *, counted: int | None = None) -> None:
    """Every OPTIMIZE_CHECK_EVERY reviews, ask the optimiser whether a refit is due
    (a cache counter: no query on the answer path). `counted`: the counter's value
    once the caller added these reviews (no cache call but at a check)."""
    key = OPTIMIZER_COUNTER.format(ident=user.pk)
    if counted is not None:
        count = counted
    else:
        try:
            try:  # (one round trip but for the first answer counted)
                count = cache.incr(key, reviews)
            except ValueError:  # no counter yet (or the cache lost it)
                count = reviews
                if not cache.add(key, reviews, timeout=None):  # another answer made it first
                    count = cache.incr(key, reviews)
        except Exception:  # a cache outage must not fail an answer
            logger.warning("review counter unavailable", exc_info=True)
            return
    if count >= OPTIMIZE_CHECK_EVERY:
        cache.set(key, 0, timeout=None)
        from ..tasks import parameters_optimize_later

        parameters_optimize_later(user=user)


class CardRow:
    """A locked card's scheduling state, read as plain values (building 500
    model instances with their question would cost more than scheduling)."""

    __slots__ = (
        "pk",
        "question_id",
        "kind",
        "explanation",
        *CARD_STATE_FIELDS,
        "bank_id",
        "suspended",
    )

    def __init__(self, values: Sequence[Any]) -> None:
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
            self.bank_id,
            suspended_at,
        ) = values
        self.suspended = suspended_at is not None

    def facts(self) -> CardFacts:
        """What its bank's tally reads of the card now (learning.tallies)."""
        return CardFacts(self.state, self.stability, self.suspended, self.due)


CARD_ROW_COLUMNS = (
    "id",
    "question_id",
    question_path("question", "kind"),
    question_path("question", "explanation"),
    *CARD_STATE_FIELDS,
    "bank_id",
    "suspended_at",
)


@dataclass
class History:
    """A card's reviews (not undone) to replay: the snapshot before the earliest
    and (reviewed_at, log id, rating) of each, in time order."""

    start: dict[str, Any]
    events: list[tuple[datetime, int, int]]


def card_histories(
    card_ids: Iterable[int], *, exclude_log_id: int | None = None
) -> dict[int, History]:
    """Card id -> its history; one query. A card without logs has none (its
    state has no log to be replayed from)."""
    histories: dict[int, History] = {}
    rows = (
        ReviewLog.objects.filter(card_id__in=set(card_ids), undo__isnull=True)
        .order_by("card_id", "reviewed_at", "id")
        .values_list("card_id", "id", "rating", "reviewed_at", "card_before")
    )
    for card_id, log_id, rating, reviewed_at, card_before in rows:
        history = histories.setdefault(card_id, History(start=card_before, events=[]))
        if log_id != exclude_log_id:
            history.events.append((reviewed_at, log_id, rating))
    return histories


def replay_history(card: Card | CardRow, history: History, kwargs: dict[str, Any]) -> None:
    """Set `card` (a Card or a CardRow, in memory) to the replay of its history:
    the scheduler is deterministic given the log (its fuzz is seeded by the card
    and its repetition count), so every device ends with the same card."""
    _apply_snapshot(card, history.start)
    for reviewed_at, _, rating in history.events:
        reschedule(card, rating, reviewed_at, kwargs)


@dataclass
class UndoResult:
    card: Card
    log: ReviewLog  # the review undone
    replayed: bool  # True: this client_uuid had undone it already; nothing was written


def _undo_replay(*, user: User, client_uuid: uuid.UUID) -> UndoResult | None:
    undo = ReviewUndo.objects.select_related("log__card").filter(client_uuid=client_uuid).first()
    if undo is None:
        return None
    if undo.log.user_id != user.pk:
        raise ReviewError("client_uuid", "This undo id was already used.", status=409)
    return UndoResult(card=undo.log.card, log=undo.log, replayed=True)


def review_undo(*, user: User, client_uuid: object = None) -> UndoResult | None:
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
        card = Card.objects.select_for_update(of=("self",)).get(pk=log.card_id)
        suspended = card.suspended_at is not None
        facts_before = CardFacts(card.state, card.stability, suspended, card.due)
        try:
            with transaction.atomic():
                ReviewUndo.objects.create(log=log, client_uuid=client_uuid)
        except IntegrityError:
            # A concurrent undo took this review (or stored this client_uuid) first.
            replayed = _undo_replay(user=user, client_uuid=client_uuid) if client_uuid else None
            if replayed:
                return replayed
            raise ReviewError(
                "client_uuid", "This review was undone meanwhile; try again.", status=409
            ) from None
        later = ReviewLog.objects.filter(
            card_id=card.pk, undo__isnull=True, reviewed_at__gt=log.reviewed_at
        )
        preferences = preferences_get(user=user)
        if later.exists():
            # It went in before reviews made later (another device's, uploaded late):
            # its snapshot is not the card's state without it; replay the others.
            history = card_histories([card.pk], exclude_log_id=log.pk).get(card.pk)
            assert history is not None  # (`later` is part of it)
            replay_history(card, history, scheduler_kwargs(preferences))
        else:
            _apply_snapshot(card, log.card_before)
        card.save(update_fields=[*CARD_STATE_FIELDS, "updated_at"])
        tally = TallyDelta.of(user_id=user.pk, preferences=preferences)
        tally.review(log.reviewed_at, log.state_before, log.rating, sign=-1)
        tally.card(
            card.bank_id, facts_before, CardFacts(card.state, card.stability, suspended, card.due)
        )
        tally.save()
    return UndoResult(card=card, log=log, replayed=False)


def review_undo_last(*, user: User) -> Card | None:
    """The card of review_undo (None when there was nothing to undo)."""
    result = review_undo(user=user)
    return result.card if result else None
