"""The raw SQL of `learning`, in one place: what the ORM cannot say in one
statement (a multi-row INSERT ... RETURNING, an UPDATE ... FROM VALUES, several
capped counts in one SELECT, adding days to a datetime). Each works on SQLite and
PostgreSQL and falls back to the ORM elsewhere; tests/learning/test_sql.py runs
them on both."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from functools import cache, partial
from typing import Any, cast

from django.db import NotSupportedError, connection, connections
from django.db.models import (
    DateTimeField,
    F,
    Func,
    QuerySet,
)
from django.utils import timezone

from config import prepared_sql

from .cards import CARD_STATE_FIELDS
from .models import (
    Card,
    ReviewLog,
)

# Statements compiled once per process, read in few round trips: config's, under
# learning's names (tests/learning/test_sql.py reads two private ones).
PreparedCall = prepared_sql.PreparedCall
_constants_written = prepared_sql._constants_written
_Slot = prepared_sql._Slot
fetch_rows = prepared_sql.fetch_rows
fetch_together = prepared_sql.fetch_together
fetch_with_prepared = prepared_sql.fetch_with_prepared
execute_together = prepared_sql.execute_together
is_storable_id = prepared_sql.is_storable_id
padded = prepared_sql.padded
prepared = prepared_sql.prepared
prepared_rows = prepared_sql.prepared_rows
prepared_rows_together = prepared_sql.prepared_rows_together


class AddDays(Func):
    """datetime + a number of days, in SQL (SQLite and PostgreSQL)."""

    output_field = DateTimeField()

    def _parts(self, compiler: Any, connection: Any) -> tuple[str, str, list[Any]]:
        moment_sql, moment_params = compiler.compile(self.source_expressions[0])
        days_sql, days_params = compiler.compile(self.source_expressions[1])
        return moment_sql, days_sql, [*moment_params, *days_params]

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        moment_sql, days_sql, params = self._parts(compiler, connection)
        return f"datetime(julianday({moment_sql}) + ({days_sql}))", params

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        moment_sql, days_sql, params = self._parts(compiler, connection)
        return f"({moment_sql} + make_interval(days => CAST({days_sql} AS integer)))", params

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: Any = None,
        template: Any = None,
        arg_joiner: Any = None,
        **extra_context: Any,
    ) -> Any:
        raise NotSupportedError("No SQL for adding days on this database.")


_Adapter = Callable[[Any], Any]


def _adapters() -> tuple[_Adapter, _Adapter]:
    """Fast (value -> database parameter) functions for datetimes and UUIDs;
    Django's own go through several checks per value."""
    if connection.vendor == "postgresql":
        return (lambda moment: moment), (lambda value: value)
    if connection.vendor == "sqlite" and connection.timezone_name == "UTC":

        def sqlite_datetime(moment: Any) -> Any:  # what Django stores: naive UTC text
            if moment is None:
                return None
            return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")

        return sqlite_datetime, (lambda value: value.hex if value is not None else None)
    uuid_field = ReviewLog._meta.get_field("client_uuid")
    return connection.ops.adapt_datetimefield_value, (
        lambda value: uuid_field.get_db_prep_value(value, connection)
    )


def rows_per_statement(columns: int) -> int:
    """How many rows of `columns` parameters one statement may carry here
    (Django assumes SQLite's old limit of 999; the library says its own)."""
    limit = 65_535  # PostgreSQL's wire protocol
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, (limit - 1) // columns)


def _chunks(rows: list[int], size: int) -> list[list[int]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


LOG_COLUMNS = (
    "user_id",
    "card_id",
    "rating",
    "reviewed_at",
    "duration_ms",
    "client_uuid",
    "source",
    "card_before",
    "state_before",
    "stability_before",
    "state_after",
    "due_after",
    "result",
    "created_at",
)


def _json_moment(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _recordset(model: Any, names: Sequence[str]) -> str:
    """`jsonb_to_recordset(%s::jsonb) AS v(name type, ...)` for these columns of
    `model` (PostgreSQL): the rows of a statement as ONE parameter, a JSON array.
    500 rows as VALUES carried 7,000 parameters, and the driver's rewriting of
    that statement in Python (it binds on the client) cost three times the
    database's insert; one JSON text costs a json.dumps. Written once per process
    (each answer's two writes asked each column's type again: ~0.3 ms, issue 16)."""
    return _recordset_of(model, tuple(names), connection.alias)


@cache
def _recordset_of(model: Any, names: tuple[str, ...], alias: str) -> str:
    database = connections[alias]
    fields = {field.attname: field for field in model._meta.concrete_fields}
    qn = database.ops.quote_name
    columns = ", ".join(f"{qn(name)} {fields[name].cast_db_type(database)}" for name in names)
    return f"jsonb_to_recordset(%s::jsonb) AS v({columns})"


Statement = tuple[str, list[Any]]


def _ids_in_row_order(returned: Sequence[tuple[Any, ...]]) -> list[int]:
    """The ids an INSERT ... RETURNING id gave, in the order of its rows: ids grow in
    row order within one INSERT; RETURNING's own order is not promised."""
    return sorted(pk for (pk,) in returned)


def _insert_logs_postgresql(rows: list[dict[str, Any]], *, skip_conflicts: bool) -> list[int]:
    return _ids_in_row_order(
        fetch_rows(_insert_logs_statement(rows, skip_conflicts=skip_conflicts))
    )


def _insert_logs_statement(rows: list[dict[str, Any]], *, skip_conflicts: bool) -> Statement:
    """The one INSERT ... RETURNING id of the log rows, on PostgreSQL."""
    created_at = timezone.now().isoformat()
    records = [
        {
            **row,
            "reviewed_at": _json_moment(row["reviewed_at"]),
            "due_after": _json_moment(row["due_after"]),
            "client_uuid": None if row["client_uuid"] is None else str(row["client_uuid"]),
            "created_at": created_at,
        }
        for row in rows
    ]
    qn = connection.ops.quote_name
    columns = ", ".join(map(qn, LOG_COLUMNS))
    return (
        f"INSERT INTO {qn(ReviewLog._meta.db_table)} ({columns}) "
        f"SELECT {columns} FROM {_recordset(ReviewLog, LOG_COLUMNS)}"
        f"{' ON CONFLICT DO NOTHING' if skip_conflicts else ''} RETURNING {qn('id')}",
        [json.dumps(records)],
    )


def insert_logs(rows: list[dict[str, Any]], *, skip_conflicts: bool = False) -> list[int]:
    """INSERT every log row in ONE statement; returns their ids in row order. With
    `skip_conflicts`, a row whose client_uuid the user has stored already (maybe by a
    concurrent request: the database waits for it) is left out, and so is its id
    (`ON CONFLICT DO NOTHING`: no savepoint needed around the statement)."""
    if connection.vendor not in ("sqlite", "postgresql"):  # portable, maybe chunked
        logs = ReviewLog.objects.bulk_create(
            [ReviewLog(**row) for row in rows], ignore_conflicts=skip_conflicts
        )
        return [log.pk for log in logs if log.pk is not None]
    if connection.vendor == "postgresql":  # one parameter: the rows as JSON
        return _insert_logs_postgresql(rows, skip_conflicts=skip_conflicts)
    ops = connection.ops
    datetime_value, uuid_value = _adapters()
    json_value = ops.adapt_json_value
    created_at = datetime_value(timezone.now())
    params: list[Any] = []
    for row in rows:
        params += (
            row["user_id"],
            row["card_id"],
            row["rating"],
            datetime_value(row["reviewed_at"]),
            row["duration_ms"],
            uuid_value(row["client_uuid"]),
            row["source"],
            json_value(row["card_before"], None),
            row["state_before"],
            row["stability_before"],
            row["state_after"],
            datetime_value(row["due_after"]),
            json_value(row["result"], None),
            created_at,
        )
    qn = ops.quote_name
    width = len(LOG_COLUMNS)
    values = "(" + ", ".join(["%s"] * width) + ")"
    ids: list[int] = []
    with connection.cursor() as cursor:  # one statement (500 rows fit in SQLite's limit)
        for chunk in _chunks(list(range(len(rows))), rows_per_statement(width)):
            cursor.execute(
                f"INSERT INTO {qn(ReviewLog._meta.db_table)} "
                f"({', '.join(map(qn, LOG_COLUMNS))}) "
                f"VALUES {', '.join([values] * len(chunk))}"
                f"{' ON CONFLICT DO NOTHING' if skip_conflicts else ''} RETURNING {qn('id')}",
                params[chunk[0] * width : (chunk[-1] + 1) * width],
            )
            ids += _ids_in_row_order(cursor.fetchall())
    return ids


def update_cards(cards: Sequence[Any]) -> None:
    """UPDATE the memory state of every card in ONE statement (UPDATE ... FROM VALUES)."""
    now = timezone.now()
    if connection.vendor not in ("sqlite", "postgresql"):
        Card.objects.bulk_update(
            [
                Card(pk=card.pk, updated_at=now, **{f: getattr(card, f) for f in CARD_STATE_FIELDS})
                for card in cards
            ],
            [*CARD_STATE_FIELDS, "updated_at"],
        )
        return
    qn = connection.ops.quote_name
    if connection.vendor == "postgresql":  # one parameter: the cards' states as JSON
        with connection.cursor() as cursor:
            cursor.execute(*_update_cards_statement(cards, now))
        return
    columns = {field.name: field for field in Card._meta.concrete_fields}
    fields = [columns[name] for name in CARD_STATE_FIELDS]
    sets = []
    for position, field in enumerate(fields, start=2):
        value = f"v.column{position}"
        if connection.vendor == "postgresql":  # a VALUES column of NULLs is text there
            value = f"CAST({value} AS {field.cast_db_type(connection)})"
        sets.append(f"{qn(cast(str, field.column))} = {value}")
    datetime_value, _ = _adapters()
    params: list[Any] = [datetime_value(now)]  # updated_at: its placeholder comes first
    for card in cards:
        params += (
            card.pk,
            card.state,
            card.step,
            card.stability,
            card.difficulty,
            datetime_value(card.due),
            datetime_value(card.last_review),
            card.reps,
            card.lapses,
        )
    width = len(fields) + 1
    values = "(" + ", ".join(["%s"] * width) + ")"
    table = qn(Card._meta.db_table)
    with connection.cursor() as cursor:  # one statement (500 cards fit in SQLite's limit)
        for chunk in _chunks(list(range(len(cards))), rows_per_statement(width)):
            cursor.execute(
                f"UPDATE {table} SET {qn('updated_at')} = %s, {', '.join(sets)} "
                f"FROM (VALUES {', '.join([values] * len(chunk))}) AS v "
                f"WHERE {table}.{qn('id')} = v.column1",
                [params[0], *params[1 + chunk[0] * width : 1 + (chunk[-1] + 1) * width]],
            )


def _update_cards_statement(cards: Sequence[Any], now: datetime) -> Statement:
    """The one UPDATE ... FROM jsonb_to_recordset of the cards' memory states, on
    PostgreSQL."""
    qn = connection.ops.quote_name
    table = qn(Card._meta.db_table)
    records = [
        {
            "id": card.pk,
            **{name: getattr(card, name) for name in CARD_STATE_FIELDS},
            "due": _json_moment(card.due),
            "last_review": _json_moment(card.last_review),
        }
        for card in cards
    ]
    assignments = ", ".join(f"{qn(name)} = v.{qn(name)}" for name in CARD_STATE_FIELDS)
    return (
        f"UPDATE {table} SET {qn('updated_at')} = %s, {assignments} "
        f"FROM {_recordset(Card, ['id', *CARD_STATE_FIELDS])} "
        f"WHERE {table}.{qn('id')} = v.{qn('id')}",
        [now, json.dumps(records)],
    )


def answer_writes(*, card: Any, log: dict[str, Any], skip_conflicts: bool, tally: Any) -> list[int]:
    """The writes of one answer, in its transaction: the card's new state, its
    log row and the tallies' upserts (`tally`: a learning.tallies.TallyDelta), sent
    together on PostgreSQL (execute_together: one round trip for the four; they
    wait for nothing but the card's row, already read and locked). Returns the
    log's id, none when `skip_conflicts` left it out (the caller rolls back).
    Elsewhere one after another (update_cards, insert_logs, the tally's save)."""
    if connection.vendor != "postgresql":
        update_cards([card])
        ids = insert_logs([log], skip_conflicts=skip_conflicts)
        tally.save()
        return ids
    results = execute_together(
        [
            _update_cards_statement([card], timezone.now()),
            _insert_logs_statement([log], skip_conflicts=skip_conflicts),
            *tally.statements(),
        ]
    )
    return _ids_in_row_order(results[1] or [])


def union_sql(parts: Sequence[QuerySet[Any]]) -> tuple[str, list[Any]]:
    """The SQL of the rows of several querysets of the same columns, each of which
    may be ordered and sliced (a window: `ORDER BY ... LIMIT n`), in one statement:
    `SELECT * FROM (part) UNION ALL ...` (Django's union() refuses sliced parts on
    SQLite)."""
    sqls: list[str] = []
    params: list[Any] = []
    for number, queryset in enumerate(parts):
        sql, part_params = queryset.query.sql_with_params()
        sqls.append(f"SELECT * FROM ({sql}) part_{number}")
        params.extend(part_params)
    return " UNION ALL ".join(sqls), params


def datetime_from_db(value: Any) -> Any:
    """A datetime column of a raw row as Django reads it (SQLite gives text)."""
    return datetime_reader()(value)


def datetime_reader() -> Callable[[Any], Any]:
    """datetime_from_db for the connection, its vendor looked up once: a reader of
    many rows calls it per value (the `connection` proxy's lookup cost more than
    the read: 250 values per study queue, issue 16)."""
    if connection.vendor != "sqlite":
        return _as_read
    convert = cast(Any, connection.ops).convert_datetimefield_value  # (text or naive)
    return partial(_sqlite_datetime, convert, connection)


def _as_read(value: Any) -> Any:
    return value


def _sqlite_datetime(convert: Callable[..., Any], on: Any, value: Any) -> Any:
    return None if value is None else convert(value, None, on)


def capped_counts(capped: dict[str, tuple[QuerySet[Any], int]]) -> dict[str, int]:
    """name -> min(rows of the queryset, cap), all in one query (none when empty)."""
    if not capped:
        return {}
    return capped_counts_fetch(list(capped), capped_counts_sql(capped))


def capped_counts_sql(capped: dict[str, tuple[QuerySet[Any], int]]) -> tuple[str, list[Any]]:
    """The one statement of capped_counts."""
    parts: list[str] = []
    params: list[Any] = []
    for number, (queryset, cap) in enumerate(capped.values()):
        sql, part_params = queryset.values("id")[:cap].query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) capped_{number})")
        params.extend(part_params)
    return f"SELECT {', '.join(parts)}", params


def capped_counts_fetch(names: list[str], statement: tuple[str, Sequence[Any]]) -> dict[str, int]:
    """name -> count, from the one row of a capped_counts_sql statement."""
    if not names:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return dict(zip(names, cursor.fetchone(), strict=True))


def add_to_rows(
    model: Any, *, keys: tuple[str, ...], fields: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Add numbers to counter rows in ONE statement: each row (key values, then
    one number per field) is inserted, or added to the row with its key already
    there (INSERT ... ON CONFLICT (keys) DO UPDATE SET f = f + excluded.f; the
    keys must be a unique constraint). Concurrent adders wait on the row's lock,
    none is lost."""
    if not rows:
        return
    if connection.vendor not in ("sqlite", "postgresql"):  # portable, one row at a time
        for row in rows:
            key = dict(zip(keys, row, strict=False))
            numbers = dict(zip(fields, row[len(keys) :], strict=True))
            updated = model.objects.filter(**key).update(
                **{name: F(name) + value for name, value in numbers.items()}
            )
            if not updated:
                model.objects.create(**key, **numbers)
        return
    with connection.cursor() as cursor:
        for statement in add_to_rows_statements(model, keys=keys, fields=fields, rows=rows):
            cursor.execute(*statement)


def add_to_rows_statements(
    model: Any, *, keys: tuple[str, ...], fields: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
) -> list[Statement]:
    """The statements of add_to_rows (SQLite and PostgreSQL), for a caller that
    sends them with others (answer_writes)."""
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = [*keys, *fields]
    adapt = connection.ops.adapt_datefield_value
    params: list[Any] = []
    for row in rows:
        params += [adapt(value) if isinstance(value, date) else value for value in row]
    values = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sets = ", ".join(f"{qn(f)} = {table}.{qn(f)} + excluded.{qn(f)}" for f in fields)
    return [
        (
            f"INSERT INTO {table} ({', '.join(map(qn, columns))}) "
            f"VALUES {', '.join([values] * len(chunk))} "
            f"ON CONFLICT ({', '.join(map(qn, keys))}) DO UPDATE SET {sets}",
            params[chunk[0] * len(columns) : (chunk[-1] + 1) * len(columns)],
        )
        for chunk in _chunks(list(range(len(rows))), rows_per_statement(len(columns)))
    ]
