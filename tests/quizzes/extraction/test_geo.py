"""geo: country, city and nationality knowledge from data packages."""

from __future__ import annotations

import pytest

from quizzes.extraction import geo


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Russia", "Russia"),
        ("Russian Federation", "Russia"),
        ("the UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("USA", "United States"),
        ("Holland", "Netherlands"),
        ("South Korea", "South Korea"),
        ("Iran", "Iran"),
        ("Russia\u2019s", "Russia"),
        ("the Vatican", "Vatican City"),  # a city-state goes by its one city's name
        ("Vatican City", "Vatican City"),
        ("the Holy See", "Vatican City"),
    ],
)
def test_country_names_and_their_everyday_forms(written, country):
    assert geo.canonical_country(written) == country
    assert geo.is_country(written)


@pytest.mark.parametrize(
    "word", ["Moscow", "Kremlin", "Central Asia", "Harvard", "president", "Island", "islands"]
)
def test_places_and_words_that_are_not_countries(word):
    assert geo.canonical_country(word) is None
    assert not geo.is_country(word)


@pytest.mark.parametrize(
    ("adjective", "country"),
    [
        ("Kazakh", "Kazakhstan"),  # derived from the -stan name
        ("Uzbek", "Uzbekistan"),
        ("Russian", "Russia"),  # demonym from the data
        ("Russians", "Russia"),  # plural
        ("German", "Germany"),
        ("Chinese", "China"),  # shared with Hong Kong: the most populous wins
        ("British", "United Kingdom"),
        ("Dutch", "Netherlands"),
        ("Turkish", "Turkey"),  # derived: Turke(y) + ish
        ("Icelandic", "Iceland"),
        ("Argentine", "Argentina"),  # derived: the last vowel replaced
        ("Samoans", "Samoa"),
        ("Philippine", "Philippines"),  # derived: a plural name's "s" dropped
        ("Swedes", "Sweden"),  # a people's own noun, not its adjective
        ("Britons", "United Kingdom"),
        ("Frenchmen", "France"),
    ],
)
def test_nationality_adjectives(adjective, country):
    assert geo.country_of_adjective(adjective) == country


@pytest.mark.parametrize("name", ["Francis", "Samos", "Dominic", "Chan"])
def test_names_that_only_look_like_a_cut_country_name_are_no_nationality(name):
    """France less its "e" plus "-is", Samoa less its "a" plus "-s", Chad less its "d" plus
    "-n": a person's or an island's name, not French, Samoan or Chadian people."""
    assert geo.country_of_adjective(name) is None


@pytest.mark.parametrize(
    ("written", "state"),
    [
        ("the Soviet Union", "Soviet Union"),  # everyday name, from data/historic_states.csv
        ("USSR", "Soviet Union"),  # ISO 3166-3 abbreviation (pycountry)
        ("Union of Soviet Socialist Republics", "Soviet Union"),  # ISO 3166-3 formal name
        ("East Germany", "East Germany"),
        ("Yugoslavia", "Yugoslavia"),
    ],
)
def test_states_that_no_longer_exist(written, state):
    assert geo.canonical_country(written) == state
    assert geo.is_historic_state(written)
    assert state not in geo.country_names()  # never offered as a distractor
    assert not geo.is_inhabited(state)


def test_adjectives_of_states_that_no_longer_exist():
    assert geo.country_of_adjective("Soviet") == "Soviet Union"
    assert geo.country_of_adjective("East German") == "East Germany"
    assert not geo.is_historic_state("Germany")
    assert not geo.is_historic_state("Russia")


@pytest.mark.parametrize("word", ["Eurasian", "European", "Asian", "Korean", "Latin"])
def test_adjectives_of_no_single_country(word):
    assert geo.country_of_adjective(word) is None


def test_cities_prefer_the_most_populous_namesake():
    assert geo.city_country("Tashkent") == "Uzbekistan"
    assert geo.city_country("Paris") == "France"  # not Paris, Texas
    assert geo.city_country("Moscow", context={"United States"}) == "Russia"  # not Moscow, Idaho


def test_city_qualifier_and_article_context_decide_between_namesakes():
    assert geo.city_country("Birmingham, Alabama") == "United States"
    assert geo.city_country("Washington DC") == "United States"
    assert geo.city_country("Springfield") is None  # many, none dominant
    assert geo.city_country("Springfield", context={"United States"}) == "United States"


def test_other_names_of_big_cities_and_states():
    assert geo.city_country("Kiev") == "Ukraine"
    assert geo.region_country("Texas") == "United States"
    assert geo.city_country("Georgia") is None  # a country, never a city


def test_distractor_helpers():
    names = geo.country_names()
    assert {"Kazakhstan", "Russia"} <= set(names)
    assert "Russian Federation" not in names
    assert names == sorted(names)
    assert set(geo.neighbours("Kazakhstan")) == {
        "China",
        "Kyrgyzstan",
        "Russia",
        "Turkmenistan",
        "Uzbekistan",
    }
    assert "Uzbekistan" in geo.same_region("Kazakhstan")
    assert "Kazakhstan" not in geo.same_region("Kazakhstan")
    assert geo.neighbours("Atlantis") == []
    assert geo.same_region("Atlantis") == []


def test_data_is_loaded_once_per_process():
    assert geo._geo() is geo._geo()


def test_first_level_provinces_and_states_of_every_country():
    assert geo.region_country("Ontario") == "Canada"
    assert geo.region_country("Rio Grande do Sul") == "Brazil"
    assert geo.region_country("Punjab") is None  # India's and Pakistan's
    assert geo.city_country("Punjab", context={"Pakistan": 2}) == "Pakistan"
    assert geo.city_country("Ontario") == "Canada"  # not Ontario, California


def test_namesakes_prefer_the_sentence_then_the_main_country_of_the_article():
    assert geo.city_country("Nogales") == "Mexico"  # the biggest, on its name alone
    assert geo.city_country("Nogales", near={"United States"}) == "United States"
    assert geo.city_country("Nogales", context={"United States": 5, "Mexico": 1}) == "United States"
    assert geo.city_country("Bhola") is None  # under 100,000 people: not on its name alone
    assert geo.city_country("Bhola", context={"Bangladesh": 3}) == "Bangladesh"
    assert geo.city_country("Moscow", context={"United States": 9}) == "Russia"  # a big city stays


@pytest.mark.parametrize(
    ("territory", "state"),
    [("Hong Kong", "China"), ("Puerto Rico", "United States"), ("Aruba", "Netherlands")],
)
def test_dependent_territories_belong_to_their_state(territory, state):
    assert geo.is_dependency(territory)
    assert geo.sovereign_country(territory) == state


@pytest.mark.parametrize("country", ["Georgia", "Luxembourg", "Niger", "France"])
def test_countries_sharing_a_name_with_a_province_are_no_dependencies(country):
    assert not geo.is_dependency(country)
    assert geo.sovereign_country(country) == country


def test_nations_within_a_country_come_from_iso_3166_2():
    assert geo.is_constituent_country("Scotland")
    assert geo.is_constituent_country("england")
    assert not geo.is_constituent_country("Texas")


def test_another_name_of_a_city_counts_only_in_a_country_the_article_names():
    assert geo.city_country("Quilon", context={"India": 2}) == "India"
    assert geo.city_country("Quilon") is None
    assert geo.city_population_in("Quilon", {"India": 1}) > 100_000
    assert geo.city_population_in("Quilon", {"Peru": 1}) == 0


def test_provinces_are_known_with_their_kind_word_and_without_the_local_one():
    # ISO 3166-2 names Chinese provinces "<Name> Sheng"; articles write "<Name> Province"
    assert geo.region_country("Sichuan") == "China"
    assert geo.region_country("Sichuan Province") == "China"
    assert geo.region_country("Aomori Prefecture") == "Japan"
    # a word a few names share is no local kind word ("White Nile" stays whole)
    assert geo.region_country("White") is None


def test_regions_iso_names_only_in_their_own_language_have_their_english_names():
    assert geo.region_country("Bavaria") == "Germany"  # ISO: Bayern
    assert geo.region_country("Azores") == "Portugal"  # ISO: Regiao Autonoma dos Acores


def test_adjectives_of_nations_within_a_state_name_the_state():
    assert geo.country_of_adjective("English") == "United Kingdom"
    assert geo.country_of_adjective("Scottish") == "United Kingdom"
    assert geo.country_of_adjective("Polish") == "Poland"  # a word the data gives keeps its country
    assert geo.country_of_adjective("Irish") == "Ireland"


def test_regions_named_with_a_direction_and_a_word_of_their_own():
    assert geo.region_country("New South Wales") == "Australia"  # not Wales of the UK
    assert geo.region_country("West Bengal") == "India"
    assert geo.region_country("Eastern Cape") == "South Africa"
    # a direction with only words of a region's kind describes: no one region
    assert geo.region_country("Far North") is None
    assert geo.region_country("Western Province") is None
    assert geo.region_country("North East") is None


def test_a_county_is_no_town_qualified_by_the_rest_of_its_name():
    # "San" is a town of Mali; "Diego County" names no known place to qualify it.
    assert geo.city_country("San Diego County") == "United States"
    assert geo.city_country("Riverside County") == "United States"
