"""Questions as the study queue reads them (learning/selectors/queue.py, its hot
path): flat rows of question and bank columns in the same query as the student's
cards, made instances again here, and the question querysets the queue's statements
start from. Learning gets functions and field names, never quizzes' model classes
(issue 15, tests/test_api_doors.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from .models import Question, QuestionBank

# The columns read (and made instances of): no timestamps, no bank description.
QUESTION_ROW_FIELDS: tuple[str, ...] = tuple(
    f.attname for f in Question._meta.concrete_fields if f.name not in ("created_at", "updated_at")
)
BANK_ROW_FIELDS: tuple[str, ...] = tuple(
    f.attname
    for f in QuestionBank._meta.concrete_fields
    if f.name not in ("created_at", "updated_at", "description")
)


def questions_by_ids(ids: Any) -> QuerySet[Question]:
    """The questions whose id is in `ids` (a list, or a subquery of ids)."""
    return Question.objects.filter(pk__in=ids)


def questions_with_status(status: str) -> QuerySet[Question]:
    """Questions of this status, whatever their bank's (the caller adds its filters)."""
    return Question.objects.filter(status=status)


def question_from_row(question_values: Sequence[Any], bank_values: Sequence[Any]) -> Question:
    """A question with its bank from values in QUESTION_ROW_FIELDS and BANK_ROW_FIELDS
    order, as if loaded (no query)."""
    question = Question.from_db(Question.objects.db, QUESTION_ROW_FIELDS, question_values)
    question.bank = QuestionBank.from_db(QuestionBank.objects.db, BANK_ROW_FIELDS, bank_values)
    return question
