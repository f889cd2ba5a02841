"""A user's own data: export everything as JSON, or delete the account.

Used by the web pages (web/account_views.py) and the API (learning/rest_api/account.py).

Deleting an account removes the user and, through the foreign keys, their
preferences, cards, review logs, undo marks, quiz attempts and answers, and API
tokens (v1's shared one and each device's): the one place review logs are
deleted, on their owner's explicit request.
Articles they stored stay (created_by becomes empty); a teacher who still owns
question banks must hand them over first (students' histories hang on them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from config.api_fields import datetime_text
from devices.selectors import device_token_list
from quizzes.api import question_path

from .cards import CARD_STATE_FIELDS
from .models import Card, QuizAnswer, QuizAttempt, ReviewLog, ReviewUndo, StudyPreferences

if TYPE_CHECKING:
    from django.contrib.auth.models import User

_PROMPT = question_path("question", "prompt")
_BANK_ID = question_path("question", "bank_id")

EXPORT_FORMAT = "newsquiz-export/1"


class AccountError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _iso(value: datetime | None) -> str | None:
    return datetime_text(value)


def _snapshot(card_before: object) -> object:
    """A stored card snapshot with its date-times in the export's one format (rows
    written before the format was fixed hold "+00:00")."""
    if not isinstance(card_before, dict):
        return card_before
    return {
        key: _iso(parse_datetime(value)) if key in ("due", "last_review") and value else value
        for key, value in card_before.items()
    }


def account_export(*, user: User) -> dict[str, Any]:
    """Everything stored about `user`, JSON-able (datetimes as ISO 8601 strings).
    A fixed number of queries whatever the amount of data."""
    stored = StudyPreferences.objects.filter(user=user).values().first()
    preferences: dict[str, Any] | None = None
    if stored is not None:
        preferences = {k: v for k, v in stored.items() if k not in ("id", "user_id")}
        preferences["parameters_fitted_at"] = _iso(preferences["parameters_fitted_at"])
        day = preferences["extra_new_day"]
        preferences["extra_new_day"] = day.isoformat() if day is not None else None

    cards = [
        {
            "id": card["id"],
            "question": card["question_id"],
            "question_prompt": card[_PROMPT],
            "bank": card[_BANK_ID],
            "state": card["state"],
            "step": card["step"],
            "stability": card["stability"],
            "difficulty": card["difficulty"],
            "due": _iso(card["due"]),
            "last_review": _iso(card["last_review"]),
            "reps": card["reps"],
            "lapses": card["lapses"],
            "suspended_at": _iso(card["suspended_at"]),
            "created_at": _iso(card["created_at"]),
        }
        for card in Card.objects.filter(user=user)
        .order_by("id")
        .values(
            "id",
            "question_id",
            _PROMPT,
            _BANK_ID,
            *CARD_STATE_FIELDS,
            "suspended_at",
            "created_at",
        )
    ]
    undone = dict(ReviewUndo.objects.filter(log__user=user).values_list("log_id", "undone_at"))
    reviews = [
        {
            "id": log["id"],
            "card": log["card_id"],
            "rating": log["rating"],
            "reviewed_at": _iso(log["reviewed_at"]),
            "duration_ms": log["duration_ms"],
            "client_uuid": str(log["client_uuid"]) if log["client_uuid"] else None,
            "source": log["source"],
            "state_after": log["state_after"],
            "due_after": _iso(log["due_after"]),
            "card_before": _snapshot(log["card_before"]),
            "undone_at": _iso(undone.get(log["id"])),
        }
        for log in ReviewLog.objects.filter(user=user)
        .order_by("reviewed_at", "id")
        .values(
            "id",
            "card_id",
            "rating",
            "reviewed_at",
            "duration_ms",
            "client_uuid",
            "source",
            "state_after",
            "due_after",
            "card_before",
        )
    ]
    answers_by_attempt: dict[int, list[dict[str, Any]]] = {}
    for row in (
        QuizAnswer.objects.filter(attempt__user=user)
        .order_by("answered_at", "id")
        .values(
            "attempt_id",
            "question_id",
            "choice_id",
            "given_text",
            "given_order",
            "is_correct",
            "duration_ms",
            "answered_at",
        )
    ):
        answer: dict[str, Any] = dict(row)
        attempt_id = answer.pop("attempt_id")
        answer["question"] = answer.pop("question_id")
        answer["choice"] = answer.pop("choice_id")
        answer["answered_at"] = _iso(answer["answered_at"])
        answers_by_attempt.setdefault(attempt_id, []).append(answer)
    attempts = [
        {
            "id": attempt["id"],
            "bank": attempt["bank_id"],
            "mode": attempt["mode"],
            "questions": attempt["question_ids"],
            "started_at": _iso(attempt["started_at"]),
            "finished_at": _iso(attempt["finished_at"]),
            "correct_count": attempt["correct_count"],
            "retry_of": attempt["retry_of_id"],
            "answers": answers_by_attempt.get(attempt["id"], []),
        }
        for attempt in QuizAttempt.objects.filter(user=user)
        .order_by("started_at", "id")
        .values(
            "id",
            "bank_id",
            "retry_of_id",
            "mode",
            "question_ids",
            "started_at",
            "finished_at",
            "correct_count",
        )
    ]
    # Each device signed in through the API, never its key nor the key's hash.
    devices = [
        {
            "id": device["id"],
            "name": device["name"],
            "created_at": _iso(device["created_at"]),
            "last_used_at": _iso(device["last_used_at"]),
            "expires_at": _iso(device["expires_at"]),
        }
        for device in device_token_list(user=user).values(
            "id", "name", "created_at", "last_used_at", "expires_at"
        )
    ]
    return {
        "format": EXPORT_FORMAT,
        "exported_at": datetime_text(timezone.now()),
        "user": {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "preferences": preferences,
        "cards": cards,
        "reviews": reviews,
        "quiz_attempts": attempts,
        "devices": devices,
        "authored": {
            "articles": list(user.articles.order_by("id").values("id", "title")),
            "question_banks": list(user.question_banks.order_by("id").values("id", "title")),
        },
    }


@dataclass
class DeletionResult:
    username: str
    cards: int
    reviews: int


@transaction.atomic
def account_delete(*, user: User, password: str) -> DeletionResult:
    """Delete `user` and all their learning data, after checking their password.
    Raises AccountError (nothing deleted) on a wrong password or owned banks."""
    if not password or not user.check_password(password):
        raise AccountError("password", "The password is not correct.")
    banks = user.question_banks.count()
    if banks:
        raise AccountError(
            "account",
            f"You own {banks} question bank(s): give them to another teacher or delete "
            "them before deleting your account.",
        )
    result = DeletionResult(
        username=user.get_username(),
        cards=Card.objects.filter(user=user).count(),
        reviews=ReviewLog.objects.filter(user=user).count(),
    )
    try:
        # Sessions elsewhere stay but name a user that no longer exists: Django
        # treats them as logged out. The API tokens go with the user (cascade).
        get_user_model().objects.get(pk=user.pk).delete()
    except ProtectedError as exc:
        raise AccountError(
            "account", "Your account still owns shared content; ask an administrator."
        ) from exc
    return result
