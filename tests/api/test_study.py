"""GET study/queue/, POST reviews/, reviews/batch/ (offline replay, ordering,
413), reviews/undo/; errors write nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.models import Card, CardState, ReviewLog, ReviewUndo
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory

QUEUE = "/api/v1/study/queue/"
REVIEWS = "/api/v1/reviews/"
BATCH = "/api/v1/reviews/batch/"
UNDO = "/api/v1/reviews/undo/"


def first_card(api, bank) -> dict:
    return api.get(QUEUE, {"bank": bank.pk, "limit": 1}).json()["items"][0]


def test_queue_gives_new_cards_with_ids_and_intervals(api, bank, student):
    response = api.get(QUEUE, {"bank": bank.pk})
    assert response.status_code == 200
    body = response.json()
    assert body["new_available"] == 5  # five questions, within the 20-a-day limit
    assert body["due_count"] == 0
    assert len(body["items"]) == 5
    item = body["items"][0]
    card = Card.objects.get(pk=item["id"])
    assert card.user == student
    assert item["card"] == item["id"]
    assert item["state"] == "new"
    assert item["is_new"] is True
    assert set(item["question"]) == {"id", "kind", "prompt", "choices"}
    assert all(set(c) == {"id", "text"} for c in item["question"]["choices"])
    assert set(item["intervals"]) == {"1", "2", "3", "4"}
    assert item["interval_seconds"]["1"] < item["interval_seconds"]["4"]
    assert item["intervals"]["4"].endswith("d")


def test_queue_limit_and_validation(api, bank):
    assert len(api.get(QUEUE, {"limit": 2}).json()["items"]) == 2
    bad = api.get(QUEUE, {"limit": 0, "bank": "x"})
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"limit", "bank"}
    assert api.get(QUEUE, {"bank": 999999}).status_code == 404


def test_queue_of_a_draft_bank_is_404(api, teacher):
    draft = QuestionBankFactory(owner=teacher, status="draft")
    QuestionFactory(bank=draft)
    assert api.get(QUEUE, {"bank": draft.pk}).status_code == 404


def test_review_with_rating_schedules_the_card(api, bank):
    card_id = first_card(api, bank)["id"]
    response = api.post(
        REVIEWS,
        {"card": card_id, "rating": 3, "client_uuid": str(uuid.uuid4()), "duration_ms": 4200},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["card"] == card_id
    assert body["state"] == "learning"
    assert body["due"].endswith("Z")  # UTC, the API's one date-time format
    assert body["rating"] == 3
    assert body["replayed"] is False
    log = ReviewLog.objects.get()
    assert log.source == "api"
    assert log.duration_ms == 4200


def test_review_with_a_choice_tells_right_or_wrong(api, bank):
    item = first_card(api, bank)
    choices = {c["text"]: c["id"] for c in item["question"]["choices"]}
    wrong = api.post(REVIEWS, {"card": item["id"], "choice": choices["John Roe"]}, format="json")
    assert wrong.status_code == 201
    assert wrong.json()["is_correct"] is False
    assert wrong.json()["rating"] == 1
    assert wrong.json()["correct_choice"] == choices["Jane Doe"]
    assert wrong.json()["explanation"].startswith("In the article: road number")  # shown after


def test_review_replay_returns_the_same_result_and_logs_once(api, bank):
    card_id = first_card(api, bank)["id"]
    body = {"card": card_id, "rating": 3, "client_uuid": str(uuid.uuid4())}
    first = api.post(REVIEWS, body, format="json")
    second = api.post(REVIEWS, body, format="json")
    assert second.status_code == 200
    assert second.json()["replayed"] is True
    assert {**second.json(), "replayed": False} == first.json()
    assert ReviewLog.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"rating": 3}, "card"),
        ({"card": "abc", "rating": 3}, "card"),
        ({"card": 1, "rating": 5}, "rating"),
        ({"card": 1, "rating": 0}, "rating"),
        ({"card": 1, "rating": "good"}, "rating"),
        ({"card": 1}, "rating"),
        ({"card": 1, "rating": 3, "choice": 2}, "rating"),
        ({"card": 1, "rating": 3, "client_uuid": "not-a-uuid"}, "client_uuid"),
        ({"card": 1, "rating": 3, "reviewed_at": "yesterday"}, "reviewed_at"),
        ({"card": 1, "rating": 3, "reviewed_at": "2999-01-01T00:00:00Z"}, "reviewed_at"),
        ({"card": 1, "rating": 3, "reviewed_at": "1970-01-01T00:00:00Z"}, "reviewed_at"),
        ({"card": 1, "rating": 3, "duration_ms": -5}, "duration_ms"),
    ],
)
def test_bad_review_is_400_naming_the_field_and_writes_nothing(api, bank, body, field):
    card = Card.objects.get(pk=first_card(api, bank)["id"])
    if body.get("card") == 1:
        body = {**body, "card": card.pk}
    response = api.post(REVIEWS, body, format="json")
    assert response.status_code == 400
    payload = response.json()
    assert field in payload["errors"]
    assert payload["code"] == "invalid"
    assert payload["detail"].startswith(field)
    assert ReviewLog.objects.count() == 0
    card.refresh_from_db()
    assert card.state == CardState.NEW


def test_review_of_unknown_or_someone_elses_card_is_404(api, other_api, bank):
    card_id = first_card(api, bank)["id"]
    response = other_api.post(REVIEWS, {"card": card_id, "rating": 3}, format="json")
    assert response.status_code == 404
    assert response.json()["errors"] == {"card": ["No such card."]}
    assert response.json()["code"] == "not_found"
    assert api.post(REVIEWS, {"card": 10**9, "rating": 3}, format="json").status_code == 404
    assert ReviewLog.objects.count() == 0


def test_choice_of_another_question_is_400(api, bank):
    items = api.get(QUEUE, {"bank": bank.pk, "limit": 2}).json()["items"]
    foreign = items[1]["question"]["choices"][0]["id"]
    response = api.post(REVIEWS, {"card": items[0]["id"], "choice": foreign}, format="json")
    assert response.status_code == 400
    assert "choice" in response.json()["errors"]


def test_client_uuid_reused_for_another_card_is_409(api, bank):
    items = api.get(QUEUE, {"bank": bank.pk, "limit": 2}).json()["items"]
    client_uuid = str(uuid.uuid4())
    api.post(
        REVIEWS, {"card": items[0]["id"], "rating": 3, "client_uuid": client_uuid}, format="json"
    )
    response = api.post(
        REVIEWS, {"card": items[1]["id"], "rating": 3, "client_uuid": client_uuid}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert "client_uuid" in response.json()["errors"]
    assert ReviewLog.objects.count() == 1


def _offline_batch(cards: list[int], start) -> list[dict]:
    """Three reviews per card made offline, listed newest first (out of order)."""
    reviews = []
    for step, rating in enumerate([3, 3, 1]):
        for card_id in cards:
            reviews.append(
                {
                    "card": card_id,
                    "rating": rating,
                    "client_uuid": str(uuid.uuid4()),
                    "reviewed_at": (
                        start + timedelta(days=step * 2, minutes=card_id % 7)
                    ).isoformat(),
                    "duration_ms": 3000,
                }
            )
    return list(reversed(reviews))


def test_batch_applies_in_reviewed_at_order_and_replay_logs_nothing(api, bank):
    cards = [item["id"] for item in api.get(QUEUE, {"bank": bank.pk, "limit": 2}).json()["items"]]
    start = timezone.now() - timedelta(days=10)
    reviews = _offline_batch(cards, start)
    response = api.post(BATCH, {"reviews": reviews}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] == 6
    assert body["failed"] == 0
    assert [r["client_uuid"] for r in body["results"]] == [r["client_uuid"] for r in reviews]
    logs = list(ReviewLog.objects.filter(card_id=cards[0]).order_by("id"))
    assert [log.rating for log in logs] == [3, 3, 1]  # applied oldest first
    assert logs == sorted(logs, key=lambda log: log.reviewed_at)
    assert Card.objects.get(pk=cards[0]).state == CardState.RELEARNING
    assert Card.objects.get(pk=cards[0]).lapses == 1

    assert not any(r["result"]["replayed"] for r in body["results"])
    replay = api.post(BATCH, {"reviews": reviews}, format="json")
    assert replay.status_code == 200
    assert all(r["result"]["replayed"] for r in replay.json()["results"])
    assert [{**r["result"], "replayed": False} for r in replay.json()["results"]] == [
        r["result"] for r in body["results"]
    ]
    assert ReviewLog.objects.count() == 6


def test_batch_bad_items_get_their_own_errors_and_others_apply(api, bank):
    card_id = first_card(api, bank)["id"]
    now = timezone.now()
    good = {
        "card": card_id,
        "rating": 3,
        "client_uuid": str(uuid.uuid4()),
        "reviewed_at": (now - timedelta(hours=1)).isoformat(),
    }
    future = {
        **good,
        "client_uuid": str(uuid.uuid4()),
        "reviewed_at": (now + timedelta(days=2)).isoformat(),
    }
    no_uuid = {"card": card_id, "rating": 3, "reviewed_at": now.isoformat()}
    foreign = {**good, "client_uuid": str(uuid.uuid4()), "card": 10**9}
    not_an_object = "rate it"
    response = api.post(
        BATCH, {"reviews": [future, good, no_uuid, foreign, not_an_object]}, format="json"
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["ok"] for r in results] == [False, True, False, False, False]
    assert "reviewed_at" in results[0]["errors"]
    assert "client_uuid" in results[2]["errors"]
    assert results[3]["errors"] == {"card": ["No such card."]}
    assert "non_field_errors" in results[4]["errors"]
    assert ReviewLog.objects.count() == 1


def test_batch_over_500_is_413_and_writes_nothing(api, bank):
    card_id = first_card(api, bank)["id"]
    reviews = [
        {
            "card": card_id,
            "rating": 3,
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": timezone.now().isoformat(),
        }
        for _ in range(501)
    ]
    response = api.post(BATCH, {"reviews": reviews}, format="json")
    assert response.status_code == 413
    assert response.json()["errors"] == {"reviews": ["At most 500 reviews per batch; got 501."]}
    assert response.json()["code"] == "payload_too_large"
    assert ReviewLog.objects.count() == 0


@pytest.mark.parametrize("body", [{}, {"reviews": []}, {"reviews": "all"}, [1, 2]])
def test_batch_shape_errors_are_400(api, db, body):
    response = api.post(BATCH, body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_undo_restores_the_card_and_keeps_the_log(api, bank):
    card_id = first_card(api, bank)["id"]
    api.post(REVIEWS, {"card": card_id, "rating": 3}, format="json")
    before = Card.objects.get(pk=card_id)
    api.post(REVIEWS, {"card": card_id, "rating": 1}, format="json")
    response = api.post(UNDO)
    assert response.status_code == 200
    assert response.json()["id"] == card_id
    card = Card.objects.get(pk=card_id)
    assert (card.state, card.due, card.reps, card.stability) == (
        before.state,
        before.due,
        before.reps,
        before.stability,
    )
    assert ReviewLog.objects.count() == 2
    assert ReviewUndo.objects.count() == 1


def test_undo_with_nothing_to_undo_is_404(api, db):
    response = api.post(UNDO)
    assert response.status_code == 404
    assert response.json() == {
        "errors": {},
        "detail": "There is no review to undo.",
        "code": "not_found",
    }


def test_undo_only_touches_the_callers_reviews(api, other_api, bank):
    card_id = first_card(api, bank)["id"]
    api.post(REVIEWS, {"card": card_id, "rating": 3}, format="json")
    assert other_api.post(UNDO).status_code == 404
    assert ReviewUndo.objects.count() == 0


def test_queue_queries_do_not_grow_with_cards(api, student, teacher, django_assert_num_queries):
    bank = QuestionBankFactory(owner=teacher)
    past = timezone.now() - timedelta(hours=2)

    def add_cards(n):
        for question in QuestionFactory.create_batch(n, bank=bank):
            CardFactory(
                user=student,
                question=question,
                state=CardState.REVIEW,
                due=past,
                stability=5.0,
                difficulty=5.0,
                last_review=past - timedelta(days=5),
            )

    add_cards(1)
    api.get(QUEUE)  # creates StudyPreferences once
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert len(api.get(QUEUE).json()["items"]) == 1
    add_cards(15)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(api.get(QUEUE).json()["items"]) == 16


def test_a_review_takes_a_fixed_number_of_queries(api, bank, django_assert_num_queries):
    """The token's user and the throttles come from the cache; then the card
    (locked, with the question's kind, what its back shows and the preferences),
    its UPDATE, the log's INSERT (a replay id's conflict skipped in the statement:
    no savepoint of its own), the study day and bank tally upserts, in a
    transaction (a savepoint here, in the test's), then the article's text of the
    card's back (the rest of it was read with the card)."""
    cards = [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]
    api.post(REVIEWS, {"card": cards[0], "rating": 3}, format="json")  # (caches warm)
    with django_assert_num_queries(8):
        response = api.post(
            REVIEWS,
            {"card": cards[1], "rating": 3, "client_uuid": str(uuid.uuid4())},
            format="json",
        )
    assert response.status_code == 201


def test_review_queries_do_not_depend_on_history(api, bank, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cards = [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]
    api.post(REVIEWS, {"card": cards[0], "rating": 3}, format="json")
    with CaptureQueriesContext(connection) as one:
        api.post(
            REVIEWS,
            {"card": cards[1], "rating": 3, "client_uuid": str(uuid.uuid4())},
            format="json",
        )
    first_count = len(one.captured_queries)  # read now: each request resets the query log
    for card_id in cards:
        for rating in (3, 3):
            api.post(REVIEWS, {"card": card_id, "rating": rating}, format="json")
    with django_assert_num_queries(first_count):
        response = api.post(
            REVIEWS,
            {"card": cards[2], "rating": 3, "client_uuid": str(uuid.uuid4())},
            format="json",
        )
    assert response.status_code == 201
