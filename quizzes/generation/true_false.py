"""True or false? A statement from a quote or a dated event, made false for about
half of them by swapping in a plausible wrong speaker or date (chosen by fingerprint,
so regeneration picks the same). Never from a country link: "The article links X
to Y" reads as nationality whatever the article's relation, and a false one names
a country the article never mentions (world trivia, answerable without reading).
The quality check keeps statements only on facts no other question asks, a few per
bank, one per sentence."""

from __future__ import annotations

import re

from quizzes.extraction.facts import DatedEvent, Quote

from .context import GenerationContext, without_country_roles
from .dates import mentions, parse_label
from .distractors import date_distractors
from .draft import QuestionDraft
from .fingerprint import (
    date_target,
    event_key,
    person_target,
    question_fingerprint,
    quote_key,
    seed_of,
)
from .text import (
    QUOTED,
    explanation,
    gives_away_person,
    plain,
    restore_names,
    shorten,
)
from .when import Asked, cut_at_a_lost_colon, statement_problem, when_explanation, with_the_name
from .who_said import a_stock_phrase, speaker_options
from .wording import MODALS, clause_parts, past_to_base, statement_with_date, strip_time, verb_index


def _credited_in_its_sentence(quote: Quote) -> bool:
    """ "Ruiz said “…”", "“…,” she said": the sentence itself says who spoke. A
    statement claims its speaker outright, so no credit carried over from another
    sentence (nor "the ministry noted" credited to the minister)."""
    outside = QUOTED.sub(" ", plain(quote.evidence))
    if quote.speaker and gives_away_person(outside, quote.speaker):
        return True
    return quote.attribution == "pronoun" and bool(re.search(r"\b(?:he|she)\b", outside, re.I))


# Words that make a clause: a verb of being or having, a pronoun that speaks or is spoken of.
_CLAUSE_WORDS = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
    "i", "we", "you", "he", "she", "it", "they", "not", "no", *MODALS,
}  # fmt: skip


def says_something(quote_text: str) -> bool:
    """ "It breaks the old rule …", "I chose to stay": a clause a reader can check
    against the article. "Freedonia's dullest race in years", a label someone gave, has
    no verb: "X said: “a label”" is no statement to judge true or false (blind judge,
    batch 37: true/false 1 of 3 usable)."""
    for token in re.findall(r"[^\W\d_][\w’'-]*", quote_text):
        word = token.casefold().replace("’", "'")
        stem = word.split("'")[0]
        if stem in _CLAUSE_WORDS or word in _CLAUSE_WORDS or past_to_base(word):
            return True
        if word.endswith("s") and not word.endswith("ss") and word[:-1] in verb_index():
            return True  # "grows", "breaks" (a plural like "plans" passes too)
    return False


def _is_true(key: str) -> bool:
    return (seed_of(key) >> 4) % 2 == 0


def _draft(
    key: str,
    statement: str,
    truth: bool,
    why: str,
    fact: Quote | DatedEvent,
    *,
    fact_key: str,
    target: str,
) -> QuestionDraft:
    answer = "True" if truth else "False"
    return QuestionDraft(
        kind="true_false",
        prompt=f"True or false? {statement}",
        answer=answer,
        choices=[("True", truth, 0), ("False", not truth, 1)],
        explanation=why,
        evidence_start=fact.evidence_start,
        evidence_end=fact.evidence_end,
        fingerprint=question_fingerprint("true_false", key),
        difficulty=1,
        fact_keys=(fact_key,),
        target=target,
    )


def build(ctx: GenerationContext) -> list[QuestionDraft]:
    return [*_quote_statements(ctx), *_date_statements(ctx)]


def _quote_statements(ctx: GenerationContext) -> list[QuestionDraft]:
    """ "Ruiz said: “…”": true, or false with a plausible wrong speaker."""
    drafts = []
    for quote in ctx.quotes:
        key = quote_key(quote)
        if not quote.speaker or not _credited_in_its_sentence(quote):
            continue
        if not plain(quote.text)[:1].isupper():
            continue  # "X said: “excellent health for her age”": words cut from a sentence
        if not says_something(quote.text) or a_stock_phrase(quote.text):
            continue  # "X said: “the most boring race”": a label, no statement
        speaker, truth = quote.speaker, _is_true(key)
        if not truth:
            # The wrong speaker obeys the who-said options' rules: of the answer's type,
            # not named in the quote, not the interviewer, not someone only asked about,
            # nor one of the story's past (tuned judges, issue 11 §4).
            others = speaker_options(
                quote.speaker, quote.text, ctx, seed=seed_of(key), quote_evidence=quote.evidence
            )
            if not others:
                continue
            speaker = others[0]
        why = explanation(quote.evidence, "" if truth else f"(It was {quote.speaker}.)")
        statement = f"{speaker} said: “{shorten(quote.text, 160)}”"
        draft = _draft(
            key, statement, truth, why, quote, fact_key=key, target=person_target(quote.speaker)
        )
        draft.source = quote
        drafts.append(draft)
    return drafts


def _date_statements(ctx: GenerationContext) -> list[QuestionDraft]:
    """An event with its date: true, or false with a date near enough to be plausible."""
    drafts = []
    for dated in ctx.clean_dated:
        key = event_key(dated.event)
        clause = strip_time(dated.event.event, dated.event.when)
        clause = with_the_name(clause, ctx)  # "a former mayor" -> name
        clause = cut_at_a_lost_colon(clause, dated.event.evidence)
        if mentions(clause, dated.when):
            continue  # "In 2017, X won the 2019 marathon" contradicts itself
        if statement_problem(Asked(dated, clause_parts(clause), ctx, frozenset())):
            continue  # "X issued a corresponding statement": to what?
        when, truth = dated.when, _is_true(key)
        label = when.label()
        if not truth:
            others = date_distractors(when, latest=ctx.latest, seed=seed_of(key))
            if not others:
                continue
            # The farthest of the near dates: "5 February" for "4 February" is
            # a trick, not a check of what the article says.
            label = max(others, key=lambda o: (when.distance(parse_label(o) or when), o))
        dated_statement = statement_with_date(clause, label, when.granularity)
        if dated_statement is None:
            continue
        statement = restore_names(without_country_roles(dated_statement, ctx), ctx.article_text)
        why = when_explanation(dated, published=ctx.published)
        draft = _draft(
            key,
            statement,
            truth,
            why,
            dated.event,
            fact_key=dated.group,
            target=date_target(when.iso()),
        )
        draft.source = dated
        drafts.append(draft)
    return drafts
