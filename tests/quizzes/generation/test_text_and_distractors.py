"""Give-away checks, country wording and the distractor pickers."""

from quizzes.generation.dates import PartialDate
from quizzes.generation.distractors import (
    arrange,
    country_distractors,
    date_distractors,
    looks_like_a_name,
    person_distractors,
    spelt_alike,
)
from quizzes.generation.text import (
    country_in_sentence,
    gives_away_country,
    gives_away_person,
    similar,
)


def test_country_give_aways_include_adjectives_demonyms_and_initials():
    assert gives_away_country("Which country do Kazakh officials serve?", "Kazakhstan")
    assert gives_away_country("Where do the Russians live?", "Russia")
    assert gives_away_country("Which country does the U.S. Senate belong to?", "United States")
    assert gives_away_country("Who leads the UK government?", "United Kingdom")
    assert not gives_away_country("In which country is Tashkent?", "Uzbekistan")
    assert not gives_away_country("Tell us which one", "United States")


def test_person_give_aways_include_the_surname_in_any_apostrophe():
    assert gives_away_person("What did Mr D’Anieri predict?", "Andrew D'Anieri")
    assert gives_away_person("What did Tokayev vow?", "Kassym-Jomart Tokayev")
    assert not gives_away_person("Who said: “hopeless”?", "Kassym-Jomart Tokayev")


def test_country_names_that_take_the():
    assert country_in_sentence("United States") == "the United States"
    assert country_in_sentence("Netherlands") == "the Netherlands"
    assert country_in_sentence("Russia") == "Russia"


def test_near_duplicate_texts():
    assert similar(
        "The move from coal to gas is only going to speed up",
        "That move from coal to gas is only going to speed up.",
    )
    assert not similar("We will build roads", "Nobody asked us")


def test_country_distractors_prefer_the_region_and_the_article():
    options = country_distractors("Kazakhstan", article_countries=["Russia", "Germany", "China"])
    assert len(options) == 3
    assert set(options) <= {"Russia", "China", "Uzbekistan", "Kyrgyzstan", "Turkmenistan"}
    assert "Germany" not in options
    # A second name of the answer is never an option.
    assert "Russian Federation" not in country_distractors("Russia")


def test_person_distractors_skip_places_and_the_same_surname():
    options = person_distractors(
        "Kassym-Jomart Tokayev",
        speakers=["Vladimir Putin", "Mr Tokayev"],
        people=["Bogotá", "Xi Jinping", "Russia"],
        other_people=["Jane Doe"],
    )
    assert options == ["Vladimir Putin", "Xi Jinping", "Jane Doe"]


def test_a_relative_sharing_the_surname_is_another_person_but_a_title_is_not():
    # "Hunter Biden"-like pairs: two people of one family are both in the story, and the
    # one not quoted is a fair wrong speaker; "Mrs Osei" or "O. Osei" may be the answer
    options = person_distractors(
        "Kwame Osei",
        speakers=["Ama Osei", "Mr Osei", "K. Osei", "Lena Brandt"],
        people=["Dr. Osei", "Kofi Mensah"],
    )
    assert sorted(options) == ["Ama Osei", "Kofi Mensah", "Lena Brandt"]


def test_a_body_described_in_lower_case_is_no_option_for_a_bodys_words():
    # "a spokesman for the hospital in Ashby said": a description, not a body's name
    options = person_distractors(
        "Harbour Authority",
        speakers=["Port Council"],
        people=["hospital in Ashby", "Coastal Rescue Command"],
    )
    assert sorted(options) == ["Coastal Rescue Command", "Port Council"]


def test_a_sentences_opening_word_joined_to_a_name_is_no_option():
    # "Unlike Governors, who ...", "Longtime Varga Hour writer Ed Varga said ...": the
    # recognizer's fragment starts on a word that never opens a name
    options = person_distractors(
        "Ana Ruiz",
        speakers=["Longtime Varga", "Piet Bos"],
        people=["Unlike Governors", "Otto Brand", "Despite Lena"],
    )
    assert sorted(options) == ["Otto Brand", "Piet Bos"]
    assert looks_like_a_name("Will Grant")
    assert looks_like_a_name("Bill Hope")
    assert not looks_like_a_name("Veteran Ed Varga")


def test_date_distractors_keep_the_granularity_and_stay_distinct():
    years = date_distractors(PartialDate(2014), latest=PartialDate(2022, 9, 30))
    assert len(set(years)) == 3
    assert all(y.isdigit() and y != "2014" for y in years)
    months = date_distractors(PartialDate(2022, 9), latest=PartialDate(2022, 9, 30))
    assert all(m.endswith("2022") and not m.startswith(("October", "November")) for m in months)


def test_arrange_puts_the_answer_once_at_a_stable_place():
    first = arrange("A", ["B", "C", "D"], seed=7)
    assert first == arrange("A", ["B", "C", "D"], seed=7)
    assert [text for text, ok, _ in first if ok] == ["A"]
    assert [p for _, _, p in first] == [0, 1, 2, 3]


def test_a_misspelt_surname_is_not_a_second_person_among_the_options():
    options = person_distractors(
        "Ida Moss",
        speakers=["Karim Velasquez", "Karim Valesquez", "Lena Borowski"],
        people=["Ida Mosz", "Lena Borowska", "Omar Haddad"],
    )
    # One name of each person: the first spelling met stays, the slip goes.
    assert len([o for o in options if o.startswith("Karim ")]) == 1
    assert len([o for o in options if o.startswith("Lena ")]) == 1
    assert "Omar Haddad" in options


def test_names_a_slip_apart_are_one_person_only_with_one_first_name():
    assert spelt_alike("Karim Velasquez", "Karim Valesquez")
    assert not spelt_alike("Karim Velasquez", "Rosa Velasquez")
    assert not spelt_alike("Tom Hart", "Tom Hurt")  # short surnames: two people
    assert not spelt_alike("Karim Velasquez", "Karim Montgomery")


def test_the_answer_misspelt_is_no_wrong_option():
    options = person_distractors(
        "Karim Velasquez", speakers=["Karim Valesquez", "Omar Haddad"], people=["Lena Borowski"]
    )
    assert set(options) == {"Omar Haddad", "Lena Borowski"}


def test_a_combining_form_names_its_country():
    """ "the Sino-Tolvan talks" names China as "Russo-" names Russia (blind judges)."""
    assert gives_away_country("After the Sino-Tolvan talks, the envoy left.", "China")
    assert gives_away_country("the Anglo-Tolvan treaty of that year", "United Kingdom")
    assert not gives_away_country("the Tolvan talks", "China")
