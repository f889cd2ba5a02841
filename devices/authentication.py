"""`Authorization: Token <key>` for device tokens (keys starting nqd_) and, for
v1 clients, DRF's shared per-user token: one header, told apart without a query.

Either token is read with its user in one statement compiled once per process
(config.prepared_sql): building and compiling the ORM's `select_related` query
cost ~0.8 ms of Python on every token the cache did not hold (a student's first
request after a sign-in, or after five idle minutes; issue 16), the read itself
0.1 ms."""

from __future__ import annotations

from functools import cache, partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from config.prepared_sql import prepared_rows

from .models import DeviceToken
from .services import KEY_PREFIX, device_token_touch, key_hash


@cache
def _columns(model: type[Model]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the token's columns, its user's columns), every concrete field's, in order."""
    user_model = get_user_model()
    return (
        tuple(f.attname for f in model._meta.concrete_fields),
        tuple(f.attname for f in user_model._meta.concrete_fields),
    )


def _token_query(model: type[Model], lookup: str, *, value: str) -> QuerySet[Any]:
    token_columns, user_columns = _columns(model)
    return (
        model._default_manager.filter(**{lookup: value})
        .order_by()
        .values_list(*token_columns, *(f"user__{name}" for name in user_columns))
    )


def token_with_user(model: type[Model], lookup: str, value: str) -> Any | None:
    """The token (`model`'s row whose unique `lookup` column is `value`) with its
    user, as `select_related("user")` makes them, or None."""
    rows = prepared_rows(
        ("devices.token_with_user", model._meta.label, lookup),
        partial(_token_query, model, lookup),
        value=value,
    )
    if not rows:
        return None
    token_columns, user_columns = _columns(model)
    row = rows[0]
    token = model.from_db(connection.alias, token_columns, row[: len(token_columns)])
    user = get_user_model().from_db(connection.alias, user_columns, row[len(token_columns) :])
    token.user = user  # type: ignore[attr-defined]  # (both tokens' foreign key)
    return token


class DeviceTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        if not key.startswith(KEY_PREFIX):
            # DRF's TokenAuthentication.authenticate_credentials, its read compiled once
            token = _usable(token_with_user(self.get_model(), "key", key))
            return token.user, token
        device = _usable(token_with_user(DeviceToken, "key_hash", key_hash(key)))
        now = timezone.now()
        if device.expires_at <= now:
            raise exceptions.AuthenticationFailed("Token has expired; log in again.")
        device_token_touch(device, now=now)
        return device.user, device


def _usable(token: Any | None) -> Any:
    """The token, refused as DRF's TokenAuthentication refuses one: unknown, or its user
    inactive (a deleted user's tokens are deleted with it)."""
    if token is None:
        raise exceptions.AuthenticationFailed(_("Invalid token."))
    if not token.user.is_active:
        raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
    return token
