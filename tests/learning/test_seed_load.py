"""`manage.py seed_load`: the benchmark's data set, valid and idempotent."""

from __future__ import annotations

from datetime import datetime

import fsrs
import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from learning.models import Card, CardState, ReviewLog
from quizzes.models import Question, QuestionBank


def _replay(logs) -> dict:
    """The card a fresh FSRS scheduler arrives at from the log alone."""
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1)
    for log in logs:
        card, _ = scheduler.review_card(card, fsrs.Rating(log.rating), log.reviewed_at)
    return {"state": int(card.state), "stability": card.stability, "due": card.due}


@pytest.mark.django_db
def test_seed_load_builds_students_cards_and_histories(capsys):
    call_command(
        "seed_load",
        "--students",
        "2",
        "--cards",
        "40",
        "--password",
        "pw-123",
        "--reviewed-fraction",
        "0.5",
    )

    out = capsys.readouterr().out
    assert "load-0001 … load-0002" in out
    bank = QuestionBank.objects.get(title="Load test")
    assert bank.status == "published"
    assert Question.objects.filter(bank=bank, status="published").count() == 40
    assert all(q.choices.filter(is_correct=True).count() == 1 for q in bank.questions.all()[:5])
    assert authenticate(username="load-0002", password="pw-123") is not None
    student = authenticate(username="load-0001", password="pw-123")
    cards = Card.objects.filter(user=student)
    assert cards.count() == 40
    reviewed = cards.exclude(state=CardState.NEW)
    assert reviewed.count() == 20
    assert cards.filter(state=CardState.NEW, reps=0, last_review=None).count() == 20
    # About ten reviews per reviewed card, none in the future.
    logs = ReviewLog.objects.filter(user=student)
    assert 20 * 7 <= logs.count() <= 20 * 13
    assert not logs.filter(reviewed_at__gt=timezone.now()).exists()


@pytest.mark.django_db
def test_seeded_card_state_equals_replaying_its_log():
    call_command("seed_load", "--students", "1", "--cards", "30", "--reviewed-fraction", "1")

    for card in Card.objects.filter(user__username="load-0001"):
        logs = list(card.logs.order_by("reviewed_at", "id"))
        replayed = _replay(logs)
        assert card.state == replayed["state"]
        assert card.stability == pytest.approx(replayed["stability"])
        assert card.due == replayed["due"]
        assert card.reps == len(logs)
        assert card.last_review == logs[-1].reviewed_at
        # Each log's snapshot is the card as the previous review left it.
        assert logs[0].card_before["state"] == CardState.NEW
        for previous, log in zip(logs, logs[1:], strict=False):
            assert log.card_before["state"] == previous.state_after
            assert log.state_before == previous.state_after
            assert datetime.fromisoformat(log.card_before["due"]) == previous.due_after


@pytest.mark.django_db
def test_seed_load_is_idempotent_and_grows():
    call_command("seed_load", "--students", "2", "--cards", "10")
    cards, logs = Card.objects.count(), ReviewLog.objects.count()

    call_command("seed_load", "--students", "2", "--cards", "10")
    assert (Card.objects.count(), ReviewLog.objects.count()) == (cards, logs)

    call_command("seed_load", "--students", "3", "--cards", "12")
    assert Card.objects.count() == 3 * 12
    assert Question.objects.filter(bank__title="Load test").count() == 12


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--students", "0", "--cards", "5"], "--students must be between"),
        (["--students", "1", "--cards", "0"], "--cards must be between"),
        (["--students", "1", "--cards", "5", "--password", ""], "--password must not be empty"),
    ],
)
def test_seed_load_refuses_bad_numbers_and_writes_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("seed_load", *args)
    assert not QuestionBank.objects.filter(title="Load test").exists()
