"""The public door of `learning`: what `web` may use of it (checked by
.importlinter; see docs/architecture.md). Plain functions: the study queue,
answers, quizzes, custom study and suspended cards, preferences, progress,
assignments and the account."""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.http import Http404

from learning import selectors as _selectors
from learning import services as _services
from learning.account import AccountError, account_delete, account_export
from learning.assignments import student_assignments
from learning.selectors import (
    LEARNING_STATES,
    attempt_get_for_user,
    attempt_review,
    bank_mastery,
    card_is_suspended,
    new_cards_waiting,
    progress_home,
    progress_page,
    progress_summary,
    progress_today,
    review_heatmap,
    review_last_id,
    time_zone_of,
)
from learning.services import (
    ReviewError,
    answer_grade,
    quiz_answers_settle,
    quiz_discard,
    review_record,
    study_queue_open,
    typed_answer_match,
)
from learning.tallies import quiz_score
from quizzes.api import bank_get_for_student

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from learning.models import QuizAttempt as QuizAttempt
    from learning.models import StudyPreferences
    from learning.selectors.queue import QueueItem as QueueItem
    from learning.selectors.queue import StudyQueue as StudyQueue
    from learning.services.quizzes import GradedAnswer as GradedAnswer
    from quizzes.api import Question


@dataclass(frozen=True, slots=True)
class CardRef:
    """A card as web names it after a write: its id and its question's prompt."""

    card_id: int
    prompt: str


@dataclass(frozen=True, slots=True)
class Preferences:
    """What web shows and edits of a student's study preferences."""

    desired_retention: float
    new_cards_per_day: int
    max_reviews_per_day: int
    time_zone: str
    day_starts_at_hour: int


def _preferences_row(preferences: "StudyPreferences") -> Preferences:
    return Preferences(
        desired_retention=preferences.desired_retention,
        new_cards_per_day=preferences.new_cards_per_day,
        max_reviews_per_day=preferences.max_reviews_per_day,
        time_zone=preferences.time_zone,
        day_starts_at_hour=preferences.day_starts_at_hour,
    )


def preferences_get(*, user: "User") -> Preferences:
    """One's study preferences (the defaults when never saved)."""
    return _preferences_row(_services.preferences_get(user=user))


def preferences_update(*, user: "User", **fields: Any) -> Preferences:
    """Change one's study preferences (ValidationError names the field): as saved."""
    return _preferences_row(_services.preferences_update(user=user, **fields))


def study_more(*, user: "User", new_cards: int | str | None = 10) -> None:
    """Raise today's new-card limit by `new_cards` (ReviewError past the maximum)."""
    _services.study_more(user=user, new_cards=new_cards)


@dataclass(frozen=True, slots=True)
class AttemptRow:
    """A quiz attempt as the list of past attempts shows it."""

    pk: int
    bank_title: str
    started_at: datetime
    finished_at: datetime | None
    correct_count: int
    size: int


def attempt_list(*, user: "User", limit: int = 20) -> list[AttemptRow]:
    """One's latest quiz attempts, newest first (at most `limit`)."""
    return [
        AttemptRow(
            pk=attempt.pk,
            bank_title=attempt.bank.title,
            started_at=attempt.started_at,
            finished_at=attempt.finished_at,
            correct_count=attempt.correct_count,
            size=attempt.size,
        )
        for attempt in _selectors.attempt_list(user=user)[:limit]
    ]


def quiz_start(*, user: "User", bank_id: int, size: int | str | None = 10) -> int:
    """Start a quiz over a bank the student may study: the new attempt's id (web
    redirects to it). A bank they may not study (quizzes' bank_get_for_student: not
    published, or not theirs to see) is a ReviewError on the bank, as the service's own
    check of a bank that is not published."""
    try:
        bank = bank_get_for_student(user=user, bank_id=bank_id)
    except Http404:
        raise ReviewError("bank", "This bank is not published.") from None
    return _services.quiz_start(user=user, bank=bank, size=size).pk


def quiz_retry(*, user: "User", attempt: "QuizAttempt | None") -> int:
    """A new quiz over the questions missed in a finished one: the new attempt's id."""
    return _services.quiz_retry(user=user, attempt=attempt).pk


def quiz_answer(
    *,
    user: "User",
    attempt: "QuizAttempt",
    question_id: int | str | None,
    choice_id: int | None = None,
    order: list[int] | None = None,
    text: str | None = None,
    duration_ms: int | None = None,
    hold_typed_miss: bool = False,
) -> None:
    """Grade and store one answer of a quiz (the attempt's score follows); web shows
    the feedback page, which reads the answer back."""
    _services.quiz_answer(
        user=user,
        attempt=attempt,
        question_id=question_id,
        choice_id=choice_id,
        order=order,
        text=text,
        duration_ms=duration_ms,
        hold_typed_miss=hold_typed_miss,
    )


def quiz_answer_override(
    *, user: "User", attempt: "QuizAttempt | None", question_id: int | None
) -> None:
    """ "I was right": a held typed miss counts as right (the attempt's score follows)."""
    _services.quiz_answer_override(user=user, attempt=attempt, question_id=question_id)


def quiz_finish(*, attempt: "QuizAttempt") -> None:
    """Close a quiz (idempotent); the attempt given is read again, finished."""
    _services.quiz_finish(attempt=attempt)


def card_suspend(*, user: "User", card_id: object, now: datetime | None = None) -> None:
    """Suspend one's own card (learning.services.card_suspend)."""
    _services.card_suspend(user=user, card_id=card_id, now=now)


def question_card_suspend(*, user: "User", question: "Question") -> None:
    """Suspend one's card of this question, made when missing."""
    _services.question_card_suspend(user=user, question=question)


def card_unsuspend(*, user: "User", card_id: object) -> CardRef:
    """Bring one's suspended card back: which card, and its prompt for the message."""
    card = _services.card_unsuspend(user=user, card_id=card_id)
    return CardRef(card_id=card.pk, prompt=card.question.prompt)


@dataclass(frozen=True, slots=True)
class SuspendedCard:
    """A card the student set aside, as the list where they bring it back shows it."""

    pk: int
    prompt: str
    bank_title: str
    suspended_at: datetime


def cards_suspended(*, user: "User") -> list[SuspendedCard]:
    """One's suspended cards of published questions, last suspended first (one query)."""
    return [
        SuspendedCard(
            pk=card.pk,
            prompt=card.question.prompt,
            bank_title=card.question.bank.title,
            suspended_at=card.suspended_at,
        )
        for card in _selectors.cards_suspended(user=user)
        if card.suspended_at is not None
    ]


def review_undo_last(*, user: "User") -> int | None:
    """Undo one's last review: the id of the card it was of, None when nothing was."""
    card = _services.review_undo_last(user=user)
    return None if card is None else card.pk


__all__ = [
    "LEARNING_STATES",
    "AccountError",
    "AttemptRow",
    "CardRef",
    "Preferences",
    "ReviewError",
    "SuspendedCard",
    "account_delete",
    "account_export",
    "answer_grade",
    "attempt_get_for_user",
    "attempt_list",
    "attempt_review",
    "bank_mastery",
    "card_is_suspended",
    "card_suspend",
    "card_unsuspend",
    "cards_suspended",
    "new_cards_waiting",
    "preferences_get",
    "preferences_update",
    "progress_home",
    "progress_page",
    "progress_summary",
    "progress_today",
    "question_card_suspend",
    "quiz_answer",
    "quiz_answer_override",
    "quiz_answers_settle",
    "quiz_discard",
    "quiz_finish",
    "quiz_retry",
    "quiz_score",
    "quiz_start",
    "review_heatmap",
    "review_last_id",
    "review_record",
    "review_undo_last",
    "student_assignments",
    "study_more",
    "study_queue_open",
    "time_zone_of",
    "typed_answer_match",
]
