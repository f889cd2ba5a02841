"""Bulk writing by PostgreSQL's COPY, shared by the apps' load-test seeders
(quizzes.load_bank writes the benchmark's bank, learning.load_seed its students'
cards and histories): rows in the column order of a model's concrete fields, ids
reserved from the table's sequence. PostgreSQL only; elsewhere callers use
bulk_create."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, cast

from django.db import connection, models


class CopyRows:
    """Rows for one table in the column order of the model's concrete fields;
    fields the seeder does not know get their model default."""

    def __init__(self, model: type[models.Model], *, with_id: bool) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        self.columns = [cast(str, f.column) for f in self.fields]
        self._defaults: dict[str, Any] = {}
        for f in self.fields:
            if f.has_default():
                value = f.get_default()
                is_json = isinstance(f, models.JSONField)
                self._defaults[f.attname] = json.dumps(value) if is_json else value
            else:  # "" for text fields that may be blank, None otherwise
                self._defaults[f.attname] = f.get_default()

    def row(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            values[f.attname] if f.attname in values else self._defaults[f.attname]
            for f in self.fields
        )


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` ids from the model's table sequence (for rows written by COPY with ids)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [int(row[0]) for row in cursor.fetchall()]


def copy_rows(rows: CopyRows, values: Iterable[dict[str, Any]]) -> int:
    """COPY `values` into the rows' table; the number of rows written."""
    table = connection.ops.quote_name(rows.model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in rows.columns)
    written = 0
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for value in values:
            copy.write_row(rows.row(value))
            written += 1
    return written


def analyze(model_list: Iterable[type[models.Model]]) -> None:
    """Fresh planner statistics for the models' tables (after a bulk load)."""
    with connection.cursor() as cursor:
        for model in model_list:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
