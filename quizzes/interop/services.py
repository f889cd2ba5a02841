"""Export and import of whole question banks: the only place where the
interop formats meet the models. Admin, API and commands all call these."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from quizzes.models import (
    Article,
    BankStatus,
    Choice,
    Question,
    QuestionBank,
    QuestionOrigin,
    Tag,
    article_stored_by,
    choices_in_storage_order,
)
from quizzes.permissions import is_teacher

from . import apkg, csv_format, gift, json_format, moodle_xml
from .checks import check_questions
from .data import BankData, ChoiceData, ParsedBank, Problem, QuestionData, SourceData

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class _Format(Protocol):
    """What each format module offers: a bank written to bytes, and read back."""

    def dump(self, bank: BankData) -> bytes: ...

    def load(self, data: bytes) -> ParsedBank: ...


FORMATS: dict[str, _Format] = {
    "apkg": apkg,
    "csv": csv_format,
    "json": json_format,
    "gift": gift,
    "moodle-xml": moodle_xml,
}
FORMAT_LABELS = {
    "apkg": "Anki package (.apkg)",
    "csv": "CSV",
    "json": "JSON",
    "gift": "Moodle GIFT",
    "moodle-xml": "Moodle XML",
}
EXTENSIONS = {"apkg": "apkg", "csv": "csv", "json": "json", "gift": "gift.txt", "moodle-xml": "xml"}
CONTENT_TYPES = {
    "apkg": "application/octet-stream",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "gift": "text/plain; charset=utf-8",
    "moodle-xml": "application/xml",
}
_BY_SUFFIX = {
    ".apkg": "apkg",
    ".colpkg": "apkg",
    ".csv": "csv",
    ".json": "json",
    ".gift": "gift",
    ".txt": "gift",
    ".xml": "moodle-xml",
}
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportProblems(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems: list[Problem], warnings: list[str] | None = None):
        self.problems = problems
        self.warnings = warnings or []
        super().__init__("; ".join(str(p) for p in problems[:5]))

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


@dataclass
class ImportResult:
    bank: QuestionBank
    format: str
    created: int
    counts_by_kind: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    article_linked: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "bank": self.bank.pk,
            "title": self.bank.title,
            "format": self.format,
            "created": self.created,
            "counts_by_kind": self.counts_by_kind,
            "warnings": self.warnings,
            "article": self.bank.article_id,
        }


# ---------------------------------------------------------------- export


def bank_to_data(*, bank: QuestionBank) -> BankData:
    """A bank and its live (not archived) questions as plain data."""
    article = bank.article
    questions = bank.questions.live().prefetch_related("choices").order_by("position", "id")
    data = BankData(
        title=bank.title,
        description=bank.description,
        tags=[t.name for t in bank.tags.all()],
        ref=str(bank.pk),
        source=None
        if article is None
        else SourceData(
            title=article.title,
            url=article.url,
            publisher=article.publisher,
            published_on=article.published_on.isoformat() if article.published_on else "",
            text=article.text,
        ),
    )
    for question in questions:
        start, end = question.evidence_start, question.evidence_end
        evidence = ""
        if article is not None and start is not None and end is not None:
            evidence = article.text[start:end]
        data.questions.append(
            QuestionData(
                kind=question.kind,
                prompt=question.prompt,
                answer=question.answer,
                explanation=question.explanation,
                status=question.status,
                difficulty=question.difficulty,
                position=question.position,
                fingerprint=question.fingerprint,
                evidence=evidence,
                evidence_start=start,
                evidence_end=end,
                choices=[
                    ChoiceData(text=c.text, is_correct=c.is_correct, position=c.position)
                    for c in question.choices.all()
                ],
                ref=str(question.pk),
            )
        )
    return data


def bank_export(*, bank: QuestionBank, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return FORMATS[fmt].dump(bank_to_data(bank=bank))


def export_filename(*, bank: QuestionBank, fmt: str) -> str:
    return f"{slugify(bank.title) or 'bank'}-{bank.pk}.{EXTENSIONS[fmt]}"


# ---------------------------------------------------------------- import


def guess_format(*, data: bytes, filename: str | None = None) -> str | None:
    """The format from the file name's extension, else from the first bytes."""
    if filename:
        suffix = PurePath(filename.lower()).suffix
        if suffix in _BY_SUFFIX:
            return _BY_SUFFIX[suffix]
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return "apkg"
    if b"\x00" in head:
        return None
    return _text_format(head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n"))


def _text_format(text: str) -> str | None:
    """The format of a text file from its start: JSON, Moodle XML, our CSV, GIFT."""
    if text.startswith(("{", "[")):
        return "json"
    if text.startswith("<"):
        return "moodle-xml"
    first_line = text.split("\n", 1)[0].lower()
    if "kind" in first_line and "prompt" in first_line and "," in first_line:
        return "csv"
    if "{" in text and "}" in text or text.startswith(("//", "::", "$CATEGORY")):
        return "gift"
    return None


def _parse(*, data: bytes, fmt: str | None, filename: str | None) -> tuple[str, ParsedBank]:
    if not data:
        raise ImportProblems([Problem("The file is empty.")])
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblems(
            [Problem(f"The file is {len(data):,} bytes; the limit is {MAX_IMPORT_BYTES:,}.")]
        )
    if fmt is None:
        fmt = guess_format(data=data, filename=filename)
        if fmt is None:
            message = (
                "This file is binary, not a question bank."
                if b"\x00" in data[:4096]
                else "Cannot tell the format of this file; choose one of "
                + ", ".join(FORMATS)
                + "."
            )
            raise ImportProblems([Problem(message, field="format")])
    if fmt not in FORMATS:
        raise ImportProblems(
            [Problem(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.", field="format")]
        )
    if fmt != "apkg" and data[:4] == b"PK\x03\x04":
        raise ImportProblems([Problem(f"This is a zip archive, not a {FORMAT_LABELS[fmt]} file.")])
    return fmt, FORMATS[fmt].load(data)


def _article_for(source: SourceData | None, parsed: ParsedBank, owner: User) -> Article | None:
    """The owner's existing article (same text, else same URL) or a new unsaved one;
    None if unknown."""
    if source is None:
        return None
    if source.text.strip():
        existing = article_stored_by(owner=owner, text=source.text)
        if existing is not None:  # the importer's own copy; never another teacher's
            return existing
        return _article_new(source, parsed, owner)
    if source.url:
        return Article.objects.filter(url=source.url).order_by("id").first()
    return None


def _published_on(source: SourceData, parsed: ParsedBank) -> dt.date | None:
    """The source's publication date; None (with a problem) when it is not a date."""
    if not source.published_on:
        return None
    try:
        return dt.date.fromisoformat(source.published_on)
    except ValueError:
        parsed.problem(
            f"published_on {source.published_on!r} is not a YYYY-MM-DD date.",
            field="article",
        )
        return None


def _article_new(source: SourceData, parsed: ParsedBank, owner: User) -> Article | None:
    """A new unsaved article from the source's text; None (with problems) when invalid."""
    if len(source.text.encode("utf-8")) > settings.ARTICLE_MAX_BYTES:
        parsed.problem(
            f"The article text is over the {settings.ARTICLE_MAX_BYTES:,}-byte limit.",
            field="article",
        )
        return None
    article = Article(
        title=(source.title or parsed.bank.title or "Imported article")[:300],
        publisher=source.publisher[:200],
        url=source.url,
        published_on=_published_on(source, parsed),
        text=source.text.strip(),
        created_by=owner,
    )
    try:
        article.full_clean(exclude=["checksum", "created_by"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                parsed.problem(message, field=f"article.{name}")
        return None
    return article


def _check_evidence(parsed: ParsedBank, article: Article | None, where: str) -> None:
    """Keep evidence spans only where they point at the same sentence of the article."""
    text = article.text if article is not None else None
    dropped = 0
    for q in parsed.bank.questions:
        if q.evidence_start is None or q.evidence_end is None:
            continue
        ok = (
            text is not None
            and 0 <= q.evidence_start <= q.evidence_end <= len(text)
            and (not q.evidence or text[q.evidence_start : q.evidence_end] == q.evidence)
        )
        if not ok:
            q.evidence_start = q.evidence_end = None
            dropped += 1
    if dropped:
        parsed.warn(
            f"{dropped} evidence span(s) dropped: the article they point into is not "
            "in this file or on this site (the evidence text stays in the file)."
        )


def bank_import(
    *,
    data: bytes,
    fmt: str | None,
    owner: User,
    bank_title: str | None = None,
    filename: str | None = None,
) -> ImportResult:
    """Create a new draft bank owned by `owner` from a file. Everything is
    checked first; any problem raises ImportProblems and nothing is written."""
    if not is_teacher(owner):
        raise ImportProblems([Problem(f"{owner} is not a teacher.", field="owner")])
    fmt, parsed = _parse(data=data, fmt=fmt, filename=filename)
    where = "note" if fmt == "apkg" else "line"
    title = (bank_title or "").strip() or parsed.bank.title.strip()
    if not title and filename:
        title = PurePath(filename).name.split(".")[0].replace("_", " ").strip()
    parsed.bank.title = title or "Imported bank"
    check_questions(parsed, where=where)
    article = _article_for(parsed.bank.source, parsed, owner)
    if parsed.problems:
        problems = sorted(parsed.problems, key=lambda p: p.line or 0)  # stable: file order
        raise ImportProblems(problems, parsed.warnings)
    _check_evidence(parsed, article, where)
    return _write(parsed=parsed, fmt=fmt, owner=owner, article=article)


def _tags(names: list[str]) -> list[Tag]:
    """Existing tags by name or slug, new ones otherwise (names without a slug are skipped)."""
    tags: dict[int, Tag] = {}
    for name in dict.fromkeys(n[:60] for n in names):
        slug = slugify(name)[:60]
        if not slug:
            continue
        tag = Tag.objects.filter(Q(name=name) | Q(slug=slug)).first()
        if tag is None:
            tag = Tag.objects.create(name=name, slug=slug)
        tags[tag.pk] = tag
    return list(tags.values())


@transaction.atomic
def _write(*, parsed: ParsedBank, fmt: str, owner: User, article: Article | None) -> ImportResult:
    if article is not None and article.pk is None:
        article.save()
    data = parsed.bank
    bank = QuestionBank.objects.create(
        title=data.title,
        description=data.description,
        owner=owner,
        article=article,
        status=BankStatus.DRAFT,
    )
    if data.tags:
        bank.tags.set(_tags(data.tags))
    questions = [
        Question(
            bank=bank,
            kind=q.kind,
            prompt=q.prompt,
            answer=q.answer,
            explanation=q.explanation,
            status=q.status,
            origin=QuestionOrigin.IMPORTED,
            difficulty=q.difficulty,
            position=index,
            fingerprint=q.fingerprint,
            evidence_start=q.evidence_start,
            evidence_end=q.evidence_end,
        )
        for index, q in enumerate(data.questions, start=1)
    ]
    if connection.features.can_return_rows_from_bulk_insert:
        Question.objects.bulk_create(questions)
    else:  # pragma: no cover - old SQLite
        for question in questions:
            question.save()
    Choice.objects.bulk_create(
        Choice(question=question, text=c.text, is_correct=c.is_correct, position=c.position)
        for question, q in zip(questions, data.questions, strict=True)
        for c in choices_in_storage_order(q.kind, q.ordered_choices, text=lambda c: c.text)
    )
    return ImportResult(
        bank=bank,
        format=fmt,
        created=len(questions),
        counts_by_kind=dict(Counter(q.kind for q in data.questions)),
        warnings=parsed.warnings,
        article_linked=article is not None,
    )
