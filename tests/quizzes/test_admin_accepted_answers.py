"""Teachers list the other typed answers a question accepts, one per line, in admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from quizzes.models import Question
from tests.factories import QuestionBankFactory, QuestionFactory
from tests.quizzes.test_admin import choice_formset

pytestmark = pytest.mark.django_db


def _cloze_data(bank, accepted: str) -> dict:
    data = {
        "bank": bank.pk,
        "kind": "cloze",
        "prompt": "Fill in the blank: ____ opened the summit.",
        "answer": "Mr Kassym-Jomart Tokayev",
        "accepted_answers": accepted,
        "explanation": "",
        "status": "published",
        "evidence_start": "",
        "evidence_end": "",
        "difficulty": "3",
        "position": "0",
    }
    data.update(choice_formset([]))
    return data


def test_teacher_adds_accepted_answers_one_per_line(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)

    response = teacher_client.post(
        reverse("admin:quizzes_question_add"),
        _cloze_data(bank, "Tokayev\n\n  the  President \nTOKAYEV\n"),
    )

    assert response.status_code == 302
    question = Question.objects.get(bank=bank)
    assert question.accepted_answers == ["Tokayev", "the President"]
    page = teacher_client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    html = page.content.decode()
    assert "Also accept" in html
    assert "Tokayev\nthe President</textarea>" in html


def test_too_many_accepted_answers_is_a_form_error(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)
    many = "\n".join(f"Answer {n}" for n in range(25))

    response = teacher_client.post(reverse("admin:quizzes_question_add"), _cloze_data(bank, many))

    assert response.status_code == 200
    assert "At most 20 accepted answers" in response.content.decode()
    assert not Question.objects.filter(bank=bank).exists()


def test_another_teacher_cannot_edit_them(client, other_teacher, teacher):
    question = QuestionFactory(bank=QuestionBankFactory(owner=teacher), accepted_answers=["X"])
    client.force_login(other_teacher)

    response = client.get(reverse("admin:quizzes_question_change", args=[question.pk]))

    assert response.status_code in (302, 403, 404)
