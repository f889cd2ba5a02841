"""A teacher in admin sees and changes only what is theirs."""

import pytest
from django.urls import reverse

from quizzes.models import QuestionBank
from tests.factories import ArticleFactory, QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_question_list_filter_does_not_name_other_teachers_banks(
    teacher_client, teacher, other_teacher
):
    QuestionFactory(bank=QuestionBankFactory(owner=teacher, title="Mine bank"))
    QuestionFactory(bank=QuestionBankFactory(owner=other_teacher, title="Secret otto bank"))

    response = teacher_client.get(reverse("admin:quizzes_question_changelist"))

    assert response.status_code == 200
    assert "Mine bank" in response.content.decode()
    assert "Secret otto bank" not in response.content.decode()


def test_teacher_cannot_attach_another_teachers_article_to_their_bank(
    teacher_client, teacher, other_teacher
):
    bank = QuestionBankFactory(owner=teacher, title="Mine", status="draft")
    foreign = ArticleFactory(created_by=other_teacher, title="Otto's scoop")

    response = teacher_client.post(
        reverse("admin:quizzes_questionbank_change", args=[bank.pk]),
        {
            "title": "Mine",
            "description": "",
            "article": str(foreign.pk),
            "status": "draft",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "questions-MIN_NUM_FORMS": "0",
            "questions-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200  # the form again, with an error
    assert "article" in response.context["adminform"].form.errors
    bank.refresh_from_db()
    assert bank.article_id != foreign.pk


def test_teacher_cannot_add_a_bank_on_another_teachers_article(teacher_client, other_teacher):
    foreign = ArticleFactory(created_by=other_teacher)

    response = teacher_client.post(
        reverse("admin:quizzes_questionbank_add"),
        {
            "title": "Stolen",
            "description": "",
            "article": str(foreign.pk),
            "status": "draft",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "questions-MIN_NUM_FORMS": "0",
            "questions-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert not QuestionBank.objects.filter(title="Stolen").exists()


def test_other_teachers_bank_pages_are_not_reachable(teacher_client, other_teacher):
    foreign = QuestionBankFactory(owner=other_teacher, title="Otto only")
    question = QuestionFactory(bank=foreign)
    for url in [
        reverse("admin:quizzes_questionbank_change", args=[foreign.pk]),
        reverse("admin:quizzes_questionbank_history", args=[foreign.pk]),
        reverse("admin:quizzes_questionbank_delete", args=[foreign.pk]),
        reverse("admin:quizzes_question_change", args=[question.pk]),
        reverse("admin:quizzes_question_history", args=[question.pk]),
        reverse("admin:learning_bankprogress_change", args=[foreign.pk]),
        reverse("admin:learning_bankprogress_history", args=[foreign.pk]),
    ]:
        response = teacher_client.get(url, follow=True)
        assert "Otto only" not in response.content.decode(), url
        assert response.status_code in (200, 403, 404), url


def test_bank_progress_odd_ids_are_404_not_500(teacher_client):
    for object_id in ["abc", "99999999999999999999999", "-1"]:
        response = teacher_client.get(f"/admin/learning/bankprogress/{object_id}/change/")
        assert response.status_code in (302, 404), object_id


def test_teacher_cannot_add_a_question_to_another_teachers_bank(teacher_client, other_teacher):
    from quizzes.models import Question

    foreign = QuestionBankFactory(owner=other_teacher, status="draft")
    response = teacher_client.post(
        reverse("admin:quizzes_question_add"),
        {
            "bank": str(foreign.pk),
            "kind": "true_false",
            "prompt": "Smuggled?",
            "answer": "True",
            "explanation": "",
            "status": "draft",
            "evidence_start": "",
            "evidence_end": "",
            "difficulty": "1",
            "position": "0",
            "choices-TOTAL_FORMS": "0",
            "choices-INITIAL_FORMS": "0",
            "choices-MIN_NUM_FORMS": "0",
            "choices-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "bank" in response.context["adminform"].form.errors
    assert not Question.objects.filter(prompt="Smuggled?").exists()


def test_bulk_actions_ignore_other_teachers_ids(teacher_client, teacher, other_teacher):
    foreign = QuestionBankFactory(owner=other_teacher, status="published")
    question = QuestionFactory(bank=foreign)
    teacher_client.post(
        reverse("admin:quizzes_questionbank_changelist"),
        {"action": "unpublish_banks", "_selected_action": [str(foreign.pk)]},
    )
    teacher_client.post(
        reverse("admin:quizzes_question_changelist"),
        {"action": "reject_questions", "_selected_action": [str(question.pk)]},
    )
    response = teacher_client.post(
        reverse("admin:quizzes_questionbank_changelist"),
        {"action": "export_json", "_selected_action": [str(foreign.pk)]},
    )
    foreign.refresh_from_db()
    question.refresh_from_db()
    assert foreign.status == "published"
    assert question.status == "published"
    assert response.get("Content-Disposition") is None
