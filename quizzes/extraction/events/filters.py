"""Filters of the events stage: a time expression that dates no happening is dropped.

``EXPRESSION_FILTERS`` run on the time expression before its clause is cut, ``CLAUSE_FILTERS``
on the clause; each returns True to drop it (see the package docstring for the cases).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..dates import TimeExpression, doc_text, inside_quotation, tense_of
from ..dates.patterns import PASSING_VERBS
from ..dates.tense import governing_verb
from ..geo import is_country
from ..sentences import dateline, doc_tokens, made_once
from ..text import paragraphs
from ..turns import spoken_by_paragraph
from .phrase import in_sent

_EXPLICIT_DATE = re.compile(
    r"\b(?:1[0-9]{3}|20[0-9]{2})(?:s\b|\b)|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
)


def _quoted_fact(expr: TimeExpression) -> bool:
    """A date inside a quotation is an event only when it is a plain fact of the past with its
    own calendar date, decade or day and a subject other than the speaker or the one spoken to
    ("'The club signed him on 3 May 2019'", "'The town lost its mills in the 1980s'"); "five
    years ago", "over the last two decades", "until November" in a speaker's mouth are
    remarks, not dated events."""
    if not _EXPLICIT_DATE.search(expr.when) or tense_of(expr.span.root) != "past":
        return False
    verb = expr.span.root
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    # "'We signed it in 2015,' she said": the speaker's own account, not a fact the article states
    return bool(subjects) and not any(c.lower_ in _SPEAKER_PRONOUNS for c in subjects)


_DAY_WORD = re.compile(
    r"^(?:today|yesterday|tonight|last night|(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.I,
)


# Verbs that state an amount or a state, not a happening ("were employed", "was worth", "earn").
STATIVE_VERBS = {
    "be", "employ", "earn", "cost", "total", "number", "account", "remain", "stand", "average",
    "represent", "amount", "have", "own", "count",
}  # fmt: skip
# Verbs that are themselves an amount of change ("income has tripled since 2018"); "demand has
# grown since 2010" (no amount) stays a dated trend.
CHANGE_VERBS = {"double", "triple", "treble", "quadruple", "halve", "multiply"}
# Verbs that measure a quantity ("output fell 2%", "produced 1.8 million vehicles", "2,100
# patients waited"): with a figure, over a period coarser than a day, they report a statistic.
MEASURE_VERBS = {
    "rise", "fall", "grow", "shrink", "increase", "decrease", "decline", "drop", "climb", "jump",
    "surge", "slump", "plunge", "soar", "slip", "dip", "gain", "produce", "export", "import",
    "sell", "ship", "generate", "post", "record", "reach", "wait", "attract", "receive",
    "contract", "expand", "lose", "spend", "consume", "register", "handle", "log", "rose",
    "fell", "grew",
}  # fmt: skip
# Verbs that are a deal of one agent ("the company had shipped 2,000 panels in May", "he had
# sold 400 ewes last month"): a statistic only when a country or an economy does them.
TRANSACTION_VERBS = {"sell", "ship", "export", "import", "produce", "spend", "handle", "receive"}
_AGGREGATE_NOUNS = {
    "country", "nation", "economy", "industry", "sector", "region", "state", "province",
    "market", "world", "farmers", "firms", "companies", "producers", "exporters", "factories",
}  # fmt: skip


def _aggregate_subject(verb: Token) -> bool:
    """ "Thailand produced 1.8 million vehicles", "the sector exported ...": a country or an
    economy as the subject makes a transaction verb a statistic."""
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return (
                c.ent_type_ in {"GPE", "LOC", "NORP"}
                or c.lower_ in _AGGREGATE_NOUNS
                or is_country(c.text)  # the small model tags some countries ORG
            )
    return True  # no subject: "exports rose", a figure on its own


DAY_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD_WHEN = re.compile(
    r"^(?:since|over|during|throughout|in the (?:past|last)|the (?:past|last)|for|every|each)\b",
    re.I,
)
# A figure read at one moment ("as of Tuesday", "As of this writing"): a dated state.
_SNAPSHOT_WHEN = re.compile(r"^as\s+of\b", re.I)
_AMOUNT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "acomp", "oprd", "pobj"}


_YEAR_LIKE = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})(?:[–-](?:[0-9]{2}|1[0-9]{3}|20[0-9]{2}))?$")
_RANK_WORDS = {"number", "no", "no.", "#", "rank", "ranked", "seed", "seeded"}


def _figure(t: Token) -> bool:
    """An amount written with digits or as money/percent ("2.1%", "$1.8bn", "1,750"); not a
    year ("1980–1987") nor a number inside a compound modifier ("a 25-room home")."""
    if t.is_punct or _YEAR_LIKE.match(t.text) or _in_compound_modifier(t):
        return False
    if t.i > 0 and t.doc[t.i - 1].lower_ in _RANK_WORDS:
        return False  # "reached a career high of number 16": a rank, not an amount
    return t.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"} or (
        (t.ent_type_ == "CARDINAL" or t.pos_ == "NUM")
        and t.ent_type_ != "DATE"
        and any(c.isdigit() for c in t.text)
    )


def _in_compound_modifier(t: Token) -> bool:
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].is_alpha


def _snapshot(expr: TimeExpression) -> bool:
    """ "As of Tuesday", "as of 2020" (the words before the expression too)."""
    start = expr.span.start
    before = expr.span.doc[max(0, start - 2) : start].text
    return bool(_SNAPSHOT_WHEN.match(expr.when) or _SNAPSHOT_WHEN.match(before))


def _in_relative_clauses(verb: Token) -> set[int]:
    """ "during the storm which cut power to 9,000 homes": a figure of a relative clause tells
    about its noun, not the verb's amount."""
    return {t.i for d in verb.subtree if d.dep_ == "relcl" and d.i != verb.i for t in d.subtree}


def _statistic(expr: TimeExpression, sent: Span) -> bool:
    """An amount over a period or a state, not a happening at a time: a state verb with an
    amount ("30,000 workers were employed in the mines last year", "trade was worth $1.8bn"),
    or a period ("since 2018", "over the following year") of a changing or counted amount
    ("income has tripled since 2018", "infected more than 2,300 people over the next
    year"). "Since 2018" is a baseline: it would date the change to 2018, when it did not
    happen. "The economy grew 3.4% last year" (a change at a time), "demand has grown since
    2010" (a trend with no amount) and "over the past decade, prices have doubled" (a change
    within the period, with no false date) stay events."""
    verb = expr.span.root
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or not in_sent(verb, sent):
        return False
    inside = {t.i for t in expr.span} | _in_relative_clauses(verb)
    amount = any(
        t.i not in inside and _figure(t)
        for child in verb.children
        if child.dep_ in _AMOUNT_DEPS or child.dep_ == "prep"
        for t in child.subtree
        if not t.is_punct
    )
    lemma = verb.lemma_.lower()
    period = (
        bool(_PERIOD_WHEN.match(expr.when))
        or expr.when.lower().startswith("the following")
        and expr.span.root.head.lower_ in {"over", "during", "throughout"}
    )
    if lemma in STATIVE_VERBS and amount and not _snapshot(expr):
        return True  # "As of Monday, a ticket was worth $5": a figure read at a moment stays
    since = expr.when.lower().startswith("since")
    measured = any(
        t.i not in inside and _figure(t)
        for child in verb.children
        if child.dep_ in _AMOUNT_DEPS - {"pobj"}
        or (child.dep_ == "prep" and child.lower_ in {"to", "by"})  # "rose to $4bn", "fell by 2%"
        for t in child.subtree
    )  # not a price: "a house was sold last week for 2 million euros" is a sale
    day = bool(expr.date and DAY_DATE.match(expr.date)) or bool(_DAY_WORD.search(expr.when))
    if (
        measured
        and not day
        and (lemma in MEASURE_VERBS or verb.lower_ in MEASURE_VERBS)
        and (lemma not in TRANSACTION_VERBS or _aggregate_subject(verb))
    ):
        # "Output fell 2% last year", "Thailand produced 1.8 million vehicles last year": a
        # measured figure for a period; "shares fell 12% on Tuesday" (a day) stays an event
        return True
    return period and (amount or (lemma in CHANGE_VERBS and since))


# Replies that did not happen are not events.
_NO_COMMENT = re.compile(
    r"\b(?:(?:did not|didn't|could not|couldn't|has not|hasn't|had not|not) (?:immediately )?"
    r"(?:respond|reply|return|comment|be reached)|declined to comment|no immediate comment"
    r"|request for comment)",
    re.I,
)


# ============================================================================ the registries
# Nouns whose "is" gives a date: "The hearing date is July 16", "the deadline is Friday".
_DATE_NOUNS = {"date", "deadline", "day", "hearing", "trial", "vote", "election", "launch"}


def date_is_topic(expr: TimeExpression, sent: Span) -> bool:
    """ "The next day was quiet", "2022 was hard": the date is the topic, not a time; "The
    court date is July 16" gives the date of the thing its subject names, and "Sunday was
    the 40th anniversary of the treaty" dates the occasion it names."""
    root = expr.span.root
    if root.dep_ == "attr" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in _DATE_NOUNS
        for c in root.head.children
    ):
        return False
    if root.dep_ == "nsubj" and (_names_an_occasion(root.head) or passing_time(root.head)):
        return False
    if root.dep_ == "attr" and clause_a_time_noun_names(root.head) is not None:
        return False
    return root.dep_ in {"nsubj", "nsubjpass", "attr"}


# Nouns a relative clause makes the time of a happening ("the last time I played").
_TIME_NOUNS = {"time", "day", "year", "month", "week"}


def clause_a_time_noun_names(verb: Token) -> Token | None:
    """ "The last time I played for the club was 2015", "The day the bridge opened was a
    Sunday": the verb of the relative clause of a time noun that is the subject of "be",
    whose date "be" gives; None for "The next day was quiet" (no clause)."""
    if verb.lemma_ != "be":
        return None
    for subject in verb.children:
        if subject.dep_ == "nsubj" and subject.lemma_.lower() in _TIME_NOUNS:
            return next((c for c in subject.children if c.dep_ == "relcl"), None)
    return None


def passing_time(verb: Token) -> bool:
    """ "As March came to a close, the lead narrowed": a period as the subject of an "as"
    clause of its passing is the time of the main clause, not a topic."""
    return verb.lemma_.lower() in PASSING_VERBS and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


# Nouns of an occasion a day is ("Sunday was the 40th anniversary of ...").
_OCCASION_NOUNS = {"anniversary", "birthday", "holiday", "centenary", "centennial", "jubilee"}


def _names_an_occasion(verb: Token) -> bool:
    """ "was the 40th anniversary of X": "be" with an occasion noun as its attribute."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lemma_.lower() in _OCCASION_NOUNS for c in verb.children
    )


def dateline_date(expr: TimeExpression, sent: Span) -> bool:
    """ "LAGOS, March 12 (Reuters) -": when the story was filed, not an event."""
    found = dateline(sent)
    return found is not None and all(t.idx < found.end_char for t in expr.span)


def quoted_remark(expr: TimeExpression, sent: Span) -> bool:
    """ "'Five years ago, nobody came,' she said": a speaker's remark, not a fact the article
    states. Real reporting dates events in quotations too ("'we won the final today'"), so a
    remark is kept, marked by its rule (``REMARK_SUFFIX``), and calibrated apart."""
    return inside_quotation(doc_text(sent.doc), expr.span.start_char) and not _quoted_fact(expr)


REMARK_SUFFIX = ".quoted"


# Times with no calendar date of their own: spans, anchors, parts of a day.
_SPAN_KINDS = {"duration", "within", "coming", "recent", "every"}


def quoted_span_remark(expr: TimeExpression, sent: Span) -> bool:
    """ "'We have the right to strike back for the last five years,' he said", "'It is the
    largest church for many centuries'": a span of time in a speaker's present or future
    tense is a remark, not an event; a past one is reported ("'The charity has been helped
    for the last 27 years'", "'he orchestrated attacks over the last months'")."""
    return (
        expr.date is None
        and expr.kind in _SPAN_KINDS
        and tense_of(expr.span.root) != "past"
        and inside_quotation(doc_text(sent.doc), expr.span.start_char)
    )


# Times told only against the speaker's own story: "since then", "at the time", "to date".
_VAGUE_ANCHOR = re.compile(r"(?i)(?:since\s+then|at\s+the\s+time|to\s+date)$")


def quoted_vague_anchor(expr: TimeExpression, sent: Span) -> bool:
    """ "'Since then, we have opened three shops,' she said": a speaker's "since then" or "at
    the time" points at a time only the speaker's story holds, with no date to resolve; the
    same words in the article's own narration ("Since then, the council has ...") stay."""
    return (
        expr.kind == "anchor"
        and expr.date is None
        and bool(_VAGUE_ANCHOR.match(expr.when.strip()))
        and inside_quotation(doc_text(sent.doc), expr.span.start_char)
    )


# A possibility ("might not get it back for weeks") or a duty ("has to be completed in three
# months", "were tasked to report within two weeks").
_POSSIBLE = {"might", "may", "could", "must"}
_DUTY_HEADS = {"have", "task", "require", "oblige", "need"}
_AHEAD_SPANS = {"duration", "within", "ahead", "coming"}


def _verb_chain(verb: Token) -> list[Token]:
    """The children of a verb and of the verbs it completes ("might stay cut off")."""
    out = list(verb.children)
    while verb.dep_ in {"xcomp", "acomp", "oprd"} and verb.head.i != verb.i:
        verb = verb.head
        out += verb.children
    return out


def span_not_lived(expr: TimeExpression, sent: Span) -> bool:
    """ "Residents might go without power for weeks", "The board has to rule within a month":
    a span of a possibility or of a duty set for later is a forecast or a deadline, not a
    time something happened; "the board ruled within a month" stays."""
    if expr.kind not in _AHEAD_SPANS or expr.date is not None:
        return False
    verb = governing_verb(expr.span.root)
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in _verb_chain(verb)):
        return True
    return (
        expr.kind != "duration"
        and verb.dep_ in {"xcomp", "advcl"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_.lower() in _DUTY_HEADS
    )


def statistic(expr: TimeExpression, sent: Span) -> bool:
    """ "30,000 workers were employed over the following year": an amount over a period, not a
    happening. A figure with a date of its own ("Output fell 2% in 2018", "the outbreak has
    infected 4,200 people since October") is a dated fact: real reporting's gold counts it;
    a change since a baseline ("income has doubled since 2017") did not happen then. A span of
    hours or minutes is no period of a statistic: "Within the first two hours, 9,000 homes
    lost power" tells what a happening did."""
    if expr.date is not None and not _over_a_period(expr) and not _baseline_change(expr):
        return False
    return not _SHORT_SPAN.search(expr.when) and _statistic(expr, sent)


_SHORT_SPAN = re.compile(r"\b(?:hours?|minutes?|seconds?)\b", re.I)


def _over_a_period(expr: TimeExpression) -> bool:
    """ "over the following year", "during 2018", "throughout May": a stretch, not a point."""
    head = expr.span.root.head.lower_
    return expr.when.lower().startswith(("over", "during", "throughout")) or head in {
        "over",
        "during",
        "throughout",
    }


def _baseline_change(expr: TimeExpression) -> bool:
    """ "income has tripled since 2018": the change is measured from the date."""
    verb = governing_verb(expr.span.root)
    return (
        verb is not None
        and verb.lemma_.lower() in CHANGE_VERBS
        and expr.when.lower().startswith("since")
    )


_NOW_THAN = re.compile(r"\b(?:now|today)\b[^,;:.]*\bthan\s+$", re.I)


def compared_with_now(expr: TimeExpression, sent: Span) -> bool:
    """ "voters who felt better off now than four years ago": the date is what "now" is set
    against, no time anything happened; "turnout was higher than last year" (no "now")
    stays, as the gold counts last year's figure."""
    text = doc_text(sent.doc)
    return _NOW_THAN.search(text, sent.start_char, expr.start_char) is not None


def no_words(event: str, expr: TimeExpression) -> bool:
    """A bare date ("2014" as a heading) dates nothing."""
    return not any(c.isalpha() for c in event)


_FUNCTION_WORDS = {
    "in", "on", "at", "of", "the", "a", "an", "to", "for", "by", "with", "from", "and", "or",
    "it", "this", "that", "there",
}  # fmt: skip


def only_function_words(event: str, expr: TimeExpression) -> bool:
    """ "in the" (a clause cut from an editor's bracket "[in the]"): nothing is dated."""
    words = re.findall(r"[A-Za-z]+", event)
    return bool(words) and all(w.lower() in _FUNCTION_WORDS for w in words)


_STAND_IN = re.compile(r"^(?:i|we|you|he|she|they|it)\s+(?:did|do|does)$", re.I)


def a_verb_standing_in(event: str, expr: TimeExpression) -> bool:
    """ "We hope to win twelve, as we did in 2019": "we did" stands in for a verb told before;
    the clause names no happening a reader could be asked about."""
    return bool(_STAND_IN.match(event.strip()))


def no_comment(event: str, expr: TimeExpression) -> bool:
    """ "did not reply to requests for comment on Friday": nothing happened; "as of Friday, the
    office had not responded" is where things stood that day (a state, dated)."""
    return bool(_NO_COMMENT.search(event)) and not _AS_OF.match(expr.when)


_AS_OF = re.compile(r"^(?i:as\s+of)\b")


def in_headline(expr: TimeExpression, sent: Span) -> bool:
    """ "Mayor Lind resigns after 12 years in office" over a story that tells it: a headline
    restates the story's news in the present, with the story's times; the body dates the
    event (the first line of an article with more lines, with no full stop at its end)."""
    text = doc_text(sent.doc)
    first_break = text.find("\n")
    if first_break < 0 or expr.start_char >= first_break or not text[first_break:].strip():
        return False
    return not text[:first_break].rstrip().endswith((".", "!", "?", '"', "\u201d"))


# Pronouns of a speaker and the one spoken to: a reporter's narration seldom speaks of them.
_SPEAKER_PRONOUNS = {"i", "we", "you"}


def interview_turn(expr: TimeExpression, sent: Span) -> bool:
    """ "Q: Given that your figures are from 2009, do you ...? A: We used the 2009 survey
    because ...": in an interview (a paragraph of the article's own words, outside quotation
    marks, asks "you" a question), a paragraph whose own words have "I", "we" or "you" as a
    subject is a question or an answer; the years of the data and methods it talks about,
    its habits ("we band chicks each year", "they call in the morning") and the "today" it
    talks from ("does it still hold today?") are no happenings. What the speaker tells of
    the past ("I joined the office in March of 2011", "Today I took the pilots out on the
    tug") or plans ("I will hand over in June") is an event, as a report's would be."""
    return in_an_interview_turn(expr, sent) and (
        _a_habit(expr) or _the_day_talked_from(expr) or _date_of_data(expr)
    )


# Kinds of time an interviewee tells of their own life by, with no date of the calendar:
# an age ("at the age of 19"), a time of day ("at 1 pm"), a length ("for about a week").
_OWN_ACCOUNT_KINDS = {"age", "clock", "duration"}


def own_account_in_answer(expr: TimeExpression, sent: Span) -> bool:
    """ "I moved to Lima at the age of 19", "the games start at 1 pm", "I went away for about
    a week": in an interview's answer, times told by an age, a clock or a length date
    nothing a reader could place on the calendar. (A vague count from now, "in a few
    months", stays: the dev set's gold keeps one and drops another.)"""
    # in_a_spoken_turn without its fallback, which is the first test again
    return expr.kind in _OWN_ACCOUNT_KINDS and (
        in_an_interview_turn(expr, sent)
        or any(a <= expr.start_char < b for a, b in _spoken_paragraphs(sent.doc))
    )


def _a_habit(expr: TimeExpression) -> bool:
    """ "we band chicks each year", "they sing in the morning": a time that comes back."""
    return expr.kind == "every" or (
        expr.kind == "partofday" and tense_of(expr.span.root) == "present"
    )


_MODALS = {"can", "could", "may", "might", "should", "would", "must"}


def _the_day_talked_from(expr: TimeExpression) -> bool:
    """ "do you think it still holds today?", "can they be applied today?": the present of a
    turn, not a day's happening ("Today I took the staff out" is one)."""
    if expr.when.lower() != "today":
        return False
    verb = governing_verb(expr.span.root)
    modal = verb is not None and any(c.lower_ in _MODALS for c in verb.children)
    return modal or tense_of(expr.span.root) == "present"


# Nouns of the data and methods an interview talks about ("the 2009 figures").
_DATA_NOUNS = {
    "data", "datum", "dataset", "figure", "survey", "statistic", "result", "analysis", "sample",
    "census", "estimate", "proxy",
}  # fmt: skip
_CLIMB_DEPS = {"prep", "pobj", "compound", "nummod", "amod", "npadvmod", "acl", "dobj"}


def _date_of_data(expr: TimeExpression) -> bool:
    """ "the 2009 figures", "a sample averaged over 2012-2014", "the survey is from 2009", "we
    used the figures from 2009", "access to data from 2009": a year the data is of ("from"
    it, "over" it, or naming it) and a noun of data the date hangs from (through phrases and
    participles), or the subject or object of its verb, or a noun one preposition below that
    object. "We collected samples in 2019" is a happening."""
    if expr.kind not in _YEAR_KINDS or not _covered_by_data(expr):
        return False
    tok = expr.span.root
    for _ in range(6):
        if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        if _data(tok):
            return True
    verb = governing_verb(expr.span.root)
    if verb is None:
        return False
    args = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}]
    below = [g for a in args for p in a.children if p.dep_ == "prep" for g in p.children]
    return any(_data(t) for t in args + below)


_YEAR_KINDS = {"year", "range", "decade"}
_DATA_PREPS = {"from", "over"}


def _covered_by_data(expr: TimeExpression) -> bool:
    """ "from 2009", "over the years 2012-2014", "the 2009 figures": how data names its years."""
    first = expr.span[0]
    if first.lower_ in _DATA_PREPS:
        return True
    before = first.nbor(-1) if first.i > 0 else None
    if before is not None and before.lower_ == "the":  # "over the years 2012-2014"
        before = before.nbor(-1) if before.i > 0 else None
    return (before is not None and before.lower_ in _DATA_PREPS) or expr.span.root.dep_ in {
        "compound",
        "nummod",
        "amod",
    }


def _data(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _DATA_NOUNS


def in_an_interview_turn(expr: TimeExpression, sent: Span) -> bool:
    """The expression is in a paragraph of an interview (the article's own words ask "you" a
    question) whose own words have "I", "we" or "you" as a subject."""
    text = doc_text(sent.doc)
    subjects = _unquoted_speaker_subjects(sent.doc)
    if not any(t.lower_ == "you" and _paragraph(text, t.idx).endswith("?") for t in subjects):
        return False
    here = _paragraph(text, expr.start_char)
    return any(_paragraph(text, t.idx) == here for t in subjects)


_VOTE_NOUNS = {"election", "primary", "referendum", "caucus", "runoff", "vote"}


def names_a_vote(expr: TimeExpression) -> bool:
    """ "How many votes do you expect in the 2020 election?": a year naming a vote names a
    happening, not data an interview talks about."""
    root = expr.span.root
    return (
        expr.kind == "year"
        and root.dep_ in {"nummod", "compound", "amod"}
        and root.head.lemma_.lower() in _VOTE_NOUNS
    )


def _paragraph(text: str, pos: int) -> str:
    """The line of ``pos``, stripped."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : len(text) if end < 0 else end].strip()


def _unquoted_speaker_subjects(doc: Doc) -> tuple[Token, ...]:
    """ "I", "we" and "you" as subjects outside quotation marks (found once per doc: every
    time expression asks)."""
    made: tuple[Token, ...] = made_once(
        doc, "_unquoted_speaker_subjects", lambda: tuple(_speaker_subjects(doc))
    )
    return made


def _speaker_subjects(doc: Doc) -> list[Token]:
    text = doc_text(doc)
    return [
        t
        for t in doc_tokens(doc)
        if t.lower_ in _SPEAKER_PRONOUNS
        and t.dep_ in {"nsubj", "nsubjpass"}
        and not inside_quotation(text, t.idx)
    ]


def in_a_spoken_turn(expr: TimeExpression, sent: Span) -> bool:
    """The expression is in a question or an answer of an interview. In a transcript that
    labels its speakers ("((WN)) How were the last months?", "((Ana Roe)) Hard."), the turns
    are the labelled paragraphs and those an answer goes on in (``turns.spoken_by_paragraph``),
    and the reporter's narration around them is none, whoever "we" are in it; in an
    interview written without labels, a paragraph whose own words have "I", "we" or "you" as
    a subject is one (``in_an_interview_turn``)."""
    spans = _spoken_paragraphs(sent.doc)
    if not spans:
        return in_an_interview_turn(expr, sent)
    return any(a <= expr.start_char < b for a, b in spans)


# An anchor pointing at the talk itself or at a moment only the speaker's story holds:
# "this interview", "that time", "this talk".
_THIS_OR_THAT_ANCHOR = re.compile(
    r"(?i)^(?:during|after|before|since|until|following|at|throughout)\s+(?:this|that|these|those)\b"
)


def vague_anchor_in_a_turn(expr: TimeExpression, sent: Span) -> bool:
    """ "((Ana Roe)) At the time, nobody would hire me", "Since then, we get condoms free",
    "I have to call her after this interview", "during this talk I said it twice": in an
    interview's turn, "since then", "at the time" or an anchor to "this" or "that" moment
    point at a time only the speaker's story (or the talk itself) holds, with no date to
    resolve; the reporter's "Since then, the council has ..." and an answer's anchor to a
    named happening ("during the 2016 campaign") stay."""
    if expr.kind != "anchor" or expr.date is not None:
        return False
    when = expr.when.strip()
    vague = bool(_VAGUE_ANCHOR.match(when) or _THIS_OR_THAT_ANCHOR.match(when))
    return vague and in_a_spoken_turn(expr, sent)


_OTHER_DAY_WORD = re.compile(r"(?i)\b(?:today|tomorrow|yesterday|the\s+other\s+day)\b")


def days_side_by_side_in_a_turn(expr: TimeExpression, sent: Span) -> bool:
    """ "((Ana Roe)) I took my pills on alternate days: the one I took today, I would skip
    tomorrow", "they stared at me both today and the other day": in an interview's turn, a
    day word set against another in the same sentence shows how any two days went, not
    the day of a happening; one day word alone ("Yesterday I signed the lease") stays."""
    if expr.kind != "dayword" or not in_a_spoken_turn(expr, sent):
        return False
    text = doc_text(sent.doc)
    rest = text[sent.start_char : expr.start_char] + " " + text[expr.end_char : sent.end_char]
    return bool(_OTHER_DAY_WORD.search(rest))


def _spoken_paragraphs(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start, end) of every spoken paragraph of a transcript (found once per doc)."""

    def make() -> tuple[tuple[int, int], ...]:
        text = doc_text(doc)
        paras = paragraphs(text)
        spoken = spoken_by_paragraph(text, paras)
        return tuple((p.start, p.end) for p, s in zip(paras, spoken, strict=True) if s)

    made: tuple[tuple[int, int], ...] = made_once(doc, "_spoken_paragraphs", make)
    return made


# Times of the speaker's own story: a part of a day ("in the evening"), a span counted from
# when the interview was held ("the last three months", "in about 2 days", "in the coming
# weeks"), a step of the story with no date ("the next day", "the third day").
_TIME_OF_DAY_KINDS = {"partofday"}
_FROM_THE_SPEAKING_KINDS = {"recent", "ahead", "coming"}
_STORY_STEP_KINDS = {"anaphoric", "ordinal"}
# A span back that names an age of history, not a stretch of the speaker's life.
_AGE_OF_HISTORY = re.compile(r"\b(?:centur(?:y|ies)|millenni(?:um|a))\b", re.I)
# Steps of a story told day by day ("the next day", "that evening", "a few days later").
_DAY_STEP = re.compile(r"\b(?:days?|mornings?|afternoons?|evenings?|nights?)\b", re.I)


def time_of_day_in_a_turn(expr: TimeExpression, sent: Span) -> bool:
    """ "((Ana Roe)) Her husband came in the evening, and I left in the morning": a part of a
    day in an interview's turn is a step of the speaker's own story or routine, on no day a
    reader could name; "Protesters gathered in the evening" in the reporter's narration
    stays (its day is the story's)."""
    return expr.kind in _TIME_OF_DAY_KINDS and in_a_spoken_turn(expr, sent)


def span_from_the_speaking(expr: TimeExpression, sent: Span) -> bool:
    """ "((WN)) What changed for you over the last three months?", "((Ana Roe)) He is back in
    about 2 days", "We expect news in the coming weeks": a span counted from the day the
    interview was held dates nothing the article places: the talk is not the publication
    ("the last century", an age of history, stays)."""
    return (
        expr.kind in _FROM_THE_SPEAKING_KINDS
        and not _AGE_OF_HISTORY.search(expr.when)
        and in_a_spoken_turn(expr, sent)
    )


def story_step_in_a_turn(expr: TimeExpression, sent: Span) -> bool:
    """ "((Ana Roe)) They kept me one day and fired me the next day", "A few days later she
    moved", "The third day I used the old one": a day of the speaker's story counted from
    another one, with no date the story gives, places nothing on the calendar; "That night"
    after "on March 3" (dated by it), a longer step from a happening the answer names ("We
    launched it; the first user came six months after") and the same words in the
    reporter's narration stay."""
    return (
        expr.kind in _STORY_STEP_KINDS
        and expr.date is None
        and bool(_DAY_STEP.search(expr.when))
        and in_a_spoken_turn(expr, sent)
    )


_AT_THE_TIME = re.compile(r"^(?i:at)\s+the\s+time$")


def background_at_the_time(expr: TimeExpression, sent: Span) -> bool:
    """ "At the time, she had lived there for years", "At the time, there were four people on
    board", "The office did not say at the time": "at the time" of a state already under way
    (the pluperfect), of what there was, or of what was not done, is background to the
    happening told before, not an event of its own; "At the time, the council closed the
    road" stays."""
    if not _AT_THE_TIME.match(expr.when):
        return False
    verb = governing_verb(expr.span.root)
    if verb is None:
        return False
    verbs = [verb, *(v for v in verb.ancestors if v.pos_ in {"VERB", "AUX"})]
    return any(
        c.dep_ in {"neg", "expl"} or (c.dep_ == "aux" and c.lower_ in {"had", "'d"})
        for v in verbs
        for c in v.children
    )


# Verbs whose object is a thing to come ("promised protests every week").
_PROMISE_VERBS = {"promise", "pledge", "vow", "plan", "intend", "threaten", "propose"}


def promised_frequency(expr: TimeExpression, sent: Span) -> bool:
    """ "She promised rallies every week until the law changed": a frequency of a promise or
    a plan is of what is promised, still to come, not a time the promise was made again and
    again ("she held rallies every week" stays)."""
    if expr.kind != "every":
        return False
    verb = governing_verb(expr.span.root)
    return verb is not None and verb.lemma_.lower() in _PROMISE_VERBS


def in_another_language(expr: TimeExpression, sent: Span) -> bool:
    """ "Spanish: Si el consejo lo aprueba, me quedaré hasta el 2024": a date in words of
    another language (a quotation or an answer given in the original after its translation)
    is the translated one told again: lower-case or caseless words ("quedaré", "के बाद से")
    with letters English does not write, and hardly any English function words ("the",
    "of", "will": about every third word of English), before the date or, when the
    original opens with it ("Hindi: 20 March को हम सब मिले थे और बात की"), after it."""
    doc = sent.doc
    before = doc[max(sent.start, expr.span.start - 12) : expr.span.start]
    after = doc[expr.span.end : min(sent.end, expr.span.end + 12)]
    return _foreign_words(before) or _foreign_words(after)


def _foreign_words(tokens: Span) -> bool:
    """Six words or more, lower-case or of a script with no case (Devanagari's vowel signs
    are no letters to ``is_alpha``), few of them English function words, one at least
    with letters outside ASCII."""
    words = [
        t
        for t in tokens
        if any(c.isalpha() for c in t.text)
        and not any(c.isdigit() for c in t.text)
        and (t.is_lower or t.text.lower() == t.text.upper())
    ]
    return (
        len(words) >= 6
        and sum(t.is_stop for t in words) * 6 < len(words)
        and any(not t.is_ascii for t in words)
    )


_THIS_PERIOD = re.compile(r"^this\s+(?:week|month|year|edition|issue)$", re.I)


def own_issue(expr: TimeExpression, sent: Span) -> bool:
    """ "This month's round-up features three interviews": "this month's" owning the subject
    of a verb in the plain present (no auxiliary) tells what the article itself holds, the
    issue it belongs to, not a happening of that month ("This month's vote was delayed",
    "This week's summit will open" and "this year's count is low" stay)."""
    span = expr.span
    doc = span.doc
    if not _THIS_PERIOD.match(expr.when) or span.end >= len(doc):
        return False
    if doc[span.end].tag_ != "POS":
        return False
    verb = governing_verb(span.root)
    return (
        verb is not None
        and verb.tag_ in {"VBZ", "VBP"}
        and verb.lemma_ != "be"  # "this year's count is a reprieve": a state of this year
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


ExpressionFilter = Callable[[TimeExpression, Span], bool]
EXPRESSION_FILTERS: tuple[ExpressionFilter, ...] = (
    in_headline,
    in_another_language,
    interview_turn,
    own_account_in_answer,
    time_of_day_in_a_turn,
    span_from_the_speaking,
    story_step_in_a_turn,
    vague_anchor_in_a_turn,
    days_side_by_side_in_a_turn,
    date_is_topic,
    own_issue,
    background_at_the_time,
    promised_frequency,
    dateline_date,
    quoted_span_remark,
    quoted_vague_anchor,
    span_not_lived,
    statistic,
    compared_with_now,
)
ClauseFilter = Callable[[str, TimeExpression], bool]
CLAUSE_FILTERS: tuple[ClauseFilter, ...] = (
    no_words,
    only_function_words,
    a_verb_standing_in,
    no_comment,
)
