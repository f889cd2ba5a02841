"""Sync between devices (issue 14, items 13-14): batch results say `replayed`
per item, a retried undo is recognised by its client_uuid."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from learning import scheduler
from learning.cards import fuzz_seed_of
from learning.models import Card, CardState, ReviewLog, ReviewUndo
from tests.factories import cards_update

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


# --- two devices: reviews older than the card's last one --------------------------------------
def device(name: str, password: str) -> APIClient:
    key = (
        APIClient()
        .post(
            "/api/v1/auth/token/",
            {"username": "stella", "password": password, "device": name},
            format="json",
        )
        .json()["token"]
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def replayed(card_id: int, events: list[tuple]) -> scheduler.MemoryState:
    """What the scheduler makes of these (reviewed_at, rating) in time order."""
    state = scheduler.MemoryState()
    for at, rating in sorted(events):
        seed = fuzz_seed_of(Card(pk=card_id, reps=state.reps))
        state = scheduler.schedule(state, rating, at, fuzz_seed=seed)
    return state


def assert_card_is(card_id: int, expected: scheduler.MemoryState) -> Card:
    card = Card.objects.get(pk=card_id)
    assert (card.state, card.reps, card.lapses, card.due, card.last_review) == (
        expected.state,
        expected.reps,
        expected.lapses,
        expected.due,
        expected.last_review,
    )
    assert card.stability == pytest.approx(expected.stability)
    assert card.difficulty == pytest.approx(expected.difficulty)
    return card


T = timezone.now().replace(microsecond=0) - timedelta(days=20)


def test_a_review_older_than_the_cards_last_is_logged_and_the_card_replayed(
    student, password, bank
):
    phone, tablet = device("phone", password), device("tablet", password)
    card_id = card_ids(tablet, bank, 1)[0]
    for at, rating in [(T + timedelta(hours=2), 3), (T + timedelta(days=1), 3)]:
        assert tablet.post(REVIEWS, review(card_id, at, rating)).status_code == 201
    # The phone was offline: its answer, an hour before the tablet's first, arrives now.
    sent = review(card_id, T + timedelta(hours=1), 1)
    late = phone.post(REVIEWS, sent)
    assert late.status_code == 201, late.json()
    assert ReviewLog.objects.filter(card_id=card_id).count() == 3
    expected = replayed(
        card_id,
        [(T + timedelta(hours=1), 1), (T + timedelta(hours=2), 3), (T + timedelta(days=1), 3)],
    )
    card = assert_card_is(card_id, expected)
    body = late.json()
    assert timezone.datetime.fromisoformat(body["due"]) == card.due  # the card as it ends up
    assert body["replayed"] is False
    # The late log keeps the state the card had at its time: a new card.
    log = ReviewLog.objects.get(pk=body["review_id"])
    assert log.state_before == CardState.NEW
    assert log.reviewed_at == T + timedelta(hours=1)
    # Sending it again is a replay: nothing more is logged, the same answer.
    again = phone.post(REVIEWS, sent)
    assert again.status_code == 200
    assert again.json()["replayed"] is True
    assert again.json()["due"] == body["due"]
    assert ReviewLog.objects.filter(card_id=card_id).count() == 3


def test_two_devices_interleaving_single_reviews_and_a_batch(student, password, bank):
    phone, tablet = device("phone", password), device("tablet", password)
    first, second = card_ids(tablet, bank, 2)
    offline = [  # the phone, offline: both cards
        review(first, T + timedelta(hours=1), 3),
        review(second, T + timedelta(hours=2), 3),
        review(first, T + timedelta(days=2), 1),
        review(second, T + timedelta(days=4), 4),
        review(first, T + timedelta(days=6), 3),
    ]
    online = [  # the tablet, online, meanwhile
        review(first, T + timedelta(hours=3), 3),
        review(second, T + timedelta(days=1), 2),
        review(first, T + timedelta(days=3), 3),
        review(second, T + timedelta(days=5), 3),
    ]
    for item in online:
        assert tablet.post(REVIEWS, item).status_code == 201
    body = phone.post(BATCH, {"reviews": offline}).json()
    assert body["failed"] == 0, body
    assert ReviewLog.objects.count() == 9
    for card_id in (first, second):
        events = [
            (timezone.datetime.fromisoformat(item["reviewed_at"]), item["rating"])
            for item in offline + online
            if item["card"] == card_id
        ]
        card = assert_card_is(card_id, replayed(card_id, events))
        # Every result of the card tells the card as it ends up.
        dues = {
            timezone.datetime.fromisoformat(r["result"]["due"])
            for r in body["results"]
            if r["result"]["card_id"] == card_id
        }
        assert dues == {card.due}
    # The tablet goes on from the replayed card.
    now = timezone.now().replace(microsecond=0)
    assert tablet.post(REVIEWS, review(first, now, 3)).status_code == 201
    events = [
        (timezone.datetime.fromisoformat(item["reviewed_at"]), item["rating"])
        for item in offline + online
        if item["card"] == first
    ]
    assert_card_is(first, replayed(first, [*events, (now, 3)]))
    # The phone's upload retried: all replays, nothing changes.
    retry = phone.post(BATCH, {"reviews": offline}).json()
    assert all(r["result"]["replayed"] for r in retry["results"])
    assert ReviewLog.objects.count() == 10


def test_two_batches_end_the_same_whichever_arrives_first(student, password, bank):
    phone, tablet = device("phone", password), device("tablet", password)
    first, second = card_ids(tablet, bank, 2)
    a = [review(first, T + timedelta(days=d), r) for d, r in [(0, 3), (2, 3), (7, 2)]]
    b = [review(first, T + timedelta(days=d), r) for d, r in [(1, 1), (4, 3)]]
    assert phone.post(BATCH, {"reviews": a}).json()["failed"] == 0
    assert tablet.post(BATCH, {"reviews": b}).json()["failed"] == 0
    # The other card gets the same answers, uploaded the other way round.
    a2 = [{**item, "card": second, "client_uuid": str(uuid.uuid4())} for item in a]
    b2 = [{**item, "card": second, "client_uuid": str(uuid.uuid4())} for item in b]
    assert tablet.post(BATCH, {"reviews": b2}).json()["failed"] == 0
    assert phone.post(BATCH, {"reviews": a2}).json()["failed"] == 0
    events = [(timezone.datetime.fromisoformat(i["reviewed_at"]), i["rating"]) for i in a + b]
    assert_card_is(first, replayed(first, events))
    assert_card_is(second, replayed(second, events))


def test_undoing_a_late_review_replays_the_others(student, password, bank):
    phone, tablet = device("phone", password), device("tablet", password)
    card_id = card_ids(tablet, bank, 1)[0]
    online = [(T + timedelta(hours=2), 3), (T + timedelta(days=1), 3)]
    for at, rating in online:
        tablet.post(REVIEWS, review(card_id, at, rating))
    before = Card.objects.get(pk=card_id)
    phone.post(REVIEWS, review(card_id, T + timedelta(hours=1), 1))
    undone = phone.post(UNDO, {"client_uuid": str(uuid.uuid4())})
    assert undone.status_code == 200
    card = assert_card_is(card_id, replayed(card_id, online))
    assert (card.due, card.reps, card.state) == (before.due, before.reps, before.state)
    # Then the tablet's last one is undone too: the snapshot of an in-order review.
    tablet.post(UNDO)
    assert_card_is(card_id, replayed(card_id, online[:1]))


def test_a_late_review_of_a_card_without_history_is_still_refused(student, api, bank):
    card_id = card_ids(api, bank, 1)[0]
    cards_update(
        [Card(pk=card_id)],
        last_review=T + timedelta(days=1),
        state=2,
        stability=3.0,
        difficulty=5.0,
    )
    response = api.post(REVIEWS, review(card_id, T, 3))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reviewed_at"}
    assert not ReviewLog.objects.exists()


# --- reading the queue -------------------------------------------------------------------
def test_reading_the_queue_changes_nothing_a_client_can_see(api, bank):
    pages = [
        "/api/v1/banks/",
        f"/api/v1/banks/{bank.pk}/",
        "/api/v1/progress/",
        "/api/v1/progress/heatmap/?days=7",
        "/api/v1/assignments/",
    ]
    api.get("/api/v1/me/preferences/")  # (the preferences row is made on a first visit)
    before = {page: api.get(page).json() for page in pages}
    first = [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]
    again = [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]
    assert first == again  # the same card ids, read after read
    assert len(first) == 5
    assert {page: api.get(page).json() for page in pages} == before
    # Once a card is studied, progress shows its bank.
    api.post(REVIEWS, {"card": first[0], "rating": 3})
    assert api.get("/api/v1/progress/").json()["banks"][0]["learning"] == 1


def test_figures_follow_a_late_review(student, password, bank):
    """Reviews per day and each bank's figures come from the logs and the cards
    as replayed: a late answer counts on its own day and moves the bank's card."""
    phone, tablet = device("phone", password), device("tablet", password)
    card_id = card_ids(tablet, bank, 1)[0]
    noon = T.replace(hour=12, minute=0)  # well inside a study day (they start at 4 am)
    tablet.post(REVIEWS, review(card_id, noon + timedelta(days=2), 3))
    tablet.post(REVIEWS, review(card_id, noon + timedelta(days=2, minutes=10), 3))
    assert api_figures(tablet)["review"] == 1  # graduated: a review card
    phone.post(REVIEWS, review(card_id, noon + timedelta(days=1), 1))
    heatmap = {day["date"]: day["count"] for day in tablet.get(HEATMAP).json()}
    assert heatmap[(noon + timedelta(days=1)).date().isoformat()] == 1
    assert heatmap[(noon + timedelta(days=2)).date().isoformat()] == 2
    card = Card.objects.get(pk=card_id)
    figures = api_figures(tablet)
    assert figures["review"] == (1 if card.state == CardState.REVIEW else 0)
    assert figures["learning"] == (1 if card.state != CardState.REVIEW else 0)


HEATMAP = "/api/v1/progress/heatmap/?days=40"


def api_figures(client) -> dict:
    bank = client.get("/api/v1/progress/").json()["banks"][0]
    return {"learning": bank["learning"], "review": bank["young"] + bank["mature"]}
