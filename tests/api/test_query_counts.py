"""Query counts that do not grow with the rows behind an endpoint (the other
endpoints pin theirs next to their behaviour tests)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from tests.api.conftest import queries_of, token_client
from tests.factories import ClassroomFactory, MembershipFactory

QUEUE = "/api/v1/study/queue/"


def _study(client, bank, n=1):
    for item in client.get(QUEUE, {"bank": bank.pk, "limit": n}).json()["items"]:
        client.post("/api/v1/reviews/", {"card": item["id"], "rating": 3}, format="json")


def test_bank_progress_queries_do_not_grow_with_students(
    teacher_api, api, student, bank, django_assert_num_queries
):
    classroom = ClassroomFactory(teacher=bank.owner)
    MembershipFactory(classroom=classroom, student=student)
    _study(api, bank)
    url = f"/api/v1/banks/{bank.pk}/progress/"
    count, response = queries_of(lambda: teacher_api.get(url))
    assert response.json()["count"] == 1
    for number in range(6):
        pupil = MembershipFactory(classroom=classroom, student__username=f"pupil{number}").student
        _study(token_client(pupil), bank, n=2)
    with django_assert_num_queries(count):
        assert teacher_api.get(url).json()["count"] == 7


def test_heatmap_and_preferences_queries_do_not_grow_with_history(
    api, bank, django_assert_num_queries
):
    _study(api, bank)
    heatmap, _ = queries_of(lambda: api.get("/api/v1/progress/heatmap/"))
    preferences, _ = queries_of(lambda: api.get("/api/v1/me/preferences/"))
    _study(api, bank, n=5)
    with django_assert_num_queries(heatmap):
        api.get("/api/v1/progress/heatmap/")
    with django_assert_num_queries(preferences):
        api.get("/api/v1/me/preferences/")


def test_batch_costs_the_same_queries_whatever_its_size_and_the_history(api, bank):
    cards = [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]
    api.get("/api/v1/me/preferences/")  # the preferences row exists from the first visit on
    start = timezone.now() - timedelta(days=30)

    def batch(n, offset, reviews=None):
        reviews = reviews or [
            {
                "card": cards[i % len(cards)],
                "rating": 3,
                "client_uuid": str(uuid.uuid4()),
                "reviewed_at": (start + timedelta(days=offset, hours=i)).isoformat(),
            }
            for i in range(n)
        ]
        count, response = queries_of(
            lambda: api.post("/api/v1/reviews/batch/", {"reviews": reviews}, format="json")
        )
        assert response.json()["ok"] == len(reviews)
        return count, reviews

    (one, _), (two, _), (three, sent) = batch(1, 0), batch(2, 2), batch(3, 4)
    many, _ = batch(120, 6)  # several answers to each card, chained in memory
    # Set-based (the token's user cached): savepoint pair, cards (locked), preferences, replays,
    # one INSERT of the logs, one UPDATE of the cards, one addition each to the study days
    # and the bank tallies, and the cards' backs (cards with questions, choices, articles)
    # - whatever the number of items.
    assert one == two == three == many == 12
    replay, _ = batch(0, 0, reviews=sent)
    assert replay == 8  # a replay writes nothing: no INSERT, no UPDATE
