"""A time expression's normalised date, one resolver per kind of expression (``RESOLVERS``).

ISO year ("2014"), year-month ("2022-03") or day ("2022-09-21"); relative expressions
resolve against the publication date (None without one); None when there is no single date
(decades, "more than 20 years ago", "a week later")."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .patterns import MONTHS, NUMBERS, SEASONS, WEEKDAYS

Groups = dict[str, str | None]
_STEP = {"last": -1, "this": 0, "next": 1}
_DIRECTION = {"coming": 1, "past": -1}  # "this coming Friday", "this past weekend"


def _ym(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _month_year(month: int, published: date, tense: str) -> int:
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    if tense == "past":
        return published.year if month <= published.month else published.year - 1
    return _nearest_year(month, 15, published)


def _nearest_year(month: int, day: int, published: date) -> int:
    """With no tense to go by ("the November 27 agreement is void", in an article of January
    2020), the year whose month and day lie nearest the publication (2019)."""
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs((date(y, month, min(day, 28)) - published).days))


def _number(text: str | None) -> int | None:
    if not text:
        return 1
    text = text.lower()
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


def _month(g: Groups) -> int:
    return MONTHS[(g["mon"] or "").rstrip(".").lower()]


def _year_of_month(g: Groups, month: int, published: date | None, tense: str) -> int | None:
    """The year written, else "last/this/next year", else the latest such month before
    publication (the next one in the future tense)."""
    if g.get("y"):
        return int(g["y"] or 0)
    if published is None:
        return None
    rel = g.get("rel") or g.get("rel_before")
    if rel:
        return published.year + _STEP[rel.lower()]
    return _month_year(month, published, tense)


# ============================================================================ absolute
def iso_date(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "2022-09-21"."""
    try:
        return date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0)).isoformat()
    except ValueError:
        return None


def day_month(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "21 September 2022", "September 21", "Nov. 8 last year"; a day without a year is the
    last such day before publication in the past tense ("was arrested on January 12" in an
    article of 10 January 2020: 2019) and the next one in the future tense."""
    month = _month(g)
    day = int(re.sub(r"\D", "", g["d"] or ""))
    year = _year_of_month(g, month, published, tense)
    if year is None:
        return None
    if published is not None and not g.get("y") and not (g.get("rel") or g.get("rel_before")):
        year = _year_of_day(month, day, published, tense, year)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_of_day(month: int, day: int, published: date, tense: str, year: int) -> int:
    """The publication's own month decides by the day: past after it is last year's, future
    before it next year's."""
    if tense not in {"past", "future"}:
        return _nearest_year(month, day, published)
    if month != published.month:
        return year
    if tense == "past" and day > published.day:
        return published.year - 1
    if tense == "future" and day < published.day:
        return published.year + 1
    return year


def month(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "March", "early September", "June last year", "March 2021"."""
    number = _month(g)
    year = _year_of_month(g, number, published, tense)
    return None if year is None else f"{year:04d}-{number:02d}"


def weeks_of_year(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "the first weeks of 2025": January; "the last days of 2024": December."""
    first = (g["edge"] or "").lower() in {"first", "opening", "early"}
    return f"{int(g['y'] or 0):04d}-{1 if first else 12:02d}"


def year_of(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "2014", "the summer of 2020", "the second quarter of 2023", "between 2010 and 2015",
    "1980–1987" (the first year)."""
    return f"{int(g['y'] or g.get('y2') or 0):04d}"


# ============================================================================ relative
def relative(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "last week", "earlier this month", "next Friday", "last March", "this summer", "this
    coming Friday" (the next one), "this past Friday" (the last one)."""
    if published is None:
        return None
    step = _STEP[(g["rel"] or "").lower()] + _DIRECTION.get((g.get("dir") or "").lower(), 0)
    unit = (g["unit"] or "").lower().rstrip(".")
    if unit in WEEKDAYS:
        return _weekday(
            WEEKDAYS[unit], published, "future" if step > 0 else "past", strict=step != 0
        )
    if unit in MONTHS:
        return _relative_month(MONTHS[unit], published, step)
    if unit in SEASONS:
        return _season(SEASONS[unit], published, step)
    resolve = _RELATIVE_UNITS.get(unit)
    return resolve(published, step) if resolve else None


_RELATIVE_UNITS: dict[str, Callable[[date, int], str]] = {
    "week": lambda p, step: _ym(p + timedelta(weeks=step)),
    "weekend": lambda p, step: _ym(p + timedelta(weeks=step)),
    "night": lambda p, step: (p + timedelta(days=step)).isoformat(),
    "morning": lambda p, step: (p + timedelta(days=step)).isoformat(),
    "month": lambda p, step: _ym(p + relativedelta(months=step)),
    "year": lambda p, step: f"{p.year + step:04d}",
}


def _relative_month(month: int, published: date, step: int) -> str:
    if step < 0:
        year = published.year if month < published.month else published.year - 1
    elif step > 0:
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year
    return f"{year:04d}-{month:02d}"


_AGO_UNITS: dict[str, Callable[[date, int], str]] = {
    "day": lambda p, n: (p - timedelta(days=n)).isoformat(),
    "week": lambda p, n: _ym(p - timedelta(weeks=n)),
    "fortnight": lambda p, n: _ym(p - timedelta(weeks=2 * n)),
    "month": lambda p, n: _ym(p - relativedelta(months=n)),
    "year": lambda p, n: f"{p.year - n:04d}",
    "decade": lambda p, n: f"{p.year - 10 * n:04d}",
}


def ago(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "two days ago", "three years ago"; not a bounded amount ("more than 20 years ago")."""
    if published is None or g.get("bound"):
        return None
    n = _number(g.get("n"))
    resolve = _AGO_UNITS.get((g["unit"] or "").lower().rstrip("s"))
    return resolve(published, n) if n is not None and resolve is not None else None


def end_of(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "by the end of the month": the month (week: its month), the year."""
    if published is None:
        return None
    rel = text.split()[-2].lower()
    step = {"the": 0, "this": 0, "next": 1, "last": -1}[rel]
    unit = (g["unit"] or "").lower()
    if unit == "year":
        return f"{published.year + step:04d}"
    if unit == "week":
        return _ym(published + timedelta(weeks=step))
    return _ym(published + relativedelta(months=step))


def written(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "As of this writing": the day the article was written, its publication date."""
    return published.isoformat() if published is not None else None


def day_word(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "yesterday", "today", "tomorrow morning", "tonight"."""
    if published is None:
        return None
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[(g["w"] or "").lower()]
    return (published + timedelta(days=offset)).isoformat()


def weekday(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "on Tuesday": the last one before publication (the next one in the future tense).
    A past event on the publication's own weekday is the week before: "officials said
    on Saturday", in an article published on a Saturday, would have said "today" (a
    wire story under a dateline, tense "filed", may mean its filing day)."""
    if published is None:
        return None
    return _weekday(WEEKDAYS[(g["w"] or "").lower()], published, tense, strict=tense == "past")


def weekend(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "at the weekend": its month."""
    if published is None:
        return None
    return _ym(published + timedelta(weeks=1 if tense == "future" else 0))


def _weekday(weekday: int, published: date, tense: str, *, strict: bool) -> str:
    if tense == "future":
        delta = (weekday - published.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return (published + timedelta(days=delta)).isoformat()
    delta = (published.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return (published - timedelta(days=delta)).isoformat()


def _season(start_month: int, published: date, step: int) -> str:
    year = published.year
    if step == 0:
        return f"{year:04d}"
    if step < 0:
        # the latest season of that name that has ended
        while date(year, start_month, 1) + relativedelta(months=3) > published:
            year -= 1
        return f"{year:04d}"
    while date(year, start_month, 1) <= published:
        year += 1
    return f"{year:04d}"


Resolver = Callable[[Groups, str, "date | None", str], "str | None"]


# Kinds without a resolver ("anaphoric", "recent", "decade", "century") have no single date.
def anchored(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "after his 2016 arrest": the year written in the anchor; "after the race": None."""
    years = re.findall(r"\b(?:1[0-9]{3}|20[0-9]{2})\b", text)
    return years[0] if len(years) == 1 else None


def ahead(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "in 25 years": the year that many years after publication; "in a few decades": None."""
    n = _number(text.split()[-2]) if len(text.split()) >= 2 else None
    unit = (g.get("unit") or "").lower().rstrip("s")
    if published is None or n is None or unit != "year":
        return None
    return f"{published.year + n:04d}"


RESOLVERS: dict[str, Resolver] = {
    "anchor": anchored,
    "ahead": ahead,
    "iso": iso_date,
    "dmy": day_month,
    "mdy": day_month,
    "month": month,
    "weeksof": weeks_of_year,
    "year": year_of,
    "season": year_of,
    "quarter": year_of,
    "range": year_of,
    "relative": relative,
    "ago": ago,
    "endof": end_of,
    "dayword": day_word,
    "writing": written,
    "weekday": weekday,
    "weekend": weekend,
}


def resolve(kind: str, m: re.Match[str], published: date | None, tense: str) -> str | None:
    resolver = RESOLVERS.get(kind)
    return resolver(m.groupdict(), m.group(0), published, tense) if resolver else None
