"""Writes of the content side: one entry point per action, shared by admin,
API, commands and tasks. Each runs in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from .models import BankStatus, Question, QuestionBank, QuestionStatus


@dataclass
class StatusChangeResult:
    changed: int = 0
    refused: list[tuple[Question, str]] = field(default_factory=list)


@dataclass
class BankPublishResult:
    published: int = 0
    incomplete: list[tuple[Question, str]] = field(default_factory=list)


def _problems_text(error: ValidationError) -> str:
    return "; ".join(
        f"{message}" for messages in error.message_dict.values() for message in messages
    )


@transaction.atomic
def question_set_status(*, questions: QuerySet[Question], status: str) -> StatusChangeResult:
    """Publish, return to draft or reject questions. A question is published
    only when complete; incomplete ones are reported and left as they were."""
    if status not in QuestionStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    result = StatusChangeResult()
    for question in questions.select_for_update().prefetch_related("choices"):
        if question.status == status:
            continue
        if status == QuestionStatus.PUBLISHED:
            previous = question.status
            question.status = status
            try:
                question.full_clean()
            except ValidationError as error:
                question.status = previous
                result.refused.append((question, _problems_text(error)))
                continue
        question.status = status
        question.save(update_fields=["status", "updated_at"])
        result.changed += 1
    return result


@transaction.atomic
def question_archive(*, question: Question) -> Question:
    """Deleting a question archives it: cards and review history stay."""
    question.status = QuestionStatus.ARCHIVED
    question.save(update_fields=["status", "updated_at"])
    return question


@transaction.atomic
def bank_publish(*, bank: QuestionBank, user=None) -> BankPublishResult:
    """Publish a bank and every complete draft question in it."""
    drafts = bank.questions.filter(status=QuestionStatus.DRAFT)
    status_result = question_set_status(questions=drafts, status=QuestionStatus.PUBLISHED)
    bank.status = BankStatus.PUBLISHED
    bank.save(update_fields=["status", "updated_at"])
    published = bank.questions.filter(status=QuestionStatus.PUBLISHED).count()
    return BankPublishResult(published=published, incomplete=status_result.refused)


@transaction.atomic
def bank_set_status(*, banks: QuerySet[QuestionBank], status: str) -> int:
    return banks.update(status=status)
