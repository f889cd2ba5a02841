"""'When' questions from clauses the extractor cut or dated from another part of the
sentence, and a card showing a month another question asks (issue 11 §4, blind judges
of batches 38 and 39; invented sentences)."""

from dataclasses import replace
from datetime import date

import pytest

from quizzes.extraction.facts import Facts, Person, Quote
from quizzes.generation import quality as q
from quizzes.generation import when
from quizzes.generation.captions import caption_spans
from quizzes.generation.context import DatedFact, build_context
from quizzes.generation.dates import parse_iso
from quizzes.generation.event_checks import event_problem
from quizzes.generation.numbers import sentences
from quizzes.generation.text import BLANK

from .facts_for_tests import built, ctx_for, dated, draft, event


def test_a_times_back_left_on_a_cut_clause_is_not_asked():
    text = "Varn Post profile\nTilda Marsk spoke to the Varn Post back in March.\n"
    cut = event("Tilda Marsk spoke to the Varn Post back", "March", "2020-03", "Tilda", source=text)
    ctx = build_context(Facts(events=[cut]), article_text=text, published=date(2020, 9, 1))
    assert [d.event.event for d in ctx.dated] == ["Tilda Marsk spoke to the Varn Post"]
    prompts = [d.prompt for d in built(when, Facts(events=[cut]), text, published=date(2020, 9, 1))]
    assert prompts == ["When did Tilda Marsk speak to the Varn Post?"]


def test_a_verbs_own_back_stays():
    text = "Varn Post profile\nThe ferry came back in March.\n"
    came = event("The ferry came back", "March", "2020-03", "The ferry", source=text)
    ctx = build_context(Facts(events=[came]), article_text=text, published=date(2020, 9, 1))
    assert [d.event.event for d in ctx.dated] == ["The ferry came back"]


@pytest.mark.parametrize(
    ("clause", "when_text", "iso", "text"),
    [
        (
            # the date is the primary's, the loss came later
            "Oska Brill lost the nomination to Ed Varga",
            "March",
            "2020-03",
            "Despite winning the coastal primary in March, Oska Brill lost the nomination to"
            " Ed Varga in August.\n",
        ),
        (
            # one of two years: both are right
            "Marsk backed the 2010 and mayoral campaigns of Ed Varga",
            "2014",
            "2014",
            "Marsk backed the 2010 and 2014 mayoral campaigns of Ed Varga.\n",
        ),
        (
            # a second action with its own date stays in the prompt
            "Marsk ran for the council in Dorvik and for mayor of Tessel in 2019",
            "2012",
            "2012",
            "Marsk ran for the council in 2012 in Dorvik and for mayor of Tessel in 2019.\n",
        ),
        (
            # the clause "after" opens has its verb cut off
            "Marsk was fined by the league after photos of him at the bar",
            "2015",
            "2015",
            "Marsk was fined by the league in 2015 after photos of him at the bar before the"
            " final were printed in a tabloid.\n",
        ),
        (
            # the year is the nominee's, not the selection's
            "Marsk selected Harbour Party mayoral nominee Ed Varga to be her deputy",
            "2016",
            "2016",
            "Marsk selected 2016 Harbour Party mayoral nominee Ed Varga to be her deputy.\n",
        ),
        (
            # a claim the article reports, not a fact
            "Ed Varga was involved in the collapse of a mine",
            "2001",
            "2001",
            "He also spread a baseless theory suggesting Ed Varga was involved in the collapse"
            " of a mine in 2001.\n",
        ),
        (
            # the new date of the vote, not when it was moved
            "Dorvik moved its council vote",
            "June 2",
            "2020-06-02",
            "Dorvik moved its council vote to June 2; it was first planned for April 28.\n",
        ),
        (
            # "ran" is cut before "to be a councillor"
            "Marsk successfully ran",
            "1982",
            "1982",
            "In 1982 Marsk successfully ran to be a councillor, joining the board in 1983.\n",
        ),
        (
            # "sent running for cover": the verb's complement is cut off
            "Visitors were sent",
            "Monday",
            "2020-05-04",
            "Visitors were sent running for cover on Monday, as a storm hit the fair.\n",
        ),
    ],
)
def test_events_cut_or_dated_from_another_part_of_the_sentence(clause, when_text, iso, text):
    assert event_problem(dated(clause, when_text, iso, text)) is not None


@pytest.mark.parametrize(
    ("clause", "when_text", "iso", "text"),
    [
        (
            "Presidents Ana Ruiz and Ed Varga signed the river treaty",
            "Monday",
            "2020-05-04",
            "Leaders met in Dorvik for a summit where on Monday Presidents Ana Ruiz and Ed"
            " Varga signed the river treaty.\n",
        ),
        (
            "Marsk resigned",
            "2017",
            "2017",
            "In 2017, after a long dispute with the board, Marsk resigned, citing ill health.\n",
        ),
        (
            "Marsk was fined by the league after a brawl",
            "2015",
            "2015",
            "Marsk was fined by the league in 2015 after a brawl.\n",
        ),
    ],
)
def test_events_whose_date_and_clause_stay_asked(clause, when_text, iso, text):
    assert event_problem(dated(clause, when_text, iso, text)) is None


def test_a_card_showing_the_month_may_that_a_when_question_asks_is_dropped():
    text = "In May, a study was published in the Varn Journal, showing that moss can grow on glass."
    fact = DatedFact(
        event=event(
            "a study was published in the Varn Journal", "In May", "2020-05", text, source=text
        ),
        when=parse_iso("2020-05"),
    )
    asked = draft(
        "when", "When was a study published in the Varn Journal?", "May 2020", source=fact
    )
    card = draft(
        "cloze",
        f"Fill in the blank: In May, a study was published in the Varn Journal, showing that moss can"
        f" grow on {BLANK}.",
        "glass",
    )
    modal = draft("cloze", f"Fill in the blank: Moss may grow on {BLANK}.", "glass")
    assert q.card_shows_an_asked_date(card, [asked], ctx_for(text)) is not None
    assert q.card_shows_an_asked_date(modal, [asked], ctx_for(text)) is None


ROUND_UP = "\n".join(
    [
        "Campaign notes for May",
        "The Harbour Party nominated Tilda Marsk on May 2.",
        "The Valley Party chose Ed Varga a week later.",
        "For 2020 the party is on the ballot in 14 states.",
    ]
)


def test_the_party_of_an_article_naming_several_is_no_card():
    card = draft(
        "cloze", f"Fill in the blank: For 2020 the party is on the ballot in {BLANK} states.", "14"
    )
    assert q.which_court(card, ctx_for(ROUND_UP)) is not None


def test_the_party_the_title_names_is_a_card():
    text = ROUND_UP.replace("Campaign notes for May", "Harbour Party picks Tilda Marsk")
    card = draft(
        "cloze", f"Fill in the blank: For 2020 the party is on the ballot in {BLANK} states.", "14"
    )
    assert q.which_court(card, ctx_for(text)) is None
    own = draft(
        "cloze",
        f"Fill in the blank: At the Valley Party's convention, the party chose {BLANK}.",
        "Ed Varga",
    )
    assert q.which_court(own, ctx_for(ROUND_UP)) is None
    one = "Notes\nThe Harbour Party nominated Marsk.\nFor 2020 the party is on the ballot in 14 states."
    assert q.which_court(card, ctx_for(one)) is None


def test_a_card_blanking_a_measure_written_beside_it_in_another_unit_is_dropped():
    converted = draft(
        "cloze",
        f"Fill in the blank: The island lies 900 miles ({BLANK} km) from the coast.",
        "1450",
    )
    first = draft(
        "cloze",
        f"Fill in the blank: The island lies {BLANK} miles (1450 km) from the coast.",
        "900",
    )
    plain = draft(
        "cloze", f"Fill in the blank: The island lies {BLANK} miles from the coast.", "900"
    )
    assert q.converted_unit(converted, ctx_for("")) is not None
    assert q.converted_unit(first, ctx_for("")) is not None
    assert q.converted_unit(plain, ctx_for("")) is None


def test_a_clock_time_ends_no_card_sentence():
    text = "Title\nThe agency counted 512 cases before 10 a.m. Varn Time on Friday. Schools shut."
    found = [sentence for sentence, _, _ in sentences(text)]
    assert found[0] == "The agency counted 512 cases before 10 a.m. Varn Time on Friday."


def test_a_platform_the_words_were_posted_on_is_no_speaker():
    text = "In a post on Twitter, the governor wrote, “We shut the polls today.”"
    said = Quote(
        text="We shut the polls today.",
        speaker="Twitter",
        start=text.index("We"),
        end=len(text) - 1,
        evidence=text,
        evidence_start=0,
        evidence_end=len(text),
    )
    asked = draft(
        "who_said",
        "Who said: “We shut the polls today”?",
        "Twitter",
        ["Ana Ruiz", "Ed Varga"],
        text=text,
        source=said,
    )
    assert q.speaker_is_a_platform(asked, ctx_for(text)) is not None
    person = replace(said, speaker="Ana Ruiz")
    fair = draft(
        "who_said",
        "Who said: “We shut the polls today”?",
        "Ana Ruiz",
        ["Ed Varga", "Tilda Marsk"],
        text=text,
        source=person,
    )
    assert q.speaker_is_a_platform(fair, ctx_for(text)) is None
    company = "Title\nFacebook said the ruling was unfair. It also posted a note on Facebook."
    assert q.speaker_is_a_platform(asked, ctx_for(company)) is None


GALLERY = "\n".join(
    [
        "Varn Fair draws crowds",
        "Thousands came to the Varn Fair on Saturday, where Ana Ruiz said “It was a long day.”",
        "Ed Varga said “We sold every pie.”",
        "Tilda Marsk said “The band played twice.”",
        "Otto Brand",
        "Lena from Lake Tales",
        "Pirates",
        "Ruiz closed the fair at nine.",
    ]
)


def test_a_run_of_short_unpunctuated_lines_is_a_gallery_of_captions():
    spans = caption_spans(GALLERY)
    shown = [GALLERY[start:end] for start, end in spans]
    assert shown == ["Otto Brand", "Lena from Lake Tales", "Pirates"]


def test_a_name_read_across_gallery_lines_is_no_option():
    ctx = build_context(
        Facts(people=[Person(name=n) for n in ("Ana Ruiz", "Otto Brand Lena", "Ed Varga")]),
        article_text=GALLERY,
    )
    assert ctx.people == ["Ana Ruiz", "Ed Varga"]


def test_a_role_word_opening_a_line_is_no_part_of_the_speakers_name():
    text = "Fair notes\nShe wanted to be a lead in the play.\nLead Otto Brand said “We rehearsed all week.”"
    start = text.index("We rehearsed")
    said = Quote(
        text="We rehearsed all week.",
        speaker="Lead Otto Brand",
        start=start,
        end=start + len("We rehearsed all week."),
        evidence=text.split("\n")[-1],
        evidence_start=text.index("Lead Otto"),
        evidence_end=len(text),
    )
    ctx = build_context(Facts(quotes=[said]), article_text=text)
    assert ctx.speakers == ["Otto Brand"]
