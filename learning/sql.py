"""The raw SQL of `learning`, in one place: what the ORM cannot say in one
statement (a multi-row INSERT ... RETURNING, an UPDATE ... FROM VALUES, several
capped counts in one SELECT, adding days to a datetime). Each works on SQLite and
PostgreSQL and falls back to the ORM elsewhere; tests/learning/test_sql.py runs
them on both."""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any, cast

from django.core.exceptions import EmptyResultSet
from django.db import NotSupportedError, connection
from django.db.models import (
    DateTimeField,
    F,
    Func,
    QuerySet,
)
from django.utils import timezone

from .cards import CARD_STATE_FIELDS
from .models import (
    Card,
    ReviewLog,
)


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
    database's insert; one JSON text costs a json.dumps."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    qn = connection.ops.quote_name
    columns = ", ".join(f"{qn(name)} {fields[name].cast_db_type(connection)}" for name in names)
    return f"jsonb_to_recordset(%s::jsonb) AS v({columns})"


def _insert_logs_postgresql(rows: list[dict[str, Any]], *, skip_conflicts: bool) -> list[int]:
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
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn(ReviewLog._meta.db_table)} ({columns}) "
            f"SELECT {columns} FROM {_recordset(ReviewLog, LOG_COLUMNS)}"
            f"{' ON CONFLICT DO NOTHING' if skip_conflicts else ''} RETURNING {qn('id')}",
            [json.dumps(records)],
        )
        # ids grow in row order within one INSERT; RETURNING's own order is not promised
        return sorted(pk for (pk,) in cursor.fetchall())


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
            # ids grow in row order within one INSERT; RETURNING's own order is not promised
            ids += sorted(pk for (pk,) in cursor.fetchall())
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
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {qn('updated_at')} = %s, {assignments} "
                f"FROM {_recordset(Card, ['id', *CARD_STATE_FIELDS])} "
                f"WHERE {table}.{qn('id')} = v.{qn('id')}",
                [now, json.dumps(records)],
            )
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


def fetch_rows(
    statement: tuple[str, Sequence[Any]], *, planned_once: bool = False
) -> list[tuple[Any, ...]]:
    """The rows of one (sql, params) statement, as the driver gives them.

    `planned_once` (a statement of prepared(), whose constants are written into
    its text): on PostgreSQL with prepared statements, the server keeps one plan
    of it for the connection (its generic plan) instead of planning it again for
    every call's values, which it does when it guesses the generic plan dearer;
    for the study queue's candidates (a dozen tables in five windows) that
    planning cost 3-7 ms a call, the execution 1-2 ms (issue 16). The statement is
    sent between `SET plan_cache_mode = force_generic_plan` and its RESET in one
    pipeline: still one round trip, and the setting never outlives the statement
    (an error rolls the SET back with the implicit or open transaction)."""
    with connection.cursor() as cursor:
        if planned_once and _prepares_statements():
            raw = connection.connection
            with connection.wrap_database_errors, raw.pipeline():
                raw.execute("SET plan_cache_mode = force_generic_plan")
                cursor.execute(*statement)
                raw.execute("RESET plan_cache_mode")
        else:
            cursor.execute(*statement)
        return list(cursor.fetchall())


def fetch_together(
    statements: Sequence[tuple[str, Sequence[Any]] | None],
) -> list[list[tuple[Any, ...]]]:
    """The rows of each statement (none for None), as fetch_rows reads them one
    after another; on PostgreSQL with prepared statements, statements that do not
    wait for each other's rows are sent in one pipeline: one round trip for all
    (each still one query; issue 16)."""
    given = [statement for statement in statements if statement is not None]
    if len(given) < 2:
        return [fetch_rows(s) if s is not None else [] for s in statements]
    cursors = [connection.cursor() for _ in given]
    try:
        with ExitStack() as sending:
            if _prepares_statements():
                sending.enter_context(connection.wrap_database_errors)
                sending.enter_context(connection.connection.pipeline())
            for cursor, statement in zip(cursors, given, strict=True):
                cursor.execute(*statement)
        fetched = iter([list(cursor.fetchall()) for cursor in cursors])
    finally:
        for cursor in cursors:
            cursor.close()
    return [next(fetched) if statement is not None else [] for statement in statements]


def _prepares_statements() -> bool:
    """Whether the connection is PostgreSQL's with statements prepared by the
    server (config.settings.base.postgres_options; not with DATABASE_PREPARE_THRESHOLD=off)."""
    if connection.vendor != "postgresql":
        return False
    return getattr(connection.connection, "prepare_threshold", None) is not None


# --- statements compiled once per process -------------------------------------------
# Building a queryset and compiling it costs 1-3 ms of Python per statement (most
# of the study queue's time), though the SQL text only depends on the shape of the
# query. prepared() compiles a shape once, with stand-in values, and later fills in
# the parameters.

_PREPARED: dict[tuple[Any, ...], _Template | None] = {}
_PREPARED_MAX = 2000  # shapes kept (a few per limit and list length in practice)


@dataclass(frozen=True)
class _Slot:
    """Where a named value (or the n-th of a named list) goes among the parameters;
    `adapt`: whether the database form of the value goes there (SQLite's text of a
    datetime)."""

    name: str
    index: int | None
    adapt: bool


def _stand_in(number: int, index: int, value: Any) -> Any:
    """A value of the same type as `value` that no real one equals: an id below
    zero, a date or datetime before 1800, a text starting with a control character."""
    if isinstance(value, datetime):
        return datetime(1700 + number, 1, 1, 0, 0, index, tzinfo=UTC)
    if isinstance(value, date):
        return date(1700 + number, 1, 1) + timedelta(days=index)
    if isinstance(value, int) and not isinstance(value, bool):
        return -(10**12) - number * 10_000 - index
    if isinstance(value, str):
        return f"\x1fstand-in {number} {index}"
    if isinstance(value, uuid.UUID):  # (version 0: no uuid4 a client sends equals it)
        return uuid.UUID(int=(number + 1) * 10_000 + index)
    raise TypeError(f"prepared(): no stand-in for {type(value).__name__}")


def _database_form(value: Any) -> Any:
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    if isinstance(value, uuid.UUID) and not connection.features.has_native_uuid_field:
        return value.hex  # (what UUIDField stores on SQLite)
    return value


@dataclass(frozen=True)
class _Template:
    sql: str
    params: tuple[Any, ...]  # constants, and _Slots where the values go
    converters: Any = None  # a values_list queryset's: Django's per-column converters


def prepared(
    shape: tuple[Any, ...], build: Callable[..., tuple[str, Sequence[Any]]], **values: Any
) -> tuple[str, list[Any]]:
    """(sql, params) of the statement `build(**values)` makes, its SQL compiled once
    per process and shape. `shape` must name everything the SQL text depends on
    besides `values` (flags, limits, which filters apply, the length of a list);
    `values` are ids, dates, aware datetimes and texts (or lists of them) that only
    ever become parameters. A shape whose stand-in values do not all come back as parameters
    (a value written into the SQL text, a slice) is never kept: it is built each
    time."""
    template = _template(shape, build, values)
    if template is None:
        sql, params = build(**values)
        return sql, list(params)
    return template.sql, _params(template, values)


def is_storable_id(value: int) -> bool:
    """Whether `value` fits the database's ids (a statement sent a larger one fails;
    the ORM answers no row)."""
    low, high = connection.ops.integer_field_range("BigIntegerField")
    return (low is None or value >= low) and (high is None or value <= high)


def padded(values: list[Any]) -> list[Any]:
    """`values` repeated up to a power of two long (a list of ids a statement reads
    with IN: a few statement shapes in all, whatever the number of ids)."""
    size = 1
    while size < len(values):
        size *= 2
    return values + values[-1:] * (size - len(values))


def prepared_rows(
    shape: tuple[Any, ...], build: Callable[..., QuerySet[Any]], **values: Any
) -> list[tuple[Any, ...]]:
    """The rows of the values_list queryset `build(**values)` makes (converted as
    Django converts them: datetimes on SQLite, JSON), its SQL compiled once per
    process and shape (see prepared)."""
    template = _template(shape, build, values)
    if template is None:
        return list(build(**values))
    return _converted(template, fetch_rows((template.sql, _params(template, values))))


PreparedCall = tuple[tuple[Any, ...], Callable[..., QuerySet[Any]], dict[str, Any]]


def prepared_rows_together(calls: Sequence[PreparedCall]) -> list[list[tuple[Any, ...]]]:
    """prepared_rows of each (shape, build, values), the statements sent together
    (fetch_together: one round trip on PostgreSQL)."""
    templates = [_template(shape, build, values) for shape, build, values in calls]
    fetched = fetch_together(
        [
            None if template is None else (template.sql, _params(template, values))
            for template, (_, _, values) in zip(templates, calls, strict=True)
        ]
    )
    return [
        list(build(**values)) if template is None else _converted(template, rows)
        for template, rows, (_, build, values) in zip(templates, fetched, calls, strict=True)
    ]


def _converted(template: _Template, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows as Django converts them (datetimes on SQLite, JSON)."""
    if not template.converters:
        return rows
    converted = []
    for row in rows:
        values_of_row = list(row)
        for position, (functions, expression) in template.converters:
            value = values_of_row[position]
            for function in functions:
                value = function(value, expression, connection)
            values_of_row[position] = value
        converted.append(tuple(values_of_row))
    return converted


def _template(
    shape: tuple[Any, ...], build: Callable[..., Any], values: dict[str, Any]
) -> _Template | None:
    key = (connection.alias, connection.vendor, shape)
    try:
        return _PREPARED[key]
    except KeyError:
        template = _compile(build, values)
    if len(_PREPARED) >= _PREPARED_MAX:
        _PREPARED.clear()
    _PREPARED[key] = template  # (threads may compile a shape twice: the same result)
    return template


def _params(template: _Template, values: dict[str, Any]) -> list[Any]:
    params = []
    for slot in template.params:
        if not isinstance(slot, _Slot):
            params.append(slot)
            continue
        value = values[slot.name] if slot.index is None else values[slot.name][slot.index]
        params.append(_database_form(value) if slot.adapt else value)
    return params


def _compile(build: Callable[..., Any], values: dict[str, Any]) -> _Template | None:
    stand_ins: dict[str, Any] = {}
    where: dict[Any, _Slot] = {}
    for number, (name, value) in enumerate(values.items()):
        items = list(value) if isinstance(value, list | tuple) else [value]
        fakes = [_stand_in(number, index, item) for index, item in enumerate(items)]
        stand_ins[name] = fakes if isinstance(value, list | tuple) else fakes[0]
        for index, fake in enumerate(fakes):
            at = index if isinstance(value, list | tuple) else None
            where[fake] = _Slot(name, at, adapt=False)
            database = _database_form(fake)
            if database != fake:
                where[database] = _Slot(name, at, adapt=True)
    converters = None
    try:
        built = build(**stand_ins)
        if isinstance(built, QuerySet):
            compiler = built.query.get_compiler(connection.alias)
            sql, params = compiler.as_sql()
            columns = [column for column, _, _ in compiler.select[: compiler.col_count]]
            converters = list(compiler.get_converters(columns).items())
        else:
            sql, params = built
    except (TypeError, ValueError, EmptyResultSet):  # (a negative slice, an empty list)
        return None
    slots = tuple(where.get(param, param) if _hashable(param) else param for param in params)
    found = {(slot.name, slot.index) for slot in slots if isinstance(slot, _Slot)}
    if found != {(slot.name, slot.index) for slot in where.values()}:
        return None
    if connection.vendor == "postgresql":
        sql, slots = _constants_written(sql, slots)
    return _Template(sql, slots, converters)


_PLACEHOLDER = re.compile(r"%%|%s")


def _literal(value: Any) -> str | None:
    """`value` written as an SQL literal (a whole number, or a text of printable
    characters), None for any other value (it stays a parameter)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"({value})" if value < 0 else str(value)  # ('- -1' would open a comment)
    if isinstance(value, str) and value.isprintable():
        return "'" + value.replace("'", "''").replace("%", "%%") + "'"
    return None


def _constants_written(sql: str, slots: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """The statement with its constant parameters (a status, a state, a zero: not
    the values a call fills in) written into its text. A prepared statement is then
    planned once for good: with `status = $2` the generic plan cannot use a partial
    index on published questions nor estimate a state's rows, so PostgreSQL planned
    the study queue's candidates afresh on every call (3-8 ms; its generic plan read
    every question: 200 ms); with the constants written, the generic plan is the
    custom one without the planning (issue 16)."""
    kept: list[Any] = []
    remaining = iter(slots)

    def write(match: re.Match[str]) -> str:
        if match.group() == "%%":
            return "%%"
        slot = next(remaining)
        literal = None if isinstance(slot, _Slot) else _literal(slot)
        if literal is None:
            kept.append(slot)
            return "%s"
        return literal

    written = _PLACEHOLDER.sub(write, sql)
    if next(remaining, _END) is not _END:  # (placeholders and parameters disagree)
        return sql, slots
    return written, tuple(kept)


_END = object()


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


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
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = [*keys, *fields]
    adapt = connection.ops.adapt_datefield_value
    params: list[Any] = []
    for row in rows:
        params += [adapt(value) if isinstance(value, date) else value for value in row]
    values = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sets = ", ".join(f"{qn(f)} = {table}.{qn(f)} + excluded.{qn(f)}" for f in fields)
    with connection.cursor() as cursor:
        for chunk in _chunks(list(range(len(rows))), rows_per_statement(len(columns))):
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(map(qn, columns))}) "
                f"VALUES {', '.join([values] * len(chunk))} "
                f"ON CONFLICT ({', '.join(map(qn, keys))}) DO UPDATE SET {sets}",
                params[chunk[0] * len(columns) : (chunk[-1] + 1) * len(columns)],
            )
