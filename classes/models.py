"""Classes (a teacher's group of students, joined by a code) and assignments
(a published bank handed to a class, with dates and what counts as done).

Leaving a class deletes the membership only: the student's cards, reviews and
quiz attempts belong to `learning` and stay as they are.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact

# Unambiguous characters only: no 0/O, 1/I/L, so a code read aloud or copied
# from a board is typed right (the set Crockford's base32 avoids, less U/V).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
QUIZ_MAX_LENGTH = 100  # learning's QUIZ_MAX_SIZE: one quiz asks at most this many


class Classroom(models.Model):
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="classrooms_taught"
    )
    join_code = models.CharField(
        max_length=JOIN_CODE_LENGTH,
        unique=True,
        help_text="Students join with it; rotate it to stop an old code from working.",
    )
    join_open = models.BooleanField(
        default=True, help_text="Closed: nobody can join with the code or the link."
    )
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="classrooms",
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "class"
        verbose_name_plural = "classes"
        constraints = [
            models.CheckConstraint(
                condition=Exact(Length("join_code"), JOIN_CODE_LENGTH),
                name="classroom_join_code_length",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="classroom_name_not_empty"),
        ]
        indexes = [models.Index(fields=["teacher", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def join_code_display(self) -> str:
        """ABCD-EFGH: easier to read out than eight letters in a row."""
        half = len(self.join_code) // 2
        return f"{self.join_code[:half]}-{self.join_code[half:]}"


class Membership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_memberships"
    )
    joined_at = models.DateTimeField()

    class Meta:
        ordering = ["classroom", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "student"], name="membership_unique_student_per_class"
            ),
        ]
        indexes = [models.Index(fields=["student", "classroom"])]

    def __str__(self) -> str:
        return f"{self.student} in {self.classroom}"


class Assignment(models.Model):
    """A bank handed to a class. Done means: a quiz of `quiz_length` questions
    scored at least `pass_mark` percent, and/or every card studied once
    (`all_cards`); at least one of the two is required."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    bank = models.ForeignKey(
        "quizzes.QuestionBank", on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_at = models.DateTimeField(
        null=True, blank=True, help_text="Students see it from then on (empty: at once)."
    )
    due_at = models.DateTimeField(null=True, blank=True)
    quiz_length = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(QUIZ_MAX_LENGTH)],
        help_text="Done after a quiz of this many questions… (empty: no quiz needed)",
    )
    pass_mark = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="…scored at least this percentage.",
    )
    all_cards = models.BooleanField(
        default=False, help_text="Done once every card of the bank has been studied at least once."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["classroom", "due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "bank"], name="assignment_unique_bank"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(due_at__isnull=True)
                | Q(due_at__gt=F("starts_at")),
                name="assignment_due_after_start",
            ),
            models.CheckConstraint(
                condition=Q(quiz_length__isnull=True, pass_mark__isnull=True)
                | Q(
                    quiz_length__isnull=False,
                    pass_mark__isnull=False,
                    quiz_length__gte=1,
                    quiz_length__lte=QUIZ_MAX_LENGTH,
                    pass_mark__gte=0,
                    pass_mark__lte=100,
                ),
                name="assignment_quiz_length_and_pass_mark",
            ),
            models.CheckConstraint(
                condition=Q(quiz_length__isnull=False) | Q(all_cards=True),
                name="assignment_has_a_goal",
            ),
        ]
        indexes = [models.Index(fields=["bank", "classroom"])]

    def __str__(self) -> str:
        return f"{self.bank} for {self.classroom}"
