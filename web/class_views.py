"""Student pages of classes: join with a code or a link, see one's classes,
leave one, and start an assignment's quiz. Thin over classes.api and
learning's services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from classes.api import (
    ClassError,
    assignment_get_for_student,
    classroom_get_for_student,
    classroom_join,
    classroom_leave,
    classroom_list_for_student,
    classroom_preview_by_code,
)
from learning import api as learning_api

from .requests import SignedInRequest
from .views import login_required

ASSIGNMENT_QUIZ_SIZE = 10  # when the assignment's goal is the cards only


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Class code",
        max_length=40,
        help_text="Eight letters and digits from your teacher, like ABCD-EFGH.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


def _join(request: SignedInRequest, form: JoinForm) -> HttpResponse | None:
    """Join with the form's code: a redirect home, or None with the error on the form."""
    try:
        joined = classroom_join(student=request.user, code=form.cleaned_data["code"])
    except ClassError as error:
        form.add_error("code", error.message)
        return None
    name = joined.name
    if joined.created:
        messages.success(request, f"You joined {name}. Its assignments are on your home page.")
    else:
        messages.info(request, f"You are already in {name}.")
    return redirect("web:home")


@login_required
@require_http_methods(["GET", "POST"])
def classes(request: SignedInRequest) -> HttpResponse:
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = _join(request, form)
        if response is not None:
            return response
    return render(
        request,
        "web/classes/index.html",
        {
            "nav": "classes",
            "form": form,
            "classes": list(classroom_list_for_student(student=request.user)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def class_join_link(request: SignedInRequest, code: str) -> HttpResponse:
    """The join link a teacher shares: shows the class, joins on a button press
    (a GET never joins: link previews and prefetching must not enrol anyone)."""
    form = JoinForm({"code": code})  # the link's code, whatever the form posts
    if request.method == "POST" and form.is_valid():
        response = _join(request, form)
        if response is not None:
            return response
    classroom = classroom_preview_by_code(code=code)
    return render(
        request,
        "web/classes/join.html",
        {"nav": "classes", "form": form, "classroom": classroom, "code": code},
        status=400 if form.errors else (200 if classroom else 404),
    )


@login_required
@require_POST
def class_leave(request: SignedInRequest, classroom_id: int) -> HttpResponse:
    classroom = classroom_get_for_student(student=request.user, classroom_id=classroom_id)
    try:
        classroom_leave(student=request.user, classroom_id=classroom.pk)
    except ClassError as error:
        raise Http404(error.message) from error
    messages.info(request, f"You left {classroom.name}. Your own cards and reviews are kept.")
    return redirect("web:classes")


@login_required
@require_POST
def assignment_quiz(request: SignedInRequest, assignment_id: int) -> HttpResponse:
    """Start the assignment's quiz: its bank, as many questions as it asks."""
    assignment = assignment_get_for_student(student=request.user, assignment_id=assignment_id)
    try:
        attempt_id = learning_api.quiz_start(
            user=request.user,
            bank_id=assignment.bank_id,
            size=assignment.quiz_length or ASSIGNMENT_QUIZ_SIZE,
        )
    except learning_api.ReviewError as error:
        messages.error(request, error.message)
        return redirect("web:home")
    return redirect("web:quiz_take", attempt_id=attempt_id)
