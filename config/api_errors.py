"""One error shape for every error of the API (4xx and 500), so a mobile client
parses one thing:

    {"errors": {"field": ["message", ...]}, "detail": "field: message", "code": "invalid"}

`errors` names the fields at fault (empty when no single field is; request-wide
problems go under "non_field_errors"), `detail` is one human-readable line and
`code` a stable machine-readable word (invalid, not_found, not_authenticated,
permission_denied, throttled, payload_too_large, ..., server_error for a 500).

Domain errors of the services (learning's ReviewError, quizzes' ArticleInputError:
a ValueError carrying `field`, `message` and optionally `status`) and Django's
ValidationError / Http404 / PermissionDenied are translated here, so views stay
thin and call services directly.
"""

from __future__ import annotations

import logging
import math
from typing import Any, Protocol, TypeGuard

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response

NON_FIELD = "non_field_errors"
SERVER_ERROR = "The server could not answer this request; it has been logged."

logger = logging.getLogger("django.request")


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request is too large."
    default_code = "payload_too_large"

    def __init__(self, detail: str | None = None, *, field: str | None = None):
        super().__init__(detail)
        self.field = field


class DomainError(exceptions.APIException):
    """A service's error with its field, status (400 unless stated) and message."""

    def __init__(self, *, field: str, message: str, status_code: int = 400):
        code = {404: "not_found", 409: "conflict", 413: "payload_too_large"}.get(
            status_code, "invalid"
        )
        super().__init__(message, code)
        self.field = field
        self.status_code = status_code


class FieldError(Protocol):
    """What the domain errors have in common (ReviewError, ArticleInputError...)."""

    field: str
    message: str


def is_domain_error(exc: BaseException) -> TypeGuard[FieldError]:
    """ReviewError / ArticleInputError and friends: ValueErrors naming a field."""
    return (
        isinstance(exc, ValueError)
        and isinstance(getattr(exc, "field", None), str)
        and getattr(exc, "message", None) is not None
    )


def _as_messages(value: Any) -> Any:
    """Keep DRF's nested error structure but make every leaf a plain string."""
    if isinstance(value, dict):
        return {str(key): _as_messages(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_messages(item) for item in value]
    return str(value)


def _first_message(errors: dict[str, Any]) -> tuple[str, str] | None:
    for key, value in errors.items():
        while isinstance(value, dict | list) and value:
            if isinstance(value, dict):
                inner_key, value = next(iter(value.items()))
                key = f"{key}.{inner_key}"
            else:
                value = value[0]
        if isinstance(value, str):
            return key, value
    return None


def error_body(*, errors: dict[str, Any], detail: str, code: str) -> dict[str, Any]:
    return {"errors": errors, "detail": detail, "code": code}


def _validation_body(detail: Any) -> dict[str, Any]:
    errors = _as_messages(detail)
    if not isinstance(errors, dict):
        errors = {NON_FIELD: errors if isinstance(errors, list) else [errors]}
    first = _first_message(errors)
    if first is None:
        line = "Invalid input."
    elif first[0] == NON_FIELD:
        line = first[1]
    else:
        line = f"{first[0]}: {first[1]}"
    return error_body(errors=errors, detail=line, code="invalid")


def _code_of(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return getattr(exc, "default_code", "error")


def _server_error(exc: Exception, context: dict[str, Any]) -> Response:
    """A bug or a service down (anything not an APIException): logged with its
    traceback, answered 500 in the same shape, the transaction rolled back."""
    from rest_framework.views import set_rollback

    request = context.get("request")
    logger.error(
        "Internal Server Error: %s",
        getattr(request, "path", "?"),
        exc_info=(type(exc), exc, exc.__traceback__),
        extra={"status_code": 500, "request": getattr(request, "_request", request)},
    )
    set_rollback()
    response = Response(error_body(errors={}, detail=SERVER_ERROR, code="server_error"), status=500)
    response._has_been_logged = True  # type: ignore[attr-defined]  # logged above, not twice
    return response


def _as_api_exception(exc: Exception) -> Exception:
    """Django's and the domain's exceptions as the APIException they answer; any
    other exception as it is."""
    if is_domain_error(exc):
        return DomainError(
            field=exc.field, message=str(exc.message), status_code=getattr(exc, "status", 400)
        )
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: list(exc.messages)}
        return exceptions.ValidationError(detail)
    if isinstance(exc, RequestDataTooBig):  # body over DATA_UPLOAD_MAX_MEMORY_SIZE
        return PayloadTooLarge("The request body is too large.")
    if isinstance(exc, SuspiciousOperation):  # e.g. too many form fields
        return exceptions.ParseError("The request could not be read.")
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def _headers_of(exc: exceptions.APIException) -> dict[str, str]:
    headers = {}
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        headers["WWW-Authenticate"] = auth_header
    wait = getattr(exc, "wait", None)
    if wait:
        headers["Retry-After"] = str(math.ceil(wait))
    return headers


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every error of an API view in one shape,
    500 included."""
    from rest_framework.views import set_rollback  # not at import time: DRF settings load us

    exc = _as_api_exception(exc)
    if not isinstance(exc, exceptions.APIException):
        return _server_error(exc, context)

    if isinstance(exc, exceptions.ValidationError):
        body = _validation_body(exc.detail)
    else:
        field = getattr(exc, "field", None)
        message = str(exc.detail)
        body = error_body(
            errors={field: [message]} if field else {},
            detail=f"{field}: {message}" if field else message,
            code=_code_of(exc),
        )
    set_rollback()
    return Response(body, status=exc.status_code, headers=_headers_of(exc))


@csrf_exempt  # an unknown path has nothing to protect: answer 404, not a CSRF 403 page
def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """JSON 404 for any unknown path under /api/v1/ (instead of the HTML page)."""
    return JsonResponse(
        error_body(errors={}, detail="No such API endpoint.", code="not_found"), status=404
    )


def server_error(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """handler500: errors outside DRF's views (middleware, plain views) under /api/
    are JSON in the API's shape; the web pages keep Django's HTML 500 page."""
    from django.views.defaults import server_error as html_server_error

    if request.path.startswith("/api/"):
        return JsonResponse(
            error_body(errors={}, detail=SERVER_ERROR, code="server_error"), status=500
        )
    return html_server_error(request, *args, **kwargs)


def method_not_allowed(*, method: str, allowed: list[str]) -> JsonResponse:
    """A 405 of a plain (not DRF) view under /api/, in the API's shape, as DRF's."""
    response = JsonResponse(
        error_body(errors={}, detail=f'Method "{method}" not allowed.', code="method_not_allowed"),
        status=405,
    )
    response["Allow"] = ", ".join(allowed)
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: a request Django refuses before any API view sees it (a Host not
    in ALLOWED_HOSTS, a SuspiciousOperation of a plain view) is JSON in the API's
    shape under /api/; the web pages keep Django's HTML page."""
    from django.views.defaults import bad_request as html_bad_request

    if request.path.startswith("/api/"):
        return JsonResponse(
            error_body(errors={}, detail="The request could not be read.", code="parse_error"),
            status=400,
        )
    return html_bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler403: a PermissionDenied outside DRF's views is JSON under /api/."""
    from django.views.defaults import permission_denied as html_permission_denied

    if request.path.startswith("/api/"):
        detail = str(exceptions.PermissionDenied.default_detail)
        return JsonResponse(
            error_body(errors={}, detail=detail, code="permission_denied"), status=403
        )
    return html_permission_denied(request, exception)


def locked_out_detail(seconds: int) -> str:
    """What a locked-out client is told: true for whoever reads it, since the lock is
    on one username from one address (AXES_LOCKOUT_PARAMETERS)."""
    minutes = max(1, math.ceil(seconds / 60))
    return (
        "Too many failed logins for this username from your address; "
        f"try again in {minutes} minute{'s' if minutes != 1 else ''}."
    )


def axes_lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: under /api/ a lockout is a 429 in the API's error
    shape; elsewhere the lockout page. Both say when to come back (Retry-After):
    the lock is on this username from this address only (AXES_LOCKOUT_PARAMETERS)."""
    from axes.conf import settings  # Django's settings, with django-axes' defaults
    from axes.helpers import get_client_username
    from django.shortcuts import render

    from config.client_ip import lockout_seconds

    status_code = settings.AXES_HTTP_RESPONSE_CODE
    seconds = lockout_seconds()
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            error_body(errors={}, detail=locked_out_detail(seconds), code="locked_out"),
            status=status_code,
        )
    else:
        context = {
            "username": get_client_username(request, credentials) or "",
            "minutes": math.ceil(seconds / 60),
        }
        response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=status_code)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
