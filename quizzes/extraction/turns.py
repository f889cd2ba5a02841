"""Who answers in each paragraph of an interview written as turns.

An interview transcript opens each turn with its speaker's label: "((Ana Roe)) Yes, I was
nine." / "((WN)) Why chess?". The label whose turns mostly ask (end with "?") is the
interviewer's; any other label written as a name is the one answering, and the paragraphs
after a label, up to the next one, are still that turn. ``first_person_in_answer`` (a
``SUBJECT_RULES`` entry) reads it: "I" in an answer is the one answering;
``asked_by_paragraph`` gives ``second_person_in_question`` the one a question is put to ("you
wrote “...”" in it is theirs).
``spoken_by_paragraph`` tells the turns (questions and answers) from the reporter's narration
around them: the events stage reads no time of the speaker's own story as a news event.

``turn_label`` and ``asking_labels`` are the one reading of turn labels: generation
(``quizzes.generation.turns``) uses them too, to keep an interviewer's questions out of the
questions it asks, so that extraction and generation never disagree on who asks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .text import Paragraph, latin_script

# "((Ana Roe)) Yes", "((WN)): Why?": a name in double brackets opening a line, then words.
_LABEL = re.compile(r"\s*\(\(\s*([^()\n]{1,40}?)\s*\)\)\s*:?\s*\S")
# "... in other gases?" or "... compared to other forms[?]" (an editor's restored mark).
_ASKS = re.compile(r"(?:\?|\[\?\])[\"”’')\]]*\s*$")


def turn_label(text: str, start: int, end: int) -> str | None:
    """ "((Ana Roe)) I moved at 19." -> "Ana Roe": the label opening the line or paragraph
    ``text[start:end]``; None when it opens with no label (a reporter's own paragraph)."""
    found = _LABEL.match(text, start, end)
    return found.group(1) if found else None


def asking_labels(turns: Iterable[tuple[str, str]]) -> set[str]:
    """The labels, casefolded, most of whose turns end with a question mark: the
    interviewer's. ``turns`` are (label, text of the turn) pairs; the one asked answers in
    statements, so "((Ana Roe))" stays out even when she asks back once. "((WN))" and
    "((wn))" are one label written twice: compare with ``label.casefold()``."""
    asks_by_label: dict[str, list[bool]] = defaultdict(list)
    for label, text in turns:
        asks_by_label[label.casefold()].append(bool(_ASKS.search(text)))
    return {label for label, asks in asks_by_label.items() if sum(asks) * 2 > len(asks)}


def answering_by_paragraph(text: str, paras: list[Paragraph]) -> list[str | None]:
    """ "((Ana Roe)) I moved at 19." -> "Ana Roe" for that paragraph and the unlabelled ones
    after it; None before any label, after an interviewer's label, and in an article with
    no turn labels."""
    labels, asking = _labels_and_askers(text, paras)
    out: list[str | None] = []
    current: str | None = None
    for label in labels:
        if label is not None:
            asks = label.casefold() in asking
            current = None if asks or not _written_as_name(label) else label
        out.append(current)
    return out


def asked_by_paragraph(text: str, paras: list[Paragraph]) -> list[str | None]:
    """ "((WN)) On your blog you wrote “...”. Why?" / "((Ana Roe)) Because ...": "Ana Roe"
    for the interviewer's labelled paragraph, the one who answers that question (the next
    label that answers, written as a name); None for every other paragraph, and when no
    named answer follows. Only the labelled paragraph: an unlabelled one after a question
    may be the reporter's narration ("The names have been changed.")."""
    labels, asking = _labels_and_askers(text, paras)
    out: list[str | None] = [None] * len(labels)
    answer: str | None = None
    for i in range(len(labels) - 1, -1, -1):
        label = labels[i]
        if label is None:
            continue
        if label.casefold() in asking:
            out[i] = answer
        else:
            answer = label if _written_as_name(label) else None
    return out


def _labels_and_askers(text: str, paras: list[Paragraph]) -> tuple[list[str | None], set[str]]:
    """Each paragraph's turn label (None when it opens with none), and the labels,
    casefolded, whose turns mostly ask. An article with no "((" has no label (most of them:
    no paragraph is matched then)."""
    if "((" not in text:
        return [None] * len(paras), set()
    labels = [turn_label(text, p.start, p.end) for p in paras]
    asking = asking_labels(
        (label, text[para.start : para.end])
        for para, label in zip(paras, labels, strict=True)
        if label is not None
    )
    return labels, asking


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
    labels, asking = _labels_and_askers(text, paras)
    out: list[bool] = []
    answering = False
    for label in labels:
        if label is not None:
            answering = label.casefold() not in asking
            out.append(True)
        else:
            out.append(answering)
    return out
