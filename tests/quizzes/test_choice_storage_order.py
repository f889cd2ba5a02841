"""Timeline items are stored in an order unrelated to the answer, so the choice
ids a student sees do not give the correct order away."""

import pytest

from quizzes.authoring import question_create
from quizzes.models import Choice, choices_in_storage_order
from tests.factories import QuestionBankFactory

pytestmark = pytest.mark.django_db

EVENTS = [
    "The Soviet Union dissolved",
    "Kazakhstan became independent",
    "Russia annexed Crimea",
    "Moscow announced a partial mobilisation",
    "Leaders met in Samarkand",
]


def test_storage_order_of_multiple_choice_is_unchanged():
    choices = [("A", True, 0), ("B", False, 1), ("C", False, 2)]
    assert choices_in_storage_order("who_said", choices) == choices


def test_storage_order_of_a_timeline_is_stable_and_not_the_answer():
    choices = [(text, True, position) for position, text in enumerate(EVENTS, start=1)]
    stored = choices_in_storage_order("ordering", choices)
    assert stored == choices_in_storage_order("ordering", list(reversed(choices)))
    assert sorted(stored) == sorted(choices)
    assert [position for _, _, position in stored] != [1, 2, 3, 4, 5]


def test_authored_timeline_ids_do_not_follow_the_correct_order(teacher):
    bank = QuestionBankFactory(owner=teacher)
    question = question_create(
        bank=bank,
        kind="ordering",
        prompt="Put these events in order.",
        answer=" → ".join(EVENTS),
        status="published",
        choices=[
            {"text": text, "is_correct": True, "position": position}
            for position, text in enumerate(EVENTS, start=1)
        ],
    )
    by_id = list(Choice.objects.filter(question=question).order_by("id"))
    by_position = list(Choice.objects.filter(question=question).order_by("position"))
    assert [c.text for c in by_position] == EVENTS
    assert [c.position for c in by_id] != [1, 2, 3, 4, 5]
