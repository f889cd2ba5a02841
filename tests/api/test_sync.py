"""Sync between devices (issue 14, items 13-14): batch results say `replayed`
per item, a retried undo is recognised by its client_uuid."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from learning.models import Card, ReviewLog, ReviewUndo

QUEUE = "/api/v1/study/queue/"
REVIEWS = "/api/v1/reviews/"
BATCH = "/api/v1/reviews/batch/"
UNDO = "/api/v1/reviews/undo/"


def card_ids(api, bank, n=2) -> list[int]:
    return [item["id"] for item in api.get(QUEUE, {"bank": bank.pk, "limit": n}).json()["items"]]


def review(card_id, at, rating=3) -> dict:
    return {
        "card": card_id,
        "rating": rating,
        "client_uuid": str(uuid.uuid4()),
        "reviewed_at": at.isoformat(),
    }


# --- batch: replayed per item --------------------------------------------------------------
def test_batch_items_say_whether_they_were_replays(api, bank):
    first, second = card_ids(api, bank)
    start = timezone.now() - timedelta(days=3)
    sent = review(first, start)
    api.post(BATCH, {"reviews": [sent]})
    again_in_batch = review(second, start + timedelta(hours=1))
    twice = {**again_in_batch, "reviewed_at": (start + timedelta(hours=2)).isoformat()}
    fresh = review(second, start + timedelta(hours=3))
    body = api.post(BATCH, {"reviews": [sent, again_in_batch, twice, fresh]}).json()
    assert [r["result"]["replayed"] for r in body["results"]] == [True, False, True, False]
    assert body["results"][2]["result"]["review_id"] == body["results"][1]["result"]["review_id"]
    assert ReviewLog.objects.count() == 3


def test_single_review_and_batch_item_have_the_same_fields(api, bank):
    first, second = card_ids(api, bank)
    single = api.post(REVIEWS, {"card": first, "rating": 3}).json()
    item = api.post(BATCH, {"reviews": [review(second, timezone.now())]}).json()["results"][0]
    assert set(item["result"]) == set(single)


# --- undo with an idempotency key ----------------------------------------------------------
def test_retried_undo_does_not_undo_a_second_review(api, bank):
    first, second = card_ids(api, bank)
    api.post(REVIEWS, {"card": first, "rating": 3})
    api.post(REVIEWS, {"card": second, "rating": 3})
    key = str(uuid.uuid4())
    undone = api.post(UNDO, {"client_uuid": key})
    assert undone.status_code == 200
    assert undone.json()["id"] == second
    assert undone.json()["replayed"] is False
    retry = api.post(UNDO, {"client_uuid": key})  # the answer was lost: the phone retries
    assert retry.status_code == 200
    assert retry.json()["id"] == second
    assert retry.json()["replayed"] is True
    assert retry.json()["undone_review_id"] == undone.json()["undone_review_id"]
    assert ReviewUndo.objects.count() == 1
    assert Card.objects.get(pk=first).reps == 1  # the first review still stands
    # A new key undoes the next one.
    assert api.post(UNDO, {"client_uuid": str(uuid.uuid4())}).json()["id"] == first
    assert ReviewUndo.objects.count() == 2


def test_undo_without_a_key_still_undoes_each_time(api, bank):
    first, second = card_ids(api, bank)
    api.post(REVIEWS, {"card": first, "rating": 3})
    api.post(REVIEWS, {"card": second, "rating": 3})
    assert api.post(UNDO).json()["id"] == second
    assert api.post(UNDO).json()["id"] == first
    assert api.post(UNDO).status_code == 404


def test_undo_key_of_another_user_is_409_and_writes_nothing(api, other_api, bank):
    key = str(uuid.uuid4())
    api.post(REVIEWS, {"card": card_ids(api, bank, 1)[0], "rating": 3})
    api.post(UNDO, {"client_uuid": key})
    other_api.post(REVIEWS, {"card": card_ids(other_api, bank, 1)[0], "rating": 3})
    response = other_api.post(UNDO, {"client_uuid": key})
    assert response.status_code == 409
    assert "client_uuid" in response.json()["errors"]
    assert ReviewUndo.objects.count() == 1


def test_bad_undo_key_is_400_naming_the_field(api, bank):
    api.post(REVIEWS, {"card": card_ids(api, bank, 1)[0], "rating": 3})
    response = api.post(UNDO, {"client_uuid": "later"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"client_uuid"}
    assert ReviewUndo.objects.count() == 0
