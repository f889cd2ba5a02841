"""The plain representation every format converts to and from.

Pure: no ORM. Exporters take a `BankData`; parsers return a `ParsedBank` (a
`BankData` plus the problems and warnings found while reading, each with the
line it came from). The service layer (`quizzes.interop.services`) is the
only place that turns these into models and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("who_said", "which_country", "when", "cloze", "true_false", "ordering", "free_text")
MULTIPLE_CHOICE_KINDS = frozenset({"who_said", "which_country", "when", "true_false"})
STATUSES = ("draft", "published", "rejected", "archived")
TRUE_FALSE_TEXTS = ("True", "False")


@dataclass
class ChoiceData:
    text: str
    is_correct: bool = False
    position: int = 0


@dataclass
class SourceData:
    """The article a bank came from (only JSON carries its text)."""

    title: str = ""
    url: str = ""
    publisher: str = ""
    published_on: str = ""  # ISO date or ""
    text: str = ""


@dataclass
class QuestionData:
    kind: str
    prompt: str
    answer: str = ""
    explanation: str = ""
    status: str = "draft"
    difficulty: int = 2
    position: int = 0
    fingerprint: str = ""
    evidence: str = ""  # the article sentence, as text
    evidence_start: int | None = None
    evidence_end: int | None = None
    choices: list[ChoiceData] = field(default_factory=list)
    ref: str = ""  # the exporting site's id (apkg guids, Moodle names); never imported as a pk
    line: int | None = None  # where the question starts in the file it was read from

    @property
    def ordered_choices(self) -> list[ChoiceData]:
        return sorted(self.choices, key=lambda c: c.position)

    @property
    def correct_choice(self) -> ChoiceData | None:
        correct = [c for c in self.choices if c.is_correct]
        return correct[0] if len(correct) == 1 else None

    @property
    def is_plain_true_false(self) -> bool:
        """A true/false question whose choices are exactly True, False (in that order)."""
        return self.kind == "true_false" and [c.text for c in self.ordered_choices] == list(
            TRUE_FALSE_TEXTS
        )


@dataclass
class BankData:
    title: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    source: SourceData | None = None
    questions: list[QuestionData] = field(default_factory=list)
    ref: str = ""  # the exporting site's bank id (apkg deck/model ids)


@dataclass(frozen=True)
class Problem:
    """Something that stops an import. `line` is a line of the file (or the
    note number of an .apkg, then `where="note"`)."""

    message: str
    line: int | None = None
    field: str = ""
    where: str = "line"

    def __str__(self) -> str:
        place = f"{self.where} {self.line}: " if self.line is not None else ""
        subject = f"{self.field}: " if self.field else ""
        return f"{place}{subject}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "field": self.field, "message": self.message, "text": str(self)}


@dataclass
class ParsedBank:
    bank: BankData
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problem(
        self, message: str, *, line: int | None = None, field: str = "", where: str = "line"
    ) -> None:
        self.problems.append(Problem(message=message, line=line, field=field, where=where))

    def warn(self, message: str, *, line: int | None = None, where: str = "line") -> None:
        self.warnings.append(f"{where} {line}: {message}" if line is not None else message)


ORDERING_SEPARATOR = " → "


def fill_answer(question: QuestionData) -> None:
    """Formats that carry no separate answer: take it from the choices."""
    if question.answer.strip():
        return
    if question.kind == "ordering" and question.choices:
        question.answer = ORDERING_SEPARATOR.join(c.text for c in question.ordered_choices)
    elif (correct := question.correct_choice) is not None:
        question.answer = correct.text


def decode_text(data: bytes, parsed: ParsedBank) -> str | None:
    """UTF-8 text of an uploaded file, or None with a problem (binary, wrong encoding)."""
    if b"\x00" in data:
        parsed.problem("This file is binary, not text.")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        parsed.problem("The file is not UTF-8 text.", line=line)
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
