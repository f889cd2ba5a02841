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

from quizzes.extraction.facts import Facts
from quizzes.validation import question_problems

from . import cloze, timeline, true_false, when, which_country, who_said
from .context import build_context
from .draft import QuestionDraft

BUILDERS = (who_said, which_country, when, timeline, cloze, true_false)

__all__ = ["QuestionDraft", "generate_questions"]


def generate_questions(
    facts: Facts,
    *,
    article_text: str,
    other_people: Sequence[str] = (),
    published: date | None = None,
) -> list[QuestionDraft]:
    """Question drafts for an article's facts, in a stable order (by kind, then
    by the fact's place in the article); no two share a fingerprint."""
    ctx = build_context(
        facts, article_text=article_text, other_people=list(other_people), published=published
    )
    drafts: list[QuestionDraft] = []
    seen: set[str] = set()
    for builder in BUILDERS:
        for draft in builder.build(ctx):
            if draft.fingerprint in seen:
                continue
            problems = question_problems(
                kind=draft.kind,
                status="published",
                prompt=draft.prompt,
                answer=draft.answer,
                choices=draft.choices,
            )
            if problems:
                continue
            seen.add(draft.fingerprint)
            drafts.append(draft)
    return drafts
