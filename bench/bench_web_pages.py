"""Server time and queries of each student page for a student with a real-sized
history (prints figures; not a test).

A throw-away SQLite database: BANKS published banks of QUESTIONS questions each,
one student who has met every card and made REVIEWS reviews spread over the
last 120 days (through learning.services.review_record, oldest first). Each
page is fetched with Django's test client RUNS times; the table shows the
median and worst server time and the number of SQL queries.

Run: .venv/bin/python bench/bench_web_pages.py [reviews]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _django import setup_django  # noqa: E402

BANKS = 10
QUESTIONS = 50
RUNS = 7


def build(reviews: int):
    from django.utils import timezone

    from learning.services import card_get_or_create, quiz_answer, quiz_start, review_record
    from tests.factories import QuestionBankFactory, QuestionFactory, UserFactory

    editor = UserFactory(username="editor", is_staff=True)
    student = UserFactory(username="bench-student")
    banks = []
    for b in range(BANKS):
        bank = QuestionBankFactory(owner=editor, title=f"Bench bank {b:02d}")
        QuestionFactory.create_batch(QUESTIONS, bank=bank)
        banks.append(bank)
    questions = [q for bank in banks for q in bank.questions.all()]
    cards = [card_get_or_create(user=student, question=q) for q in questions]
    rng = random.Random(5)
    now = timezone.now()
    moments = sorted(now - timedelta(days=rng.uniform(0, 120)) for _ in range(reviews))
    last_by_card: dict[int, object] = {}
    for moment in moments:
        card = rng.choice(cards)
        if last_by_card.get(card.pk) and last_by_card[card.pk] > moment:
            continue
        review_record(
            user=student,
            card_id=card.pk,
            rating=rng.choice((1, 3, 3, 3, 4)),
            reviewed_at=moment,
        )
        last_by_card[card.pk] = moment
    attempt = quiz_start(user=student, bank=banks[0], size=10)
    for question_id in attempt.question_ids:
        question = next(q for q in questions if q.pk == question_id)
        quiz_answer(
            user=student,
            attempt=attempt,
            question_id=question_id,
            choice_id=question.choices.first().pk,
        )
    return student, banks, attempt


def measure(client, url: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up (creates default preferences, new cards)
    times = []
    queries = 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(context.captured_queries)
    return statistics.median(times), max(times), queries


def main() -> None:
    reviews = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    setup_django("bench-web")
    from django.test import Client

    started = time.perf_counter()
    student, banks, attempt = build(reviews)
    from learning.models import ReviewLog

    print(
        f"data: {BANKS} banks x {QUESTIONS} questions, "
        f"{ReviewLog.objects.filter(user=student).count()} reviews "
        f"(built in {time.perf_counter() - started:.1f} s)"
    )
    client = Client()
    client.force_login(student)
    pages = [
        ("home", "/"),
        ("study (all banks)", "/study/"),
        ("study (one bank)", f"/study/?bank={banks[0].pk}"),
        ("quiz list", "/quiz/"),
        ("quiz result", f"/quiz/{attempt.pk}/result/"),
        ("article", f"/articles/{banks[0].article_id}/"),
        ("progress", "/progress/"),
        ("preferences", "/preferences/"),
        ("suspended cards", "/cards/suspended/"),
    ]
    print(f"{'page':<20} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    for name, url in pages:
        median, worst, queries = measure(client, url)
        print(f"{name:<20} {median:>10.1f} {worst:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
