"""Pure core of the article view: split an article into paragraphs and mark
the evidence sentences (character spans) inside them. No ORM, no HTML: the
template escapes every segment, so article text is always shown as text."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizzes.api import paragraph_spans


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False
    current: bool = False
    question_ids: tuple[int, ...] = ()


@dataclass
class Paragraph:
    index: int
    segments: list[Segment] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"p-{self.index}"

    @property
    def has_evidence(self) -> bool:
        return any(segment.marked for segment in self.segments)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    question_id: int


def paragraph_index_at(text: str, offset: int | None) -> int | None:
    """Index of the paragraph holding character `offset` (as in paragraph_spans)."""
    if offset is None:
        return None
    for index, (start, end) in enumerate(paragraph_spans(text)):
        if start <= offset <= end:
            return index
    return None


def article_paragraphs(
    text: str, spans: list[Span], *, current_question: int | None = None
) -> list[Paragraph]:
    """Paragraphs of `text`, each cut into plain and marked segments. Overlapping
    or touching evidence spans merge into one mark that remembers all their
    questions; spans running past a paragraph's end are clipped to it."""
    valid = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, s.end)
    )
    merged: list[tuple[int, int, set[int]]] = []
    for span in valid:
        if merged and span.start <= merged[-1][1]:
            start, end, ids = merged[-1]
            merged[-1] = (start, max(end, span.end), ids | {span.question_id})
        else:
            merged.append((span.start, span.end, {span.question_id}))

    paragraphs = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        paragraph = Paragraph(index=index)
        cursor = p_start
        for start, end, ids in merged:
            if end <= p_start or start >= p_end:
                continue
            start, end = max(start, p_start), min(end, p_end)
            if start > cursor:
                paragraph.segments.append(Segment(text[cursor:start]))
            paragraph.segments.append(
                Segment(
                    text[start:end],
                    marked=True,
                    current=current_question in ids,
                    question_ids=tuple(sorted(ids)),
                )
            )
            cursor = end
        if cursor < p_end:
            paragraph.segments.append(Segment(text[cursor:p_end]))
        paragraphs.append(paragraph)
    return paragraphs
