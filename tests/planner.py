"""The planner statistics a test pinning a plan is measured under, on PostgreSQL.

ANALYZE's sizes of a table (pg_class) outlive the test transaction that took them
(seed_load's, at the end of its load), unlike its histograms: a plan measured in
whatever state an earlier test left would depend on the order of the tests. A pin
is measured instead in each of STATISTICS, on tables emptied first (TRUNCATE, in
the test's transaction: new files, without the sizes an earlier test's ANALYZE left
nor the pages its rolled-back rows grew the tables and indexes by; the test then
makes its rows): "fresh", the tables as a new database has them (no statistics of
their size), and "analyzed", ANALYZE's of the test's own rows, taken before each
measured read. SQLite keeps no statistics unless asked (nothing to do)."""

from django.db import connection

STATISTICS = ("fresh", "analyzed")
# the tables the pinned reads plan over (TRUNCATE ... CASCADE empties their
# dependants too: none holds a row before a test makes its own)
PLANNED_TABLES = (
    "learning_banktally",
    "learning_card",
    "learning_studyday",
    "quizzes_question",
    "quizzes_questionbank",
)


def tables_emptied() -> None:
    """Before the test makes its rows, in either state."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(PLANNED_TABLES)} CASCADE")


def statistics_taken(statistics: str | None) -> None:
    """Before a measured read: ANALYZE the tables in the "analyzed" state."""
    if statistics == "analyzed" and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in PLANNED_TABLES:
                cursor.execute(f"ANALYZE {table}")
