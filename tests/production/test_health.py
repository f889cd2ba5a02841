"""GET /api/v1/health/: the load balancer's probe."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError

from config import health
from tests.redis_server import RedisServer

NO_BROKER = {"broker": "not configured", "worker": "not configured", "cache_fail_open": 0}


@pytest.fixture(autouse=True)
def _fresh_probe(monkeypatch):
    """Each test probes the broker afresh (health remembers a probe for 10 s)."""
    monkeypatch.setattr(health, "_probe", {"at": None, "broker": "", "worker_seen": None})
    monkeypatch.setattr(health, "fail_open_count", lambda: 0)


@pytest.mark.django_db
def test_health_answers_ok_without_authentication(client):
    response = client.get("/api/v1/health/")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", **NO_BROKER}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_naming_the_database_when_it_is_down(client):
    with mock.patch("config.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/api/v1/health/")

    assert response.status_code == 503
    assert response.json() == {"database": "error: OperationalError", "cache": "ok", **NO_BROKER}


@pytest.mark.django_db
def test_health_is_503_naming_the_cache_when_it_is_down(client):
    with mock.patch("config.health.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/api/v1/health/")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error: ConnectionError", **NO_BROKER}


@pytest.mark.django_db
def test_health_refuses_writes(client):
    assert client.post("/api/v1/health/").status_code == 405


@pytest.mark.django_db
def test_health_reports_the_broker_and_that_no_worker_answered(client, settings):
    server = RedisServer().start()
    settings.CELERY_BROKER_URL = server.url(1)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        up = client.get("/api/v1/health/")
        server.stop()
        health._probe["at"] = None  # the next probe is due
        down = client.get("/api/v1/health/")
    finally:
        server.close()

    assert up.status_code == 200
    assert (up.json()["broker"], up.json()["worker"]) == ("ok", "no answer")
    # A broker down stops background generation, not the web node: still 200.
    assert down.status_code == 200
    assert down.json()["broker"] == "error: OperationalError"
    assert down.json()["worker"] == "no answer"


@pytest.mark.django_db
def test_health_says_ok_for_a_worker_that_answered_within_a_minute(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    answers = iter([("ok", True), ("ok", False)])
    monkeypatch.setattr(health, "_ping_broker", lambda: next(answers))

    seen = client.get("/api/v1/health/").json()["worker"]
    health._probe["at"] = None
    health._probe["worker_seen"] -= health.WORKER_SEEN_WITHIN + 1  # its answer is old now
    gone = client.get("/api/v1/health/").json()["worker"]

    assert (seen, gone) == ("ok", "no answer")
