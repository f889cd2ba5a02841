"""Country links of people by their descent, of names a description or a headline title
gives a country, on invented sentences (``persons.people_of_a_descent``,
``persons.headline_surnames``, ``organisations._name_before_its_description``,
``context._america_ending_a_body``, ``context.clipped_words``)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quizzes.extraction.countries import extract_country_links
from quizzes.extraction.countries.groups import _dealing_between
from quizzes.extraction.countries.persons import _description_read_as_a_list_item


def test_a_person_said_to_be_of_a_descent_has_its_country(pairs_of):
    found = pairs_of("Tom Reid is of Peruvian descent and grew up in a small village.")
    assert ("Tom Reid", "Peru") in found
    assert not any(subject.endswith("descent") for subject, _country in found)


def test_a_citizen_of_a_descent_has_both_countries(pairs_of):
    found = pairs_of("Ana Lind, an Australian citizen of Chilean descent, spoke to reporters.")
    assert {("Ana Lind", "Australia"), ("Ana Lind", "Chile")} <= found
    assert not any(subject.endswith("descent") for subject, _country in found)


def test_she_of_a_descent_is_the_one_person_named_before(pairs_of):
    found = pairs_of("Maria Gonzalez won the final on Sunday. She is of Chilean origin.")
    assert ("Maria Gonzalez", "Chile") in found


def test_a_descent_with_no_person_is_no_link(pairs_of):
    found = pairs_of("The singer, who is of Peruvian heritage, won the award.")
    assert found == set()


def test_a_nationality_after_the_name_is_the_person_s_not_the_descent_s(pairs_of):
    found = pairs_of("Ana Lind, a Canadian of Peruvian descent, spoke at the meeting.")
    assert {("Ana Lind", "Canada"), ("Ana Lind", "Peru")} <= found


def test_a_nationality_noun_after_the_name_is_the_person_s(pairs_of):
    found = pairs_of("Tom Reid, an Australian, appeared in court on Monday.")
    assert ("Tom Reid", "Australia") in found


def test_the_name_before_a_described_agency_is_linked_not_the_description(pairs_of):
    found = pairs_of("KoPaR, the Chilean anti-monopoly agency, has to approve the merger.")
    assert ("KoPaR", "Chile") in found
    assert not any("agency" in subject for subject, _country in found)


def test_three_letters_of_a_country_before_a_firm_and_its_name(pairs_of):
    found = pairs_of("It shares a name with the USA firm Brightlane, which makes lamps.")
    assert ("Brightlane", "United States") in found


def test_three_letters_of_a_card_still_name_no_country(pairs_of):
    assert pairs_of("She showed her PAN card to the clerk at the counter.") == set()


def test_a_headline_surname_after_a_title_is_the_person_named_in_full(pairs_of):
    found = pairs_of(
        "US Speaker Marlow backs new trade deal\n"
        "Yesterday, Jonah Marlow, the Speaker of the House of Representatives, said that the "
        "deal was fair. Marlow spoke after a vote."
    )
    assert ("Jonah Marlow", "United States") in found


def test_a_headline_surname_shared_by_two_people_is_nobody(pairs_of):
    found = pairs_of(
        "US Speaker Marlow backs new trade deal\n"
        "Yesterday, Jonah Marlow and his sister Ellen Marlow said that the deal was fair."
    )
    assert not any(country == "United States" for _subject, country in found)


def test_between_hung_from_the_clause_subject_still_tells_the_deal_s_sides(nlp):
    """The parse of a long article may hang "between" from the subject of the relative clause
    ("the ministry"), past its verb: the deal is still what "between" tells the sides of."""
    words = ["deals", "the", "ministry", "arranged", "between", "Chile", "and", "Peru"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[0, 2, 3, 0, 2, 4, 5, 5],
        deps=["ROOT", "det", "nsubj", "relcl", "prep", "pobj", "cc", "conj"],
        pos=["NOUN", "DET", "NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN"],
    )
    found = _dealing_between(doc[4])
    assert found is not None
    assert found.i == 0


def test_a_capitalised_war_is_named_with_its_place(nlp):
    """ "the War in Peru" (a name the model labels an event): the subject is the whole name,
    never a bare "War" a question could not ask about."""
    words = ["They", "asked", "about", "the", "War", "in", "Peru", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, True, True, True, False, False],
        heads=[1, 1, 1, 4, 2, 4, 5, 1],
        deps=["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
        pos=["PRON", "VERB", "ADP", "DET", "PROPN", "ADP", "PROPN", "PUNCT"],
        ents=["O", "O", "O", "O", "B-EVENT", "O", "B-GPE", "O"],
    )
    found = {(link.subject, link.country) for link in extract_country_links(doc, people=None)}
    assert found == {("War in Peru", "Peru")}


def test_a_headline_verb_read_as_a_noun_ends_the_national_group(pairs_of):
    found = pairs_of(
        "Peruvian political party withdraws nomination of singer for mayor\n"
        "The party said on Monday it would not run."
    )
    assert ("Peruvian political party", "Peru") in found
    assert not any("withdraws" in subject for subject, _country in found)


def test_a_plural_noun_that_is_also_a_verb_stays_in_the_group(pairs_of):
    found = pairs_of("The group closed its Austrian, Chilean and New Zealand production sites.")
    assert ("its Austrian, Chilean and New Zealand production sites", "Chile") in found


def test_an_office_sought_is_held_by_no_one(pairs_of):
    found = pairs_of("Tom Reid, the party's nominee for President of Peru, named a running mate.")
    assert ("President of Peru", "Peru") not in found


def test_an_office_spelling_out_an_acronym_is_held_by_no_one(pairs_of):
    found = pairs_of("He is ineligible to serve as VPOP (Vice President of Peru), she said.")
    assert not any(subject.endswith("President of Peru") for subject, _country in found)


def test_the_office_of_an_office_is_the_institution(pairs_of):
    found = pairs_of("The Palace refers to the Peruvian president's office.")
    assert ("Peruvian president", "Peru") not in found


def test_a_bare_office_still_names_its_holder(pairs_of):
    assert ("president of Peru", "Peru") in pairs_of("The president of Peru met the press.")


def test_the_title_of_the_next_names_of_a_list_is_not_the_first_name_s(pairs_of):
    found = pairs_of(
        "They toppled statues of Tom Reid, Chilean presidents Ana Lind and Jorge Vidal, and "
        "the poet Maria Gonzalez."
    )
    assert ("Ana Lind", "Chile") in found
    assert ("Tom Reid", "Chile") not in found


def test_a_country_opening_the_next_phrase_qualifies_no_name_before_it(pairs_of):
    found = pairs_of("After an inquiry from Quillnews, U.S. presidential candidates weighed in.")
    assert ("U.S. presidential candidates", "United States") in found
    assert not any(subject == "Quillnews" for subject, _country in found)


def test_a_plural_group_after_a_name_and_comma_describes_no_body(pairs_of):
    found = pairs_of(
        "After an inquiry from Quillnews, Peruvian presidential candidates weighed in."
    )
    assert found == {("Peruvian presidential candidates", "Peru")}


def test_a_town_and_country_before_a_noun_is_one_phrase(pairs_of):
    found = pairs_of("Ana Lind worked for the Nelson, New Zealand police department for a decade.")
    assert ("Nelson", "New Zealand") in found


def test_an_office_someone_would_serve_as_is_no_holder_of_its_own(pairs_of):
    found = pairs_of("Were she to win, Ana Lind could serve as Vice President of Peru.")
    assert not any(subject.endswith("President of Peru") for subject, _country in found)


def test_an_office_before_a_name_the_model_missed_is_no_office_link(pairs_of):
    found = pairs_of("Chilean Minister for Foreign Affairs Ana Lind met her Peruvian counterpart.")
    assert ("Chilean Minister", "Chile") not in found


def test_an_office_with_only_its_portfolio_is_still_the_office(pairs_of):
    found = pairs_of("The Chilean Minister for Health spoke to reporters on Monday.")
    assert ("Chilean Minister", "Chile") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Voters may not back him because he has a Peruvian face.",
        "The clinic follows the usual Chilean practice in such cases.",
        "They sold the goods on an all-Peru basis last year.",
    ],
)
def test_a_nationality_s_look_practice_or_basis_is_no_thing_of_the_country(pairs_of, sentence):
    assert pairs_of(sentence) == set()


def test_the_body_owning_a_practice_is_linked_not_the_practice(pairs_of):
    found = pairs_of("A judge ruled the Peruvian federal government's practice unlawful.")
    assert ("Peruvian federal government", "Peru") in found


def test_one_of_a_country_s_capitalised_offices_before_a_name(pairs_of):
    found = pairs_of(
        "One of Peru's Vice Presidents, Rebecca Lind, also commented on his death to reporters."
    )
    assert ("Rebecca Lind", "Peru") in found


def test_a_description_the_parse_reads_as_a_list_item_still_describes_the_name(nlp):
    """The parse of a long article may join "Ana Lind, Peruvian columnist," as two items of a
    list: with no "and", the noun after the comma is still her description."""
    words = ["Ana", "Lind", ",", "Peruvian", "columnist", ",", "said", "so"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 6, 1, 4, 1, 1, 6, 6],
        deps=["compound", "nsubj", "punct", "amod", "conj", "punct", "ROOT", "advmod"],
        pos=["PROPN", "PROPN", "PUNCT", "ADJ", "NOUN", "PUNCT", "VERB", "ADV"],
    )
    assert [t.i for t in _description_read_as_a_list_item(doc[1])] == [4]
    listed = Doc(
        nlp.vocab,
        words=["Ana", "Lind", ",", "and", "columnist", ",", "said", "so"],
        heads=[1, 6, 1, 1, 1, 1, 6, 6],
        deps=["compound", "nsubj", "punct", "cc", "conj", "punct", "ROOT", "advmod"],
        pos=["PROPN", "PROPN", "PUNCT", "CCONJ", "NOUN", "PUNCT", "VERB", "ADV"],
    )
    assert _description_read_as_a_list_item(listed[1]) == []


def test_a_name_a_country_owns_is_its_body_whatever_its_label(pairs_of):
    found = pairs_of(
        "Yesterday, oil facilities belonging to Peru's state-owned Petro Andina were hit."
    )
    assert ("Petro Andina", "Peru") in found


def test_a_national_chain_and_its_name(pairs_of):
    found = pairs_of("Tesco sold its South Korean chain Kelso Mart in 2015.")
    assert ("Kelso Mart", "South Korea") in found


def test_an_incident_said_to_have_done_something_in_a_place_is_placed_there(pairs_of):
    found = pairs_of("A fire is believed to have destroyed forty homes in the town of Arden, Peru.")
    assert ("fire", "Peru") in found


def test_a_person_wanting_to_act_in_a_place_is_not_placed_there(pairs_of):
    found = pairs_of("Ana Lind wanted to open a shop in Arden, Peru.")
    assert ("Ana Lind", "Peru") not in found


def test_a_person_in_a_body_of_america_is_american(pairs_of):
    found = pairs_of("Tom Reid, the 2024 nominee of the Harbour Party of America, gave his plan.")
    assert ("Tom Reid", "United States") in found
    found = pairs_of("Harbour Party of America presidential nominee Tom Reid spoke on Friday.")
    assert ("Tom Reid", "United States") in found
    # a part of the continent is no country
    assert not any(
        s == "Tom Reid" for s, _ in pairs_of("Tom Reid, a critic of Latin America, spoke.")
    )


def test_the_short_form_of_a_longer_word_of_the_article_is_no_subject(pairs_of):
    text = 'Officials in Peru feared the coronavirus. A priest said, "Corona was quiet in Peru."'
    assert ("Corona", "Peru") not in pairs_of(text)
    # without the longer word, the name keeps its link
    assert ("Corona", "Peru") in pairs_of('A priest said, "Corona was quiet in Peru."')


def test_a_common_noun_beside_a_longer_word_starting_with_it_keeps_its_place(pairs_of):
    """Only a name is taken for a short form: "a fire" stays placed beside "fireworks"."""
    text = "A fire broke out at a hotel in Lima, Peru. Fireworks were banned that night."
    assert any(
        subject.lower().endswith("fire") and country == "Peru"
        for subject, country in pairs_of(text)
    )
