"""Which dated events may be asked "when?" (quizzes/generation/event_checks.py): events
that did not happen or only held "as of" a day, clauses cut before their point, and
sentences the checks misread (a place after the leading time, a bracketed time, "first"
in the verb group); events dated by a week; background cards on people named in passing.
Invented sentences, one per rule."""

from datetime import date

import pytest

from quizzes.extraction.facts import Facts
from quizzes.generation import generation_context, true_false, when
from quizzes.generation import quality as q
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import PartialDate, parse_iso
from quizzes.generation.event_checks import date_resolution, event_problem
from quizzes.generation.text import BLANK

from .facts_for_tests import built, ctx_for, draft, event


def dated(clause, when_text, iso, text):
    fact = event(clause, when_text, iso, text.split()[0], source=text)
    return DatedFact(event=fact, when=parse_iso(iso))


@pytest.mark.parametrize(
    ("clause", "when_text", "text", "rule"),
    [
        (
            "no injuries nor arrests were reported",
            "as of Sunday",
            "By the weekend the ferry had sunk, and as of Sunday no injuries nor arrests "
            "were reported.\n",
            "a_status_as_of",
        ),
        (
            "the ferries were not allowed to sail",
            "Monday",
            "On Monday the ferries were not allowed to sail.\n",
            "a_non_event",
        ),
        (
            "No ferry sailed from the harbour",
            "Tuesday",
            "No ferry sailed from the harbour on Tuesday.\n",
            "a_non_event",
        ),
        (
            "the mayor never signed the order",
            "2019",
            "In 2019 the mayor never signed the order.\n",
            "a_non_event",
        ),
        (
            "Tarrow became the first town in the valley",
            "Monday",
            "On Monday, Tarrow became the first town in the valley to ban cars from its "
            "market square.\n",
            "clause_cut_short",
        ),
        (
            "the council announced the new district",
            "Friday",
            "On Friday the council announced the new district, to be called Lowmarsh, would "
            "run its own schools.\n",
            "clause_cut_short",
        ),
        (
            "the Green League withdrew",
            "Friday",
            "On Friday, the Green League withdrew from backing Ana Ruiz as its candidate.\n",
            "clause_cut_short",
        ),
    ],
)
def test_events_that_make_no_when_question(clause, when_text, text, rule):
    problem = event_problem(dated(clause, when_text, "2021-03-01", text))
    assert problem is not None
    assert problem.startswith(rule)


@pytest.mark.parametrize(
    ("clause", "when_text", "text"),
    [
        # a place after the leading time, closed by a comma
        (
            "Mayor Ana Ruiz signed the Clean Harbour Act",
            "Wednesday",
            "On Wednesday in the coastal town of Tarrow, Mayor Ana Ruiz signed the Clean "
            "Harbour Act, banning diesel ferries.\n",
        ),
        (
            "a clerk went on a shouting spree",
            "Thursday",
            "On Thursday at the town hall in Tarrow, Freedonia, a clerk went on a shouting "
            "spree.\n",
        ),
        # "said not …" reports something that was said: an event
        (
            "the court said banning the march was unlawful",
            "2017",
            "In 2017 the court said banning the march was unlawful.\n",
        ),
        # "first"/"last" belong to the verb group, "an estimated" is no verb
        (
            "The fever was first confirmed by the clinic",
            "May 3",
            "The fever was first confirmed by the clinic on May 3, after tests in the capital.\n",
        ),
        (
            "Tarrow spent an estimated 2% of its budget on roads",
            "2018",
            "Tarrow spent an estimated 2% of its budget on roads in 2018.\n",
        ),
    ],
)
def test_clean_events_the_checks_used_to_misread(clause, when_text, text):
    assert event_problem(dated(clause, when_text, "2021-03-01", text)) is None


def test_a_bracketed_clock_time_and_a_description_after_the_agent():
    """ "at about 3am local time (0200 UTC) on Friday by a guard, thought to be …": the
    time expression is taken out whole, and the reduced relative describes the guard."""
    text = (
        "A ferry captain was shot at the Tarrow pier, at about 3am local time (0200 UTC) "
        "on Friday by a guard, thought to be 30-year-old Tom Vale.\n"
    )
    fact = dated(
        "A ferry captain was shot at the Tarrow pier, on Friday by a guard",
        "3am local time (0200 UTC) on Friday",
        "2021-03-05",
        text,
    )
    assert event_problem(fact) is None


def test_an_event_dated_by_a_past_week_is_asked_by_its_month():
    """ "last week" (ISO week 2021-W09, 1-7 March) in an article of Tuesday 9 March 2021."""
    text = "Ana Ruiz was sentenced last week.\n"
    facts = Facts(
        events=[event("Ana Ruiz was sentenced", "last week", "2021-W09", "Ana", source=text)]
    )
    ctx = generation_context(facts, article_text=text, published=date(2021, 3, 9))
    assert [d.when for d in ctx.dated] == [PartialDate(2021, 3)]
    assert "1–7 March 2021" in date_resolution(ctx.dated[0], published=date(2021, 3, 9))
    # a week across two months has no one month; a coming week is a plan
    for iso, published in (("2021-W13", date(2021, 4, 6)), ("2021-W11", date(2021, 3, 9))):
        facts = Facts(
            events=[event("Ana Ruiz was sentenced", "last week", iso, "Ana", source=text)]
        )
        ctx = generation_context(facts, article_text=text, published=published)
        assert ctx.dated == []


def test_a_card_on_a_person_named_only_in_passing_is_background():
    """ "a coup removed then-mayor X in _____" where X appears nowhere else: history the
    article recalls; the same person named again in the story keeps the card."""
    sentence = "A riot removed then-mayor Tom Vale in 1998, and closed the harbour."
    prompt = (
        "Fill in the blank: A riot removed then-mayor Tom Vale in _____, and closed the harbour."
    )
    for rest, background in (("", True), ("Tom Vale now runs the ferry.\n", False)):
        text = f"Tarrow ferry strike ends\n{sentence}\n{rest}"
        start = text.index(sentence)
        fact = DatedFact(
            event=event("x", "1998", "1998", "A riot", source=text), when=parse_iso("1998")
        )
        card = draft(
            "cloze",
            prompt,
            "1998",
            text=sentence,
            source=fact,
            target="date:1998",
            evidence_start=start,
            evidence_end=start + len(sentence),
        )
        ctx = ctx_for(text, Facts(), published=date(2021, 6, 1))
        ctx.people.append("Tom Vale")
        assert bool(q.background_history(card, ctx)) is background


def test_a_separate_report_points_to_another_sentence():
    """ "When was a separate report published …?": separate from what?"""
    text = "On Tuesday a separate report was published in the Lake Journal by a Tarrow team.\n"
    facts = Facts(
        events=[
            event(
                "a separate report was published in the Lake Journal by a Tarrow team",
                "On Tuesday",
                "2021-03-02",
                "On Tuesday",
                source=text,
            )
        ]
    )
    assert built(when, facts, text, published=date(2021, 3, 5)) == []


def test_an_earlier_one_points_to_another_sentence():
    """ "On 6 May, an earlier parade took place in Tolvo": earlier than what?"""
    text = "On Monday, an earlier parade took place in Tolvo.\n"
    clause = "an earlier parade took place in Tolvo"
    facts = Facts(events=[event(clause, "On Monday", "2021-03-01", "On Monday", source=text)])
    assert built(when, facts, text, published=date(2021, 3, 5)) == []
    assert built(true_false, facts, text, published=date(2021, 3, 5)) == []
    plain_text = text.replace("an earlier", "a second")
    plain_facts = Facts(
        events=[
            event(
                clause.replace("an earlier", "a second"),
                "On Monday",
                "2021-03-01",
                "On Monday",
                source=plain_text,
            )
        ]
    )
    assert built(when, plain_facts, plain_text, published=date(2021, 3, 5))


@pytest.mark.parametrize(
    ("sentence", "answer", "dropped"),
    [
        ("Ana Ruiz was an early opponent of the Freedonia War in _____.", "2003", True),
        ("Tom Vale planned the 7/7 attacks on the capital of _____.", "2005", True),
        ("Ana Ruiz was an early opponent of the _____-led Freedonia War.", "Ruritania", True),
        ("Ana Ruiz opened the Freedonia War museum in _____.", "2003", False),
        ("Ana Ruiz joined the _____-led coalition talks.", "Ruritania", False),
    ],
)
def test_a_named_war_or_attack_is_general_knowledge(sentence, answer, dropped):
    card = draft("cloze", f"Fill in the blank: {sentence}", answer, text=sentence)
    ctx = ctx_for(sentence + "\n")
    problem = q.famous_vote_year(card, ctx) or q.famous_war_leader(card, ctx)
    assert (problem is not None) is dropped


@pytest.mark.parametrize(
    ("sentence", "answer", "dropped"),
    [
        (f"Harbour Day is observed on {BLANK}.", "June 4", True),
        (f"The lantern walk is held every year on {BLANK} in the old town.", "May 2", True),
        (f"The lantern walk was held on {BLANK} in the old town.", "May 2", False),
        (f"Harbour Day was first observed on {BLANK}.", "June 4, 1951", False),
    ],
)
def test_the_date_of_a_yearly_observance_is_world_trivia(sentence, answer, dropped):
    """ "Harbour Day is observed on _____": a fixed yearly date, not the news; a walk
    held on a day, or the year a day was first observed, is the article's."""
    card = draft("cloze", f"Fill in the blank: {sentence}", answer, text=sentence)
    assert (q.yearly_observance_date(card, ctx_for(sentence + "\n")) is not None) is dropped


@pytest.mark.parametrize(
    ("clause", "text", "spliced"),
    [
        (  # the clause jumps over the partner and what the report said
            "the journal released a study by a group at the Tarrow Institute, also "
            "called sea lettuce, in the bay",
            "On Friday, the journal released a study by a group at the Tarrow Institute "
            "(TI) and the Velmar College, saying the flood of the river last spring has "
            "been followed by a bloom of green seaweed, also called sea lettuce, in the bay.\n",
            True,
        ),
        (  # an appositive set off by commas is left out whole
            "Otto Brand ended his campaign",
            "On Friday, Otto Brand, who was a candidate in the party's primary for the "
            "coming election of the mayor, ended his campaign.\n",
            False,
        ),
        (  # and so is a bracketed one
            "the ferry sank near Tarrow",
            "On Friday, the ferry (a vessel built for the crossing in the years after the "
            "war by the town's yard) sank near Tarrow.\n",
            False,
        ),
    ],
)
def test_a_clause_that_splices_two_parts_of_its_sentence_is_dropped(clause, text, spliced):
    fact = dated(clause, "Friday", "2020-05-08", text)
    prompt = f"When did {clause}?"
    problem = q.clause_spliced(draft("when", prompt, "8 May 2020", text=text, source=fact), None)
    assert (problem is not None) is spliced


def test_a_name_said_again_inside_the_appositive_left_out_is_no_splice():
    text = (
        "On Friday, the council said Ana Ruiz, daughter of the late harbour master Piet "
        "Ruiz, had won the rowing race across the bay.\n"
    )
    clause = "the council said Ana Ruiz had won the rowing race across the bay"
    fact = dated(clause, "Friday", "2020-05-08", text)
    prompt = f"When did {clause}?"
    assert (
        q.clause_spliced(draft("when", prompt, "8 May 2020", text=text, source=fact), None) is None
    )


@pytest.mark.parametrize(
    ("clause", "text", "wrong"),
    [
        (
            "the flood fully reached the valley, on Friday in Tarrow",
            "The mayor held her first market since the flood fully reached the valley, "
            "on Friday in Tarrow.\n",
            True,
        ),
        (
            "the mayor held her first market, on Friday in Tarrow",
            "The mayor held her first market, on Friday in Tarrow.\n",
            False,
        ),
    ],
)
def test_a_date_after_a_since_clause_is_the_main_clauses(clause, text, wrong):
    """The date set off after "since …," is of what the sentence tells, not of what it
    counts from (blind judge, batch 45)."""
    fact = dated(clause, "Friday", "2020-05-08", text)
    prompt = "When did the flood fully reach the valley, in Tarrow?"
    made = draft("when", prompt, "8 May 2020", text=text, source=fact)
    assert (q.date_of_the_main_clause(made, None) is not None) is wrong


def test_a_card_naming_only_a_speaking_body_is_still_background():
    """A body that speaks in the story ("the Velmar Harbour Authority said") is no one a
    card of history is about: the card naming it stays background; a person would not."""
    sentence = "A riot closed the Velmar Harbour Authority in 1998, and sank two boats."
    prompt = (
        "Fill in the blank: A riot closed the Velmar Harbour Authority in _____, "
        "and sank two boats."
    )
    text = (
        f"Tarrow ferry strike ends\n{sentence}\n"
        'The Velmar Harbour Authority said "the ferries run again on Monday."\n'
    )
    start = text.index(sentence)
    fact = DatedFact(
        event=event("x", "1998", "1998", "A riot", source=text), when=parse_iso("1998")
    )
    card = draft(
        "cloze", prompt, "1998", text=sentence, source=fact, target="date:1998",
        evidence_start=start, evidence_end=start + len(sentence),
    )  # fmt: skip
    ctx = ctx_for(text, Facts(), published=date(2021, 6, 1))
    ctx.speakers.append("Velmar Harbour Authority")
    assert q.background_history(card, ctx)
