"""Time expressions in an article and their normalised dates.

``find_time_expressions(doc, published=...)`` finds, with one pass of regular expressions over
the text, every expression that places an event in time:

- absolute: "21 September 2022", "September 21, 2022", "Nov. 8", "2022-09-21", "March",
  "early September", "June last year", "2014", "mid-2019", "late 2020", "the summer of 2020",
  "the second quarter of 2023", "the first weeks of 2025" (January; "the last days of 2024":
  December), "between 2010 and 2015", "the 1990s", "the 19th century"; a day or month
  without a year is the last one before publication (the next one in the future tense:
  "will sail on January 5" in an article of 10 January 2020 is 2021);
- relative to the publication date: "yesterday", "on Tuesday", "last week", "earlier this month",
  "next year", "last summer", "at the weekend", "two days ago", "more than 20 years ago",
  "in recent months", "over the past decade"; a bounding preposition is kept ("since 1991",
  "after 1991");
- relative to another event, so with no date of their own: "a week later", "two days earlier",
  "the following day", "less than a year after" (Cop30), "Upon arrival", "on his return",
  "Since then", "To date" (not "up to date"),
  a sentence's opening "Following a two-day stay in ...", "in the immediate aftermath of the
  vote", "prior to the announcement", "in the wake of Ana Lind's death", and a happening named
  with no determiner ("since independence", "Following take off", "after landfall") or a
  named day ("ahead of International Labour Day"), a
  numbered step of one ("on the first day", "in the eleventh week of the protests"; "the
  first week of April" is April's);
- "by the end of the month" / "the start of next year" (the month or year itself).

A rate is no time: "$100 a week after deductions" ("a"/"an" + unit right after an amount).
Nor are the terms of a comparison: "opens about two weeks later than it did three decades
ago" (an "earlier/later" before "than", and anything in the "than" clause). Two decades joined
by and/or/to are one expression ("in the 1980s and 1990s").
A year after the publication year used as a noun modifier is a name, not a date ("the 2031
World Cup", "will host the 2031 championship"); with a preposition it dates ("in 2031").

A year used as a noun modifier counts after a determiner or possessive ("the 2018 steel
tariffs", "Nigeria's 2023 election"), not as a count ("2014 workers"). "today" inside a
quotation is the day the speaker speaks of, in any tense ("'we are raising it today'"), unless
it means nowadays ("the women of today", "the man I am today"); a year naming a
race or a meeting is no date beside the clause's day ("Yesterday, X won the 2019 ...
Marathon"), nor a year ending a quoted name ("dubbed "Harbour 2025""); a clock time written
twice and its day are one expression ("9:15 p.m. CET (2015 UTC) on August 12", "today at
10 A.M. Fijian time (2200 UTC, yesterday)"), and an age is no date beside another date of
its sentence ("died on Tuesday at the age of 81"), nor is an anchor pointing back ("During
that trip, she was arrested in 2011"); an aside restating a day is part of it ("On 14 May —
three days after the vote —"); a number naming a flight or a route is no year ("flight
1720"); and a
decade describing a noun outside the past tense is no event ("the mistakes of the 1980s").
Two days offered as alternatives are one expression dated by the first ("late on Monday or
early Tuesday"); an age at death is no date ("dies at age 91"); a day's name describing a
noun is none either ("the Sunday trading ban", "Friday prayers").

A day word inside a quotation ("'we signed it today,' she said") counts from the day the speaker
spoke, which the article seldom gives: it keeps no date. With no tense to go by ("the November
27 agreement is void" in an article of January 2020), a day or month without a year is the one
nearest publication (2019-11-27), as is the end of a period an act set in the past ("suspended
the assembly until October 14" in an article of 24 September: that October; "closed the port
through May 15" too; a past state "was envoy until December" ended before publication). A day
or month an act of scheduling, rescheduling or extending set for a thing, or a deadline's
("rescheduled the vote to June 2", "extended the lockdown until May 1", "his trial has been
scheduled for November", "the November 13 deadline"), lies after the act, which came shortly
before publication: the first one from two months before publication on, whatever the act's
tense (in an article of 20 March 2020, 2 June 2020, not 2019). "from roughly 1948 to 1951"
and "from 2005 through 2015" are one range, and so are two calendar dates bounding a stretch ("between November 27 and December 10", "from January 2016
to December 2019", dated by the first).
"this coming Friday" is the next Friday, "this past Friday" the last. Two days or two months
joined by "and" are one stretch dated by the first ("over Monday and Tuesday", "this past July
and August"); decades running on are one undated span ("the late 1980s and into the 1990s");
"a few days back," is "a few days ago"; "May" is a surname after a first name, and in an
article naming a person "<Name> May" everywhere but after "in", "since", "until" or "during";
"At the time of her arrest" gives way to another time of its sentence, and so does an
anchor that only orders a happening a date or a clock time dates ("caught a chill on Wednesday
before her death", "Following the ruling, she was sworn in at 5 p.m."), and "until his final
years" (an adjective of a stretch of life) is no time. A bare weekday follows the
story's order: when a sentence dated earlier already speaks of its clause's subject as past ("On
Wednesday, the search for survivors of the landslide ended. The landslide struck on Thursday",
published on a Friday), it is the week before, and so is every bare day of that name.

Tense for resolving a weekday or month without a year: a date the sentence schedules looks
ahead ("called elections for 14 November", "scheduled for Friday", but not "races scheduled for
Wednesday were held"; "from January 1", "by
March", "until June" unless the verb is past); otherwise the governing verb's, where a
to-infinitive under a verb of planning, hoping or forecasting, under an instruction not in the
simple past ("has instructed the panel to report on Monday") or after a present "be" ("is to be
sentenced in June") looks ahead ("hoped to fly home on Friday" ->
the coming Friday), and a date outside a quotation takes the tense of the reporting verb, not
of the quotation ("'We are going to ...,' X said on Tuesday" -> the past Tuesday). "would" +
verb (or a verb it completes: "would begin arriving on Friday") is a reported future, unless
"would have" (a counterfactual: "would have taken effect on July 1" is the nearest July 1,
on either side of publication); a present
passive of planning looks ahead ("a vote is expected in April", "talks are scheduled for May").

Real reporting also dates events by times with no calendar date of their own, kept with
``date`` None: durations ("for 37 years", "within hours of the warning"), anchors to another
happening ("after the match", "during the trial", "since her arrest", "at the opening of the
summit": a year written in the anchor dates it), delays ("in 25 years": that year), parts of a day
("overnight", "in the morning", "until early evening", "by the evening hours"), clock times ("4:15", "3 a.m.", "3:30am", "9 pm", "1800 UTC", never a year),
frequencies ("every spring"), sports times ("in the 81st minute", "injury time", "the second
half") and ages ("at age 12"). A bare amount ("four hours", "three decades of independence")
and a described age ("the 45-year-old") place nothing; "today" and "now" in the present tense
mean "nowadays" and are dropped.

A day or month without a year, in the paragraph of a date written with its year and later in
that year, is in that year ("the strike began on 4 June 2016. ... It ended on 30 June": 2016).
"the same day", "that same day", "the next day", "that night", "the previous day", "later in the day" and "that year" count from
the last date the story told before them (a day from the last day; not a date ahead of
publication, nor one in a quotation, nor one naming a thing in a clause not in the past: "the
3 May agreement is void"; "The May 3 issue printed it. The same day, ..." counts from May 3);
a day counts from a day its own paragraph told, or from one before when it opens its
paragraph's first sentence ("Just the previous day, ..."): past that, in a round-up's
paragraph of other news ("During a riot near the palace, ... The next day, ..."), no date.
"that month", "the next month" count from the last date told that names its month (none from a
year alone); "the month" of
a past happening ("By the end of the month", "Early in the month", "As the month came to a
close") is the month the story has told most so far, not publication's (a June round-up
published in July). A clock time of the story ("at 6:20 pm") is on the day its own sentence
told, else on the last day the story told when "today", "yesterday" or "tonight" told it (after
a weekday or a calendar day the story may move on unsaid; "midnight" sits between two days).
A day inside brackets that give a time told just before in UTC ("at 9:40 p.m. Sunday (0240
Monday, GMT)") is that moment again, no time of its own. A weekday with
its part of the day needs no preposition ("asked for his resignation Monday night"), unless in
a forecast (which Wednesday "would pass the island Wednesday night" means, the text does not say).
"this morning" inside a quotation, like "today", keeps no date. A year naming a model ("a
rusty 2009 Ford Fiesta"), ending a name ("the Clean Rivers Act 2011") or counting ("its
roughly 1500 shops") is no date; "April, 2017" is one month.

Each expression gets a normalised ``date``: ISO year ("2014"), year-month ("2022-03"), ISO
week ("2022-W38") or day ("2022-09-21"). Relative expressions resolve against the publication date (None without one);
a month without a year is the latest such month before publication (the next one when the
verb is in the future tense; a plan made in the past, "was expected to end on December 15",
is this year's or last year's, never next year's). Week-sized periods ("last week", "earlier
this week", "over the weekend", "the week of October 21") resolve to their ISO week
("2019-W39"), the precision the text gives: a past "this week" in a story of a Monday is the
week just ended, a future one in a story of a Sunday the week starting the next day.
Bounded or vague amounts ("more than 20 years ago", "in recent months"), ranges whose ends
fall on two dates ("7 or 8 years ago"), decades, centuries and dates relative to another event
("a week later") have no single date: None; "about ten days ago" is its ISO week, never a day.
"USA Today" mid-sentence names a paper, no day.

Where each part lives: ``patterns.PATTERNS`` (one regular expression per kind), ``accept.
ACCEPT_RULES`` (context checks), ``tense.tense_of`` and ``accept.looks_ahead`` (the tense a
bare day or month is read in), ``resolve.RESOLVERS`` (one resolver per kind).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Span, Token

from ..text import regex
from .accept import Match, accepted, day_beside, looks_ahead, scheduled_thing_done
from .patterns import (
    BOUND_PREP,
    DAY,
    GATES,
    KEYWORDS,
    MONTH,
    MONTHS,
    PARTS_OF_DAY,
    PATTERNS,
    QUANTITY_BEFORE,
    STARTS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    gate_key,
    matches_at_starts,
)
from .resolve import PAST_PLAN, TARGET, resolve
from .tense import (
    REPORTING_VERBS,
    doc_text,
    forms,
    governing_verb,
    inside_quotation,
    keep_doc_text,
    planned_in_the_past,
    quoted_verb_after,
    tense_of,
)

__all__ = [
    "REPORTING_VERBS",
    "UTC_ASIDE",
    "TimeExpression",
    "day_beside",
    "doc_text",
    "keep_doc_text",
    "find_time_expressions",
    "inside_quotation",
    "quoted_verb_after",
    "tense_of",
]

Found = tuple[int, int, int, str, "re.Match[str]"]  # (start, end, pattern order, kind, match)


@dataclass(frozen=True)
class TimeExpression:
    span: Span  # the tokens of the expression (without a bounding preposition)
    when: str  # as written, with a bounding preposition ("after 1991")
    date: str | None  # ISO year / year-month / day, or None
    start_char: int
    end_char: int
    kind: str = ""  # the pattern that found it ("dmy", "ago", ...)


def find_time_expressions(doc: Doc, *, published: date | None) -> list[TimeExpression]:
    """Every time expression of the doc, in text order, without overlaps."""
    text = doc_text(doc)
    out: list[TimeExpression] = []
    for start, end, _order, kind, m in _non_overlapping(_matches(text)):
        expr = _expression(doc, text, start, end, kind, m, published)
        if expr is None:
            continue
        if out and _same_moment(text, out[-1], expr):
            expr = _joined(doc, text, out.pop(), expr)
        out.append(expr)
    kept = [
        e
        for e in out
        if not _age_beside_date(e, out)
        and not _anchor_of_a_dated_verb(e, out)
        and not _reference_beside_date(e, out)
        and not _time_of_beside_another(e, out)
        and not _duration_of_a_dated_clause(e, out)
        and not _restated_in_utc(e, out)
    ]
    return _told_from_the_story(_in_story_order(kept), published)


# "at 9:40 p.m. Sunday (0240 Monday, GMT)": brackets (after any spaces) of at most 40
# characters that give the time just told in UTC or GMT, the same moment again
# (``events.phrase`` leaves them out of the event).
UTC_ASIDE = regex(r"\s*\((?=[^()]{0,40}\))[^()]*?\b(?:UTC|GMT)\b[^()]*\)")


def _restated_in_utc(expr: TimeExpression, found: list[TimeExpression]) -> bool:
    """ "at 9:40 p.m. Sunday (0240 Monday, GMT)": a day inside brackets that give a time
    told just before in UTC or GMT is that moment again, not a time of its own."""
    text = doc_text(expr.span.doc)
    start = text.rfind("(", max(0, expr.start_char - 40), expr.start_char)
    m = UTC_ASIDE.match(text, start) if start >= 0 else None
    if m is None or m.end() < expr.end_char:
        return False
    return any(
        other is not expr
        and other.end_char <= start
        and other.span.sent == expr.span.sent
        and not text[other.end_char : start].strip(" ,")
        for other in found
    )


# "the same day", "the next morning", "that night", "the previous year", "later in the day": a
# time the story counts from the date it told last.
_COUNTED = re.compile(
    r"^(?:(?:just|earlier|later|early|late)\s+)?"
    r"(?:(?:the\s+)?(?P<which>same|next|following|previous)|that(?:\s+same)?|the(?=\s+\w+$)"
    r"|(?:(?<=earlier\s)|(?<=later\s)|(?<=early\s)|(?<=late\s))in\s+the)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|month|year)$",
    re.I,
)
_STEPS = {"same": 0, "next": 1, "following": 1, "previous": -1}


@dataclass
class _Told:
    """What the story told so far, that a counted time ("the next day") counts from."""

    day: TimeExpression | None = None  # the last day told
    date: str | None = None  # the last date of any size


def _told_from_the_story(
    found: list[TimeExpression], published: date | None
) -> list[TimeExpression]:
    """ "Police arrested him on 3 May. He appeared in court the next day": a time counted from
    the last date the story told is that date moved by its step (2022-05-04); a day counts
    from the last day told, a year from the last date of any size; with none, no date. A date ahead of
    publication ("remanded until a hearing on 9 June") or naming a thing ("the 3 May
    agreement") is no point the story stands at, but one the same sentence told is what it
    counts from ("to present it on October 14, the same day parliament returns": October 14)."""
    out: list[TimeExpression] = []
    told = _Told()
    written: TimeExpression | None = None  # the last date written with its year
    last_day: TimeExpression | None = None  # the last expression dated to a day
    months: Counter[str] = Counter()  # the months the story told, how often
    day_word: str | None = None  # the last day told, when "today", "yesterday" ... told it
    for expr in found:
        expr = _in_the_year_told(expr, written)
        if expr.date is not None and _YEAR_WRITTEN.search(expr.when):
            written = expr
        expr = _the_month_of_the_story(expr, months)
        expr = _counted_from(expr, told, last_day)
        expr = _clock_on_the_day_told(expr, last_day, day_word)
        if expr.date is not None and len(expr.date) == 10:
            last_day = expr
        if expr.date is not None and _story_point(expr, published):
            told.date = expr.date
            if len(expr.date) == 10:
                told.day = expr
                day_word = expr.date if expr.kind in {"dayword", "clock"} else None
            if len(expr.date) >= 7:
                months[expr.date[:7]] += 1
        out.append(expr)
    return out


def _clock_on_the_day_told(
    expr: TimeExpression, last_day: TimeExpression | None, day_word: str | None
) -> TimeExpression:
    """ "The storm made landfall yesterday. ... It weakened at 6:20 pm": a clock time of the
    story is on the day its own sentence told, else on the last day the story told when that
    day was told by "today", "yesterday", "tonight" (close to publication, the story's day);
    after a weekday or a calendar day the story may have moved on unsaid: no date. A clock
    time in a quotation is the speaker's; "midnight" sits between two days."""
    if (
        expr.kind != "clock"
        or expr.date is not None
        or "midnight" in expr.when.lower()
        or inside_quotation(doc_text(expr.span.doc), expr.start_char)
    ):
        return expr
    if (
        last_day is not None
        and last_day.span.sent == expr.span.sent
        and not inside_quotation(doc_text(expr.span.doc), last_day.start_char)
    ):
        return replace(expr, date=last_day.date)
    return replace(expr, date=day_word) if day_word else expr


_YEAR_WRITTEN = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")
_YEAR_NAMED = re.compile(r"\b(?:last|this|next)\s+year\b", re.I)
_YEARLESS_KINDS = {"mdy", "dmy", "month"}
# "was expected to pass Bermuda on Wednesday night", "was planning to vote on Tuesday": a plan
# told in the past looked ahead from before publication; its weekday is the nearest one.
_PLANNED_KINDS = _YEARLESS_KINDS | {"weekday"}


def _in_the_year_told(expr: TimeExpression, written: TimeExpression | None) -> TimeExpression:
    """ "The dockers walked out on 3 March 2019. They went back on 20 March": a day or month
    without a year, in the paragraph of a date written with its year and later in that year,
    is in that year. One a verb looks ahead to is not ("The office opened in 2011. I will hand
    over in June", published in 2021: June 2021)."""
    if (
        written is None
        or expr.kind not in _YEARLESS_KINDS
        or expr.date is None
        or _YEAR_WRITTEN.search(expr.when)
        or _YEAR_NAMED.search(expr.when)
        or "\n" in doc_text(expr.span.doc)[written.end_char : expr.start_char]
    ):
        return expr
    year, rest = (written.date or "")[:4], expr.date[4:]
    if len(written.date or "") < 7 or expr.date[:4] == year or rest < (written.date or "")[4:7]:
        return expr
    if expr.date[:4] > year and tense_of(expr.span.root) == "future":
        return expr
    return replace(expr, date=year + rest)


def _story_point(expr: TimeExpression, published: date | None) -> bool:
    if inside_quotation(doc_text(expr.span.doc), expr.span.start_char):
        return False  # a speaker's date, not the story's
    root = expr.span.root
    names_a_thing = root.dep_ in {"compound", "nmod", "amod"} and root.head.i >= expr.span.end
    if names_a_thing and tense_of(root) != "past":
        return False  # "the November 27 agreement is void": a thing named by its day
    return published is None or (expr.date or "")[:10] <= published.isoformat()


def _counted_from(
    expr: TimeExpression, told: _Told, last_day: TimeExpression | None
) -> TimeExpression:
    """The date of a time counted from another ("the next day"): from a day its own sentence
    told, else from the last one the story told (``_day_counted_from``)."""
    m = _COUNTED.match(expr.when) if expr.kind == "anaphoric" else None
    if m is None or expr.date is not None:
        return expr
    unit = m.group("unit").lower()
    by_day = unit not in {"month", "year"}
    if by_day and last_day is not None and last_day.span.sent == expr.span.sent:
        return replace(expr, date=_counted(last_day.date or "", m))
    if unit == "month":
        return replace(expr, date=_month_counted(told.date, m))
    told_date = _day_counted_from(expr, told.day) if by_day else told.date
    return replace(expr, date=_counted(told_date, m)) if told_date else expr


def _day_counted_from(expr: TimeExpression, day: TimeExpression | None) -> str | None:
    """The day told that "the next day" counts from: one its own paragraph told, or any
    when it opens its paragraph's first sentence ("Just the previous day, ..." goes on from
    the paragraph before); past the first sentence of another paragraph (a round-up's other
    news), none."""
    if day is None:
        return None
    if _paragraph(expr) == _paragraph(day) or _opens_its_paragraph(expr):
        return day.date
    return None


def _paragraph(expr: TimeExpression) -> int:
    """Where the expression's paragraph starts."""
    return doc_text(expr.span.doc).rfind("\n", 0, expr.start_char)


def _opens_its_paragraph(expr: TimeExpression) -> bool:
    return expr.span.sent.start_char <= _paragraph(expr) + 1


# "By the end of the month", "Early in the month", "As the month came to a close": "the month"
# with no "that" or step before it.
_THE_MONTH = re.compile(
    r"^(?:(?:by\s+|at\s+)?the\s+(?:end|start|beginning|middle)\s+of|(?:early|earlier|late|later)"
    r"\s+in)?\s*the\s+month$",
    re.I,
)


def _the_month_of_the_story(expr: TimeExpression, months: Counter[str]) -> TimeExpression:
    """ "Talks opened on 3 June and broke down on 9 June. By the end of the month, both sides
    had walked out": "the month" of a past happening is the month the story is in, the one it
    has told most so far (the latest of a tie), not that of publication (a round-up of June
    published in July); a plan ("will be done by the end of the month") keeps publication's,
    and "that month", "the next month" count from the last date told (``_counted_from``)."""
    if (
        expr.kind not in {"endof", "anaphoric"}
        or not months
        or not _THE_MONTH.match(expr.when)
        or (expr.kind == "endof" and tense_of(expr.span.root) != "past")
    ):
        return expr
    most = max(months.values())
    return replace(expr, date=max(m for m, n in months.items() if n == most))


def _counted(told: str, m: re.Match[str]) -> str | None:
    step = _STEPS.get((m.group("which") or "same").lower(), 0)
    if m.group("unit").lower() == "year":
        return str(int(told[:4]) + step)
    return (date.fromisoformat(told) + timedelta(days=step)).isoformat()


def _month_counted(told: str | None, m: re.Match[str]) -> str | None:
    """ "In March 2019 the club signed him. The next month it sold him": a month counted from
    the last date told, when that date names its month (2019-04); after a year alone, or none,
    no date ("the digest gathers what happened throughout the previous month" is of the
    article's own making: dated, it would ask when the digest's material was compiled)."""
    if told is None or len(told) < 7:
        return None
    step = _STEPS.get((m.group("which") or "same").lower(), 0)
    start = date(int(told[:4]), int(told[5:7]), 1)
    return (start + relativedelta(months=step)).isoformat()[:7]


def _in_story_order(found: list[TimeExpression]) -> list[TimeExpression]:
    """ "On Wednesday, the search for survivors of the landslide ended. The landslide struck
    on Thursday": read against publication (a Friday), Thursday would be the day after the
    search ended; the story says the landslide came first, so its Thursday is the week
    before, and so is every other bare "Thursday" of the article (one name, one day)."""
    moved: dict[tuple[str, str], str] = {}
    for expr in found:
        earlier = _week_before_if_told_after(expr, found)
        if earlier is not None and expr.date is not None:
            moved[(expr.span[0].lower_, expr.date)] = earlier
    if not moved:
        return found
    return [
        replace(e, date=moved[key])
        if e.kind == "weekday" and (key := (e.span[0].lower_, e.date or "")) in moved
        else e
        for e in found
    ]


def _week_before_if_told_after(expr: TimeExpression, found: list[TimeExpression]) -> str | None:
    """The date a week before a weekday's, when a sentence dated earlier already speaks of its
    clause's subject as past ("of/since/after/following the landslide")."""
    noun = _definite_subject(expr)
    if expr.kind != "weekday" or noun is None or expr.date is None:
        return None
    after = regex(rf"\b(?:of|since|after|following) the {re.escape(noun)}\b", re.I)
    week_before = (date.fromisoformat(expr.date) - timedelta(days=7)).isoformat()
    for other in found:
        told = other.date or ""
        if len(told) == 10 and told < expr.date and after.search(other.span.sent.text):
            return week_before if week_before < told else None
    return None


def _definite_subject(expr: TimeExpression) -> str | None:
    """ "The landslide struck on Thursday" -> "landslide": the noun of a definite subject."""
    verb = governing_verb(expr.span.root)
    if verb is None:
        return None
    for child in verb.children:
        if (
            child.dep_ in {"nsubj", "nsubjpass"}
            and child.pos_ == "NOUN"
            and any(d.dep_ == "det" and d.lower_ == "the" for d in child.children)
        ):
            return child.text
    return None


# An anchor that points back ("during that service", "following that reasoning", "after this").
_POINTS_BACK = re.compile(
    r"^(?i:during|following|after|since|before)\s+(?i:that|this|these|those)\b"
)


def _reference_beside_date(expr: TimeExpression, found: list[TimeExpression]) -> bool:
    """ "During that service, he was jailed in 1996", "Following that reasoning, the court ruled
    on 11 May": an anchor pointing back at something said before is no time of its own when
    a date dates its verb; "During that meeting, it was agreed to close the road on Friday"
    keeps both (Friday dates the closing, the meeting the agreeing)."""
    if expr.date is not None or not _POINTS_BACK.match(expr.when):
        return False
    verb = governing_verb(expr.span.root)
    return any(
        other.date is not None
        and other is not expr
        and expr.span.sent.start == other.span.sent.start
        and not _ahead_in_another_clause(other, verb)
        for other in found
    )


def _ahead_in_another_clause(other: TimeExpression, verb: Token | None) -> bool:
    """ "it was agreed the road would close on Friday": a date of a clause looking ahead, not
    the verb's own."""
    dated = governing_verb(other.span.root)
    return (
        verb is not None
        and dated is not None
        and dated.i != verb.i
        and tense_of(other.span.root) == "future"
    )


# An anchor that only orders a happening against another ("after his arrest", "before the
# vote"); "during the war", "since the flood" place it in a stretch, and stay.
_ORDERS = re.compile(
    r"^(?i:after|before|following|prior\s+to|in\s+the\s+(?:immediate\s+)?(?:wake|aftermath)\s+of)\b"
)


def _anchor_of_a_dated_verb(expr: TimeExpression, found: list[TimeExpression]) -> bool:
    """ "Ana Lind fell ill on Monday, before her death", "In the wake of the vote, two
    ministers quit on Friday": an anchor that orders a happening, with
    no date of its own, on a verb another expression dates, is a detail of that dated event, not
    a second, undated one ("during the war, he was drafted in 1969" keeps both)."""
    if expr.kind != "anchor" or expr.date is not None or not _ORDERS.match(expr.when):
        return False
    verb = governing_verb(expr.span.root)
    hung = _clause_hung_from(expr.span.root)
    return verb is not None and any(
        other is not expr
        and (dated := governing_verb(other.span.root)) is not None
        and (
            other.date is not None
            and dated.i == verb.i
            or other.kind == "clock"
            and dated.i in {verb.i, hung}
        )
        for other in found
    )


def _clause_hung_from(root: Token) -> int:
    """ "Following the ruling, she was sworn in at 5 p.m.": "following" tagged a verb hangs
    from the clause it orders; a clock time of that clause gives the moment, and the anchor
    is no second time of it (-1: none)."""
    if root.dep_ != "prep" or root.head.i == root.i:
        return -1
    verb = governing_verb(root.head)
    return verb.i if verb is not None else -1


def _duration_of_a_dated_clause(expr: TimeExpression, found: list[TimeExpression]) -> bool:
    """ "The board suspended him on Monday for six weeks", "She coached the team from 1990 for
    nine years": how long is a detail of a happening its clause dates; the date dates it, the
    duration is no second, undated event ("He coached for nine years", alone, stays). So is a
    duration in a clause describing a dated one's noun or continuing it ("Ana Lind, who led
    the choir for thirty years, died on Monday"; "The strike began in May, then paused for a
    few weeks"): background to the dated news."""
    if expr.kind != "duration":
        return False
    verb = governing_verb(expr.span.root)
    if verb is None:
        return False
    linked = {verb.i} | _clause_described(verb)
    return any(
        other is not expr
        and other.date is not None
        and (dated := governing_verb(other.span.root)) is not None
        and dated.i in linked
        for other in found
    )


# How a clause hangs from the one it describes or continues: "X, who served for twelve
# years, died on Monday" (relcl), "began in May, then went quiet for weeks" (conj).
_DESCRIBING = {"relcl", "acl", "conj"}


def _clause_described(verb: Token) -> set[int]:
    """The verb of the clause a relative clause or a conjunct hangs from (its own head verb,
    or the verb governing the noun it describes)."""
    if verb.dep_ not in _DESCRIBING or verb.head.i == verb.i:
        return set()
    up = governing_verb(verb.head)
    return {up.i} if up is not None else set()


_AT_THE_TIME_OF = re.compile(r"^(?i:at)\s+the\s+time\s+of\b")


def _time_of_beside_another(expr: TimeExpression, found: list[TimeExpression]) -> bool:
    """ "At the time of her arrest, she had worked at the bank since March": a state described
    at the time of a happening, and its sentence names the time of what it describes; the
    other expression dates the clause, the anchor is no time of its own."""
    if not _AT_THE_TIME_OF.match(expr.when):
        return False
    sent = expr.span.sent
    return any(
        other is not expr and sent.start_char <= other.start_char < sent.end_char for other in found
    )


# The words between a date and an age of the same sentence that the parser split
# ("retired at noon local time (0400 GMT, Monday) at the age of 66").
_SAME_SENTENCE_GAP = re.compile(r"^[^.!?]{0,40}$")


def _age_beside_date(expr: TimeExpression, found: list[TimeExpression]) -> bool:
    """ "died on Tuesday at the age of 81": the age describes the person; the sentence's date
    dates the clause, so the age is no second event of it ("at age 12, she broke her leg",
    with no other date, stays). Nor is an age at death ("Poet Ana Lind dies at age 90"): the
    death is dated elsewhere or not at all."""
    if expr.kind != "age":
        return False
    verb = governing_verb(expr.span.root)
    if verb is not None and verb.lemma_.lower() == "die":
        return True
    sent = expr.span.sent
    text = doc_text(expr.span.doc)
    return any(
        other.kind != "age"
        and (
            sent.start_char <= other.start_char < sent.end_char
            or 0 <= expr.start_char - other.end_char <= 40
            and _SAME_SENTENCE_GAP.match(text[other.end_char : expr.start_char]) is not None
        )
        for other in found
    )


# What may stand between a clock time and another writing of the same moment: "5 a.m. local
# time (1000 UTC) on Monday", "8:30 p.m. BST (1930 UTC)", "today at 10:00 a.m. Fijian time",
# "9:40am US mountain time (1640 UTC)" (a zone of up to three words before "time").
_SAME_MOMENT_GAP = re.compile(
    r"^[\s(){}\[\],]*(?:(?:[A-Z]{2,4}|(?:(?:[A-Z]{2,4}|[A-Za-z][a-z]+)\s+){1,3}time)"
    r"[\s(){}\[\],]*)?(?:(?:on|at)\s+)?$"
)


# A dash or a bracket opening an aside that restates a date.
_ASIDE = re.compile(r"^\s*[\u2014\u2013(]\s*$|^\s+-{1,2}\s+$")
# A clock time inside an expression already joined ("today at 10:00 a.m. (2100 UTC").
_CLOCK_WRITTEN = re.compile(r"\d:[0-5]\d|\b\d{4}\s+(?:UTC|GMT)\b|(?i:[ap]\.m\.)")


# Two days offered as alternatives: "late on Monday or early Tuesday", "in 2020 or 2021".
_ALTERNATIVE = re.compile(r"^\s+or\s+(?:(?:early|late)\s+)?(?:on\s+|in\s+)?$")
_DAY_KINDS = {"weekday", "dayword", "dmy", "mdy", "month", "year"}
_RESTATED = re.compile(r"^,?\s+(?:on|in)\s+$")
# Two days or two months joined into one stretch: "over Monday and Tuesday", "this past July
# and August", "on Saturday/Sunday" (one period, dated by its first day or month).
_JOINED_PERIOD = re.compile(r"^\s+and\s+$|^\s*/\s*$")
# A night or a stretch running from one day into the next: "the night of Monday to Tuesday",
# "from tonight into Friday morning", "from Tuesday night through to Wednesday".
_RUNNING_INTO = re.compile(r"^\s+(?:to|into|through(?:\s+to)?|until|till)\s+$")
_DAY_NAMES = {"weekday", "dayword"}
_PERIOD_WORDS = {
    "weekday": set(WEEKDAYS),
    "month": set(MONTHS),
}


def _period_word(expr: TimeExpression) -> str | None:
    """ "weekday" for "Monday" or "this past Monday", "month" for "July" or "last July"."""
    if expr.kind not in {"weekday", "month", "relative"}:
        return None
    last = expr.when.split()[-1].lower().rstrip(".")
    return next((kind for kind, words in _PERIOD_WORDS.items() if last in words), None)


def _one_stretch(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    """ "over Monday and Tuesday", "this past July and August": two days or two months in a row
    named as one stretch of time, not two dates."""
    if b.kind not in {"weekday", "month"} or not _JOINED_PERIOD.match(
        text[a.end_char : b.start_char]
    ):
        return False
    kind = _period_word(a)
    return kind is not None and kind == _period_word(b)


# "between 3 May and 9 June", "from January 2016 to December 2019": two calendar dates
# bounding one stretch, dated by the first.
_CALENDAR_KINDS = {"dmy", "mdy", "month"}
_BOUNDED_BY = re.compile(r"\b(?i:between|from)\s+$")
_TO = re.compile(r"^\s+(?:and|to|until|till|through)\s+$")


def _between_two_dates(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    """ "between November 27 and December 10": one stretch, not two dates."""
    return (
        a.kind in _CALENDAR_KINDS
        and b.kind in _CALENDAR_KINDS
        and bool(_TO.match(text[a.end_char : b.start_char]))
        and bool(_BOUNDED_BY.search(text[max(0, a.start_char - 9) : a.start_char]))
    )


def _into_the_next_day(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    """ "the night of Monday to Tuesday", "from tonight into Friday morning": one stretch from a
    day into a later one, dated by the first day."""
    return (
        a.kind in _DAY_NAMES
        and b.kind == "weekday"
        and bool(_RUNNING_INTO.match(text[a.end_char : b.start_char]))
    )


def _same_moment(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    """Two expressions of one moment next to each other: one of them a clock time, a date
    and an aside that restates it by an anchor, or two dates offered as alternatives (one
    forecast or estimate: "late on Monday or early Tuesday", dated by the first), or a
    relative time restated by its date ("seven days earlier on May 6")."""
    gap = text[a.end_char : b.start_char]
    if a.kind in _DAY_KINDS and b.kind == a.kind and _ALTERNATIVE.match(gap):
        return True
    if _one_stretch(text, a, b) or _into_the_next_day(text, a, b) or _between_two_dates(text, a, b):
        return True
    if a.kind == "anaphoric" and b.date and b.kind in _DAY_KINDS and _RESTATED.match(gap):
        return True  # "a week later, on 3 May": the calendar date restates the relative one
    if a.when.lower().endswith("week") and b.kind == "weekday" and _RESTATED.match(gap):
        return True  # "earlier this week on Wednesday": the day names the week's day
    if _named_twice(a, b, gap):
        return True
    if a.date and b.date is None and b.kind in {"anchor", "anaphoric"} and _ASIDE.match(gap):
        return (
            True  # "On 13 May \u2014 two days after the ruling \u2014": the anchor restates the day
        )
    clock = "clock" in (a.kind, b.kind) or bool(_CLOCK_WRITTEN.search(a.when))
    return clock and "age" not in (a.kind, b.kind) and bool(_SAME_MOMENT_GAP.match(gap))


def _named_twice(a: TimeExpression, b: TimeExpression, gap: str) -> bool:
    """ "on the last weekend of July \u2014 July 27\u201328 \u2014" (the aside says which days), "A
    month later, during the second debate" (the step names its occasion): one time."""
    return bool(_restated_more_precisely(a, b) and _ASIDE.match(gap)) or _step_then_its_occasion(
        a, b, gap
    )


def _restated_more_precisely(a: TimeExpression, b: TimeExpression) -> bool:
    """ "the last weekend of July \u2014 July 27\u201328": the second date falls in the first and
    says which day."""
    return bool(a.date and b.date and len(b.date) > len(a.date) and b.date.startswith(a.date))


# "A month later, during the debate": a step from the last date, then the occasion it reached.
_STEP_LATER = re.compile(r"\b(?i:later|earlier)$")
_OCCASION = re.compile(r"^(?i:during)\b")


def _step_then_its_occasion(a: TimeExpression, b: TimeExpression, gap: str) -> bool:
    """ "Two years later, during the final, she scored": one moment named twice, a step from
    the story's last date and the happening it fell on."""
    return (
        a.kind == "anaphoric"
        and b.kind == "anchor"
        and gap == ", "
        and bool(_STEP_LATER.search(a.when))
        and bool(_OCCASION.match(b.when))
    )


def _joined(doc: Doc, text: str, a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """One expression over both ("5 a.m. local time (1200 UTC) Friday"), dated by the more
    precise date of the two and named by its kind."""
    dated = max((a, b), key=lambda e: len(e.date or ""))
    span = doc.char_span(a.span.start_char, b.span.end_char, alignment_mode="expand")
    return TimeExpression(
        span=span if span is not None and (_one_root(span) or _day_to_day(a, b)) else a.span,
        when=text[a.start_char : b.end_char],
        date=dated.date,
        start_char=a.start_char,
        end_char=b.end_char,
        kind=dated.kind,
    )


def _day_to_day(a: TimeExpression, b: TimeExpression) -> bool:
    """ "Monday to Tuesday", "3 May to 9 June": two days of one stretch, left out of the event
    together."""
    return (a.kind in _DAY_NAMES and b.kind == "weekday") or (
        a.kind in _CALENDAR_KINDS and b.kind in _CALENDAR_KINDS
    )


def _one_root(span: Span) -> bool:
    """The parser hung the span from one head (a parse split inside "(2100 UTC, ...)" makes two
    roots, and the clause is then the first part's)."""
    return sum(1 for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end) == 1


_GATES = [GATES.get(gate_key(kind, pattern)) for kind, pattern in PATTERNS]
_STARTS = [STARTS.get(gate_key(kind, pattern)) for kind, pattern in PATTERNS]


def _matches(text: str) -> list[Found]:
    found: list[Found] = []
    lower = text.lower()
    for order, (kind, pattern) in enumerate(PATTERNS):
        needed = KEYWORDS.get(kind)
        if needed and not any(word in lower for word in needed):
            continue  # cheap skip: the pattern cannot match without one of its words
        gate = _GATES[order]
        if gate is not None and gate.search(text) is None:
            continue  # nor without a match of its gate
        starts = _STARTS[order]
        scan = (
            pattern.finditer(text) if starts is None else matches_at_starts(pattern, starts, text)
        )
        for m in scan:
            if m.end() <= m.start():
                continue
            start = m.start()
            if kind == "anaphoric":  # "less than a year after": the bound goes with it
                bound = QUANTITY_BEFORE.search(text, max(0, start - 24), start)
                start = bound.start() if bound else start
            found.append((start, m.end(), order, kind, m))
    return found


def _non_overlapping(found: list[Found]) -> list[Found]:
    """Longest first, then pattern order; the kept ones in text order."""
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[Found] = []
    for f in found:
        if not any(f[0] < t[1] and t[0] < f[1] for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f[0])


def _said_by_a_speaker(kind: str, m: re.Match[str], text: str, start: int) -> bool:
    """ "'We signed it today,' she said": a day word inside a quotation counts from the day the
    speaker spoke, which the article seldom gives (a statement on Thursday, quoted in
    Saturday's story): no date, rather than the publication day's."""
    return (kind == "dayword" or _part_of_a_day(kind, m)) and inside_quotation(text, start)


def _part_of_a_day(kind: str, m: re.Match[str]) -> bool:
    """ "'They woke me this morning,' he said": a part of the speaker's day, like "today"."""
    return kind == "relative" and (m.groupdict().get("unit") or "").lower() in PARTS_OF_DAY


# Verbs of a state that lasted ("was envoy until December", "served until May"): it ended.
_LASTING_STATES = {"be", "remain", "serve", "stay", "live", "work", "continue"}


def _tense_of_an_end(kind: str, prep: str, span: Span, tense: str) -> str:
    """ "suspended the parliament until October 14", "closed the port through May 15": the
    end of a period an act set in the past may still be ahead, so a day or month without a
    year is the one nearest publication (the resolvers read "present" so); a past state
    "until December" ("was envoy until December") ended before publication."""
    if kind not in {"dmy", "mdy", "month"} or prep.lower() not in {"until", "till", "through"}:
        return tense
    verb = governing_verb(span.root)
    if tense != "past" or verb is None or verb.lemma_.lower() in _LASTING_STATES:
        return tense
    return "present"


# Verbs that give a thing a new day or a new end: "rescheduled the vote to June 2", "extended
# the lockdown until May 1", "pushed the hearing back to March"; and verbs that give it a day
# ("his trial has been scheduled for November", "called elections for 14 November").
_MOVE_VERBS = forms(
    {
        "reschedule", "postpone", "move", "delay", "push", "extend", "defer", "adjourn",
        "shift", "bring", "put", "prolong", "lengthen", "suspend",
    }
)  # fmt: skip
_SCHEDULE_VERBS = _MOVE_VERBS | forms({"schedule", "set", "slate", "plan", "call", "book", "fix"})
_MOVE_PREPS = {"to", "until", "till", "through", "for"}
# Nouns a day or month names as a time ahead: "the November 13 deadline".
_TARGET_NOUNS = {"deadline", "cutoff", "cut-off"}


def _target_of_a_move(kind: str, span: Span) -> bool:
    """ "Maryland rescheduled its primary races to June 2", "the mayor extended the lockdown
    until May 1", "his trial has been scheduled for November", "events are planned until
    December", "two weeks before the November 13 deadline": a day or month that an act of
    scheduling, rescheduling or extending set as a thing's day or end, or that names a
    deadline (not a thing scheduled that has happened: "races scheduled for May 3 were held").
    The act came at most a little before publication, so the day is read ahead of it
    (``resolve.TARGET``), whatever the act's tense."""
    if kind not in _YEARLESS_KINDS:
        return False
    root = span.root
    if root.dep_ in {"compound", "nmod", "npadvmod"} and root.head.lower_ in _TARGET_NOUNS:
        return True
    prep = span.doc[span.start - 1] if span.start > 0 else None
    if prep is None or prep.lower_ not in _MOVE_PREPS or scheduled_thing_done(prep):
        return False
    verb = governing_verb(root)
    return verb is not None and (
        verb.lower_ in _SCHEDULE_VERBS or verb.lemma_.lower() in _SCHEDULE_VERBS
    )


def _tense_of_a_set_day(kind: str, span: Span, tense: str, told: str, prep: str) -> str:
    """A day an act set for a thing, told in any tense but the future ("rescheduled the vote
    to June 2"), is read ahead of the act (``resolve.TARGET``); an end of a period after
    "until" or "through" as ``_tense_of_an_end`` says; any other keeps ``tense``."""
    if told != "future" and _target_of_a_move(kind, span):
        return TARGET
    return _tense_of_an_end(kind, prep, span, tense)


# "OSAKA, June 2 (Reuters) - ": a story filed the day it happened
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z/ .'-]+, [A-Z][a-z]{2,8}\.? \d{1,2} \(", re.M)


# "Tuesday, July 23, 2019" on a line of its own under the headline: the story's own date.
_DATE_LINE = re.compile(
    rf"^(?P<w>{WEEKDAY}),\s+(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}),?\s+\d{{4}}\s*$",
    re.M,
)


# "from June 3 to 9 of last year", "August 22 to 25, 2019": the year a range gives its end.
_RANGE_END_YEAR = re.compile(
    rf"\s*(?:-|\u2013|to|through|until|and)\s*{DAY}"
    rf"(?:,?\s+(?P<y>{YEAR})|(?:,?\s+|\s+of\s+)(?P<rel>last|this|next)\s+year)(?![\w])"
)


# "After yesterday's vote": the preposition governs the noun the date owns, not the date.
_POSSESSIVE = re.compile("['\u2019]s\\b")


def _in_the_year_of_its_range(
    resolved: str | None, kind: str, m: re.Match[str], text: str, end: int, published: date | None
) -> str | None:
    """A month and day that start a range whose year comes after its end ("sailed from June 3
    to 9 of last year") are in that year, not the one the tense would give."""
    if resolved is None or kind != "mdy" or m.group("y") or m.group("rel"):
        return resolved
    tail = _RANGE_END_YEAR.match(text, end)
    if tail is None:
        return resolved
    if tail.group("y"):
        return tail.group("y") + resolved[4:]
    if published is None:
        return resolved
    step = {"last": -1, "this": 0, "next": 1}[tail.group("rel").lower()]
    return f"{published.year + step:04d}{resolved[4:]}"


def _dated_by_its_line(text: str, published: date | None) -> bool:
    """A story filed under a wire dateline, or under a line giving its own weekday and date
    ("Tuesday, July 23, 2019"): a past "on Tuesday" of a story of a Tuesday is that day, as
    real reporting's gold reads it (the writer names the day written above); without either,
    it would have said "today", and it is the week before."""
    if _WIRE_DATELINE.search(text):
        return True
    line = _DATE_LINE.search(text)
    return (
        line is not None
        and published is not None
        and WEEKDAYS[line.group("w").lower()] == published.weekday()
    )


def _expression(
    doc: Doc, text: str, start: int, end: int, kind: str, m: re.Match[str], published: date | None
) -> TimeExpression | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tense = told = tense_of(span.root)
    if looks_ahead(kind, span, tense):
        tense = "future"
    if not accepted(Match(kind, m, span, tense, published)):
        return None
    if kind == "weekday" and tense == "past" and _dated_by_its_line(text, published):
        tense = "filed"  # a wire story's "on Tuesday" may be its filing day (resolve.weekday)
    if tense == "future" and kind in _PLANNED_KINDS and planned_in_the_past(span.root):
        tense = PAST_PLAN  # "was expected to end on 15 March": this year's or last year's
    when_start = start
    before = text[max(0, start - 8) : start]
    bound = BOUND_PREP.search(before)
    if bound and not _POSSESSIVE.match(text, end):
        when_start = start - (len(before) - bound.start())
    prep = bound.group(1) if bound else span.doc[span.start - 1].text if span.start else ""
    tense = _tense_of_a_set_day(kind, span, tense, told, prep)
    resolved = (
        None if _said_by_a_speaker(kind, m, text, start) else resolve(kind, m, published, tense)
    )
    return TimeExpression(
        span=span,
        when=text[when_start:end],
        date=_in_the_year_of_its_range(resolved, kind, m, text, end, published),
        start_char=when_start,
        end_char=end,
        kind=kind,
    )
