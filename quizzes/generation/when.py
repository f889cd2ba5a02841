"""When did …? / In what year …? The options are dates of the answer's
granularity near it, formatted the same way ("2014", "March 2022"). Only events
with a resolved date and a clean clause (quizzes.generation.event_checks)."""

from __future__ import annotations

from datetime import date

from .context import DatedFact, GenerationContext, without_country_roles
from .dates import narrows_options
from .distractors import MIN_DISTRACTORS, arrange, date_distractors
from .draft import QuestionDraft
from .event_checks import date_resolution
from .fingerprint import date_target, event_key, question_fingerprint, seed_of
from .text import explanation, normalise, restore_names
from .wording import question_from_clause, strip_time, with_article, without_birth_name

_DIFFICULTY = {"year": 3, "month": 3, "day": 4}


def when_explanation(dated: DatedFact, *, published: date | None) -> str:
    """The evidence, then how its time expression gives the date: "“Thursday”, in
    an article published on Saturday 9 May 2020, is 7 May 2020."."""
    return explanation(dated.event.evidence, date_resolution(dated, published=published))


def build(ctx: GenerationContext) -> list[QuestionDraft]:
    drafts = []
    seen_prompts = set()
    for dated in ctx.clean_dated:
        event, when = dated.event, dated.when
        clause = strip_time(event.event, event.when)
        wh = "In what year" if when.granularity == "year" else "When"
        prompt = question_from_clause(clause, wh=wh)
        prompt = (
            without_birth_name(
                with_article(
                    restore_names(without_country_roles(prompt, ctx), ctx.article_text), clause
                )
            )
            if prompt
            else None
        )
        if not prompt or normalise(prompt) in seen_prompts:
            continue
        key = event_key(event)
        distractors = date_distractors(
            when, article_dates=ctx.article_dates, latest=ctx.latest, seed=seed_of(key)
        )
        if len(distractors) < MIN_DISTRACTORS or narrows_options(prompt, when, distractors):
            continue
        seen_prompts.add(normalise(prompt))
        drafts.append(
            QuestionDraft(
                kind="when",
                prompt=prompt,
                answer=when.label(),
                choices=arrange(when.label(), distractors, seed=seed_of(key)),
                explanation=when_explanation(dated, published=ctx.published),
                evidence_start=event.evidence_start,
                evidence_end=event.evidence_end,
                fingerprint=question_fingerprint("when", key),
                difficulty=_DIFFICULTY[when.granularity],
                fact_keys=(dated.group,),
                target=date_target(when.iso()),
                source=dated,
            )
        )
    return drafts
