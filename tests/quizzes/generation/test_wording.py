"""Event clauses turned into questions and statements (spaCy's lemma tables, no parse)."""

import pytest

from quizzes.generation.wording import (
    event_sentence,
    past_to_base,
    question_from_clause,
    statement_with_date,
    strip_time,
)


@pytest.mark.parametrize(
    ("past", "base"),
    [("called", "call"), ("declared", "declare"), ("left", "leave"), ("stopped", "stop"),
     ("carried", "carry"), ("said", "say"), ("speaks", None), ("table", None)],
)  # fmt: skip
def test_past_tense_to_base_form(past, base):
    assert past_to_base(past) == base


@pytest.mark.parametrize(
    ("clause", "question"),
    [
        (
            "one city official called for the closure of the old harbour",
            "When did one city official call for the closure of the old harbour?",
        ),
        (
            "In a speech Kazakh President Kassym-Jomart Tokayev described the situation as hopeless",
            "When did Kazakh President Kassym-Jomart Tokayev describe the situation as hopeless?",
        ),
        (
            "in a now deleted post, Marta Lindqvist said Norway was a divided country",
            "When did Marta Lindqvist say Norway was a divided country?",
        ),
        (
            "Angela Merkel was left waiting four hours",
            "When was Angela Merkel left waiting four hours?",
        ),
        (
            "Mr Tokayev and his government being propped up by a military mission",
            "When were Mr Tokayev and his government propped up by a military mission?",
        ),
        ("Leaders gathered in Tashkent", "When did leaders gather in Tashkent?"),
        ("France withdrew its last troops", "When did France withdraw its last troops?"),
        (
            "A survey found that most visitors agreed",
            "When did a survey find that most visitors agreed?",
        ),
        ("the dissolution of the USSR", "When did the dissolution of the USSR take place?"),
    ],
)
def test_clause_becomes_a_question(clause, question):
    assert question_from_clause(clause) == question


@pytest.mark.parametrize(
    "clause",
    [
        "said Kazakhstan was an artificial state",  # no subject
        "effectively being propped up by a mission",  # an adverb is no subject
        "that was the message from the minister",  # a pronoun alone
        "a government spokesman said",  # reported nothing
        "has vowed not to recognise the claims",  # not a past event
    ],
)
def test_clauses_without_a_proper_subject_make_no_question(clause):
    assert question_from_clause(clause) is None


def test_time_expression_and_its_preposition_are_removed():
    assert strip_time("Merkel was left waiting in 2014", "2014") == "Merkel was left waiting"
    assert strip_time("leaders gathered earlier this month in Tashkent", "earlier this month") == (
        "leaders gathered in Tashkent"
    )


def test_statements_with_a_date():
    assert statement_with_date("the minister resigned", "March 2022", "month") == (
        "In March 2022, the minister resigned."
    )
    assert statement_with_date("the minister resigned", "21 September 2022", "day") == (
        "On 21 September 2022, the minister resigned."
    )
    assert event_sentence("in a speech, said nothing") is None
