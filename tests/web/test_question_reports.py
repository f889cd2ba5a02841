"""'Report this question' on study and quiz feedback: the report reaches the
bank's teacher in admin next to the question, and only them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learning.services import quiz_answer, quiz_start
from quizzes.models import QuestionReport
from quizzes.services import QuestionReportError, question_report_create
from tests.factories import QuestionBankFactory, QuestionFactory, TeacherFactory

HX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


def test_the_study_answer_and_quiz_feedback_offer_the_report_form(
    student_client, student, news_bank
):
    study = student_client.get(f"/study/?bank={news_bank.pk}").content.decode()
    assert "Report this question" in study
    assert 'value="wrong_answer"' in study

    attempt = quiz_start(user=student, bank=news_bank, size=6)
    question = news_bank.questions.filter(pk__in=attempt.question_ids, kind="who_said").first()
    right = question.choices.get(is_correct=True)
    quiz_answer(user=student, attempt=attempt, question_id=question.pk, choice_id=right.pk)

    feedback = student_client.get(f"/quiz/{attempt.pk}/feedback/{question.pk}/").content.decode()

    assert f'action="/questions/{question.pk}/report/"' in feedback
    assert f'name="next" value="/quiz/{attempt.pk}/feedback/{question.pk}/"' in feedback


def test_a_report_without_javascript_goes_back_with_thanks(student_client, student, news_bank):
    question = news_bank.questions.first()

    response = student_client.post(
        f"/questions/{question.pk}/report/",
        {"reason": "typo", "comment": "“Tashkent” is misspelt", "next": "/study/"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/study/"
    assert "Thanks: your report reached the teacher of this bank." in response.content.decode()
    report = QuestionReport.objects.get()
    assert (report.question, report.reporter, report.reason) == (question, student, "typo")


def test_a_report_with_htmx_swaps_in_a_thank_you(student_client, news_bank):
    question = news_bank.questions.first()

    response = student_client.post(f"/questions/{question.pk}/report/", {"reason": "unclear"}, **HX)

    assert 'data-testid="report-sent"' in response.content.decode()


def test_something_else_needs_a_comment(student_client, news_bank):
    question = news_bank.questions.first()

    response = student_client.post(f"/questions/{question.pk}/report/", {"reason": "other"})

    assert response.status_code == 400
    assert "Say in a few words what is wrong." in response.content.decode()
    assert not QuestionReport.objects.exists()


def test_reporting_again_updates_the_open_report(student, news_bank):
    question = news_bank.questions.first()
    question_report_create(user=student, question_id=question.pk, reason="typo")

    question_report_create(user=student, question_id=question.pk, reason="other", comment="x")

    assert list(QuestionReport.objects.values_list("reason", "comment")) == [("other", "x")]


def test_a_draft_question_cannot_be_reported(student, teacher):
    draft = QuestionFactory(bank=QuestionBankFactory(owner=teacher), status="draft")

    with pytest.raises(QuestionReportError):
        question_report_create(user=student, question_id=draft.pk, reason="typo")

    assert not QuestionReport.objects.exists()


def test_only_the_banks_teacher_sees_the_report_next_to_the_question(
    client, student, teacher, news_bank
):
    question = news_bank.questions.first()
    question_report_create(
        user=student, question_id=question.pk, reason="wrong_answer", comment="It was 1992"
    )
    url = reverse("admin:quizzes_question_change", args=[question.pk])

    client.force_login(teacher)
    html = client.get(url).content.decode()
    assert "Reports from students" in html
    assert "It was 1992" in html
    assert "stella" not in html.split("Reports from students")[1].split("Evidence")[0]

    client.force_login(TeacherFactory(username="other"))
    assert client.get(url).status_code in (302, 404)
    client.force_login(student)
    assert client.get(url).status_code == 302  # students never enter admin


def test_the_teacher_marks_a_report_resolved_and_others_see_none(
    client, student, teacher, news_bank
):
    question = news_bank.questions.first()
    report = question_report_create(user=student, question_id=question.pk, reason="typo")
    url = reverse("admin:quizzes_questionreport_changelist")
    client.force_login(TeacherFactory(username="other"))
    assert client.get(url).context["cl"].result_count == 0  # not their question

    client.force_login(teacher)
    listing = client.get(f"{url}?question__id__exact={question.pk}").content.decode()
    assert "There is a typo" in listing
    response = client.post(url, {"action": "mark_resolved", "_selected_action": [report.pk]})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.resolved_at is not None
    page = client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    assert "None open." in page.content.decode()
