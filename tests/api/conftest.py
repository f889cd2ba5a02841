"""API fixtures: DRF clients authenticated by token for each role."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from config.api_token import CachedTokenAuthentication


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    # The token's user cached, as after a client's first request: counts of queries
    # are those of a steady state, not of a first request.
    CachedTokenAuthentication().authenticate_credentials(token.key)
    return client


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon():
    return APIClient()


@pytest.fixture
def api(student):
    """The student's client (token auth)."""
    return token_client(student)


@pytest.fixture
def other_api(other_student):
    return token_client(other_student)


@pytest.fixture
def teacher_api(teacher):
    return token_client(teacher)


@pytest.fixture
def other_teacher_api(other_teacher):
    return token_client(other_teacher)


@pytest.fixture
def superuser_api(superuser):
    return token_client(superuser)


def queries_of(call):
    """(number of database queries, response) of one request. Read at once:
    every request resets Django's query log."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = call()
    return len(context.captured_queries), response
