"""Articles, question banks, questions and their choices.

A Question's primary key is its identity: teachers' edits change its fields,
never its id, so students' cards and review logs stay attached. Regeneration
finds a question again by `fingerprint` (a hash of the fact it came from).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from typing import Any, Self, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify


def text_checksum(text: str) -> str:
    """SHA-256 of the text with line endings and outer whitespace normalised,
    so the same article pasted twice is recognised."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Article(models.Model):
    title = models.CharField(max_length=300)
    author = models.CharField(max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(
        "source address",
        max_length=2000,
        blank=True,
        help_text="The web page the article was read from (after redirects).",
    )
    published_on = models.DateField(null=True, blank=True)
    text = models.TextField()
    # Unique per owner (Meta): two teachers may store the same article, and neither
    # learns that the other did.
    checksum = models.CharField(max_length=64, db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "checksum"], name="article_text_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.checksum = text_checksum(self.text)
        super().save(*args, **kwargs)

    def validate_unique(self, exclude: Collection[str] | None = None) -> None:
        """The same text twice for one owner is refused, naming their own copy;
        another owner's copy is never looked at (nor named)."""
        self.checksum = text_checksum(self.text or "")
        if (exclude is None or "text" not in exclude) and self.text:
            clash = article_stored_by(owner=self.created_by, text=self.text)
            if clash is not None and clash.pk != self.pk:
                raise ValidationError({"text": already_stored_message(clash)})
        super().validate_unique(exclude=exclude)

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        # The per-owner constraint is validate_unique's, with its friendlier message.
        super().validate_constraints(exclude={*(exclude or ()), "checksum", "created_by"})


def article_stored_by(*, owner: object, text: str) -> Article | None:
    """The owner's own article with this text (ownerless ones for no owner)."""
    return Article.objects.filter(
        checksum=text_checksum(text), created_by=getattr(owner, "pk", owner)
    ).first()


def already_stored_message(article: Article) -> str:
    return f"You already stored this article as “{article.title}” (#{article.pk})."


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:60]
        super().save(*args, **kwargs)


class BankStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class QuestionBank(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="banks"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="question_banks"
    )
    status = models.CharField(max_length=10, choices=BankStatus, default=BankStatus.DRAFT)
    is_public = models.BooleanField(
        default=False,
        help_text="Published and public: every student sees it. Otherwise only the classes "
        "it is assigned to.",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="banks")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["status", "title"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == BankStatus.PUBLISHED


class BankQuestionCount(models.Model):
    """A bank's published questions, counted by the database: triggers on
    quizzes_question (migration 0011) add each insert, delete and change of status
    or bank, whatever wrote it (services, admin, bulk updates, COPY). Pages read it
    instead of counting a bank's questions (100,000 of them took 150 ms, issue 16).
    Never written by Django; no row while a bank has never had a published question."""

    bank = models.OneToOneField(
        QuestionBank, primary_key=True, on_delete=models.CASCADE, related_name="question_tally"
    )
    published = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.bank_id}: {self.published} published"


class QuestionKind(models.TextChoices):
    WHO_SAID = "who_said", "Who said"
    WHICH_COUNTRY = "which_country", "Which country"
    WHEN = "when", "When"
    CLOZE = "cloze", "Cloze (fill the blank)"
    TRUE_FALSE = "true_false", "True or false"
    ORDERING = "ordering", "Timeline (ordering)"
    FREE_TEXT = "free_text", "Free text"


# Kinds answered by picking exactly one of the choices.
MULTIPLE_CHOICE_KINDS = frozenset(
    {QuestionKind.WHO_SAID, QuestionKind.WHICH_COUNTRY, QuestionKind.WHEN, QuestionKind.TRUE_FALSE}
)


class QuestionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    ARCHIVED = "archived", "Archived"


class QuestionOrigin(models.TextChoices):
    GENERATED = "generated", "Generated"
    AUTHORED = "authored", "Authored"
    IMPORTED = "imported", "Imported"


class QuestionQuerySet(models.QuerySet["Question"]):
    def published(self) -> Self:
        return self.filter(status=QuestionStatus.PUBLISHED, bank__status=BankStatus.PUBLISHED)

    def live(self) -> Self:
        """Everything but archived questions (archived ones keep their history)."""
        return self.exclude(status=QuestionStatus.ARCHIVED)


class Question(models.Model):
    bank = models.ForeignKey(QuestionBank, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=QuestionKind)
    prompt = models.TextField()
    answer = models.TextField(help_text="The canonical correct answer, as shown to students.")
    accepted_answers = models.JSONField(
        default=list,
        blank=True,
        help_text="Other typed answers to accept (cloze and free text), e.g. a surname alone. "
        "Case, accents, punctuation, titles and small typos are forgiven anyway.",
    )
    explanation = models.TextField(blank=True)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=QuestionStatus, default=QuestionStatus.DRAFT)
    origin = models.CharField(
        max_length=10, choices=QuestionOrigin, default=QuestionOrigin.AUTHORED
    )
    difficulty = models.PositiveSmallIntegerField(
        default=2, help_text="1 (easy) to 5 (hard), the author's estimate."
    )
    position = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Hash of the fact the question came from; regeneration matches on it.",
    )
    # What the generator says of its own draft, where it says it: the rule that
    # produced the fact and how sure it is (0-1). The review page shows the least
    # sure first; authored and imported questions have neither.
    rule = models.CharField(max_length=100, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    fact_key = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="The fact a generated question asks about; one fact gives at most two "
        "questions per bank.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    # Set by the admin formset and the authoring API, which check the choices themselves.
    _choices_checked_by_formset: bool = False

    class Meta:
        ordering = ["bank", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "fingerprint"],
                condition=~Q(fingerprint=""),
                name="question_unique_fingerprint_per_bank",
            ),
            models.CheckConstraint(
                condition=Q(evidence_start__isnull=True)
                | Q(evidence_end__isnull=True)
                | Q(evidence_end__gte=models.F("evidence_start")),
                name="question_evidence_span_ordered",
            ),
            models.CheckConstraint(
                condition=Q(difficulty__gte=1) & Q(difficulty__lte=5),
                name="question_difficulty_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True)
                | (Q(confidence__gte=0) & Q(confidence__lte=1)),
                name="question_confidence_0_to_1",
            ),
        ]
        indexes = [
            models.Index(fields=["bank", "status", "kind"]),
            # A bank's published questions in bank order: the study queue's new cards
            # (learning/selectors/queue.py) walk it per bank and stop after a few, and
            # a bank's question count reads it alone, whatever the bank's size.
            models.Index(
                fields=["bank", "position", "id"],
                condition=Q(status=QuestionStatus.PUBLISHED),
                name="question_published_order",
            ),
            # The questions of a fact (sibling_key): the study queue asks which of
            # its candidates' facts the student studied today, from the banks of
            # their articles and their evidence spans, whatever the bank's size.
            models.Index(
                fields=["bank", "evidence_start", "evidence_end"], name="question_bank_span"
            ),
        ]

    def __str__(self) -> str:
        # The prompt alone: it already says what kind of question it is ("Who said: …").
        prompt = " ".join(self.prompt.split())
        return prompt if len(prompt) <= 100 else prompt[:99].rstrip() + "…"

    @property
    def is_multiple_choice(self) -> bool:
        return self.kind in MULTIPLE_CHOICE_KINDS

    @property
    def evidence_text(self) -> str:
        """The article sentence that proves the answer ("" when unknown)."""
        article = self.bank.article
        if article is None or self.evidence_start is None or self.evidence_end is None:
            return ""
        return article.text[self.evidence_start : self.evidence_end]

    def clean(self) -> None:
        from .validation import question_problems

        if (
            self.evidence_start is not None
            and self.evidence_end is not None
            and self.evidence_end < self.evidence_start
        ):
            raise ValidationError({"evidence_end": "The evidence must end after it starts."})
        checked_elsewhere = getattr(self, "_choices_checked_by_formset", False)
        choices = (
            [(c.text, c.is_correct, c.position) for c in self.choices.all()]
            if self.pk and not checked_elsewhere
            else None
        )
        problems = question_problems(
            kind=self.kind,
            status=self.status,
            prompt=self.prompt,
            answer=self.answer,
            choices=choices,
        )
        if problems:
            raise ValidationError(problems)


_Choice = TypeVar("_Choice")


def choices_in_storage_order(
    kind: str,
    choices: Sequence[_Choice],
    *,
    text: Callable[[Any], str] = lambda choice: choice[0],
) -> list[_Choice]:
    """The order to insert choices in. Timeline items are inserted in an order
    unrelated to the answer (a stable hash of their text), so their ids, which
    students see, do not reveal the correct order; `position` keeps the answer."""
    if kind != QuestionKind.ORDERING:
        return list(choices)
    return sorted(choices, key=lambda choice: hashlib.sha256(text(choice).encode()).hexdigest())


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    position = models.PositiveIntegerField(
        default=0, help_text="Display order; for timeline questions, the correct order."
    )
    date_label = models.CharField(
        max_length=80,
        blank=True,
        help_text="Timeline items: when it happened, shown to students after they answer.",
    )

    class Meta:
        ordering = ["question", "position", "id"]

    def __str__(self) -> str:
        return self.text


class ReportReason(models.TextChoices):
    WRONG_ANSWER = "wrong_answer", "The answer is wrong"
    UNCLEAR = "unclear", "The question is unclear"
    TYPO = "typo", "There is a typo"
    OTHER = "other", "Something else"


class QuestionReport(models.Model):
    """A student's flag on a question; its bank's teacher sees it in admin next
    to the question and marks it resolved."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_reports"
    )
    reason = models.CharField(max_length=20, choices=ReportReason)
    comment = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="questionreport_one_open_per_student",
            ),
        ]
        indexes = [models.Index(fields=["question", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on question {self.question_id}"


class GenerationStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class GenerationJob(models.Model):
    """One run of the generator over an article, shown in admin with its outcome."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="generation_jobs")
    bank = models.ForeignKey(
        QuestionBank, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(
        max_length=10, choices=GenerationStatus, default=GenerationStatus.QUEUED
    )
    # What was asked (the API's generate takes a bank title and "publish").
    bank_title = models.CharField(max_length=200, blank=True)
    publish = models.BooleanField(default=False)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    # Runs started: more than one when a worker died and the job was delivered again.
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Generation #{self.pk} of {self.article} ({self.status})"
