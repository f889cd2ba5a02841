"""A way on and a way out (issue 17, items 4 and 6): "study more" past the daily
new-card limit, retrying the questions missed in a quiz, and cards a student
suspends for themself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from learning import selectors, services
from learning.assignments import student_assignments
from learning.models import Card, CardState, QuizAttempt
from tests.factories import (
    AssignmentFactory,
    CardFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
)
from tests.rows import open_assignment_of

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def at(moment, action, **kwargs):
    with time_machine.travel(moment, tick=False):
        return action(**kwargs)


def make_bank(teacher, n):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(n, bank=bank)
    return bank


def learn(student, items, moment):
    for item in items:
        at(moment, services.review_record, user=student, card_id=item.card_row.pk, rating=3)


# --- study more ---------------------------------------------------------------


def test_study_more_raises_todays_new_limit_by_ten_for_today_only(student, teacher):
    services.preferences_update(user=student, new_cards_per_day=5)
    bank = make_bank(teacher, 30)
    first = at(T0, services.study_queue_open, user=student, bank=bank)
    learn(student, first.items, T0)
    reached = at(T0 + timedelta(minutes=1), services.study_queue_open, user=student, bank=bank)
    assert (reached.new_limit, reached.new_left, reached.new_available) == (5, 0, 0)
    assert selectors.new_cards_waiting(user=student, bank=bank) == 25

    at(T0 + timedelta(minutes=2), services.study_more, user=student, new_cards=10)
    more = at(T0 + timedelta(minutes=2), services.study_queue_open, user=student, bank=bank)
    assert (more.new_limit, more.new_left) == (15, 10)
    assert sum(item.is_new for item in more.items) == 10

    # a second "study more" the same day adds to the first
    at(T0 + timedelta(minutes=3), services.study_more, user=student, new_cards=10)
    assert at(T0 + timedelta(minutes=3), services.study_queue_open, user=student).new_limit == 25
    # the next study day, the daily limit is back
    assert at(T0 + timedelta(days=1), services.study_queue_open, user=student).new_limit == 5


@pytest.mark.parametrize("bad", [0, -3, 1001, "ten", None])
def test_study_more_refuses_a_count_out_of_range_naming_the_field(student, bad):
    with pytest.raises(services.ReviewError) as error:
        services.study_more(user=student, new_cards=bad)
    assert error.value.field == "new_cards"
    assert services.preferences_get(user=student).extra_new_cards == 0


def test_study_more_follows_the_students_study_day(student, teacher):
    # Tokyo (UTC+9), day starting at 04:00: 18:30 UTC is still "yesterday" there.
    services.preferences_update(user=student, time_zone="Asia/Tokyo", new_cards_per_day=2)
    evening = datetime(2025, 3, 3, 18, 30, tzinfo=UTC)
    at(evening, services.study_more, user=student, new_cards=10)
    assert at(evening, selectors.progress_today, user=student)["new_limit"] == 12
    assert (
        at(evening + timedelta(hours=1), selectors.progress_today, user=student)["new_limit"] == 2
    )


def test_progress_today_says_how_many_new_cards_the_limit_still_lets_in(student, teacher):
    services.preferences_update(user=student, new_cards_per_day=3)
    bank = make_bank(teacher, 5)
    learn(student, at(T0, services.study_queue_open, user=student, bank=bank).items[:2], T0)
    today = at(T0 + timedelta(minutes=1), selectors.progress_today, user=student)
    assert (today["new_limit"], today["new_learned"], today["new_left"]) == (3, 2, 1)


# --- retry the ones I missed ----------------------------------------------------


def finished_quiz(student, bank, *, right: int):
    attempt = services.quiz_start(user=student, bank=bank, size=5)
    for index, question_id in enumerate(attempt.question_ids):
        question = bank.questions.get(pk=question_id)
        choice = question.choices.filter(is_correct=index < right).first()
        services.quiz_answer(
            user=student, attempt=attempt, question_id=question_id, choice_id=choice.pk
        )
    return services.quiz_finish(attempt=attempt)


def test_retry_asks_again_only_the_questions_missed(student, teacher):
    bank = make_bank(teacher, 5)
    attempt = finished_quiz(student, bank, right=2)
    missed = attempt.question_ids[2:]

    retry = services.quiz_retry(user=student, attempt=attempt)

    assert sorted(retry.question_ids) == sorted(missed)
    assert (retry.bank_id, retry.retry_of_id, retry.finished_at) == (bank.pk, attempt.pk, None)


def test_retry_leaves_out_questions_no_longer_published(student, teacher):
    bank = make_bank(teacher, 5)
    attempt = finished_quiz(student, bank, right=2)
    bank.questions.filter(pk=attempt.question_ids[4]).update(status="archived")

    retry = services.quiz_retry(user=student, attempt=attempt)

    assert sorted(retry.question_ids) == sorted(attempt.question_ids[2:4])


def test_retry_needs_a_finished_quiz_with_something_missed_and_the_callers_own(
    student, other_student, teacher
):
    bank = make_bank(teacher, 5)
    unfinished = services.quiz_start(user=student, bank=bank, size=5)
    with pytest.raises(services.ReviewError, match="Finish this quiz first"):
        services.quiz_retry(user=student, attempt=unfinished)
    perfect = finished_quiz(student, bank, right=5)
    with pytest.raises(services.ReviewError, match="missed no question"):
        services.quiz_retry(user=student, attempt=perfect)
    missed = finished_quiz(student, bank, right=1)
    with pytest.raises(services.ReviewError) as error:
        services.quiz_retry(user=other_student, attempt=missed)
    assert error.value.status == 404
    assert QuizAttempt.objects.filter(retry_of__isnull=False).count() == 0


def test_a_retry_never_counts_toward_an_assignments_quiz(student, teacher):
    membership = MembershipFactory(student=student)
    assignment = AssignmentFactory(
        classroom=membership.classroom, quiz_length=3, pass_mark=100, all_cards=False
    )
    QuestionFactory.create_batch(5, bank=assignment.bank)
    attempt = finished_quiz(student, assignment.bank, right=2)  # 40 %: not passed
    retry = services.quiz_retry(user=student, attempt=attempt)
    for question_id in retry.question_ids:  # all three right: 100 % of 3 questions
        question = assignment.bank.questions.get(pk=question_id)
        services.quiz_answer(
            user=student,
            attempt=retry,
            question_id=question_id,
            choice_id=question.choices.get(is_correct=True).pk,
        )
    services.quiz_finish(attempt=retry)

    [row] = student_assignments(student=student, assignments=[open_assignment_of(assignment)])

    assert row.status == "in_progress"
    assert row.outcome.quiz_best == 40.0


# --- suspended cards ---------------------------------------------------------------


def test_a_suspended_card_never_comes_in_the_queue_until_unsuspended(student, teacher):
    bank = make_bank(teacher, 3)
    cards = [
        item.card_row for item in at(T0, services.study_queue_open, user=student, bank=bank).items
    ]
    learn(student, at(T0, services.study_queue_open, user=student, bank=bank).items, T0)
    services.card_suspend(user=student, card_id=cards[0].pk)  # a learning card
    later = T0 + timedelta(days=3)  # every card due again

    queue = at(later, services.study_queue_open, user=student, bank=bank)
    assert cards[0].pk not in [item.card_row.pk for item in queue.items]
    assert len(queue.items) == 2

    services.card_unsuspend(user=student, card_id=cards[0].pk)
    assert cards[0].pk in [
        item.card_row.pk
        for item in at(later, services.study_queue_open, user=student, bank=bank).items
    ]


def test_a_suspended_new_card_is_not_new_anymore(student, teacher):
    bank = make_bank(teacher, 3)
    question = bank.questions.order_by("position").first()
    card = services.card_get_or_create(user=student, question=question)
    services.card_suspend(user=student, card_id=card.pk)

    queue = at(T0, services.study_queue_open, user=student, bank=bank)

    assert question.pk not in [item.question_row.pk for item in queue.items]
    assert queue.new_available == 2
    assert selectors.new_cards_waiting(user=student, bank=bank) == 2
    assert selectors.bank_mastery(user=student, banks=[bank])[bank.pk]["new"] == 2


def test_suspended_cards_count_neither_as_due_nor_in_the_forecast(student, teacher):
    bank = make_bank(teacher, 2)
    old = T0 - timedelta(days=30)
    learn(student, at(old, services.study_queue_open, user=student, bank=bank).items, old)
    card = Card.objects.filter(user=student).first()
    services.card_suspend(user=student, card_id=card.pk)

    assert at(T0, selectors.bank_mastery, user=student, banks=[bank])[bank.pk]["due"] == 1
    assert at(T0, selectors.progress_today, user=student)["due_now"] == 1
    summary = at(T0, selectors.progress_summary, user=student)
    assert sum(day["count"] for day in summary["forecast"]) == 1


def test_suspending_keeps_the_memory_state_and_is_idempotent(student, bank):
    card = CardFactory(
        user=student,
        question=bank.questions.first(),
        state=CardState.REVIEW,
        stability=12.5,
        reps=4,
    )
    first = services.card_suspend(user=student, card_id=card.pk)
    again = services.card_suspend(user=student, card_id=card.pk)

    assert first.suspended_at is not None
    assert again.suspended_at == first.suspended_at
    card.refresh_from_db()
    assert (card.state, card.stability, card.reps) == (CardState.REVIEW, 12.5, 4)
    assert list(selectors.cards_suspended(user=student)) == [card]
    services.card_unsuspend(user=student, card_id=card.pk)
    assert list(selectors.cards_suspended(user=student)) == []


def test_a_student_cannot_suspend_someone_elses_card(student, other_student, bank):
    card = CardFactory(user=other_student, question=bank.questions.first())
    for action in (services.card_suspend, services.card_unsuspend):
        with pytest.raises(services.ReviewError) as error:
            action(user=student, card_id=card.pk)
        assert error.value.status == 404
    card.refresh_from_db()
    assert card.suspended_at is None


def test_suspending_a_question_met_only_in_a_quiz_makes_its_card(student, bank):
    question = bank.questions.first()
    card = services.question_card_suspend(user=student, question=question)
    assert card.user == student
    assert card.question == question
    assert selectors.card_is_suspended(user=student, question_id=question.pk)
    assert card.suspended_at <= timezone.now()
