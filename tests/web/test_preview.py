"""Preview as student (web/preview_views.py): a teacher takes their own draft bank
through the student's quiz pages; nothing is recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learning.models import Card, QuizAnswer, QuizAttempt, ReviewLog
from tests.factories import OrderingQuestionFactory, QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, status="draft", title="Danube")
    accepted = QuestionFactory(bank=bank, status="published", position=1)
    QuestionFactory(bank=bank, status="draft", position=2, prompt="Still a draft?")
    QuestionFactory(bank=bank, status="rejected", position=3, prompt="Rejected one?")
    timeline = OrderingQuestionFactory(bank=bank, status="published", position=4)
    return bank, accepted, timeline


def nothing_recorded():
    return (
        Card.objects.count()
        + ReviewLog.objects.count()
        + QuizAttempt.objects.count()
        + QuizAnswer.objects.count()
    ) == 0


def test_preview_shows_the_accepted_questions_as_a_student_sees_them(teacher_client, draft_bank):
    bank, accepted, _ = draft_bank

    response = teacher_client.get(reverse("web:bank_preview", args=[bank.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Preview as student" in body
    assert "a draft bank: students cannot see it yet" in body
    assert accepted.prompt in body
    assert 'Question <span data-testid="quiz-number">1</span> of 2' in body  # no draft, no rejected
    assert "Jane Doe" in body
    assert "Correct answer" not in body


def test_answering_in_preview_shows_feedback_and_records_nothing(teacher_client, draft_bank):
    bank, accepted, _ = draft_bank
    wrong = accepted.choices.get(text="John Roe")
    url = reverse("web:bank_preview_answer", args=[bank.pk]) + "?n=1"

    response = teacher_client.post(url, {"question": accepted.pk, "choice": wrong.pk})

    assert response.status_code == 200
    body = response.content.decode()
    assert "✗ Not quite" in body
    assert "Correct answer" in body
    assert reverse("web:bank_preview", args=[bank.pk]) + "?n=2" in body
    assert nothing_recorded()


def test_timeline_in_preview_is_graded_too(teacher_client, draft_bank):
    bank, _, timeline = draft_bank
    right = list(timeline.choices.order_by("position").values_list("pk", flat=True))
    url = reverse("web:bank_preview_answer", args=[bank.pk]) + "?n=2"

    response = teacher_client.post(url, {"question": timeline.pk, "order": right})

    assert "✓ Right" in response.content.decode()
    assert "Back to the review" in response.content.decode()
    assert nothing_recorded()


def test_an_answer_missing_is_a_form_error(teacher_client, draft_bank):
    bank, accepted, _ = draft_bank
    url = reverse("web:bank_preview_answer", args=[bank.pk]) + "?n=1"

    response = teacher_client.post(url, {"question": accepted.pk})

    assert response.status_code == 400
    assert "Pick one of the choices." in response.content.decode()
    assert nothing_recorded()


def test_before_any_question_is_accepted_the_drafts_are_previewed(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher, status="draft")
    QuestionFactory(bank=bank, status="draft", prompt="A draft question?")

    body = teacher_client.get(reverse("web:bank_preview", args=[bank.pk])).content.decode()

    assert "A draft question?" in body
    assert "No question is accepted yet, so these are the drafts." in body


@pytest.mark.parametrize("who", ["student", "other_teacher"])
def test_nobody_else_can_preview_a_draft_bank(client, draft_bank, request, who):
    bank, accepted, _ = draft_bank
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("web:bank_preview", args=[bank.pk])).status_code == 404
    answer = reverse("web:bank_preview_answer", args=[bank.pk]) + "?n=1"
    assert client.post(answer, {"question": accepted.pk}).status_code == 404
