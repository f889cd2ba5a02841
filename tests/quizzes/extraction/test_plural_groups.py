"""A group of people named after someone is not that person; a role word opening the
sentence is not part of a name. Invented sentences."""

from __future__ import annotations

import pytest

from tests.quizzes.extraction.conftest import said


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            'Supporters of Mayor Tessa Grunwald chanted "four more years" outside the hall.',
            "four more years",
        ),
        (
            'Critics of Governor Dale Ortiz said "the plan is a disaster" on Monday.',
            "the plan is a disaster",
        ),
        ('Fans of singer Ruth Kim said "we waited all night for this".', "we waited all night"),
        (
            'Friends of the victim, Nora Halvorsen, said "she loved the sea and her dogs".',
            "she loved the sea and her dogs",
        ),
    ],
)
def test_a_group_of_someone_is_not_that_person(quotes_of, text, phrase):
    quotes = said(quotes_of(text))
    assert [speaker for words, speaker in quotes.items() if words.startswith(phrase)] == [None]


def test_the_person_a_group_is_named_after_keeps_their_own_quotes(quotes_of):
    text = (
        'Supporters of Mayor Tessa Grunwald chanted "four more years" outside the hall. '
        'Grunwald told them: "I will not let you down."'
    )
    assert said(quotes_of(text)) == {
        "four more years": None,
        "I will not let you down.": "Tessa Grunwald",
    }


def test_a_critic_in_apposition_still_speaks(quotes_of):
    quotes = quotes_of('Dale Ortiz, a critic of the plan, said "it will never work".')
    assert said(quotes) == {"it will never work": "Dale Ortiz"}


def test_named_members_of_a_group_still_speak_jointly(quotes_of):
    quotes = quotes_of('Two officials, Ann Roe and Paul Marsh, said "the bridge is safe".')
    assert said(quotes)["the bridge is safe"] in ("Ann Roe", "Paul Marsh")


def test_the_office_before_a_name_leaves_out_the_group(people_of):
    index = people_of("Supporters of Mayor Tessa Grunwald gathered outside the town hall.")
    assert [p.name for p in index.people] == ["Tessa Grunwald"]
    assert index.role_of("Tessa Grunwald") == "Mayor"
    assert index.person_at(0) is None


@pytest.mark.parametrize("role", ["Critic", "Pilot"])
def test_a_role_word_opening_the_sentence_is_not_part_of_the_name(quotes_of, people_of, role):
    text = f'{role} Paul Marsh said "the evening was far too long".'
    assert [p.name for p in people_of(text).people] == ["Paul Marsh"]
    assert said(quotes_of(text)) == {"the evening was far too long": "Paul Marsh"}
