"""Typos an article makes, which a question copying its words would repeat.

An English word list with frequencies (pyspellchecker's, loaded once per process)
tells a misspelt common word ("profesional", "intregrate") from a rare or foreign
word the list lacks ("prorogation", "niqab"): a word is a typo only when the list
lacks it, and one edit inside the word (not at its first two letters or its last),
or two of its inner letters trading places ("anynomous"), gives a common word. British spellings the list writes the American way
("favour", "organisation") are words. Names (capitalised words) are not read:
`quality.misspelt_name` compares a name with the article's other spellings of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spellchecker import SpellChecker

MIN_LETTERS = 6  # shorter words have too many neighbours one edit away
MIN_FREQUENCY = 2e-7  # of the correction: a common word, not a rare neighbour
_BRITISH = (
    ("our", "or"), ("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ence", "ense"),
    ("tre", "ter"), ("ll", "l"), ("ogue", "og"), ("ae", "e"), ("oe", "e"),
)  # fmt: skip


# A whole lower-case word long enough to be read (`misspelt` leaves shorter ones): the short
# words, most of a prompt's, are not looked up at all.
_WORD = re.compile(rf"(?<![\w’'\[\]-])[a-z]{{{MIN_LETTERS},}}(?![\w’'\[\]-])")


@lru_cache(maxsize=1)
def _checker() -> SpellChecker:
    return SpellChecker(distance=1)


MIN_SWAPPED_LETTERS = 8  # two letters swapped apart: long words only


def _letters_swapped(word: str) -> str | None:
    """ "anynomous" -> "anonymous": the same letters, two of them trading places (two
    edits apart), and a common word once put back."""
    if len(word) < MIN_SWAPPED_LETTERS:
        return None
    checker = _checker()
    for i in range(1, len(word) - 2):
        for j in range(i + 1, len(word) - 1):
            fixed = word[:i] + word[j] + word[i + 1 : j] + word[i] + word[j + 1 :]
            if fixed != word and checker.word_usage_frequency(fixed) >= MIN_FREQUENCY:
                return fixed
    return None


def _known(word: str) -> bool:
    checker = _checker()
    if word in checker:
        return True
    return any(a in word and word.replace(a, b) in checker for a, b in _BRITISH)


@lru_cache(maxsize=4096)
def misspelt(word: str) -> str | None:
    """The common word a lower-case word misspells, or None.

    >>> misspelt("profesional")
    'professional'
    """
    if len(word) < MIN_LETTERS or not word.isalpha() or _known(word):
        return None
    checker = _checker()
    fixed = checker.correction(word)
    if not fixed:
        return _letters_swapped(word)
    if fixed == word or checker.word_usage_frequency(fixed) < MIN_FREQUENCY:
        return None
    # A word cut or lengthened at its end ("cylindrica", "warranto") is Latin or a
    # term; the article's typos fall inside the word.
    if fixed[:2] != word[:2] or fixed[-1] != word[-1]:
        return None
    return fixed


def first_typo(text: str) -> tuple[str, str] | None:
    """The first misspelt lower-case word of `text` and its spelling, or None. Words
    joined to a bracket or an apostrophe ("con[c]essions", "couldn’t") are left."""
    for match in _WORD.finditer(text):
        fixed = misspelt(match.group(0))
        if fixed:
            return match.group(0), fixed
    return None
