"""The shared spaCy pipeline: loaded once, and a line break always ends a sentence."""

from __future__ import annotations

from quizzes.extraction.nlp import get_nlp


def test_pipeline_is_loaded_once():
    assert get_nlp() is get_nlp()


def test_a_heading_without_full_stop_is_its_own_sentence():
    doc = get_nlp()("‘We can rebuild this town’\nSince the flood in 2019, the town has changed.")
    assert [s.text.strip() for s in doc.sents] == [
        "‘We can rebuild this town’",
        "Since the flood in 2019, the town has changed.",
    ]
