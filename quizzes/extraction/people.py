"""Who is who in one article: person mentions grouped under a canonical full name.

`PeopleIndex.build(doc)` makes linear passes over a parsed spaCy Doc and finds the
people it mentions, also where the small model mislabels them (as ORG, GPE, NORP or
nothing), from structure rather than from the entity label alone:

* PERSON entities;
* a name after an honorific ("Mr D'Anieri", "Ms Kassenova", "Dr Lee", also "Maître",
  "Me", "M.", "Mme", "Mlle", "Herr", "Frau", "Sr", "Sra", "Prof."), stripped like Mr;
* a name after a capitalised office title ("Kazakh President Kassym-Jomart Tokayev");
* a name of two words or more followed by ", who ..." ("Amara Osei, who leads the
  team"), unless it is an organisation or the object of a preposition other than "by"
  ("an analyst at Hanul Securities, who said");
* a name of 2-4 capitalised words, none an organisation word, that leads a group:
  "scientists led by Amara Osei", "a panel chaired by X" (also headed/coached/directed/
  captained/founded by);
* a name with a person-role appositive ("Nargis Kassenova, a senior fellow at ...") or
  a role noun in front ("analyst Jane Doe");
* a two- or three-word proper name that is the subject of a speech verb ("X said"), or
  of a verb with a participle clause of speech ("X returned, telling supporters that"),
  unless it is an organisation (see `organisation_at`);
* lowercase particles between capitalised name words stay in the name, before or after
  the word a rule starts from ("Jean-Baptiste Ekambi de la Fontaine", "Ursula von der
  Leyen", "Mohammed bin Salman"); an ORG-labelled run with such a particle (de, du, van,
  von, der, bin, al, da, dos...) and no "of/for/and" is a name, not an organisation;
* a name in apposition to an office or role ("Chile's Agriculture Minister, Esteban
  Vidal,"), also a single name set off by commas ("Indonesia's investment minister,
  Suharyanto, who ..."; not a country, a big city, an acronym or an organisation word);
* a company, a capitalised title and a name ("VinaVolt Chief Executive Nguyen Thi Thu
  Hang told ..."): the run is cut after the title, it is not one organisation;
* a lone surname anywhere once the full name is known ("Umarov", "D'Anieri"); a surname
  known only with an honorific or as a speaker ("Mrs Papadopoulou") takes the article's
  full mention the model did not label ("Eleni Papadopoulou, 72, ...").

An honorific whose dot the tokenizer split off ("Sra. Lucía Ferrer", "Mme. X") still
gives the gender.

Never people: a one-word name with no title or role that is only ever the one told or
interviewed ("told Bloomberg", "in an interview with Reuters") and never the subject of
a speech verb nor part of a longer name (an outlet, found from structure, not a list);
a name starting with a storm/place/thing word ("Cyclone Amphan", "Mount
Kenya"); a title alone ("Interior Minister"); a one-word name only the model's PERSON
label vouches for that is a place (a country, a region, a city of 100,000 or more, or a
word labelled GPE/LOC elsewhere: "said one trader in Bogotá"). A first name the model
tags as a nationality ("German Chancellor Olaf Scholz") stays in the name: only real
nationality adjectives (geo.country_of_adjective) and party/faith words are skipped.

Hyphenated given names the tokenizer splits stay whole whatever the tagger made of the
pieces ("Trade Minister Han Do-hyun", where "Do" reads as a verb; not "anti-war"). A
quotation that is one capitalised word ("‘Absurd’, chairman says") is never a person.

Mentions are grouped into one `Person` per individual: the canonical name is the
longest full mention with titles stripped ("Kassym-Jomart Tokayev"); shorter mentions
("Tokayev", "Mr Tokayev", "Mr Xi" for "Xi Jinping") join the full name that shares the
word: the last word of a full name first, then its first word (a family name written
first: "Han", "Mr Han" -> "Han Do-hyun"; a bare first word only as a subject or a
PERSON-labelled word), then any word; the nearest one before them when several do.
A middle word of a double surname counts like a first word ("Mirtha Condori Quispe" ...
"Condori told a rally"), also as the object of an inverted "said Torres"; an unlabelled
full name is found from its middle word too ("Ana Lucia Torres Vega"). A
known surname the tagger reads as a common noun ("Mendes said") still counts. The role is the title or office
words written before the name ("Kazakh President", "deputy chairman of Russia's
security council") or an office in apposition ("Grace Mushi, Tanzania's agriculture
minister," -> "Tanzania's agriculture minister"); the gender comes from honorifics (Mr / Ms), gendered role words
and the he/she pronouns that follow the person's mentions.

Public API (used by quotes.py, countries.py and generation):
    index.people                  -> list[Person] in order of first mention
    index.canonical("Mr Tokayev") -> "Kassym-Jomart Tokayev" (None when unknown)
    index.role_of(name)           -> "Kazakh President" or None
    index.gender_of(name)         -> "m" | "f" | None
    index.person_at(token_i)      -> canonical name of the mention covering a token
    index.mentions                -> list[Mention] (char and token offsets) in text order
    index.is_person(name)         -> whether a canonical name is a person of the article
    index.organisation_at(token_i)-> "Lagos Chamber of Commerce and Industry" or None: the
                                     capitalised run through of/and/for with an organisation
                                     word, or an ORG entity that is no person's name (never
                                     a title: "Industry Minister"); an acronym gives the
                                     full name (see acronyms); a capitalised name with an
                                     appositive organisation noun ("X, a shipping
                                     company") is one
    index.acronyms()              -> {"UERF": "Union of European Rugby Federations"}: from
                                     "Full Name (ACR)" in the article, or the initials of
                                     its organisations' capitalised words (not for a
                                     country's letters, "US", unless spelled out)
    index.resolve_pronoun(word, before=char_offset, skip=predicate) -> name or None
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from .facts import Person
from .geo import city_population, country_of_adjective, is_country, region_country
from .lexicon import (
    FEMALE_ROLE_WORDS,
    HONORIFICS,
    MALE_ROLE_WORDS,
    NON_PERSON_FIRST_WORDS,
    NOT_NAME_WORDS,
    OFFICE_TITLES,
    ORG_APPOSITIVES,
    ORG_WORDS,
    PERSON_ROLE_NOUNS,
    PRONOUN_GENDER,
    SPEECH_VERBS,
)
from .text import find_quotes

NAME_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "van",
    "von",
    "de",
    "da",
    "di",
    "du",
    "la",
    "le",
    "der",
    "den",
    "dos",
    "das",
    "del",
    "ter",
    "ben",
    "abu",
}
LOOKBACK_CHARS = 3000  # how far back a pronoun or "the minister" looks for its person
QUOTE_MARKS = "\u201c\u201d\u2018\u2019\u201e\"'"
NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
JOINERS = {"-", "\u2010", "\u2011"}
NON_PERSON_LABELS = {
    "GPE",
    "LOC",
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "FAC",
    "EVENT",
    "LAW",
    "LANGUAGE",
}
# Office titles strong enough to mark the next proper name as a person's.
STRONG_TITLES = {
    "president",
    "chancellor",
    "minister",
    "premier",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "ayatollah",
    "judge",
    "justice",
    "ambassador",
    "commissioner",
    "secretary",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "chairman",
    "chairwoman",
    "congressman",
    "congresswoman",
    "representative",
    "rep",
    "emperor",
}
# Titles that, inside a capitalised run, end a company name and start a person's
# ("SiamCharge Chief Operating Officer Somchai Chaiyaporn").
RUN_TITLES = STRONG_TITLES | {"executive", "officer", "director", "founder", "ceo", "chief"}
# Party and faith words the model tags NORP that may stand before a name like a nationality.
NORP_DESCRIPTORS = {
    "democrat",
    "democratic",
    "republican",
    "conservative",
    "liberal",
    "labour",
    "socialist",
    "communist",
    "green",
    "muslim",
    "christian",
    "catholic",
    "jewish",
    "hindu",
    "buddhist",
    "sikh",
    "tory",
}
# "scientists led by X", "a panel chaired by X": X leads the group, so X is a person.
LED_BY_VERBS = {"lead", "head", "chair", "coach", "direct", "captain", "found", "co-found"}
CITY_SIZE = 100_000  # a one-word "person" that names a city this big is the city
ORG_CONNECTORS = {"of", "for", "and", "&", "on", "de", "du", "des"}


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Comparison key for a name word: no accents, no case, one kind of apostrophe."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\u2019\u2018`´]", "'", text).lower().strip(".")


@dataclass(frozen=True)
class Mention:
    start: int  # char offset of the first token (title included)
    end: int  # char offset after the last name token
    first: int  # token index of the first token (title included)
    last: int  # token index of the last name token (inclusive)
    name_first: int  # token index where the name itself starts
    name: str  # canonical name of the person


@dataclass
class _Raw:
    first: int  # first token incl. titles
    name_first: int
    name_last: int  # inclusive
    honorific: str | None
    role: str | None
    words: tuple[str, ...]  # folded name words
    text: str  # the name as written
    kind: str = "ent"  # why it is a person: ent | title | role | speech | colon | surname


def _is_capitalised(tok: Token) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _is_name_token(tok: Token) -> bool:
    if not _is_capitalised(tok) or tok.is_space:
        return False
    if fold(tok.text) in NOT_NAME_WORDS or tok.ent_type_ in NOT_NAME_LABELS:
        return False
    if tok.tag_ == "POS":
        return False
    return tok.pos_ in ("PROPN", "NOUN", "X", "ADJ", "VERB") and (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or tok.tag_ in ("NNP", "NNPS")
    )


def _surname_like(tok: Token) -> bool:
    """A capitalised word the tagger took for a common noun ("Mendes" as a plural) inside
    a sentence or as a subject: it may still be a surname already known in full."""
    return (
        _is_capitalised(tok)
        and tok.text.isalpha()
        and tok.pos_ in ("NOUN", "X")
        and (not tok.is_sent_start or tok.dep_ in ("nsubj", "nsubjpass"))
        and fold(tok.text) not in NOT_NAME_WORDS
    )


def _is_speech(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _is_acronym(tok: Token) -> bool:
    """MP, CEO, UN: an office or organisation abbreviation, never part of a name."""
    letters = [c for c in tok.text if c.isalpha()]
    return 2 <= len(letters) <= 4 and all(c.isupper() for c in letters)


def _acronym_token(tok: Token) -> bool:
    """UERF, UNESCO: an organisation's initials written as one all-capital word."""
    return 2 <= len(tok.text) <= 7 and tok.text.isalpha() and tok.text.isupper()


def initials(name: str) -> str:
    """ "Union of European Rugby Federations" -> "UERF" (capitalised words only)."""
    return "".join(w[0] for w in re.split(r"[\s\-\u2010\u2011]+", name) if w[:1].isupper())


def _joined(left: Token, right: Token) -> bool:
    """Two tokens written with no space between them (Kassym-Jomart)."""
    return left.idx + len(left.text) == right.idx


# Prefixes written with a hyphen before a word that never make a hyphenated given name.
HYPHEN_PREFIXES = {"anti", "pro", "co", "ex", "non", "post", "pre", "self", "vice", "neo", "mid"}


def _hyphen_name(doc: Doc, i: int) -> bool:
    """Tokens i, i+1, i+2 are one hyphenated given name the tokenizer split ("Do-hyun",
    "Seung-min", "Jean-Luc"): a capitalised word, a hyphen and a word, with no spaces,
    whatever the tagger made of the pieces (it reads "Do" as a verb)."""
    if i + 2 >= len(doc):
        return False
    left, mid, right = doc[i], doc[i + 1], doc[i + 2]
    return (
        mid.text in JOINERS
        and _joined(left, mid)
        and _joined(mid, right)
        and left.text.isalpha()
        and left.text[0].isupper()
        and right.text.isalpha()
        and fold(left.text) not in HYPHEN_PREFIXES
    )


class PeopleIndex:
    """People mentioned in one article (see the module docstring for the rules)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        self._by_name: dict[str, Person] = {}
        self._token_person: dict[int, str] = {}
        self._mention_starts: list[int] = []
        self._words_cache: dict[str, list[str]] | None = None
        self._ents: dict[int, object] | None = None
        self._acronym_names: dict[str, str] | None = None
        self._acronyms_given: set[str] = set()  # spelled out as "Full Name (ACR)"

    # ----------------------------------------------------------------- building
    @classmethod
    def build(cls, doc: Doc) -> PeopleIndex:
        index = cls(doc)
        raws = index._collect()
        index._group(raws)
        index._votes_for_gender()
        index.acronyms()
        return index

    def _name_run(self, i: int, j: int | None = None) -> tuple[int, int] | None:
        """Widen tokens i..j (inclusive) to the whole capitalised run they sit in."""
        doc = self.doc
        j = i if j is None else j
        a, b = i, j
        while a > 0:
            prev = doc[a - 1]
            if "\n" in prev.whitespace_:
                break
            if _is_name_token(prev):
                a -= 1
            elif (
                prev.text in JOINERS
                and a >= 2
                and _joined(doc[a - 2], prev)
                and _joined(prev, doc[a])
                and (_is_name_token(doc[a - 2]) or _hyphen_name(doc, a - 2))
            ):
                a -= 2
            else:
                # Lowercase particles between name words: "Ekambi de la | Fontaine".
                k = a - 1
                while k >= 0 and doc[k].lower_ in NAME_PARTICLES and a - k <= 3:
                    if "\n" in doc[k].whitespace_:
                        break
                    k -= 1
                if (
                    k < a - 1
                    and k >= 0
                    and "\n" not in doc[k].whitespace_
                    and _is_name_token(doc[k])
                    and all(not doc[t].is_sent_start for t in range(k + 1, a + 1))
                ):
                    a = k
                    continue
                break
        while b + 1 < len(doc):
            nxt = doc[b + 1]
            if "\n" in doc[b].whitespace_:
                break
            if _is_name_token(nxt):
                b += 1
                continue
            if _hyphen_name(doc, b + 1) and "\n" not in nxt.whitespace_:
                b += 3  # "Han Do-hyun": the tagger read "Do" as a verb
                continue
            if (
                nxt.text in JOINERS
                and b + 2 < len(doc)
                and _joined(doc[b], nxt)
                and _joined(nxt, doc[b + 2])
                and (_is_name_token(doc[b + 2]) or doc[b + 2].text.isalpha())
            ):
                b += 2
                continue
            # Lowercase particles inside a name: "Ursula von der Leyen", "Bashar al-Assad".
            k = b + 1
            while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and k - b <= 3:
                k += 1
            if k > b + 1 and k < len(doc) and _is_name_token(doc[k]):
                b = k
                continue
            break
        return a, b

    def _split(self, a: int, b: int) -> _Raw | None:
        """Split a capitalised run into titles/role words and the name itself."""
        doc = self.doc
        while b >= a and (doc[b].tag_ == "POS" or doc[b].text in ("'s", "\u2019s")):
            b -= 1
        # A possessive glued to the last word ("Jinping’s" as one token) is cut below.
        honorific = None
        k = a
        # The name starts after the last title in the run ("Moscow Mayor | Sergei Sobyanin"),
        # then past nationality words ("Kazakh | Kassym-Jomart Tokayev").
        for t in range(a, b):
            low = fold(doc[t].text)
            if (
                low in HONORIFICS
                or low in OFFICE_TITLES
                or low in ORG_WORDS
                or low in PERSON_ROLE_NOUNS
                or _is_acronym(doc[t])
            ):
                k = t + 1  # "Acme Corp | Laura Chen": an organisation word ends the role
        while k < b and self._descriptor(doc[k]):
            k += 1
        for t in range(a, k):
            if fold(doc[t].text) in HONORIFICS:
                honorific = fold(doc[t].text)
        while k <= b and doc[k].text in JOINERS:
            k += 1  # "Secretary-General"
        if k > b or all(
            fold(t.text) in OFFICE_TITLES | set(HONORIFICS) or t.text in JOINERS
            for t in doc[k : b + 1]
        ):
            return None
        words = []
        for t in doc[k : b + 1]:
            if t.text in JOINERS:
                continue
            words.append(fold(re.sub(r"[\u2019']s$", "", t.text)))
        if not words or sum(w not in NAME_PARTICLES for w in words) > 5:
            return None
        if len(words) == 1 and _acronym_token(doc[k]):
            return None  # "The FCFC said": an organisation's initials, not a name
        if any(w in ORG_WORDS for w in words) or words[0] in NON_PERSON_FIRST_WORDS:
            return None
        if (words[-1] in OFFICE_TITLES or words[-1] in PERSON_ROLE_NOUNS) and not any(
            t.ent_type_ == "PERSON" for t in doc[k : b + 1]
        ):
            return None  # "Interior Minister": a title, not a name
        text = self.text[doc[k].idx : doc[b].idx + len(doc[b].text)]
        text = re.sub(r"[\u2019']s$", "", text)
        role_first = self._role_start(a, k)
        role = None
        if role_first is not None:
            role_tokens = [t for t in doc[role_first:k] if fold(t.text) not in HONORIFICS]
            if role_tokens:
                role = self.text[
                    role_tokens[0].idx : role_tokens[-1].idx + len(role_tokens[-1].text)
                ]
        return _Raw(
            min(a, role_first if role_first is not None else a),
            k,
            b,
            honorific,
            role,
            tuple(words),
            text,
        )

    def _appositive_role(self, last: int) -> str | None:
        """The office in apposition to a name: "Grace Mushi, Tanzania's agriculture
        minister," / "Chile's Agriculture Minister, Esteban Vidal," -> the office words
        (with the country's possessive), when the noun is an office title."""
        doc = self.doc
        head = doc[last]
        cands = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos" and head.head.i < head.i:
            cands.append(head.head)
        for noun in cands:
            if fold(noun.text) not in OFFICE_TITLES or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            if fold(noun.text) in ("former", "first", "state", "acting", "ex"):
                continue
            start = noun.i
            for c in noun.lefts:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < start:
                    start = min(start, c.left_edge.i)
            while start < noun.i and doc[start].pos_ in ("DET", "PRON"):
                start += 1
            end = noun.i
            for c in noun.rights:
                if c.lower_ == "of" and c.dep_ == "prep" and c.right_edge.i < head.i - 1:
                    end = c.right_edge.i  # "The governor of Lagos State, Babajide Adeyemi"
                    break
            if any(self.doc[k].ent_type_ == "PERSON" for k in range(start, end + 1) if k != noun.i):
                continue
            return self.text[doc[start].idx : doc[end].idx + len(doc[end].text)]
        return None

    @staticmethod
    def _descriptor(tok: Token) -> bool:
        """A word between a title and a name that is not part of the name: a nationality
        ("Kazakh"), a party or faith word, an adjective. A first name the model tagged NORP
        ("German Chancellor Olaf Scholz") is part of the name."""
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
            return False
        low = fold(tok.text)
        if country_of_adjective(tok.text) or low in NORP_DESCRIPTORS:
            return True
        if tok.ent_type_ == "NORP":
            return not (tok.pos_ == "PROPN" and tok.tag_ == "NNP" and not tok.text.isupper())
        return tok.pos_ == "ADJ"

    def _role_start(self, a: int, name_first: int) -> int | None:
        """First token of the role words before a name ("deputy chairman of Russia's security council")."""
        doc = self.doc
        inner = [t for t in range(a, name_first) if fold(doc[t].text) not in HONORIFICS]
        start = inner[0] if inner else None
        k = a - 1
        if k >= 0 and start is None:
            # Only a role that attaches to the name: the word right before it is a title
            # or a noun that modifies the name.
            prev = doc[k]
            attaches = fold(prev.text) in OFFICE_TITLES or (
                prev.pos_ in ("NOUN", "PROPN")
                and prev.dep_ == "compound"
                and name_first <= prev.head.i
            )
            if not attaches:
                return None
        while k >= 0:
            t = doc[k]
            if "\n" in t.whitespace_ or t.is_space:
                break
            if t.ent_type_ in ("DATE", "TIME", "CARDINAL"):
                break
            ok = (
                t.pos_ in ("ADJ", "NOUN", "PROPN")
                or t.lower_ == "of"
                or t.tag_ == "POS"
                or (t.text in JOINERS and k > 0 and _joined(doc[k - 1], t))
            )
            if not ok:
                break
            start = k
            k -= 1
        if start is None:
            return None
        while start < name_first and (doc[start].lower_ == "of" or doc[start].tag_ == "POS"):
            start += 1
        # Keep a role only when it names an office or occupation.
        words = {fold(t.text) for t in doc[start:name_first] if fold(t.text) not in HONORIFICS}
        if not words & (OFFICE_TITLES | PERSON_ROLE_NOUNS):
            return None
        return start

    def _collect(self) -> list[_Raw]:
        doc = self.doc
        seeds: list[tuple[int, int, str]] = []
        # A quotation that is nothing but one capitalised word ("‘Absurd’, chairman says")
        # is a quoted word, whatever label the model gives it.
        quoted_words = {
            q.start for q in find_quotes(self.text) if " " not in self.text[q.start : q.end].strip()
        }
        for ent in doc.ents:
            if len(ent) == 1 and ent.start_char in quoted_words:
                continue
            # A "person" that modifies another noun ("Cal Fire spokesperson") is not one.
            if ent.label_ == "PERSON" and not (
                ent.root.dep_ in ("compound", "amod")
                and ent.root.head.i not in range(ent.start, ent.end)
                and ent.root.head.pos_ != "PROPN"
            ):
                seeds.append((ent.start, ent.end - 1, "ent"))
        for tok in doc:
            low = fold(tok.text)
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or "\n" in tok.whitespace_:
                continue
            # "Mr D'Anieri", "President Xi": a title in front of a name.
            titled = (
                _is_capitalised(tok)
                and _is_name_token(nxt)
                and (
                    low in HONORIFICS
                    or (low in STRONG_TITLES and nxt.ent_type_ not in ("GPE", "LOC"))
                )
            )
            if titled:
                seeds.append((tok.i, tok.i + 1, "title"))
            elif (
                tok.pos_ == "NOUN"
                and tok.lower_ in PERSON_ROLE_NOUNS
                and tok.dep_ == "compound"
                and _is_name_token(nxt)
                and nxt.ent_type_ not in NON_PERSON_LABELS
            ):
                seeds.append((tok.i + 1, tok.i + 1, "role"))
            if tok.pos_ == "PROPN" and any(
                c.dep_ == "appos" and c.lemma_.lower() in PERSON_ROLE_NOUNS for c in tok.children
            ):
                # "Nargis Kassenova, a senior fellow at ...": a person even when the model
                # labelled the name as a place, if it has two words or more.
                run = self._name_run(tok.i)
                if tok.ent_type_ not in NON_PERSON_LABELS or (run and run[1] > run[0]):
                    seeds.append((tok.i, tok.i, "role"))
            if (
                tok.pos_ == "PROPN"
                # not "an analyst at Hanul Securities, who said": the place of work
                and not (tok.dep_ == "pobj" and tok.head.lower_ != "by")
                and self.organisation_at(tok.i) is None
            ) and any(
                c.dep_ == "relcl"
                and c.i > tok.i
                and any(g.lower_ in ("who", "whom", "whose") and g.i < c.i for g in c.children)
                for c in tok.children
            ):
                # "Amara Osei, who leads the team, ...": "who" speaks of a person, whatever
                # label the model gave a name of two words or more.
                run = self._name_run(tok.i)
                labels = {doc[k].ent_type_ for k in range(run[0], run[1] + 1)}
                if run[1] > run[0] and labels <= {"", "PERSON", "ORG", "NORP"}:
                    seeds.append((*run, "role"))
            if fold(tok.text) in OFFICE_TITLES | PERSON_ROLE_NOUNS and tok.pos_ in (
                "NOUN",
                "PROPN",
            ):
                # "Chile's Agriculture Minister, Esteban Vidal, said": the name in apposition
                # to an office is a person's, whatever label the model gave it.
                for c in tok.children:
                    if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i < tok.i:
                        continue
                    run = self._name_run(c.i)
                    labels = {doc[k].ent_type_ for k in range(run[0], run[1] + 1)}
                    if (
                        run[1] > run[0]
                        and labels <= {"", "PERSON", "ORG", "GPE", "NORP"}
                        and (self.organisation_at(c.i) is None or labels <= {"", "PERSON"})
                    ):
                        seeds.append((*run, "role"))
                    elif (
                        run[0] == run[1] == c.i
                        and labels <= {"", "PERSON", "ORG", "GPE"}
                        and not is_country(c.text)
                        and city_population(c.text) < CITY_SIZE
                        and doc[c.i - 1].text == ","
                        and c.i + 1 < len(doc)
                        and doc[c.i + 1].text == ","
                        and not _is_acronym(c)
                        and fold(c.text) not in ORG_WORDS
                    ):
                        # "Indonesia's investment minister, Suharyanto, who ...": a person
                        # known by one name, set off by commas after an office.
                        seeds.append((c.i, c.i, "role"))
            if (
                tok.dep_ == "nsubj"
                and tok.pos_ == "PROPN"
                and (
                    _is_speech(tok.head)
                    or any(
                        # "X returned, telling supporters that ...": a participle clause
                        # of speech attached to the main verb.
                        c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and _is_speech(c)
                        for c in tok.head.children
                    )
                )
                and tok.ent_type_ not in NON_PERSON_LABELS
                and self.organisation_at(tok.i) is None
            ):
                # "Temur Umarov said": a two-word proper name, or an unlabelled single one.
                run = self._name_run(tok.i)
                labels = {doc[k].ent_type_ for k in range(run[0], run[1] + 1)}
                if (run[1] > run[0] and labels <= {"", "PERSON", "ORG"}) or labels == {""}:
                    seeds.append((*run, "speech"))
            if (
                tok.dep_ == "pobj"
                and tok.pos_ == "PROPN"
                and tok.head.lower_ == "by"
                and tok.head.head.lemma_.lower() in LED_BY_VERBS
            ):
                # "scientists led by Amara Osei", "a panel chaired by X": whoever leads a
                # group is a person when the name has 2-4 capitalised words and no
                # organisation word, whatever label the model gave it.
                run = self._name_run(tok.i)
                words = [fold(doc[k].text) for k in range(run[0], run[1] + 1)]
                labels = {doc[k].ent_type_ for k in range(run[0], run[1] + 1)}
                if (
                    2 <= len(words) <= 4
                    and all(_is_capitalised(doc[k]) for k in range(run[0], run[1] + 1))
                    and not any(w in ORG_WORDS for w in words)
                    and not any(_is_acronym(doc[k]) for k in range(run[0], run[1] + 1))
                    and labels <= {"", "PERSON", "ORG", "NORP"}
                ):
                    seeds.append((*run, "role"))
            if (
                tok.lower_ == "as"
                and _is_name_token(nxt)
                and tok.i >= 2
                and any(doc[k].lemma_.lower() == "name" for k in range(max(0, tok.i - 3), tok.i))
                and nxt.ent_type_ not in NON_PERSON_LABELS
            ):
                # "a retired teacher who gave his name only as Daniel"
                seeds.append((nxt.i, nxt.i, "role"))
            if (
                tok.text == ":"
                and tok.i > 1
                and _is_name_token(doc[tok.i - 1])
                and self.text[tok.idx + 1 : tok.idx + 3].strip()[:1] in QUOTE_MARKS
            ):
                # "Keir Stone: ‘This budget is a fraud’" at the start of a line.
                run = self._name_run(tok.i - 1)
                starts_line = (
                    run[0] == 0 or "\n" in doc[run[0] - 1].whitespace_ or doc[run[0] - 1].is_space
                )
                labels = {doc[k].ent_type_ for k in range(run[0], run[1] + 1)}
                if starts_line and run[1] > run[0] and labels <= {"", "PERSON", "ORG", "NORP"}:
                    seeds.append((*run, "colon"))
        raws: dict[tuple[int, int], _Raw] = {}
        for a, b, kind in seeds:
            run = self._name_run(a, b)
            if run is None:
                continue
            raw = self._split(*run)
            if raw is None:
                continue
            raw.kind = kind
            f = raw.name_first
            if (
                raw.honorific is None
                and f >= 2
                and doc[f - 1].text == "."
                and fold(doc[f - 2].text) in HONORIFICS
                and _is_capitalised(doc[f - 2])
            ):
                # "Sra. Lucía Ferrer": the tokenizer split the title's dot off.
                raw.honorific = fold(doc[f - 2].text)
            if raw.role is None:
                raw.role = self._appositive_role(raw.name_last)
            key = (raw.name_first, raw.name_last)
            old = raws.get(key)
            if old is None:
                raws[key] = raw
            else:
                if raw.honorific and not old.honorific:
                    raws[key] = raw
                if kind != "ent":
                    raws[key].kind = kind
        found = self._drop_outlets(self._drop_places(list(raws.values())))
        found += self._full_names_for_surnames(found)
        return sorted(found, key=lambda r: r.name_first)

    def _listener(self, i: int) -> bool:
        """Token i is who was told or interviewed: "told Bloomberg", "told the BBC",
        "in an interview with Reuters"."""
        tok = self.doc[i]
        head = tok.head
        if tok.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
            return True
        return (
            tok.dep_ == "pobj"
            and head.lower_ == "with"
            and head.head.lemma_.lower() in ("interview", "speak", "talk")
        )

    def _drop_outlets(self, raws: list[_Raw]) -> list[_Raw]:
        """A one-word "person" with no title or role that is only ever the one told or
        interviewed ("told Bloomberg", "in an interview with Reuters") and never speaks
        nor belongs to a longer name: a news outlet or an audience, not a person."""
        doc = self.doc
        longer = {w for r in raws if len(r.words) > 1 for w in r.words}
        by_word: dict[str, list[_Raw]] = {}
        for r in raws:
            if len(r.words) == 1:
                by_word.setdefault(r.words[0], []).append(r)
        drop: set[int] = set()
        speakers: set[str] | None = None
        for word, group in by_word.items():
            if word in longer or any(r.honorific or r.role or r.kind != "ent" for r in group):
                continue
            if not all(self._listener(r.name_last) for r in group):
                continue
            if speakers is None:
                speakers = {
                    fold(t.text)
                    for t in doc
                    if t.dep_ in ("nsubj", "nsubjpass") and _is_speech(t.head)
                }
            if word in speakers:
                continue
            drop.update(id(r) for r in group)
        return [r for r in raws if id(r) not in drop]

    def _drop_places(self, raws: list[_Raw]) -> list[_Raw]:
        """A one-word "person" known only from the model's PERSON label that names a place
        ("said one trader in Bogotá"): a country, a region, a big city, or a word the model
        labels a place elsewhere in the article."""
        places = {fold(t.text) for t in self.doc if t.ent_type_ in ("GPE", "LOC")}
        kinds: dict[str, set[str]] = {}
        in_full: set[str] = set()
        for r in raws:
            if len(r.words) == 1:
                kinds.setdefault(r.words[0], set()).add(r.kind if not r.honorific else "title")
            else:
                in_full.update(r.words)
        out = []
        for r in raws:
            word = r.words[0]
            if (
                len(r.words) == 1
                and kinds[word] == {"ent"}
                and word not in in_full
                and (
                    word in places
                    or is_country(r.text)
                    or region_country(r.text)
                    or city_population(r.text) >= CITY_SIZE
                )
            ):
                continue
            out.append(r)
        return out

    def _full_names_for_surnames(self, raws: list[_Raw]) -> list[_Raw]:
        """A surname known only as "Mrs Papadopoulou" or "Okoro said": the article's full
        mention ("Eleni Papadopoulou, 72, ...") the model did not label is found by the word."""
        known = {w for r in raws if len(r.words) >= 2 for w in r.words}
        wanted = {r.words[0] for r in raws if len(r.words) == 1 and r.words[0] not in known}
        if not wanted:
            return []
        taken = {i for r in raws for i in range(r.first, r.name_last + 1)}
        out: list[_Raw] = []
        for tok in self.doc:
            if tok.i in taken or tok.i == 0 or not _is_name_token(tok):
                continue
            word = fold(re.sub(r"[\u2019']s$", "", tok.text))
            if word not in wanted or tok.ent_type_ in NOT_NAME_LABELS:
                continue
            # The model often takes an unfamiliar name for a place ("Eleni Papadopoulou"
            # as GPE): the surname is a person's here, so the label does not count.
            run = self._name_run(tok.i)
            if run is None or tok.i == run[0]:
                continue
            # The last word, or a middle one of a double surname ("Ana Torres Vega").
            if not (run[1] - run[0] in (1, 2) and run[1] == tok.i) and run[1] - run[0] not in (
                2,
                3,
            ):
                continue
            if any(self.doc[k].ent_type_ in NOT_NAME_LABELS for k in range(*run)):
                continue
            last = self.doc[run[1]]
            if is_country(self.text[self.doc[run[0]].idx : last.idx + len(last.text)]):
                continue
            raw = self._split(*run)
            if raw is None or len(raw.words) < 2 or word not in raw.words[1:]:
                continue
            raw.kind = "surname"
            out.append(raw)
            wanted.discard(word)
            taken.update(range(raw.first, raw.name_last + 1))
        return out

    def organisation_at(self, token_i: int) -> str | None:
        """The organisation a token belongs to, written in full ("Lagos Chamber of Commerce
        and Industry"): the capitalised run around the token, through "of", "and", "for"
        between capitalised words, when it has an organisation word ("Chamber", "Agency",
        "Bank") or the model labels it ORG (and it is no person's name)."""
        doc = self.doc
        if token_i in self._token_person:
            return None
        tok = doc[token_i]
        if (
            self._acronym_names is not None
            and _acronym_token(tok)
            and not (
                token_i > 0
                and _is_name_token(doc[token_i - 1])
                and doc[token_i - 1].lower_ != "the"
            )
            and not (token_i + 1 < len(doc) and _is_name_token(doc[token_i + 1]))
        ):
            full = self.acronyms().get(tok.text)
            if full and (
                tok.text in self._acronyms_given
                or not (tok.ent_type_ in ("GPE", "LOC") or is_country(tok.text))
            ):
                return full  # "the US" stays the country unless the article spells it out
        ent = self._ent_at().get(token_i)
        label = ent.label_ if ent is not None else ""

        def cap(t: Token) -> bool:
            return _is_capitalised(t) and t.pos_ in ("PROPN", "NOUN") and t.tag_ != "POS"

        if not _is_capitalised(doc[token_i]):
            return None
        if label not in ("", "ORG"):
            # "Amnesty International Kenya": a place ending an organisation's name.
            prev = doc[token_i - 1] if token_i > 0 else None
            if prev is None or prev.ent_type_ != "ORG" or not cap(prev):
                return None
            ent, label = self._ent_at().get(prev.i), "ORG"
        a = b = token_i
        if ent is not None:
            a, b = min(a, ent.start), max(b, ent.end - 1)

        while a > 0 and cap(doc[a - 1]) and "\n" not in doc[a - 1].whitespace_:
            a -= 1
        while b + 1 < len(doc) and "\n" not in doc[b].whitespace_:
            nxt = doc[b + 1]
            if cap(nxt):
                b += 1
            elif (
                fold(nxt.text) in ORG_CONNECTORS
                and b + 2 < len(doc)
                and cap(doc[b + 2])
                and (doc[b + 2].ent_type_ in ("", "ORG") or nxt.lower_ == "of")
            ):
                b += 2
            else:
                break
        tokens = list(doc[a : b + 1])
        if any(t.text == "(" for t in tokens):  # "Union of ... Federations (UERF"
            cut = next(k for k, t in enumerate(tokens) if t.text == "(")
            tokens = tokens[:cut] if token_i < tokens[cut].i else tokens[cut + 1 :]
        while tokens and (tokens[0].lower_ == "the" or tokens[0].tag_ == "DT"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
            tokens = tokens[:-1]
        if not tokens or any(t.i in self._token_person for t in tokens):
            return None
        if fold(tokens[-1].text) in OFFICE_TITLES | PERSON_ROLE_NOUNS:
            return None  # "Industry Minister", "Union Leader": a person's title
        titles = [k for k, t in enumerate(tokens) if fold(t.text) in RUN_TITLES]
        if titles and len(tokens) - titles[-1] > 2:
            after = tokens[titles[-1] + 1 :]
            if not any(fold(t.text) in ORG_WORDS or _is_acronym(t) for t in after):
                # "VinaVolt Chief Executive Nguyen Thi Thu Hang": a company, a title and a
                # person's name, not one organisation.
                return None
        words = {fold(t.text) for t in tokens}
        particle_name = any(
            t.lower_ == t.text and t.lower_ in NAME_PARTICLES - {"la", "le"} for t in tokens[1:-1]
        )  # "Jean-Baptiste Ekambi de la Fontaine": a person's name, whatever the label
        is_org = bool(words & ORG_WORDS) or (
            label == "ORG"
            and not (particle_name and not words & (ORG_CONNECTORS - NAME_PARTICLES))
            and (
                bool(words & ORG_CONNECTORS)
                or len(tokens) == 1
                or len(tokens) > 4
                or any(_is_acronym(t) for t in tokens)
            )
        )
        if not is_org and label in ("", "ORG") and len(tokens) <= 6:
            # "Southern Fjord Ferries, a state-owned shipping company, ...": the appositive
            # says what the name is.
            is_org = any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and fold(c.lemma_) in ORG_APPOSITIVES
                for t in tokens
                for c in t.children
            )
        if not is_org:
            return None
        text = self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        return re.sub(r"[\u2019']s$", "", text)

    def acronyms(self) -> dict[str, str]:
        """Initials -> the organisation's full name given in the article: "the Union of
        European Rugby Federations (UERF)", or an organisation whose capitalised words'
        initials spell the acronym."""
        if self._acronym_names is None:
            doc = self.doc
            self._acronym_names = {}  # while building, organisation_at expands nothing
            found: dict[str, str] = {}
            names: list[str] = []
            for tok in doc:
                if (
                    tok.text == "("
                    and tok.i > 0
                    and tok.i + 2 < len(doc)
                    and doc[tok.i + 2].text == ")"
                    and _acronym_token(doc[tok.i + 1])
                ):
                    acronym = doc[tok.i + 1].text
                    full = self.organisation_at(tok.i - 1)
                    if not full or " " not in full:
                        full = self._spelled_out(tok.i - 1, acronym)
                    if full and " " in full:
                        found.setdefault(acronym, full)
                elif _is_capitalised(tok) and (
                    fold(tok.text) in ORG_WORDS or (tok.ent_type_ == "ORG" and tok.ent_iob_ == "B")
                ):
                    full = self.organisation_at(tok.i)
                    if full and " " in full:
                        names.append(full)
            self._acronyms_given = set(found)
            for full in names:
                found.setdefault(initials(full), full)
            self._acronym_names = {k: v for k, v in found.items() if len(k) >= 2}
        return self._acronym_names

    def _spelled_out(self, last: int, acronym: str) -> str | None:
        """The capitalised words ending at token `last` that an acronym in brackets after
        them abbreviates ("Jatiya People's Party (JPP)"): through of/and/for and
        possessives, kept when their initials start like the acronym."""
        doc = self.doc
        a = last
        while a > 0 and last - a < 10 and "\n" not in doc[a - 1].whitespace_:
            prev = doc[a - 1]
            if (
                _is_capitalised(prev)
                and prev.pos_ in ("PROPN", "NOUN", "ADJ")
                and prev.tag_ != "POS"
                or (prev.tag_ == "POS" or fold(prev.text) in ORG_CONNECTORS)
                and a >= 2
                and _is_capitalised(doc[a - 2])
            ):
                a -= 1
            else:
                break
        if not _is_capitalised(doc[last]):
            return None
        text = self.text[doc[a].idx : doc[last].idx + len(doc[last].text)]
        if not initials(text) or initials(text)[0] != acronym[0]:
            return None
        return text

    def _ent_at(self) -> dict[int, object]:
        if self._ents is None:
            self._ents = {t: ent for ent in self.doc.ents for t in range(ent.start, ent.end)}
        return self._ents

    def _group(self, raws: list[_Raw]) -> None:
        doc = self.doc
        # Full names (two words or more); a shorter full name inside a longer one with the
        # same surname is the same person ("Vladimir Putin" / "Vladimir V. Putin").
        full = [r for r in raws if len(r.words) >= 2]
        canon: dict[tuple[str, ...], str] = {}
        groups: list[tuple[set[str], str, tuple[str, ...]]] = []  # (words, name, key words)
        for r in sorted(full, key=lambda r: (-len(r.words), r.name_first)):
            for words, name, key in groups:
                if r.words[-1] == key[-1] and set(r.words) <= words:
                    canon[r.words] = name
                    break
            else:
                groups.append((set(r.words), r.text, r.words))
                canon[r.words] = r.text
        # Positions of full mentions by word, to pick the nearest earlier one for a surname.
        by_word: dict[str, list[tuple[int, str, int]]] = {}
        for r in full:
            name = canon[r.words]
            for pos, w in enumerate(r.words):
                rank = 2 if pos == len(r.words) - 1 else 1 if pos == 0 else 0
                by_word.setdefault(w, []).append((r.name_first, name, rank))

        def resolve_single(word: str, at: int) -> str | None:
            # The last word of a full name first, then its first word (a family name
            # written first: "Han" for "Han Do-hyun"), then any word of it.
            cands = by_word.get(word)
            if not cands:
                return None
            best = max(c[2] for c in cands)
            surname = [c for c in cands if c[2] == best]
            before = [c for c in surname if c[0] <= at]
            return (before[-1] if before else surname[0])[1]

        assigned: list[tuple[_Raw, str]] = []
        singles_seen: dict[str, str] = {}
        for r in raws:
            if len(r.words) >= 2:
                assigned.append((r, canon[r.words]))
            else:
                name = (
                    resolve_single(r.words[0], r.name_first)
                    or singles_seen.get(r.words[0])
                    or r.text
                )
                singles_seen.setdefault(r.words[0], name)
                assigned.append((r, name))
        # Lone surnames with no title or entity label ("Umarov said", "D'Anieri").
        covered = set()
        for r, _ in assigned:
            covered.update(range(r.first, r.name_last + 1))
        surnames = {}
        for r, name in assigned:
            surnames.setdefault(r.words[-1], name)
        # A family name written first ("Han Do-hyun" ... "Han said"): the first word of a
        # full name, for a subject or a word the model labels a person.
        firsts = {}
        for r, name in assigned:
            if len(r.words) >= 2 and r.words[0] not in surnames:
                firsts.setdefault(r.words[0], name)
        # A double surname on second reference ("Mirtha Condori Quispe" ... "Condori told
        # a rally"): a middle word of a full name, under the same conditions.
        for r, name in assigned:
            for w in r.words[1:-1]:
                if w not in surnames and len(w) > 2:
                    firsts.setdefault(w, name)
        for tok in doc:
            if tok.i in covered or not (_is_name_token(tok) or _surname_like(tok)):
                continue
            if tok.ent_type_ in NON_PERSON_LABELS - {"FAC"} and tok.dep_ not in (
                "nsubj",
                "nsubjpass",
            ):
                continue  # "Kalin stated": a surname the model took for a place, as a subject
            word = fold(re.sub(r"[\u2019']s$", "", tok.text))
            if (
                word not in surnames
                and word in firsts
                and tok.ent_type_ not in ("GPE", "LOC")
                and (
                    tok.ent_type_ == "PERSON"
                    or tok.dep_ in ("nsubj", "nsubjpass")
                    or (  # "“...,” said Torres" parsed with the name as object
                        tok.dep_ in ("dobj", "attr", "npadvmod")
                        and tok.head.i < tok.i
                        and _is_speech(tok.head)
                    )
                )
            ):
                surnames[word] = firsts[word]
            if word in surnames and (
                tok.i + 1 >= len(doc)
                or not _is_name_token(doc[tok.i + 1])
                or doc[tok.i + 1].tag_ == "POS"
            ):
                if tok.i > 0 and _is_name_token(doc[tok.i - 1]) and tok.i - 1 not in covered:
                    continue  # part of a different, longer name
                raw = _Raw(tok.i, tok.i, tok.i, None, None, (word,), tok.text)
                assigned.append((raw, resolve_single(word, tok.i) or surnames[word]))
        assigned.sort(key=lambda x: x[0].first)
        # People, roles, genders, mentions.
        for r, name in assigned:
            person = self._by_name.get(name)
            role = person.role if person else None
            gender = person.gender if person else None
            if role is None and r.role:
                role = r.role
            if gender is None and r.honorific:
                gender = HONORIFICS[r.honorific]
            if gender is None and r.role:
                words = {fold(w) for w in r.role.split()}
                gender = (
                    "f" if words & FEMALE_ROLE_WORDS else "m" if words & MALE_ROLE_WORDS else None
                )
            new = Person(name=name, role=role, gender=gender)
            if person is None:
                self.people.append(new)
            else:
                self.people[self.people.index(person)] = new
            self._by_name[name] = new
            last = doc[r.name_last]
            self.mentions.append(
                Mention(
                    doc[r.first].idx,
                    last.idx + len(last.text),
                    r.first,
                    r.name_last,
                    r.name_first,
                    name,
                )
            )
            for k in range(r.first, r.name_last + 1):
                self._token_person[k] = name
        self._mention_starts = [m.start for m in self.mentions]

    def _votes_for_gender(self) -> None:
        """he/she right after a person's mention tells the gender: the pronoun is in the
        same or the next sentence and only that one person was mentioned since the start
        of the previous sentence."""
        regions = [(q.open_at, q.end) for q in find_quotes(self.text) if q.depth == 0]
        starts = [r[0] for r in regions]

        def quoted(char: int) -> bool:  # a pronoun inside a quotation is the speaker's own
            k = bisect.bisect_right(starts, char) - 1
            return k >= 0 and char <= regions[k][1]

        votes: dict[str, dict[str, int]] = {}
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
                if gender and tok.dep_ in ("nsubj", "nsubjpass", "poss") and not quoted(tok.idx):
                    names = {x.name for x in previous + current}
                    if len(names) == 1:
                        name = names.pop()
                        votes.setdefault(name, {}).setdefault(gender, 0)
                        votes[name][gender] += 1
            previous = current
        for name, counts in votes.items():
            person = self._by_name[name]
            if person.gender is None and counts:
                best = max(counts, key=counts.get)
                if counts[best] > sum(counts.values()) - counts[best]:
                    new = Person(name=person.name, role=person.role, gender=best)
                    self.people[self.people.index(person)] = new
                    self._by_name[name] = new

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
        """The canonical full name for a mention as written, or None when no person matches."""
        if not mention:
            return None
        if mention in self._by_name:
            return mention
        words = [
            fold(re.sub(r"[\u2019']s$", "", w))
            for w in re.split(r"[\s\-\u2010\u2011]+", mention.strip())
            if w
        ]
        words = [w for w in words if w]
        while words and (words[0] in HONORIFICS or words[0] in OFFICE_TITLES):
            words.pop(0)
        if not words:
            return None
        if self._words_cache is None or len(self._words_cache) != len(self.people):
            self._words_cache = {
                p.name: [fold(w) for w in re.split(r"[\s\-\u2010\u2011]+", p.name) if w]
                for p in self.people
            }
        by_words = self._words_cache
        for name, pw in by_words.items():
            if words[-len(pw) :] == pw:  # the mention ends with the full name
                return name
        for name, pw in by_words.items():
            if words[-1] == pw[-1]:
                return name
        if len(words) == 1:
            for name, pw in by_words.items():
                if words[0] in pw:
                    return name
        return None

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
        doc = self.doc
        k = bisect.bisect_left(self._mention_starts, before) - 1
        nearest: Mention | None = None
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end < before - LOOKBACK_CHARS:
                break
            if m.end > before or (skip is not None and skip(m)):
                continue
            if self.gender_of(m.name) not in (gender, None):
                continue
            if nearest is None:
                nearest = m
                sent = doc[m.last].sent
                if doc[m.last].dep_ in ("nsubj", "nsubjpass"):
                    return m.name
            elif m.start < sent.start_char:
                break
            elif doc[m.last].dep_ in ("nsubj", "nsubjpass"):
                return m.name
        return nearest.name if nearest else None

    def resolve_description(
        self, noun: str, *, before: int, skip: Callable[[Mention], bool] | None = None
    ) -> str | None:
        """The person "the minister" / "the senator" at char offset `before` refers to: the
        nearest earlier person whose role contains that word."""
        noun = fold(noun)
        k = bisect.bisect_left(self._mention_starts, before) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end < before - LOOKBACK_CHARS:
                break
            if m.end > before or (skip is not None and skip(m)):
                continue
            role = self.role_of(m.name)
            if role and noun in {fold(w) for w in re.split(r"[\s\-]+", role)}:
                return m.name
        return None
