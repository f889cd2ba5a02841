"""What the quotation rules look up, computed once per document: paragraphs, quotations,
which quotation each token is in, and sentences ("segments") cut the way quotations need."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..dates.tense import doc_text
from ..lexicon import (
    ADDRESSEE_VERBS,
    DOCUMENT_NOUNS,
    PUBLISH_VERBS,
    SPEECH_VERBS,
    TALK_VERBS,
    WEAK_SPEECH_VERBS,
)
from ..people import PeopleIndex
from ..sentences import doc_tokens
from ..text import TERMINATORS, Paragraph, QuoteSpan, paragraphs, quotations
from ..turns import answering_by_paragraph, asked_by_paragraph

if TYPE_CHECKING:
    from .speakers import Speakers

# Forms tagged as a noun now and then ("Smith says").
_PLEAS = {"guilty", "innocent", "contest"}
SPEECH_FORMS = {"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked"}
# Verbs that carry a quotation in features and live reports ("“...,” she laughed", "he
# radioed", "they chanted"); only here, so that the people stage's idea of a speech subject
# stays as it is.
QUOTING_VERBS = {
    "radio", "email", "text", "message", "exclaim", "mutter", "scoff", "interject", "brag",
    "gush", "laugh", "chant", "reflect", "shout", "yell", "scream", "whisper", "sing", "quip",
    "opine", "profess",
}  # fmt: skip


def is_speech_verb(tok: Token) -> bool:
    """A verb of saying ("said", "according to"), also putting out a text ("released a
    statement", "issued a letter")."""
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if in_the_words_of(tok):
        return True
    if tok.lower_ in SPEECH_FORMS or read_taken_for_a_noun(tok) is not None:
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "plead" and any(c.lower_ in _PLEAS for c in tok.children):
        return False  # "pleading guilty": a plea in court, not words quoted
    return (
        lemma in SPEECH_VERBS
        or lemma in QUOTING_VERBS
        or (
            lemma in PUBLISH_VERBS
            and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in tok.children)
        )
        or is_ruling(tok)
        or refers_to_as(tok)
        or credits_as(tok)
        or labels_as(tok)
        or directs_to(tok)
        or as_put_it(tok)
        or quoted_object(tok)
    )


# Verbs of criticising or discussing that take a quoted phrase as their object like "said"
# (``quoted_object``); weak in that use only (``weak_speech_verb``): "slammed the plan as
# “...”" (``labels_as``) stays strong.
QUOTED_OBJECT_VERBS = {"attack", "blast", "slam", "discuss"}
_OPENING_MARKS = {'"', "\u201c", "\u2018"}
_CLOSING_MARKS = {'"', "\u201d", "\u2019"}


def quoted_object(tok: Token) -> bool:
    """ "Hale attacked the “river cartel” that runs the port", "discussing the “lost
    decade” of the town": an active verb of criticising or discussing whose direct object
    opens with a quotation takes it as its subject's words (not "attacked X for the “...”
    remark": a quotation after "for" is what is blamed, not what is said; not a name or a
    label: "discussed the “Harbour plan”", "slammed the “made here” label")."""
    if tok.lemma_.lower() not in QUOTED_OBJECT_VERBS or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and _opens_with_words(c) for c in tok.children)


def _opens_with_words(obj: Token) -> bool:
    """The object's phrase opens with a quotation that holds the object's own noun ("the
    “river cartel”", not the label "the “made here” label") and starts with a small letter
    (a capital mid-sentence starts a name: "the “Harbour plan”")."""
    doc = obj.doc
    marks = [t.i for t in doc[obj.left_edge.i : obj.i] if t.text in _OPENING_MARKS]
    if not marks:
        return False
    inside = doc[marks[0] + 1 : obj.i + 1]
    return (
        len(inside) > 0
        and not any(t.text in _CLOSING_MARKS for t in inside)
        and inside[0].text[:1].islower()
    )


def weak_speech_verb(tok: Token) -> bool:
    """A speech verb that speaks only for a quotation hanging on it ("believe", "voiced",
    "attacked the “...”"), not for a quotation set off nor for reported speech."""
    if tok.lemma_.lower() in WEAK_SPEECH_VERBS:
        return True
    return quoted_object(tok) and not labels_as(tok)


# Words by which one person speaks of themselves ("I", "my"): a quotation in them is
# someone's own words, not a term or a title.
FIRST_PERSON_SINGULAR = {"i", "me", "my", "mine", "myself"}


def speaks_as_i(ctx: QuoteContext, idx: int) -> bool:
    """The quotation (index in ctx.spans) speaks in the first person singular ("a chance
    to face my fears"), outside any quotation inside it ("told me 'I want you'" is the
    speaker's, but a quoted 'I want you' alone is not)."""
    q = ctx.spans[idx]
    inner = [(s.start, s.end) for s in ctx.spans if s.parent == idx]
    a, b = ctx.token_at(q.start), ctx.token_at(max(q.start, q.end - 1))
    return any(
        t.lower_ in FIRST_PERSON_SINGULAR
        and t.pos_ == "PRON"
        and ctx.in_quote[t.i] == idx
        and not any(s <= t.idx < e for s, e in inner)
        for t in ctx.doc[a : b + 1]
    )


def read_taken_for_a_noun(tok: Token) -> Token | None:
    """ "“...,” a statement from the club read.": the tagger reads "read" after a text's
    name as a noun ("club read"); it is the text's verb when the text is its subject or the
    phrase it ends. Returns that text's noun."""
    if tok.lower_ not in ("read", "reads") or tok.pos_ != "NOUN":
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    texts = [subject] if subject is not None else list(_ancestors_before(tok, 3))
    return next((t for t in texts if t.lemma_.lower() in DOCUMENT_NOUNS), None)


def _ancestors_before(tok: Token, limit: int) -> list[Token]:
    out: list[Token] = []
    while len(out) < limit and tok.head.i != tok.i and tok.head.i < tok.i:
        tok = tok.head
        out.append(tok)
    return out


def in_the_words_of(tok: Token) -> bool:
    """ "It was, in the words of one coach, “a dream”": "in the words of X" says whose they
    were, like "according to X"."""
    return (
        tok.lower_ == "words"
        and tok.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    )


def as_put_it(tok: Token) -> bool:
    """ "prices “went through the roof”, as the panel's report put it": "as X put it" (or
    "“...” was how X put it") says whose words they were."""
    return (
        tok.lemma_.lower() == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "how") for c in tok.children)
    )


def refers_to_as(tok: Token) -> bool:
    """ "The maker referred to the drone as a “toy”": naming something "as" quoted words is
    labelling it, like "described it as"; not "referred the case to a court"."""
    if tok.lemma_.lower() != "refer":
        return False
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None:
        return False
    # "as" hangs on the verb, or on a clause of the thing named ("the jet involved as")
    near = [*tok.children, *to.subtree]
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in near)


# Verbs of an instruction whose words the subject gives ("directed the committees to “...”").
DIRECTIVE_VERBS = {"direct", "instruct", "order", "command"}


def directs_to(tok: Token) -> bool:
    """ "She was directing the committees to “proceed with the inquiry”": the instruction
    an active verb of directing with its own subject gives someone "to" do is the subject's
    words; not "directed the film", nor "an order by X directing units to ..." (the order's
    author, found through the text)."""
    return (
        tok.lemma_.lower() in DIRECTIVE_VERBS
        and any(c.dep_ == "nsubj" for c in tok.children)
        and any(c.dep_ == "dobj" for c in tok.children)
        and any(
            c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
            for c in tok.children
        )
        and not any(c.dep_ == "auxpass" for c in tok.children)
    )


def credits_as(tok: Token) -> bool:
    """ "an award with which the magazine credits a person as having done “...”": crediting
    someone "as" quoted words is the subject's own description, like "described as"; not
    "credited the rain for the delay"."""
    if tok.lemma_.lower() != "credit":
        return False
    near = [*tok.children, *(t for c in tok.children if c.dep_ == "dobj" for t in c.children)]
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in near)


# Verbs that judge or label a thing only when they give it "as" words: "regarded the debate
# as", "assailed the plan as", "touted the phone as"; not "regarded the map", "attacked the
# town", "worked as".
LABEL_AS_VERBS = {
    "regard", "view", "see", "assail", "slam", "blast", "lambast", "lambaste", "tout", "bill",
    "portray", "paint", "cast", "ridicule", "mock", "attack", "reject", "praise", "laud",
    "criticise", "criticize", "condemn", "hail", "welcome", "characterise", "characterize",
}  # fmt: skip


def labels_as(tok: Token) -> bool:
    """ "The Courier regarded the hearing as “far more orderly”", "She assailed the plan as
    a “giveaway”": an active verb giving its object "as" words labels it, like "described
    it as"; the subject's words, not a title or a job ("worked as", passive "was seen as")."""
    if tok.lemma_.lower() not in LABEL_AS_VERBS or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    near = [*tok.children, *(t for o in objects for t in o.children)]
    return bool(objects) and any(c.dep_ == "prep" and c.lower_ == "as" for c in near)


# Verbs by which a court or a panel gives its decision, and the bodies that give one.
RULING_VERBS = {"rule", "find", "hold", "decide", "determine", "order", "conclude", "declare"}
RULING_BODIES = {
    "court", "tribunal", "judge", "jury", "panel", "bench", "inquiry", "commission",
    "committee", "ombudsman", "regulator", "watchdog", "arbitrator", "magistrate",
}  # fmt: skip


def is_ruling(tok: Token) -> bool:
    """ "The court found that the law was “...”", "Judge Ruiz ruled it “...”": a court or a
    panel giving its decision speaks, unlike "police found the car"."""
    if tok.lemma_.lower() not in RULING_VERBS:
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in RULING_BODIES


def addressed(tok: Token) -> bool:
    """tok names the one spoken to: the object of "told/asked/urged" ("told Ms Reed",
    "asking Reed to ...") or of "speaking to/with" ("speaking to Anna Reed of PBS", "in an
    interview with X"), through the words of its name."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("dobj", "dative") and head.lemma_.lower() in ADDRESSEE_VERBS:
        return True
    return (
        tok.dep_ == "pobj"
        and head.lower_ in ("to", "with")
        and (head.head.lemma_.lower() in TALK_VERBS or head.head.lower_ == "interview")
    )


def posted_on(tok: Token) -> bool:
    """tok names where words were posted or said, not who said them: "a statement on
    Twitter", "wrote on X", "said via X" (through the words of its name)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    host = tok.head.head
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("on", "via")
        and (is_speech_verb(host) or host.lemma_.lower() in DOCUMENT_NOUNS | {"video", "page"})
    )


QUESTION_VERBS = {"ask", "question", "interview", "quiz", "press"}


def questioned(tok: Token) -> bool:
    """tok names the one asked a question ("X asked Ms Reed about the vote", "X interviewed
    Reed"), who is the one to answer next; not "asked Reed to leave" (a request)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    head = tok.head
    return (
        tok.dep_ == "dobj"
        and head.lemma_.lower() in QUESTION_VERBS
        and not any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
    )


@dataclass
class Found:
    """One quotation and what the rules decided about it."""

    span: QuoteSpan
    speaker: str | None = None
    attribution: str = "none"
    resolved: bool = False  # a rule decided (speaker may still be None)
    seg_first: int = 0
    seg_last: int = 0
    rule: str = ""  # the rule that decided

    def decide(self, speaker: str | None, attribution: str, rule: str) -> None:
        self.speaker, self.attribution, self.resolved, self.rule = (
            speaker,
            attribution,
            True,
            rule,
        )


class QuoteContext:
    """Everything the rules look up, computed once per document."""

    speakers: Speakers

    def __init__(self, doc: Doc, people: PeopleIndex):
        self.doc = doc
        self.text = doc_text(doc)  # read once per doc (Doc.text joins every token)
        self.people = people
        self.paras: list[Paragraph] = paragraphs(self.text)
        self.para_starts = [p.start for p in self.paras]
        # the people's stage read them already (``quotations``: one scan per text)
        self.spans: list[QuoteSpan] = list(quotations(self.text))
        self.tok_starts = [t.idx for t in doc_tokens(doc)]
        # Top-level quotations as (start, end, index in self.spans), marks included.
        self.regions = sorted(
            ((q.open_at, _region_end(q), i) for i, q in enumerate(self.spans) if q.depth == 0),
            key=lambda r: r[0],
        )
        self.region_starts = [reg[0] for reg in self.regions]
        # Token -> index (in self.spans) of the top-level quotation around it.
        self.in_quote: list[int | None] = self._quote_of_tokens()
        self.segments = self._segments()
        self.seg_starts = [s[0] for s in self.segments]
        # Paragraph -> the interviewee answering there (``first_person_in_answer``).
        self.answering = answering_by_paragraph(self.text, self.paras)
        # Paragraph -> the interviewee an interviewer's question is put to
        # (``second_person_in_question``).
        self.asked = asked_by_paragraph(self.text, self.paras)

    def _quote_of_tokens(self) -> list[int | None]:
        out: list[int | None] = [None] * len(self.doc)
        regions, r = self.regions, 0
        for tok in doc_tokens(self.doc):
            while r < len(regions) and regions[r][1] <= tok.idx:
                r += 1
            if r < len(regions) and regions[r][0] <= tok.idx < regions[r][1]:
                out[tok.i] = regions[r][2]
        return out

    # ------------------------------------------------------------------ positions
    def inside_any_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self.region_starts, char) - 1
        return k >= 0 and char < self.regions[k][1]

    def has_quote(self, a: int, b: int) -> bool:
        """A top-level quotation opens within chars [a, b)."""
        k = bisect.bisect_left(self.region_starts, a)
        return k < len(self.region_starts) and self.region_starts[k] < b

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def seg_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.seg_starts, char) - 1)

    def seg_tokens(self, seg: tuple[int, int]) -> tuple[int, int]:
        """First and last token (inclusive) of a segment."""
        return self.token_at(seg[0]), self.token_at(max(seg[0], seg[1] - 1))

    def close_end(self, q: QuoteSpan) -> int:
        return q.close_at + 1 if q.close_at is not None else q.end

    def headline_like(self, char: int) -> bool:
        """The paragraph around `char` reads like a headline: short, no final full stop."""
        para = self.paras[self.para_of(char)]
        line = self.text[para.start : para.end]
        return (
            bool(line)
            and line[-1] not in TERMINATORS + "\"\u201d\u2019'"
            and len(line.split()) <= 20
        )

    # ------------------------------------------------------------------ segments
    def _segments(self) -> list[tuple[int, int]]:
        """Sentences: spaCy's boundaries, except inside quotations, before a lowercase
        word ("“Really?” she asked") or after a colon; and always at paragraph ends."""
        cuts_by_para: dict[int, list[int]] = {p.index: [p.start] for p in self.paras}
        for sent in self.doc.sents:
            cut = self._sentence_cut(sent.start, sent.end)
            if cut is not None:
                cuts_by_para[cut[0]].append(cut[1])
        segs: list[tuple[int, int]] = []
        for p in self.paras:
            cuts = sorted(set(cuts_by_para[p.index]))
            for a, b in zip(cuts, [*cuts[1:], p.end], strict=True):
                end = b
                while end > a and self.text[end - 1].isspace():
                    end -= 1
                segs.append((a, end))
        return segs

    def _sentence_cut(self, start: int, end: int) -> tuple[int, int] | None:
        """(paragraph, char) where spaCy's sentence starting at token `start` cuts, if it does."""
        doc = self.doc
        first = doc[start]
        while first.is_space and first.i + 1 < end:
            first = doc[first.i + 1]
        c = first.idx
        if not self.paras or first.is_space:
            return None
        p = self.paras[self.para_of(c)]
        if c <= p.start or c >= p.end:
            return None
        if self.inside_any_quote(c) and not self._at_quote_open(c):
            return None
        if first.text[:1].islower():
            return None
        if self.text[p.start : c].rstrip().endswith((":", ",")):
            return None
        return p.index, c

    def _at_quote_open(self, char: int) -> bool:
        k = bisect.bisect_right(self.region_starts, char) - 1
        return k >= 0 and self.regions[k][0] == char


def _region_end(q: QuoteSpan) -> int:
    return q.close_at + 1 if q.close_at is not None else q.end
