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

OPEN_DOUBLE = "\u201c\u201e"  # “ „
CLOSE_DOUBLE = "\u201d"  # ”
OPEN_SINGLE = "\u2018\u201a"  # ‘ ‚
CLOSE_SINGLE = "\u2019"  # ’
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# Characters after which a mark opens a quotation (besides the start of a paragraph).
OPENING_CONTEXT = " \t([{\u2014\u2013-:/" + OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE
TERMINATORS = ".?!\u2026"
_APOSTROPHES = re.compile(r"[\u2019\u2018`\u00b4]")


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The comparison key of a word or name, the one used everywhere in extraction: lower
    case, accents removed, one kind of apostrophe, whitespace collapsed ("Agnès  D’Anieri"
    -> "agnes d'anieri")."""
    if text.isascii() and "`" not in text:
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_APOSTROPHES.sub("'", text).lower().split())


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


def _scan_paragraph(text: str, para: Paragraph) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    stack: list[QuoteSpan] = []

    def close(q: QuoteSpan, at: int | None, end: int) -> None:
        q.close_at = at
        q.pieces = [_trim(text, q.open_at + 1, end)]
        found.append(q)

    def close_through(kind: str, at: int) -> None:
        # Close the innermost open quotation of this kind and anything left open inside it.
        while stack:
            q = stack.pop()
            if q.kind == kind:
                close(q, at, at)
                return
            close(q, None, at)  # an inner quotation never closed ends with its parent

    def push(kind: str, at: int) -> None:
        stack.append(QuoteSpan(at, None, kind, len(stack), para.index))

    def open_kinds() -> list[str]:
        return [q.kind for q in stack]

    i = para.start
    while i < para.end:
        ch = text[i]
        if ch in OPEN_DOUBLE:
            if "double" in open_kinds() and not _opens(text, i, para.start):
                close_through("double", i)  # a misused opening mark in closing position
            else:
                push("double", i)
        elif ch in CLOSE_DOUBLE:
            if "double" in open_kinds():
                close_through("double", i)
            elif _opens(text, i, para.start):
                push("double", i)  # a closing mark misused to open
        elif ch == STRAIGHT_DOUBLE:
            if "double" in open_kinds():
                close_through("double", i)
            else:
                push("double", i)
        elif ch in OPEN_SINGLE:
            if _opens(text, i, para.start):
                push("single", i)
        elif ch in (CLOSE_SINGLE, STRAIGHT_SINGLE):
            top = stack[-1].kind if stack else None
            if (
                top == "single"
                and _closes_single(text, i, para.end)
                and i > stack[-1].open_at + 1
                and not _plural_possessive(text, i, para.end)
            ):
                close_through("single", i)
            elif ch == STRAIGHT_SINGLE and _opens(text, i, para.start):
                push("single", i)
        i += 1
    # Unclosed at the end of the paragraph: doubles run to its end (they may continue in
    # the next paragraph); a single only when it opened the paragraph (single-quote style),
    # otherwise it was an apostrophe ('90s, 'em).
    while stack:
        q = stack.pop()
        if q.kind == "single" and q.depth == 0 and q.open_at != para.start:
            continue
        if q.kind == "single" and q.depth > 0 and not any(s.kind == "double" for s in stack):
            continue
        close(q, None, para.end)
    found.sort(key=lambda q: q.open_at)
    return found


def find_quotes(text: str, paras: list[Paragraph] | None = None) -> list[QuoteSpan]:
    """All quotations, top level and nested, in text order; one pass over the text.

    A top-level quotation left open at the end of a paragraph is continued by the next
    paragraph when that one starts with an opening mark (the usual style for a quote
    running over several paragraphs): the two become one QuoteSpan with two pieces.
    """
    paras = paras if paras is not None else paragraphs(text)
    per_para = [_scan_paragraph(text, p) for p in paras]
    out: list[QuoteSpan] = []
    carry: QuoteSpan | None = None  # an open top-level quotation waiting for its continuation
    for p, quotes in zip(paras, per_para, strict=True):
        for q in quotes:
            if q.depth == 0 and carry is not None and q.open_at == p.start and q.kind == carry.kind:
                carry.pieces.extend(q.pieces)
                carry.close_at = q.close_at
                q_target = carry
            else:
                out.append(q)
                q_target = q
            if q.depth == 0:
                carry = q_target if q_target.close_at is None else None
        if not any(q.depth == 0 and q.close_at is None for q in quotes):
            carry = None
    # Drop empty or letterless quotations, then link nested ones to their parent.
    out = [q for q in out if q.end > q.start and any(c.isalpha() for c in q.text(text))]
    out.sort(key=lambda q: (q.start, q.depth))
    last_top: int | None = None
    for idx, q in enumerate(out):
        if q.depth == 0:
            last_top = idx
        elif last_top is not None and out[last_top].start <= q.start <= out[last_top].end:
            q.parent = last_top
        else:
            q.depth = 0
            last_top = idx
    return out
