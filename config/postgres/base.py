"""Django's PostgreSQL backend, its per-request health check without a round trip
when the connection has nothing to say (issue 16).

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first statement of
every request that reuses a connection: one more round trip on each page and API
call. A server that ends a connection (restart, idle timeout, pg_terminate_backend)
first sends its notice and closes the socket, so an idle connection whose socket
has nothing to read has not been ended by its server: it is used as it is. Anything
to read, a connection in a transaction, closed or broken, goes to Django's check
(`SELECT 1`, then a new connection if it fails) as before."""

from __future__ import annotations

import select
from typing import Any

import psycopg
from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


def quiet_and_idle(connection: psycopg.Connection[Any]) -> bool:
    """The connection is open, outside any transaction, and the server sent nothing
    since its last answer (no notice of its end, no end of stream)."""
    if connection.closed or connection.broken:
        return False
    if connection.info.transaction_status != TransactionStatus.IDLE:
        return False
    try:
        poller = select.poll()
        poller.register(connection.fileno(), select.POLLIN | select.POLLPRI)
        return not poller.poll(0)
    except (OSError, ValueError, AttributeError):  # no poll(), or no socket: ask the server
        return False


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self) -> None:
        flags: Any = self  # (django-stubs do not declare the health-check flags)
        if (
            self.connection is not None
            and flags.health_check_enabled
            and not flags.health_check_done
            and not self.pool
            and quiet_and_idle(self.connection)
        ):
            flags.health_check_done = True
            return
        super().close_if_health_check_failed()
