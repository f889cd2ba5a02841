"""Writes of the content side: one entry point per action, shared by admin,
API, commands and tasks. Each runs in one transaction."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from . import webpages
from .models import (
    Article,
    BankStatus,
    Choice,
    GenerationJob,
    GenerationStatus,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionOrigin,
    QuestionReport,
    QuestionStatus,
    ReportReason,
    already_stored_message,
    article_stored_by,
    choices_in_storage_order,
)
from .permissions import banks_studyable_by

if TYPE_CHECKING:
    from django.contrib.auth.models import User


logger = logging.getLogger(__name__)


@dataclass
class StatusChangeResult:
    changed: int = 0
    refused: list[tuple[Question, str]] = field(default_factory=list)


@dataclass
class BankPublishResult:
    published: int = 0
    incomplete: list[tuple[Question, str]] = field(default_factory=list)


def _problems_text(error: ValidationError) -> str:
    return "; ".join(
        f"{message}" for messages in error.message_dict.values() for message in messages
    )


@transaction.atomic
def question_set_status(*, questions: QuerySet[Question], status: str) -> StatusChangeResult:
    """Publish, return to draft or reject questions. A question is published
    only when complete; incomplete ones are reported and left as they were."""
    if status not in QuestionStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    result = StatusChangeResult()
    for question in questions.select_for_update().prefetch_related("choices"):
        if question.status == status:
            continue
        if status == QuestionStatus.PUBLISHED:
            previous = question.status
            question.status = status
            try:
                question.full_clean()
            except ValidationError as error:
                question.status = previous
                result.refused.append((question, _problems_text(error)))
                continue
        question.status = status
        question.save(update_fields=["status", "updated_at"])
        result.changed += 1
    return result


@transaction.atomic
def question_archive(*, question: Question) -> Question:
    """Deleting a question archives it: cards and review history stay."""
    question.status = QuestionStatus.ARCHIVED
    question.save(update_fields=["status", "updated_at"])
    return question


@transaction.atomic
def bank_publish(*, bank: QuestionBank, user: User | None = None) -> BankPublishResult:
    """Publish a bank and every complete draft question in it."""
    drafts = bank.questions.filter(status=QuestionStatus.DRAFT)
    status_result = question_set_status(questions=drafts, status=QuestionStatus.PUBLISHED)
    bank.status = BankStatus.PUBLISHED
    bank.save(update_fields=["status", "updated_at"])
    published = bank.questions.filter(status=QuestionStatus.PUBLISHED).count()
    return BankPublishResult(published=published, incomplete=status_result.refused)


@transaction.atomic
def bank_set_status(*, banks: QuerySet[QuestionBank], status: str) -> int:
    return banks.update(status=status, updated_at=timezone.now())


# Articles in, question banks out ------------------------------------------------

ARTICLE_UPLOAD_SUFFIXES = ("", ".txt", ".md", ".text")
HTML_UPLOAD_SUFFIXES = (".html", ".htm")


class ArticleInputError(ValueError):
    """Bad article input: `field` names what is wrong, `message` says why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(2, len(text) // 100)


def article_text_clean(text: str, *, field: str = "text") -> str:
    """The text as stored: line endings normalised, outer whitespace removed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ArticleInputError(field, "The article is empty.")
    if _looks_binary(text):
        raise ArticleInputError(field, "This file is binary, not text.")
    size = len(text.encode("utf-8"))
    if size > settings.ARTICLE_MAX_BYTES:
        raise ArticleInputError(
            field, f"The text is {size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}."
        )
    return text


def article_text_from_upload(*, data: bytes, filename: str | None) -> str:
    """The text of an uploaded (or command-line) article file: UTF-8 plain
    text or Markdown, at most ARTICLE_MAX_BYTES. Raises ArticleInputError."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ARTICLE_UPLOAD_SUFFIXES:
        raise ArticleInputError("upload", "Upload a .txt or .md file.")
    if len(data) > settings.ARTICLE_MAX_BYTES:
        raise ArticleInputError(
            "upload",
            f"The file is {len(data):,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}.",
        )
    if not data.strip():
        raise ArticleInputError("upload", "The file is empty.")
    if b"\x00" in data:
        raise ArticleInputError("upload", "This file is binary, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleInputError("upload", "The file is not UTF-8 text.") from exc
    return article_text_clean(text, field="upload")


def _title_from_text(text: str) -> str:
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first_line) <= 120:
        return first_line
    return first_line[:117].rsplit(" ", 1)[0] + "…"


def is_html_upload(filename: str | None) -> bool:
    return PurePath(filename or "").suffix.lower() in HTML_UPLOAD_SUFFIXES


def _found_article(found: webpages.FoundArticle, *, field: str) -> webpages.FoundArticle:
    """The page's text as an article's text must be (the same rules as pasted text)."""
    return replace(found, text=article_text_clean(found.text, field=field))


def article_find_at_url(*, url: str) -> webpages.FoundArticle:
    """Fetch a news page (quizzes.webpages guards the request) and read its text,
    title, author, site name and publication date. Writes nothing: the teacher
    checks what was found before storing it. ArticleInputError("url", ...)."""
    try:
        page = webpages.page_fetch(
            url,
            allow_private=settings.ARTICLE_FETCH_ALLOW_PRIVATE,
            timeout=settings.ARTICLE_FETCH_TIMEOUT,
            max_bytes=settings.ARTICLE_PAGE_MAX_BYTES,
        )
        found = webpages.article_read(page.body, url=page.url, charset=page.charset)
    except webpages.PageError as error:
        raise ArticleInputError("url", error.message) from error
    return _found_article(found, field="url")


def article_find_in_html(
    *, data: bytes, filename: str | None, url: str = ""
) -> webpages.FoundArticle:
    """The same as article_find_at_url for a page saved as an .html file."""
    if not is_html_upload(filename):
        raise ArticleInputError("upload", "Upload a saved web page (.html or .htm).")
    if len(data) > settings.ARTICLE_PAGE_MAX_BYTES:
        raise ArticleInputError(
            "upload",
            f"The page is {len(data):,} bytes; the limit is {settings.ARTICLE_PAGE_MAX_BYTES:,}.",
        )
    try:
        found = webpages.article_read(data, url=url)
    except webpages.PageError as error:
        raise ArticleInputError("upload", error.message) from error
    return _found_article(found, field="upload")


@transaction.atomic
def article_create(
    *,
    text: str,
    title: str = "",
    author: str = "",
    publisher: str = "",
    url: str = "",
    published_on: date | None = None,
    created_by: User | None = None,
) -> Article:
    """Store an article. Refuses empty, binary, oversized text or text this owner
    already stored (ArticleInputError naming the field; another teacher's copy
    neither blocks nor shows); the title defaults to the first line."""
    text = article_text_clean(text)
    clash = article_stored_by(owner=created_by, text=text)
    if clash is not None:  # only the caller's own copy: others' are private to them
        raise ArticleInputError("text", already_stored_message(clash))
    article = Article(
        text=text,
        title=(title or "").strip()[:300] or _title_from_text(text),
        author=(author or "").strip()[:200],
        publisher=publisher,
        url=url,
        published_on=published_on,
        created_by=created_by,
    )
    try:
        article.full_clean()
    except ValidationError as error:
        field_name, messages = next(iter(error.message_dict.items()))
        raise ArticleInputError(field_name, " ".join(messages)) from error
    article.save()
    return article


@dataclass
class GenerationResult:
    bank: QuestionBank
    created: int = 0
    kept: int = 0
    skipped_rejected: int = 0
    skipped_fact_limit: int = 0
    counts_by_kind: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "bank": self.bank.pk,
            "bank_title": self.bank.title,
            "created": self.created,
            "kept": self.kept,
            "skipped_rejected": self.skipped_rejected,
            "skipped_fact_limit": self.skipped_fact_limit,
            "counts_by_kind": dict(self.counts_by_kind),
            "facts": dict(self.facts),
        }

    def summary(self) -> str:
        return generation_summary(self.as_dict())


def generation_summary(counts: dict[str, Any]) -> str:
    """One sentence from GenerationResult.as_dict() (also a GenerationJob's counts)."""
    by_kind = counts.get("counts_by_kind") or {}
    kinds = ", ".join(  # in QuestionKind order (jsonb does not keep key order)
        f"{by_kind[kind]} {QuestionKind(kind).label.lower()}"
        for kind in QuestionKind.values
        if by_kind.get(kind)
    )
    text = f"{counts.get('created', 0)} new draft question(s)" + (f" ({kinds})" if kinds else "")
    text += f", {counts.get('kept', 0)} kept"
    if counts.get("skipped_rejected"):
        text += f", {counts['skipped_rejected']} rejected or archived not re-added"
    if counts.get("skipped_fact_limit"):
        text += f", {counts['skipped_fact_limit']} not added: their fact already has two questions"
    return f"{text} in “{counts.get('bank_title', '')}”."


def _confidence(value: Any) -> float | None:
    """A draft's confidence as stored: a number from 0 to 1, else none."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return min(1.0, max(0.0, number)) if number == number else None  # NaN: none


def people_of_owner(*, owner: User | None, exclude_bank: QuestionBank) -> list[str]:
    """Speakers from the owner's other banks: names known to be people (who-said) and
    the pool a teacher picks wrong options from; never generated who-said options."""
    return list(
        Question.objects.filter(bank__owner=owner, kind=QuestionKind.WHO_SAID)
        .exclude(bank=exclude_bank)
        .exclude(status__in=[QuestionStatus.REJECTED, QuestionStatus.ARCHIVED])
        .values_list("answer", flat=True)
        .distinct()
        .order_by("answer")[:200]
    )


def _bank_for(*, article: Article, user: User, bank_title: str | None) -> QuestionBank:
    banks = QuestionBank.objects.select_for_update().filter(article=article, owner=user)
    if bank_title:
        banks = banks.filter(title=bank_title)
    bank = banks.order_by("id").first()
    if bank is None:
        bank = QuestionBank.objects.create(
            title=(bank_title or article.title)[:200],
            description=f"Questions generated from “{article.title}”."[:1000],
            article=article,
            owner=user,
        )
    return bank


def bank_generate(
    *, article: Article, user: User | None, bank_title: str | None = None, publish: bool = False
) -> GenerationResult:
    """Create or update the user's bank for an article with generated draft
    questions. Idempotent: questions are matched by fingerprint, existing ones
    (teacher edits, review history) are left alone, rejected or archived ones
    are not re-added. All or nothing. Raises ArticleInputError when the
    article yields no quotes, countries or dates."""
    from .extraction import extract
    from .generation import generate_questions
    from .generation.quality import FACT_LIMIT

    if user is None:
        raise ArticleInputError("user", "A bank needs an owner.")
    facts = extract(
        article.text, published=article.published_on
    )  # CPU work, outside the transaction
    if facts.is_empty():
        raise ArticleInputError(
            "text",
            "No quotes, countries or dates were found in this article, so there is nothing "
            "to ask about.",
        )
    with transaction.atomic():
        # One generation per article at a time: a job delivered twice, or two
        # requests at once, must not both create the bank or the same questions.
        list(Article.objects.select_for_update().filter(pk=article.pk).values_list("pk"))
        bank = _bank_for(article=article, user=user, bank_title=bank_title)
        drafts = generate_questions(
            facts,
            article_text=article.text,
            other_people=people_of_owner(owner=user, exclude_bank=bank),
            published=article.published_on,
        )
        result = GenerationResult(
            bank=bank,
            facts={
                "quotes": len(facts.quotes),
                "countries": len(facts.countries),
                "events": len(facts.events),
            },
        )
        rows = list(bank.questions.values_list("fingerprint", "status", "fact_key"))
        existing = {fingerprint: status for fingerprint, status, _ in rows if fingerprint}
        # One fact gives at most FACT_LIMIT questions per bank, counting what the bank
        # already holds (rejected and archived questions aside).
        per_fact = Counter(
            fact_key
            for _, status, fact_key in rows
            if fact_key and status not in (QuestionStatus.REJECTED, QuestionStatus.ARCHIVED)
        )
        position = (bank.questions.aggregate(top=Max("position"))["top"] or 0) + 1
        new_questions, new_choices = [], []
        for draft in drafts:
            if draft.fingerprint in existing:
                if existing[draft.fingerprint] in (
                    QuestionStatus.REJECTED,
                    QuestionStatus.ARCHIVED,
                ):
                    result.skipped_rejected += 1
                else:
                    result.kept += 1
                continue
            if draft.fact_key and per_fact[draft.fact_key] >= FACT_LIMIT:
                result.skipped_fact_limit += 1
                continue
            per_fact[draft.fact_key] += 1
            question = Question(
                bank=bank,
                kind=draft.kind,
                prompt=draft.prompt,
                answer=draft.answer,
                accepted_answers=draft.accepted_answers,
                explanation=draft.explanation,
                evidence_start=draft.evidence_start,
                evidence_end=draft.evidence_end,
                status=QuestionStatus.DRAFT,
                origin=QuestionOrigin.GENERATED,
                difficulty=draft.difficulty,
                position=position,
                fingerprint=draft.fingerprint,
                # Where the generator says which rule made the draft and how sure it is.
                rule=str(getattr(draft, "rule", "") or "")[:100],
                confidence=_confidence(getattr(draft, "confidence", None)),
                fact_key=draft.fact_key,
            )
            position += 1
            new_questions.append(question)
            new_choices.append((draft.choices, draft.choice_dates))
            result.counts_by_kind[draft.kind] = result.counts_by_kind.get(draft.kind, 0) + 1
        created = Question.objects.bulk_create(new_questions)
        Choice.objects.bulk_create(
            Choice(
                question=question,
                text=text,
                is_correct=is_correct,
                position=pos,
                date_label=dates.get(text, ""),
            )
            for question, (choices, dates) in zip(created, new_choices, strict=True)
            for text, is_correct, pos in choices_in_storage_order(question.kind, choices)
        )
        result.created = len(created)
        if publish and (result.created or bank.status != BankStatus.PUBLISHED):
            bank_publish(bank=bank, user=user)
            bank.refresh_from_db()
    return result


# Generation jobs: the admin's "Generate questions" and the API's generate go through
# these, so a background worker can run them (quizzes/jobs.py decides where).


def generation_request(
    *, article: Article, user: User, bank_title: str | None = None, publish: bool = False
) -> GenerationJob:
    """Record a generation job for the article and run it: in a Celery worker once
    the transaction commits when CELERY_BROKER_URL is set (the job is returned
    queued), inline otherwise (returned done or failed). See quizzes/jobs.py."""
    from .jobs import generation_enqueue

    job = GenerationJob.objects.create(
        article=article,
        requested_by=user,
        status=GenerationStatus.QUEUED,
        bank_title=(bank_title or "")[:200],
        publish=publish,
    )
    generation_enqueue(job_id=job.pk)
    job.refresh_from_db()
    return job


def _generation_claim(*, job_id: int) -> tuple[GenerationJob, int | None]:
    """Mark the job running for one more attempt; None when it must not run: it
    ended already (a message delivered twice), or it lost its worker too often."""
    now = timezone.now()
    with transaction.atomic():
        job = GenerationJob.objects.select_for_update().get(pk=job_id)
        if job.status in (GenerationStatus.DONE, GenerationStatus.FAILED):
            return job, None
        if job.attempts >= settings.GENERATION_MAX_ATTEMPTS:
            job.status, job.finished_at = GenerationStatus.FAILED, now
            job.error = (
                f"The worker stopped {job.attempts} times while running this job; "
                "it is not run again by itself."
            )
            job.save(update_fields=["status", "error", "finished_at"])
            return job, None
        job.status, job.started_at = GenerationStatus.RUNNING, now
        job.attempts += 1
        job.save(update_fields=["status", "started_at", "attempts"])
        return job, job.attempts


def generation_run(*, job_id: int) -> GenerationJob:
    """Run one generation job: running -> done (counts) or failed (the reason).

    Safe to run again for the same job, as a redelivered message does: a job that
    ended is left as it is; one left running by a dead worker runs again
    (bank_generate is idempotent), at most GENERATION_MAX_ATTEMPTS times. Only the
    latest attempt records its outcome."""
    from celery.exceptions import SoftTimeLimitExceeded

    job, attempt = _generation_claim(job_id=job_id)
    if attempt is None:
        return job
    job = GenerationJob.objects.select_related("article", "requested_by").get(pk=job_id)
    outcome: dict[str, Any] = {"bank": None, "counts": {}, "error": ""}
    try:
        result = bank_generate(
            article=job.article,
            user=job.requested_by or job.article.created_by,
            bank_title=job.bank_title or None,
            publish=job.publish,
        )
    except ArticleInputError as error:
        outcome.update(status=GenerationStatus.FAILED, error=error.message)
    except SoftTimeLimitExceeded:
        outcome.update(
            status=GenerationStatus.FAILED,
            error=f"Generation took longer than {settings.GENERATION_SOFT_TIME_LIMIT} s.",
        )
    except Exception as error:  # recorded for the teacher, logged for us
        logger.exception("Generation job %s failed", job.pk)
        outcome.update(status=GenerationStatus.FAILED, error=f"Generation failed: {error}")
    else:
        outcome.update(status=GenerationStatus.DONE, bank=result.bank, counts=result.as_dict())
    GenerationJob.objects.filter(pk=job.pk, attempts=attempt).update(
        finished_at=timezone.now(), **outcome
    )
    job.refresh_from_db()
    return job


# Reports of bad questions -----------------------------------------------------

REPORT_COMMENT_MAX = 1000


class QuestionReportError(ValueError):
    """A report that cannot be taken: `field` names what is wrong, `message` says why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def question_report_create(
    *, user: User, question_id: Any, reason: str, comment: str = ""
) -> QuestionReport:
    """A student flags a question they were shown (published, in a published bank).
    One open report per student and question: reporting again updates it."""
    try:
        question_id = int(question_id)
    except (TypeError, ValueError):
        raise QuestionReportError("question", "Which question?") from None
    if reason not in ReportReason.values:
        raise QuestionReportError("reason", "Choose what is wrong with the question.")
    comment = (comment or "").strip()
    if len(comment) > REPORT_COMMENT_MAX:
        raise QuestionReportError(
            "comment", f"Keep the comment under {REPORT_COMMENT_MAX} characters."
        )
    if reason == ReportReason.OTHER and not comment:
        raise QuestionReportError("comment", "Say in a few words what is wrong.")
    question = (
        Question.objects.published()
        .filter(pk=question_id, bank__in=banks_studyable_by(user))
        .first()
    )
    if question is None:
        raise QuestionReportError("question", "That question is not available.")
    with transaction.atomic():
        report, _ = QuestionReport.objects.update_or_create(
            question=question,
            reporter=user,
            resolved_at=None,
            defaults={"reason": reason, "comment": comment},
        )
    return report
