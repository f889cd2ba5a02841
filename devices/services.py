"""Writes of device tokens: issue one at login, revoke one (logout, or from the
list of devices). One transaction each."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from .models import DeviceToken

KEY_PREFIX = "nqd_"  # tells a device key from a v1 shared token without a query
LAST_USED_EVERY = timedelta(hours=1)  # how stale last_used_at may get (saves a write per call)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    device: DeviceToken
    key: str  # shown once


def device_token_issue(*, user: User, name: str, now: datetime | None = None) -> IssuedToken:
    """A new token for one of the user's devices, valid API_TOKEN_DAYS."""
    now = now or timezone.now()
    key = KEY_PREFIX + secrets.token_urlsafe(30)
    with transaction.atomic():
        device = DeviceToken.objects.create(
            user=user,
            name=name.strip()[:100] or "device",
            key_hash=key_hash(key),
            key_prefix=key[: len(KEY_PREFIX) + 4],
            last_used_at=now,
            expires_at=now + timedelta(days=settings.API_TOKEN_DAYS),
        )
    return IssuedToken(device=device, key=key)


def device_token_revoke(*, user: User, device_id: int) -> bool:
    """Revoke one of the user's tokens (False when it is not theirs or is gone)."""
    with transaction.atomic():
        deleted, _ = DeviceToken.objects.filter(user=user, pk=device_id).delete()
    return bool(deleted)


def device_token_touch(device: DeviceToken, *, now: datetime) -> None:
    """Note when a token was last used, at most once per LAST_USED_EVERY."""
    if device.last_used_at is None or now - device.last_used_at >= LAST_USED_EVERY:
        DeviceToken.objects.filter(pk=device.pk).update(last_used_at=now)
        device.last_used_at = now
