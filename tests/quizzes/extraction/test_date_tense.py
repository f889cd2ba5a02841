"""The tense a date is read in, on short invented sentences (dates.tense, dates.resolve)."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction.events import extract_dated_events

THURSDAY = date(2022, 9, 29)


@pytest.fixture
def dates_of(nlp):
    def run(text: str, published: date = THURSDAY) -> list[tuple[str, str | None]]:
        return [(e.when, e.date) for e in extract_dated_events(nlp(text), published=published)]

    return run


@pytest.mark.parametrize(
    ("sentence", "when", "resolved"),
    [
        # a plan told in the past: the nearer such weekday, on either side of publication
        ("The storm was expected to cross the islands late Wednesday night.", "Wednesday night", "2022-09-28"),
        ("The ferry was forecast to reach the harbour on Friday.", "Friday", "2022-09-30"),
        ("Kent, which was planning to hold its vote on Monday, called it off.", "Monday", "2022-09-26"),
    ],
)  # fmt: skip
def test_a_weekday_a_past_plan_looked_ahead_to_is_the_nearest(dates_of, sentence, when, resolved):
    assert (when, resolved) in dates_of(sentence)


def test_a_present_forecast_dates_what_it_foretells_ahead(dates_of):
    assert ("Saturday morning", "2022-10-01") in dates_of(
        "Forecasters predict rain Saturday morning."
    )


def test_a_verb_joined_to_a_planned_one_shares_its_plan(dates_of):
    found = dates_of("The crew is scheduled to stay on the platform and fly home on Monday.")
    assert ("Monday", "2022-10-03") in found


@pytest.mark.parametrize(
    ("sentence", "when", "resolved"),
    [
        ("Running from August 22 to 25, the fair drew crowds to the park.", "August 22", "2022-08-22"),
        ("Despite winning the county vote in March, Ruiz lost the race in May.", "March", "2022-03"),
    ],
)  # fmt: skip
def test_an_ing_clause_takes_the_tense_of_its_clause(dates_of, sentence, when, resolved):
    assert (when, resolved) in dates_of(sentence, date(2022, 10, 20))


def test_a_counterfactual_day_is_the_nearest(dates_of):
    found = dates_of("The poet would have turned 90 on October 4.", date(2022, 9, 26))
    assert ("October 4", "2022-10-04") in found


def test_a_range_takes_the_year_written_after_its_end(dates_of):
    found = dates_of("The crew surveyed the reef from June 3 to 9 of last year, before the storm.")
    assert ("June 3", "2021-06-03") in found
    found = dates_of("The fair ran from May 2 to 5, 2019 in the old town.")
    assert ("May 2", "2019-05-02") in found


def test_the_same_day_counts_from_a_date_of_its_sentence(dates_of):
    found = dates_of(
        "The mayor will unveil the plan on November 8, the same day the council meets."
    )
    assert ("the same day", "2022-11-08") in found


def test_a_date_that_owns_a_noun_leaves_the_preposition_to_the_noun(dates_of, nlp):
    found = extract_dated_events(
        nlp("After last week's floods, the council shut the river path."), published=THURSDAY
    )
    assert [(e.when, e.event) for e in found][0] == ("last week", "floods")


@pytest.mark.parametrize(
    ("sentence", "when", "resolved"),
    [
        ('"By signing the deal on Friday," Ames said, "we saved the plant."', "Friday", "2022-09-23"),
        ('"Despite losing the first round in March," she said, "we won."', "March", "2022-03"),
    ],
)  # fmt: skip
def test_an_ing_clause_in_a_split_quotation_is_dated_without_looping(
    dates_of, sentence, when, resolved
):
    """The reporting clause between the halves used to lead the climb back to its start."""
    assert (when, resolved) in dates_of(sentence)
