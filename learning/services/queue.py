"""Opening a study queue: the queue read (selectors.study_queue writes nothing)
and the Card rows of its new cards, which give a client the ids it answers with."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from ..models import Card
from ..selectors.common import BankRef
from ..selectors.queue import QUEUE_CARD_FIELDS, QueueCard, StudyQueue, study_queue

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def queue_cards_create(*, user: User, queue: StudyQueue) -> StudyQueue:
    """Save the unsaved new cards of `queue` (one INSERT in a savepoint; a card
    another request created meanwhile is read back instead) and give them their
    previews. Idempotent: a question keeps its card, and so its id. Made from the
    items' rows: no question instance is built."""
    entering = [item for item in queue.items if item.card_row.id is None]
    if not entering:
        return queue
    missing = [
        Card(
            user=user,
            question_id=item.card_row.question_id,
            bank_id=item.card_row.bank_id,
            due=item.card_row.due,
        )
        for item in entering
    ]
    try:
        with transaction.atomic():
            created = Card.objects.bulk_create(missing)
        if not all(card.pk for card in created):  # a database that does not return ids
            raise IntegrityError
        saved = {
            card.question_id: replace(item.card_row, id=card.pk)
            for item, card in zip(entering, created, strict=True)
        }
    except IntegrityError:  # another request created some of them first
        Card.objects.bulk_create(missing, ignore_conflicts=True)
        questions = [card.question_id for card in missing]
        saved = {
            row[2]: QueueCard(*row)
            for row in Card.objects.filter(user=user, question_id__in=questions).values_list(
                *QUEUE_CARD_FIELDS
            )
        }
    assert queue.now is not None  # (set by study_queue)
    for item in entering:
        item.saved_as(saved[item.card_row.question_id])
        item.previews_from(queue.now, queue.scheduling)
    return queue


def study_queue_open(
    *,
    user: User,
    bank: BankRef | None = None,
    limit: int = 20,
    now: datetime | None = None,
    choices_for: int | None = None,
) -> StudyQueue:
    """The study queue (selectors.study_queue) with a Card row for each new card:
    what the study page and `GET study/queue/` show. At most 7 queries, and 3 more
    (a savepoint around one INSERT) when new cards get their rows. `choices_for`:
    see study_queue."""
    queue = study_queue(user=user, bank=bank, limit=limit, now=now, choices_for=choices_for)
    return queue_cards_create(user=user, queue=queue)
