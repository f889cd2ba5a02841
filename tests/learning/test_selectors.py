"""The study queue, progress and teacher selectors."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from learning import selectors, services
from learning.models import Card, CardState
from learning.selectors.queue import SPARE
from tests.factories import (
    ArticleFactory,
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    UserFactory,
    cards_update,
)
from tests.rows import cards_of

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def rate(user, card_id, rating, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return services.review_record(user=user, card_id=card_id, rating=rating, **kwargs)


def queue(user, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return services.study_queue_open(user=user, **kwargs)


def make_bank(teacher, n):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(n, bank=bank)
    return bank


def test_new_cards_come_in_bank_order_with_previews(student, bank):
    result = queue(student, T0)
    questions = list(bank.questions.order_by("position"))
    assert [item.question_row.pk for item in result.items] == [q.pk for q in questions]
    assert all(item.is_new for item in result.items)
    assert result.new_available == 5
    assert result.items[0].preview_labels()[1] == "1m"
    assert result.items[0].preview_labels()[3] == "10m"
    assert Card.objects.filter(user=student).count() == 5
    # a second call reuses the cards
    queue(student, T0)
    assert Card.objects.filter(user=student).count() == 5


def test_learning_first_then_most_overdue_reviews_then_new(student, teacher):
    bank = make_bank(teacher, 6)
    cards = [item.card_row for item in queue(student, T0, bank=bank).items]
    long_ago = T0 - timedelta(days=60)
    rate(student, cards[0].pk, 4, long_ago)  # review, due long ago
    rate(student, cards[1].pk, 4, T0 - timedelta(days=20))  # review, less overdue
    rate(student, cards[2].pk, 3, T0)  # learning, due in 10 minutes
    later = T0 + timedelta(minutes=15)
    items = queue(student, later, bank=bank).items
    assert [i.card_row.pk for i in items[:3]] == [cards[2].pk, cards[0].pk, cards[1].pk]
    assert [i.is_new for i in items] == [False, False, False, True, True, True]


def test_daily_new_limit_holds_in_the_users_study_day(student, teacher):
    services.preferences_update(user=student, new_cards_per_day=3)
    bank = make_bank(teacher, 10)
    first = queue(student, T0, bank=bank)
    assert len(first.items) == 3
    assert first.new_available == 3
    for item in first.items:
        rate(student, item.card_row.pk, 3, T0)
    later = queue(student, T0 + timedelta(hours=1), bank=bank)
    assert [i.is_new for i in later.items] == [False, False, False]  # learning only
    assert later.new_available == 0
    next_day = queue(student, T0 + timedelta(days=1), bank=bank)
    assert next_day.new_available == 3


def test_daily_review_limit_holds(student, teacher):
    services.preferences_update(user=student, max_reviews_per_day=2, new_cards_per_day=0)
    bank = make_bank(teacher, 5)
    services.preferences_update(user=student, new_cards_per_day=5)
    for item in queue(student, T0 - timedelta(days=30), bank=bank).items:
        rate(student, item.card_row.pk, 4, T0 - timedelta(days=30))
    services.preferences_update(user=student, new_cards_per_day=0)
    result = queue(student, T0, bank=bank)
    assert len(result.items) == 2
    assert result.review_count == 2
    rate(student, result.items[0].card_row.pk, 3, T0)
    assert len(queue(student, T0 + timedelta(minutes=1), bank=bank).items) == 1


def test_day_boundaries_follow_the_users_time_zone(student, teacher):
    # Tokyo is UTC+9; the study day starts at 04:00 local = 19:00 UTC.
    services.preferences_update(user=student, time_zone="Asia/Tokyo", new_cards_per_day=2)
    bank = make_bank(teacher, 6)
    evening = datetime(2025, 3, 3, 18, 30, tzinfo=UTC)  # 03:30 in Tokyo: still "yesterday"
    for item in queue(student, evening, bank=bank).items:
        rate(student, item.card_row.pk, 4, evening)
    assert queue(student, evening + timedelta(minutes=20), bank=bank).new_available == 0
    # 19:10 UTC = 04:10 in Tokyo: a new study day, although still the same UTC day
    assert queue(student, datetime(2025, 3, 3, 19, 10, tzinfo=UTC), bank=bank).new_available == 2


def test_siblings_are_buried_for_the_day(student, teacher):
    article = ArticleFactory()
    bank = QuestionBankFactory(owner=teacher, article=article)
    a = QuestionFactory(bank=bank, evidence_start=10, evidence_end=40)
    b = QuestionFactory(bank=bank, evidence_start=10, evidence_end=40)  # same sentence
    c = QuestionFactory(bank=bank, evidence_start=50, evidence_end=70)
    first = queue(student, T0, bank=bank)
    assert [i.question_row.pk for i in first.items] == [a.pk, c.pk]  # b waits: sibling of a
    rate(student, first.items[0].card_row.pk, 4, T0)
    later = queue(student, T0 + timedelta(hours=1), bank=bank)
    assert b.pk not in [i.question_row.pk for i in later.items]
    next_day = queue(student, T0 + timedelta(days=1), bank=bank)
    assert b.pk in [i.question_row.pk for i in next_day.items]


def test_a_fact_asked_in_two_banks_is_buried_for_the_day_once_studied(student, teacher):
    """Siblings by fingerprint (no article): the same fact in two banks; today's
    reviews are read a row per fact, and the new cards counted across them."""
    services.preferences_update(user=student, new_cards_per_day=10)
    first_bank = QuestionBankFactory(owner=teacher)
    second_bank = QuestionBankFactory(owner=teacher)
    shared = QuestionFactory(bank=first_bank, fingerprint="same-fact")
    twin = QuestionFactory(bank=second_bank, fingerprint="same-fact")
    other = QuestionFactory(bank=second_bank)
    card = queue(student, T0, bank=first_bank).items[0].card_row
    assert card.question_id == shared.pk
    rate(student, card.pk, 4, T0)
    rate(student, card.pk, 4, T0 + timedelta(minutes=1))  # two reviews of one fact today
    later = queue(student, T0 + timedelta(hours=1), bank=second_bank)
    assert [i.question_row.pk for i in later.items] == [other.pk]
    assert later.new_left == 9  # one new card introduced today, though reviewed twice
    next_day = queue(student, T0 + timedelta(days=1), bank=second_bank)
    assert twin.pk in [i.question_row.pk for i in next_day.items]


def test_a_sibling_studied_today_and_undone_is_not_buried(student, teacher):
    bank = QuestionBankFactory(owner=teacher, article=ArticleFactory())
    a = QuestionFactory(bank=bank, evidence_start=10, evidence_end=40)
    b = QuestionFactory(bank=bank, evidence_start=10, evidence_end=40)  # same sentence
    first = queue(student, T0, bank=bank)
    rate(student, first.items[0].card_row.pk, 4, T0)
    assert b.pk not in [i.question_row.pk for i in queue(student, T0, bank=bank).items]
    services.review_undo_last(user=student)
    later = queue(student, T0 + timedelta(minutes=1), bank=bank)
    assert [i.question_row.pk for i in later.items] == [a.pk]  # b still waits: a is back in
    assert later.new_available == 1


def test_the_queue_reads_no_review_log_whatever_was_studied_today(
    student, teacher, django_assert_num_queries
):
    """Today's limits come from the study day's row and the facts studied from the
    candidates' sibling cards: one answer today or twelve, the same queries, none
    of them reading the review log (each read guessing its candidates from the
    read before, as a study session reads them: a wrong guess costs one more)."""
    services.preferences_update(user=student, new_cards_per_day=30)
    bank = QuestionBankFactory(owner=teacher, article=ArticleFactory())
    for start in range(0, 400, 10):  # 40 facts of two questions each
        QuestionFactory.create_batch(2, bank=bank, evidence_start=start, evidence_end=start + 5)

    def answer(count, at):
        items = queue(student, at, bank=bank, limit=count).items[:count]
        for item in items:
            rate(student, item.card_row.pk, 3, at)
        return {item.question_row.evidence_start for item in items}

    def read(at):
        with time_machine.travel(at, tick=False):
            selectors.study_queue(user=student, bank=bank, limit=5)
        with time_machine.travel(at, tick=False), CaptureQueriesContext(connection) as ctx:
            result = selectors.study_queue(user=student, bank=bank, limit=5)
        assert not any("learning_reviewlog" in q["sql"] for q in ctx.captured_queries)
        return result, len(ctx.captured_queries)

    studied = answer(1, T0)
    after_one, queries = read(T0 + timedelta(minutes=1))
    studied |= answer(11, T0 + timedelta(minutes=2))
    after_twelve, queries_then = read(T0 + timedelta(minutes=3))
    assert queries_then == queries
    assert after_one.new_left == 29
    assert after_twelve.new_left == 18
    assert len(studied) == 12
    new_facts = [item.question_row.evidence_start for item in after_twelve.items if item.is_new]
    assert len(new_facts) == 5
    assert not studied & set(new_facts)  # no new card of a fact studied today


def test_undone_reviews_do_not_count_toward_limits(student, teacher):
    services.preferences_update(user=student, new_cards_per_day=1)
    bank = make_bank(teacher, 3)
    item = queue(student, T0, bank=bank).items[0]
    rate(student, item.card_row.pk, 3, T0)
    assert queue(student, T0 + timedelta(minutes=1), bank=bank).new_available == 0
    services.review_undo_last(user=student)
    assert queue(student, T0 + timedelta(minutes=1), bank=bank).new_available == 1


@pytest.mark.parametrize("n", [10, 200])
def test_queue_query_count_is_constant(student, teacher, n, django_assert_num_queries):
    bank = make_bank(teacher, n)
    for item in queue(student, T0 - timedelta(days=10), bank=bank, limit=3).items:
        rate(student, item.card_row.pk, 4, T0 - timedelta(days=10))
    # 3 due reviews + 7 new cards: the read writes nothing (preferences, the study day,
    # the banks, the candidates, the cards shown, their choices: 6 queries) ...
    with time_machine.travel(T0, tick=False), django_assert_num_queries(6):
        read = selectors.study_queue(user=student, limit=10)
    assert [i.card_row.pk is None for i in read.items] == [False] * 3 + [True] * 7
    # ... and opening it gives the new cards their rows (one INSERT in a savepoint)
    with time_machine.travel(T0, tick=False), django_assert_num_queries(9):
        result = services.study_queue_open(user=student, limit=10)
    assert [i.is_new for i in result.items] == [False] * 3 + [True] * 7
    assert all(len(item.question_row.choices) == 4 for item in result.items)
    # the same queue again: the rows exist now
    with time_machine.travel(T0, tick=False), django_assert_num_queries(6):
        again = services.study_queue_open(user=student, limit=10)
    assert [i.card_row.pk for i in again.items] == [i.card_row.pk for i in result.items]
    assert [i.previews for i in again.items] == [i.previews for i in result.items]


def test_the_queue_reads_the_rows_of_the_cards_shown_and_saves_every_new_card_picked(
    student, teacher, django_assert_num_queries
):
    """rows_for=1 (the study page): one card's rows read, the preferred card first,
    all picks counted and every new one picked given its row (one INSERT)."""
    bank = make_bank(teacher, 40)
    services.preferences_update(user=student, new_cards_per_day=40)
    # preferences, the study day and (no bank given) the banks; the candidates; the
    # card shown; the INSERT in its savepoint
    with time_machine.travel(T0, tick=False), django_assert_num_queries(8):
        opened = services.study_queue_open(user=student, limit=30, choices_for=0, rows_for=1)
    assert len(opened.picked) == 30
    assert all(pick.is_new and pick.card_id for pick in opened.picked)
    assert Card.objects.filter(user=student).count() == 30
    assert [item.card_row.id for item in opened.items] == [opened.picked[0].card_id]
    assert opened.items[0].previews  # (saved: previewed)

    wanted = opened.picked[7].card_id
    again = queue(student, T0, limit=30, choices_for=0, rows_for=1, first_card=wanted)
    assert [item.card_row.pk for item in again.items] == [wanted]
    assert again.picked == opened.picked
    assert queue(student, T0, bank=bank, limit=30).picked == opened.picked  # (all read)


def test_cards_studied_today_outside_the_candidates_bury_their_facts_whatever_their_number(
    student, teacher
):
    """The cards shown are read with the facts studied today for the pick the
    candidates alone give; when more cards studied today (none of them due, so no
    candidate) bury their facts than SPARE, the cards shown are read afterwards."""
    services.preferences_update(user=student, new_cards_per_day=60)
    bank = QuestionBankFactory(owner=teacher, article=ArticleFactory())
    for start in range(0, 300, 10):  # 30 facts of two questions each, in bank order
        QuestionFactory.create_batch(2, bank=bank, evidence_start=start, evidence_end=start + 5)
    first = queue(student, T0, bank=bank, limit=SPARE + 8).items
    for item in first:  # one card of each of the first facts, out of today's queue
        rate(student, item.card_row.pk, 4, T0)
    studied = {item.question_row.evidence_start for item in first}
    later = queue(student, T0 + timedelta(minutes=5), bank=bank, limit=5)
    shown = [item.question_row.evidence_start for item in later.items]
    assert len(shown) == 5
    assert not studied & set(shown)
    assert shown == sorted(shown)


def test_reading_the_queue_writes_nothing(student, teacher):
    bank = make_bank(teacher, 5)
    for _ in range(2):
        with time_machine.travel(T0, tick=False):
            read = selectors.study_queue(user=student, bank=bank, limit=5)
        assert [item.is_new for item in read.items] == [True] * 5
        assert all(item.card_row.pk is None and not item.previews for item in read.items)
    assert not Card.objects.filter(user=student).exists()


def test_counts_go_on_past_the_fetched_window_in_one_query(
    student, teacher, django_assert_num_queries
):
    services.preferences_update(user=student, new_cards_per_day=30)
    bank = make_bank(teacher, 30)
    cards = [
        item.card_row for item in queue(student, T0 - timedelta(days=20), bank=bank, limit=30).items
    ]
    for minutes, card in enumerate(cards[:13]):  # 13 learning cards, due a minute apart
        cards_update(
            [card],
            state=CardState.LEARNING,
            step=0,
            stability=1.0,
            difficulty=5.0,
            reps=1,
            last_review=T0 - timedelta(hours=1),
            due=T0 - timedelta(minutes=30 - minutes),
        )
    for days, card in enumerate(cards[13:28]):  # 15 reviews, due 1 to 15 days ago
        cards_update(
            [card],
            state=CardState.REVIEW,
            stability=5.0,
            difficulty=5.0,
            reps=3,
            last_review=T0 - timedelta(days=20),
            due=T0 - timedelta(days=days + 1),
        )
    # limit 1 fetches windows of 12 rows: both counts go on past them, in one query
    # (preferences, the study day, candidates, counts, the card shown, its choices)
    with time_machine.travel(T0, tick=False), django_assert_num_queries(6):
        result = services.study_queue_open(user=student, bank=bank, limit=1)
    assert [item.card_row.pk for item in result.items] == [cards[0].pk]
    assert (result.learning_count, result.review_count, result.due_count) == (13, 15, 28)
    assert result.new_available == 2
    # the review badge stops at what today's limit allows
    services.preferences_update(user=student, max_reviews_per_day=14)
    capped = queue(student, T0, bank=bank, limit=1)
    assert (capped.learning_count, capped.review_count) == (13, 14)


@pytest.mark.parametrize("n", [2, 30])
def test_answer_query_count_is_constant(student, teacher, n, django_assert_num_queries):
    bank = make_bank(teacher, n)
    cards = cards_of(queue(student, T0, bank=bank, limit=n).items)
    for card in cards:
        rate(student, card.pk, 3, T0)
    card = cards[0]
    choice = card.question.choices.first()
    # savepoint, the card (locked, with question, preferences and the choices' facts),
    # UPDATE card, INSERT log, add to the study day and to the bank's tally, release
    with time_machine.travel(T0 + timedelta(minutes=20), tick=False), django_assert_num_queries(7):
        services.review_record(user=student, card_id=card.pk, choice_id=choice.pk)
    with time_machine.travel(T0 + timedelta(minutes=21), tick=False), django_assert_num_queries(7):
        services.review_record(user=student, card_id=cards[1].pk, rating=3)
    # a client_uuid: the same (its conflict is skipped in the INSERT, no savepoint pair
    # around it); its replay: the log, nothing written
    client_uuid = uuid.uuid4()
    with time_machine.travel(T0 + timedelta(minutes=22), tick=False), django_assert_num_queries(7):
        services.review_record(user=student, card_id=cards[1].pk, rating=3, client_uuid=client_uuid)
    with time_machine.travel(T0 + timedelta(minutes=23), tick=False), django_assert_num_queries(4):
        replay = services.review_record(
            user=student, card_id=cards[1].pk, rating=1, client_uuid=client_uuid
        )
    assert replay.replayed is True


def test_card_and_attempt_of_another_user_are_404(student, other_student, bank):
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    assert selectors.card_get_for_user(user=student, card_id=card.pk) == card
    with pytest.raises(Http404):
        selectors.card_get_for_user(user=other_student, card_id=card.pk)
    attempt = services.quiz_start(user=student, bank=bank, size=2)
    assert selectors.attempt_get_for_user(user=student, attempt_id=attempt.pk) == attempt
    with pytest.raises(Http404):
        selectors.attempt_get_for_user(user=other_student, attempt_id=attempt.pk)
    with pytest.raises(Http404):
        selectors.attempt_get_for_user(user=student, attempt_id="abc")
    assert list(selectors.attempt_list(user=other_student)) == []
    assert list(selectors.attempt_list(user=student)) == [attempt]


def test_attempt_review_shows_given_and_correct_answers(student, bank):
    attempt = services.quiz_start(user=student, bank=bank, size=2)
    from quizzes.models import Question

    question = Question.objects.get(pk=attempt.question_ids[0])
    wrong = question.choices.filter(is_correct=False).first()
    services.quiz_answer(user=student, attempt=attempt, question_id=question.pk, choice_id=wrong.pk)
    rows = selectors.attempt_review(attempt=attempt)
    assert [r["question"] for r in rows] == attempt.question_ids
    assert rows[0]["given"]["choice"] == wrong.pk
    assert rows[0]["is_correct"] is False
    assert rows[0]["correct_answer"] == "Jane Doe"
    assert rows[1]["given"] is None
    assert rows[1]["is_correct"] is None


def test_streak_counts_days_in_the_users_time_zone(student, bank):
    # New York (UTC-5 in January), day starts at 4 am local = 09:00 UTC.
    services.preferences_update(user=student, time_zone="America/New_York")
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    # 03:00 UTC on Jan 11 is 22:00 on Jan 10 in New York: the Jan 10 study day.
    moments = [
        datetime(2025, 1, 9, 15, 0, tzinfo=UTC),
        datetime(2025, 1, 11, 3, 0, tzinfo=UTC),
        datetime(2025, 1, 11, 20, 0, tzinfo=UTC),
    ]
    for moment in moments:
        rate(student, card.pk, 3, moment)
    now = datetime(2025, 1, 11, 21, 0, tzinfo=UTC)
    assert selectors.study_streak(user=student, now=now) == 3
    assert selectors.progress_summary(user=student, now=now)["streak"] == 3
    # In UTC the same reviews fall on Jan 9 and Jan 11: no streak across Jan 10.
    services.preferences_update(user=student, time_zone="UTC", day_starts_at_hour=0)
    assert selectors.study_streak(user=student, now=now) == 1
    heat = {d["date"]: d["count"] for d in selectors.review_heatmap(user=student, days=5, now=now)}
    assert heat == {
        "2025-01-07": 0,
        "2025-01-08": 0,
        "2025-01-09": 1,
        "2025-01-10": 0,
        "2025-01-11": 2,
    }


def test_streak_survives_until_the_day_ends(student, bank):
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    rate(student, card.pk, 3, datetime(2025, 1, 10, 12, 0, tzinfo=UTC))
    assert selectors.study_streak(user=student, now=datetime(2025, 1, 11, 12, 0, tzinfo=UTC)) == 1
    assert selectors.study_streak(user=student, now=datetime(2025, 1, 12, 12, 0, tzinfo=UTC)) == 0


def test_progress_summary_counts_today_forecast_and_banks(student, bank):
    items = queue(student, T0, bank=bank).items
    rate(student, items[0].card_row.pk, 4, T0)  # review in a few days
    rate(student, items[1].card_row.pk, 3, T0)  # learning, due in 10 minutes
    summary = selectors.progress_summary(user=student, now=T0 + timedelta(minutes=1))
    assert summary["today"] == {
        "reviewed": 2,
        "new_learned": 2,
        "new_limit": 20,
        "new_left": 18,
        "due_now": 0,
        "due_later_today": 1,
    }
    assert len(summary["forecast"]) == 30
    assert summary["forecast"][0] == {"date": "2025-03-03", "count": 1}
    assert sum(d["count"] for d in summary["forecast"]) == 2
    [entry] = summary["banks"]
    assert entry["bank"] == bank.pk
    assert (entry["total"], entry["new"], entry["learning"], entry["young"], entry["mature"]) == (
        5,
        3,
        1,
        1,
        0,
    )
    assert 0 < entry["mastery"] < 100
    assert summary["retention"]["last_7_days"] is None  # no card came back due yet
    assert 0.9 < summary["retention"]["average_retrievability"] <= 1.0
    assert len(summary["retention_by_week"]) == 12


def test_progress_today_is_the_summarys_today_and_streak_in_five_queries(
    student, bank, django_assert_num_queries
):
    items = queue(student, T0, bank=bank).items
    rate(student, items[0].card_row.pk, 4, T0 - timedelta(days=1))
    rate(student, items[1].card_row.pk, 3, T0)
    rate(student, items[2].card_row.pk, 4, T0)
    now = T0 + timedelta(minutes=1)
    # preferences, reviews per study day (today's counts and the streak), cards due
    # before today (the bank tallies, less those of unpublished questions), today's due cards
    with django_assert_num_queries(5):
        today = selectors.progress_today(user=student, now=now)
    assert today == {
        "reviewed": 2,
        "new_learned": 2,
        "new_limit": 20,
        "new_left": 18,
        "due_now": 0,
        "due_later_today": 1,
        "streak": 2,
    }
    summary = selectors.progress_summary(user=student, now=now)
    assert today == {**summary["today"], "streak": summary["streak"]}


def test_a_streak_longer_than_the_first_window_is_counted_over_all_history(
    student, bank, django_assert_num_queries
):
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    days = selectors.STREAK_WINDOW_DAYS + 15
    first = T0 - timedelta(days=days - 1)
    reviews = [
        {"card": card.pk, "rating": 3, "reviewed_at": first + timedelta(days=i)}
        for i in range(days)
    ]
    with time_machine.travel(T0 + timedelta(minutes=5), tick=False):
        assert all(o["ok"] for o in services.review_batch_record(user=student, items=reviews))
    now = T0 + timedelta(hours=1)
    with django_assert_num_queries(6):  # one more: the streak fills the first window
        assert selectors.progress_today(user=student, now=now)["streak"] == days
    assert selectors.progress_summary(user=student, now=now)["streak"] == days
    assert selectors.study_streak(user=student, now=now) == days
    # two days later without a review the streak is over
    assert selectors.progress_today(user=student, now=now + timedelta(days=2))["streak"] == 0


def test_retention_counts_only_answers_to_cards_that_came_back_due(student, bank):
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    now = T0 - timedelta(days=200)
    result = rate(student, card.pk, 4, now)
    while result.card.stability < 21:
        result = rate(student, card.pk, 3, result.card.due)
    mature_at = result.card.due
    rate(student, card.pk, 3, mature_at)
    result = rate(student, card.pk, 1, mature_at + timedelta(days=100))
    summary = selectors.progress_summary(user=student, now=mature_at + timedelta(days=100, hours=1))
    assert summary["retention"]["last_7_days"] == 0.0  # the only recent due review failed
    assert summary["retention"]["due_reviews_7_days"] == 1
    summary = selectors.progress_summary(user=student, now=mature_at + timedelta(hours=1))
    assert summary["retention"]["last_7_days"] == 1.0


def test_bank_mastery_for_many_banks_in_five_queries(student, teacher, django_assert_num_queries):
    banks = [make_bank(teacher, 3) for _ in range(3)]
    card = queue(student, T0, bank=banks[0]).items[0].card_row
    rate(student, card.pk, 4, T0)
    # question counts, preferences, the banks' tallies, the cards due today until now,
    # those due before today of unpublished questions
    with django_assert_num_queries(5):
        mastery = selectors.bank_mastery(user=student, banks=banks, now=T0 + timedelta(hours=1))
    assert mastery[banks[0].pk]["new"] == 2
    assert mastery[banks[0].pk]["total"] == 3
    assert mastery[banks[1].pk] == {"due": 0, "new": 3, "mastery": 0.0, "total": 3}
    assert mastery[banks[0].pk]["mastery"] > 0


def test_teacher_sees_students_progress_failures_and_leeches(teacher, bank):
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    classroom = ClassroomFactory(teacher=teacher)
    for user in (alice, bob):
        MembershipFactory(classroom=classroom, student=user)
    q = bank.questions.first()
    for user in (alice, bob):
        card = services.card_get_or_create(user=user, question=q)
        rate(user, card.pk, 1, T0)
    card_b = services.card_get_or_create(user=bob, question=bank.questions.last())
    rate(bob, card_b.pk, 4, T0)
    rows = selectors.bank_student_progress(bank=bank, teacher=teacher, now=T0 + timedelta(hours=1))
    assert {r["username"] for r in rows} == {"alice", "bob"}
    assert rows[0]["username"] == "bob"
    assert rows[0]["mastery"] > 0
    assert all(r["last_activity"] == T0 for r in rows)
    failures = selectors.question_failures(bank=bank)
    assert failures[0]["question"] == q.pk
    assert failures[0]["failures"] == 2
    assert failures[0]["students"] == 2
    Card.objects.filter(user=alice, question=q).update(lapses=9)
    leeches = selectors.leeches(bank=bank, teacher=teacher)
    assert [(x["username"], x["lapses"]) for x in leeches] == [("alice", 9)]


def test_a_public_banks_report_names_only_the_students_of_the_teachers_classes(
    teacher, other_teacher, superuser, bank
):
    """Issue 13: a teacher sees only their classes and the students in them, even
    on their public bank, which students of other classes (or none) study too."""
    mine, theirs, loner = (UserFactory(username=n) for n in ("mina", "theo", "lone"))
    MembershipFactory(classroom=ClassroomFactory(teacher=teacher), student=mine)
    MembershipFactory(classroom=ClassroomFactory(teacher=other_teacher), student=theirs)
    question = bank.questions.first()
    for user in (mine, theirs, loner):
        card = services.card_get_or_create(user=user, question=question)
        rate(user, card.pk, 1, T0)
    Card.objects.filter(question=question).update(lapses=9)
    later = T0 + timedelta(hours=1)

    def named(viewer):
        rows = selectors.bank_student_progress(bank=bank, teacher=viewer, now=later)
        leeches = selectors.leeches(bank=bank, teacher=viewer)
        return {r["username"] for r in rows}, {x["username"] for x in leeches}

    assert named(teacher) == ({"mina"}, {"mina"})
    assert named(other_teacher) == ({"theo"}, {"theo"})  # were it their bank
    assert named(superuser) == ({"mina", "theo", "lone"},) * 2
    assert selectors.question_failures(bank=bank)[0]["students"] == 3  # counts, no names


def test_quiz_scores_over_time(student, bank):
    attempt = services.quiz_start(user=student, bank=bank, size=2)
    from quizzes.models import Question

    for qid in attempt.question_ids:
        q = Question.objects.get(pk=qid)
        services.quiz_answer(
            user=student,
            attempt=attempt,
            question_id=qid,
            choice_id=q.choices.get(is_correct=True).pk,
        )
    services.quiz_finish(attempt=attempt)
    [score] = selectors.quiz_scores(user=student, bank=bank)
    assert score["score"] == 100.0
    summary = selectors.progress_summary(user=student)
    assert summary["banks"][0]["quizzes"]["recent"][0]["score"] == 100.0
    assert CardState.LEARNING in set(
        Card.objects.filter(user=student).values_list("state", flat=True)
    )


def test_learning_cards_come_back_early_only_when_nothing_else_is_left(student, teacher):
    bank = make_bank(teacher, 2)
    first, second = (i.card_row for i in queue(student, T0, bank=bank).items)
    rate(student, first.pk, 1, T0)  # Again: due in 1 minute
    items = queue(student, T0 + timedelta(seconds=10), bank=bank).items
    assert [i.card_row.pk for i in items] == [second.pk]  # the new card first
    rate(student, second.pk, 3, T0 + timedelta(seconds=20))  # due in 10 minutes
    result = queue(student, T0 + timedelta(seconds=30), bank=bank)
    assert [i.card_row.pk for i in result.items] == [first.pk, second.pk]  # learn ahead
    assert result.learning_count == 0  # nothing is due yet


def test_the_previewed_interval_is_what_the_answer_schedules(student, bank):
    card = queue(student, T0, bank=bank).items[0].card_row
    result = rate(student, card.pk, 4, T0)
    later = result.card.due + timedelta(days=2)
    [item] = [i for i in queue(student, later, bank=bank).items if i.card_row.pk == card.pk]
    for rating in (2, 3, 4):
        with time_machine.travel(later, tick=False):
            answered = services.review_record(user=student, card_id=card.pk, rating=rating)
        assert answered.card.due - later == item.previews[rating]
        services.review_undo_last(user=student)


@pytest.mark.django_db
def test_bank_mastery_from_the_tally_equals_the_cards_one_by_one():
    """Home and progress read mastery from the bank's tally (a row per bank, not a
    pass over the cards): the same figure as card_mastery over each card, whatever
    the state and age of the cards; a card's stability counts up to 21 days."""
    from learning.selectors.progress import card_mastery
    from tests.factories import CardFactory

    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    student = UserFactory()
    bank = QuestionBankFactory()
    shapes = [
        (CardState.NEW, None, None),
        (CardState.LEARNING, 0.4, now - timedelta(minutes=5)),
        (CardState.REVIEW, 3.2, now - timedelta(days=2, hours=5)),
        (CardState.REVIEW, 25.0, now - timedelta(days=40)),
        (CardState.REVIEW, 400.0, now - timedelta(days=3)),
        (CardState.RELEARNING, 1.5, now - timedelta(hours=7)),
        (CardState.REVIEW, 12.0, now + timedelta(hours=1)),  # reviewed "later" on another device
    ]
    cards = [
        CardFactory(
            user=student,
            question=QuestionFactory(bank=bank),
            state=state,
            stability=stability,
            last_review=last_review,
            due=now,
        )
        for state, stability, last_review in shapes
    ]
    expected = sum(card_mastery(c.state, c.stability) for c in cards)
    assert expected == pytest.approx(2 + (3.2 + 1.5 + 12.0) / 21)  # 25 and 400 days: mature

    figures = selectors.bank_mastery(user=student, banks=[bank], now=now)[bank.pk]
    breakdown = selectors.progress_summary(user=student, now=now)["banks"][0]

    assert figures["mastery"] == round(100 * expected / len(cards), 1) == breakdown["mastery"]
    assert figures["mastery"] == 39.9
    assert (breakdown["learning"], breakdown["young"], breakdown["mature"]) == (2, 2, 2)
    assert figures["new"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("fitted", [False, True])
def test_average_retrievability_is_the_forgetting_curve_over_the_cards_in_review(fitted):
    """The progress page's average retrievability, computed by the database (its
    statement compiled once for the default curve, built each time for a student's
    fitted curve), is the scheduler's retrievability averaged over the cards in
    review or relearning; new and learning cards are left out."""
    from learning import scheduler
    from learning.models import StudyPreferences
    from tests.factories import CardFactory

    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    student = UserFactory()
    parameters = None
    if fitted:  # the default curve with a steeper decay (its last weight)
        parameters = [*scheduler.DEFAULT_PARAMETERS[:20], 0.5]
        assert scheduler.parameters_valid(parameters)
        StudyPreferences.objects.create(user=student, fsrs_parameters=parameters)
    bank = QuestionBankFactory()
    shapes = [
        (CardState.NEW, None, None),
        (CardState.LEARNING, 0.4, now - timedelta(hours=2)),
        (CardState.REVIEW, 3.2, now - timedelta(days=9)),
        (CardState.REVIEW, 25.0, now - timedelta(days=40)),
        (CardState.RELEARNING, 1.5, now - timedelta(days=2)),
    ]
    for state, stability, last_review in shapes:
        CardFactory(
            user=student,
            question=QuestionFactory(bank=bank),
            state=state,
            stability=stability,
            last_review=last_review,
            due=now,
        )
    expected = [
        scheduler.retrievability(
            stability=stability, last_review=last_review, now=now, parameters=parameters
        )
        for state, stability, last_review in shapes
        if state in (CardState.REVIEW, CardState.RELEARNING)
    ]

    for _ in range(2):  # the second read reuses what the first compiled
        summary = selectors.progress_summary(user=student, now=now)
        assert summary["retention"]["average_retrievability"] == pytest.approx(
            sum(expected) / len(expected), abs=1e-4
        )
    default_curve = [
        scheduler.retrievability(stability=s, last_review=r, now=now)
        for state, s, r in shapes
        if state in (CardState.REVIEW, CardState.RELEARNING)
    ]
    assert (sum(default_curve) != pytest.approx(sum(expected), abs=1e-3)) is fitted
