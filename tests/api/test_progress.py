"""GET progress/, GET progress/heatmap/, GET/PATCH me/preferences/."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.models import Card, CardState, QuizAttempt, StudyPreferences
from quizzes.models import Choice
from tests.api.conftest import queries_of
from tests.factories import CardFactory

QUEUE = "/api/v1/study/queue/"
PROGRESS = "/api/v1/progress/"
HEATMAP = "/api/v1/progress/heatmap/"
PREFS = "/api/v1/me/preferences/"
# the token's user (from the cache after the first request), the preferences, then
# together: the day rows, due cards per day (and those of unpublished questions),
# today's due cards, the banks' tallies, their quiz tallies (never the attempts); the
# average retrievability
PROGRESS_QUERIES = 8


def review_some(api, bank, n):
    for item in api.get(QUEUE, {"bank": bank.pk, "limit": n}).json()["items"]:
        assert (
            api.post(
                "/api/v1/reviews/", {"card": item["id"], "rating": 3}, format="json"
            ).status_code
            == 201
        )


def test_progress_counts_todays_reviews(api, other_api, bank):
    review_some(api, bank, 3)
    review_some(other_api, bank, 1)
    body = api.get(PROGRESS).json()
    assert body["today"]["reviewed"] == 3
    assert body["today"]["new_learned"] == 3
    assert body["streak"] == 1
    assert len(body["forecast"]) == 30
    assert set(body["retention"]) == {"last_7_days", "last_30_days", "average_retrievability"}
    (bank_row,) = body["banks"]
    assert bank_row["bank"] == bank.pk
    assert bank_row["total"] == 5
    assert bank_row["learning"] == 3


def test_heatmap_counts_reviews_per_day(api, bank):
    review_some(api, bank, 2)
    days = api.get(HEATMAP, {"days": 7}).json()
    assert len(days) == 7
    assert [day["count"] for day in days if day["count"]] == [2]
    bad = api.get(HEATMAP, {"days": 1000})
    assert bad.status_code == 400
    assert "days" in bad.json()["errors"]


def test_preferences_get_defaults_and_patch(api, student):
    body = api.get(PREFS).json()
    assert body["desired_retention"] == 0.9
    assert body["learning_steps"] == [60, 600]
    assert body["parameters_fitted"] is False
    response = api.patch(
        PREFS,
        {"desired_retention": 0.85, "time_zone": "Europe/Berlin", "learning_steps": [120, 900]},
        format="json",
    )
    assert response.status_code == 200
    preferences = StudyPreferences.objects.get(user=student)
    assert preferences.desired_retention == 0.85
    assert preferences.time_zone == "Europe/Berlin"
    assert preferences.learning_steps == [120, 900]


def test_preferences_errors_name_the_field_and_change_nothing(api, student):
    api.get(PREFS)
    for body, field in [
        ({"desired_retention": 1.5}, "desired_retention"),
        ({"desired_retention": "high"}, "desired_retention"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"day_starts_at_hour": 24}, "day_starts_at_hour"),
        ({"learning_steps": [0]}, "learning_steps"),
        ({"new_cards_per_day": -1}, "new_cards_per_day"),
    ]:
        response = api.patch(PREFS, body, format="json")
        assert response.status_code == 400, body
        assert field in response.json()["errors"], response.json()
    preferences = StudyPreferences.objects.get(user=student)
    assert (preferences.desired_retention, preferences.time_zone) == (0.9, "UTC")


def test_changing_retention_reschedules_review_cards(api, student, bank):
    past = timezone.now() - timezone.timedelta(days=2)
    card = CardFactory(
        user=student,
        question=bank.questions.first(),
        state=CardState.REVIEW,
        stability=20.0,
        difficulty=5.0,
        last_review=past,
        due=past + timezone.timedelta(days=20),
    )
    api.patch(PREFS, {"desired_retention": 0.97}, format="json")
    assert Card.objects.get(pk=card.pk).due < card.due


def test_progress_queries_are_constant(api, bank, teacher, django_assert_num_queries):
    from tests.factories import QuestionBankFactory, QuestionFactory

    review_some(api, bank, 1)
    with CaptureQueriesContext(connection) as one:
        api.get(PROGRESS)
    count = len(one.captured_queries)
    for _ in range(3):
        other = QuestionBankFactory(owner=teacher)
        QuestionFactory.create_batch(3, bank=other)
        review_some(api, other, 3)
    with django_assert_num_queries(count):
        assert len(api.get(PROGRESS).json()["banks"]) == 4


def quiz_taken(api, bank, *, right: int, size: int = 2) -> None:
    """A quiz of `size` questions through the API, its first `right` answered right,
    the others wrong (the last answer finishes it)."""
    quiz = api.post("/api/v1/quizzes/", {"bank": bank.pk, "size": size}, format="json").json()
    for number, qid in enumerate(question["id"] for question in quiz["questions"]):
        choices = Choice.objects.filter(question_id=qid)
        choice = choices.filter(is_correct=number < right).first()
        response = api.post(
            f"/api/v1/quizzes/{quiz['id']}/answers/",
            {"question": qid, "choice": choice.pk},
            format="json",
        )
        assert response.status_code == 201, response.json()
    assert response.json()["finished"] is True


def test_progress_gives_each_bank_a_bounded_quiz_history(api, bank):
    quiz_taken(api, bank, right=2)  # 100: the best, long before the last ten
    one = api.get(PROGRESS).json()["banks"][0]["quizzes"]
    assert queries_of(lambda: api.get(PROGRESS))[0] == PROGRESS_QUERIES
    for number in range(49):
        quiz_taken(api, bank, right=number % 2)  # 0, 50, 0, ..., 0

    quizzes = api.get(PROGRESS).json()["banks"][0]["quizzes"]

    assert (one["finished_count"], one["best_score"], one["last_score"]) == (1, 100.0, 100.0)
    assert quizzes["finished_count"] == 50
    assert quizzes["best_score"] == 100.0
    assert quizzes["last_score"] == 0.0
    assert [row["score"] for row in quizzes["recent"]] == [50.0, 0.0] * 5
    assert [row["attempt_id"] for row in quizzes["recent"]] == list(
        QuizAttempt.objects.order_by("finished_at", "id").values_list("id", flat=True)[40:]
    )
    assert quizzes["recent"][-1]["finished_at"].endswith("Z")
    assert queries_of(lambda: api.get(PROGRESS))[0] == PROGRESS_QUERIES


def test_a_bank_without_quizzes_says_so(api, bank):
    review_some(api, bank, 1)

    (row,) = api.get(PROGRESS).json()["banks"]

    assert row["quizzes"] == {
        "finished_count": 0,
        "best_score": None,
        "last_score": None,
        "recent": [],
    }


def test_the_progress_page_shows_the_quiz_figures_the_api_gives(api, student_client, bank):
    for right in (2, 0, 1):
        quiz_taken(api, bank, right=right)

    quizzes = api.get(PROGRESS).json()["banks"][0]["quizzes"]
    page = student_client.get("/progress/").content.decode()

    figures = (quizzes["finished_count"], quizzes["best_score"], quizzes["last_score"])
    assert figures == (3, 100.0, 50.0)
    assert "<td>3, best 100%, last 50%</td>" in page
