""" "I was right" over the API (issue 17, item 1, as the web has it): with
`allow_override` a typed miss is held, not logged; POST quizzes/{id}/override/
counts it as right before it is logged; going on logs it as a miss."""

from __future__ import annotations

import pytest

from learning.models import Card, CardState, QuizAnswer, ReviewLog
from tests.factories import QuestionBankFactory, QuestionFactory

QUIZZES = "/api/v1/quizzes/"


@pytest.fixture
def typed_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, title="Typed")
    for position, (prompt, answer) in enumerate(
        [("Who hosted the summit? ____", "Shavkat Mirziyoyev"), ("Which city? ____", "Tashkent")]
    ):
        QuestionFactory(
            bank=bank, kind="cloze", prompt=prompt, answer=answer, choices=[], position=position
        )
    return bank


def start(api, bank) -> tuple[int, list[int]]:
    quiz = api.post(QUIZZES, {"bank": bank.pk, "size": 2, "mode": "due_first"}).json()
    return quiz["id"], [q["id"] for q in quiz["questions"]]


def answer(api, quiz, question, text, **extra):
    return api.post(f"{QUIZZES}{quiz}/answers/", {"question": question, "text": text, **extra})


def test_held_miss_becomes_a_pass_before_it_is_logged(api, typed_bank, student):
    quiz, (first, second) = start(api, typed_bank)
    body = answer(api, quiz, first, "Someone else", allow_override=True).json()
    assert (body["is_correct"], body["held"], body["overridden"]) == (False, True, False)
    assert body["answer"] == "Shavkat Mirziyoyev"
    assert not ReviewLog.objects.exists()  # nothing in the schedule yet

    response = api.post(f"{QUIZZES}{quiz}/override/", {"question": first})
    assert response.status_code == 200
    body = response.json()
    assert (body["is_correct"], body["held"], body["overridden"]) == (True, False, True)
    assert body["correct_count"] == 1
    log = ReviewLog.objects.get()
    assert log.rating == 3  # logged as a pass: Good
    assert Card.objects.get(user=student, question_id=first).state == CardState.LEARNING
    # Saying it twice changes nothing more.
    assert api.post(f"{QUIZZES}{quiz}/override/", {"question": first}).json()["correct_count"] == 1
    assert ReviewLog.objects.count() == 1


def test_going_on_logs_the_held_miss_and_it_can_no_longer_change(api, typed_bank):
    quiz, (first, second) = start(api, typed_bank)
    answer(api, quiz, first, "Someone else", allow_override=True)
    answer(api, quiz, second, "Tashkent", allow_override=True)
    assert list(ReviewLog.objects.order_by("id").values_list("rating", flat=True)) == [1, 3]
    response = api.post(f"{QUIZZES}{quiz}/override/", {"question": first})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"question"}
    assert QuizAnswer.objects.get(question_id=first).is_correct is False


def test_a_held_last_answer_keeps_the_quiz_open_until_the_student_goes_on(api, typed_bank):
    quiz, (first, second) = start(api, typed_bank)
    answer(api, quiz, first, "Shavkat Mirziyoyev", allow_override=True)
    body = answer(api, quiz, second, "Astana", allow_override=True).json()
    assert (body["held"], body["finished"]) == (True, False)
    settled = api.post(f"{QUIZZES}{quiz}/settle/")
    assert settled.status_code == 200
    assert settled.json() == {
        "settled": 1,
        "answered_count": 2,
        "correct_count": 1,
        "finished": True,
    }
    assert ReviewLog.objects.count() == 2
    assert api.get(f"{QUIZZES}{quiz}/").json()["finished_at"] is not None


def test_overriding_the_last_answer_finishes_the_quiz(api, typed_bank):
    quiz, (first, second) = start(api, typed_bank)
    answer(api, quiz, first, "Shavkat Mirziyoyev", allow_override=True)
    answer(api, quiz, second, "Astana", allow_override=True)
    body = api.post(f"{QUIZZES}{quiz}/override/", {"question": second}).json()
    assert (body["finished"], body["correct_count"]) == (True, 2)


def test_without_allow_override_a_miss_is_logged_at_once_as_in_v1(api, typed_bank):
    quiz, (first, _) = start(api, typed_bank)
    body = answer(api, quiz, first, "Someone else").json()
    assert body["held"] is False
    assert ReviewLog.objects.get().rating == 1
    assert api.post(f"{QUIZZES}{quiz}/override/", {"question": first}).status_code == 400


def test_override_of_another_students_quiz_is_404(api, other_api, typed_bank):
    quiz, (first, _) = start(api, typed_bank)
    answer(api, quiz, first, "Someone else", allow_override=True)
    assert other_api.post(f"{QUIZZES}{quiz}/override/", {"question": first}).status_code == 404
    assert other_api.post(f"{QUIZZES}{quiz}/settle/").status_code == 404
    assert QuizAnswer.objects.get().held is True


@pytest.mark.parametrize(("body", "field"), [({}, "question"), ({"question": "x"}, "question")])
def test_override_input_errors_name_the_field(api, typed_bank, body, field):
    quiz, _ = start(api, typed_bank)
    response = api.post(f"{QUIZZES}{quiz}/override/", body)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {field}


def test_allow_override_must_be_a_boolean(api, typed_bank):
    quiz, (first, _) = start(api, typed_bank)
    response = answer(api, quiz, first, "Tashkent", allow_override="maybe")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"allow_override"}
    assert not QuizAnswer.objects.exists()
