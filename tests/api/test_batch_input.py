"""The offline batch's items are validated by a plain-shape check first
(serializers.batch_item_validated) and by the documented serializer for anything
else: the check must accept only what the serializer accepts, with the same values,
so every refused item still gets the serializer's own errors."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from learning.rest_api import serializers as s

NOW = timezone.now()
GOOD = {
    "card": 7,
    "rating": 3,
    "client_uuid": "3f2b8a9e-8f8e-4c1a-9a57-0d6f1c2b3a4d",
    "reviewed_at": (NOW - timedelta(hours=2)).isoformat(),
}
VARIANTS = [
    {},
    {"duration_ms": 1500},
    {"duration_ms": 0},
    {"duration_ms": s.MAX_DURATION_MS + 1},
    {"duration_ms": -1},
    {"duration_ms": None},
    {"duration_ms": 1.0},
    {"card": True},
    {"card": "7"},
    {"card": 7.0},
    {"card": 0},
    {"card": 2**63},
    {"card": None},
    {"rating": 0},
    {"rating": 5},
    {"rating": None},
    {"rating": False},
    {"rating": "3"},
    {"choice": 12},
    {"rating": None, "choice": 12},
    {"client_uuid": "3F2B8A9E8F8E4C1A9A570D6F1C2B3A4D"},
    {"client_uuid": "{3f2b8a9e-8f8e-4c1a-9a57-0d6f1c2b3a4d}"},
    {"client_uuid": "urn:uuid:3f2b8a9e-8f8e-4c1a-9a57-0d6f1c2b3a4d"},
    {"client_uuid": "not-a-uuid"},
    {"client_uuid": 12345},
    {"client_uuid": None},
    {"reviewed_at": "2026-03-01T09:00:00"},
    {"reviewed_at": "2026-03-01T09:00:00Z"},
    {"reviewed_at": "2026-03-01T09:00:00.250+02:00"},
    {"reviewed_at": "2026-03-01 09:00+05:30"},
    {"reviewed_at": "20260301T090000Z"},
    {"reviewed_at": "2026-03-01"},
    {"reviewed_at": "1999-12-31T23:59:59Z"},
    {"reviewed_at": "2000-01-01T00:00:00Z"},
    {"reviewed_at": (NOW + timedelta(hours=1)).isoformat()},
    {"reviewed_at": "yesterday"},
    {"reviewed_at": 1700000000},
    {"unknown": "ignored"},
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_plain_check_accepts_only_what_the_serializer_does_with_its_values(variant):
    item = {**GOOD, **variant}
    fast = s.batch_item_validated(item)
    try:
        slow = s.BatchReviewInputSerializer().run_validation(item)
    except ValidationError:
        assert fast is None  # the serializer answers it, with its own errors
        return
    if fast is not None:
        assert fast == dict(slow)
        assert fast["reviewed_at"].utcoffset() == slow["reviewed_at"].utcoffset()


def test_a_typical_upload_takes_the_plain_check():
    items = [
        {**GOOD, "card": n, "client_uuid": str(uuid.uuid4()), "duration_ms": 800}
        for n in range(1, 50)
    ]
    assert all(s.batch_item_validated(item) is not None for item in items)
    assert s.batch_item_validated({k: v for k, v in GOOD.items() if k != "rating"}) is None
    assert s.batch_item_validated(["not", "an", "object"]) is None
