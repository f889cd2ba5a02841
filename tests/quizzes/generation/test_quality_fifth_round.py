"""Fifth round of the teacher's rubric (issue 11 §4): failure classes a blind judge
found on real articles (batches 5 and 6) and the remaining ones of earlier rounds,
each with invented sentences: the rule that now catches it, and what is still asked."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generation_context, which_country
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.text import BLANK, gives_away_country
from quizzes.generation.who_said import person_cue, speaker_options
from quizzes.generation.wording import question_from_clause

from .facts_for_tests import event, link, quote
from .test_quality import ctx_for, draft


def dated(clause, when_text, iso, text):
    fact = event(clause, when_text, iso, text.split()[0], source=text)
    return DatedFact(event=fact, when=parse_iso(iso))


# Give-aways across the bank and from the title --------------------------------


def test_a_card_whose_blank_the_title_fills_is_dropped():
    text = (
        "Masks required on Tolvo ferries from August 9\n"
        "The August 9 start date matches the reopening of the harbour market.\n"
        "Harbour master Omar Haddad said the crews were ready.\n"
    )
    ctx = ctx_for(text)
    date_card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK} start date matches the reopening of the harbour market.",
        "August 9",
        target="date:2021-08-09",
    )
    person_card = draft(
        "cloze",
        f"Fill in the blank: Harbour master {BLANK} said the crews were ready.",
        "Omar Haddad",
        target="person:omar haddad",
    )
    assert q.cloze_answer_in_title(date_card, ctx) == (
        "give-away: the article's title names the blanked words"
    )
    assert q.cloze_answer_in_title(person_card, ctx) is None
    titled = ctx_for("Ferry chief Haddad defends mask rule\n" + text.split("\n", 1)[1])
    assert q.cloze_answer_in_title(person_card, titled) is not None


def test_a_title_ending_on_a_quoted_word_still_gives_its_country_away():
    body = "Port officials on Monday closed the terminal of the Velmar line.\n"
    asked = draft("which_country", "Which country is the Velmar line from?", "Peru")
    titled = ctx_for("Chile bars the Velmar line of Peru, citing 'safety'\n" + body)
    assert q.country_in_headline(asked, titled) == (
        "give-away: the article's title names the answer"
    )
    sentence = ctx_for("Officials said the line of Peru was 'unsafe.'\n" + body)
    assert q.country_in_headline(asked, sentence) is None


def test_a_card_whose_blank_another_question_names_is_dropped():
    text = "Harbour master Omar Haddad closed the port on Monday after the storm.\n"
    card = draft(
        "cloze",
        f"Fill in the blank: Harbour master {BLANK} closed the port on Monday after the storm.",
        "Omar Haddad",
        text=text,
        target="person:omar haddad",
        fact_keys=("card",),
    )
    when = draft(
        "when",
        "When did Haddad close the port?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        text=text,
        target="date:2020-05-04",
        fact_keys=("when",),
        evidence_start=100,
    )
    other = draft(
        "when",
        "When did the storm reach the coast?",
        "3 May 2020",
        ["5 May 2020", "6 May 2020"],
        text=text,
        target="date:2020-05-03",
        fact_keys=("other",),
        evidence_start=100,
    )
    ctx = ctx_for(text)
    assert q.card_answer_named_elsewhere(card, [when], ctx).startswith("give-away")
    assert q.card_answer_named_elsewhere(when, [card], ctx).startswith("give-away")
    assert q.card_answer_named_elsewhere(card, [other], ctx) is None


def test_a_country_named_by_another_of_its_names_is_given_away():
    assert gives_away_country("Which country is Britain's ferry fleet linked to?", "United Kingdom")
    assert not gives_away_country("Which country is the ferry fleet linked to?", "United Kingdom")


# Near-duplicate "when" questions ------------------------------------------------


def _when(prompt, answer, fact, key, start=0):
    return draft(
        "when",
        prompt,
        answer,
        ["February 2021", "January 2021"],
        source=fact,
        target=f"date:{fact.event.date}",
        fact_keys=(key,),
        evidence_start=start,
    )


def test_one_action_on_overlapping_dates_is_asked_once():
    text = (
        "A former aide to the governor was sentenced in Tolvo on Tuesday.\n"
        "A second judge sentenced Ruiz to four years last week.\n"
        "Haddad resigned from the board last week.\n"
    )
    lines = text.splitlines(keepends=True)
    first = dated(
        "A former aide to the governor was sentenced in Tolvo", "Tuesday", "2021-03-09", text
    )
    second = dated("A second judge sentenced Ruiz to four years", "last week", "2021-03", lines[1])
    other = dated("Haddad resigned from the board", "last week", "2021-03", lines[2])
    a = _when(
        "When was a former aide to the governor sentenced in Tolvo?", "9 March 2021", first, "a"
    )
    b = _when("When did a second judge sentence Ruiz to four years?", "March 2021", second, "b", 70)
    c = _when("When did Haddad resign from the board?", "March 2021", other, "c", 120)
    ctx = ctx_for(text)
    assert q.same_event_twice(b, [a], ctx).startswith("the same action on the same date")
    assert q.same_event_twice(c, [a], ctx) is None


def test_two_named_people_doing_the_same_on_one_day_are_two_facts():
    text = "Ruiz won the sprint on Sunday.\nHaddad won the marathon on Sunday.\n"
    lines = text.splitlines(keepends=True)
    a = _when(
        "When did Ruiz win the sprint?",
        "7 March 2021",
        dated("Ruiz won the sprint", "Sunday", "2021-03-07", lines[0]),
        "a",
    )
    b = _when(
        "When did Haddad win the marathon?",
        "7 March 2021",
        dated("Haddad won the marathon", "Sunday", "2021-03-07", lines[1]),
        "b",
        40,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is None


def test_two_statements_of_one_day_are_two_facts():
    text = "Ruiz's deputy said the port would reopen on Sunday.\nThe council said taxes would rise on Sunday.\n"
    lines = text.splitlines(keepends=True)
    a = _when(
        "When did Ruiz's deputy say the port would reopen?",
        "7 March 2021",
        dated("Ruiz's deputy said the port would reopen", "Sunday", "2021-03-07", lines[0]),
        "a",
    )
    b = _when(
        "When did the council say taxes would rise?",
        "7 March 2021",
        dated("The council said taxes would rise", "Sunday", "2021-03-07", lines[1]),
        "b",
        60,
    )
    assert q.same_event_twice(b, [a], ctx_for(text)) is None


# Who said -----------------------------------------------------------------------


def test_a_single_quoted_word_is_no_who_said_question():
    text = 'Harbour master Omar Haddad called the storm "brutal" on Monday.\n'
    word = quote("brutal", "Omar Haddad", source=text)
    made = draft(
        "who_said",
        f'Who said: “brutal”? (Context: Harbour master {BLANK} called the storm "brutal".)',
        "Omar Haddad",
        ["Ana Ruiz", "Ines Varga"],
        source=word,
    )
    assert q.one_word_quote(made, ctx_for(text)) == "answer: a single quoted word is no statement"
    two = quote("brutal storm", "Omar Haddad", source=text.replace('"brutal"', '"brutal storm"'))
    made = draft("who_said", "Who said: “brutal storm”?", "Omar Haddad", source=two)
    assert q.one_word_quote(made, ctx_for(text)) is None


def test_a_quotation_the_title_says_with_its_speaker_gives_itself_away():
    text = (
        "Mayor Ruiz to close the old ferry pier within ten days\n"
        'Ana Ruiz said: "Within ten days the old ferry pier will close for good."\n'
    )
    said = quote("Within ten days the old ferry pier will close for good.", "Ana Ruiz", source=text)
    made = draft(
        "who_said",
        "Who said: “Within ten days the old ferry pier will close for good”?",
        "Ana Ruiz",
        ["Omar Haddad", "Ines Varga"],
        source=said,
    )
    assert q.quote_echoes_title(made, ctx_for(text)).startswith("give-away")
    untitled = ctx_for("Storm hits the coast\n" + text.split("\n", 1)[1])
    assert q.quote_echoes_title(made, untitled) is None


def test_a_question_naming_who_announced_what_a_quotation_says_gives_it_away():
    text = (
        'Omar Haddad said: "Masks are a condition of travel on every ferry from now on."\n'
        "On Monday Omar Haddad announced that masks would be required on every ferry.\n"
        "On Monday Omar Haddad opened the new terminal.\n"
    )
    said = quote(
        "Masks are a condition of travel on every ferry from now on.", "Omar Haddad", source=text
    )
    who = draft(
        "who_said",
        "Who said: “Masks are a condition of travel on every ferry from now on”?",
        "Omar Haddad",
        ["Ana Ruiz", "Ines Varga"],
        source=said,
    )
    announced = draft(
        "when",
        "When did Omar Haddad announce that masks would be required on every ferry?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        evidence_start=90,
    )
    opened = draft(
        "when",
        "When did Omar Haddad open the new terminal?",
        "4 May 2020",
        ["5 May 2020", "6 May 2020"],
        evidence_start=160,
    )
    ctx = ctx_for(text)
    assert q.tells_the_speaker(announced, [who], ctx).startswith("give-away")
    assert q.tells_the_speaker(opened, [who], ctx) is None


# Claims inside a quotation --------------------------------------------------------


def test_a_sentence_inside_a_long_quotation_is_someones_claim():
    text = (
        'The ministry said in a statement: "The smugglers used the old pier. '
        'They had moved cargo through Tolvo since March 2019. The patrols will continue."\n'
        "The ferry service resumed in May 2019 after repairs.\n"
    )
    inside = text.index("They had")
    claim = draft(
        "cloze",
        f"Fill in the blank: They had moved cargo through Tolvo since {BLANK}.",
        "March 2019",
        target="date:2019-03",
        evidence_start=inside,
        evidence_end=inside + 50,
    )
    outside = text.index("The ferry")
    fact = draft(
        "cloze",
        f"Fill in the blank: The ferry service resumed in {BLANK} after repairs.",
        "May 2019",
        target="date:2019-05",
        evidence_start=outside,
        evidence_end=outside + 50,
    )
    ctx = ctx_for(text)
    assert q.stated_inside_a_quotation(claim, ctx).startswith("answer: the sentence is inside")
    assert q.stated_inside_a_quotation(fact, ctx) is None
    # A quotation running on over paragraphs: the paragraph opens it and never closes it.
    running = '"We will reopen the pier next year.\n"The ferries return in May 2019, she said.'
    assert q.inside_quotation(running, running.index("We will") + 3)
    assert not q.inside_quotation(running, 0)


# Which country --------------------------------------------------------------------


def test_a_military_rank_is_asked_as_where_the_officer_is_from():
    text = "Peruvian general Omar Haddad led the parade in Tolvo.\n"
    facts = Facts(
        people=[Person(name="Omar Haddad", role="general")],
        countries=[link("Omar Haddad", "Peru", "Peruvian general", "person", source=text)],
    )
    ctx = generation_context(facts, article_text=text)
    phrased = which_country.phrasing(facts.countries[0], ctx)
    assert phrased.question == "Which country is Omar Haddad from?"


# People named once --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The silver went to Ines Varga of Peru with a time of 50.1 seconds.", True),
        ("The old route was first flown by pilot Ines Varga in 1931.", True),
        ("The record belongs to Ines Varga, who set it in 1992.", True),
        ("Speaking after the vote, Dr. Ines Varga welcomed the result.", True),
        ("Tourists queued outside Varga Hall before the concert.", False),
        ("The record belongs to Ines Varga since 1992.", False),
    ],
)
def test_a_full_name_written_the_way_people_are_is_a_person(text, person):
    name = "Varga Hall" if "Hall" in text else "Ines Varga"
    assert person_cue(name, text) is person


def test_a_person_named_once_is_a_wrong_speaker():
    text = (
        'Omar Haddad won the race. "It was hard," Haddad said. "I am tired," Ana Ruiz said.\n'
        "Second place went to Ines Varga of Peru, ahead of Tolvo Arena's own runner.\n"
    )
    said = quote("It was hard,", "Omar Haddad", source=text)
    facts = Facts(
        quotes=[said],
        people=[Person(name="Omar Haddad"), Person(name="Ana Ruiz"), Person(name="Ines Varga")],
    )
    ctx = generation_context(facts, article_text=text)
    assert "Ines Varga" in speaker_options("Omar Haddad", said.text, ctx, seed=1)


# Garbled date questions ---------------------------------------------------------


def test_a_clause_opening_with_several_is_asked_in_small_letters():
    assert question_from_clause("Several harbour officials said two ferries sank") == (
        "When did several harbour officials say two ferries sank?"
    )


def test_a_clause_opening_with_another_makes_no_date_question():
    # A blind judge: "another aircraft", "another report": another than which? The
    # question alone cannot say (the card keeps the sentence, so it still reads).
    assert (
        question_from_clause("Another report from the harbour office said two ferries sank") is None
    )


def _dated_draft(clause, prompt, text):
    fact = dated(clause, "1970", "1970", text)
    return draft("when", prompt, "1970", ["1969", "1971"], source=fact, text=text)


def test_a_noun_taken_for_the_verb_makes_no_date_question():
    # The article's own slip ("overthrew of") makes the noun read as the verb.
    text = "In 1970 Haddad's overthrew of his uncle was a quiet affair.\n"
    garbled = _dated_draft(
        "Haddad's overthrew of his uncle was a quiet affair",
        "In what year did Haddad's overthrow of his uncle was a quiet affair?",
        text,
    )
    assert q.noun_taken_for_verb(garbled, ctx_for(text)).startswith("grammar: a noun taken")
    fine_text = "In 1970 the prince took control of the harbour that was closed.\n"
    fine = _dated_draft(
        "the prince took control of the harbour that was closed",
        "In what year did the prince take control of the harbour that was closed?",
        fine_text,
    )
    assert q.noun_taken_for_verb(fine, ctx_for(fine_text)) is None


def test_a_title_joined_to_a_persons_name_is_garbled():
    text = "The decree by the President of Freedonia Ana Ruiz, which was signed on Monday.\n"
    facts = Facts(people=[Person(name="Ana Ruiz", role="President of Freedonia")])
    ctx = generation_context(facts, article_text=text)
    garbled = draft(
        "when", "When was the President of Ana Ruiz signed?", "4 May 2020", ["5 May 2020"]
    )
    fine = draft("when", "When was the decree of the President of Freedonia signed?", "4 May 2020")
    assert q.office_of_a_person(garbled, ctx) == "grammar: a title joined to the wrong name"
    assert q.office_of_a_person(fine, ctx) is None


def test_this_time_is_no_time_a_question_can_keep():
    made = draft("when", "When did the council also criticise the plan, this time?", "4 May 2020")
    assert q.relative_time_left(made, ctx_for("x")) is not None
