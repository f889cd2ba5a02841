"""Celery tasks of the content side.

`generate_bank_task(job_id)` runs one GenerationJob in a worker. The job row
records its own outcome (queued -> running -> done with counts / failed with the
reason, see quizzes.services.generation_run), so the task's return value is only
a convenience for `celery result`.

Lost work is delivered again (settings: acks_late, reject_on_worker_lost, the
broker's visibility timeout), so the task may run twice for one job: generation_run
leaves an ended job alone and bank_generate is idempotent by fingerprint. Jobs whose
worker is gone for good are failed by `fail_stale_generations` (celery beat, every
minute) and when a worker starts.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from celery.signals import worker_init, worker_ready
from django.conf import settings


@shared_task(
    name="quizzes.generate_bank",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.GENERATION_SOFT_TIME_LIMIT,
    time_limit=settings.GENERATION_TIME_LIMIT,
)
def generate_bank_task(job_id: int) -> dict[str, Any]:
    from .models import GenerationJob
    from .services import generation_run

    try:
        job = generation_run(job_id=job_id)
    except GenerationJob.DoesNotExist:  # deleted with its article meanwhile
        return {"job": job_id, "status": "deleted", "counts": {}, "error": ""}
    return {"job": job.pk, "status": job.status, "counts": job.counts, "error": job.error}


@shared_task(name="quizzes.fail_stale_generations")
def fail_stale_generations_task() -> list[int]:
    from .jobs import generation_fail_stale

    return generation_fail_stale()


@worker_ready.connect
def _fail_stale_at_start(**kwargs: object) -> None:
    """A worker (re)starting after a crash ends what the crash left running for good."""
    from .jobs import generation_fail_stale

    generation_fail_stale()


@worker_init.connect
def _load_the_pipeline_before_forking(**kwargs: object) -> None:
    """Load the NLP pipeline and word lists once, in the worker's main process: its
    pool processes are forked with them, so one started again after a crash runs a
    redelivered job at once instead of loading the model first (seconds)."""
    from .extraction import extract

    extract("Warm-up.")
