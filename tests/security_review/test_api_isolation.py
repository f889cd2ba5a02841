"""API objects of other users are 404; odd ids are 4xx JSON, never 500."""

import pytest
from rest_framework.test import APIClient

from tests.factories import (
    ChoiceFactory,
    QuestionBankFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


def api(user):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(user)
    return client


def test_teacher_cannot_reach_other_teachers_drafts_by_id(teacher, other_teacher):
    foreign = QuestionBankFactory(owner=other_teacher, status="draft", title="Otto draft")
    question = QuestionFactory(bank=foreign, status="draft")
    choice = ChoiceFactory(question=question, text="zzz")
    client = api(teacher)
    for url in [
        f"/api/v1/banks/{foreign.pk}/",
        f"/api/v1/banks/{foreign.pk}/questions/",
        f"/api/v1/banks/{foreign.pk}/progress/",
        f"/api/v1/teach/banks/{foreign.pk}/",
        f"/api/v1/teach/questions/{question.pk}/",
        f"/api/v1/teach/choices/{choice.pk}/",
        f"/api/v1/teach/banks/{foreign.pk}/export/?format=json",
        f"/api/v1/articles/{foreign.article_id}/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
    assert (
        client.patch(
            f"/api/v1/teach/banks/{foreign.pk}/", {"title": "x"}, format="json"
        ).status_code
        == 404
    )
    assert (
        client.patch(
            f"/api/v1/teach/choices/{choice.pk}/", {"text": "x"}, format="json"
        ).status_code
        == 404
    )
    response = client.post(
        "/api/v1/teach/choices/", {"question": question.pk, "text": "mine now"}, format="json"
    )
    assert response.status_code == 400
    assert "question" in str(response.json())
    response = client.post(
        "/api/v1/teach/questions/",
        {"bank": foreign.pk, "kind": "true_false", "prompt": "p", "answer": "True"},
        format="json",
    )
    assert response.status_code == 400
    assert foreign.questions.count() == 1


def test_teacher_cannot_point_own_bank_at_other_teachers_article(teacher, other_teacher):
    mine = QuestionBankFactory(owner=teacher, status="draft")
    foreign = QuestionBankFactory(owner=other_teacher, status="draft")
    response = api(teacher).patch(
        f"/api/v1/teach/banks/{mine.pk}/", {"article": foreign.article_id}, format="json"
    )
    assert response.status_code == 400
    mine.refresh_from_db()
    assert mine.article_id != foreign.article_id


def test_odd_ids_are_json_4xx(teacher, student):
    for user in (teacher, student):
        client = api(user)
        for url in [
            f"/api/v1/banks/{HUGE}/",
            f"/api/v1/teach/banks/{HUGE}/export/?format=json",
            f"/api/v1/quizzes/{HUGE}/",
            f"/api/v1/study/queue/?bank={HUGE}",
            "/api/v1/study/queue/?bank=abc&limit=-5",
            f"/api/v1/teach/questions/?bank={HUGE}",
        ]:
            response = client.get(url)
            assert 400 <= response.status_code < 500, (url, response.status_code)
            assert response["Content-Type"].startswith("application/json"), url
        for url, body in [
            ("/api/v1/reviews/", {"card": HUGE, "rating": 3}),
            ("/api/v1/reviews/", {"card": "abc", "rating": "x"}),
            ("/api/v1/reviews/", []),
            ("/api/v1/reviews/batch/", {"reviews": "nope"}),
            ("/api/v1/reviews/batch/", {"reviews": [None, 1, "x"]}),
            ("/api/v1/quizzes/", {"bank": HUGE, "size": HUGE}),
            (f"/api/v1/quizzes/{HUGE}/answers/", {"question": 1}),
            ("/api/v1/teach/banks/", {"title": "t", "article": HUGE}),
        ]:
            response = client.post(url, body, format="json")
            assert 400 <= response.status_code < 500, (url, body, response.status_code)
            assert response["Content-Type"].startswith("application/json"), url


def test_student_queue_does_not_reveal_correct_choice(student, bank):
    response = api(student).get(f"/api/v1/study/queue/?bank={bank.pk}")
    assert response.status_code == 200
    assert "is_correct" not in response.content.decode()
    response = api(student).get(f"/api/v1/banks/{bank.pk}/questions/")
    assert "is_correct" not in response.content.decode()


def test_malformed_bodies_and_wrong_methods_are_json(student):
    client = api(student)
    cases = [
        client.post("/api/v1/reviews/", "{not json", content_type="application/json"),
        client.post("/api/v1/reviews/batch/", "[", content_type="application/json"),
        client.put("/api/v1/reviews/", {}, format="json"),
        client.delete("/api/v1/progress/"),
        client.post("/api/v1/reviews/", "card=1", content_type="text/plain"),
        client.post(
            "/api/v1/reviews/batch/",
            '{"reviews": [' + ",".join(['{"card": 1, "rating": 3}'] * 60000) + "]}",
            content_type="application/json",
        ),
    ]
    for response in cases:
        assert 400 <= response.status_code < 500, response.status_code
        assert response["Content-Type"].startswith("application/json"), (
            response.status_code,
            response.content[:200],
        )


def test_autocomplete_lists_only_visible_articles(client, teacher, other_teacher):
    QuestionBankFactory(owner=other_teacher, article__title="Otto hidden article")
    QuestionBankFactory(owner=teacher, article__title="Tess own article")
    client.force_login(teacher)
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "quizzes",
            "model_name": "questionbank",
            "field_name": "article",
            "term": "article",
        },
    )
    assert response.status_code == 200
    texts = [row["text"] for row in response.json()["results"]]
    assert "Tess own article" in texts
    assert "Otto hidden article" not in texts


def test_student_cannot_touch_another_students_card_or_attempt(student, other_student, bank):
    other = api(other_student)
    queue = other.get(f"/api/v1/study/queue/?bank={bank.pk}").json()
    card_id = queue["items"][0]["card"]
    attempt = other.post("/api/v1/quizzes/", {"bank": bank.pk, "size": 5}, format="json").json()
    question = attempt["questions"][0]

    client = api(student)
    response = client.post("/api/v1/reviews/", {"card": card_id, "rating": 3}, format="json")
    assert response.status_code == 404
    response = client.post(
        "/api/v1/reviews/batch/",
        {
            "reviews": [
                {
                    "card": card_id,
                    "rating": 3,
                    "client_uuid": "7d3f1c1e-1b9a-4f55-9d7e-2f9b1c0e6a11",
                }
            ]
        },
        format="json",
    )
    assert response.status_code in (200, 207, 400)
    assert "error" in str(response.json()).lower()
    assert client.get(f"/api/v1/quizzes/{attempt['id']}/").status_code == 404
    response = client.post(
        f"/api/v1/quizzes/{attempt['id']}/answers/",
        {"question": question["id"], "choice": question["choices"][0]["id"]},
        format="json",
    )
    assert response.status_code == 404
    assert client.get("/api/v1/quizzes/").json()["results"] == []
    assert other.get(f"/api/v1/quizzes/{attempt['id']}/").json()["answered"] == 0
