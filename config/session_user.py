"""The signed-in user of a web request read from the cache (issue 16): every page
read its user row (session -> auth_user by key) though it changes only when the user
is saved.

CachedUserAuthenticationMiddleware stands in for Django's AuthenticationMiddleware.
A cached copy is used only when Django would return that same user: the session
names its id and a configured backend, and the session's hash verifies against the
copy (the hash covers the password, so a password change logs other sessions out
as before). Anything else (no copy, a hash that does not verify, a fallback secret)
goes through django.contrib.auth.get_user, whose answer is then cached. A copy goes
when its user is saved or deleted (deactivated, password, role or name changed,
last_login on each login) and lives USER_SECONDS at most. A cache that does not
answer (config/cache.py fails open) is a miss: the database answers, as before.
The copy is read with the session when the process has seen the session before
(config.sessions: one round trip for both).
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

logger = logging.getLogger(__name__)

USER_SECONDS = 300


def user_cache_key(user_id: Any) -> str:
    """The cache key of a user's copy (config.sessions reads it with the session)."""
    return f"auth:session-user:{user_id}"


def _cached_copy(request: HttpRequest) -> Any:
    """The cached user the session names, when it verifies as Django's would; else None."""
    session = request.session
    try:
        user_id = auth.get_user_model()._meta.pk.to_python(session[SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except (KeyError, ValueError):
        return None
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return None
    read = getattr(session, "user_copy", None)  # (config.sessions: read with the session)
    if read is not None and read[0] == session[SESSION_KEY]:
        user = read[1]
    else:
        try:
            user = cache.get(user_cache_key(user_id))
        except Exception as exc:
            logger.warning("session user cache unavailable: %r", exc)
            return None
    if user is None or user.pk != user_id:
        return None
    session_hash = session.get(HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return None
    return user


def _store(user: Any) -> None:
    try:
        cache.set(user_cache_key(user.pk), user, USER_SECONDS)
    except Exception as exc:
        logger.warning("session user cache unavailable: %r", exc)


def session_user(request: HttpRequest) -> Any:
    """The request's user, as django.contrib.auth.get_user answers it."""
    user = _cached_copy(request)
    if user is not None:
        return user
    user = auth.get_user(request)
    if user.is_authenticated:
        _store(user)
    return user


def _get_user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = session_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class CachedUserAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware, its user read through session_user."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)  # (its checks, and request.auser)
        request.user = SimpleLazyObject(partial(_get_user, request))  # type: ignore[assignment]


def _forget(sender: object, instance: Any, **kwargs: Any) -> None:
    try:
        cache.delete(user_cache_key(instance.pk))
    except Exception as exc:  # the copy expires on its own within USER_SECONDS
        logger.warning("session user cache unavailable, copy left to expire: %r", exc)


def connect_session_user_signals() -> None:
    """Called from an AppConfig.ready(), so every process invalidates (the cache is shared)."""
    user_model = auth.get_user_model()
    post_save.connect(_forget, sender=user_model, dispatch_uid="session_user_saved")
    post_delete.connect(_forget, sender=user_model, dispatch_uid="session_user_deleted")
