"""A bank holding every kind of question, with an article and evidence spans."""

from __future__ import annotations

import pytest

from quizzes.models import Choice
from tests.factories import ArticleFactory, QuestionBankFactory, QuestionFactory

ARTICLE = (
    "Leaders meet in Tashkent\n"
    "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent in September 2022.\n"
    '"We will build new roads," said Jane Doe, a senior fellow.\n'
    "The USSR dissolved in 1991.\n"
)


def _span(sentence: str) -> tuple[int, int]:
    start = ARTICLE.index(sentence)
    return start, start + len(sentence)


def _question(bank, kind, prompt, answer, choices, **extra):
    """choices: list of (text, is_correct) in display / correct order."""
    question = QuestionFactory(
        bank=bank, kind=kind, prompt=prompt, answer=answer, choices=[], **extra
    )
    for position, (text, correct) in enumerate(choices):
        Choice.objects.create(question=question, text=text, is_correct=correct, position=position)
    return question


@pytest.fixture
def mixed_bank(teacher):
    article = ArticleFactory(
        title="Leaders meet",
        text=ARTICLE,
        url="https://news.example.com/leaders",
        created_by=teacher,
    )
    bank = QuestionBankFactory(owner=teacher, title="Central Asia: all kinds", article=article)
    roads = _span('"We will build new roads," said Jane Doe, a senior fellow.')
    summit = _span(
        "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent in September 2022."
    )
    ussr = _span("The USSR dissolved in 1991.")
    _question(
        bank,
        "who_said",
        "Who said: “We will build new roads {fast}: 100%”?",
        "Jane Doe",
        [("John Roe", False), ("Jane Doe", True), ("Ann Poe", False), ("Max Moe", False)],
        explanation="She said it in the article = the evidence.",
        evidence_start=roads[0],
        evidence_end=roads[1],
        difficulty=3,
    )
    _question(
        bank,
        "which_country",
        "Which country is Tashkent in?",
        "Uzbekistan",
        [("Kazakhstan", False), ("Uzbekistan", True), ("China", False)],
        evidence_start=summit[0],
        evidence_end=summit[1],
    )
    _question(
        bank,
        "when",
        "When did the USSR dissolve?",
        "1991",
        [("1989", False), ("1991", True), ("2001", False)],
        evidence_start=ussr[0],
        evidence_end=ussr[1],
        status="draft",
    )
    _question(
        bank,
        "true_false",
        "True or false: the summit was held in Tashkent.",
        "True",
        [("True", True), ("False", False)],
    )
    _question(
        bank,
        "ordering",
        "Put these events in order, earliest first.",
        "The USSR dissolved → The summit in Tashkent → Jane Doe spoke <later>",
        [
            ("The USSR dissolved", False),
            ("The summit in Tashkent", False),
            ("Jane Doe spoke <later>", False),
        ],
        difficulty=4,
    )
    _question(
        bank,
        "cloze",
        "The summit was held in _____ in September 2022.",
        "Tashkent",
        [("Tashkent", True), ("Almaty", False), ("Beijing", False)],
    )
    _question(bank, "cloze", "Jane Doe is a senior _____.", "fellow", [], status="draft")
    _question(
        bank,
        "free_text",
        "Name the Uzbek President.\nGive his full name.",
        "Shavkat Mirziyoyev",
        [],
        explanation="Line one.\nLine two & more.",
        status="rejected",
    )
    return bank


def signature(bank) -> list[tuple]:
    """What a round trip must keep: kind, prompt, answer, explanation, status,
    difficulty and the choices (text, correctness) in order."""
    return [
        (
            q.kind,
            q.prompt,
            q.answer,
            q.explanation,
            q.status,
            q.difficulty,
            [(c.text, c.is_correct) for c in q.choices.order_by("position", "id")],
        )
        for q in bank.questions.order_by("position", "id")
    ]
