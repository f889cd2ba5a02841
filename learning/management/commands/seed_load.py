"""`manage.py seed_load --students N --cards M [--password P]`: the load-test data set."""

from django.core.management.base import BaseCommand, CommandError

from learning.load_seed import DEFAULT_PASSWORD, load_username, seed_load


class Command(BaseCommand):
    help = (
        "Create students load-0001... (password --password) with --cards cards each over the "
        "published 'Load test' bank, a tenth of them with ~10 FSRS reviews. Idempotent."
    )

    def add_arguments(self, parser):
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
            help="Average number of reviews in a reviewed card's history (default 10).",
        )

    def handle(self, *args, **options):
        try:
            result = seed_load(
                students=options["students"],
                cards=options["cards"],
                password=options["password"],
                reviewed_fraction=options["reviewed_fraction"],
                logs_per_card=options["logs_per_card"],
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
