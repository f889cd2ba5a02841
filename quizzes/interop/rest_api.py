"""Teachers' import/export endpoints:

    GET  /api/v1/teach/banks/{id}/export/?format=apkg|csv|json|gift|moodle-xml  -> the file
    POST /api/v1/teach/banks/import/  (multipart: file, format?, title?)         -> 201 + summary

Thin: permissions from quizzes.permissions, work in quizzes.interop.services.
An export answers 400 naming `format` for an unknown one and 406 when `Accept`
excludes the file's type, in the API's error shape. An import's problems come
back as 400 in that shape plus `problems` (one object per problem, with its
line) and `warnings`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api_common import (
    ErrorSerializer,
    FileDownloadNegotiation,
    IsTeacher,
    download_accept_check,
)
from config.api_typing import SignedInApiRequest
from quizzes.models import QuestionBank
from quizzes.permissions import can_edit_bank

from .data import Problem
from .services import (
    CONTENT_TYPES,
    FORMATS,
    MAX_IMPORT_BYTES,
    ImportProblems,
    bank_export,
    bank_import,
    export_filename,
)


def _error(
    errors: dict[str, list[str]],
    *,
    problems: Iterable[Problem] = (),
    warnings: Iterable[str] = (),
) -> Response:
    field, messages = next(iter(errors.items()))
    return Response(
        {
            "errors": errors,
            "detail": f"{field}: {messages[0]}",
            "code": "invalid",
            "problems": [p.as_dict() for p in problems],
            "warnings": list(warnings),
        },
        status=status.HTTP_400_BAD_REQUEST,
    )


class BankExportView(APIView):
    permission_classes = [IsAuthenticated, IsTeacher]
    content_negotiation_class = FileDownloadNegotiation

    @extend_schema(
        tags=["teach"],
        summary="Download a bank as Anki .apkg, CSV, JSON, Moodle GIFT or Moodle XML",
        parameters=[
            OpenApiParameter(
                "format",
                OpenApiTypes.STR,
                enum=sorted(FORMATS),
                required=True,
                description="The file format (see docs/formats.md).",
            )
        ],
        responses={
            **{
                (200, media_type.split(";")[0]): OpenApiResponse(
                    OpenApiTypes.BINARY,
                    description="The file, as an attachment: "
                    + ", ".join(
                        f"format={fmt} is {content_type}"
                        for fmt, content_type in sorted(CONTENT_TYPES.items())
                    ),
                )
                for media_type in sorted(set(CONTENT_TYPES.values()))
            },
            400: OpenApiResponse(ErrorSerializer, description="Unknown format: `errors.format`"),
            404: OpenApiResponse(ErrorSerializer, description="No such bank of yours"),
            406: OpenApiResponse(
                ErrorSerializer,
                description="`Accept` names no type matching the file's (see 200). "
                "Errors are JSON whatever `Accept` says.",
            ),
        },
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        bank = QuestionBank.objects.select_related("article").filter(pk=pk).first()
        if bank is None or not can_edit_bank(request.user, bank):
            raise Http404
        fmt = request.query_params.get("format", "")
        if fmt not in FORMATS:
            raise ValidationError({"format": [f"Choose one of {', '.join(sorted(FORMATS))}."]})
        content_type = CONTENT_TYPES[fmt]
        download_accept_check(request=request, content_type=content_type)
        response = HttpResponse(bank_export(bank=bank, fmt=fmt), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{export_filename(bank=bank, fmt=fmt)}"'
        )
        return response


class BankImportInput(serializers.Serializer[dict[str, Any]]):
    file = serializers.FileField()
    format = serializers.ChoiceField(choices=sorted(FORMATS), required=False, allow_blank=True)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)


class BankImportView(APIView):
    permission_classes = [IsAuthenticated, IsTeacher]
    parser_classes = [MultiPartParser]

    @extend_schema(
        tags=["teach"],
        summary="Create a draft bank from an uploaded file",
        description=(
            "All or nothing: any problem -> 400 listing every problem with its line, "
            "nothing written. The format is guessed from the file name and content when not given."
        ),
        request={"multipart/form-data": BankImportInput},
        responses={
            201: inline_serializer(
                "BankImportResult",
                {
                    "bank": serializers.IntegerField(),
                    "title": serializers.CharField(),
                    "format": serializers.CharField(),
                    "created": serializers.IntegerField(),
                    "counts_by_kind": serializers.DictField(child=serializers.IntegerField()),
                    "warnings": serializers.ListField(child=serializers.CharField()),
                    "article": serializers.IntegerField(allow_null=True),
                },
            ),
            400: OpenApiResponse(description="Problems in the file (with line numbers)"),
        },
    )
    def post(self, request: SignedInApiRequest) -> Response:
        form = BankImportInput(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            return _error({"file": [f"The file is over the {MAX_IMPORT_BYTES:,}-byte limit."]})
        try:
            result = bank_import(
                data=upload.read(),
                fmt=form.validated_data.get("format") or None,
                owner=request.user,
                bank_title=form.validated_data.get("title") or None,
                filename=upload.name,
            )
        except ImportProblems as error:
            errors: dict[str, list[str]] = {}
            for problem in error.problems:
                if problem.field == "format":
                    errors.setdefault("format", []).append(problem.message)
                else:
                    errors.setdefault("file", []).append(str(problem))
            return _error(errors, problems=error.problems, warnings=error.warnings)
        return Response(result.as_dict(), status=status.HTTP_201_CREATED)
