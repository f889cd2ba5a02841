"""Dated events: each time expression with the short clause it dates.

For every time expression (``dates.find_time_expressions``) the event is the clause the
expression modifies, cut from the dependency parse:

- attached to a verb ("Ms Diaz announced more than ten years ago that ..."): the verb with its
  subject, objects and complements, without sentence adverbials, subordinate clauses that do
  not contain the date, the date itself and its preposition;
- attached to a noun governed by a temporal preposition ("Since the break-up of the federation in
  1992, the region has tried ..."): that noun phrase ("the break-up of the federation"), since the date
  dates it, not the main clause;
- attached to a short noun phrase inside a clause ("In a speech last week, X described ..."):
  the clause.

Clean-up and filters:

- a time expression inside a quotation is a speaker's remark ("'Five years ago, nobody came'",
  "'Waiting until November is not an option'", "'Today it is signed'") unless it is a past
  fact with its own calendar date or decade whose subject is a named third party ("'The
  council signed it on 3 May 2019'"); real reporting dates events in quotations ("'we went
  there today'"), so a remark is kept with its rule marked ``.quoted`` (calibrated apart, so
  a question can leave it out by its confidence);
- a span of time in a speaker's present or future tense is a remark and is dropped ("'We
  have the right to defend our fields for the last ten years'"); a past one is kept ("'The
  charity has been run by volunteers for the last 20 years'");
- "The court date is November 4": a date given by "is" after a date noun (date, deadline,
  hearing, ...) dates it, and a date that "was the 40th anniversary of X" (an occasion noun)
  dates that occasion; any other date as a topic ("The next day was quiet") dates nothing;
- a calendar day a quotation of one paragraph repeats in the same words ("... set for May 9
  ... other plans for May 9 ... no vote on May 9") is one event, the first;
- a dated clause reported by a verb of saying is the event, and a pronoun subject that stands
  for the one who says it takes that name: "Farmer Ana Smith said he had sold 400 ewes last
  month" -> "Ana Smith had sold 400 ewes", "The company said it had shipped 2,000 panels in
  May" -> "The company had shipped 2,000 panels" (not "he" after "Ms", not "it" after a role
  noun like "the minister");
- amounts and states are statistics, not happenings (``_statistic``): a state verb with an
  amount ("30,000 workers were employed last year", "trade was worth $1.8bn"), an amount over
  a period ("infected more than 2,300 people over the next year", "burned 40,000 hectares
  since Friday"), a multiplying verb since a baseline ("income has tripled since 2018"), and a
  measured figure for a period coarser than a day ("Output fell 2% last year", "Thailand
  produced 1.8 million vehicles last year", "3,400 passengers waited over six hours in
  July": a measuring verb with a figure as subject, object, or after "to"/"by", a rank
  ("reached number 12") being no figure; "shares
  fell 12% on Tuesday" and "a house was sold last week for 2 million euros" stay events; a
  transaction verb (sell, ship, export, produce, ...) is a statistic only for a country or an
  economy: "the company had shipped 2,000 panels in May" is an event);
  these hold over an undated stretch ("over the following year", "in recent months", "each
  year"); a figure with a date of its own ("Output fell 2% in 2018", "the outbreak has infected
  4,200 people since October") is a dated fact, as real reporting's gold counts it, unless it
  is measured over it ("during 2018") or from it ("has doubled since 2017"). A state since a time ("has been mayor since 1998", "has
  been in operation since the 1970s") is dated by its start: real reporting's gold counts it;
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
- in an interview (the article's own words ask "you" a question), a paragraph whose own
  words have "I", "we" or "you" as a subject is a turn of it: the years of the data and
  methods it talks about ("we used the 2009 survey", "data from 2009"), its habits ("each
  year", "in the morning") and the "today" it talks from ("does it still hold today?") are
  no happenings; what the speaker tells of the past or plans ("I joined the office in March
  of 2011", "Today I took the pilots out on the tug", "I will hand over in June") is an event,
  and a vote named by its year ("do you expect to win in the 2020 election?") is the event
  itself ("the election"); a clause whose verb stands in for one told before ("as we did in
  2019") names nothing;
- in a transcript that labels its speakers ("((WN)) ...?", "((Ana Roe)) ..."), the turns are
  the labelled paragraphs and those an answer goes on in (``turns.spoken_by_paragraph``); a
  time of the speaker's own story or of the talk itself is no news event there: a part of a
  day ("her husband came in the evening"), a span counted from the talk ("in the last three
  months", "back in about 2 days"), an undated day of the story ("the next day", "a few days
  later"), "since then", "at the time" or "after this interview", and two day words set side
  by side ("the pill I took today, I would skip tomorrow"); the reporter's narration keeps
  them, and an answer keeps its dated and named times ("in March 2021", "during the 2019
  storm");
- a date set against "now" ("voters who felt better off now than four years ago") is a
  baseline, no happening; "turnout was higher than last year" stays (the gold counts it);
- replies that did not happen ("did not reply to requests for comment on Friday",
  "declined to comment") are not events, nor is "at the time" of a state under way, of what
  there was or of what was not done ("At the time, she had led the club for years"), nor a
  frequency of a promise ("promised strikes every week");
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

The stage runs in this order: ``dates.find_time_expressions`` (one pattern per kind of time
expression), ``filters.EXPRESSION_FILTERS``, ``clause.CLAUSE_STEPS``, ``filters.CLAUSE_FILTERS``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from ..confidence import confidence
from ..dates import TimeExpression, doc_text, find_time_expressions, inside_quotation
from ..facts import DatedEvent
from ..sentences import evidence_sentences, sentence_index
from .clause import event_clause
from .filters import CLAUSE_FILTERS, DAY_DATE, EXPRESSION_FILTERS, REMARK_SUFFIX, quoted_remark

__all__ = ["extract_dated_events"]


def extract_dated_events(doc: Doc, *, published: date | None) -> list[DatedEvent]:
    """Every time expression of the article with the event it dates and its normalised date."""
    sentences = evidence_sentences(doc)
    sent_of = sentence_index(doc, sentences)
    out: list[DatedEvent] = []
    seen: set[tuple[int, int]] = set()
    days: set[tuple[int, str, str]] = set()  # quoted days dated (``_repeated_in_a_remark``)
    for expr in find_time_expressions(doc, published=published):
        n = sent_of[expr.span.start]
        if n < 0 or (expr.start_char, expr.end_char) in seen:
            continue
        seen.add((expr.start_char, expr.end_char))
        sent = sentences[n]
        if any(drop(expr, sent) for drop in EXPRESSION_FILTERS):
            continue
        if _repeated_in_a_remark(expr, sent, days):
            continue
        event, step = event_clause(expr, sent)
        if any(drop(event, expr) for drop in CLAUSE_FILTERS):
            continue
        out.append(
            DatedEvent(
                event=event,
                when=expr.when,
                date=expr.date,
                evidence=sent.text,
                evidence_start=sent.start_char,
                evidence_end=sent.end_char,
                rule=(rule := f"{expr.kind}.{step}{_remark(expr, sent)}"),
                confidence=confidence("events", rule),
            )
        )
    return out


def _repeated_in_a_remark(
    expr: TimeExpression, sent: Span, days: set[tuple[int, str, str]]
) -> bool:
    """ "'The vote set for May 9 is off; both sides have other plans for May 9, and there
    will be no vote on May 9,' it said": a calendar day a quotation repeats in the same
    words is the one event told again, not a new one each time (the first stays); records
    the quoted calendar days of each paragraph."""
    text = doc_text(sent.doc)
    if not (expr.date and DAY_DATE.match(expr.date)):
        return False
    if not inside_quotation(text, expr.start_char):
        return False
    day = (text.rfind("\n", 0, expr.start_char), expr.date, expr.when.lower())
    if day in days:
        return True
    days.add(day)
    return False


def _remark(expr: TimeExpression, sent: Span) -> str:
    """The rule's suffix of a date in a speaker's remark (its confidence is calibrated apart)."""
    return REMARK_SUFFIX if quoted_remark(expr, sent) else ""
