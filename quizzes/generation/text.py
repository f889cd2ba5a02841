"""Small text helpers shared by the builders: normalising, shortening,
explanations, and the "does the prompt give the answer away?" checks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from quizzes.extraction.article_caches import per_article
from quizzes.extraction.geo import canonical_country, country_of_adjective
from quizzes.extraction.lexicon import ORG_WORDS
from quizzes.extraction.text import regex, standalone

_QUOTE_MAP = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "lord", "lady"}
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
BLANK = "_____"
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a quotation, in curly or straight marks
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))


def unbalanced_mark(text: str) -> str | None:
    """The pair of marks the text opens and does not close, or the other way round
    ("the Harbour Authority ) closed"): a text cut inside brackets or a quotation."""
    for opening, closing in _PAIRS:
        if text.count(opening) != text.count(closing):
            return opening + closing
    if text.count('"') % 2:
        return '"'
    return None


def without_honorific(name: str) -> str:
    """ "Dr. Tom Bell" -> "Tom Bell", "Professor Bell" -> "Bell", "Twelve-year-old Ana"
    -> "Ana": what a student types for a person is the name, not the courtesy title or
    the age before it (a card blanking "Twelve-year-old Ana" whole asks for the age too;
    blind judges)."""
    return _without_leading(
        name, lambda token: token.casefold().strip(".") in _TITLES or bool(_AGE.fullmatch(token))
    )


# "Twelve-year-old", "9-year-old", "twenty-two-year-old"
_AGE = re.compile(r"[\w-]+-years?-old", re.I)


def _without_leading(name: str, drop: Callable[[str], bool]) -> str:
    """The name without the leading tokens `drop` says are no part of it (one token kept)."""
    tokens = name.split()
    while len(tokens) > 1 and drop(tokens[0]):
        tokens.pop(0)
    return " ".join(tokens)


def without_age(name: str) -> str:
    """ "Twelve-year-old Ana" -> "Ana", "9-year-old Tomas Vela" -> "Tomas Vela": the
    extractor's speaker or person with the age the article wrote before the name; the
    options, statements and cards show the name ("True or false? Twelve-year-old Ana
    said …" reads as a description, and a card blanking it asks for the age)."""
    return _without_leading(name, lambda token: bool(_AGE.fullmatch(token)))


@per_article
@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Apostrophes and quote marks made straight, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTE_MAP)
    return re.sub(r"\s+", " ", text).strip()


@per_article
@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The comparable form of a fact's text: casefolded, straight quotes,
    single spaces, no outer punctuation or quote marks."""
    return plain(text).casefold().strip(" \"'.,;:!?…-—–()[]")


@per_article
@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(plain(text)))


def similar(a: str, b: str, threshold: float = 0.8) -> bool:
    """Near-duplicate texts (a pull-quote heading and the quote it repeats)."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    wa, wb = set(words(na)), set(words(nb))
    return len(wa & wb) / len(wa | wb) >= threshold


def shorten(text: str, limit: int = 220) -> str:
    text = plain_spaces(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—– ")
    return cut + " …"


_SPACES = re.compile(r"\s+")


@per_article
@lru_cache(maxsize=8192)
def plain_spaces(text: str) -> str:
    """Whitespace collapsed (cached: the builders and checks ask it again and again of the
    same evidence sentences)."""
    return _SPACES.sub(" ", text or "").strip()


def explanation(evidence: str, extra: str = "") -> str:
    text = f"In the article: “{plain_spaces(evidence)}”"
    return f"{text} {extra}".strip() if extra else text


# Words that make a name an organisation's, not a person's ("Lagos Chamber of
# Commerce", "Kuwala Health Trust", "Kuroshio Devices"): extraction's heads of bodies, and
# the ones only the questions need. A publication's or a building's last word ("Velmar
# Times", "Ashby Hospital") is left to who_said.is_publication, which asks it as a thing.
_ORGANISATION_WORDS = ORG_WORDS - {"times", "post", "journal", "hospital"} | {
    "adventures", "co", "devices", "electronics", "federations", "league", "movement",
    "programme", "securities", "semiconductor", "tribunal", "works", "guard",
    # bodies that speak or are named beside speakers ("Harbour Platform", "Coastal Rescue
    # Command"): no person's name ends in them
    "administration", "battalion", "brigade", "cabinet", "caucus", "command", "platform",
    "regiment",
}  # fmt: skip


@lru_cache(maxsize=8192)
def is_organisation(name: str) -> bool:
    """ "Lagos Chamber of Commerce and Industry", "Kuwala Health Trust", "UERF" are
    organisations; "Andrew D'Anieri", "Park Min-ji" are not."""
    text = plain(name)
    tokens = text.split()
    if not tokens:
        return False
    if len(tokens) == 1 and len(text) >= 2 and text.isupper():
        return True  # an acronym: "UERF", "WHO"
    if any(w in {"of", "and", "&", "for", "the"} for w in tokens[1:]):
        return True
    return any(w in _ORGANISATION_WORDS for w in words(text))


def initials(name: str) -> str:
    """ "Union of European Rugby Federations" -> "UERF" (capitalised words only)."""
    return "".join(w[0] for w in plain(name).split() if w[:1].isupper())


@lru_cache(maxsize=4096)
def name_parts(name: str) -> tuple[str, ...]:
    """The words of a person's name worth hiding: "Kassym-Jomart Tokayev" ->
    kassym-jomart, kassym, jomart, tokayev (titles and short particles dropped).
    An organisation's name is hidden whole (and by its initials), never word by
    word: "Federations" alone is not the answer "Union of European Rugby Federations"."""
    if is_organisation(name):
        acronym = initials(name)
        return (acronym.casefold(),) if len(acronym) >= 2 and " " in plain(name) else ()
    parts: list[str] = []
    for word in words(name):
        if word in _TITLES or len(word) < 3:
            continue
        parts.append(word)
        for piece in re.split(r"[-']", word):
            if len(piece) >= 3 and piece not in parts:
                parts.append(piece)
    return tuple(parts)


@lru_cache(maxsize=4096)
def _word_pattern(needle: str) -> re.Pattern[str]:
    return standalone(needle)


def find_word(haystack: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """(start, end) of `needle` as a whole word in `haystack` (any case) from
    `start`, or None. Plain string search: compiling a pattern per name costs more
    than the whole search."""
    text, word = haystack.lower(), needle.lower()
    if not word:
        return None
    if len(text) != len(haystack) or len(word) != len(needle):  # case folding moved offsets
        match = _word_pattern(word).search(text, start)
        return (match.start(), match.end()) if match else None
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return at, end
        at = text.find(word, at + 1)
    return None


@per_article
@lru_cache(maxsize=32768)
def contains_word(haystack: str, needle: str) -> bool:
    needle = plain(needle).casefold()
    if not needle:
        return False
    return find_word(plain(haystack).casefold(), needle) is not None


@lru_cache(maxsize=16384)
def gives_away_person(prompt: str, name: str) -> bool:
    return any(contains_word(prompt, part) for part in name_parts(name)) or contains_word(
        prompt, name
    )


def country_stem(country: str) -> str:
    """ "Kazakhstan" -> "kazakh", "Russia" -> "russia", "China" -> "chin": a prefix
    its adjective and demonym share ("Kazakh", "Russian", "Chinese")."""
    name = plain(country).casefold()
    for suffix in ("istan", "stan", "ia", "a", "y", "e"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 4:
            return name[: -len(suffix)]
    if len(name) >= 6 and " " not in name:
        return name[:-1]  # "Myanmar" -> "myanma" ("the Myanma embassy")
    return name


def _initials(country: str) -> set[str]:
    """ "United States" -> {"US", "U.S.", "USA", "U.S.A."}; "United Kingdom" -> {"UK", "U.K."}."""
    parts = [w for w in plain(country).split() if w[:1].isupper()]
    if len(parts) < 2:
        return set()
    letters = "".join(w[0] for w in parts)
    forms = {letters, ".".join(letters) + "."}
    if letters == "US":
        forms |= {"USA", "U.S.A."}
    return forms


# "Sino-Indian", "Anglo-French": the Latin or Greek combining form of a country's name
# before a hyphen ("Russo-", "Franco-" share the name's stem and are found by it).
_COMBINING_FORMS = {
    "sino": "China",
    "anglo": "United Kingdom",
    "indo": "India",
    "nippo": "Japan",
    "turco": "Turkey",
    "italo": "Italy",
    "greco": "Greece",
    "graeco": "Greece",
    "hispano": "Spain",
    "luso": "Portugal",
    "austro": "Austria",
    "polono": "Poland",
}
_COMBINED = re.compile(r"\b([A-Z][a-z]+)-[A-Z]")


def _combining_form_names(prompt: str, target: str) -> bool:
    """ "the Sino-Indian talks" names China (the blind judges' "Russo-/Sino-" forms)."""
    return any(
        normalise(_COMBINING_FORMS.get(form.casefold(), "")) == target
        for form in _COMBINED.findall(plain(prompt))
    )


@lru_cache(maxsize=16384)
def gives_away_country(prompt: str, country: str) -> bool:
    """The prompt names the country, its adjective or demonym ("Kazakh",
    "Russians") or its initials ("U.S. Senate")."""
    if contains_word(prompt, country):
        return True
    for form in _initials(country):
        if regex(rf"(?<![\w.]){re.escape(form)}(?![\w])").search(plain(prompt)):
            return True
    stem = country_stem(country)
    if len(stem) >= 4 and any(word.startswith(stem) for word in words(prompt)):
        return True
    # "Korea" in "Korea Advanced Institute …" or "Korean" gives away "South Korea".
    for part in plain(country).split():
        distinctive = part[:1].isupper() and part.casefold() not in GENERIC_COUNTRY_WORDS
        stem = part.casefold()
        if distinctive and len(stem) >= 4 and any(w.startswith(stem) for w in words(prompt)):
            return True
    target = normalise(country)
    if target in _adjective_countries(prompt):
        return True
    # "Britain's trains" names the United Kingdom by another of its names.
    return _combining_form_names(prompt, target) or target in _other_names_countries(prompt)


@lru_cache(maxsize=4096)  # read once per text, then asked of every country it is checked for
def _adjective_countries(prompt: str) -> frozenset[str]:
    """The countries (normalised; "" for a word that is no adjective) the text's
    capitalised words name as adjectives ("Turkish-claimed waters": Turkey)."""
    return frozenset(
        normalise(country_of_adjective(word) or "")
        for token in _WORD.findall(plain(prompt))
        for word in {token, *token.split("-")}
        if word[:1].isupper()
    )


@lru_cache(maxsize=4096)  # read once per text, then asked of every country it is checked for
def _other_names_countries(prompt: str) -> frozenset[str]:
    """The countries (normalised; "" for a run that names none) the text's runs of
    capitalised words name ("Britain": the United Kingdom)."""
    return frozenset(
        normalise(canonical_country(name) or "") for name in _CAPITALISED_RUN.findall(plain(prompt))
    )


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*){0,3}")


GENERIC_COUNTRY_WORDS = {
    "united", "states", "kingdom", "republic", "democratic", "south", "north", "east", "west",
    "central", "new", "saint", "islands", "island", "arab", "emirates", "people's", "federated",
    "of", "the", "and", "guinea", "african", "sudan",
}  # fmt: skip

_THE_COUNTRY = re.compile(
    r"^(United|Republic|Democratic|Central African|Czech Republic)\b|"
    r"\b(Islands|Emirates|Kingdom|States|Republic)$|^(Netherlands|Philippines|Bahamas|Gambia|"
    r"Maldives|Comoros|Seychelles)$"
)


def country_in_sentence(country: str) -> str:
    """ "United States" -> "the United States" (for statements); "Russia" unchanged."""
    return f"the {country}" if _THE_COUNTRY.search(country) else country


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[“\"‘]|\n)$")


@per_article
@lru_cache(maxsize=16)
def word_cases(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words the text writes in lower case, words it capitalises inside a sentence)."""
    lower: set[str] = set()
    capital: set[str] = set()
    for match in re.finditer(r"[\w’'-]+", text):
        word = match.group(0)
        if word[:1].isupper():
            if not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                capital.add(word.casefold())
        else:
            lower.add(word.casefold())
    return frozenset(lower), frozenset(capital)


def restore_names(text: str, article_text: str) -> str:
    """ "When did day invite …?" -> "When did Day invite …?": a word that rewriting a
    clause put in lower case and that the article only writes capitalised inside its
    sentences is a name (the actor Doris Day, Trump) and gets its capital back."""
    lower, capital = word_cases(article_text)

    def restore(match: re.Match[str]) -> str:
        word = match[0]
        folded = word.casefold()
        name = folded in capital and folded not in lower
        # "mark" when the article writes "marked": a verb, whatever "Mark Ruffalo" says.
        inflected = any(f"{folded}{end}" in lower for end in ("ed", "d", "ing", f"{folded[-1:]}ed"))
        return word[:1].upper() + word[1:] if name and not inflected else word

    restored = re.sub(r"(?<![\w’'-])[a-z][\w’'-]*", restore, text)
    return particles_as_written(restored, article_text)


# The particles of a surname a writer keeps in lower case inside a sentence ("Bill de
# Ruiz", "van Dijk") and capitalises only when the name opens it ("De Ruiz said …").
_PARTICLE = re.compile(
    r"(?<=[\w,;)”\"] )(De|Del|Della|Da|Das|Do|Dos|Di|Du|Des|Van|Von|Der|Den|Ter|La|Le|Al|El|Bin|Ibn)"
    r"(?= ([A-Z][\w’'-]*))"
)


def particles_as_written(text: str, article_text: str) -> str:
    """ "When did De Ruiz join the race?" -> "When did de Ruiz join …?": a surname's
    particle that a rewritten clause carried over from the start of the article's
    sentence ("De Ruiz joined …") is written as the article writes it inside a sentence
    ("Mayor Ana de Ruiz"), when it does."""

    def lowered(match: re.Match[str]) -> str:
        particle, name = match[1], match[2]
        inside = regex(
            rf"(?<![\w’'-]){re.escape(particle.casefold())} {re.escape(name)}(?![\w’'-])"
        )
        return particle.casefold() if inside.search(article_text) else particle

    return _PARTICLE.sub(lowered, text)


# "the court ruled against its initial attempt": a body ruling or voting against a
# thing of its own is not what the sentence means; "its" stands for someone an
# earlier sentence named, and the question alone does not say whose.
_AGAINST_ITS = re.compile(
    r"\b(?:ruled|rules|rule|decided|decide|voted|vote|sided|side|found|find)\s+"
    r"(?:\w+\s+)?against\s+(?:its|their)\b(?!\s+own\b)",
    re.I,
)


def possessive_of_another(text: str) -> str | None:
    """ "When did the court rule against its initial attempt?": the possessive's owner
    is in another sentence (blind judge, batch 20). None when the text has no such."""
    match = _AGAINST_ITS.search(text)
    return f"“{match.group(0)}”: whose? the owner is named in another sentence" if match else None
