"""The PostgreSQL connection (issue 16): parameters bound by the server and
statements prepared, switched off by DATABASE_PREPARE_THRESHOLD=off; a statement
with more parameters than the protocol carries still runs."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import BaseTzLoader
from psycopg.pq import Format

from config.postgres_cursor import (
    SERVER_PARAMETERS_MAX,
    TIMESTAMPTZ_OID,
    FastTimestamptzLoader,
    ServerBindingOrMergingCursor,
    fast_timestamptz_loader,
)
from config.settings.base import postgres_options
from learning.models import Card
from tests.factories import CardFactory


def test_statements_are_prepared_by_default():
    options = postgres_options({})
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 1
    assert options["cursor_factory"] is ServerBindingOrMergingCursor
    assert options["options"] == "-c jit=off"


def test_a_threshold_from_the_environment():
    assert postgres_options({"DATABASE_PREPARE_THRESHOLD": "5"})["prepare_threshold"] == 5


@pytest.mark.parametrize("value", ["off", "OFF", " none "])
def test_off_binds_on_the_client_and_prepares_nothing(value):
    options = postgres_options({"DATABASE_PREPARE_THRESHOLD": value})
    assert options == {"options": "-c jit=off"}


@pytest.mark.django_db
def test_a_statement_run_twice_is_prepared_on_postgresql():
    CardFactory()
    for _ in range(2):
        assert Card.objects.filter(state=0).count() == 1
    if connection.vendor != "postgresql":  # (SQLite prepares in the driver)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "learning_card" WHERE "learning_card"."state" = $1' in s for s in prepared)


@pytest.mark.django_db
def test_a_statement_with_more_parameters_than_the_protocol_carries_runs():
    card = CardFactory()
    many = SERVER_PARAMETERS_MAX + 10
    if connection.vendor == "sqlite":  # (its own limit on parameters)
        many = min(many, connection.connection.getlimit(9))  # SQLITE_LIMIT_VARIABLE_NUMBER
    ids = [card.pk, *range(-many + 1, 0)]
    assert list(Card.objects.filter(pk__in=ids).values_list("pk", flat=True)) == [card.pk]


def test_long_statements_are_converted_once_by_psycopg():
    """psycopg keeps the conversion of a statement up to these limits (raised from
    its 4,096 characters and 50 parameters: the study queue's statements are longer)."""
    import psycopg._queries

    from config.postgres_cursor import CACHED_STATEMENT_LENGTH_MAX, CACHED_STATEMENT_PARAMETERS_MAX

    assert psycopg._queries.MAX_CACHED_STATEMENT_LENGTH >= CACHED_STATEMENT_LENGTH_MAX
    assert psycopg._queries.MAX_CACHED_STATEMENT_PARAMS >= CACHED_STATEMENT_PARAMETERS_MAX


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-06 01:02:03.123456+00",
        "2026-12-06 01:02:03+00",
        "2026-12-06 01:02:03.5+00",
        "0099-01-01 00:00:00+00",
        "2026-12-06 23:59:59.999999+05:30",
        "2026-03-29 01:30:00-07",
    ],
)
def test_timestamps_read_as_djangos_loader_reads_them(text):
    """What PostgreSQL writes for a card's due date reads as the same moment, in the
    same time zone, through the fast parser as through Django's own loader."""

    class DjangosUtcLoader(BaseTzLoader):  # as Django registers it for TIME_ZONE UTC
        timezone = datetime.UTC

    fast = fast_timestamptz_loader(DjangosUtcLoader)(TIMESTAMPTZ_OID, None).load(text.encode())
    expected = DjangosUtcLoader(TIMESTAMPTZ_OID, None).load(text.encode())
    assert fast == expected
    assert fast.utcoffset() == expected.utcoffset()
    assert fast.tzinfo is expected.tzinfo


@pytest.mark.parametrize("text", ["infinity", "-infinity", "2026-12-06 01:02:03+00 BC"])
def test_timestamps_python_cannot_hold_fail_as_djangos_loader_fails(text):
    """A moment no datetime holds (PostgreSQL's infinities, a date BC) raises the
    same error through the connection's loader as through Django's own."""
    import psycopg

    class DjangosUtcLoader(BaseTzLoader):
        timezone = datetime.UTC

    with pytest.raises(psycopg.DataError) as expected:
        DjangosUtcLoader(TIMESTAMPTZ_OID, None).load(text.encode())
    with pytest.raises(psycopg.DataError) as fast:
        fast_timestamptz_loader(DjangosUtcLoader)(TIMESTAMPTZ_OID, None).load(text.encode())
    assert str(fast.value) == str(expected.value)


@pytest.mark.parametrize("text", ["2026-12-06 01:02:03.123456+00", "2026-03-29 01:30:00-07"])
def test_timestamps_read_in_another_time_zone_as_djangos_loader_reads_them(text):
    """A connection in another time zone than UTC: the value given the loader's
    tzinfo, as Django's loader gives it."""

    class DjangosParisLoader(BaseTzLoader):
        timezone = zoneinfo.ZoneInfo("Europe/Paris")

    fast = fast_timestamptz_loader(DjangosParisLoader)(TIMESTAMPTZ_OID, None).load(text.encode())
    expected = DjangosParisLoader(TIMESTAMPTZ_OID, None).load(text.encode())
    assert fast == expected
    assert fast.utcoffset() == expected.utcoffset()
    assert fast.tzinfo is expected.tzinfo


@pytest.mark.django_db
def test_the_connections_timestamps_hold_utc_itself():
    """The connection's loader (UTC, as Django sets it) gives `datetime.UTC` itself,
    the tzinfo Django's own loader gives."""
    due = datetime.datetime(2026, 12, 6, 1, 2, 3, 123456, tzinfo=datetime.UTC)
    card = CardFactory(due=due)
    read = Card.objects.values_list("due", flat=True).get(pk=card.pk)
    assert read == due
    if connection.vendor == "postgresql":
        assert read.tzinfo is datetime.UTC


@pytest.mark.django_db
def test_a_due_date_reads_back_to_the_microsecond():
    """On PostgreSQL through the connection's fast timestamp loader; on SQLite its own."""
    due = datetime.datetime(2026, 12, 6, 1, 2, 3, 123456, tzinfo=datetime.UTC)
    card = CardFactory(due=due)
    assert Card.objects.values_list("due", flat=True).get(pk=card.pk) == due
    if connection.vendor == "postgresql":
        loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
        assert issubclass(loader, FastTimestamptzLoader)
