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
PAST_PLAN = "past plan"  # the tense of a date a plan made before publication looked ahead to
# The tense of a day an act set as a thing's new day or end ("rescheduled the vote to June 2",
# "extended the lockdown until May 1"): after the act, which came shortly before publication.
TARGET = "target"
TARGET_LOOKBACK_DAYS = 60  # how far before publication such an act's new date may lie
_STEP = {"last": -1, "this": 0, "next": 1}
_DIRECTION = {"coming": 1, "past": -1}  # "this coming Friday", "this past weekend"


def _ym(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def iso_week(d: date) -> str:
    """ "2019-W39": the ISO week (Monday to Sunday) holding the day, the precision "this week",
    "last week" or "over the weekend" gives (a month would say less, or the wrong month for a
    week across two)."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _weekend(published: date, ahead: bool) -> str:
    """The week of the weekend meant: the last Saturday on or before publication (a story of a
    Sunday speaks of the weekend it is in), or the next one on or after it."""
    if ahead:
        return iso_week(published + timedelta(days=(5 - published.weekday()) % 7))
    return iso_week(published - timedelta(days=(published.weekday() - 5) % 7))


def _month_year(month: int, published: date, tense: str) -> int:
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    if tense == "past":
        return published.year if month <= published.month else published.year - 1
    return _nearest_year(month, 15, published, tense)


def _nearest_year(month: int, day: int, published: date, tense: str = "present") -> int:
    """With no tense to go by ("the November 27 agreement is void", in an article of January
    2020), the year whose month and day lie nearest the publication (2019). A plan made in the
    past ("the curfew was expected to end on December 15", in an article of 1 January 2020)
    belongs to the publication year or the one before, never the next (2019)."""
    years: tuple[int, ...] = (published.year - 1, published.year, published.year + 1)
    if tense == PAST_PLAN:
        years = years[:2]
    if tense == TARGET:
        return _target_year(month, day, published, years)
    return min(years, key=lambda y: abs((date(y, month, min(day, 28)) - published).days))


def _target_year(month: int, day: int, published: date, years: tuple[int, ...]) -> int:
    """ "rescheduled the vote to June 2" in an article of 20 March 2020: the first such day
    from two months before publication on (2020-06-02), never last year's June; "extended
    the curfew until March 30", reported on 4 April: the March just past."""
    earliest = published - timedelta(days=TARGET_LOOKBACK_DAYS)
    return next(y for y in years if date(y, month, min(day, 28)) >= earliest)


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
        return _nearest_year(month, day, published, tense)
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


def week_of(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "the week of October 21": the ISO week of that day (its year as for "October 21")."""
    day = day_month(
        {"mon": g.get("mon") or g.get("mon2"), "d": g.get("d") or g.get("d2"), "y": g.get("y")},
        text,
        published,
        tense,
    )
    return iso_week(date.fromisoformat(day)) if day else None


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
    if unit in {"week", "weekend"}:
        return _relative_week(unit, published, step, _side(g, tense))
    resolve = _RELATIVE_UNITS.get(unit)
    return resolve(published, step) if resolve else None


_RELATIVE_UNITS: dict[str, Callable[[date, int], str]] = {
    "night": lambda p, step: (p + timedelta(days=step)).isoformat(),
    "morning": lambda p, step: (p + timedelta(days=step)).isoformat(),
    "month": lambda p, step: _ym(p + relativedelta(months=step)),
    "year": lambda p, step: f"{p.year + step:04d}",
}


def _side(g: Groups, tense: str) -> str:
    """Which way "this week" looks: "earlier" (past), "later" (future), else the tense."""
    side = (g.get("side") or "").lower()
    return {"earlier": "past", "later": "future"}.get(side, tense)


def _relative_week(unit: str, published: date, step: int, tense: str) -> str:
    """ "last week", "this week", "later this week": the ISO week. A past "this week" in a story
    of a Monday is the week just ended (of the week under way only the day itself has passed:
    it would be "today"); a future one in a story of a Sunday is the week starting the next day."""
    if unit == "weekend":
        return _relative_weekend(published, step, tense)
    if step == 0 and tense == "past" and published.weekday() == 0:
        return iso_week(published - timedelta(days=1))
    if step == 0 and tense == "future" and published.weekday() == 6:
        return iso_week(published + timedelta(days=1))
    return iso_week(published + timedelta(weeks=step))


def _relative_weekend(published: date, step: int, tense: str) -> str:
    """ "last weekend" in a story of a Wednesday is the one just past (of a Sunday, the one
    before); "this weekend" the one the tense points to; "next weekend" the coming one."""
    on_a_weekend = published.weekday() >= 5
    if step < 0:
        return _weekend(published - timedelta(weeks=1 if on_a_weekend else 0), False)
    if step > 0:
        return _weekend(published + timedelta(weeks=1 if on_a_weekend else 0), True)
    return _weekend(published, tense == "future")


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
    "rough day": lambda p, n: iso_week(p - timedelta(days=n)),
    "week": lambda p, n: iso_week(p - timedelta(weeks=n)),
    "fortnight": lambda p, n: iso_week(p - timedelta(weeks=2 * n)),
    "month": lambda p, n: _ym(p - relativedelta(months=n)),
    "year": lambda p, n: f"{p.year - n:04d}",
    "decade": lambda p, n: f"{p.year - 10 * n:04d}",
}


def ago(g: Groups, text: str, published: date | None, tense: str) -> str | None:
    """ "two days ago", "three years ago"; not a bounded amount ("more than 20 years ago") nor
    one with no count ("some years ago"), nor a range whose ends fall on two dates ("7 or 8
    years ago": 2012 or 2013, no one year to key)."""
    if published is None or g.get("bound"):
        return None
    if not g.get("n") and (g["unit"] or "").lower().endswith("s"):
        return None  # "some years ago", "weeks ago": no count, no date
    unit = (g["unit"] or "").lower().rstrip("s")
    if unit == "day" and (g.get("approx") or "just").lower() not in {"just", "only"}:
        unit = "rough day"  # "about ten days ago": its week; the article gives no day
    resolve = _AGO_UNITS.get(unit)
    ends = {_number(n) for n in (g.get("n"), g.get("n_from") or g.get("n"))}
    dates = {resolve(published, n) for n in ends if n is not None} if resolve else set()
    return dates.pop() if len(dates) == 1 and None not in ends else None


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
        return iso_week(published + timedelta(weeks=step))
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
    """ "at the weekend", "over the weekend": its ISO week, the last one before publication
    (the next one in the future tense)."""
    if published is None:
        return None
    return _weekend(published, tense == "future")


def _weekday(weekday: int, published: date, tense: str, *, strict: bool) -> str:
    if tense == PAST_PLAN:
        # "was expected to pass Bermuda on Wednesday night", "was forecast to reach the coast
        # on Monday": the plan was told before publication, the day may fall on either side
        # of it; the nearer one.
        ahead = (weekday - published.weekday()) % 7
        behind = (published.weekday() - weekday) % 7
        offset = ahead if ahead < behind else -behind
        return (published + timedelta(days=offset)).isoformat()
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
    "weekof": week_of,
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
