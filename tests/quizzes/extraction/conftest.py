"""Helpers for extraction tests: the spaCy pipeline is loaded once per process."""

from __future__ import annotations

import pytest

from quizzes.extraction.nlp import get_nlp
from quizzes.extraction.people import PeopleIndex
from quizzes.extraction.quotes import extract_quotes


@pytest.fixture(scope="session")
def nlp():
    return get_nlp()


@pytest.fixture
def people_of(nlp):
    def build(text: str) -> PeopleIndex:
        return PeopleIndex.build(nlp(text))

    return build


@pytest.fixture
def quotes_of(nlp):
    def run(text: str) -> list:
        doc = nlp(text)
        quotes = extract_quotes(doc, people=PeopleIndex.build(doc))
        for q in quotes:  # offsets always point at the quoted text
            if len(text[q.start : q.end].split("\n")) == 1:
                assert text[q.start : q.end] == q.text
        return quotes

    return run


def said(quotes) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quotes}
