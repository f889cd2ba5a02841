"""Offline reviews uploaded in one batch, applied set-based: a constant number of
queries whatever the number of items, the same rules as review_record."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes.api import (
    ChoiceRow,
    choices_for_grading,
)

from .. import sql
from ..cards import scheduler_kwargs
from ..models import (
    Card,
    ReviewLog,
    ReviewSource,
)
from ..tallies import TallyDelta
from .common import ReviewError
from .preferences import preferences_get
from .reviews import (
    CARD_ROW_COLUMNS,
    CardRow,
    History,
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

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from ..models import StudyPreferences

# (item index, its answer, the client_uuid it was sent with) of each item to apply
Pending = list[tuple[int, ReviewInput, str | None]]


def _batch_ok(client_uuid: str | None, result: dict[str, Any], *, replayed: bool) -> dict[str, Any]:
    """An applied item: its result says, as a single review's does, whether it
    was a replay (nothing written)."""
    return {"client_uuid": client_uuid, "ok": True, "result": {**result, "replayed": replayed}}


def _batch_error(client_uuid: str | None, error: ReviewError) -> dict[str, Any]:
    return {"client_uuid": client_uuid, "ok": False, "errors": {error.field: [error.message]}}


def _locked_cards(*, user: User, pending: Pending) -> dict[int, CardRow]:
    """The batch's cards of `user`, locked in id order (two uploads never wait on
    each other crosswise)."""
    return {
        values[0]: CardRow(values)
        for values in Card.objects.select_for_update(of=("self",))
        .filter(pk__in={given.card_id for _, given, _ in pending}, user=user)
        .order_by("pk")
        .values_list(*CARD_ROW_COLUMNS)
    }


def _stored_logs(*, user: User, pending: Pending) -> dict[uuid.UUID | None, ReviewLog]:
    """client_uuid -> the log already stored under it (one query, when any is given)."""
    uuids = {given.client_uuid for _, given, _ in pending if given.client_uuid is not None}
    if not uuids:
        return {}
    return {
        log.client_uuid: log
        for log in ReviewLog.objects.select_related("card").filter(user=user, client_uuid__in=uuids)
    }


def _choices_by_question(
    *, cards: dict[int, CardRow], pending: Pending
) -> dict[int, list[ChoiceRow]]:
    """The choices of the questions answered by a choice (one query, when any)."""
    questions = {
        cards[given.card_id].question_id
        for _, given, _ in pending
        if given.choice_id is not None and given.card_id in cards
    }
    return choices_for_grading(questions)


def _late_histories(
    *, cards: dict[int, CardRow], pending: Pending, stored: dict[uuid.UUID | None, ReviewLog]
) -> dict[int, History]:
    """Histories of the cards answered before their last review (another device's
    answers, uploaded late): each is replayed from its first review with these
    answers in their place (one query, when any)."""
    late = {
        given.card_id
        for _, given, _ in pending
        if given.card_id in cards
        and given.client_uuid not in stored  # (a replay changes nothing)
        and given.reviewed_at is not None
        and cards[given.card_id].last_review is not None
        and given.reviewed_at < cards[given.card_id].last_review
    }
    return card_histories(late) if late else {}


class _Batch:
    """One batch being applied in memory: its cards, the rows to INSERT and what
    each item answers."""

    def __init__(
        self,
        *,
        user: User,
        cards: dict[int, CardRow],
        stored: dict[uuid.UUID | None, ReviewLog],
        choices: dict[int, list[ChoiceRow]],
        kwargs: dict[str, Any],
        server_now: datetime,
    ) -> None:
        self.user = user
        self.cards = cards
        self.stored = stored
        self.choices = choices
        self.kwargs = kwargs
        self.server_now = server_now
        self.facts = {pk: card.facts() for pk, card in cards.items()}
        self.outcomes: dict[int, dict[str, Any]] = {}
        self.rows: list[dict[str, Any]] = []
        self.fresh: dict[uuid.UUID, dict[str, Any]] = {}  # client_uuid -> its new row (repeats)
        self.answered: list[tuple[int, str | None, dict[str, Any], bool]] = []
        self.touched: dict[int, CardRow] = {}

    def replayed(self, index: int, given: ReviewInput, label: str | None) -> bool:
        """A client_uuid stored before or earlier in this batch: answered as a
        replay (nothing written). Raises for an id used on another card."""
        if given.client_uuid is None:
            return False
        log = self.stored.get(given.client_uuid)
        if log is not None:
            if log.card_id != given.card_id:
                raise uuid_conflict()
            self.outcomes[index] = _batch_ok(label, replay_result(log).as_dict(), replayed=True)
            return True
        earlier = self.fresh.get(given.client_uuid)
        if earlier is not None:  # the same review twice in one batch: a replay
            if earlier["card_id"] != given.card_id:
                raise uuid_conflict()
            self.answered.append((index, label, earlier, True))
            return True
        return False

    def answer(self, index: int, given: ReviewInput, label: str | None) -> None:
        try:
            if self.replayed(index, given, label):
                return
            card = self.cards.get(given.card_id)
            if card is None:
                raise ReviewError("card", "No such card.", status=404)
            reviewed_at = given.reviewed_at or self.server_now
            rating, is_correct, correct_choice_id = grade(
                card, card.kind, given, reviewed_at, self.choices.get(card.question_id)
            )
            before = reschedule(card, rating, reviewed_at, self.kwargs)
        except ReviewError as error:
            self.outcomes[index] = _batch_error(label, error)
            return
        row = {
            "user_id": self.user.pk,
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
        self.rows.append(row)
        self.touched[card.pk] = card
        if given.client_uuid is not None:
            self.fresh[given.client_uuid] = row
        self.answered.append((index, label, row, False))

    def save(
        self,
        *,
        histories: dict[int, History],
        preferences: StudyPreferences,
        optimizer_count: int | None = None,
    ) -> None:
        """INSERT the logs (1), UPDATE the cards (1), add to the day and bank
        aggregates (2); `optimizer_count`: the optimiser's counter once the caller
        added these answers (count_review_for_optimizer's `counted`)."""
        rows = self.rows
        for row in rows:  # a replayed card: every answer tells the card as it ends up
            if row["card_id"] in histories:
                card = self.cards[row["card_id"]]
                row["result"] = {**row["result"], **_result_payload_state(card)}
        if rows:
            for row, pk in zip(rows, sql.insert_logs(rows), strict=True):
                row["id"] = pk
            sql.update_cards(list(self.touched.values()))
            tally = TallyDelta.of(user_id=self.user.pk, preferences=preferences)
            for row in rows:
                tally.review(row["reviewed_at"], row["state_before"], row["rating"])
            for pk, card in self.touched.items():
                tally.card(card.bank_id, self.facts[pk], card.facts())
            tally.save()
            user = self.user
            transaction.on_commit(
                lambda: count_review_for_optimizer(user, len(rows), counted=optimizer_count)
            )
        for index, label, row, replayed in self.answered:
            self.outcomes[index] = _batch_ok(
                label, {**row["result"], "review_id": row["id"]}, replayed=replayed
            )


def batch_apply(
    *, user: User, pending: Pending, optimizer_count: int | None = None
) -> dict[int, dict[str, Any]]:
    """Apply validated answers in one transaction with a constant number of
    queries: lock the cards (1), preferences (1), replays (1, when client_uuids
    are given), choices (1, when an answer is a choice), the late cards' logs (1,
    when any), INSERT the logs (1), UPDATE the cards (1), the study-day and bank
    aggregates (2). `optimizer_count`: as _Batch.save's (the API's late answer,
    already counted by its throttle)."""
    cards = _locked_cards(user=user, pending=pending)
    server_now = timezone.now()  # after the locks, as review_record does
    preferences = preferences_get(user=user)
    stored = _stored_logs(user=user, pending=pending)
    batch = _Batch(
        user=user,
        cards=cards,
        stored=stored,
        choices=_choices_by_question(cards=cards, pending=pending),
        kwargs=scheduler_kwargs(preferences),
        server_now=server_now,
    )
    histories = _late_histories(cards=cards, pending=pending, stored=stored)
    steps: list[tuple[datetime, int, Any]] = [  # (when, 0 = a stored review first, ...)
        (reviewed_at, 0, (card_id, rating))
        for card_id, history in histories.items()
        for reviewed_at, _, rating in history.events
    ]
    for card_id, history in histories.items():
        _apply_snapshot(cards[card_id], history.start)
    steps += [(p[1].reviewed_at or server_now, 1, p) for p in pending]
    for when, kind, step in sorted(steps, key=lambda step: step[:2]):
        if kind == 0:  # a stored review of a replayed card: no new row
            card_id, stored_rating = step
            reschedule(cards[card_id], stored_rating, when, batch.kwargs)
        else:
            batch.answer(*step)
    batch.save(histories=histories, preferences=preferences, optimizer_count=optimizer_count)
    return batch.outcomes


def review_batch_record(*, user: User, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
    outcomes: list[dict[str, Any] | None] = [None] * len(items)
    pending: Pending = []
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
        for index, outcome in _batch_apply_once_retried(user=user, pending=pending).items():
            outcomes[index] = outcome
    return outcomes  # type: ignore[return-value]


def _batch_apply_once_retried(*, user: User, pending: Pending) -> dict[int, dict[str, Any]]:
    """batch_apply in its transaction, tried again once when a concurrent upload
    stored one of these client_uuids first: once it has committed, the retry sees
    it as a replay."""
    try:
        with transaction.atomic():
            return batch_apply(user=user, pending=pending)
    except IntegrityError:
        pass
    with transaction.atomic():
        return batch_apply(user=user, pending=pending)
