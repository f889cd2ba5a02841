"""Study preferences: reading, validated changes, and rescheduling every review
card when the desired retention changes."""

from __future__ import annotations

import re
import zoneinfo
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Greatest, Least, Round
from django.utils import timezone

from .. import scheduler
from ..models import (
    Card,
    CardState,
    StudyPreferences,
)
from ..sql import AddDays
from ..tallies import progress_rebuild

PREFERENCE_FIELDS = (
    "desired_retention",
    "new_cards_per_day",
    "max_reviews_per_day",
    "learning_steps",
    "relearning_steps",
    "time_zone",
    "day_starts_at_hour",
)


_STEP_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_STEP_UNITS = {"s": 1, "": 60, "m": 60, "h": 3600, "d": 86400}
MAX_STEP_SECONDS = 7 * 86400
MAX_STEPS = 10


def parse_steps(value: Any, *, field: str) -> list[int]:
    """Steps as a list of seconds, from a list of numbers (seconds) or a text
    like "1m 10m" / "30s, 1h" (a bare number means minutes, as in Anki)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        seconds = _steps_from_text(value, field=field)
    elif isinstance(value, list | tuple):
        seconds = _steps_from_numbers(value, field=field)
    else:
        raise ValidationError({field: "Steps must be a list of seconds or a text like “1m 10m”."})
    if len(seconds) > MAX_STEPS:
        raise ValidationError({field: f"At most {MAX_STEPS} steps."})
    if any(s < 1 or s > MAX_STEP_SECONDS for s in seconds):
        raise ValidationError({field: "Each step must be between 1 second and 7 days."})
    return seconds


def _steps_from_text(value: str, *, field: str) -> list[int]:
    """ "1m 10m", "30s, 1h": seconds; a bare number is minutes."""
    seconds = []
    for token in re.split(r"[\s,]+", value.strip()):
        match = _STEP_RE.match(token.lower())
        if not match:
            raise ValidationError({field: f"“{token}” is not a step like 1m, 10m, 1h or 1d."})
        seconds.append(round(float(match.group(1)) * _STEP_UNITS[match.group(2)]))
    return seconds


def _steps_from_numbers(value: list[Any] | tuple[Any, ...], *, field: str) -> list[int]:
    """Numbers of seconds (booleans are no numbers here)."""
    seconds = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int | float):
            raise ValidationError({field: "Steps must be numbers of seconds."})
        seconds.append(round(item))
    return seconds


def preferences_get(*, user: User) -> StudyPreferences:
    preferences, _ = StudyPreferences.objects.get_or_create(user=user)
    return preferences


def _validate_time_zone(name: str) -> None:
    if not isinstance(name, str) or name not in zoneinfo.available_timezones():
        raise ValidationError({"time_zone": f"“{name}” is not a known time zone."})


def preferences_update(*, user: User, **fields: Any) -> StudyPreferences:
    """Change study preferences (validated; ValidationError names the field).
    A change of desired retention reschedules every review card's due date."""
    unknown = sorted(set(fields) - set(PREFERENCE_FIELDS))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "Unknown setting."))
    for name in ("learning_steps", "relearning_steps"):
        if name in fields:
            fields[name] = parse_steps(fields[name], field=name)
    if "time_zone" in fields:
        _validate_time_zone(fields["time_zone"])
    with transaction.atomic():
        preferences, _ = StudyPreferences.objects.select_for_update().get_or_create(user=user)
        old_retention = preferences.desired_retention
        old_day = (preferences.time_zone, preferences.day_starts_at_hour)
        for name, value in fields.items():
            setattr(preferences, name, value)
        preferences.full_clean()
        preferences.save()
        if "desired_retention" in fields and float(fields["desired_retention"]) != old_retention:
            cards_reschedule(user=user, preferences=preferences)
        if (preferences.time_zone, preferences.day_starts_at_hour) != old_day:
            # Study days (of the reviews, of the due dates) are keyed in the current
            # zone and day start: re-key them (one recount, on this rare change).
            progress_rebuild(user_ids=[user.pk])
    return preferences


@transaction.atomic(savepoint=False)  # (the UPDATE and the recount: both or neither)
def cards_reschedule(*, user: User, preferences: StudyPreferences | None = None) -> int:
    """Set the due date of every review card of `user` from its stability and
    the current desired retention: due = last review + interval. One UPDATE, and
    the user's bank tallies recounted (their cards moved between due days).
    (Intervals lose their fuzz; learning and relearning cards keep their steps.)"""
    preferences = preferences or preferences_get(user=user)
    factor = scheduler.interval_factor(
        desired_retention=preferences.desired_retention,
        parameters=preferences.fsrs_parameters or None,
    )
    cards = Card.objects.filter(
        user=user, state=CardState.REVIEW, stability__isnull=False, last_review__isnull=False
    )
    if connection.vendor in ("sqlite", "postgresql"):
        days = Greatest(1, Least(scheduler.MAXIMUM_INTERVAL_DAYS, Round(F("stability") * factor)))
        updated = cards.update(due=AddDays(F("last_review"), days), updated_at=timezone.now())
        progress_rebuild(user_ids=[user.pk], days=False)
        return updated
    changed = []  # other databases: compute in Python
    for card in cards.only("id", "stability", "last_review"):
        assert card.last_review is not None  # (the filter)
        assert card.stability is not None
        card.due = card.last_review + timedelta(
            days=scheduler.interval_days(
                stability=card.stability,
                desired_retention=preferences.desired_retention,
                parameters=preferences.fsrs_parameters or None,
            )
        )
        changed.append(card)
    Card.objects.bulk_update(changed, ["due"], batch_size=500)
    progress_rebuild(user_ids=[user.pk], days=False)
    return len(changed)
