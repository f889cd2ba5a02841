"""Quiz attempts: start, grade and store answers (feeding the scheduler), held
typed misses, finish.

The quiz rule (documented in docs/decisions/0002): a wrong answer is Again, a
right one is Good, a right one that took longer than QUIZ_SLOW_MS (20 s) is
Hard."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from quizzes.api import (
    MULTIPLE_CHOICE_KINDS,
    AnswerMatch,
    BankStatus,
    QuestionKind,
    answer_match,
    question_ids_for_quiz,
    question_ids_published,
    questions_with_choices,
)

from ..models import (
    Card,
    CardState,
    QuizAnswer,
    QuizAttempt,
    QuizMode,
    Rating,
    ReviewLog,
    ReviewSource,
)
from ..selectors.common import BankRef
from ..tallies import quiz_tally_add
from .common import ReviewError, as_int

if TYPE_CHECKING:
    from quizzes.api import Choice, Question
from .reviews import card_get_or_create, rating_for_answer, review_record

QUIZ_MAX_SIZE = 100


def quiz_start(
    *,
    user: User,
    bank: BankRef | None,
    size: int | str | None = 10,
    mode: str = QuizMode.RANDOM,
) -> QuizAttempt:
    """A new attempt over up to `size` published questions of a published bank, no two
    on one fact nor one giving another away (quizzes.api.question_ids_for_quiz)."""
    if bank is None or bank.status != BankStatus.PUBLISHED:
        raise ReviewError("bank", "This bank is not published.")
    size = as_int(size, field="size")
    if size is None or not 1 <= size <= QUIZ_MAX_SIZE:
        raise ReviewError("size", f"The size must be between 1 and {QUIZ_MAX_SIZE}.")
    if mode not in QuizMode.values:
        raise ReviewError("mode", f"The mode must be one of: {', '.join(QuizMode.values)}.")
    question_ids = question_ids_published(bank_id=bank.pk)
    if not question_ids:
        raise ReviewError("bank", "This bank has no published questions yet.")
    if mode == QuizMode.RANDOM:
        ordered = random.sample(question_ids, len(question_ids))
    else:
        now = timezone.now()
        cards = {
            qid: (state, due)
            for qid, state, due in Card.objects.filter(
                user=user, question_id__in=question_ids
            ).values_list("question_id", "state", "due")
        }
        far = now + timedelta(days=365 * 1000)

        def urgency(qid: int) -> tuple[int, datetime]:
            """Due now first (most overdue first), then new, then not yet due."""
            state, due = cards.get(qid, (CardState.NEW, far))
            if state == CardState.NEW:
                return (1, far)
            return (0, due) if due <= now else (2, due)

        ordered = sorted(question_ids, key=urgency)
    chosen = question_ids_for_quiz(bank_id=bank.pk, ordered_ids=ordered, size=size)
    with transaction.atomic():
        return QuizAttempt.objects.create(
            user=user, bank_id=bank.pk, mode=mode, question_ids=chosen
        )


@dataclass(frozen=True)
class GradedAnswer:
    is_correct: bool
    choice: Any = None  # the Choice picked (multiple choice)
    order: list[int] | None = None  # the choice ids in the given order (timeline)
    text: str = ""  # the typed answer (cloze, free text)


def _choice_grade(choices: list[Choice], choice_id: int | None) -> GradedAnswer:
    """A multiple-choice answer: one of the question's choices."""
    if choice_id is None:
        raise ReviewError("choice", "Pick one of the choices.")
    chosen = next((c for c in choices if c.pk == choice_id), None)
    if chosen is None:
        raise ReviewError("choice", "This choice does not belong to the question.")
    return GradedAnswer(is_correct=chosen.is_correct, choice=chosen)


def _order_grade(choices: list[Choice], order: list[int] | None) -> GradedAnswer:
    """A timeline answer: each of the question's choices once, in the given order."""
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
        return _choice_grade(choices, choice_id)
    if question.kind == QuestionKind.ORDERING:
        return _order_grade(choices, order)
    if text is None or not str(text).strip():
        raise ReviewError("text", "Type your answer.")
    given_text = str(text).strip()[:1000]
    return GradedAnswer(
        is_correct=typed_answer_match(question, given_text).accepted, text=given_text
    )


def _check_attempt_open(*, user: User, attempt: QuizAttempt | None) -> None:
    """The user's own attempt, not finished: else a ReviewError."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    if attempt.finished_at is not None:
        raise ReviewError("attempt", "This quiz is finished.")


def _question_of_attempt(*, attempt: QuizAttempt, question_id: int | None) -> Question:
    """The attempt's question with its choices: else a ReviewError on `question`."""
    if question_id is None or question_id not in attempt.question_ids:
        raise ReviewError("question", "This question is not part of the quiz.")
    question = questions_with_choices([question_id]).get(question_id)
    if question is None:
        raise ReviewError("question", "This question no longer exists.")
    return question


def _duration_checked(duration_ms: int | str | None) -> int | None:
    """An answer's duration in milliseconds, up to a day: else a ReviewError."""
    duration = as_int(duration_ms, field="duration_ms")
    if duration is not None and not 0 <= duration <= 24 * 3600 * 1000:
        raise ReviewError("duration_ms", "The duration must be between 0 and 24 hours.")
    return duration


def quiz_answer(
    *,
    user: User,
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
    _check_attempt_open(user=user, attempt=attempt)
    question_id = as_int(question_id, field="question")
    choice_id = as_int(choice_id, field="choice")
    duration_ms = _duration_checked(duration_ms)
    question = _question_of_attempt(attempt=attempt, question_id=question_id)
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


def typed_answer_match(question: Question, given_text: str) -> AnswerMatch:
    """How a typed answer to `question` is graded: its answer, the teacher's
    accepted alternatives and the text of its correct choices all count."""
    alternatives = [*(question.accepted_answers or [])]
    alternatives += [c.text for c in question.choices.all() if c.is_correct]
    return answer_match(given_text, expected=question.answer, alternatives=alternatives)


def _settle_held(*, user: User, held: list[QuizAnswer]) -> int:
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


def _log_quiz_review(*, user: User, card: Card, answer: QuizAnswer, rating: int) -> ReviewLog:
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


def quiz_answers_settle(*, user: User, attempt: QuizAttempt | None) -> int:
    """The student went on: log their held typed misses (how many were held)."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        return _settle_held(user=user, held=list(locked.answers.filter(held=True)))


def quiz_answer_override(
    *, user: User, attempt: QuizAttempt | None, question_id: int | None
) -> QuizAnswer:
    """ "I was right": a held typed miss becomes a pass before it is logged, and
    is logged as a right answer (Good, or Hard when slow)."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    question_id = as_int(question_id, field="question")
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


def quiz_discard(*, user: User, attempt: QuizAttempt | None) -> None:
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
    typed misses are logged, and its bank's quiz tally counts it (one transaction)."""
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is None:
            answers = list(locked.answers.all())  # one query, also finding held answers
            if any(answer.held for answer in answers):
                _settle_held(user=locked.user, held=answers)
            locked.correct_count = sum(answer.is_correct for answer in answers)
            locked.finished_at = timezone.now()
            locked.save(update_fields=["correct_count", "finished_at"])
            quiz_tally_add(
                user_id=locked.user_id,
                bank_id=locked.bank_id,
                attempt_id=locked.pk,
                finished_at=locked.finished_at,
                correct=locked.correct_count,
                size=len(locked.question_ids),
            )
    attempt.refresh_from_db()
    return attempt


def quiz_retry(*, user: User, attempt: QuizAttempt | None) -> QuizAttempt:
    """ "Retry the ones I missed": a new quiz, in a new order, over the questions of a
    finished attempt not answered right (those still published). It is practice: an
    assignment's quiz goal does not count it (it is shorter and easier than the quiz)."""
    if attempt is None or attempt.user_id != user.pk:
        raise ReviewError("attempt", "No such quiz.", status=404)
    if attempt.finished_at is None:
        raise ReviewError("attempt", "Finish this quiz first: then retry the ones you missed.")
    if not getattr(attempt.bank, "is_published", False):
        raise ReviewError("attempt", "This bank is no longer published.")
    right = set(attempt.answers.filter(is_correct=True).values_list("question_id", flat=True))
    asked = [qid for qid in attempt.question_ids if qid not in right]
    still = set(question_ids_published(bank_id=attempt.bank_id, among=asked))
    missed = [qid for qid in asked if qid in still]
    if not missed:
        raise ReviewError("attempt", "You missed no question in this quiz: nothing to retry.")
    with transaction.atomic():
        return QuizAttempt.objects.create(
            user=user,
            bank=attempt.bank,
            mode=QuizMode.RANDOM,
            question_ids=random.sample(missed, len(missed)),
            retry_of=attempt,
        )
