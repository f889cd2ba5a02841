"""JSON: the complete bank, including the article it came from (so evidence
spans survive a round trip). Schema in docs/formats.md:

{"format": "newsquiz-bank", "version": 1,
 "bank": {"title", "description", "tags": [str],
          "article": {"title", "publisher", "url", "published_on", "text"} | null},
 "questions": [{"id", "kind", "prompt", "answer", "explanation", "status",
                "difficulty", "position", "fingerprint",
                "evidence": {"text", "start", "end"} | null,
                "choices": [{"text", "correct", "position"}]}]}
"""

from __future__ import annotations

import bisect
import json
from json import scanner
from json.decoder import JSONObject  # type: ignore[attr-defined]  # (not in typeshed)
from typing import Any

from .data import (
    BankData,
    ChoiceData,
    ParsedBank,
    QuestionData,
    SourceData,
    decode_text,
    fill_answer,
)

FORMAT_NAME = "newsquiz-bank"
VERSION = 1
QUESTION_KEYS = {
    "id",
    "kind",
    "prompt",
    "answer",
    "explanation",
    "status",
    "difficulty",
    "position",
    "fingerprint",
    "evidence",
    "choices",
}
CHOICE_KEYS = {"text", "correct", "position"}


def dump(bank: BankData) -> bytes:
    source = bank.source
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "bank": {
            "title": bank.title,
            "description": bank.description,
            "tags": list(bank.tags),
            "article": None
            if source is None
            else {
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "published_on": source.published_on or None,
                "text": source.text,
            },
        },
        "questions": [
            {
                "id": int(q.ref) if q.ref.isdigit() else (q.ref or None),
                "kind": q.kind,
                "prompt": q.prompt,
                "answer": q.answer,
                "explanation": q.explanation,
                "status": q.status,
                "difficulty": q.difficulty,
                "position": q.position,
                "fingerprint": q.fingerprint,
                "evidence": None
                if q.evidence_start is None and not q.evidence
                else {"text": q.evidence, "start": q.evidence_start, "end": q.evidence_end},
                "choices": [
                    {"text": c.text, "correct": c.is_correct, "position": c.position}
                    for c in q.ordered_choices
                ],
            }
            for q in bank.questions
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class _LineDict(dict[str, Any]):
    line: int = 0


class _LineDecoder(json.JSONDecoder):
    """A decoder whose objects remember the line they start on."""

    def __init__(self, text: str):
        super().__init__()
        starts = [0]
        starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self._starts = starts

        def parse_object(
            s_and_end: tuple[str, int], *args: Any, **kwargs: Any
        ) -> tuple[_LineDict, int]:
            s, end = s_and_end
            value, new_end = JSONObject(s_and_end, *args, **kwargs)
            obj = _LineDict(value)
            obj.line = bisect.bisect_right(self._starts, end - 1)
            return obj, new_end

        self.parse_object = parse_object
        self.scan_once = scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def load(data: bytes) -> ParsedBank:
    parsed = ParsedBank(bank=BankData())
    text = decode_text(data, parsed)
    document = None if text is None else _document(text, parsed)
    if document is None:
        return parsed
    if document.get("format", FORMAT_NAME) != FORMAT_NAME:
        parsed.problem(f"'format' must be {FORMAT_NAME!r}.", line=getattr(document, "line", 1))
    bank_obj = document.get("bank") or {}
    if not isinstance(bank_obj, dict):
        parsed.problem("'bank' must be an object.", line=1, field="bank")
        bank_obj = {}
    _read_bank(bank_obj, parsed)
    questions = document.get("questions")
    if not isinstance(questions, list):
        parsed.problem("'questions' must be a list.", line=_line(document), field="questions")
        return parsed
    for index, item in enumerate(questions, start=1):
        if not isinstance(item, dict):
            parsed.problem(f"Question {index} is not an object.", line=_line(document))
            continue
        question = _question(item, parsed)
        if question is not None:
            question.position = question.position or index
            parsed.bank.questions.append(question)
    return parsed


def _document(text: str, parsed: ParsedBank) -> dict[str, Any] | None:
    """The decoded top-level object (a bare list of questions is accepted too);
    None, with the problem noted, for anything else."""
    try:
        document = _LineDecoder(text).decode(text)
    except json.JSONDecodeError as error:
        parsed.problem(f"Broken JSON: {error.msg} (column {error.colno}).", line=error.lineno)
        return None
    except RecursionError:
        parsed.problem("The JSON is nested too deeply.")
        return None
    if isinstance(document, list):
        document = {"questions": document}
    if not isinstance(document, dict):
        parsed.problem("Expected a JSON object with 'bank' and 'questions'.", line=1)
        return None
    return document


def _read_bank(bank_obj: dict[str, Any], parsed: ParsedBank) -> None:
    """The bank's title, description, tags and article into `parsed.bank`."""
    bank = parsed.bank
    bank.title = _str(bank_obj.get("title"))
    bank.description = _str(bank_obj.get("description"))
    tags = bank_obj.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        parsed.problem("'tags' must be a list of strings.", line=_line(bank_obj), field="tags")
    else:
        bank.tags = [t.strip() for t in tags if t.strip()]
    article = bank_obj.get("article")
    if isinstance(article, dict):
        bank.source = SourceData(
            title=_str(article.get("title")),
            url=_str(article.get("url")),
            publisher=_str(article.get("publisher")),
            published_on=_str(article.get("published_on")),
            text=_str(article.get("text")),
        )
    elif article is not None:
        parsed.problem(
            "'article' must be an object or null.", line=_line(bank_obj), field="article"
        )


def _line(obj: object) -> int | None:
    return getattr(obj, "line", None)


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _question(item: dict[str, Any], parsed: ParsedBank) -> QuestionData | None:
    line = _line(item)
    unknown = sorted(set(item) - QUESTION_KEYS)
    if unknown:
        parsed.problem(f"Unknown key(s): {', '.join(unknown)}.", line=line)
    for key in ("kind", "prompt", "answer", "explanation", "status", "fingerprint"):
        if item.get(key) is not None and not isinstance(item[key], str):
            parsed.problem("Must be a string.", line=line, field=key)
    for key in ("difficulty", "position"):
        value = item.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            parsed.problem("Must be a whole number.", line=line, field=key)
    ev_text, ev_start, ev_end = _evidence(item.get("evidence"), line, parsed)
    choices = _choices(item.get("choices"), line, parsed)
    difficulty = item.get("difficulty", 2)
    position = item.get("position", 0)
    question = QuestionData(
        kind=_str(item.get("kind")),
        prompt=_str(item.get("prompt")),
        answer=_str(item.get("answer")),
        explanation=_str(item.get("explanation")),
        status=_str(item.get("status")) or "draft",
        difficulty=difficulty if isinstance(difficulty, int) else 2,
        position=position if isinstance(position, int) and not isinstance(position, bool) else 0,
        fingerprint=_str(item.get("fingerprint")),
        evidence=ev_text,
        evidence_start=ev_start,
        evidence_end=ev_end,
        choices=choices,
        ref=_str(item.get("id")),
        line=line,
    )
    fill_answer(question)
    return question


def _evidence(evidence: Any, line: int | None, parsed: ParsedBank) -> tuple[str, Any, Any]:
    """The evidence's text, start and end (offsets None when not whole numbers)."""
    ev_text, ev_start, ev_end = "", None, None
    if isinstance(evidence, dict):
        ev_text = _str(evidence.get("text"))
        ev_start, ev_end = evidence.get("start"), evidence.get("end")
        for key, value in (("start", ev_start), ("end", ev_end)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                parsed.problem(
                    f"evidence.{key} must be a whole number.",
                    line=_line(evidence),
                    field="evidence",
                )
                ev_start = ev_end = None
    elif evidence is not None:
        parsed.problem("Must be an object or null.", line=line, field="evidence")
    return ev_text, ev_start, ev_end


def _choices(raw_choices: Any, line: int | None, parsed: ParsedBank) -> list[ChoiceData]:
    """The choices that can be read (a problem for each that cannot)."""
    raw_choices = raw_choices or []
    if not isinstance(raw_choices, list):
        parsed.problem("Must be a list.", line=line, field="choices")
        raw_choices = []
    choices = []
    for position, raw in enumerate(raw_choices, start=1):
        if not isinstance(raw, dict):
            parsed.problem(f"Choice {position} is not an object.", line=line, field="choices")
            continue
        choice = _choice(raw, position, parsed)
        if choice is not None:
            choices.append(choice)
    return choices


def _choice(raw: dict[str, Any], position: int, parsed: ParsedBank) -> ChoiceData | None:
    unknown = sorted(set(raw) - CHOICE_KEYS)
    if unknown:
        parsed.problem(
            f"Unknown choice key(s): {', '.join(unknown)}.", line=_line(raw), field="choices"
        )
    if not isinstance(raw.get("text"), str):
        parsed.problem("A choice needs a text string.", line=_line(raw), field="choices")
        return None
    if not isinstance(raw.get("correct", False), bool):
        parsed.problem(
            "A choice's 'correct' must be true or false.", line=_line(raw), field="choices"
        )
    pos = raw.get("position", position)
    if not isinstance(pos, int) or isinstance(pos, bool):
        parsed.problem(
            "A choice position must be a whole number.", line=_line(raw), field="choices"
        )
        pos = position
    return ChoiceData(text=raw["text"].strip(), is_correct=raw.get("correct") is True, position=pos)
