"""Helpers for extraction tests: the spaCy pipeline is loaded once per process."""

from __future__ import annotations

import pytest

from quizzes.extraction.countries import extract_country_links
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


@pytest.fixture
def pairs_of(nlp):
    """(subject, country) of every country link found in a text."""

    def run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        links = extract_country_links(doc, people=PeopleIndex.build(doc))
        return {(link.subject, link.country) for link in links}

    return run


def said(quotes) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quotes}
