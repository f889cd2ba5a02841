"""What `classes` needs of the content side, in one place: whether a bank is
published, and quizzes' authorisation rules (which banks a teacher may hand to a
class: quizzes.permissions, through its door)."""

from __future__ import annotations

from quizzes.api import BankStatus, bank_assignable_by, banks_assignable_by, is_teacher

__all__ = ["bank_assignable_by", "bank_is_published", "banks_assignable_by", "is_teacher"]


def bank_is_published(bank) -> bool:
    return bank is not None and bank.status == BankStatus.PUBLISHED
