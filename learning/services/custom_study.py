"""Custom study and suspended cards: "study more" raises today's new-card limit (as
Anki's custom study), and a student sets a card aside for themself (and brings it
back)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from ..models import Card, StudyPreferences
from ..study_day import study_date, zone_of
from ..tallies import CardFacts, TallyDelta
from .common import ReviewError, as_int
from .reviews import card_get_or_create

if TYPE_CHECKING:
    from quizzes.api import Question

STUDY_MORE_MAX = 1000  # new cards added by one "study more"
EXTRA_NEW_MAX = 9999  # today's added new cards, at most


def study_more(
    *, user: User, new_cards: int | str | None = 10, now: datetime | None = None
) -> StudyPreferences:
    """Custom study, as in Anki: raise today's new-card limit by `new_cards`, for the
    student's current study day only (tomorrow the daily limit is back)."""
    count = as_int(new_cards, field="new_cards")
    if count is None or not 1 <= count <= STUDY_MORE_MAX:
        raise ReviewError("new_cards", f"Add between 1 and {STUDY_MORE_MAX} new cards.")
    now = now or timezone.now()
    with transaction.atomic():
        preferences, _ = StudyPreferences.objects.select_for_update().get_or_create(user=user)
        today = study_date(
            now,
            zone=zone_of(preferences.time_zone),
            day_starts_at_hour=preferences.day_starts_at_hour,
        )
        extra = preferences.extra_new_cards if preferences.extra_new_day == today else 0
        preferences.extra_new_cards = min(EXTRA_NEW_MAX, extra + count)
        preferences.extra_new_day = today
        preferences.save(update_fields=["extra_new_cards", "extra_new_day"])
    return preferences


def _own_card(*, user: User, card_id: object) -> Card:
    card_id = as_int(card_id, field="card")
    if card_id is None:
        raise ReviewError("card", "Which card?")
    card = (
        Card.objects.select_for_update(of=("self",))
        .select_related("question")
        .filter(pk=card_id, user=user)
        .first()
    )
    if card is None:
        raise ReviewError("card", "No such card.", status=404)
    return card


def _suspension_set(card: Card, suspended_at: datetime | None) -> None:
    """Set or clear the card's suspension; a new card's counts in its bank's tally
    (learning.tallies) follow, in the same transaction."""
    before = CardFacts(card.state, card.stability, card.suspended_at is not None, card.due)
    card.suspended_at = suspended_at
    card.save(update_fields=["suspended_at", "updated_at"])
    tally = TallyDelta.for_user(user_id=card.user_id)
    tally.card(card.bank_id, before, before._replace(suspended=suspended_at is not None))
    tally.save()


def card_suspend(*, user: User, card_id: object, now: datetime | None = None) -> Card:
    """A student sets one of their cards aside (a bad question, one they do not want):
    it never comes in their study queue, nor counts as due or new, until unsuspended.
    Its memory state and history stay. Idempotent."""
    with transaction.atomic():
        card = _own_card(user=user, card_id=card_id)
        if card.suspended_at is None:
            _suspension_set(card, now or timezone.now())
    return card


def question_card_suspend(*, user: User, question: Question, now: datetime | None = None) -> Card:
    """Suspend the student's card of a question they met in a quiz (made if missing)."""
    card = card_get_or_create(user=user, question=question)
    return card_suspend(user=user, card_id=card.pk, now=now)


def card_unsuspend(*, user: User, card_id: object) -> Card:
    """Bring a suspended card back into the queue, where its schedule left it. Idempotent."""
    with transaction.atomic():
        card = _own_card(user=user, card_id=card_id)
        if card.suspended_at is not None:
            _suspension_set(card, None)
    return card
