"""Dependency-tree helpers of the events stage: where a time expression attaches, and the
words of a clause, a noun phrase or a subject (without the date and its preposition)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..dates import REPORTING_VERBS, UTC_ASIDE, TimeExpression, doc_text
from ..lexicon import OFFICE_TITLES, PERSON_ROLE_NOUNS
from ..sentences import dateline
from .render import PAUSES, render

ROLE_WORDS = {w.lower() for w in OFFICE_TITLES | PERSON_ROLE_NOUNS} | {"mr", "mrs", "ms", "dr"}
# Dependents that do not belong to the event clause of their head verb.
DROP_DEPS = {
    "mark", "cc", "punct", "advcl", "conj", "parataxis", "discourse", "intj", "preconj", "meta",
}  # fmt: skip


def in_sent(tok: Token, sent: Span) -> bool:
    return sent.start <= tok.i < sent.end


def dateline_tokens(sent: Span) -> set[int]:
    """Tokens of a wire dateline ("NAIROBI, Kenya (AP) — "), not part of any event."""
    found = dateline(sent)
    if found is None:
        return set()
    return {t.i for t in sent if t.idx < found.end_char}


def anchor(expr: TimeExpression, sent: Span) -> tuple[Token, set[int]]:
    """The word the expression modifies, and the tokens to leave out (the expression + its prep)."""
    span = expr.span
    root = span.root
    skip = set(range(span.start, span.end)) | dateline_tokens(sent)
    # a bounding preposition written with the date ("since 2012") goes with it
    skip |= {t.i for t in sent if expr.start_char <= t.idx < span.start_char}
    # "9:54 a.m. ET (1354 UTC)": the words of a time joined after the span go with it too
    skip |= {t.i for t in sent if span.end_char <= t.idx < expr.end_char}
    skip |= _utc_aside_after(expr, sent)
    skip |= _possessive_after(span, sent)
    head = root.head
    # "in 2014", "since 1991": the preposition goes with the date
    if root.dep_ == "pobj" and head.pos_ in {"ADP", "SCONJ"} and in_sent(head, sent):
        if head.i < span.start and [c for c in head.children if c.dep_ == "pobj"] == [root]:
            skip.add(head.i)
            # "more/less than" etc. inside the expression are already skipped
        head = head.head
    elif root.dep_ == "prep" and root.head is not root:
        head = root.head
    before = span.doc[span.start - 1] if span.start > sent.start else None
    if (
        before is not None
        and before.pos_ == "ADP"
        and any(span.start <= c.i < span.end for c in before.children)
    ):
        skip.add(before.i)  # "on 19 July last year": the preposition goes with the date
    first = min(skip & set(range(sent.start, sent.end)) - dateline_tokens(sent), default=span.start)
    k = first - 1
    if k >= sent.start and span.doc[k].lower_ in {"late", "early", "later", "earlier"}:
        skip.add(k)  # "late on Tuesday": "late" goes with the date
    if head.i in skip or not in_sent(head, sent):
        head = root
    return head, skip


def _utc_aside_after(expr: TimeExpression, sent: Span) -> set[int]:
    """ "at 9:40 p.m. Sunday (0240 Monday, GMT)": the same moment in UTC or GMT, in brackets
    right after the time, goes with it."""
    text = doc_text(sent.doc)
    m = UTC_ASIDE.match(text, expr.end_char)
    if m is None:
        return set()
    return {t.i for t in sent if expr.end_char <= t.idx < m.end()}


def _possessive_after(span: Span, sent: Span) -> set[int]:
    """ "After yesterday's vote": the possessive goes with the date, the noun stays."""
    if span.end < sent.end and span.doc[span.end].tag_ == "POS":
        return {span.end}
    return set()


_PERSON_PRONOUNS = {"he", "she"}
_THING_PRONOUNS = {"it"}
_TITLE_GENDER = {"he": {"ms", "mrs", "miss"}, "she": {"mr"}}  # titles the pronoun cannot be


def reported_subject(verb: Token, ordered: list[Token], sent: Span) -> tuple[Token, str] | None:
    """A pronoun subject of a clause reported by a verb of saying, when it stands for the one who
    says it: "X said he had sold ..." (a person), "The company said it had shipped ..." (a
    thing). Returns the pronoun and the name to put in its place."""
    found = _pronoun_and_speaker(verb, ordered, sent)
    if found is None:
        return None
    pronoun, speaker = found
    if pronoun.lower_ in _PERSON_PRONOUNS and speaker.ent_type_ == "PERSON":
        name = _person_speaker(pronoun, speaker)
    else:
        name = _thing_speaker(pronoun, speaker, sent)
    return (pronoun, name) if name else None


def _pronoun_and_speaker(
    verb: Token, ordered: list[Token], sent: Span
) -> tuple[Token, Token] | None:
    """The clause's first word when it is its pronoun subject, and the reporting verb's subject
    before it ("The bank said it was ready and would offer loans": a shared subject)."""
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp":
        verb = verb.head
    reporting = verb.head
    if not (
        verb.dep_ == "ccomp"
        and reporting.lemma_ in REPORTING_VERBS
        and in_sent(reporting, sent)
        and ordered
    ):
        return None
    pronoun = ordered[0]
    if pronoun.head.i != verb.i or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    speaker = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.i > pronoun.i:
        return None
    return pronoun, speaker


def _person_speaker(pronoun: Token, speaker: Token) -> str | None:
    """ "Farmer Ana Smith said he ..." -> "Ana Smith"; not "Ms Diaz said he ..." (someone else)."""
    titles = {t.lower_.rstrip(".") for t in speaker.subtree if t.i < speaker.i}
    if titles & _TITLE_GENDER.get(pronoun.lower_, set()):
        return None
    words = [
        t
        for t in speaker.subtree
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.i <= speaker.i
    ]
    while words and words[0].lower_ in ROLE_WORDS:
        words = words[1:]
    return " ".join(t.text for t in words) or None


def _thing_speaker(pronoun: Token, speaker: Token, sent: Span) -> str | None:
    """ "The company said it ..." -> "The company"; "The minister said it ...": "it" is not
    the minister."""
    plural = pronoun.lower_ == "they" and speaker.tag_ in {"NNS", "NNPS"}
    if not (
        (pronoun.lower_ in _THING_PRONOUNS and speaker.tag_ in {"NN", "NNP"} or plural)
        and speaker.pos_ in {"NOUN", "PROPN"}
        and speaker.ent_type_ not in {"PERSON", "GPE"}
        and speaker.lower_ not in ROLE_WORDS
    ):
        return None
    name = render(sorted(pruned_subtree(speaker, set()), key=lambda t: t.i), sent)
    if name and name[0].islower():
        name = name[0].upper() + name[1:]
    return name or None


PAST_WORDS = {"recent", "last", "ago", "earlier", "yesterday", "previous", "past"}


def main_verb(verb: Token, expr: TimeExpression, sent: Span) -> Token:
    """Climb from a verb that cannot be the one dated to the verb that is."""
    past = any(t.lower_ in PAST_WORDS for t in expr.span)
    for _ in range(6):
        head = verb.head
        if head.i == verb.i or not in_sent(head, sent):
            return verb
        if verb.dep_ == "xcomp" and head.pos_ in {"VERB", "AUX"}:
            verb = head  # "was left waiting ... in 2014": the subject is the head's
            continue
        if (
            past
            and verb.tag_ in {"VBZ", "VBP", "VB"}
            and verb.dep_ in {"relcl", "acl", "xcomp", "advcl"}
        ):
            # "the roads the valley uses to send grain that cross the border in recent
            # months": a present-tense subordinate verb is not what a past period dates
            up = head
            while up.pos_ not in {"VERB", "AUX"} and up.head.i != up.i and in_sent(up.head, sent):
                up = up.head
            if up.pos_ in {"VERB", "AUX"} and up.i != verb.i:
                verb = up
                continue
        return verb
    return verb


def thing_placed(noun: Token, sent: Span) -> Token:
    """ "a plant in Kumamoto, Japan, which opened in 2019": a relative clause the parser hung
    on the place of a thing is about the thing."""
    while noun.dep_ == "appos" and in_sent(noun.head, sent):
        noun = noun.head
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and (noun.ent_type_ in {"GPE", "LOC", "FAC"} or noun.pos_ == "PROPN")
        and prep.lower_ in {"in", "at", "near", "outside"}
        and in_sent(prep.head, sent)
    ):
        if prep.head.pos_ == "NOUN":
            return prep.head
        if prep.head.pos_ == "VERB":  # "open a branch in Accra, Ghana, which ..."
            for obj in prep.head.children:
                if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and obj.i < prep.i:
                    return obj
    return noun


def noun_before(pronoun: Token, sent: Span) -> Token | None:
    """The noun right before ", which": the antecedent the parser did not attach."""
    k = pronoun.i - 1
    while k >= sent.start and pronoun.doc[k].is_punct:
        k -= 1
    if k < sent.start or pronoun.doc[k].pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = pronoun.doc[k]
    while noun.dep_ in {"compound", "flat"} and noun.head.i > noun.i and in_sent(noun.head, sent):
        noun = noun.head
    return thing_placed(noun, sent)


def left_subject(first: Token, sent: Span) -> list[Token]:
    """A subject-less clause ("... despite Mr Tokayev and his government being propped up"):
    the noun phrase right before it."""
    k = first.i - 1
    if k < sent.start:
        return []
    tok = first.doc[k]
    if tok.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return []
    while (
        tok.head.i != tok.i
        and tok.head.pos_ in {"NOUN", "PROPN"}
        and tok.head.right_edge.i < first.i
        and in_sent(tok.head, sent)
    ):
        tok = tok.head
    if tok.pos_ == "PRON" and tok.lower_ in {"it", "this", "that", "which", "who"}:
        return []
    return [t for t in tok.subtree if t.i < first.i]


def noun_phrase_with(noun: Token, verb: Token, skip: set[int]) -> list[Token]:
    """The noun's phrase up to (not including) the verb's subtree, e.g. "The post-Soviet generation"."""
    inside = {t.i for t in verb.subtree}
    out = [t for t in noun.subtree if t.i not in inside and t.i not in skip and t.i < verb.i]
    while out and out[-1].is_punct:
        out.pop()
    return out


def content_words(tokens: Iterable[Token], skip: set[int]) -> list[Token]:
    return [t for t in tokens if t.i not in skip and not t.is_punct and not t.is_stop]


def noun_phrase(tok: Token, skip: set[int]) -> list[Token]:
    out = []
    for t in tok.subtree:
        if t.i in skip:
            continue
        out.append(t)
    return out


def clause_tokens(
    verb: Token, skip: set[int], *, dateline_ids: set[int] | frozenset[int] = frozenset()
) -> list[Token]:
    """The verb with its arguments, without adverbial/subordinate clauses and the date."""
    keep: list[Token] = [] if verb.i in skip else [verb]
    subject_at = min(
        (c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), default=-1
    )
    for child in verb.children:
        if child.i in dateline_ids and child.dep_ in {"nsubj", "nsubjpass"}:
            # "ACCRA, June 3 (Reuters) - Togo and Benin agreed": the parser made the dateline
            # the subject and the real subject its apposition
            keep.extend(t for t in child.subtree if t.i not in skip and t.i not in dateline_ids)
            continue
        if child.i in skip:
            continue
        contains_date = any(t.i in skip for t in child.subtree)
        if not contains_date:
            if child.dep_ in DROP_DEPS or child.dep_ == "mark":
                continue
            if child.i < subject_at and child.dep_ in {"prep", "advmod", "npadvmod", "intj"}:
                continue  # sentence adverbials before the subject: "In a now deleted post, ..."
        keep.extend(pruned_subtree(child, skip, keep_appos=subject_at < 0))
    return sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)


def pruned_subtree(tok: Token, skip: set[int], *, keep_appos: bool = False) -> list[Token]:
    """A dependent's words, without appositions and side remarks that do not hold the date."""
    out: list[Token] = []
    dropped_commas: set[int] = set()
    side = {"parataxis", "advcl"} if keep_appos else {"appos", "parataxis", "advcl"}
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in skip:
            continue
        aside = t.dep_ in side or (  # "The company, which makes gases, was founded"
            t.dep_ in {"relcl", "acl"}  # "Wipro, based in Bengaluru, India, delivered"
            and t.left_edge.i > 0
            and t.doc[t.left_edge.i - 1].text == ","
            and (t.dep_ == "relcl" or t.tag_ in {"VBN", "VBG"})
        )
        if (
            t.i != tok.i
            and aside
            and not any(x.i in skip for x in t.subtree)
            and not (t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.pos_ == "NOUN")
        ):  # "the Nigerian chemist, Dr Funmilayo Adebayo": the name stays
            # the commas around an apposition go with it
            for k in (t.left_edge.i - 1, t.right_edge.i + 1):
                if 0 <= k < len(t.doc) and t.doc[k].text in PAUSES:
                    dropped_commas.add(k)
            continue
        out.append(t)
        stack.extend(t.children)
    return [t for t in out if t.i not in dropped_commas]
