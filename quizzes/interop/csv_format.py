"""CSV: one row per question, the choices in columns choice_1…choice_N.

Columns (header row required, any order; only `kind` and `prompt` are required):
id, kind, status, difficulty, prompt, answer, explanation, evidence,
evidence_start, evidence_end, fingerprint, source_url, correct, choice_1, choice_2, …

Text cells that a spreadsheet would run as a formula (starting with = + - @, a
tab or a carriage return) are written with a leading apostrophe (OWASP's advice
against CSV injection); import removes that apostrophe again, so a round trip
keeps the text.

`correct` holds the number of the correct choice (1 = choice_1); several
numbers separated by ";" are read (and refused for single-answer kinds). For
timeline (ordering) questions the choice columns are the items in their
correct order and `correct` stays empty. See docs/formats.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from config.csv_cells import FORMULA_STARTS, csv_safe_cell

from .data import (
    MULTIPLE_CHOICE_KINDS,
    BankData,
    ChoiceData,
    ParsedBank,
    QuestionData,
    SourceData,
    decode_text,
    fill_answer,
)

BASE_COLUMNS = [
    "id",
    "kind",
    "status",
    "difficulty",
    "prompt",
    "answer",
    "explanation",
    "evidence",
    "evidence_start",
    "evidence_end",
    "fingerprint",
    "source_url",
    "correct",
]
REQUIRED_COLUMNS = ("kind", "prompt")
_CHOICE_COLUMN = re.compile(r"^choice_([1-9][0-9]*)$")


def dump(bank: BankData) -> bytes:
    width = max((len(q.choices) for q in bank.questions), default=0)
    width = max(width, 4)
    header = BASE_COLUMNS + [f"choice_{n}" for n in range(1, width + 1)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    source_url = bank.source.url if bank.source else ""
    for q in bank.questions:
        ordered = q.ordered_choices
        correct = (
            ""
            if q.kind == "ordering"
            else ";".join(str(n) for n, c in enumerate(ordered, start=1) if c.is_correct)
        )
        row = [
            q.ref,
            q.kind,
            q.status,
            q.difficulty,
            q.prompt,
            q.answer,
            q.explanation,
            q.evidence,
            "" if q.evidence_start is None else q.evidence_start,
            "" if q.evidence_end is None else q.evidence_end,
            q.fingerprint,
            source_url,
            correct,
        ]
        row += [c.text for c in ordered] + [""] * (width - len(ordered))
        writer.writerow([csv_safe_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def _unquoted(cell: str) -> str:
    """The text a neutralised cell stood for: "'=SUM(A1)" was written for "=SUM(A1)"."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def _int_or_none(value: str, *, field: str, line: int, parsed: ParsedBank) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        parsed.problem(f"{value!r} is not a whole number.", line=line, field=field)
        return None


def load(data: bytes) -> ParsedBank:
    parsed = ParsedBank(bank=BankData())
    text = decode_text(data, parsed)
    if text is None:
        return parsed
    reader = csv.reader(io.StringIO(text), strict=True)
    header = _header_row(reader, parsed)
    if header is None:
        return parsed
    choice_columns = _read_header(header, parsed)
    if parsed.problems:
        return parsed

    line = reader.line_num + 1  # physical line where the next record starts
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            parsed.problem(f"Unreadable CSV row: {error}.", line=start)
            return parsed
        line = reader.line_num + 1
        _read_row(row, header, choice_columns, start, parsed)
    return parsed


def _read_row(
    row: list[str],
    header: list[str],
    choice_columns: dict[int, int],
    start: int,
    parsed: ParsedBank,
) -> None:
    """One record starting on line `start`: its question (and the bank's source URL)
    added to the bank, or a problem; a blank record is skipped."""
    if not any(cell.strip() for cell in row):
        return
    if len(row) > len(header):
        parsed.problem(f"{len(row)} cells but the header has {len(header)} columns.", line=start)
        return
    row = [_unquoted(cell) for cell in row]
    cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
    question = _question_from_cells(cells, choice_columns, header, row, start, parsed)
    if question is not None:
        parsed.bank.questions.append(question)
    if cells.get("source_url", "").strip() and parsed.bank.source is None:
        parsed.bank.source = SourceData(url=cells["source_url"].strip())


def _header_row(reader: Iterator[list[str]], parsed: ParsedBank) -> list[str] | None:
    """The header's column names (trimmed, lower case); None, with the problem, when
    the first row is unreadable or empty."""
    try:
        header = next(reader, None)
    except csv.Error as error:
        parsed.problem(f"Unreadable CSV header: {error}.", line=1)
        return None
    if not header or not any(h.strip() for h in header):
        parsed.problem("The file is empty: expected a header row (kind, prompt, …).", line=1)
        return None
    return [h.strip().lower() for h in header]


def _read_header(header: list[str], parsed: ParsedBank) -> dict[int, int]:
    """The choice columns (column index -> choice number); a problem for each
    unknown, repeated or missing column."""
    choice_columns: dict[int, int] = {}
    for index, name in enumerate(header):
        if match := _CHOICE_COLUMN.match(name):
            choice_columns[index] = int(match.group(1))
        elif name not in BASE_COLUMNS:
            parsed.problem(
                f"Unknown column {name!r}. Known columns: {', '.join(BASE_COLUMNS)}, choice_1, choice_2, …",
                line=1,
            )
    duplicates = sorted({h for h in header if header.count(h) > 1})
    if duplicates:
        parsed.problem(f"Repeated column(s): {', '.join(duplicates)}.", line=1)
    for required in REQUIRED_COLUMNS:
        if required not in header:
            parsed.problem(f"Missing required column {required!r}.", line=1)
    return choice_columns


def _question_from_cells(
    cells: dict[str, str],
    choice_columns: dict[int, int],
    header: list[str],
    row: list[str],
    line: int,
    parsed: ParsedBank,
) -> QuestionData | None:
    kind = cells["kind"].strip()
    difficulty = _int_or_none(
        cells.get("difficulty", ""), field="difficulty", line=line, parsed=parsed
    )
    start = _int_or_none(
        cells.get("evidence_start", ""), field="evidence_start", line=line, parsed=parsed
    )
    end = _int_or_none(
        cells.get("evidence_end", ""), field="evidence_end", line=line, parsed=parsed
    )
    texts = [
        (number, cells_value)
        for index, number in sorted(choice_columns.items(), key=lambda item: item[1])
        if (cells_value := (row[index] if index < len(row) else "").strip())
    ]
    correct_numbers: set[int] = set()
    for part in re.split(r"[;,\s]+", cells.get("correct", "").strip()):
        if not part:
            continue
        if not part.isdigit() or int(part) not in {n for n, _ in texts}:
            parsed.problem(
                f"correct = {part!r} names no filled choice column.", line=line, field="correct"
            )
            continue
        correct_numbers.add(int(part))
    if kind == "ordering" and correct_numbers:
        parsed.problem(
            "Leave 'correct' empty for ordering questions: the choice columns are the correct order.",
            line=line,
            field="correct",
        )
    choices = [
        ChoiceData(text=text, is_correct=number in correct_numbers, position=position)
        for position, (number, text) in enumerate(texts, start=1)
    ]
    question = QuestionData(
        kind=kind,
        prompt=cells["prompt"].strip(),
        answer=cells.get("answer", "").strip(),
        explanation=cells.get("explanation", "").strip(),
        status=cells.get("status", "").strip() or "draft",
        difficulty=2 if difficulty is None else difficulty,
        fingerprint=cells.get("fingerprint", "").strip(),
        evidence=cells.get("evidence", "").strip(),
        evidence_start=start,
        evidence_end=end,
        choices=choices,
        ref=cells.get("id", "").strip(),
        line=line,
    )
    if kind in MULTIPLE_CHOICE_KINDS or kind in ("ordering", "cloze"):
        fill_answer(question)
    return question
