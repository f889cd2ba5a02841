"""Country links of incidents and things a clause places through a described place, on
invented sentences (``sites.subjects_of_a_stated_place``,
``sites.accidents_placed_beside_their_verb``, ``sites.clause_verb``, ``persons.life_places``,
``persons.people_succeeded_in_an_office``, ``persons._interviewee``, and
``context._native_american_indians``)."""

from __future__ import annotations


def test_a_thing_that_crashed_near_a_town_and_its_country_is_in_that_country(pairs_of):
    found = pairs_of("A vintage cargo plane crashed near Arden, Peru, on Friday.")
    assert ("vintage cargo plane", "Peru") in found


def test_a_thing_placed_beside_its_accident_verb_is_in_the_stated_country(pairs_of):
    found = pairs_of(
        "A city bus crashed into a tunnel in Leeds, West Yorkshire, England on Monday."
    )
    assert ("city bus", "United Kingdom") in found
    found = pairs_of("A small plane in Oregon, United States crashed after take-off.")
    assert ("small plane", "United States") in found
    # a thing that had no accident is left to the place's own link
    assert ("small plane", "United States") not in pairs_of(
        "A small plane in Oregon, United States landed after take-off."
    )


def test_an_incident_is_placed_by_a_phrase_the_parse_hangs_from_the_victim(pairs_of):
    found = pairs_of(
        "A blast killed the reporter Ana Lind in the Caspian Sea port town of Arden, Iran."
    )
    assert ("blast", "Iran") in found
    assert ("Arden", "Iran") in found


def test_an_incident_is_placed_by_a_phrase_inside_its_time_phrase(pairs_of):
    found = pairs_of(
        "On Friday afternoon in Kelso Gardens in Arden, Kent, UK shortly after noon, "
        "a knife attack injured four people."
    )
    assert ("knife attack", "United Kingdom") in found
    assert ("Kelso Gardens", "United Kingdom") in found


def test_people_or_a_person_a_stated_place_holds_are_not_placed(pairs_of):
    assert pairs_of("Tourists gathered near Arden, Peru.") == {("Arden", "Peru")}
    found = pairs_of("Police arrested a man in the town of Arden, Peru.")
    assert not any(subject in ("Police", "man") for subject, _country in found)


def test_what_an_accident_befell_is_in_the_country_of_a_described_town(pairs_of):
    found = pairs_of("A gas pipe exploded in the Peruvian town of Arden on Monday.")
    assert ("gas pipe", "Peru") in found


def test_a_quantity_of_incidents_placed_again_in_the_country_is_linked_once(pairs_of):
    found = pairs_of(
        "A series of bombings took place in the Peruvian town of Arden. "
        "In one week, four bombings took place in Peru."
    )
    assert ("four bombings", "Peru") in found
    assert ("series of bombings", "Peru") not in found


def test_a_life_lived_in_a_described_town_is_in_its_country(pairs_of):
    found = pairs_of("Tom Reid was born in a small village in northern Peru in 1950.")
    assert ("Tom Reid", "Peru") in found
    found = pairs_of("Tom Reid grew up in Santiago and later moved to the Peruvian city of Arden.")
    assert ("Tom Reid", "Peru") in found


def test_a_family_a_person_was_born_in_is_no_place_of_their_life(pairs_of):
    found = pairs_of("Tom Reid was born in a Chilean family.")
    assert ("Tom Reid", "Chile") not in found


def test_the_one_succeeded_as_an_office_of_a_country_held_it(pairs_of):
    found = pairs_of("Tom Reid will replace Maria Costa as the President of Chile next month.")
    assert ("Maria Costa", "Chile") in found
    found = pairs_of(
        "Premier Ana Lind is to resign today, with Tom Reid succeeding her as the Prime Minister of Peru."
    )
    assert ("Ana Lind", "Peru") in found
    assert ("Tom Reid", "Peru") in found


def test_a_her_that_two_people_before_could_be_is_no_one(pairs_of):
    found = pairs_of(
        "Maria Costa met Ana Lind and Tom Reid, who will succeed her as Peru's president."
    )
    assert ("Maria Costa", "Peru") not in found
    assert ("Ana Lind", "Peru") not in found


def test_the_one_a_who_stands_for_is_the_successor_not_the_one_succeeded(pairs_of):
    found = pairs_of("Maria Costa met Tom Reid, who will succeed her as Peru's president.")
    assert ("Maria Costa", "Peru") in found


TRANSCRIPT = (
    "Tom Reid talks to Wikinews about his life\n"
    "((WN)) Where did you grow up?\n"
    "((Tom Reid)) I was born in Peru. Then I moved to Chile when I was ten.\n"
    "((WN)) Did you study abroad?\n"
    "((Tom Reid)) Yes, I studied in Norway."
)


def test_the_i_of_a_transcript_turn_is_the_person_whose_tag_opens_it(pairs_of):
    found = pairs_of(TRANSCRIPT)
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Chile"), ("Tom Reid", "Norway")} <= found


def test_the_i_of_the_interviewer_or_of_no_transcript_is_no_one(pairs_of):
    assert pairs_of("((WN)) I was born in Peru.") == set()
    assert not any(subject == "I" for subject, _country in pairs_of("I was born in Peru."))


def test_indian_tribes_in_an_article_naming_the_united_states_only_are_native(pairs_of):
    found = pairs_of(
        "The United States Congress passed the bill. "
        "A lawyer says the phrase referred to children born to Indian tribes."
    )
    assert not any(country == "India" for _subject, country in found)


def test_indian_tribes_in_an_article_naming_india_are_india_s(pairs_of):
    found = pairs_of("India's tribal groups protested. Indian tribes in Odisha joined.")
    assert ("Indian tribes", "India") in found
