"""A person's name in the tokens: the capitalised run around a word, split into the role or
title words before it and the name itself ("Kazakh President | Kassym-Jomart Tokayev")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..geo import city_population, country_of_adjective, is_country, region_country
from ..lexicon import (
    HONORIFICS,
    NON_PERSON_FIRST_WORDS,
    OFFICE_TITLES,
    ORG_WORDS,
    PERSON_ROLE_NOUNS,
    POST_NOMINALS,
    RANK_NOUNS,
    UNNAMED_PERSON_NOUNS,
)
from ..nlp import common_adjectives, common_nouns, common_verbs
from ..text import fold_word, latin_script
from .tokens import (
    JOINERS,
    NAME_DESCRIPTORS,
    NAME_PARTICLES,
    NORP_DESCRIPTORS,
    acronym_token,
    designation_number,
    hyphen_name,
    is_acronym,
    is_capitalised,
    is_name_token,
    joined,
    name_word,
    without_possessive,
)

# Words that end the role before a name inside one capitalised run ("Acme Corp | Laura Chen").
_ROLE_END_WORDS = frozenset(HONORIFICS) | OFFICE_TITLES | ORG_WORDS | PERSON_ROLE_NOUNS
_TITLE_WORDS = OFFICE_TITLES | set(HONORIFICS)
_NOT_OFFICES = {"former", "first", "state", "acting", "ex"}
# The word between an office and the place it is of ("Governor of Ohio Ann Roe").
_OFFICE_LINKS = {"of", "for", "to"}


@dataclass
class RawMention:
    """One mention of a person before mentions are grouped into people."""

    first: int  # first token, titles included
    name_first: int
    name_last: int  # inclusive
    honorific: str | None
    role: str | None
    words: tuple[str, ...]  # folded name words
    text: str  # the name as written
    kind: str = "ent"  # why it is a person: ent | title | role | speech | colon | surname


# ----------------------------------------------------------------------------- the run
def name_run(doc: Doc, i: int, j: int | None = None) -> tuple[int, int]:
    """Widen tokens i..j (inclusive) to the whole capitalised run they sit in."""
    a, b = i, i if j is None else j
    while (left := _step_left(doc, a)) is not None:
        a = left
    while (right := _step_right(doc, b)) is not None:
        b = right
    return a, b


def _step_left(doc: Doc, a: int) -> int | None:
    """The run's new first token one step to the left, or None where it stops."""
    if a <= 0:
        return None
    prev = doc[a - 1]
    if "\n" in prev.whitespace_:
        return None
    if is_name_token(prev):
        return a - 1
    if (
        prev.text in JOINERS
        and a >= 2
        and joined(doc[a - 2], prev)
        and joined(prev, doc[a])
        and (is_name_token(doc[a - 2]) or hyphen_name(doc, a - 2))
    ):
        return a - 2
    return _particles_left(doc, a)


def _particles_left(doc: Doc, a: int) -> int | None:
    """Lowercase particles between name words: "Ekambi de la | Fontaine"."""
    k = a - 1
    while k >= 0 and doc[k].lower_ in NAME_PARTICLES and a - k <= 3:
        if "\n" in doc[k].whitespace_:
            break
        k -= 1
    if (
        k < a - 1
        and k >= 0
        and "\n" not in doc[k].whitespace_
        and is_name_token(doc[k])
        and all(not doc[t].is_sent_start for t in range(k + 1, a + 1))
    ):
        return k
    return None


def _step_right(doc: Doc, b: int) -> int | None:
    """The run's new last token one step to the right, or None where it stops."""
    if b + 1 >= len(doc) or "\n" in doc[b].whitespace_:
        return None
    nxt = doc[b + 1]
    if is_name_token(nxt):
        return b + 1
    if hyphen_name(doc, b + 1) and "\n" not in nxt.whitespace_:
        return b + 3  # "Han Do-hyun": the tagger read "Do" as a verb
    if (
        nxt.text in JOINERS
        and b + 2 < len(doc)
        and joined(doc[b], nxt)
        and joined(nxt, doc[b + 2])
        and (is_name_token(doc[b + 2]) or doc[b + 2].text.isalpha())
    ):
        return b + 2
    # Lowercase particles inside a name: "Ursula von der Leyen", "Bashar al-Assad".
    k = b + 1
    while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and k - b <= 3:
        k += 1
    if k > b + 1 and k < len(doc) and is_name_token(doc[k]):
        return k
    return None


# ----------------------------------------------------------------------------- the split
def split_run(doc: Doc, text: str, a: int, b: int) -> RawMention | None:
    """Split a capitalised run into titles/role words and the name itself."""
    if _medium_glued(doc, a, b):
        a += 1
    b = _before_possessive(doc, a, b)
    while b >= a and (doc[b].tag_ == "POS" or doc[b].text in ("'s", "\u2019s")):
        b -= 1
    while b > a + 1 and _post_nominal(doc[b]):
        b -= 1  # "Ann Roe QC": letters after the name are no part of it
    # A possessive glued to the last word ("Jinping’s" as one token) is cut below.
    k = _name_start(doc, a, b)
    honorific = _honorific(doc, a, k)
    while k <= b and doc[k].text in JOINERS:
        k += 1  # "Secretary-General"
    words = _name_words(doc, k, b)
    if words is None:
        return None
    name = without_possessive(text[doc[k].idx : doc[b].idx + len(doc[b].text)])
    role_first = role_start(doc, a, k)
    return RawMention(
        min(a, role_first if role_first is not None else a),
        k,
        b,
        honorific,
        _role_text(doc, text, role_first, k),
        words,
        name,
    )


def _before_possessive(doc: Doc, a: int, b: int) -> int:
    """ "Ann Roe's Twitter account": a run the model labels as one name across a possessive
    ends before it (what follows is Ann Roe's), unless titles follow ("Ruritania's President
    Ann Roe")."""
    for t in range(a + 1, b):
        if doc[t].tag_ == "POS" or doc[t].text in ("'s", "\u2019s"):
            after = {fold_word(x.text) for x in doc[t + 1 : b + 1]}
            if not after & (OFFICE_TITLES | PERSON_ROLE_NOUNS | HONORIFICS.keys()):
                return t - 1
            break
    return b


def _medium_glued(doc: Doc, a: int, b: int) -> bool:
    """ "on Twitter Reed accused ...": after "on"/"via" the first word is where the words
    were posted (the preposition's object) and the rest, the subject of the verb after it,
    is the name; a preposition's object is never a clause's subject."""
    last = doc[b]
    return (
        b > a
        and a > 0
        and doc[a - 1].lower_ in ("on", "via")
        and last.dep_ == "nsubj"
        and last.head.i > b
        and last.head.pos_ in ("VERB", "AUX")
        and doc[a].dep_ == "compound"
    )


def _post_nominal(tok: Token) -> bool:
    """Letters written after a name in capitals ("QC", "MP", "OBE"; "PhD")."""
    return fold_word(tok.text) in POST_NOMINALS and (tok.text.isupper() or tok.text == "PhD")


def _name_start(doc: Doc, a: int, b: int) -> int:
    """The name starts after the last title in the run ("Moscow Mayor | Sergei Sobyanin"),
    then past nationality words ("Kazakh | Kassym-Jomart Tokayev")."""
    k = _past_office_complement(doc, a, b)
    for t in range(k, b):
        if _role_end_word(fold_word(doc[t].text)) or is_acronym(doc[t]):
            k = t + 1  # "Acme Corp | Laura Chen": an organisation word ends the role
        elif _entity_boundary(doc, t + 1) and t + 1 <= b:
            k = t + 1  # "the United Nations | Jane Roe": the model ends one entity there
    if k == a and _common_noun_before_name(doc, a, b):
        k = a + 1
    k = _past_rank(doc, k, b)
    while k < b and is_descriptor(doc[k]):
        k += 1
    return k


def _past_office_complement(doc: Doc, a: int, b: int) -> int:
    """Where the name starts after an office's "of/for" complement that opens the run:
    "First Minister of Wales | Ann Roe", "Minister of Foreign Affairs | Ann Roe"."""
    if a == 0 or doc[a - 1].lower_ not in _OFFICE_LINKS:
        return a
    place_end = place_before_name(doc, a, b, cities=True)
    if place_end is not None:
        return place_end + 1
    if a > 1 and _an_office(doc[a - 2]):
        return _past_portfolio(doc, a, b)
    return a


def _an_office(tok: Token) -> bool:
    """ "Minister", "Secretary", "Director": an office that a portfolio follows ("of State")."""
    word = fold_word(tok.text)
    return word in OFFICE_TITLES or word in PERSON_ROLE_NOUNS


def _portfolio_word(tok: Token) -> bool:
    """ "Foreign", "Affairs", "State", "Public", "Prosecutions": an English noun or adjective."""
    word = fold_word(tok.text)
    nouns = common_nouns()
    return word in nouns or word.rstrip("s") in nouns or word in common_adjectives()


def _past_portfolio(doc: Doc, a: int, b: int) -> int:
    """ "Minister of Foreign Affairs Ann Roe", "Director of Public Prosecutions Max Hill": the
    office's portfolio, English words opening the run after "<office> of/for", is no part of
    the name, which keeps its last two words at least ("Secretary of State Mike Roe": "Mike"
    may be a noun, the name still is "Mike Roe")."""
    k = a
    while (
        k < b
        and doc[k].whitespace_  # "Man-kei": a word joined to the next is the name's
        and _portfolio_word(doc[k])
        and len(doc[k + 1 : b + 1].text.split()) >= 2
    ):
        k += 1
    return k


# Endings of nouns for what someone does or is ("voter", "resident", "cyclist", "chairman").
_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian", "man", "woman", "ee")


def _common_noun_before_name(doc: Doc, a: int, b: int) -> bool:
    """ "Commuter Ann Roe told ...", "Critic Ann Roe said", "Astronomer Ann Roe said": a
    sentence's first word before a person's name that is an English noun for what someone
    does or is, and that is nowhere else part of a name nor capitalised inside a sentence,
    describes the person (it is capitalised only as the first word), whether or not the
    model takes it into the entity. Two name words stay after it, so a surname that is
    also a trade stays when it is the only other word ("Baker Roe")."""
    first = doc[a]
    if a + 2 > b or not first.is_sent_start:
        return False
    low = fold_word(first.text)
    if first.ent_type_ == "PERSON" and not (
        len(doc[a + 1 : b + 1].text.split()) >= 2 and _occupation_word(low)
    ):
        return False  # "Christopher Ann-Roe": the model's own name word, unless a trade
    return (
        (low.endswith(_AGENT_ENDINGS) or low in UNNAMED_PERSON_NOUNS)
        and low in common_nouns()
        and not any(_named_elsewhere(t, first) for t in doc)
    )


def _past_rank(doc: Doc, k: int, b: int) -> int:
    """ "International Master Ana Roe", "Grand Master Ana Roe", "FIDE Master Ana Roe", "Senior
    Trooper Ana Roe": a capitalised English noun for what someone is ("master", "trooper")
    right after a capitalised qualifier (an English word or an acronym) is the last word of
    a rank, so the name starts after it; two words stay for the name, and a word the model
    takes into a person's name is left as it is."""
    for t in range(k, b - 1):
        if t > 0 and _qualifies(doc[t - 1], inside=t > k) and _rank_noun(doc[t]):
            return t + 1
        if not _rank_qualifier(doc[t]):
            break
    return k


def _rank_noun(tok: Token) -> bool:
    """ "Master", "Trooper": a capitalised noun for what someone is (a rank, an office, a
    trade), a word on its own ("Man-kei" is a name) outside any entity of the model ("World Wonder Ring" is an
    organisation's name)."""
    low = fold_word(tok.text)
    return (
        tok.ent_type_ == ""
        and bool(tok.whitespace_)
        and _rank_qualifier(tok)
        and (low in _PERSON_NOUNS or _occupation_word(low))
    )


_PERSON_NOUNS = RANK_NOUNS | OFFICE_TITLES | PERSON_ROLE_NOUNS | UNNAMED_PERSON_NOUNS.keys()


def _qualifies(tok: Token, *, inside: bool) -> bool:
    """A rank's qualifier; one before the run is no sentence's first word ("Today Walker
    Ann Roe" is no rank)."""
    return _rank_qualifier(tok) and (inside or not tok.is_sent_start)


def _rank_qualifier(tok: Token) -> bool:
    """ "International", "Grand", "Woman", "FIDE": a capitalised word of a rank's name."""
    if tok.ent_type_ == "PERSON" or not is_capitalised(tok):
        return False
    low = fold_word(tok.text)
    return is_acronym(tok) or low in common_adjectives() or low in common_nouns()


def _occupation_word(low: str) -> bool:
    """ "astronomer" (astronomy), "developer" (develop), "economist" (economy): a person
    noun, or an agent noun whose stem of five letters or more is itself an English word;
    given names with the same endings ("christopher", "tyler") have none, and a short stem
    keeps trades that are surnames too ("baker", "carter", "walker")."""
    if low in UNNAMED_PERSON_NOUNS:
        return True
    words = _english_words()
    for ending in _AGENT_ENDINGS:
        stem = low[: -len(ending)]
        tails = ("", "e", "y", "ics")
        if low.endswith(ending) and len(stem) >= 5 and any(stem + t in words for t in tails):
            return True
    return False


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    return common_nouns() | common_verbs()


def _named_elsewhere(tok: Token, first: Token) -> bool:
    """ "Baker" in "... told Baker Roe": the same word capitalised elsewhere as a name, or
    inside a sentence."""
    if tok.i == first.i or tok.text != first.text:
        return False
    return tok.ent_type_ == "PERSON" or not tok.is_sent_start


def place_before_name(doc: Doc, a: int, b: int, *, cities: bool = False) -> int | None:
    """The last token of a country or region of one or two words that opens the run a..b
    with two name words or more after it ("Wales | Ann Roe"); with ``cities`` (the run follows
    an office's "of": "Mayor of Lodz | Ann Roe") also a city the data knows."""
    for end in (a + 1, a):
        if end + 2 <= b and _is_place_name(doc[a : end + 1].text, cities=cities):
            return end
    return None


def _is_place_name(text: str, *, cities: bool) -> bool:
    return (
        is_country(text)
        or region_country(text) is not None
        or (cities and city_population(text) > 0)
    )


def _role_end_word(low: str) -> bool:
    """A title, honorific, role or organisation word, also in the plural ("Presidents") or
    misspelt by one letter ("Represenative")."""
    return (
        low in _ROLE_END_WORDS
        or (low.endswith("s") and low[:-1] in _ROLE_END_WORDS)
        or misspelt_title(low)
    )


# Long titles only: one letter off a short word is too often another word or a name.
_LONG_TITLES = frozenset(w for w in OFFICE_TITLES if len(w) >= 8)


def misspelt_title(low: str) -> bool:
    """ "represenative", "govenor"...: one letter missing, extra, changed or swapped
    in an office title of eight letters or more."""
    if len(low) < 7 or low in _ROLE_END_WORDS:
        return False
    return any(abs(len(t) - len(low)) <= 1 and _one_edit(low, t) for t in _LONG_TITLES)


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    rest = a[i + 1 :] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return rest or swapped


def _entity_boundary(doc: Doc, i: int) -> bool:
    """Token i starts an entity right after an organisation's or a place's entity."""
    return (
        i < len(doc)
        and doc[i].ent_iob_ == "B"
        and doc[i - 1].ent_type_ in ("ORG", "GPE", "LOC", "FAC")
        and doc[i].ent_type_ in ("PERSON", "ORG")
        and _entity_is_a_name(doc, i)
    )


def _entity_is_a_name(doc: Doc, i: int) -> bool:
    """The entity at i is two or three capitalised words (a person's name's length)."""
    j = i
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return 1 <= j - i <= 2 and all(is_name_token(doc[k]) for k in range(i, j + 1))


def _honorific(doc: Doc, a: int, k: int) -> str | None:
    honorific = None
    for t in range(a, k):
        if fold_word(doc[t].text) in HONORIFICS:
            honorific = fold_word(doc[t].text)
    return honorific


def _only_titles(doc: Doc, k: int, b: int) -> bool:
    return all(fold_word(t.text) in _TITLE_WORDS or t.text in JOINERS for t in doc[k : b + 1])


def _name_words(doc: Doc, k: int, b: int) -> tuple[str, ...] | None:
    """The folded words of tokens k..b when they can be a person's name, else None."""
    if k > b or _only_titles(doc, k, b) or not latin_script(doc[k : b + 1].text):
        return None  # also a translation in another script beside the English: no name
    words = [name_word(t.text) for t in doc[k : b + 1] if t.text not in JOINERS]
    if not words or sum(w not in NAME_PARTICLES for w in words) > 5:
        return None
    if designation_number(doc, b) is not None:
        return None  # "Republic Act No. 12": a numbered law or document, not a name
    if len(words) == 1 and acronym_token(doc[k]):
        return None  # "The FCFC said": an organisation's initials, not a name
    if any(w in ORG_WORDS for w in words) or words[0] in NON_PERSON_FIRST_WORDS:
        return None
    if (words[-1] in OFFICE_TITLES or words[-1] in PERSON_ROLE_NOUNS) and not any(
        t.ent_type_ == "PERSON" for t in doc[k : b + 1]
    ):
        return None  # "Interior Minister": a title, not a name
    return tuple(words)


def _role_text(doc: Doc, text: str, role_first: int | None, name_first: int) -> str | None:
    if role_first is None:
        return None
    tokens = [t for t in doc[role_first:name_first] if fold_word(t.text) not in HONORIFICS]
    if not tokens:
        return None
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def is_descriptor(tok: Token) -> bool:
    """A word between a title and a name that is not part of the name: a nationality
    ("Kazakh"), a party or faith word, an adjective. A first name the model tagged NORP
    ("German Chancellor Olaf Scholz") is part of the name; a word of praise or standing
    ("Longtime", "Lead") never is, whatever the model made of it."""
    low = fold_word(tok.text)
    if low in NAME_DESCRIPTORS:
        return True
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        return False
    if country_of_adjective(tok.text) or low in NORP_DESCRIPTORS:
        return True
    if tok.ent_type_ == "NORP":
        return not (tok.pos_ == "PROPN" and tok.tag_ == "NNP" and not tok.text.isupper())
    return tok.pos_ == "ADJ"


# ----------------------------------------------------------------------------- the role
def role_start(doc: Doc, a: int, name_first: int) -> int | None:
    """First token of the role words before a name ("deputy chairman of Russia's security
    council"), kept only when they name an office or occupation."""
    inner = [t for t in range(a, name_first) if fold_word(doc[t].text) not in HONORIFICS]
    start = inner[0] if inner else None
    if start is None and a >= 1 and not _attaches(doc[a - 1], name_first):
        return None
    k = a - 1
    while k >= 0 and _role_word(doc, k) and not _group_of(doc, k):
        start = k
        k -= 1
    if start is None:
        return None
    while start < name_first and (doc[start].lower_ == "of" or doc[start].tag_ == "POS"):
        start += 1
    words = {
        fold_word(t.text) for t in doc[start:name_first] if fold_word(t.text) not in HONORIFICS
    }
    if not words & (OFFICE_TITLES | PERSON_ROLE_NOUNS):
        return None
    return start


def _attaches(prev: Token, name_first: int) -> bool:
    """Only a role that attaches to the name: the word right before it is a title or a
    noun that modifies the name."""
    return fold_word(prev.text) in OFFICE_TITLES or (
        prev.pos_ in ("NOUN", "PROPN") and prev.dep_ == "compound" and name_first <= prev.head.i
    )


def _group_of(doc: Doc, k: int) -> bool:
    """ "Supporters of Mayor Ann Roe", "fans of singer Ann Roe": an "of" after a plural noun
    that is no office ("Chiefs of Staff") names a group around the person, not their role;
    the role stops before it."""
    if doc[k].lower_ != "of" or k == 0:
        return False
    prev = doc[k - 1]
    return (
        prev.tag_ in ("NNS", "NNPS")
        and prev.pos_ == "NOUN"
        and not _role_end_word(fold_word(prev.text))
    )


def _role_word(doc: Doc, k: int) -> bool:
    t = doc[k]
    if "\n" in t.whitespace_ or t.is_space or t.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return False
    return (
        t.pos_ in ("ADJ", "NOUN", "PROPN")
        or t.lower_ == "of"
        or t.tag_ == "POS"
        or (t.text in JOINERS and k > 0 and joined(doc[k - 1], t))
    )


def appositive_role(doc: Doc, text: str, last: int) -> str | None:
    """The office in apposition to a name: "Grace Mushi, Tanzania's agriculture
    minister," / "Chile's Agriculture Minister, Esteban Vidal," -> the office words
    (with the country's possessive), when the noun is an office title."""
    head = doc[last]
    cands = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos" and head.head.i < head.i:
        cands.append(head.head)
    for noun in cands:
        if fold_word(noun.text) not in OFFICE_TITLES or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if fold_word(noun.text) in _NOT_OFFICES:
            continue
        start, end = _office_span(doc, noun, head)
        if any(doc[k].ent_type_ == "PERSON" for k in range(start, end + 1) if k != noun.i):
            continue
        return text[doc[start].idx : doc[end].idx + len(doc[end].text)]
    return None


def _office_span(doc: Doc, noun: Token, head: Token) -> tuple[int, int]:
    """The office noun with its modifiers: "Tanzania's agriculture minister", "The governor
    of Lagos State"."""
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
    return start, end
