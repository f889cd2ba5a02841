"""Quoted labels and terms: whose words a short quoted phrase is, on invented sentences."""

from __future__ import annotations

import pytest

from tests.quizzes.extraction.conftest import said


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        (
            "Ruth Kim released a new album in May. Paul Marsh, a critic, assailed the record as "
            'the "weakest release of the decade."',
            "weakest release of the decade.",
            "Paul Marsh",
        ),
        (
            'Mayor Tessa Grunwald regarded the second hearing as "far more orderly" than the first.',
            "far more orderly",
            "Tessa Grunwald",
        ),
        (
            'Coach Ivo Brandt touted the new stadium as "the loudest ground in the league".',
            "the loudest ground in the league",
            "Ivo Brandt",
        ),
    ],
)
def test_a_verb_giving_its_object_as_words_labels_it(quotes_of, text, phrase, speaker):
    assert said(quotes_of(text))[phrase] == speaker


def test_seen_as_in_the_passive_names_nobody(quotes_of):
    quotes = quotes_of('Mayor Tessa Grunwald was seen as "a safe pair of hands" by many voters.')
    assert said(quotes)["a safe pair of hands"] != "Tessa Grunwald"


def test_worked_as_is_no_label(quotes_of):
    quotes = quotes_of('Ivo Brandt worked as a "fixer" for the club before the scandal.')
    assert said(quotes) == {"fixer": None}


def test_opines_between_two_halves(quotes_of):
    text = (
        "Dana Moreno is a lawyer in the city.\n"
        '"The council can still act", Moreno opines, "but the window is closing fast."'
    )
    assert said(quotes_of(text)) == {
        "The council can still act": "Dana Moreno",
        "but the window is closing fast.": "Dana Moreno",
    }


def test_professed_himself(quotes_of):
    quotes = quotes_of('In his opening remarks, Dale Ortiz professed himself "deeply worried".')
    assert said(quotes) == {"deeply worried": "Dale Ortiz"}


def test_a_name_owning_the_object_is_not_the_speaker(quotes_of):
    text = (
        "Ruth Hale said voters would decide. Senator Mia Roth said the vote mattered, and "
        'described Hale\'s possible refusal as "unthinkable and unacceptable."'
    )
    assert said(quotes_of(text))["unthinkable and unacceptable."] == "Mia Roth"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            'Professor Ana Lind writes that the old legal phrase "under authority" once meant '
            "something narrower.",
            "under authority",
        ),
        ('Ana Lind said the 1901 statute\'s phrase "public purpose" was vague.', "public purpose"),
        (
            'The invoices use the description "consulting fees" or leave the line blank.',
            "consulting fees",
        ),
    ],
)
def test_wording_a_noun_names_is_nobodys(quotes_of, text, phrase):
    assert said(quotes_of(text)) == {phrase: None}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            'After the crash, racer Ilse Varga was said to be in "stable condition".',
            "stable condition",
        ),
        (
            'Tomas Reyes ran for mayor. He was called a "career dreamer" in one local paper.',
            "career dreamer",
        ),
    ],
)
def test_the_subject_of_a_passive_speech_verb_is_spoken_of_not_the_speaker(quotes_of, text, phrase):
    assert said(quotes_of(text))[phrase] is None


def test_quoted_in_the_passive_still_quotes_its_subject(quotes_of):
    quotes = quotes_of('Mayor Tessa Grunwald was quoted as saying the bridge is "safe again".')
    assert said(quotes)["safe again"] == "Tessa Grunwald"
