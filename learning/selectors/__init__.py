"""Reads of the learner side, one module per topic: `queue` (the study queue),
`attempts` (a card or quiz of the user, quiz history), `card_backs` (a card's
answer and evidence), `custom_study` (new cards waiting past today's limit,
suspended cards), `progress` (today, streak, heatmap, forecast, retention,
mastery), `teacher` (a bank's students). Shared by HTML, API and admin. Undone
reviews (those with a ReviewUndo) are ignored everywhere.

This package re-exports the public names so `from learning import selectors`
keeps working; other apps go through learning.api (issue 15)."""

from .attempts import (
    attempt_get_for_user,
    attempt_list,
    attempt_review,
    card_get_for_user,
    review_last_id,
)
from .card_backs import (
    CardBack,
    card_back_of_facts,
    card_backs,
    card_backs_of,
)
from .common import (
    LEARNING_STATES,
    MATURE_DAYS,
    STARTED_STATES,
    time_zone_of,
)
from .custom_study import (
    card_is_suspended,
    cards_suspended,
    new_cards_waiting,
)
from .progress import (
    STREAK_WINDOW_DAYS,
    STREAK_WINDOWS_DAYS,
    bank_mastery,
    progress_home,
    progress_page,
    progress_summary,
    progress_today,
    quiz_scores,
    review_heatmap,
    study_streak,
)
from .queue import (
    LEARN_AHEAD,
    MAX_COUNT,
    QueueItem,
    StudyQueue,
    study_queue,
)
from .teacher import (
    bank_student_progress,
    leeches,
    question_failures,
    students_reported_to,
)

__all__ = [
    "review_last_id",
    "time_zone_of",
    "CardBack",
    "LEARNING_STATES",
    "LEARN_AHEAD",
    "MATURE_DAYS",
    "MAX_COUNT",
    "QueueItem",
    "STARTED_STATES",
    "STREAK_WINDOWS_DAYS",
    "STREAK_WINDOW_DAYS",
    "StudyQueue",
    "attempt_get_for_user",
    "attempt_list",
    "attempt_review",
    "bank_mastery",
    "bank_student_progress",
    "card_back_of_facts",
    "card_backs",
    "card_backs_of",
    "card_get_for_user",
    "card_is_suspended",
    "cards_suspended",
    "leeches",
    "new_cards_waiting",
    "progress_home",
    "progress_page",
    "progress_summary",
    "progress_today",
    "question_failures",
    "students_reported_to",
    "quiz_scores",
    "review_heatmap",
    "study_queue",
    "study_streak",
]
