"""Photo captions left in an article pasted from a web page: lines that are not the story.

A page's picture captions come out of a copy or a scrape as lines of their own between
the paragraphs ("Jo Bell at the harvest fair. Image: A. Ruiz."). They read as sentences,
so without this a bank asked about them ("… who took third place in ___." from a caption
under a photo): a teacher would not, the caption is not what the article reports.

A line (never the first: the headline keeps its own treatment) is a caption when
- it ends with a photo credit ("Image: A. Ruiz.", "(Photo: Reuters)", "(AP Photo/Jo Bell)",
  "Photo by Jo Bell/Getty Images") or opens with one ("Photo: ..."), and is not a long
  paragraph with a credit glued on;
- it is short and names who stands where in a photo: "(left)", "(pictured)", "from left";
- it is a short line between two caption lines (a run of captions, one without a credit);
- it is a name and a place in a photo with no verb: "Jo Bell at the harvest fair." (one
  short sentence, a capitalised name, then "at/during/outside the ...", no verb of telling
  or being that a one-sentence news paragraph would have).
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizzes.extraction.article_caches import per_article
from quizzes.extraction.lexicon import CREDIT_WORDS

MAX_CAPTION_WORDS = 60  # a caption of two or three sentences; a paragraph runs longer
MAX_SHORT_WORDS = 25  # a caption without a credit
MAX_NAME_PLACE_WORDS = 16

# The words that open a picture's credit, one list with extraction's (longest first, so
# "photo credit" is tried before "photo"; the patterns below ignore case).
_CREDIT_WORD = "(?:{})".format(
    "|".join(
        re.escape(word).replace(r"\ ", r"\s+")
        for word in sorted(CREDIT_WORDS, key=len, reverse=True)
    )
)
# "... Image: A. Ruiz.", "... (Image: CDCR)", "... Photo: Reuters": the credit ends the line.
_CREDIT_END = re.compile(
    rf"(?:^|[\s(.\u2014\u2013-]){_CREDIT_WORD}\s*:\s*[^:\n]{{1,80}}?\)?\s*\.?\s*$", re.I
)
# "(AP Photo/Jo Bell)", "(Photo by Jo Bell/Getty Images)", "Jo Bell/Reuters" credits.
_CREDIT_PAREN = re.compile(
    r"\((?:[A-Z]{2,6}\s+)?(?:Photo|Image|Picture)s?\b[^()\n]{0,80}\)\s*\.?\s*$|"
    r"\b(?:Photo|Picture)s?\s+by\s+[^.\n]{1,60}\.?\s*$|"
    r"/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock)\)?\s*\.?\s*$"
)
_CREDIT_START = re.compile(rf"^(?:{_CREDIT_WORD}|Pictured|Caption)\s*:\s*\S", re.I)
_IN_PHOTO = re.compile(
    r"\((?:left|right|centre|center|pictured|top|bottom|second left|second right|file)\)|"
    r"^(?:from\s+)?(?:left|L)\s*(?:to|-)\s*(?:right|R)\b|\bfrom left\b",
    re.I,
)
_NAME_AT_PLACE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}(?:\([^)]{1,30}\)\s+)?(?:,[^,]{1,40},\s+)?"
    r"(?:at|during|outside|inside|after|before|on stage at|with)\s+"
    r"(?:the|a|an|his|her|their|its)\s+[^\"“”]+$"
)
# A verb a one-sentence paragraph has ("Jo Bell at the fair said ...") and a caption does not.
_TELLING = re.compile(
    r"\b(?:said|says|told|tells|is|are|was|were|has|have|had|will|would|can|could|did|does|"
    r"do|may|might|must|shall|should)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…](?:[\"”’')\]]*)\s+(?=[A-Z\"“])")


def _words(line: str) -> int:
    return len(line.split())


def has_credit(line: str) -> bool:
    """A photo credit ending or opening the line (a paragraph with a credit glued on is no
    caption: only the photo's text before the credit may be that long)."""
    text = line.strip()
    credited = bool(
        _CREDIT_END.search(text) or _CREDIT_PAREN.search(text) or _CREDIT_START.match(text)
    )
    return credited and _words(text) <= MAX_CAPTION_WORDS


def _names_who_is_where(line: str) -> bool:
    """ "Jo Bell (left) and Ann Ray at the launch": who stands where in a photo."""
    return _words(line) <= MAX_SHORT_WORDS and _IN_PHOTO.search(line) is not None


def _name_at_place(line: str) -> bool:
    """ "Jo Bell at the harvest fair.": one short sentence, no verb of telling or being."""
    text = line.strip()
    return (
        _words(text) <= MAX_NAME_PLACE_WORDS
        and _SENTENCE_END.search(text) is None
        and _NAME_AT_PLACE.match(text) is not None
        and _TELLING.search(text) is None
    )


def is_caption_line(line: str) -> bool:
    """A line a photo's caption (alone; `caption_spans` also reads runs of them)."""
    text = line.strip()
    return bool(text) and (has_credit(text) or _names_who_is_where(text) or _name_at_place(text))


@per_article
@lru_cache(maxsize=64)
def caption_spans(article_text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the article's caption lines, the first line never among them.
    A short line between two caption lines is one too (a caption without a credit)."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for line in article_text.split("\n"):
        lines.append((offset, offset + len(line), line))
        offset += len(line) + 1
    flagged = [i > 0 and is_caption_line(text) for i, (_, _, text) in enumerate(lines)]
    _flag_galleries(lines, flagged)
    for i in range(2, len(lines) - 1):
        if (
            not flagged[i]
            and flagged[i - 1]
            and flagged[i + 1]
            and 0 < _words(lines[i][2]) <= MAX_SHORT_WORDS
        ):
            flagged[i] = True
    return tuple((start, end) for (start, end, _), f in zip(lines, flagged, strict=True) if f)


MAX_GALLERY_WORDS = 12
GALLERY_RUN = 3
_ENDS_A_SENTENCE = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")


def _gallery_line(text: str) -> bool:
    """ "Tiana from The Princess and the Frog": a short line with no closing mark and no
    verb of telling or being, as under each photo of a gallery."""
    text = text.strip()
    return (
        0 < _words(text) <= MAX_GALLERY_WORDS
        and _ENDS_A_SENTENCE.search(text) is None
        and _TELLING.search(text) is None
    )


def _flag_galleries(lines: list[tuple[int, int, str]], flagged: list[bool]) -> None:
    """A run of GALLERY_RUN or more such lines (never the headline) is a photo gallery's
    captions, credited or not: the parse glues their names across lines ("Tony Stark" over
    "Anna from Frozen" read as a person "Tony Stark Anna", offered as a speaker: blind
    judge, batch 38)."""
    run: list[int] = []
    for i, (_, _, text) in enumerate([*lines, (0, 0, "")]):
        if i > 0 and i < len(lines) and _gallery_line(text):
            run.append(i)
            continue
        if len(run) >= GALLERY_RUN:
            for j in run:
                flagged[j] = True
        run = []


def in_caption(article_text: str, start: int, end: int) -> bool:
    """Does the text from ``start`` to ``end`` (a fact's evidence) lie in a caption line?"""
    return any(
        begin <= start and end <= finish + 1 for begin, finish in caption_spans(article_text)
    )
