"""Anki packages (.apkg) via genanki: one note per question.

Stable ids so that importing a re-export into Anki updates the notes instead
of duplicating them: the note type (model) and deck ids are derived from the
bank id, each note's guid from the question id (or its fingerprint when the
question has no id). Fields: Prompt, Choices, Answer, Explanation, Evidence,
Source (shown on the cards) and NewsQuiz (hidden: kind, status, difficulty
and the choices with their correctness, so a package made here imports back
exactly). Notes of other note types import as free_text questions from their
first two fields (front -> prompt, back -> answer).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import sqlite3
import zipfile
import zlib
from typing import Any

import genanki

from .bounded import TooLarge, zip_member_read
from .checks import guess_kind
from .data import BankData, ChoiceData, ParsedBank, QuestionData, fill_answer

FIELDS = ["Prompt", "Choices", "Answer", "Explanation", "Evidence", "Source", "NewsQuiz"]
MAX_COLLECTION_BYTES = 50 * 1024 * 1024
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: #222; background: #fff; }
ol.choices { margin-top: 1em; }
.answer { font-weight: bold; }
blockquote.evidence { border-left: 3px solid #999; margin: 1em 0; padding-left: .75em; color: #444; }
.source { font-size: 14px; color: #666; }"""
FRONT = '<div class="prompt">{{Prompt}}</div>{{#Choices}}<ol class="choices">{{Choices}}</ol>{{/Choices}}'
BACK = (
    '{{FrontSide}}<hr id="answer"><p class="answer">{{Answer}}</p>'
    '{{#Explanation}}<p class="explanation">{{Explanation}}</p>{{/Explanation}}'
    '{{#Evidence}}<blockquote class="evidence">{{Evidence}}</blockquote>{{/Evidence}}'
    '{{#Source}}<p class="source">{{Source}}</p>{{/Source}}'
)


def stable_id(*parts: object) -> int:
    """A 31-bit id in Anki's recommended range, the same for the same parts."""
    digest = hashlib.sha256("__".join(str(p) for p in parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def model_id_for(bank_ref: str) -> int:
    return stable_id("newsquiz-model", bank_ref)


def deck_id_for(bank_ref: str) -> int:
    return stable_id("newsquiz-deck", bank_ref)


def note_guid(q: QuestionData) -> str:
    if q.ref:
        return str(genanki.guid_for("newsquiz-question", q.ref))
    if q.fingerprint:
        return str(genanki.guid_for("newsquiz-fingerprint", q.fingerprint))
    return str(genanki.guid_for("newsquiz-prompt", q.kind, q.prompt))


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>|</div>\s*<div>", re.IGNORECASE)


def _text(field_html: str) -> str:
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", field_html))).strip()


def _source_html(bank: BankData) -> str:
    source = bank.source
    if source is None or not (source.title or source.url):
        return ""
    label = html.escape(source.title or source.url)
    if source.publisher:
        label += f" — {html.escape(source.publisher)}"
    if source.url:
        return f'<a href="{html.escape(source.url)}">{label}</a>'
    return label


def dump(bank: BankData, *, timestamp: float | None = None) -> bytes:
    model = genanki.Model(
        model_id_for(bank.ref or bank.title),
        f"NewsQuiz: {bank.title}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    deck = genanki.Deck(deck_id_for(bank.ref or bank.title), bank.title or "NewsQuiz")
    deck.description = _html(bank.description)
    source = _source_html(bank)
    tags = [t.replace(" ", "_") for t in bank.tags]
    for q in bank.questions:
        ordered = q.ordered_choices
        hidden = {
            "kind": q.kind,
            "status": q.status,
            "difficulty": q.difficulty,
            "fingerprint": q.fingerprint,
            "choices": [{"text": c.text, "correct": c.is_correct} for c in ordered],
        }
        # Timeline items are shown alphabetically on the front (the answer gives the order).
        shown = sorted(ordered, key=lambda c: c.text) if q.kind == "ordering" else ordered
        choices = "".join(f"<li>{_html(c.text)}</li>" for c in shown)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _html(q.prompt),
                    choices,
                    _html(q.answer),
                    _html(q.explanation),
                    _html(q.evidence),
                    source,
                    html.escape(json.dumps(hidden, ensure_ascii=False), quote=False),
                ],
                tags=[*tags, f"newsquiz::{q.kind}"],
                guid=note_guid(q),
            )
        )
    out = io.BytesIO()
    genanki.Package(deck).write_to_file(out, timestamp=timestamp)
    return out.getvalue()


# ---------------------------------------------------------------- reading


class _Unreadable(Exception):
    pass


# What a damaged zip or SQLite file can raise while being read; RecursionError is
# the json module's answer to JSON nested about a thousand levels deep (note types,
# decks or a hidden field), which no Anki package holds.
_DAMAGE = (
    RecursionError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    EOFError,
    ValueError,
    OSError,
    KeyError,
    TypeError,
    sqlite3.Error,
)


def _read_collection(data: bytes) -> tuple[dict[int, Any], dict[Any, Any], list[Any]]:
    """(note types by id, decks, note rows) of the package's collection."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except _DAMAGE as error:
        raise _Unreadable("Not an Anki package: the file is not a readable zip archive.") from error
    name = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
    if name is None:
        detail = (
            " (this is the newer compressed format: in Anki, export with "
            "'Support older Anki versions' ticked)"
            if "collection.anki21b" in names
            else ""
        )
        raise _Unreadable(f"Not an Anki package: no collection inside{detail}.")
    try:  # bounded: the zip headers may lie about the size
        collection = zip_member_read(archive, name, limit=MAX_COLLECTION_BYTES)
    except TooLarge as error:
        raise _Unreadable("The Anki collection is too large (over 50 MB).") from error
    except _DAMAGE as error:
        raise _Unreadable(
            f"The Anki collection is damaged and cannot be read ({error})."
        ) from error
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(collection)
        models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone()
        rows = connection.execute("SELECT id, guid, mid, flds FROM notes ORDER BY id").fetchall()
        models = {int(k): v for k, v in json.loads(models_json).items()}
        decks = json.loads(decks_json)
        if not isinstance(decks, dict) or not all(isinstance(m, dict) for m in models.values()):
            raise TypeError("unexpected note types")
    except (*_DAMAGE, AttributeError) as error:
        raise _Unreadable(
            f"The Anki collection is damaged and cannot be read ({error})."
        ) from error
    finally:
        connection.close()
    return models, decks, rows


def load(data: bytes) -> ParsedBank:
    parsed = ParsedBank(bank=BankData())
    try:
        models, decks, rows = _read_collection(data)
    except _Unreadable as error:
        parsed.problem(str(error))
        return parsed
    deck_names = [
        str(d.get("name", ""))
        for d in decks.values()
        if isinstance(d, dict) and d.get("name") not in ("Default", "", None)
    ]
    parsed.bank.title = deck_names[0] if deck_names else ""
    for number, (_, _, model_id, flds) in enumerate(rows, start=1):
        if not isinstance(flds, str) or not isinstance(model_id, int):
            parsed.problem("This note is damaged.", line=number, where="note")
            continue
        model = models.get(model_id, {})
        names = [str(f.get("name", "")) for f in model.get("flds", []) if isinstance(f, dict)]
        values = dict(zip(names, flds.split("\x1f"), strict=False))
        question = _note_question(values, flds.split("\x1f"), number, parsed)
        if question is not None:
            question.position = number
            parsed.bank.questions.append(question)
    return parsed


def _note_question(
    values: dict[str, str], fields: list[str], number: int, parsed: ParsedBank
) -> QuestionData | None:
    if "NewsQuiz" in values:
        try:
            hidden = json.loads(html.unescape(values["NewsQuiz"]))
            choices = [
                ChoiceData(str(c["text"]), c.get("correct") is True, n)
                for n, c in enumerate(hidden.get("choices", []), start=1)
            ]
            difficulty = hidden.get("difficulty", 2)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            parsed.problem("The hidden NewsQuiz field is damaged.", line=number, where="note")
            return None
        question = QuestionData(
            kind=str(hidden.get("kind", "")),
            prompt=_text(values.get("Prompt", "")),
            answer=_text(values.get("Answer", "")),
            explanation=_text(values.get("Explanation", "")),
            status=str(hidden.get("status", "draft")),
            difficulty=difficulty if isinstance(difficulty, int) else 2,
            fingerprint=str(hidden.get("fingerprint", "")),
            evidence=_text(values.get("Evidence", "")),
            choices=choices,
            line=number,
        )
    elif len(fields) >= 2:
        question = QuestionData(
            kind="", prompt=_text(fields[0]), answer=_text(fields[1]), line=number
        )
        question.kind = guess_kind(question)
    else:
        parsed.warn("a note with one field was skipped.", line=number, where="note")
        return None
    fill_answer(question)
    return question
