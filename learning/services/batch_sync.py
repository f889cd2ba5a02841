"""Offline reviews uploaded in one batch, applied set-based: a constant number of
queries whatever the number of items, the same rules as review_record."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes.api import (
    Choice,
)

from .. import sql
from ..cards import scheduler_kwargs
from ..models import (
    Card,
    ReviewLog,
    ReviewSource,
)
from .common import ReviewError
from .preferences import preferences_get
from .reviews import (
    CARD_ROW_COLUMNS,
    CardRow,
    ReviewInput,
    _apply_snapshot,
    _result_payload_state,
    card_histories,
    count_review_for_optimizer,
    grade,
    replay_result,
    reschedule,
    result_payload,
    review_input,
    uuid_conflict,
)


def _batch_ok(client_uuid: str | None, result: dict, *, replayed: bool) -> dict:
    """An applied item: its result says, as a single review's does, whether it
    was a replay (nothing written)."""
    return {"client_uuid": client_uuid, "ok": True, "result": {**result, "replayed": replayed}}


def _batch_error(client_uuid: str | None, error: ReviewError) -> dict:
    return {"client_uuid": client_uuid, "ok": False, "errors": {error.field: [error.message]}}


def batch_apply(*, user, pending: list[tuple[int, ReviewInput, str | None]]) -> dict[int, dict]:
    """Apply validated answers in one transaction with a constant number of
    queries: lock the cards (1), preferences (1), replays (1, when client_uuids
    are given), choices (1, when an answer is a choice), INSERT the logs (1),
    UPDATE the cards (1)."""
    outcomes: dict[int, dict] = {}
    cards = {
        values[0]: CardRow(values)
        for values in Card.objects.select_for_update(of=("self",))
        .filter(pk__in={given.card_id for _, given, _ in pending}, user=user)
        .order_by("pk")  # lock in id order: two uploads never wait on each other crosswise
        .values_list(*CARD_ROW_COLUMNS)
    }
    server_now = timezone.now()  # after the locks, as review_record does
    kwargs = scheduler_kwargs(preferences_get(user=user))
    uuids = {given.client_uuid for _, given, _ in pending if given.client_uuid is not None}
    stored = {}
    if uuids:
        stored = {
            log.client_uuid: log
            for log in ReviewLog.objects.select_related("card").filter(
                user=user, client_uuid__in=uuids
            )
        }
    choice_questions = {
        cards[given.card_id].question_id
        for _, given, _ in pending
        if given.choice_id is not None and given.card_id in cards
    }
    choices: dict[int, list[Choice]] = defaultdict(list)
    if choice_questions:
        for choice in Choice.objects.filter(question_id__in=choice_questions).only(
            "id", "question_id", "is_correct", "position"
        ):
            choices[choice.question_id].append(choice)

    # Answers older than their card's last review (another device's, uploaded late):
    # the card is replayed from its first review with these answers in their place.
    late = {
        given.card_id
        for _, given, _ in pending
        if given.card_id in cards
        and given.client_uuid not in stored  # (a replay changes nothing)
        and given.reviewed_at is not None
        and cards[given.card_id].last_review is not None
        and given.reviewed_at < cards[given.card_id].last_review
    }
    histories = card_histories(late) if late else {}
    steps: list[tuple[datetime, int, Any]] = [  # (when, 0 = a stored review first, ...)
        (reviewed_at, 0, (card_id, rating))
        for card_id, history in histories.items()
        for reviewed_at, _, rating in history.events
    ]
    for card_id, history in histories.items():
        _apply_snapshot(cards[card_id], history.start)
    steps += [(p[1].reviewed_at or server_now, 1, p) for p in pending]

    rows: list[dict] = []
    fresh: dict[uuid.UUID, dict] = {}  # client_uuid -> its new row, for repeats in this batch
    answered: list[tuple[int, str | None, dict, bool]] = []
    touched: dict[int, CardRow] = {}
    for when, kind, step in sorted(steps, key=lambda step: step[:2]):
        if kind == 0:  # a stored review of a replayed card: no new row
            card_id, stored_rating = step
            reschedule(cards[card_id], stored_rating, when, kwargs)
            continue
        index, given, label = step
        try:
            if given.client_uuid is not None:
                log = stored.get(given.client_uuid)
                if log is not None:
                    if log.card_id != given.card_id:
                        raise uuid_conflict()
                    outcomes[index] = _batch_ok(label, replay_result(log).as_dict(), replayed=True)
                    continue
                earlier = fresh.get(given.client_uuid)
                if earlier is not None:  # the same review twice in one batch: a replay
                    if earlier["card_id"] != given.card_id:
                        raise uuid_conflict()
                    answered.append((index, label, earlier, True))
                    continue
            card = cards.get(given.card_id)
            if card is None:
                raise ReviewError("card", "No such card.", status=404)
            reviewed_at = given.reviewed_at or server_now
            rating, is_correct, correct_choice_id = grade(
                card, card.kind, given, reviewed_at, choices.get(card.question_id)
            )
            before = reschedule(card, rating, reviewed_at, kwargs)
        except ReviewError as error:
            outcomes[index] = _batch_error(label, error)
            continue
        row = {
            "user_id": user.pk,
            "card_id": card.pk,
            "rating": rating,
            "reviewed_at": reviewed_at,
            "duration_ms": given.duration_ms,
            "client_uuid": given.client_uuid,
            "source": given.source,
            "card_before": before,
            "state_before": before["state"],
            "stability_before": before["stability"],
            "state_after": card.state,
            "due_after": card.due,
            "result": result_payload(
                card=card,
                rating=rating,
                review_id=None,
                is_correct=is_correct,
                explanation=card.explanation or None,
                correct_choice_id=correct_choice_id,
            ),
        }
        rows.append(row)
        touched[card.pk] = card
        if given.client_uuid is not None:
            fresh[given.client_uuid] = row
        answered.append((index, label, row, False))
    for row in rows:  # a replayed card: every answer tells the card as it ends up
        if row["card_id"] in histories:
            card = cards[row["card_id"]]
            row["result"] = {**row["result"], **_result_payload_state(card)}
    if rows:
        for row, pk in zip(rows, sql.insert_logs(rows), strict=True):
            row["id"] = pk
        sql.update_cards(list(touched.values()))
        transaction.on_commit(lambda: count_review_for_optimizer(user, len(rows)))
    for index, label, row, replayed in answered:
        outcomes[index] = _batch_ok(
            label, {**row["result"], "review_id": row["id"]}, replayed=replayed
        )
    return outcomes


def review_batch_record(*, user, items: list[dict]) -> list[dict]:
    """Apply offline reviews (up to a few hundred) set-based: every item is
    validated first, then the good ones are applied in reviewed_at order in
    one transaction with a constant number of queries, whatever the number of
    items. One outcome per item, in input order: {"client_uuid", "ok": True,
    "result"} or {"client_uuid", "ok": False, "errors": {field: [message]}}.

    Same rules as review_record: a stored client_uuid is a replay (its stored
    result, nothing written); the same client_uuid twice in one batch makes
    the later one (in reviewed_at order) a replay of the first; a bad item is
    refused with its own error and never touches another."""
    now = timezone.now()
    outcomes: list[dict | None] = [None] * len(items)
    pending: list[tuple[int, ReviewInput, str | None]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            outcomes[index] = {
                "client_uuid": None,
                "ok": False,
                "errors": {"non_field_errors": ["Each review must be an object."]},
            }
            continue
        label = item.get("client_uuid")
        label = str(label) if label is not None else None
        try:
            given = review_input(
                card_id=item.get("card", item.get("card_id")),
                rating=item.get("rating"),
                choice_id=item.get("choice", item.get("choice_id")),
                reviewed_at=item.get("reviewed_at"),
                duration_ms=item.get("duration_ms"),
                client_uuid=item.get("client_uuid"),
                source=item.get("source", ReviewSource.API),
                now=now,
            )
        except ReviewError as error:
            outcomes[index] = _batch_error(label, error)
            continue
        pending.append((index, given, label))
    if pending:
        for attempt in (1, 2):
            try:
                with transaction.atomic():
                    applied = batch_apply(user=user, pending=pending)
                break
            except IntegrityError:
                # A concurrent upload stored one of these client_uuids first: once
                # it has committed, the retry sees it as a replay.
                if attempt == 2:
                    raise
        for index, outcome in applied.items():
            outcomes[index] = outcome
    return outcomes  # type: ignore[return-value]
