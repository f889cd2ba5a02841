"""Twelfth round of the teacher's rubric (issue 11 §4): the failures blind judges found on
batches 16 and 17, each with invented sentences: garbled "when" prompts, a date of a
stretch of years or of two days, cloze give-aways and slips, who-said fragments and
family give-aways, which-country on a model's maker or a country never written."""

from __future__ import annotations

import pytest

from quizzes.generation import event_checks as checks
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.wording import question_from_clause, strip_time, with_article

from .facts_for_tests import event
from .test_quality import ctx_for, draft


def _dated(clause: str, when: str, iso: str, sentence: str) -> DatedFact:
    return DatedFact(event=event(clause, when, iso, sentence, source=sentence), when=parse_iso(iso))


# When: the rewrite and the date ---------------------------------------------------------


def test_a_possessive_weekday_that_is_the_date_becomes_the():
    for when in ("Tuesday", "Tuesday's"):
        clause = strip_time("Tuesday's motion for a snap vote failed to pass", when)
        assert question_from_clause(clause) == "When did the motion for a snap vote fail to pass?"


def test_a_stretch_of_years_makes_no_date_question():
    sentence = "In 1971 she worked for the mayor's office for 12 years, until she retired.\n"
    dated = _dated(
        "she worked for the mayor's office for 12 years, until she retired",
        "In 1971",
        "1971",
        sentence,
    )
    assert checks.a_duration(dated) == "a stretch of time, not one date"
    # A penalty's length is no stretch of the event: the sentencing is asked.
    sentence = "On Monday a judge sentenced the builder to prison for 12 years.\n"
    dated = _dated(
        "a judge sentenced the builder to prison for 12 years",
        "On Monday",
        "2021-05-03",
        sentence,
    )
    assert checks.a_duration(dated) is None


@pytest.mark.parametrize(
    ("sentence", "when", "iso"),
    [
        ("On March 3 and 4, the city closed its schools for a cleaning drive.\n", "March 3",
         "2021-03-03"),
        ("On 3 and 4 March, the city closed its schools for a cleaning drive.\n", "4 March",
         "2021-03-04"),
    ],
)  # fmt: skip
def test_two_days_make_no_date_question(sentence, when, iso):
    dated = _dated("the city closed its schools for a cleaning drive", f"On {when}", iso, sentence)
    assert checks.date_range(dated) == "two days, not one date"


def test_one_day_followed_by_a_count_is_still_asked():
    sentence = "On March 3 and 40 volunteers later, the city closed its schools.\n"
    dated = _dated("the city closed its schools", "On March 3", "2021-03-03", sentence)
    assert checks.date_range(dated) is None


def test_a_participle_without_its_auxiliary_is_not_the_verb():
    sentence = "On Sunday, the curfew begun on May 2 over a flu outbreak ended in Freedonia.\n"
    dated = _dated(
        "the curfew begun on May 2 over a flu outbreak ended in Freedonia",
        "on May 2",
        "2021-05-02",
        sentence,
    )
    assert checks.participle_without_auxiliary(dated) is not None
    plain = _dated("the curfew began over a flu outbreak", "on May 2", "2021-05-02", sentence)
    assert checks.participle_without_auxiliary(plain) is None


def test_a_state_dropped_after_a_town_leaves_no_dangling_comma():
    sentence = "On Friday, a court jailed a banker based in Eastfield, Ohio to prison for fraud.\n"
    garbled = draft(
        "when",
        "When did a court jail a banker based in Eastfield, to prison for fraud?",
        "7 May 2021",
        ["6 May 2021", "8 May 2021"],
        text=sentence,
    )
    assert q.place_dropped_after_comma(garbled, ctx_for(sentence)) is not None
    kept = draft(
        "when", "When did a court jail a banker based in Eastfield?", "7 May 2021", text=sentence
    )
    assert q.place_dropped_after_comma(kept, ctx_for(sentence)) is None


# Cloze give-aways and slips -------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "Fill in the blank: The divers found two or _____ wrecks near the reef, by some counts.",
        "Fill in the blank: On _____ and 9, the council closed the market for repairs.",
    ],
)
def test_a_count_beside_the_blank_gives_it_away(prompt):
    card = draft("cloze", prompt, "three")
    assert q.count_beside_a_count(card, ctx_for(prompt)) is not None


def test_a_range_of_amounts_is_no_give_away():
    prompt = "Fill in the blank: Estimates of the damage ranged from _____ to 70% of homes."
    assert q.count_beside_a_count(draft("cloze", prompt, "40%"), ctx_for(prompt)) is None


def test_a_number_written_inside_a_name_gives_the_blank_away():
    prompt = "Fill in the blank: The sensor counts dust, or DX4.5, grains under _____ microns."
    card = draft("cloze", prompt, "4.5")
    assert q.digits_beside_the_blank(card, ctx_for(prompt)) is not None
    other = "Fill in the blank: The sensor counts dust, or DX4.5, in _____ cities."
    assert q.digits_beside_the_blank(draft("cloze", other, "45"), ctx_for(other)) is None


def test_there_with_its_place_in_another_sentence_makes_no_card():
    prompt = "Fill in the blank: Both mayors won _____ seats there."
    assert q.there_without_a_place(draft("cloze", prompt, "7"), ctx_for(prompt)) is not None
    quoted = 'Fill in the blank: _____ said, "We stayed there, and it was cold."'
    assert q.there_without_a_place(draft("cloze", quoted, "Ana Ruiz"), ctx_for(quoted)) is None
    existential = "Fill in the blank: There were _____ boats in the harbour at dawn."
    assert q.there_without_a_place(draft("cloze", existential, "40"), ctx_for(existential)) is None


def test_where_written_for_were_is_not_copied():
    prompt = "Fill in the blank: In Ruritania, votes where held on _____, and counted the next day."
    assert q.where_for_were(draft("cloze", prompt, "May 2"), ctx_for(prompt)) is not None
    fine = "Fill in the blank: The hall where votes were held on _____ burned down."
    assert q.where_for_were(draft("cloze", fine, "May 2"), ctx_for(fine)) is None


# Who said ------------------------------------------------------------------------------


def test_a_quote_starting_without_its_subject_is_a_fragment():
    prompt = "Who said: “[are] keen on a vote, but not at any price”?"
    asked = draft("who_said", prompt, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.quote_without_its_subject(asked, ctx_for(prompt)) is not None
    whole = "Who said: “[We] are keen on a vote, but not at any price”?"
    asked = draft("who_said", whole, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.quote_without_its_subject(asked, ctx_for(whole)) is None


def test_my_dad_with_the_only_option_of_his_family_name_gives_the_speaker_away():
    text = "Former mayor Otto Brandl died on Monday. His daughter Lena Brandl spoke.\n"
    prompt = "Who said: “The day my dad won the prize was our happiest”?"
    asked = draft("who_said", prompt, "Lena Brandl", ["Tom Reid", "Li Wei"], text=text)
    assert q.relative_gives_the_family(asked, ctx_for(text)) is not None
    # Another option of the family: the quote no longer settles it.
    asked = draft("who_said", prompt, "Lena Brandl", ["Jonas Brandl", "Li Wei"], text=text)
    assert q.relative_gives_the_family(asked, ctx_for(text)) is None


def test_a_quote_stating_the_day_another_question_asks_gives_it_away():
    when = draft(
        "when",
        "When was the former mayor taken to hospital?",
        "10 August 2020",
        ["9 August 2020", "11 August 2020"],
    )
    said = draft(
        "who_said",
        "Who said: “Twelve months on, by August 10, the old man was ill and never recovered”?",
        "Lena Brandl",
        ["Tom Reid", "Li Wei"],
    )
    assert q.gives_away_another(said, [when]) is not None
    other_day = draft(
        "who_said",
        "Who said: “Twelve months on, by August 12, the old man was ill and never recovered”?",
        "Lena Brandl",
        ["Tom Reid", "Li Wei"],
    )
    assert q.gives_away_another(other_day, [when]) is None


# Which country --------------------------------------------------------------------------


def test_a_maker_cut_out_of_a_models_name_is_no_person():
    text = "The divers found a Freedonian Harada k7N fighter near the wreck off Freedonia.\n"
    asked = draft("which_country", "Which country is Harada from?", "Freedonia", text=text)
    assert q.name_of_a_model(asked, ctx_for(text)) is not None
    person = "Pilot Ken Harada of Freedonia flew the plane.\n"
    asked = draft("which_country", "Which country is Ken Harada from?", "Freedonia", text=person)
    assert q.name_of_a_model(asked, ctx_for(person)) is None


@pytest.mark.parametrize(
    ("clause", "question"),
    [
        ("bid for a new harbour failed to win the vote", "When did the bid for a new harbour fail"),
        ("plan to close the ferry line collapsed", "When did the plan to close the ferry line"),
        # A plural, or a subject that already has its determiner, is left alone.
        ("talks on the river treaty resumed", "When did talks on the river treaty resume"),
        ("a vote on the budget failed", "When did a vote on the budget fail"),
    ],
)
def test_a_bare_noun_heading_its_phrase_takes_the(clause, question):
    prompt = question_from_clause(clause)
    assert prompt is not None
    assert with_article(prompt, clause).startswith(question)
