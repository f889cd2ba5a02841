"""Rule 1: a quotation with a speech verb in its own sentence, and quotations inside quotations.

The verb is chosen by ``VERB_CHOICE_RULES`` (the first that finds one wins); its speaker comes
from ``speakers.Speakers.subject``, then ``SPEAKER_FALLBACKS`` when that names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import (
    DOCUMENT_NOUNS,
    PRONOUN_GENDER,
    RESEARCH_NOUNS,
    SUBJECT_DEPS,
)
from ..sentences import doc_tokens
from ..text import QuoteSpan
from .context import (
    Found,
    QuoteContext,
    as_put_it,
    in_the_words_of,
    is_speech_verb,
    read_taken_for_a_noun,
    speaks_as_i,
    weak_speech_verb,
)
from .speakers import PART_NOUNS, Said, is_unnamed_person


@dataclass(frozen=True)
class Sentence:
    """The sentence(s) around one top-level quotation, as rule 1 reads them."""

    idx: int  # the quotation's index in ctx.spans
    span: QuoteSpan
    seg_a: int  # char offset where the sentence starts
    tok_a: int  # its first token
    quote_tokens: list[Token]  # the tokens of this quotation
    verbs: list[Token]  # speech verbs outside any quotation
    embedded: bool  # the quotation runs on inside a clause (as “hopeless”)


def _sentence(ctx: QuoteContext, idx: int, found: Found) -> Sentence:
    q = found.span
    seg_a, seg_b = ctx.segments[found.seg_first][0], ctx.segments[found.seg_last][1]
    tok_a, tok_b = ctx.token_at(seg_a), ctx.token_at(max(seg_a, seg_b - 1))
    tokens = doc_tokens(ctx.doc)[tok_a : tok_b + 1]  # the doc's Token objects, not new ones
    return Sentence(
        idx,
        q,
        seg_a,
        tok_a,
        [t for t in tokens if ctx.in_quote[t.i] == idx],
        [
            t
            for t in tokens
            if ctx.in_quote[t.i] is None
            and t.idx >= seg_a
            and is_speech_verb(t)
            and not _remark_on_what_came_before(t, q)
        ],
        _embedded(ctx.text, q, ctx.paras[q.paragraph].start),
    )


def _remark_on_what_came_before(verb: Token, q: QuoteSpan) -> bool:
    """ "X commented — which the paper noted as unusual — “...”": a speech verb whose object
    is a relative "which", the quotation outside its clause, remarks on what was said
    before it; it introduces no quotation (unlike "which the paper called “...”")."""
    clause = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
    return any(c.dep_ == "dobj" and c.lower_ == "which" for c in verb.children) and not (
        clause[0] <= q.open_at < clause[1]
    )


def _embedded(text: str, q: QuoteSpan, para_start: int) -> bool:
    """The quotation runs on inside a clause (“as “hopeless”") rather than being set off."""
    k = q.open_at - 1
    while k >= para_start and text[k] == " ":
        k -= 1
    return k >= para_start and (text[k].isalnum() or text[k] in "\u2019'")


# ============================================================================ choosing the verb
def verb_the_quote_hangs_on(ctx: QuoteContext, s: Sentence) -> Token | None:
    """The verb the quotation hangs on in the parse: the nearest speech verb among its roots'
    heads ("described X as “hopeless”", "“...,” Mr D'Anieri said")."""
    chain: list[Token] = []
    for tok in s.quote_tokens:
        head = tok.head
        if ctx.in_quote[head.i] == s.idx and head.i != tok.i:
            continue
        for _ in range(8):
            chain.append(head)
            if head.head.i == head.i:
                break
            head = head.head
    verb_set = {v.i for v in s.verbs}
    return next((t for t in chain if t.i in verb_set and not _across_semicolon(ctx, s, t)), None)


_HOLDING_VERBS = {"include", "contain"}


def text_that_holds_it(ctx: QuoteContext, s: Sentence) -> Token | None:
    """ "Part of Roe's post included the line, “...”" / "Her letter contained the words
    “...”": a text (or part of one) as the subject of "include"/"contain" that the quotation
    hangs on gives it its author, as "read" would."""
    for tok in s.quote_tokens:
        head = tok.head
        for _ in range(3):
            if ctx.in_quote[head.i] is None and head.lemma_.lower() in _HOLDING_VERBS:
                if any(
                    c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in DOCUMENT_NOUNS | PART_NOUNS
                    for c in head.children
                ):
                    return head
                return None
            if head.head.i == head.i:
                break
            head = head.head
    return None


def _across_semicolon(ctx: QuoteContext, s: Sentence, verb: Token) -> bool:
    """ "X added, “...”; the agency did not reveal ...": a semicolon outside the quotation
    between it and the verb ends the clause the quotation is in, so that verb is another's."""
    if not s.quote_tokens:
        return False
    a, b = sorted(
        (verb.i, s.quote_tokens[0].i if verb.i < s.quote_tokens[0].i else s.quote_tokens[-1].i)
    )
    return any(t.text == ";" and ctx.in_quote[t.i] is None for t in ctx.doc[a + 1 : b])


def according_to_verb(ctx: QuoteContext, s: Sentence) -> Token | None:
    """ "“...”, according to X", "in the words of X, “...”"."""
    return next((v for v in s.verbs if v.lower_ == "according" or in_the_words_of(v)), None)


def as_put_it_after(ctx: QuoteContext, s: Sentence) -> Token | None:
    """ "rents “went through the roof” — as the council's review put it — in a year": "as X
    put it" within a few words after the quotation, or right before it ("had acted, as the
    ruling put it, “in bad faith”")."""
    if not s.quote_tokens:
        return None
    first, last = s.quote_tokens[0].i, s.quote_tokens[-1].i
    return next(
        (v for v in s.verbs if as_put_it(v) and (0 < v.i - last <= 8 or 0 < first - v.i <= 4)),
        None,
    )


def read_after_a_text(ctx: QuoteContext, s: Sentence) -> Token | None:
    """ "“...,” a statement from the club read.": "read" the tagger took for a noun, ending
    the text's name (weak as "read" is, the text makes it the quotation's verb); also
    "“...”, read the warning." (a text as the object of "read" right after the quotation,
    however the parse hangs "read")."""
    found = next((v for v in s.verbs if read_taken_for_a_noun(v) is not None), None)
    return found or next((v for v in s.verbs if _text_read_after(ctx, s, v)), None)


def _text_read_after(ctx: QuoteContext, s: Sentence, verb: Token) -> bool:
    if verb.lower_ not in ("read", "reads") or not s.quote_tokens:
        return False
    gap = ctx.doc[s.quote_tokens[-1].i + 1 : verb.i]
    return (
        0 <= len(gap) <= 2
        and all(t.is_punct for t in gap)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)
    )


def text_reads_before(ctx: QuoteContext, s: Sentence) -> Token | None:
    """ "The opinion of the court, released on Monday, read in part, “...”": "read" (weak
    as it is) a few words before a quotation set off by punctuation, with a text as its
    subject, is the quotation's verb, however the parse hangs the quotation."""
    if s.embedded or not s.quote_tokens:
        return None
    first = s.quote_tokens[0].i
    for verb in s.verbs:
        gap = ctx.doc[verb.i + 1 : first]
        if (
            verb.lemma_.lower() == "read"
            and 0 < len(gap) <= 4
            and gap[-1].text in (",", ":")
            and not any(t.pos_ in ("VERB", "AUX") for t in gap)
            and any(
                c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children
            )
        ):
            return verb
    return None


def verb_between_halves(ctx: QuoteContext, s: Sentence) -> Token | None:
    """ "“A;” read the statement; “B”": the second half of an interrupted quotation takes the
    speech verb (weak ones too) of the short reporting clause between the two halves, even
    past a semicolon or when the parse hangs the clause on the second half."""
    if not s.quote_tokens:
        return None
    first = s.quote_tokens[0].i
    between: list[Token] = []
    for k in range(first - 1, max(s.tok_a, first - 8) - 1, -1):
        if ctx.in_quote[k] is not None:
            break
        between.append(ctx.doc[k])
    else:
        return None  # no quotation of the same sentence right before the clause
    verbs = [t for t in between if t.pos_ in ("VERB", "AUX")]
    if not between or len(verbs) != 1 or ctx.in_quote[between[-1].i - 1] is None:
        return None
    return verbs[0] if is_speech_verb(verbs[0]) else None


def nearest_strong_verb(ctx: QuoteContext, s: Sentence) -> Token | None:
    """A quotation set off by punctuation takes the nearest speech verb ("X said: “...”",
    "— “...” — suggesting he ..."), not a weak one ("believe")."""
    if s.embedded:
        return None
    strong = [v for v in s.verbs if not weak_speech_verb(v)]
    if not strong:
        return None
    first_q = s.quote_tokens[0].i if s.quote_tokens else 0
    last_q = s.quote_tokens[-1].i if s.quote_tokens else 0
    return min(strong, key=lambda v: min(abs(v.i - first_q), abs(v.i - last_q)))


def verb_just_before(ctx: QuoteContext, s: Sentence) -> Token | None:
    """A speech verb a few words before a quotation run into the sentence, with only its
    object between ("who called it “a sign of things to come”") when the parse hung the
    quotation elsewhere."""
    if not (s.quote_tokens and s.embedded):
        return None
    first = s.quote_tokens[0].i
    doc = ctx.doc
    for k in range(first - 1, max(s.tok_a, first - 8) - 1, -1):
        t = doc[k]
        if ctx.in_quote[k] is not None and k < first - 1:
            return None
        if is_speech_verb(t) and ctx.in_quote[k] is None:
            return t
        if t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or t.text in ".;:?!":
            return None
    return None


def reporting_verb_before(ctx: QuoteContext, s: Sentence) -> Token | None:
    """A phrase quoted inside reported speech takes the sentence's reporting verb before it
    ("X went on to say he was lenient because they had "owned up early""), when the parse
    hung the quotation on another verb; not a verb of a time clause the quotation's own
    clause is set after ("When X tweeted ..., the site placed a notice “fact checking” it":
    the site's words, not X's)."""
    if not s.embedded or not s.quote_tokens:
        return None
    first = s.quote_tokens[0]
    before = [v for v in s.verbs if v.i < first.i and not weak_speech_verb(v)]
    if before and _time_clause_outside(before[-1], first):
        return None
    return before[-1] if before else None


_TIME_MARKS = {"when", "after", "before", "once", "as", "while", "until", "since"}


def _time_clause_outside(verb: Token, quoted: Token) -> bool:
    """The verb heads (or sits in) a clause of time ("When X said ...") that the quotation
    is outside of."""
    clause = verb
    while clause.dep_ not in ("advcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in clause.children)
        and not any(t.i == clause.i for t in quoted.ancestors)
    )


def speech_verb_coordinated(ctx: QuoteContext, s: Sentence) -> Token | None:
    """A phrase quoted as the object of a verb coordinated with a speech verb ("The board
    sent its "warm thanks" and said ..."): the speech verb, whose subject both share."""
    verb = _verb_outside(ctx, s)
    if verb is None:
        return None
    strong = {v.i for v in s.verbs if not weak_speech_verb(v)}
    coordinated = [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        coordinated.append(verb.head)
    return next((c for c in coordinated if c.i in strong), None)


def _verb_outside(ctx: QuoteContext, s: Sentence) -> Token | None:
    """The verb outside the quotation whose object (or a preposition's) the quotation is."""
    inside = {t.i for t in s.quote_tokens}
    for tok in s.quote_tokens:
        head = tok.head
        if head.i in inside or head.i == tok.i:
            continue
        for _ in range(3):
            if head.pos_ in ("VERB", "AUX") and ctx.in_quote[head.i] is None:
                return head
            if head.head.i == head.i:
                break
            head = head.head
        return None
    return None


VerbChoice = Callable[[QuoteContext, Sentence], "Token | None"]
VERB_CHOICE_RULES: tuple[VerbChoice, ...] = (
    verb_the_quote_hangs_on,
    text_that_holds_it,
    according_to_verb,
    as_put_it_after,
    read_after_a_text,
    text_reads_before,
    verb_between_halves,
    nearest_strong_verb,
    verb_just_before,
    reporting_verb_before,
    speech_verb_coordinated,
)


# ============================================================================ fallbacks
def reporting_clause(ctx: QuoteContext, s: Sentence, verb: Token, said: Said) -> Said:
    """ "He said Mexico would answer “tariff for tariff”": the verb the quotation hangs
    on has a subject that cannot speak for itself here (a country, a thing), and it sits in
    what a person says: the quotation is that person's words. Not "one official called
    for ..." or "officials say ...": nobody named."""
    if said.speaker is not None or said.how != "nonperson":
        return said
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None and (is_unnamed_person(subj) or subj.tag_ == "NNS"):
        return said
    head, steps = verb, 0
    while steps < 4 and head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and head.head.i != head.i:
        head, steps = head.head, steps + 1
        if ctx.in_quote[head.i] is None and is_speech_verb(head):
            outer = ctx.speakers.subject(head)
            return outer._replace(rule="reporting_clause") if outer.speaker else said
    return said


def name_before_verb(ctx: QuoteContext, s: Sentence, verb: Token, said: Said) -> Said:
    """Last resort inside a sentence set off from the quotation: the nearest name before the
    verb."""
    if said.how != "unknown" or s.embedded:
        return said
    for k in range(verb.i - 1, s.tok_a - 1, -1):
        name = ctx.people.person_at(k)
        if ctx.in_quote[k] is None and name:
            return Said(name, "explicit", "name_before_verb")
    return said


# Nouns for one who speaks for a body, not for themselves ("a Port Authority spokesman").
_VOICE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative"}


def organisation_speaking_as_we(ctx: QuoteContext, s: Sentence, verb: Token, said: Said) -> Said:
    """ "A Port Authority spokesman said “We were alerted at noon ...”": an unnamed
    spokesperson of a named organisation whose quotation speaks as "we" gives the
    organisation's words (not when the quotation says nothing as "we")."""
    if said.speaker is not None or said.how != "nonperson" or not s.quote_tokens:
        return said
    first_subject = next((t for t in s.quote_tokens if t.dep_ in SUBJECT_DEPS), None)
    if first_subject is None or first_subject.lower_ != "we":
        return said
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    org = _voiced_organisation(ctx, subj, said) if subj is not None else None
    return Said(org, "explicit", "organisation_speaking_as_we") if org else said


def _voiced_organisation(ctx: QuoteContext, subj: Token, said: Said) -> str | None:
    """The organisation a spokesperson subject speaks for ("a Port Authority spokesman", "a
    spokeswoman for X"), also when the parse made the organisation the subject."""
    if said.rule == "organisation_representative":
        return ctx.people.organisation_at(subj.i)
    if subj.lower_ not in _VOICE_NOUNS:
        return None
    return next(
        (o for c in subj.subtree if c.i != subj.i and (o := ctx.people.organisation_at(c.i))),
        None,
    )


SpeakerFallback = Callable[[QuoteContext, Sentence, Token, Said], Said]
SPEAKER_FALLBACKS: tuple[SpeakerFallback, ...] = (
    reporting_clause,
    organisation_speaking_as_we,
    name_before_verb,
)


# ============================================================================ the rule
def speech_verb(ctx: QuoteContext, idx: int, found: Found) -> None:
    """Rule 1 for a top-level quotation: a speech verb outside it, in its sentence."""
    s = _sentence(ctx, idx, found)
    if _name_or_term(ctx, s, found):
        return
    quotative_like(ctx, s, found)  # "they answered, and I was like “...”": mine
    if found.resolved:
        return
    tried: set[int] = set()
    for verb in _verb_choices(ctx, s):
        if verb.i in tried:
            continue
        tried.add(verb.i)
        said = ctx.speakers.subject(verb)
        for fallback in SPEAKER_FALLBACKS:
            said = fallback(ctx, s, verb, said)
        if said.how != "unknown":
            attribution = said.how if said.speaker else "none"
            found.decide(said.speaker, attribution, f"speech_verb.{said.rule}")
            return
    _no_speaker_found(ctx, s, found, had_verbs=bool(tried))


def _no_speaker_found(ctx: QuoteContext, s: Sentence, found: Found, *, had_verbs: bool) -> None:
    """No speech verb named a speaker: with no speech verb at all, a colon lead, else a
    text as the subject; then first-person words as the clause subject's own."""
    if not had_verbs and not found.resolved:
        colon_lead(ctx, s, found)
        if not found.resolved:
            text_as_subject(ctx, s, found)
    if not found.resolved:
        own_words_of_subject(ctx, s, found)


def _name_or_term(ctx: QuoteContext, s: Sentence, found: Found) -> bool:
    """Decides a name someone gives ("identified him as “Mr. B”"), a term (nobody's) or
    words a noun of quoted wording gives a named person ("the X quote that “...”")."""
    named_by = _name_given_by(ctx, s)
    if named_by is not None:
        found.decide(named_by, "explicit", "speech_verb.name_given_by")
        return True
    if _term(ctx, s) or _expansion_of_a_term(ctx, s):
        found.decide(None, "none", "term")
        return True
    author = _author_of_quoted_words(ctx, s)
    if author is not None:
        found.decide(author, "explicit", "speech_verb.author_of_quoted_words")
        return True
    return False


def _verb_choices(ctx: QuoteContext, s: Sentence) -> Iterator[Token]:
    """The verbs the rules choose, in order: a later one is tried when the speaker of the
    earlier cannot be found ("Speaking to NBC, she said, "..."": not "speaking")."""
    if not s.verbs:  # no speech verb: only a text holding the quotation speaks
        verb = text_that_holds_it(ctx, s)
        if verb is not None:
            yield verb
        return
    for rule in VERB_CHOICE_RULES:
        verb = rule(ctx, s)
        if verb is not None:
            yield verb


def _term(ctx: QuoteContext, s: Sentence) -> bool:
    """A name or a term in quotation marks is nobody's words: a code ("named it "XR-7"",
    "the "Vision 2030" plan") or a noun modifying a noun outside the quotation ("the
    "outward investment" strategy")."""
    words = s.span.text(ctx.text).split()
    if len(words) <= 3 and any(c.isdigit() for c in "".join(words)):
        return True
    if _NAMED_WORDING.search(ctx.text[max(s.seg_a, s.span.open_at - 30) : s.span.open_at]):
        return True
    if s.embedded and _title(words) and not _label_given(ctx, s):
        return True
    if _group_of_a_person(ctx, s) or (_title(words) and _title_in_apposition(ctx, s)):
        return True
    inside = {t.i for t in s.quote_tokens}
    roots = [t for t in s.quote_tokens if t.head.i not in inside and not t.is_punct]
    return bool(roots) and all(
        t.dep_ in ("compound", "nmod")
        and t.pos_ in ("NOUN", "PROPN")
        and t.head.pos_ in ("NOUN", "PROPN")
        for t in roots
    )


def _title_in_apposition(ctx: QuoteContext, s: Sentence) -> bool:
    """ "Lind says his event, “Storm The Gates, They Can't Stop Us”, was a joke": title-case
    words set off by commas right after a common noun name that thing (an event, a book, a
    campaign), whoever organised it; they are nobody's words."""
    q = s.span
    before = ctx.text[s.seg_a : q.open_at].rstrip()
    after = ctx.text[ctx.close_end(q) :].lstrip()
    if not before.endswith(",") or not after.startswith((",", ")")):
        return False
    k = ctx.token_at(s.seg_a + len(before) - 1) - 1
    return k >= 0 and ctx.doc[k].pos_ == "NOUN" and ctx.doc[k].text.islower()


def _group_of_a_person(ctx: QuoteContext, s: Sentence) -> bool:
    """ "Ana Lind of “Safe Now”, a victims' charity, said": a few words quoted right after a
    person's name and "of", set off by a comma, are the name of the group the person
    belongs to (not "was told by X of “...” while ...": what X told)."""
    first = s.quote_tokens[0].i if s.quote_tokens else None
    after = ctx.text[ctx.close_end(s.span) :].lstrip()
    if (
        first is None
        or first < 2
        or len(s.span.text(ctx.text).split()) > 5
        or not after.startswith((",", ")"))
    ):
        return False
    of, name = ctx.doc[first - 1], ctx.doc[first - 2]
    if of.is_punct and first >= 3:  # the opening mark is a token of its own
        of, name = name, ctx.doc[first - 3]
    return (
        of.lower_ == "of"
        and ctx.in_quote[name.i] is None
        and ctx.people.person_at(name.i) is not None
    )


# Verbs by which a speaker labels a thing "as" quoted words ("referred to the vote as").
_LABELLING_VERBS = {
    "refer", "describe", "characterise", "characterize", "dismiss", "deride", "brand",
    "label", "denounce", "hail", "credit",
}  # fmt: skip


def _label_given(ctx: QuoteContext, s: Sentence) -> bool:
    """ "He referred to the vote as “The Big Sham”": words in title case that a speaker
    gives a thing "as" through an active labelling verb are the speaker's label, not a
    title (unlike "named her their “Person of the Year”")."""
    roots = _quote_roots(ctx, s)
    if len(roots) != 1 or roots[0].dep_ != "pobj" or roots[0].head.lower_ != "as":
        return False
    verb = roots[0].head.head
    return (
        verb.lemma_.lower() in _LABELLING_VERBS
        and ctx.in_quote[verb.i] is None
        and not any(c.dep_ == "auxpass" for c in verb.children)
    )


# "to add the question, “Is this …?”, to the form", "the slogan “…”", "the old legal phrase
# “…”", "the statute's phrase “…”", "use the description “…”": the wording a noun names
# (a few modifiers between), set in quotation marks, is nobody's speech.
_NAMED_WORDING = re.compile(
    r"\bthe\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:question|slogan|motto|phrase|term|expression|wording|hashtag|chant|description|label)"
    r"\s*,?\s*$",
    re.I,
)


# "citing the Ana Lind quote that “...”", "the old saying of Ana Lind: “...”": words a
# noun of quoted wording gives to a named person, right before the quotation.
_QUOTED_WORDING_OF = re.compile(
    r"\b(?:the|a|an)\s+(?:\w+\s+)?(?:(?P<before>(?:[A-Z][\w’'.-]*\s+){1,3})"
    r"(?:quote|quotation|saying|motto|maxim|adage|dictum)"
    r"|(?:quote|quotation|saying|motto|maxim|adage|dictum)\s+(?:of|by|from)\s+"
    r"(?P<after>(?:[A-Z][\w’'.-]*\s*){1,3}))\s*(?:that\s*|[:,]\s*)?$"
)


def _author_of_quoted_words(ctx: QuoteContext, s: Sentence) -> str | None:
    """ "They cited the Ana Lind quote that “every painter has bad sketches”": the person a
    noun of quoted wording (quote, saying, motto) names right before the quotation said
    it, not whoever cites it."""
    before = ctx.text[max(s.seg_a, s.span.open_at - 80) : s.span.open_at]
    m = _QUOTED_WORDING_OF.search(before)
    if m is None:
        return None
    group = "before" if m.group("before") else "after"
    name_end = max(s.seg_a, s.span.open_at - 80) + m.start(group) + len(m.group(group).rstrip())
    person = ctx.people.person_at(ctx.token_at(name_end - 1))
    return person if person and ctx.people.is_person(person) else None


# Verbs that give a name to what they name: "termed Brexit for “British exit”".
_NAMING_VERBS = {"term", "call", "name", "dub", "nickname", "know", "label", "abbreviate"}


def _quote_roots(ctx: QuoteContext, s: Sentence) -> list[Token]:
    inside = {t.i for t in s.quote_tokens}
    return [t for t in s.quote_tokens if t.head.i not in inside and not t.is_punct]


def _expansion_of_a_term(ctx: QuoteContext, s: Sentence) -> bool:
    """ "termed Brexit for “British exit”", "RX, short for “rapid exchange”", "stands for
    “...”": a phrase spelling out a name is nobody's words."""
    roots = _quote_roots(ctx, s)
    if len(roots) != 1 or roots[0].dep_ != "pobj" or roots[0].head.lower_ != "for":
        return False
    head = roots[0].head.head
    if head.lemma_.lower() == "stand":
        return _spelled_out_by_stand(ctx, head)
    if head.lemma_.lower() == "short" or head.pos_ == "PROPN":
        return True
    return head.lemma_.lower() in _NAMING_VERBS and any(
        c.dep_ in ("oprd", "dobj", "attr") and c.pos_ in ("PROPN", "NOUN") for c in head.children
    )


def _spelled_out_by_stand(ctx: QuoteContext, stand: Token) -> bool:
    """ "RX stands for “rapid exchange”" spells out a name; "The party says it stands for
    “...”" / "describes itself as standing for “...”" gives what a party or a person
    champions (their words): not when the subject is someone, an organisation (other than
    an acronym) or a pronoun, nor with no subject at all."""
    subject = next((c for c in stand.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    if subject.text.isupper():
        return True  # an acronym, whatever the people stage made of it
    people = ctx.people
    return not (people.person_at(subject.i) or people.organisation_at(subject.i))


def _name_given_by(ctx: QuoteContext, s: Sentence) -> str | None:
    """ "The agency identified him only as “Mr. B”": a name a person or body gives someone
    (the verb's subject) is its words, though no speech verb says so."""
    roots = _quote_roots(ctx, s)
    if len(roots) == 1 and roots[0].dep_ == "oprd":
        return _name_a_naming_verb_gives(ctx, s, roots[0])
    if len(roots) != 1 or roots[0].dep_ != "pobj" or roots[0].head.lower_ != "as":
        return None
    verb = roots[0].head.head
    if verb.lemma_.lower() != "identify" or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "NUM"), None)
    if subject is not None:
        return ctx.speakers.person_of(subject).speaker if ctx.in_quote[subject.i] is None else None
    return _named_just_before(ctx, verb)


# Verbs by which someone gives a thing its name ("He named it “Operation X”").
_GIVING_A_NAME = {"name", "dub", "christen", "nickname", "baptise", "baptize"}


def _name_a_naming_verb_gives(ctx: QuoteContext, s: Sentence, name: Token) -> str | None:
    """ "The minister named the mission “Operation Blue Gate”": a name in words (no code
    with digits: "named the strain “TX-41”" is nobody's) given by a person or body."""
    verb = name.head
    if verb.lemma_.lower() not in _GIVING_A_NAME or any(c.isdigit() for c in name.text):
        return None
    if any(t.like_num for t in s.quote_tokens):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or ctx.in_quote[subject.i] is not None:
        return None
    return ctx.speakers.person_of(subject).speaker


def _named_just_before(ctx: QuoteContext, verb: Token) -> str | None:
    """The person or organisation named last in the dozen words before a verb the parse
    gave no subject (or a date for one: "the agency when announcing it in May, 2018
    identified ...")."""
    people = ctx.people
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 12) - 1, -1):
        if ctx.in_quote[k] is None and (people.person_at(k) or people.organisation_at(k)):
            return people.person_at(k) or people.organisation_at(k)
    return None


# Small words a title leaves in lower case ("Hero of the Sea", "Lind vs. Ostra Shipping").
_TITLE_SMALL_WORDS = {
    "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "vs.", "v.",
}  # fmt: skip


def _title(words: list[str]) -> bool:
    """ "the case "Lind vs. Ostra Shipping Ltd"", "the film "Winter Roads"": two to eight
    words, every one capitalised but the small words of a title, no sentence's full stop:
    a name or a title, nobody's words."""
    letters = [w.strip("\"'“”‘’,") for w in words]
    capitals = [w for w in letters if w[:1].isupper()]
    return (
        2 <= len(letters) <= 10
        and len(capitals) >= 2
        and all(
            w[:1].isupper() or w.isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in letters if w
        )
        and not letters[-1].endswith(("!", "?"))
        and not (letters[-1].endswith(".") and letters[-1].lower() not in _TITLE_SMALL_WORDS)
    )


def colon_lead(ctx: QuoteContext, s: Sentence, found: Found) -> None:
    """A clause and a colon introduce the quotation: "Keir Stone: ‘...’", "Mr Smith was
    blunt: “...”" - the name itself, else the subject of that clause when it is a person.
    A comma does too when the quotation is a whole sentence ("Lind, also online, defended
    her vote, "I have said it before and I will say it again."")."""
    doc = ctx.doc
    colon = _lead_mark(ctx, s)
    if colon is None:
        return
    lead_tokens = range(s.tok_a, colon)
    if doc[colon].text == ":" and _only_a_name(ctx, lead_tokens):
        name = ctx.people.person_at(colon - 1)
        if name:
            found.decide(name, "explicit", "colon_lead.name")
            return
    if not _subject_of_lead(ctx, lead_tokens, found) and doc[colon].text == ":":
        _only_person_in_lead(ctx, lead_tokens, found)


_QUOTATIVE_VERBS = {"be", "go"}


def quotative_like(ctx: QuoteContext, s: Sentence, found: Found) -> None:
    """ "and then I was like, “Not yet.”", "I'm like: “...”": "be like" (or "go like")
    right before the quotation introduces what "I" said or thought: in an interview's
    answer, the one answering. Another subject ("she was like", "people are like") is left
    to the other rules: who "she" is there is rarely the person named last."""
    k = ctx.token_at(s.span.open_at) - 1
    while k > s.tok_a and ctx.doc[k].is_punct:
        k -= 1
    like = ctx.doc[k]
    verb = like.head
    if like.lower_ != "like" or verb.lemma_.lower() not in _QUOTATIVE_VERBS or verb.i > k:
        return
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ != "i" or ctx.in_quote[subject.i] is not None:
        return
    said = ctx.speakers.person_of(subject)
    if said.speaker:
        found.decide(said.speaker, said.how, f"quotative_like.{said.rule}")


def _subject_of_lead(ctx: QuoteContext, lead_tokens: range, found: Found) -> bool:
    """The first subject of the lead, when it is someone: "Mr Reed was blunt: “...”"."""
    doc = ctx.doc
    for i in lead_tokens:
        if doc[i].dep_ in SUBJECT_DEPS and ctx.in_quote[i] is None:
            said = ctx.speakers.person_of(doc[i])
            if said.speaker:
                found.decide(said.speaker, said.how, f"colon_lead.{said.rule}")
            return bool(said.speaker)
    return False


def _only_person_in_lead(ctx: QuoteContext, lead_tokens: range, found: Found) -> None:
    """ "The plan left critic Ana Bloom unimpressed: “...”": a colon lead with no speech
    verb and no person as its subject, naming exactly one person, gives that person."""
    names = {ctx.people.person_at(i) for i in lead_tokens if ctx.in_quote[i] is None}
    names.discard(None)
    if len(names) == 1:
        found.decide(names.pop(), "explicit", "colon_lead.only_person")


def text_as_subject(ctx: QuoteContext, s: Sentence, found: Found) -> None:
    """ "The survey counts the flights to reach its figure, an “estimated 900 visitors” a
    day.": a phrase quoted in the clause of a sentence whose subject is a text (a study, a
    report) with no speech verb is the text's, so its author's words."""
    if not s.embedded or not s.quote_tokens:
        return
    root = s.quote_tokens[0]
    while root.head.i != root.i:
        root = root.head
    if ctx.in_quote[root.i] is not None:
        return
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lemma_.lower() not in RESEARCH_NOUNS | DOCUMENT_NOUNS:
        return
    said = ctx.speakers.person_of(subject)
    if said.speaker:
        found.decide(said.speaker, "explicit", f"text_as_subject.{said.rule}")


def own_words_of_subject(ctx: QuoteContext, s: Sentence, found: Found) -> None:
    """ "Then aged 19, she saw the part as a “chance to face my fears”": words quoted in the
    first person singular ("I", "my") that no speech verb gives to anyone are the own words
    of the person who is the subject of the clause they sit in (a name, or a he/she resolved
    as usual; "her love "grew from my ..."" is hers). Not a title, and not when the
    sentence names someone else outside the quotation."""
    if not s.quote_tokens or _title(s.span.text(ctx.text).split()) or not speaks_as_i(ctx, s.idx):
        return
    subject = _subject_of_quoted_clause(ctx, s)
    if subject is None:
        return
    said = ctx.speakers.person_of(subject)
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if not said.speaker and owner is not None:
        said = ctx.speakers.person_of(owner)
    name = said.speaker
    if not name or not ctx.people.is_person(name):
        return
    others = {
        ctx.people.person_at(t.i)
        for t in ctx.doc[s.tok_a : s.quote_tokens[-1].i + 12]
        if ctx.in_quote[t.i] is None and t.sent == subject.sent
    }
    others.discard(None)
    if others <= {name}:
        found.decide(name, said.how, f"own_words_of_subject.{said.rule}")


def _subject_of_quoted_clause(ctx: QuoteContext, s: Sentence) -> Token | None:
    """The subject (outside the quotation) of the nearest clause around the quotation: its
    first root's verb when that has a subject outside ("her love "grew from ...""), else the
    verb outside above it ("she saw the part as a “...”"), through a verb it depends on
    ("chooses "to play ...""); None for a subject inside the quotation."""
    inside = {t.i for t in s.quote_tokens}
    root = next((t for t in s.quote_tokens if t.head.i not in inside and not t.is_punct), None)
    if root is None or root.head.i == root.i:
        return None
    tok: Token | None = root if root.pos_ in ("VERB", "AUX") else root.head
    for _ in range(8):
        if tok is None:
            return None
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj if subj.i not in inside else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _lead_mark(ctx: QuoteContext, s: Sentence) -> int | None:
    """The token of the colon (or of the comma before a whole quoted sentence) that ends
    the words leading into the quotation."""
    lead = ctx.text[s.seg_a : s.span.open_at].rstrip()
    if not lead.endswith((":", ",")) or ctx.inside_any_quote(s.seg_a + len(lead) - 1):
        return None
    if lead.endswith(",") and not _whole_sentence(s.span.text(ctx.text)):
        return None
    return ctx.token_at(s.seg_a + len(lead) - 1)


def _only_a_name(ctx: QuoteContext, tokens: range) -> bool:
    return bool(tokens) and all(ctx.people.person_at(i) or ctx.doc[i].is_punct for i in tokens)


def _whole_sentence(text: str) -> bool:
    """A quotation that is a sentence: a capital first, five words or more, a full stop."""
    text = text.strip()
    return (
        bool(text)
        and text[0].isupper()
        and len(text.split()) >= 5
        and text.rstrip("\"”’'").endswith((".", "!", "?"))
    )


NESTED_FIRST_PERSON = "nested.first_person"


def nested_speaker(ctx: QuoteContext, found: Found, parent_idx: int) -> None:
    """A quotation inside a quotation: only a named person saying it inside the outer one,
    or the outer speaker quoting themselves ("... and I said, 'Not now.'"); otherwise
    nobody (a scare quote or a title)."""
    q = found.span
    found.decide(None, "nested", "nested")
    a = ctx.token_at(q.start)
    b = ctx.token_at(max(q.start, q.end - 1))
    if b < a:
        return
    heads = (h for h in _ancestors(ctx.doc[a], 6) if h.i < a and ctx.in_quote[h.i] == parent_idx)
    if not _nested_by_head(ctx, found, heads) and _own_question(ctx, q, a, b):
        found.rule = NESTED_FIRST_PERSON  # "It felt like 'will I get out?'": their thought


def _nested_by_head(ctx: QuoteContext, found: Found, heads: Iterator[Token]) -> bool:
    """The verb the inner quotation hangs on decides it (True), if one is a speech or
    thought verb."""
    for head in heads:
        if is_speech_verb(head) and not _impersonal(head):
            found.speaker = _named_subject(ctx, head)
            if found.speaker:
                found.rule = "nested.named_speaker"
            elif _first_person(head):
                found.rule = NESTED_FIRST_PERSON  # the outer speaker's own words, given later
            return True
        if _thinks(head) and _first_person(head):
            found.rule = NESTED_FIRST_PERSON  # "I looked and thought, 'Why?'": their thought
            return True
    return False


def _impersonal(verb: Token) -> bool:
    """ "it felt like": a verb whose subject is "it" ("[i]t" as an editor writes it, which
    the parse may leave unattached) quotes nobody's words."""
    return any(
        c.dep_ in (*SUBJECT_DEPS, "dep") and c.lower_.replace("[", "").replace("]", "") == "it"
        for c in verb.lefts
    )


def _own_question(ctx: QuoteContext, q: QuoteSpan, a: int, b: int) -> bool:
    """A question in the first person that no speech verb gives to anyone ("it felt like
    'am I dreaming?'"): the outer speaker's own thought."""
    return q.text(ctx.text).rstrip().endswith("?") and any(
        t.lower_ == "i" and t.dep_ in SUBJECT_DEPS for t in ctx.doc[a : b + 1]
    )


# Verbs that quote a thought rather than words said aloud.
_THOUGHT_VERBS = {"think", "wonder", "ask", "tell", "reflect", "realise", "realize"}


def _thinks(verb: Token) -> bool:
    """A verb of thought, or one the parse hangs a thought on ("I kept asking myself")."""
    return verb.lemma_.lower() in _THOUGHT_VERBS or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _THOUGHT_VERBS for c in verb.children
    )


def _first_person(verb: Token) -> bool:
    """ "I said", also through the verb it is joined to or depends on ("I looked and
    thought", "I kept asking myself")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return any(c.lower_ in ("i", "we") for c in subjects)
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _ancestors(tok: Token, limit: int) -> Iterator[Token]:
    """tok's head, its head's head, ... up to the root, at most `limit` of them."""
    for _ in range(limit):
        if tok.head.i == tok.i:
            return
        tok = tok.head
        yield tok


def _named_subject(ctx: QuoteContext, verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.lower_ not in PRONOUN_GENDER:
            name = ctx.people.person_at(child.i)
            if name:
                return name
    return None
