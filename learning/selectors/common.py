"""What the learner-side reads share: card states and the preferences a read uses."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Q, QuerySet

from .. import scheduler, sql
from ..models import Card, CardState, StudyPreferences

MATURE_DAYS = scheduler.MATURE_STABILITY_DAYS
LEARNING_STATES = (CardState.LEARNING, CardState.RELEARNING)
STARTED_STATES = (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)


_PREFERENCE_FIELDS = tuple(f.attname for f in StudyPreferences._meta.concrete_fields)


def _preferences_query(*, user: int) -> QuerySet[StudyPreferences]:
    return StudyPreferences.objects.filter(user=user).order_by().values_list(*_PREFERENCE_FIELDS)


def preferences_or_default(user: User) -> StudyPreferences:
    """The user's preferences, or unsaved defaults (a read never writes them); read
    by every learner page and the queue, so its statement is compiled once."""
    rows = sql.prepared_rows(("preferences",), _preferences_query, user=user.pk)
    if not rows:
        return StudyPreferences(user=user)
    return StudyPreferences.from_db(StudyPreferences.objects.db, _PREFERENCE_FIELDS, rows[0])


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
