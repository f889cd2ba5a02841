"""Dated events: each time expression with the short clause it dates.

For every time expression (``dates.find_time_expressions``) the event is the clause the
expression modifies, cut from the dependency parse:

- attached to a verb ("Mr Putin declared more than 20 years ago that ..."): the verb with its
  subject, objects and complements, without sentence adverbials, subordinate clauses that do
  not contain the date, the date itself and its preposition;
- attached to a noun governed by a temporal preposition ("Since the dissolution of the USSR in
  1991, Russia has sought ..."): that noun phrase ("the dissolution of the USSR"), since the date
  dates it, not the main clause;
- attached to a short noun phrase inside a clause ("In a speech last week, X described ..."):
  the clause.

Clean-up and filters:

- a time expression inside a quotation is a speaker's remark ("'Five years ago, nobody came'",
  "'Waiting until November is not an option'", "'Today it is signed'"), not an event (seed.json
  counts none), unless it is a past fact with its own calendar date or decade whose subject is
  a named third party ("'The council signed it on 3 May 2019'"); the speaker's own account
  ("'We signed it in 2015'", "I", "you", "it", "they") and "today"/"yesterday" stay remarks;
- a dated clause reported by a verb of saying is the event, and a pronoun subject that stands
  for the one who says it takes that name: "Farmer Ana Smith said he had sold 400 ewes last
  month" -> "Ana Smith had sold 400 ewes", "The company said it had shipped 2,000 panels in
  May" -> "The company had shipped 2,000 panels" (not "he" after "Ms", not "it" after a role
  noun like "the minister");
- amounts and states are statistics, not happenings (``_statistic``): a state verb with an
  amount ("30,000 workers were employed last year", "trade was worth $1.8bn"), an amount over
  a period ("killed more than 1,750 people over the following year", "burned 40,000 hectares
  since Friday"), a multiplying verb since a baseline ("income has tripled since 2018"), and a
  measured figure for a period coarser than a day ("Output fell 2% last year", "Thailand
  produced 1.8 million vehicles last year", "2,100 patients waited longer than 12 hours in
  October": a measuring verb with a figure as subject, object, or after "to"/"by"; "shares
  fell 12% on Tuesday" and "a house was sold last week for 2 million euros" stay events; a
  transaction verb (sell, ship, export, produce, ...) is a statistic only for a country or an
  economy: "the company had shipped 2,000 panels in May" is an event);
  a state since a time ("has been a problem since the 1990s": "be"/"remain" with a
  complement) is not a happening either. seed.json counts no statistic;
- a date after a participle's own phrase, or before its noun, dates the clause ("began making
  chemicals used in chipmaking three years ago"); a relative clause between commas is left out
  of a subject ("The company, which makes gases, was founded"), and "that officials say could
  produce ... by 2028" takes the noun the relative pronoun stands for; a relative clause the
  parser hung on a place is about the thing placed ("a plant in Kumamoto, Japan, which opened
  in 2019" -> "a plant in Kumamoto, Japan opened"), an object relative keeps its noun ("a
  branch, which it hopes to staff ..."), and a parenthetical participle is a passive clause of
  its noun ("VinaVolt, founded in 2017, makes ..." -> "VinaVolt was founded");
- a wire dateline ("LAGOS, March 12 (Reuters) - ", "SEOUL/TOKYO, May 14 (Reuters) -",
  "GUWAHATI: ", "Guwahati, Aug 14 (IANS)"; see ``sentences.dateline``) is never an event, and when the parser made
  it the subject, the real subject ("Nigeria and Ghana") is kept;
- replies that did not happen ("did not respond to a request for comment on Wednesday",
  "declined to comment") are not events;
- a date outside a quotation that the parser hung on a verb inside it dates the reporting verb
  ("'We will ...,' Smith said in a statement on Tuesday" -> "Smith said in a statement");
- a participle clause opening the sentence takes the main clause ("Asked about it on
  Wednesday, the minister said ..."), and a fragment with no one doing anything ("starting",
  "to take place") takes its clause or the noun it hangs from ("The handover, due to take place");
- the subject noun phrase stays whole and in token order: a participle or relative clause
  between commas is left out of it ("Wipro, based in Bengaluru, India, delivered" -> "Wipro
  delivered"), a conjunct with its own modal does not take the other conjunct's auxiliary
  ("it was ready and would offer" -> "would offer", never "was would offer"), and a verb
  particle stays ("its fuel runs out");
- the name in an apposition of a role stays ("founded by the Nigerian chemist, Dr X"); a
  parenthesis emptied by the cut goes ("45C ( )"); "late"/"early" before "on Tuesday" go with
  the date.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from .dates import (
    REPORTING_VERBS,
    TimeExpression,
    doc_text,
    find_time_expressions,
    inside_quotation,
    tense_of,
)
from .facts import DatedEvent
from .geo import is_country
from .lexicon import OFFICE_TITLES, PERSON_ROLE_NOUNS
from .sentences import dateline, evidence_sentences, sentence_index

ROLE_WORDS = {w.lower() for w in OFFICE_TITLES | PERSON_ROLE_NOUNS} | {"mr", "mrs", "ms", "dr"}
TEMPORAL_PREPS = {"since", "after", "before", "until", "till", "following", "prior"}
# Dependents that do not belong to the event clause of their head verb.
DROP_DEPS = {
    "mark",
    "cc",
    "punct",
    "advcl",
    "conj",
    "parataxis",
    "discourse",
    "intj",
    "preconj",
    "meta",
}
MAX_TOKENS = 30


def extract_dated_events(doc: Doc, *, published: date | None) -> list[DatedEvent]:
    """Every time expression of the article with the event it dates and its normalised date."""
    sentences = evidence_sentences(doc)
    sent_of = sentence_index(doc, sentences)
    out: list[DatedEvent] = []
    seen: set[tuple[int, int]] = set()
    for expr in find_time_expressions(doc, published=published):
        n = sent_of[expr.span.start]
        if n < 0:
            continue
        sent = sentences[n]
        if expr.span.root.dep_ in {"nsubj", "nsubjpass", "attr"}:
            continue  # "The next day was quiet", "2022 was hard": the date is the topic, not a time
        if (expr.start_char, expr.end_char) in seen:
            continue
        seen.add((expr.start_char, expr.end_char))
        dateline = _dateline(sent)
        if all(t.i in dateline for t in expr.span):
            continue  # "LAGOS, March 12 (Reuters) -": when the story was filed, not an event
        if inside_quotation(doc_text(doc), expr.span.start_char) and not _quoted_fact(expr):
            continue  # "'Five years ago, nobody came,' she said": a speaker's remark, not a fact
        if _statistic(expr, sent):
            continue  # "30,000 workers were employed last year": an amount, not a happening
        event = _event_clause(expr, sent)
        if not any(c.isalpha() for c in event):
            continue  # a bare date ("2014" as a heading) dates nothing
        if _NO_COMMENT.search(event):
            continue  # "did not respond to a request for comment on Wednesday": nothing happened
        out.append(
            DatedEvent(
                event=event,
                when=expr.when,
                date=expr.date,
                evidence=sent.text,
                evidence_start=sent.start_char,
                evidence_end=sent.end_char,
            )
        )
    return out


_EXPLICIT_DATE = re.compile(
    r"\b(?:1[0-9]{3}|20[0-9]{2})(?:s\b|\b)|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
)


def _quoted_fact(expr: TimeExpression) -> bool:
    """A date inside a quotation is an event only when it is a plain fact of the past with its
    own calendar date, decade or day ("'We signed it on 3 May 2019'", "'We signed it today'",
    "'We lost a generation of jobs in the 1980s'"); "five years ago", "over the last two
    decades", "until November" in a speaker's mouth are remarks, not dated events."""
    if not _EXPLICIT_DATE.search(expr.when) or tense_of(expr.span.root) != "past":
        return False
    verb = expr.span.root
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    # "'We signed it in 2015,' she said": the speaker's own account, not a fact the article states
    return bool(subjects) and not any(c.lower_ in _SPEAKER_PRONOUNS for c in subjects)


_SPEAKER_PRONOUNS = {"i", "we", "you", "it", "they", "this", "that", "there"}


_DAY_WORD = re.compile(
    r"^(?:today|yesterday|tonight|last night|(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.I,
)


# Verbs that state an amount or a state, not a happening ("were employed", "was worth", "earn").
STATIVE_VERBS = {
    "be", "employ", "earn", "cost", "total", "number", "account", "remain", "stand", "average",
    "represent", "amount", "have", "own", "count",
}  # fmt: skip
# Verbs that are themselves an amount of change ("income has tripled since 2018"); "demand has
# grown since 2010" (no amount) stays a dated trend.
CHANGE_VERBS = {"double", "triple", "treble", "quadruple", "halve", "multiply"}
# Verbs that measure a quantity ("output fell 2%", "produced 1.8 million vehicles", "2,100
# patients waited"): with a figure, over a period coarser than a day, they report a statistic.
MEASURE_VERBS = {
    "rise", "fall", "grow", "shrink", "increase", "decrease", "decline", "drop", "climb", "jump",
    "surge", "slump", "plunge", "soar", "slip", "dip", "gain", "produce", "export", "import",
    "sell", "ship", "generate", "post", "record", "reach", "wait", "attract", "receive",
    "contract", "expand", "lose", "spend", "consume", "register", "handle", "log", "rose",
    "fell", "grew",
}  # fmt: skip
# Verbs that are a deal of one agent ("the company had shipped 2,000 panels in May", "he had
# sold 400 ewes last month"): a statistic only when a country or an economy does them.
TRANSACTION_VERBS = {"sell", "ship", "export", "import", "produce", "spend", "handle", "receive"}
_AGGREGATE_NOUNS = {
    "country", "nation", "economy", "industry", "sector", "region", "state", "province",
    "market", "world", "farmers", "firms", "companies", "producers", "exporters", "factories",
}  # fmt: skip


def _aggregate_subject(verb: Token) -> bool:
    """ "Thailand produced 1.8 million vehicles", "the sector exported ...": a country or an
    economy as the subject makes a transaction verb a statistic."""
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return (
                c.ent_type_ in {"GPE", "LOC", "NORP"}
                or c.lower_ in _AGGREGATE_NOUNS
                or is_country(c.text)  # the small model tags some countries ORG
            )
    return True  # no subject: "exports rose", a figure on its own


_DAY_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD_WHEN = re.compile(
    r"^(?:since|over|during|throughout|in the (?:past|last)|the (?:past|last)|for)\b", re.I
)
_AMOUNT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "acomp", "oprd", "pobj"}


def _figure(t: Token) -> bool:
    """An amount written with digits or as money/percent ("2.1%", "$1.8bn", "1,750")."""
    if t.is_punct:
        return False
    return t.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"} or (
        (t.ent_type_ == "CARDINAL" or t.pos_ == "NUM")
        and t.ent_type_ != "DATE"
        and any(c.isdigit() for c in t.text)
    )


def _statistic(expr: TimeExpression, sent: Span) -> bool:
    """An amount over a period or a state, not a happening at a time: a state verb with an
    amount ("30,000 workers were employed in the mines last year", "trade was worth $1.8bn"),
    or a period ("since 2018", "over the following year") of a changing or counted amount
    ("income has tripled since 2018", "killed more than 1,750 people over the following
    year"). "Since 2018" is a baseline: it would date the change to 2018, when it did not
    happen. "The economy grew 3.4% last year" (a change at a time), "demand has grown since
    2010" (a trend with no amount) and "over the past decade, prices have doubled" (a change
    within the period, with no false date) stay events."""
    verb = expr.span.root
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or not _in_sent(verb, sent):
        return False
    inside = {t.i for t in expr.span}
    amount = any(
        t.i not in inside and _figure(t)
        for child in verb.children
        if child.dep_ in _AMOUNT_DEPS or child.dep_ == "prep"
        for t in child.subtree
        if not t.is_punct
    )
    lemma = verb.lemma_.lower()
    period = (
        bool(_PERIOD_WHEN.match(expr.when))
        or expr.when.lower().startswith("the following")
        and expr.span.root.head.lower_ in {"over", "during", "throughout"}
    )
    if lemma in STATIVE_VERBS and amount:
        return True
    since = expr.when.lower().startswith("since")
    measured = any(
        t.i not in inside and _figure(t)
        for child in verb.children
        if child.dep_ in _AMOUNT_DEPS - {"pobj"}
        or (child.dep_ == "prep" and child.lower_ in {"to", "by"})  # "rose to $4bn", "fell by 2%"
        for t in child.subtree
    )  # not a price: "a house was sold last week for 2 million euros" is a sale
    day = bool(expr.date and _DAY_DATE.match(expr.date)) or bool(_DAY_WORD.search(expr.when))
    if (
        measured
        and not day
        and (lemma in MEASURE_VERBS or verb.lower_ in MEASURE_VERBS)
        and (lemma not in TRANSACTION_VERBS or _aggregate_subject(verb))
    ):
        # "Output fell 2% last year", "Thailand produced 1.8 million vehicles last year": a
        # measured figure for a period; "shares fell 12% on Tuesday" (a day) stays an event
        return True
    if (
        since
        and lemma in {"be", "remain"}
        and any(c.dep_ in {"attr", "acomp"} for c in verb.children)
    ):
        return True  # "has been a problem for the NHS since the 1990s": a state, not a happening
    return period and (amount or (lemma in CHANGE_VERBS and since))


# Replies that did not happen are not events.
_NO_COMMENT = re.compile(
    r"\b(?:(?:did not|didn't|could not|couldn't|has not|hasn't|had not|not) (?:immediately )?"
    r"(?:respond|reply|return|comment|be reached)|declined to comment|no immediate comment"
    r"|request for comment)",
    re.I,
)


_NOMINAL = {"PROPN", "NOUN", "DET", "CCONJ", "ADJ", "PART", "NUM", "PRON"}


def _in_sent(tok: Token, sent: Span) -> bool:
    return sent.start <= tok.i < sent.end


def _dateline(sent: Span) -> set[int]:
    """Tokens of a wire dateline ("NAIROBI, Kenya (AP) — "), not part of any event."""
    found = dateline(sent)
    if found is None:
        return set()
    return {t.i for t in sent if t.idx < found.end_char}


def _anchor(expr: TimeExpression, sent: Span) -> tuple[Token, set[int]]:
    """The word the expression modifies, and the tokens to leave out (the expression + its prep)."""
    span = expr.span
    root = span.root
    skip = set(range(span.start, span.end)) | _dateline(sent)
    # a bounding preposition written with the date ("since 2012") goes with it
    skip |= {t.i for t in sent if expr.start_char <= t.idx < span.start_char}
    head = root.head
    # "in 2014", "since 1991": the preposition goes with the date
    if root.dep_ == "pobj" and head.pos_ in {"ADP", "SCONJ"} and _in_sent(head, sent):
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
    first = min(skip & set(range(sent.start, sent.end)) - _dateline(sent), default=span.start)
    k = first - 1
    if k >= sent.start and span.doc[k].lower_ in {"late", "early", "later", "earlier"}:
        skip.add(k)  # "late on Tuesday": "late" goes with the date
    if head.i in skip or not _in_sent(head, sent):
        head = root
    return head, skip


def _event_clause(expr: TimeExpression, sent: Span) -> str:
    head, skip = _anchor(expr, sent)
    # Climb from a noun to the clause, unless the noun phrase is itself the dated event.
    tok = head
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            break
        if tok.pos_ in {"NOUN", "PROPN"}:
            governor = tok.head if tok.dep_ == "pobj" else None
            if governor is not None and governor.lower_ in TEMPORAL_PREPS:
                phrase = _render(_noun_phrase(tok, skip), sent)
                if any(c.isalpha() for c in phrase):
                    return phrase  # "since the dissolution of the USSR in 1991"
            if len(_content(tok.subtree, skip)) >= 4 and tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
                return _render(_noun_phrase(tok, skip), sent)
        if tok.head is tok or not _in_sent(tok.head, sent):
            break
        tok = tok.head
    tok = _main_verb(tok, expr, sent)
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and (
            any(tok.i < t.i < expr.span.start and t.i not in skip for t in tok.subtree)
            or expr.span.end <= tok.head.left_edge.i
        )
    ):
        # "began making the chemicals used in chipmaking three years ago", "Over the past
        # decade, the area burned each year has doubled": a date after the participle's own
        # phrase, or before its noun, dates the clause, not the participle ("those born after
        # 1991")
        up = tok.head
        while up.pos_ not in {"VERB", "AUX"} and up.head is not up and _in_sent(up.head, sent):
            up = up.head
        if up.pos_ in {"VERB", "AUX"} and _in_sent(up, sent):
            tok = up
    text = doc_text(sent.doc)
    outside = not inside_quotation(text, expr.start_char)
    quoted: set[int] = set()  # a quotation is not part of the event its reporting verb dates
    if outside and inside_quotation(text, tok.idx):
        # "'We will not ...,' Smith said in a statement on Tuesday": the date is the statement's
        reporting = [
            t
            for t in sent
            if t.pos_ == "VERB"
            and t.lemma_ in REPORTING_VERBS
            and not inside_quotation(text, t.idx)
        ]
        if reporting:
            tok = min(reporting, key=lambda t: abs(t.i - expr.span.start))
            quoted = {t.i for t in sent if inside_quotation(text, t.idx)}
    if outside and tok.lemma_ in REPORTING_VERBS and not inside_quotation(text, tok.idx):
        for child in tok.children:  # "'We will not let them down,' Smith said ... on Tuesday"
            words = [t for t in child.subtree if not t.is_punct]
            if (
                child.dep_ in {"ccomp", "parataxis", "dobj"}
                and child.i < tok.i
                and all(inside_quotation(text, t.idx) for t in words)
            ):  # a quotation before its reporting verb; "X said 'nothing is ruled out'" stays
                quoted |= {t.i for t in child.subtree}
    if (
        tok.dep_ == "advcl"
        and tok.left_edge.i == sent.start
        and tok.tag_ in {"VBN", "VBG"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        and tok.head.pos_ in {"VERB", "AUX"}
        and _in_sent(tok.head, sent)
    ):
        tok = (
            tok.head
        )  # "Asked about it on Wednesday, the minister declined": the minister was asked
    dateline = _dateline(sent)
    tokens = [t for t in _clause(tok, skip, dateline=dateline) if t.i not in quoted]
    if dateline:
        # "LAGOS, March 12 (Reuters) - Nigeria and Ghana signed": whatever the parser hung the
        # words between the dateline and the verb on, they are the verb's subject
        between = [t for t in sent if max(dateline) < t.i < tok.i]
        if (
            between
            and not any(t.i in {x.i for x in tokens} for t in between)
            and all(t.pos_ in _NOMINAL or t.text == "," for t in between)
        ):
            tokens = between + tokens
    relative = [
        c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"}
    ]
    rel_clause = tok
    if tok.dep_ == "ccomp" and tok.head.dep_ == "relcl":
        rel_clause = tok.head  # "a company that officials say could produce ... by 2028"
    antecedent = None
    if rel_clause.dep_ == "relcl" and relative and _in_sent(rel_clause.head, sent):
        antecedent = _thing_placed(rel_clause.head, sent)
    elif relative and relative[0].i > sent.start:
        antecedent = _noun_before(relative[0], sent)  # the parser lost the relative clause's noun
    if antecedent is not None:
        # "the meeting, which was first proposed in 2019" -> "the meeting was first proposed"
        tokens = _noun_phrase_with(antecedent, rel_clause, skip) + [
            t for t in tokens if t.i != relative[0].i
        ]
        return _render(
            sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i), sent, gap_commas=False
        )
    gap_commas = True
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in tok.children)
    if not has_subject and tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"}:
        # "He was jailed in 2015 and released this week": the subject (and auxiliaries) are shared
        shared = [
            c
            for c in tok.head.children
            if c.i < tok.head.i
            and (
                c.dep_ in {"nsubj", "nsubjpass"}
                or (
                    c.dep_ in {"aux", "auxpass"}
                    and tok.tag_ in {"VBN", "VB", "VBG"}
                    and not any(a.dep_ in {"aux", "auxpass"} for a in tok.children)
                )  # "it was ... and would offer": not "it was would offer"
            )
        ]  # "Prices have risen ... and fell": a finite verb takes the subject, not the auxiliary
        tokens = [t for c in shared for t in c.subtree if t.i not in skip] + tokens
        gap_commas = False  # "Prices ... fell", not "Prices, fell"
    elif not has_subject and tok.dep_ != "acl" and tokens:
        tokens = _left_subject(tokens[0], sent) + tokens
    if tok.dep_ == "acl" and _in_sent(tok.head, sent):
        # "those born after 1991", "a mission deployed in January": the noun belongs to the event
        noun = tok.head
        while noun.dep_ == "appos" and _in_sent(noun.head, sent):
            noun = noun.head
        subject = _noun_phrase_with(noun, tok, skip)
        if (
            tok.tag_ == "VBN"
            and subject
            and sent.start < tok.i
            and tok.doc[tok.i - 1].text == ","
            and noun.pos_ in {"NOUN", "PROPN"}
        ):
            # "VinaVolt, founded in 2017, makes ...": a parenthetical participle is a passive
            # clause of its noun -> "VinaVolt was founded"
            be = "were" if noun.tag_ in {"NNS", "NNPS"} else "was"
            rest = [t for t in tokens if t.i >= tok.i]
            return f"{_render(subject, sent)} {be} {_render(rest, sent)}".strip()
        tokens = subject + tokens
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    if ordered and ordered[0].tag_ in {"WDT", "WP", "WP$"}:
        # "a new office in Lagos, which it plans to staff by next year": the relative pronoun
        # stands for a noun; the clause keeps it, after the noun
        relcl = ordered[0].head
        for _ in range(4):
            if relcl.dep_ == "relcl" or relcl.head is relcl:
                break
            relcl = relcl.head
        if relcl.dep_ == "relcl" and _in_sent(relcl.head, sent):
            noun = _thing_placed(relcl.head, sent)
            ordered = sorted(
                {t.i: t for t in _noun_phrase_with(noun, relcl, skip) + ordered}.values(),
                key=lambda t: t.i,
            )
    if ordered and ordered[0].tag_ in {"VBG", "VB", "VBN", "TO"} and tok.dep_ != "acl":
        # a fragment with no one doing anything ("starting", "to take place"): take the clause or
        # the noun it hangs from ("The handover, due to take place")
        up = tok.head
        for _ in range(4):
            if up.pos_ in {"VERB", "AUX", "NOUN", "PROPN"} or up.head is up:
                break
            up = up.head
        if up is not tok and _in_sent(up, sent) and up.i not in skip:
            if up.pos_ in {"VERB", "AUX"}:
                ordered = [
                    t for t in _clause(up, skip, dateline=_dateline(sent)) if t.i not in quoted
                ]
            elif up.pos_ in {"NOUN", "PROPN"}:
                ordered = sorted(
                    {t.i: t for t in _noun_phrase_with(up, tok, skip) + ordered}.values(),
                    key=lambda t: t.i,
                )
    reporter = _reported_subject(tok, ordered, sent)
    if reporter is not None:
        # "Farmer Ana Smith said he had sold 400 ewes last month" -> "Ana Smith had sold 400 ewes"
        pronoun, name = reporter
        rest = _render([t for t in ordered if t.i != pronoun.i], sent, gap_commas=gap_commas)
        return f"{name} {rest}".strip()
    return _render(ordered, sent, gap_commas=gap_commas)


_PERSON_PRONOUNS = {"he", "she"}
_THING_PRONOUNS = {"it"}
_TITLE_GENDER = {"he": {"ms", "mrs", "miss"}, "she": {"mr"}}  # titles the pronoun cannot be


def _reported_subject(verb: Token, ordered: list[Token], sent: Span) -> tuple[Token, str] | None:
    """A pronoun subject of a clause reported by a verb of saying, when it stands for the one who
    says it: "X said he had sold ..." (a person), "The company said it had shipped ..." (a
    thing). Returns the pronoun and the name to put in its place."""
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp":
        verb = verb.head  # "The bank said it was ready and would offer loans": a shared subject
    reporting = verb.head
    if not (
        verb.dep_ == "ccomp"
        and reporting.lemma_ in REPORTING_VERBS
        and _in_sent(reporting, sent)
        and ordered
    ):
        return None
    pronoun = ordered[0]
    if pronoun.head.i != verb.i or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    speaker = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.i > pronoun.i:
        return None
    if pronoun.lower_ in _PERSON_PRONOUNS and speaker.ent_type_ == "PERSON":
        titles = {t.lower_.rstrip(".") for t in speaker.subtree if t.i < speaker.i}
        if titles & _TITLE_GENDER.get(pronoun.lower_, set()):
            return None  # "Ms Diaz said he had ...": someone else
        words = [
            t
            for t in speaker.subtree
            if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.i <= speaker.i
        ]
        while words and words[0].lower_ in ROLE_WORDS:
            words = words[1:]  # "Farmer Ana Smith" -> "Ana Smith"
        name = " ".join(t.text for t in words)
        return (pronoun, name) if name else None
    plural = pronoun.lower_ == "they" and speaker.tag_ in {"NNS", "NNPS"}
    if (
        (pronoun.lower_ in _THING_PRONOUNS and speaker.tag_ in {"NN", "NNP"} or plural)
        and speaker.pos_ in {"NOUN", "PROPN"}
        and speaker.ent_type_ not in {"PERSON", "GPE"}
        and speaker.lower_ not in ROLE_WORDS  # "The minister said it ...": "it" is not the minister
    ):
        name = _render(sorted(_pruned_subtree(speaker, set()), key=lambda t: t.i), sent)
        if name and name[0].islower():
            name = name[0].upper() + name[1:]
        return (pronoun, name) if name else None
    return None


PAST_WORDS = {"recent", "last", "ago", "earlier", "yesterday", "previous", "past"}


def _main_verb(verb: Token, expr: TimeExpression, sent: Span) -> Token:
    """Climb from a verb that cannot be the one dated to the verb that is."""
    past = any(t.lower_ in PAST_WORDS for t in expr.span)
    for _ in range(6):
        head = verb.head
        if head is verb or not _in_sent(head, sent):
            return verb
        if verb.dep_ == "xcomp" and head.pos_ in {"VERB", "AUX"}:
            verb = head  # "was left waiting ... in 2014": the subject is the head's
            continue
        if (
            past
            and verb.tag_ in {"VBZ", "VBP", "VB"}
            and verb.dep_ in {"relcl", "acl", "xcomp", "advcl"}
        ):
            # "pipelines Kazakhstan uses to export oil that traverses Russian territory in recent
            # months": a present-tense subordinate verb is not what a past period dates
            up = head
            while up.pos_ not in {"VERB", "AUX"} and up.head is not up and _in_sent(up.head, sent):
                up = up.head
            if up.pos_ in {"VERB", "AUX"} and up is not verb:
                verb = up
                continue
        return verb
    return verb


def _thing_placed(noun: Token, sent: Span) -> Token:
    """ "a plant in Kumamoto, Japan, which opened in 2019": a relative clause the parser hung
    on the place of a thing is about the thing."""
    while noun.dep_ == "appos" and _in_sent(noun.head, sent):
        noun = noun.head
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and (noun.ent_type_ in {"GPE", "LOC", "FAC"} or noun.pos_ == "PROPN")
        and prep.lower_ in {"in", "at", "near", "outside"}
        and _in_sent(prep.head, sent)
    ):
        if prep.head.pos_ == "NOUN":
            return prep.head
        if prep.head.pos_ == "VERB":  # "open a branch in Accra, Ghana, which ..."
            for obj in prep.head.children:
                if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and obj.i < prep.i:
                    return obj
    return noun


def _noun_before(pronoun: Token, sent: Span) -> Token | None:
    """The noun right before ", which": the antecedent the parser did not attach."""
    k = pronoun.i - 1
    while k >= sent.start and pronoun.doc[k].is_punct:
        k -= 1
    if k < sent.start or pronoun.doc[k].pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = pronoun.doc[k]
    while noun.dep_ in {"compound", "flat"} and noun.head.i > noun.i and _in_sent(noun.head, sent):
        noun = noun.head
    return _thing_placed(noun, sent)


def _left_subject(first: Token, sent: Span) -> list[Token]:
    """A subject-less clause ("... despite Mr Tokayev and his government being propped up"):
    the noun phrase right before it."""
    k = first.i - 1
    if k < sent.start:
        return []
    tok = first.doc[k]
    if tok.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return []
    while (
        tok.head is not tok
        and tok.head.pos_ in {"NOUN", "PROPN"}
        and tok.head.right_edge.i < first.i
        and _in_sent(tok.head, sent)
    ):
        tok = tok.head
    if tok.pos_ == "PRON" and tok.lower_ in {"it", "this", "that", "which", "who"}:
        return []
    return [t for t in tok.subtree if t.i < first.i]


def _noun_phrase_with(noun: Token, verb: Token, skip: set[int]) -> list[Token]:
    """The noun's phrase up to (not including) the verb's subtree, e.g. "The post-Soviet generation"."""
    inside = {t.i for t in verb.subtree}
    out = [t for t in noun.subtree if t.i not in inside and t.i not in skip and t.i < verb.i]
    while out and out[-1].is_punct:
        out.pop()
    return out


def _content(tokens, skip: set[int]) -> list[Token]:
    return [t for t in tokens if t.i not in skip and not t.is_punct and not t.is_stop]


def _noun_phrase(tok: Token, skip: set[int]) -> list[Token]:
    out = []
    for t in tok.subtree:
        if t.i in skip:
            continue
        out.append(t)
    return out


def _clause(verb: Token, skip: set[int], *, dateline: set[int] = frozenset()) -> list[Token]:
    """The verb with its arguments, without adverbial/subordinate clauses and the date."""
    keep: list[Token] = [] if verb.i in skip else [verb]
    subject_at = min(
        (c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), default=-1
    )
    for child in verb.children:
        if child.i in dateline and child.dep_ in {"nsubj", "nsubjpass"}:
            # "LAGOS, March 12 (Reuters) - Nigeria and Ghana signed": the parser made the dateline
            # the subject and the real subject its apposition
            keep.extend(t for t in child.subtree if t.i not in skip and t.i not in dateline)
            continue
        if child.i in skip:
            continue
        contains_date = any(t.i in skip for t in child.subtree)
        if not contains_date:
            if child.dep_ in DROP_DEPS or child.dep_ == "mark":
                continue
            if child.i < subject_at and child.dep_ in {"prep", "advmod", "npadvmod", "intj"}:
                continue  # sentence adverbials before the subject: "In a now deleted post, ..."
        keep.extend(_pruned_subtree(child, skip, keep_appos=subject_at < 0))
    return sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)


def _pruned_subtree(tok: Token, skip: set[int], *, keep_appos: bool = False) -> list[Token]:
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
            t is not tok
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


PAUSES = {",", "\u2014", "\u2013", ";"}


def _crosses_a_comma(gap: Span) -> bool:
    """A cut that crossed a comma keeps one, unless it removed a whole parenthesis (", X,")."""
    if not any(t.text in PAUSES for t in gap):
        return False
    return not (len(gap) > 1 and gap[0].text in PAUSES and gap[-1].text in PAUSES)


_OPENERS = {"\u201c", "\u2018"}
_CLOSERS = {"\u201d", "\u2019"}


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


def _render(tokens: list[Token], sent: Span, *, gap_commas: bool = True) -> str:
    if not tokens:
        return ""
    tokens = _with_opening_quotes([t for t in tokens if not t.is_space], sent)
    # trim leading/trailing punctuation and conjunctions
    while tokens and (
        tokens[0].is_punct or tokens[0].pos_ in {"CCONJ", "SCONJ"} or tokens[0].dep_ == "mark"
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        and tokens[-1].text not in {"\u201d", '"', "\u2019", ")", "%"}
        or (tokens[-1].pos_ in {"CCONJ", "ADP"} and tokens[-1].dep_ != "prt")
    ):  # "its fuel runs out": a particle stays
        tokens = tokens[:-1]
    if not tokens:
        return ""
    if len(tokens) > MAX_TOKENS:
        tokens = tokens[:MAX_TOKENS]
    parts: list[str] = []
    for k, t in enumerate(tokens):
        parts.append(t.text)
        if k + 1 < len(tokens):
            nxt = tokens[k + 1]
            if nxt.i == t.i + 1:
                parts.append(t.whitespace_)
            elif (
                gap_commas
                and _crosses_a_comma(t.doc[t.i + 1 : nxt.i])
                and not nxt.is_punct
                and not t.is_punct
            ):
                parts.append(", ")  # a cut that crossed a comma keeps one
            else:
                parts.append(" ")
    text = "".join(parts).strip()
    # unbalanced quote marks left by the cut
    for open_, close in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        if text.count(open_) > text.count(close) and text.endswith(open_):
            text = text[:-1].rstrip()
    text = re.sub(r"\s*[(\[]\s*[,;:]?\s*[)\]]", "", text)  # a parenthesis emptied by the cut
    if text.count("(") > text.count(")"):
        text = re.sub(r"\s*\([^()]*$", "", text)
    text = text.replace(" ,", ",").replace(",,", ",").strip(" ,;:-\u2014")
    for open_, close in (("\u201c", "\u201d"), ('"', None)):
        if close and text.count(open_) > text.count(close):
            text += close
        elif close is None and text.count(open_) % 2:
            text += open_
    return text
