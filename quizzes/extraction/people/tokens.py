"""Word lists and token tests shared by the people rules (grammar, not facts about the world)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import NOT_NAME_WORDS, SPEECH_VERBS, SUBJECT_DEPS
from ..text import fold_word

NAME_PARTICLES = {
    "al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "la", "le", "der", "den",
    "dos", "das", "del", "ter", "ben", "abu",
}  # fmt: skip
LOOKBACK_CHARS = 3000  # how far back a pronoun or "the minister" looks for its person
NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
JOINERS = {"-", "\u2010", "\u2011"}
NON_PERSON_LABELS = {
    "GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "FAC",
    "EVENT", "LAW", "LANGUAGE",
}  # fmt: skip
# Office titles strong enough to mark the next proper name as a person's.
STRONG_TITLES = {
    "president", "chancellor", "minister", "premier", "senator", "sen", "governor", "gov",
    "mayor", "king", "queen", "prince", "princess", "pope", "sheikh", "ayatollah", "judge",
    "justice", "ambassador", "commissioner", "secretary", "general", "gen", "colonel", "col",
    "captain", "capt", "chairman", "chairwoman", "congressman", "congresswoman",
    "representative", "rep", "emperor",
}  # fmt: skip
# Titles that, inside a capitalised run, end a company name and start a person's
# ("SiamCharge Chief Operating Officer Somchai Chaiyaporn").
RUN_TITLES = STRONG_TITLES | {"executive", "officer", "director", "founder", "ceo", "chief"}
# Party and faith words the model tags NORP that may stand before a name like a nationality.
NORP_DESCRIPTORS = {
    "democrat", "democratic", "republican", "conservative", "liberal", "labour", "socialist",
    "communist", "green", "muslim", "christian", "catholic", "jewish", "hindu", "buddhist", "sikh",
    "tory",
}  # fmt: skip
# Words that praise or place a person, capitalised before a name only as a sentence's
# first word, never a given name ("Longtime Ann Roe", "Lead Ann Roe", "Veteran Roe").
NAME_DESCRIPTORS = {
    "longtime", "long-time", "veteran", "legendary", "rookie", "star", "superstar", "co-star",
    "lead", "iconic", "famed", "renowned", "acclaimed", "beloved", "celebrated", "embattled",
    "disgraced", "outgoing",
}  # fmt: skip
# "scientists led by X", "a panel chaired by X": X leads the group, so X is a person.
LED_BY_VERBS = {"lead", "head", "chair", "coach", "direct", "captain", "found", "co-found"}
CITY_SIZE = 100_000  # a one-word "person" that names a city this big is the city
ORG_CONNECTORS = {"of", "for", "and", "&", "on", "de", "du", "des"}
# Prefixes written with a hyphen before a word that never make a hyphenated given name.
HYPHEN_PREFIXES = {"anti", "pro", "co", "ex", "non", "post", "pre", "self", "vice", "neo", "mid"}
_POSSESSIVE_END = re.compile(r"[\u2019']s$")


@lru_cache(maxsize=16384)  # called on every capitalised token, often with the same words
def name_word(text: str) -> str:
    """A name word's key without a glued possessive ("Jinping’s" -> "jinping")."""
    return fold_word(_POSSESSIVE_END.sub("", text))


def without_possessive(text: str) -> str:
    return _POSSESSIVE_END.sub("", text)


def is_capitalised(tok: Token) -> bool:
    text = tok.text
    return (
        bool(text)
        and text[0].isupper()
        and (text[0].isalpha() or any(c.isalpha() for c in text))  # the first letter: no scan
    )


def is_name_token(tok: Token) -> bool:
    """A capitalised proper-noun-like word that can be part of a person's name."""
    if not is_capitalised(tok) or tok.is_space:
        return False
    if fold_word(tok.text) in NOT_NAME_WORDS or tok.ent_type_ in NOT_NAME_LABELS:
        return False
    if tok.tag_ == "POS":
        return False
    return tok.pos_ in ("PROPN", "NOUN", "X", "ADJ", "VERB") and (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or tok.tag_ in ("NNP", "NNPS")
    )


def surname_like(tok: Token) -> bool:
    """A capitalised word the tagger took for a common noun ("Mendes" as a plural) inside
    a sentence or as a subject: it may still be a surname already known in full."""
    return (
        is_capitalised(tok)
        and tok.text.isalpha()
        and tok.pos_ in ("NOUN", "X")
        and (not tok.is_sent_start or tok.dep_ in SUBJECT_DEPS)
        and fold_word(tok.text) not in NOT_NAME_WORDS
    )


def is_speech(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def is_acronym(tok: Token) -> bool:
    """MP, CEO, UN: an office or organisation abbreviation, never part of a name."""
    letters = [c for c in tok.text if c.isalpha()]
    return 2 <= len(letters) <= 4 and all(c.isupper() for c in letters)


def acronym_token(tok: Token) -> bool:
    """UERF, UNESCO: an organisation's initials written as one all-capital word."""
    return 2 <= len(tok.text) <= 7 and tok.text.isalpha() and tok.text.isupper()


def initials(name: str) -> str:
    """ "Union of European Rugby Federations" -> "UERF" (capitalised words only)."""
    return "".join(w[0] for w in re.split(r"[\s\-\u2010\u2011]+", name) if w[:1].isupper())


def joined(left: Token, right: Token) -> bool:
    """Two tokens written with no space between them (Kassym-Jomart)."""
    return left.idx + len(left.text) == right.idx


def starts_line(doc: Doc, i: int) -> bool:
    """Token i opens a line (the document's first token, or one after a line break)."""
    return i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space


def hyphen_name(doc: Doc, i: int) -> bool:
    """Tokens i, i+1, i+2 are one hyphenated given name the tokenizer split ("Do-hyun",
    "Seung-min", "Jean-Luc"): a capitalised word, a hyphen and a word, with no spaces,
    whatever the tagger made of the pieces (it reads "Do" as a verb)."""
    if i + 2 >= len(doc):
        return False
    left, mid, right = doc[i], doc[i + 1], doc[i + 2]
    return (
        mid.text in JOINERS
        and joined(left, mid)
        and joined(mid, right)
        and left.text.isalpha()
        and left.text[0].isupper()
        and right.text.isalpha()
        and fold_word(left.text) not in HYPHEN_PREFIXES
    )


# Words by which a law, an order or a document is given its number ("Act No. 12").
NUMBER_WORDS = {"no", "nos", "nr", "number"}


def designation_number(doc: Doc, i: int) -> int | None:
    """ "Decree No. 12", "Order Number 7": the number's token when token i is the capitalised
    word of a numbered designation, else None (such a name is a text's, never a person's)."""
    tok = doc[i]
    if not is_capitalised(tok) or fold_word(tok.text.rstrip(".")) not in NUMBER_WORDS:
        return None
    k = i + 1
    if k < len(doc) and doc[k].text == ".":
        k += 1
    return k if k < len(doc) and doc[k].like_num else None


def labels(doc: Doc, run: tuple[int, int]) -> set[str]:
    """The entity labels of the tokens of a run (inclusive bounds)."""
    return {doc[k].ent_type_ for k in range(run[0], run[1] + 1)}
