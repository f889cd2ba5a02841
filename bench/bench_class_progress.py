"""Server time and queries of a teacher's assignment reports (prints figures; not a test).

A throw-away SQLite database (or DATABASE_URL): one class of STUDENTS students,
one assignment on a bank of QUESTIONS questions. Each student has studied most
cards (two reviews each) and taken two 20-question quizzes; rows are bulk-made
in the shapes the services write. Each endpoint is fetched RUNS times with
Django's test client; the table shows the median and worst server time, the
number of SQL queries, and the median as a ratio to the health endpoint
measured in the same run. Small and large data in one run: the query counts
must be the same.

Run: .venv/bin/python bench/bench_class_progress.py [students] [questions]
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

RUNS = 9
QUIZ_SIZE = 20


def _studied_cards(pupils, question_list, *, rng: random.Random, now):
    """Review cards of 60 to 100% of the questions for each pupil (unsaved)."""
    from learning.models import Card, CardState

    cards = []
    for pupil in pupils:
        studied = rng.sample(question_list, int(len(question_list) * rng.uniform(0.6, 1.0)))
        for question in studied:
            cards.append(
                Card(
                    user=pupil,
                    question=question,
                    state=CardState.REVIEW,
                    stability=rng.uniform(1, 30),
                    difficulty=5.0,
                    due=now + timedelta(days=rng.uniform(-3, 20)),
                    last_review=now - timedelta(hours=rng.uniform(1, 40)),
                    reps=2,
                )
            )
    return cards


def build(*, students: int, questions: int, tag: str):
    from django.utils import timezone

    from classes.models import Membership
    from learning.models import Card, CardState, QuizAnswer, QuizAttempt, ReviewLog
    from learning.tallies import progress_rebuild
    from tests.factories import AssignmentFactory, QuestionFactory, TeacherFactory, UserFactory

    rng = random.Random(13)
    now = timezone.now()
    teacher = TeacherFactory(username=f"teacher-{tag}")
    assignment = AssignmentFactory(
        classroom__teacher=teacher,
        quiz_length=QUIZ_SIZE,
        pass_mark=70,
        all_cards=True,
        due_at=now + timedelta(days=2),
    )
    Membership.objects.filter(classroom=assignment.classroom).delete()
    bank = assignment.bank
    QuestionFactory.create_batch(questions, bank=bank)
    question_list = list(bank.questions.prefetch_related("choices").order_by("id"))
    pupils = [UserFactory(username=f"{tag}-pupil{n:02d}") for n in range(students)]
    Membership.objects.bulk_create(
        Membership(classroom=assignment.classroom, student=pupil, joined_at=now) for pupil in pupils
    )
    logs, attempts, answers = [], [], []
    Card.objects.bulk_create(
        _studied_cards(pupils, question_list, rng=rng, now=now), batch_size=2000
    )
    for card in Card.objects.filter(question__bank=bank):
        for step in range(2):
            logs.append(
                ReviewLog(
                    user_id=card.user_id,
                    card=card,
                    rating=rng.choice((1, 3, 3, 4)),
                    reviewed_at=now + timedelta(minutes=10 + step * 600 + rng.uniform(0, 60)),
                    card_before={},
                    state_before=CardState.NEW if step == 0 else CardState.REVIEW,
                    state_after=CardState.REVIEW,
                    due_after=card.due,
                )
            )
    ReviewLog.objects.bulk_create(logs, batch_size=2000)
    for pupil in pupils:
        for number in range(2):
            asked = rng.sample(question_list, min(QUIZ_SIZE, len(question_list)))
            attempt = QuizAttempt(
                user=pupil,
                bank=bank,
                question_ids=[q.pk for q in asked],
                finished_at=now + timedelta(hours=1 + number),
            )
            attempts.append((attempt, asked))
    QuizAttempt.objects.bulk_create([attempt for attempt, _ in attempts])
    skill = {pupil.pk: rng.uniform(0.3, 0.95) for pupil in pupils}
    for attempt, asked in attempts:
        correct = 0
        for question in asked:
            choices = list(question.choices.all())
            right = rng.random() < skill[attempt.user_id]
            choice = choices[0] if right else rng.choice(choices[1:])
            correct += right
            answers.append(
                QuizAnswer(
                    attempt=attempt,
                    question=question,
                    choice=choice,
                    is_correct=right,
                    duration_ms=rng.randint(2000, 30000),
                    answered_at=attempt.finished_at - timedelta(minutes=1),
                )
            )
        attempt.correct_count = correct
    QuizAnswer.objects.bulk_create(answers, batch_size=2000)
    QuizAttempt.objects.bulk_update([a for a, _ in attempts], ["correct_count"])
    # the aggregates the reviews would have kept (cards and logs were written directly)
    progress_rebuild(user_ids=[pupil.pk for pupil in pupils])
    return teacher, assignment, pupils[0], len(logs), len(answers)


def measure(client, url: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    times, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(context.captured_queries)
    return statistics.median(times), max(times), queries


def main() -> None:
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    questions = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    setup_django("bench-classes")
    from django.db import connection
    from django.test import Client
    from rest_framework.authtoken.models import Token

    print(f"database: {connection.vendor}")
    print(
        f"{'data':<16} {'endpoint':<26} {'median ms':>10} {'max ms':>8} {'queries':>8} "
        f"{'x health':>9}"
    )
    for tag, size in (("small", (5, 20)), ("large", (students, questions))):
        started = time.perf_counter()
        teacher, assignment, pupil, reviews, answers = build(
            students=size[0], questions=size[1], tag=tag
        )
        built = time.perf_counter() - started
        label = f"{size[0]}x{size[1]}"
        api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=teacher).key}")
        student_api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=pupil).key}")
        admin = Client()
        admin.force_login(teacher)
        health = 0.0
        rows = [
            ("health", api, "/api/v1/health/"),
            ("progress (API)", api, f"/api/v1/teach/assignments/{assignment.pk}/progress/"),
            ("items (API)", api, f"/api/v1/teach/assignments/{assignment.pk}/items/"),
            ("report (admin)", admin, f"/admin/learning/assignmentreport/{assignment.pk}/change/"),
            (
                "report CSV (admin)",
                admin,
                f"/admin/learning/assignmentreport/{assignment.pk}/change/?export=csv",
            ),
            ("assignments (student)", student_api, "/api/v1/assignments/"),
        ]
        for name, client, url in rows:
            median, worst, queries = measure(client, url)
            health = health or median
            print(
                f"{label:<16} {name:<26} {median:>10.1f} {worst:>8.1f} {queries:>8} "
                f"{median / health:>9.1f}"
            )
        print(f"  ({reviews} reviews, {answers} quiz answers; built in {built:.1f} s)")


if __name__ == "__main__":
    main()
