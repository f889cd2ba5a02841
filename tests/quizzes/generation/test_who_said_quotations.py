"""Who-said questions ask about speech (issue 11 §4), on invented sentences: words quoted
as the object of a noun that names wording ("the question “…?”", "the slogan “…”") are
no one's speech, and a quotation that begins with its verb needs its subject; a person of a
body who speaks ("A B of the water board said") or a defeated candidate reads as a person,
so offers a wrong speaker."""

from __future__ import annotations

import pytest

from quizzes.generation import quality as q
from quizzes.generation.who_said import person_cue

from .facts_for_tests import quote
from .test_quality import ctx_for, draft


@pytest.mark.parametrize(
    ("sentence", "words", "wording"),
    [
        (
            "The board wants to add the question, “Do you own a boat?”, to the form.",
            "Do you own a boat?",
            True,
        ),
        (
            "Marchers carried the slogan “bread for every table” through Tarrow.",
            "bread for every table",
            True,
        ),
        (
            "The mayor said “we will rebuild every bridge” on Monday.",
            "we will rebuild every bridge",
            False,
        ),
        ("The mayor asked, “Do you own a boat?”", "Do you own a boat?", False),
    ],
)
def test_words_a_noun_names_are_not_speech(sentence, words, wording):
    text = f"{sentence}\n"
    made = draft(
        "who_said",
        f"Who said: “{words}”?",
        "Ana Ruiz",
        ["Ivo Brand", "Piet Dane"],
        source=quote(words, "Ana Ruiz", source=text),
    )
    assert bool(q.quote_is_a_label(made, ctx_for(text))) is wording


@pytest.mark.parametrize(
    ("prompt", "cut"),
    [
        ("Who said: “was a kind and patient teacher”?", True),
        ("Who said: “has never missed a single match”?", True),
        ("Who said: “She was a kind and patient teacher”?", False),
        ("Who said: “wasteful spending must stop”?", False),
    ],
)
def test_a_quotation_that_begins_with_its_verb_needs_its_subject(prompt, cut):
    asked = draft("who_said", prompt, "Ana Ruiz", ["Ivo Brand", "Piet Dane"])
    assert bool(q.quote_without_its_subject(asked, ctx_for(prompt))) is cut


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ivo Brand of the city's water board said the dam may hold.", True),
        ("The party must find a new leader after Lena Vorst was defeated in Tarrow.", True),
        ("Ivo Brand Hall of the old town was opened in May.", False),
    ],
)
def test_a_person_of_a_body_or_a_defeated_candidate_reads_as_a_person(text, person):
    name = "Lena Vorst" if "Vorst" in text else "Ivo Brand"
    assert person_cue(name, text) is person
