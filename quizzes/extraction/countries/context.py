"""What the country rules read and write for one document.

Read: the country names and nationality adjectives of the text (``mentions``), how often the
article names each country (``context``), the countries of each sentence (``near``), the
entities, and the people index. Written by the rules (declared here, in the order the rules
fill them): ``links`` (the output), ``dateline_country``, ``person_tokens``, ``title_tokens``,
``office_holder``, ``pending`` and ``org_at`` (see each field's comment).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .. import geo
from ..confidence import confidence
from ..dates import doc_text
from ..facts import CountryLink, Person
from ..lexicon import CREDIT_WORDS, ORG_WORDS
from ..nlp import common_nouns
from ..people import Mention as PersonMention
from ..sentences import doc_tokens, entities, evidence_sentences, sentence_index
from ..text import fold_word, regex
from .words import DIRECTIONS, LOCATIVE_PREPS, OWNED_NOUNS, POLICY_NOUNS, POSSESSIVE, WATER_NOUNS

# Kinds of place whose apposition names a city ("the capital, Lodz").
_CITY_KINDS = {"capital", "city", "town", "port"}


class PeopleLike(Protocol):
    """What the country rules ask the people index (``people.PeopleIndex``)."""

    @property
    def people(self) -> list[Person]: ...

    @property
    def mentions(self) -> list[PersonMention]: ...

    def canonical(self, mention: str) -> str | None: ...

    def role_of(self, name: str | None) -> str | None: ...

    def organisation_at(self, token_i: int) -> str | None: ...


@dataclass(frozen=True)
class CountryMention:
    start: int  # token indices [start, end)
    end: int
    country: str
    form: str  # "name" (Russia, the UK) | "adj" (Russian, Kazakh)


def two_letter_code(text: str) -> bool:
    letters = text.replace(".", "")
    return len(letters) == 2 and letters.isupper()


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """A subject's text without "the", a possessive or extra spaces ("NAIROBI" -> "Nairobi").
    Cached: the rules clean the same entity texts again and again (three substitutions each)."""
    text = POSSESSIVE.sub("", text.strip())
    text = _LEADING_THE.sub("", text)
    text = _SPACES.sub(" ", text).strip(' ,;:"“”‘’')
    if text.isupper() and len(text) > 4 and " " not in text:  # dateline "NAIROBI"
        text = text.title()
    return text


def name_text(span: Span) -> str:
    """A name's text without an unclosed bracket ("... Technology (Buet" -> "... Technology")."""
    text = span.text
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()
    return text


def find_mentions(doc: Doc, tokens: Sequence[Token]) -> dict[int, CountryMention]:
    """Country names and nationality adjectives, indexed by each token they cover; the
    longest name first ("Bosnia and Herzegovina", "the UK", "South Korea")."""
    found: dict[int, CountryMention] = {}
    defined = _defined_acronyms(tokens)
    i = 0
    while i < len(doc):
        dependency = _dependency_at(doc, tokens, i)
        if dependency:
            i = dependency  # "American Samoa": a territory's name holds no country
            continue
        match = _mention_at(doc, tokens, i)
        if match is not None and _not_the_country(doc, tokens, match, defined):
            match = None
        if match is None:
            i += 1
            continue
        for k in range(match.start, match.end):
            found[k] = match
        i = match.end
    _short_names_in_bodies(doc, tokens, found)
    _america_ending_a_body(tokens, found)
    _codes_before_names(doc, tokens, found, defined)
    _clipped_adjectives(tokens, found)
    _native_american_indians(tokens, found)
    _ethnic_peoples(tokens, found)
    _peoples_after_a_nationality(tokens, found)
    return found


def _ethnic_peoples(tokens: Sequence[Token], found: dict[int, CountryMention]) -> None:
    """ "ethnic Russians in eastern Ukraine", "an ethnic Uzbek family in Kyrgyzstan": a
    nationality word after "ethnic" names a people living where its sentence says, no
    nationality of that country, when the sentence names another country (in one naming
    only its own, "ethnic Russians make up most of Russia", the word keeps its country)."""
    for tok in tokens:
        mention = found.get(tok.i)
        if mention is None or mention.form != "adj" or tok.i != mention.start or tok.i == 0:
            continue
        if tokens[tok.i - 1].lower_ not in ("ethnic", "ethnically"):
            continue
        sent = tok.sent
        others = {
            m.country
            for k in range(sent.start, sent.end)
            if (m := found.get(k)) is not None and m.country != mention.country
        }
        if others:
            for k in range(mention.start, mention.end):
                del found[k]


def _peoples_after_a_nationality(tokens: Sequence[Token], found: dict[int, CountryMention]) -> None:
    """ "Afghan Tajiks", "Iraqi Turkmens": a plural nationality word that another country's
    nationality word qualifies, in an article that never names its own country, is a people
    living in the first one, no nationality of its own ("Korean Americans" in an article
    naming the United States stay Americans): the plural counts as the first one's word."""
    named = {m.country for m in found.values() if m.form == "name"}
    for tok in tokens:
        people = found.get(tok.i)
        before = found.get(tok.i - 1) if tok.i > 0 else None
        if people is None or before is None or tok.i != people.start or people.form != "adj":
            continue
        if before.form != "adj" or before.country == people.country or people.country in named:
            continue
        last = tokens[people.end - 1]
        if last.lower_.endswith("s") and tokens[tok.i - 1].head.i == last.i:
            local = CountryMention(people.start, people.end, before.country, "adj")
            for k in range(people.start, people.end):
                found[k] = local


# Nouns that make "Indian" the Native American sense ("Indian tribes", "Indian reservations").
_NATIVE_NOUNS = {"tribe", "tribes", "tribal", "reservation", "reservations", "country", "nations"}


def _native_american_indians(tokens: Sequence[Token], found: dict[int, CountryMention]) -> None:
    """ "children born to Indian tribes" in an article naming the United States and never
    India: "Indian" before a tribe, a reservation or "Country" is Native American, no
    nationality of India (an article naming India keeps it: "Indian tribes of Odisha")."""
    named = {m.country for m in found.values() if m.form == "name"}
    if "United States" not in named or "India" in named:
        return
    for tok in tokens:
        mention = found.get(tok.i)
        if mention is None or mention.country != "India" or mention.form != "adj":
            continue
        if tok.i + 1 < len(tokens) and tokens[tok.i + 1].lower_ in _NATIVE_NOUNS:
            del found[tok.i]


# Entity labels of a code that is a unit or a figure's, not a place ("US dollars", "9:54 ET").
_NO_PLACE_LABELS = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "TIME", "DATE", "PERSON"}


def _codes_before_names(
    doc: Doc, tokens: Sequence[Token], found: dict[int, CountryMention], defined: set[str]
) -> None:
    """ "the presumptive US Democratic Party nominee", "then-US Libertarian Party candidate",
    "the 2020 US Presidential Election": two capitals that code a country the article names
    elsewhere, right before a capitalised name, are that country (the model reads them as
    the first word of the name, no place, so ``_letters_or_a_name`` left them out)."""
    named = {m.country for m in found.values()}
    for tok in tokens:
        if tok.i in found or not two_letter_code(tok.text) or tok.text in defined:
            continue
        if tok.ent_type_ in _NO_PLACE_LABELS or tok.i + 1 >= len(doc):
            continue
        following = tokens[tok.i + 1]
        if not (following.is_title and following.pos_ in {"PROPN", "ADJ", "NOUN"}):
            continue
        country = geo.canonical_country(tok.text)
        if country in named and not _inside_a_persons_name(doc, tok.i, tok.i + 1):
            found[tok.i] = CountryMention(tok.i, tok.i + 1, country, "name")


def _reads_as_nationality(tok: Token) -> bool:
    """The model's NORP, or a capitalised word before a lower-case noun ("the Lusitan embassy")."""
    if tok.ent_type_ == "NORP":
        return True
    return tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and tok.head.text.islower()


def _clipped_adjectives(tokens: Sequence[Token], found: dict[int, CountryMention]) -> None:
    """ "the Lusitan embassy" in an article naming Lusitania: a nationality word the model
    reads as one (NORP) that is the name of a country the article names, short of its last
    letter or two, is that country's adjective (the data lists another demonym)."""
    named = {m.country for m in found.values() if m.form == "name"}
    for tok in tokens:
        if (
            tok.i in found
            or not tok.is_title
            or len(tok.text) < 5
            or not _reads_as_nationality(tok)
        ):
            continue
        country = next(
            (c for c in named if c.startswith(tok.text) and 0 < len(c) - len(tok.text) <= 2),
            None,
        )
        if country is not None and " " not in country:
            found[tok.i] = CountryMention(tok.i, tok.i + 1, country, "adj")


def _short_names_in_bodies(
    doc: Doc, tokens: Sequence[Token], found: dict[int, CountryMention]
) -> None:
    """ "the Zembian Broadcasting Corporation" in an article naming "Zembia Republic": a
    nationality word the data lists only in its long form ("Saudi" of Saudi Arabia) starts
    a body's name when the article names that country in full."""
    named = {m.country for m in found.values() if m.form == "name"}
    for tok in tokens:
        if tok.i in found or tok.ent_type_ != "ORG" or not tok.text[:1].isupper():
            continue
        following = tokens[tok.i + 1] if tok.i + 1 < len(doc) else None
        if following is None or following.ent_type_ != "ORG" or not following.text[:1].isupper():
            continue
        country = geo.country_of_short_name(tok.text)
        if country in named and tok.pos_ in {"ADJ", "PROPN"}:
            found[tok.i] = CountryMention(tok.i, tok.i + 1, country, "adj")


def _america_ending_a_body(tokens: Sequence[Token], found: dict[int, CountryMention]) -> None:
    """ "the Harbour Party of America": a body's name "of America" names the United States,
    so a person whose title or description holds it is American too ("Harbour Party of America
    nominee Ana Lind"); "of Latin America" ends with another word before "America"."""
    for tok in tokens:
        if tok.text != "America" or tok.i < 2 or tok.i in found or tokens[tok.i - 1].lower_ != "of":
            continue
        name = []
        k = tok.i - 2
        while k >= 0 and tokens[k].is_title and k not in found:
            name.append(tokens[k])
            k -= 1
        if any(fold_word(t.text) in ORG_WORDS for t in name):
            found[tok.i] = CountryMention(tok.i, tok.i + 1, "United States", "name")


# Words after a country's name that make it the name of a street or a building.
_NAME_OF_A_PLACE = {"street", "road", "avenue", "boulevard", "lane", "drive", "terrace"}


_CONTINENT_PARTS = {
    "north", "south", "east", "west", "central", "latin", "northern", "southern", "eastern",
    "western", "sub-saharan",
}  # fmt: skip


def _not_the_country(
    doc: Doc, tokens: Sequence[Token], match: CountryMention, defined: set[str]
) -> bool:
    """ "the African Union (AU)": AU is not Australia here; "then-Nova Jersey Governor": the
    end of a longer place; "Georgia" listed with US states."""
    return (
        tokens[match.end - 1].text in defined
        or inside_a_longer_place(tokens, match)
        or _starts_a_longer_place(tokens, match)
        or _listed_with_states_of_another_country(doc, match)
    )


def _starts_a_longer_place(tokens: Sequence[Token], match: CountryMention) -> bool:
    """ "police in British Columbia": a nationality word that starts the name of a province
    (or a big city) of another country names that place, not its own country."""
    if match.form != "adj":
        return False
    for j in range(match.end + 1, min(len(tokens), match.end + 3) + 1):
        words = tokens[match.start : j]
        if not all(t.text[:1].isupper() and t.is_alpha for t in words):
            return False
        name = " ".join(t.text for t in words)
        place = geo.region_country(name)
        if place is None and geo.city_population(name) >= geo.CITY_MIN_POPULATION:
            place = geo.city_country(name)
        if place is not None and place != match.country:
            return True
    return False


def _text_of(doc: Doc, tokens: Sequence[Token], i: int, j: int) -> str:
    """`doc[i:j].text` (i < j) cut from the doc's text, without making a Span."""
    last = tokens[j - 1]
    return doc_text(doc)[tokens[i].idx : last.idx + len(last.text)]


def _dependency_at(doc: Doc, tokens: Sequence[Token], i: int) -> int:
    """The end of a dependent territory's name of two words or more that starts at token i
    ("American Samoa", "British Virgin Islands"), else 0."""
    if not tokens[i].text[:1].isupper():
        return 0
    for j in range(min(len(doc), i + 4), i + 1, -1):
        if not tokens[j - 1].text[:1].isupper():
            continue
        name = geo.canonical_country(_text_of(doc, tokens, i, j))
        if name and geo.is_dependency(name):
            return j
    return 0


def _listed_with_states_of_another_country(doc: Doc, match: CountryMention) -> bool:
    """ "Senators A of Florida, B of Utah, and C of Georgia": a country's name that is also a
    state of another country ("Georgia", a US state), in a paragraph naming other states of
    that country, is the state; so is "Republican member X of Georgia" (a US lawmaker and
    the state he is elected in)."""
    if match.form != "name":
        return False
    other = geo.country_sharing_a_region_name(match.country)
    if other is None:
        return False
    if other == "United States" and _us_lawmaker_of(doc, match.start):
        return True
    text = doc_text(doc)
    start = text.rfind("\n", 0, doc[match.start].idx) + 1
    end = text.find("\n", doc[match.start].idx)
    end = len(text) if end < 0 else end
    return any(
        ent.label_ == "GPE"
        and start <= ent.start_char < end
        and not (ent.start <= match.start < ent.end)
        and not geo.is_country(ent.text)
        and geo.region_country(ent.text) == other
        for ent in doc.ents
    )


# Words of US politics before "<Name> of <State>": "Republican Senator X of Georgia".
_US_POLITICS = {
    "Republican", "Republicans", "Democratic", "Democrat", "Democrats", "GOP", "Senator",
    "Sen.", "Congressman", "Congresswoman", "Representative", "Rep.", "Congressional",
}  # fmt: skip


def _us_lawmaker_of(doc: Doc, k: int) -> bool:
    """ "Republican committee member Tom Reid of Georgia": an "of" before the name of the
    state, a word of US politics earlier in the sentence."""
    if k < 1 or doc[k - 1].lower_ != "of":
        return False
    sent = doc[k].sent
    return any(t.text in _US_POLITICS for t in doc[sent.start : k - 1])


def inside_a_longer_place(tokens: Sequence[Token], match: CountryMention) -> bool:
    """ "then-Nova Jersey Governor X": the country's name ends a longer place name (a state or
    city the data knows, like New Mexico) that lies in another country, so the text names that
    place, not the country ("Western Australia" still lies in Australia)."""
    for k in range(max(0, match.start - 2), match.start):
        words = tokens[k : match.start]
        if not all(t.text[:1].isupper() and t.is_alpha for t in words):
            continue
        name = " ".join(t.text for t in [*words, *tokens[match.start : match.end]])
        place = geo.region_country(name) or geo.city_country(name)
        if place is not None and place != match.country:
            return True
    return False


def _defined_acronyms(tokens: Sequence[Token]) -> set[str]:
    """Acronyms the article defines for an organisation: "the African Union (AU)"."""
    return {
        tokens[k + 1].text
        for k in range(1, len(tokens) - 2)
        if tokens[k].text == "("
        and tokens[k + 2].text == ")"
        and tokens[k + 1].text.isupper()
        and tokens[k - 1].text[:1].isupper()
        and tokens[k - 1].pos_ in ("PROPN", "NOUN")
        and not _country_before(tokens, k)
    }


def _country_before(tokens: Sequence[Token], k: int) -> bool:
    """ "the United States (US)": the bracketed letters abbreviate a country."""
    return any(
        geo.is_country(" ".join(t.text for t in tokens[j:k])) for j in range(max(0, k - 4), k)
    )


def _mention_at(doc: Doc, tokens: Sequence[Token], i: int) -> CountryMention | None:
    tok = tokens[i]
    if not (tok.text[:1].isupper() or tok.lower_ == "the") or not geo.may_start_country(tok.text):
        return None
    for j in range(min(len(doc), i + 5), i, -1):
        last = tokens[j - 1]
        if last.is_punct or last.is_space or not last.text[:1].isalpha():
            continue
        if tok.lower_ == "the" and (j - i == 1 or not tokens[i + 1].text[:1].isupper()):
            continue  # "the island" is no country
        if (
            j < len(doc)
            and tokens[j].lower_ in _NAME_OF_A_PLACE
            and tokens[j].text[:1].isupper()
            and geo.canonical_country(_text_of(doc, tokens, i, j)) is not None
        ):
            return None  # "Grenada Street", "Jamaica Road": a street's name (not "Peruvian Road")
        match = _mention_of(doc, tokens, i, j)
        if match is not None:
            return match
    return None


def _names_waters(tokens: Sequence[Token], j: int) -> bool:
    """ "the Kelvish Channel", "the Arabian Sea": a nationality word naming waters every shore
    shares is no country's mention."""
    return j < len(tokens) and tokens[j].lower_ in WATER_NOUNS and tokens[j].text[:1].isupper()


# Prefixes that make a nationality a time ("post-Soviet", "pre-Columbian").
_TIME_PREFIXES = {"post", "pre"}


def _mention_of(doc: Doc, tokens: Sequence[Token], i: int, j: int) -> CountryMention | None:
    text = _text_of(doc, tokens, i, j)
    tok = tokens[i]
    name = geo.canonical_country(text)
    adjective = _adjective_of(text, tok, j == i + 1)
    if not name and not adjective:
        return None  # no country's name or adjective (the cheap lookups first)
    if _letters_or_a_name(doc, tokens, i, j):
        return None
    if name and geo.is_dependency(name):
        return None  # "Hong Kong's leader": a territory of China, no country of its own
    if name and (geo.is_inhabited(name) or geo.is_historic_state(name)):
        return CountryMention(i, j, name, "name")
    if _no_country_of_its_own(tokens, i):
        return None
    if adjective and doc[i].pos_ in {"ADJ", "PROPN", "NOUN"} and not _names_waters(tokens, j):
        return CountryMention(i, j, adjective, "adj")
    return None


def _no_country_of_its_own(tokens: Sequence[Token], i: int) -> bool:
    """ "South American", "East African": a continent's part; "the post-Soviet states": a
    time after the state, none of its things."""
    before = tokens[i - 1] if i > 0 else None
    if before is not None and before.lower_ in _CONTINENT_PARTS and before.text[:1].isupper():
        return True
    return (
        i > 1
        and before is not None
        and before.text == "-"
        and tokens[i - 2].lower_ in _TIME_PREFIXES
    )


def _adjective_of(text: str, tok: Token, one_word: bool) -> str | None:
    adjective = geo.country_of_adjective(text) if text[:1].isupper() else None
    if adjective is None and one_word and tok.ent_type_ == "NORP":
        adjective = geo.country_of_short_name(text)  # "Saudi" (Saudi Arabian)
    return adjective


def _letters_or_a_name(doc: Doc, tokens: Sequence[Token], i: int, j: int) -> bool:
    """Words spelt like a country that name something else: two capitals that are no place
    ("IT department"; "the US", "US officials" (a GPE), "U.S. Federal Court", "US Senate" still count),
    three naming a kind of thing ("a PAN card"), a person's name ("Dominique Lemaire")."""
    text = _text_of(doc, tokens, i, j)
    tok = tokens[i]
    if two_letter_code(tokens[j - 1].text) and _numbered_label(tokens, j):
        return True
    if two_letter_code(text) and not (
        tok.ent_type_ in {"GPE", "NORP"}
        or (i > 0 and tokens[i - 1].lower_ == "the")
        or "." in text
        or _names_a_national_body(tokens, j)
    ):
        return True
    return _code_as_a_modifier(tokens, i, j) or _inside_a_persons_name(doc, i, j)


def _numbered_label(tokens: Sequence[Token], j: int) -> bool:
    """ "the HR 4411 system", "a KE 52 flight": two capitals right before a number are the
    letters of a catalogue, a route or a bill, no country; a year after the code ("the US
    2020 budget") leaves it a country."""
    if j >= len(tokens):
        return False
    after = tokens[j]
    year = len(after.text) == 4 and after.text[:2] in ("19", "20")
    return after.text.isdigit() and not year


def _names_a_national_body(tokens: Sequence[Token], j: int) -> bool:
    """Two capitals before a capitalised body a country owns are the country even with no
    "the" ("ran for US Senate", "a seat in UK Parliament"): the letters name whose body it is."""
    if j >= len(tokens):
        return False
    body = tokens[j]
    return body.text[:1].isupper() and body.lower_ in OWNED_NOUNS - POLICY_NOUNS


def _code_as_a_modifier(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Three capital letters (an ISO 3166 alpha-3 code: "PAN", "GBR") that modify a common
    noun after them name a kind of thing, not the country ("a PAN card", "the GBR code
    system"), and so do they before a hyphen when the model sees no place in them
    ("ARM-based chips"); "the USA", "USA" as a place, "USA-based" and "the USA firm X" (a
    GPE: the model sees the place) still count."""
    if tokens[i].lower_ == "the":
        i += 1
    text = tokens[i].text
    if j != i + 1 or len(text) != 3 or not text.isupper() or j >= len(tokens):
        return False
    if tokens[i].ent_type_ in {"GPE", "NORP"}:
        return False  # "the USA firm Brightlane": the model sees the place
    if tokens[j].text == "-":
        return True  # "ARM-based processors": the model sees no place in the letters
    return tokens[i].dep_ in {"compound", "nmod", "amod"} and tokens[j].pos_ == "NOUN"


def _inside_a_persons_name(doc: Doc, i: int, j: int) -> bool:
    """A country's name that is one word of a longer PERSON name ("Dominique Lemaire",
    "Jordan Peele"): the small model tags people's names well when they have two words."""
    ent = doc[i].ent_type_ == "PERSON" and next(
        (e for e in entities(doc) if e.start <= i < e.end), None
    )
    if not ent or len(ent) < 2 or not (ent.start <= i and j <= ent.end):
        return False
    return all(t.text[:1].isupper() and t.is_alpha for t in ent)


def _hyphenated_whole(sentence: str, subject: str) -> str:
    """ "Sea-Watch" when the parser split the name at its hyphen and kept "Watch": a
    capitalised subject that, wherever the sentence has it, follows a capitalised word and a
    hyphen is that whole word."""
    if not subject[:1].isupper() or "-" + subject not in sentence:
        return subject  # (no pattern to build for the many subjects written without a hyphen)
    found = list(regex(r"(?<![\w-])([A-Z][\w]*)-" + re.escape(subject) + r"\b").finditer(sentence))
    alone = regex(r"(?<![\w-])" + re.escape(subject) + r"\b").search(sentence)
    if not found or alone:
        return subject
    return f"{found[0].group(1)}-{subject}"


def _whole_subject(sentence: str, subject: str, country: str) -> tuple[str, list[str]]:
    """The subject as the sentence writes it whole ("Sea-Watch", "Salem, OR"), and the
    names that are then no subject of their own."""
    also: list[str] = []
    whole = _hyphenated_whole(sentence, subject)
    if whole != subject:
        also.append(whole)
        subject = whole
    code = _region_code_after(sentence, subject, country)
    if code:  # "Springfield, IL": the town with its state's code, one place
        also.append(code)
        subject = f"{subject}, {code}"
    return subject, also


def _region_code_after(sentence: str, subject: str, country: str) -> str | None:
    """The two-letter code of a region of the subject's country written right after it
    ("Springfield, IL", "Salem, OR"), which names the place with it, not a place of its own."""
    if not subject[:1].isupper() or subject + ", " not in sentence:
        return None  # (no pattern to build for the many subjects with no comma after them)
    every = regex(r"(?<![\w-])" + re.escape(subject) + r"(?![\w-])(, [A-Z]\.?[A-Z]\.?(?!\w))?")
    found = list(every.finditer(sentence))
    if not found or not all(m.group(1) for m in found):
        return None  # "Washington and Washington, DC": the state alone, then the city
    code = found[0].group(1)[2:]
    return code if geo.region_country(code.replace(".", "")) == country else None


def _a_state(subject: str, rule: str) -> bool:
    """A country is never a subject; a dependent territory is, of its state's
    (``territories_in_their_state``)."""
    if rule == "territory_in_its_state":
        return not geo.is_dependency(subject)
    return geo.is_country(subject)


def _nameable(subject: str, kind: str) -> bool:
    """Not a number ("2018") the parser took for a place, nor words in another script (a
    quoted Hindi line), nor a lower-case "place" ("bonda, vada": whatever the data says)."""
    if not any("a" <= c.lower() <= "z" for c in geo.fold(subject)):
        return False
    return kind != "place" or subject[:1].isupper()


def clipped_words(tokens: Sequence[Token]) -> frozenset[str]:
    """ "Kelso" in an article that also writes "Kelsovirus": the start of a longer word of the
    article whose rest is a common noun of five letters or more is that word's short form
    ("the fight against Kelso"), no place or body, whatever namesake town the data holds."""
    nouns = common_nouns()
    clipped = set()
    for word in {t.lower_ for t in tokens if t.is_alpha and len(t) >= 9}:
        for k in range(3, len(word) - 4):
            if word[k:] in nouns:
                clipped.add(word[:k])
    return frozenset(clipped)


def _a_constitution(subject: str) -> bool:
    """ "the U.S. Constitution", "the Peruvian constitution": a country's founding text is
    the frame of its law, no thing of the country the news tells of (real-news annotators
    never score it); "the Constitution Party" is a party."""
    return subject.lower().split()[-1:] == ["constitution"]


def _apposed_to_a_city_kind(ent: Span) -> bool:
    """ "the capital, Lodz, fell": a name in apposition to a kind of city is a city's."""
    root = ent.root
    return root.dep_ == "appos" and root.head.lower_ in _CITY_KINDS


# The one-word credit words ("Image:", "Credit:").
_CREDIT_WORDS = {word for word in CREDIT_WORDS if " " not in word}


def image_credit_tokens(tokens: Sequence[Token]) -> frozenset[int]:
    """ "Image: Ana Lind." after a caption: the credit, from its word to the next full stop,
    names who took or owns the picture; it is no subject, and a country named in it ("Image:
    U.S. Congress") is no country of the caption."""
    credit: set[int] = set()
    for tok in tokens:
        if (
            tok.lower_ not in _CREDIT_WORDS
            or tok.i + 1 >= len(tokens)
            or tokens[tok.i + 1].text != ":"
        ):
            continue
        k = tok.i
        while k < len(tokens) and tokens[k].text != ".":
            credit.add(k)
            k += 1
    return frozenset(credit)


class CountryContext:
    """The document as the country rules see it, and what they have found so far."""

    def __init__(self, doc: Doc, people: PeopleLike | None):
        self.doc = doc
        self.people = people
        self.tokens: list[Token] = list(doc_tokens(doc))  # one Token object per position, reused
        self.credit_tokens = image_credit_tokens(self.tokens)
        self.clipped_words = clipped_words(self.tokens)  # add(): short forms, no subjects
        self.mentions = {
            k: m for k, m in find_mentions(doc, self.tokens).items() if k not in self.credit_tokens
        }
        # Each mention once (``mentions`` holds it under every token it covers): in the order
        # they were found, and in the order of the text.
        unique = list({id(m): m for m in self.mentions.values()}.values())
        self.unique_mentions: list[CountryMention] = unique
        self.mentions_in_order = sorted(unique, key=lambda m: m.start)
        self.context: dict[str, int] = {}  # country -> how often the article names it
        for m in unique:
            self.context[m.country] = self.context.get(m.country, 0) + 1
        self.sentences = evidence_sentences(doc)
        self.sent_of = sentence_index(doc, self.sentences)
        self.near = self._countries_by_sentence(unique)
        self.name_mentions = sorted((m.start, m.country) for m in unique if m.form == "name")
        self.name_starts = [start for start, _country in self.name_mentions]
        self.ent_of: dict[int, Span] = {
            i: ent for ent in entities(doc) for i in range(ent.start, ent.end)
        }
        self._canonical_cache: dict[str, str | None] = {}
        self._acronym_cache: dict[str, str | None] = {}
        self._runs: list[list[Token]] | None = None
        self._named_states: frozenset[str] | None = None  # named_states(), made once
        # sites.stated_country_of_place, by the place phrase's object token: two rules and
        # the people rules ask it of the same phrase, and it reads only what is fixed above.
        self.stated_country: dict[int, str | None] = {}
        self.place_prep_tokens: list[Token] | None = None  # sites.place_preps(), made once
        # Written by the rules:
        self.links: list[CountryLink] = []  # every rule, through add()
        self.seen: set[tuple[str, str]] = set()  # add(): (folded subject, country) pairs
        self.dateline_country: str | None = None  # dateline_links
        self.person_tokens: set[int] = set()  # people_links: tokens of people's mentions
        self.title_tokens: set[int] = set()  # people_links: title words ("Russia's council")
        self.office_holder: dict[tuple[str, str], str] = {}  # people_links: (country, office)
        # people_links: (person, token, first token of the owner's name or 0 for "its")
        self.pending: list[tuple[str, int, int]] = []
        self.org_at: list[tuple[int, str]] = []  # add(): (token, country) of organisations
        self.described: set[int] = set()  # description_links, people_of_a_descent: nouns they took
        self.bodies: set[tuple[str, str]] = set()  # organisation_links: (name key, country)

    def _countries_by_sentence(self, unique: list[CountryMention]) -> dict[int, frozenset[str]]:
        """Sentence -> the countries it names, also through its states and provinces
        ("Arizona"), never through a city ("Lima" is no hint for its neighbour "Santiago")."""
        near: dict[int, frozenset[str]] = {}
        for m in unique:
            n = self.sent_of[m.start]
            near[n] = near.get(n, frozenset()) | {m.country}
        for ent in entities(self.doc):
            if ent.label_ != "GPE" or ent.start in self.mentions:
                continue
            text = clean(ent.text)
            if geo.city_population(text) >= geo.CITY_MIN_POPULATION:
                continue
            country = geo.region_country(text)
            if country:
                n = self.sent_of[ent.start]
                near[n] = near.get(n, frozenset()) | {country}
        return near

    # ------------------------------------------------------------------ output
    def add(self, subject: str, country: str, at: int, kind: str, rule: str) -> None:
        """Link a subject to a country, once per (subject, country), with the evidence
        sentence of token `at`. Countries themselves (also "Scotland", "England") are never
        subjects; a dependent territory links to its state (``geo.sovereign_country``)."""
        subject = clean(subject)
        if geo.is_constituent_country(subject):
            if rule != "home_nation_in_its_state":
                return  # "Scotland" is a nation of its own, not a region of the UK
        elif not _nameable(subject, kind) or not country or _a_state(subject, rule):
            return
        if _a_constitution(subject) or at in self.credit_tokens or self._clipped(subject):
            return  # "Image: Ana Lind." credits a photograph: no subject of the article
        country = geo.sovereign_country(country)  # "Hong Kong leader" -> China
        if kind == "organisation":
            self.org_at.append((at, country))
        key = (geo.fold(subject), country)
        if key in self.seen:
            return
        self.seen.add(key)
        n = self.sent_of[at]
        sent = self.sentences[n] if n >= 0 else self.doc[at : at + 1]
        text = sent.text  # (a Span joins its tokens' text at each reading)
        subject, also = _whole_subject(text, subject, country)
        self.seen.update((geo.fold(other), country) for other in also)
        self.links.append(
            CountryLink(
                subject=subject,
                country=country,
                evidence=text,
                evidence_start=sent.start_char,
                evidence_end=sent.end_char,
                subject_kind=kind,
                rule=rule,
                confidence=confidence("countries", rule),
            )
        )

    def _clipped(self, subject: str) -> bool:
        """ "Corona" beside "coronavirus": the short form of a word, no town (``clipped_words``).
        A name only: "a fire" beside "fireworks" is still the fire the article places."""
        return subject[:1].isupper() and subject.lower() in self.clipped_words

    # ------------------------------------------------------------------ lookups
    def name_mention_at(self, i: int) -> CountryMention | None:
        """The country name (not an adjective) that starts at token i."""
        m = self.mentions.get(i)
        return m if m is not None and m.form == "name" and m.start == i else None

    def name_mention_from(self, i: int) -> CountryMention | None:
        """The country name at token i, with or without "the" ("from the United States")."""
        m = self.name_mention_at(i)
        if m is None and i + 1 < len(self.tokens) and self.tokens[i].lower_ == "the":
            m = self.name_mention_at(i + 1)
        return m

    def country_named_by(self, prep: Token) -> str | None:
        """The country a preposition's object names ("to Greece", "from the UK"), not by a
        nationality word."""
        for obj in prep.children:
            mention = self.mentions.get(obj.i)
            if obj.dep_ == "pobj" and mention and mention.form == "name":
                return mention.country
        return None

    def country_in_part(self, i: int) -> CountryMention | None:
        """The country named from token i, also after words of its part ("in southern Peru",
        "into north-eastern Peru", "in the east of ..." is not one)."""
        k = i
        while k < min(len(self.tokens), i + 3) and (
            self.tokens[k].lower_ in DIRECTIONS or self.tokens[k].text == "-"
        ):
            k += 1
        return self.name_mention_from(k) if k == i or self.tokens[k - 1].text != "-" else None

    def canonical_person(self, text: str) -> str | None:
        if text not in self._canonical_cache:
            self._canonical_cache[text] = (
                self.people.canonical(text) if self.people is not None else None
            )
        return self._canonical_cache[text]

    def named_states(self) -> frozenset[str]:
        """The states the article names, also through a nation within one ("England"): made
        once per doc (it reads only ``context`` and the entities, both fixed in __init__; a
        rule asked it again for every big city's name, walking every entity each time)."""
        if self._named_states is None:
            named = {geo.sovereign_country(c) for c in self.context} | set(self.context)
            for ent in entities(self.doc):
                text = clean(ent.text)
                if geo.is_constituent_country(text):
                    named.add(geo.state_of_constituent_country(text) or text)
            self._named_states = frozenset(named)
        return self._named_states

    def country_of_place(self, tok: Token) -> str | None:
        """Country of the place a token names: a country, a city or a US state."""
        mention = self.mentions.get(tok.i)
        if mention and mention.form == "name":
            return mention.country
        ent = self.ent_of.get(tok.i)
        if ent is None:
            return None
        if ent.label_ in {"GPE", "LOC"} or self.is_locative(ent):
            return self.place_country(ent.text, ent.start) or (
                geo.region_country(ent.text) if ent.label_ == "GPE" else None
            )
        return None

    def place_country(self, text: str, at: int) -> str | None:
        """A city's or province's country, preferring the countries of its sentence, then the
        ones the article names most."""
        near = (
            self.near.get(self.sent_of[at], frozenset()) if at < len(self.sent_of) else frozenset()
        )
        return geo.city_country(text, context=self.context, near=near)

    def is_locative(self, ent: Span) -> bool:
        root = ent.root
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS

    def mislabelled_city(self, ent: Span) -> bool:
        """A big city the small model labelled ORG/PERSON/PRODUCT...: "around Kharkiv", "based in
        Bogotá", "landed at Calicut" (another name of a city of a country the article names)."""
        if ent.label_ not in {"LOC", "ORG", "FAC", "PERSON", "NORP", "PRODUCT"} or len(ent) > 3:
            return False
        text = clean(ent.text)
        if ent[0].is_stop or not (
            self.is_locative(ent) or self._named_city(ent, text) or _apposed_to_a_city_kind(ent)
        ):
            return False
        person = self.canonical_person(text)
        if person and person != text:  # a known person's (sur)name, not a one-word "person"
            return False
        return geo.city_population_in(text, self.context) >= geo.CITY_MIN_POPULATION

    def _named_city(self, ent: Span, text: str) -> bool:
        """ "Calicut has a tabletop runway": a thing's name (the small model's PRODUCT or LOC)
        that is a city of a country the article names is that city wherever it stands."""
        return ent.label_ in {"PRODUCT", "LOC"} and geo.city_country(
            text, context=self.context
        ) in set(self.context)

    def the_country(self, at: int) -> str | None:
        """The country "the country" refers to: the last one named in this or the two sentences
        before, else the dateline's."""
        k = bisect.bisect_left(self.name_starts, at) - 1
        if k >= 0:
            start, country = self.name_mentions[k]
            if self.sent_of[start] >= 0 and self.sent_of[at] - self.sent_of[start] <= 2:
                return country
        return self.dateline_country

    # ------------------------------------------------------------------ acronyms
    def acronym(self, short: str) -> str | None:
        """ "SCO" -> "Shanghai Cooperation Organisation" when the article spells the name out."""
        if short not in self._acronym_cache:
            self._acronym_cache[short] = self._spelled_out(short)
        return self._acronym_cache[short]

    def _spelled_out(self, short: str) -> str | None:
        if self._runs is None:
            self._runs = self._capitalised_runs()
        for run in self._runs:
            for s, first in enumerate(run):
                if not first.text[:1].isupper():
                    continue
                initials = "".join(t.text[0] for t in run[s:] if t.text[:1].isupper())
                if initials == short:
                    return self.doc[first.i : run[-1].i + 1].text
        return None

    def expand(self, text: str) -> str:
        """Acronyms spelt out ("SCO summit" -> "Shanghai Cooperation Organisation summit"), not
        a country's ("US Embassy" stays as written)."""
        return " ".join(
            (self.acronym(w) or w)
            if w.isupper() and w.isalpha() and len(w) >= 2 and not geo.is_country(w)
            else w
            for w in text.split()
        )

    def _capitalised_runs(self) -> list[list[Token]]:
        """Runs of capitalised words, joined by of/and/for/the ("Bank of Japan")."""
        runs: list[list[Token]] = []
        run: list[Token] = []
        for tok in self.tokens:
            if tok.text[:1].isupper() or (run and tok.lower_ in {"of", "and", "for", "the"}):
                run.append(tok)
                continue
            while run and not run[-1].text[:1].isupper():
                run.pop()
            if len(run) >= 2:
                runs.append(run)
            run = []
        if len(run) >= 2:
            runs.append(run)
        return runs


def _modifier(tok: Token) -> bool:
    """ "Acme magazine", "the Lind administration": a name modifying a common noun names
    no person there."""
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i


def one_named_before(ctx: CountryContext, at: int) -> str | None:
    """The one person named in this sentence before ``at`` or in the sentence before (the
    subject among several), whom "she" or "the Chilean" there stands for."""
    n = ctx.sent_of[at]
    if n < 0 or ctx.people is None:
        return None
    first = ctx.sentences[max(0, n - 1)].start
    before = [
        m
        for m in ctx.people.mentions
        if first <= m.first < at and not _modifier(ctx.tokens[m.last])
    ]
    names = {m.name for m in before}
    if len(names) > 1:  # the one who is a subject ("X, who ..., hit Y. She left")
        subjects = ("nsubj", "nsubjpass")
        names = {m.name for m in before if ctx.tokens[m.last].dep_ in subjects}
    return names.pop() if len(names) == 1 else None


# Tags of a verb that tells what someone did: "a Peruvian judge fined", "was fined".
_DONE_TAGS = {"VBD", "VBN"}


def one_not_yet_named(tok: Token) -> bool:
    """ "a Peruvian judge fined the firm", "a Chilean prosecutor investigating the loans": an
    indefinite office that did something or is described by a clause is one person the
    article has not named yet (unlike "the first visit by a South Korean leader": anyone)."""
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
        return False
    if any(c.dep_ in {"acl", "relcl"} for c in tok.children):
        return True
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.tag_ in _DONE_TAGS


# Tags of a word ranking a thing among others: "the biggest", "the most visited".
_RANKING_TAGS = {"JJS", "RBS"}


def ranked_among_others(noun: Token) -> bool:
    """ "The fort is one of the most visited sites in Peru", "the harbour is the second-largest
    harbour in Chile": a superlative kind said of a subject is the class it is ranked in,
    no thing of its own (the subject is the thing the text places)."""
    predicate = noun.dep_ == "attr" or (
        noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one"
    )
    return predicate and any(
        t.tag_ in _RANKING_TAGS for c in noun.lefts if c.dep_ != "det" for t in c.subtree
    )
