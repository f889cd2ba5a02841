"""Fitting FSRS parameters (fsrs-rs-python) and scoring predictions."""

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from learning import optimizer, scheduler
from learning.optimizer import Review

DATA = Path(__file__).resolve().parents[2] / "fixtures/reviews/review_log_one_user.csv"
SPLIT = datetime(2024, 9, 18, tzinfo=UTC)


def load_reviews():
    with DATA.open() as handle:
        return [
            Review(
                int(row["card_id"]),
                int(row["review_rating"]),
                datetime.fromisoformat(row["review_time"]),
            )
            for row in csv.DictReader(handle)
        ]


@pytest.fixture(scope="module")
def histories():
    return optimizer.card_histories(load_reviews())


def test_fit_on_real_history_does_not_predict_worse_than_defaults(histories):
    train = {card: [h for h in history if h[2] < SPLIT] for card, history in histories.items()}
    outcome = optimizer.fit_histories({c: h for c, h in train.items() if h})
    assert outcome.parameters is not None, outcome.error
    assert scheduler.parameters_valid(outcome.parameters)
    default = optimizer.predict(
        histories, parameters=scheduler.DEFAULT_PARAMETERS, evaluate_from=SPLIT
    )
    fitted = optimizer.predict(histories, parameters=outcome.parameters, evaluate_from=SPLIT)
    assert len(default) == len(fitted) > 2000
    assert optimizer.log_loss(fitted) <= optimizer.log_loss(default)
    assert 0.5 < optimizer.auc(fitted) < 1


def test_fit_without_long_term_reviews_reports_instead_of_failing():
    t = datetime(2025, 1, 1, 9, tzinfo=UTC)
    outcome = optimizer.fit([Review(1, 3, t), Review(1, 3, t.replace(minute=5))])
    assert outcome.parameters is None
    assert "a day or more apart" in outcome.error


def test_a_rust_panic_is_caught(monkeypatch):
    import fsrs_rs_python

    class Panicking:
        def __init__(self, parameters):
            pass

        def compute_parameters(self, items):
            raise BaseException("pyo3 panic")  # what PanicException looks like to Python

    monkeypatch.setattr(fsrs_rs_python, "FSRS", Panicking)
    t = datetime(2025, 1, 1, 9, tzinfo=UTC)
    outcome = optimizer.fit([Review(1, 3, t), Review(1, 3, t.replace(day=5))])
    assert outcome.parameters is None
    assert "pyo3 panic" in outcome.error


def test_metrics_on_a_tiny_example():
    p = [optimizer.Prediction(1, 2, 1, 0, 0.9, 1), optimizer.Prediction(2, 2, 1, 0, 0.2, 0)]
    assert optimizer.auc(p) == 1.0
    assert optimizer.log_loss(p) == pytest.approx(
        -(0.5) * (__import__("math").log(0.9) + __import__("math").log(0.8))
    )
    assert optimizer.rmse_bins(p) == pytest.approx(0.05)
