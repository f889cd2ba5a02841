"""An interviewer's question turns in a question-and-answer article: no source of questions.

An interview is written as turns, each line opening with who speaks: "((WN)) : What led
you to this research?", "Q: Why now?". What the interviewer asks is not a fact the article
reports: "What do you think of the quarrel between ___ and Belgravia?" asks the reader
about the world (a country pair everyone knows), in the second person, and the same
boilerplate question returns in every interview of a series. A teacher would not keep it.

A line is a question turn when it opens with a turn label (a name in double brackets,
"((WN))", or "Q"/"Question"/"Interviewer" and a colon) that asks: "Q" always does; a
bracketed label does when most of its lines end with a question mark (the one asked
answers in statements, and a label of theirs stays). The answers are left alone: what
the interviewee says is theirs, and who-said questions ask about it. Which label asks is
read by ``quizzes.extraction.turns`` (``turn_label``, ``asking_labels``), the same reading
extraction uses for who answers, so the two never disagree; this module adds the "Q:"
labels and keeps line offsets (a caption or a question turn is skipped by its line start).
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizzes.extraction.article_caches import per_article
from quizzes.extraction.turns import asking_labels, turn_label

_ASKING_LABEL = re.compile(r"^\s*(?:Q|Question|Interviewer)\s*:\s*\S", re.I)


def _lines(article_text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every line of the article."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for line in article_text.split("\n"):
        lines.append((offset, offset + len(line), line))
        offset += len(line) + 1
    return lines


@per_article
@lru_cache(maxsize=64)
def interviewer_labels(article_text: str) -> frozenset[str]:
    """The bracketed turn labels, casefolded, whose turns mostly ask: "((WN))", "((WSS))",
    "((Ana Roe))" when she is the one asking (``asking_labels``)."""
    return frozenset(
        asking_labels(
            (label, text)
            for start, end, text in _lines(article_text)
            if (label := turn_label(article_text, start, end)) is not None
        )
    )


@per_article
@lru_cache(maxsize=64)
def question_turn_lines(article_text: str) -> frozenset[int]:
    """Indexes (in ``article_text.split("\n")``) of the lines that are an interviewer's
    question turns."""
    asking = interviewer_labels(article_text)
    turns = set()
    for i, (start, end, text) in enumerate(_lines(article_text)):
        label = turn_label(article_text, start, end)
        if _ASKING_LABEL.match(text) or (label is not None and label.casefold() in asking):
            turns.add(i)
    return frozenset(turns)


@per_article
@lru_cache(maxsize=64)
def question_turn_spans(article_text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the lines that are an interviewer's question turns."""
    turns = question_turn_lines(article_text)
    return tuple(
        (start, end) for i, (start, end, _) in enumerate(_lines(article_text)) if i in turns
    )


def in_question_turn(article_text: str, start: int, end: int) -> bool:
    """Does the text from ``start`` to ``end`` (a fact's evidence) lie in a question turn?"""
    return any(
        begin <= start and end <= finish + 1 for begin, finish in question_turn_spans(article_text)
    )


def answer_label(article_text: str, start: int) -> str | None:
    """The name in the turn label ("((Ana Vela))") that opens the line holding offset
    ``start``, when that line is an answer, not a question turn; None otherwise (a line
    without a label of its own may be the reporter's)."""
    line_start = article_text.rfind("\n", 0, start) + 1
    line_end = article_text.find("\n", start)
    line = article_text[line_start : line_end if line_end >= 0 else len(article_text)]
    label = turn_label(line, 0, len(line))
    if label is None or in_question_turn(article_text, line_start, line_start + len(line)):
        return None
    return label
