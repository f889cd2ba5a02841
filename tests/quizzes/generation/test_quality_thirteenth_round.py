"""Thirteenth round of the teacher's rubric (issue 11 §4): failures that recur over the
blind judgements (batches 8-17), each with invented sentences: a body placed only by its
town, a name cut at its start, a country blanked beside its own vote, a relative month
or a cut "as much" left in a "when" prompt, who-said options the context or the article
rules out, and an Arabic name's own article."""

from __future__ import annotations

from quizzes.extraction.facts import CountryLink
from quizzes.generation import quality as q
from quizzes.generation import which_country
from quizzes.generation.distractors import is_place, person_distractors

from .facts_for_tests import quote
from .test_quality import ctx_for, draft


def _link(subject: str, country: str, sentence: str, kind: str = "organisation") -> CountryLink:
    return CountryLink(
        subject=subject,
        country=country,
        evidence=sentence.strip(),
        evidence_start=0,
        evidence_end=len(sentence.strip()),
        subject_kind=kind,
    )


# Which country ----------------------------------------------------------------------------


def test_a_body_placed_only_by_its_town_needs_outside_knowledge():
    text = "The samples were tested by the Coastal Seed Laboratory in Springfield last week.\n"
    link = _link("Coastal Seed Laboratory", "Freedonia", text)
    asked = draft(
        "which_country",
        "Which country is the Coastal Seed Laboratory from?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=text,
        source=link,
    )
    assert q.body_placed_by_its_town(asked, ctx_for(text)) is not None
    # The sentence names the country: the article says it.
    named = "The samples were tested by the Coastal Seed Laboratory in Springfield, Freedonia.\n"
    link = _link("Coastal Seed Laboratory", "Freedonia", named)
    asked = draft(
        "which_country",
        "Which country is the Coastal Seed Laboratory from?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=named,
        source=link,
    )
    assert q.body_placed_by_its_town(asked, ctx_for(named)) is None


def test_a_person_of_a_town_is_left_to_the_other_rules():
    text = "The race was won by Ana Ruiz of Springfield on Sunday.\n"
    link = _link("Ana Ruiz", "Freedonia", text, kind="person")
    asked = draft(
        "which_country",
        "Which country is Ana Ruiz from?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=text,
        source=link,
    )
    assert q.body_placed_by_its_town(asked, ctx_for(text)) is None


def test_a_name_cut_at_its_start_is_no_subject():
    text = (
        "Marchers at the 2019 Unite the Left march in Tolvo, Freedonia, were hurt.\n"
        "The Unite the Left march drew wide notice.\n"
    )
    link = _link("Left march", "Freedonia", text.splitlines()[0], kind="event")
    asked = draft(
        "which_country",
        "In which country did the Left march take place?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=text,
        source=link,
    )
    assert q.name_cut_at_its_start(asked, ctx_for(text)) is not None
    # A weekday or a sentence's first word before "the" is no part of the name.
    whole = "On Monday the Harbour Festival opened in Tolvo, Freedonia.\n"
    link = _link("Harbour Festival", "Freedonia", whole, kind="event")
    asked = draft(
        "which_country",
        "In which country did the Harbour Festival take place?",
        "Freedonia",
        ["Ruritania", "Latveria"],
        text=whole,
        source=link,
    )
    assert q.name_cut_at_its_start(asked, ctx_for(whole)) is None


def test_a_name_with_its_own_arabic_article_takes_no_the():
    assert which_country._with_article("al-Hadaf TV") == "al-Hadaf TV"
    assert which_country._noun_phrase("al-Hadaf TV") == "al-Hadaf TV"
    assert which_country._noun_phrase("new plant") == "the new plant"


# Cloze ------------------------------------------------------------------------------------


def test_the_articles_one_country_blanked_before_its_election_is_given_away():
    text = "The Green Party picks its candidate for the 2026 Peru presidential election.\n"
    ctx = ctx_for(text)
    ctx.countries = [_link("Green Party", "Peru", text)]
    asked = draft(
        "cloze",
        "Fill in the blank: The Green Party picks its candidate for the 2026 _____ "
        "presidential election.",
        "Peru",
        text=text,
        target="country:PE",
    )
    assert q.cloze_the_articles_one_country(asked, ctx) is not None
    # An article about two countries: whose election it is must be recalled.
    ctx.countries.append(_link("Blue Party", "Chile", text))
    assert q.cloze_the_articles_one_country(asked, ctx) is None


# When -------------------------------------------------------------------------------------


def test_a_relative_month_left_in_a_when_prompt_is_caught():
    text = "On Monday the divers said the wreck they found last June was the lost ferry.\n"
    asked = draft(
        "when",
        "When did the divers say the wreck they found last June was the lost ferry?",
        "3 May 2021",
        ["4 May 2021", "5 May 2021"],
        text=text,
    )
    assert q.relative_time_left(asked, ctx_for(text)) is not None


def test_as_much_without_its_as_is_a_cut_comparison():
    text = "On Friday the council passed a budget with half as much money as the mayor asked.\n"
    cut = draft(
        "when",
        "When did the council pass a budget with half as much money?",
        "7 May 2021",
        ["8 May 2021", "9 May 2021"],
        text=text,
    )
    assert q.comparison_cut_short(cut, ctx_for(text)) is not None
    whole = draft(
        "when",
        "When did the council pass a budget with half as much money as the mayor asked?",
        "7 May 2021",
        ["8 May 2021", "9 May 2021"],
        text=text,
    )
    assert q.comparison_cut_short(whole, ctx_for(text)) is None


# Who said ---------------------------------------------------------------------------------


def test_an_option_the_context_names_as_someone_else_is_ruled_out():
    prompt = "Who said: “So sad”? (Context: “So sad,” writes Brandl's old coach _____ on a forum.)"
    asked = draft("who_said", prompt, "Tom Reid", ["Otto Brandl", "Li Wei"])
    assert q.option_named_in_the_context(asked, ctx_for(prompt)) is not None
    asked = draft("who_said", prompt, "Tom Reid", ["Ana Ruiz", "Li Wei"])
    assert q.option_named_in_the_context(asked, ctx_for(prompt)) is None


def test_a_ring_name_is_not_a_second_speaker():
    text = "Boxer Otto Brandl, who fought under the ring name Iron Otto, retired.\n"
    prompt = "Who said: “He was the best of us, every single day”?"
    asked = draft("who_said", prompt, "Tom Reid", ["Otto Brandl", "Iron Otto"], text=text)
    assert q.option_is_another_name(asked, ctx_for(text)) is not None
    asked = draft("who_said", prompt, "Tom Reid", ["Otto Brandl", "Li Wei"], text=text)
    assert q.option_is_another_name(asked, ctx_for(text)) is None


def test_a_nation_within_a_state_is_no_speaker_option():
    assert is_place("Northern Ireland")
    assert not is_place("Ana Ruiz")
    options = person_distractors(
        "Ana Ruiz", speakers=["Ana Ruiz", "Northern Ireland", "Tom Reid", "Li Wei"]
    )
    assert "Northern Ireland" not in options
    assert set(options) == {"Tom Reid", "Li Wei"}


def test_pieces_of_sentences_glued_with_an_ellipsis_are_no_quotation():
    glued = "Who said: “backed the first river law, … led to ten new harbour rules”?"
    asked = draft("who_said", glued, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.glued_fragments(asked, ctx_for(glued)) is not None
    # A statement with a cut in it is still a statement.
    whole = "Who said: “The law came late … but it came”?"
    asked = draft("who_said", whole, "Ana Ruiz", ["Tom Reid", "Li Wei"])
    assert q.glued_fragments(asked, ctx_for(whole)) is None


def test_a_when_question_naming_the_speaker_and_the_body_of_the_quote_tells_who_said():
    text = (
        "On Monday minister Ana Ruiz stressed that the WTO had to agree.\n"
        "“It was approved by the WTO and belongs to all of us,” Ruiz said.\n"
    )
    said_quote = quote(
        "It was approved by the WTO and belongs to all of us", "Ana Ruiz", source=text
    )
    said = draft(
        "who_said",
        "Who said: “It was approved by the WTO and belongs to all of us”?",
        "Ana Ruiz",
        ["Tom Reid", "Li Wei"],
        source=said_quote,
    )
    when = draft(
        "when",
        "When did minister Ana Ruiz stress the role of the WTO?",
        "3 May 2021",
        ["4 May 2021", "5 May 2021"],
    )
    assert q.tells_the_speaker(when, [said], ctx_for(text)) is not None
    other = draft(
        "when",
        "When did minister Ana Ruiz stress the need for new ports?",
        "3 May 2021",
        ["4 May 2021", "5 May 2021"],
    )
    assert q.tells_the_speaker(other, [said], ctx_for(text)) is None


def test_a_card_whose_subject_is_a_pronoun_after_any_opening_stands_for_nobody():
    text = "Ana Ruiz was born in Tolvo. Returning home in 1964, he opened a bakery.\n"
    ctx = ctx_for(text)
    for prompt in (
        "Fill in the blank: Returning home in _____, he opened a bakery.",
        "Fill in the blank: In _____ they were named to the hall of fame.",
    ):
        card = draft("cloze", prompt, "1964", text=text)
        assert q.cloze_opens_on_pronoun(card, ctx) is not None, prompt
    # An empty "it is … for …" is no one's pronoun.
    card = draft(
        "cloze",
        "Fill in the blank: According to the paper, it is usual for towns to vote in _____.",
        "May",
        text=text,
    )
    assert q.cloze_opens_on_pronoun(card, ctx) is None


def test_another_one_points_back_at_the_sentence_before():
    text = "In 2018 another ship hit the two piers, the harbour office said.\n"
    card = draft(
        "cloze", "Fill in the blank: In _____ another ship hit the two piers.", "2018", text=text
    )
    assert q.needs_the_sentence_before(card, ctx_for(text)) is not None
    asked = draft(
        "when",
        "In what year did another ship hit the two piers?",
        "2018",
        ["2016", "2017"],
        text=text,
    )
    assert q.needs_the_sentence_before(asked, ctx_for(text)) is not None
    named = draft(
        "cloze",
        "Fill in the blank: Another witness, _____, described the smoke.",
        "Ana Ruiz",
        text=text,
    )
    assert q.needs_the_sentence_before(named, ctx_for(text)) is None


def test_a_body_only_cited_for_a_figure_is_a_side_detail():
    text = "According to the Office of Tide Records in Freedonia, one in ten piers flood.\n"
    link = _link("Office of Tide Records", "Peru", text)
    asked = draft(
        "which_country",
        "Which country is the Office of Tide Records from?",
        "Peru",
        ["Chile", "Bolivia"],
        text=text,
        source=link,
    )
    assert q.body_only_cited(asked, ctx_for(text)) is not None
    card = draft(
        "cloze",
        "Fill in the blank: According to the Office of Tide Records in _____, one in ten "
        "piers flood.",
        "Peru",
        text=text,
        source=link,
        target="country:PE",
    )
    assert q.body_only_cited(card, ctx_for(text)) is not None
    # The body acts in the story: its country is the article's.
    acting = text + "The Office of Tide Records closed two piers on Monday.\n"
    assert q.body_only_cited(asked, ctx_for(acting)) is None


def test_the_winner_speaking_of_winning_under_a_title_naming_the_winner_is_given_away():
    text = (
        "Freedonia's Ana Ruiz wins the harbour regatta\n"
        "“I was lucky to win today and I will train again tomorrow,” Ana Ruiz said.\n"
    )
    said = quote(
        "I was lucky to win today and I will train again tomorrow", "Ana Ruiz", source=text
    )
    asked = draft(
        "who_said",
        "Who said: “I was lucky to win today and I will train again tomorrow”?",
        "Ana Ruiz",
        ["Tom Reid", "Li Wei"],
        source=said,
    )
    assert q.quote_echoes_title(asked, ctx_for(text)) is not None
    # The runner-up speaking of the win: the title does not name her.
    said = quote("I was lucky to win today and I will train again tomorrow", "Li Wei", source=text)
    asked = draft(
        "who_said",
        "Who said: “I was lucky to win today and I will train again tomorrow”?",
        "Li Wei",
        ["Tom Reid", "Ana Ruiz"],
        source=said,
    )
    assert q.quote_echoes_title(asked, ctx_for(text)) is None
