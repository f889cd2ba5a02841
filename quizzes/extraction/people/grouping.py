"""Rules that group mentions into people: which canonical full name each mention is.

``GROUPING_RULES`` run in this order over one ``Grouping``; each reads the fields filled by
the rules before it and fills its own (the field comments say which rule writes them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..geo import city_population, is_country, region_country
from ..lexicon import SUBJECT_DEPS
from ..sentences import doc_tokens
from .names import RawMention
from .tokens import (
    NON_PERSON_LABELS,
    is_name_token,
    is_speech,
    name_word,
    surname_like,
)

Position = tuple[int, str, int]  # (token of the full mention, canonical name, rank of the word)


@dataclass
class Grouping:
    doc: Doc
    raws: list[RawMention]  # in text order
    canon: dict[tuple[str, ...], str] = field(default_factory=dict)  # full_names
    by_word: dict[str, list[Position]] = field(default_factory=dict)  # full_name_words
    assigned: list[tuple[RawMention, str]] = field(default_factory=list)  # mentions_to_people
    surnames: dict[str, str] = field(default_factory=dict)  # known_surnames, lone_surnames
    firsts: dict[str, str] = field(default_factory=dict)  # family_and_middle_names

    def resolve_single(self, word: str, at: int, bare: bool = True) -> str | None:
        """The last word of a full name first, then its first word (a family name written
        first: "Han" for "Han Do-hyun"), then any word of it; the nearest one before, but
        a bare surname shared by several people is the first named (``_same_sentence``)."""
        cands = self.by_word.get(word)
        if not cands:
            return None
        best = max(c[2] for c in cands)
        surname = [c for c in cands if c[2] == best]
        before = [c for c in surname if c[0] <= at]
        if not before:
            return surname[0][1]
        nearest = self._first_in_sentence(before, before[-1])
        first = before[0]
        if not bare or best < 2 or self._same_sentence(nearest[0], at):
            return nearest[1]
        return nearest[1] if _same_given_name(first[1], nearest[1]) else first[1]

    def _same_sentence(self, i: int, j: int) -> bool:
        """ "Senator Ann Roe ... her son Tom Roe ... Roe said": as news is written, a bare
        surname shared by several people of the article is the one the article named first
        (the relatives named after are told apart by given or full names), unless its own
        sentence names one of them; a titled one ("Mrs Roe") stays the nearest."""
        return self.doc[i].sent.start == self.doc[j].sent.start

    def _first_in_sentence(self, cands: list[Position], nearest: Position) -> Position:
        """ "President Ann Roe said she and her husband Tom Roe ... Roe said": of two people
        sharing the word named in the nearest sentence, the one named first there (the
        sentence's topic, the other being introduced by way of them)."""
        start = self.doc[nearest[0]].sent.start
        return next(c for c in cands if start <= c[0] <= nearest[0])


def _same_given_name(a: str, b: str) -> bool:
    """ "Richard K. Guy" / "Richard Kenneth Guy", "Jaroslaw" / "Jarosław": one person the
    article names two ways, not two relatives."""
    x, y = a.split()[0].lower(), b.split()[0].lower()
    return x == y or _one_letter_off(x, y)


def full_names(g: Grouping) -> None:
    """Full names (two words or more); a shorter full name inside a longer one with the
    same surname is the same person ("Vladimir Putin" / "Vladimir V. Putin"). The person is
    named as the article first names them in full ("Robert Mugabe", not the "Robert Gabriel
    Mugabe" of a later biography paragraph)."""
    groups: list[tuple[set[str], tuple[str, ...], list[RawMention]]] = []  # words, key, members
    full = [r for r in g.raws if len(r.words) >= 2]
    for r in sorted(full, key=lambda r: (-len(r.words), r.name_first)):
        for words, key, members in groups:
            if r.words[-1] == key[-1] and set(r.words) <= words:
                members.append(r)
                break
        else:
            groups.append((set(r.words), r.words, [r]))
    for _words, _key, members in groups:
        first = min(members, key=lambda r: r.name_first)
        for r in members:
            g.canon[r.words] = first.text


def full_name_words(g: Grouping) -> None:
    """Where each word of a full name occurs, to pick the nearest earlier full mention for
    a surname ("Tokayev" -> "Kassym-Jomart Tokayev")."""
    for r in g.raws:
        if len(r.words) < 2:
            continue
        name = g.canon[r.words]
        for pos, w in enumerate(r.words):
            rank = 2 if pos == len(r.words) - 1 else 1 if pos == 0 else 0
            g.by_word.setdefault(w, []).append((r.name_first, name, rank))


def mentions_to_people(g: Grouping) -> None:
    """Each mention's person: a full name its canonical form, a single word the full name
    that has it ("Mr Tokayev"), else the first person the same word was given to."""
    singles_seen: dict[str, str] = {}
    for r in g.raws:
        if len(r.words) >= 2:
            g.assigned.append((r, g.canon[r.words]))
            continue
        word = r.words[0]
        name = (
            g.resolve_single(word, r.name_first, bare=r.honorific is None)
            or singles_seen.get(word)
            or _same_surname_spelt_otherwise(g, word)
            or r.text
        )
        singles_seen.setdefault(word, name)
        g.assigned.append((r, name))


def _same_surname_spelt_otherwise(g: Grouping, word: str) -> str | None:
    """ "Dr. Karim Youssef ... Youssif said": a lone name of five letters or more that is one
    letter off (changed, added or dropped, never the first) the surname of exactly one
    person named in full is that person, the article spelling the name two ways."""
    if len(word) < 5:
        return None
    names = {
        name
        for surname, positions in g.by_word.items()
        if surname[:1] == word[:1] and _one_letter_off(surname, word)
        for _, name, rank in positions
        if rank == 2
    }
    return names.pop() if len(names) == 1 else None


def _one_letter_off(a: str, b: str) -> bool:
    """a and b differ by one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    k = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[k:] == long_[k + 1 :]


def known_surnames(g: Grouping) -> None:
    """The last word of every mention names its person ("Umarov said", "D'Anieri")."""
    for r, name in g.assigned:
        g.surnames.setdefault(r.words[-1], name)


def family_and_middle_names(g: Grouping) -> None:
    """A family name written first ("Han Do-hyun" ... "Han said") and a middle word of a
    double surname ("Mirtha Condori Quispe" ... "Condori told a rally") may name the person,
    under the conditions of ``lone_surnames``."""
    for r, name in g.assigned:
        if len(r.words) >= 2 and r.words[0] not in g.surnames:
            g.firsts.setdefault(r.words[0], name)
    for r, name in g.assigned:
        for w in r.words[1:-1]:
            if w not in g.surnames and len(w) > 2:
                g.firsts.setdefault(w, name)


def _said_object(tok: Token) -> bool:
    """ "“...,” said Torres" parsed with the name as object."""
    return tok.dep_ in ("dobj", "attr", "npadvmod") and tok.head.i < tok.i and is_speech(tok.head)


def _first_word_counts(tok: Token) -> bool:
    """A first or middle name word stands for the person only as a subject, a word the model
    labels PERSON, or the name after an inverted "said"; never a place."""
    return tok.ent_type_ not in ("GPE", "LOC") and (
        tok.ent_type_ == "PERSON" or tok.dep_ in SUBJECT_DEPS or _said_object(tok)
    )


def lone_surnames(g: Grouping) -> None:
    """Lone surnames with no title or entity label anywhere ("Umarov said", "D'Anieri"),
    also a known surname the tagger reads as a common noun ("Mendes said"); a surname the
    model took for a place counts as a subject ("Kalin stated")."""
    doc = g.doc
    covered = {i for r, _ in g.assigned for i in range(r.first, r.name_last + 1)}
    full_surnames = {r.words[-1] for r in g.raws if len(r.words) >= 2}
    for tok in doc_tokens(doc):
        if tok.i in covered or not (
            _misspelt_subject(g, tok) or _may_be_surname(tok, full_surnames)
        ):
            continue
        word = name_word(tok.text)
        if word not in g.surnames and word in g.firsts and _first_word_counts(tok):
            g.surnames[word] = g.firsts[word]
        if word not in g.surnames or not _ends_name(doc, tok):
            continue
        if tok.i > 0 and is_name_token(doc[tok.i - 1]) and tok.i - 1 not in covered:
            continue  # part of a different, longer name
        raw = RawMention(tok.i, tok.i, tok.i, None, None, (word,), tok.text)
        g.assigned.append((raw, g.resolve_single(word, tok.i) or g.surnames[word]))


def _misspelt_subject(g: Grouping, tok: Token) -> bool:
    """ "Dr. Karim Youssef ... Youssif said": a capitalised word as a clause's subject, one
    letter off the surname of one person named in full, is that person (whatever the
    model labels it)."""
    if tok.dep_ not in SUBJECT_DEPS or not tok.text[:1].isupper() or not tok.text.isalpha():
        return False
    word = name_word(tok.text)
    name = None if word in g.surnames else _same_surname_spelt_otherwise(g, word)
    if name:
        g.surnames[word] = name
    return name is not None


_LABELS_NOT_A_SURNAME = NON_PERSON_LABELS - {"FAC"}


def _may_be_surname(tok: Token, full_surnames: set[str]) -> bool:
    """A name-like word that is not labelled as something else, or labelled so only as a
    subject ("Kalin stated", the model taking the surname for a place); the surname of a
    full name of the article also when the model labels it a date or place ("Day's
    charity said", "according to Kidston"), unless it names a real place."""
    if not tok.text[:1].isupper():
        return False  # every way below starts with a capital (is_capitalised, the last test)
    labelled = tok.ent_type_ in _LABELS_NOT_A_SURNAME
    if (is_name_token(tok) or surname_like(tok)) and (not labelled or tok.dep_ in SUBJECT_DEPS):
        return True
    word = name_word(tok.text)
    return (
        word in full_surnames
        and tok.text[:1].isupper()
        and tok.text.isalpha()
        and (
            tok.dep_ in (*SUBJECT_DEPS, "poss")
            or (tok.dep_ == "pobj" and tok.head.lower_ == "to")
            or _unlabelled_inside_sentence(tok)
        )
        and not _real_place(tok.text)
    )


def _unlabelled_inside_sentence(tok: Token) -> bool:
    """ "“It is over,” Okonjo, 54, said": a surname of a person named in full, capitalised
    inside a sentence with no entity label, is that person whatever the tagger made of it
    (an adjective, a preposition's head)."""
    return not tok.ent_type_ and not tok.is_sent_start


def _real_place(word: str) -> bool:
    return is_country(word) or region_country(word) is not None or city_population(word) >= 15_000


def _ends_name(doc: Doc, tok: Token) -> bool:
    return (
        tok.i + 1 >= len(doc) or not is_name_token(doc[tok.i + 1]) or doc[tok.i + 1].tag_ == "POS"
    )


# Titles of monarchs and popes, known by one (regnal) name: "Pope Leo", "Queen Margrethe II".
REGNAL_TITLES = {
    "pope", "king", "queen", "emperor", "empress", "prince", "princess", "sultan", "emir",
    "tsar", "czar", "shah", "patriarch",
}  # fmt: skip
_REGNAL_ORDINAL = re.compile(r"^[IVX]+$")


def regnal_names(g: Grouping) -> None:
    """ "Pope Leo ... Leo said": a person the article names by one name (and its ordinal,
    "Olaf V") after a monarch's or a pope's title is named with the title, as people write
    it ("Pope Leo"), not by a bare given name; never one also named in full ("Princess
    Ana ... Ana Reyes")."""
    titled: dict[str, str] = {}
    for r, name in g.assigned:
        title = g.doc[r.name_first - 1] if r.name_first > r.first else None
        if (
            title is not None
            and title.text[:1].isupper()
            and title.lower_ in REGNAL_TITLES
            and all(_REGNAL_ORDINAL.match(w) for w in name.split()[1:])
        ):
            titled.setdefault(name, f"{title.text} {name}")
    g.assigned = [(r, titled.get(name, name)) for r, name in g.assigned]


GroupingRule = Callable[[Grouping], None]
GROUPING_RULES: tuple[GroupingRule, ...] = (
    full_names,
    full_name_words,
    mentions_to_people,
    known_surnames,
    family_and_middle_names,
    lone_surnames,
    regnal_names,
)


def group(doc: Doc, raws: list[RawMention]) -> list[tuple[RawMention, str]]:
    """Every mention with its person's canonical name, in text order."""
    g = Grouping(doc, raws)
    for rule in GROUPING_RULES:
        rule(g)
    return sorted(g.assigned, key=lambda x: x[0].first)
