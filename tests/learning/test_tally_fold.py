"""A long history of past due days costs a read of one tally row per bank: the first
read of a study day folds the bank tallies of the days past into one row per bank
(learning.tallies.fold_past_due_days), and every due count a student sees (home, the
progress page, the API, the study queue) stays what the cards say, before and after
the fold, after reviews of cards due on folded days and after a rebuild."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import prepared_sql
from learning import selectors, services
from learning.models import BankTally, Card, CardState
from learning.selectors import queue as queue_selectors
from learning.selectors.queue import FOLD_AT
from learning.tallies import TOTALS
from tests.api.conftest import token_client
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory
from tests.learning.test_queue_plan import _tally_rows_read

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # a study day's afternoon (UTC, day at 4 am)
TODAY = T0.date()
LEARNING = 15  # past the study queue's learning window at limit 1 (12): counted from tallies


def back_after_a_break(student, teacher, *, days: int):
    """A student back after a break: a card in review due on each of `days` past study
    days, and LEARNING cards in learning due on as many days before those; each card
    counted in its bank's tally of its own due day, as the reviews left it."""
    bank = QuestionBankFactory(owner=teacher, title=f"History of {days} days")
    questions = QuestionFactory.create_batch(days + LEARNING + 3, bank=bank)  # 3 stay new
    for i, question in enumerate(questions[:days]):
        due = T0 - timedelta(days=i + 1)
        CardFactory(user=student, question=question, state=CardState.REVIEW, difficulty=5.0,
                    stability=3.0 + i % 40, last_review=due - timedelta(days=3), due=due)  # fmt: skip
    for i, question in enumerate(questions[days : days + LEARNING]):
        due = T0 - timedelta(days=days + i + 1)
        CardFactory(user=student, question=question, state=CardState.LEARNING, step=0,
                    difficulty=5.0, stability=1.0, last_review=due, due=due)  # fmt: skip
    return bank


def from_the_cards(student) -> tuple[int, int]:
    """(reviews, learning cards) due at T0, counted from the card table."""
    due = Card.objects.filter(user=student, due__lte=T0, suspended_at__isnull=True)
    return (
        due.filter(state=CardState.REVIEW).count(),
        due.filter(state__in=(CardState.LEARNING, CardState.RELEARNING)).count(),
    )


def seen(student, bank) -> dict:
    """Every due count and bank figure the student sees at T0."""
    with time_machine.travel(T0, tick=False):
        home = selectors.progress_home(user=student, banks=[bank.pk])
        mastery = selectors.bank_mastery(user=student, banks=[bank.pk])[bank.pk]
        summary = selectors.progress_summary(user=student)
        api = token_client(student).get("/api/v1/progress/").json()
        queue = selectors.study_queue(user=student, limit=1)
    [row] = summary["banks"]
    return {
        "home": (home["banks"][bank.pk], home["today"]["due_now"]),
        "api banks": mastery,
        "progress": (summary["today"]["due_now"], summary["forecast"], row["mastery"]),
        "api progress": (api["today"]["due_now"], api["forecast"], api["banks"][0]["mastery"]),
        "queue": (queue.due_count, queue.review_count, queue.learning_count),
    }


def past_rows(student) -> int:
    return BankTally.objects.filter(user=student, due_day__gt=TOTALS, due_day__lt=TODAY).count()


def bank_sums_read(student, bank, statistics: str) -> tuple[int, int | None]:
    """The queries of a read of the home figures, and the tally rows its bank sums
    statement reads (PostgreSQL's count, under `statistics`; None on SQLite)."""
    with CaptureQueriesContext(connection) as queries, time_machine.travel(T0, tick=False):
        selectors.progress_home(user=student, banks=[bank.pk])
    [sums] = [q["sql"] for q in queries.captured_queries if "past_rows" in q["sql"]]
    return len(queries.captured_queries), _tally_rows_read(sums, statistics)


def test_the_figures_of_a_long_history_stay_the_same_once_its_past_days_are_folded(
    student, teacher, monkeypatch
):
    bank = back_after_a_break(student, teacher, days=120)
    reviews, learning = from_the_cards(student)
    assert (reviews, learning) == (120, LEARNING)
    assert past_rows(student) == 120 + LEARNING
    with monkeypatch.context() as unfolded:
        for reader in ("progress", "queue"):
            unfolded.setattr(f"learning.selectors.{reader}.fold_past_due_days", lambda **_: 0)
        before = seen(student, bank)
    assert past_rows(student) == 120 + LEARNING
    assert before["home"][0]["due"] == before["home"][1] == reviews + learning
    assert before["queue"] == (reviews + learning, reviews, learning)

    after = seen(student, bank)
    assert past_rows(student) == 1  # the days past: one row for the bank
    assert after == before
    assert seen(student, bank) == before


def test_the_tally_rows_a_read_costs_no_longer_grow_with_the_days_past(
    student, other_student, teacher, statistics
):
    short = back_after_a_break(student, teacher, days=5)
    long = back_after_a_break(other_student, teacher, days=300)
    for user, bank in ((student, short), (other_student, long)):
        bank_sums_read(user, bank, statistics)  # the first read of the day folds the days past
        assert past_rows(user) == 1
    # the next reads: the same statements, the same tally rows read (those of the
    # bank's days never due and of its days past)
    assert bank_sums_read(other_student, long, statistics) == bank_sums_read(
        student, short, statistics
    )
    assert bank_sums_read(student, short, statistics)[1] in (None, 2)


def test_the_tally_rows_a_read_costs_do_not_grow_with_the_days_to_come(
    student, other_student, teacher, statistics
):
    """The home figures read each bank's totals row (and its days past), never a
    row per future due day (a long history spreads its cards over a thousand), nor
    another student's rows of the bank."""
    bank = QuestionBankFactory(owner=teacher, title="Due soon and over a year")
    cards_due_from_today(student, bank, count=3)
    cards_due_from_today(other_student, bank, count=60)
    assert BankTally.objects.filter(user=other_student, due_day__gte=TODAY).count() == 60
    assert bank_sums_read(other_student, bank, statistics) == bank_sums_read(
        student, bank, statistics
    )
    assert bank_sums_read(student, bank, statistics)[1] in (None, 1)  # (the totals row)
    with time_machine.travel(T0, tick=False):
        figures = selectors.progress_home(user=other_student, banks=[bank.pk])["banks"]
    # 60 of its 63 questions started, each at 5 of the 21 days of a mature card
    assert (figures[bank.pk]["new"], figures[bank.pk]["mastery"]) == (3, 22.7)


def test_reviews_of_cards_due_on_folded_days_keep_every_figure(student, teacher):
    """A review takes its card out of its own due day's row, folded away: the row is
    made again, holding what left it (below zero), and the sums stay right; the next
    read folds it in."""
    bank = back_after_a_break(student, teacher, days=40)
    seen(student, bank)
    assert past_rows(student) == 1
    oldest_learning = Card.objects.filter(user=student, state=CardState.LEARNING).order_by("due")
    oldest_review = Card.objects.filter(user=student, state=CardState.REVIEW).order_by("due")
    with time_machine.travel(T0, tick=False):
        for card in (oldest_learning[0], oldest_review[0], oldest_learning[1]):
            services.review_record(user=student, card_id=card.pk, rating=3)
    assert past_rows(student) == 4  # the folded row and the three days made again
    assert BankTally.objects.filter(user=student, learning__lt=0).count() == 2
    reviews, learning = from_the_cards(student)
    assert (reviews, learning) == (39, LEARNING - 2)
    with time_machine.travel(T0, tick=False):  # (fewer than FOLD_AT rows: the queue folds nothing)
        queue = selectors.study_queue(user=student, limit=1)
    assert (queue.due_count, queue.review_count, queue.learning_count) == (
        reviews + learning,
        reviews,
        learning,
    )
    figures = seen(student, bank)
    assert figures["home"][0]["due"] == figures["home"][1] == reviews + learning
    assert figures["queue"] == (reviews + learning, reviews, learning)
    assert past_rows(student) == 1
    assert seen(student, bank) == figures

    call_command("rebuild_progress", stdout=None)  # the rows of the real days again
    assert past_rows(student) > 1
    assert seen(student, bank) == figures
    assert past_rows(student) == 1


def cards_due_from_today(student, bank, count: int = 5) -> None:
    """Review cards of new questions of the bank, one due today and one on each next day."""
    for i, question in enumerate(QuestionFactory.create_batch(count, bank=bank)):
        CardFactory(user=student, question=question, state=CardState.REVIEW, difficulty=5.0,
                    stability=5.0, last_review=T0 - timedelta(days=5),
                    due=T0 + timedelta(days=i, hours=1))  # fmt: skip


@pytest.mark.parametrize("later", [timedelta(days=1), timedelta(days=30)])
def test_a_read_in_the_future_folds_only_the_days_past_now(student, teacher, later):
    """A read given a later moment (a preview) folds nothing that is not past yet:
    today's figures, read after it, are those of the cards."""
    bank = back_after_a_break(student, teacher, days=10)
    cards_due_from_today(student, bank)
    with time_machine.travel(T0, tick=False):
        before = selectors.progress_summary(user=student)["forecast"]
        selectors.progress_home(user=student, banks=[bank.pk], now=T0 + later)
        assert selectors.progress_summary(user=student)["forecast"] == before


def queue_seen(student) -> tuple:
    """What the study queue shows at T0: its counts and its cards, new ones included."""
    with time_machine.travel(T0, tick=False):
        queue = selectors.study_queue(user=student, limit=5)
    shown = [(item.question_row.pk, item.is_new) for item in queue.items]
    return queue.due_count, queue.review_count, queue.learning_count, queue.new_available, shown


def queue_read(student, statistics: str) -> tuple[int, int | None]:
    """The queries of a study queue's read at T0, and the bank tally rows its
    statements read (PostgreSQL's count, under `statistics`; None on SQLite)."""
    with CaptureQueriesContext(connection) as queries, time_machine.travel(T0, tick=False):
        selectors.study_queue(user=student, limit=5)
    read = [
        _tally_rows_read(q["sql"], statistics)
        for q in queries.captured_queries
        if "banktally" in q["sql"]
    ]
    return len(queries.captured_queries), None if None in read else sum(read)  # type: ignore[arg-type]


def test_a_student_who_only_studies_gets_the_past_days_folded_by_the_study_queue(
    student, teacher, monkeypatch
):
    """No home or progress page read: the study queue's first read folds the days
    past, and it shows the same counts and the same cards (new ones too: whether a
    bank is fully started is read from its tallies) as before."""
    bank = back_after_a_break(student, teacher, days=120)
    reviews, learning = from_the_cards(student)
    with monkeypatch.context() as unfolded:
        unfolded.setattr("learning.selectors.queue.fold_past_due_days", lambda **_: 0)
        before = queue_seen(student)
    assert past_rows(student) == 120 + LEARNING
    assert before[:4] == (reviews + learning, reviews, learning, 3)

    assert queue_seen(student) == before
    assert past_rows(student) == 1
    assert queue_seen(student) == before
    assert seen(student, bank)["queue"] == before[:3]


def test_the_study_queue_reads_no_more_tally_rows_after_years_of_days_past(
    student, other_student, teacher, statistics
):
    """A student studying after 300 days of reviews fallen due reads (after the
    first read of the day, which folds them) no more tally rows than one of 5 days,
    in the same number of queries."""
    back_after_a_break(student, teacher, days=5)
    back_after_a_break(other_student, teacher, days=300)
    assert past_rows(other_student) == 300 + LEARNING
    first, _ = queue_read(
        other_student, statistics
    )  # the first read of the day folds the days past
    assert past_rows(other_student) == 1
    assert past_rows(student) == 5 + LEARNING  # (fewer than FOLD_AT: left as they are)
    short, long = queue_read(student, statistics), queue_read(other_student, statistics)
    assert first > long[0]  # (the fold's statements, once)
    assert long[0] == short[0]
    assert long[1] is None or long[1] <= short[1]
    assert queue_read(other_student, statistics) == long


def test_the_study_queue_folds_when_reviews_of_folded_days_pile_up(student, teacher):
    """Reviews of cards due on days already folded make their rows again: the queue
    leaves fewer than FOLD_AT of them (one fold per FOLD_AT such reviews, not per
    read), and folds them once they reach it; its counts are the cards' throughout."""
    bank = back_after_a_break(student, teacher, days=FOLD_AT + 20)
    queue_seen(student)
    assert past_rows(student) == 1
    oldest = Card.objects.filter(user=student, state=CardState.REVIEW).order_by("due")
    with time_machine.travel(T0, tick=False):
        for card in oldest[: FOLD_AT - 1]:
            services.review_record(user=student, card_id=card.pk, rating=3)
    assert past_rows(student) == FOLD_AT  # the folded row and the days made again
    reviews, learning = from_the_cards(student)
    assert queue_seen(student)[:3] == (reviews + learning, reviews, learning)
    assert past_rows(student) == FOLD_AT  # (yesterday's, folded, is not among them)
    with time_machine.travel(T0, tick=False):
        services.review_record(user=student, card_id=oldest[0].pk, rating=3)
    reviews, learning = from_the_cards(student)
    assert queue_seen(student)[:3] == (reviews + learning, reviews, learning)
    assert past_rows(student) == 1
    assert seen(student, bank)["queue"] == (reviews + learning, reviews, learning)


@pytest.mark.parametrize("later", [timedelta(days=1), timedelta(days=30)])
def test_a_study_queue_read_in_the_future_folds_only_the_days_past_now(student, teacher, later):
    bank = back_after_a_break(student, teacher, days=60)
    cards_due_from_today(student, bank)
    with time_machine.travel(T0, tick=False):
        before = selectors.progress_summary(user=student)["forecast"]
        BankTally.objects.filter(user=student, due_day__lt=TODAY).delete()
        call_command("rebuild_progress", stdout=None)  # (the rows of the real days again)
        selectors.study_queue(user=student, now=T0 + later)
        assert past_rows(student) == 1
        assert BankTally.objects.filter(user=student, due_day__gte=TODAY).count() == 5
        assert selectors.progress_summary(user=student)["forecast"] == before


def test_the_study_day_statement_that_tells_when_to_fold_is_compiled_once(student):
    """It is sent with the preferences in the queue's first round trip: a shape that
    could not be compiled once (built again on each read, after the others) would
    cost a round trip and its compilation on every read."""
    days = [TODAY + timedelta(days=n) for n in range(4)]
    values = {"user": student.pk, "days": days, "before": TODAY}
    assert prepared_sql._compile(queue_selectors._study_days_and_fold_query, values) is not None
