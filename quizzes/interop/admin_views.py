"""Admin pieces for import/export, kept out of quizzes/admin.py: one bulk
action per export format and an import page linked from the bank changelist."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from quizzes.models import QuestionBank
from quizzes.permissions import is_teacher

from .services import (
    CONTENT_TYPES,
    FORMAT_LABELS,
    FORMATS,
    MAX_IMPORT_BYTES,
    ImportProblems,
    bank_export,
    bank_import,
    export_filename,
)

if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin
    from django.core.files.uploadedfile import UploadedFile

    _BankAdmin = ModelAdmin[QuestionBank]
    _ExportAction = Callable[[_BankAdmin, HttpRequest, QuerySet[QuestionBank]], HttpResponse | None]


def export_response(*, banks: Iterable[QuestionBank], fmt: str) -> HttpResponse:
    """One bank: its file. Several: a zip holding one file per bank."""
    banks = list(banks)
    if len(banks) == 1:
        bank = banks[0]
        response = HttpResponse(bank_export(bank=bank, fmt=fmt), content_type=CONTENT_TYPES[fmt])
        name = export_filename(bank=bank, fmt=fmt)
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for bank in banks:
                archive.writestr(
                    export_filename(bank=bank, fmt=fmt), bank_export(bank=bank, fmt=fmt)
                )
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        name = f"question-banks-{fmt}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _export_action(fmt: str) -> _ExportAction:
    def action(
        modeladmin: _BankAdmin, request: HttpRequest, queryset: QuerySet[QuestionBank]
    ) -> HttpResponse | None:
        banks = list(queryset.select_related("article").order_by("id"))
        if not banks:
            modeladmin.message_user(request, "None of your banks was selected.", messages.WARNING)
            return None
        return export_response(banks=banks, fmt=fmt)

    action.__name__ = f"export_{fmt.replace('-', '_')}"
    return admin.action(description=f"Export as {FORMAT_LABELS[fmt]}")(action)


EXPORT_ACTIONS = [_export_action(fmt) for fmt in FORMATS]


class BankImportForm(forms.Form):
    file = forms.FileField(
        help_text="An Anki .apkg, a CSV, JSON, Moodle GIFT (.gift/.txt) or Moodle XML file."
    )
    format = forms.ChoiceField(
        choices=[("", "Guess from the file")] + list(FORMAT_LABELS.items()), required=False
    )
    title = forms.CharField(
        max_length=200, required=False, help_text="Default: the title in the file, or its name."
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        size = upload.size or 0
        if size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                f"The file is {size:,} bytes; the limit is {MAX_IMPORT_BYTES:,}."
            )
        return upload


def bank_import_view(request: HttpRequest, *, model_admin: _BankAdmin) -> HttpResponseBase:
    if not (is_teacher(request.user) and model_admin.has_add_permission(request)):
        raise PermissionDenied
    form = BankImportForm(request.POST or None, request.FILES or None)
    warnings: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = bank_import(
                data=upload.read(),
                fmt=form.cleaned_data["format"] or None,
                owner=request.user,
                bank_title=form.cleaned_data["title"] or None,
                filename=upload.name,
            )
        except ImportProblems as error:
            for problem in error.problems:
                if problem.field == "format":
                    form.add_error("format", problem.message)
                else:
                    form.add_error("file", str(problem))
            warnings = error.warnings
        else:
            model_admin.message_user(
                request,
                f"Imported {result.created} question(s) into the draft bank “{result.bank.title}”.",
                messages.SUCCESS,
            )
            for warning in result.warnings:
                model_admin.message_user(request, warning, messages.WARNING)
            return redirect(reverse("admin:quizzes_questionbank_change", args=[result.bank.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import a question bank",
        "form": form,
        "warnings": warnings,
        "formats": FORMAT_LABELS,
    }
    return TemplateResponse(request, "admin/quizzes/questionbank/import.html", context)


def bank_import_urls(model_admin: _BankAdmin) -> list[URLPattern]:
    def view(request: HttpRequest) -> HttpResponseBase:
        return bank_import_view(request, model_admin=model_admin)

    return [
        path(
            "import/",
            model_admin.admin_site.admin_view(view),
            name="quizzes_questionbank_import",
        )
    ]
