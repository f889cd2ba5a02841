"""Draft checks on dates ("When did …?", dated statements) and timelines: unclear
dated clauses, the article's own period, months read as names, background history,
a timeline's items."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import pairwise

from quizzes.extraction.geo import country_of_adjective, is_country
from quizzes.extraction.text import regex, standalone

from ..context import DatedFact, GenerationContext
from ..dates import MONTHS, WEEKDAYS, parse_label
from ..draft import QuestionDraft
from ..text import BLANK, QUOTED, plain
from ..when import POINTING, ends_with_a_person
from ..wording import clause_parts, past_base, strip_time
from .base import _REWRITTEN_KINDS, _YEAR, _headline, _name_words, _plain_sentences
from .cloze import inside_quotation, unnamed_body_subject
from .grammar import (
    _PERSONAL_PRONOUN,
    name_rewritten,
    noun_taken_for_verb,
    office_of_a_person,
    possessive_without_noun,
    pronoun_without_antecedent,
    relative_time_left,
    stray_spacing,
    unbalanced_marks,
)
from .options import unsure_fact

_DAY_OF_MONTH = re.compile(
    rf"\b(?:{'|'.join(m.capitalize() for m in MONTHS)})\s+\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\s+(?:{'|'.join(m.capitalize() for m in MONTHS)})\b"
)


def when_with_a_date_inside(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the firm email the bank on March 10?": a "when" question that names a
    day already is garbled, and that day among its options is also right."""
    if draft.kind == "when" and _DAY_OF_MONTH.search(QUOTED.sub(" ", draft.prompt)):
        return "grammar: a when question that already names a date"
    return None


# "… in January?", "… on Friday?", "… in early 2020?": a time of another action in the
# prompt ("until June", "by May" say an end or a deadline and are left alone).
_SECOND_TIME = re.compile(
    rf"\b(?:in|on|during|since|from|of|before|after)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:(?P<month>{'|'.join(m.capitalize() for m in MONTHS)})\b(?!\s+\d)"
    rf"|(?P<day>{'|'.join(sorted(d.capitalize() for d in WEEKDAYS))})\b"
    r"|(?P<year>(?:1[89]|20)\d\d)\b)"
)


def when_with_a_second_time(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the agency report that warrants were issued for the bombing in
    January?" (answer 29 June 2020): a month or weekday with no year of its own, or the
    answer's own year, inside the question reads as a second answer to "when" and the
    student must guess which time is asked (tuned judge, batches 12-13). A time of
    another year ("found guilty in 2019 of an assault in 2014") stays apart."""
    answer = draft.answer.strip()
    if draft.kind != "when" or re.fullmatch(r"\d{4}", answer):
        return None  # "In what year did the protests begin in March?" asks the year
    answer_year = re.search(r"\b\d{4}$", answer)
    for match in _SECOND_TIME.finditer(QUOTED.sub(" ", draft.prompt)):
        if match["year"] is None or (answer_year and match["year"] == answer_year[0]):
            return "unclear: a second time inside the when question"
    return None


_TIME_WORD = (
    rf"(?:{'|'.join(sorted(d.capitalize() for d in WEEKDAYS))}"
    rf"|{'|'.join(m.capitalize() for m in MONTHS)}|\d{{1,2}}(?:st|nd|rd|th)?\b)"
)
# "from Tuesday night through to Wednesday", "from 3 to 5 May", "between Friday and
# Sunday", "From Monday until Friday": a span of days or months, not one date. Only
# "from … through/until/till/to" and "between … and", with nothing but a time of day or
# a date's parts between (not "from Monday the limit drops to 20", "from Monday and 12
# shops closed"); a bare number ends a span only before a month ("to 5 May").
_DAY_OR_MONTH = "|".join([*sorted(d.capitalize() for d in WEEKDAYS), *MONTHS])
_PART_OF_DAY = r"(?:(?i:early|late|mid-?)\s*)?"
_SPAN_FROM = rf"{_PART_OF_DAY}{_TIME_WORD}(?:,?\s+(?:{_DAY_OR_MONTH}|\d{{1,4}}(?:st|nd|rd|th)?"
_SPAN_FROM += r"|(?i:night|morning|afternoon|evening)))*,?\s+"
_SPAN_TO = (
    rf"{_PART_OF_DAY}(?:(?:{_DAY_OR_MONTH})\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTHS)})\b)"
)
_DATE_RANGE = re.compile(
    rf"\b(?:(?i:from)\s+{_SPAN_FROM}(?i:through(?:\s+to)?|until|till|to)"
    rf"|(?i:between)\s+{_SPAN_FROM}(?i:and))\s+{_SPAN_TO}"
)


def date_of_a_span(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the typhoon make landfall?" from "made landfall from Tuesday night
    through to Wednesday": the event spans two days, so the day after the answer,
    offered as a wrong option, is also right (blind judge, batches 18-23); a dated
    statement's false day may be inside the span too."""
    if draft.kind not in {"when", "true_false"}:
        return None
    for dated in _dated_sources(draft):
        written = dated.event.when.strip()
        for span in _DATE_RANGE.finditer(plain(dated.event.evidence)):
            if written and written in span.group(0):
                return "answer: the event spans several dates; a near option is also right"
    return None


def _dated_sources(draft: QuestionDraft) -> list[DatedFact]:
    sources = draft.source if isinstance(draft.source, list) else [draft.source]
    return [s for s in sources if isinstance(s, DatedFact)]


_MONTH_WORD = "|".join(MONTHS)


_NOT_A_GIVEN_NAME = {
    "in", "on", "by", "since", "until", "till", "last", "early", "late", "mid", "next",
    "this", "from", "through", "during", "before", "after", "of", "and", "or", "to", "the",
    "between", "each", "every", "that", "around", "about",
}  # fmt: skip


_MONTH_AS_NAME_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:said|says|told|tells|added|wrote|who|announced)\b|\s+[A-Z][a-z]+\b)"
)


def _month_read_as_a_name(text: str, match: re.Match[str]) -> bool:
    """ "Prime Minister Theresa May said", "May's deal", "June Carter": the month's
    word stands where a person's name stands (a capitalised word before it that is
    no preposition, month or weekday; "'s", a speech verb or a surname after it),
    and no day number is beside it ("May 3", "3 May")."""
    before = text[: match.start()].rstrip()
    after = text[match.end() :]
    if re.match(r"^\s*\d", after) or re.search(r"\d\s*$", before):
        return False
    previous = re.search(r"([A-Z][a-z]+\.?)$", before)
    if previous:
        word = previous.group(1).rstrip(".").casefold()
        if word not in _NOT_A_GIVEN_NAME and word not in WEEKDAYS and word.title() not in MONTHS:
            return True
    nxt = _MONTH_AS_NAME_AFTER.match(after)
    return nxt is not None and nxt.group(0).strip().title() not in MONTHS


def month_is_a_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Theresa May resigned as leader" dated "May": a surname the extractor read as
    the month. The date's month word, where the sentence writes it, stands as a name."""
    for dated in _dated_sources(draft):
        when = plain(dated.event.when or "")
        if not regex(rf"(?:(?:in|on|by|since|until)\s+)?(?:{_MONTH_WORD})", re.I).fullmatch(when):
            continue  # "May 3", "May 2019": a day or a year tells a date
        month = re.search(_MONTH_WORD, when.title())
        if month is None:
            continue
        evidence = plain(dated.event.evidence)
        found = list(regex(rf"\b{month.group(0)}\b").finditer(evidence))
        if found and all(_month_read_as_a_name(evidence, m) for m in found):
            return f"answer: “{month.group(0)}” is a person's name here"
    return None


_MONTH_BESIDE_MONTH = re.compile(
    rf"\b(?:{_MONTH_WORD})\b(?:\s*(?:,|/|-|–|—)\s*|\s+(?:and|or|to|through|into)\s+)"
    rf"(?:early\s+|late\s+|mid-?)?(?:{_MONTH_WORD})\b"
)


def month_beside_month(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "in March and April", "the May–June floods": two months side by side are a
    span, not the one month the answer gives; nor may a prompt keep such a pair."""
    asked = " ".join([draft.prompt, *draft.choice_texts]) if draft.kind in _REWRITTEN_KINDS else ""
    if _MONTH_BESIDE_MONTH.search(QUOTED.sub(" ", f"{asked} {draft.answer}")):
        return "answer: two months side by side are a span, not one date"
    for dated in _dated_sources(draft):
        when = plain(dated.event.when or "")
        month = re.search(_MONTH_WORD, when)
        if not month:
            continue
        evidence = plain(dated.event.evidence)
        for pair in _MONTH_BESIDE_MONTH.finditer(evidence):
            if regex(rf"\b{month.group(0)}\b").search(pair.group(0)):
                return "answer: the date's month stands beside another month (a span)"
    return None


def _plural_or_person(subject: list[str], ctx: GenerationContext) -> bool:
    head = subject[-1].strip(",").casefold() if subject else ""
    if head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3:
        return True
    return ends_with_a_person(subject, ctx)


def item_points_elsewhere(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Officials confirmed it has infected 200 people", "Authorities declared similar
    measures": an ordering item read alone, out of its paragraph, whose "it" stands for
    nothing in it (no plural subject, no person is an "it") or whose "similar" points
    to another sentence (blind judge, batch 22), as a 'when' question's words must not."""
    if draft.kind != "ordering":
        return None
    item = draft.prompt.rstrip(".")
    pointing = POINTING.search(item)
    if pointing:
        return f"grammar: “{pointing.group(0)}” points to another sentence"
    parts = clause_parts(item)
    if parts is None or parts.verb_index < 0 or not parts.rest:
        return None
    first = parts.first_after_verb
    if first in {"it", "its"} and _plural_or_person(parts.subject, ctx):
        return f"grammar: “{first}” stands for something of another sentence"
    return None


ITEM_NAMING_WORDS = 6  # an item of more words than this says which event it is
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})


def item_unclear(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The last successful amendment occurred" (amendment of what?), "The protests began,
    then went quiet, before resuming in late October": an ordering item read alone names
    nothing of its own (a determiner, a few words, and no name or number)
    or holds a time of its own that tells part of the order (tuned judges, batches 22-47)."""
    if draft.kind != "ordering":
        return None
    item = QUOTED.sub(" ", draft.prompt.rstrip("."))
    if _SECOND_TIME.search(item):
        return "unclear: the item holds a time of its own"
    words = item.split()
    described = bool(words) and words[0].casefold() in _DETERMINERS
    if described and len(words) <= ITEM_NAMING_WORDS and not re.search(r"[A-Z\d]", item[1:]):
        return "context: the item names nothing the learner can place"
    return None


# The rules a timeline item is read against, as the statement it is ("Chirac was mayor
# of Paris."): the question's prompt is fixed, its items are rewritten clauses.
_ITEM_RULES = (
    unbalanced_marks, stray_spacing, name_rewritten, possessive_without_noun,
    noun_taken_for_verb, office_of_a_person, pronoun_without_antecedent,
    relative_time_left, unsure_fact, item_points_elsewhere, unnamed_body_subject, item_unclear,
)  # fmt: skip


def timeline_item_problem(item: str, dated: DatedFact, ctx: GenerationContext) -> str | None:
    """ "The President of Ana Ruiz was made", "X also criticised the move, this time":
    a garbled item, or one stated inside someone's quotation, spoils a timeline."""
    probe = QuestionDraft(
        kind="ordering",
        prompt=f"{item}.",
        answer=item,
        choices=[],
        explanation="",
        evidence_start=dated.event.evidence_start,
        evidence_end=dated.event.evidence_end,
        fingerprint="",
        source=dated,
    )
    for rule in _ITEM_RULES:
        problem = rule(probe, ctx)
        if problem:
            return problem
    if dated.event.evidence_start is not None and inside_quotation(
        ctx.article_text, dated.event.evidence_start
    ):
        return "answer: the sentence is inside a quotation, someone's claim"
    return None


# How long before publication an event is the article's background, and not its news.
BACKGROUND_YEARS = 10


_TITLE_STOP = {
    "The", "A", "An", "In", "On", "At", "Of", "And", "For", "To", "After", "When", "What",
    "Efforts", "It", "He", "She", "They", "This", "That",
}  # fmt: skip


def _too_wide(word: str) -> bool:
    """A word of the prompt that does not tie it to the headline's story: a function
    word, or a country or its adjective ("the Freedonian monarchy" under a headline on a
    Freedonian party is still the country's history)."""
    return word in _TITLE_STOP or bool(country_of_adjective(word) or is_country(word))


def _asks_history(draft: QuestionDraft, ctx: GenerationContext) -> bool:
    """A "when" question or a statement, or a card on no one of the article."""
    if draft.kind in {"when", "true_false"}:
        return True
    if draft.kind != "cloze":
        return False
    sentence = draft.prompt.replace(BLANK, " ")
    if _PERSONAL_PRONOUN.search(sentence):
        return False
    names = _name_words(ctx, people_only=True)
    spoken = (w.strip("’'s,.;:") for w in sentence.split())
    return not any(
        w in names and not _too_wide(w) and _named_elsewhere(w, draft, ctx) for w in spoken
    )


def _named_elsewhere(word: str, draft: QuestionDraft, ctx: GenerationContext) -> bool:
    """Does the article name `word` outside the card's sentence? A person named only there
    ("a coup removed then-prime-minister X in _____") is the background's, not the story's."""
    start, end = draft.evidence_start, draft.evidence_end
    if start is None or end is None:
        return True
    outside = f"{ctx.article_text[:start]} {ctx.article_text[end:]}"
    return standalone(word).search(outside) is not None


def background_history(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year did the Great Flood of the valley happen?" in a story about this
    week's storm: an event dated ten years or more before publication that the article's
    headline does not name is history the article recalls, not its news; the question
    tests general knowledge (and a near year is often defensible too). The people and
    things the headline names (a life's dates in an obituary) stay askable. A card
    blanking such a year ("Efforts to contain the outbreak, which took place in _____,
    …") is history too, unless it is about someone of the article (a person it names,
    or "her", "his": a life's events told after the headline's name)."""
    if not isinstance(draft.source, DatedFact) or not _asks_history(draft, ctx):
        return None
    when = draft.source.when
    if ctx.published is None:
        return None
    if ctx.published.year - when.year < BACKGROUND_YEARS:
        return None
    title = _headline(ctx)
    if not title:
        return None  # without a headline, what the article is about is not known
    title_words = {w.strip("’'s,:").casefold() for w in title.split() if len(w) >= 3}
    asked = [
        w.strip("’'s,.?:;").casefold()
        for w in draft.prompt.split(":", 1)[-1].split()
        if w[:1].isupper() and not _too_wide(w.strip("’'s,.?:;"))
    ]
    names = _name_words(ctx, people_only=True)
    if any(w in title_words for w in asked):
        return None
    # The headline's person named by surname only in the prompt ("Conyers").
    title_people = {w for w in title.split() if w in names and not _too_wide(w)}
    if any(w.strip("’'s,.?:;") in title_people for w in draft.prompt.split()):
        return None
    return f"about the article: {when.label()} is background history, not the news"


_INVERTED_ATTRIBUTION = re.compile(
    r",\s+(?:reported|said|told|added)\s+(?:the\s+)?[\w .-]+\?$", re.I
)


def attribution_left_at_the_end(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the storm hit the coast, with waves of six metres, said officials?":
    the sentence's closing attribution left in a rewritten question."""
    if draft.kind == "when" and _INVERTED_ATTRIBUTION.search(draft.prompt):
        return "grammar: the sentence's attribution is left at the question's end"
    return None


# Clauses that ask nothing clear when rewritten as a question or a dated statement.
# "what the agency declared a pandemic": a free relative cut out of its sentence.
_WHAT_SUBJECT = re.compile(r"^what\b", re.I)


# "reports said …": the time of a report, not of the event.
_REPORTS_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)?(?:reports?|media)\s+(?:said|suggested|indicated|stated|claimed)\b",
    re.I,
)


# "… ruled against its initial attempt": a possessive with an order word before an
# attempt, a bid, a plan points back to something the article named before.
_BACK_REFERENCE = re.compile(
    r"\b(?:its|their)\s+(?:initial|first|original|earlier|previous|latest|new|second|"
    r"renewed)\s+(?:attempt|bid|effort|plan|proposal|request|application|offer)s?\b",
    re.I,
)


# "continuing aftershocks hampered …": a state that goes on has no date.
_ONGOING = re.compile(r"^(?:the\s+)?(?:continuing|ongoing|continued|persistent|lingering)\b", re.I)


# "When did X have increased …?": a perfect tense kept under "did".
_PERFECT_UNDER_DID = re.compile(r"^(?:When|In what \w+) did\b.*\b(?:have|has)\s+\w+ed\b")


# "When did X follow suit?", "… did so", "… did the same": the act is named only in the
# sentence before, which the prompt does not show (blind judge, batch 42).
_ACT_NAMED_BEFORE = re.compile(
    r"\b(?:follow(?:ed|s)?\s+suit|(?:do|did|does|done|doing)\s+(?:so|the\s+same|likewise))\b",
    re.I,
)

# "When did Ana Ruiz withdraw?", "When did Ruiz successfully run?": a verb left with
# nothing after it that in news always has a what (from the race, for mayor, the final);
# the article's sentence before told it, the prompt does not (blind judge, batch 45).
_VERBS_WITH_A_WHAT = frozenset({
    "withdraw", "run", "return", "quit", "win", "lose", "join", "leave", "agree", "refuse",
    "decline", "respond", "react", "reply", "retaliate", "comply", "succeed", "fail", "vote",
    "testify", "intervene", "qualify", "apply", "object", "accept", "reject", "approve",
    "concede", "compete", "participate", "switch", "follow", "advance", "relent",
})  # fmt: skip
_PHRASAL_WITH_A_WHAT = re.compile(r"(?:drop|pull|bow|opt|back|step) (?:out|aside|back|in)")
# The verb asked ("When did Ana Ruiz withdraw?") or stated in the past ("True or false? In
# March 2019, Ana Ruiz withdrew."), with its particle ("stepped aside").
_ASKED_LAST_VERB = re.compile(
    r"^(?:When|In what \w+) did \S.*? ([a-z]+(?: (?:out|aside|back|in))?)\?$"
)
_STATED_LAST_VERB = re.compile(
    r"^True or false\? (?:On|In) [^,]+, \S.*? ([a-z]+(?: (?:out|aside|back|in))?)\.$"
)


def _act_without_its_object(prompt: str) -> bool:
    """The prompt ends on a verb of _VERBS_WITH_A_WHAT (a past form read as its base)."""
    asked = _ASKED_LAST_VERB.match(prompt)
    found = asked or _STATED_LAST_VERB.match(prompt)
    if found is None:
        return False
    verb, _, particle = found.group(1).partition(" ")
    base = verb if asked else past_base(verb)
    if base is None:
        return False
    if particle:
        return _PHRASAL_WITH_A_WHAT.fullmatch(f"{base} {particle}") is not None
    return base in _VERBS_WITH_A_WHAT


# "When did According to reports …, around 9,000 people attend?", "When did Freedonia
# around 9,000 visitors attend?": a sentence pasted after "did" (an opening phrase kept, or
# a source name fused with a count) rather than a subject (blind judge, batch 43).
_PASTED_AFTER_DID = re.compile(
    r"^(?:When|In what \w+) did (?:(?:According|Accord|In|On|At|After|Before|During|"
    r"Following|Under|With|Despite|Amid|Since|As|By|From)\s|(?:[A-Z][\w'’.-]*\s)+"
    r"(?:around|about|some|nearly|almost|approximately|roughly|up\s+to|over|between)\s+\d)"
)

# "When did the total … link to it surpassed 100,000?": a past tense of reaching a figure
# left under "did" (the clause's own verb was another word).
_PAST_UNDER_DID = re.compile(
    r"^(?:When|In what \w+) did\b.*\b(?:surpassed|exceeded|reached|topped|passed|crossed|"
    r"rose|fell|climbed)\s+(?:\d|the\s+\d|a\s+record)"
)


def _subject_cut_at_a_comma(clause: str) -> bool:
    """ "Freedonia Museum of Art, researchers report …": a subject with one comma fuses
    what the sentence's opening phrase named with the real subject (an apposition has
    two: "Ana Ruiz, 45, died")."""
    parts = clause_parts(clause)
    if parts is None or parts.verb_index < 0:
        return False
    return sum(w.endswith(",") for w in parts.subject) % 2 == 1


_PLACE_AS_SUBJECT = re.compile(
    r"^(?:When|In what \w+) (?:did|was|were) (?:[A-Z][\w.'’-]*\s)*[A-Z][\w.'’-]*,"
    r" (?P<country>(?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),"
)


def when_subject_is_a_place(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did Westfield, Freedonia, a van and a tram collide?": the sentence's place
    ("In Westfield, Freedonia, a van …") was kept as the start of the subject."""
    match = _PLACE_AS_SUBJECT.match(draft.prompt)
    if match and is_country(match["country"]):
        return "grammar: the subject starts with a place and its country"
    return None


def when_prompt_pasted(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A dated prompt that is a sentence pasted after "did", or whose act ("did so",
    "followed suit", a bare "withdrew") was named only in the sentence before."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    if _PASTED_AFTER_DID.match(draft.prompt) or _PAST_UNDER_DID.match(draft.prompt):
        return "grammar: a sentence pasted after “did”, not a question"
    if _ACT_NAMED_BEFORE.search(draft.prompt):  # "with Y following suit" names it: kept
        return "grammar: “did so” points back to an act the prompt does not name"
    if _act_without_its_object(draft.prompt):
        return "grammar: the verb's what (withdraw from …, run for …) is left out"
    return None


def when_prompt_unclear(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A dated clause that asks nothing clear: a "what" clause as its subject, the time
    of a report rather than of the event, "its first attempt" pointing back to something
    unnamed, a state that goes on, a subject fused at a comma."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    if _PERFECT_UNDER_DID.match(draft.prompt):
        return "grammar: a perfect tense under “did”"
    event = draft.source.event
    clause = plain(strip_time(event.event, event.when)).strip()
    if _WHAT_SUBJECT.match(clause):
        return "grammar: a clause of “what” asked as the subject"
    if _REPORTS_SUBJECT.match(clause):
        return "answer: asks when reports said it, not when it happened"
    if _BACK_REFERENCE.search(clause):
        return "grammar: “its first …” points back to something the prompt does not name"
    if _ONGOING.match(clause):
        return "answer: a situation that goes on has no date to ask"
    if _subject_cut_at_a_comma(clause):
        return "grammar: the subject is fused with a phrase at a comma"
    return None


# "When was the stream announced?", "When did it begin?": the question's head, then its
# subject and the rest.
_WHEN_HEAD = re.compile(
    r"^(?:When|In what (?:year|month))\s+(?:did|was|were|is|are|has|have|had)\s+(?P<rest>.+?)\??$"
)
_PRONOUN_OPENING = re.compile(r"^(?:it|they|he|she|this|that|these|those)\b")
_BARE_NOUN_OPENING = re.compile(r"^(?:the|a|an)\s+[a-z][a-z-]+\b")
# Words that say nothing of which thing is meant.
_EMPTY_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "its",
        "their",
        "his",
        "her",
        "it",
        "they",
        "first",
    ]
)
NAMING_WORDS = 3  # a bare subject with this many content words or more is identified


def when_subject_names_nothing(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When was the stream announced?", "When did it begin?": the clause cut from its
    sentence lost the name its subject stood for ("the stream" was named in the sentence
    before); the learner cannot tell which of the article's events is asked. A subject
    that is a pronoun, or "the"/"a" and a common noun with at most one other word and no
    name, number or date beside it ("When was a study published in Nature?" names the
    journal, "When did the rescuers end their search?" says enough: both kept)."""
    if draft.kind != "when":
        return None
    head = _WHEN_HEAD.match(plain(draft.prompt).strip())
    if head is None:
        return None
    rest = head["rest"]
    if _PRONOUN_OPENING.match(rest):
        return "context: the subject is a pronoun the question never names"
    if not _BARE_NOUN_OPENING.match(rest) or re.search(r"[A-Z\d]", rest):
        return None
    content = [w for w in re.findall(r"[a-z][a-z'-]*", rest) if w not in _EMPTY_WORDS]
    if len(content) < NAMING_WORDS:
        return f"context: “{rest}” names nothing the question shows"
    return None


def capital_not_named(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year was Ana Ruiz elected mayor of the capital city?": which capital, the
    prompt does not say (blind judge, batch 24)."""
    if draft.kind == "when" and _UNNAMED_CAPITAL.search(draft.prompt):
        return "grammar: “the capital” names no city"
    return None


# "the capital, Tolvo", "the capital of X", "the capital Tolvo" name it.
_UNNAMED_CAPITAL = re.compile(
    r"\bthe\s+capital(?:\s+city)?\b(?!\s+city\b|\s+of\b|\s+[A-Z]|,\s+[A-Z])"
)


def period_of_the_article(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did aftershocks hamper repairs?" — "January 2020" in an article of
    January 2020 whose other dates fall in that month: the answer is the article's own
    month (or year), which the publication date and the bank's other dates show."""
    if ctx.published is None or not isinstance(draft.source, DatedFact):
        return None
    when = parse_label(draft.answer) if draft.kind == "when" else None
    if draft.kind == "true_false":
        when = draft.source.when
    if when is None or when.granularity == "day":
        return None
    published = ctx.published
    own = when.year == published.year and when.month in {None, published.month}
    if not own:
        return None
    inside = [
        fact
        for fact in ctx.dated
        if fact.when.granularity != when.granularity
        and when.first_day() <= fact.when.first_day() <= when.last_day()
    ]
    if inside:
        return "give-away: the answer is the article's own period"
    return None


def answer_is_the_publication_day(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the crews reach the island?" (answer 14 May 2020) from "The crews reached
    the island today", in an article published on Thursday 14 May 2020: the quiz shows the
    article's date, so the answer is the date above the question, and the latest of its
    options (none may follow publication): no question, nor the dated statement "True
    or false? On 14 May 2020, the crews reached the island." (blind judges)."""
    if ctx.published is None:
        return None
    when = parse_label(draft.answer) if draft.kind == "when" else None
    if draft.kind == "true_false" and isinstance(draft.source, DatedFact):
        when = draft.source.when
    if when is None or when.granularity != "day" or when.first_day() != ctx.published:
        return None
    return "give-away: the answer is the article's own date"


# "re-elected" in a sentence with another year: that year is right too for "elected".
_AGAIN = re.compile(r"\bre-?([a-z]{3,}ed)\b", re.I)


def option_done_again(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In what year was X elected mayor?" (2011) offering 2014 when the article says
    he was re-elected in 2014: a wrong year in which the same act was done again."""
    if draft.kind != "when":
        return None
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", draft.prompt)}
    wrong = [t for t, ok, _ in draft.choices if not ok and re.fullmatch(r"\d{4}", t)]
    if not wrong:
        return None
    for sentence in _plain_sentences(ctx.article_text):
        again = [m[1].casefold() for m in _AGAIN.finditer(sentence)]
        if any(verb in words for verb in again) and set(wrong) & set(_YEAR.findall(sentence)):
            return "options: another option is a year the same act was done again"
    return None


# "When did Tolvo Harbour Board celebration of the festival start?": a name run straight
# into a noun of action with its "of", where the article wrote "the Board's celebration".
_NAME_BEFORE_ACTION_NOUN = re.compile(
    r"^(?:(?:When|In what year)\s+(?:did|was|were)|Fill in the blank:)\s+(?!The\s)[A-Z][\w.-]*"
    r"(?:\s+(?:(?:of|the|and)\s+)*[A-Z][\w.-]*)+\s+[a-z]+(?:tion|sion|ment|ness|ity|ance|ence|ship)"
    r"\s+of\b"
)


def possessive_lost_before_a_noun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did Tolvo Harbour Board celebration of the festival start?": the owner's
    "'s" (and the article) dropped, the name glued to the noun it owned (blind judge,
    batch 33); a card copying such a sentence of the article prints it as well."""
    if draft.kind in {"when", "cloze"} and _NAME_BEFORE_ACTION_NOUN.match(draft.prompt):
        return "grammar: a name glued to the noun it owns (a lost possessive)"
    return None


SPLICE_WORDS = 8  # words of the sentence a clause may skip only as one set-off phrase
_WORD = re.compile(r"\w+")
# A phrase set off whole: ", who ran for mayor," "(the city's airport)" "— a first —".
_SET_OFF = re.compile(r"^(?:,.*,|\(.*\)|[—–].*[—–]|,.*[—–]|[—–].*,)$", re.S)


def _skipped_runs(clause: str, evidence: str) -> list[list[str]]:
    """The stretches of the sentence, SPLICE_WORDS words or more, that the clause jumps
    over between two of its own pieces (as the sentence writes them), each with the same
    stretch read one or more words later when the words it opens on come again right
    after it ("Ana Ruiz, daughter of the late Piet Ruiz, won" read as "Ana Ruiz won")."""
    mine = [m.group(0).casefold() for m in _WORD.finditer(clause)]
    found = list(_WORD.finditer(evidence))
    theirs = [m.group(0).casefold() for m in found]
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    runs = []
    for left, right in pairwise(blocks):
        start, end = left.b + left.size, right.b
        if end - start < SPLICE_WORDS:
            continue
        readings = []
        shift = 0
        while shift <= right.size and theirs[start : start + shift] == theirs[end : end + shift]:
            readings.append(evidence[found[start + shift - 1].end() : found[end + shift].start()])
            shift += 1
            if end + shift >= len(found):
                break
        runs.append(readings)
    return runs


def clause_spliced(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the journal release a study by a group at the Tarrow Institute, also
    called sea lettuce, in the bay?": the clause jumps from one part of its sentence to a
    later one over words that are no phrase set off by commas, brackets or dashes (the
    team's partner and what the report said), so the pieces join into nonsense (blind
    judge, batch 42). An appositive left out (", who ran for mayor in 2010,") is fine, and
    so is the time expression itself."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    event = draft.source.event
    when = plain(event.when or "")
    for readings in _skipped_runs(plain(event.event), plain(event.evidence)):
        run = readings[0]
        rest = run.replace(when, " ") if when else run
        if len(_WORD.findall(rest)) < SPLICE_WORDS:
            continue
        if not any(_SET_OFF.match(r.strip()) for r in readings):
            return "grammar: the clause splices two parts of its sentence"
    return None


# "his first rally since the flood hit the town, on June 20 in Tarrow": the date after
# the comma is the rally's; the clause after "since" (until, ever since) happened before.
_SINCE_CLAUSE = re.compile(r"\b(?:since|until|till)\s+(?P<sub>[^,.;]{8,}?),\s+(?:on|in|at)\s+")


def date_of_the_main_clause(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "When did the flood fully hit the town, in Tarrow?" from "… his first rally since
    the flood fully hit the town, on June 20 in Tarrow": the date set off after the
    "since" clause belongs to the rally it follows, not to the clause asked (blind judge,
    batch 45)."""
    if draft.kind not in _REWRITTEN_KINDS or not isinstance(draft.source, DatedFact):
        return None
    event = draft.source.event
    if not event.when:
        return None
    clause = _WORD.findall(plain(strip_time(event.event, event.when)).casefold())
    for match in _SINCE_CLAUSE.finditer(plain(event.evidence)):
        sub = _WORD.findall(match["sub"].casefold())
        after = plain(event.evidence)[match.end() :]
        if clause[:4] == sub[:4] and plain(event.when) in after[: len(event.when) + 40]:
            return "answer: the date is of the main clause, not of the one after “since”"
    return None
