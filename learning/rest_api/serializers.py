"""Serializers of the learner API: input serializers validate types and ranges
and hand plain values to learning.services; output serializers shape what the
services / selectors return (and type it for the OpenAPI schema)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, NotRequired, Protocol, TypedDict, TypeVar, cast

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from config.api_errors import PayloadTooLarge
from config.api_fields import (
    MAX_ID,
    AwareDateTimeField,
    PrimaryKeyField,
    StrictBooleanField,
    StrictCharField,
    datetime_text,
)
from config.reversed_urls import reversed_once
from learning.assignments import STATUSES as ASSIGNMENT_STATUSES
from learning.assignments import StudentAssignment
from learning.models import Card, CardState, QuizAttempt, QuizMode, StudyPreferences
from learning.selectors import CardBack, QueueItem, StudyQueue
from learning.tallies import RECENT_QUIZZES
from quizzes.api import PublicQuestionSerializer, StudyQuestion, banks_none

if TYPE_CHECKING:  # the doors' model classes, for annotations (and class bases, as strings)
    from classes.api import (  # noqa: F401  (class bases' strings: ruff cannot see them)
        BankTitle,
        ClassRef,
    )
    from quizzes.api import (
        Article,  # noqa: F401  (a class base's string: ruff cannot see it)
        Question,
        QuestionBank,
    )

STATE_NAMES = {
    CardState.NEW: "new",
    CardState.LEARNING: "learning",
    CardState.REVIEW: "review",
    CardState.RELEARNING: "relearning",
}
STATE_CHOICES = list(STATE_NAMES.values())
FUTURE_TOLERANCE = timedelta(minutes=5)
EARLIEST_REVIEW = datetime(2000, 1, 1, tzinfo=UTC)
MAX_DURATION_MS = 24 * 3600 * 1000
BATCH_MAX = 500


# --- what the views hand the output serializers -------------------------------------------
class QueueItemData(TypedDict):
    """One item of the study queue as QueueItemSerializer reads it (queue_item_data)."""

    back: CardBack
    id: int
    card: int
    question: StudyQuestion
    state: str
    due: datetime
    is_new: bool
    intervals: dict[str, str]
    interval_seconds: dict[str, int]


class QueueData(TypedDict):
    """The study queue as QueueSerializer reads it (queue_data)."""

    due_count: int
    new_available: int
    learning_count: int
    review_count: int
    new_limit: int
    new_left: int
    items: list[QueueItemData]


class StudyMoreData(TypedDict):
    new_cards_per_day: int
    extra_new_cards: int
    new_limit: int


class SettleData(TypedDict):
    settled: int
    answered_count: int
    correct_count: int
    finished: bool


class AttemptData(TypedDict):
    """An attempt as AttemptDetailSerializer reads it (learning.rest_api.views.attempt_data)."""

    id: int
    bank_id: int
    bank: QuestionBank
    mode: str
    size: int
    answered_count: int
    correct_count: int
    started_at: datetime
    finished_at: datetime | None
    retry_of_id: int | None
    questions: NotRequired[list[Question]]
    review: NotRequired[list[dict[str, Any]]]


class AnswerFeedback(TypedDict):
    """What a student sees right after answering (learning.rest_api.views.answer_feedback)."""

    question: int
    is_correct: bool
    correct_choice: int | None
    correct_order: list[int] | None
    answer: str
    explanation: str
    evidence: str


class AnswerResultData(AnswerFeedback):
    """An answer's feedback with where the attempt stands (QuizAnswerResultSerializer)."""

    answered: int
    correct_count: int
    finished: bool
    held: bool
    overridden: bool


class FiguredBank(Protocol):
    """A bank as BankSerializer's figures read it: a QuestionBank, named by what it
    has because drf-spectacular reads these methods' hints at run time, where
    quizzes' door hands out no model class."""

    @property
    def pk(self) -> int: ...


# An attempt from the list's queryset (answered_count annotated), or its data.
_Attempt = TypeVar("_Attempt", QuizAttempt, AttemptData)


# --- banks --------------------------------------------------------------------------------
class BankArticleSerializer(serializers.Serializer["Article"]):
    id = serializers.IntegerField()
    title = serializers.CharField()
    publisher = serializers.CharField()
    url = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)


class BankSerializer(serializers.Serializer["QuestionBank"]):
    """A published bank with the caller's own study figures (context["mastery"])."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    article = BankArticleSerializer(allow_null=True)
    question_count = serializers.IntegerField(help_text="Published questions.")
    due = serializers.SerializerMethodField(help_text="The caller's cards due now.")
    new = serializers.SerializerMethodField(help_text="Questions the caller has not studied yet.")
    mastery = serializers.SerializerMethodField(help_text="The caller's mastery, 0-100.")
    updated_at = serializers.DateTimeField()

    def _figure(self, bank: FiguredBank, name: str, default: float) -> float:
        mastery: dict[int, dict[str, float]] = self.context.get("mastery", {})
        return mastery.get(bank.pk, {}).get(name, default)

    def get_due(self, bank: FiguredBank) -> int:
        return int(self._figure(bank, "due", 0))

    def get_new(self, bank: FiguredBank) -> int:
        default: int = getattr(bank, "question_count", 0)
        return int(self._figure(bank, "new", default))

    def get_mastery(self, bank: FiguredBank) -> float:
        return float(self._figure(bank, "mastery", 0.0))


class BankStudentProgressSerializer(serializers.Serializer[dict[str, Any]]):
    user = serializers.IntegerField()
    username = serializers.CharField()
    mastery = serializers.FloatField()
    retention = serializers.FloatField(allow_null=True)
    last_activity = serializers.DateTimeField(allow_null=True)
    reviews = serializers.IntegerField()


# --- the back of a card -------------------------------------------------------------------
class CardParagraphSerializer(serializers.Serializer[dict[str, Any]]):
    index = serializers.IntegerField(help_text="Its index in the article's `paragraphs`.")
    text = serializers.CharField()
    evidence_start = serializers.IntegerField(help_text="Offset of the evidence in `text`.")
    evidence_end = serializers.IntegerField()


class CardBackSerializer(serializers.Serializer[CardBack]):
    """The back of a card (learning.selectors.CardBack): shown once the card is turned."""

    answer = serializers.CharField(allow_blank=True)
    explanation = serializers.CharField(allow_blank=True)
    correct_choice_id = serializers.IntegerField(
        allow_null=True, help_text="Multiple choice: the right choice."
    )
    correct_order = serializers.ListField(
        child=serializers.IntegerField(),
        allow_null=True,
        help_text="Timeline: the choice ids in the right order.",
    )
    evidence = serializers.CharField(
        allow_blank=True, help_text="The article's sentence behind the answer."
    )
    evidence_start = serializers.IntegerField(
        allow_null=True, help_text="Offset of the sentence in the article's text."
    )
    evidence_end = serializers.IntegerField(allow_null=True)
    paragraph = CardParagraphSerializer(allow_null=True, help_text="The sentence's paragraph.")
    article_id = serializers.IntegerField(allow_null=True)
    article_url = serializers.SerializerMethodField(
        help_text="GET it for the whole article with every evidence span (null without one)."
    )
    source_url = serializers.CharField(
        allow_blank=True, help_text="The web page the article was read from."
    )

    def get_article_url(self, back: CardBack) -> str | None:
        if back.article_id is None:
            return None
        return bank_article_url(back.bank_id)


def bank_article_url(bank_id: int) -> str:
    """The address of a bank's article (`v1:bank-article`), reversed once per bank
    in a process (per URLconf and script prefix): every card back of the queue
    carries it, and reversing it was ~20 us a card, 20 cards of one or a few
    banks a queue request (issue 16)."""
    return reversed_once("v1:bank-article", pk=bank_id)


# --- study queue --------------------------------------------------------------------------
class QueueQuerySerializer(serializers.Serializer[None]):
    bank = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Only this bank."
    )
    limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)


@extend_schema_serializer(deprecate_fields=["card"])
class QueueItemSerializer(serializers.Serializer[QueueItemData]):
    id = serializers.IntegerField(help_text="The card id (what POST reviews/ takes as `card`).")
    card_id = serializers.IntegerField(source="card", help_text="Same as id.")
    card = serializers.IntegerField(help_text="Deprecated: card_id.")
    question = PublicQuestionSerializer()
    state = serializers.ChoiceField(choices=STATE_CHOICES)
    due = serializers.DateTimeField()
    is_new = serializers.BooleanField()
    intervals = serializers.DictField(
        child=serializers.CharField(),
        help_text='Rating ("1" Again .. "4" Easy) -> the next interval if rated so now, e.g. "10m", "4d".',
    )
    interval_seconds = serializers.DictField(
        child=serializers.IntegerField(), help_text="The same intervals in seconds."
    )
    back = CardBackSerializer(
        help_text="The answer side: show it after the student turns the card (also offline)."
    )


class QueueSerializer(serializers.Serializer[QueueData]):
    due_count = serializers.IntegerField(help_text="Learning + review cards due now.")
    new_available = serializers.IntegerField(help_text="New cards still allowed today.")
    learning_count = serializers.IntegerField()
    review_count = serializers.IntegerField()
    new_limit = serializers.IntegerField(
        help_text="Today's new-card limit (the daily one plus what study/more/ added today)."
    )
    new_left = serializers.IntegerField(
        help_text="New cards the limit still lets in today: 0 means the limit is reached "
        "(POST study/more/ raises it, as Anki's custom study)."
    )
    items = QueueItemSerializer(many=True)


def queue_item_data(item: QueueItem, back: CardBack) -> QueueItemData:
    """An item's payload from its rows (no model instance: learning.selectors.QueueItem)."""
    card = item.card_row
    assert card.id is not None  # (the view's queue gave its new cards their rows)
    return {
        "back": back,
        "id": card.id,
        "card": card.id,
        "question": item.question_row,
        "state": STATE_NAMES[CardState(card.state)],
        "due": card.due,
        "is_new": item.is_new,
        "intervals": {str(rating): label for rating, label in item.preview_labels().items()},
        "interval_seconds": {
            str(rating): int(delta.total_seconds()) for rating, delta in item.previews.items()
        },
    }


def queue_data(queue: StudyQueue, backs: dict[int, CardBack]) -> QueueData:
    """The queue view's payload from a study queue and its card backs (question id ->
    back), the input of queue_json and of QueueSerializer."""
    return {
        "due_count": queue.due_count,
        "new_available": queue.new_available,
        "learning_count": queue.learning_count,
        "review_count": queue.review_count,
        "new_limit": queue.new_limit,
        "new_left": queue.new_left,
        "items": [queue_item_data(item, backs[item.question_row.pk]) for item in queue.items],
    }


def queue_json(data: QueueData) -> dict[str, Any]:
    """QueueSerializer(data).data written directly (the same JSON, as a test holds):
    the serializer walked some sixty fields per item, a fifth of the queue's time.
    `data` as the queue view builds it (items from queue_item_data)."""
    return {
        "due_count": data["due_count"],
        "new_available": data["new_available"],
        "learning_count": data["learning_count"],
        "review_count": data["review_count"],
        "new_limit": data["new_limit"],
        "new_left": data["new_left"],
        "items": [_queue_item_json(item) for item in data["items"]],
    }


_PUBLIC_QUESTION = PublicQuestionSerializer()  # (its choices in the order a student sees)


def _queue_item_json(item: QueueItemData) -> dict[str, Any]:
    question = item["question"]
    return {
        "id": item["id"],
        "card_id": item["card"],
        "card": item["card"],
        "question": {
            "id": question.pk,
            "kind": question.kind,
            "prompt": question.prompt,
            "choices": _PUBLIC_QUESTION.get_choices(question),
        },
        "state": item["state"],
        "due": datetime_text(item["due"]),
        "is_new": item["is_new"],
        "intervals": item["intervals"],
        "interval_seconds": item["interval_seconds"],
        "back": card_back_json(item["back"]),
    }


def card_back_json(back: CardBack) -> dict[str, Any]:
    """CardBackSerializer(back).data written directly."""
    paragraph = back.paragraph
    return {
        "answer": back.answer,
        "explanation": back.explanation,
        "correct_choice_id": back.correct_choice_id,
        "correct_order": back.correct_order,
        "evidence": back.evidence,
        "evidence_start": back.evidence_start,
        "evidence_end": back.evidence_end,
        "paragraph": None
        if paragraph is None
        else {
            name: paragraph[name] for name in ("index", "text", "evidence_start", "evidence_end")
        },
        "article_id": back.article_id,
        "article_url": None if back.article_id is None else bank_article_url(back.bank_id),
        "source_url": back.source_url,
    }


# --- reviews ------------------------------------------------------------------------------
class ReviewInputSerializer(serializers.Serializer[None]):
    card = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    rating = serializers.IntegerField(
        required=False, min_value=1, max_value=4, help_text="1 Again, 2 Hard, 3 Good, 4 Easy."
    )
    choice = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        help_text="The chosen choice's id (instead of a rating): wrong -> Again, right -> Good "
        "(Hard when slower than 20 s).",
    )
    client_uuid = serializers.UUIDField(
        required=False, help_text="The client's id for this review: a replay is recognised."
    )
    reviewed_at = AwareDateTimeField(
        required=False,
        help_text="When it happened (ISO 8601 with its time zone); defaults to now.",
    )
    duration_ms = serializers.IntegerField(required=False, min_value=0, max_value=MAX_DURATION_MS)

    def validate_reviewed_at(self, value: datetime) -> datetime:
        now = timezone.now()
        if value > now + FUTURE_TOLERANCE:
            raise serializers.ValidationError("This review is in the future.")
        if value < EARLIEST_REVIEW:
            raise serializers.ValidationError("This review is before the year 2000.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("rating" in attrs) == ("choice" in attrs):
            raise serializers.ValidationError(
                {"rating": ["Give either a rating (1-4) or a choice, not both."]}
            )
        return attrs


class BatchReviewInputSerializer(ReviewInputSerializer):
    client_uuid = serializers.UUIDField(
        help_text="Required offline: a replayed batch is recognised item by item."
    )
    reviewed_at = AwareDateTimeField(
        help_text="When the review happened (ISO 8601 with its time zone)."
    )


_INT = int  # (`type(v) is _INT`: a bool is an int to isinstance, not to DRF)


def _plain_int(item: dict[str, Any], name: str, low: int, high: int) -> bool:
    """The item has no `name`, or a plain int within [low, high]."""
    if name not in item:
        return True
    value = item[name]
    return type(value) is _INT and low <= value <= high


def _plain_item_shape(raw: dict[str, Any]) -> bool:
    """A rating or a choice (one of them), plain ints in range, and the UUID and
    the date-time as strings."""
    rating, choice = raw.get("rating"), raw.get("choice")
    if (rating is None) == (choice is None) or ("rating" in raw) == ("choice" in raw):
        return False
    card = raw.get("card")
    return (
        type(card) is _INT
        and 1 <= card <= MAX_ID
        and _plain_int(raw, "rating", 1, 4)
        and _plain_int(raw, "choice", 1, MAX_ID)
        and _plain_int(raw, "duration_ms", 0, MAX_DURATION_MS)
        and type(raw.get("client_uuid")) is str
        and type(raw.get("reviewed_at")) is str
    )


def _moment_and_uuid(reviewed_at: str, client_uuid: str) -> tuple[datetime, uuid.UUID] | None:
    """The review's time (with its zone, within the allowed times) and UUID, or None."""
    try:
        moment = datetime.fromisoformat(reviewed_at)  # (what DRF's parse_datetime tries first)
        given_uuid = uuid.UUID(hex=client_uuid)
    except ValueError:
        return None
    if moment.utcoffset() is None:
        return None
    if not EARLIEST_REVIEW <= moment <= timezone.now() + FUTURE_TOLERANCE:
        return None
    return moment, given_uuid


def batch_item_validated(raw: Any) -> dict[str, Any] | None:
    """BatchReviewInputSerializer().run_validation(raw) for the plain shape a client
    sends (ints, a UUID string, an ISO 8601 date-time with its zone, within the
    allowed times), or None for anything else: the serializer then answers it, with
    its own errors. The same values (a test holds it), a tenth of the time: 500
    items went through some thirty field calls each."""
    if type(raw) is not dict or not _plain_item_shape(raw):
        return None
    parsed = _moment_and_uuid(raw["reviewed_at"], raw["client_uuid"])
    if parsed is None:
        return None
    moment, given_uuid = parsed
    validated: dict[str, Any] = {
        "card": raw["card"],
        "client_uuid": given_uuid,
        "reviewed_at": moment.astimezone(timezone.get_current_timezone()),
    }
    for name in ("rating", "choice", "duration_ms"):
        if name in raw:
            validated[name] = raw[name]
    return validated


class BatchListField(serializers.ListField):
    """A list of at most BATCH_MAX objects; more is 413 (before any item is read)."""

    def to_internal_value(self, data: Any) -> list[Any]:
        if isinstance(data, list) and len(data) > BATCH_MAX:
            raise PayloadTooLarge(
                f"At most {BATCH_MAX} reviews per batch; got {len(data)}.", field="reviews"
            )
        return super().to_internal_value(data)


class BatchInputSerializer(serializers.Serializer[None]):
    reviews = BatchListField(
        child=serializers.JSONField(),
        allow_empty=False,
        help_text=f"Up to {BATCH_MAX} items shaped like the body of POST reviews/ "
        "(client_uuid and reviewed_at required).",
    )

    class Meta:
        ref_name = "BatchInput"


@extend_schema_serializer(deprecate_fields=["card", "correct_choice"])
class ReviewResultSerializer(serializers.Serializer[dict[str, Any]]):
    card_id = serializers.IntegerField(source="card")
    card = serializers.IntegerField(help_text="Deprecated: card_id.")
    state = serializers.ChoiceField(choices=STATE_CHOICES)
    due = serializers.DateTimeField(help_text="ISO 8601 with time zone.")
    stability = serializers.FloatField(allow_null=True)
    difficulty = serializers.FloatField(allow_null=True)
    rating = serializers.IntegerField()
    review_id = serializers.IntegerField(allow_null=True)
    is_correct = serializers.BooleanField(allow_null=True, help_text="For a choice: was it right?")
    explanation = serializers.CharField(allow_null=True)
    correct_choice_id = serializers.IntegerField(source="correct_choice", allow_null=True)
    correct_choice = serializers.IntegerField(
        allow_null=True, help_text="Deprecated: correct_choice_id."
    )
    back = CardBackSerializer(
        required=False, help_text="The card's back: the answer and its evidence."
    )


class ReviewResponseSerializer(ReviewResultSerializer):
    replayed = serializers.BooleanField(
        help_text="True when this client_uuid was already recorded: nothing was written."
    )


class BatchItemResultSerializer(serializers.Serializer[dict[str, Any]]):
    client_uuid = serializers.CharField(allow_null=True)
    ok = serializers.BooleanField()
    result = ReviewResponseSerializer(
        required=False, help_text="As POST reviews/ answers, `replayed` included."
    )
    errors = serializers.DictField(  # type: ignore[assignment]  # a field, not Serializer.errors
        child=serializers.ListField(child=serializers.CharField()), required=False
    )


class BatchResultSerializer(serializers.Serializer[dict[str, Any]]):
    results = BatchItemResultSerializer(many=True, help_text="One per input item, in input order.")
    ok = serializers.IntegerField(help_text="Items applied (or recognised as replays).")
    failed = serializers.IntegerField()


def review_result_json(result: dict[str, Any]) -> dict[str, Any]:
    """ReviewResponseSerializer(result).data written directly, for a result as the
    services answer it (`replayed` and maybe `back`, a CardBack, added)."""
    card, correct_choice = result["card"], result["correct_choice"]
    stability, difficulty = result["stability"], result["difficulty"]
    data = {
        "card_id": card,
        "card": card,
        "state": result["state"],
        "due": result["due"],
        "stability": None if stability is None else float(stability),
        "difficulty": None if difficulty is None else float(difficulty),
        "rating": result["rating"],
        "review_id": result["review_id"],
        "is_correct": result["is_correct"],
        "explanation": result["explanation"],
        "correct_choice_id": correct_choice,
        "correct_choice": correct_choice,
    }
    if "back" in result:
        data["back"] = card_back_json(result["back"])
    data["replayed"] = result["replayed"]
    return data


def batch_result_json(body: dict[str, Any]) -> dict[str, Any]:
    """BatchResultSerializer(body).data written directly (the same JSON, as a test
    holds): the serializer walked some forty fields per item of up to 500."""
    results = []
    for item in body["results"]:
        label = item["client_uuid"]
        data: dict[str, Any] = {
            "client_uuid": None if label is None else str(label),
            "ok": item["ok"],
        }
        if "result" in item:
            data["result"] = review_result_json(item["result"])
        if "errors" in item:
            data["errors"] = {
                field: [str(message) for message in messages]
                for field, messages in item["errors"].items()
            }
        results.append(data)
    return {"results": results, "ok": body["ok"], "failed": body["failed"]}


class CardStateSerializer(serializers.Serializer[Card]):
    """A card's memory state, with its question's id."""

    id = serializers.IntegerField()
    question_id = serializers.IntegerField()
    state = serializers.SerializerMethodField()
    due = serializers.DateTimeField()
    last_review = serializers.DateTimeField(allow_null=True)
    stability = serializers.FloatField(allow_null=True)
    difficulty = serializers.FloatField(allow_null=True)
    reps = serializers.IntegerField()
    lapses = serializers.IntegerField()
    suspended_at = serializers.DateTimeField(
        allow_null=True, help_text="Set while the caller keeps the card out of their queue."
    )

    def get_state(self, card: Card) -> str:
        return STATE_NAMES[CardState(card.state)]


@extend_schema_serializer(deprecate_fields=["question"])
class CardSerializer(CardStateSerializer):
    question = serializers.IntegerField(source="question_id", help_text="Deprecated: question_id.")


class UndoInputSerializer(serializers.Serializer[None]):
    client_uuid = serializers.UUIDField(
        required=False,
        help_text="The client's id for this undo (an idempotency key): a retry is recognised.",
    )


class UndoResponseSerializer(CardSerializer):
    """The card whose review was undone, as it is now."""

    undone_review_id = serializers.IntegerField(help_text="The review that was undone.")
    replayed = serializers.BooleanField(
        help_text="True when this client_uuid had undone it already: nothing was written."
    )


class CardDetailSerializer(CardStateSerializer):
    """One of the caller's cards, front and back."""

    question = PublicQuestionSerializer(help_text="The front: the question, no answer.")
    back = CardBackSerializer()


class SuspendedCardSerializer(CardSerializer):
    """A suspended card with what it asks (the list a student brings cards back from)."""

    prompt = serializers.CharField(source="question.prompt")
    bank_id = serializers.IntegerField(source="question.bank_id")
    bank_title = serializers.CharField(source="question.bank.title")


class StudyMoreInputSerializer(serializers.Serializer[None]):
    new_cards = serializers.IntegerField(
        min_value=1, max_value=1000, default=10, help_text="New cards to add to today's limit."
    )


class StudyMoreSerializer(serializers.Serializer[StudyMoreData]):
    new_cards_per_day = serializers.IntegerField(help_text="The daily limit (preferences).")
    extra_new_cards = serializers.IntegerField(help_text="Added today by study/more/.")
    new_limit = serializers.IntegerField(help_text="Today's limit: the two together.")


# --- quizzes ------------------------------------------------------------------------------
class QuizStartInputSerializer(serializers.Serializer[None]):
    bank = PrimaryKeyField(queryset=banks_none())
    size = serializers.IntegerField(min_value=1, max_value=100, default=10)
    mode = serializers.ChoiceField(choices=QuizMode.choices, default=QuizMode.RANDOM)

    def __init__(
        self, *args: Any, banks: QuerySet[QuestionBank] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if banks is not None:
            cast(PrimaryKeyField, self.fields["bank"]).limit_to(banks)


class QuizAnswerInputSerializer(serializers.Serializer[None]):
    question = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    choice = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Multiple choice."
    )
    order = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=100,
        help_text="Timeline: the choice ids in the order you think is right.",
    )
    text = StrictCharField(required=False, max_length=1000, help_text="Free text / cloze.")
    duration_ms = serializers.IntegerField(required=False, min_value=0, max_value=MAX_DURATION_MS)
    allow_override = StrictBooleanField(
        required=False,
        default=False,
        help_text="As on the web: a typed answer marked wrong is held (`held`: true), not "
        'logged yet, so POST quizzes/{id}/override/ can count it as right ("I was right"). '
        "It is logged as a miss with the next answer, by POST quizzes/{id}/settle/, or when "
        "the quiz is finished. Without it a miss is logged at once (v1).",
    )


class QuizOverrideInputSerializer(serializers.Serializer[None]):
    question = serializers.IntegerField(min_value=1, max_value=MAX_ID)


class QuizSettleResultSerializer(serializers.Serializer[SettleData]):
    settled = serializers.IntegerField(help_text="Held misses now logged as misses.")
    answered_count = serializers.IntegerField()
    correct_count = serializers.IntegerField()
    finished = serializers.BooleanField(help_text="True once every question is answered.")


@extend_schema_serializer(deprecate_fields=["bank", "answered"])
class AttemptSerializer(serializers.Serializer[_Attempt]):
    id = serializers.IntegerField()
    bank_id = serializers.IntegerField()
    bank = serializers.IntegerField(source="bank_id", help_text="Deprecated: bank_id.")
    bank_title = serializers.CharField(source="bank.title")
    article_published_on = serializers.DateField(
        source="bank.article.published_on",
        allow_null=True,
        help_text="The publication date of the bank's article (null without one or without "
        "a date): show it with the questions, as 'when' questions count from it.",
    )
    mode = serializers.ChoiceField(choices=QuizMode.choices)
    size = serializers.IntegerField()
    answered_count = serializers.IntegerField()
    answered = serializers.IntegerField(
        source="answered_count", help_text="Deprecated: answered_count."
    )
    correct_count = serializers.IntegerField()
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    retry_of_id = serializers.IntegerField(
        allow_null=True,
        help_text="The quiz whose missed questions this one retries (practice: not counted "
        "for an assignment).",
    )


class ReviewChoiceSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    text = serializers.CharField()
    is_correct = serializers.BooleanField()


class GivenAnswerSerializer(serializers.Serializer[dict[str, Any]]):
    choice = serializers.IntegerField(allow_null=True)
    order = serializers.ListField(child=serializers.IntegerField(), allow_null=True)
    text = serializers.CharField(allow_null=True)


@extend_schema_serializer(deprecate_fields=["question", "correct_choice", "article"])
class AttemptReviewItemSerializer(serializers.Serializer[dict[str, Any]]):
    """One question of an attempt with its feedback (learning.selectors.attempt_review)."""

    question_id = serializers.IntegerField(source="question")
    question = serializers.IntegerField(help_text="Deprecated: question_id.")
    prompt = serializers.CharField()
    kind = serializers.CharField()
    choices = ReviewChoiceSerializer(many=True)
    given = GivenAnswerSerializer(allow_null=True)
    correct_answer = serializers.JSONField(
        help_text="The answer text, or for a timeline the items' texts in the right order."
    )
    correct_choice_id = serializers.IntegerField(source="correct_choice", allow_null=True)
    correct_choice = serializers.IntegerField(
        allow_null=True, help_text="Deprecated: correct_choice_id."
    )
    is_correct = serializers.BooleanField(allow_null=True)
    explanation = serializers.CharField(allow_blank=True)
    evidence = serializers.CharField(allow_blank=True, help_text="The article sentence.")
    article_id = serializers.IntegerField(source="article", allow_null=True)
    article = serializers.IntegerField(allow_null=True, help_text="Deprecated: article_id.")
    evidence_start = serializers.IntegerField(allow_null=True)
    evidence_end = serializers.IntegerField(allow_null=True)


class AttemptDetailSerializer(AttemptSerializer[AttemptData]):
    questions = PublicQuestionSerializer(many=True, help_text="The questions, in order.")
    review = AttemptReviewItemSerializer(
        many=True, help_text="Feedback for the answered questions (all once finished)."
    )


@extend_schema_serializer(deprecate_fields=["question", "correct_choice", "answer", "answered"])
class QuizAnswerResultSerializer(serializers.Serializer[AnswerResultData]):
    question_id = serializers.IntegerField(source="question")
    question = serializers.IntegerField(help_text="Deprecated: question_id.")
    is_correct = serializers.BooleanField()
    correct_choice_id = serializers.IntegerField(source="correct_choice", allow_null=True)
    correct_choice = serializers.IntegerField(
        allow_null=True, help_text="Deprecated: correct_choice_id."
    )
    correct_order = serializers.ListField(child=serializers.IntegerField(), allow_null=True)
    correct_answer = serializers.CharField(source="answer", allow_blank=True)
    answer = serializers.CharField(allow_blank=True, help_text="Deprecated: correct_answer.")
    explanation = serializers.CharField(allow_blank=True)
    evidence = serializers.CharField(allow_blank=True)
    answered_count = serializers.IntegerField(source="answered")
    answered = serializers.IntegerField(help_text="Deprecated: answered_count.")
    correct_count = serializers.IntegerField()
    finished = serializers.BooleanField(
        help_text="True once every question is answered (and no miss is held)."
    )
    held = serializers.BooleanField(
        help_text="A typed miss not logged yet (`allow_override`): the student may still say "
        "they were right."
    )
    overridden = serializers.BooleanField(help_text="Marked wrong, then counted as right.")


# --- progress and preferences -------------------------------------------------------------
class TodaySerializer(serializers.Serializer[dict[str, Any]]):
    reviewed = serializers.IntegerField(help_text="Reviews the caller made today (their day).")
    new_learned = serializers.IntegerField()
    new_limit = serializers.IntegerField(
        help_text="Today's new-card limit (custom study included)."
    )
    new_left = serializers.IntegerField(help_text="New cards the limit still lets in today.")
    due_now = serializers.IntegerField()
    due_later_today = serializers.IntegerField()


class DayCountSerializer(serializers.Serializer[dict[str, Any]]):
    date = serializers.DateField()
    count = serializers.IntegerField()


class RetentionSerializer(serializers.Serializer[dict[str, Any]]):
    last_7_days = serializers.FloatField(allow_null=True)
    last_30_days = serializers.FloatField(allow_null=True)
    average_retrievability = serializers.FloatField(allow_null=True)


class WeekRetentionSerializer(serializers.Serializer[dict[str, Any]]):
    week = serializers.DateField()
    retention = serializers.FloatField(allow_null=True)
    reviews = serializers.IntegerField()


class QuizScoreSerializer(serializers.Serializer[dict[str, Any]]):
    attempt_id = serializers.IntegerField(source="attempt")
    finished_at = serializers.DateTimeField(source="date")
    score = serializers.FloatField(help_text="Right answers over questions, 0-100.")


class BankQuizzesSerializer(serializers.Serializer[dict[str, Any]]):
    finished_count = serializers.IntegerField(
        source="finished", help_text="Quizzes of this bank the caller finished, all time."
    )
    best_score = serializers.FloatField(
        allow_null=True, help_text="The best score of all of them, 0-100 (null before the first)."
    )
    last_score = serializers.FloatField(
        allow_null=True, help_text="The latest one's score (null before the first)."
    )
    recent = QuizScoreSerializer(
        many=True,
        help_text=f"The last {RECENT_QUIZZES} (at most), oldest first: the latest is the last.",
    )


class BankProgressSerializer(serializers.Serializer[dict[str, Any]]):
    bank = serializers.IntegerField()
    title = serializers.CharField()
    total = serializers.IntegerField()
    new = serializers.IntegerField()
    learning = serializers.IntegerField()
    young = serializers.IntegerField()
    mature = serializers.IntegerField()
    mastery = serializers.FloatField()
    quizzes = BankQuizzesSerializer(
        help_text="Finished quizzes: how many, best, last, and a bounded list of recent scores."
    )


class ProgressSerializer(serializers.Serializer[dict[str, Any]]):
    today = TodaySerializer()
    streak = serializers.IntegerField()
    forecast = DayCountSerializer(many=True, help_text="Cards due per day, next 30 days.")
    retention = RetentionSerializer()
    retention_by_week = WeekRetentionSerializer(many=True)
    banks = BankProgressSerializer(many=True)


class HeatmapQuerySerializer(serializers.Serializer[None]):
    days = serializers.IntegerField(required=False, min_value=1, max_value=366, default=365)


class PreferencesSerializer(serializers.Serializer[StudyPreferences]):
    desired_retention = serializers.FloatField()
    new_cards_per_day = serializers.IntegerField()
    max_reviews_per_day = serializers.IntegerField()
    learning_steps = serializers.ListField(child=serializers.IntegerField(), help_text="Seconds.")
    relearning_steps = serializers.ListField(child=serializers.IntegerField(), help_text="Seconds.")
    time_zone = serializers.CharField()
    day_starts_at_hour = serializers.IntegerField()
    parameters_fitted = serializers.SerializerMethodField(
        help_text="True once FSRS parameters were fitted to the caller's own reviews."
    )
    parameters_fitted_at = serializers.DateTimeField(allow_null=True)
    parameters_review_count = serializers.IntegerField()

    def get_parameters_fitted(self, preferences: StudyPreferences) -> bool:
        return bool(preferences.fsrs_parameters)


def steps_field() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7 * 86400),
        max_length=10,
        required=False,
        help_text="Seconds, e.g. [60, 600].",
    )


class PreferencesInputSerializer(serializers.Serializer[None]):
    desired_retention = serializers.FloatField(required=False, min_value=0.7, max_value=0.99)
    new_cards_per_day = serializers.IntegerField(required=False, min_value=0, max_value=9999)
    max_reviews_per_day = serializers.IntegerField(required=False, min_value=0, max_value=99999)
    learning_steps = steps_field()
    relearning_steps = steps_field()
    time_zone = StrictCharField(
        required=False, max_length=64, help_text="IANA name, e.g. Europe/Berlin."
    )
    day_starts_at_hour = serializers.IntegerField(required=False, min_value=0, max_value=23)


# --- assignments --------------------------------------------------------------------------
class AssignmentQuerySerializer(serializers.Serializer[None]):
    assignment = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        help_text="One of the caller's assignments: only its bank (a quiz of its length).",
    )


class AssignmentClassSerializer(serializers.Serializer["ClassRef"]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class AssignmentBankRefSerializer(serializers.Serializer["BankTitle"]):
    id = serializers.IntegerField()
    title = serializers.CharField()


STATUS_HELP = "not_started, in_progress, done, or late (due and not done)."


class StudentAssignmentSerializer(serializers.Serializer[StudentAssignment]):
    """One of the caller's assignments with where they stand."""

    id = serializers.IntegerField(source="assignment.pk")
    classroom = AssignmentClassSerializer(source="assignment.classroom")
    bank = AssignmentBankRefSerializer(source="assignment.bank")
    starts_at = serializers.DateTimeField(source="assignment.starts_at", allow_null=True)
    due_at = serializers.DateTimeField(source="assignment.due_at", allow_null=True)
    quiz_length = serializers.IntegerField(source="assignment.quiz_length", allow_null=True)
    pass_mark = serializers.IntegerField(source="assignment.pass_mark", allow_null=True)
    all_cards = serializers.BooleanField(source="assignment.all_cards")
    status = serializers.ChoiceField(choices=ASSIGNMENT_STATUSES, help_text=STATUS_HELP)
    late = serializers.BooleanField(
        source="outcome.late", help_text="Due and not done, or done after the due date."
    )
    done_at = serializers.DateTimeField(source="outcome.done_at", allow_null=True)
    quiz_best = serializers.FloatField(
        source="outcome.quiz_best", allow_null=True, help_text="Best quiz score (percent)."
    )
    cards_studied = serializers.IntegerField()
    cards_total = serializers.IntegerField()


class AssignmentProgressQuerySerializer(serializers.Serializer[None]):
    ordering = serializers.ChoiceField(
        choices=[
            f"{sign}{name}"
            for name in (
                "username",
                "status",
                "quiz_best",
                "cards_studied",
                "retention",
                "last_active",
            )
            for sign in ("", "-")
        ],
        required=False,
        default="username",
        help_text="Sort by this column; a leading '-' sorts descending.",
    )


class AssignmentStudentProgressSerializer(serializers.Serializer[dict[str, Any]]):
    user = serializers.IntegerField()
    username = serializers.CharField()
    status = serializers.ChoiceField(choices=ASSIGNMENT_STATUSES, help_text=STATUS_HELP)
    late = serializers.BooleanField(help_text="A late mark: done after the due date, or not done.")
    done_at = serializers.DateTimeField(allow_null=True)
    quiz_best = serializers.FloatField(allow_null=True, help_text="Percent.")
    quiz_last = serializers.FloatField(allow_null=True, help_text="Percent.")
    quiz_attempts = serializers.IntegerField()
    cards_studied = serializers.IntegerField()
    cards_total = serializers.IntegerField()
    retention = serializers.FloatField(
        allow_null=True, help_text="Share of review-state answers passed, last 30 days (0-1)."
    )
    reviews = serializers.IntegerField()
    last_active = serializers.DateTimeField(allow_null=True)


class CommonWrongChoiceSerializer(serializers.Serializer[dict[str, Any]]):
    choice = serializers.IntegerField()
    text = serializers.CharField()
    count = serializers.IntegerField()


class ItemAnalysisSerializer(serializers.Serializer[dict[str, Any]]):
    question = serializers.IntegerField()
    prompt = serializers.CharField()
    kind = serializers.CharField()
    answers = serializers.IntegerField(help_text="Students who answered it in a quiz.")
    share_correct = serializers.FloatField(allow_null=True, help_text="0-1, first answers.")
    average_ms = serializers.IntegerField(allow_null=True)
    common_wrong = CommonWrongChoiceSerializer(
        allow_null=True, help_text="The wrong choice picked most often."
    )
    discrimination = serializers.FloatField(
        allow_null=True,
        help_text="Share correct in the top third minus the bottom third of students "
        "(null under 6 students).",
    )
    flagged = serializers.BooleanField(help_text="Discrimination under 0.2: check the question.")
