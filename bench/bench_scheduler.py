"""Scheduler benchmark (prints figures; not a test).

1. Answers per second through learning.services.review_record (validation,
   row lock, FSRS, card UPDATE, ReviewLog INSERT, one transaction) and through
   review_batch_record in batches of 500 (the offline upload: set-based, a
   constant number of queries per batch) against bare py-fsrs
   `Scheduler.review_card` on the same reviews, in the same run.
2. The study queue of a user with 10,000 cards and 100,000 review logs:
   median time and number of queries.

Run: .venv/bin/python bench/bench_scheduler.py [--answers-only]  (SQLite in a
temp file; set DATABASE_URL to measure on PostgreSQL instead).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_django  # noqa: E402

DATABASE = setup_django("bench-scheduler")

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from fsrs import Card as FsrsCard  # noqa: E402
from fsrs import Rating as FsrsRating  # noqa: E402
from fsrs import Scheduler as FsrsScheduler  # noqa: E402

from learning import scheduler, selectors, services  # noqa: E402
from learning.models import Card, CardState, ReviewLog, StudyPreferences  # noqa: E402
from quizzes.models import Choice, Question, QuestionBank  # noqa: E402

RNG = random.Random(2024)


def make_bank(owner, title: str, n: int) -> QuestionBank:
    bank = QuestionBank.objects.create(owner=owner, title=title, status="published")
    questions = Question.objects.bulk_create(
        [
            Question(
                bank=bank,
                kind="who_said",
                prompt=f"Who said quote {title}-{i}?",
                answer="Jane Doe",
                status="published",
                position=i,
                fingerprint=f"{title}-{i}",
            )
            for i in range(n)
        ],
        batch_size=500,
    )
    Choice.objects.bulk_create(
        [
            Choice(question=q, text=t, is_correct=(p == 0), position=p)
            for q in questions
            for p, t in enumerate(["Jane Doe", "John Roe", "Ann Poe", "Max Moe"])
        ],
        batch_size=2000,
    )
    return bank


def review_plan(
    card_ids: list[int], reviews_per_card: int, start: datetime
) -> list[tuple[int, int, datetime]]:
    """(card, rating, when): each card reviewed `reviews_per_card` times, a day
    or more apart, mostly Good; in time order overall."""
    plan = []
    for card_id in card_ids:
        when = start + timedelta(minutes=RNG.randrange(0, 600))
        for _ in range(reviews_per_card):
            rating = RNG.choices([1, 2, 3, 4], weights=[10, 10, 70, 10])[0]
            plan.append((card_id, rating, when))
            when += timedelta(days=RNG.randrange(1, 8), minutes=RNG.randrange(0, 60))
    plan.sort(key=lambda item: item[2])
    return plan


BATCH_SIZE = 500  # the most POST /api/v1/reviews/batch/ accepts


def _answer_each(user, part) -> tuple[float, float]:
    """Answers per second, one review_record each, and queries per answer. Timed without
    query capture (its debug cursor costs time); queries counted on the last 20."""
    timed_part, counted_part = part[:-20], part[-20:]
    t0 = time.perf_counter()
    for card_id, rating, when in timed_part:
        services.review_record(user=user, card_id=card_id, rating=rating, reviewed_at=when)
    seconds = time.perf_counter() - t0
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        for card_id, rating, when in counted_part:
            services.review_record(user=user, card_id=card_id, rating=rating, reviewed_at=when)
    return len(timed_part) / seconds, len(queries) / len(counted_part)


def _answers_one_by_one(user, singles, defaults_part) -> dict:
    """Answers one by one as configured, and on SQLite also on its own defaults."""
    if connection.vendor != "sqlite":
        return {"as_configured": ("-", "-", *_answer_each(user, singles + defaults_part))}
    figures = {}
    with connection.cursor() as cursor:
        journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        synchronous = cursor.execute("PRAGMA synchronous").fetchone()[0]
    figures["as_configured"] = (journal, synchronous, *_answer_each(user, singles))
    with connection.cursor() as cursor:  # SQLite's own defaults, for comparison
        cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA synchronous=FULL")
    figures["sqlite_defaults"] = _answer_each(user, defaults_part)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA journal_mode={journal}")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
    return figures


def _answers_in_batches(user, batched, *, later) -> dict:
    """Offline upload: batches of 500 through review_batch_record, shaped as the API
    hands them over (client_uuid, aware reviewed_at), one transaction + commit each;
    then a replay of the last batch and one more batch, their queries counted."""
    items = [
        {"card": card_id, "rating": rating, "reviewed_at": when, "client_uuid": uuid.uuid4()}
        for card_id, rating, when in batched
    ]
    batches = [items[i : i + BATCH_SIZE] for i in range(0, len(items), BATCH_SIZE)]
    times = []
    for batch in batches:
        connection.queries_log.clear()
        t0 = time.perf_counter()
        outcomes = services.review_batch_record(user=user, items=batch)
        times.append(time.perf_counter() - t0)
        assert all(o["ok"] for o in outcomes), outcomes[:3]
    with CaptureQueriesContext(connection) as queries:  # a replay of the last batch
        services.review_batch_record(user=user, items=batches[-1])
    full = [t for t, b in zip(times, batches, strict=True) if len(b) == BATCH_SIZE]
    figures = {
        "batches": len(batches),
        "per_s": len(items) / sum(times),
        "best_per_s": BATCH_SIZE / min(full) if full else None,
        "replay_queries": len(queries),
    }
    # and the queries of one batch, counted (not timed)
    extra = Card.objects.filter(user=user).order_by("pk")[:BATCH_SIZE]
    one_batch = [
        {
            "card": c.pk,
            "rating": 3,
            "reviewed_at": later + timedelta(days=1),
            "client_uuid": uuid.uuid4(),
        }
        for c in extra
    ]
    with CaptureQueriesContext(connection) as queries:
        services.review_batch_record(user=user, items=one_batch)
    figures["queries"] = len(queries)
    return figures


def bench_answers(user, teacher) -> dict:
    bank = make_bank(teacher, "answers", 400)
    cards = Card.objects.bulk_create(
        [Card(user=user, question=q, due=timezone.now()) for q in bank.questions.all()]
    )
    plan = review_plan([c.pk for c in cards], 10, timezone.now() - timedelta(days=200))
    n = len(plan)

    def bare_run() -> float:  # bare py-fsrs on the same reviews (default scheduler, fuzz on)
        bare = FsrsScheduler()
        fsrs_cards = {c.pk: FsrsCard(card_id=c.pk) for c in cards}
        t0 = time.perf_counter()
        for card_id, rating, when in plan:
            fsrs_cards[card_id], _ = bare.review_card(fsrs_cards[card_id], FsrsRating(rating), when)
        return time.perf_counter() - t0

    def wrapper_run() -> float:  # our pure wrapper (dataclasses in/out, seeded fuzz)
        states = {c.pk: scheduler.MemoryState() for c in cards}
        t0 = time.perf_counter()
        for card_id, rating, when in plan:
            states[card_id] = scheduler.schedule(states[card_id], rating, when, fuzz_seed=card_id)
        return time.perf_counter() - t0

    # median of 3 runs each (the machine is shared; single runs are noisy)
    bare_seconds = statistics.median(bare_run() for _ in range(3))
    wrapper_seconds = statistics.median(wrapper_run() for _ in range(3))
    figures = {"reviews": n, "bare_per_s": n / bare_seconds, "wrapper_per_s": n / wrapper_seconds}
    # The plan is in time order; consecutive slices keep every card's reviews in order:
    # 1,000 answers one by one, 500 one by one on SQLite's defaults, the rest in batches.
    singles, defaults_part, batched = plan[:1000], plan[1000:1500], plan[1500:]
    figures |= _answers_one_by_one(user, singles, defaults_part)
    figures["batch"] = _answers_in_batches(user, batched, later=max(w for _, _, w in plan))
    figures["bare_per_answer"] = bare_seconds / n
    return figures


def bench_late_answers(user, teacher, cards_n: int = 200, history: int = 30) -> dict:
    """A second device's answers, older than their cards' last reviews: each is
    logged and its card replayed from its whole history (`history` reviews)."""
    bank = make_bank(teacher, "late", cards_n)
    cards = [
        services.card_get_or_create(user=user, question=q)
        for q in Question.objects.filter(bank=bank).order_by("id")
    ]
    start = timezone.now() - timedelta(days=400)
    plan = review_plan([c.pk for c in cards], history, start)
    items = [
        {"card": c, "rating": r, "client_uuid": str(uuid.uuid4()), "reviewed_at": w.isoformat()}
        for c, r, w in plan
    ]
    for i in range(0, len(items), BATCH_SIZE):
        services.review_batch_record(user=user, items=items[i : i + BATCH_SIZE])
    late_at = start + timedelta(minutes=1)  # before every card's first review

    def late(card) -> dict:
        return {
            "card": card.pk,
            "rating": 3,
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": late_at.isoformat(),
        }

    singles = iter(cards[: cards_n // 2])
    times, queries = [], 0
    for _ in range(20):
        item = late(next(singles))
        with CaptureQueriesContext(connection) as captured:
            t0 = time.perf_counter()
            services.review_record(
                user=user,
                card_id=item["card"],
                rating=3,
                reviewed_at=late_at,
                client_uuid=item["client_uuid"],
            )
            times.append(time.perf_counter() - t0)
        queries = len(captured)
    batch = [late(card) for card in cards[cards_n // 2 :]]
    with CaptureQueriesContext(connection) as captured:
        t0 = time.perf_counter()
        outcomes = services.review_batch_record(user=user, items=batch)
        batch_s = time.perf_counter() - t0
    assert all(o["ok"] for o in outcomes)
    return {
        "history": history,
        "single_ms": statistics.median(times) * 1000,
        "single_queries": queries,
        "batch_n": len(batch),
        "batch_ms": batch_s * 1000,
        "batch_queries": len(captured),
    }


def bulk_history(user, teacher, cards_n: int = 10_000, logs_n: int = 100_000) -> None:
    """10,000 cards (20 banks of 500): 65 % review, 10 % learning/relearning,
    25 % new; 100,000 logs over the past year."""
    now = timezone.now()
    banks = [make_bank(teacher, f"bank{b:02d}", cards_n // 20) for b in range(20)]
    questions = list(Question.objects.filter(bank__in=banks).order_by("id"))
    cards = []
    for question in questions:
        roll = RNG.random()
        if roll < 0.25:
            cards.append(Card(user=user, question=question, due=now))
            continue
        state = (
            CardState.REVIEW
            if roll < 0.90
            else RNG.choice([CardState.LEARNING, CardState.RELEARNING])
        )
        stability = RNG.uniform(0.5, 120)
        last = now - timedelta(days=RNG.uniform(0, 60))
        due = (
            last + timedelta(days=stability * 0.9)
            if state == CardState.REVIEW
            else now + timedelta(minutes=RNG.randrange(-60, 60))
        )
        cards.append(
            Card(
                user=user,
                question=question,
                state=state,
                step=None if state == CardState.REVIEW else 0,
                stability=stability,
                difficulty=RNG.uniform(1, 10),
                due=due,
                last_review=last,
                reps=RNG.randrange(1, 20),
                lapses=RNG.randrange(0, 3),
            )
        )
    cards = Card.objects.bulk_create(cards, batch_size=1000)
    studied = [c for c in cards if c.state != CardState.NEW]
    logs = []
    for i in range(logs_n):
        card = studied[i % len(studied)]
        when = now - timedelta(days=RNG.uniform(0.5, 365))
        stability = RNG.uniform(0.5, 120)
        logs.append(
            ReviewLog(
                user=user,
                card=card,
                rating=RNG.choices([1, 2, 3, 4], weights=[10, 10, 70, 10])[0],
                reviewed_at=when,
                duration_ms=RNG.randrange(1000, 20000),
                card_before={"state": 2, "stability": stability},
                state_before=2,
                stability_before=stability,
                state_after=2,
                due_after=when + timedelta(days=stability),
            )
        )
        if len(logs) == 5000:
            ReviewLog.objects.bulk_create(logs)
            logs = []
    if logs:
        ReviewLog.objects.bulk_create(logs)


def timed(function, repeat: int = 20) -> tuple[float, float, int]:
    function()  # warm up (and create today's new cards)
    times = []
    for _ in range(repeat):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            function()
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, min(times) * 1000, len(queries)


def main() -> None:
    # Every 200 answers queue a parameter fit. Without a broker it runs inline, right
    # after the answer's commit, and would be timed as part of that answer. Here it
    # is switched off; in production it runs on a Celery worker.
    services.reviews.OPTIMIZE_CHECK_EVERY = 10**9
    User = get_user_model()
    teacher = User.objects.create(username="teacher", is_staff=True)
    learner = User.objects.create(username="learner")
    StudyPreferences.objects.create(user=learner)
    print(
        f"database: {connection.vendor} ({DATABASE if connection.vendor == 'sqlite' else 'DATABASE_URL'})"
    )
    load = os.getloadavg()
    print(
        f"load average before: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs"
    )

    answers = bench_answers(learner, teacher)
    print(f"\n1. answering {answers['reviews']} reviews of 400 cards (a day or more apart)")
    bare = answers["bare_per_s"]
    print(f"   bare py-fsrs Scheduler.review_card          : {bare:>9,.0f} answers/s")
    print(
        f"   learning.scheduler.schedule (pure wrapper)  : {answers['wrapper_per_s']:>9,.0f} answers/s"
        f"  ({bare / answers['wrapper_per_s']:.1f}x bare)"
    )
    journal, synchronous, per_s, queries = answers["as_configured"]
    print(
        f"   review_record, settings as configured       : {per_s:>9,.0f} answers/s"
        f"  ({bare / per_s:,.0f}x bare; {queries:.1f} queries each; journal={journal}, synchronous={synchronous})"
    )
    if "sqlite_defaults" in answers:
        per_s, queries = answers["sqlite_defaults"]
        print(
            f"   review_record, SQLite defaults (DELETE/FULL): {per_s:>9,.0f} answers/s"
            f"  ({bare / per_s:,.0f}x bare; {queries:.1f} queries each)"
        )
    batch = answers["batch"]
    per_s = batch["per_s"]
    print(
        f"   service, batches of {BATCH_SIZE} (review_batch_record): {per_s:>9,.0f} answers/s"
        f"  ({bare / per_s:.1f}x bare; {batch['batches']} batches, one transaction each;"
        f" best full batch {batch['best_per_s']:,.0f}/s = {bare / batch['best_per_s']:.1f}x)"
    )
    print(
        f"   queries per batch of {BATCH_SIZE}: {batch['queries']} (BEGIN/COMMIT included);"
        f" replaying a batch: {batch['replay_queries']}"
    )

    late_user = User.objects.create(username="second-device")
    StudyPreferences.objects.create(user=late_user)
    late = bench_late_answers(late_user, teacher)
    print(
        f"\n1b. answers from a second device, older than the card's last review "
        f"(the card replayed from its {late['history']} reviews)"
    )
    print(
        f"   review_record, one late answer     : {late['single_ms']:6.1f} ms median of 20,"
        f" {late['single_queries']} queries"
    )
    print(
        f"   review_batch_record, {late['batch_n']} late answers: {late['batch_ms']:6.1f} ms"
        f" ({late['batch_queries']} queries, one card each)"
    )

    if "--answers-only" in sys.argv:
        return
    big = User.objects.create(username="big")
    StudyPreferences.objects.create(user=big)
    t0 = time.perf_counter()
    with transaction.atomic():
        bulk_history(big, teacher)
    print(
        f"\n2. user with {Card.objects.filter(user=big).count():,} cards and "
        f"{ReviewLog.objects.filter(user=big).count():,} logs (built in {time.perf_counter() - t0:.0f} s)"
    )
    ms, best, queries = timed(lambda: services.study_queue_open(user=big, limit=20))
    print(
        f"   study_queue(limit=20), all banks   : {ms:6.1f} ms median of 20 (best {best:.1f}), {queries} queries"
    )
    one_bank = QuestionBank.objects.filter(title="bank07").first()
    ms, best, queries = timed(lambda: services.study_queue_open(user=big, bank=one_bank, limit=20))
    print(
        f"   study_queue(limit=20), one bank    : {ms:6.1f} ms median of 20 (best {best:.1f}), {queries} queries"
    )
    ms, best, queries = timed(lambda: selectors.progress_summary(user=big), repeat=5)
    print(
        f"   progress_summary                   : {ms:6.1f} ms median of 5 (best {best:.1f}), {queries} queries"
    )
    ms, best, queries = timed(lambda: selectors.progress_today(user=big), repeat=20)
    print(
        f"   progress_today (home page), a year-long streak: {ms:6.1f} ms median of 20"
        f" (best {best:.1f}), {queries} queries"
    )
    two_days_later = timezone.now() + timedelta(days=2)  # a break: the streak is 0
    ms, best, queries = timed(
        lambda: selectors.progress_today(user=big, now=two_days_later), repeat=20
    )
    print(
        f"   progress_today, after a 2-day break         : {ms:6.1f} ms median of 20"
        f" (best {best:.1f}), {queries} queries"
    )
    card = Card.objects.filter(user=big, state=CardState.REVIEW).first()

    def answer_one():
        services.review_record(user=big, card_id=card.pk, rating=3)
        services.review_undo_last(user=big)

    ms, best, queries = timed(answer_one)
    print(
        f"   review_record + review_undo_last   : {ms:6.1f} ms median of 20 (best {best:.1f}), {queries} queries"
    )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (timings scale with it)")


if __name__ == "__main__":
    main()
