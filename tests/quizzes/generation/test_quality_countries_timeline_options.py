"""Which-country, timeline and multiple-choice options (issue 11 §4): failure classes
blind judges found on real articles (batches 8 and 9: which country 1/8, timeline 0/2),
each with invented sentences shaped like real news: the rule that now catches it, and
what is still asked."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction import extract
from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generate_questions, generation_context, timeline
from quizzes.generation import quality as q
from quizzes.generation.which_country import top_office
from quizzes.generation.who_said import (
    cut_name,
    name_inside_an_office,
    same_person_named,
    speaker_options,
)

from .facts_for_tests import built, event, link, quote
from .test_quality import ctx_for, draft

# Which country: a link the article teaches, not who heads a state ----------------

OFFICES_TEXT = (
    "Delegates met in Velmar on Tuesday to discuss the river treaty.\n"
    "Peruvian President Ana Ruiz opened the talks with a call for calm.\n"
    "Chilean foreign minister Tomas Berg said the draft was a good start.\n"
    "Omar Haddad, the acting prime minister of Bolivia, left early.\n"
)


def _country_prompts(text, links, people=()):
    facts = Facts(countries=links, people=list(people))
    drafts = generate_questions(facts, article_text=text)
    return {d.prompt: d.answer for d in drafts if d.kind == "which_country"}


def test_who_heads_a_state_is_world_knowledge_not_asked():
    """ "Which country is <head of government> the chancellor of?": a student knows it
    or not (blind judges, batch 8); a minister or an acting leader the article
    introduces is what it teaches."""
    links = [
        link("Ana Ruiz", "Peru", "Peruvian President Ana", "person", source=OFFICES_TEXT),
        link("Tomas Berg", "Chile", "Chilean foreign minister", "person", source=OFFICES_TEXT),
        link("Omar Haddad", "Bolivia", "Omar Haddad, the acting", "person", source=OFFICES_TEXT),
    ]
    people = [
        Person("Ana Ruiz", "Peruvian President", "f"),
        Person("Tomas Berg", "Chilean foreign minister", "m"),
        Person("Omar Haddad", "the acting prime minister of Bolivia", "m"),
    ]
    prompts = _country_prompts(OFFICES_TEXT, links, people)
    assert prompts == {
        "Which country is Tomas Berg the foreign minister of?": "Chile",
        "Which country is Omar Haddad the acting prime minister of?": "Bolivia",
    }


def test_the_top_office_rule_reads_the_office_the_prompt_names():
    ctx = ctx_for(OFFICES_TEXT)
    for prompt in (
        "Which country is Ana Ruiz the president of?",
        "Which country was Ana Ruiz the chancellor of?",
        "Which country is Ana Ruiz the crown prince of?",
        "Which country is Ana Ruiz the paramount leader of?",  # blind judge, batch 45
    ):
        asked = draft("which_country", prompt, "Peru", ["Chile", "Bolivia"])
        assert q.top_office_trivia(asked, ctx) == "trivia: who heads a country is world knowledge"
    for prompt in (
        "Which country is Ana Ruiz the foreign minister of?",
        "Which country is Ana Ruiz the opposition leader of?",
        "Which country is Ana Ruiz the deputy prime minister of?",
        "Which country’s rugby federation is Ana Ruiz the president of?",
        "Which country is Ana Ruiz from?",
    ):
        asked = draft("which_country", prompt, "Peru", ["Chile", "Bolivia"])
        assert q.top_office_trivia(asked, ctx) is None, prompt
    assert top_office("Which country is Ana Ruiz the prime minister of?") == "prime minister"


# Who said: options of the answer's type, never a name cut short --------------------

PAPER_TEXT = (
    "Author Lena Varga dies at 91\n"
    "Varga wrote eleven novels, including the 2004 book Salt Harbour, which the Velmar "
    'Times called "the boldest debut of the decade."\n'
    'Her editor Omar Haddad said "she rewrote every page nine times before it went out."\n'
    'Critic Ines Moreau said "nobody wrote harbour towns the way Lena Varga did."\n'
    'Her nephew Tomas Berg said "Lena laughed at her own reviews every single morning."\n'
)


def test_a_newspaper_quoted_is_not_asked_among_people():
    """ "Who said …?" → a newspaper, beside three people (blind judge, batch 9): with no
    other body in the article to offer, no question; the people's quotes still are."""
    facts = Facts(
        quotes=[
            quote("the boldest debut of the decade.", "Velmar Times", source=PAPER_TEXT),
            quote("she rewrote every page", "Omar Haddad", source=PAPER_TEXT),
            quote("nobody wrote harbour towns", "Ines Moreau", source=PAPER_TEXT),
            quote("Lena laughed at her own", "Tomas Berg", source=PAPER_TEXT),
        ],
        people=[
            Person("Omar Haddad", "editor", "m"),
            Person("Ines Moreau", "critic", "f"),
            Person("Tomas Berg", "nephew", "m"),
        ],
    )
    drafts = generate_questions(facts, article_text=PAPER_TEXT)
    answers = {d.answer for d in drafts if d.kind == "who_said"}
    assert "Velmar Times" not in answers
    assert {"Omar Haddad", "Ines Moreau", "Tomas Berg"} <= answers
    ctx = ctx_for(PAPER_TEXT, facts)
    asked = draft(
        "who_said",
        "Who said: “the boldest debut of the decade”?",
        "Velmar Times",
        ["Omar Haddad", "Ines Moreau", "Tomas Berg"],
    )
    assert q.publication_among_people(asked, ctx) == "options: a publication among people"
    person = draft(
        "who_said",
        "Who said: “nobody wrote harbour towns the way Lena Varga did”?",
        "Ines Moreau",
        ["Omar Haddad", "Tomas Berg"],
    )
    assert q.publication_among_people(person, ctx) is None


def test_a_name_the_article_only_writes_longer_is_no_wrong_speaker():
    """ "Valéry Giscard" for "Valéry Giscard d'Estaing" (blind judge, batch 8)."""
    text = (
        "Former minister Paul Dufresne served under President Henri Marchal d'Aubigny "
        "in the seventies.\n"
        'Senator Claire Fontaine said "nobody ever raised a voice in the chamber."\n'
        'Mayor Luc Perrin said "the city owes him its harbour and its schools."\n'
    )
    assert cut_name("Henri Marchal", text)
    assert not cut_name("Claire Fontaine", text)
    assert not cut_name("Henri Marchal d'Aubigny", text)
    facts = Facts(
        quotes=[
            quote("nobody ever raised a voice", "Claire Fontaine", source=text),
            quote("the city owes him", "Luc Perrin", source=text),
        ],
        people=[
            Person("Paul Dufresne", "Former minister", "m"),
            Person("Henri Marchal", "President", "m"),
            Person("Claire Fontaine", "Senator", "f"),
            Person("Luc Perrin", "Mayor", "m"),
        ],
    )
    ctx = ctx_for(text, facts)
    options = speaker_options("Claire Fontaine", "nobody ever raised a voice", ctx, seed=1)
    assert "Henri Marchal" not in options
    assert set(options) == {"Paul Dufresne", "Luc Perrin"}


def test_a_name_glued_to_the_end_of_an_office_is_no_wrong_speaker():
    """ "Coastal Affairs Marta Lind" for "Secretary of Coastal Affairs Marta Lind" (blind
    judge, batch 48): every mention follows "of", the office's words broke the name."""
    text = (
        "Secretary of Coastal Affairs Marta Lind said the dunes were eroding.\n"
        'Senator Claire Fontaine said "nobody ever raised a voice in the chamber."\n'
        'Mayor Luc Perrin said "the city owes the harbour its schools."\n'
        "Council member Paul Dufresne said the vote would wait.\n"
    )
    assert name_inside_an_office("Coastal Affairs Marta Lind", text)
    assert not name_inside_an_office("Claire Fontaine", text)
    facts = Facts(
        quotes=[
            quote("nobody ever raised a voice", "Claire Fontaine", source=text),
            quote("the city owes the harbour", "Luc Perrin", source=text),
        ],
        people=[
            Person("Coastal Affairs Marta Lind", "Secretary", "f"),
            Person("Claire Fontaine", "Senator", "f"),
            Person("Luc Perrin", "Mayor", "m"),
            Person("Paul Dufresne", "Council member", "m"),
        ],
    )
    ctx = ctx_for(text, facts)
    options = speaker_options("Claire Fontaine", "nobody ever raised a voice", ctx, seed=1)
    assert set(options) == {"Paul Dufresne", "Luc Perrin"}


def test_one_body_named_with_its_city_and_its_country_is_one_option():
    assert same_person_named("Wessex Embassy in Ashby", "Wessex Embassy in Freedonia", "")
    assert not same_person_named("Wessex Embassy in Ashby", "Wessex Consulate in Ashby", "")
    assert same_person_named("Parliament of Chile", "Chilean Parliament", "")
    assert not same_person_named("Parliament of Chile", "Chilean Senate", "")


# Timeline: clearly dated events, clean items, nothing the bank asks already --------

LIFE_TEXT = (
    "Marta Oliveira, founder of the Velmar harbour museum, dies at 88\n"
    "Marta Oliveira was born in 1936 in a fishing village near Velmar.\n"
    "Oliveira was director of the harbour museum from 1971 to 1998.\n"
    "In 1985, Oliveira opened the museum's first floating gallery.\n"
    "Oliveira also won the national heritage prize in 2001.\n"
    "The museum lowered its flags in her honour on Tuesday.\n"
)
LIFE_PUBLISHED = date(2024, 3, 8)


def life_events():
    return [
        event(
            "Marta Oliveira was born in a fishing village",
            "1936",
            "1936",
            "Marta Oliveira was born",
            source=LIFE_TEXT,
        ),
        event(
            "Oliveira was director of the harbour museum",
            "from 1971 to 1998",
            "1971",
            "Oliveira was director",
            source=LIFE_TEXT,
        ),
        event(
            "Oliveira opened the museum's first floating gallery",
            "1985",
            "1985",
            "In 1985",
            source=LIFE_TEXT,
        ),
        event(
            "Oliveira also won the national heritage prize",
            "2001",
            "2001",
            "Oliveira also won",
            source=LIFE_TEXT,
        ),
        event(
            "The museum lowered its flags in her honour",
            "Tuesday",
            "2024-03-05",
            "The museum lowered",
            source=LIFE_TEXT,
        ),
    ]


def test_a_timeline_orders_points_in_time_with_clean_items():
    """A span ("director from 1971 to 1998") has no place in an order; an adverb tying
    the sentence to the one before ("also") is left out (blind judge, batch 8)."""
    facts = Facts(events=life_events())
    (ordering,) = built(timeline, facts, LIFE_TEXT, published=LIFE_PUBLISHED)
    items = [text for text, _, _ in sorted(ordering.choices, key=lambda c: c[2])]
    assert items == [
        "Marta Oliveira was born in a fishing village",
        "Oliveira opened the museum's first floating gallery",
        "Oliveira won the national heritage prize",
        "The museum lowered its flags in her honour",
    ]


def test_a_garbled_item_is_left_out_of_the_timeline():
    facts = Facts(events=life_events())
    ctx = generation_context(facts, article_text=LIFE_TEXT, published=LIFE_PUBLISHED)
    born = ctx.clean_dated[0]
    assert (
        q.timeline_item_problem("Marta Oliveira was born in a fishing village", born, ctx) is None
    )
    assert q.timeline_item_problem("Marta Oliveira was born, last year", born, ctx) == (
        "grammar: a relative time expression left in the prompt"
    )


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("Harbour officials confirmed it has flooded over 40 homes in Tarrow", False),
        ("Port authorities declared similar measures for the northern docks", False),
        ("The harbour board said it would close the northern docks", True),
        ("Port authorities closed the docks to ships such as ferries", True),
    ],
)
def test_a_timeline_item_that_points_to_another_sentence_is_left_out(item, kept):
    """Read alone, "it" after a plural subject stands for nothing, and "similar" compares
    with a sentence the learner does not see (blind judge)."""
    facts = Facts(events=life_events())
    ctx = generation_context(facts, article_text=LIFE_TEXT, published=LIFE_PUBLISHED)
    born = ctx.clean_dated[0]
    assert (q.timeline_item_problem(item, born, ctx) is None) == kept


def test_a_timeline_whose_dates_the_bank_asks_is_dropped():
    """ "Put in order: A (1995), B (2015), C (2018)" beside a when-question on each
    (blind judge, batch 9): the dates give the order away."""
    ctx = ctx_for(LIFE_TEXT)
    ordering = draft(
        "ordering",
        "Put these events from the article in order, earliest first.",
        "a → b → c",
        fact_keys=("a", "b", "c"),
    )
    when_a = draft(
        "when",
        "In what year was Marta Oliveira born?",
        "1936",
        ["1935", "1937"],
        fact_keys=("a",),
        target="date:1936",
    )
    when_b = draft(
        "when",
        "In what year did Oliveira open the gallery?",
        "1985",
        ["1984", "1986"],
        fact_keys=("b",),
        target="date:1985",
    )
    assert q.timeline_of_asked_dates(ordering, [when_a], ctx) is None
    assert q.timeline_of_asked_dates(ordering, [when_a, when_b], ctx) == (
        "timeline: 2 of its events' dates are asked by other questions"
    )


PARDON_TEXT = (
    "Governor pardons former banker Ivo Brand\n"
    "In 1991, Ivo Brand admitted charges linked to his time as loans department head at "
    "Marden Vell Kline, a small lender.\n"
    "In 1999, the mayor of Tarrow Dana Holt was convicted of fraud in a case about river "
    "contracts.\n"
    "In 2004, Ivo Brand founded a charity for young farmers in the northern valleys.\n"
    "In 2012, Ivo Brand opened a school for farm mechanics in the town of Tarrow.\n"
)


def test_a_timeline_item_cut_before_what_it_needs_is_left_out():
    """ "Ivo Brand admitted charges linked to his time" (as what?) is no event to order,
    as it is no "when" question (blind judge, batch 42)."""
    facts = extract(PARDON_TEXT, published=date(2020, 2, 20))
    (ordering,) = built(timeline, facts, PARDON_TEXT, published=date(2020, 2, 20))
    items = [text for text, _, _ in ordering.choices]
    assert len(items) == 3
    assert not any("his time" in item for item in items)


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("The final rule change occurred", False),
        ("The strikes began, then paused, before resuming in late June", False),
        ("The harbour board closed the docks in 2011", False),
        ("The final rule change of the Tarrow charter occurred", True),
        ("The harbour board closed the northern docks to ships", True),
        ("Oliveira won the heritage prize", True),
    ],
)
def test_a_timeline_item_naming_nothing_or_holding_a_time_is_left_out(item, kept):
    """Read alone, a few words with no name say no event the learner can place, and a
    time inside an item tells part of the order."""
    facts = Facts(events=life_events())
    ctx = generation_context(facts, article_text=LIFE_TEXT, published=LIFE_PUBLISHED)
    born = ctx.clean_dated[0]
    assert (q.timeline_item_problem(item, born, ctx) is None) == kept
