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
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.core.cache import DEFAULT_CACHE_ALIAS, caches

from config.session_user import user_cache_key

CACHE_SECONDS = 300


class _ShortLivedCache:
    """The session cache, whose entries expire after CACHE_SECONDS at most."""

    def __init__(self, cache: Any):
        self._cache = cache

    def set(self, key: str, value: Any, timeout: int) -> None:
        self._cache.set(key, value, min(timeout, CACHE_SECONDS))

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
        if data is None:  # (the session from the cache, else the database)
            data = super().load()
        self._remember(data)
        return data

    def _remember(self, data: dict[str, Any]) -> None:
        named = data.get(SESSION_KEY)
        if self.session_key and named is not None:
            if len(_USER_OF_SESSION) >= _USER_OF_SESSION_MAX:
                _USER_OF_SESSION.clear()
            _USER_OF_SESSION[self.session_key] = named
