"""Fifth round of the teacher's rubric (issue 11 §4): failure classes a blind judge
found on real articles (batches 5 and 6) and the remaining ones of earlier rounds,
each with invented sentences: the rule that now catches it, and what is still asked."""

from __future__ import annotations

from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.text import BLANK, gives_away_country

from .facts_for_tests import event
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
