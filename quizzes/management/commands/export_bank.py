"""Write a question bank to a file: Anki .apkg, CSV, JSON, Moodle GIFT or Moodle XML."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quizzes.interop import FORMATS, bank_export
from quizzes.models import QuestionBank


class Command(BaseCommand):
    help = "Export a question bank (its questions that are not archived) to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bank_id", type=int, help="The id of the bank.")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument("--output", required=True, help="The file to write ('-' for stdout).")

    def handle(self, *args: Any, bank_id: int, fmt: str, output: str, **options: Any) -> None:
        bank = QuestionBank.objects.select_related("article").filter(pk=bank_id).first()
        if bank is None:
            raise CommandError(f"No question bank with id {bank_id}.")
        data = bank_export(bank=bank, fmt=fmt)
        if output == "-":
            if fmt == "apkg":
                raise CommandError("An .apkg is binary: give --output PATH.")
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(f"The folder {path.parent} does not exist.")
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from error
        count = bank.questions.live().count()
        self.stdout.write(
            self.style.SUCCESS(f"Wrote “{bank.title}” ({count} questions, {fmt}) to {path}.")
        )
