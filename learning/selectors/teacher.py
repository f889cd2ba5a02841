"""The teacher's view of a bank's students: progress, hard questions, leeches.

A teacher's public bank is studied by students of other teachers too: the rows
that name a student hold only those in the teacher's classes (issue 13: a
teacher sees their own classes and the students in them); a superuser sees
everyone. The question figures (failures) stay counts over every student."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import (
    Count,
    Max,
    Q,
)
from django.utils import timezone

from classes.api import member_ids
from quizzes.api import (
    published_question_filter,
    published_questions,
    question_filter,
    question_path,
)

from ..models import Card, CardState, ReviewLog
from .progress import card_mastery

if TYPE_CHECKING:
    from quizzes.api import QuestionBank


def students_reported_to(teacher: User | AnonymousUser) -> Q:
    """A filter on `user_id`: the students a teacher's per-bank report may name,
    those in the teacher's classes (everyone for a superuser). One subquery, so a
    report's query count stays that of an unfiltered one."""
    if teacher.is_superuser:
        return Q()
    return Q(user_id__in=member_ids(taught_by=teacher))


def bank_student_progress(
    *, bank: QuestionBank, teacher: User | AnonymousUser, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Per student of the teacher's classes who studied `bank`: mastery (0-100),
    30-day retention of review-state answers, last activity and number of reviews."""
    now = now or timezone.now()
    total = published_questions(bank=bank).count()
    students: dict[int, dict[str, Any]] = {}
    sums: dict[int, float] = defaultdict(float)
    for user_id, username, state, stability in Card.objects.filter(
        question_filter("question", bank=bank) & published_question_filter("question"),
        students_reported_to(teacher),
    ).values_list("user_id", "user__username", "state", "stability"):
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
        sums[user_id] += card_mastery(state, stability)
    since = now - timedelta(days=30)
    for row in (
        ReviewLog.objects.filter(
            question_filter("card__question", bank=bank),
            students_reported_to(teacher),
            undo__isnull=True,
        )
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


def question_failures(*, bank: QuestionBank, limit: int = 10) -> list[dict[str, Any]]:
    """The bank's questions most often answered Again (flashcards and quizzes)."""
    prompt = question_path("card__question", "prompt")
    rows = (
        ReviewLog.objects.filter(question_filter("card__question", bank=bank), undo__isnull=True)
        .values("card__question_id", prompt)
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
            "prompt": row[prompt],
            "failures": row["failures"],
            "reviews": row["reviews"],
            "students": row["students"],
            "failure_rate": round(row["failures"] / row["reviews"], 4),
        }
        for row in rows
    ]


def leeches(
    *,
    teacher: User | AnonymousUser,
    bank: QuestionBank | None = None,
    threshold: int = 8,
    user: User | None = None,
) -> list[dict[str, Any]]:
    """Cards forgotten (lapsed) at least `threshold` times: a sign of a bad question.
    Only the cards of students in the teacher's classes (a superuser: everyone's)."""
    cards = Card.objects.filter(students_reported_to(teacher), lapses__gte=threshold)
    if bank is not None:
        cards = cards.filter(question_filter("question", bank=bank))
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
