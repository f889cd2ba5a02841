"""The pure FSRS core: no database."""

from datetime import UTC, datetime, timedelta

import pytest

from learning import scheduler
from learning.scheduler import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    LEARNING,
    NEW,
    RELEARNING,
    REVIEW,
    MemoryState,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def graduate(now=T0, seed=None):
    state = scheduler.schedule(MemoryState(), GOOD, now, fuzz_seed=seed)  # step 1 (10m)
    return scheduler.schedule(state, GOOD, state.due, fuzz_seed=seed)  # review


def test_new_card_follows_the_learning_steps():
    first = scheduler.schedule(MemoryState(), GOOD, T0)
    assert (first.state, first.step) == (LEARNING, 1)
    assert first.due - T0 == timedelta(minutes=10)
    again = scheduler.schedule(first, AGAIN, T0 + timedelta(minutes=10))
    assert (again.state, again.step) == (LEARNING, 0)
    assert again.due - again.last_review == timedelta(minutes=1)


def test_good_repeatedly_makes_intervals_grow():
    state = graduate()
    intervals = []
    for _ in range(6):
        now = state.due
        state = scheduler.schedule(state, GOOD, now)
        intervals.append((state.due - now).days)
    assert state.state == REVIEW
    assert all(later > earlier for earlier, later in zip(intervals, intervals[1:], strict=False))
    assert intervals[0] >= 2


def test_again_sends_a_review_card_to_relearning_and_counts_a_lapse():
    state = graduate()
    assert state.state == REVIEW
    lapsed = scheduler.schedule(state, AGAIN, state.due)
    assert (lapsed.state, lapsed.step) == (RELEARNING, 0)
    assert lapsed.due - lapsed.last_review == timedelta(minutes=10)
    assert lapsed.lapses == 1
    assert lapsed.stability < state.stability


def test_preview_orders_the_buttons_and_matches_the_answer_with_the_same_seed():
    state = graduate(seed=7)
    now = state.due + timedelta(days=3)
    previews = scheduler.preview(state, now, fuzz_seed=42)
    assert previews[AGAIN] < previews[HARD] < previews[GOOD] < previews[EASY]
    answered = scheduler.schedule(state, GOOD, now, fuzz_seed=42)
    assert answered.due - now == previews[GOOD]


def test_new_card_preview_shows_the_steps():
    labels = {
        r: scheduler.format_interval(d)
        for r, d in scheduler.preview(MemoryState(state=NEW), T0).items()
    }
    assert labels[AGAIN] == "1m"
    assert labels[GOOD] == "10m"
    assert labels[EASY].endswith("d")


def test_higher_desired_retention_means_shorter_intervals():
    state = graduate()
    now = state.due
    low = scheduler.schedule(state, GOOD, now, desired_retention=0.8)
    high = scheduler.schedule(state, GOOD, now, desired_retention=0.97)
    assert high.due < low.due


def test_no_learning_steps_graduates_at_once():
    state = scheduler.schedule(MemoryState(), GOOD, T0, learning_steps=())
    assert state.state == REVIEW
    assert state.due - T0 >= timedelta(days=1)


def test_retrievability_falls_with_time():
    state = graduate()
    r_now = scheduler.retrievability(
        stability=state.stability, last_review=state.last_review, now=state.last_review
    )
    r_later = scheduler.retrievability(
        stability=state.stability,
        last_review=state.last_review,
        now=state.last_review + timedelta(days=30),
    )
    assert r_now == pytest.approx(1.0)
    assert r_later < 0.9


def test_retrievability_at_a_moment_reads_as_retrievability():
    """The queue's sort key: the same values, the curve's constants computed once."""
    now = T0 + timedelta(days=40)
    weights = [*scheduler.DEFAULT_PARAMETERS]
    weights[20] = 0.3
    at_now = scheduler.retrievability_at(now=now, parameters=weights)
    for stability, last_review in [
        (12.5, T0),
        (0.4, now - timedelta(hours=5)),
        (3.0, now + timedelta(minutes=1)),  # (a review dated after `now`: elapsed 0)
        (None, T0),
        (2.0, None),
    ]:
        expected = scheduler.retrievability(
            stability=stability, last_review=last_review, now=now, parameters=weights
        )
        assert at_now(stability, last_review) == expected


def test_invalid_parameters_fall_back_to_the_defaults():
    assert not scheduler.parameters_valid([1.0, 2.0])
    state = graduate()
    with_bad = scheduler.schedule(state, GOOD, state.due, parameters=[99.0] * 21)
    with_default = scheduler.schedule(state, GOOD, state.due)
    assert with_bad.due == with_default.due


def test_bad_rating_and_naive_datetime_are_refused():
    with pytest.raises(ValueError):
        scheduler.schedule(MemoryState(), 5, T0)
    with pytest.raises(ValueError):
        scheduler.schedule(MemoryState(), GOOD, datetime(2025, 1, 1))


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (timedelta(seconds=30), "30s"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=4), "4d"),
        (timedelta(days=61), "2mo"),
        (timedelta(days=548), "1.5y"),
    ],
)
def test_format_interval(delta, label):
    assert scheduler.format_interval(delta) == label
