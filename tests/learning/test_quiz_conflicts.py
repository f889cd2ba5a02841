"""A quiz never holds two questions on one fact, nor one that gives another away
(issue 11 §4): quiz_start picks through quizzes.api.question_ids_for_quiz."""

import pytest

from learning import services
from learning.models import QuizMode
from tests.factories import QuestionBankFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _bank_with_one_fact_asked_twice():
    """Four questions; the first two are asked of one sentence of the article (one fact)."""
    bank = QuestionBankFactory()
    same_sentence = {"evidence_start": 0, "evidence_end": 40}
    twins = [QuestionFactory(bank=bank, **same_sentence) for _ in range(2)]
    others = [
        QuestionFactory(bank=bank, evidence_start=50 + 10 * n, evidence_end=58 + 10 * n)
        for n in range(2)
    ]
    return bank, twins, others


@pytest.mark.parametrize("mode", [QuizMode.RANDOM, QuizMode.DUE_FIRST])
def test_a_quiz_never_holds_two_questions_of_one_sentence(mode):
    bank, twins, others = _bank_with_one_fact_asked_twice()
    student = UserFactory()
    for _ in range(12):  # random order: every draw keeps one of the twins at most
        attempt = services.quiz_start(user=student, bank=bank, size=10, mode=mode)
        chosen = set(attempt.question_ids)
        assert len(chosen & {q.pk for q in twins}) == 1
        assert {q.pk for q in others} <= chosen
        assert len(attempt.question_ids) == 3


def test_two_when_questions_with_one_date_share_no_quiz():
    bank = QuestionBankFactory()
    for n in range(2):
        QuestionFactory(
            bank=bank,
            kind="when",
            prompt=f"When did the council open bridge number {n}?",
            answer="4 May 2020",
            explanation="",
            evidence_start=100 * n,
            evidence_end=100 * n + 30,
            choices=["4 May 2020", "5 May 2020", "3 May 2020", "6 May 2020"],
        )
    attempt = services.quiz_start(user=UserFactory(), bank=bank, size=10)
    assert len(attempt.question_ids) == 1


def test_questions_of_different_facts_fill_the_quiz_to_its_size():
    bank = QuestionBankFactory()
    for n in range(6):
        QuestionFactory(bank=bank, evidence_start=10 * n, evidence_end=10 * n + 8)
    attempt = services.quiz_start(user=UserFactory(), bank=bank, size=5)
    assert len(attempt.question_ids) == 5
