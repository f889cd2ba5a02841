"""'When' questions and dated facts (quizzes/generation/quality/when.py, event_checks.py,
wording.py, context.py), on invented sentences: the prompt asks one clear thing (no cut
clause, no "what" clause as subject, no "its first attempt" pointing back, no time of a
report, no state that goes on, no attribution left at its end, no month read from a
surname or beside another month, no span of years or two days), clauses become good
questions (articles, weekdays, participles, phrasal verbs), relative weeks and days
without a year are read against the publication date, history the headline does not name
is background, the answer is not the article's own period, no two questions share a day
told by one report, and no wrong year is one in which the same act was done again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from quizzes.extraction.facts import Facts
from quizzes.generation import event_checks as checks
from quizzes.generation import (
    generate_questions,
    generation_context,
    when,
)
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact, week_span
from quizzes.generation.dates import PartialDate, parse_iso
from quizzes.generation.event_checks import event_problem
from quizzes.generation.wording import (
    clause_parts,
    question_from_clause,
    statement_with_date,
    strip_time,
    with_article,
    without_birth_name,
)

from .facts_for_tests import (
    ctx_for,
    dated,
    dated_by_its_sentence,
    draft,
    event,
    kinds,
)

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


def test_a_relative_week_is_the_days_it_covers_up_to_publication():
    sunday = date(2021, 1, 3)  # a week from Monday 28 December 2020
    assert week_span("this week", sunday) == (date(2020, 12, 28), sunday)
    assert week_span("over the weekend", date(2021, 3, 10)) == (
        date(2021, 3, 6),
        date(2021, 3, 7),
    )
    assert week_span("last week", date(2021, 3, 10)) == (date(2021, 3, 1), date(2021, 3, 7))
    assert week_span("on 4 March", date(2021, 3, 10)) is None


def test_a_week_across_two_months_gives_no_when_question():
    text = (
        "Harbour workers in Tolvo ended their strike this week, the union said.\n"
        "The dockers of Marsa ended their walkout this week after a long dispute.\n"
    )
    facts = Facts(
        events=[
            event(
                "Harbour workers in Tolvo ended their strike",
                "this week",
                "2021-01",
                "Harbour",
                source=text,
            ),
            event(
                "The dockers of Marsa ended their walkout",
                "this week",
                "2021-03",
                "The dockers",
                source=text,
            ),
        ]
    )
    # Published Sunday 3 January 2021: "this week" runs from 28 December.
    across = generate_questions(facts, article_text=text, published=date(2021, 1, 3))
    assert not kinds(across, "when")
    # Published Wednesday 10 March 2021: the whole week lies in March.
    inside = generate_questions(facts, article_text=text, published=date(2021, 3, 10))
    assert [d.answer for d in kinds(inside, "when")] == ["March 2021"]


def test_the_weekend_before_a_new_month_is_not_the_new_month():
    text = "Over the weekend, fans in Tolvo paid tribute to the singer Ana Ruiz.\n"
    facts = Facts(
        events=[
            event(
                "fans in Tolvo paid tribute to the singer Ana Ruiz",
                "the weekend",
                "2021-09",
                "Over",
                source=text,
            )
        ]
    )
    # Wednesday 1 September 2021: the weekend was 28-29 August, not September.
    drafts = generate_questions(facts, article_text=text, published=date(2021, 9, 1))
    assert not kinds(drafts, "when")


def test_a_day_without_its_year_after_publication_is_last_years():
    text = "Officials pointed to the December 29 raid on the depot in Tolvo as proof.\n"
    facts = Facts(
        events=[
            event("the raid on the depot", "December 29", "2022-12-29", "Officials", source=text)
        ]
    )
    ctx = generation_context(facts, article_text=text, published=date(2022, 1, 4))
    assert [d.when.iso() for d in ctx.dated] == ["2021-12-29"]


def test_a_coming_weekday_and_day_is_a_plan_not_last_years_day():
    """'next Wednesday, July 31' in an article of Sunday 28 July 2019: the weekday fits this
    year's day, so it is the coming one (no 'when' question), never 31 July 2018 (a Tuesday)."""
    text = "The port's director will step down effective next Wednesday, July 31.\n"
    facts = Facts(
        events=[
            event(
                "The port's director will step down effective",
                "Wednesday, July 31",
                "2019-07-31",
                "The port's",
                source=text,
            )
        ]
    )
    ctx = generation_context(facts, article_text=text, published=date(2019, 7, 28))
    assert ctx.dated == []


@pytest.mark.parametrize(
    ("clause", "when_text", "text", "rule"),
    [
        (
            "a user registered from Peru shared a video of the flood",
            "2018",
            "In 2018, a user registered from Peru shared a video of the flood.\n",
            "participle_taken_for_the_verb",
        ),
        (
            "the choir was hoping to raise money for the roof",
            "this year",
            "The choir was hoping this year to raise money for the roof.\n",
            "ongoing_action",
        ),
        (
            "the court ruled on the closure of the port which went into effect",
            "Tuesday",
            "On Tuesday the court ruled on the closure of the port which went into effect on Monday.\n",
            "relative_clause_left",
        ),
    ],
)
def test_clauses_that_make_garbled_when_questions(clause, when_text, text, rule):
    iso = "2018" if when_text == "2018" else "2021-03-09"
    problem = event_problem(dated(clause, when_text, iso, text))
    assert problem is not None
    assert problem.startswith(rule)


def test_a_relative_clause_after_of_may_belong_to_the_noun_before_it():
    text = "The court ruled on the closure of the port, which went into effect on Tuesday.\n"
    problem = event_problem(dated("the port which went into effect", "Tuesday", "2021-03-09", text))
    assert problem is not None
    assert problem.startswith("relative_clause_left")
    kept = "Delegates flew in for the Harbour Summit which took place on Tuesday.\n"
    assert (
        event_problem(dated("the Harbour Summit which took place", "Tuesday", "2021-03-09", kept))
        is None
    )


def test_a_plan_is_due_to_happen_and_a_cause_is_no_plan():
    from quizzes.generation.context import _PLANNED

    assert _PLANNED.search("a second volume is due out in June")
    assert _PLANNED.search("the bridge is due to open in May")
    assert not _PLANNED.search("she moved north in 1950 due to a job offer")


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


def test_a_weekday_possessive_becomes_the():
    clause = strip_time("Thursday's landslide blocked the mountain road", "")
    assert clause == "the landslide blocked the mountain road"
    assert question_from_clause(clause) == "When did the landslide block the mountain road?"


def test_a_weekday_naming_a_kind_of_thing_stays():
    clause = strip_time("The Friday market ban was lifted in 2017", "in 2017")
    assert question_from_clause(clause, wh="In what year") == (
        "In what year was the Friday market ban lifted?"
    )
    # The weekday that dates the event still goes.
    assert strip_time("The council lifted the ban on Friday", "") == "The council lifted the ban"


@pytest.mark.parametrize(
    ("clause", "question"),
    [
        ("results were published in a farming journal", "When were the results published in"),
        ("Mudslide cut the valley road", "When did the mudslide cut the valley road?"),
        ("Haddad cut the ribbon", "When did Haddad cut the ribbon?"),
        ("Farmers blocked the bridge", "When did the farmers block the bridge?"),
    ],
)
def test_a_lone_common_noun_subject_takes_the(clause, question):
    prompt = question_from_clause(clause)
    assert prompt is not None
    assert with_article(prompt.replace("haddad", "Haddad"), clause).startswith(question)


def test_a_past_form_after_with_is_no_verb():
    # "with reported strength" describes the storm: the verb is "have raised" (no
    # past-tense verb of the clause's own), so no question rather than "did … report".
    clause = "gusts of a storm with reported strength 9 that hit the coast have raised the toll"
    assert question_from_clause(clause) is None
    assert question_from_clause("a storm with estimated winds of 150 km/h hit the coast") == (
        "When did a storm with estimated winds of 150 km/h hit the coast?"
    )


def test_a_clause_cut_before_its_predicate_is_no_event():
    text = (
        "On Monday, a court in Tolvo ruled the city's ban on street stalls, or kiosks, is void.\n"
    )
    cut = dated(
        "a court in Tolvo ruled the city's ban on street stalls, or kiosks",
        "On Monday",
        "2021-05-03",
        text,
    )
    assert checks.clause_cut_short(cut) == "the clause stops before its predicate"
    whole = "On Monday, a court in Tolvo struck down the city's ban on street stalls.\n"
    kept = dated(
        "a court in Tolvo struck down the city's ban on street stalls",
        "On Monday",
        "2021-05-03",
        whole,
    )
    assert checks.event_problem(kept) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Ruiz was the harbour master of Tolvo from 1981 to 1996.\n",
        "Ruiz led the harbour office between 1981 and 1996.\n",
        "Ruiz led the harbour office in 1981–1996.\n",
    ],
)
def test_a_span_of_years_is_no_date(sentence):
    fact = dated(
        "Ruiz led the harbour office",
        "1981",
        "1981",
        sentence.replace("was the harbour master of Tolvo", "led the harbour office"),
    )
    assert checks.date_range(fact) == "a span of time, not one date"


def test_a_single_year_is_a_date():
    fact = dated(
        "Ruiz took over the harbour office",
        "in 1981",
        "1981",
        "Ruiz took over the harbour office in 1981 to cheers.\n",
    )
    assert checks.date_range(fact) is None
    assert checks.event_problem(fact) is None


@pytest.mark.parametrize(
    ("clause", "problem"),
    [
        ("Ruiz was harbour master of Tolvo", "a state, not an event"),
        ("Ruiz was also a fierce critic of the dam", "a state, not an event"),
        ("Ruiz was elected harbour master of Tolvo", None),
        ("Ruiz was first elected harbour master", None),
        ("Ruiz was born in Tolvo", None),
    ],
)
def test_was_without_a_participle_is_a_state(clause, problem):
    text = f"{clause} in 1990.\n"
    assert checks.a_state_not_an_event(dated(clause, "in 1990", "1990", text)) == problem


def test_a_clause_cut_before_its_infinitive_is_no_event():
    text = (
        "In 1992, Ruiz asked her old rival Haddad, then mayor of Tolvo, to attend the festival.\n"
    )
    cut = dated("Ruiz asked her old rival Haddad", "In 1992", "1992", text)
    assert checks.clause_cut_short(cut) == "the clause stops before its infinitive"
    moved = "In 1992, Ruiz sent her old rival Haddad, then mayor of Tolvo, to court.\n"
    kept = dated("Ruiz sent her old rival Haddad", "In 1992", "1992", moved)
    assert checks.clause_cut_short(kept) is None


def test_a_birth_name_is_left_out_of_the_question():
    assert without_birth_name("In what year was Vega born Ana Maria Lopez in Tolvo?") == (
        "In what year was Vega born in Tolvo?"
    )
    assert without_birth_name("In what year was Vega born in Tolvo?") == (
        "In what year was Vega born in Tolvo?"
    )


def test_a_when_question_naming_a_day_is_dropped():
    garbled = draft("when", "When did the firm email the bank on March 10?", "14 March 2019")
    plain_ = draft("when", "When did the firm email the bank?", "14 March 2019")
    assert q.when_with_a_date_inside(garbled, ctx_for("")) == (
        "grammar: a when question that already names a date"
    )
    assert q.when_with_a_date_inside(plain_, ctx_for("")) is None


def test_a_when_question_holding_a_second_time_is_dropped():
    ctx = ctx_for("")
    month = draft(
        "when",
        "When did the radio station report that the mayor was fined for the crash in March?",
        "12 August 2021",
    )
    assert q.when_with_a_second_time(month, ctx) == (
        "unclear: a second time inside the when question"
    )
    weekday = draft("when", "When did the club confirm the coach left on Friday?", "May 2021")
    assert q.when_with_a_second_time(weekday, ctx) is not None
    same_year = draft("when", "When did the court free the men held in 2021?", "3 May 2021")
    assert q.when_with_a_second_time(same_year, ctx) is not None
    # another year, an end date, or a year question asked of a month are clear
    other_year = draft("when", "When was the pilot fined for a crash in 2014?", "3 May 2019")
    until = draft("when", "When did the council delay the vote until June?", "2 April 2020")
    year_of = draft("when", "In what year did the strike begin in March?", "2016")
    for clear in (other_year, until, year_of):
        assert q.when_with_a_second_time(clear, ctx) is None


def _when_question(sentence: str, clause: str, when: str, prompt: str, answer: str):
    dated = DatedFact(
        event=event(clause, when, None, sentence, source=sentence),
        when=PartialDate(2021, 5 if "May" in when else 3),
    )
    return draft("when", prompt, answer, ["April 2021", "June 2021"], source=dated, text=sentence)


def test_a_surname_read_as_the_month_makes_no_date_question():
    sentence = "Party leader Helen May stepped down after the vote on the harbour plan.\n"
    asked = _when_question(
        sentence,
        "Helen May stepped down",
        "May",
        "When did Helen step down after the vote?",
        "May 2021",
    )
    assert q.month_is_a_name(asked, ctx_for(sentence)) is not None
    assert q.draft_problem(asked, ctx_for(sentence)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved the harbour plan in May after a long debate.\n",
        "Last May, the council approved the harbour plan after a long debate.\n",
        "On May 4 the council approved the harbour plan after a long debate.\n",
    ],
)
def test_the_month_itself_is_still_asked(sentence):
    asked = _when_question(
        sentence,
        "the council approved the harbour plan",
        "May",
        "When did the council approve the harbour plan?",
        "May 2021",
    )
    assert q.month_is_a_name(asked, ctx_for(sentence)) is None


def test_a_month_beside_another_month_is_a_span_not_the_answer():
    sentence = "The river flooded the lower valley in March and April, officials said.\n"
    asked = _when_question(
        sentence, "The river flooded the lower valley", "March", "When did the river flood?", "x"
    )
    assert q.month_beside_month(asked, ctx_for(sentence)) is not None


def test_a_prompt_keeping_two_months_side_by_side_is_dropped():
    sentence = "The ferry ran twice a day in June and July, the operator said.\n"
    asked = draft("when", "When did the ferry run twice a day in June and July?", "2020")
    assert q.month_beside_month(asked, ctx_for(sentence)) is not None


def test_a_month_apart_from_another_month_is_asked():
    sentence = "The river flooded the lower valley in March, weeks before the April vote.\n"
    asked = _when_question(
        sentence, "The river flooded the lower valley", "March", "When did the river flood?", "x"
    )
    assert q.month_beside_month(asked, ctx_for(sentence)) is None


def test_a_possessive_weekday_that_is_the_date_becomes_the():
    for when in ("Tuesday", "Tuesday's"):  # noqa: F402 (the loop names a time; `when` the module is not used here)
        clause = strip_time("Tuesday's motion for a snap vote failed to pass", when)
        assert question_from_clause(clause) == "When did the motion for a snap vote fail to pass?"


def test_a_stretch_of_years_makes_no_date_question():
    sentence = "In 1971 she worked for the mayor's office for 12 years, until she retired.\n"
    dated = dated_by_its_sentence(
        "she worked for the mayor's office for 12 years, until she retired",
        "In 1971",
        "1971",
        sentence,
    )
    assert checks.a_duration(dated) == "a stretch of time, not one date"
    # A penalty's length is no stretch of the event: the sentencing is asked.
    sentence = "On Monday a judge sentenced the builder to prison for 12 years.\n"
    dated = dated_by_its_sentence(
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
    dated = dated_by_its_sentence(
        "the city closed its schools for a cleaning drive", f"On {when}", iso, sentence
    )
    assert checks.date_range(dated) == "two days, not one date"


def test_one_day_followed_by_a_count_is_still_asked():
    sentence = "On March 3 and 40 volunteers later, the city closed its schools.\n"
    dated = dated_by_its_sentence(
        "the city closed its schools", "On March 3", "2021-03-03", sentence
    )
    assert checks.date_range(dated) is None


def test_a_participle_without_its_auxiliary_is_not_the_verb():
    sentence = "On Sunday, the curfew begun on May 2 over a flu outbreak ended in Freedonia.\n"
    dated = dated_by_its_sentence(
        "the curfew begun on May 2 over a flu outbreak ended in Freedonia",
        "on May 2",
        "2021-05-02",
        sentence,
    )
    assert checks.participle_without_auxiliary(dated) is not None
    plain = dated_by_its_sentence(
        "the curfew began over a flu outbreak", "on May 2", "2021-05-02", sentence
    )
    assert checks.participle_without_auxiliary(plain) is None


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


@pytest.mark.parametrize(
    ("clause", "when_text", "iso", "text", "rule"),
    [
        (
            "researchers at the lake station reported that the algae could",
            "Friday",
            "2021-03-05",
            "On Friday researchers at the lake station reported that the algae could, "
            "in warm years, choke the bay.\n",
            "dangling_end",
        ),
        (
            "the Journal of Lake Studies, biologists reported a decline of trout",
            "Friday",
            "2021-03-05",
            "In a paper released in the Journal of Lake Studies on Friday, biologists "
            "reported a decline of trout.\n",
            # the date is the release's (a verb of the leading phrase), before the
            # clause is found to start inside that phrase
            "date_of_another_clause",
        ),
        (
            "Wardens think the blaze started in a barn",
            "Tuesday",
            "2021-03-02",
            "Wardens said on Tuesday they think the blaze started in a barn.\n",
            "verb_of_a_reported_clause",
        ),
        (
            "The notice put his absence down to an injury from a fall",
            "Sunday",
            "2021-02-28",
            "The notice put his absence down to an injury from a fall on Sunday.\n",
            "date_of_a_cause",
        ),
        (
            "Mayor Ana Ruiz imposed so she could pay for the quay",
            "May",
            "2021-05",
            "Fishers sued over the levy Mayor Ana Ruiz imposed in May so she could pay "
            "for the quay.\n",
            "contact_relative_clause",
        ),
        (
            "Radio Tarrow reported attack the worst in a decade",
            "Sunday",
            "2021-02-28",
            "Radio Tarrow reported Sunday's attack the worst in a decade.\n",
            "date_of_another_clause",
        ),
        (
            "The harbour office projected the overall tonnage of the port",
            "2021",
            "2021",
            "The harbour office projected the overall 2021 tonnage of the port at two million.\n",
            "date_of_another_clause",
        ),
    ],
)
def test_a_when_clause_cut_reported_or_dated_by_another_word_is_not_asked(
    clause, when_text, iso, text, rule
):
    problem = event_problem(dated(clause, when_text, iso, text))
    assert problem is not None
    assert problem.startswith(rule)


def test_a_name_opening_on_a_past_form_is_a_subject():
    """ "United Provinces Judge …" is a name, not the verb "united"."""
    text = "On Monday, United Provinces Judge Ana Ruiz dismissed the appeal.\n"
    fact = dated(
        "United Provinces Judge Ana Ruiz dismissed the appeal", "Monday", "2021-03-01", text
    )
    assert event_problem(fact) is None
    parts = clause_parts(strip_time(fact.event.event, fact.event.when))
    assert parts is not None
    assert parts.verb == "dismissed"


def test_a_time_before_the_subject_is_not_a_noun_with_a_relative_clause():
    text = "Last year Tarrow Port Authority closed the north quay.\n"
    fact = dated("Tarrow Port Authority closed the north quay", "Last year", "2020", text)
    assert event_problem(fact) is None


def test_a_relative_clause_read_from_a_phrase_is_still_asked():
    """ "… hurt in a storm which flooded the quay" read as "a storm flooded the quay"."""
    text = "Two sailors were hurt in a storm which flooded the quay on 3 May.\n"
    assert event_problem(dated("a storm flooded the quay", "3 May", "2021-05-03", text)) is None


def test_two_past_verbs_under_one_auxiliary_make_no_prompt():
    text = "Lena Vorst was raised in 1961 in Tarrow and taught music at the Gellert Academy.\n"
    fact = dated(
        "Lena Vorst was raised in Tarrow and taught music at the Gellert Academy",
        "1961",
        "1961",
        text,
    )
    parts = clause_parts(strip_time(fact.event.event, fact.event.when))
    asked = when.Asked(fact, parts, ctx_for(text), frozenset())
    assert when.two_verbs_one_auxiliary(asked) is not None
    # A second passive participle is one passive: "was rescued and flown to …".
    text = "A lost hiker was found on 2 June and flown to the Tarrow clinic.\n"
    fact = dated(
        "A lost hiker was found and flown to the Tarrow clinic", "2 June", "2021-06-02", text
    )
    parts = clause_parts(strip_time(fact.event.event, fact.event.when))
    asked = when.Asked(fact, parts, ctx_for(text), frozenset())
    assert when.two_verbs_one_auxiliary(asked) is None


def test_an_attribution_left_at_the_end_of_a_when_prompt():
    text = "A storm hit the coast on Sunday, with waves of six metres, said officials.\n"
    asked = draft(
        "when",
        "When did a storm hit the coast with waves of six metres, said officials?",
        "28 February 2021",
        ["27 February 2021", "1 March 2021"],
        text=text,
    )
    assert q.attribution_left_at_the_end(asked, ctx_for(text)) is not None
    kept = draft(
        "when",
        "When did a storm hit the coast, according to officials?",
        "28 February 2021",
        ["27 February 2021", "1 March 2021"],
        text=text,
    )
    assert q.attribution_left_at_the_end(kept, ctx_for(text)) is None


def _background(prompt: str, year: str, text: str) -> str | None:
    fact = dated("x", year, year, text)
    asked = draft(
        "when", prompt, year, [str(int(year) - 1), str(int(year) + 1)], text=text, source=fact
    )
    return q.background_history(asked, ctx_for(text, published=date(2021, 6, 1)))


def test_history_the_headline_does_not_name_is_background_not_news():
    text = (
        "Floods close Tarrow bridge\n"
        "The river rose on Monday, closing the bridge. The Great Melt of 1998 "
        "had flooded the valley too.\n"
    )
    assert _background("In what year did the Great Melt flood the valley?", "1998", text)
    # Eight years back is recent history, and a subject of the headline stays askable.
    assert _background("In what year did the Great Melt flood the valley?", "2013", text) is None
    text = "Tarrow bridge reopens\nThe bridge, built in 1931, reopened on Monday.\n"
    assert _background("In what year was the Tarrow bridge built?", "1931", text) is None


def _history_card(prompt: str, year: str, text: str) -> str | None:
    fact = DatedFact(
        event=event("x", year, year, text.split("\n")[1], source=text), when=parse_iso(year)
    )
    card = draft("cloze", prompt, year, text=text, source=fact, target=f"date:{year}")
    return q.background_history(card, ctx_for(text, published=date(2021, 6, 1)))


def test_a_card_on_history_no_one_of_the_article_made_is_background():
    text = (
        "Floods close Tarrow bridge\n"
        "Efforts to stop the Great Melt, which took place in 1998, failed.\n"
    )
    prompt = "Fill in the blank: Efforts to stop the Great Melt, which took place in _____, failed."
    assert _history_card(prompt, "1998", text)
    # Recent years stay askable.
    assert _history_card(prompt, "2016", text) is None


def test_a_card_on_a_life_told_after_the_headline_stays():
    text = "Painter Lena Vorst dies at 88\nIn 1990, a museum in Tarrow showed her paintings.\n"
    prompt = "Fill in the blank: In _____, a museum in Tarrow showed her paintings."
    assert _history_card(prompt, "1990", text) is None


def test_a_phrasal_verb_is_active_not_a_participle():
    """ "signed with the club": no one signed her; "findings published in" stays passive."""
    assert question_from_clause("Lena Vorst signed with the Tarrow club") == (
        "When did Lena Vorst sign with the Tarrow club?"
    )
    assert question_from_clause("findings published in the Lake Journal") == (
        "When were findings published in the Lake Journal?"
    )


def test_a_country_adjective_shared_with_the_headline_does_not_make_history_news():
    text = (
        "Norwegian party drops its candidate\n"
        "The Norwegian monarchy was limited by a charter in 1921.\n"
    )
    fact = DatedFact(
        event=event("x", "1921", "1921", text.split("\n")[1], source=text), when=parse_iso("1921")
    )
    asked = draft(
        "when",
        "In what year was the Norwegian monarchy limited by a charter?",
        "1921",
        ["1920", "1922"],
        text=text,
        source=fact,
    )
    assert q.background_history(asked, ctx_for(text, published=date(2021, 6, 1)))


@pytest.mark.parametrize(
    ("clause", "question"),
    [
        (
            "Forty-two people or more were hurt according to the fire service",
            "When were forty-two people or more hurt according to the fire service?",
        ),
        (
            "the harbour board announced the ferry race has been called off",
            "When did the harbour board announce the ferry race had been called off?",
        ),
        (
            "the harbour board said 20 men believed to have been at sea have been found",
            "When did the harbour board say 20 men believed to have been at sea had been found?",
        ),
        (
            "the harbour board approved a pier which has been delayed",
            "When did the harbour board approve a pier which has been delayed?",
        ),
    ],
)
def test_a_spelled_number_is_small_and_a_reported_perfect_moves_back(clause, question):
    assert question_from_clause(clause) == question


@pytest.mark.parametrize(
    ("clause", "asked"),
    [
        ("former Prime Minister of Peru was arrested on charges of fraud", False),
        ("former Prime Minister of Peru Ana Ruiz was arrested on charges of fraud", True),
        ("Minister of Fisheries Ana Ruiz was arrested on charges of fraud", True),
        ("incumbent Prime Minister of Peru became the party's nominee", False),
    ],
)
def test_an_office_that_lost_its_holders_name_makes_no_when_question(clause, asked):
    fact = DatedFact(
        event=event(clause, "", "2021-05-03", TEXT.split("\n")[1], source=TEXT),
        when=parse_iso("2021-05-03"),
    )
    asked_ = when.Asked(fact, clause_parts(clause), ctx_for(TEXT), frozenset())
    assert (when.office_without_a_name(asked_) is None) == asked


def test_a_place_and_its_country_as_the_subject_is_dropped():
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    clause = "a bus and a farm tractor collided"
    prompt = "When did Millbrook, Canada, a bus and a farm tractor collide?"
    assert q.when_subject_is_a_place(_dated(clause, prompt), ctx) == (
        "grammar: the subject starts with a place and its country"
    )
    person = "When did Ana Ruiz, Canada's envoy, sign the pact?"
    assert (
        q.when_subject_is_a_place(_dated("Ana Ruiz, Canada's envoy, signed the pact", person), ctx)
        is None
    )


def test_a_removed_time_leaves_no_lone_comma():
    """A comma that opened the time phrase goes with it; so do commas around it."""
    assert strip_time("a guard was hit at the Velmar depot, on Friday by a driver", "Friday") == (
        "a guard was hit at the Velmar depot by a driver"
    )
    assert strip_time("The harbour master, on 3 May, closed the pier", "3 May") == (
        "The harbour master closed the pier"
    )
    assert question_from_clause(
        strip_time("officials said, on Monday, that the pier shut", "Monday")
    ) == ("When did officials say that the pier shut?")


def test_an_adverb_between_commas_is_moved_or_left_out():
    """A hedge goes before the verb, an aside pointing elsewhere goes."""
    assert (
        question_from_clause(
            "more than 80 members, reportedly, of the Tarrow rowing club turned out to watch the race"
        )
        == "When did more than 80 members of the Tarrow rowing club reportedly turn out to watch the race?"
    )
    assert question_from_clause("the night porter, allegedly, was robbed by two men") == (
        "When was the night porter allegedly robbed by two men?"
    )
    assert question_from_clause("the harbour board, however, approved the plan") == (
        "When did the harbour board approve the plan?"
    )


def test_linking_adverbs_and_demonstratives_do_not_point_to_another_sentence():
    assert question_from_clause("the Velmar Ministry of Ports also listed the pier as unsafe") == (
        "When did the Velmar Ministry of Ports list the pier as unsafe?"
    )
    assert question_from_clause("the night porter was later freed by police") == (
        "When was the night porter freed by police?"
    )
    assert question_from_clause("Ana Ruiz asked the harbour board for this extension") == (
        "When did Ana Ruiz ask the harbour board for the extension?"
    )
    # A time is not rewritten: the relative-time check sees it.
    assert question_from_clause("Ana Ruiz asked the board for a loan this year").endswith(
        "this year?"
    )


def test_a_reporting_verb_before_a_gerund_makes_no_question():
    assert (
        question_from_clause("Tarrow Motors announced auditing itself, after staff complaints")
        is None
    )
    assert question_from_clause("the council announced funding for the bridge") == (
        "When did the council announce funding for the bridge?"
    )


def test_asides_at_the_end_of_a_prompt_are_made_plain():
    from quizzes.generation.wording import tidied

    assert (
        tidied(
            "When did Velmar ban Tarrow Air from its airports, with officials saying this is for safety?"
        )
        == "When did Velmar ban Tarrow Air from its airports?"
    )
    assert tidied("When did the Velmar Republic's (VR) Green Party win six seats?") == (
        "When did the Velmar Republic's Green Party win six seats?"
    )
    assert tidied("When were twelve people hurt according to police?") == (
        "When were twelve people hurt, according to police?"
    )
    assert tidied("When was the pier closed, according to police?") == (
        "When was the pier closed, according to police?"
    )


@pytest.mark.parametrize(
    ("clause", "when_text", "text", "kept"),
    [
        (
            "council leader Ana Ruiz remarked the mayor's letters are the closest thing",
            "Monday",
            "Council leader Ana Ruiz remarked the mayor's letters Monday are the closest "
            "thing to an apology.\n",
            False,
        ),
        (
            "the coach said would be his last day",
            "Friday",
            "The coach said Friday would be his last day at the club.\n",
            False,
        ),
        (
            "the harbour master announced his retirement",
            "Thursday",
            "The harbour master announced his retirement effective Thursday, June 3.\n",
            False,
        ),
        (
            "the ferry firm cut its fares",
            "Monday",
            "The ferry firm cut its fares starting from Monday.\n",
            False,
        ),
        (
            "council leader Ana Ruiz remarked the letters were late",
            "Monday",
            "Council leader Ana Ruiz remarked on Monday the letters were late.\n",
            True,
        ),
    ],
)
def test_a_date_of_a_reported_clause_or_of_a_term_is_not_the_verbs(clause, when_text, text, kept):
    """ "X commented the president's tweets Monday are …" (Monday dates the tweets),
    "announced his resignation effective <date>" (when it takes effect): blind judges,
    batches 26-27. "remarked on Monday the letters were late" dates the remark."""
    problem = event_problem(dated(clause, when_text, "2021-03-08", text))
    assert (problem is None) is kept, problem


@pytest.mark.parametrize(
    ("clause", "asked"),
    [
        ("the coastguard said they were treating it as an accident", False),
        ("the council sold them to a museum", False),
        ("the harbour board said it would close the pier", True),
        ("the rowing team made it to the final", True),
        ("the council sold the old ferries to a museum", True),
    ],
)
def test_an_object_it_from_another_sentence_makes_no_when_question(clause, asked):
    """ "When did the coastguard say they were treating it as an accident?" (blind
    judge, batch 27): "it" is the wreck of the sentence before."""
    fact = DatedFact(
        event=event(clause, "", "2021-05-03", TEXT.split("\n")[1], source=TEXT),
        when=parse_iso("2021-05-03"),
    )
    asked_ = when.Asked(fact, clause_parts(clause), ctx_for(TEXT), frozenset())
    assert (when.object_pronoun(asked_) is None) == asked


@pytest.mark.parametrize(
    ("clause", "sentence", "asked"),
    [
        (
            "the Tarrow court issued a ruling finding",
            "On Monday, the Tarrow court issued a ruling finding in favour of the ferry union.",
            False,
        ),
        (
            "the Tarrow court issued a ruling",
            "On Monday, the Tarrow court issued a ruling in favour of the ferry union.",
            True,
        ),
        (
            "marchers gathered at the square, Dock Lane",
            "On Monday, marchers gathered at the square, Dock Lane, and Mill Hill.",
            False,
        ),
        (
            "marchers gathered at the square, Dock Lane",
            "On Monday, marchers gathered at the square, Dock Lane, before noon.",
            True,
        ),
        (
            "ferry crossings used the north pier",
            "Records show 64% of ferry crossings used the north pier in 2016.",
            False,
        ),
        (
            "ferry crossings used the north pier",
            "Records show ferry crossings used the north pier in 2016.",
            True,
        ),
        (
            "Ivo Brand admitted charges linked to his time",
            "In 2016, Ivo Brand admitted charges linked to his time as head of the Tarrow ferry.",
            False,
        ),
        (
            "Ivo Brand admitted charges linked to his time",
            "In 2016, Ivo Brand admitted charges linked to his time, the court heard.",
            True,
        ),
    ],
)
def test_a_clause_cut_where_its_sentence_goes_on_makes_no_when_question(clause, sentence, asked):
    fact = DatedFact(
        event=event(clause, "", "2021-05-03", sentence, source=sentence),
        when=parse_iso("2021-05-03"),
    )
    asked_ = when.Asked(fact, clause_parts(clause), ctx_for(sentence), frozenset())
    assert (when.cut_mid_phrase(asked_) is None) == asked


@pytest.mark.parametrize(
    ("clause", "prompt"),
    [
        ("Dana Holt followed suit", "When did Dana Holt follow suit?"),
        ("the river council did so", "When did the river council do so?"),
        ("the ferry union did the same", "When did the ferry union do the same?"),
        (
            "According to the port office, around 4,000 to 9,000 fans attended the match",
            "When did According to the port office, around 4,000 to 9,000 fans attend the match?",
        ),
        (
            "Tarrow Watch around 4,000 to 9,000 fans attended the match",
            "When did Tarrow Watch around 4,000 to 9,000 fans attend the match?",
        ),
        (
            "the count of ferry trips tied to the strike surpassed 20,000",
            "When did the count of ferry trips tie to the strike surpassed 20,000?",
        ),
    ],
)
def test_a_prompt_pasted_after_did_or_pointing_back_is_dropped(clause, prompt):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_prompt_pasted(_dated(clause, prompt), ctx)


@pytest.mark.parametrize(
    ("clause", "prompt"),
    [
        ("the ferry union called a strike", "When did the ferry union call a strike?"),
        ("Tarrow Watch counted 4,000 fans", "When did Tarrow Watch count 4,000 fans?"),
        ("ferry trips reached 20,000", "When did ferry trips reach 20,000?"),
        ("In-Line Freight opened a depot", "When did In-Line Freight open a depot?"),
        ("the storm hit 40 towns", "When did the storm hit 40 towns?"),
        (
            "Mayor Ana Ruiz closed the docks, with Tarrow following suit",
            "When did Mayor Ana Ruiz close the docks, with Tarrow following suit?",
        ),
    ],
)
def test_a_whole_question_after_did_stays(clause, prompt):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_prompt_pasted(_dated(clause, prompt), ctx) is None


_WITHDREW_TEXT = (
    "Ferry strike ends in Tarrow\n"
    "Dana Holt, a candidate for the harbour board, withdrew on Monday, 3 May 2021.\n"
)


def _drafted(prompt: str, kind: str = "when") -> object:
    fact = dated_by_its_sentence(
        "Dana Holt withdrew", "on Monday", "2021-05-03", _WITHDREW_TEXT.split("\n")[1]
    )
    answer = "3 May 2021" if kind == "when" else "True"
    options = ["1 May 2021", "2 May 2021"] if kind == "when" else ["False"]
    return draft(kind, prompt, answer, options, text=_WITHDREW_TEXT, source=fact)


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
    ctx = ctx_for(_WITHDREW_TEXT, published=date(2021, 5, 6))
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
    ctx = ctx_for(_WITHDREW_TEXT, published=date(2021, 5, 6))
    kind = "true_false" if prompt.startswith("True") else "when"
    assert q.when_prompt_pasted(_drafted(prompt, kind), ctx) is None


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


@pytest.mark.parametrize(
    "prompt",
    [
        "When was the beta announced?",
        "When did it begin?",
        "In what year did they move?",
        "When was a survey published?",
    ],
)
def test_a_subject_whose_name_was_cut_off_is_dropped(prompt):
    """ "the beta" was named in the sentence before ("Tarrow OS Beta"): the learner
    cannot tell which of the article's events the question asks."""
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_subject_names_nothing(_dated("the beta was announced", prompt), ctx)


@pytest.mark.parametrize(
    "prompt",
    [
        "When was a survey published in the Tarrow Gazette?",
        "When did the rescuers end their search?",
        "When did the guild declare a strike?",
        "When did the 14 divers surface?",
    ],
)
def test_a_subject_named_or_described_enough_stays(prompt):
    ctx = ctx_for(TEXT, published=date(2021, 5, 6))
    assert q.when_subject_names_nothing(_dated("the guild declared a strike", prompt), ctx) is None


def test_a_reports_that_clause_takes_no_article_date_as_a_wrong_option():
    """The day the reported thing happened would be right for the question read as when
    it happened; near dates are offered instead."""
    ctx = ctx_for("The storm hit on Friday. On Saturday, officials said that 20 roofs fell.\n")
    text = "The storm hit on Friday."
    ctx.dated = [dated_by_its_sentence("the storm hit", "on Friday", "2020-10-30", text)]
    assert ctx.article_dates
    report = "When did officials say that 20 roofs fell?"
    assert when._dates_to_offer(report, ctx) == ()
    assert when._dates_to_offer("When did the storm hit?", ctx) == ctx.article_dates


def test_a_day_that_is_the_articles_own_date_is_given_away():
    from quizzes.generation.quality.when import answer_is_the_publication_day

    text = "Crews reach the island\nThe crews reached the island today, the agency said.\n"
    ctx = ctx_for(text, published=date(2021, 5, 14))
    today = draft("when", "When did the crews reach the island?", "14 May 2021", ["13 May 2021"])
    assert answer_is_the_publication_day(today, ctx) == (
        "give-away: the answer is the article's own date"
    )
    before = draft("when", "When did the crews reach the island?", "13 May 2021", ["12 May 2021"])
    assert answer_is_the_publication_day(before, ctx) is None
    assert answer_is_the_publication_day(today, ctx_for(text)) is None


def test_a_statement_dated_the_articles_own_day_is_given_away():
    from quizzes.generation.quality.when import answer_is_the_publication_day

    text = "Crews reach the island\nThe crews reached the island today, the agency said.\n"
    ctx = ctx_for(text, published=date(2021, 5, 14))
    fact = dated("The crews reached the island", "today", "2021-05-14", text.splitlines()[1])
    stated = draft(
        "true_false",
        "True or false? On 14 May 2021, the crews reached the island.",
        "True",
        source=fact,
    )
    assert answer_is_the_publication_day(stated, ctx)
    earlier = dated("The crews reached the island", "Monday", "2021-05-10", text.splitlines()[1])
    assert answer_is_the_publication_day(replace(stated, source=earlier), ctx) is None


def test_an_event_spanning_two_days_is_not_asked_when():
    text = (
        "Storm Vela made landfall on the Tolvo coast from Tuesday night through to "
        "Wednesday, officials said.\n"
    )
    spanning = dated(
        "Storm Vela made landfall on the Tolvo coast", "Tuesday night", "2019-12-24", text
    )
    asked = draft(
        "when",
        "When did Storm Vela make landfall on the Tolvo coast?",
        "24 December 2019",
        ["23 December 2019", "25 December 2019"],
        source=spanning,
    )
    assert q.date_of_a_span(asked, ctx_for(text)) is not None
    one_day = "Storm Vela made landfall on the Tolvo coast on Tuesday night, officials said.\n"
    single = dated(
        "Storm Vela made landfall on the Tolvo coast", "Tuesday night", "2019-12-24", one_day
    )
    kept = replace(asked, source=single)
    assert q.date_of_a_span(kept, ctx_for(one_day)) is None


def _asked_on(sentence: str, written: str, kind: str = "when"):
    event_of = dated("The Velmar ferry ran", written, "2019-12-24", sentence)
    if kind == "true_false":
        statement = "True or false? On 24 December 2019, the Velmar ferry ran extra crossings."
        return draft("true_false", statement, "True", source=event_of)
    return draft(
        "when", "When did the Velmar ferry run extra crossings?", "24 December 2019",
        ["23 December 2019", "25 December 2019"], source=event_of,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("From Tuesday night through to Wednesday, the Velmar ferry ran extra crossings.\n",
         "Tuesday night"),
        ("The Velmar ferry ran extra crossings between Tuesday and Thursday, the port said.\n",
         "Tuesday"),
        ("The Velmar ferry ran extra crossings from 24 to 26 December, the port said.\n",
         "24"),
    ],
)  # fmt: skip
def test_an_event_told_as_a_span_is_not_asked_when_nor_stated_with_a_date(sentence, written):
    assert q.date_of_a_span(_asked_on(sentence, written), ctx_for(sentence)) is not None
    statement = _asked_on(sentence, written, "true_false")
    assert q.date_of_a_span(statement, ctx_for(sentence)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Velmar ferry ran extra crossings from Tuesday and 12 shops stayed open late.\n",
        "The Velmar ferry ran extra crossings from Tuesday and the fare drops to 20 pounds.\n",
        "From Tuesday the fare limit drops to 20, and the Velmar ferry ran extra crossings.\n",
    ],
)
def test_a_day_followed_by_other_words_and_a_number_is_no_span(sentence):
    assert q.date_of_a_span(_asked_on(sentence, "Tuesday"), ctx_for(sentence)) is None
