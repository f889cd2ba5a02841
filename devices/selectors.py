"""Reads of device tokens."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet

from .models import DeviceToken


def device_token_list(*, user: User) -> QuerySet[DeviceToken]:
    """The user's device tokens, newest first (expired ones included until revoked)."""
    return DeviceToken.objects.filter(user=user).order_by("-created_at", "-id")
