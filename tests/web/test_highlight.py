"""web/highlight.py: paragraphs of an article with the evidence spans marked."""

from __future__ import annotations

from web.highlight import Span, article_paragraphs, paragraph_index_at

TEXT = "Title\nFirst sentence. Second sentence.\n\nThird paragraph here.\n"


def marked(paragraph):
    return [s.text for s in paragraph.segments if s.marked]


def test_paragraphs_skip_blank_lines_and_keep_their_text():
    paragraphs = article_paragraphs(TEXT, [])

    assert [p.anchor for p in paragraphs] == ["p-0", "p-1", "p-2"]
    assert ["".join(s.text for s in p.segments) for p in paragraphs] == [
        "Title",
        "First sentence. Second sentence.",
        "Third paragraph here.",
    ]
    assert not any(p.has_evidence for p in paragraphs)


def test_a_span_marks_its_sentence_inside_the_paragraph():
    start = TEXT.index("Second")
    paragraphs = article_paragraphs(TEXT, [Span(start, start + len("Second sentence."), 7)])

    segments = paragraphs[1].segments
    assert [(s.text, s.marked) for s in segments] == [
        ("First sentence. ", False),
        ("Second sentence.", True),
    ]
    assert segments[1].question_ids == (7,)


def test_overlapping_spans_merge_and_remember_every_question():
    start = TEXT.index("First")
    spans = [Span(start, start + 15, 1), Span(start + 6, start + 32, 2)]

    paragraph = article_paragraphs(TEXT, spans, current_question=2)[1]

    assert marked(paragraph) == ["First sentence. Second sentence."]
    assert paragraph.segments[0].question_ids == (1, 2)
    assert paragraph.segments[0].current is True


def test_a_span_across_paragraphs_is_clipped_to_each():
    start = TEXT.index("Second")
    end = TEXT.index(" here")

    paragraphs = article_paragraphs(TEXT, [Span(start, end, 3)])

    assert marked(paragraphs[1]) == ["Second sentence."]
    assert marked(paragraphs[2]) == ["Third paragraph"]


def test_spans_outside_the_text_are_ignored():
    paragraphs = article_paragraphs(TEXT, [Span(5, 3, 1), Span(0, 10_000, 2)])

    assert not any(p.has_evidence for p in paragraphs)


def test_paragraph_index_of_an_offset():
    assert paragraph_index_at(TEXT, TEXT.index("Third")) == 2
    assert paragraph_index_at(TEXT, 0) == 0
    assert paragraph_index_at(TEXT, None) is None
