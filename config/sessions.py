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
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.core.cache import caches

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


class SessionStore(cached_db.SessionStore):
    """Django's cached_db, its cache wrapped in _ShortLivedCache."""

    def __init__(self, session_key: str | None = None):
        super().__init__(session_key)
        cache: Any = caches[settings.SESSION_CACHE_ALIAS]
        self._cache = _ShortLivedCache(cache)
