"""Questions as the study queue reads them (learning/selectors/queue.py, its hot
path): flat rows of question and bank columns in the same query as the student's
cards, made instances again here, and the question querysets the queue's statements
start from. Learning gets functions and field names, never quizzes' model classes
(issue 15, tests/test_api_doors.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet

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


# What another app's query may read of a question through its own foreign key to it
# (learning's Card.question, ...): a name -> the path from Question. A rename in
# quizzes' schema changes this table, not the other apps' queries; they never write
# a `question__...` lookup themselves (tests/test_api_doors.py holds it).
QUESTION_PATHS: dict[str, str] = {
    "id": "id",
    "bank": "bank",
    "bank_id": "bank_id",
    "article": "bank__article",
    "article_id": "bank__article_id",
    "choices": "choices",
    "prompt": "prompt",
    "answer": "answer",
    "kind": "kind",
    "explanation": "explanation",
    "position": "position",
    "evidence_start": "evidence_start",
    "evidence_end": "evidence_end",
    "fingerprint": "fingerprint",
    "status": "status",
    "bank_status": "bank__status",
}


def question_path(via: str, name: str) -> str:
    """The ORM path to the question field `name` (a key of QUESTION_PATHS, maybe with
    a lookup: "bank_id__in") from a model whose own path to its question is `via`
    ("question", "card__question"; "" from a question itself)."""
    field, separator, lookup = name.partition("__")
    path = f"{QUESTION_PATHS[field]}{separator}{lookup}"
    return f"{via}__{path}" if via else path


def question_filter(via: str, **lookups: Any) -> Q:
    """Q(<via>__<path>=value, ...) for lookups named as in question_path:
    question_filter("question", bank_id__in=ids)."""
    return Q(**{question_path(via, name): value for name, value in lookups.items()})
