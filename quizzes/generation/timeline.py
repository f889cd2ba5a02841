"""Put these events in order: 3 to 5 dated events whose dates do not overlap
(1991 and March 1991 cannot be ordered), spread over the article's timeline.
Choices carry the correct order in their positions 1..n."""

from __future__ import annotations

import re

from quizzes.extraction.text import regex

from .context import DatedFact, GenerationContext, without_country_roles
from .draft import QuestionDraft
from .event_checks import date_resolution
from .fingerprint import event_key, question_fingerprint
from .quality import timeline_item_problem
from .text import normalise, plain_spaces, restore_names, shorten
from .when import Asked, cut_mid_phrase
from .wording import clause_parts, event_sentence, strip_time

MIN_EVENTS, MAX_EVENTS = 3, 5
MIN_ITEM_WORDS = 4

# A span, not a point: "mayor from 1977 to 1995" is no earlier than "elected in 1995".
_SPAN = re.compile(r"\b(?:from|between|since|until|till|through|throughout)\b|\d\s*[–-]\s*\d", re.I)
# An adverb that tied the sentence to the one before: "X was also an opponent of …".
_TIE = re.compile(r"\s+(?:also|too|again|likewise|meanwhile)\b(?=\s)", re.I)


def _spans(dated: DatedFact) -> bool:
    """ "from 1977 to 1995", "between 2001 and 2004", "since 2011": the event lasts, so
    where it stands in the order is unclear."""
    when = dated.event.when or ""
    if _SPAN.search(when):
        return True
    evidence = plain_spaces(dated.event.evidence)
    return bool(
        when
        and regex(
            rf"\b(?:from|since|between)\s+{re.escape(when)}\b|{re.escape(when)}\s*[–-]\s*\d"
        ).search(evidence)
    )


def _strictly_ordered(candidates: list[DatedFact]) -> list[DatedFact]:
    """A longest chain of events each strictly before the next."""
    ordered = sorted(candidates, key=lambda d: (d.when.first_day(), d.when.last_day()))
    best: list[list[DatedFact]] = []
    for i, item in enumerate(ordered):
        chain = [item]
        for j in range(i):
            if best[j][-1].when.before(item.when) and len(best[j]) + 1 > len(chain):
                chain = [*best[j], item]
        best.append(chain)
    return max(best, key=len, default=[])


def _spread(chain: list[DatedFact], n: int) -> list[DatedFact]:
    if len(chain) <= n:
        return chain
    step = (len(chain) - 1) / (n - 1)
    return [chain[round(i * step)] for i in range(n)]


def _dated_line(dated: DatedFact, ctx: GenerationContext) -> str:
    """ "“The dam burst last October …” → October 2019 (“last October”, in an
    article published on …, is October 2019.)"."""
    line = f"“{shorten(plain_spaces(dated.event.evidence), 140)}” → {dated.when.label()}"
    resolution = date_resolution(dated, published=ctx.published)
    return f"{line} ({resolution})" if resolution else line


def build(ctx: GenerationContext) -> list[QuestionDraft]:
    labelled: dict[str, DatedFact] = {}
    texts: dict[str, str] = {}
    for dated in ctx.clean_dated:
        sentence = event_sentence(strip_time(dated.event.event, dated.event.when))
        if not sentence or len(sentence) > 120 or len(sentence.split()) < MIN_ITEM_WORDS:
            continue
        if _spans(dated):
            continue
        clause = strip_time(dated.event.event, dated.event.when)
        if cut_mid_phrase(Asked(dated, clause_parts(clause), ctx, frozenset())):
            continue  # "The court issued a ruling finding" is no event
        text = restore_names(without_country_roles(sentence, ctx), ctx.article_text)
        text = _TIE.sub("", text)
        if timeline_item_problem(text, dated, ctx):
            continue
        if normalise(text) in {normalise(t) for t in texts.values()}:
            continue
        key = event_key(dated.event)
        labelled[key], texts[key] = dated, text
    chain = _spread(_strictly_ordered(list(labelled.values())), MAX_EVENTS)
    if len(chain) < MIN_EVENTS:
        return []
    keys = [event_key(d.event) for d in chain]
    items = [texts[k] for k in keys]
    lines = "; ".join(_dated_line(d, ctx) for d in chain)
    first = chain[0].event
    return [
        QuestionDraft(
            kind="ordering",
            prompt="Put these events from the article in order, earliest first.",
            answer=" → ".join(items),
            choices=[(text, True, position) for position, text in enumerate(items, start=1)],
            explanation=f"In the article: {lines}",
            evidence_start=first.evidence_start,
            evidence_end=first.evidence_end,
            fingerprint=question_fingerprint("ordering", *sorted(keys)),
            difficulty=4,
            fact_keys=tuple(d.group for d in chain),
            target="order",
            source=chain,
            choice_dates={texts[k]: d.when.label() for k, d in zip(keys, chain, strict=True)},
        )
    ]
