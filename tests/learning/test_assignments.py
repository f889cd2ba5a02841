"""Status of an assignment, a class's progress and the item analysis, with time travel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from classes.api import TeacherAssignment
from learning import assignments
from learning.models import QuizAnswer
from learning.services import card_get_or_create, review_record
from tests.classes.helpers import study_cards, take_quiz
from tests.factories import (
    AssignmentFactory,
    MembershipFactory,
    QuestionFactory,
    UserFactory,
)
from tests.rows import open_assignment_of

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)
DUE = datetime(2026, 3, 6, 17, tzinfo=UTC)  # Friday


@pytest.fixture
def assignment(time_machine):
    time_machine.move_to(MONDAY, tick=False)
    assignment = AssignmentFactory(due_at=DUE, quiz_length=5, pass_mark=60)
    QuestionFactory.create_batch(6, bank=assignment.bank)
    return assignment


def report_of(assignment) -> TeacherAssignment:
    """The assignment as a teacher's report reads it (classes.api.assignment_get_for_teacher)."""
    return TeacherAssignment.of(assignment)


def status_of(student, assignment) -> assignments.StudentAssignment:
    (row,) = assignments.student_assignments(
        student=student, assignments=[open_assignment_of(assignment)]
    )
    return row


def test_status_moves_from_not_started_to_in_progress_to_done(assignment, student, time_machine):
    MembershipFactory(classroom=assignment.classroom, student=student)
    assert status_of(student, assignment).status == "not_started"

    time_machine.move_to(MONDAY + timedelta(hours=1))
    study_cards(user=student, bank=assignment.bank, count=2)
    row = status_of(student, assignment)
    assert (row.status, row.cards_studied, row.cards_total) == ("in_progress", 2, 6)

    time_machine.move_to(MONDAY + timedelta(days=1))
    take_quiz(user=student, bank=assignment.bank, right=2)  # 40 %: under the pass mark
    assert status_of(student, assignment).status == "in_progress"

    time_machine.move_to(MONDAY + timedelta(days=2))
    take_quiz(user=student, bank=assignment.bank, right=3)  # 60 %: passes
    row = status_of(student, assignment)
    assert row.status == "done"
    assert row.outcome.late is False
    assert row.outcome.done_at == MONDAY + timedelta(days=2)
    assert (row.outcome.quiz_best, row.outcome.quiz_last) == (60.0, 60.0)


def test_not_done_by_the_due_date_is_late_and_done_afterwards_keeps_a_late_mark(
    assignment, student, time_machine
):
    MembershipFactory(classroom=assignment.classroom, student=student)
    time_machine.move_to(DUE - timedelta(minutes=1))
    assert status_of(student, assignment).status == "not_started"
    time_machine.move_to(DUE + timedelta(minutes=1))
    row = status_of(student, assignment)
    assert (row.status, row.outcome.late) == ("late", True)

    time_machine.move_to(DUE + timedelta(days=1))
    take_quiz(user=student, bank=assignment.bank)
    row = status_of(student, assignment)
    assert (row.status, row.outcome.late) == ("done", True)


def test_a_quiz_shorter_than_asked_or_taken_before_the_assignment_does_not_count(
    student, time_machine
):
    time_machine.move_to(MONDAY, tick=False)
    assignment = AssignmentFactory(quiz_length=5, pass_mark=60)
    QuestionFactory.create_batch(6, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    time_machine.move_to(MONDAY - timedelta(days=1))
    take_quiz(user=student, bank=assignment.bank)  # before it was set
    time_machine.move_to(MONDAY + timedelta(hours=1))
    take_quiz(user=student, bank=assignment.bank, size=3)  # 3 of the 5 questions asked
    row = status_of(student, assignment)
    assert row.status == "in_progress"
    assert row.outcome.quiz_best == 100.0


def test_a_bank_smaller_than_the_quiz_asked_is_done_by_a_quiz_of_all_its_questions(
    student, time_machine
):
    """Ten questions asked, four in the bank: a quiz can ask only four, and a passed
    quiz of all four is done (for the student and in the teacher's report); three
    of the four still do not count."""
    time_machine.move_to(MONDAY, tick=False)
    assignment = AssignmentFactory(quiz_length=10, pass_mark=60)
    QuestionFactory.create_batch(4, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    time_machine.move_to(MONDAY + timedelta(hours=1))
    take_quiz(user=student, bank=assignment.bank, size=3)
    assert status_of(student, assignment).status == "in_progress"

    time_machine.move_to(MONDAY + timedelta(hours=2))
    take_quiz(user=student, bank=assignment.bank, size=10, right=3)  # 4 asked, 75 %
    row = status_of(student, assignment)
    assert (row.status, row.outcome.done_at) == ("done", MONDAY + timedelta(hours=2))
    (report,) = assignments.assignment_progress(assignment=report_of(assignment))
    assert report["status"] == "done"


def test_every_card_goal_is_done_when_the_last_card_is_first_studied(student, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    assignment = AssignmentFactory(quiz_length=None, pass_mark=None, all_cards=True)
    QuestionFactory.create_batch(3, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)

    time_machine.move_to(MONDAY + timedelta(hours=1))
    study_cards(user=student, bank=assignment.bank, count=2)
    time_machine.move_to(MONDAY + timedelta(hours=2))
    study_cards(user=student, bank=assignment.bank, count=2)  # the same two again
    assert status_of(student, assignment).status == "in_progress"

    time_machine.move_to(MONDAY + timedelta(hours=3))
    study_cards(user=student, bank=assignment.bank)
    row = status_of(student, assignment)
    assert row.status == "done"
    assert row.outcome.done_at == MONDAY + timedelta(hours=3)


def test_both_goals_need_both(student, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    assignment = AssignmentFactory(quiz_length=2, pass_mark=50, all_cards=True)
    QuestionFactory.create_batch(3, bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    take_quiz(user=student, bank=assignment.bank, size=2)
    assert status_of(student, assignment).status == "in_progress"
    study_cards(user=student, bank=assignment.bank)
    assert status_of(student, assignment).status == "done"


def test_class_progress_has_a_row_per_student_and_sorts(assignment, time_machine):
    amy, ben, cat = (UserFactory(username=name) for name in ("amy", "ben", "cat"))
    for student in (amy, ben, cat):
        MembershipFactory(classroom=assignment.classroom, student=student)
    MembershipFactory(student=UserFactory(username="dan"))  # another class
    time_machine.move_to(MONDAY + timedelta(hours=1))
    take_quiz(user=amy, bank=assignment.bank, right=5)
    take_quiz(user=ben, bank=assignment.bank, right=1)
    time_machine.move_to(DUE + timedelta(hours=1))

    rows = assignments.assignment_progress(assignment=report_of(assignment))
    assert [row["username"] for row in rows] == ["amy", "ben", "cat"]
    by_name = {row["username"]: row for row in rows}
    assert by_name["amy"]["status"] == "done"
    assert by_name["amy"]["late"] is False
    assert by_name["amy"]["quiz_best"] == 100.0
    assert by_name["amy"]["cards_studied"] == 5
    assert by_name["amy"]["cards_total"] == 6
    assert by_name["amy"]["last_active"] == MONDAY + timedelta(hours=1)
    assert (by_name["ben"]["status"], by_name["ben"]["quiz_last"]) == ("late", 20.0)
    assert (by_name["cat"]["status"], by_name["cat"]["last_active"]) == ("late", None)

    best_first = assignments.assignment_progress(
        assignment=report_of(assignment), ordering="-quiz_best"
    )
    assert [row["username"] for row in best_first] == ["amy", "ben", "cat"]
    by_status = assignments.assignment_progress(assignment=report_of(assignment), ordering="status")
    assert [row["status"] for row in by_status] == ["done", "late", "late"]


def test_class_progress_retention_is_the_share_of_recent_reviews_remembered(
    assignment, time_machine
):
    """Retention: of the reviews of review cards in the last 30 days, the share not
    rated Again; first sightings of new cards and older reviews do not count."""
    amy, ben = (UserFactory(username=name) for name in ("amy", "ben"))
    for student in (amy, ben):
        MembershipFactory(classroom=assignment.classroom, student=student)
    time_machine.move_to(MONDAY - timedelta(days=60), tick=False)
    study_cards(user=amy, bank=assignment.bank, count=4, rating=4)  # new -> review cards
    time_machine.move_to(MONDAY - timedelta(days=40), tick=False)
    study_cards(user=amy, bank=assignment.bank, count=1, rating=1)  # forgotten, long ago
    time_machine.move_to(MONDAY + timedelta(days=1), tick=False)
    questions = assignment.bank.questions.order_by("position", "id")
    for question, rating in zip(questions[1:4], (1, 3, 4), strict=True):  # 2 of 3 remembered
        review_again(user=amy, question=question, rating=rating)
    study_cards(user=ben, bank=assignment.bank, count=2)  # first sightings only

    rows = assignments.assignment_progress(assignment=report_of(assignment))
    by_name = {row["username"]: row for row in rows}
    assert by_name["amy"]["retention"] == round(2 / 3, 4)
    assert by_name["ben"]["retention"] is None


def review_again(*, user, question, rating: int) -> None:
    """Review again the card of a question the student has studied before."""
    card = card_get_or_create(user=user, question=question)
    review_record(user=user, card_id=card.pk, rating=rating)


def test_class_progress_costs_the_same_queries_for_more_students(
    assignment, django_assert_num_queries, time_machine
):
    def add_students(count: int) -> None:
        for _ in range(count):
            student = UserFactory()
            MembershipFactory(classroom=assignment.classroom, student=student)
            take_quiz(user=student, bank=assignment.bank, right=3)

    add_students(2)
    assignment.all_cards = True
    with django_assert_num_queries(5):
        small = assignments.assignment_progress(assignment=report_of(assignment))
    add_students(6)
    QuestionFactory.create_batch(10, bank=assignment.bank)
    with django_assert_num_queries(5):
        large = assignments.assignment_progress(assignment=report_of(assignment))
    assert (len(small), len(large)) == (2, 8)


def test_item_analysis_share_time_common_wrong_choice_and_discrimination(assignment, time_machine):
    """Six students: the strong two get every question right, the weak two only
    the first. The first question does not tell them apart: it is flagged."""
    students = [UserFactory(username=f"s{n}") for n in range(6)]
    for student in students:
        MembershipFactory(classroom=assignment.classroom, student=student)
    time_machine.move_to(MONDAY + timedelta(hours=1))
    for student, right in zip(students, (5, 5, 3, 3, 1, 1), strict=True):
        take_quiz(user=student, bank=assignment.bank, right=right, wrong_pick=2)
    # a second attempt does not change the analysis: first answers count
    take_quiz(user=students[5], bank=assignment.bank, right=5)
    QuestionFactory(bank=assignment.bank)  # nobody was asked it

    rows = assignments.assignment_item_analysis(assignment=report_of(assignment))
    assert len(rows) == 7  # every published question, answered or not
    first, second, *_, unasked = rows
    assert first["answers"] == 6
    assert first["share_correct"] == 1.0
    assert first["discrimination"] == 0.0
    assert first["flagged"] is True
    assert first["common_wrong"] is None
    assert second["share_correct"] == round(4 / 6, 4)
    assert second["discrimination"] == 1.0
    assert second["flagged"] is False
    assert second["common_wrong"] == {
        "choice": second["common_wrong"]["choice"],
        "text": "Ann Poe",
        "count": 2,
    }
    assert second["average_ms"] == 4000
    assert unasked["answers"] == 0
    assert (unasked["share_correct"], unasked["discrimination"], unasked["flagged"]) == (
        None,
        None,
        False,
    )
    assert QuizAnswer.objects.count() == 6 * 5 + 5


def test_item_analysis_has_no_discrimination_under_six_students(assignment, time_machine):
    for number in range(5):
        student = UserFactory()
        MembershipFactory(classroom=assignment.classroom, student=student)
        take_quiz(user=student, bank=assignment.bank, right=number)
    rows = assignments.assignment_item_analysis(assignment=report_of(assignment))
    assert {row["discrimination"] for row in rows} == {None}
    assert not any(row["flagged"] for row in rows)


def test_item_analysis_reads_only_the_class(assignment, time_machine, django_assert_num_queries):
    outsider = UserFactory()
    take_quiz(user=outsider, bank=assignment.bank, right=0)
    with django_assert_num_queries(3):
        rows = assignments.assignment_item_analysis(assignment=report_of(assignment))
    assert {row["answers"] for row in rows} == {0}
