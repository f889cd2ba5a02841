"""Direct quotations and who said them.

Rules, in the order they are tried for each top-level quotation (all linear passes
over the already-parsed Doc; nothing is parsed again):

1. explicit      a speech verb outside the quotation, in the same sentence, whose
                 subject is a person: the verb the quotation hangs on in the parse
                 ("described X as “hopeless”", "“...,” Mr D'Anieri said"), else, for a
                 quotation set off by punctuation, the nearest speech verb ("X said:
                 “...”", "— “...” — suggesting he ..."); inverted "said Andrew D'Anieri";
                 a verb without a subject takes its head's ("agreed, saying “...”"),
                 a relative clause its antecedent ("X, who said “...”"); "the minister
                 said" is the nearest earlier person with that office; a clause and a
                 colon ("Keir Stone: ‘...’", "Mr Reed was blunt: “...”") name the speaker.
   pronoun       the same, when the subject is he/she: the nearest earlier person
                 outside quotations whose gender (Mr/Ms, role words, pronouns) fits,
                 preferring the subject of that sentence.
   according_to  "“...”, according to X".
   A subject that is not a person ("one Moscow official called for the
   “denazification”", "analysts say") gives speaker None and stops here.
For a quotation that is a sentence on its own (nothing but punctuation around it):
2. next_sentence "That was the message from X." / "So said X." right after it.
3. continuation  the speaker of the sentence before it in the paragraph (a quotation,
                 reported speech, or a person as the subject), or, when it opens its
                 paragraph, the last speaker of the previous paragraph (its last
                 quotation or reported speech "X says ...").
4. next_sentence reported speech by a person in the next sentence ("X said so.").
5. heading       a paragraph that is only a quotation without final punctuation is a
                 heading: it gets the speaker of the article's quotation it repeats
                 (token overlap), else None (a scare quote or a pull-quote with no source).
Scare quotes inside a sentence with no speech verb get None. Quotations inside
quotations get a speaker only when a named person inside the outer quotation says
them; otherwise None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .facts import Quote
from .lexicon import (
    OFFICE_TITLES,
    PERSON_ROLE_NOUNS,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
)
from .people import Mention, PeopleIndex
from .text import TERMINATORS, Paragraph, QuoteSpan, find_quotes, paragraphs

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "prep", "pobj", "dep")
SKIPPABLE = ("ADV", "AUX", "PART")


@dataclass
class _Found:
    span: QuoteSpan
    speaker: str | None = None
    attribution: str = "none"
    resolved: bool = False  # a rule decided (speaker may still be None)
    seg_first: int = 0
    seg_last: int = 0


class _Context:
    """Everything the rules look up, computed once per document."""

    def __init__(self, doc: Doc, people: PeopleIndex):
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.paras: list[Paragraph] = paragraphs(self.text)
        self.para_starts = [p.start for p in self.paras]
        self.spans: list[QuoteSpan] = find_quotes(self.text, self.paras)
        self.tok_starts = [t.idx for t in doc]
        # Token -> index (in self.spans) of the top-level quotation around it (marks included).
        self.in_quote: list[int | None] = [None] * len(doc)
        regions = sorted(
            ((q.open_at, self._region_end(q), i) for i, q in enumerate(self.spans) if q.depth == 0),
            key=lambda r: r[0],
        )
        r = 0
        for tok in doc:
            while r < len(regions) and regions[r][1] <= tok.idx:
                r += 1
            if r < len(regions) and regions[r][0] <= tok.idx < regions[r][1]:
                self.in_quote[tok.i] = regions[r][2]
        self.region_starts = [reg[0] for reg in regions]
        self.regions = regions
        self.segments = self._segments()
        self.seg_starts = [s[0] for s in self.segments]

    def _region_end(self, q: QuoteSpan) -> int:
        return q.close_at + 1 if q.close_at is not None else q.end

    def inside_any_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self.region_starts, char) - 1
        return k >= 0 and char < self.regions[k][1]

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def seg_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.seg_starts, char) - 1)

    def _segments(self) -> list[tuple[int, int]]:
        """Sentences: spaCy's boundaries, except inside quotations, before a lowercase
        word ("“Really?” she asked") or after a colon; and always at paragraph ends."""
        doc, text = self.doc, self.text
        cuts_by_para: dict[int, list[int]] = {p.index: [p.start] for p in self.paras}
        for sent in doc.sents:
            first = sent[0]
            while first.is_space and first.i + 1 < sent.end:
                first = doc[first.i + 1]
            c = first.idx
            if not self.paras or first.is_space:
                continue
            p = self.paras[self.para_of(c)]
            if c <= p.start or c >= p.end:
                continue
            if self.inside_any_quote(c) and not self._at_quote_open(c):
                continue
            if first.text[:1].islower():
                continue
            before = text[p.start : c].rstrip()
            if before.endswith((":", ",")):
                continue
            cuts_by_para[p.index].append(c)
        segs: list[tuple[int, int]] = []
        for p in self.paras:
            cuts = sorted(set(cuts_by_para[p.index]))
            for a, b in zip(cuts, [*cuts[1:], p.end], strict=True):
                end = b
                while end > a and text[end - 1].isspace():
                    end -= 1
                segs.append((a, end))
        return segs

    def _at_quote_open(self, char: int) -> bool:
        k = bisect.bisect_right(self.region_starts, char) - 1
        return k >= 0 and self.regions[k][0] == char

    # ------------------------------------------------------------ persons
    def _skip_mention(self, m: Mention) -> bool:
        return self.inside_any_quote(m.start)

    def person_of(self, tok: Token) -> tuple[str | None, str]:
        """(speaker, how) for a subject token; how is explicit | pronoun | nonperson."""
        low = tok.lower_
        if low in PRONOUN_GENDER:
            name = self.people.resolve_pronoun(low, before=tok.idx, skip=self._skip_mention)
            return name, "pronoun"
        name = self.people.person_at(tok.i)
        if name:
            return name, "explicit"
        for child in tok.children:
            if child.dep_ in ("appos", "compound", "flat") and self.people.person_at(child.i):
                return self.people.person_at(child.i), "explicit"
        if tok.lower_ in PERSON_ROLE_NOUNS:
            # "deputy chairman of the council Dmitry Medvedev": the name sits in the subtree.
            for sub in tok.subtree:
                if sub.i > tok.i and self.people.person_at(sub.i) and self.in_quote[sub.i] is None:
                    return self.people.person_at(sub.i), "explicit"
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and (tok.text.islower() or tok.lower_ in OFFICE_TITLES | PERSON_ROLE_NOUNS)
            and any(c.lower_ == "the" for c in tok.children)
        ):
            # "the minister said": the nearest earlier person holding that office.
            name = self.people.resolve_description(
                tok.lower_, before=tok.idx, skip=self._skip_mention
            )
            if name:
                return name, "explicit"
        if tok.dep_ in SUBJECT_DEPS and tok.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
            return self.person_of(tok.head.head)
        return None, "nonperson"

    def adjacent_person(self, verb: Token) -> str | None:
        """A name written right before the verb ("Medvedev later said") or after it
        ("said Andrew D'Anieri") when the parse gave the verb no subject."""
        doc = self.doc
        k = verb.i - 1
        while k >= 0 and doc[k].pos_ in SKIPPABLE and doc[k].lower_ not in PRONOUN_GENDER:
            k -= 1
        if k >= 0 and self.people.person_at(k) and self.in_quote[k] is None:
            return self.people.person_at(k)
        k = verb.i + 1
        if k < len(doc) and self.people.person_at(k) and self.in_quote[k] is None:
            return self.people.person_at(k)
        return None

    def subject(self, verb: Token, depth: int = 0) -> tuple[str | None, str]:
        """(speaker, how) for a speech verb: how is explicit | pronoun | according_to |
        nonperson | unknown."""
        if verb.lower_ == "according":
            for child in verb.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            name, how = self.person_of(obj)
                            return name, "according_to" if name else how
            return None, "unknown"
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and self.in_quote[child.i] is None:
                return self.person_of(child)
        if verb.dep_ == "relcl":
            return self.person_of(verb.head)
        name = self.adjacent_person(verb)
        if name:
            return name, "explicit"
        head = verb.head
        if (
            depth < 3
            and head is not verb
            and verb.dep_ in CLIMB_DEPS
            and self.in_quote[head.i] is None
        ):
            return self.subject(head, depth + 1)
        return None, "unknown"


def _is_speech_verb(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.lower_ in SPEECH_FORMS:  # tagged as a noun now and then ("Smith says")
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


SPEECH_FORMS = {"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked"}


def _embedded(text: str, q: QuoteSpan, para_start: int) -> bool:
    """The quotation runs on inside a clause (“as “hopeless”") rather than being set off."""
    k = q.open_at - 1
    while k >= para_start and text[k] == " ":
        k -= 1
    return k >= para_start and (text[k].isalnum() or text[k] in "\u2019'")


def _attribute(ctx: _Context, idx: int, found: _Found) -> None:
    """Rule 1 for a top-level quotation."""
    doc, q = ctx.doc, found.span
    seg_a, seg_b = ctx.segments[found.seg_first][0], ctx.segments[found.seg_last][1]
    tok_a, tok_b = ctx.token_at(seg_a), ctx.token_at(max(seg_a, seg_b - 1))
    quote_tokens = [t for t in doc[tok_a : tok_b + 1] if ctx.in_quote[t.i] == idx]
    verbs = [
        t
        for t in doc[tok_a : tok_b + 1]
        if ctx.in_quote[t.i] is None and t.idx >= seg_a and _is_speech_verb(t)
    ]
    if not verbs:
        _colon_lead(ctx, found, seg_a, tok_a)
        return
    # The verb the quotation hangs on: the nearest speech verb among its roots' heads.
    chain: list[Token] = []
    for tok in quote_tokens:
        head = tok.head
        if ctx.in_quote[head.i] == idx and head is not tok:
            continue
        for _ in range(8):
            if head is None:
                break
            chain.append(head)
            if head.head is head:
                break
            head = head.head
    verb_set = {v.i for v in verbs}
    chosen = next((t for t in chain if t.i in verb_set), None)
    if chosen is None:
        according = [v for v in verbs if v.lower_ == "according"]
        if according:
            chosen = according[0]
    para_start = ctx.paras[q.paragraph].start
    if chosen is None and not _embedded(ctx.text, q, para_start):
        strong = [v for v in verbs if v.lemma_.lower() not in WEAK_SPEECH_VERBS]
        if strong:
            first_q, last_q = (
                quote_tokens[0].i if quote_tokens else 0,
                quote_tokens[-1].i if quote_tokens else 0,
            )
            chosen = min(strong, key=lambda v: min(abs(v.i - first_q), abs(v.i - last_q)))
    if chosen is None:
        _colon_lead(ctx, found, seg_a, tok_a)
        return
    name, how = ctx.subject(chosen)
    if how == "unknown" and not _embedded(ctx.text, q, para_start):
        # Last resort inside the sentence: the nearest name before the verb.
        for k in range(chosen.i - 1, tok_a - 1, -1):
            if ctx.in_quote[k] is None and ctx.people.person_at(k):
                name, how = ctx.people.person_at(k), "explicit"
                break
    if how == "unknown":
        return
    found.speaker = name
    found.attribution = how if name else "none"
    found.resolved = True


def _colon_lead(ctx: _Context, found: _Found, seg_a: int, tok_a: int) -> None:
    """A clause and a colon introduce the quotation: "Keir Stone: ‘...’", "Mr Smith was
    blunt: “...”" - the name itself, else the subject of that clause when it is a person."""
    doc, q = ctx.doc, found.span
    lead = ctx.text[seg_a : q.open_at].rstrip()
    if not lead.endswith(":") or ctx.inside_any_quote(seg_a + len(lead) - 1):
        return
    colon = ctx.token_at(seg_a + len(lead) - 1)
    lead_tokens = range(tok_a, colon)
    if lead_tokens and all(ctx.people.person_at(i) or doc[i].is_punct for i in lead_tokens):
        name = ctx.people.person_at(colon - 1)
        if name:
            found.speaker, found.attribution, found.resolved = name, "explicit", True
            return
    for i in lead_tokens:
        if doc[i].dep_ in SUBJECT_DEPS and ctx.in_quote[i] is None:
            name, how = ctx.person_of(doc[i])
            if name:
                found.speaker, found.attribution, found.resolved = name, how, True
            return


def _clause_subject(ctx: _Context, seg: tuple[int, int]) -> str | None:
    """The person who is the subject of a sentence's main verb, if any."""
    a, b = ctx.token_at(seg[0]), ctx.token_at(max(seg[0], seg[1] - 1))
    for tok in ctx.doc[a : b + 1]:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and ctx.in_quote[tok.i] is None:
            name, _ = ctx.person_of(tok)
            return name
    return None


def _attribute_nested(ctx: _Context, found: _Found, parent: _Found, parent_idx: int) -> None:
    """A quotation inside a quotation: only a named person saying it inside the outer one."""
    doc, q = ctx.doc, found.span
    found.speaker, found.attribution, found.resolved = None, "nested", True
    a, b = ctx.token_at(q.start), ctx.token_at(max(q.start, q.end - 1))
    for tok in doc[a : b + 1]:
        head, steps = tok.head, 0
        while steps < 6 and head is not head.head:
            if head.i < a and ctx.in_quote[head.i] == parent_idx and _is_speech_verb(head):
                for child in head.children:
                    if child.dep_ in SUBJECT_DEPS and child.lower_ not in PRONOUN_GENDER:
                        name = ctx.people.person_at(child.i)
                        if name:
                            found.speaker = name
                            return
                return
            head, steps = head.head, steps + 1
        break


def _is_heading(ctx: _Context, q: QuoteSpan) -> bool:
    para = ctx.paras[q.paragraph]
    if len(q.pieces) != 1 or q.open_at != para.start:
        return False
    close_end = q.close_at + 1 if q.close_at is not None else q.end
    rest = ctx.text[close_end : para.end].strip()
    if rest:
        return False
    body = ctx.text[q.start : q.end].rstrip()
    return bool(body) and body[-1] not in TERMINATORS and len(body.split()) <= 25


def _words(text: str) -> list[str]:
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


def _speech_events(ctx: _Context) -> dict[int, list[tuple[int, str | None]]]:
    """Reported speech outside quotations ("X says there was a balancing act"), by paragraph."""
    events: dict[int, list[tuple[int, str | None]]] = {}
    for tok in ctx.doc:
        if ctx.in_quote[tok.i] is not None or not _is_speech_verb(tok):
            continue
        if tok.lemma_.lower() in WEAK_SPEECH_VERBS:
            continue
        has_subject = tok.lower_ == "according" or any(c.dep_ == "nsubj" for c in tok.children)
        if not has_subject:
            continue
        name, how = ctx.subject(tok)
        if how == "unknown":
            continue
        events.setdefault(ctx.para_of(tok.idx), []).append((tok.idx, name))
    return events


def extract_quotes(doc: Doc, *, people: PeopleIndex) -> list[Quote]:
    ctx = _Context(doc, people)
    text = ctx.text
    found: list[_Found] = []
    for q in ctx.spans:
        f = _Found(q)
        f.seg_first = ctx.seg_of(q.open_at)
        f.seg_last = ctx.seg_of(max(q.open_at, q.end - 1))
        found.append(f)
    # Rule 1 (and nested quotations).
    for idx, f in enumerate(found):
        if f.span.depth == 0:
            _attribute(ctx, idx, f)
    for f in found:
        if f.span.depth > 0 and f.span.parent is not None:
            _attribute_nested(ctx, f, found[f.span.parent], f.span.parent)
            f.seg_first, f.seg_last = found[f.span.parent].seg_first, found[f.span.parent].seg_last

    # Rules 2-3, in text order, so that a continued quotation carries the speaker on.
    events = _speech_events(ctx)
    for f in found:
        if f.span.depth == 0 and f.resolved:
            events.setdefault(f.span.paragraph, []).append((f.span.open_at, f.speaker))
            if f.span.last_paragraph != f.span.paragraph:
                events.setdefault(f.span.last_paragraph, []).append((f.span.end, f.speaker))
    for evs in events.values():
        evs.sort(key=lambda e: e[0])
    headings: list[_Found] = []
    for f in found:
        q = f.span
        if q.depth > 0 or f.resolved:
            continue
        if _is_heading(ctx, q):
            headings.append(f)
            continue
        para = ctx.paras[q.paragraph]
        same = [e for e in events.get(q.paragraph, []) if e[0] < q.open_at]
        prev = events.get(q.paragraph - 1, []) if q.paragraph > 0 else []
        standalone = _standalone(ctx, f)
        if not standalone:
            pass  # a phrase inside a sentence with no speech verb: a scare quote
        elif name := _next_sentence_speaker(ctx, f, events, demonstrative_only=True):
            f.speaker, f.attribution = name, "next_sentence"  # "That was the view of X."
        elif same:
            f.speaker, f.attribution = same[-1][1], "continuation"
        elif (
            f.seg_first > 0
            and ctx.para_of(ctx.segments[f.seg_first - 1][0]) == q.paragraph
            and (name := _clause_subject(ctx, ctx.segments[f.seg_first - 1]))
        ):
            # "Ms Smith was unequivocal. “We will not back down.”"
            f.speaker, f.attribution = name, "continuation"
        elif (
            q.open_at == para.start
            and prev
            and prev[-1][1]
            and not any(h.span.paragraph == q.paragraph - 1 for h in headings)
        ):
            f.speaker, f.attribution = prev[-1][1], "continuation"
        else:
            name = _next_sentence_speaker(ctx, f, events)
            if name:
                f.speaker, f.attribution = name, "next_sentence"
        if f.attribution == "none":
            continue
        if f.speaker is None:
            f.attribution = "none"
        f.resolved = True
        events.setdefault(q.paragraph, []).append((q.open_at, f.speaker))
        events[q.paragraph].sort(key=lambda e: e[0])
        if q.last_paragraph != q.paragraph:
            events.setdefault(q.last_paragraph, []).append((q.end, f.speaker))
    # Rule 4: headings repeat a quotation of the article.
    said = [
        (_words(f.span.text(text)), f.speaker) for f in found if f.speaker and f not in headings
    ]
    for f in headings:
        body = _words(f.span.text(text))
        # A pull-quote repeats (part of) a quotation: most of the heading's words are in it.
        best = max(
            ((_overlap(body, other), _coverage(body, other), who) for other, who in said),
            default=(0.0, 0.0, None),
            key=lambda x: (x[1] >= 0.8 and len(body) >= 3, x[0]),
        )
        if best[0] >= 0.6 or (best[1] >= 0.8 and len(body) >= 3):
            f.speaker, f.attribution = best[2], "heading"
        f.resolved = True

    out: list[Quote] = []
    for f in found:
        q = f.span
        ev_a, ev_b = ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]
        out.append(
            Quote(
                text=q.text(text),
                speaker=f.speaker,
                start=q.start,
                end=q.end,
                evidence=text[ev_a:ev_b],
                evidence_start=ev_a,
                evidence_end=ev_b,
                attribution=f.attribution if f.speaker else "nested" if q.depth else "none",
            )
        )
    return out


DEMONSTRATIVES = {"that", "this", "those", "these", "so", "such"}


def _standalone(ctx: _Context, f: _Found) -> bool:
    """The quotation is its sentence(s): nothing but punctuation outside its marks."""
    q = f.span
    a, b = ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]
    close_end = q.close_at + 1 if q.close_at is not None else q.end
    outside = ctx.text[a : q.open_at] + ctx.text[close_end:b]
    return not any(c.isalnum() for c in outside)


def _next_sentence_speaker(
    ctx: _Context, f: _Found, events: dict, *, demonstrative_only: bool = False
) -> str | None:
    """ "That was the message from X." / "X said so on Monday." right after the quotation."""
    k = f.seg_last + 1
    if k >= len(ctx.segments):
        return None
    a, b = ctx.segments[k]
    if ctx.para_of(a) > f.span.last_paragraph + 1 or _has_quote(ctx, a, b):
        return None
    first = ctx.doc[ctx.token_at(a)]
    second = ctx.doc[first.i + 1] if first.i + 1 < len(ctx.doc) else first
    # "That was the message from X", "Those were the words of X", "So said X".
    if first.lower_ in DEMONSTRATIVES and (
        second.lemma_ == "be" or (first.lower_ == "so" and _is_speech_verb(second))
    ):
        for i in range(first.i, ctx.token_at(max(a, b - 1)) + 1):
            name = ctx.people.person_at(i)
            if name and ctx.in_quote[i] is None:
                return name
    if demonstrative_only:
        return None
    later = [e for e in events.get(ctx.para_of(a), []) if a <= e[0] < b]
    return later[0][1] if later else None


def _has_quote(ctx: _Context, a: int, b: int) -> bool:
    k = bisect.bisect_left(ctx.region_starts, a)
    return k < len(ctx.region_starts) and ctx.region_starts[k] < b
