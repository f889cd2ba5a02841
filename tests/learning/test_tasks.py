"""Per-user parameter fitting as a background task (inline without a broker)."""

import csv
from datetime import datetime
from pathlib import Path

from learning import services
from learning.cards import scheduler_kwargs
from learning.models import CardState, ReviewLog, StudyPreferences
from learning.tasks import optimize_parameters_task, parameters_optimize_later
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


def test_task_fits_and_stores_parameters_used_by_the_scheduler(
    student, teacher, django_capture_on_commit_callbacks
):
    import_history(student, teacher)
    with django_capture_on_commit_callbacks(execute=True):
        parameters_optimize_later(user=student)
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


def test_every_200_answers_queue_a_fit_check(
    student, bank, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from learning import tasks

    queued = []
    monkeypatch.setattr(
        tasks.optimize_parameters_task, "delay", lambda user_id: queued.append(user_id)
    )
    monkeypatch.setattr(services.reviews, "OPTIMIZE_CHECK_EVERY", 3)
    cache.delete(f"learning:reviews-since-check:{student.pk}")
    card = services.card_get_or_create(user=student, question=bank.questions.first())
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            services.review_record(user=student, card_id=card.pk, rating=3)
    assert queued == [student.pk]


def test_command_fits_one_user_and_refuses_unknown_names(student, teacher):
    from io import StringIO

    import pytest
    from django.core.management import CommandError, call_command

    import_history(student, teacher, reviews=420)
    out = StringIO()
    call_command("optimize_parameters", "--user", "stella", stdout=out)
    assert out.getvalue() == "stella: fitted on 420 reviews\n"
    with pytest.raises(CommandError, match="No user named"):
        call_command("optimize_parameters", "--user", "nobody")


def test_a_failing_fit_does_not_fail_the_answer(
    student, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    from learning import tasks

    def broken(user_id):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.optimize_parameters_task, "delay", broken)
    with django_capture_on_commit_callbacks(execute=True):
        parameters_optimize_later(user=student)
    assert "Could not run the FSRS parameter fit" in caplog.text
