"""The API of issue 17's items 4 and 6: study/queue/ says when the daily new-card
limit is reached and POST study/more/ raises it for today; POST quizzes/{id}/retry/
asks the missed questions again; cards/{id}/suspend/, unsuspend/ and
cards/suspended/ keep a card out of the caller's queue."""

from __future__ import annotations

import pytest

from learning import services
from learning.models import QuizAttempt
from tests.factories import AssignmentFactory, MembershipFactory, QuestionFactory

pytestmark = pytest.mark.django_db

QUEUE = "/api/v1/study/queue/"
MORE = "/api/v1/study/more/"


def test_queue_says_the_limit_is_reached_and_study_more_raises_it(api, bank, student):
    services.preferences_update(user=student, new_cards_per_day=2)
    for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]:
        api.post("/api/v1/reviews/", {"card": item["id"], "rating": 4}, format="json")
    body = api.get(QUEUE, {"bank": bank.pk}).json()
    assert (body["new_limit"], body["new_left"], body["new_available"]) == (2, 0, 0)
    assert body["items"] == []

    response = api.post(MORE, {}, format="json")  # ten by default

    assert response.status_code == 200
    assert response.json() == {"new_cards_per_day": 2, "extra_new_cards": 10, "new_limit": 12}
    body = api.get(QUEUE, {"bank": bank.pk}).json()
    assert (body["new_limit"], body["new_left"], body["new_available"]) == (12, 10, 3)
    assert [item["is_new"] for item in body["items"]] == [True, True, True]
    assert api.get("/api/v1/progress/").json()["today"]["new_limit"] == 12


@pytest.mark.parametrize("bad", [0, 1001, "many"])
def test_study_more_with_a_bad_count_is_400_naming_the_field(api, student, bad):
    response = api.post(MORE, {"new_cards": bad}, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"new_cards"}
    assert services.preferences_get(user=student).extra_new_cards == 0


def finished_attempt(api, bank, *, right: int) -> dict:
    attempt = api.post("/api/v1/quizzes/", {"bank": bank.pk, "size": 5}, format="json").json()
    for index, question in enumerate(attempt["questions"]):
        choice = bank.questions.get(pk=question["id"]).choices.filter(is_correct=index < right)
        api.post(
            f"/api/v1/quizzes/{attempt['id']}/answers/",
            {"question": question["id"], "choice": choice.first().pk},
            format="json",
        )
    return attempt


def test_retry_starts_a_quiz_over_the_missed_questions(api, bank):
    attempt = finished_attempt(api, bank, right=3)
    missed = [question["id"] for question in attempt["questions"][3:]]

    response = api.post(f"/api/v1/quizzes/{attempt['id']}/retry/")

    assert response.status_code == 201
    body = response.json()
    assert body["retry_of_id"] == attempt["id"]
    assert sorted(question["id"] for question in body["questions"]) == sorted(missed)
    assert (body["size"], body["answered"], body["finished_at"]) == (2, 0, None)
    listed = api.get("/api/v1/quizzes/").json()["results"]
    assert {row["id"]: row["retry_of_id"] for row in listed} == {
        body["id"]: attempt["id"],
        attempt["id"]: None,
    }


def test_retry_of_a_perfect_quiz_is_400_and_starts_nothing(api, bank):
    attempt = finished_attempt(api, bank, right=5)

    response = api.post(f"/api/v1/quizzes/{attempt['id']}/retry/")

    assert response.status_code == 400
    assert "attempt" in response.json()["errors"]
    assert QuizAttempt.objects.count() == 1


def test_a_suspended_card_leaves_the_queue_and_is_listed_until_unsuspended(api, bank):
    card = api.get(QUEUE, {"bank": bank.pk, "limit": 1}).json()["items"][0]["id"]

    response = api.post(f"/api/v1/cards/{card}/suspend/")

    assert response.status_code == 200
    assert response.json()["suspended_at"] is not None
    assert card not in [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]
    assert api.get(QUEUE, {"bank": bank.pk}).json()["new_available"] == 4
    listed = api.get("/api/v1/cards/suspended/").json()
    assert listed["count"] == 1
    assert listed["results"][0]["id"] == card
    assert listed["results"][0]["bank_id"] == bank.pk
    assert listed["results"][0]["prompt"] == bank.questions.get(cards__pk=card).prompt

    back = api.post(f"/api/v1/cards/{card}/unsuspend/")

    assert back.json()["suspended_at"] is None
    assert api.get("/api/v1/cards/suspended/").json()["count"] == 0
    assert card in [item["id"] for item in api.get(QUEUE, {"bank": bank.pk}).json()["items"]]


def test_an_assignments_quizzes_leave_out_retries(api, student):
    membership = MembershipFactory(student=student)
    assignment = AssignmentFactory(classroom=membership.classroom, quiz_length=5, pass_mark=100)
    QuestionFactory.create_batch(5, bank=assignment.bank)
    attempt = finished_attempt(api, assignment.bank, right=2)
    retry = api.post(f"/api/v1/quizzes/{attempt['id']}/retry/").json()

    listed = api.get("/api/v1/quizzes/", {"assignment": assignment.pk}).json()["results"]

    assert [row["id"] for row in listed] == [attempt["id"]]
    everything = api.get("/api/v1/quizzes/").json()["results"]
    assert {row["id"] for row in everything} == {attempt["id"], retry["id"]}
