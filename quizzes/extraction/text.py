"""Character-level helpers: paragraphs and quotation marks (pure functions, one pass each).

Quotation marks are found on the raw text rather than on spaCy tokens, because the
rules are about characters: a curly "’" is an apostrophe inside a word and a closing
mark before a space; a straight '"' opens or closes depending on what is open.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from quizzes.extraction.article_caches import per_article

OPEN_DOUBLE = "\u201c\u201e"  # “ „
CLOSE_DOUBLE = "\u201d"  # ”
OPEN_SINGLE = "\u2018\u201a"  # ‘ ‚
CLOSE_SINGLE = "\u2019"  # ’
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# Every quotation mark a word may stand next to: “ ” ‘ ’ „ " '.
QUOTE_MARKS = "\u201c\u201d\u2018\u2019\u201e\"'"
# Characters after which a mark opens a quotation (besides the start of a paragraph).
OPENING_CONTEXT = " \t([{\u2014\u2013-:/" + OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE
TERMINATORS = ".?!\u2026"
_APOSTROPHES = re.compile(r"[\u2019\u2018`\u00b4]")


@lru_cache(maxsize=4096)
def regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern built from the article's own words (a name, a date as written), compiled
    once: `regex(rf"\\b{re.escape(name)}\\b").search(text)`. Python keeps only 512 compiled
    patterns and drops the oldest, so patterns built per name would push out the fixed ones
    and every call would compile again (the generation benchmark lost a tenth to that)."""
    return re.compile(source, flags)


def standalone(literal: str, edge: str = r"\w", flags: int = 0) -> re.Pattern[str]:
    """`literal` with no `edge` character on either side: the pattern
    `(?<!edge)literal(?!edge)`, written literal first (`literal(?<!edge literal)(?!edge)`, the
    same matches). A pattern that opens on a look-behind is tried at every position of the
    text; one that opens on its literal lets the engine jump between the literal's
    occurrences: 25 times faster over an article (the who-said options scan it per name)."""
    escaped = re.escape(literal)
    return regex(rf"{escaped}(?<!{edge}{escaped})(?!{edge})", flags)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The comparison key of a word or name, the one used everywhere in extraction: lower
    case, accents removed, one kind of apostrophe, whitespace collapsed ("Agnès  D’Anieri"
    -> "agnes d'anieri"). Punctuation stays: it is part of a name or a span as parsed.
    Answer matching (quizzes/answer_matching.py `normalise`) builds on this key and
    drops punctuation too, since a typed answer is marked without it."""
    if text.isascii() and "`" not in text:
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_APOSTROPHES.sub("'", text).lower().split())


def latin_script(text: str) -> bool:
    """ "Agnès Roe", "Đặng Văn": every letter is Latin (accents allowed); a run in another
    script ("علی رضا", a translation quoted beside the English) is never a name here."""
    return text.isascii() or all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text
    )


@lru_cache(maxsize=16384)
def fold_word(text: str) -> str:
    """A name word's key: ``fold`` without the dots of an abbreviation ("Dr." -> "dr")."""
    return fold(text).strip(".")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int  # exclusive, trailing whitespace removed


@dataclass
class QuoteSpan:
    """One quotation as marked in the text.

    `pieces` are the (start, end) offsets of the quoted text without its marks; a
    quotation continued over paragraphs (an unclosed opening mark, the next paragraph
    re-opening) has one piece per paragraph.
    """

    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when never closed
    kind: str  # "double" | "single"
    depth: int  # 0 at top level, 1 inside another quotation
    paragraph: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    parent: int | None = None  # index of the enclosing quotation (depth 1)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def last_paragraph(self) -> int:
        return self.paragraph + len(self.pieces) - 1

    def text(self, source: str) -> str:
        return " ".join(source[a:b] for a, b in self.pieces)


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, with offsets (leading/trailing whitespace excluded)."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            out.append(Paragraph(len(out), start, start + len(stripped)))
        pos += len(line) + 1
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int, para_start: int) -> bool:
    """A mark at i is in opening position: paragraph start or after a space/bracket/dash."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPENING_CONTEXT and not after.isspace()


def _closes_single(text: str, i: int, para_end: int) -> bool:
    """’ or ' at i closes a quotation (not an apostrophe): no letter or digit follows."""
    after = text[i + 1] if i + 1 < para_end else " "
    return not _is_word_char(after)


def _plural_possessive(text: str, i: int, para_end: int) -> bool:
    """’ after an "s" and before a word ("the leaders’ summit") is an apostrophe when a
    closing mark still follows in the paragraph."""
    if (
        text[i - 1] not in "sS"
        or i + 2 >= para_end
        or text[i + 1] != " "
        or not text[i + 2].isalpha()
    ):
        return False
    for j in range(i + 1, min(para_end, i + 400)):
        if text[j] in OPEN_SINGLE:
            return False
        if text[j] in (CLOSE_SINGLE, STRAIGHT_SINGLE) and _closes_single(text, j, para_end):
            return True
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding whitespace and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# Every mark a handler of _Scanner takes: the scan visits only these characters.
_QUOTE_MARK = re.compile(
    "["
    + re.escape(
        OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE
    )
    + "]"
)


class _Scanner:
    """One pass over a paragraph's characters, keeping a stack of open quotations."""

    def __init__(self, text: str, para: Paragraph):
        self.text = text
        self.para = para
        self.found: list[QuoteSpan] = []
        self.stack: list[QuoteSpan] = []

    def scan(self) -> list[QuoteSpan]:
        handlers = {
            **dict.fromkeys(OPEN_DOUBLE, self._open_double),
            CLOSE_DOUBLE: self._close_double,
            STRAIGHT_DOUBLE: self._straight_double,
            **dict.fromkeys(OPEN_SINGLE, self._open_single),
            CLOSE_SINGLE: self._close_single,
            STRAIGHT_SINGLE: self._close_single,
        }
        for m in _QUOTE_MARK.finditer(self.text, self.para.start, self.para.end):
            handlers[m.group()](m.start())
        self._close_unclosed()
        self.found.sort(key=lambda q: q.open_at)
        return self.found

    # ------------------------------------------------------------------ the stack
    def _close(self, q: QuoteSpan, at: int | None, end: int) -> None:
        q.close_at = at
        q.pieces = [_trim(self.text, q.open_at + 1, end)]
        self.found.append(q)

    def _close_through(self, kind: str, at: int) -> None:
        """Close the innermost open quotation of this kind and anything left open inside it
        (an inner quotation never closed ends with its parent)."""
        while self.stack:
            q = self.stack.pop()
            if q.kind == kind:
                self._close(q, at, at)
                return
            self._close(q, None, at)

    def _push(self, kind: str, at: int) -> None:
        self.stack.append(QuoteSpan(at, None, kind, len(self.stack), self.para.index))

    def _open(self, kind: str) -> bool:
        return any(q.kind == kind for q in self.stack)

    # ------------------------------------------------------------------ the marks
    def _open_double(self, i: int) -> None:
        if self._open("double") and not _opens(self.text, i, self.para.start):
            self._close_through("double", i)  # a misused opening mark in closing position
        else:
            self._push("double", i)

    def _close_double(self, i: int) -> None:
        if self._open("double"):
            self._close_through("double", i)
        elif _opens(self.text, i, self.para.start):
            self._push("double", i)  # a closing mark misused to open

    def _straight_double(self, i: int) -> None:
        """A straight double mark closes the open double quotation, unless it stands between
        a space and a word: then it opens one inside it ("The "United States" is ...")."""
        if self._open("double") and not self._nested_opening(i):
            self._close_through("double", i)
        else:
            self._push("double", i)

    def _nested_opening(self, i: int) -> bool:
        text = self.text
        return (
            i > self.para.start
            and text[i - 1] == " "
            and i + 1 < self.para.end
            and text[i + 1].isalnum()
            and self.stack[-1].kind == "double"
        )

    def _open_single(self, i: int) -> None:
        if _opens(self.text, i, self.para.start):
            self._push("single", i)

    def _close_single(self, i: int) -> None:
        """’ or ' closes an open single quotation (not an apostrophe); a straight ' in
        opening position opens one."""
        text, para = self.text, self.para
        top = self.stack[-1] if self.stack else None
        if (
            top is not None
            and top.kind == "single"
            and _closes_single(text, i, para.end)
            and i > top.open_at + 1
            and not _plural_possessive(text, i, para.end)
        ):
            self._close_through("single", i)
        elif text[i] == STRAIGHT_SINGLE and _opens(text, i, para.start):
            self._push("single", i)

    def _close_unclosed(self) -> None:
        """Unclosed at the end of the paragraph: doubles run to its end (they may continue in
        the next paragraph); a single only when it opened the paragraph (single-quote style),
        otherwise it was an apostrophe ('90s, 'em)."""
        while self.stack:
            q = self.stack.pop()
            if q.kind == "single" and q.depth == 0 and q.open_at != self.para.start:
                continue
            if q.kind == "single" and q.depth > 0 and not self._open("double"):
                continue
            self._close(q, None, self.para.end)


def _scan_paragraph(text: str, para: Paragraph) -> list[QuoteSpan]:
    return _Scanner(text, para).scan()


def find_quotes(text: str, paras: list[Paragraph] | None = None) -> list[QuoteSpan]:
    """All quotations, top level and nested, in text order; one pass over the text.

    A top-level quotation left open at the end of a paragraph is continued by the next
    paragraph when that one starts with an opening mark (the usual style for a quote
    running over several paragraphs): the two become one QuoteSpan with two pieces.
    """
    paras = paras if paras is not None else paragraphs(text)
    out = _joined_over_paragraphs(paras, [_scan_paragraph(text, p) for p in paras])
    # Drop empty or letterless quotations, then link nested ones to their parent.
    out = [q for q in out if q.end > q.start and any(c.isalpha() for c in q.text(text))]
    out.sort(key=lambda q: (q.start, q.depth))
    _link_nested(out)
    return out


@per_article
@lru_cache(maxsize=4)
def quotations(text: str) -> tuple[QuoteSpan, ...]:
    """``find_quotes(text)`` made once per text, for the stages that only read the spans (the
    people's seeds and pronouns, then the quotes stage: none of them changes a span)."""
    return tuple(find_quotes(text))


def _joined_over_paragraphs(
    paras: list[Paragraph], per_para: list[list[QuoteSpan]]
) -> list[QuoteSpan]:
    """A top-level quotation left open continues in the next paragraph that opens with the
    same kind of mark: one QuoteSpan with a piece per paragraph."""
    out: list[QuoteSpan] = []
    carry: QuoteSpan | None = None  # an open top-level quotation waiting for its continuation
    for p, quotes in zip(paras, per_para, strict=True):
        for q in quotes:
            target = q
            if q.depth == 0 and carry is not None and q.open_at == p.start and q.kind == carry.kind:
                carry.pieces.extend(q.pieces)
                carry.close_at = q.close_at
                target = carry
            else:
                out.append(q)
            if q.depth == 0:
                carry = target if target.close_at is None else None
        if not any(q.depth == 0 and q.close_at is None for q in quotes):
            carry = None
    return out


def _link_nested(out: list[QuoteSpan]) -> None:
    """A nested quotation's parent is the last top-level one around it; one outside every
    top-level quotation becomes top-level itself."""
    last_top: int | None = None
    for idx, q in enumerate(out):
        if q.depth == 0:
            last_top = idx
        elif last_top is not None and out[last_top].start <= q.start <= out[last_top].end:
            q.parent = last_top
        else:
            q.depth = 0
            last_top = idx
