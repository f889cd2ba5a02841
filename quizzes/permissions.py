"""Who may see, study and author what: the one authorisation module (STYLE: one
function per decision). Admin querysets, the API, the web pages, `classes` and
`learning` all ask these functions; nothing else writes such a rule.

Students: a bank is theirs to see, study and quiz when it is published and
either public or assigned to one of their classes (issue 13); a draft never is.
Teachers: they also see and edit their own banks, drafts included. Superusers:
everything.

`quizzes` sits below `classes` (.importlinter), so "assigned to one of the
student's classes" is read through reverse relations of classes' models, never
an import: QuestionBank <- Assignment.bank (related name "assignments"),
Classroom <- Membership.classroom ("memberships"), Membership.student. An
assignment counts once it has started, as `classes.selectors` shows it to the
student (the "scheduled" rows of
tests/security_review/test_bank_visibility_matrix.py hold both to it)."""

from __future__ import annotations

from datetime import datetime
from typing import TypeGuard

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from .models import Article, BankStatus, GenerationJob, QuestionBank

TEACHERS_GROUP = "Teachers"

# Whom the rules are asked about: a signed-in user or an anonymous visitor.
AnyUser = User | AnonymousUser

__all__ = [
    "TEACHERS_GROUP",
    "article_get_for_user",
    "articles_authored_by",
    "articles_editable_by",
    "articles_visible_to",
    "bank_assignable_by",
    "bank_get_for_student",
    "bank_get_for_teacher",
    "banks_assignable_by",
    "banks_editable_by",
    "banks_studyable_by",
    "banks_visible_to",
    "can_edit_bank",
    "generation_jobs_visible_to",
    "is_teacher",
]


def is_teacher(user: AnyUser | None) -> TypeGuard[User]:
    """Staff in the Teachers group, or a superuser (a teacher is a signed-in User)."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists()


def can_edit_bank(user: AnyUser | None, bank: QuestionBank | None) -> bool:
    """Teachers edit the banks they own; superusers edit any."""
    if user is None or bank is None or not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return is_teacher(user) and bank.owner_id == user.pk


def banks_editable_by(user: AnyUser) -> QuerySet[QuestionBank]:
    """Banks `user` may edit and whose students' progress they may see: their own
    (every bank for a superuser; none for anyone who is not a teacher)."""
    if not is_teacher(user):
        return QuestionBank.objects.none()
    if user.is_superuser:
        return QuestionBank.objects.all()
    return QuestionBank.objects.filter(owner=user)


def _assigned_to(user: User, now: datetime) -> Q:
    """The bank is assigned, by an assignment that has started, to a class `user`
    is a member of (classes' tables through their reverse relations; see above)."""
    return Q(
        Exists(
            QuestionBank.objects.filter(
                Q(assignments__starts_at__isnull=True) | Q(assignments__starts_at__lte=now),
                pk=OuterRef("pk"),
                assignments__classroom__memberships__student=user,
            )
        )
    )


def _studyable(user: AnyUser | None, now: datetime | None = None) -> Q:
    """Published, and public or assigned to one of the user's classes."""
    published = Q(status=BankStatus.PUBLISHED)
    if not (user and user.is_authenticated) or isinstance(user, AnonymousUser):
        return published & Q(is_public=True)
    return published & (Q(is_public=True) | _assigned_to(user, now or timezone.now()))


def banks_studyable_by(user: AnyUser, now: datetime | None = None) -> QuerySet[QuestionBank]:
    """Published banks `user` may study and quiz: public ones and those assigned to
    their classes; a teacher's own published banks too; every one for a superuser."""
    if user.is_authenticated and user.is_superuser:
        return QuestionBank.objects.filter(status=BankStatus.PUBLISHED)
    visible = _studyable(user, now)
    if is_teacher(user):
        visible = visible | Q(status=BankStatus.PUBLISHED, owner=user)
    return QuestionBank.objects.filter(visible)


def banks_visible_to(user: AnyUser, now: datetime | None = None) -> QuerySet[QuestionBank]:
    """Banks `user` may see at all: what they may study, and a teacher's own drafts
    (every bank for a superuser)."""
    if user.is_authenticated and user.is_superuser:
        return QuestionBank.objects.all()
    visible = _studyable(user, now)
    if is_teacher(user):
        visible = visible | Q(owner=user)
    return QuestionBank.objects.filter(visible)


def bank_get_for_student(
    *, user: AnyUser, bank_id: int | str, now: datetime | None = None
) -> QuestionBank:
    """A bank `user` may study or quiz (banks_studyable_by); 404 otherwise, the
    same for a bank that does not exist and one they may not see."""
    try:
        pk = int(bank_id)
    except (TypeError, ValueError):
        raise Http404("No such bank.") from None
    bank = banks_studyable_by(user, now).select_related("article").filter(pk=pk).first()
    if bank is None:
        raise Http404("No such bank.")
    return bank


def bank_get_for_teacher(*, user: AnyUser, bank_id: int | str) -> QuestionBank:
    """A bank `user` may edit (a draft too: its owner, or a superuser); 404 otherwise,
    so nobody learns of another teacher's draft."""
    try:
        pk = int(bank_id)
    except (TypeError, ValueError):
        raise Http404("No such bank.") from None
    bank = QuestionBank.objects.select_related("article").filter(pk=pk).first()
    if bank is None or not can_edit_bank(user, bank):
        raise Http404("No such bank.")
    return bank


def banks_assignable_by(user: AnyUser | None) -> QuerySet[QuestionBank]:
    """Published banks a teacher may hand to a class: their own and public ones
    (any for a superuser)."""
    if not is_teacher(user):
        return QuestionBank.objects.none()
    published = QuestionBank.objects.filter(status=BankStatus.PUBLISHED)
    if user.is_superuser:
        return published
    return published.filter(Q(owner=user) | Q(is_public=True))


def bank_assignable_by(user: AnyUser, bank: QuestionBank | None) -> bool:
    if bank is None or not is_teacher(user):
        return False
    return user.is_superuser or bank.owner_id == user.pk or bool(bank.is_public)


def articles_editable_by(user: AnyUser) -> QuerySet[Article]:
    """Articles `user` may change or generate from: those they added (all for a
    superuser; none for anyone who is not a teacher)."""
    if not is_teacher(user):
        return Article.objects.none()
    if user.is_superuser:
        return Article.objects.all()
    return Article.objects.filter(created_by=user)


def articles_authored_by(user: AnyUser) -> QuerySet[Article]:
    """The articles a teacher works with: those they added and those behind their
    banks (all for a superuser)."""
    if not is_teacher(user):
        return Article.objects.none()
    if user.is_superuser:
        return Article.objects.all()
    return Article.objects.filter(
        Q(created_by=user) | Exists(QuestionBank.objects.filter(article=OuterRef("pk"), owner=user))
    )


def articles_visible_to(user: AnyUser, now: datetime | None = None) -> QuerySet[Article]:
    """Articles `user` may read: those behind a bank they may study; a teacher's
    own (articles_authored_by) too; all for a superuser."""
    if user.is_authenticated and user.is_superuser:
        return Article.objects.all()
    studied = Exists(banks_studyable_by(user, now).filter(article=OuterRef("pk")))
    if is_teacher(user):
        return Article.objects.filter(
            studied
            | Q(created_by=user)
            | Exists(QuestionBank.objects.filter(article=OuterRef("pk"), owner=user))
        )
    return Article.objects.filter(studied)


def generation_jobs_visible_to(user: AnyUser) -> QuerySet[GenerationJob]:
    """Generation jobs a teacher may follow (API and admin): those they asked for and
    those of their articles (every job for a superuser)."""
    if user.is_authenticated and user.is_superuser:
        return GenerationJob.objects.all()
    return GenerationJob.objects.filter(Q(requested_by=user) | Q(article__created_by=user))


def article_get_for_user(
    *, user: AnyUser, article_id: int | str, now: datetime | None = None
) -> Article:
    """An article `user` may read (articles_visible_to); 404 otherwise."""
    try:
        pk = int(article_id)
    except (TypeError, ValueError):
        raise Http404("No such article.") from None
    article = articles_visible_to(user, now).filter(pk=pk).first()
    if article is None:
        raise Http404("No such article.")
    return article
