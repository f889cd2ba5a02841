"""POST articles/ (JSON text or multipart file) and POST articles/{id}/generate/."""

from __future__ import annotations

from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from kombu.exceptions import OperationalError

from quizzes.models import Article, Question, QuestionBank
from quizzes.tasks import generate_bank_task
from tests.factories import ArticleFactory

ARTICLES = "/api/v1/articles/"
WITH_WORKER = override_settings(
    CELERY_BROKER_URL="redis://127.0.0.1:1/0", CELERY_TASK_ALWAYS_EAGER=False
)
TEXT = (
    "Leaders meet in Tashkent\n"
    "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent in September 2022.\n"
    '"We will build new roads together," said Jane Doe, a senior fellow at the Example Institute.\n'
    '"Trade will double by 2030," said John Roe, an economist.\n'
)


def test_store_article_as_json_text(teacher_api, teacher):
    response = teacher_api.post(
        ARTICLES, {"text": TEXT, "publisher": "Example News"}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "Leaders meet in Tashkent"
    assert body["text_length"] == len(TEXT.strip())
    assert Article.objects.get(pk=body["id"]).created_by == teacher


def test_store_article_as_uploaded_file(teacher_api):
    upload = SimpleUploadedFile("story.txt", TEXT.encode(), content_type="text/plain")
    response = teacher_api.post(ARTICLES, {"file": upload, "title": "Summit"}, format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["title"] == "Summit"


def test_article_errors_name_the_field_and_store_nothing(teacher_api):
    teacher_api.post(ARTICLES, {"text": TEXT}, format="json")
    cases = [
        ({"text": TEXT}, "json", "text"),  # duplicate
        ({"text": "   "}, "json", "text"),
        ({}, "json", "text"),
        ({"text": TEXT + "x", "url": "not a url"}, "json", "url"),
        ({"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}, "multipart", "file"),
        ({"file": SimpleUploadedFile("a.txt", b"\x00\x01\x02binary")}, "multipart", "file"),
        ({"text": TEXT + "y", "published_on": "last week"}, "json", "published_on"),
    ]
    for body, fmt, field in cases:
        response = teacher_api.post(ARTICLES, body, format=fmt)
        assert response.status_code == 400, (body, response.content)
        assert field in response.json()["errors"], (body, response.json())
    assert Article.objects.count() == 1


@override_settings(ARTICLE_MAX_BYTES=100)
def test_oversized_upload_is_413(teacher_api):
    upload = SimpleUploadedFile("long.txt", b"word " * 100)
    response = teacher_api.post(ARTICLES, {"file": upload}, format="multipart")
    assert response.status_code == 413
    assert "file" in response.json()["errors"]
    assert Article.objects.count() == 0


def test_without_a_worker_generate_runs_at_once_and_answers_202_with_the_ended_job(
    teacher_api, teacher
):
    article_id = teacher_api.post(ARTICLES, {"text": TEXT}, format="json").json()["id"]
    response = teacher_api.post(
        f"{ARTICLES}{article_id}/generate/", {"bank_title": "Summit"}, format="json"
    )
    assert response.status_code == 202, response.json()
    job = response.json()
    assert response["Location"] == f"/api/v1/teach/jobs/{job['id']}/"
    assert (job["status"], job["error"], job["attempts"]) == ("done", "", 1)
    body = job["result"]
    bank = QuestionBank.objects.get(pk=body["bank"])
    assert job["bank"] == bank.pk
    assert bank.owner == teacher
    assert bank.title == "Summit"
    assert body["created"] == Question.objects.filter(bank=bank).count() > 0
    assert body["facts"]["quotes"] >= 2
    assert teacher_api.get(response["Location"]).json() == job
    again = teacher_api.post(
        f"{ARTICLES}{article_id}/generate/", {"bank_title": "Summit"}, format="json"
    ).json()["result"]
    assert again["created"] == 0
    assert again["kept"] == body["created"]


def test_generate_on_a_factless_article_answers_the_failed_job_with_the_reason(teacher_api):
    article_id = teacher_api.post(
        ARTICLES, {"text": "nothing happened here at all"}, format="json"
    ).json()["id"]
    response = teacher_api.post(f"{ARTICLES}{article_id}/generate/", {}, format="json")
    assert response.status_code == 202
    job = response.json()
    assert (job["status"], job["result"], job["bank"]) == ("failed", None, None)
    assert "nothing to ask about" in job["error"]
    assert QuestionBank.objects.count() == 0


@WITH_WORKER
def test_with_a_worker_generate_queues_the_job_and_the_status_endpoint_follows_it(
    teacher_api, teacher, django_capture_on_commit_callbacks
):
    article_id = teacher_api.post(ARTICLES, {"text": TEXT}, format="json").json()["id"]
    with (
        mock.patch("quizzes.tasks.generate_bank_task") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = teacher_api.post(
            f"{ARTICLES}{article_id}/generate/", {"publish": True}, format="json"
        )
    assert response.status_code == 202
    job = response.json()
    assert (job["status"], job["publish"], job["result"]) == ("queued", True, None)
    task.delay.assert_called_once_with(job["id"])
    assert QuestionBank.objects.count() == 0  # nothing ran in the web request

    generate_bank_task.apply(args=[job["id"]])  # what the worker does with the message

    done = teacher_api.get(f"/api/v1/teach/jobs/{job['id']}/").json()
    assert done["status"] == "done"
    assert done["result"]["created"] > 0
    assert QuestionBank.objects.get(pk=done["bank"]).status == "published"


@WITH_WORKER
def test_with_the_broker_down_generate_answers_a_failed_job_not_an_error(
    teacher_api, django_capture_on_commit_callbacks
):
    article_id = teacher_api.post(ARTICLES, {"text": TEXT}, format="json").json()["id"]
    with (
        mock.patch(
            "quizzes.tasks.generate_bank_task.delay", side_effect=OperationalError("refused")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = teacher_api.post(f"{ARTICLES}{article_id}/generate/", {}, format="json")
    assert response.status_code == 202
    job = teacher_api.get(response["Location"]).json()
    assert job["status"] == "failed"
    assert job["error"] == "The job queue is unavailable (OperationalError); retry later."


def test_jobs_of_other_teachers_are_404_and_students_403(
    teacher_api, other_teacher_api, api, teacher
):
    article = ArticleFactory(created_by=teacher, text=TEXT)
    job = teacher_api.post(f"{ARTICLES}{article.pk}/generate/", {}, format="json").json()
    assert other_teacher_api.get(f"/api/v1/teach/jobs/{job['id']}/").status_code == 404
    assert other_teacher_api.get("/api/v1/teach/jobs/").json()["results"] == []
    assert api.get(f"/api/v1/teach/jobs/{job['id']}/").status_code == 403
    assert [j["id"] for j in teacher_api.get("/api/v1/teach/jobs/").json()["results"]] == [
        job["id"]
    ]


def test_articles_of_other_teachers_are_404_and_students_403(
    teacher_api, other_teacher_api, api, teacher
):
    article = ArticleFactory(created_by=teacher)
    assert (
        other_teacher_api.post(f"{ARTICLES}{article.pk}/generate/", {}, format="json").status_code
        == 404
    )
    assert other_teacher_api.get(f"{ARTICLES}{article.pk}/").status_code == 404
    assert teacher_api.get(f"{ARTICLES}{article.pk}/").status_code == 200
    assert api.post(ARTICLES, {"text": TEXT}, format="json").status_code == 403
    assert Article.objects.count() == 1
