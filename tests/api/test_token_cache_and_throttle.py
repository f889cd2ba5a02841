"""config.api_token (the token's user cached) and config.api_throttle (the user and
scoped rates in one cache round trip): faster, never laxer, and a stopped Redis
degrades them without failing the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from learning.models import ReviewLog
from tests.api.conftest import queries_of, token_client
from tests.redis_server import RedisServer

PREFERENCES = "/api/v1/me/preferences/"


def test_a_known_token_costs_no_query(api):
    api.get(PREFERENCES)  # the preferences row is made on the first visit
    caches["default"].clear()
    cold, _ = queries_of(lambda: api.get(PREFERENCES))
    warm, response = queries_of(lambda: api.get(PREFERENCES))
    assert response.status_code == 200
    assert warm == cold - 1


def test_logout_revokes_a_cached_token_at_once(api):
    assert api.get(PREFERENCES).status_code == 200
    assert api.post("/api/v1/auth/logout/").status_code == 200
    assert api.get(PREFERENCES).status_code == 401


def test_a_deactivated_student_is_refused_at_once_though_cached(api, student):
    assert api.get(PREFERENCES).status_code == 200
    student.is_active = False
    student.save()
    assert api.get(PREFERENCES).status_code == 401


def test_the_user_rate_and_the_review_rate_both_hold(api, bank, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"user": "4/min", "reviews": "2/min"})
    card = api.get("/api/v1/study/queue/", {"bank": bank.pk}).json()["items"][0]["id"]  # 1 (user)
    reviews = [
        api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json").status_code
        for _ in range(3)
    ]  # 2, 3 and 4 (user); 1, 2, 3 (reviews)
    assert reviews == [201, 201, 429]
    response = api.get(PREFERENCES)  # 5 (user)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 61


# --- a stopped Redis -------------------------------------------------------------


@pytest.fixture
def own_redis():
    """A redis-server of our own, on a free port and answering PING; the test stops it."""
    server = RedisServer().start()
    caches_setting = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url(),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    with override_settings(CACHES=caches_setting):  # Django renews its cache handlers
        yield server
    server.close()


def test_with_redis_stopped_tokens_and_rates_fall_back_and_the_api_answers(
    own_redis, student, bank, django_capture_on_commit_callbacks
):
    api = token_client(student)  # its user cached in our Redis
    card = api.get("/api/v1/study/queue/", {"bank": bank.pk}).json()["items"][0]["id"]
    assert (
        api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json").status_code == 201
    )

    own_redis.stop()

    with django_capture_on_commit_callbacks(execute=True):  # the optimiser's counter too
        response = api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json")
    assert response.status_code == 201  # the token read from the database, no rate limit
    assert api.get(PREFERENCES).status_code == 200
    bad = token_client(student)
    bad.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert bad.get(PREFERENCES).status_code == 401  # still checked, by the database


def _round_trips(monkeypatch) -> list[int]:
    """Redis round trips made from now on (one per command or pipeline sent)."""
    from redis.connection import AbstractConnection

    sent: list[int] = []
    send = AbstractConnection.send_packed_command

    def counted(self, command, check_health=True):
        sent.append(1)
        return send(self, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
    return sent


def test_a_review_post_counts_for_the_optimiser_in_the_throttles_round_trip(
    own_redis, student, bank, monkeypatch, django_capture_on_commit_callbacks
):
    api = token_client(student)
    cards = [
        item["id"] for item in api.get("/api/v1/study/queue/", {"bank": bank.pk}).json()["items"]
    ]
    cache = caches["default"]
    counter = f"learning:reviews-since-check:{student.pk}"
    sent = _round_trips(monkeypatch)

    for card in cards[:3]:
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json")
        assert response.status_code == 201

    assert len(sent) == 3  # each: the token's user, the rates and the counter, in one script
    assert cache.get(counter) == 3


def test_a_token_read_from_the_database_is_stored_and_counted_in_one_round_trip(
    own_redis, student, monkeypatch
):
    api = token_client(student)
    assert api.get(PREFERENCES).status_code == 200  # (the preferences row made)
    caches["default"].clear()  # the token's entry and user id gone (expired, or a user saved)
    sent = _round_trips(monkeypatch)

    cold = api.get(PREFERENCES)
    warm = api.get(PREFERENCES)

    assert cold.status_code == warm.status_code == 200
    assert len(sent) == 3  # cold: the read, then the entries stored with the count; warm: one


def test_on_redis_the_rates_counted_with_the_tokens_read_still_hold(
    own_redis, student, bank, monkeypatch
):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"user": "4/min", "reviews": "2/min"})
    api = token_client(student)
    card = api.get("/api/v1/study/queue/", {"bank": bank.pk}).json()["items"][0]["id"]  # 1 (user)
    reviews = [
        api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json").status_code
        for _ in range(3)
    ]  # 2, 3 and 4 (user); 1, 2, 3 (reviews)
    assert reviews == [201, 201, 429]
    caches["default"].clear()  # the entries gone (expired): read from the database again
    response = api.get(PREFERENCES)  # 1 (user): the counters went with the cache
    assert response.status_code == 200
    for _ in range(3):
        response = api.get(PREFERENCES)  # 2, 3, 4 (user)
    assert api.get(PREFERENCES).status_code == 429  # 5 (user)


def test_the_api_asks_the_optimiser_every_so_many_answers(
    student, bank, monkeypatch, django_capture_on_commit_callbacks
):
    from learning import services, tasks

    asked: list[int] = []
    monkeypatch.setattr(services.reviews, "OPTIMIZE_CHECK_EVERY", 2)
    monkeypatch.setattr(tasks, "parameters_optimize_later", lambda user: asked.append(user.pk))
    api = token_client(student)
    cards = [
        item["id"] for item in api.get("/api/v1/study/queue/", {"bank": bank.pk}).json()["items"]
    ]

    for card in cards[:5]:
        with django_capture_on_commit_callbacks(execute=True):
            api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json")

    assert asked == [student.pk, student.pk]  # after the 2nd and the 4th answer
    assert caches["default"].get(f"learning:reviews-since-check:{student.pk}") == 1


def test_a_late_api_answer_counts_once_for_the_optimiser(
    student, bank, django_capture_on_commit_callbacks
):
    api = token_client(student)
    card = api.get("/api/v1/study/queue/", {"bank": bank.pk}).json()["items"][0]["id"]
    now = timezone.now()
    for reviewed_at in (now, now - timedelta(hours=1)):  # the second older: replayed in place
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post(
                "/api/v1/reviews/",
                {"card": card, "rating": 3, "reviewed_at": reviewed_at.isoformat()},
                format="json",
            )
        assert response.status_code == 201

    assert ReviewLog.objects.filter(card_id=card).count() == 2
    assert caches["default"].get(f"learning:reviews-since-check:{student.pk}") == 2
