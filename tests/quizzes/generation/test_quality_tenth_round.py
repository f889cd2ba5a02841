"""Tenth round of the teacher's rubric (issue 11 §4): classes of drafts the blind
judges of new articles found again and again (a quotation or card giving another
question away, the same name answering several questions, years crowding a bank,
trivial cards, editor's marks and quotations copied into rewritten questions, a
second nationality before a person's name), each with invented sentences: the rule
that now catches it, and what is still asked."""

from __future__ import annotations

from quizzes.extraction.facts import Facts
from quizzes.generation import quality as q
from quizzes.generation.text import BLANK
from quizzes.generation.who_said import shown

from .facts_for_tests import link, quote
from .test_quality import ctx_for, draft

# Who said ----------------------------------------------------------------------

TERM_TEXT = "The harbour master Jane Doe said she had ordered “full readiness” from the guards.\n"


def test_a_two_word_term_in_quotation_marks_is_no_statement_even_with_its_sentence():
    said = quote("full readiness", "Jane Doe", source=TERM_TEXT)
    asked = draft(
        "who_said",
        f"Who said: “full readiness”? (Context: The harbour master {BLANK} said she had"
        " ordered “full readiness” from the guards.)",
        "Jane Doe",
        ["John Roe", "Ann Poe"],
        source=said,
    )
    assert q.scare_quoted_term(asked, ctx_for(TERM_TEXT)) is not None


def test_a_three_word_phrase_with_its_sentence_is_still_asked():
    text = "Jane Doe said the guards showed “courage under fire” that night.\n"
    said = quote("courage under fire", "Jane Doe", source=text)
    asked = draft("who_said", "Who said: “courage under fire”?", "Jane Doe", source=said)
    assert q.scare_quoted_term(asked, ctx_for(text)) is None


def test_the_editors_bracketed_full_stop_is_read_as_a_plain_one():
    assert shown("we kept the lights on all winter[.]") == "we kept the lights on all winter."
    assert shown("first [.] then the rest") == "first . then the rest"
    assert shown("we [the council] agreed") == "we [the council] agreed"


FIRST_PERSON_TEXT = (
    "Ana Ruiz said she had “given up my seat on the board and lived quietly” for years.\n"
    "Officially, Ana Ruiz no longer holds a seat on the board, having left it in 2004.\n"
)


def _first_person_pair():
    said = quote(
        "given up my seat on the board and lived quietly", "Ana Ruiz", source=FIRST_PERSON_TEXT
    )
    asked = draft(
        "who_said",
        "Who said: “given up my seat on the board and lived quietly”?",
        "Ana Ruiz",
        ["John Roe", "Ann Poe"],
        source=said,
    )
    return asked, FIRST_PERSON_TEXT.splitlines()[1]


def test_a_card_naming_the_speaker_of_a_first_person_quotation_on_its_point_gives_it_away():
    asked, sentence = _first_person_pair()
    card = draft(
        "cloze",
        f"Fill in the blank: {sentence.replace('2004', BLANK)}",
        "2004",
        evidence_start=200,
    )
    assert q.speaker_told_elsewhere(card, [asked], ctx_for(FIRST_PERSON_TEXT)) is not None


def test_a_card_naming_the_speaker_on_another_point_is_kept():
    asked, _ = _first_person_pair()
    card = draft(
        "cloze",
        f"Fill in the blank: Ana Ruiz opened a bakery in the old mill in {BLANK}.",
        "2010",
        evidence_start=200,
    )
    assert q.speaker_told_elsewhere(card, [asked], ctx_for(FIRST_PERSON_TEXT)) is None


def test_a_third_person_quotation_is_not_given_away_by_a_card_naming_the_speaker():
    text = "Ana Ruiz said “the seat on the board stays empty” until spring.\n"
    said = quote("the seat on the board stays empty", "Ana Ruiz", source=text)
    asked = draft(
        "who_said",
        "Who said: “the seat on the board stays empty”?",
        "Ana Ruiz",
        source=said,
    )
    card = draft(
        "cloze",
        f"Fill in the blank: Ana Ruiz held a seat on the board until {BLANK}.",
        "2004",
        evidence_start=200,
    )
    assert q.speaker_told_elsewhere(card, [asked], ctx_for(text)) is None


# Cards given away by a quotation, and one name answering twice -------------------


def test_a_quotation_naming_the_blanked_country_on_the_cards_point_gives_it_away():
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK}-based militia claimed the raids on the depots.",
        "Freedonia",
        target="country:freedonia",
    )
    quoted = draft("who_said", "Who said: “no sign the raids came from Freedonia”?", "Jane Doe")
    assert q.country_named_elsewhere(card, [quoted], ctx_for("")) is not None


def test_a_quotation_naming_the_country_on_another_point_is_kept():
    card = draft(
        "cloze",
        f"Fill in the blank: The {BLANK}-based militia claimed the raids on the depots.",
        "Freedonia",
        target="country:freedonia",
    )
    quoted = draft("who_said", "Who said: “our wheat sells well in Freedonia”?", "Jane Doe")
    assert q.country_named_elsewhere(card, [quoted], ctx_for("")) is None


def test_one_person_answers_one_card_of_a_bank():
    first = draft(
        "cloze",
        f"Fill in the blank: “We held on in the second half,” {BLANK} said.",
        "Tom Grey",
        target="person:grey",
    )
    second = draft(
        "cloze",
        f"Fill in the blank: “The bench made the difference,” {BLANK} said.",
        "Grey",
        target="person:grey",
    )
    other = draft(
        "cloze",
        f"Fill in the blank: “It was a long season,” {BLANK} said.",
        "Ann Poe",
        target="person:poe",
    )
    assert q.same_name_answered_again(second, [first], ctx_for("")) is not None
    assert q.same_name_answered_again(other, [first], ctx_for("")) is None


def test_a_card_blanking_the_country_a_which_country_question_answers_is_dropped():
    asked = draft(
        "which_country",
        "Which country is Ana Ruiz the prime minister of?",
        "Freedonia",
        ["Ruritania", "Sylvania"],
    )
    card = draft(
        "cloze",
        f"Fill in the blank: Rockets struck the embassy in {BLANK} on the same night.",
        "Freedonia",
        target="country:freedonia",
    )
    assert q.same_name_answered_again(card, [asked], ctx_for("")) is not None


# A bank of years ---------------------------------------------------------------


def _year_question(year: str, verb: str):
    return draft("when", f"In what year did the mill {verb}?", year, ["1901", "1902", "1903"])


def test_a_fourth_year_question_is_dropped_but_a_date_is_kept():
    kept = [_year_question(y, v) for y, v in (("1950", "open"), ("1960", "grow"), ("1970", "shut"))]
    card = draft(
        "cloze",
        f"Fill in the blank: The mill reopened as a museum in {BLANK}.",
        "1990",
        target="date:1990",
    )
    statement = draft("true_false", "True or false? In 1985, the mill was sold.", "True")
    day = draft("when", "When did the mill burn?", "4 May 1999", ["5 May 1999", "6 May 1999"])
    assert q.too_many_years(card, kept, ctx_for("")) is not None
    assert q.too_many_years(statement, kept, ctx_for("")) is not None
    assert q.too_many_years(day, kept, ctx_for("")) is None
    assert q.too_many_years(card, kept[:2], ctx_for("")) is None


def test_a_count_in_the_thousands_is_no_year():
    kept = [_year_question(y, v) for y, v in (("1950", "open"), ("1960", "grow"), ("1970", "shut"))]
    card = draft(
        "cloze",
        f"Fill in the blank: The new owner takes over about {BLANK} workers.",
        "7000",
        target="number:7000",
    )
    assert q.too_many_years(card, kept, ctx_for("")) is None


# Trivial cards -----------------------------------------------------------------


def test_a_card_of_a_few_words_has_no_context():
    short = draft("cloze", f"Fill in the blank: The hearing date is {BLANK}.", "May 4")
    longer = draft(
        "cloze", f"Fill in the blank: The hearing on the port lease was moved to {BLANK}.", "May 4"
    )
    assert q.card_without_context(short, ctx_for("")) is not None
    assert q.card_without_context(longer, ctx_for("")) is None


def test_a_count_of_one_to_three_is_a_guess():
    for count in ("two", "Three", "2"):
        card = draft(
            "cloze", f"Fill in the blank: Inspectors found {BLANK} unsecured servers.", count
        )
        assert q.small_count_card(card, ctx_for("")) is not None
    card = draft("cloze", f"Fill in the blank: Inspectors found {BLANK} unsecured servers.", "14")
    assert q.small_count_card(card, ctx_for("")) is None


# Rewritten questions that copy the article's marks -------------------------------


def test_a_when_question_copying_a_quotation_or_an_editors_bracket_is_dropped():
    quoting = draft(
        "when",
        "When did the mayor call on “traders, drivers and church leaders” to support?",
        "4 May 2020",
    )
    bracket = draft(
        "when", "When was the search stopped over the risk of [another] wall falling?", "4 May 2020"
    )
    plain = draft("when", "When did the mayor open the “Blue Bridge”?", "4 May 2020")
    assert q.copied_quotation_in_question(quoting, ctx_for("")) is not None
    assert q.copied_quotation_in_question(bracket, ctx_for("")) is not None
    assert q.copied_quotation_in_question(plain, ctx_for("")) is None


def test_a_card_keeps_the_articles_own_quotation_and_brackets():
    card = draft(
        "cloze",
        f"Fill in the blank: “[W]e stayed until dawn,” said the captain, {BLANK}.",
        "Ann Poe",
    )
    assert q.copied_quotation_in_question(card, ctx_for("")) is None


# Which country: a second nationality before the name ------------------------------

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
