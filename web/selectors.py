"""Reads the student pages need beyond the apps' own selectors: the banks and
evidence of an article a student may study, and a question's evidence link. Who
may see what is quizzes.permissions' (through quizzes.api)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User

from quizzes import api as quizzes_api

from .highlight import Span, paragraph_index_at

if TYPE_CHECKING:
    from quizzes.api import Article, ArticleFacts, ArticleText, Question, StudyQuestion

AnyUser = User | AnonymousUser


def bank_list_for_article(*, user: AnyUser, article_id: int) -> list[dict[str, object]]:
    """The banks made from an article that `user` may study (from its page)."""
    return [
        {"pk": pk, "title": title}
        for pk, title in quizzes_api.bank_rows_for_article(user=user, article_id=article_id)
    ]


def article_evidence_spans(*, user: AnyUser, article_id: int) -> list[Span]:
    """The evidence of the published questions of the article's banks `user` may study."""
    return [
        Span(start, end, pk)
        for start, end, pk in quizzes_api.evidence_rows_for_article(
            user=user, article_id=article_id
        )
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


def question_evidence(
    *, question: Question | StudyQuestion, article: Article | ArticleText | ArticleFacts | None
) -> Evidence | None:
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
