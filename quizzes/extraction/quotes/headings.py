"""Rule 5: headings and pull-quotes take the speaker of the quotation they repeat.

A paragraph that is only a quotation without final punctuation (or a short topic and a
colon before it: "Portugal wildfires: ‘The sky ...’", or a colon/dash and a short source
after it: "‘We will form the government’: JPP leader") is a heading; so is a quotation in a
headline-like paragraph whose own attribution named nobody, and a headline or crosshead
line quoting a phrase ("Hospitals brace for 'worst week yet'"). ``HEADING_RULES`` give the
speaker, first that finds one wins; else None (a scare quote or a pull-quote with no source).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import TALK_VERBS
from ..text import TERMINATORS, QuoteSpan
from .context import Found, QuoteContext
from .speakers import _ROLE_WORDS

Said = tuple[list[str], str]  # (words of a quotation, its speaker)


def is_heading(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """A paragraph that is only the quotation (after a short topic and a colon, or before a
    colon and a short source) with no final punctuation, 25 words at most."""
    para = ctx.paras[q.paragraph]
    if len(q.pieces) != 1:
        return False
    if q.open_at != para.start and not _topic_before(ctx, q):
        return False
    rest = ctx.text[ctx.close_end(q) : para.end].strip()
    if rest and q.open_at == para.start and _heading_tail(rest):
        return True  # "‘We will form the government’: JPP leader"
    if rest:
        return False
    body = ctx.text[q.start : q.end].rstrip()
    prefixed = q.open_at != para.start  # "Brexit: ‘What happens now?’" is a heading too
    return (
        bool(body)
        and (body[-1] not in TERMINATORS or (prefixed and body[-1] in "?!"))
        and len(body.split()) <= 25
    )


def _topic_before(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """ "Portugal wildfires: ‘The sky turned orange’": a short topic and a colon, not a
    speaker's name ("Keir Stone: ‘...’")."""
    para = ctx.paras[q.paragraph]
    lead = ctx.text[para.start : q.open_at].rstrip()
    if not lead.endswith(":") or len(lead.split()) > 6 or ctx.inside_any_quote(para.start):
        return False
    first, colon = ctx.token_at(para.start), ctx.token_at(para.start + len(lead) - 1)
    return not any(ctx.people.person_at(i) for i in range(first, colon))


def _heading_tail(rest: str) -> bool:
    """What follows a headline's quotation: a colon or dash and a few words naming the
    source, with no final punctuation ("‘...’: JPP leader", "‘...’ - union chief")."""
    if rest[0] not in ":\u2013\u2014-|":
        return False
    tail = rest[1:].strip()
    return bool(tail) and tail[-1] not in TERMINATORS + ",;:" and len(tail.split()) <= 8


def heading_line(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """The quotation sits in a short line with no final full stop outside the quotation:
    a headline or crosshead quoting a phrase ("Social care 'not keeping up'")."""
    if len(q.pieces) != 1:
        return False
    para = ctx.paras[q.paragraph]
    line = ctx.text[para.start : para.end].rstrip("\"”’' ")
    return (
        bool(line)
        and "\n" not in line
        and line[-1] not in TERMINATORS
        and len(line.split()) <= 14
        and not line.rstrip().endswith(":")
    )


@dataclass
class Heading:
    found: Found
    line: bool  # a headline or crosshead line quoting a phrase
    body: list[str]  # the quotation's words


# ============================================================================ rules
def repeats_a_quotation(ctx: QuoteContext, said: list[Said], h: Heading) -> str | None:
    """A pull-quote repeats (part of) a quotation of the article: most of the heading's
    words are in it (token overlap)."""
    body = h.body
    best = max(
        ((_overlap(body, other), _coverage(body, other), who) for other, who in said),
        default=(0.0, 0.0, None),
        key=lambda x: (x[1] >= 0.8 and len(body) >= 3, x[0]),
    )
    if best[0] >= 0.6 or (best[1] >= 0.8 and len(body) >= 3):
        return best[2]
    return None


def phrase_of_a_quotation(ctx: QuoteContext, said: list[Said], h: Heading) -> str | None:
    """A heading quoting a phrase that a quotation has word for word (case and marks aside);
    among several, the one sharing most of the line's words. A phrase of two words the
    article also writes as its own outside quotation marks ("a dark web site") is a term,
    nobody's words; a single word ("Survey: flights 'likely' up") only when the article
    writes it nowhere outside quotation marks and one speaker alone says it."""
    if not h.body or (len(h.body) <= 2 and _narrated(ctx, h.body)):
        return None
    if len(h.body) == 1 and len({who for other, who in said if h.body[0] in other}) != 1:
        return None
    para = ctx.paras[h.found.span.paragraph]
    line = set(words(ctx.text[para.start : para.end]))
    phrase = " " + " ".join(h.body) + " "
    best: tuple[float, str] | None = None
    for other, who in said:
        if phrase not in " " + " ".join(other) + " ":
            continue
        score = len(line & set(other)) / max(1, len(line))
        if best is None or score > best[0]:
            best = (score, who)
    return best[1] if best else None


def _narrated(ctx: QuoteContext, body: list[str]) -> bool:
    """The words run in this order somewhere outside every quotation."""
    doc, n = ctx.doc, len(body)
    return any(
        [t.lower_ for t in doc[i : i + n]] == body
        and all(ctx.in_quote[t.i] is None for t in doc[i : i + n])
        for i in range(len(doc) - n + 1)
    )


def source_after_heading(ctx: QuoteContext, said: list[Said], h: Heading) -> str | None:
    """The person, office holder or organisation a headline's tail names ("‘...’: JPP
    leader"); not for a headline line quoting a phrase."""
    if h.line:
        return None
    q = h.found.span
    close_end = ctx.close_end(q)
    a = ctx.token_at(close_end)
    b = ctx.token_at(max(close_end, ctx.paras[q.paragraph].end - 1))
    return (
        _tail_person(ctx, a, b) or _tail_office_holder(ctx, a, b) or _tail_organisation(ctx, a, b)
    )


def _tail_person(ctx: QuoteContext, a: int, b: int) -> str | None:
    return next((ctx.people.person_at(i) for i in range(a, b + 1) if ctx.people.person_at(i)), None)


def _tail_office_holder(ctx: QuoteContext, a: int, b: int) -> str | None:
    for i in range(a, b + 1):
        tok = ctx.doc[i]
        if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in _ROLE_WORDS:
            name = ctx.speakers.role_holder(tok)
            if name:
                return name
    return None


def _tail_organisation(ctx: QuoteContext, a: int, b: int) -> str | None:
    for i in range(a, b + 1):
        org = ctx.people.organisation_at(i)
        if org:
            return org
    return None


HeadingRule = Callable[[QuoteContext, list[Said], Heading], "str | None"]
HEADING_RULES: tuple[HeadingRule, ...] = (
    repeats_a_quotation,
    phrase_of_a_quotation,
    source_after_heading,
)


def attribute_headings(ctx: QuoteContext, found: list[Found], headings: list[Found]) -> None:
    """Rule 5 for the headings found by the nearby pass, and for headline-like quotations
    whose own attribution named nobody and headline lines quoting a phrase."""
    heads = _all_headings(ctx, found, headings)
    chosen = {id(h.found) for h in heads}
    said = [
        (words(f.span.text(ctx.text)), f.speaker)
        for f in found
        if f.speaker and id(f) not in chosen
    ]
    for h in heads:
        h.body = words(h.found.span.text(ctx.text))
        h.found.decide(None, "none", "heading.no_source")
        for rule in HEADING_RULES:
            speaker = rule(ctx, said, h)
            if speaker is not None:
                h.found.decide(speaker, "heading", f"heading.{rule.__name__}")
                break


def _all_headings(ctx: QuoteContext, found: list[Found], headings: list[Found]) -> list[Heading]:
    """The headings, then headline-like quotations whose attribution named nobody, then
    headline or crosshead lines quoting a phrase."""
    heads = [Heading(f, False, []) for f in headings]
    chosen = {id(f) for f in headings}
    for f in found:
        if f.span.depth > 0 or f.speaker is not None or id(f) in chosen:
            continue
        if f.resolved and ctx.headline_like(f.span.open_at):
            heads.append(Heading(f, False, []))
            chosen.add(id(f))
        elif heading_line(ctx, f.span):
            heads.append(Heading(f, True, []))
            chosen.add(id(f))
        elif headline_of_a_talk(ctx, f.span):
            heads.append(Heading(f, False, []))
            chosen.add(id(f))
    return heads


# Verbs a headline uses for someone talking to the outlet ("X discusses her findings with
# the Courier", "X tells the Courier about ..."); not "explains"/"describes", said of a
# subject too ("X explains the speech's legacy" announces no words of X's).
_HEADLINE_TALK_VERBS = (TALK_VERBS | {"discuss"}) - {"explain", "describe", "write"}


def headline_of_a_talk(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """ "Early farmers 'planned every harvest': Botanist Lena Marsh discusses her findings
    with the Courier": the headline's phrase is from the person whose talk it announces (a
    person, after the quotation, the subject of a verb of talking; the first paragraph)."""
    if q.paragraph != 0 or len(q.pieces) != 1 or not ctx.headline_like(q.open_at):
        return False
    a = ctx.token_at(ctx.close_end(q))
    b = ctx.token_at(max(ctx.close_end(q), ctx.paras[0].end - 1))
    return any(ctx.people.person_at(i) and _talks(ctx.doc[i]) for i in range(a, b + 1))


def _talks(tok: Token) -> bool:
    """The name this word ends ("Lena Marsh") is the subject of a verb of talking to an
    outlet."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    verb = tok.head
    return (
        tok.dep_ == "nsubj" and verb.lemma_.lower() in _HEADLINE_TALK_VERBS and _to_an_outlet(verb)
    )


def _to_an_outlet(verb: Token) -> bool:
    """The talk is to a body ("with/to the Courier", "tells the Courier"): an interview."""
    for t in verb.subtree:
        outlet = t.dep_ in ("pobj", "dative") or (t.dep_ == "dobj" and t.head.i == verb.i)
        if (
            outlet
            and t.ent_type_ == "ORG"
            and (t.dep_ != "pobj" or t.head.lower_ in ("with", "to"))
        ):
            return True
    return False


def words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.lower().replace("\u2019", "'")).split()


def _overlap(wa: list[str], wb: list[str]) -> float:
    """Token F1 of two word lists (how closely a heading repeats a quotation)."""
    if not wa or not wb:
        return 0.0
    pool: dict[str, int] = {}
    for w in wa:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in wb:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hit += 1
    if not hit:
        return 0.0
    p, r = hit / len(wb), hit / len(wa)
    return 2 * p * r / (p + r)


def _coverage(part: list[str], whole: list[str]) -> float:
    """Share of `part`'s words found in `whole`."""
    if not part:
        return 0.0
    pool = set(whole)
    return sum(1 for w in part if w in pool) / len(part)
