"""Questions as the study queue reads them (learning/selectors/queue.py, its hot
path): flat rows of question and bank columns in the same query as the student's
cards, made instances again here, and the question querysets the queue's statements
start from. Learning gets functions and field names, never quizzes' model classes
(issue 15, tests/test_api_doors.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet

from .grading import ChoiceRow
from .models import Choice, Question, QuestionBank, QuestionKind

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


def questions_with_status(*statuses: str) -> QuerySet[Question]:
    """Questions of these statuses, whatever their bank's (the caller adds its filters)."""
    if len(statuses) == 1:
        return Question.objects.filter(status=statuses[0])
    return Question.objects.filter(status__in=statuses)


# A choice's columns, all of them (the queue's items are shown with their choices).
CHOICE_ROW_FIELDS: tuple[str, ...] = tuple(f.attname for f in Choice._meta.concrete_fields)


def choice_rows_of(ids: Any) -> QuerySet[Any]:
    """The choices of the questions whose id is in `ids`, as rows of CHOICE_ROW_FIELDS
    in display order (for study_questions_with_choices and choice_grading_rows)."""
    return (
        Choice.objects.filter(question_id__in=ids)
        .order_by("position", "id")
        .values_list(*CHOICE_ROW_FIELDS)
    )


def choice_grading_rows(rows: Iterable[Sequence[Any]]) -> dict[int, list[ChoiceRow]]:
    """Question id -> its choices as ChoiceRows (what grading and a card's back read),
    from rows of choice_rows_of, in their (display) order."""
    at = [CHOICE_ROW_FIELDS.index(name) for name in ("id", "question_id", "is_correct", "position")]
    choices: dict[int, list[ChoiceRow]] = {}
    for row in rows:
        choice = ChoiceRow(*(row[i] for i in at))
        choices.setdefault(choice.question_id, []).append(choice)
    return choices


class ChoiceText(NamedTuple):
    """A choice as a row of CHOICE_ROW_FIELDS (`pk` as on the model): what a card's
    front shows and its back grades, without an instance."""

    id: int
    question_id: int
    text: str
    is_correct: bool
    position: int
    date_label: str

    @property
    def pk(self) -> int:
        return self.id


assert ChoiceText._fields == CHOICE_ROW_FIELDS, "ChoiceText follows the Choice model's columns"

_KIND_LABELS: dict[str, str] = {str(kind): str(kind.label) for kind in QuestionKind}
_AT = {name: QUESTION_ROW_FIELDS.index(name) for name in QUESTION_ROW_FIELDS}
_BANK_ARTICLE_AT = BANK_ROW_FIELDS.index("article_id")


@dataclass(frozen=True, slots=True)
class StudyQuestion:
    """A question as the study queue shows it, front and back, read as a row of
    QUESTION_ROW_FIELDS and BANK_ROW_FIELDS with its choices in display order
    (`choices` None: not read): no model instance is built for a card a student
    is shown (issue 16)."""

    question_values: tuple[Any, ...]
    bank_values: tuple[Any, ...]
    choices: tuple[ChoiceText, ...] | None

    @property
    def pk(self) -> int:
        return int(self.question_values[0])

    @property
    def id(self) -> int:
        return self.pk

    @property
    def bank_id(self) -> int:
        return int(self.question_values[_AT["bank_id"]])

    @property
    def article_id(self) -> int | None:
        article_id: int | None = self.bank_values[_BANK_ARTICLE_AT]
        return article_id

    @property
    def kind(self) -> str:
        return str(self.question_values[_AT["kind"]])

    def get_kind_display(self) -> str:
        return _KIND_LABELS.get(self.kind, self.kind)

    @property
    def prompt(self) -> str:
        return str(self.question_values[_AT["prompt"]])

    @property
    def answer(self) -> str:
        return str(self.question_values[_AT["answer"]])

    @property
    def explanation(self) -> str:
        return str(self.question_values[_AT["explanation"]])

    @property
    def evidence_start(self) -> int | None:
        start: int | None = self.question_values[_AT["evidence_start"]]
        return start

    @property
    def evidence_end(self) -> int | None:
        end: int | None = self.question_values[_AT["evidence_end"]]
        return end


def study_questions_of(
    rows: Iterable[Sequence[Any]], *, question_at: int, bank_at: int, end: int | None = None
) -> dict[int, StudyQuestion]:
    """Question id -> StudyQuestion from rows whose QUESTION_ROW_FIELDS start at
    `question_at` and BANK_ROW_FIELDS at `bank_at` (up to `end`), without choices."""
    questions = {}
    for row in rows:
        question = StudyQuestion(tuple(row[question_at:bank_at]), tuple(row[bank_at:end]), None)
        questions[question.pk] = question
    return questions


def study_questions_with_choices(
    questions: Iterable[StudyQuestion], rows: Iterable[Sequence[Any]]
) -> list[StudyQuestion]:
    """The questions with their choices from rows of choice_rows_of (in display order)."""
    by_question: dict[int, list[ChoiceText]] = {}
    questions = list(questions)
    for question in questions:
        by_question[question.pk] = []
    question_at = CHOICE_ROW_FIELDS.index("question_id")
    for row in rows:
        choices = by_question.get(row[question_at])
        if choices is not None:
            choices.append(ChoiceText._make(row))
    return [
        StudyQuestion(q.question_values, q.bank_values, tuple(by_question[q.pk])) for q in questions
    ]


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
