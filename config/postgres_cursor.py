"""The PostgreSQL cursor: parameters bound by the server (so statements can be
prepared: config.settings.base.postgres_options), except a statement with more
parameters than the protocol carries (65,535: a long `id__in` list, a large
bulk_create), whose parameters are merged into its text by the client as Django's
default cursor does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg

if TYPE_CHECKING:  # (Django defines its cursors only when psycopg 3 is installed)
    _ServerBindingCursor = psycopg.Cursor[Any]
else:
    from django.db.backends.postgresql.base import ServerBindingCursor as _ServerBindingCursor

# Bind messages count their parameters in 16 bits.
SERVER_PARAMETERS_MAX = 65_535


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
