"""Evidence sentences: spaCy's sentences, also cut at line breaks; wire datelines.

The small English pipeline often glues a heading line to the sentence that follows it;
a line break always ends an evidence sentence.

``dateline(sent)`` finds a wire dateline at the start of a sentence: "LILONGWE, Malawi (AP) —",
"SEOUL/TOKYO, May 14 (Reuters) -", "GUWAHATI: ", and, at the start of a paragraph, the
mixed-case forms "Guwahati, Aug 14 (IANS)" and "Guwahati, India — " when the city is a place
the data knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from . import geo

_CAPS = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\-/ ]{2,}?)\s*(?:,(?P<rest>[^\u2014\u2013(:]{2,40}))?\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:[\u2014\u2013:-]+(?:\s|$)|(?<=\))(?:\s|$))"
)
_MIXED = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,2})(?:,(?P<rest>[^\u2014\u2013(:]{2,30}?))?\s*"
    r"(?:\([A-Z][A-Za-z]{1,12}\)\s*[\u2014\u2013:-]*(?:\s|$)|(?<=\S)\s[\u2014\u2013]\s|:\s)"
)


@dataclass(frozen=True)
class Dateline:
    end_char: int  # document offset where the story proper starts
    cities: tuple[str, ...]  # "Seoul", "Tokyo"
    qualifier: str  # what follows the city: "Malawi", "May 14", "" ...


# What a doc's stages read again and again is made once and kept in the doc's user_data.
# (A WeakKeyDictionary would keep every doc alive: its Spans and Tokens refer to the doc. In
# user_data they form a cycle with the doc that the garbage collector frees.)
def made_once(doc: Doc, name: str, make: Callable[[], Any]) -> Any:
    """``make()``, made the first time ``name`` is asked of ``doc`` and kept with it."""
    if name not in doc.user_data:
        doc.user_data[name] = make()
    return doc.user_data[name]


def dateline(sent: Span) -> Dateline | None:
    """The wire dateline opening ``sent``, if any (read once per sentence: the countries and
    the events stages ask again for the same sentences)."""
    known: dict[tuple[int, int], Dateline | None] = made_once(sent.doc, "_datelines", dict)
    key = (sent.start, sent.end)
    if key not in known:
        known[key] = _dateline(sent)
    return known[key]


def _dateline(sent: Span) -> Dateline | None:
    text = sent.text
    m = _CAPS.match(text)
    if m is None:
        if sent.start > 0:
            before = sent.doc[sent.start - 1]
            if "\n" not in before.whitespace_ and not (before.is_space and "\n" in before.text):
                return None  # mixed case only at the start of a paragraph
        m = _MIXED.match(text)
        if m is None or not all(
            geo.city_population(c) >= 10_000 or geo.region_country(c)
            for c in m.group("city").split("/")
        ):
            return None
    cities = tuple(c.strip().title() for c in m.group("city").split("/") if c.strip(" .-'"))
    return Dateline(sent.start_char + m.end(), cities, (m.group("rest") or "").strip())


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, in its order, made once per doc (the doc's entities are never changed):
    `doc.ents` builds a new Span for every entity at each reading, and the countries stage
    reads them in a dozen rules."""
    made: tuple[Span, ...] = made_once(doc, "_entities", lambda: tuple(doc.ents))
    return made


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """`tuple(doc)`, made once per doc (the doc's tokens are never changed): iterating a doc
    builds a new Token object for every position, and about seven stages walk every doc's
    whole token list."""
    made: tuple[Token, ...] = made_once(doc, "_tokens", lambda: tuple(doc))
    return made


def evidence_sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, split at line breaks, without leading/trailing whitespace tokens
    (made once per doc: the countries and the events stages both read them)."""
    made: tuple[Span, ...] = made_once(
        doc, "_evidence_sentences", lambda: tuple(_evidence_sentences(doc))
    )
    return list(made)


def _evidence_sentences(doc: Doc) -> list[Span]:
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
