"""Writes of the learner side, one module per topic: `reviews` (answering a card,
undo), `batch_sync` (offline batches), `quizzes` (attempts, retries), `preferences`,
`parameters` (FSRS fitting), `custom_study` ("study more", suspended cards), `queue`
(opening a study queue), `progress` (recounting the progress aggregates); `common` holds ReviewError. One entry point per action, shared
by HTML, API, admin and tasks; each runs in one transaction. The
raw SQL they need is in learning/sql.py.

This package re-exports the public names so `from learning import services` keeps
working; other apps go through learning.api (issue 15)."""

from .batch_sync import (
    review_batch_record,
)
from .common import (
    ReviewError,
)
from .custom_study import (
    STUDY_MORE_MAX,
    card_suspend,
    card_unsuspend,
    question_card_suspend,
    study_more,
)
from .parameters import (
    parameters_optimize,
    parameters_reset,
    users_due_for_fit,
)
from .preferences import (
    MAX_STEP_SECONDS,
    MAX_STEPS,
    PREFERENCE_FIELDS,
    cards_reschedule,
    parse_steps,
    preferences_get,
    preferences_update,
)
from .progress import progress_rebuild
from .queue import queue_cards_create, study_queue_open
from .quizzes import (
    QUIZ_MAX_SIZE,
    GradedAnswer,
    answer_grade,
    quiz_answer,
    quiz_answer_override,
    quiz_answers_settle,
    quiz_discard,
    quiz_finish,
    quiz_retry,
    quiz_start,
    typed_answer_match,
)
from .reviews import (
    EARLIEST_REVIEW,
    FUTURE_TOLERANCE,
    OPTIMIZE_CHECK_EVERY,
    OPTIMIZER_COUNTER,
    QUIZ_SLOW_MS,
    STATE_NAMES,
    ReviewResult,
    UndoResult,
    card_get_or_create,
    card_snapshot,
    rating_for_answer,
    review_record,
    review_undo,
    review_undo_last,
)

__all__ = [
    "EARLIEST_REVIEW",
    "FUTURE_TOLERANCE",
    "GradedAnswer",
    "MAX_STEPS",
    "MAX_STEP_SECONDS",
    "OPTIMIZE_CHECK_EVERY",
    "OPTIMIZER_COUNTER",
    "PREFERENCE_FIELDS",
    "QUIZ_MAX_SIZE",
    "QUIZ_SLOW_MS",
    "ReviewError",
    "ReviewResult",
    "STUDY_MORE_MAX",
    "STATE_NAMES",
    "UndoResult",
    "answer_grade",
    "card_get_or_create",
    "card_snapshot",
    "card_suspend",
    "card_unsuspend",
    "cards_reschedule",
    "parameters_optimize",
    "parameters_reset",
    "parse_steps",
    "preferences_get",
    "preferences_update",
    "progress_rebuild",
    "question_card_suspend",
    "quiz_answer",
    "quiz_answer_override",
    "quiz_answers_settle",
    "quiz_discard",
    "quiz_finish",
    "quiz_retry",
    "queue_cards_create",
    "quiz_start",
    "rating_for_answer",
    "review_batch_record",
    "review_record",
    "review_undo",
    "review_undo_last",
    "study_more",
    "study_queue_open",
    "typed_answer_match",
    "users_due_for_fit",
]
