"""GET /api/v1/health/: the load balancer's probe."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_health_answers_ok_without_authentication(client):
    response = client.get("/api/v1/health/")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_naming_the_database_when_it_is_down(client):
    with mock.patch("config.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/api/v1/health/")

    assert response.status_code == 503
    assert response.json() == {"database": "error: OperationalError", "cache": "ok"}


@pytest.mark.django_db
def test_health_is_503_naming_the_cache_when_it_is_down(client):
    with mock.patch("config.health.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/api/v1/health/")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error: ConnectionError"}


@pytest.mark.django_db
def test_health_refuses_writes(client):
    assert client.post("/api/v1/health/").status_code == 405
