"""PeopleIndex: mentions grouped under one canonical name, with role and gender."""

from __future__ import annotations


def test_title_role_and_short_mentions_share_one_canonical_name(people_of):
    index = people_of(
        "Kazakh President Kassym-Jomart Tokayev spoke on Monday. Mr Tokayev said little. Tokayev left early."
    )
    assert [p.name for p in index.people] == ["Kassym-Jomart Tokayev"]
    for mention in ("Mr Tokayev", "Tokayev", "Kazakh President Kassym-Jomart Tokayev"):
        assert index.canonical(mention) == "Kassym-Jomart Tokayev"
    assert index.role_of("Kassym-Jomart Tokayev") == "Kazakh President"
    assert index.gender_of("Kassym-Jomart Tokayev") == "m"


def test_surname_first_names_match_on_the_family_name(people_of):
    index = people_of("Chinese President Xi Jinping arrived in Astana. Mr Xi met students.")
    assert index.canonical("Mr Xi") == "Xi Jinping"
    assert index.role_of("Xi Jinping") == "Chinese President"


def test_lowercase_role_before_a_name(people_of):
    index = people_of("Former German chancellor Angela Merkel visited the plant on Friday.")
    assert index.role_of("Angela Merkel") == "Former German chancellor"


def test_ms_marks_gender_and_unknown_mentions_give_none(people_of):
    index = people_of("Ms Nora Vance chaired the meeting.")
    assert index.gender_of("Nora Vance") == "f"
    assert index.canonical("Mr Nobody") is None


def test_gender_from_the_pronoun_that_follows(people_of):
    index = people_of("Alex Morgan joined the club in 2019. She scored twice on Sunday.")
    assert index.gender_of("Alex Morgan") == "f"


def test_same_surname_goes_to_the_nearest_earlier_full_name(people_of):
    index = people_of(
        "Hunter Webb arrived first. Later, Joe Webb spoke to the crowd. Mr Webb thanked them."
    )
    assert index.mentions[-1].name == "Joe Webb"


def test_organisation_word_is_not_part_of_a_name(people_of):
    index = people_of("Acme Corp chief executive Laura Chen said sales had doubled.")
    assert "Laura Chen" in [p.name for p in index.people]


def test_organisations_are_not_people(people_of):
    index = people_of(
        "The Kremlin said on Monday that talks would resume. Reuters reported the news."
    )
    assert index.people == []


def test_names_with_lowercase_particles(people_of):
    index = people_of("European Commission President Ursula von der Leyen met Bashar al-Assad.")
    names = [p.name for p in index.people]
    assert "Ursula von der Leyen" in names
    assert index.role_of("Ursula von der Leyen") == "European Commission President"


def test_surname_taken_for_a_place_is_still_the_person_as_a_subject(people_of):
    index = people_of(
        "Ibrahim Kalin met the delegation. Kalin stated that talks had been difficult."
    )
    assert [m.name for m in index.mentions] == ["Ibrahim Kalin", "Ibrahim Kalin"]
