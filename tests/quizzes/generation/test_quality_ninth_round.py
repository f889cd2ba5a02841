"""Ninth round of the teacher's rubric (issue 11 §4): what the blind judges of batches
12 and 13 found for who said, which country and cards, each with invented sentences:
the rule that now catches it, and what is still asked."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generate_questions
from quizzes.generation import quality as q
from quizzes.generation import which_country as wc
from quizzes.generation.text import BLANK
from quizzes.generation.who_said import dead_in_article, is_document, names_a_thing

from .facts_for_tests import link, quote
from .test_quality import ctx_for, draft

# Who said: every option a plausible speaker ------------------------------------

AGENCY_TEXT = (
    "Speaking to Velmar-Presse, harbour master Jane Doe said, “The quay will reopen soon.”\n"
    "Councillor John Roe said, “Nobody asked the fishermen.”\n"
    "Ann Poe, a trader, said, “Prices went up twice this month.”\n"
)


def _who_said(facts, text):
    return [d for d in generate_questions(facts, article_text=text) if d.kind == "who_said"]


def test_a_news_agency_the_article_only_names_is_no_speaker_option():
    facts = Facts(
        quotes=[
            quote("The quay will reopen soon.", "Jane Doe", source=AGENCY_TEXT),
            quote("Nobody asked the fishermen.", "John Roe", source=AGENCY_TEXT),
            quote("Prices went up twice this month.", "Ann Poe", source=AGENCY_TEXT),
        ],
        people=[Person(name="Velmar-Presse")],
    )
    drafts = _who_said(facts, AGENCY_TEXT)
    assert drafts
    for asked in drafts:
        assert "Velmar-Presse" not in asked.choice_texts


@pytest.mark.parametrize(
    "name", ["Ostland Press", "Velmar-Presse", "Daily Harbour News", "Nordic Wire Agency"]
)
def test_an_agency_or_outlets_name_is_a_thing_not_a_person(name):
    assert names_a_thing(name, f"It was first reported by {name}.")


def test_a_persons_name_is_no_outlet():
    assert not names_a_thing("Ana Ruiz", "Ana Ruiz said the talks went well.")


@pytest.mark.parametrize(
    "text",
    [
        "The talks began a year after the assassination of the general Omar Haddad in May.",
        "Omar Haddad was killed in a raid in 2019.",
        "Memorial flags flew for the late Omar Haddad.",
        "Omar Haddad, who died last spring, had led the unit.",
        "Omar Haddad's death changed the talks.",
    ],
)
def test_a_person_the_article_says_is_dead_speaks_no_present_words(text):
    assert dead_in_article("Omar Haddad", text)


def test_a_person_who_killed_someone_is_alive():
    text = "Omar Haddad killed the engine and said the ship was safe."
    assert not dead_in_article("Omar Haddad", text)


DEAD_TEXT = (
    "Envoy Jane Doe said, “The sanctions are a political stunt.”\n"
    "The prosecutor, John Roe, said, “We will pursue every case.”\n"
    "The cases concern the killing of the general Omar Haddad in March.\n"
    "Ann Poe, the mayor, said, “The city is calm.”\n"
)


def test_a_dead_person_is_replaced_by_the_articles_speakers():
    facts = Facts(
        quotes=[
            quote("The sanctions are a political stunt.", "Jane Doe", source=DEAD_TEXT),
            quote("We will pursue every case.", "John Roe", source=DEAD_TEXT),
            quote("The city is calm.", "Ann Poe", source=DEAD_TEXT),
        ],
        people=[Person(name="Omar Haddad")],
    )
    drafts = _who_said(facts, DEAD_TEXT)
    asked = next(d for d in drafts if d.answer == "Jane Doe")
    assert "Omar Haddad" not in asked.choice_texts
    assert {"John Roe", "Ann Poe"} <= set(asked.choice_texts)


# Which country: where the person is from, and only one right answer ----------------


def _from(subject, sentence):
    return wc._is_from(link(subject, "Malta", sentence, "person", source=sentence))


def test_a_title_naming_the_state_a_person_serves_is_not_where_they_are_from():
    sentence = "Malta envoy Ana Ruiz met the council."
    assert not _from("Ana Ruiz", sentence)


def test_a_nationality_before_the_name_is_where_they_are_from():
    sentence = "Maltese runner Ana Ruiz won the race."
    assert _from("Ana Ruiz", sentence)


def test_two_nationalities_before_the_name_make_both_right_so_no_from_question():
    sentence = "Maltese-Italian chemist Ana Ruiz won the prize."
    assert not _from("Ana Ruiz", sentence)


# Cards that need the sentence before, or give the country away ---------------------


@pytest.mark.parametrize(
    "prompt",
    [
        f"Fill in the blank: That rule was dropped in {BLANK}.",
        f"Fill in the blank: These talks ended in {BLANK}.",
    ],
)
def test_a_card_opening_on_that_or_these_points_at_nothing(prompt):
    card = draft("cloze", prompt, "2011", target="date:2011")
    assert q.needs_the_sentence_before(card, ctx_for("")) is not None


def test_a_card_opening_on_a_name_is_kept():
    card = draft("cloze", f"Fill in the blank: The rule was dropped in {BLANK}.", "2011")
    assert q.needs_the_sentence_before(card, ctx_for("")) is None


def test_the_countrys_capital_with_no_country_named_is_vague():
    text = "Two blasts shook Velmar, the capital of Peru, last month."
    facts = Facts(countries=[link("Velmar", "Peru", "Two blasts shook", source=text)])
    asked = draft("when", "When did two blasts shake the country's capital, Velmar?", "May 2019")
    assert q.needs_the_sentence_before(asked, ctx_for(text, facts)) is not None
    named = draft("when", "When did two blasts in Peru shake the country's capital?", "May")
    assert q.needs_the_sentence_before(named, ctx_for(text, facts)) is None


def _government_card(text, countries):
    facts = Facts(countries=[link(s, c, s, source=text) for s, c in countries])
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK} government accused Ana Ruiz of fraud.",
        "Peru",
        target="country:peru",
    )
    return q.cloze_the_articles_one_country(card, ctx_for(text, facts))


def test_the_government_of_the_articles_one_country_is_no_card():
    text = "Ana Ruiz lives in Lima. A Peru court heard the case."
    assert _government_card(text, [("Lima", "Peru"), ("A Peru court", "Peru")]) is not None


def test_the_government_of_one_of_several_countries_is_a_card():
    text = "Ana Ruiz lives in Lima. A court in Chile heard the case."
    assert _government_card(text, [("Lima", "Peru"), ("A court in Chile", "Chile")]) is None


# The article's typos are not copied onto a card ------------------------------------


def test_a_misspelt_nationality_written_once_is_the_articles_typo():
    text = "Peru is calm. The Peruvian army left. The Pesuvian army came back."
    card = draft("cloze", f"Fill in the blank: The Pesuvian army came back in {BLANK}.", "May")
    assert q.misspelt_name(card, ctx_for(text)) is not None


def test_of_for_to_after_trying_is_the_articles_slip():
    card = draft("cloze", f"Fill in the blank: She was trying of sell the boat in {BLANK}.", "May")
    assert q.misspelt_name(card, ctx_for("")) is not None
    kept = draft("cloze", f"Fill in the blank: She was tired of the boat by {BLANK}.", "May")
    assert q.misspelt_name(kept, ctx_for("")) is None


# Who said: a statement, said by a person, once ------------------------------------


@pytest.mark.parametrize("name", ["Harbour Act No", "Decree No. 7", "Constitution of Velmar"])
def test_a_law_or_a_decree_is_no_speaker(name):
    assert is_document(name)


@pytest.mark.parametrize("name", ["Bill Ruiz", "Law Chi-wai", "Ana Charter"])
def test_people_named_like_documents_are_speakers(name):
    assert not is_document(name)


LIST_TEXT = (
    "The minister called on “farm unions, church groups, and village elders, "
    "town mayors and youth leaders” to help.\n"
    "The minister said “we will open every clinic, school and hall”.\n"
)


def _said(words, text=LIST_TEXT):
    return draft(
        "who_said",
        f"Who said: “{words}”?",
        "Ana Ruiz",
        source=quote(words, "Ana Ruiz", source=text),
    )


def test_a_list_of_groups_in_quotation_marks_is_no_statement():
    asked = _said("farm unions, church groups, and village elders, town mayors and youth leaders")
    assert q.quote_is_a_list(asked, ctx_for(LIST_TEXT)) is not None


def test_a_statement_listing_things_is_kept():
    asked = _said("we will open every clinic, school and hall")
    assert q.quote_is_a_list(asked, ctx_for(LIST_TEXT)) is None


ADDED_TEXT = (
    "At the summit, envoy Jane Doe said, “The talks are over.”\n"
    "She added, “Nobody believes the offer.”\n"
    "Later, John Roe said, “We will wait.”\n"
)


def test_words_the_speaker_added_at_once_are_one_utterance():
    first = quote("The talks are over.", "Jane Doe", source=ADDED_TEXT)
    second = quote("Nobody believes the offer.", "Jane Doe", source=ADDED_TEXT)
    assert q._continues(first, second, ADDED_TEXT)
    third = quote("We will wait.", "John Roe", source=ADDED_TEXT)
    assert not q._continues(second, third, ADDED_TEXT)


def test_a_law_quoted_as_speaking_makes_no_card_with_its_name_blanked():
    from quizzes.generation import cloze

    text = "The Harbour Act states “no ship shall dock at night”.\n"
    law = quote("no ship shall dock at night", "Harbour Act", source=text)
    assert cloze._speaker_card(law) is None
