"""What the learner-side reads share: card states and the preferences a read uses."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Q

from .. import scheduler
from ..models import Card, CardState, StudyPreferences

MATURE_DAYS = scheduler.MATURE_STABILITY_DAYS
LEARNING_STATES = (CardState.LEARNING, CardState.RELEARNING)
STARTED_STATES = (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)


def preferences_or_default(user: User) -> StudyPreferences:
    """The user's preferences, or unsaved defaults (a read never writes them)."""
    return StudyPreferences.objects.filter(user=user).first() or StudyPreferences(user=user)


def started_or_suspended(user: User | int) -> Exists:
    """True for a question the user (or user id) has started, or suspended (never new
    again)."""
    return Exists(
        Card.objects.filter(
            Q(state__in=STARTED_STATES) | Q(suspended_at__isnull=False),
            user=user,
            question_id=OuterRef("pk"),
        )
    )


def time_zone_of(*, user: User) -> str | None:
    """The time zone the user chose (None before they have preferences)."""
    return StudyPreferences.objects.filter(user=user).values_list("time_zone", flat=True).first()
