"""With the Redis of REDIS_URL stopped (a real redis-server process of the test's
own, stopped), the API answers as before: throttling and caching fail open,
counted and shown by health, which says 503 naming the cache. Every API error,
a 500 included, has the JSON error shape."""

from __future__ import annotations

import logging
import uuid
from unittest import mock

import pytest
from django.urls import path
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from config import urls as config_urls
from config.cache import fail_open_count
from config.settings.base import redis_cache_settings
from learning.models import ReviewLog
from tests.factories import PASSWORD
from tests.redis_server import RedisServer


@pytest.fixture
def redis_cache(settings):
    """The settings' Redis cache, on a redis-server of this test's own."""
    server = RedisServer().start()
    settings.CACHES = redis_cache_settings(server.url())
    yield server
    server.close()


def _client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0]}")
    return client


def _review(card_id: int) -> dict:
    return {
        "card": card_id,
        "rating": 3,
        "client_uuid": str(uuid.uuid4()),
        "reviewed_at": timezone.now().isoformat(),
    }


@pytest.mark.django_db
def test_with_redis_stopped_every_endpoint_still_answers(
    redis_cache, student, bank, django_capture_on_commit_callbacks
):
    api = _client(student)
    assert api.get("/api/v1/banks/").status_code == 200
    assert redis_cache.client().keys("*throttle*")  # the throttles really use this Redis

    redis_cache.stop()
    before = fail_open_count()

    login = APIClient().post(
        "/api/v1/auth/token/", {"username": student.username, "password": PASSWORD}
    )
    assert login.status_code == 200, login.content
    assert api.get("/api/v1/banks/").status_code == 200
    queue = api.get("/api/v1/study/queue/", {"bank": bank.pk})
    assert queue.status_code == 200
    card = queue.json()["items"][0]["id"]
    batch = api.post(
        "/api/v1/reviews/batch/", {"reviews": [_review(card), _review(card)]}, format="json"
    )
    assert batch.status_code == 200
    assert batch.json()["ok"] == 2
    assert ReviewLog.objects.filter(card_id=card).count() == 2
    with django_capture_on_commit_callbacks(execute=True):  # what runs after the commit too
        single = api.post("/api/v1/reviews/", _review(card), format="json")
    assert single.status_code == 201
    assert ReviewLog.objects.filter(card_id=card).count() == 3
    assert APIClient().get("/api/v1/schema/").status_code == 200

    assert fail_open_count() > before  # counted (and logged)
    health = APIClient().get("/api/v1/health/")
    assert health.status_code == 503
    assert health.json()["cache"].startswith("error: ")  # the cause when this process saw it
    assert health.json()["database"] == "ok"
    assert health.json()["cache_fail_open"] >= fail_open_count() - 2


@pytest.mark.django_db
def test_serving_without_redis_is_logged_once_in_a_while_not_per_request(
    redis_cache, student, caplog
):
    api = _client(student)
    redis_cache.stop()

    with caplog.at_level(logging.WARNING, logger="config.cache"):
        statuses = [api.get("/api/v1/banks/").status_code for _ in range(3)]

    assert statuses == [200] * 3
    warnings = [r.getMessage() for r in caplog.records if r.name == "config.cache"]
    assert len(warnings) == 1, warnings  # (then one every LOG_EVERY seconds at most)
    assert warnings[0].startswith("Redis cache unavailable (")


@pytest.mark.django_db
def test_throttling_works_again_once_redis_is_back(redis_cache, monkeypatch, student):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "3/hour"})
    api = _client(student)
    redis_cache.stop()
    statuses = [api.get("/api/v1/banks/").status_code for _ in range(5)]
    assert statuses == [200] * 5  # no counter to read: throttling is off, not the API

    redis_cache.start()  # same port: the cache reconnects after its short pause
    deadline = timezone.now() + timezone.timedelta(seconds=10)
    statuses = []
    while timezone.now() < deadline and 429 not in statuses:
        statuses.append(api.get("/api/v1/banks/").status_code)
    assert 429 in statuses
    assert APIClient().get("/api/v1/health/").json()["cache"] == "ok"


SERVER_ERROR = {
    "errors": {},
    "detail": "The server could not answer this request; it has been logged.",
    "code": "server_error",
}


@pytest.mark.django_db
def test_a_500_of_an_api_view_has_the_json_error_shape(student, bank):
    api = _client(student)
    with mock.patch(
        "config.api_pagination.Pagination.paginate_queryset", side_effect=RuntimeError("a bug")
    ):
        response = api.get("/api/v1/banks/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == SERVER_ERROR


def _broken(request):
    """A plain Django view (not DRF's) with a real fault: its error reaches the
    project's handler500 untouched, as any bug in such a view would."""
    raise RuntimeError("a bug")


# This module is also the URLconf of the test below (pytest.mark.urls): the project's
# routes and handler500, plus one broken plain view under /api/ and one elsewhere.
handler500 = config_urls.handler500
urlpatterns = [
    path("api/v1/broken/", _broken),
    path("broken/", _broken),
    *config_urls.urlpatterns,
]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_500_outside_the_api_views_is_json_under_api_and_html_elsewhere(client):
    client.raise_request_exception = False  # answer as a server would: the 500 handler
    response = client.get("/api/v1/broken/")
    assert response.status_code == 500
    assert response.json() == SERVER_ERROR
    page = client.get("/broken/")
    assert page.status_code == 500
    assert page["Content-Type"].startswith("text/html")  # the web pages keep their page


def _session_keys(server) -> list[bytes]:
    return server.client().keys("*sessions*")


@pytest.mark.django_db
def test_a_web_login_made_while_redis_is_down_is_kept_when_it_comes_back(
    redis_cache, client, student
):
    redis_cache.stop()
    login = client.post("/accounts/login/", {"username": student.username, "password": PASSWORD})
    assert login.status_code == 302
    assert client.get("/progress/").status_code == 200  # the session read from the database

    redis_cache.start()  # same port, empty: the session is only in the database
    deadline = timezone.now() + timezone.timedelta(seconds=10)
    while timezone.now() < deadline and not _session_keys(redis_cache):
        assert client.get("/progress/").status_code == 200  # still logged in
    assert _session_keys(redis_cache)  # and cached again once read after the pause


@pytest.mark.django_db
def test_a_web_session_stays_logged_in_through_a_redis_outage_and_logout_ends_it(
    redis_cache, client, student
):
    client.post("/accounts/login/", {"username": student.username, "password": PASSWORD})
    assert client.get("/progress/").status_code == 200
    [key] = _session_keys(redis_cache)
    assert 0 < redis_cache.client().ttl(key) <= 300  # a cached copy lives minutes, not weeks

    redis_cache.stop()
    assert client.get("/progress/").status_code == 200  # not sent to the login page
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/progress/")["Location"].startswith("/accounts/login/")
