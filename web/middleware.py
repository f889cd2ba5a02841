"""Show times on the student pages in the student's own time zone
(StudyPreferences.time_zone).

Only views of this app (module web.*) are affected: the API and admin keep
their own behaviour and query counts. The zone is read once per session and
kept there, at sign-in (the session is written then anyway: the first page
after it neither reads the preferences nor writes the session again); saving
preferences updates it."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from learning.api import time_zone_of

SESSION_KEY = "web_time_zone"


def remember_time_zone(request: HttpRequest, name: str) -> None:
    request.session[SESSION_KEY] = name


def remember_time_zone_at_login(*, request: HttpRequest | None, user: Any, **_: Any) -> None:
    """user_logged_in: the new session keeps the user's zone from the start (one
    query at sign-in; a sign-in without a session, e.g. a token's, keeps nothing)."""
    if request is not None and hasattr(request, "session"):
        remember_time_zone(request, time_zone_of(user=user) or "UTC")


def _student_zone(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    name: str | None = request.session.get(SESSION_KEY)
    if name is None:
        name = time_zone_of(user=user) or "UTC"
        remember_time_zone(request, name)
    return name


class StudentTimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        module = getattr(view_func, "__module__", "") or ""
        if not module.startswith("web."):
            return None
        name = _student_zone(request)
        if name:
            try:
                timezone.activate(zoneinfo.ZoneInfo(name))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        return None
