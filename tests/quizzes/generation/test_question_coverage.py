"""Coverage without losing precision (issue 11 §4), with invented sentences: where
the article gives a person a nationality in a description of what they do, "Which
country is X from?" is asked (and the "when" question on that sentence leaves the
description out); a count card the check drops leaves its place to the next count."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts
from quizzes.generation import cloze, generation_context
from quizzes.generation import quality as q
from quizzes.generation import which_country as wc
from quizzes.generation.context import without_country_roles
from quizzes.generation.numbers import MAX_NUMBER_CARDS

from .facts_for_tests import built, link
from .test_quality import ctx_for, draft


def _question(subject: str, country: str, sentence: str) -> str:
    text = f"{sentence}\n"
    found = link(subject, country, sentence, "person", source=text)
    ctx = generation_context(Facts(countries=[found]), article_text=text)
    ctx.people = [subject]
    return wc.phrasing(found, ctx).question


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("On Monday, Peruvian singer and songwriter Ana Ruiz died at her home.", "Peru"),
        ("The prize went to Peruvian chemist Ana Ruiz for her work on salts.", "Peru"),
        ("The letter was signed by Ana Ruiz, a Peruvian mathematician, in 1990.", "Peru"),
        ("Ana Ruiz is a Peruvian national now living in the capital.", "Peru"),
        ("A helicopter with US basketball player Ana Ruiz on board crashed.", "United States"),
    ],
)
def test_a_nationality_in_what_a_person_does_says_where_they_are_from(sentence, country):
    assert _question("Ana Ruiz", country, sentence) == "Which country is Ana Ruiz from?"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("The council met Ana Ruiz, a Peruvian peace envoy, in the capital.", "Peru"),
        ("Yesterday a United States federal jury convicted Ana Ruiz of fraud.", "United States"),
        ("Peruvian-Chilean chemist Ana Ruiz won the prize.", "Peru"),
    ],
)
def test_an_office_for_a_state_a_verb_or_two_nationalities_say_no_home_country(sentence, country):
    assert _question("Ana Ruiz", country, sentence) != "Which country is Ana Ruiz from?"


def test_the_date_question_leaves_out_the_nationality_another_question_asks():
    text = "US singer and songwriter Ana Ruiz died at her home in Lakeside on Monday.\n"
    ctx = generation_context(
        Facts(countries=[link("Ana Ruiz", "United States", "US singer", "person", source=text)]),
        article_text=text,
    )
    ctx.people = ["Ana Ruiz"]
    asked = without_country_roles("When did US singer and songwriter Ana Ruiz die?", ctx)
    assert asked == "When did Ana Ruiz die?"
    kept = "When did the council ask the United States to pardon Ana Ruiz?"
    assert without_country_roles(kept, ctx) == kept


COUNTS_TEXT = (
    "The storm destroyed 214 homes along the northern coast of the island.\n"
    "Rescuers pulled 37 fishermen from the water before the second wave arrived.\n"
    "The ferry company cancelled 58 crossings across the whole of the week.\n"
    "Volunteers handed out 1,200 blankets in the school halls of the town.\n"
    "Engineers restored power to 9,000 households by the end of the month.\n"
    "The army sent 450 soldiers to clear the roads of the eastern valley.\n"
    "Doctors treated 75 patients for injuries in the main hospital that night.\n"
)


def test_every_count_is_a_candidate_and_the_check_keeps_a_few():
    cards = [d for d in built(cloze, Facts(), COUNTS_TEXT) if d.target.startswith("number:")]
    assert len(cards) > MAX_NUMBER_CARDS
    kept = q.select(cards, ctx_for(COUNTS_TEXT)).kept
    assert len(kept) == MAX_NUMBER_CARDS


def test_a_count_card_after_the_limit_is_dropped_for_balance():
    kept = [
        draft("cloze", f"Fill in the blank: card {n} _____ here.", str(n), target=f"number:{n}")
        for n in range(MAX_NUMBER_CARDS)
    ]
    extra = draft("cloze", "Fill in the blank: a fourth _____ count.", "9", target="number:9")
    assert q.too_many_counts(extra, kept, ctx_for(COUNTS_TEXT)) is not None
    assert q.too_many_counts(extra, kept[:-1], ctx_for(COUNTS_TEXT)) is None
