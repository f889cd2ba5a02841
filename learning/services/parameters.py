"""FSRS parameter fitting on a user's own reviews, and going back to the defaults."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
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
