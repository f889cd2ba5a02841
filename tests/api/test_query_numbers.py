"""config.api_fields.query_numbers: a query string of whole numbers read without
building a serializer, the same values and the same 400s as the serializer's."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from config.api_fields import query_numbers
from learning.rest_api.serializers import AssignmentQuerySerializer, QueueQuerySerializer


def _serializers_reading(serializer_class, query: QueryDict):
    serializer = serializer_class(data=query)
    if serializer.is_valid():
        return dict(serializer.validated_data)
    return serializer.errors


def _fast_reading(serializer_class, query: QueryDict):
    try:
        return query_numbers(serializer_class, query)
    except ValidationError as exc:
        return exc.detail


@pytest.mark.parametrize(
    "query",
    [
        "",
        "limit=20",
        "limit=5&bank=3",
        "limit=0",
        "limit=101",
        "limit=abc",
        "limit=20.0",
        "limit=",
        "limit= 7",
        "bank=-1",
        "limit=%C2%B2",  # a superscript two: a digit to str.isdigit, not to int()
        "limit=1&limit=30",
        "bank=99999999999999999999",
        "other=1",
    ],
)
@pytest.mark.parametrize("serializer_class", [QueueQuerySerializer, AssignmentQuerySerializer])
def test_the_same_values_and_errors_as_the_serializer(serializer_class, query):
    params = QueryDict(query)
    assert _fast_reading(serializer_class, params) == _serializers_reading(serializer_class, params)


class _Checked(serializers.Serializer):
    low = serializers.IntegerField(required=False)

    def validate_low(self, value):
        if value > 3:
            raise serializers.ValidationError("Too high.")
        return value


def test_a_serializer_with_its_own_checks_is_asked():
    with pytest.raises(ValidationError):
        query_numbers(_Checked, QueryDict("low=5"))


def test_the_queue_refuses_a_limit_out_of_range(api):
    response = api.get("/api/v1/study/queue/", {"limit": 101})
    assert response.status_code == 400
    assert api.get("/api/v1/study/queue/", {"limit": 3}).status_code == 200
