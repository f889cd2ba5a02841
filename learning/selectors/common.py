"""What the learner-side reads share: card states and the preferences a read uses."""

from __future__ import annotations

from .. import scheduler
from ..models import CardState, StudyPreferences

MATURE_DAYS = scheduler.MATURE_STABILITY_DAYS
LEARNING_STATES = (CardState.LEARNING, CardState.RELEARNING)
STARTED_STATES = (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)


def preferences_or_default(user) -> StudyPreferences:
    """The user's preferences, or unsaved defaults (a read never writes them)."""
    return StudyPreferences.objects.filter(user=user).first() or StudyPreferences(user=user)
