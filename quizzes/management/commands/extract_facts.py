"""`manage.py extract_facts PATH [--published YYYY-MM-DD] [--json]`: what the extractor finds.

With --json it prints exactly one JSON object (Facts.to_contract()) on stdout and
nothing else: quotes with speakers and offsets, country links, dated events. This is
the contract the evaluation scripts read. Bad input gives one line on stderr and a
non-zero exit; nothing is written anywhere.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quizzes.extraction import extract
from quizzes.extraction.facts import Facts

MAX_CHARS = 1_000_000  # spaCy's own limit for one text


def read_article(path: str) -> str:
    """The file's text as Python reads it in text mode (universal newlines), or CommandError."""
    text = _decoded(path, _file_bytes(path))
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\f\v")
    if controls > max(2, len(text) // 100):
        raise CommandError(f"{path}: binary data, not a text article.")
    if not any(c.isalpha() for c in text):
        raise CommandError(f"{path}: no words in the file.")
    if len(text) > MAX_CHARS:
        raise CommandError(f"{path}: too long ({len(text)} characters; the limit is {MAX_CHARS}).")
    return text


def _file_bytes(path: str) -> bytes:
    """The bytes of a regular, readable, non-empty file."""
    file = Path(path)
    if not file.exists():
        raise CommandError(f"{path}: no such file.")
    if not file.is_file():
        raise CommandError(f"{path}: not a regular file.")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror}).") from exc
    if not data.strip():
        raise CommandError(f"{path}: the file is empty.")
    return data


def _decoded(path: str, data: bytes) -> str:
    """UTF-8 text with its line ends made "\\n"; a NUL byte means it is no text."""
    if b"\x00" in data:
        raise CommandError(f"{path}: binary data, not a text article.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text (bad byte at offset {exc.start}).") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--published: {value!r} is not a date in the form YYYY-MM-DD."
        ) from None


class Command(BaseCommand):
    help = "Extract quotes and speakers, country links and dated events from an article file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a UTF-8 plain-text news article")
        parser.add_argument(
            "--published",
            help="publication date YYYY-MM-DD, resolves 'last week', 'earlier this month'",
        )
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object (the stable contract)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        published = parse_published(options["published"])
        text = read_article(options["path"])
        facts = extract(text, published=published)
        if options["json"]:
            self.stdout.write(json.dumps(facts.to_contract(), ensure_ascii=True))
        else:
            self.stdout.write(summary(facts))


def summary(facts: Facts) -> str:
    lines = [f"Quotes ({len(facts.quotes)}):"]
    for q in facts.quotes:
        text = q.text if len(q.text) <= 90 else q.text[:87] + "..."
        lines.append(f"  {q.speaker or '(no speaker)'}: “{text}”")
    lines.append(f"Countries ({len(facts.countries)}):")
    lines += [f"  {c.subject} -> {c.country}" for c in facts.countries]
    lines.append(f"Events ({len(facts.events)}):")
    lines += [f"  {e.when} [{e.date or '?'}]: {e.event}" for e in facts.events]
    lines.append(f"People ({len(facts.people)}):")
    lines += [f"  {p.name}" + (f", {p.role}" if p.role else "") for p in facts.people]
    return "\n".join(lines)
