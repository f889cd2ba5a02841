"""API rate limits in one cache round trip.

DRF's UserRateThrottle and ScopedRateThrottle each read and write a list of
timestamps: four cache round trips for a review POST. This throttle checks the
"user" rate and the view's `throttle_scope` rate together as sliding-window
counters (this window's count plus the last window's, weighted by how much of
it still overlaps): on Redis one pipeline (INCR, EXPIRE and GET per rate),
elsewhere a few plain cache calls. Rates are DRF's settings (`DEFAULT_THROTTLE_RATES`).
A cache that does not answer lets the request through (a rate limit is not
worth failing the API for) and logs a warning.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from rest_framework.throttling import ScopedRateThrottle

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView

logger = logging.getLogger(__name__)


def _redis_client() -> Any:
    client = getattr(cache, "client", None)  # django-redis
    get_client = getattr(client, "get_client", None)
    return get_client(write=True) if get_client else None


def counters_increment(counters: list[tuple[str, str, int]]) -> list[tuple[int, int]]:
    """Add one to each (key, previous window's key, seconds-to-live) counter:
    [(its new value, the previous window's value)]."""
    redis = _redis_client()
    if redis is not None:
        pipe = redis.pipeline(transaction=False)
        for key, previous, ttl in counters:
            full_key = cache.make_key(key)
            pipe.incr(full_key)
            pipe.expire(full_key, ttl)
            pipe.get(cache.make_key(previous))
        replies = pipe.execute()
        return [(int(replies[i]), int(replies[i + 2] or 0)) for i in range(0, len(replies), 3)]
    previous_counts = cache.get_many([previous for _, previous, _ in counters])
    values = []
    for key, previous, ttl in counters:
        if cache.add(key, 1, ttl):
            value = 1
        else:
            try:
                value = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, ttl)
                value = 1
        values.append((value, int(previous_counts.get(previous) or 0)))
    return values


class UserAndScopeThrottle(ScopedRateThrottle):
    """The "user" rate for every request and the view's scoped rate, if any."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        self.now = self.timer()
        user = getattr(request, "user", None)
        ident = user.pk if user is not None and user.is_authenticated else self.get_ident(request)
        limits = self._limits(view)
        if not limits:
            return True
        counters = [
            (
                f"throttle:{name}:{ident}:{int(self.now // duration)}",
                f"throttle:{name}:{ident}:{int(self.now // duration) - 1}",
                2 * duration + 1,  # read again as the previous window
            )
            for name, _, duration in limits
        ]
        backend = caches["default"]
        if getattr(backend, "down_until", 0.0) > time.monotonic():
            # config.cache pauses after a failure (the token cache's read comes first):
            # no rate limit meanwhile, and no socket timeout per request
            return True
        try:
            counts = counters_increment(counters)
        except Exception as exc:  # the cache is down: no rate limit, no failure
            logger.warning("throttle: cache unavailable, request let through: %r", exc)
            return True
        self.waits = []
        for (_, allowed, duration), (count, before) in zip(limits, counts, strict=True):
            elapsed = (self.now % duration) / duration
            if count + before * (1 - elapsed) > allowed:
                self.waits.append(duration - self.now % duration)
        return not self.waits

    def _limits(self, view: APIView) -> list[tuple[str, int, int]]:
        """(rate name, requests allowed, window in seconds) of the "user" rate and the
        view's scope, those that are set."""
        names = ["user"] if self.THROTTLE_RATES.get("user") else []
        scope = getattr(view, self.scope_attr, None)
        if scope:
            if scope not in self.THROTTLE_RATES:
                raise ImproperlyConfigured(f"No default throttle rate set for '{scope}' scope")
            names.append(scope)
        limits: list[tuple[str, int, int]] = []
        for name in names:
            allowed, duration = self.parse_rate(self.THROTTLE_RATES[name])
            if allowed is not None and duration is not None:
                limits.append((name, allowed, duration))
        return limits

    def wait(self) -> float | None:
        return max(self.waits) if getattr(self, "waits", None) else None
