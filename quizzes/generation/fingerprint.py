"""Stable identities for facts and the questions made from them.

Regeneration matches questions by fingerprint: the same fact in the same
article always hashes the same, however the extractor's offsets move."""

from __future__ import annotations

import hashlib

from quizzes.extraction.facts import CountryLink, DatedEvent, Quote

from .text import normalise


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def quote_key(quote: Quote) -> str:
    return _hash("quote", normalise(quote.text), normalise(quote.speaker or ""))


def country_key(link: CountryLink) -> str:
    return _hash("country", normalise(link.subject), normalise(link.country))


def event_key(event: DatedEvent) -> str:
    return _hash("event", normalise(event.event), event.date or normalise(event.when))


def question_fingerprint(kind: str, *fact_keys: str) -> str:
    """One question per (kind, fact): the who-said and the cloze of the same
    quote are different questions with different fingerprints."""
    return _hash(kind, *fact_keys)


def seed_of(key: str) -> int:
    """A deterministic integer from a key, for stable option order."""
    return int(key[:12], 16)


# What a question asks the learner to recall (QuestionDraft.target): two questions
# on one fact with the same target are near-duplicates.


def person_target(name: str) -> str:
    """ "Ruiz" and "Ana Ruiz" are one target: the surname."""
    words = normalise(name).split()
    return f"person:{words[-1] if words else ''}"


def country_target(country: str) -> str:
    return f"country:{normalise(country)}"


def date_target(iso: str) -> str:
    return f"date:{iso}"
