"""config.session_user: a web page's signed-in user read from the cache (issue 16),
never letting in a session Django would refuse, and read from the database when
Redis is down."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.settings.base import redis_cache_settings
from tests.factories import PASSWORD
from tests.redis_server import RedisServer

PAGE = "/progress/"


def _user_row_reads(client, path: str = PAGE) -> tuple[int, int]:
    """(status, queries reading the user's row by key) of one GET."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    reads = [q for q in ctx.captured_queries if q["sql"].startswith('SELECT "auth_user"."id"')]
    return response.status_code, len(reads)


def _signed_in(client, user):
    assert (
        client.post(
            "/accounts/login/", {"username": user.username, "password": PASSWORD}
        ).status_code
        == 302
    )
    return client


@pytest.mark.django_db
def test_a_page_reads_its_user_row_once_then_from_the_cache(client, student):
    _signed_in(client, student)
    caches["default"].clear()
    assert _user_row_reads(client) == (200, 1)
    assert _user_row_reads(client) == (200, 0)
    assert _user_row_reads(client, "/") == (200, 0)


@pytest.mark.django_db
def test_a_password_changed_elsewhere_logs_the_cached_session_out(client, student):
    _signed_in(client, student)
    client.get(PAGE)
    assert client.get(PAGE).status_code == 200  # (from the cache)
    student.set_password("An-other-password-1")
    student.save()
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_a_deactivated_student_is_logged_out_at_once_though_cached(client, student):
    _signed_in(client, student)
    client.get(PAGE)
    assert client.get(PAGE).status_code == 200  # (from the cache)
    student.is_active = False
    student.save()
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_a_logout_ends_the_session_though_its_user_is_cached(client, student):
    _signed_in(client, student)
    assert client.get(PAGE).status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_another_user_never_gets_the_cached_copy(client, student, other_student):
    _signed_in(client, student)
    assert client.get(PAGE).status_code == 200
    client.post("/accounts/logout/")
    _signed_in(client, other_student)
    response = client.get(PAGE)
    assert response.wsgi_request.user.pk == other_student.pk


@pytest.mark.django_db
def test_with_redis_stopped_pages_read_the_user_from_the_database(settings, client, student):
    server = RedisServer().start()
    try:
        settings.CACHES = redis_cache_settings(server.url())
        _signed_in(client, student)
        assert _user_row_reads(client) == (200, 1)
        assert server.client().keys("*session-user*")  # the copy went to this Redis
        assert _user_row_reads(client) == (200, 0)
        server.stop()
        assert _user_row_reads(client) == (200, 1)  # not a 500, still signed in
    finally:
        server.close()


def _redis_round_trips(monkeypatch) -> list[bytes]:
    """The Redis commands sent from now on (a pipeline or an MGET: one round trip)."""
    from redis.connection import AbstractConnection

    sent: list[bytes] = []
    send = AbstractConnection.send_packed_command

    def counted(self, command, check_health=True):
        packed = command if isinstance(command, bytes | str) else b"".join(command)
        sent.append(packed if isinstance(packed, bytes) else packed.encode())
        return send(self, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
    return sent


def test_a_page_reads_its_session_and_user_in_one_redis_round_trip(
    settings, client, student, other_student, monkeypatch
):
    server = RedisServer().start()
    try:
        settings.CACHES = redis_cache_settings(server.url())
        _signed_in(client, student)
        client.get(PAGE)  # (the user's copy cached)
        sent = _redis_round_trips(monkeypatch)
        assert _user_row_reads(client) == (200, 0)
        assert len(sent) == 1  # the session and its user's copy, together:
        assert b"MGET" in sent[0]
        assert client.get(PAGE).wsgi_request.user.pk == student.pk
        # the copy read with the session is checked as before: a new password logs out
        student.set_password("An-other-password-1")
        student.save()
        assert client.get(PAGE)["Location"].startswith("/accounts/login/")
        # another user's session on the same client: its own user, never the last one's
        _signed_in(client, other_student)
        client.get(PAGE)
        assert client.get(PAGE).wsgi_request.user.pk == other_student.pk
    finally:
        server.close()


def test_a_session_new_to_the_process_is_read_with_its_user_in_one_redis_round_trip(
    settings, client, student, other_student, monkeypatch
):
    from config import sessions

    server = RedisServer().start()
    try:
        settings.CACHES = redis_cache_settings(server.url())
        _signed_in(client, student)
        client.get(PAGE)  # (the user's copy cached)
        sessions._USER_OF_SESSION.clear()  # (another worker: the session not read there yet)
        sent = _redis_round_trips(monkeypatch)
        assert _user_row_reads(client) == (200, 0)
        assert len(sent) == 1  # the session, the user id beside it and the user's copy
        assert b"EVALSHA" in sent[0]
        # the copy so read is checked as before: a new password logs out
        student.set_password("An-other-password-1")
        student.save()
        sessions._USER_OF_SESSION.clear()
        assert client.get(PAGE)["Location"].startswith("/accounts/login/")
        # another user's session on the same client: its own user, never the last one's
        _signed_in(client, other_student)
        client.get(PAGE)
        sessions._USER_OF_SESSION.clear()
        assert client.get(PAGE).wsgi_request.user.pk == other_student.pk
        # a session gone from the cache is read from the database, still signed in
        server.client().flushdb()
        sessions._USER_OF_SESSION.clear()
        assert client.get(PAGE).wsgi_request.user.pk == other_student.pk
    finally:
        server.close()


def test_a_failed_session_script_pauses_the_cache_so_a_page_waits_out_one_time_out(
    settings, client, student, monkeypatch
):
    """A Redis that times out on the session's script is not asked again in the same
    page (Django's own read of the session, the user's copy): the page is served
    from the database at once, still signed in."""
    from redis.commands.core import Script

    from config import sessions
    from config.cache import fail_open_count

    server = RedisServer().start()
    try:
        settings.CACHES = redis_cache_settings(server.url())
        _signed_in(client, student)
        client.get(PAGE)
        sessions._USER_OF_SESSION.clear()  # (a worker that has not read the session yet)

        def timing_out(self, *args, **kwargs):
            raise TimeoutError("Timeout reading from socket")

        monkeypatch.setattr(Script, "__call__", timing_out)
        before = fail_open_count()
        sent = _redis_round_trips(monkeypatch)
        response = client.get(PAGE)
        assert response.status_code == 200
        assert response.wsgi_request.user.pk == student.pk
        assert sent == []  # nothing more sent to the Redis that timed out
        assert fail_open_count() > before  # (counted and logged as the cache's own calls are)
    finally:
        server.close()
