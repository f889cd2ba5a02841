"""GET /api/v1/health/: the load balancer's probe."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from config import health
from config.cache import fail_open_count
from config.settings.base import redis_cache_settings
from tests.redis_server import RedisServer

NOT_CONFIGURED = {"broker": "not configured", "worker": "not configured"}


class Clock:
    """A monotonic clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """A probe of this test's own (health remembers a broker probe for 10 s), on a
    clock the test moves."""
    clock = Clock()
    monkeypatch.setattr(health, "BROKER_PROBE", health.BrokerProbe(clock=clock))
    return clock


@pytest.mark.django_db
def test_health_answers_ok_without_authentication(client):
    response = client.get("/api/v1/health/")

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        **NOT_CONFIGURED,
        "cache_fail_open": fail_open_count(),
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_naming_the_database_when_it_is_down(client):
    with mock.patch("config.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/api/v1/health/")

    assert response.status_code == 503
    assert response.json()["database"] == "error: OperationalError"
    assert response.json()["cache"] == "ok"


@pytest.mark.django_db
def test_health_is_503_naming_the_cache_when_redis_is_stopped(client, settings):
    server = RedisServer().start()
    settings.CACHES = redis_cache_settings(server.url())
    try:
        assert client.get("/api/v1/health/").json()["cache"] == "ok"
        before = fail_open_count()
        server.stop()
        response = client.get("/api/v1/health/")
    finally:
        server.close()

    assert response.status_code == 503
    assert response.json()["cache"].startswith("error: ")
    assert response.json()["database"] == "ok"
    assert response.json()["cache_fail_open"] > before  # served without Redis, counted


@pytest.mark.django_db
def test_health_refuses_writes_in_the_api_error_shape():
    """As a real client sends it (CSRF checked): a 405 in JSON, not the CSRF page."""
    client = Client(enforce_csrf_checks=True)

    response = client.post("/api/v1/health/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json() == {
        "errors": {},
        "detail": 'Method "POST" not allowed.',
        "code": "method_not_allowed",
    }


@pytest.mark.django_db
def test_health_reports_the_broker_and_that_no_worker_answered(client, settings, clock):
    server = RedisServer().start()
    settings.CELERY_BROKER_URL = server.url(1)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        up = client.get("/api/v1/health/")
        server.stop()
        remembered = client.get("/api/v1/health/")
        clock.now += health.PROBE_EVERY  # the next probe is due
        down = client.get("/api/v1/health/")
    finally:
        server.close()

    assert up.status_code == 200
    assert (up.json()["broker"], up.json()["worker"]) == ("ok", "no answer")
    assert remembered.json()["broker"] == "ok"  # probed at most every PROBE_EVERY seconds
    # A broker down stops background generation, not the web node: still 200.
    assert down.status_code == 200
    assert down.json()["broker"] == "error: OperationalError"
    assert down.json()["worker"] == "no answer"


def test_a_worker_that_answered_within_a_minute_is_ok(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    answers = iter([("ok", True), ("ok", False), ("ok", False)])
    clock = Clock()
    probe = health.BrokerProbe(ping=lambda: next(answers), clock=clock)

    answered = probe.status()
    clock.now += health.WORKER_SEEN_WITHIN  # probed again: no answer, the last one is recent
    recent = probe.status()
    clock.now += 1  # its answer is older than a minute now
    gone = probe.status()

    assert (answered, recent, gone) == (("ok", "ok"), ("ok", "ok"), ("ok", "no answer"))
