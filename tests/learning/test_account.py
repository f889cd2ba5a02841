"""learning/account.py: a user's data export and account deletion."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token

from config.api_fields import datetime_text
from devices.models import DeviceToken
from devices.services import device_token_issue
from learning.account import AccountError, account_delete, account_export
from learning.models import Card, ReviewLog, StudyPreferences
from learning.services import (
    card_get_or_create,
    card_suspend,
    review_record,
    review_undo_last,
    study_more,
)
from tests.factories import PASSWORD, QuizAttemptFactory


@pytest.fixture
def studied(student, other_student, bank):
    """`student` reviewed two cards (one review undone); `other_student` one card."""
    questions = list(bank.questions.all())
    first = card_get_or_create(user=student, question=questions[0])
    second = card_get_or_create(user=student, question=questions[1])
    review_record(user=student, card_id=first.pk, rating=3, duration_ms=4000)
    review_record(user=student, card_id=second.pk, rating=1)
    review_undo_last(user=student)
    review_record(user=student, card_id=second.pk, rating=4)
    theirs = card_get_or_create(user=other_student, question=questions[0])
    review_record(user=other_student, card_id=theirs.pk, rating=2)
    QuizAttemptFactory(user=student, bank=bank, question_ids=[questions[0].pk])
    return student


@pytest.mark.django_db
def test_export_holds_all_of_the_users_data_and_nothing_of_others(studied, other_student):
    data = account_export(user=studied)

    json.dumps(data)  # JSON-able as it is
    assert data["format"] == "newsquiz-export/1"
    assert data["user"]["username"] == "stella"
    assert data["preferences"]["desired_retention"] == 0.9
    assert len(data["cards"]) == 2
    assert [review["rating"] for review in data["reviews"]] == [3, 1, 4]
    assert [review["undone_at"] is not None for review in data["reviews"]] == [
        False,
        True,
        False,
    ]
    assert data["reviews"][0]["duration_ms"] == 4000
    assert data["reviews"][0]["card_before"]["state"] == 0
    assert len(data["quiz_attempts"]) == 1
    other_cards = set(Card.objects.filter(user=other_student).values_list("id", flat=True))
    assert not other_cards & {card["id"] for card in data["cards"]}


@pytest.mark.django_db
def test_export_lists_the_users_devices_but_never_a_key(studied, other_student):
    issued = device_token_issue(
        user=studied, name="Stella's phone", now=datetime(2026, 9, 1, 8, tzinfo=UTC)
    )
    device_token_issue(user=other_student, name="Oscar's tablet")

    data = account_export(user=studied)

    assert data["devices"] == [
        {
            "id": issued.device.pk,
            "name": "Stella's phone",
            "created_at": datetime_text(issued.device.created_at),
            "last_used_at": "2026-09-01T08:00:00Z",
            "expires_at": "2026-11-30T08:00:00Z",
        }
    ]
    written = json.dumps(data)
    assert issued.key not in written
    assert issued.device.key_hash not in written
    assert issued.device.key_prefix not in written


@pytest.mark.django_db
def test_delete_removes_the_user_and_all_their_learning_data(studied, other_student):
    Token.objects.create(user=studied)
    device_token_issue(user=studied, name="Stella's phone")
    device_token_issue(user=other_student, name="Oscar's tablet")

    result = account_delete(user=studied, password=PASSWORD)

    assert (result.username, result.cards, result.reviews) == ("stella", 2, 3)
    assert not get_user_model().objects.filter(username="stella").exists()
    assert not Card.objects.filter(user_id=studied.pk).exists()
    assert not ReviewLog.objects.filter(user_id=studied.pk).exists()
    assert not StudyPreferences.objects.filter(user_id=studied.pk).exists()
    assert not Token.objects.filter(user_id=studied.pk).exists()
    assert not DeviceToken.objects.filter(user_id=studied.pk).exists()
    # Someone else's history and devices are untouched.
    assert ReviewLog.objects.filter(user=other_student).count() == 1
    assert DeviceToken.objects.filter(user=other_student).count() == 1


@pytest.mark.django_db
def test_delete_with_a_wrong_password_deletes_nothing(studied):
    with pytest.raises(AccountError) as error:
        account_delete(user=studied, password="not-my-password")

    assert error.value.field == "password"
    assert ReviewLog.objects.filter(user=studied).count() == 3


@pytest.mark.django_db
def test_a_teacher_owning_banks_must_hand_them_over_first(teacher, bank):
    with pytest.raises(AccountError) as error:
        account_delete(user=teacher, password=PASSWORD)

    assert error.value.field == "account"
    assert "1 question bank" in error.value.message
    assert get_user_model().objects.filter(pk=teacher.pk).exists()


@pytest.mark.django_db
def test_export_holds_suspensions_custom_study_and_retries(studied, bank):
    card = Card.objects.filter(user=studied).first()
    card_suspend(user=studied, card_id=card.pk)
    study_more(user=studied, new_cards=10)
    first = QuizAttemptFactory(user=studied, bank=bank, question_ids=[card.question_id])
    QuizAttemptFactory(user=studied, bank=bank, question_ids=[card.question_id], retry_of=first)

    data = json.loads(json.dumps(account_export(user=studied)))

    assert {row["id"]: row["suspended_at"] is not None for row in data["cards"]}[card.pk]
    assert data["preferences"]["extra_new_cards"] == 10
    assert data["preferences"]["extra_new_day"] is not None
    assert [row["retry_of"] for row in data["quiz_attempts"]] == [None, None, first.pk]
