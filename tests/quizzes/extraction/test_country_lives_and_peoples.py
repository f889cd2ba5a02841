"""Country links of a life across several countries, of peoples named with a country, of
people "of" a country, of an accident the small model reads as one noun phrase, and of new
counts placed again in a country, on invented sentences (``persons.life_places``,
``groups.peoples_of_a_country``, ``context._ethnic_peoples``, ``groups.noun_of_country``,
``sites.accidents_read_as_nouns``, ``groups.linked_again``, ``persons.people_killed_in_a_place``,
``context._peoples_after_a_nationality``)."""

from __future__ import annotations


def test_each_country_of_a_listed_life_is_linked(pairs_of):
    found = pairs_of("Tom Reid has lived in Peru, Chile and Canada.")
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Chile"), ("Tom Reid", "Canada")} <= found


def test_a_move_to_one_country_and_then_another_links_both(pairs_of):
    found = pairs_of("Tom Reid, who grew up in Peru, later moved to Chile and then to Canada.")
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Chile"), ("Tom Reid", "Canada")} <= found


def test_a_participle_of_a_life_shares_the_subject_of_its_clause(pairs_of):
    found = pairs_of("Born in Peru, Tom Reid moved to Chile in 1990.")
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Chile")} <= found


def test_a_life_of_work_and_flight_is_in_each_country(pairs_of):
    found = pairs_of("Tom Reid was raised in Peru and fled to Canada in 1990.")
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Canada")} <= found
    found = pairs_of("Tom Reid spent ten years in Chile before she returned to Peru.")
    assert {("Tom Reid", "Chile"), ("Tom Reid", "Peru")} <= found


def test_both_ends_of_a_move_are_places_of_a_life(pairs_of):
    found = pairs_of("Tom Reid works in Arden. Reid came to Peru many years ago, after the war.")
    assert ("Tom Reid", "Peru") in found
    found = pairs_of("Tom Reid is a teacher. Reid moved to Peru with his parents from Chile.")
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Chile")} <= found
    # a verb of a move that names no place of a life: no link
    assert not any(s == "Tom Reid" for s, _ in pairs_of("Tom Reid came to power in Peru."))


def test_an_interviewee_lives_in_each_country_of_the_answer(pairs_of):
    found = pairs_of(
        "Tom Reid talks to Wikinews about his life\n"
        "((WN)) Where did you grow up?\n"
        "((Tom Reid)) I grew up in Peru, but I studied in Chile and then worked in Spain."
    )
    assert {("Tom Reid", "Peru"), ("Tom Reid", "Chile"), ("Tom Reid", "Spain")} <= found


def test_a_town_and_its_country_is_one_place_of_a_life(pairs_of):
    found = pairs_of("Tom Reid was born in Kelso, Peru.")
    assert ("Tom Reid", "Peru") in found
    assert not any(subject == "Tom Reid" and country != "Peru" for subject, country in found)


def test_a_person_killed_in_a_place_is_linked_to_its_country(pairs_of):
    found = pairs_of("A roadside bomb killed reporter Ana Lind in the port town of Arden, Peru.")
    assert ("Ana Lind", "Peru") in found
    assert ("Tom Reid", "Peru") in pairs_of("Gunmen killed Tom Reid in Lima on Friday.")
    # the killer is not placed by the deed
    assert ("Tom Reid", "Peru") not in pairs_of("Tom Reid killed two men in Lima on Friday.")


def test_a_people_named_with_a_country_is_of_that_country(pairs_of):
    assert ("Syrian Kurds", "Syria") in pairs_of("Syrian Kurds fled across the border.")
    assert ("Kurds of Iraq", "Iraq") in pairs_of("The Kurds of Iraq voted for independence.")
    found = pairs_of("Rohingya Muslims in Myanmar were driven out.")
    assert ("Rohingya Muslims in Myanmar", "Myanmar") in found


def test_a_people_named_by_a_plural_nationality_is_of_the_country_before_it(pairs_of):
    found = pairs_of("Afghan Tajiks fled across the border on Monday, officials said.")
    assert ("Afghan Tajiks", "Afghanistan") in found
    assert not any(country == "Tajikistan" for _subject, country in found)


def test_a_plural_nationality_whose_country_the_article_names_keeps_it(pairs_of):
    found = pairs_of("Many Korean Americans voted. Turnout rose across the United States.")
    assert ("Many Korean Americans", "United States") in found


def test_a_people_named_alone_links_no_country(pairs_of):
    assert pairs_of("Kurdish fighters captured the hill.") == set()


def test_an_ethnic_people_in_another_country_is_of_the_country_it_lives_in(pairs_of):
    found = pairs_of("Ethnic Russians in eastern Ukraine voted in the referendum.")
    assert ("Ethnic Russians in eastern Ukraine", "Ukraine") in found
    assert not any(country == "Russia" for _subject, country in found)
    found = pairs_of("An ethnic Uzbek family lives in southern Kyrgyzstan.")
    assert not any(country == "Uzbekistan" for _subject, country in found)


def test_an_ethnic_people_in_its_own_country_keeps_it(pairs_of):
    found = pairs_of("Ethnic Peruvians make up most of the crowd.")
    assert any(country == "Peru" for _subject, country in found)


def test_people_of_a_country_are_its_own(pairs_of):
    assert ("Officials of Peru", "Peru") in pairs_of("Officials of Peru said the border is shut.")
    found = pairs_of("Scientists of Chile and Argentina published the study.")
    assert {
        ("Scientists of Chile and Argentina", "Chile"),
        ("Scientists of Chile and Argentina", "Argentina"),
    } <= found


def test_a_stance_toward_a_country_is_no_tie_to_it(pairs_of):
    assert pairs_of("Critics of Peru said the vote was rigged.") == set()
    assert pairs_of("Fans of Peru celebrated in the streets.") == set()


def test_an_accident_the_parse_reads_as_a_noun_phrase_is_placed(pairs_of):
    found = pairs_of("A water main burst in the Peruvian capital on Monday.")
    assert ("water main", "Peru") in found
    found = pairs_of(
        "Early on Friday, a gas main broke in the Peruvian city of Arden, cutting off heat."
    )
    assert ("gas main", "Peru") in found


def test_a_verb_read_right_is_left_to_the_other_rules(pairs_of):
    assert pairs_of("Tom Reid broke the record in Peru.") == set()


def test_a_new_count_placed_again_in_a_country_is_a_new_link(pairs_of):
    found = pairs_of(
        "The ministry reported 80 deaths and 400 suspected cases in Peru. "
        "By Friday there were 2,700 confirmed cases in Peru."
    )
    assert ("2,700 confirmed cases in Peru", "Peru") in found


def test_the_same_thing_placed_again_is_linked_once(pairs_of):
    found = pairs_of("A user registered from Chile posted the video. The user in Chile was fined.")
    assert sum(1 for _subject, country in found if country == "Chile") == 1


def test_a_region_the_model_reads_as_a_body_is_in_its_country(pairs_of):
    assert ("Tyumen Oblast", "Russia") in pairs_of("The students came from Tyumen Oblast.")
    found = pairs_of("The earthquake struck Surigao del Sur on Tuesday.")
    assert ("Surigao del Sur", "Philippines") in found
    assert ("Tamil Nadu", "India") in pairs_of("Protesters gathered in Tamil Nadu.")


def test_a_region_the_model_reads_as_no_entity_is_in_its_country(pairs_of):
    found = pairs_of("A prize was given by the Governor of Tyumen Oblast on Monday.")
    assert ("Tyumen Oblast", "Russia") in found
    # a kind word after a name the data does not know as a region places nothing
    assert pairs_of("A prize was given by the Governor of Kelso Oblast on Monday.") == set()


def test_a_region_named_with_its_kind_word_is_the_region(pairs_of):
    found = pairs_of("Officials in Aceh province said the toll rose.")
    assert ("Aceh province", "Indonesia") in found


def test_a_town_described_as_the_capital_of_a_region_is_in_its_country(pairs_of):
    found = pairs_of("The attack happened in Maidan Shahr, the capital of Wardak province.")
    assert ("Maidan Shahr", "Afghanistan") in found


def test_a_plural_name_the_model_marks_as_nothing_is_of_its_country(pairs_of):
    found = pairs_of("Two former US Marines were killed in the crash.")
    assert any(subject.endswith("US Marines") and c == "United States" for subject, c in found)


def test_things_spread_across_a_country_are_in_it(pairs_of):
    found = pairs_of("His supporters across Chile celebrated.")
    assert any(subject.endswith("supporters across Chile") for subject, _c in found)
    assert pairs_of("The river flows across Peru.") == set()


def test_plural_happenings_held_in_a_country_are_in_it(pairs_of):
    assert ("Protests", "Chile") in pairs_of("Protests were held in Chile on Sunday.")
    assert pairs_of("The race was held in Chile.") == set()


def test_a_person_from_a_country_is_of_it(pairs_of):
    assert ("Tom Reid", "Peru") in pairs_of("Tom Reid is from Peru.")
    assert ("Tom Reid", "Chile") in pairs_of("Tom Reid, who comes from Chile, won the race.")
    found = pairs_of(
        "Tom Reid talks to Wikinews about his life\n"
        "((WN)) Where are you from?\n"
        "((Tom Reid)) I am from Peru."
    )
    assert ("Tom Reid", "Peru") in found


def test_a_time_or_a_body_after_from_is_no_place_of_a_life(pairs_of):
    assert pairs_of("Tom Reid was from 2010 to 2015 the head of the firm.") == set()


def test_people_a_clause_places_in_countries_are_in_each(pairs_of):
    found = pairs_of("We saw patients who were dying in Peru, Chile and Spain.")
    assert {c for _s, c in found} == {"Peru", "Chile", "Spain"}
    assert ("Migrants living in Peru", "Peru") in pairs_of("Migrants living in Peru were counted.")


def test_a_clause_of_dealings_in_a_country_places_no_one(pairs_of):
    assert pairs_of("Firms that invest in Peru gained.") == set()


def test_a_group_a_country_backs_or_is_tied_to_is_of_that_country(pairs_of):
    assert ("rebels", "Peru") in pairs_of("According to officials, the rebels are backed by Peru.")
    found = pairs_of("Some militias associated with Chile had made threats.")
    assert ("militias", "Chile") in found
    # a company tied to a country is no armed or political group
    assert pairs_of("The company is linked to Chile.") == set()
