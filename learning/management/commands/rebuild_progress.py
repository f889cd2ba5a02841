"""Recount the progress aggregates (reviews per study day, cards per bank, finished
quizzes per bank) from the review log, the cards and the quizzes; idempotent, in one
transaction.

manage.py rebuild_progress                    # every user with a card
manage.py rebuild_progress --user stella      # one user (repeat --user for more)
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learning import services


class Command(BaseCommand):
    help = (
        "Recount reviews per study day, cards per bank and finished quizzes per bank "
        "from the log, the cards and the quizzes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--user", action="append", help="Username (repeatable); default: every user."
        )

    def handle(self, *args: Any, user: list[str] | None = None, **options: Any) -> None:
        try:
            written = services.progress_rebuild(usernames=user)
        except LookupError as error:
            raise CommandError(str(error.args[0])) from None
        self.stdout.write(
            f"Progress rebuilt for {written['users']} users: "
            f"{written['days']} study days, {written['banks']} bank tallies, "
            f"{written['quizzes']} quiz tallies."
        )
