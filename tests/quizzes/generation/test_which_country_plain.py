"""Which-country questions only where the sentence states the link plainly, and none the
rest of the quiz answers (blind judges: 0 of 5 usable over three rounds)."""

from __future__ import annotations

from quizzes.extraction.facts import Facts
from quizzes.generation import quality as q
from quizzes.generation import which_country as wc

from .facts_for_tests import built, ctx_for, draft, link_in_sentence


def _prompts(text: str, *links) -> dict[str, str]:
    return {d.prompt: d.answer for d in built(wc, Facts(countries=list(links)), text)}


def test_an_office_after_a_preposition_is_the_title_that_follows_it():
    text = "Hundreds marched in the capital in support of Peruvian President Ana Ruiz on Sunday.\n"
    ruiz = link_in_sentence("Ana Ruiz", "Peru", text, "person")
    prompts = _prompts(text, ruiz)
    assert not any("support" in p for p in prompts)


def test_a_role_read_across_a_preposition_keeps_only_the_title():
    assert wc._title_after_linking_words("support of Peruvian President") == "Peruvian President"
    assert wc._title_after_linking_words("foreign minister of Peru") == "foreign minister of Peru"


def test_a_body_is_from_a_country_only_when_the_country_describes_it():
    text = "Shares of the Chilean mining firm Cobre Alto rose after the vote.\n"
    firm = link_in_sentence("Cobre Alto", "Chile", text)
    prompts = _prompts(text, firm)
    assert [p for p in prompts if p.endswith("Cobre Alto from?")]
    assert list(prompts.values()) == ["Chile"]


def test_a_body_only_beside_the_country_makes_no_question():
    text = "Speaking on Radio Sol in Chile, the spokesman denied the report.\n"
    radio = link_in_sentence("Radio Sol", "Chile", text)
    assert _prompts(text, radio) == {}
    text = "The day marked the tenth year of the Harvest League's rule over Chile.\n"
    league = link_in_sentence("Harvest League", "Chile", text)
    assert _prompts(text, league) == {}


def test_a_place_the_article_calls_a_state_is_geography():
    text = "Ana Ruiz, once a minister of the state of Velmora, Peru, died on Monday.\n"
    place = link_in_sentence("Velmora", "Peru", text, "place")
    asked = draft(
        "which_country",
        "In which country is Velmora?",
        "Peru",
        ["Chile", "Bolivia", "Ecuador"],
        source=place,
    )
    assert "state or province" in (q.world_trivia(asked, ctx_for(text)) or "")
    plain = "The match was played at Velmora, Peru on Saturday.\n"
    assert "geography" in (q.world_trivia(asked, ctx_for(plain)) or "")


def test_a_country_question_another_question_answers_is_dropped():
    asked = draft(
        "which_country", "Which country is Ana Ruiz from?", "Peru", ["Chile", "Bolivia", "Ecuador"]
    )
    dated = draft("when", "When did the Peruvian runner win in Oslo?", "3 May 2019", ["4 May"])
    assert q.answered_by_another_question(asked, [asked, dated]) is not None
    # a state of the answer's country tells it as well
    state = draft("when", "In what year was Ana Ruiz born in California?", "1950", ["1951"])
    us = draft("which_country", "Which country is Ana Ruiz from?", "United States", ["Canada"])
    assert q.answered_by_another_question(us, [us, state]) is not None
    # a question naming a wrong option too decides nothing, nor one naming neither
    both = draft("when", "When did Peru and Chile sign the pact?", "3 May 2019", ["4 May"])
    other = draft("when", "When did Ana Ruiz win in Oslo?", "3 May 2019", ["4 May"])
    assert q.answered_by_another_question(asked, [asked, both, other]) is None


def test_a_title_naming_a_big_city_of_the_answer_gives_it_away():
    text = "Protest turns violent in Chicago\nCrowds gathered at Lantern Square in the city.\n"
    asked = draft(
        "which_country",
        "In which country is Lantern Square?",
        "United States",
        ["Canada", "Mexico", "Cuba"],
    )
    assert q.country_in_headline(asked, ctx_for(text)) is not None
    elsewhere = "Protest turns violent at a square\nCrowds gathered at Lantern Square.\n"
    assert q.country_in_headline(asked, ctx_for(elsewhere)) is None
