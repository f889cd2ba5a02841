"""'When' questions a teacher would keep (issue 11 §4), on invented sentences: the prompt
asks one clear thing (no cut clause, no "what" clause as subject, no "its first attempt"
pointing back, no time of a report, no state that goes on), the answer is not the
article's own period, no two questions share a day told by one report, and no wrong year
is one in which the same act was done again."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.wording import question_from_clause

from .facts_for_tests import event
from .test_quality import ctx_for, draft

TEXT = (
    "Storms batter Tarrow coast\n"
    "The regional health officer reported on Monday, 14 confirmed cases of the fever.\n"
)


def test_a_report_of_a_thing_takes_no_that():
    assert question_from_clause("The regional health officer reported, 14 confirmed cases") == (
        "When did the regional health officer report 14 confirmed cases?"
    )
    # A reported clause with its own verb keeps "that".
    assert question_from_clause("Officials said, ten houses burned") == (
        "When did officials say that ten houses burned?"
    )


def _dated(clause: str, prompt: str, kind: str = "when", answer: str = "3 May 2021"):
    fact = DatedFact(
        event=event(clause, "", "2021-05-03", TEXT.split("\n")[1], source=TEXT),
        when=parse_iso("2021-05-03"),
    )
    return draft(kind, prompt, answer, ["1 May 2021", "2 May 2021"], text=TEXT, source=fact)


@pytest.mark.parametrize(
    ("clause", "prompt"),
    [
        (
            "what the guild declared a strike",
            "In what year did what the guild declare a strike?",
        ),
        (
            "local reports said forty boats had sunk",
            "When did local reports say forty boats had sunk?",
        ),
        (
            "the high court ruled against its first attempt",
            "When did the high court rule against its first attempt?",
        ),
        (
            "continuing floods slowed the repairs",
            "When did continuing floods slow the repairs?",
        ),
        (
            "In a survey released by the Tarrow Institute of Marine Life, divers report ridged shells evolved",
            "When did Tarrow Institute of Marine Life, divers report ridged shells evolve?",
        ),
    ],
)
def test_a_clause_that_asks_nothing_clear_is_dropped(clause, prompt):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_prompt_unclear(_dated(clause, prompt), ctx)
    statement = _dated(clause, "True or false? On 3 May 2021, " + clause + ".", "true_false")
    assert q.when_prompt_unclear(statement, ctx)


@pytest.mark.parametrize(
    ("clause", "prompt"),
    [
        ("the storm made its first landfall", "When did the storm make its first landfall?"),
        ("Ana Ruiz, 45, won the race", "When did Ana Ruiz, 45, win the race?"),
        ("the guild declared a strike", "When did the guild declare a strike?"),
    ],
)
def test_a_clear_clause_stays(clause, prompt):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_prompt_unclear(_dated(clause, prompt), ctx) is None


def test_a_perfect_tense_under_did_is_dropped():
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    prompt = "When did floods in the valley have increased the toll to nine?"
    assert q.when_prompt_unclear(_dated("floods have increased the toll", prompt), ctx)


def _period(answer: str, iso: str):
    fact = DatedFact(
        event=event("the port closed", "", iso, TEXT.split("\n")[1], source=TEXT),
        when=parse_iso(iso),
    )
    return draft(
        "when",
        "When did the port close?",
        answer,
        ["March 2021", "February 2021"],
        text=TEXT,
        source=fact,
    )


def _ctx_with_a_day_in_april():
    ctx = ctx_for(TEXT, published=date(2021, 4, 20))
    day = DatedFact(
        event=event("the ferry sank", "", "2021-04-12", TEXT.split("\n")[1], source=TEXT),
        when=parse_iso("2021-04-12"),
    )
    ctx.dated.append(day)
    return ctx


def test_the_articles_own_month_or_year_is_given_away():
    ctx = _ctx_with_a_day_in_april()
    assert q.period_of_the_article(_period("April 2021", "2021-04"), ctx)
    assert q.period_of_the_article(_period("2021", "2021"), ctx)


def test_another_month_or_a_day_stays():
    ctx = _ctx_with_a_day_in_april()
    assert q.period_of_the_article(_period("January 2021", "2021-01"), ctx) is None
    assert q.period_of_the_article(_period("12 April 2021", "2021-04-12"), ctx) is None
    # Nothing else of the article dated inside that month: nothing shows it.
    alone = ctx_for(TEXT, published=date(2021, 4, 20))
    assert q.period_of_the_article(_period("April 2021", "2021-04"), alone) is None


def test_two_questions_on_one_days_report_are_one():
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    counted = _dated("the officer reported 14 cases", "When did the officer report 14 cases?")
    again = _dated(
        "the ministry said the 14 cases included two nurses",
        "When did the ministry say that the 14 cases included two nurses?",
    )
    assert q.same_day_as_a_report(again, [counted], ctx)
    # Two things done on one day, neither a report, stay.
    sank = _dated("the ferry sank", "When did the ferry sink?")
    closed = _dated("the port closed", "When did the port close?")
    assert q.same_day_as_a_report(closed, [sank], ctx) is None


def test_a_year_the_same_act_was_done_again_is_no_wrong_option():
    text = (
        "Mayor of Tarrow resigns\n"
        "Ivo Brand was elected mayor in 2009. He was re-elected in 2013 and 2017.\n"
    )
    ctx = ctx_for(text, published=date(2021, 5, 6))
    elected = draft(
        "when",
        "In what year was Ivo Brand elected mayor?",
        "2009",
        ["2013", "2005", "2007"],
        text=text,
    )
    assert q.option_done_again(elected, ctx)
    fair = draft(
        "when",
        "In what year was Ivo Brand elected mayor?",
        "2009",
        ["2011", "2005", "2007"],
        text=text,
    )
    assert q.option_done_again(fair, ctx) is None


def test_a_statement_of_one_days_report_beside_its_question_is_one():
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    counted = _dated("the officer reported 14 cases", "When did the officer report 14 cases?")
    statement = _dated(
        "the ministry said the 14 cases included two nurses",
        "True or false? On 1 May 2021, the ministry said the 14 cases included two nurses.",
        "true_false",
        "False",
    )
    assert q.same_day_as_a_report(statement, [counted], ctx)
