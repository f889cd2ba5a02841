"""Cards (per-user FSRS memory state), the append-only review log, study
preferences and quiz attempts.

ReviewLog rows are never updated or deleted by the application: undoing a
review writes a ReviewUndo row and restores the card from the log's snapshot.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

# The admin's two proxies below (BankProgress, AssignmentReport) are other apps'
# rows seen from learning, and a proxy must subclass the model class, which no door
# hands out (tests/test_api_doors.py). They take it from the app registry by name, as
# a foreign key names a model ("quizzes.QuestionBank"; quizzes and classes come
# before learning in INSTALLED_APPS), and use it for nothing else.
if TYPE_CHECKING:
    from classes.api import Assignment
    from quizzes.api import QuestionBank
else:
    Assignment = apps.get_registered_model("classes", "Assignment")
    QuestionBank = apps.get_registered_model("quizzes", "QuestionBank")


def default_learning_steps() -> list[int]:
    return [60, 600]  # seconds: 1 minute, 10 minutes (Anki's defaults)


def default_relearning_steps() -> list[int]:
    return [600]


class StudyPreferences(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_preferences"
    )
    desired_retention = models.FloatField(
        default=0.9, validators=[MinValueValidator(0.7), MaxValueValidator(0.99)]
    )
    new_cards_per_day = models.PositiveIntegerField(
        default=20, validators=[MaxValueValidator(9999)]
    )
    max_reviews_per_day = models.PositiveIntegerField(
        default=200, validators=[MaxValueValidator(99999)]
    )
    learning_steps = models.JSONField(default=default_learning_steps, blank=True)
    relearning_steps = models.JSONField(default=default_relearning_steps, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    day_starts_at_hour = models.PositiveSmallIntegerField(
        default=4, validators=[MaxValueValidator(23)]
    )
    fsrs_parameters = models.JSONField(
        null=True, blank=True, help_text="Fitted FSRS parameters; empty means the defaults."
    )
    parameters_fitted_at = models.DateTimeField(null=True, blank=True)
    parameters_review_count = models.PositiveIntegerField(default=0)
    # Custom study ("study 10 more", as in Anki): new cards added to the daily limit,
    # for the study day `extra_new_day` only.
    extra_new_cards = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(9999)])
    extra_new_day = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "study preferences"
        constraints = [
            models.CheckConstraint(
                condition=Q(desired_retention__gte=0.7) & Q(desired_retention__lte=0.99),
                name="preferences_retention_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Preferences of {self.user}"

    def new_cards_limit_on(self, day: datetime.date) -> int:
        """The day's new-card limit: the daily one, plus what custom study added that day."""
        extra = self.extra_new_cards if self.extra_new_day == day else 0
        return self.new_cards_per_day + extra


class CardState(models.IntegerChoices):
    NEW = 0, "New"
    LEARNING = 1, "Learning"
    REVIEW = 2, "Review"
    RELEARNING = 3, "Relearning"


class CardQuerySet(models.QuerySet["Card"]):
    def bulk_create(self, objs: Iterable[Card], *args: Any, **kwargs: Any) -> list[Card]:
        """Cards with their question's bank copied in (Card.bank), as save() does:
        one query more only for cards whose question is not loaded."""
        objs = list(objs)
        Card.fill_banks(objs)
        return super().bulk_create(objs, *args, **kwargs)


class Card(models.Model):
    """One user's memory of one question. Created lazily when first met."""

    # (no index of its own: (user, question) and (user, state, due) lead with it)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards", db_index=False
    )
    question = models.ForeignKey("quizzes.Question", on_delete=models.CASCADE, related_name="cards")
    # A copy of question.bank (a question never changes bank), set when the card is
    # made (save, bulk_create): due counts and per-bank reads of the cards never look
    # up their questions (issue 16).
    bank = models.ForeignKey("quizzes.QuestionBank", on_delete=models.CASCADE, related_name="+")
    state = models.PositiveSmallIntegerField(choices=CardState, default=CardState.NEW)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    suspended_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the student suspended the card for themself: it never "
        "comes in their study queue until they unsuspend it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="card_unique_user_question"),
        ]
        indexes = [
            models.Index(fields=["user", "due"]),
            # Due counts read the index alone (an index-only scan, whatever the
            # number of due cards): the card's bank and question are in it. The
            # queue's windows of due cards come from it in (due, id) order, the
            # order they are read in: no sort.
            models.Index(
                fields=["user", "state", "due", "id"],
                include=["suspended_at", "bank", "question"],
                name="card_due_with_bank",
            ),
        ]

    def __str__(self) -> str:
        return f"Card {self.pk} of {self.user} ({self.get_state_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.bank_id is None:
            Card.fill_banks([self])
        super().save(*args, **kwargs)

    @staticmethod
    def fill_banks(cards: Iterable[Card]) -> None:
        """Set the bank of cards that have none from their questions (the loaded
        ones; the others' in one query)."""
        missing = [card for card in cards if card.bank_id is None]
        unloaded = set()
        for card in missing:
            if Card.question.is_cached(card):
                card.bank_id = card.question.bank_id
            else:
                unloaded.add(card.question_id)
        if unloaded:
            from quizzes.api import questions_by_ids

            banks = dict(questions_by_ids(list(unloaded)).values_list("id", "bank_id"))
            for card in missing:
                if card.bank_id is None:
                    card.bank_id = banks.get(card.question_id)


class Rating(models.IntegerChoices):
    AGAIN = 1, "Again"
    HARD = 2, "Hard"
    GOOD = 3, "Good"
    EASY = 4, "Easy"


class ReviewSource(models.TextChoices):
    FLASHCARD = "flashcard", "Flashcard"
    QUIZ = "quiz", "Quiz"
    API = "api", "API"


class ReviewLog(models.Model):
    """Append-only: one row per answer. `card_before` is the card's snapshot
    before this review, so undo can restore it exactly."""

    # (no index of their own: (user, reviewed_at) and (card, reviewed_at) lead with
    # them; a review writes two indexes fewer)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_logs",
        db_index=False,
    )
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="logs", db_index=False)
    rating = models.PositiveSmallIntegerField(choices=Rating)
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    client_uuid = models.UUIDField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=ReviewSource, default=ReviewSource.FLASHCARD)
    card_before = models.JSONField()
    # Copied out of card_before for queries (true retention, daily limits).
    state_before = models.PositiveSmallIntegerField(choices=CardState, null=True, blank=True)
    stability_before = models.FloatField(null=True, blank=True)
    state_after = models.PositiveSmallIntegerField(choices=CardState)
    due_after = models.DateTimeField()
    result = models.JSONField(
        default=dict, blank=True, help_text="What the client was told, replayed on a retry."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reviewed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "client_uuid"],
                condition=Q(client_uuid__isnull=False),
                name="reviewlog_unique_client_uuid_per_user",
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=4), name="reviewlog_rating_1_to_4"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "reviewed_at"]),
            models.Index(fields=["card", "reviewed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} rated card {self.card_id} {self.get_rating_display()}"


class ReviewUndo(models.Model):
    """Marks a review as undone without touching the log row itself."""

    log = models.OneToOneField(ReviewLog, on_delete=models.CASCADE, related_name="undo")
    undone_at = models.DateTimeField(auto_now_add=True)
    client_uuid = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        help_text="The client's id for this undo: a retried undo is recognised, not repeated.",
    )

    def __str__(self) -> str:
        return f"Undo of review {self.log_id}"


class StudyDay(models.Model):
    """A user's reviews (not undone) on one study day, counted as the progress
    pages show them: the streak, heatmap and daily figures read these rows, never
    the log. Kept in the same transaction as every review write (answer, undo,
    late and offline reviews); the day is the study day in the user's current
    time zone and day start (a change of either re-keys their rows). The log stays
    the source of truth: `manage.py rebuild_progress` recounts them."""

    # (no index of its own: the unique (user, day) leads with it)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    day = models.DateField()
    # Plain integers (no CHECK >= 0): an undo adds -1 in one INSERT ... ON CONFLICT.
    reviews = models.IntegerField(default=0)
    new = models.IntegerField(default=0, help_text="Answers to new cards.")
    graded = models.IntegerField(
        default=0, help_text="Answers to cards due for review (state before: review)."
    )
    passed = models.IntegerField(default=0, help_text="Of those, remembered (not Again).")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="studyday_unique_user_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.day}: {self.reviews} reviews"


class BankTally(models.Model):
    """One user's cards of one bank due on one study day (`due_day`), counted by
    memory state, with their strength (the sum of min(1, stability / 21 days) over
    cards in review or relearning, in millionths) and how many count as due
    (started, not suspended); and, on day 0001-01-01 (tallies.TOTALS), the bank's
    totals row: every card of the bank counted (the cards never due, new ones set
    aside and suspended ones, only there; `due` 0). The mastery and card counts of
    home and progress read the totals row alone, the due counts and forecast the
    day rows: a few rows whatever the number of cards or the length of the history
    (issue 16). Kept in the same transaction and statement as every write that
    changes a card's state, due date or suspension (a card moves from its old due
    day's row to its new one, the totals row takes the difference); `manage.py
    rebuild_progress` recounts them from the cards. The rows of the days before
    yesterday are folded into yesterday's on the first read of a study day
    (tallies.fold_past_due_days): the reads sum every row due before today, one per
    bank then."""

    # (no index of its own: the unique (user, bank, due_day) leads with the user,
    # banktally_bank_user_day with the bank)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    bank = models.ForeignKey(
        "quizzes.QuestionBank", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    due_day = models.DateField(default=datetime.date(1, 1, 1))
    learning = models.IntegerField(default=0)
    young = models.IntegerField(default=0)
    mature = models.IntegerField(default=0)
    suspended_new = models.IntegerField(default=0)
    strength = models.BigIntegerField(default=0)
    due = models.IntegerField(default=0, help_text="Cards that count as due on due_day.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "bank", "due_day"], name="banktally_unique_user_bank_day"
            ),
        ]
        indexes = [
            # A user's totals rows and the rows of past days (folded: about one a
            # bank), read by the progress pages without the rows of days to come
            # (a bank has one per future due day: ~1,500 in a long history).
            models.Index(fields=["user", "due_day"], name="banktally_user_day"),
            # A bank's rows (its deletion's cascade), in place of the bank's own
            # index: a read of one user's rows of a bank never walks every
            # student's rows of the bank through it, whatever statistics the
            # planner has (a single-column index on the bank was its pick on
            # PostgreSQL once a table's statistics said it was small).
            models.Index(fields=["bank", "user", "due_day"], name="banktally_bank_user_day"),
            # The study queue's learning count (cards in learning due by today) sums
            # only the rows holding a learning card: the rows of every past due day
            # (overdue reviews: one per bank and day, growing with the student's
            # history) stay out of its read. Not zero rather than above: a row of a
            # folded day (tallies.fold_past_due_days) that a review made again holds
            # what left it, below zero. The bank and the learning count are in it:
            # the sum reads the index alone.
            models.Index(
                fields=["user", "due_day", "bank", "learning"],
                condition=~models.Q(learning=0),
                name="banktally_learning_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in bank {self.bank_id} due {self.due_day}"


class QuizTally(models.Model):
    """One user's finished quizzes of one bank: how many, the best score, and the
    last scores (tallies.RECENT_QUIZZES of them; `recent`: [attempt id, finished at (ISO), score], oldest
    first; the last is the latest). The progress summary reads these rows, one per
    bank, never the attempts, so it costs the same after 5 quizzes or 5,000. Kept in
    the same transaction as finishing a quiz (learning.tallies.quiz_tally_add);
    `manage.py rebuild_progress` recounts them from the attempts."""

    # (no index of its own: the unique (user, bank) leads with it)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    bank = models.ForeignKey("quizzes.QuestionBank", on_delete=models.CASCADE, related_name="+")
    finished = models.IntegerField(default=0, help_text="Finished quizzes (of any size > 0).")
    best = models.FloatField(default=0.0, help_text="The best score, 0-100.")
    recent = models.JSONField(
        default=list, help_text="The last scores, oldest first: [attempt id, finished at, score]."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "bank"], name="quiztally_unique_user_bank"),
        ]

    def __str__(self) -> str:
        return f"{self.user}'s quizzes of bank {self.bank_id}"


class QuizMode(models.TextChoices):
    RANDOM = "random", "Random"
    DUE_FIRST = "due_first", "Due first"


class QuizAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    bank = models.ForeignKey(
        "quizzes.QuestionBank", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    mode = models.CharField(max_length=10, choices=QuizMode, default=QuizMode.RANDOM)
    question_ids = models.JSONField(default=list, help_text="The questions asked, in order.")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    correct_count = models.PositiveIntegerField(default=0)
    retry_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retries",
        help_text="The quiz whose missed questions this one asks again (practice: "
        "an assignment's quiz goal does not count it).",
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["user", "-started_at"])]

    def __str__(self) -> str:
        return f"Quiz {self.pk} on {self.bank} by {self.user}"

    @property
    def size(self) -> int:
        return len(self.question_ids)


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "quizzes.Question", on_delete=models.CASCADE, related_name="quiz_answers"
    )
    choice = models.ForeignKey(
        "quizzes.Choice", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_text = models.TextField(blank=True)
    given_order = models.JSONField(
        null=True, blank=True, help_text="Choice ids, in the order given."
    )
    is_correct = models.BooleanField()
    held = models.BooleanField(
        default=False,
        help_text="A typed answer marked wrong and not logged yet: the student may still "
        "say they were right. Logged (as a miss) when they go on.",
    )
    overridden = models.BooleanField(
        default=False, help_text="Marked wrong, then the student said they were right."
    )
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    answered_at = models.DateTimeField()
    review = models.ForeignKey(
        ReviewLog, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["attempt", "answered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="quizanswer_one_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id} in quiz {self.attempt_id}"


class BankProgress(QuestionBank):
    """Admin's "Student progress" page per bank (a proxy: no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = "student progress"
        verbose_name_plural = "student progress"


class AssignmentReport(Assignment):
    """Admin's "Assignment reports": a class's progress and the item analysis of
    one assignment (a proxy: no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = "assignment report"
        verbose_name_plural = "assignment reports"
