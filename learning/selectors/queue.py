"""The study queue: what to study next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from classes.api import bank_ids_assigned_to
from quizzes.api import (
    BANK_ROW_FIELDS,
    QUESTION_ROW_FIELDS,
    BankStatus,
    QuestionStatus,
    StudyQuestion,
    banks_studyable_by,
    choice_rows_of,
    published_question_count,
    published_question_filter,
    question_filter,
    question_path,
    questions_by_ids,
    questions_with_status,
    sibling_key,
    study_questions_of,
    study_questions_with_choices,
)

from .. import scheduler, sql
from ..cards import fuzz_seed_of, memory_state_of, scheduler_kwargs
from ..models import BankTally, Card, CardState, StudyDay, StudyPreferences
from ..study_day import day_bounds, study_date, zone_of
from ..tallies import TOTALS, fold_past_due_days
from .common import (
    LEARNING_STATES,
    STARTED_STATES,
    BankRef,
    of_published_questions,
    preferences_call,
    preferences_of_rows,
    unpublished_questions,
    unpublished_questions_carded,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User


SiblingKey = tuple[Any, ...]  # quizzes.api.sibling_key: one card per fact and day

MAX_COUNT = 9999
BANKS_PER_READ = 50  # new-card walks per statement (SQLite allows 500 terms in a UNION)
LEARN_AHEAD = timedelta(minutes=20)
# the bank tally rows of due days past (before yesterday) the queue lets pile up
# before it folds them (tallies.fold_past_due_days): its reads of the tallies (a
# bank's started cards, the learning count) stay within this many rows of past days
# whatever the history, and a student catching up on overdue cards of days already
# folded (each review makes its due day's row again) pays a fold every FOLD_AT
# reviews, not every read
FOLD_AT = 32
# a bank's new-card walk reads the day's new-card limit and NEW_SPARE more, rounded up
# to a multiple of this (more read, then cut: the same cards), not what is left of the
# limit: one walk size a day, so that the last plan (the student's or a classmate's)
# is a good guess (_early_candidates); at most the new cards wanted rounded up to this
# times a power of two (never twice as many as wanted, past one step)
WALK_STEP = 10
# the shared plan of a bank and limit (a guess for students not read yet) walks at
# most this many rows per bank (a student of a huge new-card limit keeps theirs to
# themselves), and one kept walks at most SHARED_WALK_BEYOND further than the plan
# read (else the plan read replaces it): a guess never grows far past what
# classmates want (a covering guess's extra rows are read and dropped)
SHARED_WALK_MAX = 20 * WALK_STEP
SHARED_WALK_BEYOND = 4 * WALK_STEP
# new cards read beyond those the day's limit still lets in: room for the siblings
# of cards already taken or studied today, which wait
NEW_SPARE = 20
# the candidates' plans remembered (_early_candidates: one per user, bank and limit)
PLANS_MAX = 10_000
SPARE = 5  # cards read beyond the limit before today's studied facts are known
# learning cards read beyond the limit (per learning state): room for the siblings
# of cards already taken, which wait (the due reviews' window is wider: they are
# ranked by retrievability among the most overdue)
LEARNING_SPARE = 10


# The plan of each user's last candidates read in this process, by (user id, bank
# id or None, limit): what the next read guesses (_early_candidates).
_PLANS: dict[tuple[Any, ...], _CandidatesPlan] = {}


@dataclass(frozen=True, slots=True)
class QueueCard:
    """The user's card of a queue item as a row (`id` None: not saved yet): what
    its front, its previews and the API read, without a model instance."""

    id: int | None
    user_id: int
    question_id: int
    bank_id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int
    suspended_at: datetime | None

    @property
    def pk(self) -> int | None:
        return self.id


@dataclass(eq=False)
class QueueItem:
    """A card of the queue, read as rows: `card_row` (QueueCard) and `question_row`
    (quizzes.api.StudyQuestion, with its choices when read) are what the study
    page and the API show; no model instance is made (issue 16)."""

    card_row: QueueCard
    question_row: StudyQuestion
    is_new: bool
    # (now, scheduling) of the previews: computed when first read (the study page
    # shows one item of the queue, the API all of them)
    preview_at: tuple[datetime, dict[str, Any]] | None = field(default=None, repr=False)
    _previews: dict[int, timedelta] | None = field(default=None, repr=False)

    def saved_as(self, card_row: QueueCard) -> None:
        """The item's card now has its row (services.queue_cards_create)."""
        self.card_row = card_row

    @property
    def previews(self) -> dict[int, timedelta]:
        """What each rating would do to the card now (none for an unsaved card)."""
        if self._previews is None:
            self._previews = {}
            if self.card_row.id is not None and self.preview_at is not None:
                now, scheduling = self.preview_at
                self._previews = previews_of(self.card_row, now=now, scheduling=scheduling)
        return self._previews

    def previews_from(self, now: datetime, scheduling: dict[str, Any]) -> None:
        """Preview the card (again) as of `now`, when first read."""
        self.preview_at = (now, scheduling)
        self._previews = None

    def preview_labels(self) -> dict[int, str]:
        return {rating: scheduler.format_interval(delta) for rating, delta in self.previews.items()}


@dataclass(frozen=True, slots=True)
class QueuePick:
    """A card the queue picked, as the candidates read it (its rows read or not:
    `StudyQueue.picked`): what counts it and gives a new card its row."""

    question_id: int
    bank_id: int
    card_id: int | None  # None: a new card not saved yet
    state: int | None  # (None: no card yet)
    is_new: bool


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
    scheduling: dict[str, Any] = field(default_factory=dict)
    # every card picked, in queue order (`items`: those read as rows, all unless
    # study_queue's rows_for says fewer)
    picked: list[QueuePick] = field(default_factory=list)


def previews_of(
    card: Card | QueueCard, *, now: datetime, scheduling: dict[str, Any]
) -> dict[int, timedelta]:
    """What each rating would do to `card` now (the same fuzz as its answer)."""
    return scheduler.preview(memory_state_of(card), now, fuzz_seed=fuzz_seed_of(card), **scheduling)


def _bank_filter(bank: int | None) -> Q:
    if bank is None:
        return Q()
    return question_filter("question", bank=bank)


def _study_days_query(*, user: int, days: list[date]) -> QuerySet[Any]:
    return (
        StudyDay.objects.filter(user=user, day__in=days)
        .order_by()
        .values_list("day", "new", "graded", "reviews")
    )


def _study_days_and_fold_query(*, user: int, days: list[date], before: date) -> QuerySet[Any]:
    """_study_days_query's rows, and a row of day TOTALS (no study day's) when the user's bank
    tallies hold FOLD_AT rows or more of due days before `before` (a day before
    yesterday whatever the study day: tallies.fold_past_due_days folds them). Its
    read stops at the FOLD_AT-th row: it costs the same whatever the history."""
    past = BankTally.objects.filter(user=user, due_day__gt=TOTALS, due_day__lt=before)
    # (the user's own row: one row or none; the id as an expression, which the
    # compiled shape's stand-in id, out of the id column's range, does not empty)
    grown = get_user_model().objects.filter(Exists(past[FOLD_AT - 1 : FOLD_AT]), pk=Value(user))
    none = Value(0)
    return _study_days_query(user=user, days=days).union(
        grown.order_by().values_list(Value(TOTALS, output_field=DateField()), none, none, none),
        all=True,
    )


def _fold_before(now: datetime) -> date:
    """The due days that are past yesterday whatever the user's study day at `now`
    (time zones UTC-12 to +14, a day starting at any hour): before the UTC date less
    three days."""
    return now.astimezone(UTC).date() - timedelta(days=3)


def _days_around(now: datetime) -> list[date]:
    """Every study day `now` may belong to, whatever the time zone (UTC-12 to +14)
    and the hour a day starts (0-23): read before the preferences say which."""
    utc = now.astimezone(UTC).date()
    return [utc + timedelta(days=offset) for offset in (-2, -1, 0, 1)]


def _studied_siblings_statement(
    *, user: User, keys: set[SiblingKey], start: datetime, end: datetime
) -> tuple[str, list[Any]] | None:
    """The statement of which of these facts (sibling keys) the user studied today
    (None: no fact to ask about): one query, through the questions of the facts
    (their articles' banks and evidence spans: the index question_bank_span;
    fingerprints), whatever the number of cards or of today's reviews."""
    spans = [key for key in keys if key[0] == "span"]
    fingerprints = sorted({key[1] for key in keys if key[0] == "fp"})
    if not spans and not fingerprints:
        return None
    values: dict[str, Any] = {"user": user.pk, "start": start, "end": end}
    if spans:
        for name, at in (("articles", 1), ("starts", 2), ("ends", 3)):
            values[name] = sql.padded(sorted({key[at] for key in spans}))
    if fingerprints:
        values["fingerprints"] = sql.padded(fingerprints)
    shape = ("queue.siblings", *(len(v) for v in values.values() if isinstance(v, list)))
    shape += (bool(spans), bool(fingerprints))
    return sql.prepared(shape, _studied_siblings_sql, **values)


def _studied_siblings(
    rows: list[tuple[Any, ...]], keys: set[SiblingKey]
) -> dict[SiblingKey, tuple[int, int]]:
    """Fact -> the lowest and highest id of its cards reviewed today (Card.last_review:
    an undone review puts back the one before), from the rows of
    _studied_siblings_statement."""
    studied: dict[SiblingKey, tuple[int, int]] = {}
    for article_id, ev_start, ev_end, fingerprint, card_id in rows:
        key = _sibling_key_of(article_id, ev_start, ev_end, fingerprint)
        if key not in keys:  # (another span of the same article, start and end lists)
            continue
        lowest, highest = studied.get(key, (card_id, card_id))
        studied[key] = (min(lowest, card_id), max(highest, card_id))
    return studied


def _studied_siblings_sql(
    *,
    user: int,
    start: datetime,
    end: datetime,
    articles: list[int] | None = None,
    starts: list[int] | None = None,
    ends: list[int] | None = None,
    fingerprints: list[str] | None = None,
) -> tuple[str, list[Any]]:
    """The statement of _studied_siblings: the user's cards reviewed today among
    the questions of these spans (of the articles' banks) and of these fingerprints."""
    studied = (
        Card.objects.filter(user=user, last_review__gte=start, last_review__lt=end)
        .order_by()
        .values_list(
            question_path("question", "article_id"),
            question_path("question", "evidence_start"),
            question_path("question", "evidence_end"),
            question_path("question", "fingerprint"),
            "id",
        )
    )
    parts: list[QuerySet[Any]] = []
    if articles:
        parts.append(
            studied.filter(
                question_filter(
                    "question",
                    article_id__in=articles,
                    evidence_start__in=starts,
                    evidence_end__in=ends,
                )
            )
        )
    if fingerprints:
        parts.append(studied.filter(question_filter("question", fingerprint__in=fingerprints)))
    return sql.union_sql(parts)


@dataclass
class _Today:
    """The user's study day: its limits, what they still allow, the facts studied."""

    scheduling: dict[str, Any]
    new_limit: int
    new_left: int
    reviews_left: int
    day: date  # (the study day's date: BankTally.due_day's)
    start: datetime
    end: datetime
    answered: int  # answers today (none: no fact was studied)
    buried: dict[SiblingKey, tuple[int, int]] = field(
        default_factory=dict
    )  # (lowest, highest) card id studied per fact

    def is_buried(self, key: SiblingKey, card_id: int | None) -> bool:
        """A sibling of the card (another card of the fact) was studied today."""
        studied = self.buried.get(key)
        return studied is not None and not studied[0] == studied[1] == card_id

    def buried_statement(
        self, *, user: User, keys: set[SiblingKey]
    ) -> tuple[str, list[Any]] | None:
        """The statement of which of these facts were studied today (None when the
        study day has no answers)."""
        if not (self.answered and keys):
            return None
        return _studied_siblings_statement(user=user, keys=keys, start=self.start, end=self.end)


def _fact_keys(candidates: list[_Candidate]) -> set[SiblingKey]:
    return {c.key for c in candidates if c.key[0] != "none"}


def _today_of(
    preferences: StudyPreferences, *, user: User, now: datetime, days: dict[date, tuple[int, ...]]
) -> _Today:
    """The study day from the preferences and the counts of its StudyDay row (kept
    with every review), `days` the rows read (day -> counts) by _today_and_banks."""
    zone = zone_of(preferences.time_zone)
    start, end = day_bounds(now, zone=zone, day_starts_at_hour=preferences.day_starts_at_hour)
    day = study_date(now, zone=zone, day_starts_at_hour=preferences.day_starts_at_hour)
    if day not in days and day not in _days_around(now):  # (not read: by key)
        days = {row[0]: row[1:] for row in _study_day_rows(user=user, days=[day])}
    new_today, reviews_today, answered = days.get(day, (0, 0, 0))
    new_limit = preferences.new_cards_limit_on(day)
    return _Today(
        scheduling=scheduler_kwargs(preferences),
        new_limit=new_limit,
        new_left=max(0, new_limit - new_today),
        reviews_left=max(0, preferences.max_reviews_per_day - reviews_today),
        day=day,
        start=start,
        end=end,
        answered=answered,
    )


def _study_day_rows(*, user: User, days: list[date]) -> list[tuple[Any, ...]]:
    return sql.prepared_rows(
        ("queue.study_days", len(days)), _study_days_query, user=user.pk, days=days
    )


def _today_and_banks(
    *, user: User, bank: BankRef | None, now: datetime, early: tuple[str, list[Any]] | None
) -> tuple[_Today, list[_Bank], list[tuple[Any, ...]]]:
    """The study day (preferences, and the counts of its StudyDay row: new cards
    introduced, reviews done, answers) and the banks new cards come from (_banks_of):
    three queries sent together, one round trip on PostgreSQL (the study day's row
    read for each day `now` may be in, before the preferences say which; issue 16).
    The study day's statement also says when the bank tallies of days past have
    grown to FOLD_AT rows: they are folded then (tallies.fold_past_due_days, three
    statements), before the queue reads the tallies, so that its reads of them
    (every started card of a bank, the learning count) cost the same whatever the
    history (a student who only studies never opens the pages that fold too).
    `early`: a statement sent with them (the candidates guessed, _early_candidates),
    whose rows are returned too."""
    days = _days_around(now)
    real = min(now, timezone.now())  # (a read given a later moment folds no day to come)
    calls: list[sql.PreparedCall] = [
        preferences_call(user),
        (("queue.study_days_fold", len(days)), _study_days_and_fold_query,
         {"user": user.pk, "days": days, "before": _fold_before(real)}),
    ]  # fmt: skip
    student = bank is None and not (user.is_staff or user.is_superuser)
    if student:  # (the same statement for every student, compiled once)
        calls.append((("queue.banks",), _banks_query, {"user": user.pk, "now": now}))
    (early_rows,), (preference_rows, day_rows, *bank_rows) = sql.fetch_with_prepared(
        [early], calls, planned_once=True
    )
    preferences = preferences_of_rows(user, preference_rows)
    counts = {row[0]: row[1:] for row in day_rows}
    if counts.pop(TOTALS, None) is not None:  # (before the reads of the tallies below)
        zone, hour = zone_of(preferences.time_zone), preferences.day_starts_at_hour
        fold_past_due_days(
            user_id=user.pk, today=study_date(real, zone=zone, day_starts_at_hour=hour)
        )
    today = _today_of(preferences, user=user, now=now, days=counts)
    if student:
        banks = [_Bank(pk, article_id, bool(flag)) for pk, article_id, flag in bank_rows[0]]
    else:
        banks = _banks_of(user=user, bank=bank, now=now)
    return today, banks, early_rows


@dataclass(frozen=True)
class _Bank:
    """A bank new cards come from, in queue order."""

    pk: int
    article_id: int | None
    assigned: bool


def _banks_query(*, user: User | int, now: datetime) -> QuerySet[Any]:
    """(id, article id, assigned) of the banks `user` (a user, or a student's id)
    may study, those assigned to their classes first, then by title."""
    if isinstance(user, int):
        user = get_user_model()(pk=user)  # a student: nothing else of them is read
    assigned = ExpressionWrapper(
        Q(pk__in=bank_ids_assigned_to(student=user, now=now)), output_field=BooleanField()
    )
    return (
        banks_studyable_by(user, now)
        .annotate(assigned=assigned)
        .order_by("-assigned", "title", "id")
        .values_list("id", "article_id", "assigned")
    )


def _banks_of(*, user: User, bank: BankRef | None, now: datetime) -> list[_Bank]:
    """The banks new cards come from: the given one (when published; the caller
    checked the user may study it: quizzes.api.bank_get_for_student), or every bank
    the user may study, those assigned to their classes first, then by title (one
    query; a student's is read by _today_and_banks)."""
    if bank is not None:
        published = bank.status == BankStatus.PUBLISHED
        return [_Bank(bank.pk, bank.article_id, False)] if published else []
    rows = list(_banks_query(user=user, now=now))  # (a teacher's own banks too: built each time)
    return [_Bank(pk, article_id, bool(flag)) for pk, article_id, flag in rows]


# A candidate's columns, read by each window itself: from the card side (due
# cards) or the question side with the user's card if any (new questions).
_QUESTION_COLUMNS = (
    "bank_id",
    "position",
    "article_id",
    "evidence_start",
    "evidence_end",
    "fingerprint",
)
_NEW_ROW = (
    "id",
    *(question_path("", name) for name in _QUESTION_COLUMNS),
    "mine__id",
    "mine__state",
    "mine__due",
    "mine__stability",
    "mine__last_review",
)
_DUE_ROW = (
    "question_id",
    *(question_path("question", name) for name in _QUESTION_COLUMNS),
    *(name.removeprefix("mine__") for name in _NEW_ROW[7:]),
)
_STATE_AT = _DUE_ROW.index("state")  # (a row of the due windows: a card of these states)
_DUE_STATES = frozenset((CardState.REVIEW, *LEARNING_STATES))


class _Candidate(NamedTuple):
    """A card the queue may show, as its candidates' statement reads it (a tuple:
    a few hundred are made per request, a frozen dataclass cost four times more)."""

    question_id: int
    bank_id: int
    position: int
    key: SiblingKey  # the sibling key: one card per fact and day
    card_id: int | None
    state: int | None
    due: datetime | None
    stability: float | None
    last_review: datetime | None


@dataclass
class _Candidates:
    """The cards the queue may show: due learning cards (with those due within the
    learn-ahead limit), due reviews (the most overdue, and those of assigned banks),
    in (due, id) order; new questions in bank order."""

    learning: list[_Candidate] = field(default_factory=list)
    ahead: list[_Candidate] = field(default_factory=list)
    reviews: list[_Candidate] = field(default_factory=list)
    new: list[_Candidate] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)  # question ids


class _CandidatesPlan(NamedTuple):
    """What the first candidates statement of a queue read depends on, besides the
    user and the moment: the same plan, the same statement."""

    bank: int | None  # the bank studied (None: all)
    banks: tuple[int, ...]  # the banks whose new questions it walks (the first BANKS_PER_READ)
    assigned: tuple[int, ...]  # the banks assigned to the student's classes
    window: int
    learning_window: int
    walk: int  # new questions read per bank


def _candidates_plan(
    *,
    bank: BankRef | None,
    banks: list[_Bank],
    window: int,
    learning_window: int,
    new_wanted: int,
    new_limit: int,
) -> _CandidatesPlan:
    """The plan of the candidates' first statement. Each bank's walk reads the day's
    new-card limit and NEW_SPARE more, rounded up to a multiple of WALK_STEP (at
    least `new_wanted`: more read, then cut, the same cards), none when no new card
    is wanted: a student's day gives two plans (new cards left, none), not one per
    card or per ten, and students of the same limit share them (issue 16: the first
    request of a student in a worker guessed another student's walk wrong 4 times in
    10, one round trip and the candidates read twice). Capped at the new cards
    wanted rounded up to WALK_STEP times a power of two: a student of a huge limit
    with a few cards left walks a few, not the limit (a few walk sizes a day)."""
    steps_wanted = -(-new_wanted // WALK_STEP)
    doubled = WALK_STEP << (steps_wanted - 1).bit_length() if new_wanted else 0
    walk = -(-max(new_wanted, new_limit + NEW_SPARE) // WALK_STEP) * WALK_STEP
    walk = min(walk, doubled)
    return _CandidatesPlan(
        bank=None if bank is None else bank.pk,
        banks=tuple(b.pk for b in banks[:BANKS_PER_READ]) if walk else (),
        assigned=tuple(b.pk for b in banks if b.assigned),
        window=window,
        learning_window=learning_window,
        walk=walk,
    )


def _candidates_statement(
    plan: _CandidatesPlan, *, user: int, now: datetime, banks: tuple[int, ...], with_due: bool
) -> tuple[str, list[Any]]:
    """A candidates statement of the plan: the due windows (`with_due`: the first
    statement) and the new-card walks of `banks`, compiled once per shape (sql.prepared).
    Only the values the statement reads are given: one it leaves out (the moment
    when no review is read, the day's review limit reached; the studied bank in a
    statement of further banks) would keep its shape from being compiled once, and
    every read would build it again (~3 ms)."""
    values: dict[str, Any] = {"user": user, "banks": list(banks)}
    if with_due:
        values["ahead"] = now + LEARN_AHEAD
        if plan.window:  # (the review windows)
            values.update(now=now, assigned=list(plan.assigned))
        if plan.bank is not None:  # (the due windows)
            values["bank"] = plan.bank
    shape = ("queue.candidates", with_due, len(plan.assigned), len(banks), plan.bank is not None)
    sizes = (plan.window, plan.learning_window, plan.walk)
    build = partial(
        _candidates_sql,
        window=plan.window,
        learning_window=plan.learning_window,
        new_wanted=plan.walk,
    )
    return sql.prepared((*shape, *sizes), build, **values)


def _early_candidates(
    *, user: User, key: tuple[Any, ...], now: datetime
) -> tuple[_CandidatesPlan | None, tuple[str, list[Any]] | None]:
    """The plan of the user's last queue read of this key in this process (or, for a
    user this process has not read yet, the last plan read of the same bank and
    limit, whoever read it: students of a school share their banks and limits), and
    its first candidates statement as of `now`: sent with the study day's
    statements (one round trip fewer on PostgreSQL, issue 16), its rows used when
    the plan read from them is the same (else the right statement follows, one
    query more). A student's plan changes a few times a day (a new-card limit
    reached, a bank assigned)."""
    guess = _PLANS.get(key)
    if guess is None:
        guess = _PLANS.get(_shared_key(key))
    if guess is None:
        return None, None
    early = _candidates_statement(guess, user=user.pk, now=now, banks=guess.banks, with_due=True)
    return guess, early


def _shared_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """The key of the last plan read of a bank and limit (key: user id, bank, limit)."""
    return (None, *key[1:])


def _plan_remembered(key: tuple[Any, ...], plan: _CandidatesPlan) -> None:
    """The user's plan, as read; and the plan shared by the bank and limit, unless
    the one kept covers it walking at most SHARED_WALK_BEYOND further (_guess_rows:
    a classmate with new cards left covers one without, not the other way round),
    or the plan walks past SHARED_WALK_MAX (one student's huge new-card limit would
    make every classmate's first read in the process walk it)."""
    if len(_PLANS) >= PLANS_MAX and key not in _PLANS:
        _PLANS.clear()
    _PLANS[key] = plan
    if plan.walk > SHARED_WALK_MAX:
        return
    shared = _shared_key(key)
    kept = _PLANS.get(shared)
    if kept is None or not _covers(kept, plan) or kept.walk > plan.walk + SHARED_WALK_BEYOND:
        _PLANS[shared] = plan


def _covers(guess: _CandidatesPlan, plan: _CandidatesPlan) -> bool:
    """Whether the rows of the guessed plan's first statement hold those of `plan`'s:
    the same due windows, and either no new card wanted (the guess's new rows are
    dropped) or the same banks walked at least as far (a longer walk, cut to the
    new cards wanted: the same cards, _candidates)."""
    windows = attrgetter("bank", "assigned", "window", "learning_window")
    if windows(guess) != windows(plan):
        return False
    return plan.walk == 0 or (guess.banks == plan.banks and guess.walk >= plan.walk)


def _guess_rows(
    rows: list[tuple[Any, ...]], *, guess: _CandidatesPlan | None, plan: _CandidatesPlan
) -> list[tuple[Any, ...]] | None:
    """The rows of `plan`'s first statement from those of the guessed plan's (None:
    the guess does not cover it, _covers): without the new rows when `plan` wants
    no new card."""
    if guess is None or not _covers(guess, plan):
        return None
    if plan.walk == 0 < guess.walk:
        return [row for row in rows if row[_STATE_AT] in _DUE_STATES]
    return rows


def queue_guesses_forget(*, keep_shared: bool = False) -> None:
    """Forget the plans remembered (tests: a new user may get an old one's id);
    `keep_shared`: the users' own only (a user not read yet, as in another worker)."""
    for key in list(_PLANS):
        if not (keep_shared and key[0] is None):
            del _PLANS[key]


def _candidates(
    *,
    user: User,
    plan: _CandidatesPlan,
    banks: list[_Bank],
    now: datetime,
    new_wanted: int,
    read: list[tuple[Any, ...]] | None = None,
) -> _Candidates:
    """One query: narrow rows (ids, due dates, memory and sibling-key columns) of
    the windows of due learning cards (`learning_window` of each state), due reviews
    and due reviews of assigned banks (`window` each; none when `window` is 0), each
    walking the card table's (user, state, due) index until it is full,
    and of up to `new_wanted` unstarted published questions of each bank (each walks
    the bank's published questions in order: the partial index
    question_published_order), for the first BANKS_PER_READ banks; one more per
    BANKS_PER_READ banks when those leave new cards wanting. `read`: the rows of
    the first statement, read already (_early_candidates)."""
    found = _Candidates()
    if read is None:
        first = _candidates_statement(plan, user=user.pk, now=now, banks=plan.banks, with_due=True)
        read = sql.fetch_rows(first, planned_once=True)
    _read_into(found, read, now=now)
    # Further banks, a statement per BANKS_PER_READ, only while the banks read leave
    # new cards wanting (a student of many banks whose first ones are done).
    waiting = banks[BANKS_PER_READ:] if plan.walk else []
    while waiting and len(found.new) < new_wanted:
        chunk = tuple(b.pk for b in waiting[:BANKS_PER_READ])
        waiting = waiting[BANKS_PER_READ:]
        statement = _candidates_statement(plan, user=user.pk, now=now, banks=chunk, with_due=False)
        _read_into(found, sql.fetch_rows(statement, planned_once=True), now=now)
    by_due = attrgetter("due", "card_id")
    found.learning.sort(key=by_due)
    found.ahead.sort(key=by_due)
    # (the window over both states)
    del found.ahead[max(0, plan.learning_window - len(found.learning)) :]
    del found.learning[plan.learning_window :]
    found.reviews.sort(key=by_due)
    order = {b.pk: number for number, b in enumerate(banks)}
    found.new.sort(key=lambda c: (order[c.bank_id], c.position, c.question_id))
    del found.new[new_wanted:]
    return found


def _candidates_sql(
    *,
    window: int,
    learning_window: int,
    new_wanted: int,
    user: int,
    banks: list[int],
    now: datetime | None = None,
    bank: int | None = None,
    ahead: datetime | None = None,
    assigned: list[int] | None = None,
) -> tuple[str, list[Any]]:
    """The statement of _candidates: the due windows (given `ahead`, the end of the
    learn-ahead limit; and `now` when `window` reviews are read) and the new-card
    walks of `banks`."""
    mine = (
        Q(user=user, suspended_at__isnull=True)
        & published_question_filter("question")
        & _bank_filter(bank)
    )
    cards = Card.objects.order_by("due", "id").values_list(*_DUE_ROW)
    parts: list[QuerySet[Any]] = []
    if ahead is not None:
        # (one window per state: each walks the (user, state, due) index in order)
        parts += [
            cards.filter(mine, state=state, due__lte=ahead)[:learning_window]
            for state in LEARNING_STATES
        ]
        if window:
            assert now is not None
            due = mine & Q(due__lte=now)
            parts.append(cards.filter(due, state=CardState.REVIEW)[:window])
            if assigned:  # (read apart: a long backlog elsewhere never hides them)
                of_assigned = question_filter("question", bank_id__in=assigned)
                parts.append(cards.filter(due, of_assigned, state=CardState.REVIEW)[:window])
    if banks:
        # (the user's card of each question probed once: the join that reads its
        # columns also says whether it was started or suspended; at most one card
        # per user and question)
        unstarted = (
            questions_with_status(QuestionStatus.PUBLISHED)
            .annotate(mine=FilteredRelation("cards", condition=Q(cards__user=user)))
            .filter(
                Q(mine__id__isnull=True)
                | Q(mine__state=CardState.NEW, mine__suspended_at__isnull=True)
            )
            .order_by("position", "id")
            .values_list(*_NEW_ROW)
        )
        parts += [
            unstarted.filter(~_bank_started_through(user=user, bank_id=pk), bank_id=pk)[:new_wanted]
            for pk in banks
        ]
    return sql.union_sql(parts)


def _bank_started_through(*, user: int, bank_id: int) -> Exists:
    """True when the user has started (or suspended) every published question of
    the bank: its totals row (BankTally's: the cards started or suspended, kept by
    every review; one row whatever the history) less those of its unpublished questions (archived ones keep their
    cards; a few, read by key) reach its published count (BankQuestionCount). It
    names no column of the outer query, so the database evaluates it once and
    skips the bank's new-card walk (which would read every question of a bank
    fully started: 284 ms at 100,000, issue 16) when it holds."""
    set_aside: Any = Value(0)
    for unpublished in unpublished_questions(bank_ids=[bank_id]):  # (each read by key)
        cards = (
            Card.objects.filter(
                Q(state__in=STARTED_STATES) | Q(suspended_at__isnull=False),
                user=user,
                question_id__in=unpublished,
            )
            .order_by()
            .values("user")
            .annotate(n=Count("id"))
            .values("n")
        )
        set_aside = set_aside + Coalesce(Subquery(cards), 0)
    # (every term is a constant to the database: the bank's id is a parameter, even
    # in the published count, so each is read once, not per tally row)
    started = (
        BankTally.objects.filter(user=user, bank_id=bank_id, due_day=TOTALS)  # (one row)
        .order_by()
        .alias(the_bank=Value(bank_id))
        .values("user")
        .alias(started=Sum(F("learning") + F("young") + F("mature") + F("suspended_new")))
        .filter(started__gte=published_question_count("the_bank") + set_aside)
    )
    return Exists(started)


def _read_into(found: _Candidates, rows: list[tuple[Any, ...]], *, now: datetime) -> None:
    """The rows of a candidates statement, into `found` (the same columns: each part
    selects them itself, so nothing is joined to the windows afterwards)."""
    datetime_from_db = sql.datetime_reader()
    for row in rows:
        question_id, bank_id, position, article_id, start, end, fingerprint, *card = row
        card_id, state, due_at, stability, last_review = card
        if question_id in found.seen:  # (a review of an assigned bank: in two windows)
            continue
        found.seen.add(question_id)
        candidate = _Candidate(
            question_id,
            bank_id,
            position,
            _sibling_key_of(article_id, start, end, fingerprint),
            card_id,
            state,
            datetime_from_db(due_at),
            stability,
            datetime_from_db(last_review),
        )
        if state == CardState.REVIEW:
            found.reviews.append(candidate)
        elif state in LEARNING_STATES:
            assert candidate.due is not None
            (found.learning if candidate.due <= now else found.ahead).append(candidate)
        else:
            found.new.append(candidate)


def _due_counts_sql(
    *,
    caps: dict[str, int],
    user: int,
    now: datetime,
    end: datetime | None = None,
    today: date | None = None,
    bank: int | None = None,
) -> tuple[str, list[Any]]:
    """The statement of _due_counts: one row of counts (`end` and `today`, the study
    day's, given when learning cards are counted). Reviews due now, capped.
    Learning cards due now, as three numbers (_due_counts adds them up): those due
    by the end of today as the tallies count them (BankTally: one row per bank and
    due day, whatever the number of cards), less those due later today (minutes
    ahead: learning steps) and those of unpublished questions (which the tallies
    count too; a short list of questions, each card read by its key)."""
    # Each count walks the user's cards of a state in the (user, state, due) index;
    # whether a card's question is published is read from the card itself
    # (of_published_questions: its bank, and a short list of unpublished questions).
    mine = Card.objects.filter(user=user, suspended_at__isnull=True).order_by()
    bank_ids = None if bank is None else [bank]
    capped: dict[str, tuple[QuerySet[Any], int]] = {}
    if "review" in caps:
        reviews = of_published_questions(
            mine.filter(state=CardState.REVIEW, due__lte=now), user=user, bank_ids=bank_ids
        )
        capped["review"] = (reviews, caps["review"])
    counts, params = sql.capped_counts_sql(capped) if capped else ("SELECT", [])
    if "learning" not in caps:
        return counts, params
    assert end is not None
    assert today is not None
    learning = mine.filter(state__in=LEARNING_STATES)
    # the rows holding a learning card (or, made again after a fold, what left
    # one: below zero), read through their partial index (its
    # condition written as a constant, not a parameter: a prepared statement's plan,
    # made once for any parameters, could not use the index otherwise)
    tallied = BankTally.objects.filter(
        user=user,
        due_day__gt=TOTALS,
        due_day__lte=today,
        bank__status=BankStatus.PUBLISHED,
    ).exclude(learning=RawSQL("0", ()))
    later = learning.filter(due__gt=now, due__lt=end, bank__status=BankStatus.PUBLISHED)
    if bank is not None:
        tallied, later = tallied.filter(bank_id=bank), later.filter(bank_id=bank)
    # (counted as the unpublished questions that have one: walked from the few questions)
    set_aside = unpublished_questions_carded(
        learning.filter(due__lte=now), user=user, bank_ids=bank_ids
    )
    columns = [counts] if capped else []
    for number, (total, queryset) in enumerate(
        (
            ("SUM(learning)", tallied.order_by().values("learning")),
            ("COUNT(*)", later.values("id")),
            ("COUNT(*)", set_aside.values("pk")),
        )
    ):
        part, part_params = queryset.query.sql_with_params()
        columns.append(f"(SELECT COALESCE({total}, 0) FROM ({part}) learning_{number})")
        params = [*params, *part_params]
    return f"SELECT {', '.join(column.removeprefix('SELECT ') for column in columns)}", params


def _due_counts_statement(
    *,
    user: User,
    bank: BankRef | None,
    now: datetime,
    today: _Today,
    found: _Candidates,
    window: int,
    learning_window: int,
) -> tuple[dict[str, int], tuple[str, list[Any]] | None]:
    """The caps of the (learning, review) cards due now to count and the statement
    counting them (None: the fetched windows hold all there is). Counted on, up to
    a cap: the badge never shows more reviews than today's limit allows. Learning
    cards are read from the tallies, not counted one by one: thousands of them
    left from the days before cost a tally row per day."""
    # The review window is full exactly when the reviews read (those of assigned
    # banks included) fill it: those of assigned banks are among the most overdue otherwise.
    caps: dict[str, int] = {}
    if len(found.learning) + len(found.ahead) >= learning_window:
        caps["learning"] = MAX_COUNT
    if window and len(found.reviews) >= window and today.reviews_left > len(found.reviews):
        caps["review"] = today.reviews_left
    values: dict[str, Any] = {"user": user.pk, "now": now}
    if "learning" in caps:  # (only the learning counts read them: a value the statement
        # leaves out would keep its shape from being compiled once, sql.prepared)
        values.update(end=today.end, today=today.day)
    if bank is not None:
        values["bank"] = bank.pk
    shape = ("queue.due_counts", tuple(caps.items()), bank is not None)
    statement = sql.prepared(shape, partial(_due_counts_sql, caps=caps), **values) if caps else None
    return caps, statement


def _due_counts(
    caps: dict[str, int], rows: list[tuple[Any, ...]], *, found: _Candidates, reviews_left: int
) -> tuple[int, int]:
    """(learning, review) cards due now: the fetched windows', or the counts of
    _due_counts_statement's row."""
    row = rows[0] if caps else ()
    review_count = min(row[0] if "review" in caps else len(found.reviews), reviews_left)
    learning_count = len(found.learning)
    if "learning" in caps:  # (due by tonight, less later tonight, less the unpublished)
        tallied, later, set_aside = row[-3:]
        learning_count = min(caps["learning"], int(tallied) - later - set_aside)
    return learning_count, review_count


class _Picker:
    """Takes cards in queue order, one per fact: a card whose sibling (same sentence
    or fact) is already in the queue, or (reviews and new cards) was studied today,
    waits for another day."""

    def __init__(self, today: _Today, limit: int) -> None:
        self.today = today
        self.limit = limit
        self.in_queue: set[SiblingKey] = set()
        self.chosen: list[_Candidate] = []  # due cards, in queue order
        self.entering: list[_Candidate] = []  # the new cards shown
        self.new_available = 0

    def question_ids(self) -> list[int]:
        """The questions of the cards taken, in queue order (due cards, then new ones)."""
        return [c.question_id for c in (*self.chosen, *self.entering)]

    def picks(self) -> list[QueuePick]:
        """Every card taken, in queue order."""
        return [
            QueuePick(c.question_id, c.bank_id, c.card_id, c.state, is_new)
            for cards, is_new in ((self.chosen, False), (self.entering, True))
            for c in cards
        ]

    def to_read(self, *, rows_for: int | None, first_card: int | None) -> list[int]:
        """The questions whose rows are read: the first `rows_for` picked (None:
        all), the card `first_card` first when it was picked."""
        ids = self.question_ids()
        if first_card is not None:
            first = next((c for c in self.chosen if c.card_id == first_card), None)
            first = first or next((c for c in self.entering if c.card_id == first_card), None)
            if first is not None:
                ids.remove(first.question_id)
                ids.insert(0, first.question_id)
        return ids[:rows_for]

    def take_learning(self, candidates: list[_Candidate]) -> None:
        for candidate in candidates:
            if len(self.chosen) >= self.limit:
                break
            if candidate.key not in self.in_queue:
                self.chosen.append(candidate)
                self.in_queue.add(candidate.key)

    def take_reviews(self, candidates: list[_Candidate]) -> None:
        taken = 0
        for candidate in candidates:
            if len(self.chosen) >= self.limit or taken >= self.today.reviews_left:
                break
            key = candidate.key
            if key in self.in_queue or self.today.is_buried(key, candidate.card_id):
                continue
            self.chosen.append(candidate)
            self.in_queue.add(key)
            taken += 1

    def take_new(self, candidates: list[_Candidate]) -> None:
        """New cards within today's limit: `new_available` counts those the limit
        lets in; as many as there is room for are shown."""
        room = max(0, self.limit - len(self.chosen))
        for candidate in candidates:
            if self.new_available >= self.today.new_left:
                break
            key = candidate.key
            if key in self.in_queue or self.today.is_buried(key, None):
                continue
            self.in_queue.add(key)
            self.new_available += 1
            if len(self.entering) < room:
                self.entering.append(candidate)


def _review_order(
    *, found: _Candidates, banks: list[_Bank], now: datetime, parameters: Sequence[float] | None
) -> list[_Candidate]:
    """Due reviews in queue order: those of assigned banks first, then the lowest
    retrievability, then the most overdue."""
    assigned = {b.pk for b in banks if b.assigned}
    retrievability = scheduler.retrievability_at(now=now, parameters=parameters)
    return sorted(
        found.reviews,
        key=lambda c: (
            c.bank_id not in assigned,
            retrievability(c.stability, c.last_review),
            c.due,
        ),
    )


def _studied_among(found: _Candidates, today: _Today) -> dict[SiblingKey, tuple[int, int]]:
    """Fact -> the lowest and highest id of its cards among the candidates reviewed
    today (a part of what _studied_siblings reads: its cards that are candidates)."""
    studied: dict[SiblingKey, tuple[int, int]] = {}
    for candidate in (*found.learning, *found.ahead, *found.reviews, *found.new):
        seen, card_id = candidate.last_review, candidate.card_id
        if card_id is None or seen is None or not today.start <= seen < today.end:
            continue
        lowest, highest = studied.get(candidate.key, (card_id, card_id))
        studied[candidate.key] = (min(lowest, card_id), max(highest, card_id))
    return studied


def _pick(today: _Today, found: _Candidates, reviews: list[_Candidate], *, limit: int) -> _Picker:
    """Up to `limit` cards in queue order (reviews: _review_order's), one per fact."""
    picker = _Picker(today, limit)
    picker.take_learning(found.learning)
    picker.take_reviews(reviews)
    if today.new_left > 0:
        picker.take_new(found.new)
    if not picker.chosen and not picker.entering:  # nothing else: learn ahead (as Anki does)
        picker.take_learning(found.ahead)
    return picker


def study_queue(
    *,
    user: User,
    bank: BankRef | None = None,
    limit: int = 20,
    now: datetime | None = None,
    choices_for: int | None = None,
    rows_for: int | None = None,
    first_card: int | None = None,
) -> StudyQueue:
    """What to study next: due learning cards, then due reviews (lowest
    retrievability first, within the daily review limit), then new cards within
    today's new-card limit. A card whose sibling (same fact) was studied today,
    or is already in the queue, waits for another day. A read: it writes
    nothing, so a new question the user has no Card row for yet comes with an
    unsaved card (pk None) and no previews; services.study_queue_open gives them
    their rows (the ids a client answers with).

    Due reviews of banks assigned to the student's classes come before the other
    reviews, and their new cards before other new cards.

    A constant number of queries, at most 8, in three round trips on PostgreSQL
    (two when the plan of the user's last read, or of the last read over the same
    banks and limit for a user not read yet, covers the candidates' plan (_covers:
    the same due windows, new cards walked as far or none wanted): the usual case):
    preferences, the study day's counts and the banks (over all banks only),
    together, with the candidates guessed (_early_candidates); the candidates
    (narrow rows, one query) unless guessed right (a wrong guess: one query more); which of their facts were
    studied today (when anything was), their counts when the candidates fill the
    window, the cards shown (questions, banks and the user's cards, one query)
    and their choices, together (the cards the queue shows unless facts studied
    today bury more than SPARE of them: then two queries more). Only the cards returned
    become model instances, and previews are computed for them only.

    `choices_for`: how many of the first items come with their choices read (None:
    all; the others read theirs if asked, a query each). The study page's
    flashcards show none: 0, one query fewer and no choice of 30 cards built.

    `rows_for`: how many of the cards picked become items, their rows read (None:
    all), the card `first_card` first when it was picked (the study page shows
    one card of 30 picked: `picked` counts them all). Every pick, read or not, is
    in `picked` (a new card's row is saved from it)."""
    now = now or timezone.now()
    limit = max(0, int(limit))
    key = (user.pk, None if bank is None else bank.pk, limit)
    last_plan, early = _early_candidates(user=user, key=key, now=now)
    today, banks, early_rows = _today_and_banks(user=user, bank=bank, now=now, early=early)
    window = limit * 2 + 10 if today.reviews_left > 0 else 0  # (no review taken today: none read)
    learning_window = limit + LEARNING_SPARE
    new_wanted = today.new_left + NEW_SPARE if today.new_left > 0 else 0
    plan = _candidates_plan(
        bank=bank,
        banks=banks,
        window=window,
        learning_window=learning_window,
        new_wanted=new_wanted,
        new_limit=today.new_limit,
    )
    _plan_remembered(key, plan)
    found = _candidates(
        user=user,
        plan=plan,
        banks=banks,
        now=now,
        new_wanted=new_wanted,
        read=_guess_rows(early_rows, guess=last_plan, plan=plan),
    )
    # The facts studied today and the due counts (both read from the candidates) are
    # sent together, and with them the rows of the cards the queue would show were
    # the facts studied today those of the candidates reviewed today, with SPARE
    # more (the cards shown are among them unless other cards studied today bury
    # more than SPARE; else they are read afterwards).
    keys = _fact_keys(found.reviews + found.new)
    caps, counting = _due_counts_statement(
        user=user,
        bank=bank,
        now=now,
        today=today,
        found=found,
        window=window,
        learning_window=learning_window,
    )
    burying = today.buried_statement(user=user, keys=keys)
    reviews = _review_order(
        found=found, banks=banks, now=now, parameters=today.scheduling["parameters"]
    )
    if burying is None:
        guess = _pick(today, found, reviews, limit=limit)
        spare = 0
    else:  # (the facts of the candidates studied today: buried, as the statement will say)
        guessed_today = replace(today, buried=_studied_among(found, today))
        guess = _pick(guessed_today, found, reviews, limit=limit + SPARE)
        spare = SPARE
    guessed = _shown_calls(
        user=user,
        question_ids=guess.to_read(
            rows_for=None if rows_for is None else rows_for + spare, first_card=first_card
        ),
        choices_for=choices_for,
    )
    # (both planned once: for a small deck the planner re-planned the facts' statement
    # on every read, 1 ms, where its generic plan runs in 0.15 ms; issue 16)
    (buried_rows, count_rows), read = sql.fetch_with_prepared(
        [burying, counting], guessed, planned_once=True
    )
    if burying is not None:
        today.buried = _studied_siblings(buried_rows, keys)
    learning_count, review_count = _due_counts(
        caps, count_rows, found=found, reviews_left=today.reviews_left
    )
    picker = _pick(today, found, reviews, limit=limit) if burying is not None else guess
    shown = picker.to_read(rows_for=rows_for, first_card=first_card)
    items = _items_of(
        user=user,
        picker=picker,
        question_ids=shown,
        now=now,
        scheduling=today.scheduling,
        choices_for=choices_for,
        read=(guessed, read),
    )
    gone = set(shown) - {item.question_row.pk for item in items}  # (since the candidates)
    return StudyQueue(
        items=items,
        due_count=learning_count + review_count,
        new_available=picker.new_available,
        learning_count=learning_count,
        review_count=review_count,
        new_limit=today.new_limit,
        new_left=today.new_left,
        now=now,
        scheduling=today.scheduling,
        picked=[p for p in picker.picks() if p.question_id not in gone],
    )


def _shown_calls(
    *, user: User, question_ids: list[int], choices_for: int | None
) -> list[sql.PreparedCall]:
    """The reads of the cards of these questions (questions, banks and the user's
    cards) and of the choices of the first `choices_for` (None: all)."""
    if not question_ids:
        return []
    calls: list[sql.PreparedCall] = [
        (("queue.cards", len(question_ids)), _cards_query,
         {"user": user.pk, "question_ids": question_ids}),
    ]  # fmt: skip
    asked = question_ids[:choices_for]
    if asked:
        calls.append((("queue.choices", len(asked)), choice_rows_of, {"ids": asked}))
    return calls


def _ids_read(calls: list[sql.PreparedCall], name: str) -> set[int]:
    return {pk for _, _, values in calls for pk in values.get(name, ())}


def _items_of(
    *,
    user: User,
    picker: _Picker,
    question_ids: list[int],
    now: datetime,
    scheduling: dict[str, Any],
    choices_for: int | None = None,
    read: tuple[list[sql.PreparedCall], list[list[tuple[Any, ...]]]] = ([], []),
) -> list[QueueItem]:
    """The queue's items: those of these questions of the picker's (in queue order,
    the chosen due cards, then the new ones), as rows (their cards, questions and banks, and the choices of the first `choices_for`: the
    rows `read` by these calls when they cover them, else two queries sent
    together), with the previews of saved cards. No model instance is built
    (QueueItem makes them if asked)."""
    if not question_ids:
        return []
    calls, rows = read
    asked = question_ids[:choices_for]
    if not (
        set(question_ids) <= _ids_read(calls, "question_ids")
        and set(asked) <= _ids_read(calls, "ids")
    ):
        calls = _shown_calls(user=user, question_ids=question_ids, choices_for=choices_for)
        rows = sql.prepared_rows_together(calls)
    card_rows, *choice_rows = rows
    wanted = set(question_ids)
    card_rows = [row for row in card_rows if row[_QUESTION_AT] in wanted]
    items = _rows_of(card_rows, user=user, question_ids=question_ids, now=now)
    new = {c.question_id for c in picker.entering}
    for item in items:
        item.is_new = item.question_row.pk in new
    shown = [item.question_row.pk for item in items[:choices_for]]
    if shown:
        if not set(shown) <= set(asked):  # (a question gone since the candidates were read)
            choice_rows = [
                sql.prepared_rows(("queue.choices", len(shown)), choice_rows_of, ids=shown)
            ]
        with_choices = study_questions_with_choices(
            [item.question_row for item in items[: len(shown)]], choice_rows[0]
        )
        for item, question in zip(items, with_choices, strict=False):
            item.question_row = question
    for item in items:  # (an unsaved new card gets them with its row)
        item.previews_from(now, scheduling)
    return items


# The cards shown are read as flat rows (question and bank columns, without the
# timestamps and the bank's description, and the user's card of the question).
_CARD_FIELDS = tuple(f.name for f in fields(QueueCard))
QUEUE_CARD_FIELDS = _CARD_FIELDS  # (a QueueCard's columns, in its order)
_QUESTION_ROW = (
    *(f"mine__{name}" for name in _CARD_FIELDS),
    *QUESTION_ROW_FIELDS,
    *(f"bank__{name}" for name in BANK_ROW_FIELDS),
)
_QUESTION_AT = len(_CARD_FIELDS)
_BANK_AT = _QUESTION_AT + len(QUESTION_ROW_FIELDS)


def _cards_query(*, user: int, question_ids: list[int]) -> QuerySet[Any]:
    return (
        questions_by_ids(question_ids)
        .annotate(mine=FilteredRelation("cards", condition=Q(cards__user=user)))
        .order_by()
        .values_list(*_QUESTION_ROW)
    )


def _rows_of(
    rows: list[tuple[Any, ...]], *, user: User, question_ids: list[int], now: datetime
) -> list[QueueItem]:
    """The items of these questions, in order, from the rows of _cards_query (the
    user's card, the question, its bank). A question the user has no Card row for
    yet gets an unsaved card (id None, new, due now): a read writes nothing;
    services.queue_cards_create saves them."""
    questions = study_questions_of(rows, question_at=_QUESTION_AT, bank_at=_BANK_AT)
    cards: dict[int, QueueCard] = {}
    for row in rows:
        question_id = row[_QUESTION_AT]
        if row[0] is None:
            bank_id = questions[question_id].bank_id
            cards[question_id] = _unsaved_card(
                user=user, question_id=question_id, bank_id=bank_id, due=now
            )
        else:
            cards[question_id] = QueueCard(*row[:_QUESTION_AT])
    return [
        QueueItem(card_row=cards[pk], question_row=questions[pk], is_new=False)
        for pk in question_ids
        if pk in cards
    ]


def _unsaved_card(*, user: User, question_id: int, bank_id: int, due: datetime) -> QueueCard:
    """A new card as Card(user=, question=, due=) makes it, before it is saved."""
    return QueueCard(
        id=None,
        user_id=user.pk,
        question_id=question_id,
        bank_id=bank_id,
        state=CardState.NEW,
        step=None,
        stability=None,
        difficulty=None,
        due=due,
        last_review=None,
        reps=0,
        lapses=0,
        suspended_at=None,
    )


def _sibling_key_of(
    article_id: int | None,
    evidence_start: int | None,
    evidence_end: int | None,
    fingerprint: str | None,
) -> SiblingKey:
    return sibling_key(
        article_id=article_id,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
        fingerprint=fingerprint or "",
    )
