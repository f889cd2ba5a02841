"""The PostgreSQL cursor: parameters bound by the server (so statements can be
prepared: config.settings.base.postgres_options), except a statement with more
parameters than the protocol carries (65,535: a long `id__in` list, a large
bulk_create), whose parameters are merged into its text by the client as Django's
default cursor does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import psycopg
import psycopg._queries  # (its limits raised below)

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


class ServerBindingOrMergingCursor(_ServerBindingCursor):
    """Django's server-binding cursor that merges the parameters of a statement
    the server could not be sent (client-side, never prepared)."""

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
