"""Typed answers on the quiz pages: a typo accepted and said so, "I was right"
before the miss is logged (with and without JavaScript), timeline feedback with
dates and partial credit."""

from __future__ import annotations

import pytest

from learning.models import QuizAnswer, ReviewLog
from learning.services import quiz_start
from tests.factories import (
    OrderingQuestionFactory,
    QuestionBankFactory,
    QuestionFactory,
)

HX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


@pytest.fixture
def typed_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, title="Typed")
    QuestionFactory(
        bank=bank,
        kind="cloze",
        prompt="Fill in the blank: ____ said the roads would be built.",
        answer="Mr Tokayev",
        choices=[],
    )
    return bank


def _answer(client, attempt, text, **extra):
    question = attempt.question_ids[0]
    return client.post(f"/quiz/{attempt.pk}/answer/", {"question": question, "text": text}, **extra)


def test_a_typo_is_accepted_and_the_spelling_shown(student_client, student, typed_bank):
    attempt = quiz_start(user=student, bank=typed_bank, size=1)

    html = _answer(student_client, attempt, "tokaeyv", **HX).content.decode()

    assert "✓ Right" in html
    assert "Close enough to “Mr Tokayev”: mind the spelling next time." in html
    assert "I was right" not in html


def test_i_was_right_without_javascript(student_client, student, typed_bank):
    attempt = quiz_start(user=student, bank=typed_bank, size=1)
    question = attempt.question_ids[0]

    response = _answer(student_client, attempt, "Kassym-Jomart")
    feedback = student_client.get(response["Location"]).content.decode()

    assert "✗ Not quite" in feedback
    assert f'action="/quiz/{attempt.pk}/override/"' in feedback
    assert f'action="/quiz/{attempt.pk}/continue/"' in feedback  # going on is a POST
    assert not ReviewLog.objects.exists()

    response = student_client.post(f"/quiz/{attempt.pk}/override/", {"question": question})

    assert response["Location"] == f"/quiz/{attempt.pk}/feedback/{question}/"
    html = student_client.get(response["Location"]).content.decode()
    assert "✓ Counted as right" in html
    assert "I was right" not in html
    assert list(ReviewLog.objects.values_list("rating", flat=True)) == [3]
    result = student_client.get(f"/quiz/{attempt.pk}/result/").content.decode()
    assert 'data-testid="score">1 / 1<' in result


def test_i_was_right_with_htmx_swaps_the_feedback(student_client, student, typed_bank):
    attempt = quiz_start(user=student, bank=typed_bank, size=1)
    _answer(student_client, attempt, "Kassym-Jomart", **HX)

    response = student_client.post(
        f"/quiz/{attempt.pk}/override/", {"question": attempt.question_ids[0]}, **HX
    )

    html = response.content.decode()
    assert html.startswith('<section id="quiz-panel"')
    assert "✓ Counted as right" in html
    assert "Counted as right. Thanks for being honest with yourself." in html  # announced


def test_going_on_logs_the_miss(student_client, student, typed_bank):
    attempt = quiz_start(user=student, bank=typed_bank, size=1)
    _answer(student_client, attempt, "Kassym-Jomart")

    response = student_client.post(f"/quiz/{attempt.pk}/continue/")

    assert response["Location"] == f"/quiz/{attempt.pk}/"
    answer = QuizAnswer.objects.get(attempt=attempt)
    assert not answer.held
    assert answer.review.rating == 1
    # Too late now: the miss is in the schedule.
    late = student_client.post(
        f"/quiz/{attempt.pk}/override/", {"question": attempt.question_ids[0]}
    )
    assert late.status_code == 302
    assert not QuizAnswer.objects.get(attempt=attempt).is_correct


def test_another_student_cannot_override(client, other_student, student, typed_bank):
    attempt = quiz_start(user=student, bank=typed_bank, size=1)
    client.force_login(other_student)

    response = client.post(f"/quiz/{attempt.pk}/override/", {"question": attempt.question_ids[0]})

    assert response.status_code == 404


def test_a_wrong_timeline_shows_dates_and_how_many_are_in_place(student_client, student, teacher):
    bank = QuestionBankFactory(owner=teacher, title="Timeline")
    question = OrderingQuestionFactory(
        bank=bank, choices=["First event", "Second event", "Third event"]
    )
    for choice, when in zip(
        question.choices.order_by("position"), ["1991", "March 1997", "2022"], strict=True
    ):
        choice.date_label = when
        choice.save(update_fields=["date_label"])
    ids = list(question.choices.order_by("position").values_list("pk", flat=True))
    attempt = quiz_start(user=student, bank=bank, size=1)

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/",
        {"question": question.pk, "order": [ids[0], ids[2], ids[1]]},
        **HX,
    )

    html = response.content.decode()
    assert "Not quite: 1 of 3 in the right place" in html
    assert '<span class="order-date">March 1997</span>' in html
    # Announced in full for screen readers.
    assert (
        "The right order: 1, First event (1991); 2, Second event (March 1997); "
        "3, Third event (2022)." in html
    )
