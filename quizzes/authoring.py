"""Writes of teacher authoring outside admin's model forms (the REST API and the
admin's review page): banks, questions and choices. Each function is one transaction and validates the question as a
whole (quizzes.validation via Question.full_clean) after the change, so a
refused edit writes nothing. Deleting a question archives it; a bank with
study history cannot be deleted (unpublish it instead)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import services
from .models import (
    BankStatus,
    Choice,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionOrigin,
    QuestionStatus,
    choices_in_storage_order,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from .models import Article

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
    owner: User,
    title: str,
    description: str = "",
    article: Article | None = None,
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
def bank_update(*, bank: QuestionBank, user: User | None = None, **fields: Any) -> QuestionBank:
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
def question_create(
    *, bank: QuestionBank, choices: Iterable[dict[str, Any]] = (), **fields: Any
) -> Question:
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
def question_update(*, question: Question, **fields: Any) -> Question:
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
def choice_update(*, choice: Choice, **fields: Any) -> Choice:
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


# The review page (admin "Review drafts"): edits in place, new distractors, bulk decisions.


def _answer_from_choices(question: Question, choices: list[Choice]) -> str:
    """The answer as the choices now say it: the correct choice's text (multiple
    choice), the items in order joined by arrows (timeline), else unchanged."""
    if question.kind == QuestionKind.ORDERING and choices:
        return " → ".join(c.text for c in sorted(choices, key=lambda c: (c.position, c.pk)))
    correct = [c for c in choices if c.is_correct]
    if question.is_multiple_choice or (question.kind == QuestionKind.CLOZE and choices):
        return correct[0].text if len(correct) == 1 else question.answer
    return question.answer


def _choices_edit(
    choices: list[Choice], *, choice_texts: dict[int, str], correct_choice: int | None
) -> None:
    """New texts of some of the question's choices and which one is correct (not
    saved); a ValidationError on a choice of another question or an empty text."""
    by_id = {choice.pk: choice for choice in choices}
    for choice_id, text in choice_texts.items():
        if choice_id not in by_id:
            raise ValidationError({"choices": ["That choice is not one of this question's."]})
        if not text.strip():
            raise ValidationError({"choices": ["A choice cannot be empty."]})
        by_id[choice_id].text = text.strip()
    if correct_choice is not None:
        if correct_choice not in by_id:
            raise ValidationError({"choices": ["That choice is not one of this question's."]})
        for choice in choices:
            choice.is_correct = choice.pk == correct_choice


@transaction.atomic
def question_review_edit(
    *,
    question: Question,
    prompt: str,
    answer: str | None = None,
    choice_texts: dict[int, str] | None = None,
    correct_choice: int | None = None,
) -> Question:
    """Edit a question from the review page: its prompt, its choices' texts and which
    one is correct, and the answer (which follows the correct choice when there are
    choices). All or nothing: a question left invalid is refused (ValidationError)."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    choices = list(question.choices.all())
    _choices_edit(choices, choice_texts=choice_texts or {}, correct_choice=correct_choice)
    for choice in choices:
        choice.full_clean(exclude=["question"])
    Choice.objects.bulk_update(choices, ["text", "is_correct"])
    question.prompt = (prompt or "").strip()
    if not question.prompt:
        raise ValidationError({"prompt": ["The prompt cannot be empty."]})
    question.answer = (answer or "").strip() if answer is not None else question.answer
    question.answer = _answer_from_choices(question, choices) if choices else question.answer
    question.full_clean(exclude=["bank"])  # the stored choices included
    question.save(update_fields=["prompt", "answer", "updated_at"])
    return question


class DistractorSources(TypedDict):
    """What fresh_distractors is told of a question's article, by keyword."""

    people: Sequence[str]
    other_people: Sequence[str]
    countries: Sequence[str]
    dates: Sequence[str]
    published: date | None


def _distractor_sources(question: Question) -> DistractorSources:
    """What the generator would know of the question's article, from its bank: the
    people, countries and dates the bank's questions are about (no new parse)."""
    from . import services

    bank = question.bank
    others = bank.questions.live().exclude(pk=question.pk)
    answers: dict[str, list[str]] = {}
    for kind, answer in others.values_list("kind", "answer"):
        answers.setdefault(kind, []).append(answer)
    speakers_offered = Choice.objects.filter(
        question__in=others.filter(kind=QuestionKind.WHO_SAID)
    ).values_list("text", flat=True)
    article = bank.article
    return {
        "people": answers.get(QuestionKind.WHO_SAID, []) + list(speakers_offered),
        "other_people": services.people_of_owner(owner=bank.owner, exclude_bank=bank),
        "countries": answers.get(QuestionKind.WHICH_COUNTRY, []),
        "dates": answers.get(QuestionKind.WHEN, []),
        "published": article.published_on if article is not None else None,
    }


@transaction.atomic
def question_distractors_renew(*, question: Question) -> list[str]:
    """Replace the question's wrong options with the next plausible ones the
    generator ranks (quizzes.generation.alternatives); the correct choice and the
    choices' places stay. Returns the new options; ValidationError when the kind
    has no distractors or no other plausible option is known."""
    from .generation.alternatives import KINDS, fresh_distractors

    question = (
        Question.objects.select_for_update(of=("self",))
        .select_related("bank__article")
        .get(pk=question.pk)
    )
    if question.kind not in KINDS:
        raise ValidationError(
            {"choices": [f"{question.get_kind_display()} questions have no distractors to renew."]}
        )
    choices = list(question.choices.all())
    wrong = [c for c in choices if not c.is_correct]
    fresh = fresh_distractors(
        question.kind,
        question.answer,
        current=[c.text for c in choices],
        count=len(wrong),
        **_distractor_sources(question),
    )
    if not fresh:
        raise ValidationError(
            {"choices": ["No other plausible options are known; edit the choices by hand."]}
        )
    for choice, text in zip(wrong, fresh, strict=False):
        choice.text = text
    Choice.objects.bulk_update(wrong, ["text"])
    _validate_question(question)
    question.save(update_fields=["updated_at"])
    return fresh


@transaction.atomic
def bank_publish_confident(*, bank: QuestionBank, at_least: float) -> services.StatusChangeResult:
    """Publish the bank's drafts whose generator confidence is at least `at_least`
    (drafts without a confidence are left for the teacher)."""
    if not 0 <= at_least <= 1:
        raise ValidationError({"confidence": ["Pick a confidence between 0 and 1."]})
    drafts = bank.questions.filter(status=QuestionStatus.DRAFT, confidence__gte=at_least)
    return services.question_set_status(questions=drafts, status=QuestionStatus.PUBLISHED)


@transaction.atomic
def bank_reject_kind(*, bank: QuestionBank, kind: str) -> int:
    """Reject every draft of one kind in the bank (published ones stay)."""
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": ["Pick one of the question kinds."]})
    drafts = bank.questions.filter(status=QuestionStatus.DRAFT, kind=kind)
    return services.question_set_status(questions=drafts, status=QuestionStatus.REJECTED).changed


@transaction.atomic
def bank_publish_accepted(*, bank: QuestionBank) -> int:
    """Publish the bank with the questions the teacher accepted; drafts not yet
    reviewed stay drafts (students never see them). Returns the published count."""
    QuestionBank.objects.filter(pk=bank.pk).update(
        status=BankStatus.PUBLISHED, updated_at=timezone.now()
    )
    bank.refresh_from_db(fields=["status", "updated_at"])
    return bank.questions.filter(status=QuestionStatus.PUBLISHED).count()
