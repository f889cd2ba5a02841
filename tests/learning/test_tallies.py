"""The progress aggregates (StudyDay, BankTally; learning/tallies.py) equal a recount
from the review log and the cards after every write path: answers, quiz answers,
undo, offline batches, late answers from another device, suspending, a change of
time zone, and `manage.py rebuild_progress`; the quiz tallies (QuizTally) equal a
recount from the finished attempts."""

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from learning import selectors, services
from learning.models import (
    BankTally,
    Card,
    CardState,
    QuizAttempt,
    QuizTally,
    ReviewLog,
    StudyDay,
    StudyPreferences,
)
from learning.tallies import quiz_score
from quizzes.models import Choice
from tests.factories import QuestionBankFactory, QuestionFactory

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # 09:00 in New York


def recount(user) -> tuple[dict, dict]:
    """The aggregates as the log and the cards say, counted here one row at a time."""
    preferences = StudyPreferences.objects.filter(user=user).first()
    zone = ZoneInfo(preferences.time_zone if preferences else "UTC")
    hour = preferences.day_starts_at_hour if preferences else 4
    days: dict = defaultdict(lambda: [0, 0, 0, 0])
    for log in ReviewLog.objects.filter(user=user, undo__isnull=True):
        day = (log.reviewed_at.astimezone(zone) - timedelta(hours=hour)).date()
        review = log.state_before == CardState.REVIEW
        counts = days[day]
        counts[0] += 1
        counts[1] += log.state_before == CardState.NEW
        counts[2] += review
        counts[3] += review and log.rating > 1
    banks: dict = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for card in Card.objects.filter(user=user).select_related("question"):
        counted = card.state != CardState.NEW and card.suspended_at is None
        due_day = (card.due.astimezone(zone) - timedelta(hours=hour)).date()
        # every card in its bank's totals row (day 0001-01-01), a card that
        # counts as due also in its due day's row
        rows = [banks[(card.question.bank_id, date(1, 1, 1))]]
        if counted:
            rows.append(banks[(card.question.bank_id, due_day)])
            rows[1][5] += 1
        for counts in rows:
            for i, value in enumerate(card_counts(card)):
                counts[i] += value
    return (
        {day: tuple(v) for day, v in days.items() if any(v)},
        {bank: tuple(v) for bank, v in banks.items() if any(v)},
    )


def card_counts(card) -> list[int]:
    """(learning, young, mature, suspended_new, strength) of one card, counted here."""
    counts = [0, 0, 0, 0, 0]
    if card.state in (CardState.LEARNING, CardState.RELEARNING):
        counts[0] = 1
    if card.state == CardState.REVIEW:
        counts[1 if card.stability < 21 else 2] = 1
    if card.state == CardState.NEW and card.suspended_at is not None:
        counts[3] = 1
    if card.state in (CardState.REVIEW, CardState.RELEARNING):
        counts[4] = round(min(1.0, card.stability / 21) * 1_000_000)
    return counts


def stored(user) -> tuple[dict, dict]:
    days = {
        row.day: (row.reviews, row.new, row.graded, row.passed)
        for row in StudyDay.objects.filter(user=user)
    }
    banks = {
        (row.bank_id, row.due_day): (
            row.learning,
            row.young,
            row.mature,
            row.suspended_new,
            row.strength,
            row.due,
        )
        for row in BankTally.objects.filter(user=user)
    }
    return (
        {day: v for day, v in days.items() if any(v)},
        {bank: v for bank, v in banks.items() if any(v)},
    )


def cards_of(user, n: int, *, title: str = "Tally bank") -> list[Card]:
    bank = QuestionBankFactory(title=title)
    return [
        services.card_get_or_create(user=user, question=q)
        for q in QuestionFactory.create_batch(n, bank=bank)
    ]


def answer(user, card, rating, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return services.review_record(user=user, card_id=card.pk, rating=rating, **kwargs)


@pytest.fixture
def new_yorker(student):
    services.preferences_update(user=student, time_zone="America/New_York")
    return student


def test_answers_quiz_answers_and_undo_equal_a_recount(new_yorker, bank):
    cards = cards_of(new_yorker, 4)
    ratings = (3, 3, 1, 4, 2, 3)
    for day in range(5):
        for i, card in enumerate(cards):
            # 08:00 UTC is 03:00 in New York: the study day before (days start at 4)
            at = T0 + timedelta(days=day * 3, hours=i * 6 if i < 3 else 18)
            answer(new_yorker, card, ratings[(day + i) % 6], at)
    with time_machine.travel(T0 + timedelta(days=20), tick=False):
        attempt = services.quiz_start(user=new_yorker, bank=bank, size=3)
        for question_id in attempt.question_ids:
            choice = QuestionFactory._meta.model.objects.get(pk=question_id).choices.first()
            services.quiz_answer(
                user=new_yorker, attempt=attempt, question_id=question_id, choice_id=choice.pk
            )
    with time_machine.travel(T0 + timedelta(days=20, minutes=5), tick=False):
        services.review_undo_last(user=new_yorker)
        services.review_undo_last(user=new_yorker)

    days, banks = stored(new_yorker)
    assert (days, banks) == recount(new_yorker)
    assert sum(v[0] for v in days.values()) == 4 * 5 + 3 - 2
    # 03:00 in New York belongs to the study day before: the first day's four answers
    # (all to new cards) are one day; from summer time on (8 March) 08:00 UTC is
    # 04:00 there, the next study day: 5 days, 3 of them split, and the quiz's day
    assert days[date(2026, 3, 2)] == (4, 4, 0, 0)
    assert len(days) == 9
    assert {bank_id for bank_id, _ in banks} == {cards[0].question.bank_id, bank.pk}


def test_offline_batches_and_late_answers_from_another_device_equal_a_recount(student):
    cards = cards_of(student, 5)
    for i, card in enumerate(cards):
        for day in (0, 1, 4):
            answer(student, card, 3, T0 + timedelta(days=day, minutes=i))
    # The phone's answers, made offline before the tablet's last ones, uploaded late:
    # each card is replayed from its history with them in their place.
    items = [
        {
            "card": card.pk,
            "rating": (1, 3, 4, 2, 3)[i],
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (T0 + timedelta(days=2, hours=i)).isoformat(),
        }
        for i, card in enumerate(cards)
    ] + [
        {
            "card": cards[0].pk,
            "rating": 3,
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (T0 + timedelta(days=9)).isoformat(),
        }
    ]
    with time_machine.travel(T0 + timedelta(days=10), tick=False):
        outcomes = services.review_batch_record(user=student, items=items)
        # the same batch again: replays, nothing counted twice
        again = services.review_batch_record(user=student, items=items)
    assert all(o["ok"] for o in outcomes)
    assert all(o["result"]["replayed"] for o in again)
    # one late answer alone, then its undo (the others are replayed without it)
    answer(student, cards[1], 1, T0 + timedelta(days=3), reviewed_at=T0 + timedelta(days=3))
    with time_machine.travel(T0 + timedelta(days=10, minutes=1), tick=False):
        services.review_undo_last(user=student)

    days, banks = stored(student)
    assert (days, banks) == recount(student)
    assert sum(v[0] for v in days.values()) == 15 + 6
    assert len(days) == 5  # days 0, 1, 2, 4 and 9


def test_suspending_a_new_card_takes_it_out_of_the_new_count_and_back(student):
    cards = cards_of(student, 3)
    bank_id = cards[0].question.bank_id
    services.card_suspend(user=student, card_id=cards[0].pk)
    assert stored(student) == recount(student)
    assert selectors.bank_mastery(user=student, banks=[bank_id])[bank_id]["new"] == 2
    services.card_unsuspend(user=student, card_id=cards[0].pk)
    assert stored(student) == recount(student) == ({}, {})
    assert selectors.bank_mastery(user=student, banks=[bank_id])[bank_id]["new"] == 3


def test_a_new_time_zone_moves_the_study_days_of_the_whole_history(student):
    (card,) = cards_of(student, 1)
    # 02:00 UTC: the day before in UTC (days start at 4), the same day in Tokyo (11:00)
    for day in range(3):
        answer(student, card, 3, datetime(2026, 3, 2 + day, 2, 0, tzinfo=UTC))
    before = sorted(stored(student)[0])
    services.preferences_update(user=student, time_zone="Asia/Tokyo")
    after = sorted(stored(student)[0])
    assert stored(student) == recount(student)
    assert [d.day for d in before] == [1, 2, 3]
    assert [d.day for d in after] == [2, 3, 4]


def test_rebuild_progress_recounts_from_the_log_and_is_idempotent(student, other_student):
    for user in (student, other_student):
        for i, card in enumerate(cards_of(user, 3, title=f"Bank of {user.username}")):
            answer(user, card, 3, T0 + timedelta(days=i))
    expected = {user.pk: recount(user) for user in (student, other_student)}
    StudyDay.objects.filter(user=student).update(reviews=99)
    BankTally.objects.filter(user=other_student).delete()

    call_command("rebuild_progress")
    call_command("rebuild_progress", user=[student.username])
    assert {user.pk: stored(user) for user in (student, other_student)} == expected
    assert sum(v[0] for v in stored(student)[0].values()) == 3


def test_rebuild_progress_names_an_unknown_user_and_changes_nothing(student):
    (card,) = cards_of(student, 1)
    answer(student, card, 3, T0)
    StudyDay.objects.filter(user=student).update(reviews=99)
    with pytest.raises(CommandError, match="No user named “nobody”"):
        call_command("rebuild_progress", user=[student.username, "nobody"])
    assert StudyDay.objects.get(user=student).reviews == 99


def test_a_new_retention_or_a_suspended_card_moves_the_due_counts(student):
    cards = cards_of(student, 3)
    for day in (0, 1, 3, 7):
        for card in cards:
            answer(student, card, 3, T0 + timedelta(days=day))
    before = stored(student)[1]
    services.preferences_update(user=student, desired_retention=0.8)  # longer intervals
    assert stored(student) == recount(student)
    assert stored(student)[1] != before
    services.card_suspend(user=student, card_id=cards[0].pk)
    assert stored(student) == recount(student)
    bank_id = cards[0].question.bank_id
    with time_machine.travel(T0 + timedelta(days=400), tick=False):
        assert selectors.bank_mastery(user=student, banks=[bank_id])[bank_id]["due"] == 2


def quizzes_recounted(user) -> dict:
    """Each bank's finished quizzes as the attempts say, counted here one at a time:
    (how many, best, the last ten scores oldest first)."""
    per_bank: dict = defaultdict(list)
    for attempt in QuizAttempt.objects.filter(user=user, finished_at__isnull=False).order_by(
        "finished_at", "id"
    ):
        score = round(100 * attempt.correct_count / len(attempt.question_ids), 1)
        per_bank[attempt.bank_id].append((attempt.pk, score))
    return {
        bank: (len(rows), max(s for _, s in rows), rows[-10:]) for bank, rows in per_bank.items()
    }


def quizzes_stored(user) -> dict:
    return {
        row.bank_id: (row.finished, row.best, [(a, s) for a, _, s in row.recent])
        for row in QuizTally.objects.filter(user=user)
    }


def quiz_taken(user, bank, *, right: int, size: int = 2):
    """A quiz of `size` questions finished with its first `right` answered right (the
    others left unanswered: wrong)."""
    attempt = services.quiz_start(user=user, bank=bank, size=size)
    for qid in attempt.question_ids[:right]:
        services.quiz_answer(
            user=user,
            attempt=attempt,
            question_id=qid,
            choice_id=Choice.objects.get(question_id=qid, is_correct=True).pk,
        )
    return services.quiz_finish(attempt=attempt)


def test_finishing_quizzes_keeps_a_tally_equal_to_a_recount(student, other_student):
    first = QuestionBankFactory(title="First")
    QuestionFactory.create_batch(3, bank=first)
    second = QuestionBankFactory(title="Second")
    QuestionFactory.create_batch(3, bank=second)
    for number in range(13):
        quiz_taken(student, first, right=2 if number == 0 else number % 2)
    finished = quiz_taken(student, second, right=1)
    services.quiz_finish(attempt=finished)  # (idempotent: counted once)
    services.quiz_start(user=student, bank=second, size=2)  # unfinished: not counted
    quiz_taken(other_student, first, right=2)

    assert quizzes_stored(student) == quizzes_recounted(student)
    count, best, recent = quizzes_stored(student)[first.pk]
    assert (count, best, len(recent)) == (13, 100.0, 10)
    assert [score for _, score in recent] == [50.0, 0.0] * 5  # quizzes 3 to 12
    assert quizzes_stored(student)[second.pk][:2] == (1, 50.0)


def test_rebuild_progress_recounts_the_quiz_tallies(student, other_student):
    bank = QuestionBankFactory(title="Quizzed")
    QuestionFactory.create_batch(3, bank=bank)
    for user in (student, other_student):
        for number in range(12):
            quiz_taken(user, bank, right=number % 3)
    expected = {user.pk: quizzes_stored(user) for user in (student, other_student)}
    QuizTally.objects.filter(user=student).update(finished=99, best=1.0, recent=[])
    QuizTally.objects.filter(user=other_student).delete()

    call_command("rebuild_progress")
    call_command("rebuild_progress", user=[student.username])
    assert {user.pk: quizzes_stored(user) for user in (student, other_student)} == expected
    assert expected[student.pk][bank.pk][:2] == (12, 100.0)


def test_a_quiz_score_is_rounded_once_to_the_places_asked():
    # 5 of 11 is 45.45...%: one decimal 45.5, a whole percent 45 (not 45.5 rounded: 46)
    assert quiz_score(5, 11) == 45.5
    assert quiz_score(5, 11, places=0) == 45.0
    assert quiz_score(2, 3, places=0) == 67.0
    assert quiz_score(0, 0, places=0) == 0.0


# --- every path that writes cards keeps the tallies: the audit ----------------------
NOW = T0 + timedelta(days=3)  # the students' learning cards are due since T0


def _learning_due_from_cards(user) -> int:
    """The learning cards the study queue counts now, from the card table."""
    return Card.objects.filter(
        user=user,
        state__in=(CardState.LEARNING, CardState.RELEARNING),
        suspended_at__isnull=True,
        due__lte=NOW,
        question__status="published",
        bank__status="published",
    ).count()


def assert_tallies_agree(user) -> None:
    """The stored aggregates equal a recount, and the study queue's learning count
    (past its window: from the tallies) equals a count of the cards."""
    assert stored(user) == recount(user)
    with time_machine.travel(NOW, tick=False):
        queue = selectors.study_queue(user=user, limit=1)  # a window of 12 cards
    assert queue.learning_count == _learning_due_from_cards(user)


@pytest.fixture
def studied(student, teacher):
    """A student with 14 learning cards due (each missed once on T0) and 4 in review."""
    bank = QuestionBankFactory(owner=teacher, title="Studied")
    cards = [
        services.card_get_or_create(user=student, question=q)
        for q in QuestionFactory.create_batch(20, bank=bank)
    ]
    for i, card in enumerate(cards[:14]):
        answer(student, card, 1, T0 + timedelta(minutes=i))
    for card in cards[14:18]:
        for day in (0, 1):
            answer(student, card, 3, T0 + timedelta(days=day))
    assert_tallies_agree(student)
    assert _learning_due_from_cards(student) == 14
    return bank, cards


def _answer(student, bank, cards, **_):
    answer(student, cards[0], 3, NOW)
    answer(student, cards[1], 1, NOW)


def _undo(student, bank, cards, **_):
    answer(student, cards[14], 1, NOW)
    with time_machine.travel(NOW, tick=False):
        services.review_undo_last(user=student)


def _offline_batch(student, bank, cards, **_):
    items = [
        {
            "card": card.pk,
            "rating": rating,
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (T0 + timedelta(days=1, hours=hour)).isoformat(),
        }
        for hour, (card, rating) in enumerate(zip(cards[2:6], (4, 3, 1, 3), strict=True))
    ]
    with time_machine.travel(NOW, tick=False):
        assert all(o["ok"] for o in services.review_batch_record(user=student, items=items))


def _suspend(student, bank, cards, **_):
    for card in cards[:3] + cards[18:]:  # learning cards and a new one
        services.card_suspend(user=student, card_id=card.pk)
    services.card_unsuspend(user=student, card_id=cards[0].pk)


def _new_retention(student, bank, cards, **_):
    services.preferences_update(user=student, desired_retention=0.8)


def _parameters_reset(student, bank, cards, **_):
    services.parameters_reset(user=student)


def _time_zone(student, bank, cards, **_):
    services.preferences_update(user=student, time_zone="Pacific/Kiritimati", day_starts_at_hour=0)


def _quiz(student, bank, cards, **_):
    with time_machine.travel(NOW, tick=False):
        attempt = services.quiz_start(user=student, bank=bank, size=5)
        for question_id in attempt.question_ids:
            choice = QuestionFactory._meta.model.objects.get(pk=question_id).choices.first()
            services.quiz_answer(
                user=student, attempt=attempt, question_id=question_id, choice_id=choice.pk
            )


def _queue_opened(student, bank, cards, **_):
    with time_machine.travel(NOW, tick=False):
        services.study_queue_open(user=student, bank=bank, limit=30)


def _questions_archived(student, bank, cards, **_):
    from quizzes.services import question_archive, question_set_status

    question_archive(question=cards[0].question)
    question_set_status(questions=bank.questions.filter(pk=cards[1].question_id), status="draft")


def _question_deleted_on_its_banks_admin_page(student, bank, cards, client, teacher):
    """The bank's page in the admin lists its questions, each with a Delete box."""
    client.force_login(teacher)
    questions = list(bank.questions.order_by("position", "id"))
    data = {
        "title": bank.title,
        "description": bank.description,
        "article": "",
        "status": bank.status,
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": str(len(questions)),
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
    }
    for i, question in enumerate(questions):
        for name in ("id", "position", "kind", "prompt", "answer", "status"):
            data[f"questions-{i}-{name}"] = str(getattr(question, name))
        data[f"questions-{i}-bank"] = str(bank.pk)
        if question.pk in (cards[0].question_id, cards[15].question_id):
            data[f"questions-{i}-DELETE"] = "on"
    response = client.post(reverse("admin:quizzes_questionbank_change", args=[bank.pk]), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    # archived, not deleted: the student's cards and history stay
    assert Card.objects.filter(pk__in=[cards[0].pk, cards[15].pk]).count() == 2
    assert set(bank.questions.filter(status="archived").values_list("pk", flat=True)) == {
        cards[0].question_id,
        cards[15].question_id,
    }


def _bank_deleted_in_the_admin(student, bank, cards, client, teacher):
    """A bank students have studied cannot be deleted (their cards and history hang on it)."""
    client.force_login(teacher)
    response = client.post(
        reverse("admin:quizzes_questionbank_delete", args=[bank.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Card.objects.filter(bank=bank).count() == 20


@pytest.mark.parametrize(
    "path",
    [
        _answer,
        _undo,
        _offline_batch,
        _suspend,
        _new_retention,
        _parameters_reset,
        _time_zone,
        _quiz,
        _queue_opened,
        _questions_archived,
        _question_deleted_on_its_banks_admin_page,
        _bank_deleted_in_the_admin,
    ],
)
def test_every_path_that_writes_cards_keeps_the_tallies_equal_to_the_cards(
    student, teacher, studied, client, path
):
    bank, cards = studied
    path(student, bank, cards, client=client, teacher=teacher)
    assert_tallies_agree(student)


def test_deleting_an_account_takes_its_tallies_with_its_cards(student, studied, password):
    from learning.account import account_delete

    account_delete(user=student, password=password)
    assert not BankTally.objects.exists()
    assert not Card.objects.exists()


def test_home_and_progress_leave_out_the_due_cards_of_unpublished_questions(new_yorker):
    """An archived or draft question keeps its cards (and its bank's tallies count
    them), but no study queue shows them: home, the progress page and the API's
    bank figures count as due what the queue counts."""
    from quizzes.services import question_archive, question_set_status

    cards = cards_of(new_yorker, 5)
    for day in (0, 1, 3):
        for card in cards:
            answer(new_yorker, card, 3, T0 + timedelta(days=day))
    bank = cards[0].question.bank
    question_archive(question=cards[0].question)
    question_set_status(questions=bank.questions.filter(pk=cards[1].question_id), status="draft")
    assert stored(new_yorker) == recount(new_yorker)  # (the tallies still count all five)
    shown = {card.pk for card in cards[2:]}
    next_due = min(Card.objects.filter(pk__in=shown).values_list("due", flat=True))
    # (in the order of time: a read of a new day folds the tallies of the days past)
    for when in (next_due + timedelta(minutes=1), T0 + timedelta(days=400)):
        with time_machine.travel(when, tick=False):
            queue = selectors.study_queue(user=new_yorker, limit=20)
            due = Card.objects.filter(pk__in=shown, due__lte=when).count()
            assert queue.due_count == due > 0
            home = selectors.progress_home(user=new_yorker, banks=[bank.pk])
            assert home["today"]["due_now"] == home["banks"][bank.pk]["due"] == due
            assert selectors.bank_mastery(user=new_yorker, banks=[bank.pk])[bank.pk]["due"] == due
            assert selectors.progress_today(user=new_yorker)["due_now"] == due
            summary = selectors.progress_summary(user=new_yorker)
            assert summary["today"]["due_now"] == due
            assert sum(day["count"] for day in summary["forecast"]) == len(shown)
