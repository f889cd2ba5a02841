"""Celery tasks of the content side.

`generate_bank_task(job_id)` runs one GenerationJob in a worker. The job row
records its own outcome (queued -> running -> done with counts / failed with the
reason, see quizzes.services.generation_run), so the task's return value is only
a convenience for `celery result`. acks_late: a worker that dies mid-run leaves
the message to be redelivered; generation is idempotent by fingerprint.
"""

from __future__ import annotations

from celery import shared_task


@shared_task(name="quizzes.generate_bank", acks_late=True)
def generate_bank_task(job_id: int) -> dict:
    from .models import GenerationJob
    from .services import generation_run

    generation_run(job_id=job_id)
    job = GenerationJob.objects.get(pk=job_id)
    return {"job": job.pk, "status": job.status, "counts": job.counts, "error": job.error}
