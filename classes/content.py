"""What `classes` needs of the content side, in one place: whether a bank is
published, and quizzes' authorisation rules (which banks a teacher may hand to a
class: quizzes.permissions, through its door)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeGuard

from django.db.models import Q

from quizzes.api import BankStatus, bank_assignable_by, banks_assignable_by
from quizzes.api import is_teacher as _is_teacher

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from quizzes.api import QuestionBank

__all__ = [
    "bank_assignable_by",
    "bank_is_published",
    "banks_assignable_by",
    "is_teacher",
    "published_bank",
]


def bank_is_published(bank: QuestionBank | None) -> bool:
    return bank is not None and bank.status == BankStatus.PUBLISHED


def published_bank(path: str = "bank") -> Q:
    """Rows whose bank (at `path`) is published: an assignment of a bank its
    teacher took back to draft reaches no student, as the bank itself does not."""
    return Q(**{f"{path}__status": BankStatus.PUBLISHED})


def is_teacher(user: Any) -> TypeGuard[User]:
    """quizzes' rule, read once per user object (admin asks it for every model)."""
    if user is None:
        return False
    cached = getattr(user, "_classes_is_teacher", None)
    if cached is None:
        cached = _is_teacher(user)
        user._classes_is_teacher = cached
    return cached
