"""django-filter FilterSets of the learner API (invalid values -> 400 naming the field)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError

from config.api_fields import IdFilter
from learning.models import QuizAttempt


class BankFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label="Title contains"
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label="Tag slug")


class StrictBooleanField(forms.Field):
    """true/false (or 1/0); anything else is an error, not "no filter"."""

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        raise ValidationError("Give true or false.", code="invalid")

    def validate(self, value: Any) -> None:
        return None


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput)  # BooleanWidget reads "null" as "no filter"
        super().__init__(*args, **kwargs)


class AttemptFilter(django_filters.FilterSet):
    bank = IdFilter(field_name="bank_id")
    finished = StrictBooleanFilter(
        field_name="finished_at", lookup_expr="isnull", exclude=True, label="Finished"
    )

    class Meta:
        model = QuizAttempt
        fields = ["bank", "finished"]
