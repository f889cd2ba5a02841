"""Blind judge of batch 51: a dated clause about a thing is never asked of a person the
article names near the thing's noun, and a date the article gives only roughly ("about
six years ago", "5 or 6 years ago") is no key of a "when" question. Invented sentences."""

from datetime import date

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import when

from .facts_for_tests import built, event

TOOLS = (
    "Toolmakers merge\n"
    "We spoke to the members of the Lathe project, Mira Kovac and Jon Bell, about the merger.\n"
    "Lathe began as an outside project that was bought by Gearworks in 2013.\n"
)


def test_a_thing_described_is_not_asked_as_a_person_named_beside_its_noun():
    """ "the members of the project, Mira Kovac and ..." names no one "an outside project"
    stands for: "When was Mira Kovac bought by Gearworks?" has a false premise."""
    facts = Facts(
        events=[
            event(
                "an outside project was bought by Gearworks",
                "2013",
                "2013",
                "Lathe began",
                source=TOOLS,
            )
        ],
        people=[Person("Mira Kovac", gender="f"), Person("Jon Bell", gender="m")],
    )
    prompts = [d.prompt for d in built(when, facts, TOOLS, published=date(2020, 6, 1))]
    assert prompts
    assert all("Kovac" not in p and "Bell" not in p for p in prompts)


MILL = "Mill sold\nThe mill was sold by its owners about six years ago, the council said.\n"


def test_a_date_given_only_roughly_is_no_key_of_a_when_question():
    """ "about six years ago" is 2014 only roughly: 2013 and 2015, the options beside it,
    would be right as well."""
    facts = Facts(
        events=[
            event(
                "The mill was sold by its owners",
                "about six years ago",
                "2014",
                "The mill was sold",
                source=MILL,
            )
        ]
    )
    assert built(when, facts, MILL, published=date(2020, 6, 1)) == []
