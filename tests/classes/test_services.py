"""Classes and assignments: writes and the database's own guards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction

from classes import selectors, services
from classes.models import JOIN_CODE_ALPHABET, Assignment, Membership
from classes.services import ClassError
from learning.models import Card, ReviewLog
from learning.services import card_get_or_create, review_record
from tests.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_new_class_gets_a_code_of_unambiguous_characters(teacher):
    classroom = services.classroom_create(teacher=teacher, name="  Year 9 news  ")
    assert classroom.name == "Year 9 news"
    assert len(classroom.join_code) == 8
    assert set(classroom.join_code) <= set(JOIN_CODE_ALPHABET)
    assert not set(classroom.join_code) & set("01ILO")
    assert classroom.join_code_display == f"{classroom.join_code[:4]}-{classroom.join_code[4:]}"


def test_a_class_needs_a_name(teacher):
    with pytest.raises(ClassError) as error:
        services.classroom_create(teacher=teacher, name="   ")
    assert error.value.field == "name"


def test_a_student_joins_with_the_code_typed_loosely(student):
    classroom = ClassroomFactory(join_code="ABCDEFGH")
    membership, created = services.classroom_join(student=student, code=" abcd-efgh ")
    assert created
    assert membership.classroom == classroom
    again, created_again = services.classroom_join(student=student, code="ABCDEFGH")
    assert (again, created_again) == (membership, False)
    assert Membership.objects.filter(student=student).count() == 1


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "A join code is 8"),
        ("ABCD-EFG0", "A join code is 8"),  # 0 is not in the alphabet
        ("ZZZZ-ZZZZ", "No class has this code"),
    ],
)
def test_a_bad_code_names_the_field_and_joins_nothing(student, code, message):
    ClassroomFactory(join_code="ABCDEFGH")
    with pytest.raises(ClassError) as error:
        services.classroom_join(student=student, code=code)
    assert error.value.field == "code"
    assert message in error.value.message
    assert not Membership.objects.exists()


def test_a_closed_class_and_a_rotated_code_refuse_new_students(student, other_student):
    classroom = ClassroomFactory(join_code="ABCDEFGH")
    services.classroom_join(student=student, code="ABCDEFGH")
    services.classroom_update(classroom=classroom, join_open=False)
    with pytest.raises(ClassError, match="closed"):
        services.classroom_join(student=other_student, code="ABCDEFGH")
    services.classroom_update(classroom=classroom, join_open=True)
    services.classroom_rotate_code(classroom=classroom)
    assert classroom.join_code != "ABCDEFGH"
    with pytest.raises(ClassError, match="No class has this code"):
        services.classroom_join(student=other_student, code="ABCDEFGH")
    _, created = services.classroom_join(student=other_student, code=classroom.join_code)
    assert created
    # the members who joined with the old code stay
    assert set(classroom.memberships.values_list("student__username", flat=True)) == {
        "stella",
        "oscar",
    }


def test_a_teacher_cannot_join_their_own_class(teacher):
    classroom = ClassroomFactory(teacher=teacher)
    with pytest.raises(ClassError, match="You teach this class"):
        services.classroom_join(student=teacher, code=classroom.join_code)


def test_members_are_added_all_or_none_by_username_or_email(teacher):
    classroom = ClassroomFactory(teacher=teacher)
    UserFactory(username="amy")
    UserFactory(username="ben", email="ben@school.example")
    with pytest.raises(ClassError) as error:
        services.members_add(classroom=classroom, usernames=["amy", "nobody", "ghost"])
    assert error.value.field == "usernames"
    assert "nobody, ghost" in error.value.message
    assert not classroom.memberships.exists()

    result = services.members_add(classroom=classroom, usernames=["amy", "BEN@school.example"])
    assert result.as_dict() == {"added": ["amy", "ben"], "already": []}
    again = services.members_add(classroom=classroom, usernames=["Amy"])
    assert again.as_dict() == {"added": [], "already": ["amy"]}


def test_members_come_from_a_csv_with_or_without_header():
    assert services.usernames_from_csv(b"name,username\nAmy A,amy\nBen B,ben\n") == ["amy", "ben"]
    assert services.usernames_from_csv("\ufeffamy\n\nben\n".encode()) == ["amy", "ben"]
    with pytest.raises(ClassError) as error:
        services.usernames_from_csv(b"\xff\xfe\x00")
    assert error.value.field == "file"


def test_leaving_a_class_keeps_the_students_own_history(student):
    assignment = AssignmentFactory()
    question = QuestionFactory(bank=assignment.bank)
    MembershipFactory(classroom=assignment.classroom, student=student)
    card = card_get_or_create(user=student, question=question)
    review_record(user=student, card_id=card.pk, rating=3)

    services.classroom_leave(student=student, classroom_id=assignment.classroom_id)

    assert not Membership.objects.filter(student=student).exists()
    assert Card.objects.filter(user=student).count() == 1
    assert ReviewLog.objects.filter(user=student).count() == 1
    with pytest.raises(ClassError) as error:
        services.classroom_leave(student=student, classroom_id=assignment.classroom_id)
    assert error.value.status == 404


def test_a_teacher_assigns_their_own_or_a_public_published_bank(teacher, other_teacher):
    classroom = ClassroomFactory(teacher=teacher)
    own_private = QuestionBankFactory(owner=teacher, is_public=False)
    others_public = QuestionBankFactory(owner=other_teacher, is_public=True)
    others_private = QuestionBankFactory(owner=other_teacher, is_public=False)
    own_draft = QuestionBankFactory(owner=teacher, status="draft")

    for bank in (own_private, others_public):
        services.assignment_create(
            classroom=classroom, bank=bank, assigned_by=teacher, quiz_length=5, pass_mark=80
        )
    for bank, message in ((others_private, "own banks"), (own_draft, "published")):
        with pytest.raises(ClassError, match=message) as error:
            services.assignment_create(
                classroom=classroom, bank=bank, assigned_by=teacher, all_cards=True
            )
        assert error.value.field == "bank"
    with pytest.raises(ClassError, match="already assigned"):
        services.assignment_create(
            classroom=classroom, bank=own_private, assigned_by=teacher, all_cards=True
        )
    assert Assignment.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "quiz_length"),  # no goal at all
        ({"quiz_length": 5}, "pass_mark"),
        ({"pass_mark": 50, "all_cards": True}, "quiz_length"),
        ({"quiz_length": 0, "pass_mark": 50}, "quiz_length"),
        ({"quiz_length": 5, "pass_mark": 101}, "pass_mark"),
        (
            {
                "all_cards": True,
                "starts_at": datetime(2026, 3, 2, tzinfo=UTC),
                "due_at": datetime(2026, 3, 1, tzinfo=UTC),
            },
            "due_at",
        ),
    ],
)
def test_an_assignment_without_a_sound_goal_or_dates_is_refused(teacher, fields, field):
    classroom = ClassroomFactory(teacher=teacher)
    bank = QuestionBankFactory(owner=teacher)
    with pytest.raises(ClassError) as error:
        services.assignment_create(classroom=classroom, bank=bank, assigned_by=teacher, **fields)
    assert error.value.field == field
    assert not Assignment.objects.exists()


def test_an_update_that_fails_leaves_the_assignment_as_it_was(teacher):
    assignment = AssignmentFactory(classroom__teacher=teacher)
    with pytest.raises(ClassError):
        services.assignment_update(assignment=assignment, user=teacher, pass_mark=None)
    assert assignment.pass_mark == 60
    assignment.refresh_from_db()
    assert assignment.pass_mark == 60


@pytest.mark.parametrize(
    "fields",
    [
        {"quiz_length": 5, "pass_mark": None},
        {"quiz_length": None, "pass_mark": None, "all_cards": False},
        {"quiz_length": 101, "pass_mark": 50},
        {
            "starts_at": datetime(2026, 3, 2, tzinfo=UTC),
            "due_at": datetime(2026, 3, 2, tzinfo=UTC) - timedelta(hours=1),
        },
    ],
)
def test_the_database_itself_refuses_an_unsound_assignment(fields):
    assignment = AssignmentFactory()
    for name, value in fields.items():
        setattr(assignment, name, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        assignment.save()


def test_the_database_refuses_a_second_membership_and_a_short_code(student):
    membership = MembershipFactory(student=student)
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(classroom=membership.classroom, student=student)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClassroomFactory(join_code="ABC")


def test_a_student_sees_only_started_assignments_of_their_own_classes(student, time_machine):
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    mine = MembershipFactory(student=student).classroom
    now_open = AssignmentFactory(classroom=mine, due_at=datetime(2026, 3, 9, tzinfo=UTC))
    later = AssignmentFactory(classroom=mine, starts_at=datetime(2026, 3, 5, tzinfo=UTC))
    AssignmentFactory()  # another class

    assert list(selectors.assignment_list_for_student(student=student)) == [now_open]
    time_machine.move_to(datetime(2026, 3, 5, 9, tzinfo=UTC))
    assert list(selectors.assignment_list_for_student(student=student)) == [now_open, later]
    assert set(
        selectors.bank_ids_assigned_to(student=student).values_list("bank_id", flat=True)
    ) == {
        now_open.bank_id,
        later.bank_id,
    }
