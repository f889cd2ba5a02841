"""Words a noun names ("the question “…?”", "the slogan “…”"), set in quotation marks,
are that wording, nobody's speech (issue 11 §4), on invented sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ivo Brand has been trying to add the question, “Do you own a boat?”, to the form.",
        "Mayor Ivo Brand printed the slogan “bread for every table” on the posters.",
    ],
)
def test_wording_a_noun_names_has_no_speaker(quotes_of, text):
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker is None


def test_a_question_someone_asks_keeps_its_speaker(quotes_of):
    quotes = quotes_of("Mayor Ivo Brand asked, “Do you own a boat?”")
    assert [q.speaker for q in quotes] == ["Ivo Brand"]
