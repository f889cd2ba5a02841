"""Preview as student: a teacher takes their own bank (a draft too) through the
student's quiz pages, one question after another, and sees the feedback a
student would see. Nothing is written: no quiz attempt, no card, no review
(learning.services.answer_grade only grades)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from learning import api as learning_api
from quizzes.api import (
    QuestionKind,
    TeacherBank,
    bank_get_for_teacher,
    question_list_for_preview,
)

from .requests import SignedInRequest
from .selectors import question_evidence
from .views import _int_or_none, _move, login_required

if TYPE_CHECKING:
    from learning.api import GradedAnswer
    from quizzes.api import Question


def _shuffled(question: Question) -> list[int]:
    ids = [choice.pk for choice in question.choices.all()]
    shuffled = ids[:]
    random.Random(f"preview:{question.pk}").shuffle(shuffled)
    if len(ids) > 1 and shuffled == ids:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def _questions(bank: TeacherBank) -> tuple[list[Question], bool]:
    questions, drafts_only = question_list_for_preview(bank_id=bank.pk)
    return questions, drafts_only


def _context(
    request: HttpRequest,
    bank: TeacherBank,
    questions: list[Question],
    number: int,
    *,
    drafts_only: bool,
    **extra: Any,
) -> dict[str, Any]:
    question = questions[number - 1]
    context: dict[str, Any] = {
        "bank": bank,
        "question": question,
        "number": number,
        "total": len(questions),
        "drafts_only": drafts_only,
        "is_ordering": question.kind == QuestionKind.ORDERING,
        "is_choice": question.is_multiple_choice,
        "choices": list(question.choices.all()),
        "answer_url": reverse("web:bank_preview_answer", args=[bank.pk]) + f"?n={number}",
        "review_url": reverse("admin:quizzes_questionbank_review", args=[bank.pk]),
        **extra,
    }
    if context["is_ordering"]:
        by_id = {choice.pk: choice for choice in context["choices"]}
        order = extra.get("order") or _shuffled(question)
        context["ordered"] = [by_id[pk] for pk in order]
    return context


def _number(request: HttpRequest, total: int) -> int:
    number = _int_or_none(request.GET.get("n")) or 1
    return min(max(number, 1), total)


@login_required
@require_safe
def bank_preview(request: SignedInRequest, bank_id: int) -> HttpResponse:
    bank = bank_get_for_teacher(user=request.user, bank_id=bank_id)
    questions, drafts_only = _questions(bank)
    if not questions:
        return render(request, "web/preview/empty.html", {"bank": bank})
    context = _context(
        request, bank, questions, _number(request, len(questions)), drafts_only=drafts_only
    )
    return render(request, "web/preview/take.html", context)


class _Shown:
    """What the feedback template reads of an answer, for one that is not stored."""

    def __init__(self, graded: GradedAnswer) -> None:
        self.is_correct = graded.is_correct
        self.choice_id = graded.choice.pk if graded.choice is not None else None
        self.given_text = graded.text
        self.given_order = graded.order or []


@login_required
@require_POST
def bank_preview_answer(request: SignedInRequest, bank_id: int) -> HttpResponse:
    bank = bank_get_for_teacher(user=request.user, bank_id=bank_id)
    questions, drafts_only = _questions(bank)
    if not questions:
        raise Http404("This bank has no questions to preview.")
    number = _number(request, len(questions))
    question = questions[number - 1]
    if _int_or_none(request.POST.get("question")) != question.pk:
        raise Http404("That question is not in this preview.")
    valid = {choice.pk for choice in question.choices.all()}
    given = [_int_or_none(value) for value in request.POST.getlist("order")]
    order: list[int] | None = (
        [pk for pk in given if pk is not None]
        if len(given) == len(valid) and set(given) == valid
        else None
    )
    if question.kind == QuestionKind.ORDERING and request.POST.get("move"):
        order = _move(order or _shuffled(question), request.POST["move"])
        context = _context(request, bank, questions, number, drafts_only=drafts_only, order=order)
        return render(request, "web/preview/take.html", context)
    try:
        graded = learning_api.answer_grade(
            question=question,
            choice_id=_int_or_none(request.POST.get("choice")),
            order=order,
            text=request.POST.get("text"),
        )
    except learning_api.ReviewError as error:
        context = _context(
            request, bank, questions, number, drafts_only=drafts_only, error=error.message
        )
        return render(request, "web/preview/take.html", context, status=400)
    answer = _Shown(graded)
    choices = list(question.choices.all())
    by_id = {choice.pk: choice for choice in choices}
    correct_order = sorted(choices, key=lambda choice: (choice.position, choice.pk))
    is_last = number >= len(questions)
    feedback: dict[str, Any] = {
        "bank": bank,
        "question": question,
        "answer": answer,
        "is_ordering": question.kind == QuestionKind.ORDERING,
        "choices": choices,
        "correct_choice": next((c for c in choices if c.is_correct), None),
        "given_order": [
            {"choice": by_id[pk], "right": i < len(correct_order) and correct_order[i].pk == pk}
            for i, pk in enumerate(answer.given_order)
            if pk in by_id
        ],
        "correct_order": correct_order,
        "evidence": question_evidence(question=question, article=bank.article),
        "number": number,
        "total": len(questions),
        "drafts_only": drafts_only,
        "next_url": reverse("admin:quizzes_questionbank_review", args=[bank.pk])
        if is_last
        else reverse("web:bank_preview", args=[bank.pk]) + f"?n={number + 1}",
        "next_label": "Back to the review" if is_last else "Next question",
        "review_url": reverse("admin:quizzes_questionbank_review", args=[bank.pk]),
    }
    if request.htmx:
        return render(request, "web/quiz/_feedback.html", feedback)
    return render(request, "web/preview/feedback.html", feedback)
