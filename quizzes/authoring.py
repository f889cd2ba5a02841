"""Writes of teacher authoring outside admin (the REST API): banks, questions
and choices. Each function is one transaction and validates the question as a
whole (quizzes.validation via Question.full_clean) after the change, so a
refused edit writes nothing. Deleting a question archives it; a bank with
study history cannot be deleted (unpublish it instead)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from . import services
from .models import (
    BankStatus,
    Choice,
    Question,
    QuestionBank,
    QuestionOrigin,
    QuestionStatus,
    choices_in_storage_order,
)

BANK_FIELDS = ("title", "description", "article", "is_public")
QUESTION_FIELDS = (
    "kind",
    "prompt",
    "answer",
    "explanation",
    "status",
    "difficulty",
    "position",
    "evidence_start",
    "evidence_end",
)
CHOICE_FIELDS = ("text", "is_correct", "position")


def _validate_question(question: Question) -> None:
    """Full validation with the choices as stored now (fresh from the database)."""
    question = Question.objects.get(pk=question.pk)
    question.full_clean(exclude=["bank"])


@transaction.atomic
def bank_create(
    *,
    owner,
    title: str,
    description: str = "",
    article=None,
    status: str = BankStatus.DRAFT,
    is_public: bool = False,
) -> QuestionBank:
    bank = QuestionBank(
        owner=owner, title=title, description=description, article=article, is_public=is_public
    )
    bank.full_clean(exclude=["owner"])
    bank.save()
    if status == BankStatus.PUBLISHED:
        services.bank_publish(bank=bank, user=owner)
        bank.refresh_from_db()
    return bank


@transaction.atomic
def bank_update(*, bank: QuestionBank, user=None, **fields) -> QuestionBank:
    unknown = set(fields) - set(BANK_FIELDS) - {"status"}
    if unknown:
        raise ValueError(f"Unknown bank fields: {sorted(unknown)}")
    status = fields.pop("status", None)
    for name, value in fields.items():
        setattr(bank, name, value)
    bank.full_clean(exclude=["owner"])
    bank.save()
    if status == BankStatus.PUBLISHED and bank.status != BankStatus.PUBLISHED:
        services.bank_publish(bank=bank, user=user)
    elif status == BankStatus.DRAFT and bank.status != BankStatus.DRAFT:
        services.bank_set_status(banks=QuestionBank.objects.filter(pk=bank.pk), status=status)
    bank.refresh_from_db()
    return bank


@transaction.atomic
def bank_delete(*, bank: QuestionBank) -> None:
    """Only a bank nobody has studied yet; otherwise students' history would go with it."""
    studied = bank.questions.filter(cards__isnull=False).exists() or bank.quiz_attempts.exists()
    if studied:
        raise ValidationError(
            {
                "bank": [
                    "Students have studied this bank; set it back to draft instead of deleting it."
                ]
            }
        )
    bank.delete()


@transaction.atomic
def question_create(*, bank: QuestionBank, choices: Iterable[dict] = (), **fields) -> Question:
    unknown = set(fields) - set(QUESTION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown question fields: {sorted(unknown)}")
    question = Question(bank=bank, origin=QuestionOrigin.AUTHORED, **fields)
    question._choices_checked_by_formset = True  # the choices are checked below, once saved
    question.full_clean(exclude=["bank"])
    question.save()
    Choice.objects.bulk_create(
        [
            Choice(question=question, **{k: c[k] for k in CHOICE_FIELDS if k in c})
            for c in choices_in_storage_order(
                question.kind, list(choices), text=lambda c: str(c.get("text", ""))
            )
        ]
    )
    _validate_question(question)
    return question


@transaction.atomic
def question_update(*, question: Question, **fields) -> Question:
    unknown = set(fields) - set(QUESTION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown question fields: {sorted(unknown)}")
    if fields.get("status") == QuestionStatus.ARCHIVED:
        raise ValidationError({"status": ["Delete the question to archive it."]})
    for name, value in fields.items():
        setattr(question, name, value)
    question.full_clean(exclude=["bank"])  # the stored choices included
    question.save()
    return question


@transaction.atomic
def question_delete(*, question: Question) -> Question:
    """Archives: students' cards and review history stay attached."""
    return services.question_archive(question=question)


@transaction.atomic
def choice_create(
    *, question: Question, text: str, is_correct: bool = False, position: int = 0
) -> Choice:
    choice = Choice(question=question, text=text, is_correct=is_correct, position=position)
    choice.full_clean(exclude=["question"])
    choice.save()
    _validate_question(question)
    question.save(update_fields=["updated_at"])
    return choice


@transaction.atomic
def choice_update(*, choice: Choice, **fields) -> Choice:
    unknown = set(fields) - set(CHOICE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown choice fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(choice, name, value)
    choice.full_clean(exclude=["question"])
    choice.save()
    _validate_question(choice.question)
    choice.question.save(update_fields=["updated_at"])
    return choice


@transaction.atomic
def choice_delete(*, choice: Choice) -> None:
    question = choice.question
    choice.delete()
    _validate_question(question)
    question.save(update_fields=["updated_at"])
