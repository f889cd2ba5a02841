"""A date pattern's gate (patterns.GATES, a cheap search run first) lets through every text the
pattern matches: a gate that missed one would lose the date silently. Likewise a pattern's
starts (patterns.STARTS) hold wherever one of its matches begins, so that trying the pattern
only there finds what ``finditer`` finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzes.extraction.dates.patterns import (
    GATES,
    PATTERNS,
    STARTS,
    gate_key,
    matches_at_starts,
)

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


STARTED_EXAMPLES = [
    "Two weeks after the flood the ferry ran again.",
    "The morning before the vote, for three days after her arrest, in the wake of the storm.",
    "Prior to Harvest Day the mayor spoke at the time, at trial and at the last federal election.",
    "The week of the audition, since independence, a few days before the race.",
    "During the long recess the clerks left. Following a short stay, the envoy flew home.",
    "In early 1998, mid-2004 and the end of 2011; late March, the first week of April, June 2020.",
    "Not 2019's figure, $2019, 1,2019 nor the 1990s: the year 2019 is one.",
    "Three days later the pier reopened; the next morning, a few weeks after, 12 years before.",
    "The mill shut about two weeks ago, some years back; more than 40 days ago the dam broke.",
    "Last year, Monday, March 3, the fair opened; Sept. 9th and Jan 2, 2011 were quieter.",
    "The report is due in two weeks, the plan In about 3 more years; in a month it ends.",
    "Late yesterday the bridge closed; it opens today, or early tomorrow morning, tonight.",
]


def _scans(text: str) -> list[tuple[object, object]]:
    return [
        (
            [(m.span(), m.groups()) for m in pattern.finditer(text)],
            [(m.span(), m.groups()) for m in matches_at_starts(pattern, starts, text)],
        )
        for kind, pattern in PATTERNS
        if (starts := STARTS.get(gate_key(kind, pattern))) is not None
    ]


def test_every_starts_belongs_to_a_pattern():
    keys = {gate_key(kind, pattern) for kind, pattern in PATTERNS}
    lost = [key for key in STARTS if key not in keys]
    assert not lost, f"patterns rewritten: check these starts against them, then rekey: {lost}"


@pytest.mark.parametrize("text", STARTED_EXAMPLES)
def test_a_pattern_tried_at_its_starts_finds_what_finditer_finds(text):
    scans = _scans(text)
    assert any(found for found, _ in scans)
    assert all(found == started for found, started in scans)


def test_the_test_articles_give_the_same_matches_tried_at_the_starts():
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert all(found == started for found, started in _scans(text)), path.name
