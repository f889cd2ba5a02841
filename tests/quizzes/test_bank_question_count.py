"""A bank's published-question count is kept by the database (BankQuestionCount,
triggers on the question table), so pages read one row instead of counting a
bank's questions. Whatever writes the questions, the count equals a recount."""

from __future__ import annotations

import pytest
from django.db.models import Count

from quizzes.api import bank_published_counts
from quizzes.models import BankQuestionCount, Question, QuestionBank
from quizzes.services import bank_publish, question_archive, question_set_status
from tests.factories import QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def kept() -> dict[int, int]:
    return {
        bank: n for bank, n in BankQuestionCount.objects.values_list("bank_id", "published") if n
    }


def recount() -> dict[int, int]:
    return dict(
        Question.objects.filter(status="published")
        .values("bank_id")
        .annotate(n=Count("id"))
        .values_list("bank_id", "n")
        .order_by()
    )


def test_the_count_follows_every_kind_of_write():
    first = QuestionBankFactory(title="Harbour news")
    second = QuestionBankFactory(title="Valley news")
    questions = QuestionFactory.create_batch(5, bank=first)
    QuestionFactory.create_batch(2, bank=second, status="draft")
    assert kept() == recount() == {first.pk: 5}

    # one by one (services), in bulk (QuerySet.update), moved, deleted
    question_set_status(questions=Question.objects.filter(pk=questions[0].pk), status="draft")
    question_archive(question=questions[1])
    Question.objects.filter(pk__in=[q.pk for q in questions[2:4]]).update(bank=second)
    bank_publish(bank=second)
    questions[4].delete()
    assert kept() == recount() == {second.pk: 4}
    assert bank_published_counts([first.pk, second.pk]) == {first.pk: 0, second.pk: 4}

    # a save that leaves the status alone changes nothing
    moved = Question.objects.filter(bank=second, status="published").first()
    moved.prompt = "Which harbour reopened after the storm?"
    moved.save()
    assert kept() == recount()


def test_a_bank_is_deleted_with_its_questions_and_its_count():
    bank = QuestionBankFactory(title="Old news")
    QuestionFactory.create_batch(3, bank=bank)
    assert bank_published_counts([bank.pk]) == {bank.pk: 3}

    QuestionBank.objects.filter(pk=bank.pk).delete()

    assert not BankQuestionCount.objects.filter(bank_id=bank.pk).exists()
    assert kept() == recount() == {}


def test_only_published_banks_are_counted_for_students():
    bank = QuestionBankFactory(title="Draft bank", status="draft")
    QuestionFactory.create_batch(2, bank=bank)

    assert bank_published_counts([bank.pk]) == {}
    assert kept() == {bank.pk: 2}
