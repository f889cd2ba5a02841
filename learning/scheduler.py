"""The pure scheduling core: FSRS (py-fsrs) behind plain dataclasses.

This is the only module that imports `fsrs`. It knows nothing of the ORM:
`schedule(state, rating, now, ...)` takes a card's memory state and returns the
next one; `preview(...)` tells what each rating would do. Services and
selectors convert Card rows to `MemoryState` and back.

States follow learning.models.CardState: 0 new, 1 learning, 2 review,
3 relearning. py-fsrs has no "new" state: a new card is a learning card at
step 0 without stability.

Fuzz: py-fsrs fuzzes review intervals with the global random generator, so a
preview could differ from what the answer then does. We switch its fuzz off
and apply the same fuzz ranges with a generator seeded by the caller (the card
id and its repetition count), so previews and answers agree and tests are
deterministic.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler as FsrsScheduler
from fsrs import State as FsrsState
from fsrs.scheduler import DEFAULT_PARAMETERS as _FSRS_DEFAULT_PARAMETERS
from fsrs.scheduler import FUZZ_RANGES, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(_FSRS_DEFAULT_PARAMETERS)
DEFAULT_DESIRED_RETENTION = 0.9
DEFAULT_LEARNING_STEPS: tuple[int, ...] = (60, 600)  # seconds
DEFAULT_RELEARNING_STEPS: tuple[int, ...] = (600,)
MAXIMUM_INTERVAL_DAYS = 36500
MATURE_STABILITY_DAYS = 21.0


@dataclass(frozen=True)
class MemoryState:
    """A card's scheduling state. Datetimes are aware (any zone; UTC inside)."""

    state: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0


def parameters_valid(parameters: Sequence[float] | None) -> bool:
    """True when `parameters` is a full FSRS-6 vector inside py-fsrs's bounds."""
    if parameters is None or len(parameters) != len(LOWER_BOUNDS_PARAMETERS):
        return False
    try:
        return all(
            math.isfinite(float(p)) and low <= float(p) <= high
            for p, low, high in zip(
                parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
            )
        )
    except (TypeError, ValueError):
        return False


def _as_parameters(parameters: Sequence[float] | None) -> tuple[float, ...]:
    if not parameters:
        return DEFAULT_PARAMETERS
    try:
        key = tuple(parameters)
        hash(key)
    except TypeError:  # (not a flat sequence: never valid)
        return DEFAULT_PARAMETERS
    return _checked_parameters(key)


@lru_cache(maxsize=256)
def _checked_parameters(parameters: tuple[Any, ...]) -> tuple[float, ...]:
    """A user's parameters, checked once per process (every preview, answer and
    retrievability asks for them)."""
    if parameters_valid(parameters):
        return tuple(float(p) for p in parameters)
    return DEFAULT_PARAMETERS


@lru_cache(maxsize=256)
def _scheduler(
    parameters: tuple[float, ...],
    desired_retention: float,
    learning_steps: tuple[int, ...],
    relearning_steps: tuple[int, ...],
) -> FsrsScheduler:
    return FsrsScheduler(
        parameters=parameters,
        desired_retention=desired_retention,
        learning_steps=tuple(timedelta(seconds=s) for s in learning_steps),
        relearning_steps=tuple(timedelta(seconds=s) for s in relearning_steps),
        maximum_interval=MAXIMUM_INTERVAL_DAYS,
        enable_fuzzing=False,
    )


def scheduler_for(
    *,
    parameters: Sequence[float] | None = None,
    desired_retention: float = DEFAULT_DESIRED_RETENTION,
    learning_steps: Sequence[int] = DEFAULT_LEARNING_STEPS,
    relearning_steps: Sequence[int] = DEFAULT_RELEARNING_STEPS,
) -> FsrsScheduler:
    return _scheduler(
        _as_parameters(parameters),
        float(desired_retention),
        tuple(int(s) for s in learning_steps),
        tuple(int(s) for s in relearning_steps),
    )


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("Datetimes must be timezone-aware.")
    return moment.astimezone(UTC)


def _to_fsrs(card: MemoryState, now: datetime) -> FsrsCard:
    if card.state == NEW or card.state == LEARNING and card.stability is None:
        return FsrsCard(card_id=1, state=FsrsState.Learning, step=0, due=now)
    return FsrsCard(
        card_id=1,
        state=FsrsState(card.state),
        step=card.step if card.state != REVIEW else None,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_utc(card.due) if card.due else now,
        last_review=_utc(card.last_review) if card.last_review else None,
    )


@lru_cache(maxsize=8192)
def _fuzz_days(interval_days: int, seed: int) -> int:
    """The fuzz range of py-fsrs, drawn from a seeded generator (a generator seeded
    anew costs more than the rest of a preview: the cards a queue shows again and
    again are drawn once)."""
    if interval_days < 2.5:
        return interval_days
    delta = 1.0
    for fuzz_range in FUZZ_RANGES:
        delta += fuzz_range["factor"] * max(
            min(float(interval_days), fuzz_range["end"]) - fuzz_range["start"], 0.0
        )
    low = max(2, round(interval_days - delta))
    high = min(round(interval_days + delta), MAXIMUM_INTERVAL_DAYS)
    low = min(low, high)
    return min(round(random.Random(seed).random() * (high - low + 1) + low), high)


def schedule(
    card_state: MemoryState,
    rating: int,
    now: datetime,
    *,
    parameters: Sequence[float] | None = None,
    desired_retention: float = DEFAULT_DESIRED_RETENTION,
    learning_steps: Sequence[int] = DEFAULT_LEARNING_STEPS,
    relearning_steps: Sequence[int] = DEFAULT_RELEARNING_STEPS,
    fuzz_seed: int | None = None,
) -> MemoryState:
    """The card's state after being rated `rating` (1 Again .. 4 Easy) at `now`.

    `fuzz_seed` None means no fuzz (exact FSRS intervals)."""
    if rating not in RATINGS:
        raise ValueError(f"Rating must be 1, 2, 3 or 4, not {rating!r}.")
    now = _utc(now)
    scheduler = scheduler_for(
        parameters=parameters,
        desired_retention=desired_retention,
        learning_steps=learning_steps,
        relearning_steps=relearning_steps,
    )
    before = _to_fsrs(card_state, now)
    after, _ = scheduler.review_card(before, FsrsRating(rating), review_datetime=now)
    due = after.due
    if fuzz_seed is not None and after.state == FsrsState.Review:
        days = (due - now).days
        fuzzed = _fuzz_days(days, fuzz_seed)
        due = now + timedelta(days=fuzzed)
    lapsed = card_state.state == REVIEW and rating == AGAIN
    return MemoryState(
        state=int(after.state),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=due,
        last_review=now,
        reps=card_state.reps + 1,
        lapses=card_state.lapses + (1 if lapsed else 0),
    )


def preview(
    card_state: MemoryState,
    now: datetime,
    *,
    parameters: Sequence[float] | None = None,
    desired_retention: float = DEFAULT_DESIRED_RETENTION,
    learning_steps: Sequence[int] = DEFAULT_LEARNING_STEPS,
    relearning_steps: Sequence[int] = DEFAULT_RELEARNING_STEPS,
    fuzz_seed: int | None = None,
) -> dict[int, timedelta]:
    """Rating -> time until the card would be due if rated so at `now`: what
    `schedule` gives, read from a per-process memo of its unfuzzed intervals (every
    queue request previews each card it shows four times: 0.3 ms a card through
    py-fsrs, issue 16), then fuzzed with the card's seed as `schedule` does."""
    now = _utc(now)
    fresh = card_state.state == NEW or card_state.state == LEARNING and card_state.stability is None
    elapsed = None
    if not fresh and card_state.last_review is not None:
        elapsed = (now - _utc(card_state.last_review)).days
    intervals = _preview_intervals(
        (
            _as_parameters(parameters),
            float(desired_retention),
            tuple(int(s) for s in learning_steps),
            tuple(int(s) for s in relearning_steps),
        ),
        (NEW, None, None, None)
        if fresh
        else (card_state.state, card_state.step, card_state.stability, card_state.difficulty),
        elapsed,
    )
    previews = {}
    for rating, to_review, delta in intervals:
        if fuzz_seed is not None and to_review:
            delta = timedelta(days=_fuzz_days(delta.days, fuzz_seed))
        previews[rating] = delta
    return previews


_PREVIEW_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=4096)
def _preview_intervals(
    settings: tuple[tuple[float, ...], float, tuple[int, ...], tuple[int, ...]],
    memory: tuple[int, int | None, float | None, float | None],
    elapsed_days: int | None,
) -> tuple[tuple[int, bool, timedelta], ...]:
    """(rating, whether it leads to review, unfuzzed interval) for each rating.
    py-fsrs reads nothing of the moment but the whole days since the last review
    (and the card's memory state and the settings), so the intervals are the same
    at any moment with those days: they are computed at a fixed one. A new card's
    (the queue's usual item) are the same for every card."""
    state, step, stability, difficulty = memory
    last_review = None
    if elapsed_days is not None:
        last_review = _PREVIEW_EPOCH - timedelta(days=elapsed_days)
    before = MemoryState(
        state=state,
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=_PREVIEW_EPOCH,
        last_review=last_review,
    )
    parameters, desired_retention, learning_steps, relearning_steps = settings
    intervals = []
    for rating in RATINGS:
        after = schedule(
            before,
            rating,
            _PREVIEW_EPOCH,
            parameters=parameters,
            desired_retention=desired_retention,
            learning_steps=learning_steps,
            relearning_steps=relearning_steps,
        )
        intervals.append((rating, after.state == REVIEW, _time_until_due(after, _PREVIEW_EPOCH)))
    return tuple(intervals)


def _time_until_due(card_state: MemoryState, now: datetime) -> timedelta:
    if card_state.due is None:  # schedule() always sets it
        raise ValueError("A scheduled card has a due date.")
    return card_state.due - now


def _decay_factor(parameters: Sequence[float] | None) -> tuple[float, float]:
    decay = -_as_parameters(parameters)[20]
    return decay, 0.9 ** (1 / decay) - 1


def forgetting_curve(parameters: Sequence[float] | None = None) -> tuple[float, float]:
    """(decay, factor) of R(t) = (1 + factor * t / stability) ** decay, t in days:
    what a database needs to compute retrievability itself."""
    return _decay_factor(parameters)


def retrievability(
    *,
    stability: float | None,
    last_review: datetime | None,
    now: datetime,
    parameters: Sequence[float] | None = None,
) -> float:
    """Probability of recall at `now` (FSRS forgetting curve, fractional days)."""
    return retrievability_at(now=now, parameters=parameters)(stability, last_review)


def retrievability_at(
    *, now: datetime, parameters: Sequence[float] | None = None
) -> Callable[[float | None, datetime | None], float]:
    """(stability, last_review) -> retrievability(...) at `now`, the curve's constants
    computed once: the queue orders its due reviews by it (70 a request, issue 16)."""
    decay, factor = _decay_factor(parameters)

    def at_now(stability: float | None, last_review: datetime | None) -> float:
        if not stability or last_review is None:
            return 0.0
        elapsed = max(0.0, (now - last_review).total_seconds() / 86400)
        return float((1 + factor * elapsed / stability) ** decay)

    return at_now


def retrievability_at_days(
    *, stability: float, elapsed_days: float, parameters: Sequence[float] | None = None
) -> float:
    decay, factor = _decay_factor(parameters)
    return float((1 + factor * max(0.0, elapsed_days) / stability) ** decay)


def interval_factor(
    *, desired_retention: float, parameters: Sequence[float] | None = None
) -> float:
    """Days of interval per day of stability: interval = stability * factor
    (before rounding to whole days, at least 1, at most the maximum)."""
    decay, factor = _decay_factor(parameters)
    return float((desired_retention ** (1 / decay) - 1) / factor)


def interval_days(
    *, stability: float, desired_retention: float, parameters: Sequence[float] | None = None
) -> int:
    days = round(
        stability * interval_factor(desired_retention=desired_retention, parameters=parameters)
    )
    return min(max(days, 1), MAXIMUM_INTERVAL_DAYS)


@lru_cache(maxsize=4096)
def format_interval(delta: timedelta) -> str:
    """Anki-style short label: 45s, 10m, 3h, 4d, 2.1mo, 1.5y. Kept per process (a
    queue request labels four intervals of each card it shows, most of them the
    same few steps: 80 labels, ~0.1 ms of its Python time, issue 16)."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return f"{round(seconds)}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        months = days / 30.4375
        return f"{months:.1f}mo".replace(".0mo", "mo")
    years = days / 365.25
    return f"{years:.1f}y".replace(".0y", "y")
