"""Fit FSRS parameters from users' own review histories.

manage.py optimize_parameters                 # every user with enough new reviews (cron,
                                              # without a broker: answers never fit inline)
manage.py optimize_parameters --user stella   # one user
manage.py optimize_parameters --user stella --force
manage.py optimize_parameters --user stella --reset   # back to the defaults
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from learning import optimizer, services


class Command(BaseCommand):
    help = "Fit per-user FSRS parameters (fsrs-rs-python) from review history."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", help="Username; default: every user with enough reviews.")
        parser.add_argument("--force", action="store_true", help="Fit even if fitted recently.")
        parser.add_argument(
            "--reset", action="store_true", help="Go back to the default parameters."
        )

    def handle(
        self,
        *args: Any,
        user: str | None = None,
        force: bool = False,
        reset: bool = False,
        **options: Any,
    ) -> None:
        User = get_user_model()
        if user:
            users = list(User.objects.filter(username=user))
            if not users:
                raise CommandError(f"No user named “{user}”.")
        else:
            if reset:
                raise CommandError("--reset needs --user.")
            users = services.users_due_for_fit(force=force)
        for person in users:
            if reset:
                services.parameters_reset(user=person)
                self.stdout.write(f"{person.username}: default parameters")
                continue
            outcome = services.parameters_optimize(user=person, force=force)
            if outcome["fitted"]:
                self.stdout.write(f"{person.username}: fitted on {outcome['reviews']} reviews")
            else:
                self.stdout.write(f"{person.username}: not fitted ({outcome['reason']})")
        if not users:
            self.stdout.write(
                f"No user has {optimizer.MIN_REVIEWS} reviews yet."
                if force
                else "No user is due for a fit."
            )
