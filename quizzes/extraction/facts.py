"""Plain dataclasses the extractor returns (no ORM): the pure core's output.

Every fact carries its evidence: the sentence(s) of the article that state it,
as text and as character offsets into the article text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Person:
    name: str  # canonical full name, e.g. "Kassym-Jomart Tokayev"
    role: str | None = None  # e.g. "Kazakh President"
    gender: str | None = None  # "m", "f" or None when the text does not say


@dataclass(frozen=True)
class Quote:
    text: str  # the quotation without its marks
    speaker: str | None  # canonical full name, None for scare quotes / headings
    start: int  # offsets of the quoted text (without marks) in the article
    end: int
    evidence: str
    evidence_start: int
    evidence_end: int
    attribution: str = (
        "none"  # explicit | pronoun | according_to | next_sentence | continuation | none
    )
    rule: str = ""  # the rule that attributed it (quotes.RULES), e.g. "speech_verb.named_person"
    confidence: float = 0.0  # how often that rule is right on real articles (confidence.py)


@dataclass(frozen=True)
class CountryLink:
    subject: str  # a person (canonical name), place, organisation or event
    country: str  # common English country name, e.g. "Russia", "United States"
    evidence: str
    evidence_start: int
    evidence_end: int
    subject_kind: str = "other"  # person | place | organisation | event | other
    rule: str = ""  # the rule that linked it (countries.RULES), e.g. "title_before_name"
    confidence: float = 0.0


@dataclass(frozen=True)
class DatedEvent:
    event: str  # a short clause from the sentence
    when: str  # the time expression as written
    date: str | None  # ISO year, year-month or day; None when it cannot be resolved
    evidence: str
    evidence_start: int
    evidence_end: int
    rule: str = ""  # the time expression's kind and the clause step, e.g. "dmy.verb_clause"
    confidence: float = 0.0


@dataclass
class Facts:
    quotes: list[Quote] = field(default_factory=list)
    countries: list[CountryLink] = field(default_factory=list)
    events: list[DatedEvent] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.quotes or self.countries or self.events)

    def to_contract(self) -> dict[str, list[dict[str, Any]]]:
        """The JSON shape of `manage.py extract_facts --json` (a stable contract)."""
        return {
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "evidence": q.evidence,
                    "start": q.start,
                    "end": q.end,
                    "rule": q.rule,
                    "confidence": q.confidence,
                }
                for q in self.quotes
            ],
            "countries": [
                {
                    "subject": c.subject,
                    "country": c.country,
                    "evidence": c.evidence,
                    "rule": c.rule,
                    "confidence": c.confidence,
                }
                for c in self.countries
            ],
            "events": [
                {
                    "event": e.event,
                    "when": e.when,
                    "date": e.date,
                    "evidence": e.evidence,
                    "rule": e.rule,
                    "confidence": e.confidence,
                }
                for e in self.events
            ],
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
