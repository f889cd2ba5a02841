"""`Authorization: Token <key>` for device tokens (keys starting nqd_) and, for
v1 clients, DRF's shared per-user token: one header, told apart without a query."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from .models import DeviceToken
from .services import KEY_PREFIX, device_token_touch, key_hash


class DeviceTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        if not key.startswith(KEY_PREFIX):
            return super().authenticate_credentials(key)
        device = DeviceToken.objects.select_related("user").filter(key_hash=key_hash(key)).first()
        if device is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        if not device.user.is_active:
            raise exceptions.AuthenticationFailed("User inactive or deleted.")
        now = timezone.now()
        if device.expires_at <= now:
            raise exceptions.AuthenticationFailed("Token has expired; log in again.")
        device_token_touch(device, now=now)
        return device.user, device
