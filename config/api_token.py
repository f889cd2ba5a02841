"""Token authentication (device tokens and v1's shared token) with the token and
its user cached, so a known token costs no query.

Kept apart from config.api_auth (the login views): DRF imports authentication
classes while its views module loads, so this module must not import views.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authtoken.models import Token
from rest_framework.request import Request

from config.api_throttle import cache_read_counting, store_counting
from devices.authentication import DeviceTokenAuthentication
from devices.models import DeviceToken
from devices.services import device_token_touch, key_hash

logger = logging.getLogger(__name__)

TOKEN_USER_SECONDS = 300
# a token's user id, kept beside its entry for the throttles' counters (never to
# authenticate): a token never changes hands, so it may outlive the entry
TOKEN_IDENT_SECONDS = 86400


def _cache_key(hashed: str) -> str:
    return "auth:token:" + hashed


def _ident_key(hashed: str) -> str:
    return "auth:token-user:" + hashed


class CachedTokenAuthentication(DeviceTokenAuthentication):
    """DeviceTokenAuthentication with (user, token) cached for 5 minutes. The entry
    goes when the token is deleted (logout, revocation) and when its user is saved
    or deleted (deactivated, password or role changed), so the cache never lets in
    a request the database would refuse; a device token's expiry is checked on
    every request. A cache that does not answer falls back to the database.

    The entry is read in the round trip that counts the request against its view's
    rates (config.api_throttle.cache_read_counting: the token's user id is kept
    beside the entry), so a request costs one cache round trip, not two."""

    request: Request | None = None

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        self.request = request  # (an instance per request: DRF's get_authenticators)
        return super().authenticate(request)

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        hashed = key_hash(key)
        cache_key = _cache_key(hashed)
        try:
            if self.request is None:
                cached = cache.get(cache_key)
            else:
                cached = cache_read_counting(self.request, cache_key, _ident_key(hashed))
        except Exception as exc:
            logger.warning("token cache unavailable: %r", exc)
            return super().authenticate_credentials(key)
        if cached is None:
            user, token = super().authenticate_credentials(key)
            self._store(hashed, user, token, request=self.request)
            return user, token
        user, token = cached
        if isinstance(token, DeviceToken):
            now = timezone.now()
            if token.expires_at <= now:
                raise exceptions.AuthenticationFailed("Token has expired; log in again.")
            seen = token.last_used_at
            device_token_touch(token, now=now)
            if token.last_used_at != seen:
                self._store(hashed, user, token)
        return user, token

    @staticmethod
    def _store(hashed: str, user: Any, token: Any, request: Request | None = None) -> None:
        """The entry and the user id beside it (one round trip on Redis), and with
        them `request` counted against its view's rates when its read counted
        nothing (the user id was not cached): the throttle then sends nothing."""
        entries = [
            (_cache_key(hashed), (user, token), TOKEN_USER_SECONDS),
            (_ident_key(hashed), user.pk, TOKEN_IDENT_SECONDS),
        ]
        try:
            if request is not None and store_counting(request, entries, user.pk):
                return
            set_each = getattr(caches["default"], "set_each", None)
            if set_each is not None:  # (config.cache's Redis)
                set_each(entries)
            else:
                for key, value, seconds in entries:
                    cache.set(key, value, seconds)
        except Exception as exc:
            logger.warning("token cache unavailable: %r", exc)


def _forget(hashes: Iterable[str]) -> None:
    keys = [key for hashed in hashes for key in (_cache_key(hashed), _ident_key(hashed))]
    try:
        cache.delete_many(keys)
    except Exception as exc:  # entries expire on their own within TOKEN_USER_SECONDS
        logger.warning("token cache unavailable, entries left to expire: %r", exc)


def _forget_token(sender: object, instance: Token, **kwargs: Any) -> None:
    _forget([key_hash(instance.key)])


def _forget_device(sender: object, instance: DeviceToken, **kwargs: Any) -> None:
    _forget([instance.key_hash])


def _forget_users_tokens(sender: object, instance: Any, **kwargs: Any) -> None:
    hashes = [
        key_hash(key)
        for key in Token.objects.filter(user_id=instance.pk).values_list("key", flat=True)
    ]
    hashes += DeviceToken.objects.filter(user_id=instance.pk).values_list("key_hash", flat=True)
    _forget(hashes)


def connect_token_cache_signals() -> None:
    """Called from an AppConfig.ready(), so every process invalidates (the cache is shared)."""
    user_model = get_user_model()
    post_delete.connect(_forget_token, sender=Token, dispatch_uid="token_cache_token")
    post_delete.connect(_forget_device, sender=DeviceToken, dispatch_uid="token_cache_device")
    post_save.connect(_forget_users_tokens, sender=user_model, dispatch_uid="token_cache_user")
    # before the delete: the user's tokens are gone with them after it
    pre_delete.connect(
        _forget_users_tokens, sender=user_model, dispatch_uid="token_cache_user_delete"
    )
