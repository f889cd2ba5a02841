"""Statements compiled once per process (`prepared`, `prepared_rows`) and read in
as few round trips as the database allows (`fetch_rows`, `fetch_together`): the
SQL text of a queryset depends only on its shape, so each shape is compiled once
and later calls fill in the parameters (issue 16). Here, in config, so that every
app's hot reads may use it (learning's study queue, quizzes' and classes' rows of
the home page); learning.sql gives learning the same names."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet


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
    statements: Sequence[tuple[str, Sequence[Any]] | None], *, planned_once: int = 0
) -> list[list[tuple[Any, ...]]]:
    """The rows of each statement (none for None), as fetch_rows reads them one
    after another; on PostgreSQL with prepared statements, statements that do not
    wait for each other's rows are sent in one pipeline: one round trip for all
    (each still one query; issue 16). The first `planned_once` statements are
    read as fetch_rows(planned_once=True) reads them (their SET and RESET in the
    same pipeline)."""
    given = [statement for statement in statements if statement is not None]
    planned = [at < planned_once for at, s in enumerate(statements) if s is not None]
    if len(given) < 2:
        return [
            fetch_rows(s, planned_once=at < planned_once) if s is not None else []
            for at, s in enumerate(statements)
        ]
    with _send(given, pipelined=_prepares_statements(), planned_once=planned) as cursors:
        fetched = iter([list(cursor.fetchall()) for cursor in cursors])
    return [next(fetched) if statement is not None else [] for statement in statements]


def execute_together(
    statements: Sequence[tuple[str, Sequence[Any]]],
) -> list[list[tuple[Any, ...]] | None]:
    """Run the statements in order (each still one query) and answer each one's rows
    (None for one that returns none: an UPDATE, an INSERT without RETURNING). On
    PostgreSQL with prepared statements they are sent in one pipeline: one round
    trip for all, for statements that do not wait for each other's rows (the
    writes of an answer inside its transaction; issue 16). An error raises when
    the pipeline ends, and the transaction rolls back as it would have."""
    if len(statements) < 2 or not _prepares_statements():
        results: list[list[tuple[Any, ...]] | None] = []
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(*statement)
                results.append(list(cursor.fetchall()) if cursor.description else None)
        return results
    with _send(statements, pipelined=True) as cursors:
        return [list(cursor.fetchall()) if cursor.description else None for cursor in cursors]


_PLAN_SETTING = {True: "SET plan_cache_mode = force_generic_plan", False: "RESET plan_cache_mode"}


@contextmanager
def _send(
    statements: Sequence[tuple[str, Sequence[Any]]],
    *,
    pipelined: bool,
    planned_once: Sequence[bool] = (),
) -> Iterator[list[Any]]:
    """A cursor per statement, each statement executed on its own (its rows read
    later), closed when the block ends. `pipelined` (PostgreSQL with prepared
    statements): all are sent in one pipeline, one round trip; an error raises
    when the pipeline ends, as Django's database error; a statement whose
    `planned_once` flag is set is sent between the SET and the RESET of
    fetch_rows(planned_once=True) (one SET and one RESET around statements so
    flagged that follow each other)."""
    cursors = [connection.cursor() for _ in statements]
    once = [*planned_once, *[False] * (len(statements) - len(planned_once))]
    try:
        with ExitStack() as sending:
            if pipelined:
                sending.enter_context(connection.wrap_database_errors)
                sending.enter_context(connection.connection.pipeline())
            forced = False
            for cursor, statement, generic in zip(cursors, statements, once, strict=True):
                if pipelined and generic != forced:
                    connection.connection.execute(_PLAN_SETTING[generic])
                    forced = generic
                cursor.execute(*statement)
            if forced:
                connection.connection.execute(_PLAN_SETTING[False])
        yield cursors
    finally:
        for cursor in cursors:
            cursor.close()


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
    return fetch_with_prepared([], calls)[1]


def fetch_with_prepared(
    statements: Sequence[tuple[str, Sequence[Any]] | None],
    calls: Sequence[PreparedCall],
    *,
    planned_once: bool = False,
) -> tuple[list[list[tuple[Any, ...]]], list[list[tuple[Any, ...]]]]:
    """(fetch_together's rows of `statements`, prepared_rows_together's of `calls`),
    all sent together: one round trip on PostgreSQL; `planned_once`: `statements`
    are read as fetch_rows(planned_once=True) reads them."""
    templates = [_template(shape, build, values) for shape, build, values in calls]
    fetched = fetch_together(
        [
            *statements,
            *(
                None if template is None else (template.sql, _params(template, values))
                for template, (_, _, values) in zip(templates, calls, strict=True)
            ),
        ],
        planned_once=len(statements) if planned_once else 0,
    )
    prepared = fetched[len(statements) :]
    return fetched[: len(statements)], [
        list(build(**values)) if template is None else _converted(template, rows)
        for template, rows, (_, build, values) in zip(templates, prepared, calls, strict=True)
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
