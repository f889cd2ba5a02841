"""The study queue: what to study next."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    FilteredRelation,
    Prefetch,
    Q,
    prefetch_related_objects,
)
from django.utils import timezone

from classes.api import bank_ids_assigned_to
from quizzes.api import (
    Choice,
    Question,
    QuestionBank,
    banks_studyable_by,
    published_question_filter,
    published_questions,
    sibling_key,
)

from .. import scheduler, sql
from ..cards import fuzz_seed_of, memory_state_of, scheduler_kwargs
from ..models import Card, CardState, ReviewLog
from ..study_day import day_bounds, study_date, zone_of
from .common import LEARNING_STATES, preferences_or_default, started_or_suspended

MAX_COUNT = 9999
LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class QueueItem:
    card: Card
    question: Question
    is_new: bool
    previews: dict[int, timedelta] = field(default_factory=dict)

    def preview_labels(self) -> dict[int, str]:
        return {rating: scheduler.format_interval(delta) for rating, delta in self.previews.items()}


@dataclass
class StudyQueue:
    items: list[QueueItem]
    due_count: int
    new_available: int
    learning_count: int
    review_count: int
    new_limit: int = 0  # today's new-card limit (custom study included)
    new_left: int = 0  # new cards the limit still lets in today
    now: datetime | None = None  # when it was read, and the scheduler's settings then
    scheduling: dict = field(default_factory=dict)


def previews_of(card: Card, *, now: datetime, scheduling: dict) -> dict[int, timedelta]:
    """What each rating would do to `card` now (the same fuzz as its answer)."""
    return scheduler.preview(memory_state_of(card), now, fuzz_seed=fuzz_seed_of(card), **scheduling)


def _bank_filter(bank, prefix: str = "question__") -> Q:
    if bank is None:
        return Q()
    return Q(**{f"{prefix}bank": bank})


def _todays_reviews(*, user, start: datetime, end: datetime) -> tuple[int, int, dict]:
    """Today's reviews (one query): how many new cards were introduced and reviews
    done, and which facts were studied (sibling key -> card ids: their siblings
    are buried for the day)."""
    todays = (
        ReviewLog.objects.filter(
            user=user, reviewed_at__gte=start, reviewed_at__lt=end, undo__isnull=True
        )
        .order_by()  # any order will do: no sort
        .values_list(
            "card_id",
            "state_before",
            "card__question__bank__article_id",
            "card__question__evidence_start",
            "card__question__evidence_end",
            "card__question__fingerprint",
        )
    )
    new_today = reviews_today = 0
    buried: dict[tuple, set[int]] = defaultdict(set)
    for card_id, state_before, article_id, ev_start, ev_end, fingerprint in todays:
        if state_before == CardState.NEW:
            new_today += 1
        elif state_before == CardState.REVIEW:
            reviews_today += 1
        buried[_sibling_key_of(article_id, ev_start, ev_end, fingerprint)].add(card_id)
    return new_today, reviews_today, buried


def study_queue(*, user, bank=None, limit: int = 20, now: datetime | None = None) -> StudyQueue:
    """What to study next: due learning cards, then due reviews (lowest
    retrievability first, within the daily review limit), then new cards within
    today's new-card limit. A card whose sibling (same fact) was studied today,
    or is already in the queue, waits for another day. A read: it writes
    nothing, so a new question the user has no Card row for yet comes with an
    unsaved card (pk None) and no previews; services.study_queue_open gives them
    their rows (the ids a client answers with).

    Due reviews of banks assigned to the student's classes come before the other
    reviews, and their new cards before other new cards.

    A constant number of queries, at most 9:
    preferences, today's logs, learning and review candidates, the reviews of
    assigned banks (over all banks only), their counts when the candidates fill
    the window (one query), new-card candidates, the entering new cards, the
    choices. Candidates are read as plain rows; only the cards
    returned become model instances, and previews are computed for them only."""
    now = now or timezone.now()
    limit = max(0, int(limit))
    preferences = preferences_or_default(user)
    zone = zone_of(preferences.time_zone)
    start, end = day_bounds(now, zone=zone, day_starts_at_hour=preferences.day_starts_at_hour)
    sched = scheduler_kwargs(preferences)

    new_today, reviews_today, buried = _todays_reviews(user=user, start=start, end=end)
    reviews_left = max(0, preferences.max_reviews_per_day - reviews_today)
    today = study_date(now, zone=zone, day_starts_at_hour=preferences.day_starts_at_hour)
    new_limit = preferences.new_cards_limit_on(today)
    new_left = max(0, new_limit - new_today)

    def is_buried(key: tuple, card_id: int | None) -> bool:
        studied = buried.get(key)
        return bool(studied) and studied != {card_id}

    mine = (
        Q(user=user, suspended_at__isnull=True)
        & published_question_filter("question__")
        & _bank_filter(bank)
    )
    due_filter = mine & Q(due__lte=now)
    # Due learning cards (few: they live minutes; with those due within the
    # learn-ahead limit, shown only when nothing else is left), then the most
    # overdue reviews; both walk the (user, state, due) index and stop early.
    window = limit * 2 + 10
    learning_all = list(
        Card.objects.filter(mine, state__in=LEARNING_STATES, due__lte=now + LEARN_AHEAD)
        .order_by("due", "id")
        .values_list(*_CARD_ROW)[:window]
    )
    learning = [row for row in learning_all if row[_DUE] <= now]
    ahead = [row for row in learning_all if row[_DUE] > now]
    reviews = list(
        Card.objects.filter(due_filter, state=CardState.REVIEW)
        .order_by("due", "id")
        .values_list(*_CARD_ROW)[:window]
    )
    # Counts: the fetched rows when they are all there is; else count on, up to a cap
    # (the badge never shows more reviews than today's limit allows), in one query.
    capped = {}
    if len(learning_all) >= window:
        capped["learning"] = (Card.objects.filter(due_filter, state__in=LEARNING_STATES), MAX_COUNT)
    if len(reviews) >= window and reviews_left > len(reviews):
        capped["review"] = (Card.objects.filter(due_filter, state=CardState.REVIEW), reviews_left)
    counts = sql.capped_counts(capped)
    learning_count = counts.get("learning", len(learning))
    review_count = min(counts.get("review", len(reviews)), reviews_left)

    # Due reviews of the banks assigned to the student's classes come first (issue 13),
    # read apart (one query) so that a long backlog elsewhere never hides them.
    assigned: set[int] = set()
    if bank is None:
        assigned_rows = list(
            Card.objects.filter(
                due_filter,
                state=CardState.REVIEW,
                question__bank_id__in=bank_ids_assigned_to(student=user, now=now),
            )
            .order_by("due", "id")
            .values_list(*_CARD_ROW)[:window]
        )
        assigned = {row[_ID] for row in assigned_rows}
        reviews = assigned_rows + [row for row in reviews if row[_ID] not in assigned]

    parameters = sched["parameters"]
    reviews.sort(
        key=lambda row: (
            row[_ID] not in assigned,
            scheduler.retrievability(
                stability=row[_STABILITY],
                last_review=row[_LAST_REVIEW],
                now=now,
                parameters=parameters,
            ),
            row[_DUE],
        )
    )
    in_queue: set[tuple] = set()
    # rows of learning cards and reviews, in queue order
    chosen: list[tuple] = _one_per_sentence(learning, in_queue=in_queue, room=limit)
    taken_reviews = 0
    for row in reviews:
        if len(chosen) >= limit or taken_reviews >= reviews_left:
            break
        key = _sibling_key_of(*(row[i] for i in _SIBLING))
        if key in in_queue or is_buried(key, row[_ID]):
            continue
        chosen.append(row)
        in_queue.add(key)
        taken_reviews += 1
    items = [
        QueueItem(card=card, question=card.question, is_new=False) for card in map(_card_of, chosen)
    ]

    new_available = 0
    if new_left > 0:
        # Published questions not yet started, in bank order: narrow rows (the
        # anti-join sorts every unstarted question, so it carries few columns).
        order: list = ["bank__title", "bank_id", "position", "id"]
        if bank is None:  # assigned banks first
            order.insert(0, _in_assigned_bank(user, now).desc())
        # New cards come only from banks the user may study (a given `bank` is
        # checked by the caller: quizzes.api.bank_get_for_student).
        unstarted = published_questions(bank=bank)
        if bank is None:
            unstarted = unstarted.filter(bank__in=banks_studyable_by(user, now))
        candidates = (
            unstarted.exclude(started_or_suspended(user))
            .order_by(*order)
            .values_list("id", "bank__article_id", "evidence_start", "evidence_end", "fingerprint")[
                : new_left + 20
            ]
        )
        entering: list[int] = []
        room = max(0, limit - len(items))
        for question_id, *sibling in candidates:
            if new_available >= new_left:
                break
            key = _sibling_key_of(*sibling)
            if key in in_queue or is_buried(key, None):
                continue
            in_queue.add(key)
            new_available += 1
            if len(entering) < room:
                entering.append(question_id)
        if entering:
            for card in _new_cards_of(user=user, question_ids=entering, now=now):
                items.append(QueueItem(card=card, question=card.question, is_new=True))

    if not items and ahead:  # nothing else to do: learn ahead (as Anki does)
        items = [
            QueueItem(card=card, question=card.question, is_new=False)
            for card in map(_card_of, _one_per_sentence(ahead, in_queue=in_queue, room=limit))
        ]

    if items:
        prefetch_related_objects(
            [item.question for item in items],
            Prefetch("choices", queryset=Choice.objects.order_by("position", "id")),
        )
    for item in items:
        if item.card.pk is not None:  # (an unsaved new card gets them with its row)
            item.previews = previews_of(item.card, now=now, scheduling=sched)
    return StudyQueue(
        items=items,
        due_count=learning_count + review_count,
        new_available=new_available,
        learning_count=learning_count,
        review_count=review_count,
        new_limit=new_limit,
        new_left=new_left,
        now=now,
        scheduling=sched,
    )


# The queue reads candidates as flat rows (card, question and bank columns, without
# the timestamps and the bank's description) and makes model instances only of the
# cards it returns.
_CARD_FIELDS = tuple(
    f.attname for f in Card._meta.concrete_fields if f.name not in ("created_at", "updated_at")
)
_QUESTION_FIELDS = tuple(
    f.attname for f in Question._meta.concrete_fields if f.name not in ("created_at", "updated_at")
)
_BANK_FIELDS = tuple(
    f.attname
    for f in QuestionBank._meta.concrete_fields
    if f.name not in ("created_at", "updated_at", "description")
)
_CARD_ROW = (
    *_CARD_FIELDS,
    *(f"question__{name}" for name in _QUESTION_FIELDS),
    *(f"question__bank__{name}" for name in _BANK_FIELDS),
)
_QUESTION_ROW = (
    *(f"mine__{name}" for name in _CARD_FIELDS),
    *_QUESTION_FIELDS,
    *(f"bank__{name}" for name in _BANK_FIELDS),
)
_QUESTION_AT = len(_CARD_FIELDS)
_BANK_AT = _QUESTION_AT + len(_QUESTION_FIELDS)
_ID, _DUE, _STABILITY, _LAST_REVIEW = (
    _CARD_FIELDS.index(name) for name in ("id", "due", "stability", "last_review")
)
_SIBLING = (
    _BANK_AT + _BANK_FIELDS.index("article_id"),
    _QUESTION_AT + _QUESTION_FIELDS.index("evidence_start"),
    _QUESTION_AT + _QUESTION_FIELDS.index("evidence_end"),
    _QUESTION_AT + _QUESTION_FIELDS.index("fingerprint"),
)


def _question_of(row: tuple) -> Question:
    question = Question.from_db(Question.objects.db, _QUESTION_FIELDS, row[_QUESTION_AT:_BANK_AT])
    question.bank = QuestionBank.from_db(QuestionBank.objects.db, _BANK_FIELDS, row[_BANK_AT:])
    return question


def _card_of(row: tuple) -> Card:
    card = Card.from_db(Card.objects.db, _CARD_FIELDS, row[:_QUESTION_AT])
    card.question = _question_of(row)
    return card


def _one_per_sentence(rows: list[tuple], *, in_queue: set[tuple], room: int) -> list[tuple]:
    """Up to `room` card rows in their order, leaving out a card whose sibling (same
    sentence or fact) is already in the queue; `in_queue` gains the keys taken."""
    taken: list[tuple] = []
    for row in rows:
        if len(taken) >= room:
            break
        key = _sibling_key_of(*(row[i] for i in _SIBLING))
        if key not in in_queue:
            taken.append(row)
            in_queue.add(key)
    return taken


def _sibling_key_of(article_id, evidence_start, evidence_end, fingerprint) -> tuple:
    return sibling_key(
        article_id=article_id,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
        fingerprint=fingerprint or "",
    )


def _in_assigned_bank(user, now: datetime) -> ExpressionWrapper:
    """True for a question of a bank assigned to one of the user's classes."""
    return ExpressionWrapper(
        Q(bank_id__in=bank_ids_assigned_to(student=user, now=now)), output_field=BooleanField()
    )


def _new_cards_of(*, user, question_ids: list[int], now: datetime) -> list[Card]:
    """The user's cards of these questions, in order, with their questions: one
    query (questions, banks and the user's card columns). A question the user has
    no Card row for yet gets an unsaved one (pk None): a read writes nothing;
    services.queue_cards_create saves them."""
    rows = (
        Question.objects.filter(pk__in=question_ids)
        .annotate(mine=FilteredRelation("cards", condition=Q(cards__user=user)))
        .values_list(*_QUESTION_ROW)
    )
    cards: dict[int, Card] = {}
    for row in rows:
        question = _question_of(row)
        if row[_ID] is None:
            card = Card(user=user, question=question, due=now)
        else:
            card = Card.from_db(Card.objects.db, _CARD_FIELDS, row[:_QUESTION_AT])
            card.question = question
        cards[question.pk] = card
    return [cards[question_id] for question_id in question_ids if question_id in cards]
