"""The real extractor + generator on the sample article: every multiple-choice
question has >= 3 distinct options of the answer's type. The counts of issue 3
(>= 15 who-said, >= 10 which-country, >= 8 when) were lowered in issue 11: the
quality check now drops world trivia ("In which country is Tashkent?"),
near-duplicates (a cloze asking what a who-said question of its sentence asks)
and questions another question gives away."""

from collections import Counter
from datetime import date

import pytest

from quizzes.extraction import extract
from quizzes.generation import generate_questions
from quizzes.generation.dates import MONTHS
from quizzes.generation.distractors import country_iso
from quizzes.generation.text import gives_away_country, gives_away_person

from .facts_for_tests import SAMPLE_TEXT

PUBLISHED = date(2022, 9, 30)


@pytest.fixture(scope="module")
def facts():
    return extract(SAMPLE_TEXT, published=PUBLISHED)


@pytest.fixture(scope="module")
def drafts(facts):
    return generate_questions(facts, article_text=SAMPLE_TEXT, published=PUBLISHED)


def granularity(label: str) -> str:
    parts = label.split()
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 4:
        return "year"
    if len(parts) == 2 and parts[0] in MONTHS and parts[1].isdigit():
        return "month"
    if len(parts) == 3 and parts[0].isdigit() and parts[1] in MONTHS:
        return "day"
    return "not a date"


def test_sample_reaches_the_question_counts(drafts):
    counts = Counter(d.kind for d in drafts)
    # Six speakers; the one quoted five times gives three (quality.too_many_by_one_speaker).
    assert counts["who_said"] >= 11
    assert max(Counter(d.answer for d in drafts if d.kind == "who_said").values()) <= 3
    # One per answer country; who heads a state (Tokayev, Putin, Xi, Merkel) is world
    # knowledge, not asked (issue 11 §4, blind judges of batch 8).
    # The rest of each country's questions go: the who-said contexts name the answer
    # ("… based in <its capital>", "… within <the country>'s sphere"), blind judges, batch 32.
    assert counts["which_country"] == 0
    assert counts["when"] >= 5
    # Its timeline's events are each asked "when?": their dates give the order away.
    assert counts["ordering"] == 0
    # A card whose country a big city in it places ("… offensive around <city>") or
    # that names the only option of a which-country question is a give-away (eighth round);
    # so is one blanking the country a quotation of the bank names on the card's point
    # (its economic ties), tenth round.
    # (The quotation naming China is the fourth by one speaker, capped since: the
    # card stays, and no question of the bank names China beside it.)
    china_cards = [d.prompt for d in drafts if d.kind == "cloze" and d.answer == "China"]
    naming_china = [d.prompt for d in drafts if d.kind != "cloze" and "China" in d.prompt]
    assert len(china_cards) <= 1
    assert not (china_cards and naming_china)
    # A statement only on a fact no other question asks: here every fact has one.
    asked = {k for d in drafts if d.kind not in {"true_false", "ordering"} for k in d.fact_keys}
    assert not [d.prompt for d in drafts if d.kind == "true_false" and asked & set(d.fact_keys)]


def test_who_said_options_are_people_of_the_article(drafts, facts):
    people = {q.speaker for q in facts.quotes if q.speaker} | {p.name for p in facts.people}
    for draft in (d for d in drafts if d.kind == "who_said"):
        options = draft.choice_texts
        assert len(set(options)) == len(options) >= 3
        assert set(options) <= people, draft.prompt
        assert not gives_away_person(draft.prompt, draft.answer), draft.prompt


def test_which_country_options_are_countries(drafts):
    for draft in (d for d in drafts if d.kind == "which_country"):
        options = draft.choice_texts
        assert len(set(options)) == len(options) >= 3
        assert all(country_iso(option) for option in options), options
        assert not gives_away_country(draft.prompt, draft.answer), draft.prompt


def test_when_options_are_dates_of_the_answers_granularity(drafts):
    for draft in (d for d in drafts if d.kind == "when"):
        options = draft.choice_texts
        assert len(set(options)) == len(options) >= 3
        assert {granularity(o) for o in options} == {granularity(draft.answer)}, options
        assert draft.prompt.startswith(("When ", "In what year "))
        assert draft.prompt.endswith("?")
        year = draft.answer.split()[-1]
        assert year not in draft.prompt


def test_known_questions_of_the_sample(drafts):
    by_prompt = {d.prompt: d.answer for d in drafts}
    assert "Which country is Kassym-Jomart Tokayev the president of?" not in by_prompt
    assert "In which country is Tashkent?" not in by_prompt  # a capital: world trivia
    # The who-said context "… based in <its capital>" answers where Umarov is based.
    assert "Which country is Temur Umarov based in?" not in by_prompt
    assert (
        "In which country was the Shanghai Cooperation Organisation meeting held?" not in by_prompt
    )
    assert by_prompt["In what year did the dissolution of the USSR take place?"] == "1991"
    assert (
        by_prompt["When did one Moscow official call for the “denazification” of Kazakhstan?"]
        == "March 2022"
    )
    # Four words are asked with their sentence, the speaker blanked (issue 11 §4).
    risky = [p for p in by_prompt if p.startswith("Who said: “a very risky situation”? (Context: ")]
    assert [by_prompt[p] for p in risky] == ["Temur Umarov"]
