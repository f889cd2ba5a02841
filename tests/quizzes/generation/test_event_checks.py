""" "When" and timeline questions only from events with a resolved date and a
clean clause (quizzes/generation/event_checks.py), and explanations that show
how the date was worked out. Invented sentences, one per rule."""

from datetime import date

import pytest

from quizzes.extraction.facts import Facts
from quizzes.generation import generation_context, timeline, when
from quizzes.generation.context import DatedFact, GenerationContext, without_country_roles
from quizzes.generation.dates import parse_iso
from quizzes.generation.event_checks import date_resolution, event_problem
from quizzes.generation.wording import question_from_clause

from .facts_for_tests import built, event, link


def dated(clause, when_text, iso, text):
    fact = event(clause, when_text, iso, text.split()[0], source=text)
    return DatedFact(event=fact, when=parse_iso(iso))


@pytest.mark.parametrize(
    ("clause", "when_text", "text", "rule"),
    [
        (
            "the Harbour Authority ) closed the pier",
            "Monday",
            "On Monday the Harbour Authority (HA) closed the pier.\n",
            "unbalanced_marks",
        ),
        (
            "the council announced the budget : cuts are to follow",
            "Monday",
            "On Monday the council announced the budget: cuts are to follow.\n",
            "stray_punctuation",
        ),
        (
            "Both received suspended sentences",
            "Monday",
            "Both on Monday received suspended sentences.\n",
            "no_subject_and_verb",
        ),
        (
            "the guidelines also list swamp fever as a poor name",
            "2011",
            "The guidelines also list swamp fever, from 2011, as a poor name.\n",
            "no_subject_and_verb",
        ),
        (
            "two guards were convicted on Monday of robbing a bank",
            "2016",
            "Two guards were convicted on Monday of robbing a bank in 2016.\n",
            "date_of_another_clause",
        ),
        (
            "the mayor said the mill closed",
            "1998",
            "The mayor said the mill closed in 1998.\n",
            "date_of_another_clause",
        ),
        (
            "the firm agreed to build a plant",
            "2030",
            "The firm agreed to build a plant in 2030.\n",
            "date_of_another_clause",
        ),
        (
            "elections planned",
            "March 2031",
            "Elections planned for March 2031 were delayed.\n",
            "planned_date",
        ),
    ],
)
def test_events_that_would_make_wrong_or_broken_when_questions(clause, when_text, text, rule):
    iso = {"Monday": "2020-05-04", "March 2031": "2031-03"}.get(when_text, when_text)
    problem = event_problem(dated(clause, when_text, iso, text))
    assert problem is not None
    assert problem.startswith(rule)


@pytest.mark.parametrize(
    ("clause", "when_text", "iso", "text"),
    [
        (
            "two guards were convicted of robbing a bank in 2016",
            "Monday",
            "2020-05-04",
            "Two guards were convicted on Monday of robbing a bank in 2016.\n",
        ),
        (
            "the mayor said the mill would close",
            "May",
            "2020-05",
            "The mayor said in May the mill would close.\n",
        ),
        (
            "the mayor, in a letter sent to residents, announced the closure",
            "Monday",
            "2020-05-04",
            "Late on Monday, the mayor, in a letter sent to residents, announced the closure.\n",
        ),
        (
            "Ana Ruiz was reportedly left waiting two hours for a meeting with the governor",
            "2015",
            "2015",
            "Ana Ruiz was reportedly left waiting two hours for a meeting with the governor "
            "in 2015.\n",
        ),
        (
            "the regional assembly which took place",
            "this week",
            "2020-05",
            "Delegates came for the regional assembly which took place this week.\n",
        ),
    ],
)
def test_clean_events_whose_date_goes_with_the_main_verb(clause, when_text, iso, text):
    assert event_problem(dated(clause, when_text, iso, text)) is None


def test_a_capitalised_word_is_a_name_not_a_verb_and_insertions_are_dropped():
    assert question_from_clause(
        "the United Fishermen Cooperative, in a letter sent to the council, blocked the harbour"
    ) == ("When did the United Fishermen Cooperative block the harbour?")
    assert question_from_clause("the regional assembly which took place") == (
        "When did the regional assembly take place?"
    )
    assert question_from_clause("the H5N8 outbreak as a warning of what to avoid") is None


@pytest.mark.parametrize(
    ("when_text", "iso", "published", "note"),
    [
        (
            "Thursday",
            "2020-05-07",
            date(2020, 5, 9),
            "“Thursday”, in an article published on Saturday 9 May 2020, is 7 May 2020.",
        ),
        (
            "last October",
            "2019-10",
            date(2020, 5, 9),
            "“last October”, in an article published on Saturday 9 May 2020, is October 2019.",
        ),
        ("March 3 2020", "2020-03-03", date(2020, 5, 9), "“March 3 2020” is 3 March 2020."),
        ("2014", "2014", date(2020, 5, 9), ""),
    ],
)
def test_the_explanation_shows_how_the_date_was_resolved(when_text, iso, published, note):
    text = f"The dam burst on {when_text}.\n"
    fact = dated("The dam burst", when_text, iso, text)
    assert date_resolution(fact, published=published) == note


def test_when_and_timeline_explanations_carry_the_resolution():
    text = (
        "The river flooded the old town in March 2019.\n"
        "The council bought new pumps last October.\n"
        "On Thursday, the mayor opened the new flood wall.\n"
    )
    facts = Facts(
        events=[
            event(
                "The river flooded the old town",
                "in March 2019",
                "2019-03",
                "The river",
                source=text,
            ),
            event(
                "The council bought new pumps",
                "last October",
                "2019-10",
                "The council",
                source=text,
            ),
            event(
                "the mayor opened the new flood wall",
                "Thursday",
                "2020-05-07",
                "On Thursday",
                source=text,
            ),
        ]
    )
    published = date(2020, 5, 9)
    drafts = {d.answer: d for d in built(when, facts, text, published=published)}
    assert drafts["7 May 2020"].prompt == "When did the mayor open the new flood wall?"
    assert drafts["7 May 2020"].explanation.endswith(
        "“Thursday”, in an article published on Saturday 9 May 2020, is 7 May 2020."
    )
    (ordering,) = built(timeline, facts, text, published=published)
    assert "“last October”, in an article published on Saturday 9 May 2020, is October 2019." in (
        ordering.explanation
    )


def test_a_persons_country_is_left_out_of_rewritten_prompts():
    """ "When did Peruvian President Ana Ruiz …?" would answer "Which country is
    Ana Ruiz the president of?"."""
    text = "Peruvian President Ana Ruiz resigned on Monday.\n"
    ctx = generation_context(
        Facts(countries=[link("Ana Ruiz", "Peru", "Peruvian", "person", source=text)]),
        article_text=text,
    )
    ctx.people = ["Ana Ruiz"]
    assert without_country_roles("When did Peruvian President Ana Ruiz resign?", ctx) == (
        "When did President Ana Ruiz resign?"
    )
    assert without_country_roles("When did Ana Ruiz of Peru resign?", ctx) == (
        "When did Ana Ruiz resign?"
    )
    assert without_country_roles("When did the head of Peru's senate Ana Ruiz resign?", ctx) == (
        "When did the head of the senate Ana Ruiz resign?"
    )
    assert isinstance(ctx, GenerationContext)
