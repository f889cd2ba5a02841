"""The PostgreSQL cursor: parameters bound by the server (so statements can be
prepared: config.settings.base.postgres_options), except a statement with more
parameters than the protocol carries (65,535: a long `id__in` list, a large
bulk_create), whose parameters are merged into its text by the client as Django's
default cursor does; and its connection's timestamps read by the C parser of ISO
dates (`FastTimestamptzLoader`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

import psycopg
import psycopg._queries  # (its limits raised below)
from psycopg.abc import AdaptContext
from psycopg.adapt import Buffer, Loader
from psycopg.pq import Format

if TYPE_CHECKING:  # (Django defines its cursors only when psycopg 3 is installed)
    _ServerBindingCursor = psycopg.Cursor[Any]
else:
    from django.db.backends.postgresql.base import ServerBindingCursor as _ServerBindingCursor

# Bind messages count their parameters in 16 bits.
SERVER_PARAMETERS_MAX = 65_535

# psycopg converts a statement's text (%s -> $n) once and keeps it (an LRU of 128)
# only for statements up to 4,096 characters and 50 parameters: longer ones are
# converted again on every call. The study queue's candidates (5,600 characters)
# and the facts it studied today (padded id lists: up to 200 parameters) are such
# statements, run on every request; their conversion was a tenth of the queue's
# Python time (issue 16). Statements compiled once per process (learning.sql.prepared)
# come in a few shapes each, so the cache keeps them; a long INSERT of many rows
# (thousands of parameters) still is never kept.
CACHED_STATEMENT_LENGTH_MAX = 16_384
CACHED_STATEMENT_PARAMETERS_MAX = 512
_queries = cast(Any, psycopg)._queries
_queries.MAX_CACHED_STATEMENT_LENGTH = max(
    _queries.MAX_CACHED_STATEMENT_LENGTH, CACHED_STATEMENT_LENGTH_MAX
)
_queries.MAX_CACHED_STATEMENT_PARAMS = max(
    _queries.MAX_CACHED_STATEMENT_PARAMS, CACHED_STATEMENT_PARAMETERS_MAX
)


TIMESTAMPTZ_OID = 1184
_from_iso = datetime.fromisoformat
# psycopg's default timestamptz loader: its C parser with psycopg[binary] (a class
# that cannot be subclassed, nor given Django's `timezone`: used through an instance).
_PSYCOPG_LOADER = psycopg.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
_PSYCOPG_LOADER_IN_C = psycopg.pq.__impl__ != "python"


def _c_load(oid: int, context: AdaptContext | None) -> Callable[[Buffer], datetime] | None:
    """psycopg's own loader of text timestamps, which parses in C and gives the
    session's time zone: on a UTC session (or none) `UTC` itself, the same datetime
    as LoadedInUtc.load, or the same DataError (infinity, BC). Its C method is then
    called for each value, no Python frame (~220 values a study queue request, its
    candidates' and cards' due and last review: reading its rows took 0.36 -> 0.31
    ms of CPU; issue 16). None without psycopg's C extension or in another zone."""
    session = None if context is None else context.connection
    if _PSYCOPG_LOADER is None or not _PSYCOPG_LOADER_IN_C:
        return None
    if session is not None and session.info.timezone is not UTC:
        return None
    return cast(Callable[[Buffer], datetime], _PSYCOPG_LOADER(oid, context).load)


class _ParsedInCWhenUtc:
    """A loader whose instances read with _c_load's C method when they can."""

    def __init__(self, oid: int, context: AdaptContext | None = None) -> None:
        super().__init__(oid, context)  # type: ignore[call-arg]  # the loader's, next in its MRO
        c_load = _c_load(oid, context)
        if c_load is not None:
            self.__dict__["load"] = c_load  # (the instance's own, over the class's method)


class FastTimestamptzLoader:
    """The mark of the loaders made by fast_timestamptz_loader."""


def fast_timestamptz_loader(django_loader: Any) -> type[Loader]:
    """Django's timestamptz loader (psycopg's pure-Python parser, then the tzinfo
    set to the connection's time zone) with a fast path for what PostgreSQL writes
    in a session whose TimeZone is UTC (Django sets it so): `2026-12-06
    01:02:03.123456+00`, read by `datetime.fromisoformat` (C) and given the same
    tzinfo. Any other text (another offset, BC, infinity) goes to Django's loader:
    the same value or error either way. A third of the study queue's Python time
    was ~300 timestamps parsed at 15 us each (issue 16); 5 us so. In UTC (Django's
    connections) the parsed value already holds `UTC` itself: no `replace`, which
    cost four times the parse (0.5 ms a queue request)."""
    timezone = getattr(django_loader, "timezone", None)

    class Loaded(django_loader, FastTimestamptzLoader):  # type: ignore[misc]
        def load(self, data: Buffer) -> datetime:
            text = str(data, "ascii", "replace")
            if text.endswith("+00"):
                try:
                    return _from_iso(text).replace(tzinfo=timezone)
                except ValueError:
                    pass
            return cast(datetime, super().load(data))

    class LoadedInUtc(_ParsedInCWhenUtc, Loaded):
        def load(self, data: Buffer) -> datetime:
            text = str(data, "ascii", "replace")
            if text.endswith("+00"):
                try:
                    return _from_iso(text)  # (its tzinfo: `UTC`, the one object)
                except ValueError:
                    pass
            return cast(datetime, super(Loaded, self).load(data))

    return cast(type[Loader], LoadedInUtc if timezone is UTC else Loaded)


def _fast_timestamps(connection: psycopg.Connection[Any]) -> None:
    """Put the fast loader over the connection's timestamptz loader (Django's, for
    its time zone), once per connection."""
    current = connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if current is not None and not issubclass(current, FastTimestamptzLoader):
        connection.adapters.register_loader(TIMESTAMPTZ_OID, fast_timestamptz_loader(current))


class ServerBindingOrMergingCursor(_ServerBindingCursor):
    """Django's server-binding cursor that merges the parameters of a statement
    the server could not be sent (client-side, never prepared); the connection
    reads timestamps with FastTimestamptzLoader."""

    def __init__(self, connection: psycopg.Connection[Any], *args: Any, **kwargs: Any) -> None:
        _fast_timestamps(connection)
        super().__init__(connection, *args, **kwargs)

    def execute(
        self,
        query: Any,
        params: Any = None,
        *,
        prepare: bool | None = None,
        binary: bool | None = None,
    ) -> Any:
        if params is not None and len(params) > SERVER_PARAMETERS_MAX:
            merged = psycopg.ClientCursor(self.connection).mogrify(query, params)
            return super().execute(merged, None, prepare=False, binary=binary)
        return super().execute(query, params, prepare=prepare, binary=binary)
