"""Which dated events may be asked "when?", go into a timeline or a dated
true/false statement: those with a resolved date and a clean clause.

Each rule is a small function taking a DatedFact and returning why the event is
not clean (or None), registered in order in EVENT_RULES. `event_problem` runs
them; `date_resolution` writes how the date was worked out, for explanations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from .context import _ROUGH_PRECISION, DatedFact
from .text import plain
from .wording import (
    _STOP_AUX,
    ClauseParts,
    _tables,
    clause_parts,
    past_to_base,
    strip_time,
)

_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))


def unbalanced_marks(dated: DatedFact) -> str | None:
    """ "the World Health Organization ) announced …": a clause cut inside
    brackets or quotation marks reads as garbage."""
    clause = dated.event.event or ""
    for opening, closing in _PAIRS:
        if clause.count(opening) != clause.count(closing):
            return f"unbalanced {opening}{closing}"
    if clause.count('"') % 2:
        return 'unbalanced "'
    return None


def stray_punctuation(dated: DatedFact) -> str | None:
    """ "… in Wuhan : "COVID-19" is to replace": a colon, semicolon or a space
    before punctuation means two sentences were glued into one clause."""
    clause = plain(dated.event.event or "")
    if re.search(r"[:;]|\s[,.)\]]|[(\[]\s", clause):
        return "stray punctuation in the clause"
    return None


def no_subject_and_verb(dated: DatedFact) -> str | None:
    """ "Both received prison terms", "the guidelines also list X as …": no
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
_DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "my"}
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


def _between_is_clean(tokens: list[str]) -> bool:
    """The words between the main verb and the time expression keep the date on
    that verb: "was reportedly left waiting four hours for a meeting with …" yes;
    "found guilty of raping …", "said the plant closed …", "agreed to build …",
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
        if chain and (_ADVERB.search(w) or w in {"once", "also", "then", "not", "never"}):
            previous = w
            continue
        verbish = _is_other_verb(token) or _is_gerund(token)
        if chain and verbish and w not in _STOP_AUX:
            previous = w
            continue  # "was left", "left waiting"
        chain = False
        if _is_gerund(token) and previous not in _DETERMINERS:
            return False  # "of raping", ", becoming"
        if _is_other_verb(token):
            return False
        if w == "to" and i + 1 < len(tokens):
            following = tokens[i + 1]
            _, index, _, _ = _tables()
            if not following[:1].isupper() and following.casefold() in index:
                return False  # "agreed to build … in 2025": the date of the building
        previous = w
    return True


def _find(text: str, needle: str, start: int = 0) -> re.Match | None:
    return re.compile(rf"(?<![\w]){re.escape(needle)}(?![\w])", re.I).search(text, start)


def date_of_another_clause(dated: DatedFact) -> str | None:
    """ "found guilty on Thursday of raping a tourist in 2014": 2014 is the date of
    the raping, not of the verdict; only the time expression that goes with the
    main verb (or leads the sentence) dates the event."""
    parts = _parts(dated)
    if parts is None:
        return None
    evidence = plain(dated.event.evidence)
    when = plain(dated.event.when or "")
    time = _find(evidence, when) if when else None
    if time is None:
        return "time expression not found in the sentence"
    subject = " ".join(parts.subject[:2]).rstrip(",")
    at_subject = _find(evidence, subject)
    if at_subject is None:
        return None  # the extractor rephrased the clause: nothing to check against
    if parts.verb_index < 0:
        anchor_end = at_subject.end() + len(" ".join(parts.words[2:]))
        between = evidence[anchor_end : time.start()] if time.start() >= anchor_end else ""
        if time.start() >= anchor_end and len(_TOKEN.findall(between)) > 2:
            return "the date is not next to the event's name"
        return None
    verb = _find(evidence, parts.verb.strip(",;:"), at_subject.start())
    if verb is None:
        return None
    if time.end() <= at_subject.start():
        # "On Thursday, X …", "In May, in a now deleted post, X …": only commas and
        # prepositional phrases between the leading time and the subject.
        lead = re.sub(
            r",\s*(?:in|on|at|with|via|through|during|after|before|for)\b[^,;:]*,",
            ",",
            evidence[time.end() : at_subject.start()],
            flags=re.I,
        )
        words = [t for t in _TOKEN.findall(lead) if t not in {",", ";", ":"}]
        if len(words) > 3 or any(w.casefold() in _SUBORDINATE or _is_other_verb(w) for w in words):
            return "a leading time expression of another clause"
        return None
    if time.end() <= verb.start():
        inside = _TOKEN.findall(evidence[at_subject.end() : time.start()])
        if any(t in {",", ";", ":"} or t.casefold() in _SUBORDINATE for t in inside):
            return "the date sits in a phrase about the subject"
        return None
    if not _between_is_clean(_TOKEN.findall(evidence[verb.end() : time.start()])):
        return "the date goes with another verb"
    return None


EventRule = Callable[[DatedFact], "str | None"]
EVENT_RULES: tuple[EventRule, ...] = (
    planned_date,
    unbalanced_marks,
    stray_punctuation,
    no_subject_and_verb,
    date_of_another_clause,
)


def event_problem(dated: DatedFact) -> str | None:
    """Why the event makes no "when" question (None when it is clean)."""
    for rule in EVENT_RULES:
        problem = rule(dated)
        if problem:
            return f"{rule.__name__}: {problem}"
    return None


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
    label = dated.when.label()
    if not said or said.casefold() == label.casefold():
        return ""
    exact = dated.event.date == dated.when.iso() and not _ROUGH_PRECISION.search(said)
    verb = "is" if exact else "falls in"
    if _HAS_YEAR.search(said):
        return f"“{said}” {verb} {label}."
    if published is None:
        return f"“{said}”, counted from the article’s date, {verb} {label}."
    return f"“{said}”, in an article published on {_long_date(published)}, {verb} {label}."
