"""Fill-in-the-blank flashcards from evidence sentences: the date, the country
or the person blanked; the answer is the blanked text exactly as the article
writes it. Every blankable fact of a sentence gives a candidate (dates first,
then countries, then people); the quality check keeps one card per sentence, the
first that asks for something no other question of the fact asks."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from quizzes.extraction.article_caches import per_article
from quizzes.extraction.facts import CountryLink, Quote
from quizzes.extraction.text import regex

from .context import DatedFact, GenerationContext
from .dates import MONTHS
from .draft import DraftSource, QuestionDraft
from .event_checks import number_not_a_year
from .fingerprint import (
    country_key,
    country_target,
    date_target,
    event_key,
    person_target,
    question_fingerprint,
    quote_key,
)
from .numbers import Count, accepted_forms, counts
from .text import (
    BLANK,
    contains_word,
    explanation,
    plain_spaces,
    possessive_of_another,
    without_honorific,
)
from .who_said import _name_pattern, is_document

_MONTH_OR_YEAR = re.compile(
    r"\b(1\d{3}|20\d{2}|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b",
    re.I,
)
# "Monday, April 6, 2020 In June, the fair ...": the date line of a page glued on before
# the first sentence; not part of the sentence a card shows.
_MONTH_NAME = "|".join(MONTHS)
_DATELINE = re.compile(
    rf"^(?:(?:{'|'.join(calendar.day_name)}),?\s+)?"
    rf"(?:(?:{_MONTH_NAME})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH_NAME})),?\s+\d{{4}}\s+(?=[A-Z\"“])"
)
# "in all _____ states", "all of the _____ member countries": the size of a whole set, known
# to every student without the article (blind judge, batch 39: "all 50 states").
_WHOLE_SET = re.compile(r"\b[Aa]ll\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?$")
# The sets whose size everyone knows (the passengers of a ship are the article's fact).
_KNOWN_SETS = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:states|provinces|territories|continents|oceans|planets|months|"
    r"member\s+(?:states|countries|nations))\b"
)
_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")
_RELATIVE = re.compile(r"\b(this|last|next|previous|coming|ago|early|late|mid)\b", re.I)


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """ "the Bangladesh University of …", "the Bank of Ghana": the country is part
    of a longer proper name there, blanking it would blank half a name."""
    after = text[end:].lstrip(" ")
    if after[:1].isupper() and text[end : end + 1] == " ":
        nxt = _NAME_WORD.match(after)
        if nxt and nxt.group(0) not in {"I"}:
            return True
    before = text[:start].rstrip()
    if _PLACE_NAME_START.search(before):
        return True  # "South Australia", "New Mexico": the country's name is half a place's
    return bool(re.search(r"\b[A-Z][\w’'-]*\s+of(?:\s+the)?$", before))


# Words that start a place named after a country or a larger land ("South Sudan" is a
# country, "South Australia" a state, "New Mexico" a state).
_PLACE_NAME_START = re.compile(
    r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|New|Upper|"
    r"Lower|Greater|Little|Outer|Inner)$"
)


def _blank_literal(
    sentence: str, target: str, *, whole_names_only: bool = False
) -> tuple[str, str] | None:
    """(blanked sentence, the text blanked) with every occurrence of `target`."""
    pattern = regex(rf"(?<![\w]){re.escape(plain_spaces(target))}(?![\w])", re.I)
    text = plain_spaces(sentence)
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    if whole_names_only and any(_inside_a_name(text, m.start(), m.end()) for m in matches):
        return None
    return pattern.sub(BLANK, text), matches[0].group(0)


def _blank_person(sentence: str, name: str) -> tuple[str, str] | None:
    """ "said Dr. _____" (Ana Ruiz): a courtesy title stays, the student types the name."""
    text = plain_spaces(sentence)
    pattern = _name_pattern(without_honorific(name))
    match = pattern.search(text)
    if not match:
        return None

    def keep_title(found: re.Match[str]) -> str:
        name = without_honorific(found.group(0))
        return found.group(0)[: len(found.group(0)) - len(name)] + BLANK

    blanked = pattern.sub(keep_title, text)
    blanked = regex(rf"{re.escape(BLANK)}(?:[\s-]+{re.escape(BLANK)})+").sub(BLANK, blanked)
    return blanked, without_honorific(match.group(0))


def _surnames(name: str) -> list[str]:
    """What a teacher accepts for a person's full name: the surname alone, with its
    particle when it has one ("Charles de Gaulle" -> "de Gaulle", "Gaulle")."""
    words = name.split()
    if len(words) < 2:
        return []
    surnames = [words[-1]]
    if len(words) > 2 and words[-2].islower():
        surnames.insert(0, f"{words[-2]} {words[-1]}")
    return surnames


def _draft(
    blanked: str,
    answer: str,
    evidence: str,
    start: int,
    end: int,
    fingerprint: str,
    *,
    fact_keys: tuple[str, ...] = (),
    target: str = "",
    source: DraftSource = None,
    person: bool = False,
) -> QuestionDraft | None:
    blanked = blanked.lstrip(" ,;:—–-")  # a sentence cut after a dateline's comma
    blanked = _DATELINE.sub("", blanked, count=1)
    dateline = _DATELINE.match(evidence)
    if dateline:  # the card's evidence starts where its sentence does
        evidence, start = evidence[dateline.end() :], start + dateline.end()
    prompt = f"{PROMPT} {blanked}"
    remainder = prompt.replace(BLANK, " ")
    if BLANK not in blanked or contains_word(remainder, answer) or len(answer) > 80:
        return None
    if possessive_of_another(blanked):  # "the _____ ruled against its attempt": whose?
        return None
    return QuestionDraft(
        kind="cloze",
        prompt=prompt,
        answer=answer,
        choices=[],
        explanation=explanation(evidence),
        evidence_start=start,
        evidence_end=end,
        fingerprint=fingerprint,
        difficulty=3,
        fact_keys=fact_keys,
        target=target,
        source=source,
        accepted_answers=_surnames(answer) if person else [],
    )


def _date_card(dated: DatedFact) -> QuestionDraft | None:
    """The sentence with its date blanked, when the date is worth recalling as
    written: a month or a year, not "last year", "Tuesday", a dateline's date, a
    number ("order no. 1744/2031") nor a plan ("a book due out in May")."""
    event = dated.event
    if not event.when or dated.planned or number_not_a_year(dated):
        return None
    core = re.sub(r"^(?:in|on|at|during)\s+", "", event.when.strip(), flags=re.I)
    if not _MONTH_OR_YEAR.search(core) or _RELATIVE.search(core):
        return None
    if regex(rf"{re.escape(core)}\s*\([A-Za-z. ]+\)\s*[-—–]").search(event.evidence):
        return None  # the dateline's date ("March 12 (Reuters) -") is no fact of the story
    blanked = _blank_literal(event.evidence, core)
    if not blanked:
        return None
    return _draft(
        *blanked,
        event.evidence,
        event.evidence_start,
        event.evidence_end,
        question_fingerprint("cloze", event_key(event)),
        fact_keys=(dated.group,),
        target=date_target(dated.when.iso()),
        source=dated,
    )


def _country_card(link: CountryLink) -> QuestionDraft | None:
    """The sentence with its country blanked (never half of a longer name)."""
    blanked = _blank_literal(link.evidence, link.country, whole_names_only=True)
    if not blanked:
        return None
    return _draft(
        *blanked,
        link.evidence,
        link.evidence_start,
        link.evidence_end,
        question_fingerprint("cloze", country_key(link)),
        fact_keys=(country_key(link),),
        target=country_target(link.country),
        source=link,
    )


def _speaker_card(quote: Quote) -> QuestionDraft | None:
    """The quote's sentence with its speaker's name blanked."""
    if not quote.speaker or is_document(quote.speaker):  # a law "states", no person
        return None
    blanked = _blank_person(quote.evidence, quote.speaker)
    if not blanked:
        return None
    return _draft(
        shortened_quotation(blanked[0], quote.text),
        blanked[1],
        quote.evidence,
        quote.evidence_start,
        quote.evidence_end,
        question_fingerprint("cloze", quote_key(quote)),
        fact_keys=(quote_key(quote),),
        target=person_target(quote.speaker),
        source=quote,
        person=True,
    )


PROMPT = "Fill in the blank:"
MAX_CARD_WORDS = 60  # a card's prompt is one sentence to read, not a paragraph
CUT_CARD_WORDS = 50  # a speaker's card past MAX_CARD_WORDS keeps its quotation's start
# A sentence's end inside the quotation: not an abbreviation's dot ("U.S. troops", "Dr.").
_SENTENCE_END = re.compile(r"(?<=[a-z\d)\]]{2})[.!?](?=\s)")


def shortened_quotation(card: str, quoted: str) -> str:
    """ "“A. B. C. D …,” said _____." runs to a paragraph: the quotation's first
    sentences that keep the card within CUT_CARD_WORDS, then "[…]" (the blank is the
    speaker, outside the quotation; the student recalls who said it, not all of it)."""
    quoted = plain_spaces(quoted)
    at = card.find(quoted)
    if len(f"{PROMPT} {card}".split()) <= MAX_CARD_WORDS or at < 0 or BLANK in quoted:
        return card
    room = CUT_CARD_WORDS - (len(card.split()) - len(quoted.split()))
    ends = [
        m.end() for m in _SENTENCE_END.finditer(quoted) if len(quoted[: m.end()].split()) <= room
    ]
    if not ends:
        return card
    after = card[at + len(quoted) :]
    return card[:at] + quoted[: ends[-1]] + " […]" + after.removeprefix(",")


def _number_card(count: Count) -> QuestionDraft | None:
    """ "The tremor damaged _____ buildings." (143): how many, as the article says."""
    after = count.sentence[count.at + len(count.number) :]
    if _WHOLE_SET.search(count.sentence[: count.at]) and _KNOWN_SETS.match(after):
        return None
    blanked = _blank_literal(count.sentence, count.number)
    if not blanked:
        return None
    key = question_fingerprint("number", str(count.start), count.number)
    draft = _draft(
        *blanked,
        count.sentence,
        count.start,
        count.end,
        question_fingerprint("cloze", key),
        fact_keys=(key,),
        target=f"number:{count.number.casefold()}",
    )
    if draft is not None:
        draft.accepted_answers = accepted_forms(count.number)
    return draft


# "The show was simulcast …": a card opening on "The" and a thing's kind, which an earlier
# sentence named ("his radio show Harbour at Dawn aired …").
_THE_KIND = re.compile(r"The (?P<noun>[a-z]{3,}) (?=[a-z])")
_CONNECTOR = r"(?:of|in|at|on|the|and|for)"
_NAMED_KIND = r"\b{noun} (?P<name>[A-Z][\w’'-]*(?: (?:{connector} )*[A-Z][\w’'-]*)*)(?=[\s,.;])"


def _name_of_the_kind(noun: str, before: str) -> str | None:
    """The name the article gave the noun at its last mention before ("show Harbour at
    Dawn" -> "Harbour at Dawn"), or None when that mention gave no name."""
    mentions = list(regex(rf"\b{re.escape(noun)}\b").finditer(before))
    if not mentions:
        return None
    named = regex(_NAMED_KIND.format(noun=re.escape(noun), connector=_CONNECTOR)).match(
        before, mentions[-1].start()
    )
    if named is None or named["name"].split()[0] in {*MONTHS, *calendar.day_name}:
        return None  # "hosted the show Tuesday": a day, no name
    return named["name"]


# "the island", "the bridge": a place called by its kind, which the article names once
# ("Easter Island", "the Harbour Bridge").
_PLACE_KIND = re.compile(
    r"\bthe (?P<noun>island|river|lake|bay|strait|canal|bridge|airport|stadium|volcano)\b"
    r"(?! of\b)(?!['’])"
)


@per_article
@lru_cache(maxsize=256)  # asked of every card on the kind, the article's names the same
def _names_of_the_kind(noun: str, article: str) -> tuple[tuple[str, bool], ...]:
    """Every "(the) <Name> Island" of the article: the name, and whether "the" comes before it."""
    names = regex(rf"(?:\b(?P<the>[Tt]he) )?(?P<name>(?:[A-Z][\w’'-]+ )+{noun})\b").finditer(
        article
    )
    return tuple((m["name"], bool(m["the"])) for m in names)


def _place_named(body: str, article: str) -> str | None:
    """The card with its first "the island" given the one name the article gives an
    island ("Easter Island", "the Vela Bridge" as the article writes it), or None."""
    kind = _PLACE_KIND.search(body)
    if kind is None:
        return None
    found = _names_of_the_kind(kind["noun"].capitalize(), article)
    if len({name for name, _ in found}) != 1 or contains_word(body, found[0][0]):
        return None
    with_the = sum(the for _, the in found) * 2 >= len(found)  # a title drops its "the"
    name = f"the {found[0][0]}" if with_the else found[0][0]
    return body[: kind.start()] + name + body[kind.end() :]


def with_its_name_restored(draft: QuestionDraft, ctx: GenerationContext) -> QuestionDraft:
    """ "Fill in the blank: The show was simulcast from _____." after "his radio show
    Harbour at Dawn aired …" becomes "Harbour at Dawn was simulcast from _____.": alone on
    a card "the show" names none of the article's shows (blind judge, batch 41), and the
    article's own name for it is the one that fits."""
    body = draft.prompt.removeprefix(PROMPT).lstrip()
    placed = _place_named(body, ctx.article_text)
    if placed is not None and not contains_word(placed.replace(BLANK, " "), draft.answer):
        body = draft.prompt = f"{PROMPT} {placed}"
    kind = _THE_KIND.match(body)
    if kind is None or draft.evidence_start is None:
        return draft
    name = _name_of_the_kind(kind["noun"], ctx.article_text[: draft.evidence_start])
    if name is None or contains_word(name, draft.answer) or contains_word(body, name):
        return draft
    draft.prompt = f"{PROMPT} {name} {body[kind.end() :]}"
    return draft


def build(ctx: GenerationContext) -> list[QuestionDraft]:
    """Every card candidate: dates first, then countries, then speakers, then counts
    (a sentence gives one card: the first of these that passes; the quality check
    keeps at most MAX_NUMBER_CARDS counts)."""
    candidates = [
        *(_date_card(dated) for dated in ctx.dated),
        *(_country_card(link) for link in ctx.countries),
        *(_speaker_card(quote) for quote in ctx.quotes),
    ]
    numbers = [_number_card(count) for count in counts(ctx.article_text)]
    return [with_its_name_restored(d, ctx) for d in [*candidates, *numbers] if d is not None]
