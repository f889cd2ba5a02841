"""Background work of the learner side: FSRS parameter fitting.

A fit reads the user's whole log and, when it changes the parameters, rewrites
the due date of every review card (100,000 rows for a large deck): it never runs
in a request. With a broker (CELERY_BROKER_URL) an answer that trips the check
queues the task after commit; without one, nothing runs on the answer path and
`manage.py optimize_parameters` (cron) fits every user due. The daily beat task
`learning.optimize_due_parameters` sweeps the checks a broker or cache outage
dropped: the database, not the counter, decides who is due."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)


def uses_worker() -> bool:
    """A broker is configured and tasks are not run inline."""
    return bool(settings.CELERY_BROKER_URL) and not settings.CELERY_TASK_ALWAYS_EAGER


@shared_task(name="learning.optimize_parameters", ignore_result=True)
def optimize_parameters_task(user_id: int) -> dict[str, Any]:
    """Fit one user's FSRS parameters when they have enough reviews."""
    from .services import parameters_optimize

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return {"fitted": False, "reviews": 0, "reason": "No such user."}
    outcome = parameters_optimize(user=user)
    logger.info(
        "FSRS parameters for user %s: %s",
        user_id,
        {k: v for k, v in outcome.items() if k != "parameters"},
    )
    return outcome


@shared_task(name="learning.optimize_due_parameters", ignore_result=True)
def optimize_due_parameters_task() -> int:
    """Fit every user due (celery beat, daily); returns how many were fitted."""
    from .services import parameters_optimize, users_due_for_fit

    return sum(1 for user in users_due_for_fit() if parameters_optimize(user=user)["fitted"])


def parameters_optimize_later(*, user: User) -> None:
    """Ask for a fit of `user` without making the request wait for it: queued
    for a worker once the current transaction commits; without a broker, left
    to `manage.py optimize_parameters` (the answer path never fits). A broker
    outage is logged: the answer that asked is already committed and must not
    fail, and the next sweep finds the user due."""
    user_id = user.pk
    if not uses_worker():
        logger.info(
            "FSRS fit for user %s left to manage.py optimize_parameters (no broker)", user_id
        )
        return

    def queue() -> None:
        try:
            optimize_parameters_task.delay(user_id)
        except Exception:
            logger.exception("Could not queue the FSRS parameter fit for user %s", user_id)

    transaction.on_commit(queue)
