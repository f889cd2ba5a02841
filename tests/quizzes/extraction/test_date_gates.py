"""A date pattern's gate (patterns.GATES, a cheap search run first) lets through every text the
pattern matches: a gate that missed one would lose the date silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzes.extraction.dates.patterns import GATES, PATTERNS, gate_key

ARTICLES = Path(__file__).parent / "articles"

EXAMPLES = [
    "The ferry sank two days ago, officials said.",
    "Prices rose a few weeks back, when the mill closed.",
    "Rents have risen in the past three months.",
    "Over the last few years the harbour grew.",
    "The mill ran between 1961 and 1979.",
    "The bridge (1921–1924) still stands.",
    "Since then, the town has grown.",
    "It is the club's best result to date.",
    "The council met that same day.",
    "Later in the day the mayor resigned.",
    "The rain stopped two hours later.",
    "A short while later the bells rang.",
    "The polls closed at 8:30 p.m. local time.",
    "The vote ended at 2100 GMT.",
    "The fire broke out at midnight.",
    "The strike began at ten o'clock.",
    "On the third day of the talks, the envoys left.",
]


def _gated() -> list[tuple[str, object, object]]:
    return [
        (kind, pattern, GATES[gate_key(kind, pattern)])
        for kind, pattern in PATTERNS
        if gate_key(kind, pattern) in GATES
    ]


def test_every_gate_belongs_to_a_pattern():
    keys = {gate_key(kind, pattern) for kind, pattern in PATTERNS}
    lost = [key for key in GATES if key not in keys]
    assert not lost, f"patterns rewritten: check these gates against them, then rekey: {lost}"


@pytest.mark.parametrize("text", EXAMPLES)
def test_a_gated_pattern_that_matches_passes_its_gate(text):
    matched = [(kind, gate) for kind, pattern, gate in _gated() if pattern.search(text)]
    assert matched  # each example is one a gated pattern finds
    assert all(gate.search(text) for _, gate in matched)


def test_the_test_articles_pass_the_gates_of_their_dates():
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for kind, pattern, gate in _gated():
            assert not pattern.search(text) or gate.search(text), (path.name, kind)
