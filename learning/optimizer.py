"""Fitting a user's FSRS parameters from their own review history, with
fsrs-rs-python (the Rust FSRS engine Anki uses: no torch, tens of
milliseconds for ten thousand reviews). See docs/decisions/0002.

Pure: takes plain review tuples, returns parameters. The Rust engine raises
pyo3's PanicException (a BaseException) on input it cannot handle; `fit`
catches it and reports an error instead of taking the worker down.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import scheduler

MIN_REVIEWS = 400  # below this the defaults predict better than a fit (Anki asks for 400 too)
REFIT_EVERY = 200  # reviews gathered before fitting again


@dataclass(frozen=True)
class Review:
    card_id: int
    rating: int
    reviewed_at: datetime


@dataclass(frozen=True)
class FitOutcome:
    parameters: tuple[float, ...] | None
    items: int
    error: str = ""


def card_histories(reviews: Iterable[Review]) -> dict[int, list[tuple[int, int, datetime]]]:
    """card -> [(rating, whole days since the card's previous review, when)], in
    time order. Days are elapsed 24-hour periods, as py-fsrs counts them when it
    schedules ((now - last_review).days), so the fitted model sees what the
    scheduler will use."""
    per_card: dict[int, list[Review]] = defaultdict(list)
    for review in reviews:
        per_card[review.card_id].append(review)
    histories: dict[int, list[tuple[int, int, datetime]]] = {}
    for card_id, card_reviews in per_card.items():
        card_reviews.sort(key=lambda r: r.reviewed_at)
        previous = None
        history = []
        for review in card_reviews:
            delta = 0 if previous is None else (review.reviewed_at - previous).days
            history.append((review.rating, delta, review.reviewed_at))
            previous = review.reviewed_at
        histories[card_id] = history
    return histories


def training_items(histories: dict[int, list[tuple[int, int, datetime]]]) -> list[Any]:
    """fsrs-rs items: one per review after the first, carrying the history up to
    it; only items with at least one review a day or more after the previous."""
    import fsrs_rs_python as fsrs_rs

    items = []
    for history in histories.values():
        reviews = [fsrs_rs.FSRSReview(rating, delta) for rating, delta, _ in history]
        for end in range(2, len(reviews) + 1):
            item = fsrs_rs.FSRSItem(reviews[:end])
            if item.long_term_review_cnt() > 0:
                items.append(item)
    return items


def _clamped(parameters: Sequence[float]) -> tuple[float, ...] | None:
    """Into py-fsrs's bounds (the two engines' bounds differ slightly)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    if len(parameters) != len(LOWER_BOUNDS_PARAMETERS):
        return None
    if not all(math.isfinite(p) for p in parameters):
        return None
    return tuple(
        min(max(float(p), low), high)
        for p, low, high in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    )


def fit(reviews: Iterable[Review]) -> FitOutcome:
    return fit_histories(card_histories(reviews))


def fit_histories(histories: dict[int, list[tuple[int, int, datetime]]]) -> FitOutcome:
    try:
        import fsrs_rs_python as fsrs_rs

        items = training_items(histories)
        if not items:
            return FitOutcome(None, 0, "No reviews a day or more apart to learn from.")
        fitted = fsrs_rs.FSRS(list(scheduler.DEFAULT_PARAMETERS)).compute_parameters(items)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # pyo3 PanicException is a BaseException
        return FitOutcome(None, 0, f"The optimiser failed: {type(error).__name__}: {error}")
    parameters = _clamped(fitted)
    if parameters is None:
        return FitOutcome(None, len(items), "The optimiser returned unusable parameters.")
    return FitOutcome(parameters, len(items))


# --- evaluation (used by bench/bench_calibration.py and the tests) -------


@dataclass(frozen=True)
class Prediction:
    card_id: int
    review_number: int  # 1-based position of this review in the card's history
    elapsed_days: int
    lapses_before: int
    probability: float
    recalled: int


def predict(
    histories: dict[int, list[tuple[int, int, datetime]]],
    *,
    parameters: Sequence[float],
    evaluate_from: datetime,
) -> list[Prediction]:
    """Recall probability for every review at or after `evaluate_from` made a day
    or more after the card's previous review, from the history before it."""
    import fsrs_rs_python as fsrs_rs

    model = fsrs_rs.FSRS(list(parameters))
    predictions = []
    for card_id, history in histories.items():
        lapses = 0
        for index, (rating, delta, when) in enumerate(history):
            if index > 0 and delta >= 1 and when >= evaluate_from:
                before = fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, d) for r, d, _ in history[:index]])
                state = model.memory_state(before)
                probability = scheduler.retrievability_at_days(
                    stability=state.stability, elapsed_days=delta, parameters=parameters
                )
                predictions.append(
                    Prediction(card_id, index + 1, delta, lapses, probability, int(rating > 1))
                )
            if index > 0 and delta >= 1 and rating == 1:
                lapses += 1
    return predictions


def log_loss(predictions: Sequence[Prediction]) -> float:
    eps = 1e-7
    total = 0.0
    for p in predictions:
        q = min(max(p.probability, eps), 1 - eps)
        total -= p.recalled * math.log(q) + (1 - p.recalled) * math.log(1 - q)
    return total / len(predictions)


def _bin(value: float, base: float, scale: float) -> float:
    return round(scale * base ** math.floor(math.log(value) / math.log(base)), 2)


def rmse_bins(predictions: Sequence[Prediction]) -> float:
    """srs-benchmark's RMSE(bins): predictions grouped by binned elapsed days,
    review number and lapse count; RMSE of mean outcome vs mean prediction,
    weighted by bin size."""
    bins: dict[tuple[float, int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for p in predictions:
        key = (
            _bin(p.elapsed_days, 3.62, 2.48),
            round(_bin(p.review_number, 1.89, 1.99)),
            round(_bin(p.lapses_before, 1.73, 1.65)) if p.lapses_before else 0,
        )
        entry = bins[key]
        entry[0] += p.recalled
        entry[1] += p.probability
        entry[2] += 1
    total = sum(e[2] for e in bins.values())
    squared = sum(e[2] * (e[0] / e[2] - e[1] / e[2]) ** 2 for e in bins.values())
    return math.sqrt(squared / total)


def auc(predictions: Sequence[Prediction]) -> float:
    """Area under the ROC curve (rank statistic, ties counted half)."""
    ordered = sorted(predictions, key=lambda p: p.probability)
    positives = sum(p.recalled for p in ordered)
    negatives = len(ordered) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum = 0.0
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j].probability == ordered[i].probability:
            j += 1
        average_rank = (i + 1 + j) / 2
        rank_sum += average_rank * sum(p.recalled for p in ordered[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
