"""API rate limits in one cache round trip.

DRF's UserRateThrottle and ScopedRateThrottle each read and write a list of
timestamps: four cache round trips for a review POST. This throttle checks the
"user" rate and the view's `throttle_scope` rate together as sliding-window
counters (this window's count plus the last window's, weighted by how much of
it still overlaps): on Redis one pipeline (INCR, EXPIRE and GET per rate),
elsewhere a few plain cache calls. Rates are DRF's settings (`DEFAULT_THROTTLE_RATES`).
A cache that does not answer lets the request through (a rate limit is not
worth failing the API for) and logs a warning.

A view may name counters of its own to add one to in the same round trip
(`throttle_also_count`: cache keys with `{ident}`, the caller's id): their new
values are left on the request (`throttle_counts`, the key as the view names it ->
its value), so the view's
service need not ask the cache again (the review POST: the optimiser's counter).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
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


def counters_increment(
    counters: list[tuple[str, str, int]], also: Sequence[str] = ()
) -> tuple[list[tuple[int, int]], list[int]]:
    """Add one to each (key, previous window's key, seconds-to-live) counter and
    to each key of `also` (counters that never expire), in one round trip on Redis:
    ([(its new value, the previous window's value)], [each of `also`'s new value])."""
    redis = _redis_client()
    if redis is not None:
        pipe = redis.pipeline(transaction=False)
        for key, previous, ttl in counters:
            full_key = cache.make_key(key)
            pipe.incr(full_key)
            pipe.expire(full_key, ttl)
            pipe.get(cache.make_key(previous))
        for key in also:
            pipe.incr(cache.make_key(key))
        replies = pipe.execute()
        windows = len(counters) * 3
        return (
            [(int(replies[i]), int(replies[i + 2] or 0)) for i in range(0, windows, 3)],
            [int(value) for value in replies[windows:]],
        )
    previous_counts = cache.get_many([previous for _, previous, _ in counters])
    values = []
    for key, previous, ttl in counters:
        values.append((_cache_incr(key, ttl), int(previous_counts.get(previous) or 0)))
    return values, [_cache_incr(key, None) for key in also]


def _cache_incr(key: str, ttl: int | None) -> int:
    """Add one to a cache counter (made at 1 when missing), by plain cache calls."""
    if cache.add(key, 1, ttl):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, ttl)
        return 1


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
        also = tuple(getattr(view, "throttle_also_count", ()))
        try:
            counts, also_counts = counters_increment(
                counters, [key.format(ident=ident) for key in also]
            )
        except Exception as exc:  # the cache is down: no rate limit, no failure
            logger.warning("throttle: cache unavailable, request let through: %r", exc)
            return True
        # (key as the view names it -> its new value)
        request.throttle_counts = dict(zip(also, also_counts, strict=True))  # type: ignore[attr-defined]
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
