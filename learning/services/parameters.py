"""FSRS parameter fitting on a user's own reviews, and going back to the defaults."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ..models import (
    ReviewLog,
    StudyPreferences,
)
from .preferences import cards_reschedule, preferences_get


def parameters_optimize(*, user: User, force: bool = False) -> dict[str, Any]:
    """Fit the user's FSRS parameters from their own (not undone) reviews when
    there are enough (optimizer.MIN_REVIEWS); store them on StudyPreferences.
    Returns {"fitted": bool, "reviews": n, "reason"?: str, "parameters"?: [...]}."""
    from .. import optimizer

    preferences = preferences_get(user=user)
    rows = list(
        ReviewLog.objects.filter(user=user, undo__isnull=True)
        .order_by("reviewed_at", "id")
        .values_list("card_id", "rating", "reviewed_at")
    )
    reviews = len(rows)
    if reviews < optimizer.MIN_REVIEWS:
        return {
            "fitted": False,
            "reviews": reviews,
            "reason": f"Needs at least {optimizer.MIN_REVIEWS} reviews.",
        }
    if (
        not force
        and preferences.parameters_fitted_at is not None
        and reviews < preferences.parameters_review_count + optimizer.REFIT_EVERY
    ):
        return {
            "fitted": False,
            "reviews": reviews,
            "reason": "Fitted recently; waiting for more reviews.",
        }
    outcome = optimizer.fit([optimizer.Review(c, r, t) for c, r, t in rows])
    if outcome.parameters is None:
        return {"fitted": False, "reviews": reviews, "reason": outcome.error}
    with transaction.atomic():
        locked = StudyPreferences.objects.select_for_update().get(pk=preferences.pk)
        locked.fsrs_parameters = list(outcome.parameters)
        locked.parameters_fitted_at = timezone.now()
        locked.parameters_review_count = reviews
        locked.save(
            update_fields=["fsrs_parameters", "parameters_fitted_at", "parameters_review_count"]
        )
        cards_reschedule(user=user, preferences=locked)
    return {"fitted": True, "reviews": reviews, "parameters": list(outcome.parameters)}


def users_due_for_fit(*, force: bool = False) -> list[User]:
    """Users a fit would refresh now, by username: at least MIN_REVIEWS reviews
    (not undone), and never fitted or REFIT_EVERY more since the last fit (with
    `force`, all with MIN_REVIEWS). Two queries whatever the number of users
    (one counts the log): the sweep of `manage.py optimize_parameters` and of
    the daily beat task, which catch every check an answer did not queue (no
    broker, a broker or cache outage)."""
    from .. import optimizer

    counts = dict(
        ReviewLog.objects.filter(undo__isnull=True)
        .values("user")
        .annotate(n=Count("id"))
        .filter(n__gte=optimizer.MIN_REVIEWS)
        .values_list("user", "n")
    )
    if not counts:
        return []
    users = (
        User.objects.filter(pk__in=counts).select_related("study_preferences").order_by("username")
    )
    due = []
    for user in users:
        preferences = getattr(user, "study_preferences", None)
        if (
            force
            or preferences is None
            or preferences.parameters_fitted_at is None
            or counts[user.pk] >= preferences.parameters_review_count + optimizer.REFIT_EVERY
        ):
            due.append(user)
    return due


def parameters_reset(*, user: User) -> StudyPreferences:
    """Back to the default FSRS parameters."""
    with transaction.atomic():
        preferences, _ = StudyPreferences.objects.select_for_update().get_or_create(user=user)
        preferences.fsrs_parameters = None
        preferences.parameters_fitted_at = None
        preferences.parameters_review_count = 0
        preferences.save(
            update_fields=["fsrs_parameters", "parameters_fitted_at", "parameters_review_count"]
        )
        cards_reschedule(user=user, preferences=preferences)
    return preferences
