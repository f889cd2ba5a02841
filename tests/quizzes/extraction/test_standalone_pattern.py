"""`standalone` (a literal with no word character on either side, written literal first for
speed) finds what the look-behind pattern it replaces finds."""

from __future__ import annotations

import re

import pytest

from quizzes.extraction.text import standalone

TEXT = (
    "Tomas Brevik met Brevik-Olsen and the Breviks in Norhaven; Brevik said "
    "“Brevik’s plan” was Brevik's own.\nbrevik, BREVIK and Brevik."
)


@pytest.mark.parametrize("edge", [r"\w", r"[\w-]"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("literal", ["Brevik", "Tomas Brevik", "Brevik.", "k", "Norhaven"])
def test_same_matches_as_the_look_behind_form(literal, edge, flags):
    escaped = re.escape(literal)
    expected = re.compile(rf"(?<!{edge}){escaped}(?!{edge})", flags)
    assert [m.span() for m in standalone(literal, edge, flags).finditer(TEXT)] == [
        m.span() for m in expected.finditer(TEXT)
    ]


def test_a_name_inside_a_longer_word_is_not_found():
    assert standalone("Brevik", r"[\w-]").search("Brevik-Olsen and Breviks") is None
