"""The permission matrix: anonymous / student / other student / teacher (owner)
/ other teacher, for every kind of resource. Students see published banks and
only their own cards and attempts (others' ids: 404); only the owning teacher
(or a superuser) edits a bank."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from learning.models import Card, QuizAttempt
from tests.api.conftest import token_client
from tests.factories import QuestionBankFactory, QuestionFactory

ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher")


@pytest.fixture
def world(student, other_student, teacher, other_teacher, bank):
    draft = QuestionBankFactory(owner=teacher, status="draft", title="Draft")
    QuestionFactory(bank=draft)
    question = bank.questions.first()
    student_api = token_client(student)
    card_id = student_api.get("/api/v1/study/queue/", {"bank": bank.pk, "limit": 1}).json()[
        "items"
    ][0]["id"]
    attempt = student_api.post(
        "/api/v1/quizzes/", {"bank": bank.pk, "size": 1}, format="json"
    ).json()
    quiz_question = attempt["questions"][0]
    clients = {
        "anonymous": APIClient(),
        "student": student_api,
        "other_student": token_client(other_student),
        "teacher": token_client(teacher),
        "other_teacher": token_client(other_teacher),
    }
    return {
        "clients": clients,
        "bank": bank.pk,
        "draft": draft.pk,
        "question": question.pk,
        "choice": question.choices.filter(is_correct=False).first().pk,
        "card": card_id,
        "attempt": attempt["id"],
        "quiz_question": quiz_question["id"],
        "quiz_choice": quiz_question["choices"][1]["id"],
    }


# (method, url template, body, expected status per role in ROLES order)
MATRIX = [
    ("get", "/api/v1/banks/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/banks/{bank}/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/banks/{draft}/", None, (401, 404, 404, 404, 404)),
    ("get", "/api/v1/banks/{bank}/questions/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/banks/{draft}/questions/", None, (401, 404, 404, 404, 404)),
    ("get", "/api/v1/banks/{bank}/progress/", None, (401, 403, 403, 200, 403)),
    ("get", "/api/v1/banks/{draft}/progress/", None, (401, 404, 404, 200, 404)),
    ("get", "/api/v1/study/queue/", None, (401, 200, 200, 200, 200)),
    ("post", "/api/v1/reviews/", {"card": "{card}", "rating": 3}, (401, 201, 404, 404, 404)),
    (
        "post",
        "/api/v1/reviews/batch/",
        {
            "reviews": [
                {
                    "card": "{card}",
                    "rating": 3,
                    "client_uuid": "5f0c3a4e-3e2a-4f55-9f3e-0a6f1f2b9c11",
                    "reviewed_at": "2025-01-01T00:00:00Z",
                }
            ]
        },
        (401, 200, 200, 200, 200),
    ),
    ("post", "/api/v1/reviews/undo/", None, (401, 404, 404, 404, 404)),
    ("get", "/api/v1/quizzes/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/quizzes/{attempt}/", None, (401, 200, 404, 404, 404)),
    (
        "post",
        "/api/v1/quizzes/{attempt}/answers/",
        {"question": "{quiz_question}", "choice": "{quiz_choice}"},
        (401, 201, 404, 404, 404),
    ),
    ("post", "/api/v1/quizzes/", {"bank": "{draft}"}, (401, 400, 400, 400, 400)),
    ("post", "/api/v1/quizzes/{attempt}/retry/", None, (401, 400, 404, 404, 404)),
    ("post", "/api/v1/cards/{card}/suspend/", None, (401, 200, 404, 404, 404)),
    ("post", "/api/v1/cards/{card}/unsuspend/", None, (401, 200, 404, 404, 404)),
    ("get", "/api/v1/cards/suspended/", None, (401, 200, 200, 200, 200)),
    ("post", "/api/v1/study/more/", {"new_cards": 5}, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/progress/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/progress/heatmap/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/me/preferences/", None, (401, 200, 200, 200, 200)),
    ("patch", "/api/v1/me/preferences/", {"new_cards_per_day": 7}, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/teach/banks/", None, (401, 403, 403, 200, 200)),
    ("get", "/api/v1/teach/banks/{draft}/", None, (401, 403, 403, 200, 404)),
    ("patch", "/api/v1/teach/banks/{bank}/", {"title": "Renamed"}, (401, 403, 403, 200, 404)),
    ("post", "/api/v1/teach/banks/", {"title": "New"}, (401, 403, 403, 201, 201)),
    ("get", "/api/v1/teach/questions/{question}/", None, (401, 403, 403, 200, 404)),
    (
        "patch",
        "/api/v1/teach/questions/{question}/",
        {"prompt": "Who said it?"},
        (401, 403, 403, 200, 404),
    ),
    (
        "post",
        "/api/v1/teach/questions/",
        {"bank": "{bank}", "kind": "free_text", "prompt": "Name the city.", "answer": "Tashkent"},
        (401, 403, 403, 201, 400),
    ),
    ("patch", "/api/v1/teach/choices/{choice}/", {"text": "Joan Roe"}, (401, 403, 403, 200, 404)),
    ("delete", "/api/v1/teach/questions/{question}/", None, (401, 403, 403, 204, 404)),
    ("get", "/api/v1/articles/", None, (401, 403, 403, 200, 200)),
]


def _fill(value, world):
    if (
        isinstance(value, str)
        and value.startswith("{")
        and value.endswith("}")
        and value[1:-1] in world
    ):
        return world[value[1:-1]]
    if isinstance(value, dict):
        return {k: _fill(v, world) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, world) for v in value]
    return value


@pytest.mark.parametrize(
    ("method", "url", "body", "expected"), MATRIX, ids=[f"{m} {u}" for m, u, _, _ in MATRIX]
)
def test_permission_matrix(world, method, url, body, expected):
    path = url.format(**{k: v for k, v in world.items() if k != "clients"})
    for role, status in zip(ROLES, expected, strict=True):
        client = world["clients"][role]
        kwargs = {"format": "json"}
        if body is not None:
            kwargs["data"] = _fill(body, world)
        response = getattr(client, method)(path, **kwargs)
        assert response.status_code == status, (role, method, path, response.content[:300])
        if status >= 400:
            assert set(response.json()) == {"errors", "detail", "code"}, role


def test_students_see_only_their_own_cards_and_attempts(world, student, other_student):
    assert Card.objects.get(pk=world["card"]).user == student
    assert QuizAttempt.objects.get(pk=world["attempt"]).user == student
    other = world["clients"]["other_student"]
    other.get("/api/v1/study/queue/", {"bank": world["bank"]})
    mine = {c.pk for c in Card.objects.filter(user=student)}
    theirs = {c.pk for c in Card.objects.filter(user=other_student)}
    assert mine.isdisjoint(theirs)
    assert other.get("/api/v1/quizzes/").json()["count"] == 0


def test_superuser_edits_any_bank(world, superuser_api):
    response = superuser_api.patch(
        f"/api/v1/teach/banks/{world['bank']}/", {"title": "Root was here"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["title"] == "Root was here"
