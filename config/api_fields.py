"""Input fields and URL converters that keep out-of-range ids from reaching the
database (SQLite/PostgreSQL integers are 64-bit: a bigger id is "not found",
never an OverflowError and a 500)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.urls import register_converter
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

MAX_ID = 2**63 - 1


class IdConverter:
    """`<id:pk>`: 1 to 18 digits (what a 64-bit primary key can hold)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(int(value))


register_converter(IdConverter, "id")


class PrimaryKeyField(serializers.PrimaryKeyRelatedField[Any]):
    """PrimaryKeyRelatedField that answers "does not exist" for ids outside 1..2**63-1."""

    queryset: QuerySet[Any] | None

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if isinstance(data, int) and not 1 <= data <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        if isinstance(data, str) and data.strip().isdigit() and int(data) > MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)

    def limit_to(self, queryset: QuerySet[Any]) -> None:
        """Accept only the ids of `queryset` (any other id: "does not exist")."""
        self.queryset = queryset


@extend_schema_field({"type": "integer", "minimum": 1})
class IdFilter(django_filters.NumberFilter):
    """A filter on an id: a whole number in 1..2**63-1 (else 400 naming the parameter)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class StrictCharField(serializers.CharField):
    """A string field that refuses numbers and booleans instead of turning them into text."""

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """true or false (in a form, "true" / "false"); numbers and other words are
    refused rather than read as a boolean."""

    def to_internal_value(self, data: object) -> bool:
        if isinstance(data, bool):
            return data
        if isinstance(data, str) and data.lower() in ("true", "false"):
            return data.lower() == "true"
        self.fail("invalid", input=data)


class AwareDateTimeField(serializers.DateTimeField):
    """An input date-time that must carry its time zone ("Z" or "+02:00"): a bare
    "2026-03-01T09:00:00" would otherwise be taken as UTC without a word, and a
    phone in another zone would log its reviews hours off."""

    default_error_messages = {
        "naive": "Give the time zone too (ISO 8601 with Z or an offset such as +02:00).",
    }

    def enforce_timezone(self, value: datetime) -> datetime:
        if timezone.is_naive(value):
            self.fail("naive")
        return super().enforce_timezone(value)


def datetime_text(value: datetime | None) -> str | None:
    """The API's one date-time format: ISO 8601 in UTC ending in "Z", as DRF writes
    its fields (`2026-03-01T09:00:00.250000Z`), for the values views build by hand."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- query strings of whole numbers -----------------------------------------------
# A serializer instance builds and deep-copies its fields: ~0.1 ms for two
# optional numbers, on every study queue read (issue 16). Their limits and defaults
# are read once per class instead.
_Limits = dict[str, tuple[int | None, int | None, Any]]  # name -> (min, max, default)


def query_numbers(
    serializer_class: type[serializers.Serializer[Any]], params: Mapping[str, str]
) -> dict[str, Any]:
    """The serializer's validated_data of a query string. For a serializer of plain
    IntegerFields only, values that are plain decimal numbers within their limits
    are read directly, as the serializer reads them (absent: the default, if any);
    any other value, or another kind of serializer, goes through the serializer
    (its 400 and its messages)."""
    limits = _number_limits(serializer_class)
    if limits is not None:
        read: dict[str, Any] = {}
        for name, (low, high, default) in limits.items():
            raw = params.get(name)
            if raw is None:
                if default is not empty:
                    read[name] = default
                continue
            if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
                break
            value = int(raw)
            if (low is not None and value < low) or (high is not None and value > high):
                break
            read[name] = value
        else:
            return read
    serializer = serializer_class(data=params)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


@cache
def _number_limits(serializer_class: type[serializers.Serializer[Any]]) -> _Limits | None:
    """Each field's (min, max, default) when the serializer is only plain optional or
    defaulted IntegerFields with no validation of its own (None otherwise)."""
    if serializer_class.validate is not serializers.Serializer.validate:
        return None
    limits: _Limits = {}
    for name, field in serializer_class().fields.items():
        if type(field) is not serializers.IntegerField:
            return None
        low, high = field.min_value, field.max_value
        default: Any = field.default  # (empty when none: the stubs say int | None)
        plain = (
            field.source == name
            and not field.read_only
            and not hasattr(serializer_class, f"validate_{name}")
            and len(field.validators) == (low is not None) + (high is not None)
            and (not field.required or default is not empty)
            and (default is empty or not callable(default))
        )
        if not plain:
            return None
        limits[name] = (low, high, default)
    return limits
