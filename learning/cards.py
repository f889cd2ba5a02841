"""Conversions between Card rows and the pure scheduler, shared by services
(answers) and selectors (previews) so a preview is exactly what an answer does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import scheduler
from .models import Card, StudyPreferences

if TYPE_CHECKING:
    from .selectors.queue import QueueCard  # a queue item's card read as a row
    from .services.reviews import CardRow  # a locked card read as a row

# A card's memory state: what the scheduler reads and writes, what undo restores.
CARD_STATE_FIELDS = [
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
]


def memory_state_of(card: Card | CardRow | QueueCard) -> scheduler.MemoryState:
    return scheduler.MemoryState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=card.reps,
        lapses=card.lapses,
    )


def scheduler_kwargs(preferences: StudyPreferences) -> dict[str, Any]:
    return {
        "parameters": preferences.fsrs_parameters or None,
        "desired_retention": preferences.desired_retention,
        "learning_steps": tuple(preferences.learning_steps or ()),
        "relearning_steps": tuple(preferences.relearning_steps or ()),
    }


def fuzz_seed_of(card: Card | CardRow | QueueCard) -> int:
    """Same seed for the preview and the answer of one repetition of a card."""
    pk = card.pk
    assert pk is not None  # (an unsaved card has no previews)
    return int(pk) * 100_003 + card.reps
