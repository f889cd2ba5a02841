"""Reads the student pages need beyond the apps' own selectors: the banks and
evidence of an article a student may study, and a question's evidence link. Who
may see what is quizzes.permissions' (through quizzes.api)."""

from __future__ import annotations

from dataclasses import dataclass

from quizzes.api import banks_studyable_by
from quizzes.models import Article, Question, QuestionStatus

from .highlight import Span, paragraph_index_at


def bank_list_for_article(*, user, article: Article) -> list[dict[str, object]]:
    """The banks made from an article that `user` may study (from its page)."""
    rows = (
        banks_studyable_by(user)
        .filter(article=article)
        .order_by("title", "pk")
        .values_list("pk", "title")
    )
    return [{"pk": pk, "title": title} for pk, title in rows]


def article_evidence_spans(*, user, article: Article) -> list[Span]:
    """The evidence of the published questions of the article's banks `user` may study."""
    rows = Question.objects.filter(
        bank__in=banks_studyable_by(user).filter(article=article),
        status=QuestionStatus.PUBLISHED,
        evidence_start__isnull=False,
        evidence_end__isnull=False,
    ).values_list("evidence_start", "evidence_end", "pk")
    return [
        Span(start, end, pk) for start, end, pk in rows if start is not None and end is not None
    ]


@dataclass(frozen=True)
class Evidence:
    text: str
    article_id: int | None
    paragraph: int | None
    question_id: int

    @property
    def anchor(self) -> str:
        return f"p-{self.paragraph}" if self.paragraph is not None else ""


def question_evidence(*, question: Question, article: Article | None) -> Evidence | None:
    """The sentence behind a question and where it sits in its article (no query
    when `article` is given)."""
    if article is None or question.evidence_start is None or question.evidence_end is None:
        return None
    text = article.text[question.evidence_start : question.evidence_end].strip()
    if not text:
        return None
    return Evidence(
        text=text,
        article_id=article.pk,
        paragraph=paragraph_index_at(article.text, question.evidence_start),
        question_id=question.pk,
    )
