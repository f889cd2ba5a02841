"""When did …? / In what year …? The options are dates of the answer's
granularity near it, formatted the same way ("2014", "March 2022")."""

from __future__ import annotations

from .context import DatedFact, GenerationContext
from .dates import mentions
from .distractors import MIN_DISTRACTORS, arrange, date_distractors
from .draft import QuestionDraft
from .fingerprint import event_key, question_fingerprint, seed_of
from .text import explanation, normalise
from .wording import question_from_clause, strip_time

_DIFFICULTY = {"year": 3, "month": 3, "day": 4}


def when_explanation(dated: DatedFact) -> str:
    label = dated.when.label()
    said = dated.event.when or ""
    extra = f"(“{said}” → {label})" if said and normalise(said) != normalise(label) else ""
    return explanation(dated.event.evidence, extra)


def build(ctx: GenerationContext) -> list[QuestionDraft]:
    drafts = []
    seen_prompts = set()
    for dated in ctx.dated:
        if dated.planned:
            continue
        event, when = dated.event, dated.when
        clause = strip_time(event.event, event.when)
        wh = "In what year" if when.granularity == "year" else "When"
        prompt = question_from_clause(clause, wh=wh)
        if not prompt or mentions(prompt, when) or normalise(prompt) in seen_prompts:
            continue
        key = event_key(event)
        distractors = date_distractors(
            when, article_dates=ctx.article_dates, latest=ctx.latest, seed=seed_of(key)
        )
        if len(distractors) < MIN_DISTRACTORS:
            continue
        seen_prompts.add(normalise(prompt))
        drafts.append(
            QuestionDraft(
                kind="when",
                prompt=prompt,
                answer=when.label(),
                choices=arrange(when.label(), distractors, seed=seed_of(key)),
                explanation=when_explanation(dated),
                evidence_start=event.evidence_start,
                evidence_end=event.evidence_end,
                fingerprint=question_fingerprint("when", key),
                difficulty=_DIFFICULTY[when.granularity],
            )
        )
    return drafts
