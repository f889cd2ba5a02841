"""Issue 13: in the study queue over all banks, the due reviews of banks assigned to
the student's classes come first (before more overdue reviews of other banks, even
past the fetched window), and so do their new cards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from classes.api import classroom_leave
from learning import selectors, services
from tests.factories import (
    AssignmentFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def queue(user, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return services.study_queue_open(user=user, **kwargs)


def reviewed(student, bank, at):
    """Every card of `bank` answered Easy at `at` (a review card, due days later)."""
    services.preferences_update(user=student, new_cards_per_day=9999)
    with time_machine.travel(at, tick=False):
        for question in bank.questions.all():
            card = services.card_get_or_create(user=student, question=question)
            services.review_record(user=student, card_id=card.pk, rating=4)


def assign(student, bank, **kwargs):
    membership = MembershipFactory(student=student)
    return AssignmentFactory(classroom=membership.classroom, bank=bank, **kwargs)


def make_bank(teacher, n, title):
    bank = QuestionBankFactory(owner=teacher, title=title)
    QuestionFactory.create_batch(n, bank=bank)
    return bank


def banks_of(items):
    return [item.question_row.bank_id for item in items]


def test_due_reviews_of_an_assigned_bank_come_before_more_overdue_ones(student, teacher):
    backlog = make_bank(teacher, 20, "Backlog")  # more than the fetched window (2 * 2 + 10)
    homework = make_bank(teacher, 2, "Homework")
    reviewed(student, backlog, T0 - timedelta(days=90))  # long overdue
    reviewed(student, homework, T0 - timedelta(days=20))  # barely due
    services.preferences_update(user=student, new_cards_per_day=0)

    before = queue(student, T0, limit=2)
    assert banks_of(before.items) == [backlog.pk, backlog.pk]  # the most overdue first

    assign(student, homework)
    after = queue(student, T0, limit=2)
    assert banks_of(after.items) == [homework.pk, homework.pk]
    assert after.review_count == 22  # the counts are the same: only the order changed
    assert len(queue(student, T0, limit=30).items) == 22


def test_learning_cards_still_come_before_assigned_reviews(student, teacher):
    other = make_bank(teacher, 1, "Other")
    homework = make_bank(teacher, 1, "Homework")
    reviewed(student, homework, T0 - timedelta(days=30))
    assign(student, homework)
    with time_machine.travel(T0 - timedelta(minutes=15), tick=False):
        card = services.card_get_or_create(user=student, question=other.questions.get())
        services.review_record(user=student, card_id=card.pk, rating=3)  # back in 10 minutes

    assert banks_of(queue(student, T0).items) == [other.pk, homework.pk]


def test_new_cards_of_an_assigned_bank_come_first(student, teacher):
    first_by_title = make_bank(teacher, 3, "Alpha")
    homework = make_bank(teacher, 3, "Zeta")
    services.preferences_update(user=student, new_cards_per_day=4)
    assert banks_of(queue(student, T0, limit=3).items) == [first_by_title.pk] * 3

    assign(student, homework)

    items = queue(student, T0 + timedelta(minutes=1), limit=4).items
    assert banks_of(items) == [homework.pk] * 3 + [first_by_title.pk]


def test_an_assignment_not_started_yet_or_of_a_class_left_changes_nothing(student, teacher):
    backlog = make_bank(teacher, 3, "Backlog")
    homework = make_bank(teacher, 1, "Homework")
    reviewed(student, backlog, T0 - timedelta(days=90))
    reviewed(student, homework, T0 - timedelta(days=20))
    services.preferences_update(user=student, new_cards_per_day=0)
    later = assign(student, homework, starts_at=T0 + timedelta(days=2))
    assert banks_of(queue(student, T0, limit=1).items) == [backlog.pk]
    assert banks_of(queue(student, T0 + timedelta(days=3), limit=1).items) == [homework.pk]

    classroom_leave(student=student, classroom_id=later.classroom_id)

    assert banks_of(queue(student, T0 + timedelta(days=3), limit=1).items) == [backlog.pk]


def test_a_bank_of_its_own_is_studied_without_looking_at_assignments(
    student, teacher, django_assert_num_queries
):
    homework = make_bank(teacher, 2, "Homework")
    reviewed(student, homework, T0 - timedelta(days=20))
    assign(student, homework)
    queue(student, T0, bank=homework)  # preferences stored, cards made
    # preferences, the study day, the candidates (due and new), the cards shown, their
    # choices: no assignment read (over all banks, one more: the banks in order)
    with time_machine.travel(T0, tick=False), django_assert_num_queries(5):
        result = selectors.study_queue(user=student, bank=homework)
    assert banks_of(result.items) == [homework.pk, homework.pk]
