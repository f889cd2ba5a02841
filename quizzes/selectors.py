"""Reads of the content side, shared by admin, HTML and API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from config.prepared_sql import prepared_rows

from .generation.quality import QuizQuestion, quiz_selection
from .models import (
    Article,
    BankQuestionCount,
    BankStatus,
    Choice,
    GenerationJob,
    Question,
    QuestionBank,
    QuestionStatus,
)
from .permissions import banks_studyable_by, banks_visible_to, generation_jobs_visible_to
from .question_rows import question_filter

if TYPE_CHECKING:
    from .permissions import AnyUser


@dataclass(frozen=True)
class EvidenceInParagraph:
    before: str
    evidence: str
    after: str
    paragraph_index: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph (a line or block between newlines)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def evidence_in_paragraph(
    text: str, start: int | None, end: int | None
) -> EvidenceInParagraph | None:
    """Split the paragraph holding [start, end) into before / evidence / after,
    for highlighting the evidence inside its paragraph."""
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return None
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        if p_start <= start <= p_end:
            stop = max(min(end, p_end), start)
            return EvidenceInParagraph(
                before=text[p_start:start],
                evidence=text[start:stop],
                after=text[stop:p_end],
                paragraph_index=index,
            )
    return None


def published_question_count(bank_ref: str = "pk") -> Coalesce:
    """The published questions of the bank `bank_ref` names (a bank's key in the
    outer query): a scalar subquery on BankQuestionCount, the count the database
    keeps (a read of one row, never of the bank's questions)."""
    counted = BankQuestionCount.objects.filter(bank_id=OuterRef(bank_ref)).values("published")
    return Coalesce(Subquery(counted[:1]), 0)


def bank_published_counts(bank_ids: Iterable[int]) -> dict[int, int]:
    """Bank id -> its published questions (banks without any are left out), for
    published banks. One query on BankQuestionCount."""
    return dict(
        BankQuestionCount.objects.filter(
            bank_id__in=list(bank_ids), bank__status=BankStatus.PUBLISHED
        ).values_list("bank_id", "published")
    )


def _with_question_count(banks: QuerySet[QuestionBank]) -> QuerySet[QuestionBank]:
    return (
        banks.select_related("article", "owner")
        .annotate(question_count=published_question_count())
        .order_by("title", "id")
    )


def bank_list_for_user(*, user: AnyUser) -> QuerySet[QuestionBank]:
    """The banks `user` may see (permissions.banks_visible_to: a teacher's own
    drafts too), with question_count."""
    return _with_question_count(banks_visible_to(user))


def bank_list_studyable(*, user: AnyUser) -> QuerySet[QuestionBank]:
    """The published banks `user` may study and quiz (permissions.banks_studyable_by),
    with question_count."""
    return _with_question_count(banks_studyable_by(user))


@dataclass(frozen=True)
class StudyableBank:
    """A bank a student may study, as their home page lists it (bank_rows_studyable)."""

    pk: int
    title: str
    description: str
    article_id: int | None
    status: str
    question_count: int


_STUDYABLE_ROW = ("id", "title", "description", "article_id", "status", "question_count")


def _studyable_rows_query(*, user: int, now: datetime) -> QuerySet[Any]:
    student = get_user_model()(pk=user)  # (a student: nothing else of them is read)
    return _with_question_count(banks_studyable_by(student, now)).values_list(*_STUDYABLE_ROW)


def bank_rows_studyable(*, user: AnyUser) -> list[StudyableBank]:
    """bank_list_studyable's banks as rows, by title (one query): for a student the
    statement is compiled once per process (the home page's, on every visit); a
    teacher's (their own banks too) is built each time."""
    if user.is_authenticated and not (user.is_staff or user.is_superuser):
        rows = prepared_rows(
            ("home.banks",), _studyable_rows_query, user=user.pk, now=timezone.now()
        )
    else:
        rows = list(bank_list_studyable(user=user).values_list(*_STUDYABLE_ROW))
    return [StudyableBank(*row) for row in rows]


def question_list_published(*, bank: QuestionBank) -> QuerySet[Question]:
    return (
        Question.objects.filter(bank=bank, status=QuestionStatus.PUBLISHED)
        .prefetch_related("choices")
        .order_by("position", "id")
    )


# The review page ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewQueue:
    """A bank's questions in review order and where one of them stands in it."""

    questions: list[Question]
    counts: dict[str, int]  # status -> how many

    def index_of(self, question_id: int | None) -> int | None:
        return next((i for i, q in enumerate(self.questions) if q.pk == question_id), None)

    def first_draft_from(self, index: int) -> Question | None:
        """The next draft at or after `index`, wrapping round; None when none is left."""
        count = len(self.questions)
        for step in range(count):
            question = self.questions[(index + step) % count]
            if question.status == QuestionStatus.DRAFT:
                return question
        return None


def bank_review_queue(*, bank: QuestionBank) -> ReviewQueue:
    """Every live question of the bank (drafts, published and rejected), the
    generator's least sure first (questions without a confidence after), then in
    bank order; choices in display order. Two queries."""
    questions = list(
        bank.questions.live()
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "id")))
        .order_by(F("confidence").asc(nulls_last=True), "position", "id")
    )
    counts: dict[str, int] = dict.fromkeys(["draft", "published", "rejected"], 0)
    for question in questions:
        counts[question.status] = counts.get(question.status, 0) + 1
    return ReviewQueue(questions=questions, counts=counts)


@dataclass(frozen=True)
class ArticleText:
    """An article's id and text: where a question's evidence is found."""

    pk: int
    text: str


@dataclass(frozen=True)
class TeacherBank:
    """A bank as its teacher previews it: what the preview pages show of it."""

    pk: int
    title: str
    status: str
    article: ArticleText | None


def teacher_bank_row(bank: QuestionBank) -> TeacherBank:
    """The row of a bank read with its article (no query)."""
    article = bank.article
    return TeacherBank(
        pk=bank.pk,
        title=bank.title,
        status=bank.status,
        article=None if article is None else ArticleText(pk=article.pk, text=article.text),
    )


@dataclass(frozen=True)
class StudentBank:
    """A bank as a student studies or quizzes it: what the study pages show of it
    and what the study queue and a quiz's start need."""

    pk: int
    title: str
    status: str
    article: ArticleText | None

    @property
    def article_id(self) -> int | None:
        return None if self.article is None else self.article.pk


def student_bank_row(bank: QuestionBank) -> StudentBank:
    """The row of a bank read with its article (no query)."""
    row = teacher_bank_row(bank)
    return StudentBank(pk=row.pk, title=row.title, status=row.status, article=row.article)


@dataclass(frozen=True)
class StudentArticle:
    """An article as its page shows it to a reader: title, source and text."""

    pk: int
    title: str
    publisher: str
    published_on: date | None
    url: str
    text: str


def student_article_row(article: Article) -> StudentArticle:
    return StudentArticle(
        pk=article.pk,
        title=article.title,
        publisher=article.publisher,
        published_on=article.published_on,
        url=article.url,
        text=article.text,
    )


def question_list_for_preview(*, bank_id: int) -> tuple[list[Question], bool]:
    """What students get from the bank once it is published: its published questions,
    in bank order. Before the teacher has accepted any, the drafts instead (the
    second value says so). Rejected and archived questions never."""
    questions = (
        Question.objects.filter(bank_id=bank_id)
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "id")))
        .order_by("position", "id")
    )
    published = list(questions.filter(status=QuestionStatus.PUBLISHED))
    if published:
        return published, False
    return list(questions.filter(status=QuestionStatus.DRAFT)), True


# What a student reads of an article -----------------------------------------------


@dataclass(frozen=True)
class EvidenceSpan:
    question_id: int
    start: int
    end: int
    paragraph_index: int | None


@dataclass(frozen=True)
class BankArticle:
    """A published bank's article as a student reads it: its text, its paragraphs
    (offsets into the text) and the evidence span of each published question."""

    article: Article
    paragraphs: list[tuple[int, int]]
    evidence: list[EvidenceSpan]


def _paragraph_index(spans: list[tuple[int, int]], offset: int) -> int | None:
    return next((i for i, (start, end) in enumerate(spans) if start <= offset <= end), None)


def bank_article(*, bank: QuestionBank) -> BankArticle | None:
    """The article behind `bank` with the evidence of its published questions
    (None for a bank without an article). One query when the bank came with its
    article (bank_list_for_user); the caller checked that the user may see the bank."""
    article = bank.article
    if article is None:
        return None
    paragraphs = paragraph_spans(article.text)
    rows = (
        Question.objects.filter(
            bank=bank,
            status=QuestionStatus.PUBLISHED,
            evidence_start__isnull=False,
            evidence_end__isnull=False,
        )
        .order_by("evidence_start", "id")
        .values_list("pk", "evidence_start", "evidence_end")
    )
    evidence = [
        EvidenceSpan(pk, start, end, _paragraph_index(paragraphs, start))
        for pk, start, end in rows
        if start is not None and end is not None and 0 <= start <= end <= len(article.text)
    ]
    return BankArticle(article=article, paragraphs=paragraphs, evidence=evidence)


def generation_job_list_for_user(*, user: AnyUser) -> QuerySet[GenerationJob]:
    """Generation jobs a teacher may follow (permissions.generation_jobs_visible_to)."""
    return generation_jobs_visible_to(user).select_related("bank")


def bank_rows_for_article(*, user: AnyUser, article_id: int) -> list[tuple[int, str]]:
    """(id, title) of the banks made from the article that `user` may study, by title."""
    return list(
        banks_studyable_by(user)
        .filter(article_id=article_id)
        .order_by("title", "pk")
        .values_list("pk", "title")
    )


def evidence_rows_for_article(*, user: AnyUser, article_id: int) -> list[tuple[int, int, int]]:
    """(start, end, question id) of the evidence of the published questions of the
    article's banks `user` may study."""
    rows = Question.objects.filter(
        bank__in=banks_studyable_by(user).filter(article_id=article_id),
        status=QuestionStatus.PUBLISHED,
        evidence_start__isnull=False,
        evidence_end__isnull=False,
    ).values_list("evidence_start", "evidence_end", "pk")
    return [(start, end, pk) for start, end, pk in rows if start is not None and end is not None]


def questions_with_choices(question_ids: Iterable[int]) -> dict[int, Question]:
    """Question id -> the question with its bank, article and choices (one query
    and one for the choices); ids of questions deleted since are left out."""
    if not question_ids:
        return {}
    return (
        Question.objects.select_related("bank__article")
        .prefetch_related("choices")
        .in_bulk(list(question_ids))
    )


@dataclass(frozen=True)
class QuestionPrompt:
    """A question as a page names it: its id and its prompt."""

    pk: int
    prompt: str


def question_get_for_student(*, user: AnyUser, question_id: int | str) -> QuestionPrompt | None:
    """A published question of a bank `user` may study (None otherwise)."""
    row = (
        Question.objects.published()
        .filter(pk=question_id, bank__in=banks_studyable_by(user))
        .values_list("pk", "prompt")
        .first()
    )
    return None if row is None else QuestionPrompt(pk=row[0], prompt=row[1])


# --- what learning reads of the content side (through quizzes.api) --------


@dataclass(frozen=True)
class ArticleFacts:
    """What a card's back shows of its article."""

    pk: int
    url: str
    text: str


def article_facts(article_ids: Iterable[int | None]) -> dict[int, ArticleFacts]:
    """Article id -> its source address and text (one query; none without ids)."""
    ids = {pk for pk in article_ids if pk is not None}
    if not ids:
        return {}
    rows = Article.objects.filter(pk__in=ids).values_list("pk", "url", "text")
    return {pk: ArticleFacts(pk, url, text) for pk, url, text in rows}


def published_question_filter(via: str = "") -> Q:
    """Q for a published question of a published bank; `via` the caller's path to its
    question ("question", "card__question"), none from a question itself."""
    return question_filter(via, status=QuestionStatus.PUBLISHED) & question_filter(
        via, bank_status=BankStatus.PUBLISHED
    )


def published_questions(*, bank: QuestionBank | int | None = None) -> QuerySet[Question]:
    questions = Question.objects.filter(published_question_filter())
    if bank is not None:
        questions = questions.filter(bank=bank)
    return questions


def sibling_key(
    *,
    article_id: int | None,
    evidence_start: int | None,
    evidence_end: int | None,
    fingerprint: str,
) -> tuple[Any, ...]:
    """Questions about the same fact: the same evidence span of one article, or
    (without evidence) the same fingerprint. Siblings are not studied on the same day."""
    if article_id is not None and evidence_start is not None and evidence_end is not None:
        return ("span", article_id, evidence_start, evidence_end)
    if fingerprint:
        return ("fp", fingerprint)
    return ("none", id(object()))  # unique: no siblings


def question_ids_published(*, bank_id: int, among: Iterable[int] | None = None) -> list[int]:
    """Ids of the bank's published questions (`among` these ids when given), in
    the bank's order. The bank's own status is the caller's to check."""
    questions = Question.objects.filter(bank_id=bank_id, status=QuestionStatus.PUBLISHED)
    if among is not None:
        questions = questions.filter(pk__in=list(among))
    return list(questions.order_by("position", "id").values_list("id", flat=True))


def question_ids_for_quiz(*, bank_id: int, ordered_ids: list[int], size: int) -> list[int]:
    """Up to `size` of `ordered_ids` (published questions of the bank, in the order the
    quiz prefers them), no two of which may share a quiz: two questions of one sentence
    (one fact), two 'when' questions of one date, or one whose prompt or explanation
    answers the other (generation.quality.quiz_selection). A bank that conflicts a lot
    gives a shorter quiz rather than a give-away."""
    rows = {
        row[0]: row
        for row in Question.objects.filter(bank_id=bank_id, pk__in=ordered_ids).values_list(
            "id",
            "kind",
            "prompt",
            "answer",
            "explanation",
            "evidence_start",
            "evidence_end",
            "bank__article_id",
        )
    }
    known = [pk for pk in ordered_ids if pk in rows]
    questions = [_quiz_question(rows[pk]) for pk in known]
    return [known[index] for index in quiz_selection(questions, size)]


def _quiz_question(row: tuple[Any, ...]) -> QuizQuestion:
    _pk, kind, prompt, answer, explanation, start, end, article_id = row
    evidence = None if start is None or end is None else (article_id, start, end)
    return QuizQuestion(
        kind=kind, prompt=prompt, answer=answer, explanation=explanation, evidence=evidence
    )


def choice_texts_of_bank(*, bank_id: int) -> dict[int, str]:
    """Choice id -> its text, for every choice of the bank's questions (one query)."""
    return dict(Choice.objects.filter(question__bank_id=bank_id).values_list("id", "text"))


def choices_in_order() -> QuerySet[Choice]:
    """Choices in the order a student sees them: for a Prefetch of a question's choices."""
    return Choice.objects.order_by("position", "id")


def banks_none() -> QuerySet[QuestionBank]:
    """No bank: the queryset a view or field names to type a bank id in the API schema
    (the banks a caller may use are set per request, from quizzes.permissions)."""
    return QuestionBank.objects.none()
