"""Home and /progress/ cost the same queries whatever the size of the student's
history (issue 16): their streak, heatmap, daily counts and mastery per bank come
from the aggregates, never from the log or every card."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from learning.models import Card, CardState, StudyPreferences
from learning.services import card_get_or_create, review_batch_record, review_record
from learning.study_day import study_date, zone_of
from tests.factories import QuestionBankFactory, QuestionFactory

HOME_QUERIES = 7  # (the session and the user are read from the cache)
PROGRESS_QUERIES = 8


def study_day(user, moment: datetime) -> date:
    preferences = StudyPreferences.objects.get(user=user)
    return study_date(
        moment,
        zone=zone_of(preferences.time_zone),
        day_starts_at_hour=preferences.day_starts_at_hour,
    )


def history(student, *, banks: int, cards_per_bank: int, days: int) -> int:
    """An offline history of every other day over `days` days (a streak that never
    reaches the first window), about two answers per card; returns the answers."""
    cards = []
    for number in range(banks):
        bank = QuestionBankFactory(title=f"History bank {number}")
        questions = QuestionFactory.create_batch(cards_per_bank, bank=bank)
        cards += [card_get_or_create(user=student, question=q) for q in questions]
    start = timezone.now() - timedelta(days=days)
    items = [
        {
            "card": card.pk,
            "rating": (3, 1, 4, 3)[(i + rep) % 4],
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (
                start + timedelta(days=2 * ((i + rep * len(cards)) * days // (4 * len(cards))))
            ).isoformat(),
        }
        for rep in range(2)
        for i, card in enumerate(cards)
    ]
    for first in range(0, len(items), 500):
        outcomes = review_batch_record(user=student, items=items[first : first + 500])
        assert all(o["ok"] for o in outcomes)
    return len(items)


@pytest.mark.django_db
def test_home_and_progress_take_the_same_queries_whatever_the_history(
    student_client, student, teacher, django_assert_num_queries, queries_of
):
    bank = QuestionBankFactory(owner=teacher, title="Today's bank")
    card = card_get_or_create(user=student, question=QuestionFactory(bank=bank))
    review_record(user=student, card_id=card.pk, rating=3)
    student_client.get("/")  # (the user's row read once, then from the cache)
    # home: banks (with their question counts), progress_home
    # (preferences, the tallies of the published banks, today's due cards per bank,
    # the study days of the streak's window, the due cards of unpublished questions),
    # assignments; progress: progress_page (preferences, the study days of 400 days:
    # streak, retention and heatmap, due cards per day from the tallies and those of
    # unpublished questions, today's due cards, the banks' tallies with their question
    # counts, their quiz tallies, average retrievability)
    assert queries_of(lambda: student_client.get("/")) == HOME_QUERIES
    assert queries_of(lambda: student_client.get("/progress/")) == PROGRESS_QUERIES
    small = student_client.get("/progress/").context["summary"]

    answers = history(student, banks=3, cards_per_bank=60, days=300)
    # the day's first read folds the bank tallies of the days past into one row per
    # bank, once (learning.tallies.fold_past_due_days); the reads after it cost the same
    assert queries_of(lambda: student_client.get("/")) > HOME_QUERIES
    with django_assert_num_queries(HOME_QUERIES):
        home = student_client.get("/")
    with django_assert_num_queries(PROGRESS_QUERIES):
        progress = student_client.get("/progress/")

    assert len(home.context["rows"]) == 4
    summary = progress.context["summary"]
    assert summary["streak"] == small["streak"] == 1
    assert progress.context["heatmap"].total == answers + 1 > 300
    assert [row["title"] for row in summary["banks"]] == [
        "History bank 0",
        "History bank 1",
        "History bank 2",
        "Today's bank",
    ]
    assert sum(b["learning"] + b["young"] + b["mature"] for b in summary["banks"]) == 181
    # the due figures, summed from the tallies' due days, are those of the cards
    started = Card.objects.filter(user=student, state__gt=CardState.NEW)
    forecast_end = date.fromisoformat(summary["forecast"][-1]["date"]) + timedelta(days=1)
    assert sum(row["count"] for row in summary["forecast"]) == sum(
        1 for due in started.values_list("due", flat=True) if study_day(student, due) < forecast_end
    )
    now = timezone.now()
    assert home.context["due_total"] == started.filter(due__lte=now).count() > 100
