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

A token-authenticated request is counted in the round trip that reads its token's
cached user (`cache_read_counting`, config.api_token: one Lua script on Redis reads
the entry and, when the cache knows the token's user id, adds to that user's
counters), so it costs one cache round trip, not two (issue 16). A request refused
by a permission after its token was read is counted too: stricter, never laxer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from rest_framework.throttling import ScopedRateThrottle

from config.cache import live_redis, noting_failure

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView

logger = logging.getLogger(__name__)

IDENT = "{ident}"  # the caller's id in a counter's key, filled in by the script

# KEYS: a cached entry and the key of the user id it belongs to. ARGV: the number of
# rate counters, then each counter's key, its previous window's key and its seconds
# to live, then the keys of the view's own counters (IDENT in each key: the user id).
# Answers {entry} when the user id is not known, else {entry, id, (count, previous
# count) per counter, the view's counters' values}.
_READ_AND_COUNT = """
local entry = redis.call('GET', KEYS[1])
local ident = redis.call('GET', KEYS[2])
if not ident then return {entry} end
local replies = {entry, ident}
local counters = tonumber(ARGV[1])
local function key_of(template)
  return (string.gsub(template, '{ident}', ident))
end
for i = 0, counters - 1 do
  local key = key_of(ARGV[2 + 3 * i])
  table.insert(replies, redis.call('INCR', key))
  redis.call('EXPIRE', key, ARGV[4 + 3 * i])
  table.insert(replies, redis.call('GET', key_of(ARGV[3 + 3 * i])) or 0)
end
for i = 2 + 3 * counters, #ARGV do
  table.insert(replies, redis.call('INCR', key_of(ARGV[i])))
end
return replies
"""
_scripts: dict[str, Any] = {}  # redis-py's Script of _READ_AND_COUNT (its SHA, loaded once)


class PreCounted(NamedTuple):
    """A request's counts added in its token's round trip (cache_read_counting)."""

    ident: int
    now: float
    names: tuple[str, ...]  # the rates counted
    counts: list[tuple[int, int]]  # (this window's count, the previous window's) per rate
    also: list[int]  # the view's own counters' new values


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
        _counting(pipe, [(cache.make_key(k), cache.make_key(p), t) for k, p, t in counters])
        for key in also:
            pipe.incr(cache.make_key(key))
        return _counts_of(pipe.execute(), len(counters))
    previous_counts = cache.get_many([previous for _, previous, _ in counters])
    values = []
    for key, previous, ttl in counters:
        values.append((_cache_incr(key, ttl), int(previous_counts.get(previous) or 0)))
    return values, [_cache_incr(key, None) for key in also]


def _counting(pipe: Any, counters: list[tuple[str, str, int]]) -> None:
    """Queue on a Redis pipeline each (full key, previous window's full key, seconds
    to live) counter's INCR, EXPIRE and the previous window's GET."""
    for key, previous, ttl in counters:
        pipe.incr(key)
        pipe.expire(key, ttl)
        pipe.get(previous)


def _counts_of(replies: list[Any], counters: int) -> tuple[list[tuple[int, int]], list[int]]:
    """(the counters' (new value, previous window's value), the other counters' new
    values) from the replies of _counting's commands and the INCRs after them."""
    windows = counters * 3
    return (
        [(int(replies[i]), int(replies[i + 2] or 0)) for i in range(0, windows, 3)],
        [int(value) for value in replies[windows:]],
    )


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
        also = tuple(getattr(view, "throttle_also_count", ()))
        pre = getattr(request, "throttle_precounted", None)
        if (
            isinstance(pre, PreCounted)
            and pre.ident == ident
            and pre.names == tuple(name for name, _, _ in limits)
        ):  # (counted with the token's read: config.api_token)
            self.now, counts, also_counts = pre.now, pre.counts, pre.also
        else:
            counted = self._count(ident, limits, also)
            if counted is None:
                return True
            counts, also_counts = counted
        # (key as the view names it -> its new value)
        request.throttle_counts = dict(zip(also, also_counts, strict=True))  # type: ignore[attr-defined]
        self.waits = []
        for (_, allowed, duration), (count, before) in zip(limits, counts, strict=True):
            elapsed = (self.now % duration) / duration
            if count + before * (1 - elapsed) > allowed:
                self.waits.append(duration - self.now % duration)
        return not self.waits

    def _count(
        self, ident: Any, limits: list[tuple[str, int, int]], also: tuple[str, ...]
    ) -> tuple[list[tuple[int, int]], list[int]] | None:
        """Add one to the caller's counters (None: the cache is down, no rate limit)."""
        backend = caches["default"]
        if getattr(backend, "down_until", 0.0) > time.monotonic():
            # config.cache pauses after a failure (the token cache's read comes first):
            # no rate limit meanwhile, and no socket timeout per request
            return None
        counters = [
            (key.format(ident=ident), previous.format(ident=ident), ttl)
            for key, previous, ttl in _counters(limits, self.now)
        ]
        try:
            return counters_increment(counters, [key.format(ident=ident) for key in also])
        except Exception as exc:  # the cache is down: no rate limit, no failure
            logger.warning("throttle: cache unavailable, request let through: %r", exc)
            return None

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


def _counters(limits: list[tuple[str, int, int]], now: float) -> list[tuple[str, str, int]]:
    """(key, previous window's key, seconds to live) of each rate's counter at `now`,
    IDENT standing for the caller's id."""
    return [
        (
            f"throttle:{name}:{IDENT}:{int(now // duration)}",
            f"throttle:{name}:{IDENT}:{int(now // duration) - 1}",
            2 * duration + 1,  # read again as the previous window
        )
        for name, _, duration in limits
    ]


def _rates_of(view: APIView | None) -> list[tuple[str, int, int]]:
    """The rates UserAndScopeThrottle checks for `view` (none when it does not use it)."""
    classes = getattr(view, "throttle_classes", ())
    if view is None or not any(issubclass(cls, UserAndScopeThrottle) for cls in classes):
        return []
    return UserAndScopeThrottle()._limits(view)


def _redis_and_rates(request: Request) -> tuple[Any, APIView | None, list[tuple[str, int, int]]]:
    """The default cache's Redis client for a call of our own (None: no Redis, or the
    cache pausing after a failure), the request's view, and the rates to count for it
    (none without that client)."""
    redis = live_redis(caches["default"], write=True)
    view = (getattr(request, "parser_context", None) or {}).get("view")
    return redis, view, _rates_of(view) if redis is not None else []


def cache_read_counting(request: Request, key: str, ident_key: str) -> Any:
    """The cache's value at `key` (None when missing), read in one round trip with the
    request counted against its view's rates for the user whose id the cache holds at
    `ident_key` (when it holds one: the counts are left on the request for
    UserAndScopeThrottle, which then sends nothing). Without Redis, or while the cache
    pauses after a failure, a plain `cache.get`. Raises what Redis raises (the caller
    falls back to the database; the throttle then lets the request through)."""
    redis, view, limits = _redis_and_rates(request)
    if redis is None or not limits:
        return cache.get(key)
    now = time.time()
    counters = _counters(limits, now)
    also = tuple(getattr(view, "throttle_also_count", ()))
    args: list[Any] = [len(counters)]
    for counter, previous, ttl in counters:
        args += [cache.make_key(counter), cache.make_key(previous), ttl]
    args += [cache.make_key(name.format(ident=IDENT)) for name in also]
    script = _scripts.get("read_and_count")
    if script is None:
        script = _scripts["read_and_count"] = redis.register_script(_READ_AND_COUNT)
    with noting_failure(caches["default"]):
        replies = script(
            keys=[cache.make_key(key), cache.make_key(ident_key)], args=args, client=redis
        )
    entry, *rest = replies
    if rest:
        ident, numbers = int(rest[0]), [int(n) for n in rest[1:]]
        request.throttle_precounted = PreCounted(  # type: ignore[attr-defined]
            ident=ident,
            now=now,
            names=tuple(name for name, _, _ in limits),
            counts=[(numbers[i], numbers[i + 1]) for i in range(0, 2 * len(counters), 2)],
            also=numbers[2 * len(counters) :],
        )
    return None if entry is None else caches["default"].client.decode(entry)  # type: ignore[attr-defined]  # django-redis


def store_counting(request: Request, entries: list[tuple[str, Any, int]], ident: int) -> bool:
    """Set each (key, value, seconds to live) cache entry and count the request
    against its view's rates for the user `ident`, in one round trip on Redis, the
    counts left on the request as cache_read_counting leaves them (a token read
    from the database, config.api_token: its entries stored and the request counted
    together, not in two round trips; issue 16). False, nothing sent, when it does
    not apply (no Redis, the cache pausing after a failure, no rates for the view,
    the request counted already): the caller stores the entries. Raises what Redis
    raises."""
    redis, view, limits = _redis_and_rates(request)
    if not limits or isinstance(getattr(request, "throttle_precounted", None), PreCounted):
        return False
    now = time.time()
    ident_text = str(ident)

    def full(name: str) -> str:  # (IDENT filled in as the script fills it in)
        return str(cache.make_key(name)).replace(IDENT, ident_text)

    counters = [(full(key), full(previous), ttl) for key, previous, ttl in _counters(limits, now)]
    client = caches["default"].client  # type: ignore[attr-defined]  # django-redis
    pipe = redis.pipeline(transaction=False)
    for key, value, seconds in entries:
        client.set(key, value, seconds, client=pipe)
    _counting(pipe, counters)
    for name in getattr(view, "throttle_also_count", ()):
        pipe.incr(full(name.format(ident=IDENT)))
    with noting_failure(caches["default"]):
        replies = pipe.execute()
    counts, also = _counts_of(replies[len(entries) :], len(counters))
    request.throttle_precounted = PreCounted(  # type: ignore[attr-defined]
        ident=ident, now=now, names=tuple(name for name, _, _ in limits), counts=counts, also=also
    )
    return True
