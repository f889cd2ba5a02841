"""The quality check runs each draft only through the rules of its kind (RULE_KINDS):
a rule left out for a kind must have had nothing to say about a draft of that kind,
or skipping it would keep a question the full check drops."""

from dataclasses import replace
from datetime import date

from quizzes.extraction.article_caches import clear_article_caches
from quizzes.generation import generation_context, review_questions
from quizzes.generation.quality.rules import (
    DRAFT_RULES,
    PRIORITY,
    RULE_KINDS,
    draft_problem,
    rules_of_kind,
)

from .facts_for_tests import SAMPLE_TEXT, sample_facts

PUBLISHED = date(2022, 9, 30)


def sample_drafts():
    review = review_questions(sample_facts(), article_text=SAMPLE_TEXT, published=PUBLISHED)
    return [*review.kept, *(draft for draft, _ in review.dropped)]


def test_every_kind_is_drafted_from_the_sample():
    assert {d.kind for d in sample_drafts()} >= set(PRIORITY) - {"ordering"}


def test_a_rule_left_out_for_a_kind_passes_every_draft_of_that_kind():
    drafts = sample_drafts()
    ctx = generation_context(sample_facts(), article_text=SAMPLE_TEXT, published=PUBLISHED)
    try:
        for rule, kinds in RULE_KINDS.items():
            for other in set(PRIORITY) - set(kinds):
                for draft in drafts:
                    assert rule(replace(draft, kind=other), ctx) is None, (rule.__name__, other)
    finally:
        clear_article_caches()


def test_the_rules_of_a_kind_keep_the_registry_order():
    assert set(RULE_KINDS) <= set(DRAFT_RULES)
    for kind in PRIORITY:
        rules = rules_of_kind(kind)
        assert list(rules) == [r for r in DRAFT_RULES if r in rules]


def test_the_check_by_kind_gives_each_draft_the_full_checks_reason():
    drafts = sample_drafts()
    ctx = generation_context(sample_facts(), article_text=SAMPLE_TEXT, published=PUBLISHED)
    try:
        for draft in drafts:
            full = next((p for rule in DRAFT_RULES if (p := rule(draft, ctx))), None)
            by_kind = draft_problem(draft, ctx)
            assert by_kind == full or (by_kind or "").startswith("invalid: "), draft.prompt
    finally:
        clear_article_caches()
