"""Eleventh round of the teacher's rubric (issue 11 §4), with invented sentences:
a surname read as a month, a comparison the rewriting cut short, two months side
by side taken for one, and wrong speakers who are dead, who killed someone, or who
are the answer (or another option) under a second name."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generate_questions
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import PartialDate
from quizzes.generation.who_said import (
    dead_in_article,
    killer_in_article,
    same_person_named,
    speaker_options,
)

from .facts_for_tests import event, quote
from .test_quality import ctx_for, draft

# Dates: a month that is a name, two months that are a span -------------------------


def _when_question(sentence: str, clause: str, when: str, prompt: str, answer: str):
    dated = DatedFact(
        event=event(clause, when, None, sentence, source=sentence),
        when=PartialDate(2021, 5 if "May" in when else 3),
    )
    return draft("when", prompt, answer, ["April 2021", "June 2021"], source=dated, text=sentence)


def test_a_surname_read_as_the_month_makes_no_date_question():
    sentence = "Party leader Helen May stepped down after the vote on the harbour plan.\n"
    asked = _when_question(
        sentence,
        "Helen May stepped down",
        "May",
        "When did Helen step down after the vote?",
        "May 2021",
    )
    assert q.month_is_a_name(asked, ctx_for(sentence)) is not None
    assert q.draft_problem(asked, ctx_for(sentence)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved the harbour plan in May after a long debate.\n",
        "Last May, the council approved the harbour plan after a long debate.\n",
        "On May 4 the council approved the harbour plan after a long debate.\n",
    ],
)
def test_the_month_itself_is_still_asked(sentence):
    asked = _when_question(
        sentence,
        "the council approved the harbour plan",
        "May",
        "When did the council approve the harbour plan?",
        "May 2021",
    )
    assert q.month_is_a_name(asked, ctx_for(sentence)) is None


def test_a_month_beside_another_month_is_a_span_not_the_answer():
    sentence = "The river flooded the lower valley in March and April, officials said.\n"
    asked = _when_question(
        sentence, "The river flooded the lower valley", "March", "When did the river flood?", "x"
    )
    assert q.month_beside_month(asked, ctx_for(sentence)) is not None


def test_a_prompt_keeping_two_months_side_by_side_is_dropped():
    sentence = "The ferry ran twice a day in June and July, the operator said.\n"
    asked = draft("when", "When did the ferry run twice a day in June and July?", "2020")
    assert q.month_beside_month(asked, ctx_for(sentence)) is not None


def test_a_month_apart_from_another_month_is_asked():
    sentence = "The river flooded the lower valley in March, weeks before the April vote.\n"
    asked = _when_question(
        sentence, "The river flooded the lower valley", "March", "When did the river flood?", "x"
    )
    assert q.month_beside_month(asked, ctx_for(sentence)) is None


# Grammar: a comparison with nothing after it ----------------------------------------


@pytest.mark.parametrize(
    ("prompt", "cut"),
    [
        ("When did the club sign more than?", True),
        ("True or false? In 2020, the town grew faster than.", True),
        ("When did the club sign as many as?", True),
        ("When did the club sign more than forty new players?", False),
        ("When did the ferry carry fewer passengers than the bus?", False),
    ],
)
def test_a_comparison_cut_short_is_garbled(prompt, cut):
    kind = "true_false" if prompt.startswith("True") else "when"
    asked = draft(kind, prompt, "True" if kind == "true_false" else "2020", ["2019", "2018"])
    problem = q.comparison_cut_short(asked, ctx_for("Some text.\n"))
    assert (problem is not None) is cut


def test_a_card_may_blank_what_follows_more_than():
    asked = draft("cloze", "Fill in the blank: The storm left more than _____ homes dark.", "900")
    assert q.comparison_cut_short(asked, ctx_for("Some text.\n")) is None


# Who said: wrong speakers who died, who killed, or who are one person ---------------


@pytest.mark.parametrize(
    "text",
    [
        "A collision which killed cyclist Omar Haddad closed the road.",
        "The final victim, teacher Omar Haddad, was reported missing after the murders.",
        "Omar Haddad passed away at home.",
    ],
)
def test_more_ways_an_article_says_a_person_is_dead(text):
    assert dead_in_article("Omar Haddad", text)


def test_a_victim_of_fraud_is_not_dead():
    assert not dead_in_article("Omar Haddad", "The last victim, Omar Haddad, lost his savings.")


@pytest.mark.parametrize(
    "text",
    [
        "Omar Haddad confessed to killing his cousin in 2015.",
        "Omar Haddad, a farmer, was arrested. Haddad was sentenced to life for the murder.",
        "The mayor was shot by the gunman Omar Haddad outside the hall.",
        "Omar Haddad killed two guards during the escape.",
    ],
)
def test_a_person_the_article_says_killed_someone_is_a_killer(text):
    assert killer_in_article("Omar Haddad", text)


@pytest.mark.parametrize(
    "text",
    [
        "Omar Haddad killed the engine and said the ship was safe.",
        "Omar Haddad condemned the killing of the guards.",
    ],
)
def test_killing_an_engine_or_condemning_a_killing_is_no_killing(text):
    assert not killer_in_article("Omar Haddad", text)


def test_one_person_under_two_names():
    text = (
        "Crown Prince Salim bin Tariq (SBT) spoke first. Ana Ruiz, better known as La Reina, sang."
    )
    assert same_person_named("Salim bin Tariq", "SBT", text)
    assert same_person_named("Ana Ruiz", "La Reina", text)
    assert same_person_named("Tariq", "Salim bin Tariq", text)
    assert not same_person_named("Louise Marsh", "David Marsh", text)


KILLING_TEXT = (
    "“The sentence brings some peace to the village,” said the mayor Ana Ruiz.\n"
    "Omar Haddad confessed to killing his cousin Tom Ash in 2015.\n"
    "“We waited six years for this day,” said Ines Varga, a neighbour.\n"
    "The prosecutor Jon Pike said, “The evidence was overwhelming.”\n"
    "Pike, also known as JP, led the case.\n"
)


def _killing_options(speaker: str, said: str, extra_people: tuple[str, ...] = ()):
    quotes = [
        quote("The sentence brings some peace to the village", "Ana Ruiz", source=KILLING_TEXT),
        quote("We waited six years for this day", "Ines Varga", source=KILLING_TEXT),
        quote("The evidence was overwhelming.", "Jon Pike", source=KILLING_TEXT),
    ]
    names = ("Ana Ruiz", "Omar Haddad", "Tom Ash", "Ines Varga", "Jon Pike", *extra_people)
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    return speaker_options(speaker, said, ctx_for(KILLING_TEXT, facts), seed=3)


def test_the_killer_and_the_killed_are_no_wrong_speakers():
    options = _killing_options("Ana Ruiz", "The sentence brings some peace to the village")
    assert "Omar Haddad" not in options
    assert "Tom Ash" not in options
    assert set(options) == {"Ines Varga", "Jon Pike"}


def test_a_second_name_of_the_answer_or_of_an_option_is_no_option():
    options = _killing_options("Ines Varga", "We waited six years", extra_people=("JP",))
    assert "Jon Pike" in options
    assert "JP" not in options


def test_fewer_than_two_people_left_makes_no_who_said_question():
    text = (
        "“He was a kind man,” said Ana Ruiz of the village council.\n"
        "Omar Haddad confessed to killing his cousin Tom Ash in 2015.\n"
        "Jon Pike, the judge, sentenced him on Friday.\n"
    )
    facts = Facts(
        quotes=[quote("He was a kind man", "Ana Ruiz", source=text)],
        people=[Person(name=n) for n in ("Ana Ruiz", "Omar Haddad", "Tom Ash", "Jon Pike")],
    )
    asked = [d for d in generate_questions(facts, article_text=text) if d.kind == "who_said"]
    assert asked == []
