"""Reads of the learner side: the study queue, progress, quiz history and the
teacher's view of a bank's students. Shared by HTML, API and admin.

Undone reviews (those with a ReviewUndo) are ignored everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import cast

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Count,
    Exists,
    FilteredRelation,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.functions import Substr, Trunc
from django.http import Http404
from django.utils import timezone

from . import scheduler
from .cards import fuzz_seed_of, memory_state_of, scheduler_kwargs
from .models import Card, CardState, QuizAttempt, ReviewLog, StudyPreferences
from .quizzes_gateway import (
    MULTIPLE_CHOICE_KINDS,
    Choice,
    Question,
    QuestionBank,
    QuestionKind,
    article_facts,
    evidence_in_paragraph,
    published_question_filter,
    published_questions,
    sibling_key,
)
from .study_day import day_bounds, day_start, study_date, zone_of

MATURE_DAYS = scheduler.MATURE_STABILITY_DAYS
LEARNING_STATES = (CardState.LEARNING, CardState.RELEARNING)
STARTED_STATES = (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)
MAX_COUNT = 9999
LEARN_AHEAD = timedelta(minutes=20)
# The streak is counted over the first window (with today's counts, one query);
# a streak that fills a window is recounted over the next one (one more query each).
STREAK_WINDOWS_DAYS = (35, 400, 3650)
STREAK_WINDOW_DAYS = STREAK_WINDOWS_DAYS[0]


# --- the study queue ------------------------------------------------------


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


def _preferences(user) -> StudyPreferences:
    """The user's preferences, or unsaved defaults (a read never writes them)."""
    return StudyPreferences.objects.filter(user=user).first() or StudyPreferences(user=user)


def _bank_filter(bank, prefix: str = "question__") -> Q:
    if bank is None:
        return Q()
    return Q(**{f"{prefix}bank": bank})


def study_queue(*, user, bank=None, limit: int = 20, now: datetime | None = None) -> StudyQueue:
    """What to study next: due learning cards, then due reviews (lowest
    retrievability first, within the daily review limit), then new cards within
    today's new-card limit. A card whose sibling (same fact) was studied today,
    or is already in the queue, waits for another day. Creates Card rows for
    the new questions it returns.

    A constant number of queries, at most 8 (3 more when Card rows are created):
    preferences, today's logs, learning and review candidates, their counts when
    the candidates fill the window (one query), new-card candidates, the entering
    new cards, the choices. Candidates are read as plain rows; only the cards
    returned become model instances, and previews are computed for them only."""
    now = now or timezone.now()
    limit = max(0, int(limit))
    preferences = _preferences(user)
    zone = zone_of(preferences.time_zone)
    start, end = day_bounds(now, zone=zone, day_starts_at_hour=preferences.day_starts_at_hour)
    sched = scheduler_kwargs(preferences)

    # Today's reviews: how many new cards were introduced and reviews done,
    # and which facts were studied (their siblings are buried for the day).
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
    reviews_left = max(0, preferences.max_reviews_per_day - reviews_today)
    new_left = max(0, preferences.new_cards_per_day - new_today)

    def is_buried(key: tuple, card_id: int | None) -> bool:
        studied = buried.get(key)
        return bool(studied) and studied != {card_id}

    mine = Q(user=user) & published_question_filter("question__") & _bank_filter(bank)
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
    counts = _capped_counts(capped)
    learning_count = counts.get("learning", len(learning))
    review_count = min(counts.get("review", len(reviews)), reviews_left)

    parameters = sched["parameters"]
    reviews.sort(
        key=lambda row: (
            scheduler.retrievability(
                stability=row[_STABILITY],
                last_review=row[_LAST_REVIEW],
                now=now,
                parameters=parameters,
            ),
            row[_DUE],
        )
    )
    chosen: list[tuple] = []  # rows of learning cards and reviews, in queue order
    in_queue: set[tuple] = set()
    for row in learning:
        if len(chosen) >= limit:
            break
        chosen.append(row)
        in_queue.add(_sibling_key_of(*(row[i] for i in _SIBLING)))
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
        candidates = (
            published_questions(bank=bank)
            .exclude(
                Exists(
                    Card.objects.filter(
                        user=user, question_id=OuterRef("pk"), state__in=STARTED_STATES
                    )
                )
            )
            .order_by("bank__title", "bank_id", "position", "id")
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
            for card in map(_card_of, ahead[:limit])
        ]

    if items:
        prefetch_related_objects(
            [item.question for item in items],
            Prefetch("choices", queryset=Choice.objects.order_by("position", "id")),
        )
    for item in items:
        item.previews = scheduler.preview(
            memory_state_of(item.card), now, fuzz_seed=fuzz_seed_of(item.card), **sched
        )
    return StudyQueue(
        items=items,
        due_count=learning_count + review_count,
        new_available=new_available,
        learning_count=learning_count,
        review_count=review_count,
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


def _sibling_key_of(article_id, evidence_start, evidence_end, fingerprint) -> tuple:
    return sibling_key(
        article_id=article_id,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
        fingerprint=fingerprint or "",
    )


def _capped_counts(capped: dict[str, tuple[QuerySet, int]]) -> dict[str, int]:
    """name -> min(rows of the queryset, cap), all in one query (none when empty)."""
    if not capped:
        return {}
    parts: list[str] = []
    params: list = []
    for number, (queryset, cap) in enumerate(capped.values()):
        sql, part_params = queryset.values("id")[:cap].query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) capped_{number})")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        return dict(zip(capped, cursor.fetchone(), strict=True))


def _new_cards_of(*, user, question_ids: list[int], now: datetime) -> list[Card]:
    """The user's cards of these questions, in order, with their questions: one
    query (questions, banks and the user's card columns), and one INSERT in a
    savepoint for the Card rows still missing."""
    rows = (
        Question.objects.filter(pk__in=question_ids)
        .annotate(mine=FilteredRelation("cards", condition=Q(cards__user=user)))
        .values_list(*_QUESTION_ROW)
    )
    cards: dict[int, Card] = {}
    missing: list[Card] = []
    for row in rows:
        question = _question_of(row)
        if row[_ID] is None:
            missing.append(Card(user=user, question=question, due=now))
        else:
            card = Card.from_db(Card.objects.db, _CARD_FIELDS, row[:_QUESTION_AT])
            card.question = question
            cards[question.pk] = card
    if missing:
        try:
            with transaction.atomic():
                created = Card.objects.bulk_create(missing)
            if not all(card.pk for card in created):  # a database that does not return ids
                raise IntegrityError
        except IntegrityError:  # another request created some of them first
            Card.objects.bulk_create(missing, ignore_conflicts=True)
            questions = {card.question_id: card.question for card in missing}
            created = list(Card.objects.filter(user=user, question_id__in=list(questions)))
            for card in created:
                card.question = questions[card.question_id]
        cards.update({card.question_id: card for card in created})
    return [cards[question_id] for question_id in question_ids if question_id in cards]


# --- the back of a card ---------------------------------------------------


@dataclass(frozen=True)
class CardBack:
    """What the back of a card shows once it is turned: the answer and the
    article's sentence behind it, in its paragraph (offsets are into the article
    text; the paragraph's own are into the paragraph)."""

    question_id: int
    bank_id: int
    answer: str
    explanation: str
    correct_choice_id: int | None
    correct_order: list[int] | None
    article_id: int | None
    source_url: str
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    paragraph: dict | None


def card_backs_of(questions) -> dict[int, CardBack]:
    """Question id -> its card's back, for questions with their bank and their
    choices in display order loaded. One query (the articles' texts), none
    without an article."""
    articles = article_facts(question.bank.article_id for question in questions)
    backs = {}
    for question in questions:
        choices = sorted(question.choices.all(), key=lambda c: (c.position, c.pk))
        article = articles.get(question.bank.article_id)
        found = None
        if article is not None:
            found = evidence_in_paragraph(
                article.text, question.evidence_start, question.evidence_end
            )
        paragraph = None
        if found is not None:
            paragraph = {
                "index": found.paragraph_index,
                "text": found.before + found.evidence + found.after,
                "evidence_start": len(found.before),
                "evidence_end": len(found.before) + len(found.evidence),
            }
        backs[question.pk] = CardBack(
            question_id=question.pk,
            bank_id=question.bank_id,
            answer=question.answer,
            explanation=question.explanation,
            correct_choice_id=next((c.pk for c in choices if c.is_correct), None)
            if question.kind in MULTIPLE_CHOICE_KINDS
            else None,
            correct_order=[c.pk for c in choices]
            if question.kind == QuestionKind.ORDERING
            else None,
            article_id=article.pk if article else None,
            source_url=article.url if article else "",
            evidence=found.evidence.strip() if found else "",
            evidence_start=question.evidence_start if found else None,
            evidence_end=question.evidence_end if found else None,
            paragraph=paragraph,
        )
    return backs


def card_backs(*, user, card_ids) -> dict[int, CardBack]:
    """Card id -> its back, for the user's own cards among `card_ids` (others are
    left out). Three queries: the cards with their questions, the choices, the
    articles."""
    cards = list(
        Card.objects.filter(user=user, pk__in=set(card_ids))
        .select_related("question__bank")
        .prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.order_by("position", "id"))
        )
    )
    backs = card_backs_of([card.question for card in cards])
    return {card.pk: backs[card.question_id] for card in cards}


# --- single objects the user owns ---------------------------------------


def card_get_for_user(*, user, card_id: int) -> Card:
    try:
        card_id = int(card_id)
    except (TypeError, ValueError):
        raise Http404("No such card.") from None
    card = (
        Card.objects.select_related("question__bank__article")
        .prefetch_related("question__choices")
        .filter(pk=card_id, user=user)
        .first()
    )
    if card is None:
        raise Http404("No such card.")
    return card


def attempt_get_for_user(*, user, attempt_id: int) -> QuizAttempt:
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        raise Http404("No such quiz.") from None
    attempt = QuizAttempt.objects.select_related("bank").filter(pk=attempt_id, user=user).first()
    if attempt is None:
        raise Http404("No such quiz.")
    return attempt


def attempt_list(*, user) -> QuerySet[QuizAttempt]:
    return (
        QuizAttempt.objects.filter(user=user)
        .select_related("bank")
        .annotate(answered_count=Count("answers"))
        .order_by("-started_at", "-id")
    )


def attempt_review(*, attempt: QuizAttempt) -> list[dict]:
    """Per question of the attempt, in order: what was asked, given and right."""
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.question_ids)
        .select_related("bank__article")
        .prefetch_related("choices")
    }
    answers = {a.question_id: a for a in attempt.answers.all()}
    rows = []
    for qid in attempt.question_ids:
        question = questions.get(qid)
        if question is None:
            continue
        choices = list(question.choices.all())
        answer = answers.get(qid)
        correct: list[str] | str
        if question.kind == QuestionKind.ORDERING:
            correct = [c.text for c in sorted(choices, key=lambda c: (c.position, c.pk))]
        else:
            correct = question.answer
        given = None
        if answer is not None:
            given = {
                "choice": answer.choice_id,
                "order": answer.given_order,
                "text": answer.given_text or None,
            }
        rows.append(
            {
                "question": question.pk,
                "prompt": question.prompt,
                "kind": question.kind,
                "choices": [
                    {"id": c.pk, "text": c.text, "is_correct": c.is_correct} for c in choices
                ],
                "given": given,
                "correct_answer": correct,
                "correct_choice": next((c.pk for c in choices if c.is_correct), None),
                "is_correct": answer.is_correct if answer is not None else None,
                "explanation": question.explanation,
                "evidence": question.evidence_text,
                "article": question.bank.article_id,
                "evidence_start": question.evidence_start,
                "evidence_end": question.evidence_end,
            }
        )
    return rows


# --- progress -------------------------------------------------------------


def _whole_hour_offsets(zone, since: datetime, until: datetime) -> bool:
    """True when the zone's UTC offset is a whole number of hours over the range
    (checked monthly), so hourly UTC buckets never straddle a study-day start."""
    moment = since
    while True:
        offset = zone.utcoffset(moment.replace(tzinfo=None))
        if offset is not None and offset.total_seconds() % 3600:
            return False
        if moment >= until:
            return True
        moment = min(moment + timedelta(days=30), until)


def _count_by_study_day(
    queryset: QuerySet,
    field_name: str,
    *,
    zone,
    day_starts_at_hour: int,
    since: datetime,
    until: datetime,
    **aggregates,
) -> dict[date, dict[str, int]]:
    """Study day -> {"count": n, **aggregates} for rows whose `field_name` is in
    [since, until). Rows are grouped by UTC hour (or minute, for zones with
    half-hour offsets) in the database, natively, and the few buckets are mapped
    to study days here: no per-row date function (slow on SQLite)."""
    whole_hours = _whole_hour_offsets(zone, since, until)
    bucket: Substr | Trunc
    if connection.vendor == "sqlite":
        bucket = Substr(field_name, 1, 13 if whole_hours else 16)
    else:
        bucket = Trunc(field_name, "hour" if whole_hours else "minute", tzinfo=UTC)
    rows = (
        queryset.filter(**{f"{field_name}__gte": since, f"{field_name}__lt": until})
        .annotate(bucket=bucket)
        .values("bucket")
        .annotate(count=Count("pk"), **aggregates)
        .order_by()
    )
    per_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        value = row.pop("bucket")
        if isinstance(value, str):  # SQLite: "YYYY-MM-DD HH[:MM]" in UTC
            value = datetime(
                int(value[0:4]),
                int(value[5:7]),
                int(value[8:10]),
                int(value[11:13]),
                int(value[14:16]) if len(value) > 13 else 0,
                tzinfo=UTC,
            )
        day = study_date(value, zone=zone, day_starts_at_hour=day_starts_at_hour)
        for key, number in row.items():
            per_day[day][key] += number
    return per_day


def _reviews_per_day(
    *, user, since: datetime, preferences: StudyPreferences, until: datetime | None = None
) -> dict[date, int]:
    per_day = _count_by_study_day(
        ReviewLog.objects.filter(user=user, undo__isnull=True),
        "reviewed_at",
        zone=zone_of(preferences.time_zone),
        day_starts_at_hour=preferences.day_starts_at_hour,
        since=since,
        until=until or timezone.now() + timedelta(days=2),
    )
    return {day: counts["count"] for day, counts in per_day.items()}


def review_heatmap(*, user, days: int = 365, now: datetime | None = None) -> list[dict]:
    """Reviews per study day for the last `days` days (oldest first, zeros included)."""
    now = now or timezone.now()
    preferences = _preferences(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    first = today - timedelta(days=days - 1)
    per_day = _reviews_per_day(
        user=user,
        since=day_start(first, zone=zone, day_starts_at_hour=hour),
        preferences=preferences,
    )
    return [
        {
            "date": (first + timedelta(days=i)).isoformat(),
            "count": per_day.get(first + timedelta(days=i), 0),
        }
        for i in range(days)
    ]


def _streak(per_day: dict[date, int], today: date) -> int:
    """Study days in a row up to today (or up to yesterday while today is still open)."""
    day = today if per_day.get(today) else today - timedelta(days=1)
    streak = 0
    while per_day.get(day):
        streak += 1
        day -= timedelta(days=1)
    return streak


def study_streak(*, user, now: datetime | None = None) -> int:
    now = now or timezone.now()
    preferences = _preferences(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    per_day = _reviews_per_day(
        user=user,
        since=day_start(today - timedelta(days=3650), zone=zone, day_starts_at_hour=hour),
        preferences=preferences,
    )
    return _streak(per_day, today)


def _mature_review_q() -> Q:
    return Q(state_before=CardState.REVIEW, stability_before__gte=MATURE_DAYS)


def _card_mastery(state: int, stability: float | None, last_review, now, parameters) -> float:
    """How well a question is known now: its retrievability, scaled down until
    the card is mature (stability of 21 days). New and learning cards count 0."""
    if state not in (CardState.REVIEW, CardState.RELEARNING) or not stability:
        return 0.0
    r = scheduler.retrievability(
        stability=stability, last_review=last_review, now=now, parameters=parameters
    )
    return r * min(1.0, stability / MATURE_DAYS)


def bank_mastery(*, user, banks, now: datetime | None = None) -> dict[int, dict]:
    """Bank id -> {"due", "new", "mastery" (0-100), "total"} for `user`. Two queries."""
    now = now or timezone.now()
    bank_ids = [b if isinstance(b, int) else b.pk for b in banks]
    if not bank_ids:
        return {}
    parameters = None
    prefs = (
        StudyPreferences.objects.filter(user=user).values_list("fsrs_parameters", flat=True).first()
    )
    parameters = prefs or None
    totals = dict(
        published_questions()
        .filter(bank_id__in=bank_ids)
        .values("bank_id")
        .annotate(n=Count("id"))
        .values_list("bank_id", "n")
        .order_by()
    )
    result = {
        bid: {"due": 0, "new": totals.get(bid, 0), "mastery": 0.0, "total": totals.get(bid, 0)}
        for bid in bank_ids
    }
    sums: dict[int, float] = defaultdict(float)
    rows = Card.objects.filter(
        Q(user=user, question__bank_id__in=bank_ids) & published_question_filter("question__")
    ).values_list("question__bank_id", "state", "stability", "last_review", "due")
    for bank_id, state, stability, last_review, due in rows:
        entry = result[bank_id]
        if state != CardState.NEW:
            entry["new"] -= 1
            if due <= now:
                entry["due"] += 1
        sums[bank_id] += _card_mastery(state, stability, last_review, now, parameters)
    for bank_id, entry in result.items():
        entry["new"] = max(0, entry["new"])
        entry["mastery"] = round(100 * sums[bank_id] / entry["total"], 1) if entry["total"] else 0.0
    return result


def _bank_breakdown(*, user, now, parameters) -> list[dict]:
    rows = Card.objects.filter(Q(user=user) & published_question_filter("question__")).values_list(
        "question__bank_id", "question__bank__title", "state", "stability", "last_review"
    )
    banks: dict[int, dict] = {}
    sums: dict[int, float] = defaultdict(float)
    for bank_id, title, state, stability, last_review in rows:
        entry = banks.setdefault(
            bank_id,
            {
                "bank": bank_id,
                "title": title,
                "total": 0,
                "new": 0,
                "learning": 0,
                "young": 0,
                "mature": 0,
                "mastery": 0.0,
            },
        )
        if state in LEARNING_STATES:
            entry["learning"] += 1
        elif state == CardState.REVIEW:
            entry["mature" if (stability or 0) >= MATURE_DAYS else "young"] += 1
        sums[bank_id] += _card_mastery(state, stability, last_review, now, parameters)
    if not banks:
        return []
    totals = dict(
        published_questions()
        .filter(bank_id__in=list(banks))
        .values("bank_id")
        .annotate(n=Count("id"))
        .values_list("bank_id", "n")
        .order_by()
    )
    scores: dict[int, list] = defaultdict(list)
    for bank_id, finished_at, correct, question_ids in (
        QuizAttempt.objects.filter(user=user, bank_id__in=list(banks), finished_at__isnull=False)
        .order_by("finished_at")
        .values_list("bank_id", "finished_at", "correct_count", "question_ids")
    ):
        if question_ids:
            scores[bank_id].append(
                {
                    "date": cast(datetime, finished_at).isoformat(),  # finished: not None
                    "score": round(100 * correct / len(question_ids), 1),
                }
            )
    for bank_id, entry in banks.items():
        entry["total"] = totals.get(bank_id, 0)
        started = entry["learning"] + entry["young"] + entry["mature"]
        entry["new"] = max(0, entry["total"] - started)
        entry["mastery"] = round(100 * sums[bank_id] / entry["total"], 1) if entry["total"] else 0.0
        entry["quiz_scores"] = scores.get(bank_id, [])
    return sorted(banks.values(), key=lambda e: (e["title"], e["bank"]))


def _started_cards(user) -> QuerySet[Card]:
    """The user's cards in learning, review or relearning, of published questions."""
    return Card.objects.filter(
        Q(user=user, state__in=STARTED_STATES) & published_question_filter("question__")
    )


def _today(
    *,
    user,
    now: datetime,
    preferences: StudyPreferences,
    windows: tuple[int, ...] = STREAK_WINDOWS_DAYS,
) -> dict:
    """progress_today with the preferences at hand: 2 queries, and one more each
    time the streak fills a window of `windows` (days)."""
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    end = day_start(today + timedelta(days=1), zone=zone, day_starts_at_hour=hour)
    # Reviews per study day of the last few weeks: today's counts and the streak.
    per_day = _count_by_study_day(
        ReviewLog.objects.filter(user=user, undo__isnull=True),
        "reviewed_at",
        zone=zone,
        day_starts_at_hour=hour,
        since=day_start(today - timedelta(days=windows[0] - 1), zone=zone, day_starts_at_hour=hour),
        until=end,
        new=Count("pk", filter=Q(state_before=CardState.NEW)),
    )
    streak = _streak({day: counts["count"] for day, counts in per_day.items()}, today)
    for window, longer in zip(windows, windows[1:], strict=False):
        if streak < window - 1:
            break
        # the streak may go on before this window: count it over a longer one
        since = day_start(today - timedelta(days=longer - 1), zone=zone, day_starts_at_hour=hour)
        streak = _streak(
            _reviews_per_day(user=user, since=since, until=end, preferences=preferences), today
        )
    due = _started_cards(user).aggregate(
        due_now=Count("id", filter=Q(due__lte=now)),
        due_later_today=Count("id", filter=Q(due__gt=now, due__lt=end)),
    )
    counts = per_day.get(today, {})
    return {
        "reviewed": counts.get("count", 0),
        "new_learned": counts.get("new", 0),
        "due_now": due["due_now"],
        "due_later_today": due["due_later_today"],
        "streak": streak,
    }


def progress_today(*, user, now: datetime | None = None) -> dict:
    """Today at a glance (the home page): {"reviewed", "new_learned", "due_now",
    "due_later_today", "streak"}, in the user's study day. Three queries
    (preferences, reviews per day of the last weeks, due counts); a streak of
    STREAK_WINDOW_DAYS or more is recounted over a longer window (one more)."""
    return _today(user=user, now=now or timezone.now(), preferences=_preferences(user))


def progress_summary(*, user, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    preferences = _preferences(user)
    zone = zone_of(preferences.time_zone)
    hour = preferences.day_starts_at_hour
    parameters = preferences.fsrs_parameters or None
    today = study_date(now, zone=zone, day_starts_at_hour=hour)
    start, end = day_bounds(now, zone=zone, day_starts_at_hour=hour)
    # The progress page starts with a 400-day window: a streak under 400 days costs it
    # no extra query (the home page starts small, with progress_today).
    today_and_streak = _today(
        user=user, now=now, preferences=preferences, windows=STREAK_WINDOWS_DAYS[1:]
    )
    streak = today_and_streak.pop("streak")

    # Reviews per study day of the last 12 weeks (true retention, weekly retention).
    logs = ReviewLog.objects.filter(user=user, undo__isnull=True)
    this_week = today - timedelta(days=today.weekday())
    first_week = this_week - timedelta(weeks=11)
    per_day = _count_by_study_day(
        logs,
        "reviewed_at",
        zone=zone,
        day_starts_at_hour=hour,
        since=day_start(first_week, zone=zone, day_starts_at_hour=hour),
        until=end,
        graded=Count("pk", filter=Q(state_before=CardState.REVIEW)),
        passed=Count("pk", filter=Q(state_before=CardState.REVIEW, rating__gt=1)),
        mature=Count("pk", filter=_mature_review_q()),
        mature_passed=Count("pk", filter=_mature_review_q() & Q(rating__gt=1)),
    )

    # One definition of retention for every figure of the page (panel, chart, table):
    # the share of answers to cards that were due for review (state before: review)
    # that were remembered (Hard, Good or Easy). Answers to new and learning cards
    # (an Again on a learning step, a missed quiz question on a new card) are not
    # reviews of something learnt, so they never count, in any figure.
    def due_reviews_since(days: int) -> tuple[int, int]:
        window = [per_day.get(today - timedelta(days=i), {}) for i in range(days)]
        return sum(c.get("graded", 0) for c in window), sum(c.get("passed", 0) for c in window)

    def retention_since(days: int) -> float | None:
        graded, passed = due_reviews_since(days)
        return round(passed / graded, 4) if graded else None

    started_cards = _started_cards(user)

    # forecast: started cards due per study day, the next 30 days (overdue -> today)
    forecast_end = day_start(today + timedelta(days=30), zone=zone, day_starts_at_hour=hour)
    forecast_counts: dict[date, int] = defaultdict(int)
    overdue = started_cards.filter(due__lt=start).count()
    for day, counts in _count_by_study_day(
        started_cards, "due", zone=zone, day_starts_at_hour=hour, since=start, until=forecast_end
    ).items():
        forecast_counts[day] += counts["count"]
    forecast_counts[today] += overdue
    forecast = [
        {
            "date": (today + timedelta(days=i)).isoformat(),
            "count": forecast_counts.get(today + timedelta(days=i), 0),
        }
        for i in range(30)
    ]

    # average retrievability of cards in review / relearning
    values = [
        scheduler.retrievability(stability=s, last_review=lr, now=now, parameters=parameters)
        for s, lr in Card.objects.filter(
            user=user, state__in=(CardState.REVIEW, CardState.RELEARNING), stability__isnull=False
        ).values_list("stability", "last_review")
        if lr is not None
    ]

    # retention by week (answers given in review state), last 12 weeks
    weekly: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])  # reviews, graded, passed
    for day, counts in per_day.items():
        week = day - timedelta(days=day.weekday())
        weekly[week][0] += counts["count"]
        weekly[week][1] += counts["graded"]
        weekly[week][2] += counts["passed"]
    retention_by_week = []
    for i in range(12):
        week = first_week + timedelta(weeks=i)
        reviews, graded, passed = weekly.get(week, (0, 0, 0))
        retention_by_week.append(
            {
                "week": week.isoformat(),
                "retention": round(passed / graded, 4) if graded else None,
                "reviews": reviews,
                "due_reviews": graded,
            }
        )

    return {
        "today": today_and_streak,
        "streak": streak,
        "forecast": forecast,
        "retention": {
            "last_7_days": retention_since(7),
            "last_30_days": retention_since(30),
            "due_reviews_7_days": due_reviews_since(7)[0],
            "due_reviews_30_days": due_reviews_since(30)[0],
            "average_retrievability": round(sum(values) / len(values), 4) if values else None,
        },
        "retention_by_week": retention_by_week,
        "banks": _bank_breakdown(user=user, now=now, parameters=parameters),
    }


def quiz_scores(*, user, bank=None) -> list[dict]:
    """Finished attempts, oldest first: {"attempt", "bank", "date", "score" (0-100)}."""
    attempts = QuizAttempt.objects.filter(user=user, finished_at__isnull=False)
    if bank is not None:
        attempts = attempts.filter(bank=bank)
    return [
        {
            "attempt": pk,
            "bank": bank_id,
            "date": cast(datetime, finished_at).isoformat(),  # finished: not None
            "score": round(100 * correct / len(qids), 1) if qids else 0.0,
        }
        for pk, bank_id, finished_at, correct, qids in attempts.order_by(
            "finished_at", "id"
        ).values_list("pk", "bank_id", "finished_at", "correct_count", "question_ids")
    ]


# --- teachers -------------------------------------------------------------


def bank_student_progress(*, bank, now: datetime | None = None) -> list[dict]:
    """Per student who studied `bank`: mastery (0-100), 30-day retention of
    review-state answers, last activity and number of reviews."""
    now = now or timezone.now()
    total = published_questions(bank=bank).count()
    students: dict[int, dict] = {}
    sums: dict[int, float] = defaultdict(float)
    for user_id, username, state, stability, last_review, parameters in Card.objects.filter(
        Q(question__bank=bank) & published_question_filter("question__")
    ).values_list(
        "user_id",
        "user__username",
        "state",
        "stability",
        "last_review",
        "user__study_preferences__fsrs_parameters",
    ):
        students.setdefault(
            user_id,
            {
                "user": user_id,
                "username": username,
                "mastery": 0.0,
                "retention": None,
                "last_activity": None,
                "reviews": 0,
            },
        )
        sums[user_id] += _card_mastery(state, stability, last_review, now, parameters or None)
    since = now - timedelta(days=30)
    for row in (
        ReviewLog.objects.filter(card__question__bank=bank, undo__isnull=True)
        .values("user_id")
        .annotate(
            reviews=Count("id"),
            last=Max("reviewed_at"),
            graded=Count("id", filter=Q(reviewed_at__gte=since, state_before=CardState.REVIEW)),
            passed=Count(
                "id",
                filter=Q(reviewed_at__gte=since, state_before=CardState.REVIEW, rating__gt=1),
            ),
        )
        .order_by()
    ):
        entry = students.get(row["user_id"])
        if entry is None:
            continue
        entry["reviews"] = row["reviews"]
        entry["last_activity"] = row["last"]
        entry["retention"] = round(row["passed"] / row["graded"], 4) if row["graded"] else None
    for user_id, entry in students.items():
        entry["mastery"] = round(100 * sums[user_id] / total, 1) if total else 0.0
    return sorted(students.values(), key=lambda e: (-e["mastery"], e["username"]))


def question_failures(*, bank, limit: int = 10) -> list[dict]:
    """The bank's questions most often answered Again (flashcards and quizzes)."""
    rows = (
        ReviewLog.objects.filter(card__question__bank=bank, undo__isnull=True)
        .values("card__question_id", "card__question__prompt")
        .annotate(
            failures=Count("id", filter=Q(rating=1)),
            reviews=Count("id"),
            students=Count("user_id", distinct=True),
        )
        .filter(failures__gt=0)
        .order_by("-failures", "card__question_id")[:limit]
    )
    return [
        {
            "question": row["card__question_id"],
            "prompt": row["card__question__prompt"],
            "failures": row["failures"],
            "reviews": row["reviews"],
            "students": row["students"],
            "failure_rate": round(row["failures"] / row["reviews"], 4),
        }
        for row in rows
    ]


def leeches(*, bank=None, threshold: int = 8, user=None) -> list[dict]:
    """Cards forgotten (lapsed) at least `threshold` times: a sign of a bad question."""
    cards = Card.objects.filter(lapses__gte=threshold)
    if bank is not None:
        cards = cards.filter(question__bank=bank)
    if user is not None:
        cards = cards.filter(user=user)
    return [
        {
            "card": card.pk,
            "user": card.user_id,
            "username": card.user.username,
            "question": card.question_id,
            "prompt": card.question.prompt,
            "bank": card.question.bank_id,
            "lapses": card.lapses,
            "reps": card.reps,
        }
        for card in cards.select_related("user", "question").order_by("-lapses", "id")
    ]
