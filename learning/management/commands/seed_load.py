"""`manage.py seed_load --students N --cards M [--password P]`: the load-test data set."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learning.load_seed import DEFAULT_PASSWORD, load_username, seed_load


class Command(BaseCommand):
    help = (
        "Create students load-0001... (password --password) with --cards cards each over the "
        "published 'Load test' bank, a tenth of them with FSRS histories of a real student's shape (study days, "
        "streak, reviews per day). Says how long seeding took. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--students", type=int, required=True)
        parser.add_argument("--cards", type=int, required=True)
        parser.add_argument("--password", default=DEFAULT_PASSWORD)
        parser.add_argument(
            "--reviewed-fraction",
            type=float,
            default=0.1,
            help="Share of each student's cards that have a review history (default 0.1).",
        )
        parser.add_argument(
            "--logs-per-card",
            type=int,
            default=10,
            help="Most reviews in a reviewed card's history (default 10).",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days of history (default: enough for ~20 new cards per study day).",
        )
        parser.add_argument(
            "--streak",
            type=int,
            default=30,
            help="load-0001's current streak of study days, up to today (default 30).",
        )
        parser.add_argument(
            "--quizzes",
            type=int,
            default=0,
            help="Finished quizzes of ten questions per student (default 0).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = seed_load(
                students=options["students"],
                cards=options["cards"],
                password=options["password"],
                reviewed_fraction=options["reviewed_fraction"],
                logs_per_card=options["logs_per_card"],
                days=options["days"],
                streak=options["streak"],
                quizzes=options["quizzes"],
                progress=self.stdout.write if options["verbosity"] > 1 else None,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        last = load_username(options["students"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Load data ready (load-0001 … {last}, bank #{result.bank_id}): {result.summary()}."
            )
        )
