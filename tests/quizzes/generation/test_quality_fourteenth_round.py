"""Fourteenth round of the teacher's rubric (issue 11 §4): the failure shapes of the
blind judgements of batches 18 and 19, each on invented sentences: "when" clauses cut
at a modal, started inside a phrase, reported by a verb of thinking, dated by a cause
or by a noun's year, two verbs under one auxiliary, a pronoun of nobody, background
history asked as news, a blanked word inside another word, phrases asked as
statements and the victim offered as the speaker on the killing."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.generation import quality as q
from quizzes.generation import when
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.event_checks import event_problem
from quizzes.generation.who_said import dead_in_article
from quizzes.generation.wording import clause_parts, strip_time

from .facts_for_tests import event, quote
from .test_quality import ctx_for, draft


def dated(clause: str, when_text: str, iso: str, text: str) -> DatedFact:
    fact = event(clause, when_text, iso, text.split()[0], source=text)
    return DatedFact(event=fact, when=parse_iso(iso))


# When: the clause -------------------------------------------------------------------


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
            "starts_inside_a_phrase",
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


# When: the prompt ---------------------------------------------------------------------


def test_a_pronoun_before_any_person_of_the_prompt_is_nobody():
    text = "The club blamed his absence on a knee injury in March.\n"
    asked = draft(
        "when",
        "When did the club blame his absence on a knee injury?",
        "March 2021",
        ["April 2021", "May 2021"],
        text=text,
    )
    assert q.pronoun_of_nobody_in_the_prompt(asked, ctx_for(text)) is not None
    kept = draft(
        "when",
        "When did the goalkeeper injure his knee?",
        "March 2021",
        ["April 2021", "May 2021"],
        text=text,
    )
    assert q.pronoun_of_nobody_in_the_prompt(kept, ctx_for(text)) is None


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


# Give-aways and who said ----------------------------------------------------------------


def test_a_blanked_word_inside_another_word_is_given_away():
    text = "The fourfold lens has four mirrors.\n"
    card = draft(
        "cloze", "Fill in the blank: The fourfold lens has _____ mirrors.", "four", text=text
    )
    assert q.answer_inside_a_word(card, ctx_for(text)) is not None
    card = draft("cloze", "Fill in the blank: The twin lens has _____ mirrors.", "four", text=text)
    assert q.answer_inside_a_word(card, ctx_for(text)) is None


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        ("Mayor Ilse Brandt spoke of “deep regret” after the vote.", True),
        ("Mayor Ilse Brandt left the hall with “real misgivings”.", True),
        ("Mayor Ilse Brandt spoke of “We will rebuild” after the vote.", False),
        ("“Bridges first,” said Mayor Ilse Brandt after the vote.", False),
    ],
)
def test_a_short_phrase_inside_the_reporters_sentence_is_no_statement(sentence, dropped):
    text = sentence + "\n"
    said = sentence.split("“")[1].split("”")[0].rstrip(",")
    asked = draft(
        "who_said",
        f"Who said: “{said}”?",
        "Ilse Brandt",
        ["Jon Ruud", "Per Lind"],
        text=text,
        source=quote(said, "Ilse Brandt", source=text),
    )
    assert (q.quote_without_a_statement(asked, ctx_for(text)) is not None) is dropped


def test_the_person_an_article_reports_dead_is_found_past_an_apposition_or_a_headline():
    text = "Tomas Ferreira, a courier from Lisbon, died on Monday after a robbery.\n"
    assert dead_in_article("Tomas Ferreira", text)
    assert dead_in_article("Tomas Ferreira", "Courier Tomas Ferreira shot dead in Lisbon\n")
    assert not dead_in_article("Tomas Ferreira", "Tomas Ferreira, a courier, said the van died.\n")
