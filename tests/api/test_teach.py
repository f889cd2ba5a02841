"""Teachers' API: CRUD on their banks, questions and choices (teach/...), and
GET banks/{id}/progress/. Refused edits write nothing."""

from __future__ import annotations

import uuid

from learning.models import ReviewLog
from quizzes.models import Choice, Question, QuestionBank
from tests.api.conftest import token_client
from tests.factories import (
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    SuperuserFactory,
    UserFactory,
)

TEACH = "/api/v1/teach/"


def test_teacher_creates_a_bank_with_a_question_and_publishes_it(teacher_api, teacher, api):
    bank = teacher_api.post(f"{TEACH}banks/", {"title": "Elections 2024"}, format="json")
    assert bank.status_code == 201
    bank_id = bank.json()["id"]
    assert bank.json()["status"] == "draft"
    assert QuestionBank.objects.get(pk=bank_id).owner == teacher

    question = teacher_api.post(
        f"{TEACH}questions/",
        {
            "bank": bank_id,
            "kind": "who_said",
            "prompt": "Who said: “We won”?",
            "answer": "Ann Poe",
            "status": "draft",
            "choices": [
                {"text": "Ann Poe", "is_correct": True, "position": 0},
                {"text": "Max Moe", "position": 1},
            ],
        },
        format="json",
    )
    assert question.status_code == 201, question.json()
    assert question.json()["origin"] == "authored"
    assert [c["is_correct"] for c in question.json()["choices"]] == [True, False]
    assert api.get(f"/api/v1/banks/{bank_id}/").status_code == 404  # still a draft

    published = teacher_api.patch(
        f"{TEACH}banks/{bank_id}/", {"status": "published"}, format="json"
    )
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert published.json()["question_count"] == 1
    # a new bank is for the classes it is assigned to until its teacher makes it public
    assert api.get(f"/api/v1/banks/{bank_id}/questions/").status_code == 404
    public = teacher_api.patch(f"{TEACH}banks/{bank_id}/", {"is_public": True}, format="json")
    assert public.status_code == 200
    assert api.get(f"/api/v1/banks/{bank_id}/questions/").json()["count"] == 1


def test_invalid_question_is_400_naming_the_field_and_not_stored(teacher_api, bank):
    before = Question.objects.count()
    response = teacher_api.post(
        f"{TEACH}questions/",
        {
            "bank": bank.pk,
            "kind": "who_said",
            "prompt": "Who?",
            "answer": "Ann Poe",
            "status": "published",
            "choices": [{"text": "Ann Poe", "is_correct": True}, {"text": "Ann Poe"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "choices" in response.json()["errors"]
    assert Question.objects.count() == before
    for body, field in [
        ({"bank": bank.pk, "kind": "riddle", "prompt": "?"}, "kind"),
        ({"bank": "first", "kind": "who_said", "prompt": "?"}, "bank"),
        ({"bank": bank.pk, "kind": "who_said", "prompt": "?", "difficulty": 9}, "difficulty"),
    ]:
        response = teacher_api.post(f"{TEACH}questions/", body, format="json")
        assert response.status_code == 400
        assert field in response.json()["errors"]
    assert Question.objects.count() == before


def test_choice_edits_keep_the_question_valid(teacher_api, bank):
    question = bank.questions.first()
    right = question.choices.get(is_correct=True)
    wrong = question.choices.filter(is_correct=False).first()
    refused = teacher_api.patch(f"{TEACH}choices/{wrong.pk}/", {"is_correct": True}, format="json")
    assert refused.status_code == 400
    assert "choices" in refused.json()["errors"]
    wrong.refresh_from_db()
    assert wrong.is_correct is False

    renamed = teacher_api.patch(f"{TEACH}choices/{wrong.pk}/", {"text": "Joan Roe"}, format="json")
    assert renamed.status_code == 200
    assert renamed.json()["text"] == "Joan Roe"
    added = teacher_api.post(
        f"{TEACH}choices/",
        {"question": question.pk, "text": "Lee Loe", "position": 9},
        format="json",
    )
    assert added.status_code == 201
    assert teacher_api.delete(f"{TEACH}choices/{added.json()['id']}/").status_code == 204
    refused_delete = teacher_api.delete(f"{TEACH}choices/{right.pk}/")
    assert refused_delete.status_code == 400
    assert Choice.objects.filter(pk=right.pk).exists()
    listed = teacher_api.get(f"{TEACH}choices/", {"question": question.pk}).json()
    assert listed["count"] == 4


def test_question_update_and_delete_archives(teacher_api, bank, api):
    question = bank.questions.first()
    response = teacher_api.patch(
        f"{TEACH}questions/{question.pk}/", {"prompt": "Who said: “Roads”?"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["prompt"] == "Who said: “Roads”?"
    assert teacher_api.delete(f"{TEACH}questions/{question.pk}/").status_code == 204
    question.refresh_from_db()
    assert question.status == "archived"
    assert api.get(f"/api/v1/banks/{bank.pk}/questions/").json()["count"] == 4
    assert teacher_api.get(f"{TEACH}questions/{question.pk}/").status_code == 404


def test_teacher_lists_only_own_banks_and_filters_questions(teacher_api, bank, other_teacher):
    QuestionBankFactory(owner=other_teacher, title="Not mine")
    QuestionFactory(
        bank=bank, kind="which_country", answer="Uzbekistan", choices=["Uzbekistan", "Chad"]
    )
    banks = teacher_api.get(f"{TEACH}banks/").json()
    assert [b["title"] for b in banks["results"]] == ["World news"]
    questions = teacher_api.get(
        f"{TEACH}questions/", {"bank": bank.pk, "kind": "which_country"}
    ).json()
    assert questions["count"] == 1
    assert questions["results"][0]["choices"][0]["is_correct"] is True


def test_bank_with_study_history_cannot_be_deleted(teacher_api, api, bank):
    item = api.get("/api/v1/study/queue/", {"bank": bank.pk, "limit": 1}).json()["items"][0]
    api.post(
        "/api/v1/reviews/",
        {"card": item["id"], "rating": 3, "client_uuid": str(uuid.uuid4())},
        format="json",
    )
    response = teacher_api.delete(f"{TEACH}banks/{bank.pk}/")
    assert response.status_code == 400
    assert "bank" in response.json()["errors"]
    assert QuestionBank.objects.filter(pk=bank.pk).exists()
    assert ReviewLog.objects.count() == 1
    fresh = QuestionBankFactory(owner=bank.owner)
    assert teacher_api.delete(f"{TEACH}banks/{fresh.pk}/").status_code == 204


def test_bank_progress_lists_students(teacher_api, api, other_api, bank, student, other_student):
    classroom = ClassroomFactory(teacher=bank.owner)
    for member in (student, other_student):
        MembershipFactory(classroom=classroom, student=member)
    for client in (api, other_api):
        item = client.get("/api/v1/study/queue/", {"bank": bank.pk, "limit": 1}).json()["items"][0]
        client.post("/api/v1/reviews/", {"card": item["id"], "rating": 3}, format="json")
    response = teacher_api.get(f"/api/v1/banks/{bank.pk}/progress/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert {row["username"] for row in rows} == {"stella", "oscar"}
    assert all(row["reviews"] == 1 for row in rows)


def test_bank_progress_names_only_the_students_of_the_teachers_classes(
    teacher_api, api, other_api, bank, student, other_teacher
):
    """A public bank is studied outside the teacher's classes: those students are
    not the teacher's to see (issue 13); a superuser sees them all."""
    MembershipFactory(classroom=ClassroomFactory(teacher=bank.owner), student=student)
    MembershipFactory(classroom=ClassroomFactory(teacher=other_teacher), student=UserFactory())
    stranger = token_client(UserFactory(username="stranger"))
    for client in (api, other_api, stranger):
        item = client.get("/api/v1/study/queue/", {"bank": bank.pk, "limit": 1}).json()["items"][0]
        client.post("/api/v1/reviews/", {"card": item["id"], "rating": 3}, format="json")
    url = f"/api/v1/banks/{bank.pk}/progress/"
    mine = teacher_api.get(url).json()
    assert [row["username"] for row in mine["results"]] == ["stella"]
    assert mine["count"] == 1
    everyone = token_client(SuperuserFactory()).get(url).json()["results"]
    assert {row["username"] for row in everyone} == {"stella", "oscar", "stranger"}


def test_teach_queries_are_constant(teacher_api, teacher, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory(bank=bank)
    urls = [f"{TEACH}banks/", f"{TEACH}questions/", f"{TEACH}choices/"]
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as one:
            teacher_api.get(url)
        counts[url] = len(one.captured_queries)
    for _ in range(4):
        QuestionFactory.create_batch(3, bank=QuestionBankFactory(owner=teacher))
    for url in urls:
        with django_assert_num_queries(counts[url]):
            assert teacher_api.get(url).status_code == 200


def test_question_update_breaking_a_constraint_is_400_not_500(teacher_api, bank):
    question = bank.questions.first()
    response = teacher_api.patch(
        f"{TEACH}questions/{question.pk}/",
        {"evidence_start": 50, "evidence_end": 10},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"evidence_end": ["The evidence must end after it starts."]}
    question.refresh_from_db()
    assert question.evidence_start is None
