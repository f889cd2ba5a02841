"""Tokens of an event clause -> its text, with the punctuation a cut leaves tidied."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

MAX_TOKENS = 30
PAUSES = {",", "\u2014", "\u2013", ";"}
_OPENERS = {"\u201c", "\u2018"}
_CLOSERS = {"\u201d", "\u2019"}
_KEPT_AT_END = {"\u201d", '"', "\u2019", ")", "%"}


def render(tokens: list[Token], sent: Span, *, gap_commas: bool = True) -> str:
    """The clause's text: leading/trailing punctuation and conjunctions trimmed, at most
    MAX_TOKENS tokens, a comma kept where the cut crossed one (``gap_commas``), quote marks
    and brackets balanced."""
    if not tokens:
        return ""
    tokens = _trim(_with_opening_quotes([t for t in tokens if not t.is_space], sent))
    if not tokens:
        return ""
    return _tidy(_join(_cut(tokens), gap_commas))


_MODIFIERS = {"acl", "advcl", "relcl", "prep", "appos", "npadvmod"}


def _cut(tokens: list[Token]) -> list[Token]:
    """At most MAX_TOKENS tokens. A clause that runs on is cut before the outermost
    modifier the limit would cut through ("… issued a ruling against X, finding that
    … after a subpoena issued by" -> "… issued a ruling against X"), so it ends whole;
    with no such modifier, at the limit."""
    if len(tokens) <= MAX_TOKENS:
        return tokens
    kept = tokens[:MAX_TOKENS]
    last = kept[-1].i
    for k, t in enumerate(kept):
        if (
            k >= 3
            and t.dep_ in _MODIFIERS
            and t.left_edge.i == t.i
            and t.right_edge.i > last
            and any(v.pos_ in {"VERB", "AUX"} for v in kept[:k])
        ):
            return _trim(kept[:k])
    return kept


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (
        tokens[0].is_punct or tokens[0].pos_ in {"CCONJ", "SCONJ"} or tokens[0].dep_ == "mark"
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        and tokens[-1].text not in _KEPT_AT_END
        or (tokens[-1].pos_ in {"CCONJ", "ADP"} and tokens[-1].dep_ != "prt")
    ):  # "its fuel runs out": a particle stays
        tokens = tokens[:-1]
    return tokens


def _join(tokens: list[Token], gap_commas: bool) -> str:
    parts: list[str] = []
    for k, t in enumerate(tokens):
        parts.append(t.text)
        if k + 1 < len(tokens):
            parts.append(_between(t, tokens[k + 1], gap_commas))
    return "".join(parts).strip()


def _between(t: Token, nxt: Token, gap_commas: bool) -> str:
    if nxt.i == t.i + 1:
        return t.whitespace_
    if (
        gap_commas
        and _crosses_a_comma(t.doc[t.i + 1 : nxt.i])
        and not nxt.is_punct
        and not t.is_punct
    ):
        return ", "  # a cut that crossed a comma keeps one
    return " "


def _tidy(text: str) -> str:
    # unbalanced quote marks left by the cut
    for open_, close in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        if text.count(open_) > text.count(close) and text.endswith(open_):
            text = text[:-1].rstrip()
    text = re.sub(r"\s*[(\[]\s*[,;:]?\s*[)\]]", "", text)  # a parenthesis emptied by the cut
    if text.count("(") > text.count(")"):
        text = re.sub(r"\s*\([^()]*$", "", text)
    text = text.replace(" ,", ",").replace(",,", ",").strip(" ,;:-\u2014")
    if text.count("\u201c") > text.count("\u201d"):
        text += "\u201d"
    if text.count('"') % 2:
        text += '"'
    return text


def _crosses_a_comma(gap: Span) -> bool:
    """A cut that crossed a comma keeps one, unless it removed a whole parenthesis (", X,")."""
    if not any(t.text in PAUSES for t in gap):
        return False
    return not (len(gap) > 1 and gap[0].text in PAUSES and gap[-1].text in PAUSES)


def _with_opening_quotes(tokens: list[Token], sent: Span) -> list[Token]:
    """A closing quote mark the cut kept gets its opening mark back ('said "nothing ..."')."""
    ids = {t.i for t in tokens}
    doc = sent.doc
    extra = []
    for t in tokens:
        closing = t.text in _CLOSERS or (t.text == '"' and t.tag_ == "''")
        if not closing:
            continue
        k = t.i - 1
        while k >= sent.start and not (
            doc[k].text in _OPENERS or (doc[k].text == '"' and doc[k].tag_ == "``")
        ):
            k -= 1
        if k >= sent.start and k not in ids and (k + 1) in ids:
            extra.append(doc[k])
    if not extra:
        return tokens
    return sorted(tokens + extra, key=lambda t: t.i)
