"""Photo captions left in a pasted article are no source of questions (invented lines)."""

from datetime import date

import pytest

from quizzes.extraction.facts import CountryLink, DatedEvent, Facts
from quizzes.generation.captions import caption_spans, in_caption, is_caption_line
from quizzes.generation.context import build_context
from quizzes.generation.numbers import sentences

ARTICLE = "\n".join(
    [
        "Glassblowers gather in Varnholt for the winter fair",
        "Saturday, March 7, 2020",
        "Some 300 glassblowers came to Varnholt for the fair, which opened in 2019.",
        "Tilda Marsk, who won the blue ribbon in 2018. Image: Oskar Lind.",
        "The kiln room.",
        "Visitors watch a demonstration. Image: Oskar Lind.",
        "The organisers said the fair will return next winter.",
    ]
)


@pytest.mark.parametrize(
    "line",
    [
        "Tilda Marsk, who won the blue ribbon in 2018. Image: Oskar Lind.",
        "Image: Oskar Lind.",
        "Harbour workers unload the first crates (Photo: Varn Post)",
        "The mayor greets the crowd. (AP Photo/Jo Wren)",
        "Firefighters at the scene on Sunday. Photo by Jo Wren/Getty Images",
        "Photo: Firefighters at the scene on Sunday.",
        "The ferry leaves the quay at dawn. Photo credit: Jo Wren.",
        "A kiln at the fair (Illustration: Varn Post)",
        "Tilda Marsk (left) and Ana Ruiz hold the ribbon.",
        "Tilda Marsk at the winter fair in Varnholt.",
    ],
)
def test_a_caption_line_is_recognised(line):
    assert is_caption_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # one-sentence news paragraphs, a dateline, a headline, a sourced paragraph
        "Tilda Marsk at the winter fair said the kilns were running late.",
        "Tilda Marsk won the blue ribbon at the winter fair in 2018.",
        "VARNHOLT, Nordland (AP) — The winter fair opened on Saturday.",
        "Saturday, March 7, 2020",
        "Glassblowers gather in Varnholt for the winter fair",
        "The photo agency said its pictures of the fair were taken on Sunday.",
        "Officials at the harbour said the crates held glass from three countries.",
    ],
)
def test_a_story_line_is_not_a_caption(line):
    assert not is_caption_line(line)


def test_a_paragraph_with_a_credit_glued_on_is_not_a_caption():
    paragraph = " ".join(["The fair drew glassblowers from every town of the coast."] * 7)
    assert not is_caption_line(f"{paragraph} Image: Oskar Lind.")


def test_captions_are_found_line_by_line_with_a_run_between_them():
    lines = [ARTICLE[start:end] for start, end in caption_spans(ARTICLE)]
    assert lines == [
        "Tilda Marsk, who won the blue ribbon in 2018. Image: Oskar Lind.",
        "The kiln room.",  # no credit, but between two captions
        "Visitors watch a demonstration. Image: Oskar Lind.",
    ]


def test_the_headline_is_never_taken_for_a_caption():
    text = "Harbour reopens (Photo: Varn Post)\nThe harbour reopened on Monday after repairs."
    assert caption_spans(text) == ()


def _event(sentence: str, when: str, iso: str) -> DatedEvent:
    start = ARTICLE.index(sentence)
    return DatedEvent(
        event=sentence.rstrip("."),
        when=when,
        date=iso,
        evidence=sentence,
        evidence_start=start,
        evidence_end=start + len(sentence),
    )


def test_no_dated_fact_or_country_is_asked_from_a_caption():
    caption = "Tilda Marsk, who won the blue ribbon in 2018."
    story = "Some 300 glassblowers came to Varnholt for the fair, which opened in 2019."
    start = ARTICLE.index(caption)
    facts = Facts(
        events=[_event(caption, "2018", "2018"), _event(story, "2019", "2019")],
        countries=[
            CountryLink(
                subject="Tilda Marsk",
                country="Norway",
                evidence=caption,
                evidence_start=start,
                evidence_end=start + len(caption),
            )
        ],
    )
    ctx = build_context(facts, article_text=ARTICLE + "\nNorway", published=date(2020, 3, 7))
    assert [d.event.when for d in ctx.dated] == ["2019"]
    assert ctx.countries == []
    assert in_caption(ARTICLE, start, start + len(caption))


def test_counted_sentences_leave_captions_out():
    found = [text for text, _, _ in sentences(ARTICLE)]
    assert "Visitors watch a demonstration." not in found
    assert not any("blue ribbon" in text for text in found)
    assert found[0].startswith("Some 300 glassblowers")
