"""Doing a student's work the way the app does it (through learning's services)."""

from __future__ import annotations

from learning.models import QuizAttempt
from learning.services import (
    card_get_or_create,
    quiz_answer,
    quiz_finish,
    quiz_start,
    review_record,
)
from quizzes.models import Question


def take_quiz(
    *, user, bank, right: int | None = None, size: int = 5, wrong_pick: int = 1, duration_ms=4000
) -> QuizAttempt:
    """A quiz over the first `size` questions, the first `right` answered right
    (all by default), the others with the `wrong_pick`-th choice (a wrong one)."""
    attempt = quiz_start(user=user, bank=bank, size=size, mode="due_first")
    right = len(attempt.question_ids) if right is None else right
    for number, question_id in enumerate(attempt.question_ids):
        choices = list(Question.objects.get(pk=question_id).choices.order_by("position", "id"))
        correct = next(c for c in choices if c.is_correct)
        wrong = [c for c in choices if not c.is_correct][wrong_pick - 1]
        quiz_answer(
            user=user,
            attempt=attempt,
            question_id=question_id,
            choice_id=(correct if number < right else wrong).pk,
            duration_ms=duration_ms,
        )
    return quiz_finish(attempt=attempt)


def study_cards(*, user, bank, count: int | None = None, rating: int = 3) -> None:
    """Rate the first `count` published questions of the bank (all by default) once."""
    questions = bank.questions.filter(status="published").order_by("position", "id")
    for question in questions[:count] if count is not None else questions:
        card = card_get_or_create(user=user, question=question)
        review_record(user=user, card_id=card.pk, rating=rating)
