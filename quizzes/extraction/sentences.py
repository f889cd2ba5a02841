"""Evidence sentences: spaCy's sentences, also cut at line breaks.

The small English pipeline often glues a heading line to the sentence that follows it;
a line break always ends an evidence sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def evidence_sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, split at line breaks, without leading/trailing whitespace tokens."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                _add(doc, start, tok.i, out)
                start = tok.i + 1
            elif "\n" in tok.whitespace_:
                _add(doc, start, tok.i + 1, out)
                start = tok.i + 1
        _add(doc, start, sent.end, out)
    return out


def _add(doc: Doc, start: int, end: int, out: list[Span]) -> None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end > start:
        out.append(doc[start:end])


def sentence_index(doc: Doc, sentences: list[Span]) -> list[int]:
    """For every token, the index of its sentence in ``sentences`` (-1 for whitespace between)."""
    index = [-1] * len(doc)
    for n, span in enumerate(sentences):
        for i in range(span.start, span.end):
            index[i] = n
    return index
