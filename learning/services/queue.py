"""Opening a study queue: the queue read (selectors.study_queue writes nothing)
and the Card rows of its new cards, which give a client the ids it answers with."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from ..models import Card, CardState
from ..selectors.common import BankRef
from ..selectors.queue import QUEUE_CARD_FIELDS, QueueCard, StudyQueue, study_queue

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def queue_cards_create(*, user: User, queue: StudyQueue) -> StudyQueue:
    """Save the unsaved new cards of `queue`, every one picked whether read as an
    item or not (one INSERT in a savepoint; a card another request created
    meanwhile is read back instead), and give its items their previews.
    Idempotent: a question keeps its card, and so its id. Made from the picks:
    no question instance is built."""
    entering = [pick for pick in queue.picked if pick.card_id is None]
    if not entering:
        return queue
    assert queue.now is not None  # (set by study_queue)
    missing = [
        Card(user=user, question_id=pick.question_id, bank_id=pick.bank_id, due=queue.now)
        for pick in entering
    ]
    rows: dict[int, QueueCard] = {}  # (read back: those another request created)
    saved: dict[int, int | None]  # question id -> its card's id
    try:
        with transaction.atomic():
            created = Card.objects.bulk_create(missing)
        if not all(card.pk for card in created):  # a database that does not return ids
            raise IntegrityError
        saved = {card.question_id: card.pk for card in created}
    except IntegrityError:  # another request created some of them first
        Card.objects.bulk_create(missing, ignore_conflicts=True)
        questions = [card.question_id for card in missing]
        rows = {
            row[2]: QueueCard(*row)
            for row in Card.objects.filter(user=user, question_id__in=questions).values_list(
                *QUEUE_CARD_FIELDS
            )
        }
        saved = {question_id: row.id for question_id, row in rows.items()}
    queue.picked = [
        replace(pick, card_id=saved[pick.question_id], state=CardState.NEW)
        if pick.card_id is None
        else pick
        for pick in queue.picked
    ]
    for item in queue.items:
        row = item.card_row
        if row.id is None:
            question_id = row.question_id
            item.saved_as(rows.get(question_id) or replace(row, id=saved[question_id]))
            item.previews_from(queue.now, queue.scheduling)
    return queue


def study_queue_open(
    *,
    user: User,
    bank: BankRef | None = None,
    limit: int = 20,
    now: datetime | None = None,
    choices_for: int | None = None,
    rows_for: int | None = None,
    first_card: int | None = None,
) -> StudyQueue:
    """The study queue (selectors.study_queue) with a Card row for each new card:
    what the study page and `GET study/queue/` show. At most 7 queries, and 3 more
    (a savepoint around one INSERT) when new cards get their rows. `choices_for`,
    `rows_for`, `first_card`: see study_queue."""
    queue = study_queue(
        user=user,
        bank=bank,
        limit=limit,
        now=now,
        choices_for=choices_for,
        rows_for=rows_for,
        first_card=first_card,
    )
    return queue_cards_create(user=user, queue=queue)
