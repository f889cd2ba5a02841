"""The permission matrix of classes: anonymous / a student of class A / a
student of class B / A's teacher / B's teacher, over every class endpoint.
A student of class A sees nothing of class B; a teacher nothing of another
teacher's classes (404, as if it did not exist)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from learning.models import Card, ReviewLog
from tests.api.conftest import token_client
from tests.classes.helpers import study_cards
from tests.factories import (
    AssignmentFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
)

ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher")


@pytest.fixture
def world(student, other_student, teacher, other_teacher):
    class_a = AssignmentFactory(
        classroom__teacher=teacher, classroom__join_code="AAAAAAAA", bank__is_public=False
    )
    class_b = AssignmentFactory(
        classroom__teacher=other_teacher, classroom__join_code="BBBBBBBB", bank__is_public=False
    )
    for assignment in (class_a, class_b):
        QuestionFactory.create_batch(2, bank=assignment.bank)
    MembershipFactory(classroom=class_a.classroom, student=student)
    MembershipFactory(classroom=class_b.classroom, student=other_student)
    clients = {
        "anonymous": APIClient(),
        "student": token_client(student),
        "other_student": token_client(other_student),
        "teacher": token_client(teacher),
        "other_teacher": token_client(other_teacher),
    }
    return {
        "clients": clients,
        "class": class_a.classroom_id,
        "assignment": class_a.pk,
        "bank": class_a.bank_id,
        "spare_bank": QuestionBankFactory(owner=teacher, is_public=False).pk,
        "student": student.pk,
        "class_b": class_b.classroom_id,
        "assignment_b": class_b.pk,
    }


# (method, url template, body, expected status per role in ROLES order)
MATRIX = [
    ("get", "/api/v1/classes/", None, (401, 200, 200, 200, 200)),
    ("post", "/api/v1/classes/join/", {"code": "AAAA-AAAA"}, (401, 200, 201, 400, 201)),
    ("post", "/api/v1/classes/{class}/leave/", None, (401, 204, 404, 404, 404)),
    ("get", "/api/v1/assignments/", None, (401, 200, 200, 200, 200)),
    ("get", "/api/v1/study/queue/?assignment={assignment}", None, (401, 200, 404, 404, 404)),
    ("get", "/api/v1/quizzes/?assignment={assignment}", None, (401, 200, 404, 404, 404)),
    ("post", "/api/v1/quizzes/?assignment={assignment}", {}, (401, 201, 404, 404, 404)),
    ("get", "/api/v1/teach/classes/", None, (401, 403, 403, 200, 200)),
    ("post", "/api/v1/teach/classes/", {"name": "New"}, (401, 403, 403, 201, 201)),
    ("get", "/api/v1/teach/classes/{class}/", None, (401, 403, 403, 200, 404)),
    ("patch", "/api/v1/teach/classes/{class}/", {"name": "X"}, (401, 403, 403, 200, 404)),
    ("delete", "/api/v1/teach/classes/{class}/", None, (401, 403, 403, 204, 404)),
    ("post", "/api/v1/teach/classes/{class}/rotate-code/", None, (401, 403, 403, 200, 404)),
    ("get", "/api/v1/teach/classes/{class}/members/", None, (401, 403, 403, 200, 404)),
    (
        "post",
        "/api/v1/teach/classes/{class}/members/",
        {"usernames": ["oscar"]},
        (401, 403, 403, 200, 404),
    ),
    (
        "delete",
        "/api/v1/teach/classes/{class}/members/{student}/",
        None,
        (401, 403, 403, 204, 404),
    ),
    ("get", "/api/v1/teach/assignments/", None, (401, 403, 403, 200, 200)),
    (
        "post",
        "/api/v1/teach/assignments/",
        {"classroom": "{class}", "bank": "{spare_bank}", "all_cards": True},
        (401, 403, 403, 201, 400),
    ),
    ("get", "/api/v1/teach/assignments/{assignment}/", None, (401, 403, 403, 200, 404)),
    (
        "patch",
        "/api/v1/teach/assignments/{assignment}/",
        {"pass_mark": 90},
        (401, 403, 403, 200, 404),
    ),
    ("delete", "/api/v1/teach/assignments/{assignment}/", None, (401, 403, 403, 204, 404)),
    ("get", "/api/v1/teach/assignments/{assignment}/progress/", None, (401, 403, 403, 200, 404)),
    (
        "get",
        "/api/v1/teach/assignments/{assignment}/progress/export/",
        None,
        (401, 403, 403, 200, 404),
    ),
    ("get", "/api/v1/teach/assignments/{assignment}/items/", None, (401, 403, 403, 200, 404)),
]


def _fill(value, world):
    if isinstance(value, str):
        filled = value.format(**world)
        return int(filled) if filled.isdigit() and value.startswith("{") else filled
    if isinstance(value, dict):
        return {key: _fill(item, world) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, world) for item in value]
    return value


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "url", "body", "expected"),
    MATRIX,
    ids=[f"{method} {url}" for method, url, _, _ in MATRIX],
)
def test_class_permission_matrix(world, role, method, url, body, expected):
    client = world["clients"][role]
    response = getattr(client, method)(_fill(url, world), _fill(body, world), format="json")
    assert response.status_code == expected[ROLES.index(role)], response.content
    if response.status_code >= 400:
        assert set(response.json()) == {"errors", "detail", "code"}
    elif response.status_code == 200 and not response["Content-Type"].startswith("text/csv"):
        assert response.json() is not None


@pytest.mark.django_db
def test_lists_hold_only_ones_own_classes(world):
    clients = world["clients"]
    mine = clients["student"].get("/api/v1/classes/").json()["results"]
    assert [c["id"] for c in mine] == [world["class"]]
    theirs = clients["other_student"].get("/api/v1/assignments/").json()["results"]
    assert [a["id"] for a in theirs] == [world["assignment_b"]]
    taught = clients["other_teacher"].get("/api/v1/teach/classes/").json()["results"]
    assert [c["id"] for c in taught] == [world["class_b"]]
    set_by_other = clients["other_teacher"].get("/api/v1/teach/assignments/").json()["results"]
    assert [a["id"] for a in set_by_other] == [world["assignment_b"]]
    members = clients["teacher"].get(f"/api/v1/teach/classes/{world['class']}/members/").json()
    assert [m["username"] for m in members["results"]] == ["stella"]


@pytest.mark.django_db
def test_a_student_in_two_classes_leaves_one_and_keeps_the_other_and_their_history(student):
    """Leaving class A by the API hides A's class-only bank (list, detail, queue,
    quiz) and keeps class B's; the student's cards and reviews of A's bank stay."""
    class_a = AssignmentFactory(bank__is_public=False, bank__title="Class A only")
    class_b = AssignmentFactory(bank__is_public=False, bank__title="Class B only")
    for assignment in (class_a, class_b):
        QuestionFactory.create_batch(2, bank=assignment.bank)
    api = token_client(student)
    for assignment in (class_a, class_b):
        code = assignment.classroom.join_code
        assert api.post("/api/v1/classes/join/", {"code": code}).status_code == 201
    assert {c["id"] for c in api.get("/api/v1/classes/").json()["results"]} == {
        class_a.classroom_id,
        class_b.classroom_id,
    }
    study_cards(user=student, bank=class_a.bank)
    reviews_before = ReviewLog.objects.filter(user=student).count()

    assert api.post(f"/api/v1/classes/{class_a.classroom_id}/leave/").status_code == 204

    assert [c["id"] for c in api.get("/api/v1/classes/").json()["results"]] == [
        class_b.classroom_id
    ]
    assert [a["id"] for a in api.get("/api/v1/assignments/").json()["results"]] == [class_b.pk]
    listed = {row["id"] for row in api.get("/api/v1/banks/").json()["results"]}
    assert class_a.bank_id not in listed
    assert class_b.bank_id in listed
    assert api.get(f"/api/v1/banks/{class_a.bank_id}/").status_code == 404
    assert api.get(f"/api/v1/banks/{class_b.bank_id}/").status_code == 200
    assert api.get("/api/v1/study/queue/", {"bank": class_a.bank_id}).status_code == 404
    refused = api.post("/api/v1/quizzes/", {"bank": class_a.bank_id, "size": 1}, format="json")
    assert refused.status_code == 400
    assert api.get("/api/v1/study/queue/", {"assignment": class_a.pk}).status_code == 404
    # the student's own history of the bank is kept
    assert Card.objects.filter(user=student, question__bank=class_a.bank).count() == 2
    assert ReviewLog.objects.filter(user=student).count() == reviews_before == 2
