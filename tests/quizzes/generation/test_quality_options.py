"""Multiple-choice options (quizzes/generation/quality/options.py), on invented sentences:
options keep to the answer's type, and an option that is right too is caught."""

from __future__ import annotations

from quizzes.extraction.facts import Facts
from quizzes.generation import quality as q

from .facts_for_tests import ctx_for, draft, link, quote


def test_a_body_alone_among_people_gives_itself_away():
    text = 'Kelora released a statement which read, in part, "We will appeal this ruling".\n'
    facts = Facts(quotes=[quote("We will appeal this ruling", "Kelora", source=text)])
    ctx = ctx_for(text, facts)
    made = draft(
        "who_said",
        "Who said: “We will appeal this ruling”?",
        "Kelora",
        ["Ana Ruiz", "Omar Haddad"],
        text=text,
    )
    assert q.options_of_the_answers_type(made, ctx) == "options: the only organisation among people"


TWO_NATIONS_TEXT = (
    "The prize went to Freedonian-Ruritanian chemist Ana Ruiz for her work on salts.\n"
)


def test_a_second_nationality_before_the_name_makes_that_option_right_too():
    facts = Facts(
        countries=[
            link(
                "Ana Ruiz", "Freedonia", "Freedonian-Ruritanian", "person", source=TWO_NATIONS_TEXT
            )
        ]
    )
    ctx = ctx_for(TWO_NATIONS_TEXT, facts)
    asked = draft(
        "which_country",
        "Which country is Ana Ruiz from?",
        "Freedonia",
        ["Ruritania", "Sylvania"],
        source=facts.countries[0],
    )
    other = draft(
        "which_country",
        "Which country is Ana Ruiz from?",
        "Freedonia",
        ["Sylvania", "Osterlich"],
        source=facts.countries[0],
    )
    assert q.option_also_right(asked, ctx) is not None
    assert q.option_also_right(other, ctx) is None
