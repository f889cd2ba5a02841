"""Checks every parsed question before anything is written (pure).

Uses the same rules as admin and the API (`quizzes.validation.question_problems`)
plus the limits of the database columns, so a file that passes here saves.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizzes.validation import question_problems

from .data import KINDS, MULTIPLE_CHOICE_KINDS, STATUSES, ParsedBank, QuestionData

CHOICE_MAX = 500
TITLE_MAX = 200
FINGERPRINT_MAX = 64
_YEARISH = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def guess_kind(question: QuestionData) -> str:
    """The NewsQuiz kind of a question from a file that did not say (Moodle, Anki):
    choices that are all years/dates -> when; all countries -> which_country;
    other choices -> who_said; no choices -> cloze when the prompt has a blank,
    else free_text."""
    texts = [c.text for c in question.choices]
    if not texts:
        return "cloze" if "___" in question.prompt else "free_text"
    if {t.strip().casefold() for t in texts} == {"true", "false"}:
        return "true_false"
    if all(_YEARISH.search(t) for t in texts):
        return "when"
    if all(_is_country(t) for t in texts):
        return "which_country"
    return "who_said"


def _is_country(name: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(name.strip())
    except LookupError:
        return False
    return True


def _check_bank(parsed: ParsedBank) -> None:
    """The bank's own fields: its title's length, no NUL in it or its article."""
    bank = parsed.bank
    if len(bank.title) > TITLE_MAX:
        parsed.problem(f"The bank title is longer than {TITLE_MAX} characters.", field="title")
    source = bank.source
    bank_texts = [bank.title, bank.description, *bank.tags]
    if source is not None:
        bank_texts += [source.title, source.url, source.publisher, source.published_on, source.text]
    if any("\x00" in t for t in bank_texts):
        parsed.problem("The bank or its article holds a NUL character (\\u0000).", field="bank")


def check_questions(parsed: ParsedBank, *, where: str = "line") -> None:
    """Append a problem for every question that could not be saved as is."""
    bank = parsed.bank
    _check_bank(parsed)
    seen_fingerprints: dict[str, int | None] = {}
    for question in bank.questions:
        line = question.line

        def add(message: str, field: str = "", line: int | None = line) -> None:
            parsed.problem(message, line=line, field=field, where=where)

        if question.kind not in KINDS:
            add(f"Unknown kind {question.kind!r}; use one of {', '.join(KINDS)}.", "kind")
            continue
        _check_fields(question, add)
        _check_choices(question, add)
        _check_evidence(question, add)
        _check_fingerprint(question, add, seen=seen_fingerprints, where=where)
        choices = [(c.text, c.is_correct, c.position) for c in question.choices]
        for field, messages in question_problems(
            kind=question.kind,
            status=question.status,
            prompt=question.prompt,
            answer=question.answer,
            choices=choices,
        ).items():
            for message in messages:
                add(message, field)
    if not bank.questions and not parsed.problems:
        parsed.problem("The file holds no question that NewsQuiz can import.")


Add = Callable[..., None]  # add(message, field="") records a problem of one question


def _check_fields(question: QuestionData, add: Add) -> None:
    """A prompt, no NUL anywhere, a known status, a difficulty of 1 to 5."""
    if not question.prompt.strip():
        add("The question has no prompt.", "prompt")
    texts = [question.prompt, question.answer, question.explanation, question.fingerprint]
    if any("\x00" in t for t in texts + [c.text for c in question.choices]):
        add("The text holds a NUL character (\\u0000), which cannot be stored.")
    if question.status not in STATUSES:
        add(f"Unknown status {question.status!r}; use one of {', '.join(STATUSES)}.", "status")
    if not isinstance(question.difficulty, int) or not 1 <= question.difficulty <= 5:
        add(
            f"Difficulty must be a whole number from 1 to 5 (got {question.difficulty!r}).",
            "difficulty",
        )


def _check_choices(question: QuestionData, add: Add) -> None:
    """Choices where the kind needs them, none empty or longer than a column holds."""
    if question.kind in MULTIPLE_CHOICE_KINDS and not question.choices:
        add("A multiple-choice question needs its choices.", "choices")
    if question.kind == "ordering" and len(question.choices) < 2:
        add("A timeline (ordering) question needs at least two items.", "choices")
    for choice in question.choices:
        if not choice.text.strip():
            add("A choice is empty.", "choices")
        elif len(choice.text) > CHOICE_MAX:
            add(f"A choice is longer than {CHOICE_MAX} characters.", "choices")


def _check_evidence(question: QuestionData, add: Add) -> None:
    start, end = question.evidence_start, question.evidence_end
    if (start is None) != (end is None):
        add("Give both evidence_start and evidence_end, or neither.", "evidence")
    elif start is not None and end is not None and (start < 0 or end < start):
        add("The evidence must start at 0 or later and end after it starts.", "evidence")


def _check_fingerprint(
    question: QuestionData, add: Add, *, seen: dict[str, int | None], where: str
) -> None:
    """Short enough for its column, and not the same as an earlier question's."""
    if len(question.fingerprint) > FINGERPRINT_MAX:
        add(f"The fingerprint is longer than {FINGERPRINT_MAX} characters.", "fingerprint")
    elif question.fingerprint:
        if question.fingerprint in seen:
            first = seen[question.fingerprint]
            add(f"Same fingerprint as the question at {where} {first}.", "fingerprint")
        seen[question.fingerprint] = question.line
