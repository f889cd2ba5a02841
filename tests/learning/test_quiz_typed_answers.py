"""Typed quiz answers (learning.services.quiz_answer with the quizzes matcher):
forgiving matching, and "I was right" turning a miss into a pass before it is
logged into the card's schedule."""

from __future__ import annotations

import pytest

from learning.models import Card, CardState, QuizAnswer, ReviewLog
from learning.services import (
    ReviewError,
    quiz_answer,
    quiz_answer_override,
    quiz_answers_settle,
    quiz_finish,
    quiz_start,
)
from tests.factories import QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cloze_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, title="Typed")
    QuestionFactory(
        bank=bank,
        kind="cloze",
        prompt="Fill in the blank: “We will build roads,” said ____.",
        answer="Mr Kassym-Jomart Tokayev",
        accepted_answers=["the President"],
        choices=[],
        position=1,
    )
    QuestionFactory(
        bank=bank,
        kind="free_text",
        prompt="Which city hosted the summit?",
        answer="Tashkent",
        choices=[],
        position=2,
    )
    return bank


def _start(student, bank):
    attempt = quiz_start(user=student, bank=bank, size=2, mode="due_first")
    first, second = attempt.question_ids
    return attempt, first, second


def test_a_surname_with_two_letters_swapped_is_right_and_logged_as_good(student, cloze_bank):
    attempt, cloze, _ = _start(student, cloze_bank)

    answer = quiz_answer(user=student, attempt=attempt, question_id=cloze, text="Tokaeyv")

    assert answer.is_correct
    assert not answer.held
    assert answer.review.rating == 3
    attempt.refresh_from_db()
    assert attempt.correct_count == 1


def test_the_teachers_alternative_is_right(student, cloze_bank):
    attempt, cloze, _ = _start(student, cloze_bank)

    answer = quiz_answer(user=student, attempt=attempt, question_id=cloze, text="The president")

    assert answer.is_correct


def test_a_held_miss_is_not_in_the_schedule_until_the_student_goes_on(student, cloze_bank):
    attempt, cloze, city = _start(student, cloze_bank)

    held = quiz_answer(
        user=student, attempt=attempt, question_id=cloze, text="Nazarbayev", hold_typed_miss=True
    )

    assert (held.is_correct, held.held, held.review) == (False, True, None)
    assert not ReviewLog.objects.exists()
    assert quiz_answers_settle(user=student, attempt=attempt) == 1
    held.refresh_from_db()
    assert not held.held
    assert held.review.rating == 1  # Again
    assert held.review.reviewed_at == held.answered_at
    assert Card.objects.get(user=student, question_id=cloze).lapses == 0
    assert quiz_answers_settle(user=student, attempt=attempt) == 0  # only once


def test_i_was_right_turns_the_miss_into_a_pass_before_it_is_logged(student, cloze_bank):
    attempt, cloze, _ = _start(student, cloze_bank)
    quiz_answer(
        user=student,
        attempt=attempt,
        question_id=cloze,
        text="Kassym Tokayev",  # the teacher would accept it; the matcher does not
        duration_ms=4000,
        hold_typed_miss=True,
    )

    answer = quiz_answer_override(user=student, attempt=attempt, question_id=cloze)

    assert (answer.is_correct, answer.overridden, answer.held) == (True, True, False)
    logs = list(ReviewLog.objects.filter(user=student))
    assert [log.rating for log in logs] == [3]  # one review, a pass: no Again ever logged
    card = Card.objects.get(user=student, question_id=cloze)
    assert card.state == CardState.LEARNING
    assert card.lapses == 0
    attempt.refresh_from_db()
    assert attempt.correct_count == 1
    # Pressing it twice changes nothing.
    quiz_answer_override(user=student, attempt=attempt, question_id=cloze)
    assert ReviewLog.objects.count() == 1


def test_a_logged_miss_can_no_longer_be_overridden(student, cloze_bank):
    attempt, cloze, city = _start(student, cloze_bank)
    quiz_answer(user=student, attempt=attempt, question_id=cloze, text="No", hold_typed_miss=True)
    quiz_answer(user=student, attempt=attempt, question_id=city, text="Tashkent")

    with pytest.raises(ReviewError) as error:
        quiz_answer_override(user=student, attempt=attempt, question_id=cloze)

    assert error.value.field == "question"
    assert sorted(ReviewLog.objects.values_list("rating", flat=True)) == [1, 3]


def test_finishing_the_quiz_logs_a_held_miss(student, cloze_bank):
    attempt, cloze, _ = _start(student, cloze_bank)
    quiz_answer(user=student, attempt=attempt, question_id=cloze, text="No", hold_typed_miss=True)

    quiz_finish(attempt=attempt)

    answer = QuizAnswer.objects.get(attempt=attempt, question_id=cloze)
    assert not answer.held
    assert answer.review.rating == 1
    assert attempt.correct_count == 0


def test_only_the_student_may_override_their_answer(student, other_student, cloze_bank):
    attempt, cloze, _ = _start(student, cloze_bank)
    quiz_answer(user=student, attempt=attempt, question_id=cloze, text="No", hold_typed_miss=True)

    with pytest.raises(ReviewError) as error:
        quiz_answer_override(user=other_student, attempt=attempt, question_id=cloze)

    assert error.value.status == 404
    assert QuizAnswer.objects.get(question_id=cloze).held


def test_without_holding_a_typed_miss_is_logged_at_once(student, cloze_bank):
    """The API's answers (no "I was right" there yet) are logged straight away."""
    attempt, cloze, _ = _start(student, cloze_bank)

    answer = quiz_answer(user=student, attempt=attempt, question_id=cloze, text="Nazarbayev")

    assert not answer.held
    assert answer.review.rating == 1
