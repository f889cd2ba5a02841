"""Answering cards, undo, replay, preferences, quizzes and fitting."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from learning import services
from learning.cards import CARD_STATE_FIELDS
from learning.models import Card, CardState, QuizAnswer, ReviewLog, ReviewUndo, StudyPreferences
from learning.services import ReviewError
from tests.factories import QuestionBankFactory, QuestionFactory

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def card(student, bank):
    return services.card_get_or_create(user=student, question=bank.questions.first())


def answer(user, card, rating, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return services.review_record(user=user, card_id=card.pk, rating=rating, **kwargs)


def test_card_is_created_once_per_user_and_question(student, bank):
    question = bank.questions.first()
    first = services.card_get_or_create(user=student, question=question)
    again = services.card_get_or_create(user=student, question=question)
    assert first.pk == again.pk
    assert first.state == CardState.NEW


def test_good_repeatedly_makes_intervals_grow(student, card):
    now = T0
    result = answer(student, card, 3, now)
    assert result.as_dict()["state"] == "learning"
    result = answer(student, card, 3, result.card.due)  # graduates
    intervals = []
    for _ in range(5):
        now = result.card.due
        result = answer(student, card, 3, now)
        intervals.append((result.card.due - now).days)
    assert result.card.state == CardState.REVIEW
    assert intervals == sorted(intervals)
    assert intervals[0] < intervals[-1]
    assert ReviewLog.objects.filter(card=card).count() == 7


def test_again_sends_a_review_card_to_relearning(student, card):
    result = answer(student, card, 4, T0)  # Easy: straight to review
    assert result.card.state == CardState.REVIEW
    lapse = answer(student, card, 1, result.card.due)
    card.refresh_from_db()
    assert card.state == CardState.RELEARNING
    assert card.lapses == 1
    assert card.due - lapse.card.last_review == timedelta(minutes=10)


def test_result_dict_is_what_the_client_needs(student, card):
    result = answer(student, card, 3, T0)
    data = result.as_dict()
    assert data["card"] == card.pk
    assert data["rating"] == 3
    assert data["review_id"] == result.log.pk
    assert data["due"] == (T0 + timedelta(minutes=10)).isoformat().replace("+00:00", "Z")
    assert data["is_correct"] is None


def test_a_choice_grades_the_answer(student, card):
    wrong = card.question.choices.get(text="John Roe")
    right = card.question.choices.get(is_correct=True)
    result = answer(student, card, None, T0, choice_id=wrong.pk)
    assert result.log.rating == 1
    assert result.is_correct is False
    assert result.correct_choice_id == right.pk
    assert result.explanation.startswith("In the article")
    slow = answer(
        student, card, None, T0 + timedelta(minutes=2), choice_id=right.pk, duration_ms=25_000
    )
    assert slow.log.rating == 2  # right but slow -> Hard
    fast = answer(
        student, card, None, T0 + timedelta(minutes=3), choice_id=right.pk, duration_ms=3_000
    )
    assert fast.log.rating == 3


def test_ids_beyond_the_database_integers_are_no_card_and_no_choice(student, card):
    """(The answer's statement is compiled once: such an id is never sent.)"""
    with pytest.raises(ReviewError) as no_card:
        services.review_record(user=student, card_id=10**30, rating=3)
    assert no_card.value.status == 404
    with pytest.raises(ReviewError) as no_choice:
        answer(student, card, None, T0, choice_id=10**30)
    assert no_choice.value.field == "choice"
    assert not ReviewLog.objects.exists()


def test_a_replayed_review_id_is_not_logged_twice(student, card):
    client_uuid = uuid.uuid4()
    first = answer(student, card, 3, T0, client_uuid=client_uuid)
    card.refresh_from_db()
    state_after_first = (card.state, card.step, card.due)
    replay = answer(student, card, 1, T0 + timedelta(minutes=1), client_uuid=client_uuid)
    assert replay.replayed is True
    assert replay.as_dict() == first.as_dict()
    assert ReviewLog.objects.filter(user=student).count() == 1
    card.refresh_from_db()
    assert (card.state, card.step, card.due) == state_after_first


def test_a_review_id_stored_meanwhile_by_another_request_is_replayed(student, card, monkeypatch):
    """Between this answer's read of the card and its log's INSERT, a concurrent
    request stores the same client_uuid: the INSERT skips the conflict, and the
    answer is the other one's, with nothing of this one kept."""
    from learning.services import reviews

    client_uuid = uuid.uuid4()
    read = reviews._answer_row
    theirs = {}

    def read_then_other_request_stores(**kwargs):
        found = read(**kwargs)
        theirs["log"] = ReviewLog.objects.create(
            user=student,
            card=card,
            rating=1,
            reviewed_at=T0,
            client_uuid=client_uuid,
            card_before={},
            state_after=CardState.LEARNING,
            due_after=T0 + timedelta(minutes=1),
            result={"card": card.pk, "rating": 1, "state": "learning"},
        )
        return found

    monkeypatch.setattr(reviews, "_answer_row", read_then_other_request_stores)
    result = answer(student, card, 4, T0, client_uuid=client_uuid)
    assert result.replayed is True
    assert result.as_dict()["rating"] == 1
    assert result.as_dict()["review_id"] == theirs["log"].pk
    # (their log, written here in this answer's own transaction, went with it too)
    assert not ReviewLog.objects.filter(user=student, rating=4).exists()
    card.refresh_from_db()
    assert card.state == CardState.NEW  # this answer's update went with its transaction


def test_a_review_id_used_for_another_card_is_a_conflict(student, bank, card):
    client_uuid = uuid.uuid4()
    answer(student, card, 3, T0, client_uuid=client_uuid)
    other = services.card_get_or_create(user=student, question=bank.questions.last())
    with pytest.raises(ReviewError) as error:
        answer(student, other, 3, T0, client_uuid=client_uuid)
    assert error.value.field == "client_uuid"
    assert error.value.status == 409


def test_undo_restores_the_exact_previous_state(student, card):
    answer(student, card, 4, T0)
    card.refresh_from_db()
    before = {f: getattr(card, f) for f in CARD_STATE_FIELDS}
    answer(student, card, 1, card.due + timedelta(days=1))
    restored = services.review_undo_last(user=student)
    assert restored.pk == card.pk
    card.refresh_from_db()
    assert {f: getattr(card, f) for f in CARD_STATE_FIELDS} == before
    # the log stays, marked undone
    assert ReviewLog.objects.filter(card=card).count() == 2
    assert ReviewUndo.objects.count() == 1
    # undo again walks back to the new card
    services.review_undo_last(user=student)
    card.refresh_from_db()
    assert card.state == CardState.NEW
    assert card.reps == 0
    assert card.last_review is None
    assert services.review_undo_last(user=student) is None


def test_other_users_card_is_not_found(student, other_student, card):
    with pytest.raises(ReviewError) as error:
        services.review_record(user=other_student, card_id=card.pk, rating=3)
    assert (error.value.field, error.value.status) == ("card", 404)
    assert not ReviewLog.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rating": 5}, "rating"),
        ({"rating": None}, "rating"),
        ({"rating": 3, "choice_id": 1}, "rating"),
        ({"rating": 3, "reviewed_at": datetime(1999, 12, 31, tzinfo=UTC)}, "reviewed_at"),
        ({"rating": 3, "reviewed_at": datetime.now(UTC) + timedelta(hours=1)}, "reviewed_at"),
        ({"rating": 3, "reviewed_at": datetime(2025, 1, 1)}, "reviewed_at"),
        ({"rating": 3, "client_uuid": "not-a-uuid"}, "client_uuid"),
        ({"rating": 3, "duration_ms": -5}, "duration_ms"),
        ({"choice_id": 999999}, "choice"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(student, card, kwargs, field):
    with pytest.raises(ReviewError) as error:
        services.review_record(user=student, card_id=card.pk, **kwargs)
    assert error.value.field == field
    assert not ReviewLog.objects.exists()
    card.refresh_from_db()
    assert card.state == CardState.NEW


def test_batch_applies_in_time_order_and_reports_in_input_order(student, bank):
    q1, q2 = bank.questions.all()[:2]
    c1 = services.card_get_or_create(user=student, question=q1)
    c2 = services.card_get_or_create(user=student, question=q2)
    u1, u2, u3 = (str(uuid.uuid4()) for _ in range(3))
    items = [
        {"card": c1.pk, "rating": 3, "client_uuid": u1, "reviewed_at": "2025-03-03T09:10:00Z"},
        {"card": c1.pk, "rating": 3, "client_uuid": u2, "reviewed_at": "2025-03-03T09:00:00Z"},
        {"card": c2.pk, "rating": 9, "client_uuid": u3, "reviewed_at": "2025-03-03T09:05:00Z"},
    ]
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        outcomes = services.review_batch_record(user=student, items=items)
    assert [o["client_uuid"] for o in outcomes] == [u1, u2, u3]
    assert [o["ok"] for o in outcomes] == [True, True, False]
    assert outcomes[2]["errors"] == {"rating": [outcomes[2]["errors"]["rating"][0]]}
    c1.refresh_from_db()
    assert c1.state == CardState.REVIEW  # 09:00 then 09:10: Good, Good graduates
    # uploading the same batch again changes nothing
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        again = services.review_batch_record(user=student, items=items[:2])
    assert [{**o["result"], "replayed": False} for o in again] == [
        o["result"] for o in outcomes[:2]
    ]
    assert all(o["result"]["replayed"] for o in again)
    assert ReviewLog.objects.filter(user=student).count() == 2


def test_preferences_have_defaults(student):
    prefs = services.preferences_get(user=student)
    assert prefs.desired_retention == 0.9
    assert prefs.new_cards_per_day == 20
    assert prefs.max_reviews_per_day == 200
    assert prefs.learning_steps == [60, 600]
    assert prefs.relearning_steps == [600]
    assert prefs.day_starts_at_hour == 4


def test_preferences_update_validates_and_parses_steps(student):
    prefs = services.preferences_update(
        user=student, learning_steps="1m 30m 1h", time_zone="Europe/Paris"
    )
    assert prefs.learning_steps == [60, 1800, 3600]
    with pytest.raises(ValidationError) as error:
        services.preferences_update(user=student, desired_retention=0.5)
    assert "desired_retention" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.preferences_update(user=student, time_zone="Mars/Olympus")
    assert "time_zone" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.preferences_update(user=student, colour="blue")
    assert "colour" in error.value.message_dict
    assert StudyPreferences.objects.get(user=student).desired_retention == 0.9


def test_changing_desired_retention_reschedules_review_cards(
    student, card, django_assert_max_num_queries
):
    result = answer(student, card, 4, T0)
    card.refresh_from_db()
    old_interval = card.due - card.last_review
    # (4 of them recount the bank tallies: the cards moved between due days)
    with django_assert_max_num_queries(14):
        services.preferences_update(user=student, desired_retention=0.97)
    card.refresh_from_db()
    new_interval = card.due - card.last_review
    assert new_interval < old_interval
    assert new_interval >= timedelta(days=1)
    assert result.card.last_review == card.last_review


def test_quiz_feeds_the_scheduler_and_scores(student, bank):
    attempt = services.quiz_start(user=student, bank=bank, size=3)
    assert len(attempt.question_ids) == 3
    first, second, third = attempt.question_ids
    from quizzes.models import Question

    q1 = Question.objects.get(pk=first)
    q2 = Question.objects.get(pk=second)
    a1 = services.quiz_answer(
        user=student,
        attempt=attempt,
        question_id=first,
        choice_id=q1.choices.get(is_correct=True).pk,
        duration_ms=4000,
    )
    a2 = services.quiz_answer(
        user=student,
        attempt=attempt,
        question_id=second,
        choice_id=q2.choices.filter(is_correct=False).first().pk,
    )
    assert a1.is_correct
    assert not a2.is_correct
    assert a1.review.rating == 3
    assert a2.review.rating == 1
    assert a1.review.source == "quiz"
    with pytest.raises(ReviewError) as error:
        services.quiz_answer(
            user=student,
            attempt=attempt,
            question_id=first,
            choice_id=q1.choices.get(is_correct=True).pk,
        )
    assert error.value.field == "question"
    finished = services.quiz_finish(attempt=attempt)
    assert finished.finished_at is not None
    assert finished.correct_count == 1
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 2
    assert (
        Card.objects.filter(user=student, question_id__in=[first, second]).exclude(state=0).count()
        == 2
    )
    with pytest.raises(ReviewError) as error:
        services.quiz_answer(
            user=student,
            attempt=attempt,
            question_id=third,
            choice_id=Question.objects.get(pk=third).choices.first().pk,
        )
    assert error.value.field == "attempt"


def test_quiz_refuses_bad_input(student, other_student, bank, teacher):
    draft = QuestionBankFactory(owner=teacher, status="draft")
    with pytest.raises(ReviewError) as error:
        services.quiz_start(user=student, bank=draft)
    assert error.value.field == "bank"
    with pytest.raises(ReviewError) as error:
        services.quiz_start(user=student, bank=bank, size=0)
    assert error.value.field == "size"
    attempt = services.quiz_start(user=student, bank=bank, size=2)
    with pytest.raises(ReviewError) as error:
        services.quiz_answer(
            user=other_student, attempt=attempt, question_id=attempt.question_ids[0], choice_id=1
        )
    assert error.value.status == 404
    outside = QuestionFactory(bank=bank)
    with pytest.raises(ReviewError) as error:
        services.quiz_answer(user=student, attempt=attempt, question_id=outside.pk, choice_id=1)
    assert error.value.field == "question"
    assert not ReviewLog.objects.exists()


def test_quiz_grades_ordering_and_free_text(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    timeline = QuestionFactory(
        bank=bank, kind="ordering", answer="A, B, C", choices=["A", "B", "C"]
    )
    typed = QuestionFactory(bank=bank, kind="free_text", answer="Kassym-Jomart Tokayev", choices=[])
    attempt = services.quiz_start(user=student, bank=bank, size=2)
    ids = list(timeline.choices.order_by("position").values_list("pk", flat=True))
    right = services.quiz_answer(user=student, attempt=attempt, question_id=timeline.pk, order=ids)
    assert right.is_correct
    text = services.quiz_answer(
        user=student, attempt=attempt, question_id=typed.pk, text="kassym jomart TOKAYEV"
    )
    assert text.is_correct


def test_due_first_quiz_starts_with_due_cards(student, bank):
    questions = list(bank.questions.all())
    card = services.card_get_or_create(user=student, question=questions[3])
    answer(student, card, 4, T0)
    card.refresh_from_db()
    with time_machine.travel(card.due + timedelta(hours=1), tick=False):
        attempt = services.quiz_start(user=student, bank=bank, size=2, mode="due_first")
    assert attempt.question_ids[0] == questions[3].pk


@pytest.mark.parametrize("n", [1, 25])
def test_rescheduling_takes_the_same_queries_for_any_number_of_cards(
    student, teacher, n, django_assert_num_queries
):
    bank = QuestionBankFactory(owner=teacher)
    for question in QuestionFactory.create_batch(n, bank=bank, choices=[]):
        answer(student, services.card_get_or_create(user=student, question=question), 4, T0)
    # the UPDATE, and the bank tallies recounted (preferences, DELETE, the cards, INSERT)
    with django_assert_num_queries(14):
        services.preferences_update(user=student, desired_retention=0.8)
    assert Card.objects.filter(user=student, state=CardState.REVIEW).count() == n
