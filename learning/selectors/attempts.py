"""Single objects the user owns (a card, a quiz attempt) and quiz history."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models import (
    Count,
    QuerySet,
)
from django.http import Http404

from quizzes.api import (
    QuestionKind,
    question_path,
    questions_with_choices,
)

from ..models import Card, QuizAttempt, ReviewLog


def card_get_for_user(*, user: User, card_id: int | str) -> Card:
    try:
        card_id = int(card_id)
    except (TypeError, ValueError):
        raise Http404("No such card.") from None
    card = (
        Card.objects.select_related(question_path("question", "article"))
        .prefetch_related(question_path("question", "choices"))
        .filter(pk=card_id, user=user)
        .first()
    )
    if card is None:
        raise Http404("No such card.")
    return card


def attempt_get_for_user(*, user: User, attempt_id: int | str) -> QuizAttempt:
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        raise Http404("No such quiz.") from None
    attempt = (
        QuizAttempt.objects.select_related("bank__article")  # its date, shown with the questions
        .filter(pk=attempt_id, user=user)
        .first()
    )
    if attempt is None:
        raise Http404("No such quiz.")
    return attempt


def attempt_list(*, user: User) -> QuerySet[QuizAttempt]:
    return (
        QuizAttempt.objects.filter(user=user)
        .select_related("bank__article")  # its date, shown with each attempt
        .annotate(answered_count=Count("answers"))
        .order_by("-started_at", "-id")
    )


def attempt_review(*, attempt: QuizAttempt) -> list[dict[str, Any]]:
    """Per question of the attempt, in order: what was asked, given and right."""
    questions = questions_with_choices(attempt.question_ids)
    answers = {a.question_id: a for a in attempt.answers.all()}
    rows = []
    for qid in attempt.question_ids:
        question = questions.get(qid)
        if question is None:
            continue
        choices = list(question.choices.all())
        answer = answers.get(qid)
        correct: list[str] | str
        if question.kind == QuestionKind.ORDERING:
            correct = [c.text for c in sorted(choices, key=lambda c: (c.position, c.pk))]
        else:
            correct = question.answer
        given = None
        if answer is not None:
            given = {
                "choice": answer.choice_id,
                "order": answer.given_order,
                "text": answer.given_text or None,
            }
        rows.append(
            {
                "question": question.pk,
                "prompt": question.prompt,
                "kind": question.kind,
                "choices": [
                    {"id": c.pk, "text": c.text, "is_correct": c.is_correct} for c in choices
                ],
                "given": given,
                "correct_answer": correct,
                "correct_choice": next((c.pk for c in choices if c.is_correct), None),
                "is_correct": answer.is_correct if answer is not None else None,
                "explanation": question.explanation,
                "evidence": question.evidence_text,
                "article": question.bank.article_id,
                "evidence_start": question.evidence_start,
                "evidence_end": question.evidence_end,
            }
        )
    return rows


def review_last_id(*, user: User) -> int | None:
    """Id of the user's latest review that is not undone (what undo would undo)."""
    return (
        ReviewLog.objects.filter(user=user, undo__isnull=True)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
