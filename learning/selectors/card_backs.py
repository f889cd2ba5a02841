"""The back of a card: the answer and the article's sentence behind it, in its
paragraph (issue 14: the API's flashcards)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.db.models import QuerySet

from quizzes.api import (
    MULTIPLE_CHOICE_KINDS,
    QuestionKind,
    StudyQuestion,
    article_facts,
    choice_grading_rows,
    choice_rows_of,
    evidence_in_paragraph,
    question_path,
)

from .. import sql
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


def _back(
    *,
    question_id: int,
    bank_id: int,
    kind: str,
    answer: str,
    explanation: str,
    evidence_start: int | None,
    evidence_end: int | None,
    article: Any,
    choices: list[Any],
) -> CardBack:
    """A card's back from its question's values, its article (ArticleFacts or
    None) and its choices in display order (instances or rows: `pk`, `is_correct`)."""
    found = None
    if article is not None:
        found = evidence_in_paragraph(article.text, evidence_start, evidence_end)
    paragraph = None
    if found is not None:
        paragraph = {
            "index": found.paragraph_index,
            "text": found.before + found.evidence + found.after,
            "evidence_start": len(found.before),
            "evidence_end": len(found.before) + len(found.evidence),
        }
    return CardBack(
        question_id=question_id,
        bank_id=bank_id,
        answer=answer,
        explanation=explanation,
        correct_choice_id=next((c.pk for c in choices if c.is_correct), None)
        if kind in MULTIPLE_CHOICE_KINDS
        else None,
        correct_order=[c.pk for c in choices] if kind == QuestionKind.ORDERING else None,
        article_id=article.pk if article else None,
        source_url=article.url if article else "",
        evidence=found.evidence.strip() if found else "",
        evidence_start=evidence_start if found else None,
        evidence_end=evidence_end if found else None,
        paragraph=paragraph,
    )


def _article_and_choices(question: Question | StudyQuestion) -> tuple[int | None, list[Any]]:
    """A question's article id and its choices in display order (a StudyQuestion's
    rows, or a question's loaded choices)."""
    if isinstance(question, StudyQuestion):
        return question.article_id, list(question.choices or ())
    choices = sorted(question.choices.all(), key=lambda c: (c.position, c.pk))
    return question.bank.article_id, choices


def card_backs_of(questions: Iterable[Question | StudyQuestion]) -> dict[int, CardBack]:
    """Question id -> its card's back, for questions as the study queue reads them
    (StudyQuestion rows with their choices), or instances with their bank and their
    choices loaded. One query (the articles' texts), none without an article."""
    facts = [(question, *_article_and_choices(question)) for question in questions]
    articles = article_facts(article_id for _, article_id, _ in facts)
    backs = {}
    for question, article_id, choices in facts:
        backs[question.pk] = _back(
            question_id=question.pk,
            bank_id=question.bank_id,
            kind=question.kind,
            answer=question.answer,
            explanation=question.explanation,
            evidence_start=question.evidence_start,
            evidence_end=question.evidence_end,
            article=articles.get(article_id) if article_id is not None else None,
            choices=choices,
        )
    return backs


# What a back reads of a card's question, in the card's own query (no instances:
# an offline batch turns 500 cards at once).
_BACK_COLUMNS = (
    "id",
    "question_id",
    *(
        question_path("question", name)
        for name in (
            "bank_id",
            "kind",
            "answer",
            "explanation",
            "evidence_start",
            "evidence_end",
            "article_id",
        )
    ),
)


def _backs_query(*, user: int, card_ids: list[int]) -> QuerySet[Any]:
    return Card.objects.filter(user=user, pk__in=card_ids).order_by().values_list(*_BACK_COLUMNS)


def card_backs(*, user: User, card_ids: Iterable[int]) -> dict[int, CardBack]:
    """Card id -> its back, for the user's own cards among `card_ids` (others are
    left out). Read as rows, no model instance built: three queries, the cards
    with their questions' columns, the choices (none without a card), the
    articles (none without one); the first two compiled once per process and
    number of ids (padded to a power of two: sql.prepared_rows)."""
    ids = sql.padded(sorted(set(card_ids)))
    if not ids:
        return {}
    rows = sql.prepared_rows(("backs.cards", len(ids)), _backs_query, user=user.pk, card_ids=ids)
    question_ids = sql.padded(sorted({row[1] for row in rows}))
    choices = {}
    if question_ids:
        choices = choice_grading_rows(
            sql.prepared_rows(
                ("backs.choices", len(question_ids)), choice_rows_of, ids=question_ids
            )
        )
    articles = article_facts(row[-1] for row in rows)
    backs: dict[int, CardBack] = {}
    for card_id, question_id, bank_id, kind, answer, explanation, start, end, article_id in rows:
        backs[card_id] = _back(
            question_id=question_id,
            bank_id=bank_id,
            kind=kind,
            answer=answer,
            explanation=explanation,
            evidence_start=start,
            evidence_end=end,
            article=articles.get(article_id) if article_id is not None else None,
            choices=choices.get(question_id, []),
        )
    return backs


class _CorrectChoice:
    """The one choice of a back that matters for a multiple-choice question."""

    __slots__ = ("pk", "is_correct")

    def __init__(self, pk: int):
        self.pk = pk
        self.is_correct = True


def card_back_of_facts(facts: Any) -> CardBack | None:
    """The back made of values an answer read with its card (services.BackFacts:
    the question's columns and its correct choice): one query, the article's text
    (none without an article). None for a timeline, whose back lists every choice
    in order (card_backs reads them)."""
    if facts.kind == QuestionKind.ORDERING:
        return None
    article_id = facts.article_id
    articles = article_facts([article_id] if article_id is not None else [])
    correct = facts.correct_choice_id
    return _back(
        question_id=facts.question_id,
        bank_id=facts.bank_id,
        kind=facts.kind,
        answer=facts.answer,
        explanation=facts.explanation,
        evidence_start=facts.evidence_start,
        evidence_end=facts.evidence_end,
        article=articles.get(article_id) if article_id is not None else None,
        choices=[] if correct is None else [_CorrectChoice(correct)],
    )
