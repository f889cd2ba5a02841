"""Facts -> questions: one builder per kind, all pure (plain dataclasses in and
out, no ORM). `generate_questions` is the one entry point.

Every draft satisfies quizzes.validation.question_problems as a published
question would: one correct answer, distinct options, 2-3 distractors for
multiple choice; the builders also make sure the prompt does not give the
answer away and keep the evidence span and an "In the article: …" explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from quizzes.extraction.article_caches import clear_article_caches
from quizzes.extraction.facts import Facts

from . import cloze, timeline, true_false, when, which_country, who_said
from .context import GenerationContext, build_context
from .draft import QuestionDraft
from .event_checks import clean_events
from .quality import QuizQuestion, Review, questions_conflict, select

BUILDERS = (who_said, which_country, when, timeline, cloze, true_false)

__all__ = [
    "QuestionDraft",
    "QuizQuestion",
    "Review",
    "generate_questions",
    "generation_context",
    "questions_conflict",
    "review_questions",
]


def generation_context(
    facts: Facts,
    *,
    article_text: str,
    other_people: Sequence[str] = (),
    published: date | None = None,
) -> GenerationContext:
    """What every builder reads: the article's deduplicated facts, people,
    countries and the dated events clean enough to ask "when?"."""
    ctx = build_context(
        facts, article_text=article_text, other_people=list(other_people), published=published
    )
    ctx.clean_dated = clean_events(ctx.dated)
    return ctx


def review_questions(
    facts: Facts,
    *,
    article_text: str,
    other_people: Sequence[str] = (),
    published: date | None = None,
) -> Review:
    """Every builder's drafts through the quality check (quizzes.generation.quality):
    the kept drafts in a stable order (by kind, then by the fact's place in the
    article) and the dropped ones with the reason. The per-article caches are
    cleared on return so a long-running worker keeps no article text alive."""
    try:
        ctx = generation_context(
            facts, article_text=article_text, other_people=other_people, published=published
        )
        drafts = [draft for builder in BUILDERS for draft in builder.build(ctx)]
        return select(drafts, ctx)
    finally:
        clear_article_caches()


def generate_questions(
    facts: Facts,
    *,
    article_text: str,
    other_people: Sequence[str] = (),
    published: date | None = None,
) -> list[QuestionDraft]:
    """Question drafts for an article's facts that pass the quality check, in a
    stable order; no two share a fingerprint."""
    return review_questions(
        facts, article_text=article_text, other_people=other_people, published=published
    ).kept
