"""Eighth round of the teacher's rubric (issue 11 §4): what the blind judges of batches
1-11 and of batches 3, 4 and 7 found for cards, which country, who said and true/false,
each with invented sentences: the rule that now catches it, and what is still asked."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import cloze
from quizzes.generation import quality as q
from quizzes.generation.numbers import counts
from quizzes.generation.text import BLANK, without_honorific

from .facts_for_tests import link, quote
from .test_quality import ctx_for, draft


def _card(sentence, answer, target):
    return draft("cloze", f"Fill in the blank: {sentence}", answer, target=target)


# Cards a reader fills without the article ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        f"Peruvian prime minister {BLANK} told reporters the bridge would open.",
        f"Ontario Premier {BLANK} said the mill would close.",
        f"Scotland First Minister {BLANK} said the rule was fair.",
    ],
)
def test_a_leader_named_by_the_title_of_a_country_or_nation_is_trivia(sentence):
    card = _card(sentence, "Ana Ruiz", "person:ana ruiz")
    assert q.head_of_government_card(card, ctx_for("")) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        f"Harbour master {BLANK} said the port would reopen.",
        f"Peruvian foreign minister {BLANK} left early.",
    ],
)
def test_other_roles_before_a_blanked_name_are_kept(sentence):
    card = _card(sentence, "Ana Ruiz", "person:ana ruiz")
    assert q.head_of_government_card(card, ctx_for("")) is None


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (f"Three towns in the {BLANK} voted against it, one of them in Ohio.", "United States"),
        (f"Wales would be the only nation in the {BLANK} to keep the rule.", "United Kingdom"),
        (f"The river floods each spring near Lyon and elsewhere in {BLANK}.", "France"),
    ],
)
def test_a_card_naming_a_state_or_big_city_of_the_blanked_country_is_dropped(sentence, answer):
    card = _card(sentence, answer, f"country:{answer.casefold()}")
    assert q.card_country_by_its_place(card, ctx_for("")) is not None


def test_a_card_naming_a_place_of_another_country_is_kept():
    card = _card(
        f"Berg was born in {BLANK} but moved to Ohio in 1950.", "Austria", "country:austria"
    )
    assert q.card_country_by_its_place(card, ctx_for("")) is None


def test_a_card_whose_initials_the_title_spells_out_is_dropped():
    text = "National Rowing League suspends its season\nThe league stopped all races on Friday.\n"
    card = _card(f"According to its statement, the {BLANK} stopped all races.", "NRL", "person:nrl")
    assert q.card_acronym_in_title(card, ctx_for(text)) is not None
    other = _card(
        f"According to its statement, the {BLANK} stopped all races.", "RFU", "person:rfu"
    )
    assert q.card_acronym_in_title(other, ctx_for(text)) is None


def test_a_speakers_card_keeps_the_courtesy_title_and_asks_the_name():
    blanked = cloze._blank_person("The delay was avoidable, said Dr. Ana Ruiz.", "Dr. Ana Ruiz")
    assert blanked == (f"The delay was avoidable, said Dr. {BLANK}.", "Ana Ruiz")
    assert without_honorific("Professor Ruiz") == "Ruiz"
    assert without_honorific("Ruiz") == "Ruiz"


# Which country: the name answers it ------------------------------------------------

BODIES = (
    "Researchers from the University of Nevada Reno and the Guild of Luthiers of America "
    "joined the Tolvo Shipping Group and the National Rowing League in the study.\n"
)


@pytest.mark.parametrize(
    "subject",
    ["University of Nevada Reno", "Guild of Luthiers of America", "National Rowing League"],
)
def test_a_body_whose_name_tells_its_country_is_not_asked(subject):
    fact = link(subject, "United States", subject, "organisation", source=BODIES)
    asked = draft(
        "which_country",
        f"Which country is the {subject} from?",
        "United States",
        ["Canada", "Mexico", "Cuba"],
        source=fact,
    )
    assert q.country_in_the_bodys_name(asked, ctx_for(BODIES)) is not None


def test_a_body_whose_name_tells_nothing_is_asked():
    fact = link("Tolvo Shipping Group", "Denmark", "Tolvo", "organisation", source=BODIES)
    asked = draft(
        "which_country",
        "Which country is the Tolvo Shipping Group from?",
        "Denmark",
        ["Sweden", "Norway", "Germany"],
        source=fact,
    )
    assert q.country_in_the_bodys_name(asked, ctx_for(BODIES)) is None


NAMES = "Greek foreign minister Nikos Papadakis met Jo Bell, the British envoy.\n"


def test_a_name_in_the_answers_language_among_other_languages_gives_it_away():
    fact = link("Nikos Papadakis", "Greece", "Greek foreign", "person", source=NAMES)
    prompt = "Which country is Nikos Papadakis the foreign minister of?"
    asked = draft("which_country", prompt, "Greece", ["Albania", "Bulgaria", "Turkey"], source=fact)
    assert q.name_tells_the_country(asked, ctx_for(NAMES)) is not None
    # Another option where the language is spoken: the name no longer decides.
    fair = draft("which_country", prompt, "Greece", ["Albania", "Cyprus", "Turkey"], source=fact)
    assert q.name_tells_the_country(fair, ctx_for(NAMES)) is None


def test_a_name_of_no_telling_shape_is_asked():
    fact = link("Jo Bell", "United Kingdom", "Jo Bell", "person", source=NAMES)
    asked = draft(
        "which_country",
        "Which country is Jo Bell the envoy of?",
        "United Kingdom",
        ["Ireland", "France", "Belgium"],
        source=fact,
    )
    assert q.name_tells_the_country(asked, ctx_for(NAMES)) is None


FORMER = (
    "Ana Ruiz, formerly the head of Peru's Institute of River Studies, said the flood was "
    "the worst in years.\nThe Velmar Water Board said it would rebuild the dam.\n"
)


def test_a_body_named_only_for_someones_former_job_is_not_asked():
    ctx = ctx_for(FORMER)
    old_job = link("Institute of River Studies", "Peru", "Ana Ruiz", "organisation", source=FORMER)
    asked = draft(
        "which_country",
        "Which country does the Institute of River Studies belong to?",
        "Peru",
        ["Chile", "Bolivia", "Ecuador"],
        source=old_job,
    )
    assert q.body_of_a_former_job(asked, ctx) is not None
    board = link("Velmar Water Board", "Peru", "The Velmar", "organisation", source=FORMER)
    kept = draft(
        "which_country",
        "Which country does the Velmar Water Board belong to?",
        "Peru",
        ["Chile", "Bolivia", "Ecuador"],
        source=board,
    )
    assert q.body_of_a_former_job(kept, ctx) is None


def test_a_card_naming_the_answer_of_a_which_country_question_is_dropped():
    prompt = "Which country is the Tolvo Group from?"
    asked = draft("which_country", prompt, "Austria", ["Italy", "Germany"])
    card = _card(
        f"In the deal, Austrian, {BLANK} and Chilean plants are kept.", "Peru", "country:peru"
    )
    assert q.which_country_answer_shown(card, [asked], ctx_for("")) is not None
    other = _card(f"In the deal, the plants in {BLANK} are kept.", "Peru", "country:peru")
    assert q.which_country_answer_shown(other, [asked], ctx_for("")) is None
    # The card names another option too: it decides nothing.
    undecided = draft("which_country", prompt, "Austria", ["Italy", "Chile"])
    assert q.which_country_answer_shown(card, [undecided], ctx_for("")) is None


def test_two_cards_blanking_one_country_ask_it_once():
    first = _card(f"Berg flew on the {BLANK}'s first crewed flight.", "Chile", "country:chile")
    second = _card(f"Berg joined the {BLANK}'s team of pilots.", "Chile", "country:chile")
    assert q.same_card_country(second, [first], ctx_for("")) is not None
    third = _card(f"Berg retired in {BLANK}.", "Peru", "country:peru")
    assert q.same_card_country(third, [first], ctx_for("")) is None


# Who said and true/false -------------------------------------------------------------

SPEECH = (
    "Mayor Ana Ruiz spoke at the harbour.\n"
    '"As women we must lift each other up," Ruiz said.\n'
    'Her deputy Tom Vale said "the harbour ferries will restart in May."\n'
    'Vale added "the harbour ferries restart in May, whatever the weather."\n'
    'Vale said "the bridge is safe."\n'
    "Police said that she would not move away from the town.\n"
)


def _who_said(text, speaker, options):
    said = quote(text, speaker, source=SPEECH)
    return draft("who_said", f"Who said: “{text}”?", speaker, options, source=said)


def test_a_statement_on_the_only_speaker_can_only_be_true():
    only = 'Ruiz said the vote was fair. "We won," Ruiz said.\n'
    said = quote("We won", "Ana Ruiz", source=only)
    statement = draft("true_false", "True or false? Ana Ruiz said: “We won”", "True", source=said)
    facts = Facts(quotes=[said])
    assert q.statement_of_the_only_speaker(statement, ctx_for(only, facts)) is not None
    two = Facts(quotes=[said, quote("the vote was fair", "Tom Vale", source=only)])
    assert q.statement_of_the_only_speaker(statement, ctx_for(only, two)) is None


def test_reported_words_about_the_speaker_are_no_quotation():
    reported = _who_said("that she would not move away from the town", "Ana Ruiz", ["Tom Vale"])
    assert q.reported_speech_as_quote(reported, ctx_for(SPEECH)) is not None
    own = _who_said("the bridge is safe", "Tom Vale", ["Ana Ruiz"])
    assert q.reported_speech_as_quote(own, ctx_for(SPEECH)) is None


def test_a_quotation_telling_the_speakers_gender_needs_an_option_of_that_gender():
    people = Facts(
        people=[
            Person(name="Ana Ruiz", gender="f"),
            Person(name="Tom Vale", gender="m"),
            Person(name="Lia Ortz", gender="f"),
        ]
    )
    ctx = ctx_for(SPEECH, people)
    among_men = _who_said("As women we must lift each other up", "Ana Ruiz", ["Tom Vale"])
    assert q.gender_cue_in_quote(among_men, ctx) is not None
    fair = _who_said("As women we must lift each other up", "Ana Ruiz", ["Tom Vale", "Lia Ortz"])
    assert q.gender_cue_in_quote(fair, ctx) is None
    said = quote("As women we must lift each other up", "Ana Ruiz", source=SPEECH)
    swapped = draft(
        "true_false",
        "True or false? Tom Vale said: “As women we must lift each other up”",
        "False",
        source=said,
    )
    assert q.gender_cue_in_quote(swapped, ctx) is not None


def test_one_speaker_making_one_point_twice_is_asked_once():
    first = _who_said("the harbour ferries will restart in May", "Tom Vale", ["Ana Ruiz"])
    again = _who_said(
        "the harbour ferries restart in May, whatever the weather", "Tom Vale", ["Ana Ruiz"]
    )
    other = _who_said("the bridge is safe", "Tom Vale", ["Ana Ruiz"])
    ctx = ctx_for(SPEECH)
    assert q.same_speaker_same_point(again, [first], ctx) is not None
    assert q.same_speaker_same_point(other, [first], ctx) is None


# "The court" and "the two" ------------------------------------------------------------

COURTS = (
    "Appeal lost in the Velmar case\n"
    "The High Court of Tolvo ruled for the port in May. The Court of Appeal of Tolvo "
    "reversed it. The Supreme Court heard the case in June.\n"
)


def test_the_court_of_an_article_naming_several_courts_is_vague():
    card = _card(f"For a week, the court heard {BLANK} witnesses.", "nine", "number:nine")
    assert q.which_court(card, ctx_for(COURTS)) is not None
    one_court = "Port case heard\nThe High Court of Tolvo heard the case in May.\n"
    assert q.which_court(card, ctx_for(one_court)) is None
    named = _card(f"The Supreme Court heard {BLANK} witnesses.", "nine", "number:nine")
    assert q.which_court(named, ctx_for(COURTS)) is None


def test_the_two_of_a_pair_is_no_count_card():
    text = (
        "Talks resume\nThe mediator heard the two sides for a week.\n"
        "Negotiators signed two agreements on Friday.\n"
    )
    found = [c.number for c in counts(text)]
    assert found == ["two"]
    assert "agreements" in counts(text)[0].sentence


def test_long_quotations_sharing_only_function_words_are_two_points():
    text = (
        "Coach Tom Vale spoke after the final.\n"
        '"It was a very hard season and we are going to rest now," Vale said.\n'
        '"The young players were very brave and we are going to keep them," Vale said.\n'
    )
    first = quote("It was a very hard season and we are going to rest now", "Tom Vale", source=text)
    second = quote(
        "The young players were very brave and we are going to keep them", "Tom Vale", source=text
    )
    asked = draft("who_said", f"Who said: “{first.text}”?", "Tom Vale", ["Ana Ruiz"], source=first)
    other = draft(
        "who_said", f"Who said: “{second.text}”?", "Tom Vale", ["Ana Ruiz"], source=second
    )
    assert q.same_speaker_same_point(other, [asked], ctx_for(text)) is None
