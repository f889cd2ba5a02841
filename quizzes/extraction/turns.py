"""Who answers in each paragraph of an interview written as turns.

An interview transcript opens each turn with its speaker's label: "((Ana Roe)) Yes, I was
nine." / "((WN)) Why chess?". The label whose turns mostly ask (end with "?") is the
interviewer's; any other label written as a name is the one answering, and the paragraphs
after a label, up to the next one, are still that turn. ``first_person_in_answer`` (a
``SUBJECT_RULES`` entry) reads it: "I" in an answer is the one answering.
``spoken_by_paragraph`` tells the turns (questions and answers) from the reporter's narration
around them: the events stage reads no time of the speaker's own story as a news event.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .text import Paragraph, latin_script

_LABEL = re.compile(r"\(\(\s*([^()\n]{1,40}?)\s*\)\)\s*:?\s*\S")
_ASKS = re.compile(r"(?:\?|\[\?\])[\"”’')\]]*\s*$")


def answering_by_paragraph(text: str, paras: list[Paragraph]) -> list[str | None]:
    """ "((Ana Roe)) I moved at 19." -> "Ana Roe" for that paragraph and the unlabelled ones
    after it; None before any label, after an interviewer's label, and in an article with
    no turn labels."""
    labels = [_label(text, p) for p in paras]
    asking = _asking_labels(text, paras, labels)
    out: list[str | None] = []
    current: str | None = None
    for label in labels:
        if label is not None:
            current = None if label in asking or not _written_as_name(label) else label
        out.append(current)
    return out


def _label(text: str, para: Paragraph) -> str | None:
    found = _LABEL.match(text, para.start, para.end)
    return found.group(1) if found else None


def _asking_labels(text: str, paras: list[Paragraph], labels: list[str | None]) -> set[str]:
    """The labels most of whose turns end with a question mark: the interviewer's."""
    turns: dict[str, list[bool]] = defaultdict(list)
    for para, label in zip(paras, labels, strict=True):
        if label is not None:
            turns[label].append(bool(_ASKS.search(text[para.start : para.end])))
    return {label for label, asks in turns.items() if sum(asks) * 2 > len(asks)}


def _written_as_name(label: str) -> bool:
    """ "Ana Roe", "Jean-Luc de Vries": two words or more, capitalised, in Latin letters
    ("WN", an outlet's initials, is nobody's name)."""
    words = label.split()
    return len(words) >= 2 and latin_script(label) and words[0][:1].isupper()


def spoken_by_paragraph(text: str, paras: list[Paragraph]) -> list[bool]:
    """ "((WN)) How were the last months?" / "((Ana Roe)) Hard. I moved in the evening." /
    "Then I found work.": True for a paragraph of the transcript's spoken turns, a labelled
    one (question or answer) and the unlabelled ones after an answer's label; False for the
    reporter's narration before the first label and after an interviewer's label ("The
    names have been changed."), and for every paragraph of an article with no turn labels."""
    labels = [_label(text, p) for p in paras]
    asking = _asking_labels(text, paras, labels)
    out: list[bool] = []
    answering = False
    for label in labels:
        if label is not None:
            answering = label not in asking
            out.append(True)
        else:
            out.append(answering)
    return out
