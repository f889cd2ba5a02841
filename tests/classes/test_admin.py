"""Teachers' admin of classes and assignments, and the assignment report."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from classes.models import Assignment, Classroom
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


def test_a_teacher_creates_a_class_with_students_in_admin(teacher_client, teacher):
    UserFactory(username="amy")
    UserFactory(username="ben")
    response = teacher_client.post(
        "/admin/classes/classroom/add/",
        {
            "name": "Year 9",
            "description": "",
            "join_open": "on",
            "add_students": "amy",
            "import_file": SimpleUploadedFile("pupils.csv", b"username\nben\n"),
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    classroom = Classroom.objects.get()
    assert classroom.teacher == teacher
    assert len(classroom.join_code) == 8
    assert set(classroom.students.values_list("username", flat=True)) == {"amy", "ben"}
    page = teacher_client.get(f"/admin/classes/classroom/{classroom.pk}/change/").text
    assert classroom.join_code_display in page
    assert f"/classes/join/{classroom.join_code}/" in page


def test_a_teacher_sees_only_their_classes_and_assignments(teacher_client, other_teacher):
    theirs = AssignmentFactory(classroom__teacher=other_teacher, classroom__name="Not mine")
    page = teacher_client.get("/admin/classes/classroom/").text
    assert "Not mine" not in page
    for url in (
        f"/admin/classes/classroom/{theirs.classroom_id}/change/",
        f"/admin/classes/assignment/{theirs.pk}/change/",
    ):
        assert teacher_client.get(url).status_code == 302  # "doesn't exist" -> admin index
    assert (
        teacher_client.get(f"/admin/learning/assignmentreport/{theirs.pk}/change/").status_code
        == 404
    )


def test_a_student_cannot_open_the_admin(student_client):
    response = student_client.get("/admin/classes/classroom/")
    assert response.status_code == 302


def test_assigning_another_teachers_private_bank_is_a_form_error(
    teacher_client, teacher, other_teacher
):
    classroom = ClassroomFactory(teacher=teacher)
    private = QuestionBankFactory(owner=other_teacher, is_public=False)
    own = QuestionBankFactory(owner=teacher, is_public=False)
    form = {
        "classroom": classroom.pk,
        "quiz_length": "",
        "pass_mark": "",
        "all_cards": "on",
        "starts_at_0": "",
        "starts_at_1": "",
        "due_at_0": "",
        "due_at_1": "",
    }
    refused = teacher_client.post("/admin/classes/assignment/add/", {**form, "bank": private.pk})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.text
    no_goal = teacher_client.post(
        "/admin/classes/assignment/add/", {**form, "bank": own.pk, "all_cards": ""}
    )
    assert "Say what counts as done" in no_goal.text
    assert not Assignment.objects.exists()
    created = teacher_client.post("/admin/classes/assignment/add/", {**form, "bank": own.pk})
    assert created.status_code == 302
    assert Assignment.objects.get().assigned_by == teacher


def test_the_report_shows_progress_items_and_exports_safe_csv(teacher_client, teacher):
    assignment = AssignmentFactory(classroom__teacher=teacher, quiz_length=2, pass_mark=50)
    QuestionFactory.create_batch(2, bank=assignment.bank)
    for name, right in (("amy", 2), ("@SUM(A1)", 0)):
        student = UserFactory(username=name)
        MembershipFactory(classroom=assignment.classroom, student=student)
        take_quiz(user=student, bank=assignment.bank, size=2, right=right)
    url = f"/admin/learning/assignmentreport/{assignment.pk}/change/"
    page = teacher_client.get(url + "?o=-quiz_best").text
    assert page.index('data-student="amy"') < page.index('data-student="@SUM(A1)"')
    assert "1 done · 1 in progress" in page
    assert "John Roe (1)" in page  # the wrong choice picked

    export = teacher_client.get(url + "?export=csv")
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][:3] == ["username", "status", "late"]
    assert [row[0] for row in rows[1:]] == ["'@SUM(A1)", "amy"]
    assert rows[2][1] == "done"


def test_a_flagged_question_links_to_its_page_where_the_teacher_rejects_it(teacher_client, teacher):
    """Six students, the strong two right on every question, the weak two on the
    first only: the first question does not tell them apart and is flagged; its
    link opens the question, and once rejected it leaves the analysis."""
    assignment = AssignmentFactory(classroom__teacher=teacher, quiz_length=5, pass_mark=60)
    first, *_ = QuestionFactory.create_batch(5, bank=assignment.bank)
    for number, right in enumerate((5, 5, 3, 3, 1, 1)):
        student = UserFactory(username=f"pupil{number}")
        MembershipFactory(classroom=assignment.classroom, student=student)
        take_quiz(user=student, bank=assignment.bank, right=right)
    url = f"/admin/learning/assignmentreport/{assignment.pk}/change/"

    page = teacher_client.get(url).text
    assert "1 question to check" in page
    flagged = page[page.index('class="flagged"') :]
    assert flagged.startswith(f'class="flagged" data-question="{first.pk}"')
    question_page = f"/admin/quizzes/question/{first.pk}/change/"
    assert f'href="{question_page}"' in flagged[: flagged.index("</tr>")]
    assert teacher_client.get(question_page).status_code == 200

    rejected = teacher_client.post(
        "/admin/quizzes/question/",
        {"action": "reject_questions", "_selected_action": [first.pk]},
    )
    assert rejected.status_code == 302
    first.refresh_from_db()
    assert first.status == "rejected"
    page = teacher_client.get(url).text
    assert f'data-question="{first.pk}"' not in page
    assert "to check" not in page
