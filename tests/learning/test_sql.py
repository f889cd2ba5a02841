"""learning/sql.py, the raw SQL of `learning`, on the database the suite runs on
(SQLite by default; PostgreSQL with DATABASE_URL): what each statement writes
or counts is what the ORM would, in one statement."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import F, IntegerField, Value

from learning import sql
from learning.cards import CARD_STATE_FIELDS
from learning.models import Card, CardState, ReviewLog
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory

T0 = datetime(2025, 3, 3, 9, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
def cards(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    return [
        CardFactory(user=student, question=question, due=T0)
        for question in QuestionFactory.create_batch(3, bank=bank)
    ]


def log_row(card, index: int, *, client_uuid=None) -> dict:
    return {
        "user_id": card.user_id,
        "card_id": card.pk,
        "rating": 3,
        "reviewed_at": T0 + timedelta(minutes=index),
        "duration_ms": 1000 + index,
        "client_uuid": client_uuid,
        "source": "api",
        "card_before": {"state": 0, "note": "naïve “quotes”"},
        "state_before": CardState.NEW,
        "stability_before": None,
        "state_after": CardState.LEARNING,
        "due_after": T0 + timedelta(minutes=10 + index),
        "result": {"rating": 3, "index": index},
    }


def test_insert_logs_writes_every_row_in_one_statement_and_returns_ids_in_order(
    cards, django_assert_num_queries
):
    key = uuid.uuid4()
    rows = [log_row(card, i, client_uuid=key if i == 1 else None) for i, card in enumerate(cards)]
    with django_assert_num_queries(1):
        ids = sql.insert_logs(rows)
    assert len(ids) == 3
    stored = {log.pk: log for log in ReviewLog.objects.filter(pk__in=ids)}
    for pk, row in zip(ids, rows, strict=True):
        log = stored[pk]
        assert log.card_id == row["card_id"]
        assert log.reviewed_at == row["reviewed_at"]
        assert log.due_after == row["due_after"]
        assert log.duration_ms == row["duration_ms"]
        assert log.card_before == row["card_before"]
        assert log.result == row["result"]
        assert log.stability_before is None
        assert log.created_at is not None
    assert stored[ids[1]].client_uuid == key
    assert stored[ids[0]].client_uuid is None


def test_insert_logs_can_skip_a_client_uuid_stored_already(cards, django_assert_num_queries):
    key = uuid.uuid4()
    (first,) = sql.insert_logs([log_row(cards[0], 0, client_uuid=key)])
    rows = [log_row(cards[1], 1, client_uuid=key), log_row(cards[2], 2)]
    with django_assert_num_queries(1):  # no savepoint: the conflict is skipped in the statement
        ids = sql.insert_logs(rows, skip_conflicts=True)
    assert len(ids) == 1
    assert ReviewLog.objects.get(pk=ids[0]).card_id == cards[2].pk
    assert ReviewLog.objects.get(client_uuid=key).pk == first


def test_insert_logs_splits_rows_the_database_cannot_take_in_one_statement(cards, monkeypatch):
    monkeypatch.setattr(sql, "rows_per_statement", lambda columns: 2)
    rows = [log_row(cards[i % 3], i) for i in range(5)]
    ids = sql.insert_logs(rows)
    assert ids == sorted(ids)
    assert [log.duration_ms for log in ReviewLog.objects.filter(pk__in=ids).order_by("pk")] == [
        1000,
        1001,
        1002,
        1003,
        1004,
    ]


def test_update_cards_writes_each_cards_memory_state_in_one_statement(
    cards, django_assert_num_queries
):
    class Row:  # what the services hand over: plain values
        def __init__(self, pk, **state):
            self.pk = pk
            for name in CARD_STATE_FIELDS:
                setattr(self, name, state[name])

    states = [
        {
            "state": CardState.REVIEW,
            "step": None,
            "stability": 12.5,
            "difficulty": 4.25,
            "due": T0 + timedelta(days=12),
            "last_review": T0,
            "reps": 4,
            "lapses": 1,
        },
        {  # NULLs in every nullable column (typed by a cast on PostgreSQL)
            "state": CardState.LEARNING,
            "step": 1,
            "stability": None,
            "difficulty": None,
            "due": T0 + timedelta(minutes=10),
            "last_review": None,
            "reps": 0,
            "lapses": 0,
        },
    ]
    with django_assert_num_queries(1):
        sql.update_cards(
            [Row(card.pk, **state) for card, state in zip(cards, states, strict=False)]
        )
    for card, state in zip(cards, states, strict=False):
        card.refresh_from_db()
        assert {name: getattr(card, name) for name in CARD_STATE_FIELDS} == state
    untouched = Card.objects.get(pk=cards[2].pk)
    assert untouched.due == T0
    assert untouched.reps == 0


def test_capped_counts_counts_each_queryset_up_to_its_cap_in_one_query(
    cards, student, other_student, django_assert_num_queries
):
    mine = Card.objects.filter(user=student)
    theirs = Card.objects.filter(user=other_student)
    with django_assert_num_queries(1):
        counts = sql.capped_counts({"all": (mine, 10), "capped": (mine, 2), "none": (theirs, 5)})
    assert counts == {"all": 3, "capped": 2, "none": 0}
    with django_assert_num_queries(0):
        assert sql.capped_counts({}) == {}


@pytest.mark.parametrize("days", [1, 7, 400])
def test_add_days_adds_whole_days_to_a_datetime(cards, days):
    card = cards[0]
    last_review = T0.replace(microsecond=0)  # (SQLite's datetime() keeps whole seconds)
    Card.objects.filter(pk=card.pk).update(last_review=last_review, reps=days)
    Card.objects.filter(pk=card.pk).update(due=sql.AddDays(F("last_review"), F("reps")))
    card.refresh_from_db()
    assert card.due == last_review + timedelta(days=days)


def test_as_many_rows_as_rows_per_statement_says_go_in_one_insert(cards):
    width = len(sql.LOG_COLUMNS)
    many = sql.rows_per_statement(width)
    assert many >= 999 // width  # at least SQLite's oldest limit of 999 parameters
    rows = [log_row(cards[i % 3], i) for i in range(min(many, 3000))]
    assert len(sql.insert_logs(rows)) == len(rows)


def _due_cards_sql(*, user, before, ids):
    queryset = Card.objects.filter(user=user, due__lt=before, pk__in=ids).order_by("id")
    sql_text, params = queryset.values_list("id").query.sql_with_params()
    return sql_text, list(params)


def test_a_prepared_statement_answers_each_call_with_its_own_values(cards, other_student):
    theirs = CardFactory(user=other_student, question=cards[0].question, due=T0)
    shape = ("test.due_cards", 3)
    mine = [card.pk for card in cards]

    def ids(**values):
        return [pk for (pk,) in sql.fetch_rows(sql.prepared(shape, _due_cards_sql, **values))]

    later = T0 + timedelta(seconds=1)
    assert ids(user=cards[0].user_id, before=later, ids=mine) == mine
    # the same shape again, other values: the SQL compiled the first time, new parameters
    assert ids(user=other_student.pk, before=later, ids=[theirs.pk, *mine[1:]]) == [theirs.pk]
    assert ids(user=cards[0].user_id, before=T0, ids=mine) == []  # due at T0, not before


def test_a_value_written_into_the_sql_text_is_never_kept_as_a_parameter(cards):
    def limited(*, user, limit):  # a LIMIT is written into the SQL: not a parameter
        queryset = Card.objects.filter(user=user).order_by("id").values_list("id")[:limit]
        sql_text, params = queryset.query.sql_with_params()
        return sql_text, list(params)

    def first(limit):
        statement = sql.prepared(("test.limited",), limited, user=cards[0].user_id, limit=limit)
        return [pk for (pk,) in sql.fetch_rows(statement)]

    assert first(1) == [cards[0].pk]
    assert first(2) == [cards[0].pk, cards[1].pk]  # built again, never the first LIMIT


def test_a_prepared_statement_takes_texts_as_values(student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    first = QuestionFactory(bank=bank, fingerprint="fact-one")
    second = QuestionFactory(bank=bank, fingerprint="fact-two")

    def by_fingerprint(*, fingerprints):
        queryset = Card.objects.filter(question__fingerprint__in=fingerprints).values_list("id")
        sql_text, params = queryset.order_by("id").query.sql_with_params()
        return sql_text, list(params)

    one = CardFactory(user=student, question=first, due=T0)
    two = CardFactory(user=student, question=second, due=T0)

    def ids(*fingerprints):
        statement = sql.prepared(("test.texts",), by_fingerprint, fingerprints=list(fingerprints))
        return [pk for (pk,) in sql.fetch_rows(statement)]

    assert ids("fact-one") == [one.pk]
    assert ids("fact-two") == [two.pk]  # the same statement, the other text


def test_a_prepared_statement_writes_its_constants_as_literals_on_postgresql(student, teacher):
    """Constants (a text with a quote and a percent sign, a negative number) are
    written into a PostgreSQL statement's text and answer as their parameters did;
    the values a call fills in stay parameters."""
    from django.db import connection

    bank = QuestionBankFactory(owner=teacher)
    odd = QuestionFactory(bank=bank, fingerprint="it's 50% done")
    plain = QuestionFactory(bank=bank, fingerprint="plain")
    odd_card = CardFactory(user=student, question=odd, due=T0)
    CardFactory(user=student, question=plain, due=T0)

    def odd_ones(*, user):
        queryset = (
            Card.objects.alias(minus_one=Value(-1, output_field=IntegerField()))
            .filter(user=user, question__fingerprint="it's 50% done", minus_one__lt=F("state"))
            .values_list("id")
        )
        sql_text, params = queryset.order_by("id").query.sql_with_params()
        return sql_text, list(params)

    statement = sql.prepared(("test.constants",), odd_ones, user=student.pk)
    assert [pk for (pk,) in sql.fetch_rows(statement)] == [odd_card.pk]
    assert [pk for (pk,) in sql.fetch_rows(statement, planned_once=True)] == [odd_card.pk]
    if connection.vendor == "postgresql":
        assert statement[1] == [student.pk]  # only the value filled in
        assert "'it''s 50%% done'" in statement[0]
        assert "(-1)" in statement[0]


def test_constants_written_keep_what_is_no_plain_number_or_text():
    slot = sql._Slot("user", None, adapt=False)
    written, kept = sql._constants_written(
        "a = %s AND b = %s AND c = %s AND d = %s AND e LIKE '%%x' AND f = %s",
        (slot, 3, "o'k", True, 1.5),
    )
    assert written == "a = %s AND b = 3 AND c = 'o''k' AND d = %s AND e LIKE '%%x' AND f = %s"
    assert kept == (slot, True, 1.5)
    # placeholders and parameters that disagree: the statement as it was
    assert sql._constants_written("a = %s", (1, 2)) == ("a = %s", (1, 2))


@pytest.mark.django_db(transaction=True)
def test_a_statement_planned_once_leaves_the_plan_setting_as_it_was(cards):
    """The SET around a planned-once statement ends with it, after an error too."""
    from django.db import DatabaseError, connection, transaction

    statement = (f"SELECT id FROM {Card._meta.db_table} WHERE id = %s", [cards[0].pk])
    assert sql.fetch_rows(statement, planned_once=True) == [(cards[0].pk,)]
    if connection.vendor != "postgresql":
        return

    def setting():
        with connection.cursor() as cursor:
            cursor.execute("SHOW plan_cache_mode")
            return cursor.fetchone()[0]

    failing = (f"SELECT 1 / (id - id) FROM {Card._meta.db_table} WHERE id = %s", [cards[0].pk])
    before = setting()
    assert before != "force_generic_plan"
    sql.fetch_rows(statement, planned_once=True)
    assert setting() == before
    with pytest.raises(DatabaseError):
        sql.fetch_rows(failing, planned_once=True)
    assert setting() == before
    with transaction.atomic():  # in an open transaction: rolled back with it
        sql.fetch_rows(statement, planned_once=True)
        with pytest.raises(DatabaseError), transaction.atomic():
            sql.fetch_rows(failing, planned_once=True)
        assert setting() == before
    assert setting() == before


def test_statements_fetched_together_answer_as_one_after_another(cards):
    """fetch_together: each statement's rows (none for None), as fetch_rows reads
    them; a failing statement raises Django's error."""
    from django.db import DatabaseError, transaction

    table = Card._meta.db_table
    first = (f"SELECT id FROM {table} WHERE id = %s", [cards[0].pk])
    rest = (f"SELECT id FROM {table} WHERE id > %s ORDER BY id", [cards[0].pk])
    assert sql.fetch_together([first, None, rest]) == [
        sql.fetch_rows(first),
        [],
        sql.fetch_rows(rest),
    ]
    assert sql.fetch_together([None, rest]) == [[], [(cards[1].pk,), (cards[2].pk,)]]
    failing = ("SELECT id FROM no_such_table WHERE id = %s", [cards[0].pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        sql.fetch_together([first, failing])
    assert sql.fetch_together([first, first]) == [[(cards[0].pk,)], [(cards[0].pk,)]]


@pytest.mark.django_db(transaction=True)
def test_statements_planned_once_sent_together_share_one_plan_setting(cards, monkeypatch):
    """fetch_together: planned-once statements that follow each other are sent
    between one SET and one RESET (not one pair each), and the setting ends with them."""
    from django.db import connection

    first = (f"SELECT id FROM {Card._meta.db_table} WHERE id = %s", [cards[0].pk])
    second = (f"SELECT id FROM {Card._meta.db_table} WHERE id = %s", [cards[1].pk])
    rows = sql.fetch_together([first, second, first], planned_once=2)
    assert rows == [[(cards[0].pk,)], [(cards[1].pk,)], [(cards[0].pk,)]]
    if connection.vendor != "postgresql":
        return
    settings_sent: list[str] = []
    raw = connection.connection
    execute = raw.execute

    def recorded(query, *args, **kwargs):
        settings_sent.append(query)
        return execute(query, *args, **kwargs)

    monkeypatch.setattr(raw, "execute", recorded)
    assert sql.fetch_together([first, second, first], planned_once=2) == rows
    assert settings_sent == ["SET plan_cache_mode = force_generic_plan", "RESET plan_cache_mode"]
    monkeypatch.undo()
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] != "force_generic_plan"
