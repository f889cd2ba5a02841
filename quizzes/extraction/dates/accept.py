"""Context checks for the time expressions that are also ordinary words or numbers
(``ACCEPT_RULES``, tried in order: the first that has an opinion decides; none: accepted), and
the sentences that schedule a date ahead."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from .patterns import DATE_PREPS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from .tense import doc_text, governing_verb, inside_quotation, tense_of

_POSSESSORS = {"the", "its", "their", "his", "her", "our", "this", "that"}


@dataclass(frozen=True)
class Match:
    """One match of a pattern, as the checks see it."""

    kind: str
    m: re.Match[str]
    span: Span
    tense: str
    published: date | None

    @property
    def prev(self) -> Token | None:
        first = self.span[0]
        return self.span.doc[first.i - 1] if first.i > 0 else None

    @property
    def prev_word(self) -> str:
        prev = self.prev
        return prev.lower_ if prev is not None else ""

    @property
    def in_date_entity(self) -> bool:
        return any(t.ent_type_ == "DATE" for t in self.span)

    @property
    def text(self) -> str:
        return self.m.group(0).lower()


def today_or_tonight(x: Match) -> bool | None:
    """ "'We are raising it today'", "'It will not take effect today'": a speaker's "today" is
    the day they speak of, whatever the tense (real reporting's gold counts them), unless it
    means nowadays ("the women of today"); in the article's own words "Russia today is
    weaker" means nowadays (the present tense never counts)."""
    if x.kind != "dayword" or (x.m.group("w") or "").lower() not in {"today", "tonight"}:
        return None
    if _in_a_title(x):
        return False  # "moderated by USA Today Washington Bureau Chief Ann Roe": a paper's name
    if _names_a_thing_of_the_day(x.span[-1]) or x.m.group("part"):
        return True  # "late today": a time of the day, never "nowadays"
    if inside_quotation(doc_text(x.span.doc), x.span[0].idx):
        return not _nowadays(x.span[0])
    return x.tense != "present"


def _in_a_title(x: Match) -> bool:
    """ "USA Today", "Vox Tonight": "Today" capitalised inside a run of capitalised words,
    not opening the sentence, is a word of a name (a newspaper, a show)."""
    first = x.span[0]
    prev = x.prev
    return (
        first.text[:1].isupper()
        and not first.is_sent_start
        and prev is not None
        and prev.text[:1].isupper()
        and prev.is_alpha
    )


def _nowadays(tok: Token) -> bool:
    """ "the women of today", "the man I am today": "today" as "nowadays" in a speaker's words;
    any other "today" of a speaker is the day they speak of ("We are raising it today")."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "of":
        return True
    verb = governing_verb(tok)
    return verb is not None and verb.lemma_ == "be" and verb.dep_ == "relcl"


def _names_a_thing_of_the_day(tok: Token) -> bool:
    """ "today's ruling", "the statement tonight": the day of a thing that was done, whatever
    the tense of the sentence around it."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return True
    return tok.dep_ == "npadvmod" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i


def bare_month(x: Match) -> bool | None:
    """ "in March", "by June": a month alone only after a date word or in a DATE entity; "may"
    only in a DATE entity, and not where it is a surname (``_may_a_surname``)."""
    if x.kind != "month" or x.m.group("y") or x.m.group("q") or x.m.group("rel"):
        return None
    if (x.m.group("mon") or "").rstrip(".").lower() == "may" and (
        not x.in_date_entity or _may_a_surname(x)
    ):
        return False
    return x.prev_word in DATE_PREPS or x.in_date_entity


def modal_may(x: Match) -> bool | None:
    """ "This may change", "next may bring": "may" in lower case after "this", "last" or
    "next" is the modal verb, not the month."""
    if x.kind == "relative" and x.m.group("unit") == "may":
        return False
    return None


# Words after which "May" is the month even where a person of that surname is named.
_MONTH_ONLY_AFTER = {"in", "since", "until", "till", "during", "early", "mid", "late", "throughout"}


def _may_a_surname(x: Match) -> bool:
    """ "Premier Julia May appointed him": a capitalised name word right before "May" makes it a
    surname; and in an article naming a person "<Name> May", a bare "May" is that person
    ("May said", "in protest to May's plan") unless only a month can follow its word ("in
    May", "since May")."""
    prev = x.prev
    if prev is not None and _name_word(prev):
        return True
    if x.prev_word in _MONTH_ONLY_AFTER:
        return False
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ == "may"
        for ent in x.span.doc.ents
    )


def _name_word(tok: Token) -> bool:
    """A capitalised word inside a sentence that names someone, not a date word ("Early May",
    "Last May" open a sentence; "Since May" is a preposition)."""
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_sent_start
        and tok.lower_ not in DATE_PREPS
        and tok.pos_ == "PROPN"
    )


def bare_weekday(x: Match) -> bool | None:
    """ "on Tuesday", not "Tuesday's vote"-less mentions of a day's name, nor a day's name
    describing a noun ("the Sunday trading ban", "Friday prayers": every Sunday, no date;
    "On Friday Ford announced", parsed as one name, is a date)."""
    if x.kind != "weekday":
        return None
    day, doc = x.span[0], x.span.doc
    possessive = x.span.end < len(doc) and doc[x.span.end].lower_ in {"'s", "\u2019s"}
    if (
        x.prev_word not in DATE_PREPS
        and not possessive
        and day.dep_ in {"compound", "amod", "nmod"}
        and day.head.i >= x.span.end
        and day.head.pos_ in {"NOUN", "PROPN"}
    ):
        return False
    return x.prev_word in DATE_PREPS or x.in_date_entity or _day_with_its_part(x)


def _day_with_its_part(x: Match) -> bool:
    """ "asked for his resignation Monday night": a weekday with its part of the day, in lower
    case, is a time with no preposition ("Saturday Night Live" is a name, "Friday night
    football" a kind of game); not yet in a forecast ("predicted it would pass the island
    Wednesday night": which Wednesday, the text does not say)."""
    last, doc = x.span[-1], x.span.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        len(x.span) > 1
        and last.text in PARTS_OF_DAY
        and (after is None or after.pos_ not in {"NOUN", "PROPN"})
        and tense_of(x.span.root) != "future"
    )


# Prepositions after which a named day ("Black Friday") is the day a clause happened on.
_NAMED_DAY_PREPS = {"on", "by"}


def named_day(x: Match) -> bool | None:
    """ "On Black Friday, shoppers queued": a day named with a capitalised word before its
    weekday is a date only as the time of a clause ("on"/"by" not taking a verb's object);
    elsewhere the name is a topic ("focusing on Black Friday", "in the aftermath of Black
    Friday", "the name "Black Friday""), and "prior to Black Friday" is an anchor."""
    if x.kind != "weekday":
        return None
    first = x.span[0]
    name_start = first.i
    doc = x.span.doc
    while name_start > 0 and _named_day_word(doc[name_start - 1], first):
        name_start -= 1
    if name_start == first.i:
        return None
    prep = doc[name_start - 1] if name_start > 0 else None
    if prep is None or prep.lower_ not in _NAMED_DAY_PREPS:
        return False
    before = doc[prep.i - 1] if prep.i > 0 else None
    return before is None or prep.is_sent_start or before.pos_ not in {"VERB", "AUX"}


def _named_day_word(tok: Token, day: Token) -> bool:
    """ "Super", "Good", "Black": a capitalised word of a day's name (the parser hangs it from
    the day: "Lena Moss Tuesday signed" is a person, then a date), not a date word nor the
    sentence's first word ("Late Tuesday", "Early Monday")."""
    return (
        tok.head.i == day.i
        and tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_sent_start
        and tok.lower_ not in DATE_PREPS
        and tok.lower_ not in _CALENDAR_WORDS
    )


def recent_period(x: Match) -> bool | None:
    """ "in recent months", "over recent years"."""
    if x.kind != "recent" or x.span[0].lower_ != "recent":
        return None
    return x.prev_word in {"in", "over", "during", "spent", "of"}


def period_described(x: Match) -> bool | None:
    """ "no one will go back to the errors of the 1970s": a period, no event."""
    if x.kind in {"decade", "century"} and x.prev_word == "of" and x.tense != "past":
        return False
    return None


def comparison(x: Match) -> bool | None:
    """ "about three weeks earlier than ...", "than it did two decades ago": the terms of a
    comparison, not times of events."""
    doc, span = x.span.doc, x.span
    if (
        x.kind == "anaphoric"
        and x.text.endswith(("earlier", "later"))
        and span.end < len(doc)
        and doc[span.end].lower_ == "than"
    ):
        return False
    verb = governing_verb(span.root)
    if verb is not None and any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children):
        return False
    return None


def rate(x: Match) -> bool | None:
    """ "$100 a week after deductions": a rate, not a time."""
    if x.kind == "anaphoric" and x.text.startswith(("a ", "an ")) and _quantity(x.prev):
        return False
    return None


def vague_duration(x: Match) -> bool | None:
    """ "He has been a critic for many years": "many" measures nothing, a stretch with no start
    or length to place a happening in ("for three years", "for years" stay)."""
    if x.kind == "duration" and re.search(r"\bmany\b", x.text):
        return False
    return None


# Units of a stretch that tells a state or a career rather than a happening.
_LONG_UNITS = {"month", "months", "year", "years", "decade", "decades", "century", "centuries"}


def long_duration(x: Match) -> bool | None:
    """ "She had lived in the town for twenty years", "has run the shop for two years": a
    stretch of months or more tells a state, a career or a habit, background to the news,
    which real reporting's gold seldom dates; "trapped for 30 hours", "held for 444 days",
    "for weeks" stay."""
    if x.kind == "duration" and x.span[-1].lower_ in _LONG_UNITS:
        return False
    return None


def duration_after(x: Match) -> bool | None:
    """ "for two years after": a duration, not a time."""
    if x.kind == "anaphoric" and x.text.endswith(("after", "before")):
        return x.prev_word not in {"for", "lasting", "spent"}
    return None


# Nouns a number names one of ("flight 1344", "route 1600", "Resolution 2334").
NUMBERED_NOUNS = {
    "flight", "flights", "number", "no", "no.", "route", "bus", "train", "room", "highway",
    "interstate", "page", "pages", "resolution", "section", "article", "platform", "gate",
    "ward", "chapter", "code", "model", "unit", "item", "exhibit", "bill", "tower",
    "pier", "berth", "hull", "serial", "\u00a7", "\u00a7\u00a7", "sec.", "sections", "articles",
    "paragraph", "clause",
}  # fmt: skip


def numbered_thing(x: Match) -> bool | None:
    """ "flight 1720", "Resolution 1973": a number naming one of a series, not a year."""
    return False if x.kind == "year" and x.prev_word in NUMBERED_NOUNS else None


def model_year(x: Match) -> bool | None:
    """ "the blaze began in a rusty 2009 Ford Fiesta": a year before a product's name after
    "a" is the model's year, no time ("the 2019 Lakeside Marathon" names one event, and stays)."""
    if x.kind != "year" or x.m.group("q"):
        return None
    tok = x.span[-1]
    head = tok.head
    if tok.dep_ not in {"nummod", "compound", "amod"} or head.i <= tok.i or head.pos_ != "PROPN":
        return None
    return (
        False if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children) else None
    )


def year_ending_a_name(x: Match) -> bool | None:
    """ "the Open Waters Directive 2012 protects ...": a year right after the name it ends (a
    law, a plan, a product) is part of the name, no time."""
    if x.kind != "year" or x.m.group("q"):
        return None
    tok, prev = x.span[0], x.prev
    if prev is None or prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.is_sent_start:
        return None
    if prev.ent_type_ == "DATE" or prev.lower_.rstrip(".") in _CALENDAR_WORDS:
        return None  # "Monday 2019", "Sept 2019": a date
    return False if tok.head.i == prev.i and tok.dep_ in {"appos", "nummod", "npadvmod"} else None


_CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)
_ABOUT = {"roughly", "about", "around", "nearly", "approximately", "almost", "some", "over"}


# Units of measure written as a symbol or an abbreviation: a number right before one is an
# amount, never a year. Units spelt out as plural nouns ("1950 tonnes") are counts already.
_UNIT_SIGNS = {
    "%", "kg", "g", "mg", "t", "lb", "lbs", "oz", "km", "m", "cm", "mm", "mi", "ft",
    "km/h", "kph", "kmh", "mph", "ha", "l", "ml", "kw", "mw", "gw", "kwh", "mwh", "gwh", "°",
    "°c", "°f", "hz", "khz", "mhz", "ghz", "m2", "km2", "m3", "bn", "mn", "sq",
}  # fmt: skip


def amount_with_a_unit(x: Match) -> bool | None:
    """ "a mass of about 1030 kg", "rose by 1800 m", "1500 km/h": a number before a unit sign is
    an amount, not a year ("in 1998, prices rose" stays)."""
    if x.kind != "year" or x.m.group("q"):
        return None
    tok = x.span[-1]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None:
        return None
    return False if nxt.lower_ in _UNIT_SIGNS and not nxt.is_title else None


def approximate_count(x: Match) -> bool | None:
    """ "sold its roughly 1500 shops": an amount the parser counts (CARDINAL), not a year;
    "around 2000, the firm moved" (a DATE) stays a year."""
    if x.kind != "year" or x.prev_word not in _ABOUT:
        return None
    return False if x.span[-1].ent_type_ == "CARDINAL" else None


def year_number(x: Match) -> bool | None:
    """A year, not a count ("2,000 troops", "2014 workers") nor a future name ("the 2031 World
    Cup", "the 2030 target"); "the 2018 steel tariffs", "Nigeria's 2023 election" and "in
    2014" are years."""
    if x.kind != "year":
        return None
    if x.m.group("q"):
        return True
    tok = x.span[-1]
    if (
        _future_name(x, tok)
        or (
            _names_a_thing(tok, _NOUN_TAGS)
            and day_beside(x.span)
            and not _names_a_dated_happening(tok)
        )
        or _in_a_quoted_name(x)
    ):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if _possessed_year(x, nxt):
        return True
    if _counts_people(tok, nxt):
        return False
    if x.prev_word in DATE_PREPS or x.in_date_entity:
        return True
    # "the 2014 election", "the 2022 World Cup": a year naming an event
    return _names_a_thing(tok, {"NN", "NNP"})


def _names_a_thing(tok: Token, tags: set[str]) -> bool:
    return tok.dep_ in {"compound", "nummod", "amod"} and tok.head.tag_ in tags


_MARKS = '"\u201c\u201d'


def _in_a_quoted_name(x: Match) -> bool:
    """ "a plan dubbed "Horizon 2040"": a year ending a quoted name of a few words."""
    text = doc_text(x.span.doc)
    a, b = x.span.start_char, x.span.end_char
    if not inside_quotation(text, a):
        return False
    opening = max(text.rfind(m, max(0, a - 40), a) for m in _MARKS)
    closing = [k for k in (text.find(m, b, b + 40) for m in _MARKS) if k >= 0]
    if opening < 0 or not closing:
        return False
    name = text[opening + 1 : min(closing)]
    return len(name.split()) <= 4 and name[:1].isupper() and not text[b : min(closing)].strip(",.")


_NOUN_TAGS = {"NN", "NNP", "NNS", "NNPS"}
_DAY_WORDS = {
    "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip


def day_beside(span: Span) -> bool:
    """The clause of a date also has a day named by "yesterday", "today" or a weekday
    ("Yesterday, Ana Lind won the 2019 Lakeside Marathon": the year only names the race)."""
    verb = governing_verb(span.root)
    if verb is None:
        return False
    return any(
        t.lower_ in _DAY_WORDS and t.ent_type_ == "DATE" and t.i not in range(span.start, span.end)
        for t in verb.subtree
    )


def _counts_people(tok: Token, nxt: Token | None) -> bool:
    """ "2014 workers", "2,000 troops": a number counting a plural noun."""
    if tok.dep_ == "nummod" and tok.head.tag_ in {"NNS", "NNPS"}:
        return True
    return nxt is not None and nxt.tag_ in {"NNS"} and nxt.i == tok.head.i


# Happenings a year names that are themselves dated by it: "the 2020 presidential election"
# takes place in 2020, in a story of 2019 too (unlike "the 2031 World Cup" as a host's title).
_DATED_BY_ITS_YEAR = {"election", "elections", "census", "referendum", "primaries"}


def _names_a_dated_happening(tok: Token) -> bool:
    """The noun a year modifies, through the words of its name, is an election or a census."""
    head = tok
    for _ in range(5):
        if head.dep_ not in {"compound", "nummod", "amod", "nmod"} or head.head.i <= head.i:
            break
        head = head.head
        if head.lower_ in _DATED_BY_ITS_YEAR:
            return True
    return False


def _future_name(x: Match, tok: Token) -> bool:
    return (
        not _names_a_dated_happening(tok)
        and x.published is not None
        and int(x.m.group("y") or 0) > x.published.year
        and x.prev_word not in DATE_PREPS
        and tok.dep_ in {"compound", "nummod", "amod", "nmod"}
        and tok.head.i > tok.i
    )


def _possessed_year(x: Match, nxt: Token | None) -> bool:
    prev = x.prev
    return (
        prev is not None
        and (x.prev_word in _POSSESSORS or prev.tag_ == "POS")
        and 1900 <= int(x.m.group("y") or 0) <= 2099
        and nxt is not None
        and nxt.pos_ in {"NOUN", "PROPN", "ADJ"}
    )


def _quantity(tok: Token | None) -> bool:
    """An amount: "$100", "2,000", "40%", "five"."""
    if tok is None:
        return False
    return (
        any(c.isdigit() for c in tok.text)
        or tok.like_num
        or tok.ent_type_ in {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
    )


_RECORD_WORDS = {"first", "time", "record"}


def span_after_a_record(x: Match) -> bool | None:
    """ "will be eligible in 25 years" looks ahead; "the highest in 25 years" and "the first
    time in a decade" date nothing."""
    if x.kind != "ahead":
        return None
    doc = x.span.doc
    before = doc[max(0, x.span.start - 4) : x.span.start]
    if any(t.tag_ in {"JJS", "RBS"} or t.lower_ in _RECORD_WORDS for t in before):
        return False
    return not _tally_in_a_span(x.span.root)


_ORDINAL_WORDS = {
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
}


def _tally_in_a_span(root: Token) -> bool:
    """ "gathered eight million views in two days", "the fourth crash in a month", "one of
    the biggest rallies in a decade": the span a count or a rank was reached in (the noun
    the span belongs to, or the verb's object, has a number, an ordinal or a superlative),
    no time ahead ("was due to retire in two months" stays)."""
    head = root.head.head if root.dep_ == "pobj" else root.head
    nouns = [head] if head.pos_ in {"NOUN", "PROPN", "NUM"} else []
    nouns += [c for c in head.children if c.dep_ in {"dobj", "attr"}]
    for noun in nouns:
        if noun.lower_ == "one":  # "one of the biggest rallies"
            nouns += [g for c in noun.children if c.lower_ == "of" for g in c.children]
    return any(
        c.dep_ == "nummod" or c.tag_ == "JJS" or c.lower_ in _ORDINAL_WORDS
        for noun in nouns
        for c in noun.children
    )


def clock_word(x: Match) -> bool | None:
    """ "as of midnight", "by noon": a time of day after a preposition; "the midnight
    deadline", "a noon rally" describe a noun."""
    if x.kind != "clock" or x.text not in {"midnight", "noon"}:
        return None
    prev = x.prev
    if prev is not None and prev.lower_ == "of":  # "as of midnight", not "the stroke of midnight"
        return prev.i > 0 and prev.doc[prev.i - 1].lower_ == "as"
    return x.prev_word in DATE_PREPS and x.prev_word not in {"and", "to"}


def clock_in_a_name(x: Match) -> bool | None:
    """ "the Ineos 1:59 Challenge": a number inside a name, not a time of day."""
    if x.kind != "clock":
        return None
    doc, end = x.span.doc, x.span.end
    nxt = doc[end] if end < len(doc) else None
    if nxt is None or nxt.pos_ != "PROPN" or x.text.endswith(("m.", "am", "pm")):
        return None  # "8:30 p.m. BST": a time of day, then its time zone
    return None if nxt.text.isupper() and len(nxt.text) <= 4 else False


def anchor_word_describes_a_noun(x: Match) -> bool | None:
    """ "until his final years": the anchor's last word is an adjective of the noun after it
    ("final" is no match here), so the phrase names no happening, only a stretch of a life."""
    if x.kind != "anchor":
        return None
    last, doc = x.span[-1], x.span.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ != "NOUN" or last.head.i != nxt.i:
        return None
    return False if last.dep_ == "amod" and last.pos_ == "ADJ" else None


def anchor_is_a_clause(x: Match) -> bool | None:
    """ "since the protests began in June": the anchor noun is the subject of its own clause,
    whose date is the event's; "after the race" alone anchors. When that clause would take the
    sentence's only verb ("Fans still at the ground after the match left when police came",
    parsed with no verb outside "the match left"), the clause is one only if its verb tells
    the course of a happening ("before the outbreak began"); otherwise the subject is the
    sentence's and the anchor is a time of it."""
    if x.kind != "anchor":
        return None
    noun = x.span[-1]
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.i <= noun.i:
        return None
    if noun.sent.root.pos_ in {"VERB", "AUX"} or noun.head.lemma_.lower() in _COURSE_VERBS:
        return False
    return None


# Verbs of the course of a happening, whose subject is the happening ("the war ended").
_COURSE_VERBS = {
    "begin", "start", "end", "finish", "continue", "resume", "stop", "occur", "happen", "erupt",
    "hit", "strike", "break", "close", "open", "conclude", "last",
}  # fmt: skip


# Nouns of a stretch of time, not of a happening ("during the prolonged periods").
_STRETCH_NOUNS = {
    "period", "periods", "time", "times", "moment", "moments", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "hour", "hours", "life", "lifetime", "stretch", "spell",
}  # fmt: skip
_STRETCH_PREPS = {"during", "over", "throughout"}
_POINTING_BACK = {"these", "those"}
# Ordinals, which spaCy counts as like_num: "the first years" counts nothing.
_ORDINALS = frozenset({"first", *_ORDINAL_WORDS})


def anchor_on_a_stretch(x: Match) -> bool | None:
    """ "during the long dry periods", "over the course of his life", "during their final
    moments", "During the first years": a stretch of time with no happening named and no date,
    not a time of an event; "during these five weeks" points back at a stretch the story has
    dated, and stays (a count, not an ordinal, is what points back)."""
    if x.kind != "anchor" or x.span[-1].lower_ not in _STRETCH_NOUNS:
        return None
    words = {t.lower_ for t in x.span}
    counted = any(t.like_num and t.lower_ not in _ORDINALS for t in x.span)
    if not words & _STRETCH_PREPS or words & _POINTING_BACK or counted:
        return None
    return False


AcceptRule = Callable[[Match], "bool | None"]
ACCEPT_RULES: tuple[AcceptRule, ...] = (
    today_or_tonight,
    bare_month,
    modal_may,
    named_day,
    bare_weekday,
    recent_period,
    period_described,
    comparison,
    rate,
    vague_duration,
    long_duration,
    duration_after,
    numbered_thing,
    model_year,
    year_ending_a_name,
    amount_with_a_unit,
    approximate_count,
    year_number,
    span_after_a_record,
    anchor_word_describes_a_noun,
    anchor_on_a_stretch,
    anchor_is_a_clause,
    clock_word,
    clock_in_a_name,
)


def accepted(x: Match) -> bool:
    for rule in ACCEPT_RULES:
        verdict = rule(x)
        if verdict is not None:
            return verdict
    return True


# Words before a date that point ahead: "called elections for 14 November", "apply from January 1".
_AHEAD_UNLESS_PAST = {"for", "from", "until", "till", "by", "starting", "effective", "before"}


def scheduled_thing_done(prep: Token) -> bool:
    """ "Other races scheduled for Wednesday were still held": "for" under a participle
    describing the subject of a past verb; the thing scheduled has happened."""
    participle = prep.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return False
    thing = participle.head
    verb = governing_verb(thing)
    return verb is not None and thing.dep_ in _SUBJECTS and tense_of(verb) == "past"


_SUBJECTS = {"nsubj", "nsubjpass"}  # "dropped out ahead of the debate scheduled for ...": not done


def looks_ahead(kind: str, span: Span, tense: str) -> bool:
    """A day or month the sentence schedules: "for 14 November" or "for Friday" (whatever the
    verb's tense: the elections were called for a later day), "from January 1" or "by March"
    with a present or future verb. A month after "for" in the past tense stays in the past
    ("the wettest on record for March"); "jailed for Friday's attack" names the attack."""
    if kind not in {"dmy", "mdy", "month", "weekday"}:
        return False
    first = span[0]
    prev = span.doc[first.i - 1].lower_ if first.i > 0 else ""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return False
    if prev == "for" and kind != "month":
        return not scheduled_thing_done(span.doc[first.i - 1])
    if any(t.lower_ == "effective" for t in span.doc[max(0, first.i - 4) : first.i]):
        return True  # "an order issued, effective 1 p.m. on Sunday": in force later
    return prev in _AHEAD_UNLESS_PAST and tense != "past"
