"""Calibration benchmark on a real review history (prints figures; not a test).

fixtures/reviews/review_log_one_user.csv (see its README): 12,580 reviews of
1,205 cards by one person. Fit FSRS parameters with learning.optimizer
(fsrs-rs-python) on the reviews before 2024-09-18, then predict the recall of
every later review made a day or more after the card's previous review, from
the card's full history before it, with the default and with the fitted
parameters. Reports log loss, RMSE(bins) (srs-benchmark's binning by elapsed
days, review number and lapses) and AUC, plus a constant predictor.

Days are elapsed 24-hour periods, as py-fsrs counts them when scheduling.

Run: .venv/bin/python bench/bench_calibration.py [path/to/reviews.csv]
No database needed.
"""

from __future__ import annotations

import csv
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from learning import optimizer, scheduler  # noqa: E402
from learning.optimizer import Prediction, Review  # noqa: E402

DEFAULT_DATA = ROOT / "fixtures/reviews/review_log_one_user.csv"
SPLIT = datetime(2024, 9, 18, tzinfo=UTC)
REFERENCE = {"default": (0.4284, 0.0707), "fitted": (0.4277, 0.0648), "constant": (0.4699, 0.1150)}


def load(path: Path) -> list[Review]:
    with path.open() as handle:
        return [
            Review(
                int(row["card_id"]),
                int(row["review_rating"]),
                datetime.fromisoformat(row["review_time"].replace("Z", "+00:00")),
            )
            for row in csv.DictReader(handle)
        ]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    reviews = load(path)
    histories = optimizer.card_histories(reviews)
    train = {card: [h for h in history if h[2] < SPLIT] for card, history in histories.items()}
    train = {card: history for card, history in train.items() if history}
    train_reviews = sum(len(h) for h in train.values())

    t0 = time.perf_counter()
    outcome = optimizer.fit_histories(train)
    fit_seconds = time.perf_counter() - t0
    if outcome.parameters is None:
        print(f"fit failed: {outcome.error}")
        raise SystemExit(1)

    default = optimizer.predict(
        histories, parameters=scheduler.DEFAULT_PARAMETERS, evaluate_from=SPLIT
    )
    fitted = optimizer.predict(histories, parameters=outcome.parameters, evaluate_from=SPLIT)
    # a constant predictor: the pass rate of the training reviews of the same kind
    train_preds = optimizer.predict(
        train,
        parameters=scheduler.DEFAULT_PARAMETERS,
        evaluate_from=datetime.min.replace(tzinfo=UTC),
    )
    base_rate = sum(p.recalled for p in train_preds) / len(train_preds)
    constant = [
        Prediction(
            p.card_id, p.review_number, p.elapsed_days, p.lapses_before, base_rate, p.recalled
        )
        for p in default
    ]

    print(f"data: {path} ({len(reviews):,} reviews of {len(histories):,} cards)")
    print(
        f"fit:  {train_reviews:,} reviews before {SPLIT.date()}, "
        f"{outcome.items:,} training items, {fit_seconds * 1000:.0f} ms (fsrs-rs-python)"
    )
    print(
        f"test: {len(default):,} later reviews a day or more after the previous one; "
        f"pass rate {sum(p.recalled for p in default) / len(default):.3f}"
    )
    print()
    print(
        f"{'parameters':<12}{'log loss':>10}{'RMSE(bins)':>12}{'AUC':>8}   reference (log loss / RMSE)"
    )
    for name, predictions in (("default", default), ("fitted", fitted), ("constant", constant)):
        ref = REFERENCE[name]
        print(
            f"{name:<12}{optimizer.log_loss(predictions):>10.4f}{optimizer.rmse_bins(predictions):>12.4f}"
            f"{optimizer.auc(predictions):>8.4f}   {ref[0]:.4f} / {ref[1]:.4f}"
        )
    print()
    print("fitted parameters:", ", ".join(f"{p:.4f}" for p in outcome.parameters))
    better = optimizer.log_loss(fitted) <= optimizer.log_loss(default)
    print(
        f"fitted log loss {'<=' if better else '>'} default log loss: {'OK' if better else 'WORSE'}"
    )


if __name__ == "__main__":
    main()
