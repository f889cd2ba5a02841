"""The learner API: banks with the caller's figures, the study queue, reviews
(single, offline batch, undo), quizzes, progress and preferences; and the
per-student progress of a bank for its teacher.

Thin: inputs are validated by serializers, work is done by learning.services
and learning.selectors; their errors (ReviewError, ValidationError, Http404)
become the shared error shape in config.api_errors."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from classes.api import (
    AssignmentRow,
    TeacherAssignment,
    assignment_get_for_student,
    assignment_get_for_teacher,
    assignment_list_for_student,
)
from config.api_common import (
    ConditionalGetMixin,
    FileDownloadNegotiation,
    IsTeacher,
    download_accept_check,
    ensure_can_edit,
)
from config.api_fields import query_numbers
from config.api_typing import SignedInApiRequest, SignedInApiView, serialize_many
from learning import assignments, selectors, services
from learning.models import Card, QuizAnswer, QuizAttempt
from quizzes.api import (
    QuestionKind,
    bank_get_for_student,
    bank_list_for_user,
    bank_list_studyable,
    banks_none,
    questions_with_choices,
)

from . import serializers as s
from .filters import AttemptFilter, BankFilter

if TYPE_CHECKING:
    from quizzes.api import Question, QuestionBank


# --- banks --------------------------------------------------------------------------------
@extend_schema(tags=["banks"])
class BankListView(ConditionalGetMixin, SignedInApiView, ListAPIView["QuestionBank"]):
    """Published banks, each with the caller's due / new counts and mastery."""

    serializer_class = s.BankSerializer
    filterset_class = BankFilter

    def get_queryset(self) -> QuerySet[QuestionBank]:
        if getattr(self, "swagger_fake_view", False):
            return banks_none()
        return bank_list_studyable(user=self.request.user)

    @extend_schema(summary="Published banks with the caller's figures")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None  # (the API's pagination is always on: config/api_pagination.py)
        mastery = selectors.bank_mastery(user=self.request.user, banks=page)
        data = serialize_many(s.BankSerializer, page, context={"mastery": mastery})
        return self.get_paginated_response(data)


@extend_schema(tags=["banks"])
class BankDetailView(ConditionalGetMixin, SignedInApiView, GenericAPIView["QuestionBank"]):
    """One published bank with the caller's due / new counts and mastery. Conditional GET: send If-None-Match."""

    serializer_class = s.BankSerializer
    queryset = banks_none()  # typing the path's id in the schema only

    @extend_schema(summary="One published bank with the caller's figures")
    def get(self, request: SignedInApiRequest, pk: int) -> Response:
        bank = get_object_or_404(bank_list_studyable(user=request.user), pk=pk)
        mastery = selectors.bank_mastery(user=request.user, banks=[bank])
        return Response(s.BankSerializer(bank, context={"mastery": mastery}).data)


@extend_schema(tags=["teach"])
class BankStudentProgressView(GenericAPIView["QuestionBank"]):
    """Per-student progress of a bank: mastery, retention, last activity, reviews,
    for the students in the teacher's classes (a superuser: every student)."""

    # What it answers, not a QuestionBank: the stubs tie serializer_class to the
    # queryset's model, and the queryset here only types the path's id.
    serializer_class = s.BankStudentProgressSerializer  # type: ignore[assignment]
    queryset = banks_none()  # typing the path's id in the schema only

    @extend_schema(
        summary="Per-student progress of a bank (its teacher only; the students of their classes)",
        responses={200: s.BankStudentProgressSerializer(many=True)},
    )
    def get(self, request: Request, pk: int) -> Response:
        bank = get_object_or_404(bank_list_for_user(user=request.user), pk=pk)
        ensure_can_edit(user=request.user, bank=bank)
        rows = selectors.bank_student_progress(bank=bank, teacher=request.user)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serialize_many(s.BankStudentProgressSerializer, page))


# --- study --------------------------------------------------------------------------------
@extend_schema(tags=["study"])
class StudyQueueView(SignedInApiView):
    """The caller's study queue."""

    @extend_schema(
        summary="The caller's next cards",
        description="Due learning cards first, then due reviews, then new cards within "
        "today's limit. A new card gets its id when it first enters a queue.",
        parameters=[s.QueueQuerySerializer, s.AssignmentQuerySerializer],
        responses={200: s.QueueSerializer},
    )
    def get(self, request: SignedInApiRequest) -> Response:
        query = query_numbers(s.QueueQuerySerializer, request.query_params)
        bank_id = query.get("bank")
        assignment = _assignment_of(request)
        if assignment is not None:
            bank_id = assignment.bank_id
        bank = None
        if bank_id is not None:
            bank = bank_get_for_student(user=request.user, bank_id=bank_id)
        queue = services.study_queue_open(user=request.user, bank=bank, limit=query["limit"])
        backs = selectors.card_backs_of([item.question_row for item in queue.items])
        return Response(s.queue_json(s.queue_data(queue, backs)))


def _assignment_of(request: Request) -> AssignmentRow | None:
    """The caller's assignment named by `?assignment=` (None without it; 404 if not theirs)."""
    query = query_numbers(s.AssignmentQuerySerializer, request.query_params)
    if "assignment" not in query:
        return None
    return assignment_get_for_student(student=request.user, assignment_id=query["assignment"])


class ReviewKwargs(TypedDict):
    """learning.services' review_record arguments from a validated review."""

    card_id: int
    rating: int | None
    choice_id: int | None
    reviewed_at: datetime | None
    duration_ms: int | None
    client_uuid: uuid.UUID | None


def _review_kwargs(data: dict[str, Any]) -> ReviewKwargs:
    return {
        "card_id": data["card"],
        "rating": data.get("rating"),
        "choice_id": data.get("choice"),
        "reviewed_at": data.get("reviewed_at"),
        "duration_ms": data.get("duration_ms"),
        "client_uuid": data.get("client_uuid"),
    }


class ReviewThrottled(SignedInApiView):
    """Review posting shares the "reviews" throttle scope."""

    throttle_scope = "reviews"


@extend_schema(tags=["study"])
class ReviewView(ReviewThrottled):
    """Answer one card."""

    extra_error_codes = ("409",)
    # the optimiser's counter added to in the throttle's cache round trip
    throttle_also_count = (services.OPTIMIZER_COUNTER,)

    @extend_schema(
        summary="Answer a card (a rating, or the chosen choice)",
        request=s.ReviewInputSerializer,
        responses={201: s.ReviewResponseSerializer, 200: s.ReviewResponseSerializer},
    )
    def post(self, request: SignedInApiRequest) -> Response:
        data = s.ReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.review_record(
            user=request.user,
            source="api",
            optimizer_count=getattr(request, "throttle_counts", {}).get(services.OPTIMIZER_COUNTER),
            **_review_kwargs(data.validated_data),
        )
        back = None  # (read with the card: only a replay or a timeline reads it again)
        if result.back_facts is not None:
            back = selectors.card_back_of_facts(result.back_facts)
        if back is None:
            back = selectors.card_backs(user=request.user, card_ids=[result.card.pk])[
                result.card.pk
            ]
        body = {**result.as_dict(), "replayed": result.replayed, "back": back}
        code = status.HTTP_200_OK if result.replayed else status.HTTP_201_CREATED
        return Response(s.review_result_json(body), status=code)


@extend_schema(tags=["study"])
class ReviewBatchView(ReviewThrottled):
    """Upload reviews made offline."""

    extra_error_codes = ("413",)

    @extend_schema(
        summary="Upload offline reviews (up to 500)",
        description="Applied in reviewed_at order, idempotent by client_uuid (a replay returns "
        "the same results and logs nothing twice). Each item gets its own result or "
        "errors; one bad item never half-applies another. More than 500 items: 413.",
        request=s.BatchInputSerializer,
        responses={200: s.BatchResultSerializer},
    )
    def post(self, request: SignedInApiRequest) -> Response:
        batch = s.BatchInputSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        items = batch.validated_data["reviews"]
        results: list[dict[str, Any] | None] = [None] * len(items)
        valid_positions: list[int] = []
        valid_items: list[ReviewKwargs] = []
        # One serializer validates every item in turn (as a ListSerializer's child
        # does): its fields are built once, not once per item.
        item = s.BatchReviewInputSerializer()
        for position, raw in enumerate(items):
            try:
                validated = s.batch_item_validated(raw) or item.run_validation(raw)
            except ValidationError as error:
                client_uuid = raw.get("client_uuid") if isinstance(raw, dict) else None
                results[position] = {
                    "client_uuid": client_uuid if isinstance(client_uuid, str) else None,
                    "ok": False,
                    "errors": _plain_errors(error.detail),
                }
            else:
                valid_positions.append(position)
                valid_items.append(_review_kwargs(validated))
        service_items = [
            {
                "card": kw["card_id"],
                "rating": kw["rating"],
                "choice": kw["choice_id"],
                "reviewed_at": kw["reviewed_at"],
                "duration_ms": kw["duration_ms"],
                "client_uuid": kw["client_uuid"],
            }
            for kw in valid_items
        ]
        outcomes = services.review_batch_record(user=request.user, items=service_items)
        backs = selectors.card_backs(
            user=request.user, card_ids=[o["result"]["card"] for o in outcomes if o["ok"]]
        )
        for position, outcome in zip(valid_positions, outcomes, strict=True):
            if outcome["ok"]:
                outcome["result"] = {**outcome["result"], "back": backs[outcome["result"]["card"]]}
            results[position] = outcome
        ok = sum(1 for r in results if r and r["ok"])
        body = {"results": results, "ok": ok, "failed": len(results) - ok}
        return Response(s.batch_result_json(body))


def _plain_errors(errors: object) -> dict[str, list[str]]:
    """A serializer's errors (field -> messages, or a nested field's) as lists of
    strings. A serializer's run_validation raises them as a dict, always (typed
    `object`: `ValidationError.detail`'s type differs between DRF stub releases)."""
    assert isinstance(errors, dict)
    plain = {}
    for field, messages in errors.items():
        if isinstance(messages, dict):
            texts = [str(m) for sub in messages.values() for m in sub]
        else:
            texts = [str(m) for m in messages]
        plain[str(field)] = texts
    return plain


@extend_schema(tags=["study"])
class ReviewUndoView(ReviewThrottled):
    """Undo the caller's last review."""

    extra_error_codes = ("409",)

    @extend_schema(
        summary="Undo the caller's last review",
        description="Send a fresh `client_uuid` with each undo: a retry with the same one "
        "answers the same undo (`replayed`: true) instead of undoing the review before it. "
        "Without a body it undoes the latest review as v1 always did.",
        request=s.UndoInputSerializer,
        responses={200: s.UndoResponseSerializer},
    )
    def post(self, request: SignedInApiRequest) -> Response:
        data = s.UndoInputSerializer(data=request.data or {})
        data.is_valid(raise_exception=True)
        result = services.review_undo(
            user=request.user, client_uuid=data.validated_data.get("client_uuid")
        )
        if result is None:
            raise NotFound("There is no review to undo.")
        card = result.card
        # Read by UndoResponseSerializer beside the card's own fields; not Card's fields.
        card.undone_review_id = result.log.pk  # type: ignore[attr-defined]
        card.replayed = result.replayed  # type: ignore[attr-defined]
        return Response(s.UndoResponseSerializer(card).data)


@extend_schema(tags=["study"])
class CardDetailView(SignedInApiView):
    """One of the caller's cards: its state, its front and its back."""

    @extend_schema(
        summary="One of my cards, front and back",
        description="The question (front), the answer with its evidence in its paragraph and "
        "a link to the article (back), and the memory state. 404 for another user's card.",
        responses={200: s.CardDetailSerializer},
    )
    def get(self, request: SignedInApiRequest, pk: int) -> Response:
        card = selectors.card_get_for_user(user=request.user, card_id=pk)
        # Read by CardDetailSerializer beside the card's own fields; not a Card field.
        card.back = selectors.card_backs_of([card.question])[card.question_id]  # type: ignore[attr-defined]
        return Response(s.CardDetailSerializer(card).data)


@extend_schema(tags=["study"])
class StudyMoreView(SignedInApiView):
    """Custom study: more new cards today."""

    @extend_schema(
        summary="Study more new cards today (raise today's new-card limit)",
        description="As Anki's custom study: today's limit (in the caller's study day) goes "
        "up by `new_cards` (10 unless given); tomorrow the daily limit is back. "
        "study/queue/ says `new_left: 0` when the limit is reached.",
        request=s.StudyMoreInputSerializer,
        responses={200: s.StudyMoreSerializer},
    )
    def post(self, request: SignedInApiRequest) -> Response:
        data = s.StudyMoreInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        preferences = services.study_more(
            user=request.user, new_cards=data.validated_data["new_cards"]
        )
        body: s.StudyMoreData = {
            "new_cards_per_day": preferences.new_cards_per_day,
            "extra_new_cards": preferences.extra_new_cards,
            "new_limit": preferences.new_cards_per_day + preferences.extra_new_cards,
        }
        return Response(s.StudyMoreSerializer(body).data)


@extend_schema(tags=["study"])
class CardSuspendView(SignedInApiView):
    """Suspend one of the caller's cards."""

    @extend_schema(
        summary="Suspend a card for oneself",
        description="The card never comes in the caller's queue nor counts as due or new "
        "until unsuspended; its memory state and history stay. Idempotent.",
        request=None,
        responses={200: s.CardSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        return Response(s.CardSerializer(services.card_suspend(user=request.user, card_id=pk)).data)


@extend_schema(tags=["study"])
class CardUnsuspendView(SignedInApiView):
    """Bring a suspended card back."""

    @extend_schema(
        summary="Unsuspend a card",
        description="Back in the queue where its schedule left it. Idempotent.",
        request=None,
        responses={200: s.CardSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        card = services.card_unsuspend(user=request.user, card_id=pk)
        return Response(s.CardSerializer(card).data)


@extend_schema(tags=["study"])
class SuspendedCardListView(SignedInApiView, ListAPIView[Card]):
    """The caller's suspended cards, last suspended first."""

    serializer_class = s.SuspendedCardSerializer

    def get_queryset(self) -> QuerySet[Card]:
        if getattr(self, "swagger_fake_view", False):
            return Card.objects.none()
        return selectors.cards_suspended(user=self.request.user)

    @extend_schema(summary="The caller's suspended cards")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


# --- quizzes ------------------------------------------------------------------------------
def attempt_questions(attempt: QuizAttempt) -> list[Question]:
    """The attempt's questions in the order asked (choices prefetched, one query each)."""
    by_id = questions_with_choices(attempt.question_ids)
    return [by_id[pk] for pk in attempt.question_ids if pk in by_id]


def answer_feedback(answer: QuizAnswer) -> s.AnswerFeedback:
    """What a student sees right after answering: right or wrong, the right answer
    and the article's sentence."""
    question = answer.question
    choices = sorted(question.choices.all(), key=lambda c: (c.position, c.pk))
    correct_choice = next((c.pk for c in choices if c.is_correct), None)
    is_ordering = question.kind == QuestionKind.ORDERING
    return {
        "question": question.pk,
        "is_correct": answer.is_correct,
        "correct_choice": None if is_ordering else correct_choice,
        "correct_order": [c.pk for c in choices] if is_ordering else None,
        "answer": question.answer,
        "explanation": question.explanation,
        "evidence": question.evidence_text,
    }


def attempt_data(attempt: QuizAttempt, *, answered: int, detail: bool) -> s.AttemptData:
    data: s.AttemptData = {
        "id": attempt.pk,
        "bank_id": attempt.bank_id,
        "bank": attempt.bank,
        "mode": attempt.mode,
        "size": attempt.size,
        "answered_count": answered,
        "correct_count": attempt.correct_count,
        "started_at": attempt.started_at,
        "finished_at": attempt.finished_at,
        "retry_of_id": attempt.retry_of_id,
    }
    if detail:
        data["questions"] = attempt_questions(attempt)
        review = selectors.attempt_review(attempt=attempt)
        if attempt.finished_at is None:
            review = [item for item in review if item["given"] is not None]
        data["review"] = review
    return data


@extend_schema(tags=["quizzes"])
class QuizListView(SignedInApiView, ListAPIView[QuizAttempt]):
    """The caller's quiz attempts; start a new one."""

    serializer_class = s.AttemptSerializer[QuizAttempt]
    filterset_class = AttemptFilter

    def get_queryset(self) -> QuerySet[QuizAttempt]:
        if getattr(self, "swagger_fake_view", False):
            return QuizAttempt.objects.none()
        attempts = selectors.attempt_list(user=self.request.user)
        assignment = _assignment_of(self.request)
        if assignment is not None:
            attempts = attempts.filter(  # retries of missed questions are practice
                bank_id=assignment.bank_id,
                started_at__gte=assignment.counts_from,
                retry_of__isnull=True,
            )
        return attempts

    @extend_schema(
        summary="The caller's quiz attempts, newest first",
        description="With `?assignment=`, the attempts counting for it: over its bank, since "
        "it started, retries of missed questions (`retry_of_id`) left out.",
        parameters=[s.AssignmentQuerySerializer],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Start a quiz over a published bank",
        description="With `?assignment=`, over the assignment's bank, as long as its quiz "
        "(`bank` and `size` may then be left out).",
        parameters=[s.AssignmentQuerySerializer],
        request=s.QuizStartInputSerializer,
        responses={201: s.AttemptDetailSerializer},
    )
    def post(self, request: SignedInApiRequest) -> Response:
        body = request.data
        assignment = _assignment_of(request)
        if assignment is not None:
            body = {**(body if isinstance(body, dict) else {}), "bank": assignment.bank_id}
            if assignment.quiz_length is not None:
                body.setdefault("size", assignment.quiz_length)
        banks = bank_list_studyable(user=request.user).select_related("article")
        data = s.QuizStartInputSerializer(data=body, banks=banks)
        data.is_valid(raise_exception=True)
        attempt = services.quiz_start(user=request.user, **data.validated_data)
        attempt.bank = data.validated_data["bank"]  # (read with the input: its title, no query)
        started = attempt_data(attempt, answered=0, detail=True)
        return Response(s.AttemptDetailSerializer(started).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["quizzes"])
class QuizDetailView(SignedInApiView):
    """One of the caller's attempts."""

    @extend_schema(
        summary="An attempt with its questions and feedback",
        responses={200: s.AttemptDetailSerializer},
    )
    def get(self, request: SignedInApiRequest, pk: int) -> Response:
        attempt = selectors.attempt_get_for_user(user=request.user, attempt_id=pk)
        answered = attempt.answers.count()
        body = attempt_data(attempt, answered=answered, detail=True)
        return Response(s.AttemptDetailSerializer(body).data)


@extend_schema(tags=["quizzes"])
class QuizRetryView(SignedInApiView):
    """Retry the questions missed in one of the caller's finished quizzes."""

    @extend_schema(
        summary="Retry the ones I missed",
        description="A new quiz, in a new order, over the questions of a finished attempt "
        "not answered right (those still published). Its `retry_of_id` names the attempt; "
        "it is practice, not counted for an assignment. 400 when nothing was missed or "
        "the attempt is not finished.",
        request=None,
        responses={201: s.AttemptDetailSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        attempt = selectors.attempt_get_for_user(user=request.user, attempt_id=pk)
        retry = services.quiz_retry(user=request.user, attempt=attempt)
        body = attempt_data(retry, answered=0, detail=True)
        return Response(s.AttemptDetailSerializer(body).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["quizzes"])
class QuizAnswerView(SignedInApiView):
    """Answer a question of one of the caller's attempts."""

    @extend_schema(
        summary="Answer one question of an attempt",
        description="Feeds the scheduler too (wrong -> Again, right -> Good, Hard when slower "
        "than 20 s). The attempt finishes by itself once every question is answered.",
        request=s.QuizAnswerInputSerializer,
        responses={201: s.QuizAnswerResultSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        attempt = selectors.attempt_get_for_user(user=request.user, attempt_id=pk)
        data = s.QuizAnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        answer = services.quiz_answer(
            user=request.user,
            attempt=attempt,
            question_id=values["question"],
            choice_id=values.get("choice"),
            order=values.get("order"),
            text=values.get("text"),
            duration_ms=values.get("duration_ms"),
            hold_typed_miss=values["allow_override"],
        )
        return Response(_answer_result(attempt, answer), status=status.HTTP_201_CREATED)


def _finish_when_done(attempt: QuizAttempt, *, waiting: bool = False) -> tuple[QuizAttempt, int]:
    """Finish the attempt once every question is answered, unless a held miss is
    `waiting` for the student's "I was right"; (attempt, answers given)."""
    answered = attempt.answers.count()
    if answered >= attempt.size and not waiting:
        attempt = services.quiz_finish(attempt=attempt)
    else:
        attempt.refresh_from_db(fields=["correct_count", "finished_at"])
    return attempt, answered


def _answer_result(attempt: QuizAttempt, answer: QuizAnswer) -> dict[str, Any]:
    attempt, answered = _finish_when_done(attempt, waiting=answer.held)
    body: s.AnswerResultData = {
        **answer_feedback(answer),
        "answered": answered,
        "correct_count": attempt.correct_count,
        "finished": attempt.finished_at is not None,
        "held": answer.held,
        "overridden": answer.overridden,
    }
    return s.QuizAnswerResultSerializer(body).data


@extend_schema(tags=["quizzes"])
class QuizOverrideView(SignedInApiView):
    """ "I was right": a held typed miss counts as right, before it is logged."""

    @extend_schema(
        summary='"I was right": count a held typed miss as right',
        description="For an answer given with `allow_override` and marked wrong (`held`): it "
        "becomes right and is logged as a pass (Good, Hard when slow). Once the miss is "
        "logged (next answer, settle, finish) it can no longer change: 400 `question`. "
        "Repeating it answers the same.",
        request=s.QuizOverrideInputSerializer,
        responses={200: s.QuizAnswerResultSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        attempt = selectors.attempt_get_for_user(user=request.user, attempt_id=pk)
        data = s.QuizOverrideInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = services.quiz_answer_override(
            user=request.user, attempt=attempt, question_id=data.validated_data["question"]
        )
        return Response(_answer_result(attempt, answer))


@extend_schema(tags=["quizzes"])
class QuizSettleView(SignedInApiView):
    """The student went on without saying they were right: log the held misses."""

    @extend_schema(
        summary="Go on: log held typed misses as misses",
        request=None,
        responses={200: s.QuizSettleResultSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        attempt = selectors.attempt_get_for_user(user=request.user, attempt_id=pk)
        settled = 0
        if attempt.finished_at is None:
            settled = services.quiz_answers_settle(user=request.user, attempt=attempt)
        attempt, answered = _finish_when_done(attempt)
        body: s.SettleData = {
            "settled": settled,
            "answered_count": answered,
            "correct_count": attempt.correct_count,
            "finished": attempt.finished_at is not None,
        }
        return Response(s.QuizSettleResultSerializer(body).data)


# --- progress and preferences -------------------------------------------------------------
@extend_schema(tags=["progress"])
class ProgressView(SignedInApiView):
    """The caller's progress summary (what the dashboard shows)."""

    @extend_schema(summary="The dashboard summary", responses={200: s.ProgressSerializer})
    def get(self, request: SignedInApiRequest) -> Response:
        return Response(s.ProgressSerializer(selectors.progress_summary(user=request.user)).data)


@extend_schema(tags=["progress"])
class HeatmapView(SignedInApiView):
    """The caller's reviews per day."""

    @extend_schema(
        summary="Reviews per day",
        parameters=[s.HeatmapQuerySerializer],
        responses={200: s.DayCountSerializer(many=True)},
    )
    def get(self, request: SignedInApiRequest) -> Response:
        query = s.HeatmapQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        days = selectors.review_heatmap(user=request.user, days=query.validated_data["days"])
        return Response(serialize_many(s.DayCountSerializer, days))


@extend_schema(tags=["preferences"])
class PreferencesView(SignedInApiView):
    """The caller's study preferences."""

    @extend_schema(
        summary="The caller's study preferences", responses={200: s.PreferencesSerializer}
    )
    def get(self, request: SignedInApiRequest) -> Response:
        return Response(s.PreferencesSerializer(services.preferences_get(user=request.user)).data)

    @extend_schema(
        summary="Change study preferences",
        description="A change of desired_retention reschedules the caller's review cards.",
        request=s.PreferencesInputSerializer,
        responses={200: s.PreferencesSerializer},
    )
    def patch(self, request: SignedInApiRequest) -> Response:
        data = s.PreferencesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        preferences = services.preferences_update(user=request.user, **data.validated_data)
        return Response(s.PreferencesSerializer(preferences).data)


# --- assignments ----------------------------------------------------------------------------
@extend_schema(tags=["classes"])
class AssignmentListView(SignedInApiView, GenericAPIView[QuizAttempt]):
    """The caller's assignments (from all their classes) with their status."""

    # What it answers, not a QuizAttempt: the stubs tie serializer_class to the
    # queryset's model, and there is no queryset to speak of (no path parameter).
    serializer_class = s.StudentAssignmentSerializer  # type: ignore[assignment]
    queryset = QuizAttempt.objects.none()  # nothing to type: no path parameter

    @extend_schema(
        summary="My assignments: bank, due date, status",
        description="Started assignments of the caller's classes, soonest due first. "
        "Status: not_started, in_progress, done, or late (due and not done).",
        responses={200: s.StudentAssignmentSerializer(many=True)},
    )
    def get(self, request: SignedInApiRequest) -> Response:
        rows = assignments.student_assignments(
            student=request.user,
            assignments=assignment_list_for_student(student=request.user),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serialize_many(s.StudentAssignmentSerializer, page))


class TeachAssignmentReport(GenericAPIView["QuestionBank"]):
    permission_classes = [IsAuthenticated, IsTeacher]
    queryset = banks_none()  # typing the path's id in the schema only

    def _assignment(self, pk: int) -> TeacherAssignment:
        return assignment_get_for_teacher(teacher=self.request.user, assignment_id=pk)


@extend_schema(tags=["teach"])
class TeachAssignmentProgressView(TeachAssignmentReport):
    """Each student's progress on one assignment of the caller's classes."""

    # What it answers, not a QuestionBank: the stubs tie serializer_class to the
    # queryset's model, and the queryset here only types the path's id.
    serializer_class = s.AssignmentStudentProgressSerializer  # type: ignore[assignment]

    @extend_schema(
        summary="Per-student progress on an assignment (sortable)",
        parameters=[s.AssignmentProgressQuerySerializer],
        responses={200: s.AssignmentStudentProgressSerializer(many=True)},
    )
    def get(self, request: SignedInApiRequest, pk: int) -> Response:
        query = s.AssignmentProgressQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = assignments.assignment_progress(
            assignment=self._assignment(pk), ordering=query.validated_data["ordering"]
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(
            serialize_many(s.AssignmentStudentProgressSerializer, page)
        )


@extend_schema(tags=["teach"])
class TeachAssignmentProgressExportView(TeachAssignmentReport):
    """The per-student progress of an assignment as a CSV file."""

    # What it describes, not a QuestionBank (as TeachAssignmentProgressView's).
    serializer_class = s.AssignmentStudentProgressSerializer  # type: ignore[assignment]
    content_negotiation_class = FileDownloadNegotiation

    @extend_schema(
        summary="Per-student progress as CSV (for a spreadsheet)",
        description="The columns of progress/; text cells starting with = + - @ are "
        "prefixed with ' so a spreadsheet never runs them.",
        parameters=[s.AssignmentProgressQuerySerializer],
        responses={(200, "text/csv"): OpenApiTypes.STR},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        query = s.AssignmentProgressQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        assignment = self._assignment(pk)
        download_accept_check(request=request, content_type="text/csv; charset=utf-8")
        rows = assignments.assignment_progress(
            assignment=assignment, ordering=query.validated_data["ordering"]
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"assignment-{assignment.pk}-progress.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        assignments.progress_csv_write(rows, response)
        return response


@extend_schema(tags=["teach"])
class TeachAssignmentItemsView(TeachAssignmentReport):
    """Item analysis of an assignment's questions over the class's quiz answers."""

    # What it answers, not a QuestionBank (as TeachAssignmentProgressView's).
    serializer_class = s.ItemAnalysisSerializer  # type: ignore[assignment]

    @extend_schema(
        summary="Item analysis: share correct, time, common wrong choice, discrimination",
        responses={200: s.ItemAnalysisSerializer(many=True)},
    )
    def get(self, request: SignedInApiRequest, pk: int) -> Response:
        rows = assignments.assignment_item_analysis(assignment=self._assignment(pk))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serialize_many(s.ItemAnalysisSerializer, page))
