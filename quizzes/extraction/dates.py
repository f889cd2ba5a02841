"""Time expressions in an article and their normalised dates.

``find_time_expressions(doc, published=...)`` finds, with one pass of regular expressions over
the text, every expression that places an event in time:

- absolute: "21 September 2022", "September 21, 2022", "Nov. 8", "2022-09-21", "March",
  "early September", "June last year", "2014", "mid-2019", "late 2020", "the summer of 2020",
  "the second quarter of 2023", "the first weeks of 2025" (January; "the last days of 2024":
  December), "between 2010 and 2015", "the 1990s", "the 19th century";
- relative to the publication date: "yesterday", "on Tuesday", "last week", "earlier this month",
  "next year", "last summer", "at the weekend", "two days ago", "more than 20 years ago",
  "in recent months", "over the past decade"; a bounding preposition is kept ("since 1991",
  "after 1991");
- relative to another event, so with no date of their own: "a week later", "two days earlier",
  "the following day", "less than a year after" (Cop30);
- "by the end of the month" / "the start of next year" (the month or year itself).

A rate is no time: "$100 a week after deductions" ("a"/"an" + unit right after an amount).
Nor are the terms of a comparison: "starts about three weeks earlier than it did two decades
ago" (an "earlier/later" before "than", and anything in the "than" clause). Two decades joined
by and/or/to are one expression ("in the 1980s and 1990s").
A year after the publication year used as a noun modifier is a name, not a date ("the 2031
World Cup", "will host the 2031 championship"); with a preposition it dates ("in 2031").

A year used as a noun modifier counts after a determiner or possessive ("the 2018 steel
tariffs", "Nigeria's 2023 election"), not as a count ("2014 workers"). "today" inside a
quotation counts only in the past tense ("'it will start to change today'" is a hope), and a
decade describing a noun outside the past tense is no event ("the mistakes of the 1980s").

Tense for resolving a weekday or month without a year: a date the sentence schedules looks
ahead ("called elections for 14 November", "scheduled for Friday"; "from January 1", "by
March", "until June" unless the verb is past); otherwise the governing verb's, where a
to-infinitive under a verb of planning or hoping looks ahead ("hoped to fly home on Friday" ->
the coming Friday), and a date outside a quotation takes the tense of the reporting verb, not
of the quotation ("'We are going to ...,' X said on Tuesday" -> the past Tuesday). "would" +
verb (or a verb it completes: "would begin arriving on Friday") is a reported future, unless
"would have" (a counterfactual: "would have taken effect on July 1" stays past); a present
passive of planning looks ahead ("a vote is expected in April", "talks are scheduled for May").

Durations ("for three years", "four hours", "three decades of independence"), frequencies
("every day") and ages ("the 45-year-old") place nothing in time and are not matched; "today"
and "now" in the present tense mean "nowadays" and are dropped.

Each expression gets a normalised ``date``: ISO year ("2014"), year-month ("2022-03") or day
("2022-09-21"). Relative expressions resolve against the publication date (None without one);
a month without a year is the latest such month before publication (the next one when the
verb is in the future tense). Week-sized periods ("last week") resolve to their year-month
(the year-month of the date a week before publication): a week has no ISO form of the three
allowed, and the month is true for whichever day of it the event fell on (almost always).
Bounded or vague amounts ("more than 20 years ago", "in recent months"), decades, centuries and
dates relative to another event ("a week later") have no single date: None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Span, Token

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {abbr.lower(): n for n, abbr in enumerate(calendar.month_abbr) if abbr}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_NUMBERS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUMBERS |= {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBERS |= {"a": 1, "an": 1, "one": 1}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
QUAL = r"(?:(?:early|mid|late|the (?:end|start|beginning|middle) of)\s+|mid-)"
NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|a couple of|several|few|many)"
UNIT = r"(?:day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
BOUND = r"(?:more than|over|under|less than|nearly|almost|at least|at most|up to)"
APPROX = r"(?:about|around|roughly|some|just|only|approximately)"
PERIOD = r"(?:week|month|year|weekend|night|morning|spring|summer|autumn|fall|winter)"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
DECADE = r"(?:1[0-9]{2}0s|20[0-9]0s|['\u2019][0-9]0s)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR})|\s+(?P<rel>last|this|next)\s+year)?(?![\w])"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR})|\s+(?P<rel>last|this|next)\s+year)?(?![\w\-/:])"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?:\b(?P<q>{QUAL}))?\b(?P<mon>{MONTH})(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?P<rel>last|this|next)\s+year)?(?![\w])"
        ),
    ),
    (
        "relative",
        re.compile(
            rf"\b(?:(?P<side>earlier|later)\s+)?(?P<rel>this|last|next)\s+(?P<unit>{PERIOD}|{WEEKDAY}|{MONTH})\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?:(?P<bound>{BOUND})\s+|(?P<approx>{APPROX})\s+)?(?:(?P<n>{NUMWORD})\s+)?(?P<unit>{UNIT})\s+ago\b",
            re.I,
        ),
    ),
    (
        "recent",
        re.compile(
            r"\brecent\s+(?:days|weeks|months|years)\b",  # after in/over/during/spent/of: _accept
            re.I,
        ),
    ),
    (
        "recent",
        re.compile(
            rf"(?:(?<=\bin )|(?<=\bover )|(?<=\bduring ))the\s+(?:past|last)\s+(?:(?:{NUMWORD})\s+)?(?:{UNIT})\b",
            re.I,
        ),
    ),
    (
        "anaphoric",
        re.compile(
            rf"\b(?:(?:{NUMWORD})\s+(?:{UNIT})\s+(?:later|earlier|after|before)|the\s+(?:next|following|previous)\s+(?:day|week|month|year|morning|evening|night))\b",
            re.I,
        ),
    ),
    (
        "endof",
        re.compile(
            r"\b(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|next|last)\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "dayword",
        re.compile(rf"\b(?P<w>yesterday|today|tomorrow|tonight){PART_OF_DAY}\b", re.I),
    ),
    ("weekday", re.compile(rf"\b(?P<w>{WEEKDAY}){PART_OF_DAY}\b")),
    ("weekend", re.compile(r"(?:(?<=\bat )|(?<=\bover )|(?<=\bduring ))the weekend\b", re.I)),
    (
        "decade",
        re.compile(
            rf"\b(?:the\s+)?(?:{QUAL})?{DECADE}(?:\s+(?:and|or|to|through)\s+(?:the\s+)?(?:{QUAL})?{DECADE})?\b",
            re.I,
        ),
    ),
    (
        "century",
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)\s+|mid-)?\d{1,2}(?:st|nd|rd|th)\s+century\b", re.I
        ),
    ),
    (
        "season",
        re.compile(
            rf"\b(?:the\s+)?(?:(?:early|late)\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{YEAR})\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:the\s+)?(?:first|second|third|fourth|final|last)\s+quarter\s+of\s+(?P<y>{YEAR})\b",
            re.I,
        ),
    ),
    (
        "weeksof",
        re.compile(
            rf"\b(?:the\s+)?(?P<edge>first|opening|early|last|final|closing)\s+(?:(?:few|two|three|couple\s+of)\s+)?(?:days|weeks?|fortnight)\s+of\s+(?P<y>{YEAR})\b",
            re.I,
        ),
    ),
    (
        "range",
        re.compile(rf"\b(?:between|from)\s+(?P<y>{YEAR})\s+(?:and|to|until)\s+{YEAR}\b", re.I),
    ),
    (
        "year",
        re.compile(
            rf"(?:\b(?P<q>{QUAL}))?(?<![\d,.$£€])\b(?P<y>{YEAR})\b(?![\d]|,\d|\.\d|s\b|['\u2019]s)"
        ),
    ),
]
# Words without which a pattern cannot match (a cheap test before running it).
_KEYWORDS = {
    "ago": ("ago",),
    "anaphoric": ("later", "earlier", "next", "following", "previous", "after", "before"),
    "recent": ("recent", "past", "last"),
    "weekend": ("weekend",),
    "decade": ("0s",),
    "century": ("century",),
    "season": tuple(_SEASONS),
    "quarter": ("quarter",),
    "weeksof": ("days", "week", "fortnight"),
    "range": ("between", "from"),
    "dayword": ("yesterday", "today", "tomorrow", "tonight"),
    "relative": ("this", "last", "next"),
    "endof": ("end of", "start of", "beginning of", "middle of"),
}
_QUANTITY_BEFORE = re.compile(rf"\b(?:{BOUND}|{APPROX})\s+$", re.I)
_BOUND_PREP = re.compile(r"\b(since|after|before|until|till|by)\s+$", re.I)
# Words after which a bare month, weekday or year is a date ("in March", "on Tuesday", "since 1991").
_DATE_PREPS = {
    "in", "on", "since", "by", "until", "till", "after", "before", "during", "of", "from", "through",
    "throughout", "between", "and", "to", "around", "circa", "early", "mid", "late", "last", "next",
    "this", "that", "following", "as", "at", "for", "into",
}  # fmt: skip


@dataclass(frozen=True)
class TimeExpression:
    span: Span  # the tokens of the expression (without a bounding preposition)
    when: str  # as written, with a bounding preposition ("after 1991")
    date: str | None  # ISO year / year-month / day, or None
    start_char: int
    end_char: int


# Verbs whose to-infinitive looks ahead: "hoped to fly home on Friday", "is due to meet on Monday".
PLAN_VERBS = {
    "hope", "plan", "expect", "intend", "aim", "want", "schedule", "due", "set", "prepare",
    "seek", "wish", "promise", "vow", "pledge", "propose", "agree", "decide", "threaten",
}  # fmt: skip


def _forms(verbs: set[str]) -> frozenset[str]:
    """Inflected forms, since the small model's lemmas slip ("hoped" -> "hop")."""
    out = set(verbs)
    for v in verbs:
        stem = v[:-1] if v.endswith("e") else v
        out |= {v + "s", stem + "ed", stem + "ing", v + "d"}
        if len(v) <= 4 and v[-1] not in "aeiouwy" and v[-2] in "aeiou":
            out |= {v + v[-1] + "ed", v + v[-1] + "ing"}  # planned, planning
    return frozenset(out)


PLAN_FORMS = _forms(PLAN_VERBS)
# Passive verbs of planning: "is expected in April", "are scheduled for May".
_SCHEDULED = {"expect", "expected", "schedule", "scheduled", "plan", "planned", "slate", "slated", "set", "due"}  # fmt: skip
REPORTING_VERBS = {"say", "tell", "add", "write", "announce", "state", "note", "confirm", "warn"}
_QUOTE_OPEN = "\u201c\u2018"
_QUOTE_CLOSE = "\u201d\u2019"


def doc_text(doc: Doc) -> str:
    """The doc's text, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get("_text")
    if text is None:
        text = doc.user_data["_text"] = doc.text
    return text


def inside_quotation(text: str, pos: int) -> bool:
    """Whether character ``pos`` lies inside quotation marks of its paragraph."""
    return 0 <= pos < len(text) and _quotation_map(text)[pos] == 1


@lru_cache(maxsize=4)
def _quotation_map(text: str) -> bytearray:
    """One linear pass: 1 for each character after an unclosed opening quote of its paragraph."""
    out = bytearray(len(text))
    curly = straight = 0
    for i, c in enumerate(text):
        out[i] = 1 if curly > 0 or straight % 2 else 0
        if c == "\n":
            curly = straight = 0
        elif c == "\u201c":
            curly += 1
        elif c == "\u201d":
            curly -= 1
        elif c == '"':
            straight += 1
    return out


def _governing_verb(tok: Token) -> Token | None:
    head = tok
    for _ in range(8):
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.head is head:
            return None
        head = head.head
    return None


def tense_of(tok: Token) -> str:
    """ "past", "future" or "present" for the verb governing ``tok``."""
    head = _governing_verb(tok)
    if head is None:
        return "past"
    text = doc_text(tok.doc)
    if not inside_quotation(text, tok.idx) and inside_quotation(text, head.idx):
        # "'We will not ...,' Smith said in a statement on Tuesday": the reporting verb's tense
        sent = tok.sent
        reporting = [
            t
            for t in sent
            if t.lemma_ in REPORTING_VERBS
            and t.pos_ == "VERB"
            and not inside_quotation(text, t.idx)
        ]
        if not reporting:
            return "past"
        head = min(reporting, key=lambda t: abs(t.i - tok.i))
    children = list(head.children)
    if any(c.lower_ in {"will", "shall", "'ll"} and c.dep_ == "aux" for c in children):
        return "future"
    chain = [head]  # "would begin arriving on Friday": the verb and the verbs it completes
    while chain[-1].dep_ == "xcomp" and chain[-1].head is not chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    for verb in chain:
        auxes = [c for c in verb.children if c.dep_ == "aux"]
        if any(c.lower_ in {"would", "'d"} for c in auxes) and not any(
            c.lemma_ == "have" for c in auxes
        ):
            return "future"  # reported future ("would begin"), not "would have taken effect"
    if (head.lemma_ in _SCHEDULED or head.lower_ in _SCHEDULED) and any(
        c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in children
    ):
        return "future"  # "a vote is expected in April", "the talks are scheduled for Friday"
    up = head.head
    if head.lower_ in {"will", "shall", "going"} or (head.dep_ == "xcomp" and up.lower_ == "going"):
        return "future"  # "is going to hold the vote on Monday"
    if head.dep_ == "xcomp" and (
        up.lower_ in PLAN_FORMS or (up.dep_ == "xcomp" and up.head.lower_ in PLAN_FORMS)
    ):
        return "future"  # "hoped to fly home on Friday", "is due to start on Monday"
    if head.tag_ in {"VBD", "VBN"} or any(
        c.tag_ == "VBD" and c.dep_.startswith("aux") for c in children
    ):
        return "past"
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        return "past"
    return "present"


def _ym(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _month_year(month: int, published: date, tense: str) -> int:
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    if tense == "past":
        return published.year if month <= published.month else published.year - 1
    return published.year


def _number(text: str | None) -> int | None:
    if not text:
        return 1
    text = text.lower()
    if text.isdigit():
        return int(text)
    return _NUMBERS.get(text)


def _resolve(kind: str, m: re.Match, published: date | None, tense: str) -> str | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        except ValueError:
            return None
    if kind in {"dmy", "mdy"}:
        month = _MONTHS[g["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", g["d"]))
        if g.get("y"):
            year = int(g["y"])
        elif published is None:
            year = None
        elif g.get("rel"):
            year = published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        else:
            year = _month_year(month, published, tense)
        if year is None:
            return None
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "month":
        month = _MONTHS[g["mon"].rstrip(".").lower()]
        if g.get("y"):
            return f"{int(g['y']):04d}-{month:02d}"
        if published is None:
            return None
        if g.get("rel"):
            year = published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        else:
            year = _month_year(month, published, tense)
        return f"{year:04d}-{month:02d}"
    if kind == "weeksof":  # "the first weeks of 2025": January; "the last days of 2024": December
        month = 1 if g["edge"].lower() in {"first", "opening", "early"} else 12
        return f"{int(g['y']):04d}-{month:02d}"
    if kind in {"year", "season", "quarter", "range"}:
        return f"{int(g['y']):04d}"
    if published is None:
        return None
    if kind == "relative":
        rel, unit = g["rel"].lower(), g["unit"].lower().rstrip(".")
        step = {"last": -1, "this": 0, "next": 1}[rel]
        if unit in _WEEKDAYS:
            return _weekday(
                _WEEKDAYS[unit], published, "future" if step > 0 else "past", strict=step != 0
            )
        if unit in _MONTHS:
            month = _MONTHS[unit]
            if step < 0:
                year = published.year if month < published.month else published.year - 1
            elif step > 0:
                year = published.year if month > published.month else published.year + 1
            else:
                year = published.year
            return f"{year:04d}-{month:02d}"
        if unit == "week":
            return _ym(published + timedelta(weeks=step))
        if unit == "weekend":
            return _ym(published + timedelta(weeks=step))
        if unit in {"night", "morning"}:
            return (published + timedelta(days=step)).isoformat()
        if unit == "month":
            return _ym(published + relativedelta(months=step))
        if unit == "year":
            return f"{published.year + step:04d}"
        if unit in _SEASONS:
            return _season(_SEASONS[unit], published, step)
        return None
    if kind == "ago":
        if g.get("bound"):
            return None
        n = _number(g.get("n"))
        if n is None:
            return None
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return (published - timedelta(days=n)).isoformat()
        if unit in {"week", "fortnight"}:
            return _ym(published - timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
        if unit == "month":
            return _ym(published - relativedelta(months=n))
        if unit == "year":
            return f"{published.year - n:04d}"
        if unit == "decade":
            return f"{published.year - 10 * n:04d}"
        return None
    if kind == "endof":  # "by the end of the month": the month (week: its month), the year
        rel = m.group(0).split()[-2].lower()
        step = {"the": 0, "this": 0, "next": 1, "last": -1}[rel]
        unit = g["unit"].lower()
        if unit == "year":
            return f"{published.year + step:04d}"
        if unit == "week":
            return _ym(published + timedelta(weeks=step))
        return _ym(published + relativedelta(months=step))
    if kind == "dayword":
        word = g["w"].lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return (published + timedelta(days=offset)).isoformat()
    if kind == "weekday":
        return _weekday(_WEEKDAYS[g["w"].lower()], published, tense, strict=False)
    if kind == "weekend":
        return _ym(published + timedelta(weeks=1 if tense == "future" else 0))
    return None


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


def _accept(kind: str, m: re.Match, span: Span, tense: str, published: date | None = None) -> bool:
    """Context checks for the forms that are also ordinary words or numbers."""
    first = span[0]
    prev = span.doc[first.i - 1] if first.i > 0 else None
    prev_word = prev.lower_ if prev is not None else ""
    in_date_entity = any(t.ent_type_ == "DATE" for t in span)
    if kind == "dayword" and m.group("w").lower() in {"today", "tonight"}:
        if inside_quotation(doc_text(span.doc), first.idx):
            return tense == "past"  # "'it will start to change today'": a hope, not an event
        return tense != "present"  # "Russia today is weaker" = nowadays
    if kind == "month" and not (m.group("y") or m.group("q") or m.group("rel")):
        mon = m.group("mon").rstrip(".").lower()
        if mon == "may" and not in_date_entity:
            return False
        return prev_word in _DATE_PREPS or in_date_entity
    if kind == "weekday":
        return prev_word in _DATE_PREPS or in_date_entity
    if kind == "recent" and first.lower_ == "recent":
        return prev_word in {"in", "over", "during", "spent", "of"}
    if kind in {"decade", "century"} and prev_word == "of" and tense != "past":
        return False  # "nobody wants to repeat the mistakes of the 1980s": a period, no event
    if _comparison(kind, m, span):
        return False  # "starts three weeks earlier than it did two decades ago": a comparison
    if kind == "anaphoric" and m.group(0).lower().startswith(("a ", "an ")) and _quantity(prev):
        return False  # "$100 a week after deductions": a rate, not a time
    if kind == "anaphoric" and m.group(0).lower().endswith(("after", "before")):
        return prev_word not in {"for", "lasting", "spent"}  # "for two years after": a duration
    if kind == "year":
        if m.group("q"):
            return True
        tok = span[-1]
        if (
            published is not None
            and int(m.group("y")) > published.year
            and prev_word not in _DATE_PREPS
            and tok.dep_ in {"compound", "nummod", "amod", "nmod"}
            and tok.head.i > tok.i
        ):
            return False  # "the 2031 World Cup", "the 2030 target": a name, nothing happened yet
        # "2,000 troops" / "2014 workers": a count, not a year
        nxt = span.doc[tok.i + 1] if tok.i + 1 < len(span.doc) else None
        year = int(m.group("y"))
        if (
            prev is not None
            and (
                prev_word in {"the", "its", "their", "his", "her", "our", "this", "that"}
                or prev.tag_ == "POS"
            )
            and 1900 <= year <= 2099
            and nxt is not None
            and nxt.pos_ in {"NOUN", "PROPN", "ADJ"}
        ):
            return True  # "the 2018 steel tariffs", "Nigeria's 2023 election"
        if tok.dep_ == "nummod" and tok.head.tag_ in {"NNS", "NNPS"}:
            return False
        if nxt is not None and nxt.tag_ in {"NNS"} and nxt.i == tok.head.i:
            return False
        if prev_word in _DATE_PREPS or in_date_entity:
            return True
        # "the 2014 election", "the 2022 World Cup": a year naming an event
        return tok.dep_ in {"compound", "nummod", "amod"} and tok.head.tag_ in {"NN", "NNP"}
    return True


def _comparison(kind: str, m: re.Match, span: Span) -> bool:
    """ "about three weeks earlier than ...", "than it did two decades ago": the terms of a
    comparison, not times of events."""
    doc = span.doc
    if (
        kind == "anaphoric"
        and m.group(0).lower().endswith(("earlier", "later"))
        and span.end < len(doc)
        and doc[span.end].lower_ == "than"
    ):
        return True
    verb = _governing_verb(span.root)
    return verb is not None and any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)


def _quantity(tok: Token | None) -> bool:
    """An amount: "$100", "2,000", "40%", "five"."""
    if tok is None:
        return False
    return (
        any(c.isdigit() for c in tok.text)
        or tok.like_num
        or tok.ent_type_ in {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
    )


# Words before a date that point ahead: "called elections for 14 November", "apply from January 1".
_AHEAD_UNLESS_PAST = {"for", "from", "until", "till", "by", "starting", "effective", "before"}


def _looks_ahead(kind: str, span: Span, tense: str) -> bool:
    """A day or month the sentence schedules: "for 14 November" or "for Friday" (whatever the
    verb's tense: the elections were called for a later day), "from January 1" or "by March"
    with a present or future verb. A month after "for" in the past tense stays in the past
    ("the wettest on record for March")."""
    if kind not in {"dmy", "mdy", "month", "weekday"}:
        return False
    first = span[0]
    prev = span.doc[first.i - 1].lower_ if first.i > 0 else ""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return False  # "jailed for Friday's attack": the day names the attack
    if prev == "for" and kind != "month":
        return True
    return prev in _AHEAD_UNLESS_PAST and tense != "past"


def find_time_expressions(doc: Doc, *, published: date | None) -> list[TimeExpression]:
    """Every time expression of the doc, in text order, without overlaps."""
    text = doc_text(doc)
    found: list[tuple[int, int, int, str, re.Match]] = []
    lower = text.lower()
    for priority, (kind, pattern) in enumerate(_PATTERNS):
        needed = _KEYWORDS.get(kind)
        if needed and not any(word in lower for word in needed):
            continue  # cheap skip: the pattern cannot match without one of its words
        for m in pattern.finditer(text):
            if m.end() > m.start():
                start = m.start()
                if kind == "anaphoric":  # "less than a year after": the bound goes with it
                    bound = _QUANTITY_BEFORE.search(text, max(0, start - 24), start)
                    start = bound.start() if bound else start
                found.append((start, m.end(), priority, kind, m))
    # longest first, then pattern order; keep non-overlapping
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str, re.Match]] = []
    for start, end, _priority, kind, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, kind, m))
    chosen.sort(key=lambda c: c[0])
    out: list[TimeExpression] = []
    for start, end, kind, m in chosen:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tense = tense_of(span.root)
        if _looks_ahead(kind, span, tense):
            tense = "future"
        if not _accept(kind, m, span, tense, published):
            continue
        when_start = start
        bound = _BOUND_PREP.search(text[max(0, start - 8) : start])
        if bound:
            when_start = start - (len(text[max(0, start - 8) : start]) - bound.start())
        when = text[when_start:end]
        out.append(
            TimeExpression(
                span=span,
                when=when,
                date=_resolve(kind, m, published, tense),
                start_char=when_start,
                end_char=end,
            )
        )
    return out
