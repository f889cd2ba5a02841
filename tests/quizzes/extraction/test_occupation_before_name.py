"""An occupation noun opening the sentence before a full name is no part of the name,
even when the model takes it into the person's entity; a surname that is also a trade
stays when it is the only surname. Invented sentences."""

from __future__ import annotations

import pytest

from quizzes.extraction.countries import extract_country_links
from quizzes.extraction.people import PeopleIndex
from tests.quizzes.extraction.conftest import said


@pytest.mark.parametrize(
    "occupation", ["Astronomer", "Archaeologist", "Developer", "Neuroscientist", "Economist"]
)
def test_an_occupation_opening_the_sentence_is_not_part_of_the_name(
    quotes_of, people_of, occupation
):
    text = f'{occupation} Wenna Trethowan said "the results surprised all of us".'
    assert [p.name for p in people_of(text).people] == ["Wenna Trethowan"]
    assert said(quotes_of(text)) == {"the results surprised all of us": "Wenna Trethowan"}


def test_the_person_keeps_later_quotes_under_the_short_name(quotes_of):
    text = (
        'Astronomer Wenna Trethowan said "the comet came back early". '
        'Trethowan added: "We will watch it again next spring."'
    )
    assert said(quotes_of(text)) == {
        "the comet came back early": "Wenna Trethowan",
        "We will watch it again next spring.": "Wenna Trethowan",
    }


@pytest.mark.parametrize("surname", ["Baker", "Carter", "Mason"])
def test_a_trade_that_is_the_only_surname_stays(people_of, surname):
    text = f'{surname} Oduya said "the bakery opens at six every day".'
    names = [p.name for p in people_of(text).people]
    assert names == [f"{surname} Oduya"] or names == []


def test_an_occupation_before_a_single_surname_is_kept(quotes_of):
    quotes = quotes_of('Astronomer Trethowan said "the comet came back early".')
    assert said(quotes)["the comet came back early"] != "Trethowan"


def test_the_country_of_the_person_names_them_without_the_occupation(nlp):
    text = 'Astronomer Wenna Trethowan, from Kenya, said "the comet came back early".'
    doc = nlp(text)
    links = extract_country_links(doc, people=PeopleIndex.build(doc))
    assert {(link.subject, link.country) for link in links} == {("Wenna Trethowan", "Kenya")}


def test_a_given_name_the_model_takes_as_a_name_is_kept_before_a_hyphenated_surname(
    people_of,
):
    text = 'Christopher Ollerby-Vance said "the glue held for a week".'
    assert [p.name for p in people_of(text).people] == ["Christopher Ollerby-Vance"]
