"""POST auth/token/, POST auth/logout/, token vs session auth, login throttling."""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

from tests.api.conftest import token_client

TOKEN_URL = "/api/v1/auth/token/"
LOGOUT_URL = "/api/v1/auth/logout/"


def test_token_for_right_password_then_it_authenticates(anon, student, password):
    response = anon.post(TOKEN_URL, {"username": "stella", "password": password}, format="json")
    assert response.status_code == 200
    key = response.json()["token"]
    assert Token.objects.get(user=student).key == key

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/me/preferences/").status_code == 200


def test_same_token_on_second_login(anon, student, password):
    first = anon.post(TOKEN_URL, {"username": "stella", "password": password}).json()["token"]
    second = anon.post(TOKEN_URL, {"username": "stella", "password": password}).json()["token"]
    assert first == second


def test_wrong_password_is_400_with_error_shape_and_no_token(anon, student):
    response = anon.post(TOKEN_URL, {"username": "stella", "password": "nope"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["errors"] == {"non_field_errors": ["Unable to log in with these credentials."]}
    assert body["code"] == "invalid"
    assert not Token.objects.filter(user=student).exists()


def test_missing_password_names_the_field(anon, student):
    response = anon.post(TOKEN_URL, {"username": "stella"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"password": ["This field is required."]}


def test_inactive_user_gets_no_token(anon, student, password):
    student.is_active = False
    student.save()
    response = anon.post(TOKEN_URL, {"username": "stella", "password": password}, format="json")
    assert response.status_code == 400


def test_anonymous_is_401_with_token_challenge(anon, db):
    response = anon.get("/api/v1/banks/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "errors": {},
        "detail": "Authentication credentials were not provided.",
        "code": "not_authenticated",
    }


def test_bad_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/v1/banks/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_logout_revokes_the_token(student):
    client = token_client(student)
    assert client.post(LOGOUT_URL).status_code == 200
    assert not Token.objects.filter(user=student).exists()
    assert client.get("/api/v1/banks/").status_code == 401


def test_session_auth_works_and_enforces_csrf(student):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.get("/api/v1/me/preferences/").status_code == 200
    refused = client.patch("/api/v1/me/preferences/", {"new_cards_per_day": 5}, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]

    token = "k" * 32  # the browser's csrftoken cookie, echoed in the X-CSRFToken header
    client.cookies["csrftoken"] = token
    accepted = client.patch(
        "/api/v1/me/preferences/",
        {"new_cards_per_day": 5},
        format="json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert accepted.status_code == 200
    assert accepted.json()["new_cards_per_day"] == 5


def test_session_logout_ends_the_session(student):
    client = APIClient()
    client.force_login(student)
    assert client.post(LOGOUT_URL).status_code == 200
    assert client.get("/api/v1/me/preferences/").status_code == 401


def test_token_login_is_throttled(anon, student, password, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})
    for _ in range(3):
        anon.post(TOKEN_URL, {"username": "stella", "password": "wrong"}, format="json")
    response = anon.post(TOKEN_URL, {"username": "stella", "password": password}, format="json")
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    assert not Token.objects.filter(user=student).exists()


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_token_login_goes_through_axes_lockout(anon, student, password):
    for _ in range(3):
        anon.post(TOKEN_URL, {"username": "stella", "password": "wrong"}, format="json")
    response = anon.post(TOKEN_URL, {"username": "stella", "password": password}, format="json")
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"
    assert not Token.objects.filter(user=student).exists()
