"""quizzes/jobs.py and quizzes/tasks.py: generation inline, or queued for a Celery
worker after commit; failed generations retried."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from quizzes import services
from quizzes.jobs import generation_retry
from quizzes.models import GenerationJob
from quizzes.tasks import fail_stale_generations_task, generate_bank_task
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


# Lost workers: redelivery, deadlines, retry ----------------------------------------------


def _running_job(article, teacher, *, minutes_ago: float, attempts: int = 1) -> GenerationJob:
    """A job a worker claimed `minutes_ago` and then died with (kill -9: no outcome)."""
    return GenerationJob.objects.create(
        article=article,
        requested_by=teacher,
        status="running",
        attempts=attempts,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_lost_work_is_acknowledged_late_and_redelivered_within_the_task_length(settings):
    from config.celery import app

    assert generate_bank_task.acks_late
    assert generate_bank_task.reject_on_worker_lost
    assert app.conf.task_reject_on_worker_lost
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert generate_bank_task.time_limit < visibility <= 10 * 60  # minutes, not the hour
    assert visibility <= settings.GENERATION_STALE_AFTER


@pytest.mark.django_db
def test_a_redelivered_job_left_running_by_a_dead_worker_runs_again_without_duplicates(
    sample_article, teacher
):
    first = services.generation_request(article=sample_article, user=teacher)
    questions = first.bank.questions.count()
    # The worker died after its transaction committed, before recording the outcome.
    GenerationJob.objects.filter(pk=first.pk).update(status="running", counts={})

    outcome = generate_bank_task.apply(args=[first.pk]).get()

    first.refresh_from_db()
    assert outcome["status"] == "done"
    assert (first.status, first.attempts) == ("done", 2)
    assert first.counts["created"] == 0
    assert first.counts["kept"] == questions
    assert first.bank.questions.count() == questions


@pytest.mark.django_db
def test_a_message_delivered_again_for_an_ended_job_changes_nothing(sample_article, teacher):
    job = services.generation_request(article=sample_article, user=teacher)
    before = (job.status, job.counts, job.attempts, job.finished_at)

    generate_bank_task.apply(args=[job.pk]).get()

    job.refresh_from_db()
    assert (job.status, job.counts, job.attempts, job.finished_at) == before


@pytest.mark.django_db
def test_a_job_that_loses_its_worker_every_time_fails_instead_of_looping(
    sample_article, teacher, settings
):
    job = _running_job(sample_article, teacher, minutes_ago=1, attempts=3)

    generate_bank_task.apply(args=[job.pk]).get()

    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == (
        "The worker stopped 3 times while running this job; it is not run again by itself."
    )
    assert job.bank is None


@pytest.mark.django_db
def test_an_older_attempt_does_not_overwrite_the_outcome_of_a_newer_one(sample_article, teacher):
    job = _running_job(sample_article, teacher, minutes_ago=1)
    newer = {"status": "done", "counts": {"created": 7}, "attempts": 5}

    def meanwhile_a_newer_attempt_ends(**kwargs):
        GenerationJob.objects.filter(pk=job.pk).update(**newer)
        raise RuntimeError("the old attempt fails late")

    with mock.patch("quizzes.services.bank_generate", side_effect=meanwhile_a_newer_attempt_ends):
        services.generation_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.counts, job.attempts, job.error) == ("done", {"created": 7}, 5, "")


@pytest.mark.django_db
def test_jobs_past_their_deadline_are_failed_with_the_reason(sample_article, teacher, settings):
    settings.GENERATION_STALE_AFTER = 600
    settings.GENERATION_QUEUED_STALE_AFTER = 3600
    lost = _running_job(sample_article, teacher, minutes_ago=11)
    busy = _running_job(sample_article, teacher, minutes_ago=2)
    never_taken = GenerationJob.objects.create(article=sample_article, requested_by=teacher)
    GenerationJob.objects.filter(pk=never_taken.pk).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    waiting = GenerationJob.objects.create(article=sample_article, requested_by=teacher)

    assert fail_stale_generations_task.apply().get() == [lost.pk, never_taken.pk]

    statuses = dict(GenerationJob.objects.values_list("pk", "status"))
    assert statuses == {
        lost.pk: "failed",
        busy.pk: "running",
        never_taken.pk: "failed",
        waiting.pk: "queued",
    }
    lost.refresh_from_db()
    assert lost.error == (
        "The worker running this job stopped (no result 10 minutes after it started)."
    )
    assert lost.finished_at is not None
    never_taken.refresh_from_db()
    assert never_taken.error == "No worker took this job within 60 minutes."


@pytest.mark.django_db
def test_retry_takes_jobs_whose_worker_was_lost(sample_article, teacher, settings):
    settings.GENERATION_STALE_AFTER = 600
    lost = _running_job(sample_article, teacher, minutes_ago=30, attempts=2)
    busy = _running_job(sample_article, teacher, minutes_ago=1)

    result = generation_retry(jobs=GenerationJob.objects.all())

    assert (result.retried, result.skipped) == ([lost.pk], [busy.pk])
    lost.refresh_from_db()
    assert (lost.status, lost.error, lost.attempts) == ("done", "", 1)  # inline here
    assert lost.counts["created"] > 0
