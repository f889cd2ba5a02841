"""The event a time expression dates: ``CLAUSE_STEPS`` cut it from the parse, in this order.

Each step reads and writes one ``Clause`` (the word dated, the tokens kept, the tokens left
out); a step that recognises the whole event sets ``Clause.text`` and the later steps do not
run. The rest are rendered at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..dates import (
    REPORTING_VERBS,
    TimeExpression,
    day_beside,
    doc_text,
    inside_quotation,
    quoted_verb_after,
)
from ..lexicon import SUBJECT_DEPS
from .filters import clause_a_time_noun_names, in_an_interview_turn, names_a_vote, passing_time
from .phrase import (
    anchor,
    clause_tokens,
    content_words,
    dateline_tokens,
    in_sent,
    left_subject,
    main_verb,
    noun_before,
    noun_phrase,
    noun_phrase_with,
    reported_subject,
    thing_placed,
)
from .render import render

TEMPORAL_PREPS = {"since", "after", "before", "until", "till", "following", "prior"}
NOMINAL = {"PROPN", "NOUN", "DET", "CCONJ", "ADJ", "PART", "NUM", "PRON"}


@dataclass
class Clause:
    expr: TimeExpression
    sent: Span
    tok: Token  # the word the expression dates (a verb after main_verb)
    skip: set[int]  # the expression, its preposition, the dateline
    quoted: set[int] = field(default_factory=set)  # quotations its reporting verb frames
    dateline: set[int] = field(default_factory=set)
    tokens: list[Token] = field(default_factory=list)
    gap_commas: bool = True
    relative: list[Token] = field(default_factory=list)  # "which"/"that" subjects
    text: str | None = None  # set by a step that finishes the event
    rule: str = "verb_clause"

    def finish(self, text: str, rule: str) -> None:
        self.text, self.rule = text, rule

    def ordered(self) -> list[Token]:
        return sorted({t.i: t for t in self.tokens}.values(), key=lambda t: t.i)


# ============================================================================ steps
def noun_events(c: Clause) -> None:
    """Climb from a noun to the clause, unless the noun phrase is itself the dated event:
    "since the break-up of the federation in 1992" (a noun after a temporal preposition), or a
    subject of four content words or more. A vote a turn of an interview names by its year
    ("do you expect to win in the 2020 election?") is the event: the speakers' own words
    around it are no happening."""
    if names_a_vote(c.expr) and in_an_interview_turn(c.expr, c.sent):
        c.finish(render(noun_phrase(c.expr.span.root.head, c.skip), c.sent), "vote_in_interview")
        return
    if names_a_vote(c.expr) and day_beside(c.expr.span):
        c.finish(render(noun_phrase(c.expr.span.root.head, c.skip), c.sent), "vote_beside_a_day")
        return
    tok = c.tok
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            break
        if tok.pos_ in {"NOUN", "PROPN"} and _noun_event(c, tok):
            return
        if tok.head.i == tok.i or not in_sent(tok.head, c.sent):
            break
        tok = tok.head
    c.tok = main_verb(tok, c.expr, c.sent)


def _noun_event(c: Clause, tok: Token) -> bool:
    governor = tok.head if tok.dep_ == "pobj" else None
    if governor is not None and governor.lower_ in TEMPORAL_PREPS:
        phrase = render(noun_phrase(tok, c.skip), c.sent)
        if any(ch.isalpha() for ch in phrase):
            c.finish(phrase, "temporal_noun_phrase")
            return True
    if len(content_words(tok.subtree, c.skip)) >= 4 and tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
        c.finish(render(noun_phrase(tok, c.skip), c.sent), "noun_phrase_subject")
        return True
    return False


def participle_dates_clause(c: Clause) -> None:
    """ "began making the chemicals used in chipmaking three years ago", "Over the past
    decade, the area burned each year has doubled": a date after the participle's own
    phrase, or before its noun, dates the clause, not the participle ("those born after
    1991")."""
    tok, expr = c.tok, c.expr
    if not (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and (
            any(tok.i < t.i < expr.span.start and t.i not in c.skip for t in tok.subtree)
            or expr.span.end <= tok.head.left_edge.i
        )
    ):
        return
    up = tok.head
    while up.pos_ not in {"VERB", "AUX"} and up.head.i != up.i and in_sent(up.head, c.sent):
        up = up.head
    if up.pos_ in {"VERB", "AUX"} and in_sent(up, c.sent):
        c.tok = up


def quoted_date_hung_outside(c: Clause) -> None:
    """'posting at 1 am, "Tonight, we tested positive"': a date inside a quotation that the
    parser hung on a word before it dates the quotation's verb."""
    text = doc_text(c.sent.doc)
    if inside_quotation(text, c.expr.start_char) and not inside_quotation(text, c.tok.idx):
        c.tok = quoted_verb_after(c.expr.span[-1], text) or c.tok


def reporting_verb(c: Clause) -> None:
    """A date outside a quotation that the parser hung on a verb inside it dates the
    reporting verb ("'We will ...,' Smith said in a statement on Tuesday" -> "Smith said in a
    statement"); the quotation before a reporting verb is not part of the event ("X said
    'nothing is ruled out'" keeps it)."""
    text = doc_text(c.sent.doc)
    if inside_quotation(text, c.expr.start_char):
        return
    if inside_quotation(text, c.tok.idx):
        reporting = [
            t
            for t in c.sent
            if t.pos_ == "VERB"
            and t.lemma_ in REPORTING_VERBS
            and not inside_quotation(text, t.idx)
        ]
        if reporting:
            c.tok = min(reporting, key=lambda t: abs(t.i - c.expr.span.start))
            c.quoted = {t.i for t in c.sent if inside_quotation(text, t.idx)}
    if c.tok.lemma_ in REPORTING_VERBS and not inside_quotation(text, c.tok.idx):
        for child in c.tok.children:
            words = [t for t in child.subtree if not t.is_punct]
            if (
                child.dep_ in {"ccomp", "parataxis", "dobj"}
                and child.i < c.tok.i
                and all(inside_quotation(text, t.idx) for t in words)
            ):
                c.quoted |= {t.i for t in child.subtree}


def fronted_participle(c: Clause) -> None:
    """ "Asked about it on Wednesday, the minister declined": the minister was asked."""
    tok = c.tok
    if (
        tok.dep_ == "advcl"
        and tok.left_edge.i == c.sent.start
        and tok.tag_ in {"VBN", "VBG"}
        and not any(ch.dep_ in SUBJECT_DEPS for ch in tok.children)
        and tok.head.pos_ in {"VERB", "AUX"}
        and in_sent(tok.head, c.sent)
    ):
        c.tok = tok.head


def period_passing(c: Clause) -> None:
    """ "As the month came to a close, the lead narrowed": a period passing in an "as" clause
    is the time of the main clause ("the lead narrowed"), the "as" clause no part of it."""
    tok = c.tok
    if (
        c.expr.span.root.dep_ == "nsubj"
        and c.expr.span.root.head.i == tok.i
        and tok.dep_ == "advcl"
        and passing_time(tok)
        and in_sent(tok.head, c.sent)
    ):
        c.skip |= {t.i for t in tok.subtree}
        c.tok = tok.head


def clause_of_a_time_noun(c: Clause) -> None:
    """ "The last time I played for the club was 2015" -> "I played for the club": a date
    "be" gives to a time noun with its own relative clause dates that clause."""
    root = c.expr.span.root
    if root.dep_ != "attr" or root.head.i != c.tok.i:
        return
    verb = clause_a_time_noun_names(c.tok)
    if verb is not None and in_sent(verb, c.sent):
        c.tok = verb


def verb_with_arguments(c: Clause) -> None:
    """The verb with its subject, objects and complements, without sentence adverbials,
    subordinate clauses that do not contain the date, the date and its preposition; after a
    wire dateline, the words between it and the verb are the subject ("ACCRA, June 3
    (Reuters) - Togo and Benin agreed")."""
    c.dateline = dateline_tokens(c.sent)
    c.tokens = [
        t for t in clause_tokens(c.tok, c.skip, dateline_ids=c.dateline) if t.i not in c.quoted
    ]
    if not c.dateline:
        return
    kept = {x.i for x in c.tokens}
    between = [t for t in c.sent if max(c.dateline) < t.i < c.tok.i]
    if (
        between
        and not any(t.i in kept for t in between)
        and all(t.pos_ in NOMINAL or t.text == "," for t in between)
    ):
        c.tokens = between + c.tokens


def relative_clause_noun(c: Clause) -> None:
    """ "the meeting, which was first proposed in 2019" -> "the meeting was first proposed";
    "a company that officials say could produce ... by 2028" takes the noun the relative
    pronoun stands for; a relative clause the parser hung on a place is about the thing
    placed ("a plant in Kumamoto, Japan, which opened in 2019" -> "a plant in Kumamoto, Japan
    opened")."""
    tok, sent = c.tok, c.sent
    c.relative = [ch for ch in tok.children if ch.dep_ in SUBJECT_DEPS and ch.tag_ in {"WDT", "WP"}]
    rel_clause = tok.head if tok.dep_ == "ccomp" and tok.head.dep_ == "relcl" else tok
    antecedent = None
    if rel_clause.dep_ == "relcl" and c.relative and in_sent(rel_clause.head, sent):
        antecedent = thing_placed(rel_clause.head, sent)
    elif c.relative and c.relative[0].i > sent.start:
        antecedent = noun_before(c.relative[0], sent)  # the parser lost the clause's noun
    if antecedent is None:
        return
    pronoun = c.relative[0].i
    c.tokens = noun_phrase_with(antecedent, rel_clause, c.skip) + [
        t for t in c.tokens if t.i != pronoun
    ]
    c.finish(render(c.ordered(), sent, gap_commas=False), "relative_clause_noun")


def missing_subject(c: Clause) -> None:
    """ "He was jailed in 2015 and released this week": a conjunct shares the subject (and
    auxiliaries, unless it has its own: "it was ready and would offer", never "was would
    offer"); a subject-less clause takes the noun phrase right before it."""
    tok = c.tok
    if any(ch.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for ch in tok.children):
        return
    if tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"}:
        shared = [ch for ch in tok.head.children if ch.i < tok.head.i and _shared(ch, tok)]
        c.tokens = [t for ch in shared for t in ch.subtree if t.i not in c.skip] + c.tokens
        c.gap_commas = False  # "Prices ... fell", not "Prices, fell"
    elif tok.dep_ != "acl" and c.tokens:
        c.tokens = left_subject(c.tokens[0], c.sent) + c.tokens


def _shared(ch: Token, tok: Token) -> bool:
    """A finite verb takes the subject, not the auxiliary ("Prices have risen ... and fell")."""
    return ch.dep_ in SUBJECT_DEPS or (
        ch.dep_ in {"aux", "auxpass"}
        and tok.tag_ in {"VBN", "VB", "VBG"}
        and not any(a.dep_ in {"aux", "auxpass"} for a in tok.children)
    )


def participle_noun(c: Clause) -> None:
    """ "those born after 1991", "a mission deployed in January": the noun belongs to the
    event; a parenthetical participle is a passive clause of its noun ("VinaVolt, founded in
    2017, makes ..." -> "VinaVolt was founded")."""
    tok, sent = c.tok, c.sent
    if tok.dep_ != "acl" or not in_sent(tok.head, sent):
        return
    noun = tok.head
    while noun.dep_ == "appos" and in_sent(noun.head, sent):
        noun = noun.head
    subject = noun_phrase_with(noun, tok, c.skip)
    if (
        tok.tag_ == "VBN"
        and subject
        and sent.start < tok.i
        and tok.doc[tok.i - 1].text == ","
        and noun.pos_ in {"NOUN", "PROPN"}
    ):
        be = "were" if noun.tag_ in {"NNS", "NNPS"} else "was"
        rest = [t for t in c.tokens if t.i >= tok.i]
        c.finish(
            f"{render(subject, sent)} {be} {render(rest, sent)}".strip(), "parenthetical_participle"
        )
        return
    c.tokens = subject + c.tokens


def relative_pronoun_first(c: Clause) -> None:
    """ "a new office in Lagos, which it plans to staff by next year": the relative pronoun
    stands for a noun; the clause keeps it, after the noun."""
    c.tokens = c.ordered()
    if not c.tokens or c.tokens[0].tag_ not in {"WDT", "WP", "WP$"}:
        return
    relcl = c.tokens[0].head
    for _ in range(4):
        if relcl.dep_ == "relcl" or relcl.head.i == relcl.i:
            break
        relcl = relcl.head
    if relcl.dep_ == "relcl" and in_sent(relcl.head, c.sent):
        noun = thing_placed(relcl.head, c.sent)
        c.tokens = noun_phrase_with(noun, relcl, c.skip) + c.tokens
        c.tokens = c.ordered()


def fragment(c: Clause) -> None:
    """A fragment with no one doing anything ("starting", "to take place") takes its clause
    or the noun it hangs from ("The handover, due to take place")."""
    tok, sent = c.tok, c.sent
    if not c.tokens or c.tokens[0].tag_ not in {"VBG", "VB", "VBN", "TO"} or tok.dep_ == "acl":
        return
    up = tok.head
    for _ in range(4):
        if up.pos_ in {"VERB", "AUX", "NOUN", "PROPN"} or up.head.i == up.i:
            break
        up = up.head
    if up.i == tok.i or not in_sent(up, sent) or up.i in c.skip:
        return
    if up.pos_ in {"VERB", "AUX"}:
        c.tokens = [
            t
            for t in clause_tokens(up, c.skip, dateline_ids=dateline_tokens(sent))
            if t.i not in c.quoted
        ]
    elif up.pos_ in {"NOUN", "PROPN"}:
        c.tokens = noun_phrase_with(up, tok, c.skip) + c.tokens
        c.tokens = c.ordered()


def reported_pronoun(c: Clause) -> None:
    """ "Farmer Ana Smith said he had sold 400 ewes last month" -> "Ana Smith had sold 400
    ewes"; "The company said it had shipped 2,000 panels in May" -> "The company had shipped
    2,000 panels" (not "he" after "Ms", not "it" after a role noun like "the minister")."""
    reporter = reported_subject(c.tok, c.tokens, c.sent)
    if reporter is None:
        return
    pronoun, name = reporter
    rest = render([t for t in c.tokens if t.i != pronoun.i], c.sent, gap_commas=c.gap_commas)
    c.finish(f"{name} {rest}".strip(), "reported_pronoun")


ClauseStep = Callable[[Clause], None]
CLAUSE_STEPS: tuple[ClauseStep, ...] = (
    noun_events,
    participle_dates_clause,
    quoted_date_hung_outside,
    reporting_verb,
    fronted_participle,
    period_passing,
    clause_of_a_time_noun,
    verb_with_arguments,
    relative_clause_noun,
    missing_subject,
    participle_noun,
    relative_pronoun_first,
    fragment,
    reported_pronoun,
)


def event_clause(expr: TimeExpression, sent: Span) -> tuple[str, str]:
    """(the event's text, the step that cut it) for a time expression in its sentence."""
    head, skip = anchor(expr, sent)
    c = Clause(expr, sent, head, skip)
    for step in CLAUSE_STEPS:
        step(c)
        if c.text is not None:
            return c.text, c.rule
    return render(c.tokens, sent, gap_commas=c.gap_commas), c.rule
