"""Shared pieces of the quality checks: the bank limits, the article's headline and
sentences, the quotation and place helpers more than one family of checks uses."""

from __future__ import annotations

import re
from functools import lru_cache

from quizzes.extraction.article_caches import per_article
from quizzes.extraction.facts import Quote

from ..context import GenerationContext, is_capital_of
from ..distractors import part_of_country
from ..draft import QuestionDraft
from ..text import is_organisation, normalise, plain

FACT_LIMIT = 2  # questions per fact in one bank


MULTIPLE_CHOICE = {"who_said", "which_country", "when"}


_REWRITTEN_KINDS = {"when", "true_false", "ordering"}


def singular_stem(word: str) -> str:
    """The word with a plural "s" taken off ("titles" meets "title"); short words
    ("bus", "news") are left whole."""
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _headline(ctx: GenerationContext) -> str:
    """The article's first line when it is a title (no closing punctuation): the
    bank is named after it, so the student reads it. A title may end on a quoted
    word ("Ruiz fined, citing 'fraud'"); a sentence ends on . ! or ?, then maybe a
    closing quotation mark."""
    first = ctx.article_text.lstrip().split("\n", 1)[0].strip()
    return "" if not first or re.search(r"[.!?][”\"'’]?$", first) else first


def _speaker_quote(draft: QuestionDraft) -> Quote | None:
    return draft.source if isinstance(draft.source, Quote) else None


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“A-Z])")


@per_article
@lru_cache(maxsize=8)
def _plain_sentences(article_text: str) -> tuple[str, ...]:
    """The article's sentences, plain (made once per article, not per draft)."""
    return tuple(
        sentence
        for paragraph in article_text.splitlines()
        for sentence in _SENTENCE_BREAK.split(plain(paragraph))
    )


BIG_CITY = 250_000


_OTHER_NAMES = re.compile(r"\bof America\b")  # a body "of America" is American


_NAME_RUN = re.compile(r"\b[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*){0,4}")


def _places_of(text: str, country: str) -> list[str]:
    """The states, provinces, nations and big cities of `country` the text names
    ("California", "Wessex" of its kingdom, a capital)."""
    from quizzes.extraction.geo import (
        city_country,
        city_population,
        country_sharing_a_region_name,
        is_constituent_country,
        region_country,
        sovereign_country,
    )

    target = normalise(country)
    found = []
    for run in _NAME_RUN.findall(text):
        tokens = run.rstrip(".").split()
        for i, first in enumerate(tokens):
            if first == "of":
                continue
            for n in range(len(tokens) - i, 0, -1):
                head = " ".join(tokens[i : i + n])
                if head.endswith(" of"):
                    continue
                region = (
                    region_country(head)
                    or country_sharing_a_region_name(head)
                    or (sovereign_country(head) if is_constituent_country(head) else None)
                    or part_of_country(head)
                )
                big = city_population(head) >= BIG_CITY or is_capital_of(head, country)
                city = big and normalise(city_country(head) or "") == target
                if (region and normalise(region) == target) or city:
                    found.append(head)
    if target == normalise("United States") and _OTHER_NAMES.search(text):
        found.append("America")
    return found


def _name_words(ctx: GenerationContext, *, people_only: bool = False) -> frozenset[str]:
    """The words of the names of the article's people and speakers; with `people_only`,
    not of a speaking body ("the government of Freedonia"), which is no "his" nor a
    person a card is about."""
    speakers = [s for s in ctx.speakers if not (people_only and is_organisation(s))]
    return frozenset(
        part for name in [*ctx.people, *speakers] for part in name.split() if len(part) >= 2
    )


# "Fill in the blank: …", "True or false? …": the lead a card's prompt opens with.
_CARD_LEAD = re.compile(r"^(?:Fill in the blank|True or false\?)[:]?\s*")


def card_text(prompt: str) -> str:
    """A card's prompt without its "Fill in the blank:" or "True or false?" lead: the
    article's sentence the learner reads."""
    return _CARD_LEAD.sub("", prompt)


_FIRST_PERSON = re.compile(r"\b(?:I|my|me|mine|myself|I['’]ve|I['’]m)\b")


_YEAR = re.compile(r"(?:1[0-9]|20)\d{2}")
