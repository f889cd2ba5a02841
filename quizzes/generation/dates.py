"""Dates of three granularities (year, month, day), formatted the way the
options are shown: "2014", "March 2022", "21 September 2022"."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from quizzes.extraction.text import regex

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = [calendar.month_name[i] for i in range(1, 13)]
WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)  # "monday" … "sunday"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def granularity(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def label(self) -> str:
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day is not None else f"{month} {self.year}"

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day()
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def shifted(self, steps: int) -> PartialDate:
        """The date `steps` units away at the same granularity."""
        if self.day is not None:
            moved = self.first_day() + timedelta(days=steps)
            return PartialDate(moved.year, moved.month, moved.day)
        if self.month is not None:
            index = self.year * 12 + (self.month - 1) + steps
            return PartialDate(index // 12, index % 12 + 1)
        return PartialDate(self.year + steps)

    def coarsened(self, granularity: str) -> PartialDate:
        if granularity == "year":
            return PartialDate(self.year)
        if granularity == "month" and self.month is not None:
            return PartialDate(self.year, self.month)
        return self

    def before(self, other: PartialDate) -> bool:
        """Strictly earlier with no overlap (1991 is not before March 1991)."""
        return self.last_day() < other.first_day()

    def distance(self, other: PartialDate) -> int:
        """Distance in this date's units."""
        if self.granularity == "year":
            return abs(self.year - other.year)
        if self.granularity == "month":
            return abs(
                (self.year * 12 + (self.month or 1)) - (other.year * 12 + (other.month or 1))
            )
        return abs((self.first_day() - other.first_day()).days)


def parse_iso(value: str | None) -> PartialDate | None:
    match = _ISO.match((value or "").strip())
    if not match:
        return None
    year = int(match[1])
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def mentions(text: str, when: PartialDate) -> bool:
    """Does the text state (part of) the date: its year, or its month's name?"""
    if regex(rf"(?<!\d){when.year}(?!\d)").search(text):
        return True
    return bool(
        when.month is not None and regex(rf"\b{MONTHS[when.month - 1]}\b", re.I).search(text)
    )


_LABEL = re.compile(r"^(?:(\d{1,2}) )?(?:([A-Z][a-z]+) )?(\d{4})$")


@lru_cache(maxsize=4096)  # the same options are read back by many rules (PartialDate is frozen)
def parse_label(label: str) -> PartialDate | None:
    """ "21 September 2022", "March 2022", "2014" (as `label()` writes them) back
    to a PartialDate; None for anything else."""
    match = _LABEL.match(label.strip())
    if not match or (match[1] and not match[2]) or (match[2] and match[2] not in MONTHS):
        return None
    month = MONTHS.index(match[2]) + 1 if match[2] else None
    return PartialDate(int(match[3]), month, int(match[1]) if match[1] else None)


def narrows_options(text: str, when: PartialDate, options: list[str]) -> bool:
    """Does the text name part of the answer (its year, its month) that the wrong
    options do not share? "When did X win the 2019 marathon?" with options all
    in October 2019 gives nothing away; with 2017 and 2018 among them, it does."""
    parsed = [p for p in (parse_label(o) for o in options) if p is not None]
    if regex(rf"(?<!\d){when.year}(?!\d)").search(text) and any(
        p.year != when.year for p in parsed
    ):
        return True
    if when.month is None or not regex(rf"\b{MONTHS[when.month - 1]}\b", re.I).search(text):
        return False
    return any(p.month != when.month for p in parsed)


def year_at_one_end(when: PartialDate, distractors: Sequence[str]) -> bool:
    """A year among wrong years all on one side of it (the later ones are after the
    publication or right too): the latest option reads as the answer, and the earlier
    ones as years the story may rule out ("took third place last year" at the second
    contest, with the years before the first offered: blind judge, batch 35). Asked only
    between years; the builder (generation.when) and a swap of wrong dates
    (quality.rules) both refuse it."""
    if when.granularity != "year":
        return False
    years = [int(d) for d in distractors if d.isdigit()]
    one_side = all(y < when.year for y in years) or all(y > when.year for y in years)
    return len(years) == len(distractors) and one_side
