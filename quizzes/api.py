"""The public door of `quizzes`: what other apps (classes, learning, web, config)
may use of it. Other apps import only the names listed here (checked by
.importlinter); see docs/architecture.md."""

from quizzes.permissions import (
    article_get_for_user,
    articles_authored_by,
    articles_editable_by,
    articles_visible_to,
    bank_assignable_by,
    bank_get_for_student,
    bank_get_for_teacher,
    banks_assignable_by,
    banks_editable_by,
    banks_studyable_by,
    banks_visible_to,
    can_edit_bank,
    is_teacher,
)
from quizzes.selectors import bank_list_for_user, bank_list_studyable, question_list_for_preview

__all__ = [
    "article_get_for_user",
    "articles_authored_by",
    "articles_editable_by",
    "articles_visible_to",
    "bank_assignable_by",
    "bank_get_for_student",
    "bank_get_for_teacher",
    "bank_list_for_user",
    "bank_list_studyable",
    "banks_assignable_by",
    "banks_editable_by",
    "banks_studyable_by",
    "banks_visible_to",
    "can_edit_bank",
    "is_teacher",
    "question_list_for_preview",
]
