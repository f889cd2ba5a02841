"""What `classes` needs of the content side, in one place: whether a bank is
published and which banks a teacher may hand to a class (their own, and public
ones). When quizzes' public module offers these, this file shrinks to imports."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from quizzes.models import BankStatus, QuestionBank
from quizzes.permissions import is_teacher as _is_teacher

__all__ = ["bank_assignable_by", "bank_is_published", "banks_assignable_by", "is_teacher"]


def is_teacher(user) -> bool:
    """quizzes' rule, read once per user object (admin asks it for every model)."""
    if user is None:
        return False
    cached = getattr(user, "_classes_is_teacher", None)
    if cached is None:
        cached = _is_teacher(user)
        user._classes_is_teacher = cached
    return cached


def bank_is_published(bank) -> bool:
    return bank is not None and bank.status == BankStatus.PUBLISHED


def banks_assignable_by(user) -> QuerySet[QuestionBank]:
    """Published banks a teacher may assign: their own and public ones (any for a superuser)."""
    if not is_teacher(user):
        return QuestionBank.objects.none()
    published = QuestionBank.objects.filter(status=BankStatus.PUBLISHED)
    if user.is_superuser:
        return published
    return published.filter(Q(owner=user) | Q(is_public=True))


def bank_assignable_by(user, bank) -> bool:
    if bank is None or not is_teacher(user):
        return False
    return user.is_superuser or bank.owner_id == user.pk or bool(bank.is_public)
