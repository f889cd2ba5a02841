"""``PeopleIndex``: the people stage's result and the questions other stages ask it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..dates.tense import doc_text
from ..facts import Person
from ..lexicon import (
    FEMALE_ROLE_WORDS,
    HONORIFICS,
    MALE_ROLE_WORDS,
    OFFICE_TITLES,
    PRONOUN_GENDER,
    SUBJECT_DEPS,
)
from ..text import fold_word, quotations
from .grouping import group
from .names import RawMention
from .organisations import Organisations
from .seeds import collect, seed_input
from .tokens import LOOKBACK_CHARS, name_word

_NAME_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


@dataclass(frozen=True)
class Mention:
    """One mention of a person in the text."""

    start: int  # char offset of the first token (title included)
    end: int  # char offset after the last name token
    first: int  # token index of the first token (title included)
    last: int  # token index of the last name token (inclusive)
    name_first: int  # token index where the name itself starts
    name: str  # canonical name of the person


class PeopleIndex:
    """People mentioned in one article (see the package docstring for the rules)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token on each access: read once per doc
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        self._by_name: dict[str, Person] = {}
        self._token_person: dict[int, str] = {}
        self._mention_starts: list[int] = []
        self._words_cache: dict[str, list[str]] | None = None
        self._organisations = Organisations(doc, self.text, self._token_person)

    # ----------------------------------------------------------------- building
    @classmethod
    def build(cls, doc: Doc) -> PeopleIndex:
        """The stage: seed rules -> mentions -> grouping rules -> people; then genders from
        pronouns and the article's acronyms."""
        index = cls(doc)
        raws = collect(seed_input(doc, index.text, index.organisation_at))
        for raw, name in group(doc, raws):
            index._record(raw, name)
        index._mention_starts = [m.start for m in index.mentions]
        index._votes_for_gender()
        index.acronyms()
        return index

    def _record(self, r: RawMention, name: str) -> None:
        """Add one mention: the person's role and gender come from the first mention that
        tells them (honorific, then role words)."""
        person = self._by_name.get(name)
        role = person.role if person else None
        gender = person.gender if person else None
        if role is None and r.role:
            role = r.role
        if gender is None:
            gender = _gender_of_mention(r)
        new = Person(name=name, role=role, gender=gender)
        self._replace(person, new)
        last = self.doc[r.name_last]
        self.mentions.append(
            Mention(
                self.doc[r.first].idx,
                last.idx + len(last.text),
                r.first,
                r.name_last,
                r.name_first,
                name,
            )
        )
        for k in range(r.first, r.name_last + 1):
            self._token_person[k] = name

    def _replace(self, old: Person | None, new: Person) -> None:
        if old is None:
            self.people.append(new)
        else:
            self.people[self.people.index(old)] = new
        self._by_name[new.name] = new

    def _votes_for_gender(self) -> None:
        """he/she right after a person's mention tells the gender: the pronoun is in the
        same or the next sentence and only that one person was mentioned since the start
        of the previous sentence."""
        votes: dict[str, dict[str, int]] = {}
        for name, gender in self._pronoun_votes():
            votes.setdefault(name, {}).setdefault(gender, 0)
            votes[name][gender] += 1
        for name, counts in votes.items():
            person = self._by_name[name]
            if person.gender is None and counts:
                best = max(counts, key=lambda g: counts[g])
                if counts[best] > sum(counts.values()) - counts[best]:
                    self._replace(person, Person(name=person.name, role=person.role, gender=best))

    def _pronoun_votes(self) -> Iterator[tuple[str, str]]:
        regions = [(q.open_at, q.end) for q in quotations(self.text) if q.depth == 0]
        starts = [r[0] for r in regions]

        def quoted(char: int) -> bool:  # a pronoun inside a quotation is the speaker's own
            k = bisect.bisect_right(starts, char) - 1
            return k >= 0 and char <= regions[k][1]

        mentions = self.mentions
        m = 0
        previous: list[Mention] = []
        for sent in self.doc.sents:
            current: list[Mention] = []
            for tok in sent:
                while m < len(mentions) and mentions[m].start <= tok.idx:
                    current.append(mentions[m])
                    m += 1
                gender = PRONOUN_GENDER.get(tok.lower_)
                if gender and tok.dep_ in (*SUBJECT_DEPS, "poss") and not quoted(tok.idx):
                    names = {x.name for x in previous + current}
                    if len(names) == 1:
                        yield names.pop(), gender
            previous = current

    # ----------------------------------------------------------------- organisations
    def organisation_at(self, token_i: int) -> str | None:
        """ "Lagos Chamber of Commerce and Industry" or None: the capitalised run through
        of/and/for with an organisation word, or an ORG entity that is no person's name
        (never a title: "Industry Minister"); an acronym gives the full name once the index
        is built; a capitalised name with an appositive organisation noun ("X, a shipping
        company") is one."""
        return self._organisations.at(token_i)

    def acronyms(self) -> dict[str, str]:
        """{"UERF": "Union of European Rugby Federations"}: from "Full Name (ACR)" in the
        article, or the initials of its organisations' capitalised words (not for a
        country's letters, "US", unless spelled out)."""
        return self._organisations.acronyms()

    # ----------------------------------------------------------------- queries
    def person_at(self, token_i: int) -> str | None:
        return self._token_person.get(token_i)

    def is_person(self, name: str | None) -> bool:
        """Whether `name` is the canonical name of a person of this article."""
        return bool(name) and name in self._by_name

    def gender_of(self, name: str | None) -> str | None:
        person = self._by_name.get(name or "")
        return person.gender if person else None

    def role_of(self, name: str | None) -> str | None:
        person = self._by_name.get(name or "") or self._by_name.get(
            self.canonical(name or "") or ""
        )
        return person.role if person else None

    def canonical(self, mention: str) -> str | None:
        """The canonical full name for a mention as written, or None when no person matches:
        a full name the mention ends with, else the same last word, else (one word) any
        word of a name."""
        if not mention:
            return None
        if mention in self._by_name:
            return mention
        words = _mention_words(mention)
        if not words:
            return None
        by_words = self._name_words()
        return (
            next((n for n, pw in by_words.items() if words[-len(pw) :] == pw), None)
            or next((n for n, pw in by_words.items() if words[-1] == pw[-1]), None)
            or (
                next((n for n, pw in by_words.items() if words[0] in pw), None)
                if len(words) == 1
                else None
            )
        )

    def _name_words(self) -> dict[str, list[str]]:
        if self._words_cache is None or len(self._words_cache) != len(self.people):
            self._words_cache = {
                p.name: [fold_word(w) for w in _NAME_SPLIT.split(p.name) if w] for p in self.people
            }
        return self._words_cache

    def _nearby_mentions(
        self, before: int, skip: Callable[[Mention], bool] | None
    ) -> Iterator[Mention]:
        """Mentions ending before char offset `before`, nearest first, within LOOKBACK_CHARS."""
        k = bisect.bisect_left(self._mention_starts, before) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end < before - LOOKBACK_CHARS:
                return
            if m.end > before or (skip is not None and skip(m)):
                continue
            yield m

    def resolve_pronoun(
        self, word: str, *, before: int, skip: Callable[[Mention], bool] | None = None
    ) -> str | None:
        """The person a he/she at char offset `before` most likely refers to.

        The nearest earlier person of a fitting gender, outside `skip`ped mentions; but
        when that sentence has a fitting person as its subject, the subject ("Mr Smith
        criticised Mr Jones. “...,” he said." -> Smith).
        """
        gender = PRONOUN_GENDER.get(word.lower())
        if gender is None:
            return None
        nearest: Mention | None = None
        sent_start = 0
        for m in self._nearby_mentions(before, skip):
            if self.gender_of(m.name) not in (gender, None):
                continue
            if nearest is None:
                nearest = m
                sent_start = self.doc[m.last].sent.start_char
            elif m.start < sent_start:
                break
            if _is_subject(self.doc[m.last]):
                return m.name
        return nearest.name if nearest else None

    def resolve_description(
        self, noun: str, *, before: int, skip: Callable[[Mention], bool] | None = None
    ) -> str | None:
        """The person "the minister" / "the senator" at char offset `before` refers to: the
        nearest earlier person whose role contains that word."""
        noun = fold_word(noun)
        for m in self._nearby_mentions(before, skip):
            role = self.role_of(m.name)
            if role and noun in {fold_word(w) for w in re.split(r"[\s\-]+", role)}:
                return m.name
        return None


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in SUBJECT_DEPS


def _gender_of_mention(r: RawMention) -> str | None:
    """The gender an honorific (Mr / Ms) or a gendered role word ("chairwoman") marks."""
    if r.honorific:
        gender = HONORIFICS[r.honorific]
        if gender is not None:
            return gender
    if r.role:
        words = {fold_word(w) for w in r.role.split()}
        if words & FEMALE_ROLE_WORDS:
            return "f"
        if words & MALE_ROLE_WORDS:
            return "m"
    return None


def _mention_words(mention: str) -> list[str]:
    """The folded words of a mention without leading honorifics and titles."""
    words = [name_word(w) for w in _NAME_SPLIT.split(mention.strip()) if w]
    words = [w for w in words if w]
    while words and (words[0] in HONORIFICS or words[0] in OFFICE_TITLES):
        words.pop(0)
    return words
