"""Turning an event clause into a question or a statement.

"a city official called for the closure of the port" becomes
"When did a city official call for the closure of the port?".
Verb base forms come from the English lemma tables that ship with the spaCy
pipeline (exceptions + suffix rules + the verb index), with no parsing."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from quizzes.extraction.geo import city_country, is_country

from .text import plain_spaces

_STOP_AUX = {
    "is", "are", "am", "has", "have", "had", "will", "would", "could", "can",
    "may", "might", "should", "must", "shall", "does", "do", "did", "be", "been",
}  # fmt: skip
_PAST_AUX = {"was", "were"}
_LOWER_FIRST = {
    "the", "a", "an", "one", "some", "his", "her", "their", "its", "this", "that",
    "former", "deputy", "late", "then",
}  # fmt: skip
_PREPOSITIONS = ("in", "on", "during", "since", "at", "by", "from", "of", "for")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, frozenset, list, frozenset]:
    """(verb exceptions, verb index, verb suffix rules, noun index)."""
    try:
        from quizzes.extraction.nlp import get_nlp

        lookups = get_nlp().get_pipe("lemmatizer").lookups
        exc = dict(lookups.get_table("lemma_exc")["verb"])
        index = frozenset(lookups.get_table("lemma_index")["verb"])
        rules = [tuple(r) for r in lookups.get_table("lemma_rules")["verb"]]
        nouns = frozenset(lookups.get_table("lemma_index")["noun"])
        return exc, index, rules, nouns
    except Exception:  # pragma: no cover - a pipeline without rule tables
        return {}, frozenset(), [("ed", "e"), ("ed", "")], frozenset()


def past_to_base(word: str) -> str | None:
    """ "called" -> "call", "left" -> "leave", "declared" -> "declare"; None when
    the word is not a past-tense verb form."""
    w = word.casefold()
    if w.endswith(("s", "ing")) or len(w) < 3:
        return None
    exc, index, rules, _ = _tables()
    if w in exc:
        base = exc[w][0]
        return base if base != w and base not in _STOP_AUX else None
    if not w.endswith("ed"):
        return None
    for old, new in rules:
        if old == "ed" and w.endswith(old):
            candidate = w[: -len(old)] + new
            if candidate in index:
                return candidate
    stem = w[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in index:  # stopped -> stop
        return stem[:-1]
    if stem.endswith("i") and stem[:-1] + "y" in index:  # carried -> carry
        return stem[:-1] + "y"
    return None


def _is_place(word: str) -> bool:
    """Countries and cities keep their capital ("France withdrew …")."""
    name = word.strip(",;:").replace("’s", "").replace("'s", "")
    return is_country(name) or city_country(name) is not None


def is_common_noun(word: str) -> bool:
    _, _, _, nouns = _tables()
    w = word.casefold()
    return w in nouns or w.rstrip("s") in nouns


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "president", "king", "queen"}


_PROPER_WORDS = {m.casefold() for m in calendar.month_name if m} | {
    d.casefold() for d in calendar.day_name
}


def _lower_first(words: list[str]) -> list[str]:
    first = words[0].casefold() if words else ""
    if first in _TITLES or (words and len(words[0]) > 1 and words[0].isupper()):
        return words
    if first in _PROPER_WORDS:
        return words
    if words and _is_place(words[0]):
        return words
    next_is_name = len(words) > 1 and words[1][:1].isupper()
    if words and (first in _LOWER_FIRST or (is_common_noun(words[0]) and not next_is_name)):
        return [words[0][0].lower() + words[0][1:], *words[1:]]
    return words


def strip_time(clause: str, when: str) -> str:
    """The clause without its time expression (and the preposition before it)."""
    text = plain_spaces(clause)
    if when:
        pattern = rf"(?:\b(?:{'|'.join(_PREPOSITIONS)})\s+)?{re.escape(plain_spaces(when))}"
        text = re.sub(pattern, " ", text, flags=re.I)
    # A weekday dates the event too ("signed on Wednesday"): it would narrow a
    # day's options or contradict a statement with another date.
    text = _WEEKDAY.sub(" ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:—–-")
    return text.rstrip(".!?")


def _aux_for(subject: list[str]) -> str:
    text = " ".join(subject).casefold()
    return "were" if " and " in f" {text} " or text in {"they", "we"} else "was"


def finite(clause: str) -> str:
    """ "X being propped up by Y" -> "X was propped up by Y" (for statements)."""
    words = clause.split()
    for i, word in enumerate(words[:10]):
        if i and word.casefold() == "being":
            return " ".join([*words[:i], _aux_for(words[:i]), *words[i + 1 :]])
    return clause


_LEADING_PREPOSITIONS = {"in", "on", "at", "during", "after", "before", "with", "for", "amid"}


def _is_verb_form(word: str) -> bool:
    w = word.strip(",;:").casefold()
    return w in _STOP_AUX or w in _PAST_AUX or w == "being" or past_to_base(w) is not None


_DATELINE = re.compile(r"^(?:[^()]{0,60}?\()?[A-Za-z. ]{1,20}\)\s*[-—–]+\s*")
_SUBORDINATORS = {
    "when",
    "as",
    "while",
    "once",
    "because",
    "although",
    "though",
    "and",
    "but",
    "so",
}
_LEADING_ADVERBS = {"earlier", "later", "meanwhile", "however", "then", "now", "also", "separately"}


def core_words(clause: str) -> list[str] | None:
    """The clause without a leading adverbial ("In a speech, …", "in a now
    deleted post, …", "In a speech Kazakh President …"), a dateline ("March 12
    (Reuters) - ") or a subordinator ("when Tokyo tightened …"), or None when
    nothing like a subject is left."""
    words = _DATELINE.sub("", plain_spaces(clause)).split()
    while words and words[0].casefold() in _SUBORDINATORS:
        words = words[1:]
    first = words[0].casefold().strip(",") if words else ""
    for i, w in enumerate(words[:8]):
        if w.endswith(","):
            head = words[: i + 1]
            adverbial = first in _LEADING_PREPOSITIONS or first in _LEADING_ADVERBS
            # "Malawi's worst outbreak began, according to …": the comma comes
            # after the verb, the subject stays.
            subject_then_verb = i + 1 < len(words) and _is_verb_form(words[i + 1])
            if adverbial or not (subject_then_verb or any(_is_verb_form(h) for h in head)):
                words = words[i + 1 :]
            break
    else:
        if words and words[0].casefold() in _LEADING_PREPOSITIONS:
            rest = words[1:]
            capital = next((i for i, w in enumerate(rest) if w[:1].isupper()), None)
            if capital is None or capital > 6:
                return None
            words = rest[capital:]
    if not words or _is_verb_form(words[0]):
        return None
    # A clause cut off after a conjunction ("… the ports of Manzanillo and").
    while words and words[-1].casefold().strip(",;") in {"and", "or", "but"}:
        words = words[:-1]
    return words or None


_PRONOUNS = {"that", "this", "it", "he", "she", "they", "we", "i", "you", "there", "which", "who"}
_REPORTING = {"say", "tell", "add", "announce", "report", "write", "state", "claim", "note"}


_RELATIVES = {"which", "who", "whom", "whose", "that", "where"}
_ADVERBS = {
    "first", "also", "then", "later", "only", "just", "still", "once", "again", "never",
    "already", "recently", "previously", "initially", "finally", "eventually", "effectively",
    "reportedly",
}  # fmt: skip


def _has_subject(subject: list[str]) -> bool:
    if any(_is_verb_form(w) for w in subject):
        return False
    if len(subject) == 1 and subject[0].casefold() in _PRONOUNS:
        return False
    if subject and subject[0].casefold() in _RELATIVES:
        return False  # "which leaders … endorsed": a relative clause
    if all(w.casefold().strip(",") in _ADVERBS for w in subject):
        return False  # "first imposed": no subject
    return any(
        w[:1].isupper() or w.casefold() in _LOWER_FIRST or is_common_noun(w.strip(",;:’'s"))
        for w in subject
    )


# Past forms spelt like the base ("Britain cut its aid budget"): a verb only
# when a determiner or possessive follows.
_SAME_FORM_PAST = {
    "cut", "put", "set", "hit", "let", "shut", "spread", "cost", "hurt", "quit", "split",
    "bet", "burst", "cast", "upset", "broadcast", "forecast", "bid",
}  # fmt: skip
_OBJECT_START = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "some", "all", "off"}
_PREPOSITION_WORDS = {"in", "on", "at", "to", "during", "after", "before", "from", "with", "via"}
_WEEKDAY = re.compile(
    r"\b(?:on|last|this|next)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.I,
)


def _passive_by(rest: list[str]) -> bool:
    """ "published by the World Bank" (an agent), not "grew by 3.4%" (an amount)."""
    if len(rest) < 2 or rest[0].casefold() != "by":
        return False
    return rest[1].casefold() in {"the", "a", "an"} or (
        rest[1][:1].isupper() and not rest[1][:1].isdigit()
    )


def _verb_at(words: list[str], i: int) -> bool:
    word = words[i].strip(",;:").casefold()
    if word in _PAST_AUX or word == "being" or past_to_base(word) is not None:
        return True
    nxt = words[i + 1].casefold() if i + 1 < len(words) else ""
    return word in _SAME_FORM_PAST and nxt in _OBJECT_START


def question_from_clause(clause: str, *, wh: str = "When") -> str | None:
    """A question asking for the time of the clause's event, or None when the
    clause has no recognisable past-tense verb after a subject."""
    words = core_words(clause)
    if not words or len(words) < 2:
        return None
    for i, raw in enumerate(words[:20]):
        word = raw.strip(",;:").casefold()
        if i == 0:
            continue
        if word in _STOP_AUX:
            return None
        if not _verb_at(words, i):
            continue
        rest = words[i + 1 :]
        after_comma = words[i - 1].endswith(",")
        if after_comma and not all(w[:1].isupper() for w in words[:i]):
            # "The letter, sent to …, was signed", "firefighters, supported by …":
            # a participle after a comma describes a noun; only a name's
            # appositive comma ("Luis Arriaga, told reporters") is dropped.
            return None
        subject_words = [*words[: i - 1], words[i - 1].rstrip(",")]  # "Luis Arriaga, told"
        if not _has_subject(subject_words):
            return None
        subject = _lower_first(subject_words)
        if word in _PAST_AUX:
            return f"{wh} {word} {' '.join(subject + rest)}?"
        if word == "being":  # "X and his government being propped up by Y"
            return f"{wh} {_aux_for(subject_words)} {' '.join(subject + rest)}?"
        if _passive_by(rest) and raw.casefold().endswith("ed"):
            # "a report published by the World Bank": a noun phrase, passive.
            aux = _aux_for(subject_words)
            return f"{wh} {aux} {' '.join([*subject, raw.strip(',;:'), *rest])}?"
        base = word if word in _SAME_FORM_PAST else past_to_base(word)
        if base in _REPORTING and (
            len(rest) < 2 or rest[0].casefold().strip(",") in _PREPOSITION_WORDS
        ):
            return None  # "a spokesman said", "Prentiss said in a statement" say nothing
        if raw.endswith(","):
            base += ","  # "began, according to …"
        return f"{wh} did {' '.join([*subject, base, *rest])}?"
    if len(words) <= 14 and _is_noun_phrase(words):
        phrase = " ".join(_lower_first(words))
        return f"{wh} did {phrase} take place?"
    return None


def _is_noun_phrase(words: list[str]) -> bool:
    """ "the dissolution of the USSR" (it can "take place"), not "her remarks come
    weeks before …" nor "Dhaka absorbing a large share" (verbs)."""
    if not _has_subject(words[:3]):
        return False
    if not (words[0].casefold() in {"the", "a", "an"} or words[0][:1].isupper()):
        return False
    _, index, _, nouns = _tables()
    for word in words[1:]:
        w = word.strip(",;:").casefold()
        if w.endswith("ing") and len(w) > 5:
            return False
        if w in index and w not in nouns and w.rstrip("s") not in nouns:
            return False  # a verb's base form
    return True


def event_sentence(clause: str) -> str | None:
    """The clause as a short sentence start ("One Moscow official called …"),
    None when it has no subject."""
    words = core_words(clause)
    if not words or question_from_clause(clause) is None:
        return None
    words = [
        w.rstrip(",") if w.endswith(",") and i + 1 < len(words) and _verb_at(words, i + 1) else w
        for i, w in enumerate(words)
    ]  # "Rui Meireles, resigned" -> "Rui Meireles resigned"
    text = finite(" ".join(words))
    return text[0].upper() + text[1:]


_REPORTED = re.compile(
    r"\b(said|told [^,;]{1,40}?|announced|warned|claimed|reported|wrote|stated|noted|found|"
    r"confirmed|agreed|argued|added)(?=\s+that\b)",
    re.I,
)
_ACCORDING = re.compile(r",?\s+according to\b", re.I)


def statement_with_date(clause: str, label: str, granularity: str) -> str | None:
    """ "The Commission said in 2025 that …", "The economy grew 3.4% in 2025,
    according to …": the date goes with the verb, not after a reported clause or
    a source."""
    preposition = "on" if granularity == "day" else "in"
    text = event_sentence(plain_spaces(clause))
    if not text:
        return None
    when = f"{preposition} {label}"
    reported = _REPORTED.search(text)
    if reported:
        return f"{text[: reported.end()]} {when}{text[reported.end() :]}."
    according = _ACCORDING.search(text)
    if according:
        return f"{text[: according.start()]} {when}, according to{text[according.end() :]}."
    return f"{text} {when}."
