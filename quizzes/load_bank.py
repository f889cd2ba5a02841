"""The load benchmark's bank (`manage.py seed_load`, learning/load_seed.py): one
published, public bank "Load test" owned by `load-teacher`, with at least N
published who-said questions of four choices each, made as needed (fingerprints
`load-000001`...). Written in bulk: COPY on PostgreSQL, bulk_create elsewhere.
quizzes writes its own rows; learning asks for the bank through quizzes.api."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from config.bulk_copy import CopyRows, analyze, copy_rows, reserve_ids

from .models import BankStatus, Choice, Question, QuestionBank, QuestionStatus

LOAD_BANK_TITLE = "Load test"
LOAD_TEACHER = "load-teacher"
SPEAKERS = [f"Speaker {letter}" for letter in "ABCDEFGHIJ"]


@dataclass(frozen=True)
class LoadBank:
    bank_id: int
    question_ids: list[int]  # the first N load questions, in order
    created: int  # questions made by this call


def load_bank_ensure(*, questions: int) -> LoadBank:
    """The load bank with at least `questions` load questions (made as needed;
    idempotent). Run it inside the caller's transaction."""
    User = get_user_model()
    teacher, _ = User.objects.get_or_create(
        username=LOAD_TEACHER, defaults={"is_staff": True, "password": make_password(None)}
    )
    bank, _ = QuestionBank.objects.get_or_create(
        title=LOAD_BANK_TITLE,
        owner=teacher,
        defaults={
            "status": BankStatus.PUBLISHED,
            "is_public": True,  # every load-test student studies it
            "description": "Questions made by seed_load for the load benchmark.",
        },
    )
    if bank.status != BankStatus.PUBLISHED or not bank.is_public:
        bank.status = BankStatus.PUBLISHED
        bank.is_public = True
        bank.save(update_fields=["status", "is_public", "updated_at"])
    existing = Question.objects.filter(bank=bank, fingerprint__startswith="load-").count()
    new_questions = [_question(bank, number) for number in range(existing + 1, questions + 1)]
    if new_questions and connection.vendor == "postgresql":
        _copy_questions(new_questions)
    elif new_questions:
        _bulk_create_questions(new_questions)
    question_ids = list(
        Question.objects.filter(bank=bank, fingerprint__startswith="load-")
        .order_by("position", "id")
        .values_list("id", flat=True)[:questions]
    )
    return LoadBank(bank_id=bank.pk, question_ids=question_ids, created=len(new_questions))


def load_bank_analyze() -> None:
    """Fresh PostgreSQL statistics for quizzes' tables after a bulk load: with the
    planner still believing them empty, the queue's queries walk every question
    instead of the user's card index."""
    analyze([QuestionBank, Question, Choice])


def _question(bank: QuestionBank, number: int) -> Question:
    return Question(
        bank=bank,
        kind="who_said",
        prompt=f"Who said: “load test quote number {number}”?",
        answer=SPEAKERS[number % len(SPEAKERS)],
        explanation=f"Quote {number} of the load test.",
        status=QuestionStatus.PUBLISHED,
        origin="imported",
        position=number,
        fingerprint=f"load-{number:06d}",
    )


def _choices_of(answer: str) -> list[dict[str, Any]]:
    index = SPEAKERS.index(answer)
    options = sorted(SPEAKERS[(index + k) % len(SPEAKERS)] for k in (0, 3, 5, 7))
    return [
        {"text": text, "is_correct": text == answer, "position": position}
        for position, text in enumerate(options)
    ]


def _bulk_create_questions(questions: list[Question]) -> None:
    for start in range(0, len(questions), 5000):
        batch = Question.objects.bulk_create(questions[start : start + 5000])
        Choice.objects.bulk_create(
            [
                Choice(question=question, **choice)
                for question in batch
                for choice in _choices_of(question.answer)
            ],
            batch_size=10000,
        )


def _copy_questions(questions: list[Question]) -> None:
    """Questions and their choices by COPY (ids reserved from their sequences)."""
    now = timezone.now()
    ids = reserve_ids(Question, len(questions))
    question_rows = CopyRows(Question, with_id=True)
    fields = [f.attname for f in question_rows.fields]

    def question_values() -> Iterator[dict[str, Any]]:
        for question, question_id in zip(questions, ids, strict=True):
            question.pk = question_id
            question.created_at = question.updated_at = now
            values = {name: getattr(question, name) for name in fields}
            values["accepted_answers"] = json.dumps(values["accepted_answers"])
            yield values

    copy_rows(question_rows, question_values())
    copy_rows(
        CopyRows(Choice, with_id=False),
        (
            {"question_id": question.pk, **choice}
            for question in questions
            for choice in _choices_of(question.answer)
        ),
    )
