"""Student pages of classes: join by code or link, leave, "Assigned to you"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from classes.models import Membership
from learning.models import Card, QuizAttempt
from tests.classes.helpers import study_cards, take_quiz
from tests.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


def test_a_student_joins_with_a_code_and_sees_the_class(student_client, student):
    classroom = ClassroomFactory(join_code="ABCDEFGH", name="Year 9 news")
    response = student_client.post("/classes/", {"code": "abcd efgh"}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "You joined Year 9 news" in response.text
    page = student_client.get("/classes/")
    assert "Year 9 news" in page.text
    assert Membership.objects.filter(classroom=classroom, student=student).exists()


def test_a_wrong_code_is_a_form_error_and_joins_nothing(student_client):
    ClassroomFactory(join_code="ABCDEFGH")
    response = student_client.post("/classes/", {"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 400
    assert "No class has this code" in response.text
    assert not Membership.objects.exists()


def test_the_join_link_shows_the_class_and_joins_only_on_the_button(student_client, student):
    classroom = ClassroomFactory(join_code="ABCDEFGH", name="Year 9 news")
    page = student_client.get("/classes/join/ABCDEFGH/")
    assert page.status_code == 200
    assert "Join Year 9 news" in page.text
    assert not Membership.objects.exists()  # a GET (a link preview) enrols nobody
    student_client.post("/classes/join/ABCDEFGH/")
    assert Membership.objects.filter(classroom=classroom, student=student).exists()


def test_an_old_or_closed_link_says_so(student_client):
    ClassroomFactory(join_code="ABCDEFGH", join_open=False)
    gone = student_client.get("/classes/join/ZZZZZZZZ/")
    assert gone.status_code == 404
    assert "This link does not work" in gone.text
    closed = student_client.post("/classes/join/ABCDEFGH/")
    assert closed.status_code == 400
    assert "closed to new students" in closed.text
    assert not Membership.objects.exists()


def test_the_join_link_asks_a_visitor_to_log_in_and_comes_back(client):
    response = client.get("/classes/join/ABCDEFGH/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/classes/join/ABCDEFGH/")


def test_leaving_a_class_keeps_the_cards(student_client, student):
    assignment = AssignmentFactory()
    QuestionFactory.create_batch(2, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    study_cards(user=student, bank=assignment.bank)
    response = student_client.post(f"/classes/{assignment.classroom_id}/leave/", follow=True)
    assert "Your own cards and reviews are kept" in response.text
    assert not Membership.objects.exists()
    assert Card.objects.filter(user=student).count() == 2
    assert student_client.post(f"/classes/{assignment.classroom_id}/leave/").status_code == 404
    assert student_client.get(f"/classes/{assignment.classroom_id}/leave/").status_code == 405


def test_home_shows_assigned_work_first_with_status_and_due_date(
    student_client, student, time_machine
):
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    assignment = AssignmentFactory(
        bank__title="This week's news", due_at=datetime(2026, 3, 6, 17, tzinfo=UTC)
    )
    QuestionFactory.create_batch(5, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    page = student_client.get("/").text
    assigned = page.index("Assigned to you")
    assert assigned < page.index("Question banks")
    assert "This week&#x27;s news" in page[assigned:]
    assert "Not started" in page
    assert 'Due <time datetime="2026-03-06T17:00:00+00:00">Fri 6 Mar, 17:00</time>' in page

    take_quiz(user=student, bank=assignment.bank)
    assert "Done" in student_client.get("/").text


def _home_quiz_goal(client, assignment) -> str:
    """The quiz pill of the assignment's card on the home page."""
    page = client.get("/").text
    card = page[page.index(f'data-testid="assignment-{assignment.pk}"') :]
    pill = card[card.index('data-testid="assignment-quiz-goal">') :]
    return pill[len('data-testid="assignment-quiz-goal">') : pill.index("</li>")]


def test_the_quiz_pill_counts_the_questions_the_quiz_asks(
    student_client, student, queries_of, django_assert_num_queries
):
    """A quiz of 10 on a bank of 4 asks 4: the pill says 4, not 10; a bank big
    enough keeps the assignment's length; one question reads in the singular.
    The count costs no query per assignment."""
    short = AssignmentFactory(quiz_length=10, pass_mark=60)
    QuestionFactory.create_batch(4, bank=short.bank)
    MembershipFactory(classroom=short.classroom, student=student)
    student_client.get("/")
    one_assignment = queries_of(lambda: student_client.get("/"))
    long_enough = AssignmentFactory(classroom=short.classroom, quiz_length=3, pass_mark=50)
    QuestionFactory.create_batch(5, bank=long_enough.bank)
    single = AssignmentFactory(classroom=short.classroom, quiz_length=5, pass_mark=100)
    QuestionFactory(bank=single.bank)
    with django_assert_num_queries(one_assignment):
        student_client.get("/")
    assert _home_quiz_goal(student_client, short) == "Quiz: 4 questions, pass 60%"
    assert _home_quiz_goal(student_client, long_enough) == "Quiz: 3 questions, pass 50%"
    assert _home_quiz_goal(student_client, single) == "Quiz: 1 question, pass 100%"


def _home_status(client, assignment) -> str:
    """The status pill of the assignment's card on the home page."""
    page = client.get("/").text
    card = page[page.index(f'data-testid="assignment-{assignment.pk}"') :]
    pill = card[card.index('data-testid="assignment-status">') :]
    return pill[len('data-testid="assignment-status">') : pill.index("</li>")]


def test_home_marks_work_not_done_by_the_due_date_late_and_keeps_the_mark_when_done(
    student_client, student, time_machine
):
    due = datetime(2026, 3, 6, 17, tzinfo=UTC)
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    assignment = AssignmentFactory(due_at=due)
    QuestionFactory.create_batch(5, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    study_cards(user=student, bank=assignment.bank, count=1)
    assert _home_status(student_client, assignment) == "In progress"

    time_machine.move_to(due + timedelta(minutes=1), tick=False)
    assert _home_status(student_client, assignment) == "Late"

    time_machine.move_to(due + timedelta(days=1), tick=False)
    take_quiz(user=student, bank=assignment.bank)
    assert _home_status(student_client, assignment) == "Done (late)"


def test_the_assignment_button_starts_its_quiz(student_client, student):
    assignment = AssignmentFactory(quiz_length=3)
    QuestionFactory.create_batch(5, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    response = student_client.post(f"/assignments/{assignment.pk}/quiz/")
    attempt = QuizAttempt.objects.get(user=student)
    assert response["Location"] == f"/quiz/{attempt.pk}/"
    assert (attempt.bank_id, attempt.size) == (assignment.bank_id, 3)
    other = AssignmentFactory()
    assert student_client.post(f"/assignments/{other.pk}/quiz/").status_code == 404


def test_an_assignment_quiz_longer_than_its_bank_is_done_by_a_quiz_of_every_question(
    student_client, student
):
    """The teacher asked for 10 questions, the bank has 4 (or lost some to rejection):
    the assignment's own button asks all 4, and passing it completes the assignment."""
    assignment = AssignmentFactory(quiz_length=10, pass_mark=60)
    QuestionFactory.create_batch(4, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    assert _home_quiz_goal(student_client, assignment) == "Quiz: 4 questions, pass 60%"
    student_client.post(f"/assignments/{assignment.pk}/quiz/")
    attempt = QuizAttempt.objects.get(user=student)
    assert len(attempt.question_ids) == 4
    take_quiz(user=student, bank=assignment.bank, size=10)
    assert _home_status(student_client, assignment) == "Done"


def test_an_assignment_of_a_bank_taken_back_to_draft_leaves_the_students_pages(
    student_client, student
):
    """The teacher returns an assigned bank to draft: its title leaves "Assigned to
    you" (a draft reaches no student) and the assignment's quiz is a 404."""
    assignment = AssignmentFactory(bank__title="Pulled back for fixes")
    QuestionFactory.create_batch(5, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    assert "Pulled back for fixes" in student_client.get("/").text
    assignment.bank.status = "draft"
    assignment.bank.save(update_fields=["status"])

    assert "Pulled back for fixes" not in student_client.get("/").text
    assert student_client.post(f"/assignments/{assignment.pk}/quiz/").status_code == 404
    assert not QuizAttempt.objects.exists()
