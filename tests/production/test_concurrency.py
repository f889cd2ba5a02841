"""No review is lost when two devices answer the same card at the same moment.

On PostgreSQL the two answers really race, from two threads with their own
connections: review_record locks the card row (SELECT ... FOR UPDATE), so the
second waits and builds on the first. SQLite has no row locks (it serialises
whole-database writers), so there the two threads take turns; the same
invariants are asserted on both: two logs, in order, each starting from the
state the previous one left, and the card equal to replaying its log.
"""

from __future__ import annotations

import threading
import time
import uuid
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, connections
from django.utils import timezone

from learning import scheduler
from learning.cards import fuzz_seed_of
from learning.models import Card, ReviewLog
from learning.services import card_get_or_create, card_snapshot, review_record
from tests.factories import QuestionBankFactory, QuestionFactory, UserFactory

REAL_RACE = connection.vendor == "postgresql"
_schedule = scheduler.schedule


def _slow_schedule(*args, **kwargs):
    """Holds the row lock a moment, so the other answer arrives while it is held."""
    time.sleep(0.3)
    return _schedule(*args, **kwargs)


def _run_together(*calls):
    """Run the calls from separate threads, released at the same instant
    (PostgreSQL) or one after the other (SQLite). Returns results or exceptions."""
    barrier = threading.Barrier(len(calls))
    turn = threading.Lock()
    outcomes: list = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            if REAL_RACE:
                outcomes[index] = call()
            else:
                with turn:
                    outcomes[index] = call()
        except Exception as exc:  # reported to the test below
            outcomes[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _replay(card: Card, logs: list[ReviewLog]) -> scheduler.MemoryState:
    first = logs[0].card_before
    state = scheduler.MemoryState(
        state=first["state"],
        step=first["step"],
        stability=first["stability"],
        difficulty=first["difficulty"],
        due=timezone.datetime.fromisoformat(first["due"]),
        last_review=None,
        reps=first["reps"],
        lapses=first["lapses"],
    )
    for log in logs:
        state = _schedule(
            state,
            log.rating,
            log.reviewed_at,
            fuzz_seed=fuzz_seed_of(Card(pk=card.pk, reps=state.reps)),
        )
    return state


@pytest.fixture
def card(transactional_db):
    Group.objects.get_or_create(name="Teachers")  # data migrations are flushed here
    student = UserFactory(username="racer")
    bank = QuestionBankFactory(title="Race bank")
    question = QuestionFactory(bank=bank)
    return card_get_or_create(user=student, question=question)


def test_two_devices_answering_the_same_card_are_both_logged_in_order(card):
    with mock.patch.object(scheduler, "schedule", _slow_schedule):
        outcomes = _run_together(
            lambda: review_record(user=card.user, card_id=card.pk, rating=3),
            lambda: review_record(user=card.user, card_id=card.pk, rating=1),
        )

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    logs = list(ReviewLog.objects.filter(card=card).order_by("created_at", "id"))
    assert len(logs) == 2
    assert sorted(log.rating for log in logs) == [1, 3]
    card.refresh_from_db()
    assert card.reps == 2
    # The second answer started from the state the first one left (no lost update).
    assert logs[0].card_before["reps"] == 0
    assert logs[1].card_before["reps"] == 1
    assert logs[1].card_before["state"] == logs[0].state_after
    assert timezone.datetime.fromisoformat(logs[1].card_before["due"]) == logs[0].due_after
    assert logs[1].due_after == card.due
    # And the card is what replaying its log gives.
    replayed = _replay(card, logs)
    assert (replayed.state, replayed.reps, replayed.lapses) == (card.state, 2, card.lapses)
    assert replayed.stability == pytest.approx(card.stability)
    assert replayed.due == card.due


def test_the_same_offline_review_uploaded_twice_at_once_is_logged_once(card):
    client_uuid = uuid.uuid4()
    with mock.patch.object(scheduler, "schedule", _slow_schedule):
        outcomes = _run_together(
            lambda: review_record(
                user=card.user, card_id=card.pk, rating=3, client_uuid=client_uuid
            ),
            lambda: review_record(
                user=card.user, card_id=card.pk, rating=3, client_uuid=client_uuid
            ),
        )

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert ReviewLog.objects.filter(card=card).count() == 1
    assert sorted(o.replayed for o in outcomes) == [False, True]
    log = ReviewLog.objects.get(card=card)
    assert {o.as_dict()["review_id"] for o in outcomes} == {log.pk}
    card.refresh_from_db()
    assert card.reps == 1


def test_a_crash_after_the_card_is_written_leaves_card_and_log_agreeing(card):
    before = card_snapshot(card)

    with (
        # the log's INSERT (learning.sql writes it with one raw statement; on
        # PostgreSQL sent with the card's UPDATE and the tallies, and failing in
        # the database after the UPDATE ran)
        mock.patch("learning.sql.insert_logs", side_effect=DatabaseError("disk full")),
        mock.patch("learning.sql._insert_logs_statement", return_value=("SELECT 1 / 0", [])),
        pytest.raises(DatabaseError),
    ):
        review_record(user=card.user, card_id=card.pk, rating=3)

    card.refresh_from_db()
    assert card_snapshot(card) == before
    assert not ReviewLog.objects.filter(card=card).exists()
