"""Rules 2-4: a quotation that is a sentence on its own takes its speaker from around it.

``NEARBY_RULES`` are tried in order for each such quotation, in text order, so that a
continued quotation carries the speaker on; the first that decides wins. Each reads the
``Conversation`` (who spoke where so far) and returns a ``Decision`` or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Token

from ..lexicon import PRONOUN_GENDER, SUBJECT_DEPS
from ..sentences import doc_tokens
from .context import Found, QuoteContext, is_speech_verb, speaks_as_i, weak_speech_verb
from .speakers import is_unnamed_person

Event = tuple[int, "str | None"]  # (char offset, speaker) of something said

DEMONSTRATIVES = {"that", "this", "those", "these", "so", "such"}
SOURCE_DETERMINERS = {"that", "this", "these", "those", "such", "the"}
SOURCE_LINKS = {"from", "by", "of"}
# Nouns for what someone said ("Mr Han's remarks", "X's words").
SPEECH_NOUNS = {
    "word", "remark", "comment", "warning", "assessment", "verdict", "message", "statement",
    "answer", "reply", "response", "plea", "appeal", "criticism",
}  # fmt: skip
# Other nouns for what someone said ("The question was put by X", "The accusation came
# from X").
QUESTION_NOUNS = {
    "question", "view", "point", "sentiment", "thought", "idea", "quote", "line", "accusation",
    "allegation", "charge", "claim", "complaint", "praise", "tribute", "admission", "promise",
    "pledge", "vow", "threat", "rebuke", "retort", "quip", "description", "observation",
    "confession", "prediction", "advice", "request", "call", "demand", "suggestion", "argument",
}  # fmt: skip
# Verbs of a sentence saying where words came from ("came from", "was put by", "voiced by").
SOURCE_VERBS = {
    "be", "come", "put", "pose", "voice", "echo", "offer", "deliver", "raise", "express",
    "issue", "sound", "say", "write", "repeat", "share", "make", "give", "speak", "utter",
}  # fmt: skip


class Decision(NamedTuple):
    speaker: str | None
    attribution: str  # next_sentence | continuation
    rule: str


@dataclass
class Conversation:
    """Who spoke where: reported speech and attributed quotations by paragraph, in text
    order, and the paragraphs that are headings."""

    events: dict[int, list[Event]]
    heading_paras: set[int] = field(default_factory=set)

    def add(self, found: Found, *, keep_order: bool = False) -> None:
        """Record what the quotation's speaker said where it opens (kept in text order when
        `keep_order`) and, for a quotation over several paragraphs, where it ends."""
        q = found.span
        events = self.events.setdefault(q.paragraph, [])
        events.append((q.open_at, found.speaker))
        if keep_order:
            events.sort(key=lambda e: e[0])
        if q.last_paragraph != q.paragraph:
            self.events.setdefault(q.last_paragraph, []).append((q.end, found.speaker))

    def sort(self) -> None:
        for evs in self.events.values():
            evs.sort(key=lambda e: e[0])

    def before_in_paragraph(self, found: Found) -> list[Event]:
        q = found.span
        return [e for e in self.events.get(q.paragraph, []) if e[0] < q.open_at]

    def previous_paragraph(self, found: Found) -> list[Event]:
        p = found.span.paragraph
        return self.events.get(p - 1, []) if p > 0 else []


def speech_events(ctx: QuoteContext) -> dict[int, list[Event]]:
    """Reported speech outside quotations ("X says there was a balancing act"), by paragraph;
    "believe"/"think" are no speech, but "pointed out that ..." is."""
    events: dict[int, list[Event]] = {}
    for tok in doc_tokens(ctx.doc):
        if ctx.in_quote[tok.i] is not None or not is_speech_verb(tok):
            continue
        if weak_speech_verb(tok) and not (
            tok.lemma_.lower() == "point" and any(c.lower_ == "out" for c in tok.children)
        ):
            continue
        if tok.lower_ != "according" and not any(c.dep_ == "nsubj" for c in tok.children):
            continue
        said = ctx.speakers.subject(tok)
        if said.how != "unknown":
            events.setdefault(ctx.para_of(tok.idx), []).append((tok.idx, said.speaker))
    return events


def standalone(ctx: QuoteContext, f: Found) -> bool:
    """The quotation is its sentence(s): nothing but punctuation outside its marks."""
    q = f.span
    a, b = ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]
    outside = ctx.text[a : q.open_at] + ctx.text[ctx.close_end(q) : b]
    return not any(c.isalnum() for c in outside)


# Subjects that are someone, other than a name ("The glaze “takes a week ...”" has none;
# "which" is never someone).
_PERSONAL_SUBJECTS = {"i", "you", "he", "she", "we", "they", "who", "one"}


def own_words_in_narration(ctx: QuoteContext, f: Found) -> bool:
    """ "The glaze “takes a week, so I must ...”" / "At the launch, “I felt ...”":
    words in the first person singular run into a sentence with no speech verb and no one
    as a subject outside the quotation: someone already in the paragraph speaks on."""
    q = f.span
    idx = ctx.in_quote[ctx.token_at(q.start)]
    if q.depth or idx is None or not speaks_as_i(ctx, idx):
        return False
    first, last = ctx.seg_tokens((ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]))
    for tok in ctx.doc[first : last + 1]:
        if ctx.in_quote[tok.i] is not None:
            continue
        if is_speech_verb(tok):
            return False
        if (
            tok.dep_ in SUBJECT_DEPS
            and tok.lower_ not in ("which", "that")
            and (
                tok.lower_ in _PERSONAL_SUBJECTS
                or tok.lower_ in PRONOUN_GENDER
                or ctx.people.person_at(tok.i)
                or ctx.speakers.person_of(tok).speaker
            )
        ):
            return False
    return True


def _opens_paragraph(ctx: QuoteContext, f: Found) -> bool:
    return f.span.open_at == ctx.paras[f.span.paragraph].start


# ============================================================================ rules
def source_sentence_after(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """ "That was the message from X." / "So said X." / "That assessment came from X" / "The
    question was put by X" / "Those were the words of X" / "That was X's view" right after
    the quotation."""
    name = _next_sentence_speaker(ctx, conv, f, demonstrative_only=True)
    return Decision(name, "next_sentence", "source_sentence_after") if name else None


def speech_act_after(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """ "“We will rebuild.” Mayor Ann Lee made the promise on Monday": the subject of the
    next sentence, whose main verb has for object the words just quoted ("made the
    promise", "issued this warning", "repeated those remarks"), a person or organisation
    (a he/she resolved as usual)."""
    seg = _segment_after(ctx, f)
    if seg is None or ctx.para_of(seg[0]) > f.span.last_paragraph + 1 or ctx.has_quote(*seg):
        return None
    first, last = ctx.seg_tokens(seg)
    root = next((t for t in ctx.doc[first : last + 1] if t.dep_ == "ROOT"), None)
    if root is None or not any(_names_the_words(c) for c in root.children):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    name = ctx.speakers.person_of(subj).speaker if subj is not None else None
    return Decision(name, "next_sentence", "speech_act_after") if name else None


def _names_the_words(tok: Token) -> bool:
    """ "the promise", "this remark", "those comments" as a verb's object."""
    return (
        tok.dep_ == "dobj"
        and tok.lemma_.lower() in SPEECH_NOUNS | QUESTION_NOUNS
        and any(c.dep_ == "det" and c.lower_ in SOURCE_DETERMINERS for c in tok.children)
    )


def named_speaker_after(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """A paragraph opening with a quotation and then "The NDF said it would ...": the named
    person or organisation (not a pronoun) opening the next sentence with a speech verb."""
    if conv.before_in_paragraph(f) or not _opens_paragraph(ctx, f):
        return None
    name = _named_speaker_next(ctx, f)
    return Decision(name, "next_sentence", "named_speaker_after") if name else None


def same_paragraph_speaker(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """The speaker of what was said before it in the paragraph (a quotation or reported
    speech "X says ..."); an unnamed speaker (None) blocks the rules after it."""
    same = conv.before_in_paragraph(f)
    return Decision(same[-1][1], "continuation", "same_paragraph_speaker") if same else None


def previous_sentence_subject(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """ "Ms Smith was unequivocal. “We will not back down.”": the person who is the subject
    of the sentence before it in the paragraph."""
    if f.seg_first <= 0:
        return None
    seg = ctx.segments[f.seg_first - 1]
    if ctx.para_of(seg[0]) != f.span.paragraph:
        return None
    name = clause_subject(ctx, seg)
    return Decision(name, "continuation", "previous_sentence_subject") if name else None


def only_person_of_previous_sentence(
    ctx: QuoteContext, conv: Conversation, f: Found
) -> Decision | None:
    """ "The hosts scored twice, leaving coach Ida Berg furious. “We gave it away.”": the
    one person the sentence before it in the paragraph names, whatever their part in it."""
    if f.seg_first <= 0:
        return None
    seg = ctx.segments[f.seg_first - 1]
    if ctx.para_of(seg[0]) != f.span.paragraph or ctx.has_quote(*seg):
        return None
    first, last = ctx.seg_tokens(seg)
    names = set()
    for i in range(first, last + 1):
        if ctx.doc[i].lower_ in PRONOUN_GENDER or ctx.doc[i].lower_ in ("they", "them"):
            return None  # "he" or "they" may be someone else
        names.add(ctx.people.person_at(i))
    names.discard(None)
    if len(names) != 1:
        return None
    return Decision(names.pop(), "continuation", "only_person_of_previous_sentence")


def previous_paragraph_speaker(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """A quotation opening its paragraph continues the last speaker of the previous one
    (its last quotation or reported speech), unless that paragraph is a heading."""
    prev = conv.previous_paragraph(f)
    if (
        _opens_paragraph(ctx, f)
        and prev
        and prev[-1][1]
        and f.span.paragraph - 1 not in conv.heading_paras
    ):
        return Decision(prev[-1][1], "continuation", "previous_paragraph_speaker")
    return None


def previous_paragraph_subject(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """ "Islam pointed out that ..." / next paragraph: “If the government is ...”: a
    previous paragraph with no speech whose last sentence has a person as its subject."""
    p = f.span.paragraph
    if (
        not _opens_paragraph(ctx, f)
        or conv.previous_paragraph(f)
        or p <= 0
        or p - 1 in conv.heading_paras
    ):
        return None
    name = _paragraph_subject(ctx, p - 1)
    return Decision(name, "continuation", "previous_paragraph_subject") if name else None


def speaker_before_narration(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """A quotation resumes after one paragraph of narration naming nobody: “We can barely
    keep up,” Mr B said. / The firm employs 200 people. / “...”"""
    p = f.span.paragraph
    if not _opens_paragraph(ctx, f) or conv.previous_paragraph(f) or p <= 1:
        return None
    before = conv.events.get(p - 2, [])
    if before and before[-1][1] and _no_people(ctx, p - 1):
        return Decision(before[-1][1], "continuation", "speaker_before_narration")
    return None


def speech_in_next_sentence(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """Reported speech by a person in the next sentence ("X said so.")."""
    name = _next_sentence_speaker(ctx, conv, f)
    return Decision(name, "next_sentence", "speech_in_next_sentence") if name else None


NearbyRule = Callable[[QuoteContext, Conversation, Found], "Decision | None"]
NEARBY_RULES: tuple[NearbyRule, ...] = (
    source_sentence_after,
    speech_act_after,
    named_speaker_after,
    same_paragraph_speaker,
    previous_sentence_subject,
    only_person_of_previous_sentence,
    previous_paragraph_speaker,
    previous_paragraph_subject,
    speaker_before_narration,
    speech_in_next_sentence,
)


# Rules for words in the first person run into a sentence that names no one else:
# only the speaker already talking in the paragraph, or the sentence before's subject.
OWN_WORDS_RULES: tuple[NearbyRule, ...] = (same_paragraph_speaker, previous_sentence_subject)


def decide_nearby(ctx: QuoteContext, conv: Conversation, f: Found) -> Decision | None:
    """The first nearby rule that decides, for a quotation that is its own sentence(s) (or,
    with ``OWN_WORDS_RULES``, first-person words in a sentence nobody else speaks or acts
    in); a phrase inside a sentence with no speech verb is a scare quote (None)."""
    if standalone(ctx, f):
        rules = NEARBY_RULES
    elif own_words_in_narration(ctx, f):
        rules = OWN_WORDS_RULES
    else:
        return None
    for rule in rules:
        decision = rule(ctx, conv, f)
        if decision is not None:
            return decision
    return None


# ============================================================================ helpers
def _segment_after(ctx: QuoteContext, f: Found) -> tuple[int, int] | None:
    k = f.seg_last + 1
    return ctx.segments[k] if k < len(ctx.segments) else None


def _next_sentence_speaker(
    ctx: QuoteContext, conv: Conversation, f: Found, *, demonstrative_only: bool = False
) -> str | None:
    """ "That was the message from X." / "X said so on Monday." right after the quotation."""
    seg = _segment_after(ctx, f)
    if seg is None or ctx.para_of(seg[0]) > f.span.last_paragraph + 1:
        return None
    a, b = seg
    if ctx.has_quote(a, b):
        # "The question was put by X, who called the deal “a giveaway”."
        return _source_sentence_speaker(ctx, a, b) if demonstrative_only else None
    name = _source_sentence_speaker(ctx, a, b) or _demonstrative_speaker(ctx, a, b)
    if name or demonstrative_only:
        return name
    later = [e for e in conv.events.get(ctx.para_of(a), []) if a <= e[0] < b]
    return later[0][1] if later else None


def _demonstrative_speaker(ctx: QuoteContext, a: int, b: int) -> str | None:
    """ "That was the message from X", "Those were the words of X", "So said X": the first
    person named outside quotations."""
    doc = ctx.doc
    first = doc[ctx.token_at(a)]
    second = doc[first.i + 1] if first.i + 1 < len(doc) else first
    if first.lower_ not in DEMONSTRATIVES or not (
        second.lemma_ == "be" or (first.lower_ == "so" and is_speech_verb(second))
    ):
        return None
    for i in range(first.i, ctx.token_at(max(a, b - 1)) + 1):
        name = ctx.people.person_at(i)
        if name and ctx.in_quote[i] is None:
            return name
    return None


def _root_and_subject(ctx: QuoteContext, first: int, last: int) -> tuple[Token, Token] | None:
    root = next(
        (t for t in ctx.doc[first : last + 1] if t.dep_ == "ROOT" and ctx.in_quote[t.i] is None),
        None,
    )
    if root is None:
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or ctx.people.person_at(subj.i):
        return None
    return root, subj


def _source_sentence_speaker(ctx: QuoteContext, a: int, b: int) -> str | None:
    """A sentence that names where the quotation before it came from: its subject points
    back ("That assessment", "The question", "Those") and the person hangs on the verb
    through from / by / of or a possessive ("That assessment came from X", "The question
    was put by X", "Those were the words of X", "That was X's view"); or whose words they
    were ("Mr Han's remarks came a day after ...")."""
    first, last = ctx.token_at(a), ctx.token_at(max(a, b - 1))
    found = _root_and_subject(ctx, first, last)
    if found is None:
        return None
    root, subj = found
    if subj.lemma_.lower() in SPEECH_NOUNS:
        owner = _speech_noun_owner(ctx, subj)
        if owner:
            return owner
    if root.lemma_.lower() not in SOURCE_VERBS or not _points_back(subj):
        return None
    return next(
        (
            name
            for i in range(first, last + 1)
            if ctx.in_quote[i] is None and i != subj.i and (name := _linked_source(ctx, i, root))
        ),
        None,
    )


def _speech_noun_owner(ctx: QuoteContext, subj: Token) -> str | None:
    for c in subj.children:
        if c.dep_ == "poss" and ctx.people.person_at(c.i) and ctx.in_quote[c.i] is None:
            return ctx.people.person_at(c.i)
    return None


def _points_back(subj: Token) -> bool:
    """ "That", "That assessment", "The question": a demonstrative, or "the" before a noun
    for words ("the pandemic is ... of X" points back at nothing)."""
    if subj.lower_ in DEMONSTRATIVES:
        return True
    dets = {c.lower_ for c in subj.children if c.lower_ in SOURCE_DETERMINERS}
    if subj.pos_ != "NOUN" or not dets:
        return False
    return dets != {"the"} or subj.lemma_.lower() in SPEECH_NOUNS | QUESTION_NOUNS


def _linked_source(ctx: QuoteContext, i: int, root: Token) -> str | None:
    """The person (or organisation, as object of a preposition) at token i when it hangs on
    the root through from / by / of or a possessive; not "the words of Ms Olsen's colleague,
    Daniel Kruger" for Olsen."""
    doc = ctx.doc
    name = ctx.people.person_at(i)
    is_org = False
    if not name and doc[i].dep_ == "pobj":
        name = ctx.people.organisation_at(i)
        is_org = bool(name)
    if not name:
        return None
    owner = doc[i]
    while owner.dep_ in ("compound", "flat") and owner.head.i > owner.i:
        owner = owner.head
    if owner.dep_ == "poss" and is_unnamed_person(owner.head):
        return None
    t, steps = doc[i], 0
    while t.i != root.i and steps < 6:
        if t.lower_ in SOURCE_LINKS or t.dep_ == "poss" or (t.dep_ == "attr" and not is_org):
            return name
        t, steps = t.head, steps + 1
    return None


def _named_speaker_next(ctx: QuoteContext, f: Found) -> str | None:
    """The named subject (a person or an organisation, not a pronoun) that opens the next
    sentence of the same paragraph with a speech verb ("The NDF said it would ...")."""
    seg = _segment_after(ctx, f)
    if seg is None:
        return None
    a, b = seg
    if ctx.para_of(a) != f.span.last_paragraph or ctx.has_quote(a, b):
        return None
    first, last = ctx.token_at(a), ctx.token_at(max(a, b - 1))
    for tok in ctx.doc[first : last + 1]:
        if tok.dep_ != "nsubj" or not is_speech_verb(tok.head) or tok.head.dep_ != "ROOT":
            continue
        if tok.lower_ in PRONOUN_GENDER or tok.i - first > 6 or weak_speech_verb(tok.head):
            return None
        name = ctx.people.person_at(tok.i)
        if name:
            return name
        org = ctx.people.organisation_at(tok.i)
        return org if org and " " in org else None  # not a bare "Police"
    return None


def _no_people(ctx: QuoteContext, para: int) -> bool:
    """The paragraph has no quotation and names no person or organisation."""
    p = ctx.paras[para]
    if ctx.has_quote(p.start, p.end):
        return False
    for i in range(ctx.token_at(p.start), ctx.token_at(max(p.start, p.end - 1)) + 1):
        tok = ctx.doc[i]
        if ctx.people.person_at(i) or tok.lower_ in PRONOUN_GENDER:
            return False
        if tok.ent_type_ == "ORG" and tok.dep_ in SUBJECT_DEPS:
            return False
    return True


def _paragraph_subject(ctx: QuoteContext, para: int) -> str | None:
    """The person the last sentence of a paragraph is about (its main subject), when the
    paragraph has no quotation of its own."""
    p = ctx.paras[para]
    if ctx.has_quote(p.start, p.end):
        return None
    seg = ctx.seg_of(max(p.start, p.end - 1))
    return clause_subject(ctx, ctx.segments[seg])


def clause_subject(ctx: QuoteContext, seg: tuple[int, int]) -> str | None:
    """The person who is the subject of a sentence's main verb, if any."""
    a, b = ctx.seg_tokens(seg)
    for tok in ctx.doc[a : b + 1]:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and ctx.in_quote[tok.i] is None:
            return ctx.speakers.person_of(tok).speaker
    return None
