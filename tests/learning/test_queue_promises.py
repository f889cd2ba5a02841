"""Two promises of the study queue that no test held before (issue 14, item 15):

- only questions of a *published* bank are studied: a bank taken back to draft
  leaves the queue with its started cards, over the API as in the selector;
- two questions on the same article sentence never come in one queue, whatever
  state their cards are in (new, learning, review), as the README says.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from learning import services
from learning.models import Card
from quizzes.models import BankStatus
from tests.api.conftest import token_client
from tests.factories import ArticleFactory, QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
AGAIN, EASY = 1, 4


def _rate(user, card_id, rating, at):
    with time_machine.travel(at, tick=False):
        return services.review_record(user=user, card_id=card_id, rating=rating)


def _queue(user, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return services.study_queue_open(user=user, **kwargs)


def _card_of(user, question, at) -> int:
    """The card of `question`, started by studying it as a new card at `at`."""
    for item in _queue(user, at).items:
        if item.question_row.pk == question.pk:
            return item.card_row.pk
    raise AssertionError(f"question {question.pk} was not offered at {at}")


# --- the bank is published ----------------------------------------------------------


def test_a_bank_taken_back_to_draft_leaves_the_queue_with_its_started_cards(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    learning, review = QuestionFactory.create_batch(2, bank=bank)
    _rate(student, _card_of(student, learning, T0), AGAIN, T0)  # learning, due in minutes
    _rate(student, _card_of(student, review, T0), EASY, T0)  # a review, due in days
    later = T0 + timedelta(days=60)
    assert {item.question_row.pk for item in _queue(student, later).items} == {
        learning.pk,
        review.pk,
    }

    bank.status = BankStatus.DRAFT
    bank.save(update_fields=["status"])
    queue = _queue(student, later)

    assert queue.items == []
    assert (queue.due_count, queue.new_available) == (0, 0)
    assert Card.objects.filter(user=student).count() == 2  # kept for when it is back


def test_the_api_queue_of_all_banks_leaves_out_a_draft_banks_cards(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    question = QuestionFactory(bank=bank)
    _rate(student, _card_of(student, question, T0), EASY, T0)
    api = token_client(student)
    with time_machine.travel(T0 + timedelta(days=60), tick=False):
        shown = [i["question"]["id"] for i in api.get("/api/v1/study/queue/").json()["items"]]
        bank.status = BankStatus.DRAFT
        bank.save(update_fields=["status"])
        after = api.get("/api/v1/study/queue/").json()

    assert shown == [question.pk]
    assert (after["items"], after["due_count"]) == ([], 0)


# --- never two questions on one sentence ----------------------------------------------


@pytest.fixture
def same_sentence(teacher):
    """Two questions on one sentence of the article (and one on another)."""
    bank = QuestionBankFactory(owner=teacher, article=ArticleFactory())
    first = QuestionFactory(bank=bank, evidence_start=10, evidence_end=40)
    second = QuestionFactory(bank=bank, evidence_start=10, evidence_end=40)
    other = QuestionFactory(bank=bank, evidence_start=50, evidence_end=70)
    return first, second, other


def _started_on_different_days(student, same_sentence, rating):
    """Both cards of the sentence started (a day apart, so neither is buried), then
    rated `rating` at their last review; returns when both are due."""
    first, second, _ = same_sentence
    day = timedelta(days=1)
    a = _card_of(student, first, T0)
    _rate(student, a, EASY, T0)
    b = _card_of(student, second, T0 + day)
    _rate(student, b, EASY, T0 + day)
    if rating == AGAIN:
        _rate(student, a, AGAIN, T0 + 90 * day)
        _rate(student, b, AGAIN, T0 + 91 * day)
    return T0 + 120 * day


@pytest.mark.parametrize(("rating", "state"), [(EASY, "review"), (AGAIN, "relearning")])
def test_two_due_cards_on_one_sentence_never_come_in_one_queue(
    student, same_sentence, rating, state
):
    first, second, _ = same_sentence
    when = _started_on_different_days(student, same_sentence, rating)
    cards = Card.objects.filter(user=student, question__in=[first, second])
    assert {card.get_state_display().lower() for card in cards} == {state}
    assert all(card.due <= when for card in cards)

    shown = [item.question_row.pk for item in _queue(student, when).items]

    assert len({first.pk, second.pk} & set(shown)) == 1, shown


def test_a_new_card_waits_while_its_sentence_is_in_the_queue(student, same_sentence):
    first, second, other = same_sentence

    shown = [item.question_row.pk for item in _queue(student, T0).items]

    assert shown == [first.pk, other.pk]
