"""Reads the student pages need beyond the apps' own selectors: what a student
may see of an article, published banks, and a question's evidence link."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from learning.models import ReviewLog
from quizzes.models import Article, BankStatus, Question, QuestionBank, QuestionStatus
from quizzes.selectors import bank_list_for_user

from .highlight import Span, paragraph_index_at


def bank_list_published(*, user):
    """Published banks only (a teacher's drafts stay in admin), with question_count."""
    return bank_list_for_user(user=user).filter(status=BankStatus.PUBLISHED)


def bank_get_published(*, bank_id) -> QuestionBank:
    try:
        return QuestionBank.objects.select_related("article").get(
            pk=int(bank_id), status=BankStatus.PUBLISHED
        )
    except (QuestionBank.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("No such bank.") from exc


def article_get_for_student(*, user, article_id: int) -> Article:
    """An article is visible when a published bank comes from it; a teacher also sees
    the articles they added or built a bank on (superusers see all)."""
    articles = Article.objects.all()
    if not (user.is_authenticated and user.is_superuser):
        published = Exists(
            QuestionBank.objects.filter(article=OuterRef("pk"), status=BankStatus.PUBLISHED)
        )
        if user.is_authenticated and user.is_staff:
            articles = articles.filter(
                published
                | Q(created_by=user)
                | Exists(QuestionBank.objects.filter(article=OuterRef("pk"), owner=user))
            )
        else:
            articles = articles.filter(published)
    try:
        return articles.get(pk=article_id)
    except Article.DoesNotExist as exc:
        raise Http404("No such article.") from exc


def bank_list_for_article(*, article: Article) -> list[dict[str, object]]:
    """The published banks made from an article (to study or quiz from its page)."""
    rows = (
        QuestionBank.objects.filter(article=article, status=BankStatus.PUBLISHED)
        .order_by("title", "pk")
        .values_list("pk", "title")
    )
    return [{"pk": pk, "title": title} for pk, title in rows]


def article_evidence_spans(*, article: Article) -> list[Span]:
    rows = Question.objects.filter(
        bank__article=article,
        bank__status=BankStatus.PUBLISHED,
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


def review_last_id(*, user) -> int | None:
    """Id of the user's latest review that is not undone (what undo would undo)."""
    return (
        ReviewLog.objects.filter(user=user, undo__isnull=True)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
