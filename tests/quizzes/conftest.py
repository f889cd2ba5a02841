"""Fixtures for the content side: the extractor replaced by hand-built facts."""

from datetime import date

import pytest

import quizzes.extraction
from quizzes.extraction.facts import Facts
from quizzes.models import Article

from .generation.facts_for_tests import SAMPLE_TEXT, sample_facts


@pytest.fixture
def fake_extract(monkeypatch):
    """The extractor replaced by hand-built facts (per text); records its calls."""
    facts_by_text = {}
    calls = []

    def extract(text, *, published=None):
        calls.append((text, published))
        return facts_by_text.get(text, Facts())

    monkeypatch.setattr(quizzes.extraction, "extract", extract, raising=False)
    extract.facts_by_text = facts_by_text
    extract.calls = calls
    return extract


@pytest.fixture
def sample_article(teacher, fake_extract):
    article = Article.objects.create(
        title="Kazakhstan", text=SAMPLE_TEXT, published_on=date(2022, 9, 30), created_by=teacher
    )
    fake_extract.facts_by_text[article.text] = sample_facts()
    return article
