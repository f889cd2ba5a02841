"""Is a typed answer right? Accept it the way a teacher marking by hand would.

Pure: strings in, an `AnswerMatch` out; no ORM, no I/O. Used to grade cloze and
free-text answers (learning's quiz service) and to explain a verdict afterwards.

    >>> answer_match("tokaeyv", expected="Mr Tokayev").accepted     # a typo, no honorific
    True
    >>> answer_match("Smith", expected="Mr John Smith").reason      # a person's surname
    'surname'
    >>> answer_match("2018", expected="2019").accepted              # digits never bend
    False

The rules, in the order tried:
1. Case, accents, punctuation and spacing never count ("São Tomé" = "sao tome").
2. Honorifics and office titles in front of a name are optional ("Mr Smith" = "Smith",
   "President Xi" = "Xi"); when the expected answer has one it names a person, and then
   the surname alone is right too ("Dr Ana Lima" accepts "Lima").
3. The teacher's accepted alternatives count like the answer itself.
4. The same words in another order are the same answer ("March 12" = "12 March").
5. A small typo is forgiven: an edit distance (a swap of two neighbouring letters
   counts as one edit) that grows with the length of the answer: none up to 4
   letters, 1 up to 9, 2 up to 15, 3 beyond. The first letter and every number
   must still be right, so "Iran" is never "Iraq", "Zambia" never "Gambia",
   "Austria" never "Australia" and 2018 never 2019.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from .extraction.lexicon import HONORIFICS, OFFICE_TITLES
from .extraction.text import fold

# Words that may stand in front of a name, folded ("prime minister" is two of them):
# the honorifics, and those office titles that never start the name of a thing
# ("General" does: General Motors).
_PERSON_TITLES = frozenset(HONORIFICS) | (
    frozenset(OFFICE_TITLES)
    & {
        "president",
        "prime",
        "minister",
        "chancellor",
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
        "archbishop",
        "cardinal",
        "congressman",
        "congresswoman",
        "councillor",
        "mp",
        "mep",
        "rep",
        "judge",
    }
)
_TITLE_WORDS = _PERSON_TITLES | {"the"}
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class AnswerMatch:
    """The verdict on a typed answer.

    reason: "exact" (the answer, give or take case, accents, punctuation and
    titles), "alternative" (one the teacher also accepts), "surname" (a person's
    surname alone), "typo" (close enough) or "" (not accepted).
    matched: the accepted answer it was matched to, as the teacher wrote it."""

    accepted: bool
    reason: str = ""
    matched: str = ""

    @property
    def forgiven(self) -> bool:
        """Accepted although it differs from the answer as written (worth telling)."""
        return self.accepted and self.reason in ("typo", "surname")


_PUNCTUATION = re.compile(r"[^\w\s]|_")


def normalise(text: str) -> str:
    """An answer's comparison key: extraction's `fold` (case, accents, apostrophes,
    spaces: one helper for both) with punctuation dropped and full case folding
    ("ß" = "ss"): 'São-Tomé!' -> 'sao tome'.

    Why not `fold` alone: `fold` is the key of evidence and names in a parsed text,
    where punctuation carries meaning ("d'Anieri", "Dr.", "Saint-Denis" stay as
    written, word for word with the parse); a typed answer is marked as a teacher
    would, who does not care whether "Côte d'Ivoire" was typed with its apostrophe."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text or "").casefold()).split())


def _without_titles(words: list[str]) -> tuple[list[str], bool]:
    """Leading honorifics / office titles removed (one word always stays);
    True when one was removed, i.e. the words name a person."""
    start = 0
    while start < len(words) - 1 and words[start] in _TITLE_WORDS:
        start += 1
    titled = start > 0 and words[start - 1] != "the"
    return words[start:], titled


@dataclass(frozen=True)
class _Candidate:
    text: str  # normalised, titles removed
    shown: str  # as the teacher wrote it
    reason: str


def _candidates(expected: str, alternatives: Iterable[str]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for shown, reason in [(expected, "exact"), *((alt, "alternative") for alt in alternatives)]:
        words, is_person = _without_titles(normalise(shown).split())
        if not words:
            continue
        found.append(_Candidate(" ".join(words), shown, reason))
        if is_person and len(words) > 1:
            found.append(_Candidate(words[-1], shown, "surname"))
    return found


def typo_allowance(length: int) -> int:
    """Edits forgiven in an answer of `length` characters."""
    if length <= 4:
        return 0
    if length <= 9:
        return 1
    if length <= 15:
        return 2
    return 3


def _close_enough(given: str, wanted: str) -> bool:
    if given[:1] != wanted[:1] or _DIGITS.findall(given) != _DIGITS.findall(wanted):
        return False
    allowance = typo_allowance(len(wanted))
    return (
        allowance > 0
        and DamerauLevenshtein.distance(given, wanted, score_cutoff=allowance) <= allowance
    )


def answer_match(given: str, *, expected: str, alternatives: Iterable[str] = ()) -> AnswerMatch:
    """Grade `given` against the expected answer and the teacher's alternatives."""
    words, _ = _without_titles(normalise(given).split())
    typed = " ".join(words)
    if not typed:
        return AnswerMatch(False)
    candidates = _candidates(expected, alternatives)
    for candidate in candidates:
        if typed == candidate.text:
            return AnswerMatch(True, candidate.reason, candidate.shown)
    for candidate in candidates:
        if sorted(words) == sorted(candidate.text.split()):
            return AnswerMatch(True, candidate.reason, candidate.shown)
    for candidate in candidates:
        if _close_enough(typed, candidate.text):
            return AnswerMatch(True, "typo", candidate.shown)
    return AnswerMatch(False)


def accepted_answers_parse(text: str) -> list[str]:
    """The teacher's alternatives as typed in admin: one per line, blanks and
    repeats (after normalising) dropped, order kept."""
    seen: set[str] = set()
    answers: list[str] = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        key = normalise(line)
        if key and key not in seen:
            seen.add(key)
            answers.append(line)
    return answers
