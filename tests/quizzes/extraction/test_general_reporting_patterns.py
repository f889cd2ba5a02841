"""Reporting patterns common to any news article, on invented sentences: a bare nationality
before a name, a country in brackets or after an age, "who represents" a country, a town and
its country after "of" or as a verb's object (``persons.nationality_before_name``,
``persons.country_in_brackets_or_after_age``, ``places._opens_a_town``); a "she said" aside
after the name of what she talks about, and a headline announcing someone's talk
(``speakers._subject_around_an_aside``, ``headings.headline_of_a_talk``)."""

from __future__ import annotations


def test_a_nationality_alone_before_a_name_is_the_person_s(pairs_of):
    assert ("Luca Rossi", "Italy") in pairs_of("Italian Luca Rossi finished fourth.")
    assert ("Mark Dunne", "Uganda") in pairs_of("The Ugandan Mark Dunne won silver in the relay.")


def test_a_nationality_inside_a_longer_name_is_not_taken_alone(pairs_of):
    found = pairs_of("The Italian Chamber of Commerce praised Luca Ferri on Sunday.")
    assert ("Luca Ferri", "Italy") not in found


def test_a_country_in_brackets_after_a_name_is_the_person_s(pairs_of):
    found = pairs_of("Joseph Korir (Kenya) won in 2:08:11, ahead of David Okello (Uganda).")
    assert {("Joseph Korir", "Kenya"), ("David Okello", "Uganda")} <= found


def test_a_country_after_an_age_is_the_person_s(pairs_of):
    assert ("Samuel Obua", "Uganda") in pairs_of("Samuel Obua, 29, of Uganda, finished third.")


def test_the_one_who_represents_a_country_is_linked_to_it(pairs_of):
    assert ("Mark Dunne", "Ireland") in pairs_of("Mark Dunne, who represents Ireland, won silver.")
    assert ("Mark Dunne", "Canada") in pairs_of("Mark Dunne, the Canadian, won the final.")


def test_a_town_and_its_country_after_of_or_as_an_object(pairs_of):
    assert ("Orvel", "Ghana") in pairs_of("Residents of Orvel, Ghana, fled their homes.")
    assert ("Port Tarn", "Peru") in pairs_of("The flood hit Port Tarn, Peru, on Wednesday.")


def test_she_in_an_aside_is_the_subject_before_not_the_name_she_talks_about(quotes_of):
    text = (
        "Senator Ana Lind criticised the governor on Tuesday. Governor Carl Benton, she said, "
        'had "let down every family in the state."'
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("let down every family in the state.", "Ana Lind")
    ]


def test_a_headline_phrase_belongs_to_the_one_whose_talk_it_announces(quotes_of):
    text = (
        "Early farmers 'planned every harvest': Botanist Dr Lena Marsh discusses her findings"
        " about old crops with the Daily Courier\n"
        "Last month, a study led by botanist Dr. Lena Marsh found that early farmers in the"
        " valley planned their harvests with care.\n"
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [("planned every harvest", "Lena Marsh")]


def test_a_headline_phrase_with_no_talk_stays_unattributed(quotes_of):
    text = (
        "Early farmers 'planned every harvest', a study of old crops by Lena Marsh finds\n"
        "Last month, a study led by botanist Dr. Lena Marsh found that early farmers in the"
        " valley planned their harvests with care.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == [None]


def test_an_event_named_after_a_big_city_is_held_in_its_country(pairs_of):
    assert ("2031 Tokyo Marathon", "Japan") in pairs_of(
        "She won the 2031 Tokyo Marathon on Sunday."
    )
    assert ("Berlin Film Festival", "Germany") in pairs_of(
        "The film opened the Berlin Film Festival."
    )


def test_an_event_word_after_a_person_s_name_names_no_city(pairs_of):
    found = pairs_of("The Carl Benton Open was played on Sunday.")
    assert not any("Open" in subject or "Benton" in subject for subject, _country in found)


def test_a_nationality_before_an_outlet_or_a_title_links_no_person(pairs_of):
    found = pairs_of("A reporter from French Wikinews contacted Carl Benton by email.")
    assert not any("Wikinews" in subject or "Benton" in subject for subject, _country in found)


def test_a_country_born_word_before_a_one_word_name_links_nobody(pairs_of):
    assert ("Okello", "Kenya") not in pairs_of("Kenyan-born Okello spoke at the mosque.")


def test_a_champion_from_a_country_is_of_it_but_a_champion_of_one_is_not(pairs_of):
    assert ("Michael Grant", "Kenya") in pairs_of(
        "Michael Grant, a two-time champion from Kenya, won."
    )
    found = pairs_of("Michael Grant, a champion of Kenya, spoke on Monday.")
    assert ("Michael Grant", "Kenya") not in found


def test_a_person_based_in_a_city_is_of_its_country(pairs_of):
    found = pairs_of("Michael Grant, a Nairobi-based analyst, said the vote was fair.")
    assert ("Michael Grant", "Kenya") in found


def test_listed_names_share_a_nationality_said_after_them(pairs_of):
    found = pairs_of("Michael Grant and David Okello, both Kenyan, finished in the top ten.")
    assert {("Michael Grant", "Kenya"), ("David Okello", "Kenya")} <= found
    found = pairs_of("Michael Grant, 29, and David Okello, 31, both of Kenya, were arrested.")
    assert {("Michael Grant", "Kenya"), ("David Okello", "Kenya")} <= found


def test_names_after_a_national_duo_share_its_nationality(pairs_of):
    found = pairs_of("The Kenyan duo Michael Grant and David Okello finished in the top ten.")
    assert {("Michael Grant", "Kenya"), ("David Okello", "Kenya")} <= found


def test_a_country_born_title_ties_the_person_to_the_country(pairs_of):
    assert ("Michael Grant", "United States") in pairs_of("The US-born actor Michael Grant died.")
    assert ("Michael Grant", "Kenya") in pairs_of("Kenyan-born Michael Grant won the race.")


def test_each_town_of_a_list_placed_in_a_country_is_of_it(pairs_of):
    found = pairs_of("Police arrested six men in Arvo, Kelmet and Dunmore in Ghana.")
    assert {("Arvo", "Ghana"), ("Kelmet", "Ghana"), ("Dunmore", "Ghana")} <= found


def test_a_person_from_a_national_town_is_of_its_country(pairs_of):
    found = pairs_of("Michael Grant, from the northern Kenyan city of Eldoret, won.")
    assert ("Michael Grant", "Kenya") in found
    assert ("Michael Grant", "Kenya") not in pairs_of("Michael Grant, from the Kenyan team, won.")


def test_firms_and_cities_of_another_country_listed_before_a_country_are_not_its_towns(pairs_of):
    found = pairs_of("Jobs were cut at Google, Meta and Amazon in Ireland.")
    assert not any(subject in {"Google", "Meta", "Amazon"} for subject, _country in found)
    found = pairs_of("The festival moved to Lima and Cusco in Bolivia.")
    assert not {("Lima", "Bolivia"), ("Cusco", "Bolivia")} & found


def test_a_us_state_in_brackets_or_after_an_age_in_us_politics_is_no_country(pairs_of):
    assert ("Tom Reid", "Georgia") not in pairs_of("Senator Tom Reid (Georgia) voted against it.")
    found = pairs_of("Tom Reid, 52, of Georgia, was elected to the state senate.")
    assert ("Tom Reid", "Georgia") not in found


def test_a_coach_s_bracketed_country_is_the_team_s_not_the_coach_s(pairs_of):
    found = pairs_of("Coaches Ana Lind (Brazil) and Tom Reid (England) met before the final.")
    assert not {("Ana Lind", "Brazil"), ("Tom Reid", "England")} & found


def test_a_bare_nationality_also_a_us_state_s_needs_its_country_named(pairs_of):
    assert ("Tom Reid", "Georgia") not in pairs_of("Georgian Tom Reid won the county race.")
    found = pairs_of("Georgian Tom Reid won the race. He trains in Georgia's hills.")
    assert ("Tom Reid", "Georgia") in found


def test_an_event_named_after_a_city_of_several_countries_is_placed_by_none(pairs_of):
    found = pairs_of("She won the Victoria Derby on Saturday.")
    assert not any(subject == "Victoria Derby" for subject, _country in found)


def test_a_senator_who_represents_a_state_named_like_a_country_is_not_of_it(pairs_of):
    found = pairs_of("Senator Tom Reid, who represents Georgia, voted against the bill.")
    assert ("Tom Reid", "Georgia") not in found
    found = pairs_of("The lawyer Tom Reid, who represents Chile in the case, spoke.")
    assert ("Tom Reid", "Chile") not in found


def test_a_name_before_an_as_she_said_clause_is_the_speaker(quotes_of):
    text = (
        "Eva Holm asked her to quit. Maria Lopez, as she said in May, "
        "\u201cwill not step down.\u201d"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez"]
