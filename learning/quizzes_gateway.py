"""The one door through which `learning` reads the content side.

`learning` imports `quizzes` only here; `quizzes` never imports `learning`.
If the content side changes shape, this module is the one place to adapt.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from quizzes.answer_matching import AnswerMatch, answer_match
from quizzes.api import banks_editable_by, banks_studyable_by, can_edit_bank, is_teacher
from quizzes.models import (
    MULTIPLE_CHOICE_KINDS,
    Article,
    BankStatus,
    Choice,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionStatus,
)
from quizzes.selectors import EvidenceInParagraph, evidence_in_paragraph

__all__ = [
    "AnswerMatch",
    "answer_match",
    "MULTIPLE_CHOICE_KINDS",
    "BankStatus",
    "Choice",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "QuestionStatus",
    "can_edit_bank",
    "is_teacher",
    "published_question_filter",
    "published_questions",
    "sibling_key",
    "banks_editable_by",
    "banks_studyable_by",
    "ArticleFacts",
    "article_facts",
    "EvidenceInParagraph",
    "evidence_in_paragraph",
]


@dataclass(frozen=True)
class ArticleFacts:
    """What a card's back shows of its article."""

    pk: int
    url: str
    text: str


def article_facts(article_ids) -> dict[int, ArticleFacts]:
    """Article id -> its source address and text (one query; none without ids)."""
    ids = {pk for pk in article_ids if pk is not None}
    if not ids:
        return {}
    rows = Article.objects.filter(pk__in=ids).values_list("pk", "url", "text")
    return {pk: ArticleFacts(pk, url, text) for pk, url, text in rows}


def published_question_filter(prefix: str = "") -> Q:
    """Q for a published question of a published bank; `prefix` e.g. "question__"."""
    return Q(**{f"{prefix}status": QuestionStatus.PUBLISHED}) & Q(
        **{f"{prefix}bank__status": BankStatus.PUBLISHED}
    )


def published_questions(*, bank=None) -> QuerySet[Question]:
    questions = Question.objects.filter(published_question_filter())
    if bank is not None:
        questions = questions.filter(bank=bank)
    return questions


def sibling_key(
    *,
    article_id: int | None,
    evidence_start: int | None,
    evidence_end: int | None,
    fingerprint: str,
) -> tuple:
    """Questions about the same fact: the same evidence span of one article, or
    (without evidence) the same fingerprint. Siblings are not studied on the same day."""
    if article_id is not None and evidence_start is not None and evidence_end is not None:
        return ("span", article_id, evidence_start, evidence_end)
    if fingerprint:
        return ("fp", fingerprint)
    return ("none", id(object()))  # unique: no siblings
