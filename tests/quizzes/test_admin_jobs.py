"""Generation jobs in admin: status, counts, reason; "Retry failed generations"."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from quizzes.models import GenerationJob
from tests.factories import ArticleFactory

CHANGELIST = "/admin/quizzes/generationjob/"


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


@pytest.mark.django_db
def test_changelist_shows_status_counts_and_reason(teacher_client, teacher, sample_article):
    GenerationJob.objects.create(
        article=sample_article,
        requested_by=teacher,
        status="done",
        counts={"created": 3, "kept": 0, "skipped_rejected": 0, "counts_by_kind": {"who_said": 3}},
    )
    GenerationJob.objects.create(
        article=sample_article,
        requested_by=teacher,
        status="failed",
        error="No quotes, countries or dates found.",
    )

    html = teacher_client.get(CHANGELIST).content.decode()

    assert "Done" in html
    assert "Failed" in html
    assert "No quotes, countries or dates found." in html
    assert "Retry failed generations" in html


@pytest.mark.django_db
def test_teachers_see_only_jobs_of_their_articles(teacher_client, other_teacher):
    theirs = ArticleFactory(title="Someone else's story", created_by=other_teacher)
    GenerationJob.objects.create(article=theirs, requested_by=other_teacher, status="failed")

    assert "Someone else" not in teacher_client.get(CHANGELIST).content.decode()


@pytest.mark.django_db
def test_retry_action_runs_failed_jobs_again(teacher_client, teacher, sample_article):
    job = GenerationJob.objects.create(
        article=sample_article, requested_by=teacher, status="failed", error="worker lost"
    )

    response = teacher_client.post(
        CHANGELIST, {"action": "retry_failed", "_selected_action": [job.pk]}, follow=True
    )

    assert f"1 generation(s) queued again: #{job.pk}." in messages_of(response)
    job.refresh_from_db()
    assert job.status == "done"
    assert job.counts["created"] > 0


@pytest.mark.django_db
def test_a_job_whose_worker_died_shows_failed_and_the_admin_retries_it(
    teacher_client, teacher, sample_article, settings
):
    settings.GENERATION_STALE_AFTER = 600
    job = GenerationJob.objects.create(
        article=sample_article,
        requested_by=teacher,
        status="running",
        attempts=1,
        started_at=timezone.now() - timedelta(hours=1),
    )

    html = teacher_client.get(CHANGELIST).content.decode()
    assert "The worker running this job stopped (no result 10 minutes after it started)." in html

    response = teacher_client.post(
        CHANGELIST, {"action": "retry_failed", "_selected_action": [job.pk]}, follow=True
    )
    assert f"1 generation(s) queued again: #{job.pk}." in messages_of(response)
    job.refresh_from_db()
    assert job.status == "done"


@pytest.mark.django_db
def test_retry_leaves_jobs_that_did_not_fail(teacher_client, teacher, sample_article):
    job = GenerationJob.objects.create(article=sample_article, requested_by=teacher, status="done")

    response = teacher_client.post(
        CHANGELIST, {"action": "retry_failed", "_selected_action": [job.pk]}, follow=True
    )

    assert f"1 job(s) not failed, left as they are: #{job.pk}." in messages_of(response)
    job.refresh_from_db()
    assert job.status == "done"


@pytest.mark.django_db
def test_with_a_worker_generate_says_queued_and_the_job_list_shows_it(
    teacher_client, sample_article, django_capture_on_commit_callbacks
):
    with (
        override_settings(
            CELERY_BROKER_URL="redis://127.0.0.1:6379/15", CELERY_TASK_ALWAYS_EAGER=False
        ),
        mock.patch("quizzes.tasks.generate_bank_task") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = teacher_client.post(
            "/admin/quizzes/article/",
            {"action": "generate_questions", "_selected_action": [sample_article.pk]},
            follow=True,
        )

    job = GenerationJob.objects.get(article=sample_article)
    (message,) = messages_of(response)
    assert message.startswith(f"“Kazakhstan”: generation queued as job #{job.pk}")
    assert job.status == "queued"
    task.delay.assert_called_once_with(job.pk)
    assert "Queued" in teacher_client.get(CHANGELIST).content.decode()
