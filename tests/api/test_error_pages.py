"""Errors Django answers before or outside the API's views (a Host the site does not
serve, a SuspiciousOperation or PermissionDenied of a plain view) have the API's JSON
error shape under /api/, as its 404 and 500 do, and stay HTML pages elsewhere
(issue 14, item 1: every error of the API has the JSON error shape)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config import urls as config_urls

pytestmark = pytest.mark.django_db


def _suspicious(request):
    raise SuspiciousOperation("a forged header")


def _forbidden(request):
    raise PermissionDenied


# This module is also the URLconf of the tests marked below: the project's routes and
# error handlers, plus plain (not DRF) views under /api/ and elsewhere.
handler400 = config_urls.handler400
handler403 = config_urls.handler403
handler500 = config_urls.handler500
urlpatterns = [
    path("api/v1/suspicious/", _suspicious),
    path("api/v1/forbidden/", _forbidden),
    path("suspicious/", _suspicious),
    path("forbidden/", _forbidden),
    *config_urls.urlpatterns,
]


def test_a_host_the_site_does_not_serve_is_json_under_api_and_html_elsewhere(client, settings):
    settings.ALLOWED_HOSTS = ["newsquiz.example"]

    api = client.get("/api/v1/banks/", HTTP_HOST="evil.example")
    page = client.get("/", HTTP_HOST="evil.example")

    assert api.status_code == 400
    assert api.json() == {
        "errors": {},
        "detail": "The request could not be read.",
        "code": "parse_error",
    }
    assert page.status_code == 400
    assert page["Content-Type"].startswith("text/html")


@pytest.mark.urls(__name__)
def test_a_plain_views_suspicious_request_is_json_under_api(client):
    api = client.get("/api/v1/suspicious/")
    page = client.get("/suspicious/")

    assert api.status_code == 400
    assert api.json()["code"] == "parse_error"
    assert page.status_code == 400
    assert page["Content-Type"].startswith("text/html")


@pytest.mark.urls(__name__)
def test_a_plain_views_permission_denied_is_json_under_api(client):
    api = client.get("/api/v1/forbidden/")
    page = client.get("/forbidden/")

    assert api.status_code == 403
    assert api.json() == {
        "errors": {},
        "detail": "You do not have permission to perform this action.",
        "code": "permission_denied",
    }
    assert page.status_code == 403
    assert page["Content-Type"].startswith("text/html")
