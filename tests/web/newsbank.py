"""A small published bank built with the factories, shared by tests/web and
tests/e2e: an article whose sentences are the evidence of five multiple-choice
questions, and one timeline question."""

from __future__ import annotations

import itertools

from tests.factories import (
    ArticleFactory,
    OrderingQuestionFactory,
    QuestionBankFactory,
    QuestionFactory,
)

NEWS_TEXT = (
    "Leaders meet in Tashkent\n"
    "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent in September 2022.\n"
    '"We will build new roads," said Jane Doe, a senior fellow.\n'
    "Kazakhstan became independent when the USSR dissolved in 1991.\n"
    'Kazakh President Kassym-Jomart Tokayev called the situation "hopeless".\n'
    "China's President Xi Jinping visited Astana before the summit.\n"
)

# (kind, prompt, answer, choices, evidence sentence)
MC_QUESTIONS = [
    (
        "who_said",
        "Who said: “We will build new roads”?",
        "Jane Doe",
        ["Jane Doe", "Kassym-Jomart Tokayev", "Xi Jinping", "Shavkat Mirziyoyev"],
        '"We will build new roads," said Jane Doe, a senior fellow.',
    ),
    (
        "which_country",
        "Which country's president hosted the summit in Tashkent?",
        "Uzbekistan",
        ["Uzbekistan", "Kazakhstan", "China", "Russia"],
        "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent in September 2022.",
    ),
    (
        "when",
        "When did the USSR dissolve?",
        "1991",
        ["1991", "1989", "1997", "2001"],
        "Kazakhstan became independent when the USSR dissolved in 1991.",
    ),
    (
        "who_said",
        "Who called the situation “hopeless”?",
        "Kassym-Jomart Tokayev",
        ["Kassym-Jomart Tokayev", "Jane Doe", "Xi Jinping", "Shavkat Mirziyoyev"],
        'Kazakh President Kassym-Jomart Tokayev called the situation "hopeless".',
    ),
    (
        "which_country",
        "Which country's president visited Astana before the summit?",
        "China",
        ["China", "Uzbekistan", "Kazakhstan", "Russia"],
        "China's President Xi Jinping visited Astana before the summit.",
    ),
]

TIMELINE = [
    "USSR dissolves (1991)",
    "Kazakhstan's capital moves to Astana (1997)",
    "SCO summit in Tashkent (2022)",
]


_stories = itertools.count(1)


def span_of(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def news_bank_build(*, owner=None, title: str = "Central Asia news", with_timeline: bool = True):
    """The bank, its article, and the questions in position order (MC first)."""
    extra = {"owner": owner} if owner is not None else {}
    text = f"{NEWS_TEXT}Filed as story {next(_stories)}.\n"  # article texts are unique
    article = ArticleFactory(
        title="Leaders meet in Tashkent", text=text, **({"created_by": owner} if owner else {})
    )
    bank = QuestionBankFactory(title=title, article=article, **extra)
    questions = []
    for position, (kind, prompt, answer, choices, sentence) in enumerate(MC_QUESTIONS):
        start, end = span_of(NEWS_TEXT, sentence)
        questions.append(
            QuestionFactory(
                bank=bank,
                kind=kind,
                prompt=prompt,
                answer=answer,
                choices=choices,
                explanation="",
                evidence_start=start,
                evidence_end=end,
                position=position,
            )
        )
    if with_timeline:
        questions.append(OrderingQuestionFactory(bank=bank, choices=TIMELINE, position=10))
    return bank, questions
