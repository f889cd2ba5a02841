"""Per-user parameter fitting: a Celery task queued after commit with a broker,
`manage.py optimize_parameters` without one; never inside the answer's request."""

import csv
import logging
import uuid
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from learning import services, tasks
from learning.cards import scheduler_kwargs
from learning.models import CardState, ReviewLog, StudyPreferences
from learning.tasks import (
    optimize_due_parameters_task,
    optimize_parameters_task,
    parameters_optimize_later,
)
from tests.api.conftest import queries_of, token_client
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory

DATA = Path(__file__).resolve().parents[2] / "fixtures/reviews/review_log_one_user.csv"


def import_history(user, teacher, reviews=500):
    """The first `reviews` reviews of the real history, as this user's logs."""
    with DATA.open() as handle:
        rows = list(csv.DictReader(handle))[:reviews]
    bank = QuestionBankFactory(owner=teacher)
    cards = {}
    logs = []
    for row in rows:
        if row["card_id"] not in cards:
            cards[row["card_id"]] = CardFactory(
                user=user, question=QuestionFactory(bank=bank, choices=[])
            )
        when = datetime.fromisoformat(row["review_time"])
        logs.append(
            ReviewLog(
                user=user,
                card=cards[row["card_id"]],
                rating=int(row["review_rating"]),
                reviewed_at=when,
                card_before={},
                state_after=CardState.REVIEW,
                due_after=when,
            )
        )
    ReviewLog.objects.bulk_create(logs)


def test_too_few_reviews_keep_the_defaults(student):
    outcome = services.parameters_optimize(user=student)
    assert outcome == {"fitted": False, "reviews": 0, "reason": "Needs at least 400 reviews."}
    assert StudyPreferences.objects.get(user=student).fsrs_parameters is None


@pytest.fixture
def broker(settings):
    """A broker configured: tasks go to a worker instead of running inline."""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False


@pytest.fixture
def queued(monkeypatch):
    """The user ids handed to the broker (no broker is reached)."""
    sent: list[int] = []
    monkeypatch.setattr(tasks.optimize_parameters_task, "delay", sent.append)
    return sent


def test_task_fits_and_stores_parameters_used_by_the_scheduler(student, teacher):
    import_history(student, teacher)
    optimize_parameters_task.delay(student.pk)  # (inline: no broker in tests)
    prefs = StudyPreferences.objects.get(user=student)
    assert prefs.fsrs_parameters is not None
    assert len(prefs.fsrs_parameters) == 21
    assert prefs.parameters_review_count == 500
    assert prefs.parameters_fitted_at is not None
    assert scheduler_kwargs(prefs)["parameters"] == prefs.fsrs_parameters
    # no refit until enough new reviews arrive
    again = optimize_parameters_task.delay(student.pk).get()
    assert again["fitted"] is False
    assert "recently" in again["reason"]


def test_reset_goes_back_to_defaults(student, teacher):
    import_history(student, teacher, reviews=450)
    assert services.parameters_optimize(user=student)["fitted"] is True
    prefs = services.parameters_reset(user=student)
    assert prefs.fsrs_parameters is None


def test_every_200_answers_queue_a_fit_after_commit_with_a_broker(
    student, bank, broker, queued, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services.reviews, "OPTIMIZE_CHECK_EVERY", 3)
    cache.delete(f"learning:reviews-since-check:{student.pk}")
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            services.review_record(user=student, card_id=card.pk, rating=3)
            assert queued == []  # nothing is sent before the answer commits
    assert queued == [student.pk]


def test_without_a_broker_an_answer_never_fits_and_the_command_does_later(
    student, teacher, bank, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.INFO, logger="learning.tasks")
    import_history(student, teacher)
    monkeypatch.setattr(services.reviews, "OPTIMIZE_CHECK_EVERY", 1)
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    with django_capture_on_commit_callbacks(execute=True):
        services.review_record(user=student, card_id=card.pk, rating=3)
    assert StudyPreferences.objects.get(user=student).fsrs_parameters is None
    assert "left to manage.py optimize_parameters" in caplog.text
    out = StringIO()
    call_command("optimize_parameters", stdout=out)
    assert out.getvalue() == "stella: fitted on 501 reviews\n"
    assert StudyPreferences.objects.get(user=student).parameters_review_count == 501
    out = StringIO()
    call_command("optimize_parameters", stdout=out)
    assert out.getvalue() == "No user is due for a fit.\n"


def test_a_batch_crossing_the_check_fits_nothing_in_its_request(
    student, teacher, bank, monkeypatch, django_capture_on_commit_callbacks
):
    """The endpoint once refitted inline every 200th review (rewriting every card
    of the deck in the request): the batch's statements are its own, whatever the
    history, and the parameters stay as they were."""
    import_history(student, teacher)
    monkeypatch.setattr(services.reviews, "OPTIMIZE_CHECK_EVERY", 2)
    api = token_client(student)
    api.get("/api/v1/me/preferences/")  # the preferences row exists from the first visit on
    cards = [services.card_get_or_create(user=student, question=q) for q in bank.questions.all()]
    start = timezone.now() - timedelta(days=1)
    reviews = [
        {
            "card": card.pk,
            "rating": 3,
            "client_uuid": str(uuid.uuid4()),
            "reviewed_at": (start + timedelta(minutes=i)).isoformat(),
        }
        for i, card in enumerate(cards)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        count, response = queries_of(
            lambda: api.post("/api/v1/reviews/batch/", {"reviews": reviews}, format="json")
        )
    assert response.json()["ok"] == len(reviews) >= 2
    assert count == 12  # as tests/api/test_query_counts.py pins it: no fit, no reschedule
    assert StudyPreferences.objects.get(user=student).parameters_fitted_at is None


def test_the_sweep_finds_the_users_due_and_only_them(student, other_student, teacher):
    import_history(student, teacher, reviews=450)
    import_history(other_student, teacher, reviews=399)
    assert services.users_due_for_fit() == [student]
    assert optimize_due_parameters_task.delay().get() == 1
    assert services.users_due_for_fit() == []
    assert services.users_due_for_fit(force=True) == [student]
    # REFIT_EVERY (200) more reviews make the user due again; the other user still
    # lacks one review (399 < 400).
    import_history(student, teacher, reviews=200)
    assert services.users_due_for_fit() == [student]


def test_command_fits_one_user_and_refuses_unknown_names(student, teacher):
    import_history(student, teacher, reviews=420)
    out = StringIO()
    call_command("optimize_parameters", "--user", "stella", stdout=out)
    assert out.getvalue() == "stella: fitted on 420 reviews\n"
    with pytest.raises(CommandError, match="No user named"):
        call_command("optimize_parameters", "--user", "nobody")


def test_a_broker_outage_does_not_fail_the_answer(
    student, broker, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def broken(user_id):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.optimize_parameters_task, "delay", broken)
    with django_capture_on_commit_callbacks(execute=True):
        parameters_optimize_later(user=student)
    assert "Could not queue the FSRS parameter fit" in caplog.text
