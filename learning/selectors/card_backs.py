"""The back of a card: the answer and the article's sentence behind it, in its
paragraph (issue 14: the API's flashcards)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.db.models import (
    Prefetch,
)

from quizzes.api import (
    MULTIPLE_CHOICE_KINDS,
    QuestionKind,
    article_facts,
    choices_in_order,
    evidence_in_paragraph,
    question_path,
)

from ..models import Card

if TYPE_CHECKING:
    from quizzes.api import Question


@dataclass(frozen=True)
class CardBack:
    """What the back of a card shows once it is turned: the answer and the
    article's sentence behind it, in its paragraph (offsets are into the article
    text; the paragraph's own are into the paragraph)."""

    question_id: int
    bank_id: int
    answer: str
    explanation: str
    correct_choice_id: int | None
    correct_order: list[int] | None
    article_id: int | None
    source_url: str
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    paragraph: dict[str, Any] | None


def card_backs_of(questions: Iterable[Question]) -> dict[int, CardBack]:
    """Question id -> its card's back, for questions with their bank and their
    choices in display order loaded. One query (the articles' texts), none
    without an article."""
    articles = article_facts(question.bank.article_id for question in questions)
    backs = {}
    for question in questions:
        choices = sorted(question.choices.all(), key=lambda c: (c.position, c.pk))
        article_id = question.bank.article_id
        article = articles.get(article_id) if article_id is not None else None
        found = None
        if article is not None:
            found = evidence_in_paragraph(
                article.text, question.evidence_start, question.evidence_end
            )
        paragraph = None
        if found is not None:
            paragraph = {
                "index": found.paragraph_index,
                "text": found.before + found.evidence + found.after,
                "evidence_start": len(found.before),
                "evidence_end": len(found.before) + len(found.evidence),
            }
        backs[question.pk] = CardBack(
            question_id=question.pk,
            bank_id=question.bank_id,
            answer=question.answer,
            explanation=question.explanation,
            correct_choice_id=next((c.pk for c in choices if c.is_correct), None)
            if question.kind in MULTIPLE_CHOICE_KINDS
            else None,
            correct_order=[c.pk for c in choices]
            if question.kind == QuestionKind.ORDERING
            else None,
            article_id=article.pk if article else None,
            source_url=article.url if article else "",
            evidence=found.evidence.strip() if found else "",
            evidence_start=question.evidence_start if found else None,
            evidence_end=question.evidence_end if found else None,
            paragraph=paragraph,
        )
    return backs


def card_backs(*, user: User, card_ids: Iterable[int]) -> dict[int, CardBack]:
    """Card id -> its back, for the user's own cards among `card_ids` (others are
    left out). Three queries: the cards with their questions, the choices, the
    articles."""
    cards = list(
        Card.objects.filter(user=user, pk__in=set(card_ids))
        .select_related(question_path("question", "bank"))
        .prefetch_related(
            Prefetch(question_path("question", "choices"), queryset=choices_in_order())
        )
    )
    backs = card_backs_of([card.question for card in cards])
    return {card.pk: backs[card.question_id] for card in cards}
