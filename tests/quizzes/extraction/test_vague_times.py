"""Numbers with a unit, stretches with no happening and a speaker's vague times are no dated
events; genuine years and narrated anchors stay. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction.events import extract_dated_events

PUBLISHED = date(2021, 6, 11)


@pytest.fixture
def whens(nlp):
    def run(text: str) -> list[str]:
        return [e.when for e in extract_dated_events(nlp(text), published=PUBLISHED)]

    return run


@pytest.mark.parametrize(
    "sentence",
    [
        "The comet has a mass of about 1030 kg, the observers estimated.",
        "The lake rose by 1800 m over the marsh.",
        "The glider reached 1500 km/h in the dive.",
        "Turnout fell to 1040 % of the old register, a clerk joked.",
        "The new turbines add 1200 MW to the grid.",
    ],
)
def test_number_before_a_unit_is_no_year(whens, sentence):
    assert not [w for w in whens(sentence) if any(c.isdigit() for c in w)]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("The ferry line opened in 1998 to link the islands.", "1998"),
        ("By 1980 the mill employed most of the town.", "By 1980"),
        ("The orchard was planted in 1910, a farmer said.", "1910"),
    ],
)
def test_genuine_years_stay(whens, sentence, when):
    assert when in whens(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "During the first years, the clinic struggled to find nurses.",
        '"During the early months, we slept in the van," said Lena Hart.',
    ],
)
def test_stretch_with_an_ordinal_is_no_event(whens, sentence):
    assert whens(sentence) == []


def test_counted_stretch_still_points_back(whens):
    sentence = (
        "The dig ran from May to September 2019. During these five months, the team found a hut."
    )
    assert "During these five months" in whens(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        '"Since then, we have opened two more bakeries," said Omar Field.',
        '"At the time, the river was our only road," said Greta Moss.',
    ],
)
def test_speakers_vague_anchor_is_no_event(whens, sentence):
    assert whens(sentence) == []


def test_narrated_since_then_stays(whens):
    assert "Since then" in whens("Since then, the bakery has opened two more shops.")


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "During the time of the cholera outbreak, the clinic stayed open.",
            "During the time of the cholera outbreak",
        ),
        (
            "The nurses slept there during the time of the [first] curfew.",
            "during the time of the [first] curfew",
        ),
        (
            "During the period when the mine was flooded, the crews worked in the quarry.",
            "During the period when the mine was flooded",
        ),
    ],
)
def test_a_stretch_named_by_its_happening_is_an_anchor(whens, sentence, when):
    assert whens(sentence) == [when]


def test_a_stretch_with_no_happening_named_is_still_no_anchor(whens):
    assert whens("During the time, the clinic stayed open.") == []


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "Hours after the ferry service was restored, the harbour master thanked the crews.",
            "Hours after the ferry service was restored",
        ),
        (
            "Two days before the ballots were counted, the governor conceded.",
            "Two days before the ballots were counted",
        ),
    ],
)
def test_a_span_before_or_after_a_told_happening_opening_a_sentence_is_an_anchor(
    whens, sentence, when
):
    assert whens(sentence) == [when]


def test_a_day_inside_the_opening_phrase_keeps_its_own_date(whens):
    found = whens("Hours before the ferry sank on Monday, the crew radioed for help.")
    assert "Monday" in found


def test_the_date_be_gives_a_time_noun_with_its_own_clause_dates_that_clause(nlp):
    text = "The first time the river flooded the town was 1998."
    found = extract_dated_events(nlp(text), published=PUBLISHED)
    assert [(e.when, e.event) for e in found] == [("1998", "the river flooded the town")]


def test_a_time_noun_with_no_clause_of_its_own_is_still_a_topic(whens):
    assert whens("The next day was quiet in the harbour.") == []
