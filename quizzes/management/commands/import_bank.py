"""Create a question bank from a file: Anki .apkg, CSV, JSON, Moodle GIFT or Moodle XML."""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from quizzes.interop import FORMATS, ImportProblems, bank_import


class Command(BaseCommand):
    help = (
        "Import a question bank from a file as a new draft bank. Everything is checked first: "
        "on any problem the problems are listed (with line numbers) and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file to read.")
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            dest="fmt",
            help="Default: guessed from the extension, then from the content.",
        )
        parser.add_argument(
            "--bank", dest="title", help="Title of the new bank (default: from the file)."
        )
        parser.add_argument(
            "--owner",
            help="Username of the teacher who owns the new bank (default: the first superuser).",
        )

    def handle(
        self,
        *args: Any,
        path: str,
        fmt: str | None,
        title: str | None,
        owner: str | None,
        **options: Any,
    ) -> None:
        User = get_user_model()
        if owner:
            user = User.objects.filter(username=owner).first()
            if user is None:
                raise CommandError(f"No user named {owner!r}.")
        else:
            user = User.objects.filter(is_superuser=True, is_active=True).order_by("id").first()
            if user is None:
                raise CommandError("No superuser exists: give --owner USERNAME.")
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        try:
            result = bank_import(
                data=data, fmt=fmt, owner=user, bank_title=title, filename=file.name
            )
        except ImportProblems as error:
            for problem in error.problems:
                self.stderr.write(f"{file.name}: {problem}")
            raise CommandError(
                f"{len(error.problems)} problem(s) in {file.name}; nothing was imported."
            ) from error
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"{file.name}: {warning}"))
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(result.counts_by_kind.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.created} question(s) ({kinds}) into draft bank "
                f"“{result.bank.title}” (#{result.bank.pk}), owned by {user.username}."
            )
        )
