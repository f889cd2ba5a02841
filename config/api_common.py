"""Pieces every API view shares: the error serializer and the schema class that
documents it on every operation, the conditional-GET (ETag) mixin, content
negotiation for file downloads, and the teacher checks (the rules themselves are
quizzes.permissions')."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.exceptions import NotAcceptable, PermissionDenied
from rest_framework.negotiation import BaseContentNegotiation, DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.permissions import BasePermission
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from quizzes.api import can_edit_bank, is_teacher

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from drf_spectacular.utils import Direction
    from rest_framework.views import APIView

    from quizzes.api import QuestionBank

_Schema = dict[str, Any]


class ErrorSerializer(serializers.Serializer[dict[str, Any]]):
    """The one error shape (see config/api_errors.py)."""

    errors = serializers.DictField(  # type: ignore[assignment]  # a field, not Serializer.errors
        child=serializers.JSONField(),
        help_text='Field name -> list of messages, e.g. {"rating": ["..."]}; {} when no field is at fault.',
    )
    detail = serializers.CharField(help_text="One human-readable line.")
    code = serializers.CharField(
        help_text="Stable machine-readable code: invalid, not_found, not_authenticated, ..."
    )


ERROR_RESPONSES = {
    "400": "Invalid input: `errors` names the fields.",
    "401": "Not authenticated: send `Authorization: Token <token>` or a session cookie.",
    "403": "Authenticated but not allowed.",
    "404": "Not found (or not yours).",
    "429": "Throttled: retry after the `Retry-After` seconds.",
}

# Statuses any operation may answer outside its view (DRF / Django before the view runs).
PROTOCOL_RESPONSES = {
    "405": "Method not allowed: the `Allow` header lists the methods this path takes.",
    "406": "Not acceptable: `Accept` names no type this operation answers in "
    "(JSON; a file download its file's type).",
}
BODY_RESPONSES = {
    "413": "Too large: the body is over 5 MB (DATA_UPLOAD_MAX_MEMORY_SIZE) or over the "
    "operation's own limit.",
    "415": "Unsupported media type: send `application/json` (or `multipart/form-data` "
    "where the operation takes a file).",
}
NOT_MODIFIED = "Not modified: the `If-None-Match` ETag still matches; no body."

EXTRA_ERROR_RESPONSES = {
    "409": "Conflict: e.g. a client_uuid already used for another card.",
    "413": "Too large: the request exceeds the documented limit.",
}


class ApiAutoSchema(AutoSchema):
    """AutoSchema that documents the shared error responses on every operation,
    so clients (and schemathesis) know every status the API may answer."""

    def _get_response_bodies(self, direction: Direction = "response") -> _Schema:
        responses = super()._get_response_bodies(direction)
        # drf-spectacular's own helper, untyped there: a schema dict for a serializer
        response_for_code = cast(Callable[..., _Schema], self._get_response_for_code)
        if direction != "response":
            return responses
        codes = {**ERROR_RESPONSES, **PROTOCOL_RESPONSES}
        if self.method in ("POST", "PUT", "PATCH"):
            codes.update(BODY_RESPONSES)
        for code in getattr(self.view, "extra_error_codes", ()):
            codes[code] = EXTRA_ERROR_RESPONSES[code]
        for code, description in codes.items():
            if code not in responses:
                response = response_for_code(ErrorSerializer, code, direction=direction)
                response["description"] = description
                responses[code] = response
        if self.method == "GET" and isinstance(self.view, ConditionalGetMixin):
            responses.setdefault("304", {"description": NOT_MODIFIED})
        return responses


if TYPE_CHECKING:
    from rest_framework.views import APIView as _View
else:
    _View = object


class ConditionalGetMixin(_View):
    """Strong ETag over the rendered JSON of a successful GET, `304 Not Modified`
    when the client's If-None-Match matches, and `Cache-Control: private,
    no-cache` so a phone revalidates cheaply instead of downloading again."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not isinstance(response, Response):
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        response["Cache-Control"] = "private, no-cache"
        patch_vary_headers(response, ("Authorization", "Cookie"))
        client_etags = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
        if etag in client_etags or "*" in client_etags:
            not_modified = Response(status=304)
            not_modified["ETag"] = etag
            not_modified["Cache-Control"] = response["Cache-Control"]
            not_modified["Vary"] = response["Vary"]
            return super().finalize_response(request, not_modified, *args, **kwargs)
        return response


class FileDownloadNegotiation(BaseContentNegotiation):
    """For an operation that answers a file (CSV, XML, .apkg...): its errors are JSON
    whatever `Accept` says, and `?format=` is left to the view. DRF's own negotiation
    knows only the JSON renderer, so it refused `Accept: text/csv` and let
    `Accept: application/json` through to a CSV; the view asks `download_accept_check`
    with the file's real type instead."""

    def select_parser(self, request: Request, parsers: Iterable[BaseParser]) -> BaseParser | None:
        return DefaultContentNegotiation().select_parser(request, parsers)

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type


def download_accept_check(*, request: Request, content_type: str) -> None:
    """406 unless `Accept` takes `content_type` (the file's type). No `Accept`, or an
    empty one, takes anything."""
    if request.headers.get("Accept", "").strip() and not request.accepts(content_type):
        raise NotAcceptable(
            f"This answer is a {content_type.split(';')[0]} file; "
            "`Accept` names no type that matches it."
        )


class IsTeacher(BasePermission):
    """Teachers only (quizzes.permissions.is_teacher)."""

    message = "Only teachers may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user and request.user.is_authenticated and is_teacher(request.user))


def ensure_can_edit(*, user: User | AnonymousUser, bank: QuestionBank | None) -> None:
    """403 unless `user` may edit `bank` (quizzes.permissions.can_edit_bank)."""
    if not can_edit_bank(user, bank):
        raise PermissionDenied("Only the bank's owner (or a superuser) may see this.")
