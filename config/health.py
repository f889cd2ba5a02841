"""GET /api/v1/health/ for load balancers: no authentication, no session.

    {"database": "ok", "cache": "ok", "broker": "ok", "worker": "ok", "cache_fail_open": 0}

The status is 200 when the database and the cache answer, 503 otherwise, with the
failing part named ("error: <ExceptionClass>"). The exception's text is not shown:
it could carry a host name or a user name.

The broker and the workers are reported but do not make the status 503: a web node
serves everything but background generation without them, so the load balancer must
keep it. "broker" is "ok", "error: ..." or "not configured" (tasks run inline);
"worker" is "ok" when a worker answered a ping within WORKER_SEEN_WITHIN seconds,
"no answer" otherwise. Both are probed at most every PROBE_EVERY seconds per
process, so a probe every second costs the broker nothing. `cache_fail_open` counts
the cache operations this process served without Redis (config/cache.py).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from config.api_errors import method_not_allowed
from config.cache import fail_open_count

logger = logging.getLogger(__name__)

PROBE_EVERY = 10.0  # seconds between two probes of the broker by one process
WORKER_SEEN_WITHIN = 60.0  # seconds: "a worker answered recently"
PING_TIMEOUT = 0.5


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down" to a load balancer
        logger.warning("health: database check failed: %r", exc)
        return f"error: {type(exc).__name__}"
    return "ok"


def _cache_status() -> str:
    # One key per process and thread: concurrent probes must not read each other's value.
    key = f"health:probe:{os.getpid()}:{threading.get_ident()}"
    token = uuid.uuid4().hex
    failures = fail_open_count()
    try:
        cache.set(key, token, timeout=10)
        if cache.get(key) != token:
            if fail_open_count() != failures:  # the Redis cache failed open meanwhile
                return f"error: {getattr(cache, 'last_error', '') or 'unavailable'}"
            return "error: value not read back"
    except Exception as exc:
        logger.warning("health: cache check failed: %r", exc)
        return f"error: {type(exc).__name__}"
    return "ok"


def _ping_broker() -> tuple[str, bool]:
    """(broker status, whether a worker answered) from one connection and one ping."""
    from config.celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            # kombu's stubs say int seconds; kombu compares a float deadline, so 0.5 s works.
            conn.ensure_connection(max_retries=1, timeout=PING_TIMEOUT)  # type: ignore[arg-type]
            replies = app.control.ping(timeout=PING_TIMEOUT, connection=conn)
    except Exception as exc:
        logger.warning("health: broker check failed: %r", exc)
        return f"error: {type(exc).__name__}", False
    return "ok", bool(replies)


class BrokerProbe:
    """The broker's and the workers' status, remembered between probes: a probe
    (`ping`: broker status, whether a worker answered) runs at most every
    PROBE_EVERY seconds of `clock`. One per process (BROKER_PROBE); a test builds
    its own with its own ping and clock, and puts it in BROKER_PROBE's place."""

    def __init__(
        self,
        *,
        ping: Callable[[], tuple[str, bool]] = _ping_broker,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ping = ping
        self._clock = clock
        self._lock = threading.Lock()
        self._probed_at: float | None = None
        self._broker = ""
        self._worker_seen: float | None = None

    def status(self) -> tuple[str, str]:
        """(broker, worker) as the health answer shows them."""
        if not settings.CELERY_BROKER_URL or settings.CELERY_TASK_ALWAYS_EAGER:
            return "not configured", "not configured"
        now = self._clock()
        with self._lock:
            if self._probed_at is None or now - self._probed_at >= PROBE_EVERY:
                self._broker, answered = self._ping()
                self._probed_at = now
                if answered:
                    self._worker_seen = now
            seen, broker = self._worker_seen, self._broker
        worker = "ok" if seen is not None and now - seen <= WORKER_SEEN_WITHIN else "no answer"
        return broker, worker


BROKER_PROBE = BrokerProbe()


@csrf_exempt  # no session, nothing to protect: a write is a 405, not the CSRF page
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(method=request.method or "", allowed=["GET", "HEAD"])
    body: dict[str, Any] = {"database": _database_status(), "cache": _cache_status()}
    healthy = all(value == "ok" for value in body.values())
    body["broker"], body["worker"] = BROKER_PROBE.status()
    body["cache_fail_open"] = fail_open_count()
    return JsonResponse(body, status=200 if healthy else 503)
