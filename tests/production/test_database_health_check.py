"""The per-request health check of a reused PostgreSQL connection (config/postgres):
no `SELECT 1` while the connection is idle and its server has sent nothing; Django's
check (and a new connection if it fails) as soon as the server has spoken, the
connection is in a transaction, closed or broken."""

import socket
import time
from types import SimpleNamespace

import pytest
from django.db import connection, connections
from psycopg.pq import TransactionStatus

from config.postgres.base import DatabaseWrapper, quiet_and_idle


@pytest.fixture
def sockets():
    ours, server = socket.socketpair()
    yield ours, server
    ours.close()
    server.close()


def fake_connection(sock, *, status=TransactionStatus.IDLE, closed=False, broken=False):
    return SimpleNamespace(
        closed=closed,
        broken=broken,
        info=SimpleNamespace(transaction_status=status),
        fileno=sock.fileno,
    )


def test_an_idle_connection_the_server_said_nothing_on_is_usable(sockets):
    ours, _ = sockets
    assert quiet_and_idle(fake_connection(ours)) is True


def test_a_notice_from_the_server_is_not_taken_for_quiet(sockets):
    ours, server = sockets
    server.sendall(b"E\x00\x00\x00\x05terminating connection")
    assert quiet_and_idle(fake_connection(ours)) is False


def test_a_connection_its_server_closed_is_not_quiet(sockets):
    ours, server = sockets
    server.close()
    assert quiet_and_idle(fake_connection(ours)) is False


@pytest.mark.parametrize(
    "state",
    [
        {"status": TransactionStatus.INTRANS},
        {"status": TransactionStatus.INERROR},
        {"closed": True},
        {"broken": True},
    ],
)
def test_a_connection_in_a_transaction_closed_or_broken_is_asked(sockets, state):
    ours, _ = sockets
    assert quiet_and_idle(fake_connection(ours, **state)) is False


def wrapper_on(sock, *, usable):
    wrapper = DatabaseWrapper({**connection.settings_dict, "CONN_HEALTH_CHECKS": True}, "fake")
    wrapper.connection = fake_connection(sock)
    wrapper.health_check_enabled = True
    wrapper.health_check_done = False
    wrapper.asked = 0
    wrapper.closed_by_check = False

    def is_usable():
        wrapper.asked += 1
        return usable

    def close():
        wrapper.closed_by_check = True
        wrapper.connection = None

    wrapper.is_usable = is_usable
    wrapper.close = close
    return wrapper


def test_a_quiet_connection_is_kept_without_asking_the_server(sockets):
    ours, _ = sockets
    wrapper = wrapper_on(ours, usable=True)
    wrapper.close_if_health_check_failed()
    assert (wrapper.asked, wrapper.closed_by_check, wrapper.health_check_done) == (0, False, True)


def test_a_connection_the_server_ended_is_checked_and_replaced(sockets):
    ours, server = sockets
    server.close()
    wrapper = wrapper_on(ours, usable=False)
    wrapper.close_if_health_check_failed()
    assert (wrapper.asked, wrapper.closed_by_check) == (1, True)


def test_the_check_runs_once_per_request(sockets):
    ours, server = sockets
    server.sendall(b"N")
    wrapper = wrapper_on(ours, usable=True)
    wrapper.close_if_health_check_failed()
    wrapper.close_if_health_check_failed()
    assert (wrapper.asked, wrapper.closed_by_check) == (1, False)


@pytest.mark.django_db
def test_the_postgresql_engine_is_the_one_with_the_quiet_check():
    if connection.vendor == "postgresql":
        assert isinstance(connections["default"], DatabaseWrapper)


@pytest.mark.django_db(transaction=True)
def test_a_connection_its_server_ended_is_replaced_at_the_next_request():
    """On PostgreSQL: a connection ended by its server between two requests (a
    restart, pg_terminate_backend) is replaced before the request's first query."""
    if connection.vendor != "postgresql":
        return
    import psycopg
    from django.db import close_old_connections

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        ended = cursor.fetchone()[0]
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("server_side_binding", None)
    params.pop("prepare_threshold", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [ended])
    for _ in range(50):  # the notice and the end of the stream reach our socket
        if not quiet_and_idle(connection.connection):
            break
        time.sleep(0.01)
    close_old_connections()  # what every request starts with
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != ended
