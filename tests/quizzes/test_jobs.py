"""quizzes/jobs.py and quizzes/tasks.py: generation inline, or queued for a Celery
worker after commit; failed generations retried."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import override_settings

from quizzes import services
from quizzes.jobs import generation_retry
from quizzes.models import GenerationJob
from quizzes.tasks import generate_bank_task
from tests.factories import ArticleFactory

WITH_WORKER = override_settings(
    CELERY_BROKER_URL="redis://127.0.0.1:6379/15", CELERY_TASK_ALWAYS_EAGER=False
)


@pytest.mark.django_db
def test_without_a_broker_generation_runs_inline(sample_article, teacher):
    job = services.generation_request(article=sample_article, user=teacher)

    assert job.status == "done"
    assert job.counts["created"] > 0


@pytest.mark.django_db
@WITH_WORKER
def test_with_a_broker_the_job_is_queued_and_sent_after_commit(
    sample_article, teacher, django_capture_on_commit_callbacks
):
    with mock.patch("quizzes.tasks.generate_bank_task") as task:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            job = services.generation_request(article=sample_article, user=teacher)

        assert job.status == "queued"
        assert job.bank is None
        assert task.delay.call_count == 0  # not before the job row is committed
        assert len(callbacks) == 1
        callbacks[0]()

    task.delay.assert_called_once_with(job.pk)


@pytest.mark.django_db
def test_the_task_runs_the_job_and_reports_its_outcome(sample_article, teacher):
    job = GenerationJob.objects.create(article=sample_article, requested_by=teacher)

    outcome = generate_bank_task.apply(args=[job.pk]).get()

    job.refresh_from_db()
    assert job.status == "done"
    assert outcome == {"job": job.pk, "status": "done", "counts": job.counts, "error": ""}
    assert job.bank.questions.count() == job.counts["created"]


@pytest.mark.django_db
def test_retry_requeues_failed_jobs_only(sample_article, teacher, fake_extract):
    failed = GenerationJob.objects.create(
        article=sample_article, requested_by=teacher, status="failed", error="worker lost"
    )
    done = services.generation_request(
        article=ArticleFactory(text="Nothing here.", created_by=teacher), user=teacher
    )
    done.status = "done"
    done.save()

    result = generation_retry(jobs=GenerationJob.objects.all())

    assert result.retried == [failed.pk]
    assert result.skipped == [done.pk]
    failed.refresh_from_db()
    assert failed.status == "done"  # run again inline (no broker here)
    assert failed.error == ""
    assert failed.counts["created"] > 0


@pytest.mark.django_db
@WITH_WORKER
def test_retry_with_a_broker_queues_the_job_for_a_worker(
    sample_article, teacher, django_capture_on_commit_callbacks
):
    failed = GenerationJob.objects.create(
        article=sample_article, requested_by=teacher, status="failed", error="boom"
    )

    with (
        mock.patch("quizzes.tasks.generate_bank_task") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        generation_retry(jobs=GenerationJob.objects.filter(pk=failed.pk))

    task.delay.assert_called_once_with(failed.pk)
    failed.refresh_from_db()
    assert (failed.status, failed.error, failed.finished_at) == ("queued", "", None)
