"""Where a GenerationJob runs: in a Celery worker when a broker is configured
(CELERY_BROKER_URL, queued after the request's transaction commits so the worker
sees the job row), inline otherwise. Also the admin's "retry failed generations".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from .models import GenerationJob, GenerationStatus


def uses_worker() -> bool:
    return bool(settings.CELERY_BROKER_URL) and not settings.CELERY_TASK_ALWAYS_EAGER


def generation_enqueue(*, job_id: int) -> None:
    """Run job `job_id`: later in a worker (after commit) or now, inline."""
    if uses_worker():
        from .tasks import generate_bank_task

        transaction.on_commit(lambda: generate_bank_task.delay(job_id))
        return
    from .services import generation_run

    generation_run(job_id=job_id)


@dataclass
class RetryResult:
    retried: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # not failed: left alone


@transaction.atomic
def generation_retry(*, jobs: QuerySet[GenerationJob]) -> RetryResult:
    """Queue failed jobs again (status back to queued, reason cleared). Jobs that
    are queued, running or done are left as they are."""
    result = RetryResult()
    # Lock the job rows themselves (the admin's queryset joins nullable relations).
    ids = list(jobs.values_list("pk", flat=True))
    for job in GenerationJob.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
        if job.status != GenerationStatus.FAILED:
            result.skipped.append(job.pk)
            continue
        job.status = GenerationStatus.QUEUED
        job.error = ""
        job.started_at = None
        job.finished_at = None
        job.save(update_fields=["status", "error", "started_at", "finished_at"])
        result.retried.append(job.pk)
    for job_id in result.retried:
        generation_enqueue(job_id=job_id)
    return result
