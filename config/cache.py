"""The Redis cache, failing open: when Redis is down a cache read is a miss and a
write is dropped, so the API keeps answering (throttling is off meanwhile) instead
of every request failing with django-redis' ConnectionInterrupted.

Each operation served without Redis is counted (`fail_open_count()`, shown by
GET /api/v1/health/ as `cache_fail_open`) and logged as one warning line at most
every LOG_EVERY seconds. After a failure the backend does not try Redis again for
RETRY_AFTER seconds: a Redis that times out instead of refusing would otherwise
cost every request its socket timeouts.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

RETRY_AFTER = 1.0  # seconds without trying Redis after a failure
LOG_EVERY = 10.0  # seconds between two warnings while Redis stays down

_lock = threading.Lock()
_failures = 0


def fail_open_count() -> int:
    """Cache operations this process served without Redis since it started."""
    return _failures


class RedisUnavailable(ConnectionError):
    """Raised in place of trying Redis while the backend waits RETRY_AFTER."""


class _FailOpenLog:
    """Stands in for django-redis' logger of ignored exceptions: counts every
    ignored failure, starts the pause before the next try, warns once in a while."""

    def __init__(self, backend: FailOpenRedisCache):
        self.backend = backend
        self.last_warning = 0.0

    def exception(self, message: str, *args: object, **kwargs: object) -> None:
        global _failures
        cause = sys.exc_info()[1]
        cause = getattr(cause, "__cause__", None) or cause
        now = time.monotonic()
        tried = not isinstance(cause, RedisUnavailable)  # not one skipped during the pause
        with _lock:
            _failures += 1
            count = _failures
            if tried:
                self.backend.down_until = now + RETRY_AFTER
                self.backend.last_error = type(cause).__name__
            warn = tried and now - self.last_warning >= LOG_EVERY
            if warn:
                self.last_warning = now
        if warn:
            logger.warning(
                "Redis cache unavailable (%s); serving without cache and throttling "
                "(%d operations so far in this process)",
                type(cause).__name__,
                count,
            )


class FailOpenRedisCache(RedisCache):  # type: ignore[misc]  # django-redis ships no type stubs
    """django_redis.cache.RedisCache that never raises ConnectionInterrupted."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = _FailOpenLog(self)
        self.down_until = 0.0
        self.last_error = ""

    def incr(self, key: str, delta: int = 1, version: int | None = None, client: Any = None) -> int:
        """Django's contract: a missing key raises ValueError. Failing open, every key
        is missing (django-redis would return None, which callers do not expect)."""
        value: int | None = super().incr(key, delta=delta, version=version, client=client)
        if value is None:
            raise ValueError(f"Key {key!r} not found: the cache is unavailable.")
        return value

    def decr(self, key: str, delta: int = 1, version: int | None = None, client: Any = None) -> int:
        return self.incr(key, -delta, version=version, client=client)

    def note_failure(self) -> None:
        """A caller's own use of the client (a script: config.api_throttle) failed:
        counted, logged and paused as the backend's own calls are (call it in the
        `except` block: the exception raised is the cause)."""
        self.logger.exception("Redis call failed")

    def set_each(self, entries: list[tuple[str, Any, int]]) -> None:
        """Set each (key, value, seconds to live), in one round trip (set_many
        gives them all one lifetime). Fails open as set does."""
        try:
            client = self.client
            pipe = client.get_client(write=True).pipeline(transaction=False)
            for key, value, seconds in entries:
                client.set(key, value, seconds, client=pipe)
            pipe.execute()
        except Exception:
            self.note_failure()

    @property
    def client(self) -> Any:  # django_redis.client.DefaultClient (no stubs)
        if time.monotonic() < self.down_until:
            raise ConnectionInterrupted(connection=None) from RedisUnavailable(self.last_error)
        return super().client


def live_redis(backend: Any, *, write: bool) -> Any:
    """The Redis client under `backend` for a call of one's own (a script, a pipeline);
    None when it is no django-redis cache or is pausing after a failure (RETRY_AFTER),
    so the caller takes its plain path as the backend's own calls would."""
    if getattr(backend, "down_until", 0.0) > time.monotonic():
        return None
    get_client = getattr(getattr(backend, "client", None), "get_client", None)
    return get_client(write=write) if get_client else None


@contextmanager
def noting_failure(backend: Any) -> Iterator[None]:
    """Around a call of one's own on `backend`'s Redis: a failure starts the backend's
    pause (`note_failure`) as a failure of its own calls does, and is raised on."""
    try:
        yield
    except Exception:
        note_failure = getattr(backend, "note_failure", None)
        if note_failure is not None:
            note_failure()
        raise
