"""How the study queue reads the database (issue 16): new cards per bank through
the partial index of published questions in bank order, due counts that look up
only the due cards' questions, and the behaviour those reads must keep."""

import re
from datetime import UTC, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import prepared_sql
from learning import selectors, services
from learning import sql as learning_sql
from learning.models import BankTally, Card, CardState
from learning.selectors import queue as queue_selectors
from quizzes.api import bank_list_studyable
from quizzes.models import QuestionStatus
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory, UserFactory
from tests.planner import statistics_taken
from tests.rows import cards_of

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
INDEX = "question_published_order"


def read(user, **kwargs):
    with time_machine.travel(T0, tick=False):
        return selectors.study_queue(user=user, **kwargs)


def plan_of(sql: str, statistics: str | None = None) -> str:
    """The database's plan of `sql`, with sequential scans and sorts ruled out on
    PostgreSQL (a test table is small enough for the planner to prefer reading it
    all, or another index and a sort: what is asked here is whether the index can
    serve the query, order included, at all), under `statistics` (tests.planner)."""
    statistics_taken(statistics)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}")
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_the_partial_index_of_published_questions_exists(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "quizzes_question")
    assert constraints[INDEX]["index"] is True
    assert constraints[INDEX]["columns"] == ["bank_id", "position", "id"]


def test_new_cards_are_read_through_the_partial_index(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with CaptureQueriesContext(connection) as queries:
        result = read(student, bank=bank, limit=5)
    assert len(result.items) == 5
    [candidates] = [q["sql"] for q in queries.captured_queries if "part_0" in q["sql"]]
    assert INDEX in plan_of(candidates)


def test_a_banks_question_count_is_read_from_an_index(student, teacher):
    bank = QuestionBankFactory(owner=teacher, is_public=True)
    QuestionFactory.create_batch(3, bank=bank)
    QuestionFactory(bank=bank, status=QuestionStatus.DRAFT)
    with CaptureQueriesContext(connection) as queries:
        [listed] = bank_list_studyable(user=student)
    assert listed.question_count == 3
    plan = plan_of(queries.captured_queries[-1]["sql"])
    # read per bank by a subquery on the count the database keeps (one row of
    # BankQuestionCount through its key), never by reading the bank's questions
    assert re.search(r"SubPlan|CORRELATED SCALAR SUBQUERY", plan)
    assert re.search(
        r"Index (Only )?Scan using \w+ on quizzes_bankquestioncount u0|SEARCH U0 USING", plan
    )
    assert "quizzes_question " not in plan.replace("quizzes_questionbank", "")
    assert not re.search(r"(SCAN|Seq Scan on) (quizzes_question|U0)\b", plan)


def test_new_cards_come_per_bank_in_position_order(student, teacher):
    first = QuestionBankFactory(owner=teacher, title="A first bank")
    second = QuestionBankFactory(owner=teacher, title="B second bank")
    # positions against the order of creation: the bank's order is by position
    late, early = QuestionFactory(bank=second, position=5), QuestionFactory(bank=second, position=1)
    ones = [QuestionFactory(bank=first, position=n) for n in (3, 2)]
    result = read(student, limit=10)
    assert [item.question_row.pk for item in result.items] == [
        ones[1].pk,
        ones[0].pk,
        early.pk,
        late.pk,
    ]
    assert result.new_available == 4


def test_new_cards_of_banks_past_the_first_read_come_when_those_are_done(
    student, teacher, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(queue_selectors, "BANKS_PER_READ", 2)
    banks = [QuestionBankFactory(owner=teacher, title=f"Bank {n}") for n in range(5)]
    for bank in banks[:3]:  # nothing to study yet: only drafts
        QuestionFactory(bank=bank, status=QuestionStatus.DRAFT)
    later = [QuestionFactory(bank=bank) for bank in banks[3:]]
    services.preferences_get(user=student)
    # preferences, the study day, the banks, the candidates of banks 0-1 (with the
    # due cards), of banks 2-3 and of bank 4, the cards shown, their choices
    with django_assert_num_queries(8):
        result = read(student, limit=10)
    assert [item.question_row.pk for item in result.items] == [q.pk for q in later]
    assert result.new_available == 2


def _due(cards, state, *, days_ago):
    for number, card in enumerate(cards):
        Card.objects.filter(pk=card.pk).update(
            state=state,
            step=0 if state != CardState.REVIEW else None,
            stability=5.0,
            difficulty=5.0,
            reps=3,
            last_review=T0 - timedelta(days=30),
            due=T0 - timedelta(days=days_ago, minutes=number),
        )
    # the tallies, as the reviews that gave the cards their state would have kept them
    # (the counts read which banks the student has cards in from them)
    if cards:
        services.progress_rebuild(usernames=[cards[0].user.username])


def test_counts_past_the_window_add_both_learning_states_and_leave_out_unpublished_questions(
    student, teacher
):
    services.preferences_update(user=student, new_cards_per_day=40)
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(40, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=40).items)
    _due(cards[:8], CardState.LEARNING, days_ago=1)
    _due(cards[8:14], CardState.RELEARNING, days_ago=1)
    _due(cards[14:30], CardState.REVIEW, days_ago=2)
    # the questions of two learning cards and three reviews go back to draft or archive
    for card in [*cards[:2], *cards[14:17]]:
        card.question.status = QuestionStatus.ARCHIVED
        card.question.save(update_fields=["status"])
    # limit 1 reads windows of 12 cards: both counts go on past them
    result = read(student, limit=1)
    assert (result.learning_count, result.review_count) == (12, 13)
    assert result.due_count == 25
    # the same over the bank
    over_bank = read(student, bank=bank, limit=1)
    assert (over_bank.learning_count, over_bank.review_count) == (12, 13)


def test_a_card_carries_its_questions_bank_whichever_way_it_is_made(student, teacher):
    bank, other = QuestionBankFactory(owner=teacher), QuestionBankFactory(owner=teacher)
    opened = QuestionFactory.create_batch(2, bank=bank)
    alone = QuestionFactory(bank=other)
    queue = services.study_queue_open(user=student, bank=bank, limit=5)
    assert {item.card_row.bank_id for item in queue.items} == {bank.pk}
    assert services.card_get_or_create(user=student, question=alone).bank_id == other.pk
    # a card made from a question's id alone gets the bank read from the question
    [made] = Card.objects.bulk_create(
        [Card(user=teacher, question_id=opened[0].pk, due=T0)], batch_size=10
    )
    assert Card.objects.get(pk=made.pk).bank_id == bank.pk


def _started(user, questions, *, state=CardState.REVIEW):
    for question in questions:
        CardFactory(user=user, question=question, state=state, stability=3.0, due=T0)


def test_a_bank_whose_questions_are_all_started_offers_no_new_card(
    student, teacher, django_assert_max_num_queries
):
    bank = QuestionBankFactory(owner=teacher)
    _started(student, QuestionFactory.create_batch(4, bank=bank))
    with django_assert_max_num_queries(7):
        result = read(student, bank=bank, limit=10)
    assert result.new_available == 0
    assert all(not item.is_new for item in result.items)


def test_an_archived_questions_card_does_not_hide_the_last_new_question(student, teacher):
    """The bank's tallies count the started card of an archived question too: the
    one published question left unstarted still comes as a new card."""
    bank = QuestionBankFactory(owner=teacher)
    started, archived, suspended = QuestionFactory.create_batch(3, bank=bank)
    last = QuestionFactory(bank=bank, position=99)
    _started(student, [started, archived])
    CardFactory(user=student, question=suspended, suspended_at=T0)  # (a suspended new card)
    archived.status = QuestionStatus.ARCHIVED
    archived.save(update_fields=["status"])
    # started and suspended cards: 3, as many as the bank's published questions
    for over in (bank, None):
        result = read(student, bank=over, limit=10)
        assert result.new_available == 1
        assert [item.question_row.pk for item in result.items if item.is_new] == [last.pk]
    # once the last one is started, the bank has nothing new
    _started(student, [last])
    assert read(student, bank=bank, limit=10).new_available == 0


def test_due_counts_read_no_question(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(14, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=14).items)
    _due(cards, CardState.REVIEW, days_ago=2)
    with CaptureQueriesContext(connection) as queries:
        result = read(student, limit=1)  # a window of 12: the count goes on past it
    assert result.review_count == 14
    [counts] = [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    plan = plan_of(counts)
    # the card's bank and a short list of unpublished questions (read through the
    # (bank, status, kind) index) tell which cards count: no question read by its key
    assert "quizzes_question_pkey" not in plan
    by_key = [line for line in plan.splitlines() if "USING INTEGER PRIMARY KEY" in line]
    assert all("quizzes_questionbank" in line for line in by_key)


def _learning_due_now(user, now) -> int:
    """The learning cards due now, counted from the card table."""
    return Card.objects.filter(
        user=user,
        state__in=(CardState.LEARNING, CardState.RELEARNING),
        suspended_at__isnull=True,
        due__lte=now,
        question__status=QuestionStatus.PUBLISHED,
    ).count()


@pytest.mark.parametrize(
    ("zone", "local_now"),
    [
        ("Pacific/Kiritimati", datetime(2025, 3, 3, 23, 50)),  # UTC+14: 09:50 UTC the same day
        ("Pacific/Pago_Pago", datetime(2025, 3, 3, 23, 50)),  # UTC-11: 10:50 UTC the next day
        ("Pacific/Kiritimati", datetime(2025, 3, 4, 0, 10)),  # just past midnight
    ],
)
def test_learning_cards_due_are_counted_from_the_tallies_in_any_time_zone_near_midnight(
    student, teacher, zone, local_now
):
    """The learning count reads the tallies' study days (the student's): those due on
    days before, those due today until now (not those later today, minutes ahead, nor
    tomorrow's), whichever the UTC date; the same as counting the cards."""
    services.preferences_update(user=student, time_zone=zone, day_starts_at_hour=0)
    now = local_now.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    bank = QuestionBankFactory(owner=teacher)
    questions = iter(QuestionFactory.create_batch(30, bank=bank))
    local = ZoneInfo(zone)

    def learning(due, *, n=1, state=CardState.LEARNING, **kwargs):
        for _ in range(n):
            CardFactory(
                user=student, question=next(questions), state=state, step=0, stability=1.0,
                difficulty=5.0, reps=1, due=due, last_review=now - timedelta(days=3), **kwargs,
            )  # fmt: skip

    learning(now - timedelta(days=2), n=4)  # days before
    learning(now - timedelta(days=1), n=2, state=CardState.RELEARNING)
    day_start = local_now.replace(hour=0, minute=0, tzinfo=local).astimezone(UTC)
    learning(day_start + timedelta(minutes=1), n=3)  # early today, in the student's zone
    learning(day_start - timedelta(minutes=1), n=2)  # the last minute of yesterday
    learning(now - timedelta(minutes=5), n=3)  # minutes ago
    learning(now, n=1)  # now
    learning(now + timedelta(minutes=5), n=2)  # learn-ahead: later, maybe still today
    learning(now + timedelta(minutes=15), n=2)  # maybe tomorrow already
    learning(now - timedelta(days=1), n=2, suspended_at=now - timedelta(days=1))  # set aside
    archived = QuestionFactory(bank=bank)
    CardFactory(user=student, question=archived, state=CardState.LEARNING, step=0,
                stability=1.0, difficulty=5.0, due=now - timedelta(days=1))  # fmt: skip
    archived.status = QuestionStatus.ARCHIVED
    archived.save(update_fields=["status"])

    expected = _learning_due_now(student, now)
    assert expected == 15
    for over in (None, bank):
        with time_machine.travel(now, tick=False):
            result = selectors.study_queue(user=student, bank=over, limit=1)  # a window of 12
        assert result.learning_count == expected


def _candidate_rows(monkeypatch) -> list[int]:
    """The number of rows each candidates' statement of the study queue answers."""
    read: list[int] = []
    fetch = queue_selectors.sql.fetch_rows

    def counting(statement, **kwargs):
        rows = fetch(statement, **kwargs)
        if "part_0" in statement[0]:
            read.append(len(rows))
        return rows

    monkeypatch.setattr(queue_selectors.sql, "fetch_rows", counting)
    return read


def test_the_queue_reads_a_few_more_learning_cards_than_it_shows(student, teacher, monkeypatch):
    """40 learning cards (both states) and 40 reviews due, 5 shown: the learning cards
    due first, from a window of 15 per state, and 20 reviews; the counts go on."""
    bank = QuestionBankFactory(owner=teacher)
    questions = iter(QuestionFactory.create_batch(80, bank=bank))
    for minutes in range(40):  # learning and relearning, alternately due a minute apart
        state = (CardState.LEARNING, CardState.RELEARNING)[minutes % 2]
        CardFactory(user=student, question=next(questions), state=state, step=0,
                    stability=1.0, difficulty=5.0, due=T0 - timedelta(minutes=60 - minutes))  # fmt: skip
    for days in range(40):
        CardFactory(user=student, question=next(questions), state=CardState.REVIEW,
                    stability=5.0, difficulty=5.0, due=T0 - timedelta(days=days + 1),
                    last_review=T0 - timedelta(days=days + 10))  # fmt: skip
    read_rows = _candidate_rows(monkeypatch)
    result = read(student, bank=bank, limit=5)
    assert read_rows == [15 + 15 + 20]
    first = Card.objects.filter(user=student).exclude(state=CardState.REVIEW).order_by("due")
    assert [item.card_row.id for item in result.items] == [c.pk for c in first[:5]]
    assert (result.learning_count, result.review_count) == (40, 40)


def test_no_review_is_read_when_todays_reviews_are_done(student, teacher, monkeypatch):
    services.preferences_update(user=student, max_reviews_per_day=0)
    bank = QuestionBankFactory(owner=teacher)
    learning, *reviews = QuestionFactory.create_batch(4, bank=bank)
    CardFactory(user=student, question=learning, state=CardState.LEARNING, step=0,
                stability=1.0, difficulty=5.0, due=T0 - timedelta(minutes=5))  # fmt: skip
    _started(student, reviews)  # (due T0)
    read_rows = _candidate_rows(monkeypatch)
    result = read(student, bank=bank, limit=5)
    assert read_rows == [1]
    assert [item.question_row.pk for item in result.items] == [learning.pk]
    assert (result.learning_count, result.review_count) == (1, 0)


def _tally_rows_read(sql: str, statistics: str | None = None) -> int | None:
    """The rows the statement reads of the bank tallies: counted by PostgreSQL's
    EXPLAIN ANALYZE (those returned and those a filter dropped), under `statistics`
    (tests.planner); None on SQLite, which counts nothing (its plan is checked instead)."""
    if connection.vendor != "postgresql":
        return None
    statistics_taken(statistics)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # (a test table is small)
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        [[[plan]]] = cursor.fetchall()
    nodes, read = [plan["Plan"]], 0
    while nodes:
        node = nodes.pop()
        nodes += node.get("Plans", [])
        if node.get("Relation Name") == "learning_banktally":
            loops = node["Actual Loops"]
            read += loops * (node["Actual Rows"] + node.get("Rows Removed by Filter", 0))
    return read


def test_the_learning_count_reads_the_same_tally_rows_however_long_the_history(
    student, teacher, statistics
):
    """Past its window the learning count sums the tallies' learning cards due by
    today: it reads the rows holding a learning card (their partial index), not the
    row of every past due day (a bank has one per day a review fell due: they grow
    with the student's history). Both reads are measured in the same statistics
    state, whatever an earlier test left."""
    bank = QuestionBankFactory(owner=teacher)
    for question in QuestionFactory.create_batch(13, bank=bank):  # a window of 12 at limit 1
        CardFactory(user=student, question=question, state=CardState.LEARNING, step=0,
                    stability=1.0, difficulty=5.0, due=T0 - timedelta(hours=2))  # fmt: skip

    def count_statement() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            result = read(student, limit=1)
        [counts] = [q["sql"] for q in queries.captured_queries if "learning_0" in q["sql"]]
        return result.learning_count, counts

    learning_count, counts = count_statement()
    rows_read = _tally_rows_read(counts, statistics)
    assert learning_count == 13
    # (no plan asked of two rows, both holding learning cards: any index of the
    # user's rows reads the one row, and which the planner takes is a tie)
    # two years of reviews that fell due on past days, one tally row a day
    BankTally.objects.bulk_create(
        BankTally(
            user=student,
            bank=bank,
            due_day=T0.date() - timedelta(days=days),
            young=1,
            due=1,
            strength=50_000,
        )  # fmt: skip
        for days in range(1, 731)
    )
    learning_count, counts = count_statement()
    assert learning_count == 13
    assert "banktally_learning_due" in plan_of(counts, statistics)
    assert _tally_rows_read(counts, statistics) == rows_read
    assert rows_read in (None, 1)


def _figures(result):
    """What a student sees of a queue: its cards in order and its counts."""
    return (
        [(item.question_row.pk, item.card_row.pk, item.is_new) for item in result.items],
        (result.learning_count, result.review_count, result.due_count),
        (result.new_available, result.new_left),
    )


def _sends(monkeypatch) -> list[str]:
    """The reads sent to the database from now on, each one round trip on PostgreSQL
    (statements sent together, or one alone)."""
    sent: list[str] = []
    for module, name in ((prepared_sql, "fetch_together"), (learning_sql, "fetch_rows")):
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            sent.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    return sent


def test_a_read_guessing_its_candidates_from_the_last_read_gives_the_same_queue(
    student, teacher, monkeypatch, django_assert_num_queries
):
    """The user's last read's candidates are sent with the study day's statements
    (one round trip fewer on PostgreSQL): the same queue, in as many queries."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=20).items)
    _due(cards[:4], CardState.LEARNING, days_ago=1)
    _due(cards[4:12], CardState.REVIEW, days_ago=2)
    queue_selectors.queue_guesses_forget()
    sent = _sends(monkeypatch)
    with CaptureQueriesContext(connection) as unguessed:
        first = read(student, limit=10)
    assert len(sent) == 3  # the study day, the candidates, the cards shown
    sent.clear()
    with django_assert_num_queries(len(unguessed.captured_queries)):
        guessed = read(student, limit=10)
    assert len(sent) == 2  # the study day with the candidates, the cards shown
    assert _figures(guessed) == _figures(first)
    assert [item.is_new for item in first.items] == [False] * 10  # learning, then reviews
    assert (first.learning_count, first.review_count, first.new_available) == (4, 8, 18)


def test_a_wrong_guess_costs_one_query_and_changes_nothing(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(40, bank=bank)
    services.preferences_update(user=student, new_cards_per_day=5)
    read(student, limit=10)  # (guessed next: walks of 5 new cards and 20 spare)
    services.preferences_update(user=student, new_cards_per_day=30)  # (longer walks now)
    with CaptureQueriesContext(connection) as wrong:
        after_a_wrong_guess = read(student, limit=10)
    queue_selectors.queue_guesses_forget()
    with CaptureQueriesContext(connection) as fresh:
        unguessed = read(student, limit=10)
    assert len(wrong.captured_queries) == len(fresh.captured_queries) + 1
    assert _figures(after_a_wrong_guess) == _figures(unguessed)
    assert unguessed.new_available == 30


def test_a_guess_walking_further_serves_a_day_with_fewer_new_cards_or_none(
    student, other_student, teacher, monkeypatch
):
    """The candidates guessed from a classmate with more new cards left today (a longer
    walk of the bank) hold those of a student with fewer, or none left: no query and
    no round trip more, the same queue as read without a guess (issue 16: the
    first request of a student in a worker guessed wrong 4 times in 10)."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    queue_selectors.queue_guesses_forget()
    read(student, limit=10)  # (20 new cards a day, none studied yet)
    sent = _sends(monkeypatch)
    for new_cards_per_day in (5, 0):
        services.preferences_update(user=other_student, new_cards_per_day=new_cards_per_day)
        queue_selectors.queue_guesses_forget(keep_shared=True)
        sent.clear()
        with CaptureQueriesContext(connection) as guessed_queries:
            guessed = read(other_student, limit=10)
        assert len(sent) == 2  # the study day with the candidates, the cards shown
        queue_selectors.queue_guesses_forget()
        with CaptureQueriesContext(connection) as fresh:
            unguessed = read(other_student, limit=10)
        assert len(guessed_queries.captured_queries) == len(fresh.captured_queries)
        assert _figures(guessed) == _figures(unguessed)
        assert unguessed.new_available == new_cards_per_day
        read(student, limit=10)  # (the classmate's plan shared again)


def test_a_student_not_read_yet_is_sent_the_last_plan_of_the_same_banks_and_limit(
    student, other_student, teacher, monkeypatch
):
    """A student this process has not read yet is sent the candidates of the last plan
    read over the same banks and limit, whoever read it (students of a school share
    them): one round trip fewer, the same queue as read without a guess; another
    limit is another plan."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    queue_selectors.queue_guesses_forget()
    read(student, limit=10)
    sent = _sends(monkeypatch)
    guessed = read(other_student, limit=10)
    assert len(sent) == 2  # the study day with the candidates, the cards shown
    sent.clear()
    read(other_student, limit=7)
    assert len(sent) == 3  # (no plan of that limit read yet)
    queue_selectors.queue_guesses_forget()
    assert _figures(read(other_student, limit=10)) == _figures(guessed)
    assert len(guessed.items) == 10


def test_another_students_plan_guessed_wrong_changes_nothing(student, other_student, teacher):
    """A guess from another student whose day differs (here a lower new-card limit:
    a shorter walk of the bank than this student's) costs one query and gives the queue a read without a guess gives."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    services.preferences_update(user=student, new_cards_per_day=5)  # (a shorter walk)
    queue_selectors.queue_guesses_forget()
    read(student, limit=10)
    with CaptureQueriesContext(connection) as wrong:
        after_a_wrong_guess = read(other_student, limit=10)
    queue_selectors.queue_guesses_forget()
    with CaptureQueriesContext(connection) as fresh:
        unguessed = read(other_student, limit=10)
    assert len(wrong.captured_queries) == len(fresh.captured_queries) + 1
    assert _figures(after_a_wrong_guess) == _figures(unguessed)
    assert unguessed.new_available == 20


def _guessed_walks(monkeypatch) -> list[int | None]:
    """The new-card walk (rows per bank) of each plan a queue read guesses from now
    on (None: no guess sent)."""
    walks: list[int | None] = []
    original = queue_selectors._early_candidates

    def recorded(**kwargs):
        guess, early = original(**kwargs)
        walks.append(None if guess is None else guess.walk)
        return guess, early

    monkeypatch.setattr(queue_selectors, "_early_candidates", recorded)
    return walks


def test_a_student_of_a_huge_new_card_limit_leaves_classmates_guess_short(
    student, other_student, teacher, monkeypatch
):
    """After a student who lets in 9999 new cards a day is read, a classmate's first
    read is still sent the short walk of the default limit (20 new cards and 20
    spare), not ten thousand rows per bank: one round trip fewer all the same, and
    the queue a read without a guess gives."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    keen = UserFactory(username="keen")
    services.preferences_update(user=keen, new_cards_per_day=9999)
    read(student, limit=10)
    walks = _guessed_walks(monkeypatch)
    read(keen, limit=10)
    sent = _sends(monkeypatch)
    guessed = read(other_student, limit=10)
    assert walks == [40, 40]  # (the keen student's own read: the classmate's walk, too short)
    assert len(sent) == 2  # the study day with the candidates, the cards shown
    queue_selectors.queue_guesses_forget()
    assert _figures(read(other_student, limit=10)) == _figures(guessed)
    assert guessed.new_available == 20


def test_a_shared_guess_walking_far_past_a_classmates_is_replaced_by_theirs(
    student, other_student, teacher, monkeypatch
):
    """A guess walking 170 rows per bank (150 new cards a day) serves a classmate of
    the default limit (40 rows) right, but is then replaced by the classmate's
    plan: the next classmate is sent 40 rows per bank, not 170."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    services.preferences_update(user=student, new_cards_per_day=150)
    read(student, limit=10)
    walks = _guessed_walks(monkeypatch)
    sent = _sends(monkeypatch)
    read(other_student, limit=10)
    assert len(sent) == 2  # (covered: no query more)
    read(UserFactory(username="third"), limit=10)
    assert walks == [170, 40]


def test_a_walk_reads_at_most_twice_the_new_cards_wanted():
    """A day's walk is the day's limit and 20 spare, cut to the new cards wanted
    rounded up to 10, 20, 40, 80... rows: a student of a large limit with one new
    card left walks 40 rows per bank, not the limit."""
    plan = partial(
        queue_selectors._candidates_plan, bank=None, banks=[], window=0, learning_window=15
    )
    assert plan(new_wanted=21, new_limit=531).walk == 40
    assert plan(new_wanted=300, new_limit=531).walk == 320
    assert plan(new_wanted=551, new_limit=531).walk == 560
    assert plan(new_wanted=21, new_limit=20).walk == 40  # (the default: one walk a day)
    assert plan(new_wanted=40, new_limit=20).walk == 40
    assert plan(new_wanted=0, new_limit=531).walk == 0


def _compiled(monkeypatch) -> list[str]:
    """The SQL statements Django compiles from now on (each queryset's compilation,
    its subqueries included), as their first words."""
    from django.db.models.sql import compiler

    compiled: list[str] = []
    original = compiler.SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        sql, params = original(self, *args, **kwargs)
        compiled.append(sql[:60])
        return sql, params

    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", counting)
    return compiled


@pytest.mark.parametrize("over_bank", [False, True])
def test_a_second_read_of_the_queue_compiles_no_statement(student, teacher, monkeypatch, over_bank):
    """Every statement of the queue (the study day, the candidates, their counts, the
    facts studied today, the cards shown and their choices) is compiled once per
    process: a later read, with learning cards, reviews and new cards to show and
    answers today, only fills in the values (compiling costs 1-3 ms of Python a
    statement, issue 16)."""
    services.preferences_update(user=student, new_cards_per_day=40)
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=30).items)
    # past the windows at limit 1 (11 learning cards, 12 reviews): both counted
    _due(cards[:13], CardState.LEARNING, days_ago=1)
    _due(cards[13:27], CardState.REVIEW, days_ago=2)
    with time_machine.travel(T0, tick=False):
        services.review_record(user=student, card_id=cards[27].pk, rating=3)  # (answers today)
    over = bank if over_bank else None
    monkeypatch.setattr(prepared_sql, "_PREPARED", {})  # (a fresh process)
    compiled = _compiled(monkeypatch)
    first = read(student, bank=over, limit=1)
    assert compiled  # (the first read compiles its statements)
    compiled.clear()
    again = read(student, bank=over, limit=1)
    assert compiled == []
    assert _figures(again) == _figures(first)
    assert (first.learning_count, first.review_count, first.new_available) == (13, 14, 2)


def test_with_the_days_review_limit_reached_a_second_read_compiles_no_statement(
    student, teacher, monkeypatch
):
    """No review read (the day's review limit reached): the candidates statement,
    which then leaves out the moment the reviews are due by, is compiled once too,
    not built on every read (~3 ms a read for a student done with their reviews)."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=30).items)
    _due(cards[:2], CardState.LEARNING, days_ago=1)
    _due(cards[2:10], CardState.REVIEW, days_ago=2)
    services.preferences_update(user=student, max_reviews_per_day=0)  # (no review today)
    monkeypatch.setattr(prepared_sql, "_PREPARED", {})  # (a fresh process)
    compiled = _compiled(monkeypatch)
    first = read(student, limit=5)
    assert compiled
    compiled.clear()
    again = read(student, limit=5)
    assert compiled == []
    assert _figures(again) == _figures(first)
    assert (first.learning_count, first.review_count) == (2, 0)


def test_reviews_counted_alone_are_compiled_once_too(student, teacher, monkeypatch):
    """Reviews past their window with the learning cards all read: the count of the
    reviews alone (no study day's bound in it) is compiled once as well."""
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=30).items)
    _due(cards[:2], CardState.LEARNING, days_ago=1)
    _due(cards[2:18], CardState.REVIEW, days_ago=2)  # (past the 12 reviews read at limit 1)
    monkeypatch.setattr(prepared_sql, "_PREPARED", {})  # (a fresh process)
    built = []
    original = queue_selectors._due_counts_sql
    monkeypatch.setattr(
        queue_selectors,
        "_due_counts_sql",
        lambda **values: built.append(sorted(values)) or original(**values),
    )
    compiled = _compiled(monkeypatch)
    first = read(student, limit=1)
    assert built  # (the first read builds the count)
    built.clear()
    compiled.clear()
    again = read(student, limit=1)
    assert compiled == []
    assert built == []  # (its values only filled in)
    assert _figures(again) == _figures(first)
    assert (first.learning_count, first.review_count) == (2, 16)


def test_due_cards_come_from_the_index_in_due_then_id_order_unsorted(student, teacher, statistics):
    """The windows of due cards (learning, relearning, reviews; cards of assigned
    banks apart) walk the (user, state, due, id) index in the order they are read:
    each stops at its window's last card, without reading and sorting every due card
    of its state (PostgreSQL sorted each window's cards of equal due dates by id
    with the index on (user, state, due); SQLite's index ends with the id anyway)."""
    services.preferences_update(user=student, new_cards_per_day=40)
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=30).items)
    _due(cards[:10], CardState.LEARNING, days_ago=1)
    _due(cards[10:15], CardState.RELEARNING, days_ago=1)
    _due(cards[15:], CardState.REVIEW, days_ago=2)
    with CaptureQueriesContext(connection) as queries:
        result = read(student, limit=5)
    [candidates] = [q["sql"] for q in queries.captured_queries if "part_0" in q["sql"]]
    plan = plan_of(candidates, statistics)
    assert "card_due_with_bank" in plan
    assert not re.search(r"Sort|USE TEMP B-TREE", plan)  # (SQLite: "FOR RIGHT PART OF ORDER BY")
    # the first cards due, in (due, id) order: learning cards first
    first = Card.objects.filter(user=student).exclude(state=CardState.REVIEW).order_by("due", "id")
    assert [item.card_row.id for item in result.items] == [c.pk for c in first[:5]]


def test_the_facts_studied_today_and_the_due_counts_are_planned_once(student, teacher, monkeypatch):
    """The statements of the facts studied today and of the due counts, like the
    candidates', are read with their plan made once per connection (sql's
    planned_once): for a small deck the planner made the facts' plan again on every
    read (1 ms, its generic plan running in 0.15 ms; issue 16)."""
    services.preferences_update(user=student, new_cards_per_day=40)
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(30, bank=bank)
    with time_machine.travel(T0 - timedelta(days=40), tick=False):
        cards = cards_of(services.study_queue_open(user=student, bank=bank, limit=30).items)
    _due(cards[:13], CardState.LEARNING, days_ago=1)  # (past the windows at limit 1)
    _due(cards[13:27], CardState.REVIEW, days_ago=2)
    with time_machine.travel(T0, tick=False):
        services.review_record(user=student, card_id=cards[27].pk, rating=3)  # (answers today)
    sent: list[tuple[str, bool]] = []
    original = prepared_sql.fetch_together

    def recorded(statements, *, planned_once=0):
        given = [(at, s) for at, s in enumerate(statements) if s is not None]
        sent.extend((s[0], at < planned_once) for at, s in given)
        return original(statements, planned_once=planned_once)

    monkeypatch.setattr(prepared_sql, "fetch_together", recorded)
    read(student, limit=1)
    facts = [planned for text, planned in sent if 'last_review" >=' in text]
    counts = [planned for text, planned in sent if text.startswith("SELECT (SELECT")]
    assert facts == [True]
    assert counts == [True]
