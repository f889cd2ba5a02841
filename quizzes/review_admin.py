"""The admin's "Review drafts" page of a bank: one question at a time as the
student will see it, with its answer, choices, evidence, and the generator's rule
and confidence; keys A accept, R reject, E edit, J/K next/previous, D new
distractors, ? help (static/quizzes/review.js), and a button for each. Every
action is a plain POST (redirect after), so the page works without JavaScript.

Thin: reads from quizzes.selectors, writes through quizzes.services and
quizzes.authoring. Kept out of quizzes/admin.py like the import/export pages."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from . import authoring, services
from .models import Question, QuestionBank, QuestionKind, QuestionStatus
from .selectors import (
    EvidenceInParagraph,
    ReviewQueue,
    bank_review_queue,
    evidence_in_paragraph,
)

if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin

    _BankAdmin = ModelAdmin[QuestionBank]

KEYS = [
    ("A", "Accept: publish the question"),
    ("R", "Reject it"),
    ("E", "Edit in place (prompt, choices, answer); Enter saves, Esc cancels"),
    ("D", "New distractors (who said, which country, when)"),
    ("J", "Next question"),
    ("K", "Previous question"),
    ("?", "Show or hide this help"),
]
ACTIONS = {"accept", "reject", "draft", "distractors", "edit"}
BULK_ACTIONS = {"publish_confident", "reject_kind", "publish_bank"}


def review_urls(model_admin: _BankAdmin) -> list[URLPattern]:
    wrap = model_admin.admin_site.admin_view
    return [
        path(
            "<path:object_id>/review/",
            wrap(partial(review_page, model_admin)),
            name="quizzes_questionbank_review",
        ),
        path(
            "<path:object_id>/review/act/",
            wrap(partial(review_act, model_admin)),
            name="quizzes_questionbank_review_act",
        ),
    ]


def _bank_for_review(model_admin: _BankAdmin, request: HttpRequest, object_id: str) -> QuestionBank:
    """The bank, if the user may change it (a teacher: their own); 404 otherwise."""
    bank = model_admin.get_object(request, unquote(object_id))
    if bank is None:
        raise Http404("No such bank.")
    if not model_admin.has_change_permission(request, bank):
        raise PermissionDenied
    return bank


def _page_url(bank: QuestionBank, question: Question | None = None) -> str:
    url = reverse("admin:quizzes_questionbank_review", args=[bank.pk])
    return f"{url}?q={question.pk}" if question is not None else url


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# The page ---------------------------------------------------------------------------


class EditForm(forms.Form):
    """The edit-in-place fields; the choices' fields are added per question."""

    prompt = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    answer = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        self.choices = list(question.choices.all())
        self.single_answer = question.is_multiple_choice or (
            question.kind == QuestionKind.CLOZE and bool(self.choices)
        )
        for index, choice in enumerate(self.choices, start=1):
            self.fields[f"choice_{choice.pk}"] = forms.CharField(
                label=f"Choice {index}", max_length=500, initial=choice.text
            )
        if self.single_answer:
            self.fields["correct"] = forms.TypedChoiceField(
                choices=[(c.pk, c.text) for c in self.choices],
                coerce=int,
                widget=forms.RadioSelect,
                initial=next((c.pk for c in self.choices if c.is_correct), None),
            )
        if self.choices and question.kind != QuestionKind.FREE_TEXT:
            del self.fields["answer"]  # follows the choices
        self.initial.setdefault("prompt", question.prompt)
        self.initial.setdefault("answer", question.answer)

    def choice_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "choice": choice,
                "field": self[f"choice_{choice.pk}"],
                "radio_id": f"id_correct_{index}",
            }
            for index, choice in enumerate(self.choices)
        ]

    def save(self) -> Question:
        data = self.cleaned_data
        return authoring.question_review_edit(
            question=self.question,
            prompt=data["prompt"],
            answer=data.get("answer"),
            choice_texts={c.pk: data[f"choice_{c.pk}"] for c in self.choices},
            correct_choice=data.get("correct"),
        )


def _evidence(bank: QuestionBank, question: Question) -> EvidenceInParagraph | None:
    article = bank.article
    if article is None:
        return None
    return evidence_in_paragraph(article.text, question.evidence_start, question.evidence_end)


def _bulk_context(queue: ReviewQueue) -> dict[str, Any]:
    drafts = [q for q in queue.questions if q.status == QuestionStatus.DRAFT]
    kinds: dict[str, int] = {}
    for question in drafts:
        kinds[question.kind] = kinds.get(question.kind, 0) + 1
    confident = [q.confidence for q in drafts if q.confidence is not None]
    return {
        "draft_kinds": [
            (kind, QuestionKind(kind).label, count)
            for kind, count in sorted(
                kinds.items(), key=lambda item: QuestionKind.values.index(item[0])
            )
        ],
        "has_confidence": bool(confident),
    }


def _render(
    model_admin: _BankAdmin,
    request: HttpRequest,
    bank: QuestionBank,
    queue: ReviewQueue,
    question: Question | None,
    *,
    edit_form: EditForm | None = None,
    status: int = 200,
) -> TemplateResponse:
    index = queue.index_of(question.pk) if question is not None else None
    count = len(queue.questions)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"Review drafts: {bank.title}",
        "bank": bank,
        "queue": queue,
        "question": question,
        "position": (index + 1) if index is not None else None,
        "total": count,
        "drafts_left": queue.counts.get(QuestionStatus.DRAFT, 0),
        "published": queue.counts.get(QuestionStatus.PUBLISHED, 0),
        "rejected": queue.counts.get(QuestionStatus.REJECTED, 0),
        "previous": queue.questions[(index - 1) % count] if index is not None else None,
        "next": queue.questions[(index + 1) % count] if index is not None else None,
        "evidence": _evidence(bank, question) if question is not None else None,
        "edit_form": edit_form or (EditForm(question=question) if question is not None else None),
        "edit_open": edit_form is not None,
        "keys": KEYS,
        "can_renew": question is not None
        and question.kind in ("who_said", "which_country", "when"),
        "kinds": QuestionKind.choices,
        **_bulk_context(queue),
    }
    return TemplateResponse(
        request, "admin/quizzes/questionbank/review.html", context, status=status
    )


def review_page(model_admin: _BankAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    bank = _bank_for_review(model_admin, request, object_id)
    queue = bank_review_queue(bank=bank)
    index = queue.index_of(_int(request.GET.get("q")))
    question: Question | None
    if index is not None:
        question = queue.questions[index]
    else:
        question = queue.first_draft_from(0) or (queue.questions[0] if queue.questions else None)
    return _render(model_admin, request, bank, queue, question)


# Actions ----------------------------------------------------------------------------


def _after(bank: QuestionBank, queue: ReviewQueue, question: Question) -> HttpResponseRedirect:
    """Back to the page on the next draft after this question (or this one when none)."""
    fresh = bank_review_queue(bank=bank)
    index = fresh.index_of(question.pk)
    following = fresh.first_draft_from(index + 1) if index is not None else None
    return HttpResponseRedirect(_page_url(bank, following or question))


_STATUS_OF_ACTION = {
    "accept": QuestionStatus.PUBLISHED,
    "reject": QuestionStatus.REJECTED,
    "draft": QuestionStatus.DRAFT,
}
_VERB_OF_ACTION = {"accept": "Accepted", "reject": "Rejected", "draft": "Back to draft"}


def _status_action(
    request: HttpRequest, bank: QuestionBank, queue: ReviewQueue, question: Question, action: str
) -> HttpResponseRedirect:
    """Accept, reject or send back to draft; on to the next draft unless sent back."""
    result = services.question_set_status(
        questions=bank.questions.filter(pk=question.pk), status=_STATUS_OF_ACTION[action]
    )
    for _, problems in result.refused:
        messages.error(request, f"Not accepted, incomplete: {problems}")
        return HttpResponseRedirect(_page_url(bank, question))
    left = bank.questions.filter(status=QuestionStatus.DRAFT).count()
    messages.success(request, f"{_VERB_OF_ACTION[action]}: “{question}”. {left} draft(s) left.")
    if action == "draft":
        return HttpResponseRedirect(_page_url(bank, question))
    return _after(bank, queue, question)


def _distractors_action(
    request: HttpRequest, bank: QuestionBank, question: Question
) -> HttpResponseRedirect:
    try:
        fresh = authoring.question_distractors_renew(question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"New distractors: {', '.join(fresh)}.")
    return HttpResponseRedirect(_page_url(bank, question))


def _edit_action(
    model_admin: _BankAdmin,
    request: HttpRequest,
    bank: QuestionBank,
    queue: ReviewQueue,
    question: Question,
) -> HttpResponse:
    form = EditForm(request.POST, question=question)
    if form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Saved your changes.")
            return HttpResponseRedirect(_page_url(bank, question))
    return _render(model_admin, request, bank, queue, question, edit_form=form, status=400)


def _question_action(
    model_admin: _BankAdmin,
    request: HttpRequest,
    bank: QuestionBank,
    queue: ReviewQueue,
    question: Question,
    action: str,
) -> HttpResponse:
    if action in _STATUS_OF_ACTION:
        return _status_action(request, bank, queue, question, action)
    if action == "distractors":
        return _distractors_action(request, bank, question)
    return _edit_action(model_admin, request, bank, queue, question)


def _publish_confident(request: HttpRequest, bank: QuestionBank) -> None:
    """Publish the drafts of at least the confidence asked for; say what was refused."""
    try:
        at_least = float(request.POST.get("confidence", ""))
    except ValueError:
        at_least = -1.0
    try:
        result = authoring.bank_publish_confident(bank=bank, at_least=at_least)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"Published {result.changed} draft(s) with a confidence of {at_least:.2f} or more.",
        )
        for question, problems in result.refused:
            messages.error(request, f"Not published, incomplete: “{question}”: {problems}")


def _bulk_action(request: HttpRequest, bank: QuestionBank, action: str) -> HttpResponseRedirect:
    if action == "publish_confident":
        _publish_confident(request, bank)
    elif action == "reject_kind":
        kind = request.POST.get("kind", "")
        try:
            count = authoring.bank_reject_kind(bank=bank, kind=kind)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            label = QuestionKind(kind).label.lower()
            messages.success(request, f"Rejected {count} {label} draft(s).")
    else:  # publish_bank
        count = authoring.bank_publish_accepted(bank=bank)
        messages.success(
            request,
            f"“{bank}” is published with {count} accepted question(s); "
            "drafts not reviewed stay hidden from students.",
        )
    return HttpResponseRedirect(_page_url(bank))


def review_act(model_admin: _BankAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    bank = _bank_for_review(model_admin, request, object_id)
    action = request.POST.get("action", "")
    if action in BULK_ACTIONS:
        return _bulk_action(request, bank, action)
    if action not in ACTIONS:
        messages.error(request, "Unknown action.")
        return HttpResponseRedirect(_page_url(bank))
    queue = bank_review_queue(bank=bank)
    index = queue.index_of(_int(request.POST.get("question")))
    if index is None:
        raise Http404("No such question in this bank.")
    return _question_action(model_admin, request, bank, queue, queue.questions[index], action)
