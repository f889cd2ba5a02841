"""What every builder needs to know about the article beyond one fact:
its speakers, people, countries and dates (for options), deduplicated facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from quizzes.extraction.facts import CountryLink, DatedEvent, Facts, Quote

from .dates import PartialDate, parse_iso
from .text import normalise, similar

# Time expressions that only bound a date ("after 1991", "more than 20 years
# ago"): a question "when?" with that date as the answer would be wrong.
_APPROXIMATE = re.compile(
    r"\b(more than|over|about|around|nearly|almost|after|before|until|till|up to|"
    r"some|roughly|at least|at most|since|by|within)\b",
    re.I,
)
_ROUGH_PRECISION = re.compile(r"\b(week|weekend|days?)\b", re.I)


@dataclass
class DatedFact:
    event: DatedEvent
    when: PartialDate


@dataclass
class GenerationContext:
    article_text: str
    quotes: list[Quote] = field(default_factory=list)  # attributed, deduplicated
    countries: list[CountryLink] = field(default_factory=list)
    dated: list[DatedFact] = field(default_factory=list)  # exact enough to ask "when?"
    speakers: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    other_people: list[str] = field(default_factory=list)
    article_countries: list[str] = field(default_factory=list)
    latest: PartialDate | None = None

    @property
    def article_dates(self) -> list[PartialDate]:
        return [d.when for d in self.dated]


def _dedupe_quotes(quotes: list[Quote]) -> list[Quote]:
    """Attributed quotes, a pull-quote heading and the quote it repeats kept once
    (the longer text wins, at the position of the first)."""
    kept: list[Quote] = []
    for quote in quotes:
        if not quote.speaker or not normalise(quote.text):
            continue
        for i, other in enumerate(kept):
            if other.speaker == quote.speaker and similar(other.text, quote.text):
                if len(quote.text) > len(other.text):
                    kept[i] = quote
                break
        else:
            kept.append(quote)
    return kept


def _usable_date(event: DatedEvent) -> PartialDate | None:
    when = parse_iso(event.date)
    if when is None or _APPROXIMATE.search(event.when or ""):
        return None
    if when.granularity == "day" and _ROUGH_PRECISION.search(event.when or ""):
        # "last week" resolves to a day only roughly: ask for the month.
        when = when.coarsened("month")
    return when


def build_context(
    facts: Facts,
    *,
    article_text: str,
    other_people: list[str] | tuple[str, ...] = (),
    published: date | None = None,
) -> GenerationContext:
    ctx = GenerationContext(article_text=article_text)
    ctx.quotes = _dedupe_quotes(facts.quotes)
    ctx.speakers = list(dict.fromkeys(q.speaker for q in ctx.quotes if q.speaker))
    ctx.people = list(dict.fromkeys(p.name for p in facts.people if p.name))
    ctx.roles = {p.name: p.role for p in facts.people if p.role}
    ctx.other_people = [n for n in dict.fromkeys(other_people) if n]
    seen_links = set()
    for link in facts.countries:
        key = (normalise(link.subject), normalise(link.country))
        if key not in seen_links and key[0] and key[1]:
            seen_links.add(key)
            ctx.countries.append(link)
    ctx.article_countries = list(dict.fromkeys(c.country for c in ctx.countries))
    seen_events = set()
    for event in facts.events:
        when = _usable_date(event)
        key = (normalise(event.event), event.date)
        if when is None or key in seen_events:
            continue
        seen_events.add(key)
        ctx.dated.append(DatedFact(event=event, when=when))
    if published is not None:
        ctx.latest = PartialDate(published.year, published.month, published.day)
    elif ctx.dated:
        ctx.latest = max((d.when for d in ctx.dated), key=lambda d: d.last_day())
    return ctx
