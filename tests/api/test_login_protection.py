"""Login protection keys on the (username, address) pair and on an address that a
client cannot forge.

- Wrong passwords for many names from one address (a school behind one NAT) lock
  out none of the others there; wrong passwords for one name from one address do
  not lock that user out from another address (django-axes, pair lockout).
- The lockout answer says when to come back (Retry-After) and what is locked.
- The client address is read one way for axes and for DRF's login throttle,
  behind NUM_PROXIES proxies: a made-up X-Forwarded-For neither dodges the
  throttle nor spreads the failures.
"""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

TOKEN_URL = "/api/v1/auth/token/"
LOGIN_URL = "/accounts/login/"
SCHOOL = "203.0.113.7"
HOME = "198.51.100.20"
COOL_OFF_SECONDS = str(int(settings.AXES_COOLOFF_TIME * 3600))

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_axes_on")]


@pytest.fixture
def _axes_on(settings):
    settings.AXES_ENABLED = True


def _token(username, password, **meta):
    return APIClient().post(
        TOKEN_URL, {"username": username, "password": password}, format="json", **meta
    )


def _fail(username, times, **meta):
    return [_token(username, "wrong password", **meta).status_code for _ in range(times)]


def test_wrong_passwords_for_many_names_do_not_lock_out_others_at_that_address(student, password):
    names = [f"guess{n}" for n in range(settings.AXES_FAILURE_LIMIT + 2)]
    for name in names:
        _fail(name, 1, REMOTE_ADDR=SCHOOL)

    response = _token("stella", password, REMOTE_ADDR=SCHOOL)

    assert response.status_code == 200
    assert Token.objects.filter(user=student).exists()


def test_a_user_locked_out_at_one_address_still_logs_in_from_another(student, password):
    limit = settings.AXES_FAILURE_LIMIT
    assert _fail("stella", limit, REMOTE_ADDR=SCHOOL) == [400] * (limit - 1) + [429]

    from_home = _token("stella", password, REMOTE_ADDR=HOME)
    at_school = _token("stella", password, REMOTE_ADDR=SCHOOL)

    assert from_home.status_code == 200
    assert at_school.status_code == 429
    assert at_school.json()["code"] == "locked_out"
    assert at_school["Retry-After"] == COOL_OFF_SECONDS
    assert "15 minutes" in at_school.json()["detail"]
    assert "this username from your address" in at_school.json()["detail"]


def test_the_html_lockout_page_tells_the_truth_and_when_to_come_back(student, password):
    client = Client(REMOTE_ADDR=SCHOOL)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(LOGIN_URL, {"username": "stella", "password": "nope"})

    assert response.status_code == 429
    assert response["Retry-After"] == COOL_OFF_SECONDS
    text = " ".join(response.content.decode().split())
    assert "for <strong>stella</strong>" in text
    assert "with that username from this network is paused for 15 minutes" in text
    assert "Other accounts are not affected" in text
    assert "for this account for about" not in text  # the old, untrue wording
    other_network = Client(REMOTE_ADDR=HOME)
    assert (
        other_network.post(LOGIN_URL, {"username": "stella", "password": password}).status_code
        == 302
    )


@override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": 1})
def test_behind_one_proxy_a_forged_forwarded_for_does_not_spread_the_failures(student):
    """The proxy appends the real address; whatever the client put before it is noise."""
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [
        _token(
            "stella",
            "wrong",
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {SCHOOL}",
        ).status_code
        for n in range(limit)
    ]

    assert statuses == [400] * (limit - 1) + [429]
    assert (
        _token(
            "stella",
            "wrong",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"{SCHOOL}, {HOME}",  # another real client
        ).status_code
        == 400
    )


def test_a_random_forwarded_for_per_request_does_not_dodge_the_login_throttle(monkeypatch):
    """NUM_PROXIES defaults to 0: the header is not trusted at all."""
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == settings.NUM_PROXIES == 0
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})
    statuses = [
        _token(
            "nobody", "x", REMOTE_ADDR=SCHOOL, HTTP_X_FORWARDED_FOR=str(uuid.uuid4())
        ).status_code
        for _ in range(4)
    ]

    assert statuses == [400, 400, 400, 429]


@override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": 1})
def test_behind_a_proxy_the_throttle_keys_on_the_address_the_proxy_saw(monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})

    def attempt(forged, client):
        return _token(
            "nobody", "x", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{forged}, {client}"
        ).status_code

    school = [attempt(f"192.0.2.{n}", SCHOOL) for n in range(4)]

    assert school == [400, 400, 400, 429]
    assert attempt("192.0.2.99", HOME) == 400
