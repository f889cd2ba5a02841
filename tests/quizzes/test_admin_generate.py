"""The "Generate questions" admin action and the button on the article page."""

import pytest
from django.urls import reverse

from quizzes.models import GenerationJob, Question, QuestionBank
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_action_generates_a_bank_and_reports_counts(teacher_client, teacher, sample_article):
    response = teacher_client.post(
        reverse("admin:quizzes_article_changelist"),
        {"action": "generate_questions", "_selected_action": [sample_article.pk]},
        follow=True,
    )
    assert response.status_code == 200
    bank = QuestionBank.objects.get(article=sample_article, owner=teacher)
    total = bank.questions.count()
    who_said = bank.questions.filter(kind="who_said").count()
    (message,) = messages_of(response)
    assert message.startswith(f"“Kazakhstan”: {total} new draft question(s) ({who_said} who said,")
    assert "0 kept in “Kazakhstan”." in message
    assert reverse("admin:quizzes_questionbank_review", args=[bank.pk]) in response.content.decode()
    job = GenerationJob.objects.get(article=sample_article)
    assert job.status == "done"
    assert job.requested_by == teacher


def test_running_the_action_again_keeps_everything(teacher_client, sample_article):
    url = reverse("admin:quizzes_article_changelist")
    data = {"action": "generate_questions", "_selected_action": [sample_article.pk]}
    teacher_client.post(url, data, follow=True)
    count = Question.objects.count()
    response = teacher_client.post(url, data, follow=True)
    (message,) = messages_of(response)
    assert message.startswith(f"“Kazakhstan”: 0 new draft question(s), {count} kept")
    assert Question.objects.count() == count


def test_article_page_has_a_generate_button_posting_with_csrf(teacher_client, sample_article):
    response = teacher_client.get(reverse("admin:quizzes_article_change", args=[sample_article.pk]))
    body = response.content.decode()
    action = reverse("admin:quizzes_article_generate", args=[sample_article.pk])
    assert f'<form method="post" action="{action}"' in body
    assert "csrfmiddlewaretoken" in body.split(action, 1)[1].split("</form>", 1)[0]
    assert "Generate questions</button>" in body


def test_button_generates_and_opens_the_review_of_the_new_bank(
    teacher_client, teacher, sample_article
):
    url = reverse("admin:quizzes_article_generate", args=[sample_article.pk])
    response = teacher_client.post(url)
    bank = QuestionBank.objects.get(article=sample_article)
    assert bank.owner == teacher
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:quizzes_questionbank_review", args=[bank.pk])


def test_a_failed_generation_returns_to_the_article(teacher_client, sample_article, fake_extract):
    fake_extract.facts_by_text.clear()  # nothing to ask about
    url = reverse("admin:quizzes_article_generate", args=[sample_article.pk])
    response = teacher_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:quizzes_article_change", args=[sample_article.pk])
    assert not QuestionBank.objects.exists()


def test_button_needs_post_and_an_existing_article(teacher_client, sample_article):
    url = reverse("admin:quizzes_article_generate", args=[sample_article.pk])
    assert teacher_client.get(url).status_code == 405
    assert not QuestionBank.objects.exists()
    missing = reverse("admin:quizzes_article_generate", args=[999999])
    assert teacher_client.post(missing).status_code in (302, 404)
    assert not QuestionBank.objects.exists()


def test_student_cannot_generate(student_client, sample_article):
    url = reverse("admin:quizzes_article_generate", args=[sample_article.pk])
    response = student_client.post(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not QuestionBank.objects.exists()


def test_article_without_facts_gives_an_error_message_and_writes_nothing(
    teacher_client, teacher, fake_extract
):
    article = ArticleFactory(title="Weather", text="It was mild all week.", created_by=teacher)
    response = teacher_client.post(
        reverse("admin:quizzes_article_generate", args=[article.pk]), follow=True
    )
    assert response.status_code == 200
    (message,) = messages_of(response)
    assert message.startswith("“Weather”: no questions generated. No quotes, countries or dates")
    assert not QuestionBank.objects.exists()
    assert GenerationJob.objects.get(article=article).status == "failed"
