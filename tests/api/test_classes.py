"""The classes API: teachers' classes, members and assignments; students join,
leave and follow their assignments; the reports; `?assignment=` on the study
queue and quizzes."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from classes.models import Assignment, Classroom, Membership
from learning.models import QuizAttempt
from tests.api.conftest import queries_of, token_client
from tests.api.test_errors import assert_shape
from tests.classes.helpers import take_quiz
from tests.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def error_fields(response) -> set[str]:
    body = response.json()
    assert set(body) == {"errors", "detail", "code"}
    return set(body["errors"])


def test_a_teacher_creates_renames_closes_and_rotates_a_class(teacher_api):
    response = teacher_api.post(
        "/api/v1/teach/classes/", {"name": "Year 9", "description": "News club"}
    )
    assert response.status_code == 201
    created = response.json()
    code = created["join_code"]
    assert len(code) == 9
    assert code[4] == "-"
    assert created["join_url"].endswith(f"/classes/join/{code.replace('-', '')}/")
    assert (created["join_open"], created["member_count"]) == (True, 0)

    url = f"/api/v1/teach/classes/{created['id']}/"
    changed = teacher_api.patch(url, {"name": "Year 9 B", "join_open": False}).json()
    assert (changed["name"], changed["join_open"]) == ("Year 9 B", False)
    rotated = teacher_api.post(url + "rotate-code/").json()
    assert rotated["join_code"] != code
    assert [c["name"] for c in teacher_api.get("/api/v1/teach/classes/").json()["results"]] == [
        "Year 9 B"
    ]


def test_a_class_without_a_name_is_a_400_naming_it(teacher_api):
    response = teacher_api.post("/api/v1/teach/classes/", {"name": "  "})
    assert response.status_code == 400
    assert error_fields(response) == {"name"}
    assert not Classroom.objects.exists()


def test_a_student_joins_lists_and_leaves_a_class(api, student):
    classroom = ClassroomFactory(join_code="ABCDEFGH", name="Year 9")
    first = api.post("/api/v1/classes/join/", {"code": "abcd-efgh"})
    assert first.status_code == 201
    assert first.json()["name"] == "Year 9"
    assert "join_code" not in first.json()
    assert api.post("/api/v1/classes/join/", {"code": "ABCDEFGH"}).status_code == 200
    assert [c["id"] for c in api.get("/api/v1/classes/").json()["results"]] == [classroom.pk]

    assert api.post(f"/api/v1/classes/{classroom.pk}/leave/").status_code == 204
    assert api.get("/api/v1/classes/").json()["results"] == []
    again = api.post(f"/api/v1/classes/{classroom.pk}/leave/")
    assert again.status_code == 404
    assert again.json()["code"] == "not_found"


@pytest.mark.parametrize("body", [{"code": "NOPE"}, {"code": "ZZZZ-ZZZZ"}, {"code": 12345678}, {}])
def test_a_bad_join_code_is_a_400_naming_code(api, body):
    ClassroomFactory(join_code="ABCDEFGH")
    response = api.post("/api/v1/classes/join/", body, format="json")
    assert response.status_code == 400
    assert error_fields(response) == {"code"}
    assert not Membership.objects.exists()


def test_a_teacher_adds_imports_lists_and_removes_students(teacher_api, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    for name in ("amy", "ben", "cat"):
        UserFactory(username=name)
    url = f"/api/v1/teach/classes/{classroom.pk}/members/"

    unknown = teacher_api.post(url, {"usernames": ["amy", "zed"]})
    assert unknown.status_code == 400
    assert error_fields(unknown) == {"usernames"}
    assert "zed" in unknown.json()["detail"]
    assert teacher_api.post(url, {"usernames": ["amy"]}).json() == {
        "added": ["amy"],
        "already": [],
    }
    upload = io.BytesIO(b"username\nben\ncat\namy\n")
    upload.name = "pupils.csv"
    imported = teacher_api.post(url + "import/", {"file": upload}, format="multipart")
    assert imported.json() == {"added": ["ben", "cat"], "already": ["amy"]}

    members = teacher_api.get(url).json()["results"]
    assert [m["username"] for m in members] == ["amy", "ben", "cat"]
    ben = next(m["id"] for m in members if m["username"] == "ben")
    assert teacher_api.delete(f"{url}{ben}/").status_code == 204
    assert teacher_api.delete(f"{url}{ben}/").status_code == 404
    assert teacher_api.get(f"/api/v1/teach/classes/{classroom.pk}/").json()["member_count"] == 2


def test_a_teacher_assigns_a_bank_and_changes_and_withdraws_it(teacher_api, teacher, other_teacher):
    classroom = ClassroomFactory(teacher=teacher)
    bank = QuestionBankFactory(owner=teacher, is_public=False)
    private_of_other = QuestionBankFactory(owner=other_teacher, is_public=False)
    due = "2026-03-06T17:00:00Z"
    response = teacher_api.post(
        "/api/v1/teach/assignments/",
        {
            "classroom": classroom.pk,
            "bank": bank.pk,
            "due_at": due,
            "quiz_length": 10,
            "pass_mark": 70,
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["bank"] == {"id": bank.pk, "title": bank.title}
    assert (body["classroom"], body["due_at"], body["all_cards"]) == (
        classroom.pk,
        "2026-03-06T17:00:00Z",
        False,
    )

    refused = teacher_api.post(
        "/api/v1/teach/assignments/",
        {"classroom": classroom.pk, "bank": private_of_other.pk, "all_cards": True},
    )
    assert refused.status_code == 400
    assert error_fields(refused) == {"bank"}
    no_goal = teacher_api.post(
        "/api/v1/teach/assignments/",
        {"classroom": classroom.pk, "bank": QuestionBankFactory(owner=teacher).pk},
    )
    assert no_goal.status_code == 400
    assert error_fields(no_goal) == {"quiz_length"}

    url = f"/api/v1/teach/assignments/{body['id']}/"
    changed = teacher_api.patch(url, {"all_cards": True, "quiz_length": None, "pass_mark": None})
    assert changed.status_code == 200
    assert (changed.json()["all_cards"], changed.json()["quiz_length"]) == (True, None)
    bad_dates = teacher_api.patch(url, {"starts_at": "2026-03-07T00:00:00Z"})
    assert bad_dates.status_code == 400
    assert error_fields(bad_dates) == {"due_at"}
    assert teacher_api.delete(url).status_code == 204
    assert not Assignment.objects.exists()


def test_banks_gain_is_public_in_teach_banks(teacher_api, teacher):
    created = teacher_api.post("/api/v1/teach/banks/", {"title": "Class only"}).json()
    assert created["is_public"] is False
    url = f"/api/v1/teach/banks/{created['id']}/"
    assert teacher_api.patch(url, {"is_public": True}).json()["is_public"] is True
    refused = teacher_api.patch(url, {"is_public": "maybe"})
    assert refused.status_code == 400
    assert error_fields(refused) == {"is_public"}


@pytest.fixture
def homework(student, time_machine):
    """The student's class has a 5-question quiz on a class-only bank of 6 questions."""
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    assignment = AssignmentFactory(
        bank__is_public=False,
        bank__title="This week",
        due_at=datetime(2026, 3, 6, 17, tzinfo=UTC),
    )
    QuestionFactory.create_batch(6, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    return assignment


def test_a_student_sees_their_assignments_with_a_status(api, student, homework, time_machine):
    rows = api.get("/api/v1/assignments/").json()["results"]
    assert len(rows) == 1
    row = rows[0]
    assert row["bank"] == {"id": homework.bank_id, "title": "This week"}
    assert row["classroom"]["id"] == homework.classroom_id
    assert (row["due_at"], row["status"], row["late"]) == (
        "2026-03-06T17:00:00Z",
        "not_started",
        False,
    )
    assert (row["quiz_length"], row["pass_mark"], row["cards_total"]) == (5, 60, 6)

    started = api.post(f"/api/v1/quizzes/?assignment={homework.pk}", {}, format="json")
    assert started.status_code == 201
    assert (started.json()["bank"], started.json()["size"]) == (homework.bank_id, 5)
    QuizAttempt.objects.all().delete()
    take_quiz(user=student, bank=homework.bank)
    row = api.get("/api/v1/assignments/").json()["results"][0]
    assert (row["status"], row["quiz_best"], row["cards_studied"]) == ("done", 100.0, 5)
    listed = api.get("/api/v1/quizzes/", {"assignment": homework.pk}).json()["results"]
    assert len(listed) == 1


def test_the_queue_of_an_assignment_holds_its_bank_only(api, homework):
    QuestionFactory(bank=QuestionBankFactory(is_public=True))  # another bank, public
    items = api.get("/api/v1/study/queue/", {"assignment": homework.pk}).json()["items"]
    assert len(items) == 6
    assert {item["question"]["id"] for item in items} == set(
        homework.bank.questions.values_list("id", flat=True)
    )


@pytest.mark.parametrize("query", ["assignment=0", "assignment=x", "assignment=999999"])
def test_a_bad_or_foreign_assignment_is_refused(api, homework, query):
    other = AssignmentFactory()
    query = query.replace("999999", str(other.pk))
    for url in ("/api/v1/study/queue/", "/api/v1/quizzes/"):
        response = api.get(f"{url}?{query}")
        assert response.status_code in (400, 404)
        if response.status_code == 400:
            assert error_fields(response) == {"assignment"}


def test_the_teacher_sees_progress_and_item_analysis(teacher_api, homework, student):
    homework.classroom.teacher = homework.bank.owner
    take_quiz(user=student, bank=homework.bank, right=4)
    teacher_api = token_client(homework.classroom.teacher)
    progress = teacher_api.get(f"/api/v1/teach/assignments/{homework.pk}/progress/").json()
    (row,) = progress["results"]
    assert (row["username"], row["status"], row["quiz_best"], row["cards_studied"]) == (
        "stella",
        "done",
        80.0,
        5,
    )
    items = teacher_api.get(f"/api/v1/teach/assignments/{homework.pk}/items/").json()["results"]
    assert len(items) == 6
    assert [item["share_correct"] for item in items[:5]] == [1.0, 1.0, 1.0, 1.0, 0.0]
    assert items[4]["common_wrong"]["text"] == "John Roe"
    export = teacher_api.get(f"/api/v1/teach/assignments/{homework.pk}/progress/export/")
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode().splitlines()
    assert lines[0].startswith("username,status,late,done_at,quiz_best")
    assert lines[1].startswith("stella,done,False,")
    bad = teacher_api.get(
        f"/api/v1/teach/assignments/{homework.pk}/progress/", {"ordering": "password"}
    )
    assert bad.status_code == 400
    assert error_fields(bad) == {"ordering"}


def test_the_progress_csv_follows_accept(homework):
    """A client asking for CSV gets the CSV; one that takes only JSON gets a 406."""
    teacher_api = token_client(homework.classroom.teacher)
    url = f"/api/v1/teach/assignments/{homework.pk}/progress/export/"

    as_csv = teacher_api.get(url, HTTP_ACCEPT="text/csv")
    only_json = teacher_api.get(url, HTTP_ACCEPT="application/json")

    assert as_csv.status_code == 200
    assert as_csv.content.decode().startswith("username,status,")
    assert_shape(only_json, 406, "not_acceptable")


def test_the_progress_csv_neutralises_a_formula_username(homework):
    """A username a spreadsheet would run (`@`, `-`, `+`, `=` first) is written as inert
    text in the API's export, as in the admin's (docs/formats.md, issue 14 item 9)."""
    for name in ("@SUM(A1)", "-2+3", "+cmd"):
        MembershipFactory(classroom=homework.classroom, student=UserFactory(username=name))
    teacher_api = token_client(homework.classroom.teacher)

    export = teacher_api.get(f"/api/v1/teach/assignments/{homework.pk}/progress/export/")

    names = [line.split(",")[0] for line in export.content.decode().splitlines()[1:]]
    assert sorted(names) == ["'+cmd", "'-2+3", "'@SUM(A1)", "stella"]


def test_reports_cost_the_same_queries_for_a_bigger_class(homework, time_machine):
    teacher_api = token_client(homework.classroom.teacher)
    progress_url = f"/api/v1/teach/assignments/{homework.pk}/progress/?ordering=-quiz_best"
    items_url = f"/api/v1/teach/assignments/{homework.pk}/items/"
    progress_small, _ = queries_of(lambda: teacher_api.get(progress_url))
    items_small, _ = queries_of(lambda: teacher_api.get(items_url))
    for number in range(7):
        pupil = UserFactory(username=f"pupil{number}")
        MembershipFactory(classroom=homework.classroom, student=pupil)
        take_quiz(user=pupil, bank=homework.bank, right=number % 6)
    QuestionFactory.create_batch(5, bank=homework.bank)
    progress_large, response = queries_of(lambda: teacher_api.get(progress_url))
    items_large, _ = queries_of(lambda: teacher_api.get(items_url))
    assert response.json()["count"] == 8
    assert (progress_large, items_large) == (progress_small, items_small)


def test_the_assignment_list_costs_the_same_queries_for_more_assignments(api, student, homework):
    small, _ = queries_of(lambda: api.get("/api/v1/assignments/"))
    for _ in range(4):
        extra = AssignmentFactory(all_cards=True)
        QuestionFactory.create_batch(2, bank=extra.bank)
        MembershipFactory(classroom=extra.classroom, student=student)
    large, response = queries_of(lambda: api.get("/api/v1/assignments/"))
    assert response.json()["count"] == 5
    assert large == small + 1  # the review logs, read once for every "all cards" goal
    assert large <= 8


def test_an_assignment_starting_later_is_not_listed_yet(api, student, time_machine):
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    later = AssignmentFactory(starts_at=datetime(2026, 3, 9, tzinfo=UTC))
    MembershipFactory(classroom=later.classroom, student=student)
    assert api.get("/api/v1/assignments/").json()["count"] == 0
    assert api.get("/api/v1/study/queue/", {"assignment": later.pk}).status_code == 404
    time_machine.move_to(datetime(2026, 3, 9, 9, tzinfo=UTC) + timedelta(hours=1))
    assert api.get("/api/v1/assignments/").json()["count"] == 1


def test_class_lists_cost_the_same_queries_for_more_classes_members_and_assignments(
    api, student, teacher
):
    """The student's classes, the teacher's classes, one class's members and the
    teacher's assignments: no query per row."""
    teacher_api = token_client(teacher)
    classroom = ClassroomFactory(teacher=teacher)
    MembershipFactory(classroom=classroom, student=student)
    AssignmentFactory(classroom=classroom)
    urls = (
        (api, "/api/v1/classes/"),
        (teacher_api, "/api/v1/teach/classes/"),
        (teacher_api, f"/api/v1/teach/classes/{classroom.pk}/members/"),
        (teacher_api, "/api/v1/teach/assignments/"),
    )
    small = [queries_of(lambda c=client, u=url: c.get(u))[0] for client, url in urls]
    for _ in range(4):
        more = ClassroomFactory(teacher=teacher)
        MembershipFactory(classroom=more, student=student)
        MembershipFactory(classroom=more)
        AssignmentFactory(classroom=more)
        MembershipFactory(classroom=classroom)
    large = []
    for client, url in urls:
        count, response = queries_of(lambda c=client, u=url: c.get(u))
        assert response.status_code == 200
        assert response.json()["count"] == 5, url
        large.append(count)
    assert large == small


def test_an_assignment_of_a_draft_bank_is_not_listed_nor_reachable(api, homework):
    homework.bank.status = "draft"
    homework.bank.save(update_fields=["status"])
    assert api.get("/api/v1/assignments/").json()["count"] == 0
    for url in ("/api/v1/study/queue/", "/api/v1/quizzes/"):
        assert api.get(url, {"assignment": homework.pk}).status_code == 404
