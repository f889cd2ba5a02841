"""review_batch_record: set-based offline upload (constant queries), with the
same results as answering each review through review_record."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection, transaction

from learning import services, sql
from learning.cards import CARD_STATE_FIELDS
from learning.models import Card, CardState, ReviewLog
from tests.factories import QuestionBankFactory, QuestionFactory

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=400)


def make_cards(user, teacher, n: int) -> list[Card]:
    bank = QuestionBankFactory(owner=teacher, title=f"Batch bank {n}")
    return [
        services.card_get_or_create(user=user, question=q)
        for q in QuestionFactory.create_batch(n, bank=bank)
    ]


def ratings_batch(cards: list[Card], n: int) -> list[dict]:
    """n reviews spread over the cards, each card a day or more after its last."""
    return [
        {
            "card": cards[i % len(cards)].pk,
            "rating": (1, 3, 3, 4, 2)[i % 5],
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (T0 + timedelta(days=i // len(cards), minutes=i)).isoformat(),
            "duration_ms": 4000,
        }
        for i in range(n)
    ]


def upload(user, items, at=NOW):
    with time_machine.travel(at, tick=False):
        return services.review_batch_record(user=user, items=items)


def card_states(cards) -> list[tuple]:
    fields = CARD_STATE_FIELDS
    return [
        tuple(getattr(card, f) for f in fields)
        for card in Card.objects.filter(pk__in=[c.pk for c in cards]).order_by("pk")
    ]


@pytest.mark.parametrize("n", [1, 50, 500])
def test_a_batch_takes_the_same_queries_whatever_its_size(
    student, teacher, n, django_assert_num_queries
):
    cards = make_cards(student, teacher, 10)
    services.preferences_get(user=student)
    items = ratings_batch(cards, n)
    # savepoint, cards (locked, with their question), preferences, replays, INSERT of
    # the logs, UPDATE of the cards, add to the study days and the bank tallies, release
    with django_assert_num_queries(9):
        outcomes = upload(student, items)
    assert all(o["ok"] for o in outcomes)
    assert ReviewLog.objects.filter(user=student).count() == n
    # sending it again: the replays are found, nothing is written
    with django_assert_num_queries(5):
        again = upload(student, items, at=NOW + timedelta(minutes=1))
    assert all(o["result"]["replayed"] for o in again)
    assert [{**o, "result": {**o["result"], "replayed": False}} for o in again] == outcomes
    assert ReviewLog.objects.filter(user=student).count() == n


@pytest.mark.parametrize("n", [1, 50])
def test_choice_answers_add_one_query_for_the_whole_batch(
    student, teacher, n, django_assert_num_queries
):
    cards = make_cards(student, teacher, 5)
    services.preferences_get(user=student)
    choices = {c.pk: list(c.question.choices.order_by("position")) for c in cards}
    items = [
        {
            "card": cards[i % 5].pk,
            "choice": choices[cards[i % 5].pk][i % 2].pk,  # right, wrong, right, ...
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (T0 + timedelta(days=i // 5)).isoformat(),
        }
        for i in range(n)
    ]
    with django_assert_num_queries(10):  # the above, and the choices of all questions
        outcomes = upload(student, items)
    assert [o["result"]["is_correct"] for o in outcomes] == [i % 2 == 0 for i in range(n)]
    assert [o["result"]["rating"] for o in outcomes] == [3 if i % 2 == 0 else 1 for i in range(n)]
    assert {o["result"]["correct_choice"] for o in outcomes[:5]} == {
        choices[c.pk][0].pk for c in cards[: min(n, 5)]
    }


class _Rollback(Exception):
    pass


def test_results_and_cards_equal_answering_one_by_one(student, teacher):
    cards = make_cards(student, teacher, 3)
    items = ratings_batch(cards, 12)

    def choice(item, position):
        return Card.objects.get(pk=item["card"]).question.choices.get(position=position).pk

    items[4] = {**items[4], "rating": None, "choice": choice(items[4], 1)}  # wrong
    items[7] = {**items[7], "rating": None, "choice": choice(items[7], 0), "duration_ms": 30_000}
    items[9] = {**items[9], "reviewed_at": None}  # server time
    shuffled = items[6:] + items[:6]  # out of time order

    # Expected: the same reviews through review_record, oldest first (rolled back).
    expected_logs, expected_cards = {}, None
    try:
        with transaction.atomic(), time_machine.travel(NOW, tick=False):
            for item in sorted(items, key=lambda i: i["reviewed_at"] or NOW.isoformat()):
                services.review_record(
                    user=student,
                    card_id=item["card"],
                    rating=item["rating"],
                    choice_id=item.get("choice"),
                    reviewed_at=item["reviewed_at"],
                    duration_ms=item["duration_ms"],
                    client_uuid=item["client_uuid"],
                    source="api",
                )
            for log in ReviewLog.objects.filter(user=student):
                expected_logs[str(log.client_uuid)] = (
                    log.result,
                    log.card_before,
                    log.rating,
                    log.reviewed_at,
                    log.due_after,
                )
            expected_cards = card_states(cards)
            raise _Rollback
    except _Rollback:
        pass
    assert not ReviewLog.objects.exists()
    assert len(expected_logs) == 12

    outcomes = upload(student, shuffled)

    assert [o["client_uuid"] for o in outcomes] == [i["client_uuid"] for i in shuffled]
    assert all(o["ok"] for o in outcomes)
    got = {
        str(log.client_uuid): (
            log.result,
            log.card_before,
            log.rating,
            log.reviewed_at,
            log.due_after,
        )
        for log in ReviewLog.objects.filter(user=student)
    }
    assert got == expected_logs
    assert card_states(cards) == expected_cards
    by_uuid = {str(log.client_uuid): log for log in ReviewLog.objects.filter(user=student)}
    for outcome in outcomes:
        log = by_uuid[outcome["client_uuid"]]
        assert outcome["result"] == {**log.result, "review_id": log.pk, "replayed": False}
    assert by_uuid[items[4]["client_uuid"]].rating == 1  # a wrong choice is Again
    assert by_uuid[items[7]["client_uuid"]].rating == 2  # right but slow is Hard
    # several reviews of one card chain: each starts from the previous one's state
    chain = list(ReviewLog.objects.filter(card=cards[0]).order_by("reviewed_at"))
    assert [log.card_before["reps"] for log in chain] == list(range(len(chain)))


def test_same_client_uuid_twice_in_a_batch_is_a_replay_of_the_first(student, teacher):
    card, other = make_cards(student, teacher, 2)
    shared = str(uuid.uuid4())
    items = [
        {
            "card": card.pk,
            "rating": 4,
            "client_uuid": shared,
            "reviewed_at": "2025-03-03T09:30:00Z",
        },
        {
            "card": card.pk,
            "rating": 3,
            "client_uuid": shared,
            "reviewed_at": "2025-03-03T09:00:00Z",
        },
        {
            "card": other.pk,
            "rating": 3,
            "client_uuid": shared,
            "reviewed_at": "2025-03-03T10:00:00Z",
        },
    ]
    outcomes = upload(student, items)

    # 09:00 is applied first; the 09:30 copy replays it; another card is a conflict
    assert [o["ok"] for o in outcomes] == [True, True, False]
    assert {**outcomes[0]["result"], "replayed": None} == {
        **outcomes[1]["result"],
        "replayed": None,
    }
    assert sorted(o["result"]["replayed"] for o in outcomes[:2]) == [False, True]
    assert outcomes[1]["result"]["rating"] == 3
    assert outcomes[2]["errors"] == {
        "client_uuid": ["This review id was already used for another card."]
    }
    assert ReviewLog.objects.filter(user=student).count() == 1
    card.refresh_from_db()
    other.refresh_from_db()
    assert card.reps == 1
    assert other.reps == 0


def test_bad_items_get_their_own_errors_and_the_good_ones_apply(student, other_student, teacher):
    card, second = make_cards(student, teacher, 2)
    foreign = make_cards(other_student, teacher, 1)[0]
    services.review_record(
        user=student, card_id=second.pk, rating=3, reviewed_at=T0 + timedelta(days=1)
    )
    wrong_question_choice = foreign.question.choices.first().pk
    good = {"card": card.pk, "rating": 3, "reviewed_at": "2025-03-03T09:00:00Z"}
    items = [
        {**good, "client_uuid": str(uuid.uuid4())},
        {**good, "rating": 7},
        {**good, "reviewed_at": "2025-03-03T09:00:00"},  # naive
        {**good, "reviewed_at": (NOW + timedelta(hours=1)).isoformat()},
        {**good, "card": foreign.pk},
        {**good, "rating": None, "choice": wrong_question_choice},
        {**good, "card": second.pk},  # before that card's last review
        {**good, "client_uuid": "nope"},
        "not an object",
        {**good, "reviewed_at": "2025-03-04T09:00:00Z", "duration_ms": -1},
        {**good, "reviewed_at": "2025-03-05T09:00:00Z", "rating": 1},
    ]
    outcomes = upload(student, items)

    assert [o["ok"] for o in outcomes] == [True] + [False] * 5 + [True] + [False] * 3 + [True]
    errors = [o.get("errors") for o in outcomes]
    assert errors[1] == {
        "rating": ["The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."]
    }
    assert errors[2] == {"reviewed_at": ["Give a time zone (e.g. 2025-01-31T09:00:00Z)."]}
    assert errors[3] == {"reviewed_at": ["This review is in the future."]}
    assert errors[4] == {"card": ["No such card."]}
    assert errors[5] == {"choice": ["This choice does not belong to the card's question."]}
    assert errors[6] is None  # before that card's last review: accepted, the card replayed
    assert errors[7] == {"client_uuid": ["Not a UUID."]}
    assert errors[8] == {"non_field_errors": ["Each review must be an object."]}
    assert list(errors[9]) == ["duration_ms"]
    assert outcomes[0]["client_uuid"] == items[0]["client_uuid"]
    assert ReviewLog.objects.filter(user=student, card=card).count() == 2
    assert ReviewLog.objects.filter(user=student, card=second).count() == 2
    assert not ReviewLog.objects.filter(card=foreign).exists()
    card.refresh_from_db()
    assert (card.reps, card.lapses) == (2, 0)
    assert card.state == CardState.LEARNING  # Good, then Again a day later: step 0 again


def test_a_review_answered_online_then_uploaded_is_a_replay(student, teacher):
    (card,) = make_cards(student, teacher, 1)
    client_uuid = uuid.uuid4()
    with time_machine.travel(T0, tick=False):
        online = services.review_record(
            user=student, card_id=card.pk, rating=3, client_uuid=client_uuid
        )
    card.refresh_from_db()
    before = card_states([card])
    outcomes = upload(
        student,
        [{"card": card.pk, "rating": 1, "client_uuid": str(client_uuid), "reviewed_at": None}],
    )
    assert outcomes == [
        {
            "client_uuid": str(client_uuid),
            "ok": True,
            "result": {**online.as_dict(), "replayed": True},
        }
    ]
    assert card_states([card]) == before
    assert ReviewLog.objects.count() == 1


def test_a_database_with_a_small_parameter_limit_gets_several_statements(
    student, teacher, monkeypatch, django_assert_num_queries
):
    cards = make_cards(student, teacher, 7)
    services.preferences_get(user=student)
    monkeypatch.setattr(sql, "rows_per_statement", lambda columns: 4)
    items = ratings_batch(cards, 30)
    # 30 logs in 8 INSERTs of at most 4 rows, 7 cards in 2 UPDATEs, their 5 study days
    # in 2 statements and their bank's rows (the cards' old and new due days) in 2.
    # PostgreSQL gets the logs and the cards as one JSON parameter each: one statement.
    logs, updates = (1, 1) if connection.vendor == "postgresql" else (8, 2)
    with django_assert_num_queries(5 + logs + updates + 2 + 2):
        outcomes = upload(student, items)
    by_uuid = {str(log.client_uuid): log for log in ReviewLog.objects.filter(user=student)}
    assert len(by_uuid) == 30
    for item, outcome in zip(items, outcomes, strict=True):
        log = by_uuid[item["client_uuid"]]
        assert outcome["result"] == {**log.result, "review_id": log.pk, "replayed": False}
        assert log.card_id == item["card"]
    for card in Card.objects.filter(pk__in=[c.pk for c in cards]):
        last = ReviewLog.objects.filter(card=card).order_by("reviewed_at").last()
        assert (card.reps, card.due) == (last.card_before["reps"] + 1, last.due_after)
