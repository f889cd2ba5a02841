"""GET /api/v1/health/ for load balancers: no authentication, no session.

Answers 200 {"database": "ok", "cache": "ok"} when both answer, 503 with the
failing part named ("error: <ExceptionClass>") otherwise. The exception's text is
not shown: it could carry a host name or a user name.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


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
    try:
        cache.set(key, token, timeout=10)
        if cache.get(key) != token:
            return "error: value not read back"
    except Exception as exc:
        logger.warning("health: cache check failed: %r", exc)
        return f"error: {type(exc).__name__}"
    return "ok"


@never_cache
@require_GET
def health(request):
    body = {"database": _database_status(), "cache": _cache_status()}
    healthy = all(value == "ok" for value in body.values())
    return JsonResponse(body, status=200 if healthy else 503)
