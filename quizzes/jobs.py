"""Where a GenerationJob runs: in a Celery worker when a broker is configured
(CELERY_BROKER_URL, queued after the request's transaction commits so the worker
sees the job row), inline otherwise. Also what ends jobs whose worker was lost
(`generation_fail_stale`) and the admin's "retry failed generations".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import GenerationJob, GenerationStatus

logger = logging.getLogger(__name__)


def uses_worker() -> bool:
    return bool(settings.CELERY_BROKER_URL) and not settings.CELERY_TASK_ALWAYS_EAGER


def _send(job_id: int) -> None:
    """Hand the job to the broker; when the broker cannot take it, the job fails
    with the reason (it can be retried) instead of staying queued forever."""
    from .tasks import generate_bank_task

    try:
        generate_bank_task.delay(job_id)
    except Exception as error:  # kombu's OperationalError, a refused connection...
        logger.warning("Generation job %s not queued: %r", job_id, error)
        GenerationJob.objects.filter(pk=job_id, status=GenerationStatus.QUEUED).update(
            status=GenerationStatus.FAILED,
            error=f"The job queue is unavailable ({type(error).__name__}); retry later.",
            finished_at=timezone.now(),
        )


def generation_enqueue(*, job_id: int) -> None:
    """Run job `job_id`: later in a worker (after commit) or now, inline."""
    if uses_worker():
        transaction.on_commit(lambda: _send(job_id))
        return
    from .services import generation_run

    generation_run(job_id=job_id)


def generation_fail_stale(
    *, job_ids: list[int] | None = None, now: datetime | None = None
) -> list[int]:
    """Mark failed, with the reason, the jobs whose worker is gone for good: running
    longer than GENERATION_STALE_AFTER (a redelivery would have run them again by
    now), or queued longer than GENERATION_QUEUED_STALE_AFTER (the message was lost).
    Returns their ids. Run by the worker at start, every minute by celery beat, and
    before the jobs are shown (admin list, the API's job status) or retried."""
    now = now or timezone.now()
    running_since = now - timedelta(seconds=settings.GENERATION_STALE_AFTER)
    queued_since = now - timedelta(seconds=settings.GENERATION_QUEUED_STALE_AFTER)
    stale = GenerationJob.objects.filter(
        Q(status=GenerationStatus.RUNNING, started_at__lt=running_since)
        | Q(status=GenerationStatus.QUEUED, created_at__lt=queued_since)
    )
    if job_ids is not None:
        stale = stale.filter(pk__in=job_ids)
    ended = []
    with transaction.atomic():
        for job in stale.select_for_update().order_by("pk"):
            if job.status == GenerationStatus.RUNNING:
                job.error = (
                    "The worker running this job stopped (no result "
                    f"{settings.GENERATION_STALE_AFTER // 60} minutes after it started)."
                )
            else:
                job.error = (
                    "No worker took this job within "
                    f"{settings.GENERATION_QUEUED_STALE_AFTER // 60} minutes."
                )
            job.status, job.finished_at = GenerationStatus.FAILED, now
            job.save(update_fields=["status", "error", "finished_at"])
            ended.append(job.pk)
    if ended:
        logger.warning("Generation jobs failed after losing their worker: %s", ended)
    return ended


@dataclass
class RetryResult:
    retried: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # not failed: left alone


@transaction.atomic
def generation_retry(*, jobs: QuerySet[GenerationJob]) -> RetryResult:
    """Queue failed jobs again (status back to queued, reason and attempts cleared),
    those whose worker was lost included. Jobs queued, running within their
    deadline or done are left as they are."""
    result = RetryResult()
    # Lock the job rows themselves (the admin's queryset joins nullable relations).
    ids = list(jobs.values_list("pk", flat=True))
    generation_fail_stale(job_ids=ids)
    for job in GenerationJob.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
        if job.status != GenerationStatus.FAILED:
            result.skipped.append(job.pk)
            continue
        job.status = GenerationStatus.QUEUED
        job.error = ""
        job.attempts = 0
        job.started_at = None
        job.finished_at = None
        job.save(update_fields=["status", "error", "attempts", "started_at", "finished_at"])
        result.retried.append(job.pk)
    for job_id in result.retried:
        generation_enqueue(job_id=job_id)
    return result
