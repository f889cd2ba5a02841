"""`manage.py seed_load`: the benchmark's data set, valid and idempotent."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta

import fsrs
import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from learning.load_seed import seed_load
from learning.models import Card, CardState, QuizAttempt, QuizTally, ReviewLog
from learning.selectors import study_streak
from quizzes.models import Question, QuestionBank

User = get_user_model()


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
    # Every reviewed card has a history of at most ten reviews, none in the future.
    logs = ReviewLog.objects.filter(user=student)
    per_card = Counter(logs.values_list("card_id", flat=True))
    assert set(per_card) == set(reviewed.values_list("id", flat=True))
    assert all(1 <= n <= 10 for n in per_card.values())
    assert not logs.filter(reviewed_at__gt=timezone.now()).exists()
    assert re.search(r"created in \d+\.\d s; load-0001: \d+ study days", out)


@pytest.mark.django_db
def test_histories_have_the_shape_of_a_real_students():
    """Reviews fall on a calendar of study days: the current streak up to today,
    older runs between days off, more reviews on some days than others."""
    now = (timezone.now() - timedelta(days=1)).replace(hour=22, minute=0, second=0, microsecond=0)
    result = seed_load(students=1, cards=300, reviewed_fraction=1, days=90, streak=12, now=now)

    student = User.objects.get(username="load-0001")
    # Sessions are in the evening (UTC), so the UTC date is the study day.
    per_day = Counter(
        moment.date()
        for moment in ReviewLog.objects.filter(user=student).values_list("reviewed_at", flat=True)
    )
    today = now.date()
    assert all(per_day[today - timedelta(days=n)] for n in range(12))
    assert per_day[today - timedelta(days=12)] == 0
    assert study_streak(user=student, now=now) == 12 == result.shape["streak"]
    first = min(per_day)
    span = (today - first).days + 1
    assert span > 40  # older runs of study days, not only the current streak
    assert len(per_day) < span  # with days off between them
    counts = sorted(per_day.values())
    assert counts[-1] > 2 * counts[len(counts) // 2]  # busy days after days off
    assert not ReviewLog.objects.filter(reviewed_at__gt=now).exists()


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
def test_seed_load_gives_each_student_finished_quizzes_and_their_tally():
    call_command("seed_load", "--students", "2", "--cards", "12", "--quizzes", "15")
    call_command("seed_load", "--students", "2", "--cards", "12", "--quizzes", "15")

    assert QuizAttempt.objects.filter(finished_at__isnull=False).count() == 2 * 15
    first = User.objects.get(username="load-0001")
    tally = QuizTally.objects.get(user=first)
    attempts = QuizAttempt.objects.filter(user=first).order_by("finished_at", "id")
    scores = [round(100 * a.correct_count / 10, 1) for a in attempts]
    assert {len(a.question_ids) for a in attempts} == {10}
    assert (tally.finished, tally.best) == (15, max(scores))
    assert [row[2] for row in tally.recent] == scores[-10:]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--students", "0", "--cards", "5"], "--students must be between"),
        (["--students", "1", "--cards", "0"], "--cards must be between"),
        (["--students", "1", "--cards", "5", "--password", ""], "--password must not be empty"),
        (["--students", "1", "--cards", "5", "--quizzes", "-1"], "--quizzes must be between"),
    ],
)
def test_seed_load_refuses_bad_numbers_and_writes_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("seed_load", *args)
    assert not QuestionBank.objects.filter(title="Load test").exists()
