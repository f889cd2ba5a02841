"""Custom study and suspended cards: the new cards "study more" would bring in once
today's limit is reached, and the cards a student suspended for themself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from quizzes.api import published_question_filter, published_questions, question_path

from ..models import Card
from .common import started_or_suspended

if TYPE_CHECKING:
    from quizzes.api import QuestionBank


def new_cards_waiting(*, user: User, bank: QuestionBank | int | None = None) -> int:
    """Published questions (of `bank`, or all) the user has not started nor suspended:
    what "study more" would bring in once today's new-card limit is reached. One query."""
    return published_questions(bank=bank).exclude(started_or_suspended(user)).count()


def cards_suspended(*, user: User) -> QuerySet[Card]:
    """The user's suspended cards of published questions, last suspended first, with
    their question and bank (for the list where they bring them back)."""
    return (
        Card.objects.filter(
            Q(user=user, suspended_at__isnull=False) & published_question_filter("question")
        )
        .select_related(question_path("question", "bank"))
        .order_by("-suspended_at", "-id")
    )


def card_is_suspended(*, user: User, question_id: int) -> bool:
    return Card.objects.filter(
        user=user, question_id=question_id, suspended_at__isnull=False
    ).exists()
