"""'When' questions and dated statements, round 47 (blind judges and a strict read of the
real dev set): a bare verb that leaves out what the act was ("When did X withdraw?"), a
span read whole as the date ("between January 2016 and December 2019", "2009 to 2017"),
acts repeated over a month ("made several statements in May"), and a dated statement
keeping the article's lower case ("rapper X"). Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.generation import event_checks as checks
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.wording import statement_with_date

from .facts_for_tests import ctx_for, draft, event

TEXT = (
    "Ferry strike ends in Tarrow\n"
    "Dana Holt, a candidate for the harbour board, withdrew on Monday, 3 May 2021.\n"
)


def _dated(clause: str, when: str, iso: str, sentence: str) -> DatedFact:
    return DatedFact(event=event(clause, when, iso, sentence, source=sentence), when=parse_iso(iso))


def _drafted(prompt: str, kind: str = "when") -> object:
    fact = _dated("Dana Holt withdrew", "on Monday", "2021-05-03", TEXT.split("\n")[1])
    answer = "3 May 2021" if kind == "when" else "True"
    options = ["1 May 2021", "2 May 2021"] if kind == "when" else ["False"]
    return draft(kind, prompt, answer, options, text=TEXT, source=fact)


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("When did Dana Holt withdraw?", "when"),
        ("In what year did Dana Holt successfully run?", "when"),
        ("When did the ferry union step aside?", "when"),
        ("When did the river council finally vote?", "when"),
        ("True or false? On 3 May 2021, Dana Holt withdrew.", "true_false"),
        ("True or false? In May 2021, the ferry union dropped out.", "true_false"),
    ],
)
def test_a_bare_verb_that_leaves_out_its_what_is_dropped(prompt, kind):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_prompt_pasted(_drafted(prompt, kind), ctx)


@pytest.mark.parametrize(
    "prompt",
    [
        "When did Dana Holt withdraw from the harbour board race?",
        "When did Dana Holt run for the harbour board?",
        "When did Dana Holt win the final?",
        "When did Dana Holt die?",
        "True or false? On 3 May 2021, Dana Holt won the final.",
    ],
)
def test_a_verb_with_its_what_is_kept(prompt):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    kind = "true_false" if prompt.startswith("True") else "when"
    assert q.when_prompt_pasted(_drafted(prompt, kind), ctx) is None


@pytest.mark.parametrize(
    ("clause", "when", "iso", "sentence"),
    [
        (
            "the fever claimed 812 lives in the valley",
            "between March 2011 and June 2014",
            "2011-03",
            "The fever claimed 812 lives in the valley between March 2011 and June 2014.\n",
        ),
        (
            "Holt served six years as harbour master",
            "from 2003 to 2009",
            "2003",
            "Holt served six years as harbour master from 2003 to 2009, under two mayors.\n",
        ),
    ],
)
def test_a_span_read_whole_as_the_date_is_no_date(clause, when, iso, sentence):
    assert checks.span_read_as_the_date(_dated(clause, when, iso, sentence)) == (
        "a span of time, not one date"
    )


def test_a_single_month_and_year_is_still_a_date():
    sentence = "The fever claimed its first victim in the valley in March 2011.\n"
    fact = _dated(
        "The fever claimed its first victim in the valley", "in March 2011", "2011-03", sentence
    )
    assert checks.span_read_as_the_date(fact) is None


def test_acts_repeated_over_a_month_make_no_date_question():
    sentence = "Mayor Holt made several clumsy remarks in May.\n"
    fact = _dated("Mayor Holt made several clumsy remarks", "in May", "2021-05", sentence)
    assert checks.a_repeated_act(fact) == "acts done many times, not one event"
    # On one day they are that day's event: "police made several arrests on Monday".
    sentence = "Harbour police made several arrests on Monday, 3 May 2021.\n"
    fact = _dated("Harbour police made several arrests", "on Monday", "2021-05-03", sentence)
    assert checks.a_repeated_act(fact) is None


def test_a_dated_statement_keeps_the_articles_lower_case():
    assert statement_with_date(
        "singer Dana Holt made a surprise announcement", "July 2021", "month"
    ) == ("In July 2021, singer Dana Holt made a surprise announcement.")
    assert statement_with_date(
        "Mayor Dana Holt made a surprise announcement", "July 2021", "month"
    ) == ("In July 2021, Mayor Dana Holt made a surprise announcement.")


def test_a_list_after_a_lost_colon_is_left_out_of_the_question():
    from quizzes.generation.when import cut_at_a_lost_colon

    evidence = (
        "Holt won the harbour seat in May over two other rivals: captain Ivo Brand and Piet Dane."
    )
    clause = "Holt won the harbour seat over two other rivals captain Ivo Brand and Piet Dane"
    assert (
        cut_at_a_lost_colon(clause, evidence) == "Holt won the harbour seat over two other rivals"
    )
    # A colon before a verb's object, or none lost, leaves the clause as it was.
    evidence = "The mayor announced: the ferries would stop."
    assert cut_at_a_lost_colon("The mayor announced the ferries would stop", evidence) == (
        "The mayor announced the ferries would stop"
    )
    evidence = "Holt beat two rivals, Ivo Brand and Piet Dane, in May."
    clause = "Holt beat two rivals, Ivo Brand and Piet Dane"
    assert cut_at_a_lost_colon(clause, evidence) == clause


@pytest.mark.parametrize(
    ("clause", "evidence"),
    [
        (
            "The ferry captain warns the harbour will close",
            "The ferry captain warns: the harbour will close.",
        ),
        ("The harbour plan was a costly mistake", "The harbour plan was: a costly mistake."),
        ("The mayor says the ferries will stop", "The mayor says: the ferries will stop."),
        ("The ferry union has three demands", "The ferry union has: three demands."),
    ],
)
def test_a_verb_before_a_colon_is_no_plural_its_list_spells_out(clause, evidence):
    from quizzes.generation.when import cut_at_a_lost_colon

    assert cut_at_a_lost_colon(clause, evidence) == clause
