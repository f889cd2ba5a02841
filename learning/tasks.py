"""Background work of the learner side. Without a broker
(CELERY_TASK_ALWAYS_EAGER) the tasks run inline, after the commit."""

from __future__ import annotations

import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import transaction

logger = logging.getLogger(__name__)


@shared_task(name="learning.optimize_parameters", ignore_result=True)
def optimize_parameters_task(user_id: int) -> dict:
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


def parameters_optimize_later(*, user) -> None:
    """Queue a fit for `user` once the current transaction commits. A broker
    outage (or, inline, a failing fit) is logged: the answer that triggered it
    is already committed and must not fail."""
    user_id = user.pk

    def queue() -> None:
        try:
            optimize_parameters_task.delay(user_id)
        except Exception:
            logger.exception("Could not run the FSRS parameter fit for user %s", user_id)

    transaction.on_commit(queue)
