"""Web sessions read from the cache, written to both (Django's cached_db), with
cached copies that live at most CACHE_SECONDS.

Every web page read its session row (about 2.6 ms of SQL per page at load, issue
16); an active student's session is now one cache GET. The database stays the
source of truth: with Redis down (config/cache.py fails open) a read is a miss
answered from the database and a write goes to the database only, so a login
made or used during an outage is kept. A logout during an outage deletes the row
but cannot delete the cached copy; should that Redis come back with its data (a
network cut rather than a restart), the short lifetime bounds how long the old
copy could still be read.

A page also reads its signed-in user's cached copy (config.session_user), whose key
names the user the session names: the two GETs waited for each other. A session's
key names one user for its whole life (Django gives the session a new key at login
and logout), so each process remembers which user a session key named when it was
last read, and then reads the session and that user's copy in one round trip
(MGET); session_user takes the copy only when the session still names that user.
A session this process has not read yet (a student's first page in this worker)
is read on Redis by a script that also reads the user id kept beside the session
(user_id_key, written with it) and that user's copy: one round trip too, not two.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.core.cache import DEFAULT_CACHE_ALIAS, caches

from config.cache import live_redis, noting_failure
from config.session_user import user_cache_key

CACHE_SECONDS = 300


def user_id_key(cache_key: str) -> str:
    """The cache key of the id of the user a session names, beside the session's."""
    return "auth:session-names:" + cache_key.removeprefix(cached_db.KEY_PREFIX)


# KEYS: a session's cache key and the key of its user id; ARGV[1]: the key of a
# user's copy, `{id}` standing for the id. Answers {} (no session cached), {session}
# (no user id kept), or {session, user id, the user's copy when cached}.
_READ_WITH_USER = """
local data = redis.call('GET', KEYS[1])
if not data then return {} end
local named = redis.call('GET', KEYS[2])
if not named then return {data} end
return {data, named, redis.call('GET', (string.gsub(ARGV[1], '{id}', named)))}
"""
_scripts: dict[str, Any] = {}  # redis-py's Script of _READ_WITH_USER (loaded once)


def _user_id_of(data: Any) -> int | None:
    """The user id a session's data names, when it is a number (what the script reads)."""
    named = data.get(SESSION_KEY) if isinstance(data, dict) else None
    return int(named) if isinstance(named, str) and named.isdigit() else None


def _decoded(backend: Any, value: bytes) -> Any:
    """A cached value as django-redis decodes it (None: it does not decode)."""
    try:
        return backend.client.decode(value)
    except Exception:
        return None


class _ShortLivedCache:
    """The session cache, whose entries expire after CACHE_SECONDS at most; a
    session naming a user is written with that user's id beside it (one round trip
    on Redis: config.cache's set_each)."""

    def __init__(self, cache: Any):
        self._cache = cache

    def set(self, key: str, value: Any, timeout: int) -> None:
        seconds = min(timeout, CACHE_SECONDS)
        named = _user_id_of(value)
        set_each = getattr(self._cache, "set_each", None)
        if named is not None and set_each is not None:
            set_each([(key, value, seconds), (user_id_key(key), named, seconds)])
        else:
            self._cache.set(key, value, seconds)

    async def aset(self, key: str, value: Any, timeout: int) -> None:
        await self._cache.aset(key, value, min(timeout, CACHE_SECONDS))

    def __contains__(self, key: str) -> bool:
        return key in self._cache

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cache, name)


# session key -> the user id its data named when this process last read it
_USER_OF_SESSION: dict[str, Any] = {}
_USER_OF_SESSION_MAX = 20_000  # (then forgotten all at once: a GET more per session)


class SessionStore(cached_db.SessionStore):
    """Django's cached_db, its cache wrapped in _ShortLivedCache, read with the
    cached copy of the user it named before (`user_copy`) in one round trip."""

    def __init__(self, session_key: str | None = None):
        super().__init__(session_key)
        cache: Any = caches[settings.SESSION_CACHE_ALIAS]
        self._cache = _ShortLivedCache(cache)
        # (the user id the session named, its cached copy or None), read with the
        # session; session_user's to check and use
        self.user_copy: tuple[Any, Any] | None = None

    def load(self) -> dict[str, Any]:
        named = _USER_OF_SESSION.get(self.session_key or "")
        data = None
        if named is not None and settings.SESSION_CACHE_ALIAS == DEFAULT_CACHE_ALIAS:
            user_key = user_cache_key(named)
            try:
                found = self._cache.get_many([self.cache_key, user_key])
            except Exception:  # (an invalid key: Django's load resets the session)
                found = {}
            data = found.get(self.cache_key)
            if data is not None:
                self.user_copy = (named, found.get(user_key))
        elif self.session_key and settings.SESSION_CACHE_ALIAS == DEFAULT_CACHE_ALIAS:
            data = self._read_with_user()
        if data is None:  # (the session from the cache, else the database)
            data = super().load()
        self._remember(data)
        return data

    def _read_with_user(self) -> dict[str, Any] | None:
        """On Redis, the session read by _READ_WITH_USER with the user's copy (kept in
        `user_copy` when the id beside the session is the one its data names); when
        it is not cached, read from the database as Django's cached_db reads it. None:
        not read (no Redis, the cache pausing after a failure, an error): read it as
        Django does; a failure of the script starts the cache's pause as one of its
        own calls does (config.cache.noting_failure), so a Redis that times out costs
        one time-out, not a second one in Django's read."""
        backend: Any = caches[settings.SESSION_CACHE_ALIAS]
        redis = live_redis(backend, write=False)
        if redis is None:
            return None
        script = _scripts.get("read")
        if script is None:
            script = _scripts["read"] = redis.register_script(_READ_WITH_USER)
        key = self.cache_key
        copy_key = backend.make_key(user_cache_key("{id}"))
        try:
            with noting_failure(backend):  # (the pause spares Django's read a second time-out)
                replies = script(
                    keys=[backend.make_key(key), backend.make_key(user_id_key(key))],
                    args=[copy_key],
                    client=redis,
                )
        except Exception:
            return None
        data: dict[str, Any] | None = _decoded(backend, replies[0]) if replies else None
        if data is None:
            return self._from_database()
        if len(replies) == 3 and _user_id_of(data) == int(replies[1]):
            copy = replies[2]
            self.user_copy = (data[SESSION_KEY], None if copy is None else _decoded(backend, copy))
        return data

    def _from_database(self) -> dict[str, Any]:
        """The session of a cache miss, as cached_db.SessionStore.load reads it."""
        row = self._get_session_from_db()  # type: ignore[attr-defined]  # (DBStore's)
        if not row:
            return {}
        data = self.decode(row.session_data)
        self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=row.expire_date))
        return data

    def _remember(self, data: dict[str, Any]) -> None:
        named = data.get(SESSION_KEY)
        if self.session_key and named is not None:
            if len(_USER_OF_SESSION) >= _USER_OF_SESSION_MAX:
                _USER_OF_SESSION.clear()
            _USER_OF_SESSION[self.session_key] = named
