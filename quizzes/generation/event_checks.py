"""Which dated events may be asked "when?", go into a timeline or a dated
true/false statement: those with a resolved date and a clean clause.

Each rule is a small function taking a DatedFact and returning why the event is
not clean (or None), registered in order in EVENT_RULES. `event_problem` runs
them; `date_resolution` writes how the date was worked out, for explanations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from quizzes.extraction.lexicon import KIN_NOUNS, OFFICE_TITLES, PERSON_ROLE_NOUNS
from quizzes.extraction.text import regex

from .context import _ROUGH_PRECISION, DatedFact, iso_week_span
from .dates import MONTHS, WEEKDAYS
from .text import find_word, plain, unbalanced_mark
from .wording import (
    _ADVERBS,
    _PREPOSITION_WORDS,
    _STOP_AUX,
    EVENT_NOUNS,
    MODALS,
    ClauseParts,
    _passive_by,
    _tables,
    clause_parts,
    past_to_base,
    strip_time,
)


def unbalanced_marks(dated: DatedFact) -> str | None:
    """ "the Harbour Authority ) closed …": a clause cut inside
    brackets or quotation marks reads as garbage."""
    marks = unbalanced_mark(dated.event.event or "")
    return f"unbalanced {marks}" if marks else None


def stray_punctuation(dated: DatedFact) -> str | None:
    """ "… in Arequipa : "AX-3" is to replace": a colon, semicolon or a space
    before punctuation means two sentences were glued into one clause."""
    clause = plain(dated.event.event or "")
    if re.search(r"[:;]|\s[,.)\]]|[(\[]\s|\w-(?:\s|$)", clause):
        return "stray punctuation in the clause"
    return None


_FUNCTION_WORDS = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "that", "which", "who", "whereby", "as", "than", "his", "its", "their",
}  # fmt: skip


# "… reported that the new strain may": a modal or an auxiliary whose verb was cut off.
_AUXILIARIES = {
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "do", "does", "did", *MODALS,
}  # fmt: skip


def dangling_end(dated: DatedFact) -> str | None:
    """ "… and a separate report published by a team from": a clause ending on a
    preposition, article or conjunction was cut in the middle; so was one ending on a
    modal or an auxiliary ("… found that the strain may")."""
    words = plain(strip_time(dated.event.event, dated.event.when)).split()
    last = words[-1].casefold().strip(",;:") if words else ""
    if last in _FUNCTION_WORDS or last in _AUXILIARIES or last.endswith("-"):
        return f"the clause ends on “{last}”"
    return None


_COMPLEMENTISERS = {
    "whereby", "whether", "which", "who", "whom", "because", "although", "though", "while",
    "unless", "when", "where", "that", "so",
}  # fmt: skip


def unfinished_clause(dated: DatedFact) -> str | None:
    """ "revealed a deal whereby, on May 2, the state firm Vega": a clause
    opened by "whereby", "that", "because" … has no verb of its own."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    rest = [w.strip(",;:") for w in parts.rest]
    for i, word in enumerate(rest):
        if word.casefold() in _COMPLEMENTISERS:
            tail = rest[i + 1 :]
            if not any(_is_other_verb(w) or w.casefold().endswith("ing") for w in tail):
                return f"nothing happens after “{word}”"
    return None


# "announced the new region, to be called X, would govern itself": the predicate follows
_MODALS = {"would", "will", "could", "can", "might", "should", "must"}


def clause_cut_short(dated: DatedFact) -> str | None:
    """ "the suspects were caught after one of their neighbours" when the sentence
    goes on ", aged 70, phoned …": the clause stops before its own verb."""
    words = plain(strip_time(dated.event.event, dated.event.when)).split()
    evidence = plain(dated.event.evidence)
    tail_words = " ".join(words[-3:]).rstrip(".!?")
    end = _find(evidence, tail_words) if tail_words else None
    if end is None:
        return None
    tail = evidence[end.end() :]
    inserted = re.match(r"^\s*,[^,;:]{0,40},", tail)
    tail = tail[inserted.end() :] if inserted else tail  # ", aged 70," describes what came before
    following = [t for t in _TOKEN.findall(tail)[:4] if t not in {",", ";", ":"}]
    if inserted and _infinitive(following):
        # "X invited Y, then ill, to appear on …": what Y was invited to do is cut off.
        return "the clause stops before its infinitive"
    point = _point_cut_off(dated, following, tail) or _subordinate_verb_cut_off(dated, tail)
    if point:
        return point
    if following and following[0].casefold() in {"and", "but", "or", "then"}:
        return None  # "won the race and broke the record": a second verb of its own
    if (
        not inserted
        and tail.lstrip().startswith(",")
        and len(following) > 1
        and following[1].casefold() in {"to", "by", "as", "of", "in", "at", "with"}
        and past_to_base(following[0].casefold()) is not None
    ):
        return None  # "shot by a prisoner, suspected to be X": describes the last noun
    if following and any(_is_other_verb(t) and t.casefold() not in _STOP_AUX for t in following):
        return "the clause stops before the sentence's verb"
    if following and following[0].casefold() in {"is", "are", "was", "were", *_MODALS}:
        # "a judge ruled the practice of X, is unconstitutional": the clause is only
        # the subject of what the judge ruled; the ruling itself is cut off.
        return "the clause stops before its predicate"
    return None


# "the first state to …", "the youngest player ever to …": a rank whose point follows.
_RANK = re.compile(r"^(?:first|second|third|last|only|next|\w{3,}est)$", re.I)
_NOT_RANKS = {"interest", "forest", "protest", "request", "arrest", "contest", "west", "test"}


def _point_cut_off(dated: DatedFact, following: list[str], tail: str) -> str | None:
    """ "Nevada became the first state in the country" when the sentence goes on "to
    begin a session in which …": the rank's point is cut off, and the question asks
    something else (false, or trivial). "The party withdrew" before "from using X as its
    candidate", "the council agreed" before "to …": the verb's complement is cut off."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0 or not following:
        return None
    rest = [w.strip(",;:").casefold() for w in parts.rest]
    _, index, _, _ = _tables()
    verb_next = len(following) > 1 and following[1].islower()
    to_verb = verb_next and following[0].casefold() == "to" and following[1] in index
    if to_verb and any(_RANK.match(w) and w not in _NOT_RANKS for w in rest if w):
        return "the clause stops before its point (the first … to do what?)"
    straight_on = not re.match(r"\s*[,;:]", tail)
    if (
        straight_on
        and all(_continues_verb_group(w) for w in rest if w)
        and _is_gerund(following[0])
    ):
        # "Attendees were sent" before "running for cover": "When were the attendees sent?"
        return "the clause stops before its verb's complement"
    if rest or not verb_next:
        return None
    stem = following[1][:-3]
    gerund = following[1].endswith("ing") and any(c in index for c in (stem, stem + "e"))
    if _infinitive(following) or (following[0].casefold() == "from" and gerund):
        return "the clause stops before its verb's complement"
    return None


_CLAUSE_OPENERS = {"after", "before", "until", "because", "since", "once"}
_RELATIVES = {"who", "which", "that", "where", "when", "whom", "whose", "as"}


def _subordinate_verb_cut_off(dated: DatedFact, tail: str) -> str | None:
    """ "X was discharged after images of him in uniform" when the sentence goes on
    "… while at a protest were published": the clause opened by "after" has its verb
    past the clause's end, so the question asks about a cut sentence (blind judge,
    batch 38). Only a finite verb before the next comma or relative word counts."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    rest = [w.strip(",;:").casefold() for w in parts.rest]
    opened = [i for i, w in enumerate(rest) if w in _CLAUSE_OPENERS]
    if not opened or any(_is_other_verb(w) for w in rest[opened[-1] + 1 :]):
        return None
    for token in _TOKEN.findall(tail):
        if token in {",", ";", ":"} or token.casefold() in _RELATIVES:
            return None
        if token.casefold() in {"was", "were", "is", "are", "had", "has", "have"}:
            return f"the clause opened by “{rest[opened[-1]]}” stops before its verb"
    return None


def _infinitive(tokens: list[str]) -> bool:
    """ "to appear", not "to court" (a noun) nor "to Paris"."""
    if len(tokens) < 2 or tokens[0].casefold() != "to" or tokens[1][:1].isupper():
        return False
    _, index, _, nouns = _tables()
    word = tokens[1].casefold()
    return word in {"be", "have"} or (word in index and word not in nouns)


_INSERTION_MARKS = {",", "—", "–", "(", ")"}


def _word_list(text: str) -> list[str]:
    """Words (casefolded) and the marks that enclose insertions: , — – ( )."""
    return [w.casefold() for w in re.findall(r"[\w’'-]*\w|[,—–()]", plain(text).replace("’", "'"))]


def _skippable(gap: list[str]) -> bool:
    """Words of the sentence a clause may leave out: up to two, or an insertion
    between commas, dashes or brackets ("Ruiz, the mayor of …, opened")."""
    words = [w for w in gap if w not in _INSERTION_MARKS]
    if gap and gap[0] in _INSERTION_MARKS and gap[-1] in _INSERTION_MARKS:
        return True
    # "made her last movie and … hosted": a left-out "and" joins two clauses.
    return len(words) <= 2 and not {"and", "but", "or", "then"} & set(words)


# "at roughly 2am": a word before the time expression that goes with it
_ROUGHLY = {"roughly", "about", "around", "approximately", "shortly"}


def _without_time(sentence: list[str], written: str) -> list[str]:
    """The sentence's words without its time expression, the preposition and a word
    like "roughly" before it ("at about 3am local time (0200 UTC) on Friday")."""
    # brackets kept: "3am local time (0200 UTC) on Friday" is written with them
    when = [w for w in _word_list(written) if w not in {",", "—", "–"}]
    for i in range(len(sentence) - len(when) + 1):
        if when and sentence[i : i + len(when)] == when:
            start = i - 1 if i and sentence[i - 1] in _ROUGHLY else i
            if start and sentence[start - 1] in {"in", "on", "at", "during", "by"}:
                start -= 1
            return sentence[:start] + sentence[i + len(when) :]
    return sentence


def stitched_clause(dated: DatedFact) -> str | None:
    """ "the singer made her last record hosted a show" from "the singer made her last
    record in 1971 and, short of money, hosted a show": a clause whose words do not run
    on in the sentence (once the time expression is taken out) joins two clauses."""
    clause = [
        w
        for w in _word_list(strip_time(dated.event.event, dated.event.when))
        if w not in _INSERTION_MARKS and w not in WEEKDAYS
    ]
    sentence = _without_time(_word_list(dated.event.evidence), dated.event.when or "")
    if len(clause) < 3 or not sentence:
        return None
    sentence = [w for w in sentence if w not in WEEKDAYS]
    starts = [i for i, w in enumerate(sentence) if w == clause[0]]
    if not starts:
        return None  # the extractor rephrased: nothing to check against
    for start in starts:
        if _runs_on(clause, sentence, start):
            return None
    if not all(w in sentence for w in clause):
        return None
    return "the clause joins words the sentence keeps apart"


def _runs_on(clause: list[str], sentence: list[str], start: int) -> bool:
    """Do the clause's words follow one another in the sentence from `start`,
    leaving out only what _skippable allows?"""
    at = start
    for word in clause[1:]:
        try:
            nxt = sentence.index(word, at + 1)
        except ValueError:
            return False
        if not _skippable(sentence[at + 1 : nxt]):
            return False
        at = nxt
    return True


_NOT_A_YEAR = re.compile(r"(?:\b(?:no|nr|number|decree|resolution|law)\.?\s*|#)$", re.I)


def number_not_a_year(dated: DatedFact) -> str | None:
    """ "order no. 1744/2031": a number, not the year 1744."""
    when = plain(dated.event.when or "")
    if not re.fullmatch(r"(?:in\s+)?\d{4}", when, re.I):
        return None
    evidence = plain(dated.event.evidence)
    for match in regex(rf"(?<!\w){re.escape(when.split()[-1])}(?!\w)").finditer(evidence):
        before, after = evidence[: match.start()], evidence[match.end() :]
        if _NOT_A_YEAR.search(before) or re.match(r"[/-]\d", after) or re.search(r"\d/$", before):
            return "a number, not a year"
    return None


# The word or dash that joins the two ends of a span ("2009 to 2017", "1998–2003").
_SPAN_JOINER = r"(?i:to|until|till|through|and|[-–—])"
_RANGE_AFTER = regex(rf"^\s*{_SPAN_JOINER}\s*(?:\w+\s+)?(?:1\d{{3}}|20\d{{2}})\b")
_JOINED = regex(rf"^\s*{_SPAN_JOINER}")
# "between January 2016 and December 2019", "2009 to 2017": the time read is a span.
_RANGE_INSIDE = regex(
    rf"\b(?:1\d{{3}}|20\d{{2}}|{'|'.join(MONTHS)})\s*,?\s*{_SPAN_JOINER}\s*"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{'|'.join(MONTHS)})\s+(?:\d{{1,2}},?\s+)?)?(?:1\d{{3}}|20\d{{2}})\b"
)


def date_range(dated: DatedFact) -> str | None:
    """ "mayor of Paris from 1977 to 1995", "between 2010 and 2014", "1998–2003": the
    first year of a span is not when the event happened (the later years are right too);
    a time read as the span whole ("from 2003 to 2009") is no date of the act either."""
    if _RANGE_INSIDE.search(plain(dated.event.when or "")):
        return "a span of time, not one date"
    evidence = plain(dated.event.evidence)
    when = re.sub(r"^(?:in|on|at|during|from)\s+", "", plain(dated.event.when or ""), flags=re.I)
    time = _find(evidence, when) if when else None
    if time is None:
        return None
    before = evidence[: time.start()]
    after = evidence[time.end() :]
    opened = re.search(r"\b(?:from|between)\s+$", before)
    if _RANGE_AFTER.match(after) or opened:
        # "from 2019 on", no joiner after it: a start, asked as such
        return "a span of time, not one date" if not opened or _JOINED.match(after) else None
    if re.search(r"(?:1\d{3}|20\d{2})\s*(?:[-–—]|to|until)\s*$", before):
        return "a span of time, not one date"  # "1977–1995" with the second year read
    if _DATE_AND.search(before) and not re.match(r"\d{1,2}\b", when):
        return "one of two dates (“the 2008 and 2012 campaigns”), not the date"
    if _DAY_RANGE_AFTER.match(evidence[time.end() :]) and re.search(r"\b\d{1,2}$", when):
        return "two days, not one date"  # "on March 3 and 4": the first day is half the answer
    if re.match(r"\d{1,2}\b", when) and re.search(r"\b\d{1,2}\s*(?:and|to|[-–—])\s*$", before):
        return "two days, not one date"  # "on 3 and 4 March" with the second day read
    return None


# "the 2008 and 2012 campaigns", "in January and February": the date read is the
# second of two the clause gives one action (blind judge, batch 38).
_DATE_AND = regex(rf"\b(?:1\d{{3}}|20\d{{2}}|{'|'.join(MONTHS)})\s*(?:,|and|or|&)\s*$")
_DATED_PHRASE = regex(
    rf"\b(?i:in|on|during)\s+(?:(?:{'|'.join(MONTHS)})\s+(?:\d{{1,2}},?\s+)?)?"
    rf"(?:1\d{{3}}|20\d{{2}})\b"
)


def another_dated_action(dated: DatedFact) -> str | None:
    """ "X ran for Congress in 2010 in New Mexico and for the Senate in Arizona in 2018",
    dated 2010: the question keeps the other action's "in 2018" ("In what year did X run
    for Congress … and for the Senate in Arizona in 2018?"), two actions and a second
    date in one prompt (blind judge, batch 38)."""
    evidence = plain(dated.event.evidence)
    when = plain(dated.event.when or "")
    time = _find(evidence, when) if when else None
    clause = strip_time(dated.event.event, dated.event.when)
    if time is None or not _DATED_PHRASE.search(clause):
        return None
    for other in _DATED_PHRASE.finditer(evidence):
        if time.start() <= other.start() < time.end():
            continue  # the event's own time
        after = other.start() >= time.end()
        lo, hi = (time.end(), other.start()) if after else (other.end(), time.start())
        if re.search(r"\band\b", evidence[lo:hi]):
            return "a second action with its own date joined by “and”"
    return None


# Before a date that ends a period or gives a thing its (new) day, beyond the "to", "until"
# and "till" _date_of_a_thing_or_source reads: "closed the quay through May 15",
# "rescheduled the vote for June 2".
_END_OR_NEW_DAY = re.compile(
    r"\b(?:through|into)\s+$"
    r"|\b(?:(?:re)?scheduled|postponed|moved|delayed|pushed|called|set|slated|planned|booked)"
    r"\b(?:\s+[\w’'-]+){0,5}\s+for\s+$",
    re.I,
)


def an_end_or_a_new_day(dated: DatedFact) -> str | None:
    """ "The mayor closed the quay through May 15", "Ana Ruiz rescheduled the vote for June
    2": the date ends a period or is the thing's new day; the act came before it, so "When did
    Ana Ruiz reschedule the vote?" would key a day that was not the act's (blind judges,
    batches 40 and 41). Nor is it asked "Until when …?" (no question the rubric keeps)."""
    when = plain(dated.event.when or "")
    evidence = plain(dated.event.evidence)
    time = _find(evidence, when) if when else None
    if time is not None and _END_OR_NEW_DAY.search(evidence[: time.start()][-80:]):
        return "the end of a period or a thing's new day, not when the act happened"
    return None


_DAY_RANGE_AFTER = re.compile(
    r"^\s*(?:and|to|through|[-–—])\s*\d{1,2}(?:st|nd|rd|th)?"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:in|at|of|the|a|when|as|while|to|for|with)\b)",
    re.I,
)
_DURATION = re.compile(
    r"\bfor\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|"
    r"[a-z]+-[a-z]+)\s+(?:more\s+)?(?:years|decades|decade)\b",
    re.I,
)
_PENALTY = re.compile(r"\b(?:sentenc\w*|prison|jail\w*|imprison\w*|ban\w*|suspend\w*)\b", re.I)


def a_duration(dated: DatedFact) -> str | None:
    """ "she worked for his office for 23 years", with the date its start: "In what year
    did she work … for 23 years?" asks a year of a stretch of time. A penalty's length
    ("sentenced to prison for 40 years") is no stretch of the event."""
    clause = strip_time(dated.event.event, dated.event.when)
    if _DURATION.search(clause) and not _PENALTY.search(clause):
        return "a stretch of time, not one date"
    return None


# "made several controversial statements", "made a couple of gaffes": acts done again and
# again; the month the article gives is one of many, and a "false" date is likely true too.
_REPEATED_ACT = re.compile(
    r"\b(?:make|makes|made|making)\s+(?:several|a\s+couple\s+of|a\s+few|a\s+number\s+of|"
    r"many|numerous|various|multiple|countless)\s+(?:[a-z-]+\s+)?[a-z]+s\b",
    re.I,
)


def a_repeated_act(dated: DatedFact) -> str | None:
    """ "Ruiz made a couple of gaffes in May": many acts over the month, no one date to
    ask ("made several arrests on Monday" is that day's). Only "make": after most verbs
    the count is the size of one act ("the blast injured several guards", "the court
    freed a few prisoners"), while things "made" are made one by one."""
    if dated.when.granularity != "day" and _REPEATED_ACT.search(
        strip_time(dated.event.event, dated.event.when)
    ):
        return "acts done many times, not one event"
    return None


_STATE_WORDS = _ADVERBS | {"long", "not"}


def a_state_not_an_event(dated: DatedFact) -> str | None:
    """ "Chirac was mayor of Paris", "X was also an outspoken opponent of the war",
    "the building was home to 1,000 people": "was" with no participle describes a
    state that lasted, not an event with a date ("was born", "was elected" are events)."""
    parts = _parts(dated)
    if parts is None or parts.verb.strip(",;:").casefold() not in {"was", "were"}:
        return None
    rest = [w.strip(",;:") for w in parts.rest[:4]]
    rest = [w for w in rest if w.casefold() not in _STATE_WORDS and not _ADVERB.search(w)]
    if rest and (_is_other_verb(rest[0]) or _is_gerund(rest[0])):
        return None
    return "a state, not an event"


def no_subject_and_verb(dated: DatedFact) -> str | None:
    """ "Both received fines", "the rules also name X as …": no
    named subject before a past-tense verb (nor an event's name) to ask about."""
    if _parts(dated) is None:
        return "no subject and past-tense verb"
    return None


def planned_date(dated: DatedFact) -> str | None:
    """ "elections planned for February 2024": the date of a plan, not of
    something that happened."""
    return "a planned date" if dated.planned else None


_SUBORDINATE = {
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "after",
    "before", "since", "until", "if", "although", "though", "whether",
}  # fmt: skip
_PREPOSITIONS = {
    "of", "for", "after", "before", "by", "in", "on", "with", "without", "from", "about",
    "against", "over", "into", "at",
}  # fmt: skip
_DETERMINERS = {
    "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "my", "whose",
}  # fmt: skip
_ADVERB = re.compile(r"ly$")
_TOKEN = re.compile(r"[\w’'-]+|[,;:]")


def _is_gerund(word: str) -> bool:
    w = word.casefold()
    if not w.endswith("ing") or len(w) < 6 or word[:1].isupper():
        return False
    _, index, _, _ = _tables()
    stem = w[:-3]
    return any(c in index for c in (stem, stem + "e", stem[:-1] if len(stem) > 3 else stem))


def _is_other_verb(word: str) -> bool:
    """A past form or an auxiliary that starts another clause ("closed", "would")."""
    if word[:1].isupper():
        return False
    w = word.casefold()
    return w in _STOP_AUX or w in {"was", "were"} or past_to_base(w) is not None


def _starts_infinitive(tokens: list[str], i: int) -> bool:
    """ "to build": token i is "to" and a lower-case verb follows it."""
    if tokens[i].casefold() != "to" or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    _, index, _, _ = _tables()
    return not following[:1].isupper() and following.casefold() in index


def _between_is_clean(tokens: list[str]) -> bool:
    """The words between the main verb and the time expression keep the date on
    that verb: "was reportedly left waiting two hours for a talk with …" yes;
    "convicted of robbing …", "said the plant closed …", "agreed to build …",
    "… , becoming …" no."""
    chain = True  # still in the verb group: adverbs, participles, a gerund right after
    previous = ""
    for i, token in enumerate(tokens):
        w = token.casefold()
        if token in {";", ":"}:
            return False
        if token == ",":
            chain, previous = False, token
            continue
        if w in _SUBORDINATE:
            return False
        if chain and _continues_verb_group(token):
            previous = w
            continue  # "was left", "left waiting", "was reportedly left"
        chain = False
        if _starts_another_verb(tokens, i, previous):
            return False
        previous = w
    return True


# "was first confirmed on …", "was last included in …": adverbs without -ly.
_VERB_GROUP_ADVERBS = {"once", "also", "then", "not", "never", "first", "last", "again", "later"}


def _continues_verb_group(token: str) -> bool:
    """An adverb, a participle or a gerund right after the main verb."""
    w = token.casefold()
    if _ADVERB.search(w) or w in _VERB_GROUP_ADVERBS:
        return True
    return (_is_other_verb(token) or _is_gerund(token)) and w not in _STOP_AUX


def _starts_another_verb(tokens: list[str], i: int, previous: str) -> bool:
    """Token i, past the verb group, is a verb of its own, which the date may belong to."""
    token = tokens[i]
    if _is_gerund(token) and previous not in _DETERMINERS:
        return True  # "of robbing", ", becoming"
    if _is_other_verb(token) and previous not in _DETERMINERS:
        return True  # "an estimated 1.15%": a participle after a determiner describes
    return _starts_infinitive(tokens, i)  # "agreed to build … in 2025": the date of the building


@dataclass(frozen=True)
class _Span:
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _find(text: str, needle: str, start: int = 0) -> _Span | None:
    """Where `needle` stands as a whole word in `text` (any case), from `start`."""
    found = find_word(text, needle, start)
    return _Span(*found) if found else None


def date_of_another_clause(dated: DatedFact) -> str | None:
    """ "convicted on Monday of robbing a bank in 2016": 2016 is the date of the
    robbery, not of the verdict; only the time expression that goes with the
    main verb (or leads the sentence) dates the event."""
    parts = _parts(dated)
    if parts is None:
        return None
    evidence = plain(dated.event.evidence)
    when = plain(dated.event.when or "")
    time = _find(evidence, when) if when else None
    if time is None:
        return "time expression not found in the sentence"
    reason = _date_of_a_thing_or_source(
        _TOKEN.findall(evidence[: time.start()]), when
    ) or _year_before_a_noun(evidence, time, when)
    if reason is not None:
        return reason
    subject = " ".join(parts.subject[:2]).rstrip(",")
    at_subject = _find(evidence, subject)
    if at_subject is None:
        return None  # the extractor rephrased the clause: nothing to check against
    if parts.verb_index < 0:
        return _date_away_from_the_name(evidence, parts, at_subject, time)
    verb = _find(evidence, parts.verb.strip(",;:"), at_subject.start())
    if verb is None:
        return None
    if time.start() > verb.end() and re.match(r"['’]s\b", evidence[time.end() :]):
        # "reported Friday's vote": the object's date ("Friday's bid failed" is the verb's)
        return "the date is a thing's (“Friday's vote”), not the main verb's"
    return _date_of_another_verb(evidence, at_subject, verb, time)


def _year_before_a_noun(evidence: str, time: _Span, when: str) -> str | None:
    """ "Hawkins selected 2016 Socialist Party nominee Walker to be his running mate":
    a bare year right after a verb and before a word is the nominee's year, not the
    selection's (blind judge, batch 39: keyed 2016, picked in 2020)."""
    if not re.fullmatch(r"\d{4}", when):
        return None
    before = _TOKEN.findall(evidence[: time.start()])[-1:]
    after = _TOKEN.findall(evidence[time.end() :])[:1]
    describes = (
        bool(before and after)
        and before[0].islower()
        and before[0] not in _PREPOSITION_WORDS | _TIME_LEAD_WORDS | {"since", "until", "by", "of"}
        and after[0] not in {",", ";", ":"}
        and (past_to_base(before[0]) is not None or _is_other_verb(before[0]))
    )
    return (
        "the year describes a noun (“selected 2016 nominee X”), not the event"
        if describes
        else None
    )


_FINITE_AFTER = _STOP_AUX - {"be", "been"} | {"was", "were"}


def _verb_of_its_own(evidence: str, time: _Span) -> bool:
    """ "X commented the president's tweets Monday are likely …", "X said Friday would be
    his last day": past the main verb, an auxiliary right after the date makes what
    stands before it (the date included) the subject of a reported clause; the date
    is that clause's, not the main verb's (blind judge, batch 27)."""
    following = _TOKEN.findall(evidence[time.end() :])[:1]
    return bool(following) and following[0] in _FINITE_AFTER


# "… from a stroke on Monday": after one of these and a noun of something that happens,
# the date may be the noun's (the stroke's) rather than the main verb's.
_CAUSE_PREPOSITIONS = {"from", "after", "following", "since", "over", "by"}
_CAUSE_NOUNS = EVENT_NOUNS | {
    "stroke", "fall", "injury", "injuries", "illness", "accident", "surgery", "operation",
    "infection", "overdose", "incident", "assault", "collision", "blast",
}  # fmt: skip
_TIME_PREPOSITIONS = {"on", "in", "at", "during", "early", "late"}


def date_of_a_cause(dated: DatedFact) -> str | None:
    """ "The family put the fall down to a seizure after a long flight on Friday": past
    the main verb, a date right after "from/after/following (a) <something that
    happens>" may be that thing's date (the flight's), not the verb's; which one, the
    sentence does not say, so no question is asked."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    evidence = plain(dated.event.evidence)
    when = plain(dated.event.when or "")
    time = _find(evidence, when) if when else None
    verb = _find(evidence, parts.verb.strip(",;:"))
    if time is None or verb is None or time.start() < verb.end():
        return None
    before = [t.casefold() for t in _TOKEN.findall(evidence[verb.end() : time.start()])]
    while before and before[-1] in _TIME_PREPOSITIONS:
        before.pop()
    if not before or before[-1] not in _CAUSE_NOUNS:
        return None
    for width in (2, 3, 4):
        if (
            len(before) > width
            and before[-width - 1] in _CAUSE_PREPOSITIONS
            and "," not in before[-width:]
        ):
            return f"the date may be the {before[-1]}'s, not the main verb's"
    return None


# "officials think the fire started …": a verb of thinking or saying inside the subject
# means the verb found is the reported clause's. Forms that also modify a noun ("an
# estimated 500", "the suspected gunman", "a well known singer") and nouns ("the
# suspects", "fears", "claims") are left out.
_REPORTING_WORDS = {
    "believe", "believes", "believed", "think", "thinks", "say", "says", "said", "feel",
    "feels", "claimed", "hoped", "expects", "insist", "insists", "insisted", "argue", "argues",
    "argued", "warned", "know", "knew",
}  # fmt: skip


def verb_of_a_reported_clause(dated: DatedFact) -> str | None:
    """ "Officials said on Friday they think the fire started in a kitchen" read with
    "started" as the verb: "When did officials think the fire start …?" asks neither
    when they said it nor when it started. A reporting verb inside the subject makes
    no question."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    for word in parts.subject[1:]:
        if word.strip(",;:") in _REPORTING_WORDS:
            return f"“{word}” reports the clause whose verb is asked"
    return None


# "a conspiracy theory suggesting X was involved in …", "alleging that X took …": a claim
# the article reports, not a fact it states (blind-judge rubric: the answer is right).
_CLAIM_BEFORE = re.compile(
    r"\b(?:suggesting|claiming|alleging|asserting|insisting|theory|theories|claims?|"
    r"allegations?|rumou?rs?|accusations?)\s+(?:that\s+)?$",
    re.I,
)


def a_reported_claim(dated: DatedFact) -> str | None:
    """ "promoted a theory suggesting Ed Varga was involved in a death in 2001": the
    clause is someone's claim; a "when" question or a timeline would state it as a fact."""
    parts = _parts(dated)
    if parts is None or not parts.subject:
        return None
    evidence = plain(dated.event.evidence)
    at_subject = _find(evidence, " ".join(parts.subject[:2]).rstrip(","))
    if at_subject is not None and _CLAIM_BEFORE.search(evidence[: at_subject.start()]):
        return "the clause is a claim the article reports, not a fact it states"
    return None


_NOT_A_NOUN = {
    "and", "but", "or", "then", "also", "that", "when", "as", "after", "before", "since",
    "until", "because", "if", "while", "where", "whereas", "though", "although", "now",
    "today", "yesterday", "tonight", "meanwhile", "however", "later", "earlier", "again",
    "first", "instead", "so", "once", "here", "there", "still", "thus", "too", "despite",
    "amid", "without", "like", "unlike", "including", "toward", "towards", "around", "behind",
    "beyond", "near", "across", "along", "upon", "onto", "inside", "outside", "off", "out",
    "up", "down", "than", "except", "besides", "beside", "throughout", "regarding", "plus",
    "not", "even", "just", "only", "ago",
}  # fmt: skip


_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "ee", "ess")


def a_role(word: str) -> bool:
    """ "chancellor Ana Ruiz", "motorcyclist X": a role before a name, not a noun
    that a relative clause describes (nor a thing: "project", "plant")."""
    return (
        word in OFFICE_TITLES
        or word in PERSON_ROLE_NOUNS
        or word in KIN_NOUNS
        or word.endswith(_ROLE_ENDINGS)
    )


def contact_relative_clause(dated: DatedFact) -> str | None:
    """ "… sued over the levy Mayor X imposed in May so she could pay …": a named
    subject right after a noun, with no "which" or "that", opens a relative clause of
    that noun, whose object is the noun itself; "When did the council impose so it
    could pay …?" has lost it."""
    clause = plain(strip_time(dated.event.event, dated.event.when)).split()
    if len(clause) < 2 or not clause[0][:1].isupper():
        return None
    evidence = plain(dated.event.evidence)
    at = _find(evidence, " ".join(clause[:2]))
    if at is None:
        return None
    lead = evidence[: at.start()]
    when = plain(dated.event.when or "")
    if when and lead.rstrip(" ,").casefold().endswith(when.casefold()):
        return None  # "Last year US President X …": the time expression, not a noun
    before = _TOKEN.findall(lead)
    last = before[-1] if before else ""
    if (
        last.isalpha()
        and last.islower()
        and last not in _NOT_A_NOUN
        and last not in _FUNCTION_WORDS
        and last not in _COMPLEMENTISERS
        and not last.endswith("ly")
        and not a_role(last)
        and not _is_other_verb(last)
        and not _is_gerund(last)
        and last not in _PHRASE_PREPOSITIONS
    ):
        return f"the clause is a relative clause of “{last}”"
    return None


_PHRASE_PREPOSITIONS = {
    "in", "on", "at", "of", "by", "from", "with", "into", "for", "to", "about", "under", "over",
    "through", "during", "against", "among", "between", "within", "via", "per",
}  # fmt: skip


def starts_inside_a_phrase(dated: DatedFact) -> str | None:
    """ "In a paper released in the Journal of Lake Studies on Friday, biologists
    reported …" read as "the Journal of Lake Studies, biologists reported": a clause
    whose first word follows a preposition in the sentence starts inside a phrase
    (its lead-in lost), and its subject is no subject."""
    clause = plain(strip_time(dated.event.event, dated.event.when)).split()
    if not clause:
        return None
    evidence = plain(dated.event.evidence)
    at = _find(evidence, " ".join(clause[:3]))
    if at is None:
        return None
    before = _TOKEN.findall(evidence[: at.start()])
    parts = _parts(dated)
    # "… in a crash which killed X" read as "a crash killed X" is whole: only words
    # before the verb that run on past a comma into another noun phrase are a cut phrase.
    if parts is None or parts.verb not in clause:
        return None
    if not any(w.endswith(",") for w in clause[: clause.index(parts.verb)]):
        return None
    if before and before[-1].casefold() in _PHRASE_PREPOSITIONS:
        return f"the clause starts inside a phrase (after “{before[-1]}”)"
    return None


def _date_of_a_thing_or_source(before_time: list[str], when: str = "") -> str | None:
    """ "a March 2019 report", "according to the ministry's 2020 figures", "the overall
    2030 target": the words before the time expression make it a thing's date or the
    source's."""
    if before_time and before_time[-1].casefold() in _DETERMINERS | {"of"}:
        return "the date names a thing (“a March 2019 report”), not when the event happened"
    if (
        re.fullmatch(r"\d{4}", when)
        and len(before_time) >= 2
        and before_time[-2].casefold() in _DETERMINERS
        and before_time[-1].isalpha()
        and before_time[-1].islower()
        and before_time[-1] not in _PREPOSITION_WORDS
    ):
        return "the date names a thing (“the overall 2030 target”), not when the event happened"
    if before_time and before_time[-1].casefold() in {"to", "until", "till"}:
        # "rescheduled the primaries to June 2", "extended the lockdown to May 1": the
        # new date or the end, not when it was done (blind judges, batches 40 and 41)
        return "the date is what the action moves or runs to, not when it was done"
    if any(t.casefold() == "according" for t in before_time[-6:]):
        return "the date is the source's"
    lead = [t.casefold() for t in before_time]
    while lead and lead[-1] in _TIME_LEAD_WORDS:
        lead.pop()
    if lead and lead[-1] in _TAKES_A_DATE:
        return f"the date is what “{lead[-1]}” takes (when it takes effect), not the event's"
    return None


# "announced her retirement effective next Friday, May 7": the date is when the
# resignation takes effect, not when it was announced (blind judge, batch 26).
_TAKES_A_DATE = {
    "effective", "retroactive", "retroactively", "valid", "starting", "beginning",
    "commencing", "expiring", "due",
}  # fmt: skip
_TIME_LEAD_WORDS = {"from", "as", "of", "on", "in", "at", "next", "this", "coming", "the"}


def _date_away_from_the_name(
    evidence: str, parts: ClauseParts, at_subject: _Span, time: _Span
) -> str | None:
    """An event named without a verb ("the opening of the bridge"): a date after it
    dates it only when at most two words stand between them."""
    anchor_end = at_subject.end() + len(" ".join(parts.words[2:]))
    between = evidence[anchor_end : time.start()] if time.start() >= anchor_end else ""
    if time.start() >= anchor_end and len(_TOKEN.findall(between)) > 2:
        return "the date is not next to the event's name"
    return None


def _date_of_another_verb(evidence: str, at_subject: _Span, verb: _Span, time: _Span) -> str | None:
    """Where the time expression stands against the subject and the main verb: before
    the subject it must lead the sentence, between them it must not sit in a phrase
    about the subject, after the verb only words that keep the date on it come between."""
    if time.end() <= at_subject.start():
        if _inside_a_leading_clause(_TOKEN.findall(evidence[: time.start()])):
            return "the date is of a leading clause's own verb (“Despite winning in March, X …”)"
        return _leading_time_of_another_clause(evidence[time.end() : at_subject.start()])
    if time.end() <= verb.start():
        inside = _TOKEN.findall(evidence[at_subject.end() : time.start()])
        if any(t in {",", ";", ":"} or t.casefold() in _SUBORDINATE for t in inside):
            return "the date sits in a phrase about the subject"
        return None
    if _verb_of_its_own(evidence, time):
        return "the date sits in the reported clause (“said the tweets Monday are …”)"
    if not _between_is_clean(_TOKEN.findall(evidence[verb.end() : time.start()])):
        return "the date goes with another verb"
    return None


_LEADING_SUBORDINATORS = _SUBORDINATE | {"despite", "following", "upon", "once"}


def _inside_a_leading_clause(before_time: list[str]) -> bool:
    """ "Despite winning the primary in March, X lost the nomination in August": a time
    before the subject that follows a subordinator or a verb of its own dates that
    verb, not the main one (blind judge, batch 38: "When did X lose …?" keyed March)."""
    # "PBS revealed that in December, X accepted …": the clause "that" opens holds the event.
    opens = [i for i, t in enumerate(before_time) if t.casefold() in _OPENS_THE_EVENT]
    lead = before_time[opens[-1] + 1 :] if opens else before_time
    return bool(lead) and (
        lead[0].casefold() in _LEADING_SUBORDINATORS
        or any(_is_gerund(t) or _is_other_verb(t) for t in lead)
    )


_OPENS_THE_EVENT = {"that", "where", "which", "who", "whom", "whose", ";", ":"}


def _leading_time_of_another_clause(lead: str) -> str | None:
    """ "On Thursday, X …", "In May, in a now deleted post, X …": only commas and
    prepositional phrases between the leading time and the subject."""
    lead = re.sub(
        r",\s*(?:in|on|at|with|via|through|during|after|before|for)\b[^,;:]*,",
        ",",
        lead,
        flags=re.I,
    )
    # "On Wednesday in the state of X, Governor Y signed": a place or an occasion
    # right after the time, closed by a comma ("… in Paris, France, an IT worker …").
    place = re.match(r"\s*(?:in|at|during)\b[^;:]*?,(?=\s*[^,;:]*$)", lead, flags=re.I)
    if place is not None and _between_is_clean(_TOKEN.findall(place.group())[1:]):
        lead = lead[place.end() :]
    words = [t for t in _TOKEN.findall(lead) if t not in {",", ";", ":"}]
    if len(words) > 3 or any(w.casefold() in _SUBORDINATE or _is_other_verb(w) for w in words):
        return "a leading time expression of another clause"
    return None


def date_inside_quotation(dated: DatedFact) -> str | None:
    """ "“… the long trial that led to today,” her lawyer said": a time inside a
    quotation is the speaker's (their "today" need not be the publication date), and
    a clause cut from quoted words reads as garbage."""
    evidence = plain(dated.event.evidence)
    time = _find(evidence, plain(dated.event.when or ""))
    if time is not None and evidence[: time.start()].count('"') % 2:
        return "the date is inside a quotation"
    return None


_OBJECT_START = {
    "a", "an", "the", "his", "her", "their", "its", "our", "publicly", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
}  # fmt: skip


def participle_taken_for_the_verb(dated: DatedFact) -> str | None:
    """ "a user registered from Ireland shared a post", "an accident followed by a fire
    killed five people": the first past form describes the subject; the sentence's verb
    comes later ("When was a user registered from Ireland shared …?" is garbage)."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    raw, rest = parts.verb.strip(",;:"), [w.strip(",;:") for w in parts.rest]
    if not rest or not raw.casefold().endswith("ed"):
        return None
    if not (_passive_by(rest) or rest[0].casefold() in _PREPOSITION_WORDS | {"by"}):
        return None
    for i, word in enumerate(rest[1:], start=1):
        previous = rest[i - 1].casefold()
        if previous in {"and", "or", "but", "who", "which", "that"} or parts.rest[i - 1].endswith(
            ","
        ):
            continue
        following = rest[i + 1].casefold() if i + 1 < len(rest) else ""
        if _is_other_verb(word) and word.casefold() not in _STOP_AUX and following in _OBJECT_START:
            return f"“{raw}” describes the subject; the verb is “{word}”"
    return None


# Past participles never written as a simple past: "the ban begun in May ended …" has
# its verb later, and "begun" only describes the subject.
_PARTICIPLE_ONLY = {
    "begun", "taken", "given", "written", "broken", "chosen", "driven", "shown", "known",
    "seen", "done", "gone", "sworn", "drawn", "grown", "thrown", "stolen", "frozen", "spoken",
    "forgotten", "hidden", "risen", "fallen", "beaten", "eaten", "sung", "undertaken",
}  # fmt: skip


def participle_without_auxiliary(dated: DatedFact) -> str | None:
    """ "the state of emergency begun on May 3 over an outbreak ended …": a participle
    with no "was"/"has" before it is no verb, and the clause's verb comes later."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    if parts.verb.strip(",;:").casefold() in _PARTICIPLE_ONLY:
        return f"“{parts.verb}” describes the subject; it is not the verb"
    return None


def ongoing_action(dated: DatedFact) -> str | None:
    """ "the fundraiser was intending this year to raise money": something going on,
    not an event that has a date."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0 or not parts.rest:
        return None
    if parts.verb.strip(",;:").casefold() in {"was", "were"} and _is_gerund(parts.rest[0]):
        return "an ongoing action, not an event"
    return None


def relative_clause_left(dated: DatedFact) -> str | None:
    """ "the court issued an opinion on the suspension of Parliament which went into
    effect" (its own date cut away), "the suspension of Parliament, which went into
    effect" read as "Parliament went into effect": a relative clause after "X of Y"
    may belong to X or Y, and one left at the end of a clause dangles."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    rest = [w.casefold().strip(",;:") for w in parts.rest]
    for i, word in enumerate(rest[:-1]):
        if word in {"which", "who", "that"} and _is_other_verb(rest[i + 1]) and i >= len(rest) - 5:
            return "a relative clause left at the end"
    evidence = plain(dated.event.evidence)
    subject = " ".join(parts.subject)
    at = _find(evidence, subject)
    relative = regex(rf"{re.escape(subject)},?\s+(?:which|that|who)\b").search(evidence)
    if at is not None and relative and re.search(r"\bof\s*$", evidence[: at.start()]):
        return "the relative clause may belong to the noun before “of”"
    return None


# Verbs of a count or a lasting state, not of something that happens: "the six
# races represented 400 delegates", "the fleet numbered 12 ships", "the bill cost
# $4m" (blind judge, batch 35: "When did the races represent 400 delegates?").
_STATIVE_VERBS = {
    "represent", "total", "number", "include", "comprise", "consist", "cost", "weigh",
    "mean", "contain", "equal", "amount", "average", "outnumber", "measure", "span",
    "resemble", "belong", "own", "possess", "lack", "involve", "constitute", "encompass",
}  # fmt: skip
# A participle that describes a count ("were numbered at 400", "was totalled at …")
_COUNT_PARTICIPLES = {"numbered", "totalled", "totaled", "valued", "estimated", "put", "worth"}
_COUNT_WORD = re.compile(
    r"^(?:\d[\d,.]*%?|about|around|some|nearly|almost|over|more|less|fewer|roughly|"
    r"approximately|up|at|one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
    r"hundreds|thousands|millions)$",
    re.I,
)


def a_count_not_an_event(dated: DatedFact) -> str | None:
    """ "the six races represented 400 delegates", "the delegation included two
    ministers", "the repairs cost $4m", "the crowd was estimated at 5,000": a count or a
    state on a day (the answer to "how many?"), not an event with a date of its own."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    verb = parts.verb.strip(",;:").casefold()
    rest = [w.strip(",;:").casefold() for w in parts.rest]
    if verb in {"was", "were"} and rest and rest[0] in _COUNT_PARTICIPLES:
        if len(rest) > 1 and _COUNT_WORD.match(rest[1]):
            return f"“{verb} {rest[0]}” describes a count, not an event"
        return None
    base = past_to_base(verb) or (verb if verb == "cost" else None)
    if base in _STATIVE_VERBS:
        return f"“{verb}” tells a count or a state, not an event"
    return None


_OBJECT_PREPOSITIONS = {
    "from", "of", "by", "with", "against", "to", "for", "about", "than", "like", "toward",
    "towards", "among", "between", "under", "behind", "without",
}  # fmt: skip


def subject_of_a_preposition(dated: DatedFact) -> str | None:
    """ "groups claiming the vote was stolen from President X gathered on Saturday"
    read as "President X gathered": a subject that follows a preposition and runs on
    into the verb is that preposition's object; the verb's own subject is the noun
    phrase further back (blind judge, batch 34). "… in a crash which killed X" (a
    relative pronoun between) is read right and not touched."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0 or not parts.subject:
        return None
    evidence = plain(dated.event.evidence)
    subject = " ".join(w.strip(",") for w in parts.subject)
    at = _find(evidence, f"{subject} {parts.verb.strip(',;:')}")
    if at is None:
        return None
    before = _TOKEN.findall(evidence[: at.start()])
    if before and before[-1].casefold() in _OBJECT_PREPOSITIONS:
        return f"the subject follows “{before[-1]}”: it is not the verb's subject"
    return None


EventRule = Callable[[DatedFact], "str | None"]
_NEGATION = {"no", "not", "never", "nobody", "none", "nothing", "neither", "nor", "n't"}


def a_non_event(dated: DatedFact) -> str | None:
    """ "no arrests nor charges were reported", "the minister did not attend": what did
    not happen has no date (every other day of the options is as right)."""
    parts = _parts(dated)
    if parts is None or parts.verb_index < 0:
        return None
    # the subject and the verb group ("were not", "had never"); not the object's words
    # ("said not allowing X to marry was unequal" tells of something that happened)
    verb = parts.words[parts.verb_index]
    group = parts.words[parts.verb_index + 1 : parts.verb_index + 3]
    if verb.casefold() not in _STOP_AUX | {"was", "were"}:
        group = []
    between = parts.words[len(parts.subject) : parts.verb_index]  # "X never attended"
    around = parts.subject + between + [verb] + group
    words = {w.strip(",;:").casefold() for w in around} | {
        "n't" for w in around if w.casefold().endswith(("n't", "n’t"))
    }
    if words & _NEGATION:
        return "nothing happened: a negated clause has no date"
    return None


def a_status_as_of(dated: DatedFact) -> str | None:
    """ "as of yesterday, the warnings were lifted": a status the reporter checked on a
    day, not the day it came about."""
    if re.match(r"\s*as\s+of\b", plain(dated.event.when or ""), re.I):
        return "a status “as of” a day, not when it happened"
    return None


EVENT_RULES: tuple[EventRule, ...] = (
    a_status_as_of,
    planned_date,
    date_inside_quotation,
    number_not_a_year,
    date_range,
    another_dated_action,
    an_end_or_a_new_day,
    a_duration,
    unbalanced_marks,
    stray_punctuation,
    dangling_end,
    stitched_clause,
    no_subject_and_verb,
    unfinished_clause,
    clause_cut_short,
    date_of_another_clause,
    date_of_a_cause,
    starts_inside_a_phrase,
    subject_of_a_preposition,
    verb_of_a_reported_clause,
    a_reported_claim,
    contact_relative_clause,
    participle_taken_for_the_verb,
    participle_without_auxiliary,
    ongoing_action,
    a_state_not_an_event,
    a_repeated_act,
    a_count_not_an_event,
    a_non_event,
    relative_clause_left,
)


def event_problem(dated: DatedFact) -> str | None:
    """Why the event makes no "when" question (None when it is clean)."""
    for rule in EVENT_RULES:
        problem = rule(dated)
        if problem:
            return f"{rule.__name__}: {problem}"
    return None


def _one_expression(a: DatedFact, b: DatedFact) -> bool:
    """Are the two time expressions one ("January of last year", "Tuesday last
    week"): a few words apart in one sentence?"""
    if a.event.evidence_start != b.event.evidence_start:
        return False
    evidence = plain(a.event.evidence)
    first, second = _find(evidence, plain(a.event.when)), _find(evidence, plain(b.event.when))
    if first is None or second is None:
        return False
    left, right = sorted([first, second], key=lambda span: span.start())
    return len(_TOKEN.findall(evidence[left.end() : right.start()])) <= 2


def _already_past(dated: DatedFact, events: list[DatedFact]) -> bool:
    """Does another sentence, dated earlier, speak of this event as past ("on
    Wednesday, the search for survivors of the earthquake ended")?"""
    parts = clause_parts(strip_time(dated.event.event, dated.event.when))
    if parts is None or len(parts.subject) < 2 or parts.subject[0].casefold() != "the":
        return False
    head = parts.subject[-1].strip(",").casefold()
    if head not in EVENT_NOUNS:
        return False
    mention = regex(rf"\b(?:of|since|after|following|from) the {re.escape(head)}\b", re.I)
    return any(
        other.event.evidence_start != dated.event.evidence_start
        and other.when.before(dated.when)
        and mention.search(other.event.evidence)
        for other in events
    )


def _weekday(dated: DatedFact) -> bool:
    return dated.event.rule.startswith("weekday")


def weekdays_out_of_order(dated: list[DatedFact]) -> set[str]:
    """The dates read from a weekday that break the story's order: "the earthquake
    struck on Friday", taken as the Friday before publication, when on (earlier)
    Wednesday the search for survivors "of the earthquake" ended. That Friday is the
    week before; nothing that weekday dates is asked ("the leaders spoke on Friday
    night" too). Only an event's name counts ("of the court" is no step of a story)."""
    return {d.event.date or "" for d in dated if _weekday(d) and _already_past(d, dated)}


def clean_events(dated: list[DatedFact]) -> list[DatedFact]:
    """The events that pass EVENT_RULES, less those whose time expression is read
    twice with different dates ("January of last year" as January of this year
    and as last year): which one is right, the check cannot tell; and those whose
    weekday breaks the story's order (weekdays_out_of_order)."""
    broken = weekdays_out_of_order(dated)
    return [
        d
        for d in dated
        if event_problem(d) is None
        and not (_weekday(d) and d.event.date in broken)
        and not any(
            other is not d
            and (other.when.before(d.when) or d.when.before(other.when))
            and _one_expression(d, other)
            for other in dated
        )
    ]


def _parts(dated: DatedFact) -> ClauseParts | None:
    return clause_parts(strip_time(dated.event.event, dated.event.when))


# How the date was worked out -------------------------------------------------

_HAS_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def date_resolution(dated: DatedFact, *, published: date | None) -> str:
    """ "“Thursday”, in an article published on Saturday 9 May 2020, is 7 May 2020."
    for a relative time expression; "“October 2 2018” is 2 October 2018." for one
    written another way; "" when the article writes the date as the answer does."""
    said = re.sub(r"^(?:in|on|at|during)\s+", "", plain(dated.event.when or ""), flags=re.I)
    said = the_day_word(said)
    label = dated.when.label()
    if not said or said.casefold() == label.casefold():
        return ""
    exact = dated.event.date == dated.when.iso() and not _ROUGH_PRECISION.search(said)
    verb = "is" if exact else "falls in"
    week = iso_week_span(dated.event.date, published)
    if week is not None:
        # "“last week”, in an article published on …, is 4-10 March 2019, in March 2019."
        days = f"{week[0].day}–{week[1].day}" if week[0] != week[1] else f"{week[0].day}"
        label, verb = f"{days} {week[1]:%B %Y}, in {label}", "is"
    if _HAS_YEAR.search(said):
        return f"“{said}” {verb} {label}."
    if published is None:
        return f"“{said}”, counted from the article’s date, {verb} {label}."
    beyond = weekday_beyond_its_week(said, dated.event.date, published)
    if beyond:
        return beyond
    return f"“{said}”, in an article published on {_long_date(published)}, {verb} {label}."


# A clock time and its asides: "2am local time (0100 UTC) on", "at about 8:10 am"; a time
# has am/pm, ":" or "hours" ("3 days after Friday" has none), a zone is in capitals.
_CLOCK = regex(
    r"(?:\b(?:at\s+)?(?:about|around|roughly|approximately)\s+)?"
    r"\b\d{1,2}(?::\d{2}(?:\s*(?:[ap]\.?\s?m\b\.?|hours\b|h\b))?"
    r"|(?:\.\d{2})?\s*(?:[ap]\.?\s?m\b\.?|hours\b|h\b))"  # "8:10", "2am", "11.15 p.m."
    r"(?:\s+(?:local\s+time|(?-i:[A-Z]{2,4})\b))?(?:\s*\([^()]*\))?(?:\s+(?:on|in\s+the|of))?\s*",
    re.I,
)
_MONTH_NAME = regex(rf"\b(?:{'|'.join(MONTHS)})\b", re.I)
_DAY_WORD = regex(
    rf"\b(?:today|yesterday|tonight|(?:this|last|yesterday)\s+(?:morning|afternoon|evening|night)"
    rf"|(?:{'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?)\b",
    re.I,
)


def the_day_word(said: str) -> str:
    """ "2am local time (0100 UTC) on Friday" -> "Friday", "8:10 am this morning" ->
    "this morning": the explanation cites the word that dates the day, not the clock time
    told with it (blind judges); a clock time alone, one with a calendar date, or anything
    else beside the day word ("3 days after Friday") is kept."""
    if not re.search(r"\d", said):
        return said
    day = _DAY_WORD.search(said)
    if day is None or _HAS_YEAR.search(said) or _MONTH_NAME.search(said):
        return said
    rest = _CLOCK.sub(" ", said).strip(" ,")
    return rest if _DAY_WORD.fullmatch(rest) else said


def weekday_beyond_its_week(said: str, iso: str | None, published: date) -> str:
    """ "“Friday” here is Friday 30 October 2020, the week before the article (published on
    Saturday 7 November 2020)." A bare weekday the story's order puts more than a week from
    publication (the extractor's "in story order" rule) is not the plain reading, the nearest
    day of that name: "in an article published on …, is …" would read wrong to a student, so
    the explanation says which week it is. "" for any other expression or date."""
    name = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", said.casefold())
    if name not in WEEKDAYS or iso is None or len(iso) != 10:
        return ""
    day = date.fromisoformat(iso)
    gap = (day - published).days
    if -7 <= gap <= 7:
        return ""
    weeks = "the week before" if gap < 0 else "the week after"
    if abs(gap) > 14:
        weeks = f"{abs(gap) // 7} weeks {'before' if gap < 0 else 'after'}"
    return (
        f"“{said}” here is {_long_date(day)}, {weeks} the article "
        f"(published on {_long_date(published)})."
    )
