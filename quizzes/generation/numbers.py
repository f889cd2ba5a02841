"""How many? The counts a report states clearly ("the tremor damaged 143 buildings",
"at least 1,279 confirmed cases", "84% of those asked") as fill-in-the-blank cards:
the casualties, sums and shares a teacher asks about, which no fact of the extractor
holds. Read from the article's sentences directly (a regex split, no parse).

A count is a number (digits, or a word from two to twenty) followed by a plural
common noun, at most two lower-case words apart, or a percentage. Not a year, not
a duration ("four years"), not a number inside a name ("Region 12", "Flight 610"),
a sum of money or a quotation (the speaker's words)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .captions import caption_spans
from .context import is_story_sentence
from .text import plain_spaces
from .turns import question_turn_spans
from .wording import is_common_noun

MAX_NUMBER_CARDS = 3  # a bank of mostly counts is no better than one of mostly dates

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w$€£¥.,/:#–—-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(_WORDS)
    + r")(?P<percent>%|\s+per\s?cent\b|\s+percent\b)?(?![\w.,/:–—-]?\d)",
    re.I,
)
_FOLLOWING = re.compile(r"^((?:\s+[a-z][a-z-]*){1,3})")
_TIME_UNITS = {
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades",
    "centuries", "nights", "mornings", "times",
}  # fmt: skip
# Sums and measures ("900 million", "70 miles (112 km)"): the conversion beside them
# often gives the number away, and a distance is rarely what a report is about.
_AMOUNT_WORDS = {
    "million", "billion", "trillion", "thousand", "hundred", "miles", "kilometres",
    "kilometers", "metres", "meters", "feet", "inches", "pounds", "lbs", "kilograms",
    "tons", "tonnes", "gallons", "litres", "liters", "degrees", "points",
}  # fmt: skip
_VERBS = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "as", "than"}
_AFTER_A_NAME = re.compile(r"[A-Z][\w.-]*\s+$")
_LEADING_WORD = re.compile(r"\b(?:The|A|An|At|About|Some|Over|Only)\s+$")
_PRONOUN_START = re.compile(
    r"^(?:He|She|It|They|This|That|These|Those|We|I|(?:In|At|Of|By) (?:that|this|these|those|then))\b"
)
_THE_PAIR = re.compile(r"\b(?:the|these|those|its|their)\s+$", re.I)
_RELATIVE_COUNT = {"more", "other", "additional", "further", "extra", "remaining", "fewer"}
# "in two cases: if …", "two sons with Stokowski, Ana and Luis": the sentence lists
# what it counts, so the count is there to read off.
_LISTED = re.compile(r"^[^.;]*?(?::|\b[A-Z]\w+,? (?:and|&) [A-Z]\w+)")
_PEOPLE = {"people", "police", "children", "men", "women", "personnel", "staff", "dead"}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|No|Jr|Sr|vs|Inc|Ltd)|\b[ap]\.m)\.?$"
)


@dataclass(frozen=True)
class Count:
    sentence: str
    start: int  # the sentence's offsets in the article
    end: int
    number: str  # as written: "1,279", "six", "84%"
    at: int  # where the number starts in the sentence


def sentences(article_text: str) -> list[tuple[str, int, int]]:
    """(sentence, start, end) of the story, paragraph by paragraph; the first line
    (the title) and lines that are no story sentences are left out."""
    found = []
    offset = article_text.find("\n") + 1 if "\n" in article_text else 0
    captions = {start for start, _ in caption_spans(article_text)}
    captions |= {start for start, _ in question_turn_spans(article_text)}
    for line in article_text[offset:].split("\n"):
        if offset in captions:  # a photo's caption or a question asked: not what it reports
            offset += len(line) + 1
            continue
        start = 0
        pieces = []
        for cut in _SENTENCE_SPLIT.finditer(line):
            if _ABBREVIATION.search(line[: cut.start()]):
                continue  # "U.S. officials", "Dr. Ruiz"
            pieces.append((start, cut.start() + len(cut.group(0).rstrip())))
            start = cut.end()
        pieces.append((start, len(line)))
        for begin, finish in pieces:
            text = line[begin:finish].strip()
            if text and is_story_sentence(text):
                at = offset + begin + (len(line[begin:finish]) - len(line[begin:finish].lstrip()))
                found.append((text, at, at + len(text)))
        offset += len(line) + 1
    return found


def _counted(after: str) -> bool:
    """Is what follows the number a plural noun it counts ("143 buildings", "five
    confirmed cases"), not a duration, an amount or a name?"""
    match = _FOLLOWING.match(after)
    if not match:
        return False
    words = match.group(1).split()
    for i, word in enumerate(words):
        if word in _TIME_UNITS or word in _AMOUNT_WORDS or word in _VERBS:
            return False
        plural = (
            len(word) > 3
            and word.endswith("s")
            and not word.endswith("ss")
            and is_common_noun(word)
        )
        if word in _PEOPLE or plural:
            return True
        if i == 0 and word in {"of", "per", "to", "and", "or", "in", "on", "at"}:
            return False
    return False


def _year_name_or_quoted(sentence: str, match: re.Match[str]) -> bool:
    """The number is a year, part of a name, or inside a quotation: not the article's count."""
    number = match["n"]
    if re.fullmatch(r"1\d{3}|20\d{2}", number) and not match["percent"]:
        return True  # a year
    if number.casefold() in _WORDS and number[:1].isupper() and match.start() > 0:
        return True  # "Seven" inside a sentence is a name ("the Seven Sisters")
    before = sentence[: match.start()]
    if _AFTER_A_NAME.search(before) and not _LEADING_WORD.search(before):
        return True  # "Region 12", "Flight 610 passengers"
    # inside a quotation: the speaker's count
    return before.count("“") > before.count("”") or bool(before.count('"') % 2)


def _is_count(sentence: str, match: re.Match[str]) -> bool:
    if _year_name_or_quoted(sentence, match):
        return False
    number = match["n"]
    before = sentence[: match.start()]
    if match["percent"]:
        return True
    if _word_value(number) == 2 and _THE_PAIR.search(before):
        return False  # "the two sides": a pair the sentence takes as known, any reader fills it
    after = sentence[match.end() :]
    first = after.split()[0].casefold() if after.split() else ""
    if first in _RELATIVE_COUNT:
        return False  # "eight more people": more than which, the card cannot say
    if _word_value(number) <= 4 and _LISTED.match(after):
        return False
    return _counted(after)


def _word_value(number: str) -> int:
    if number.casefold() in _WORDS:
        return _WORDS[number.casefold()]
    digits = number.replace(",", "").split(".")[0]
    return int(digits) if digits.isdigit() else 0


def counts(article_text: str) -> list[Count]:
    """The first count of each sentence that states one, in article order."""
    found: list[Count] = []
    for sentence, start, end in sentences(article_text):
        text = plain_spaces(sentence)
        if _PRONOUN_START.match(text):
            continue  # "It is about 110 light-years away": what "it" is, the card cannot say
        for match in _NUMBER.finditer(text):
            if _is_count(text, match):
                if all(c.number.casefold() != match.group(0).casefold() for c in found):
                    found.append(Count(text, start, end, match.group(0), match.start()))
                break  # one number per sentence; a number told twice is asked once
    return found


def accepted_forms(number: str) -> list[str]:
    """What a teacher accepts besides the number as written: "6" for "six", "1279"
    for "1,279", "84" and "84 percent" for "84%"."""
    value = re.sub(r"\s*(?:%|per\s?cent|percent)$", "", number, flags=re.I)
    forms = [value] if value != number else []
    if value.casefold() in _WORDS:
        forms.append(str(_WORDS[value.casefold()]))
    elif "," in value:
        forms.append(value.replace(",", ""))
    if value != number:
        forms.append(f"{value} percent")
    return [f for f in dict.fromkeys(forms) if f != number]
