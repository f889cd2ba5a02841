"""Reads of study work done for assignments: each student's status on their
own assignments, a class's progress on one assignment, and the item analysis of
its questions. Every function runs a fixed number of queries, whatever the
number of students, questions or reviews.

What counts (docs/decisions/0005-classes-and-assignments.md):
- cards studied: the student's cards of the bank's published questions that
  have left the "new" state, whenever they were studied (memory is memory);
- quizzes: finished attempts on the bank since the assignment started (or was
  set); the quiz goal is met by an attempt of at least `quiz_length` questions
  (every published question when the bank has fewer) scoring at least
  `pass_mark` percent;
- done: every goal the assignment sets is met; `done_at` is when the last one
  was; late: due and not done, or done after the due date (a late mark).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean
from typing import TYPE_CHECKING, Any, Protocol

from django.contrib.auth.models import User
from django.db.models import Aggregate, Count, Max, Q, QuerySet
from django.utils import timezone

from classes.api import OpenAssignment, TeacherAssignment, member_ids, member_rows
from config.api_fields import datetime_text
from config.csv_cells import csv_safe_cell
from quizzes.api import (
    MULTIPLE_CHOICE_KINDS,
    choice_texts_of_bank,
    published_question_filter,
    question_filter,
    question_path,
)
from quizzes.api import published_questions as published_questions_of

from .models import Card, CardState, QuizAnswer, QuizAttempt, ReviewLog
from .tallies import quiz_score

if TYPE_CHECKING:
    pass

NOT_STARTED, IN_PROGRESS, DONE, LATE = "not_started", "in_progress", "done", "late"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, LATE)
RETENTION_DAYS = 30
# An item whose discrimination index is under this is flagged: students who did
# well overall got it right hardly more often than those who did badly (Ebel's
# rule of thumb: under 0.2 the question needs revising).
LOW_DISCRIMINATION = 0.2
MIN_STUDENTS_FOR_DISCRIMINATION = 6  # two students at least in each third


# --- the rule: from facts to a status (pure) --------------------------------


class Goals(Protocol):
    """An assignment's goals and due date: a student's Assignment or a teacher's
    report row (classes.api.TeacherAssignment)."""

    @property
    def quiz_length(self) -> int | None: ...
    @property
    def pass_mark(self) -> int | None: ...
    @property
    def all_cards(self) -> bool: ...
    @property
    def due_at(self) -> datetime | None: ...


@dataclass
class StudyFacts:
    """What one student did on one bank."""

    cards_total: int = 0
    cards_studied: int = 0
    # When the student last studied a new card of the bank: with every card
    # studied, when the last one got its first review.
    all_studied_at: datetime | None = None
    attempts: list[tuple[datetime, float, int]] = field(default_factory=list)  # at, %, size
    last_review_at: datetime | None = None
    reviews: int = 0
    graded: int = 0
    passed: int = 0


@dataclass
class Outcome:
    status: str
    done_at: datetime | None
    late: bool
    quiz_best: float | None
    quiz_last: float | None
    quiz_passed_at: datetime | None


def quiz_length_needed(assignment: Goals, facts: StudyFacts) -> int:
    """The questions a passing quiz must have asked: the assignment's length, or
    every published question when the bank has fewer (a quiz asks at most the
    bank's questions; the teacher may also have rejected some since assigning)."""
    length = assignment.quiz_length or 0
    return min(length, facts.cards_total) if facts.cards_total else length


def outcome_of(assignment: Goals, facts: StudyFacts, *, now: datetime) -> Outcome:
    """Status, done time and late mark of one student on one assignment."""
    attempts = sorted(facts.attempts)
    quiz_passed_at = None
    goals: list[datetime | None] = []  # when each goal was met (None: not yet)
    if assignment.quiz_length is not None:
        length, mark = quiz_length_needed(assignment, facts), assignment.pass_mark or 0
        quiz_passed_at = next(
            (at for at, score, size in attempts if size >= length and score >= mark), None
        )
        goals.append(quiz_passed_at)
    if assignment.all_cards:
        complete = facts.cards_total > 0 and facts.cards_studied >= facts.cards_total
        goals.append(facts.all_studied_at if complete else None)
    met = [at for at in goals if at is not None]
    done_at = max(met) if met and len(met) == len(goals) else None
    due = assignment.due_at
    if done_at is not None:
        status, late = DONE, due is not None and done_at > due
    elif due is not None and now > due:
        status, late = LATE, True
    elif attempts or facts.cards_studied:
        status, late = IN_PROGRESS, False
    else:
        status, late = NOT_STARTED, False
    return Outcome(
        status=status,
        done_at=done_at,
        late=late,
        quiz_best=max((score for _, score, _ in attempts), default=None),
        quiz_last=attempts[-1][1] if attempts else None,
        quiz_passed_at=quiz_passed_at,
    )


# --- facts, read in bulk ------------------------------------------------------


_Users = Iterable[int] | QuerySet[Any, Any]


def _facts(
    *,
    users: _Users,
    bank_ids: list[int],
    since: dict[int, datetime],
    all_cards_banks: set[int],
    now: datetime,
    with_reviews: bool = False,
) -> BankFacts:
    """(user id, bank id) -> StudyFacts, for `users` (ids or a subquery of ids).
    At most four queries: totals, cards studied, finished quiz attempts, and the
    review logs (when a goal is every card, or `with_reviews`)."""
    facts: defaultdict[tuple[int, int], StudyFacts] = defaultdict(StudyFacts)
    if not bank_ids:
        return BankFacts(facts={}, totals={})
    totals = dict(
        published_questions_of()
        .filter(bank_id__in=bank_ids)
        .values("bank_id")
        .annotate(n=Count("id"))
        .values_list("bank_id", "n")
        .order_by()
    )
    card_bank = question_path("question", "bank_id")
    published_cards = (
        question_filter("question", bank_id__in=bank_ids) & Q(user_id__in=users)
    ) & published_question_filter("question")
    for user_id, bank_id, studied in (
        Card.objects.filter(published_cards)
        .values("user_id", card_bank)
        .annotate(studied=Count("id", filter=~Q(state=CardState.NEW)))
        .values_list("user_id", card_bank, "studied")
        .order_by()
    ):
        facts[(user_id, bank_id)].cards_studied = studied
    _attempts_add(facts, users=users, bank_ids=bank_ids, since=since)
    if with_reviews or all_cards_banks:
        _reviews_add(
            facts,
            users=users,
            log_banks=bank_ids if with_reviews else list(all_cards_banks),
            now=now,
            with_reviews=with_reviews,
        )
    for (_, bank_id), entry in facts.items():
        entry.cards_total = totals.get(bank_id, 0)
    return BankFacts(facts=dict(facts), totals=totals)


def _attempts_add(
    facts: defaultdict[tuple[int, int], StudyFacts],
    *,
    users: _Users,
    bank_ids: list[int],
    since: dict[int, datetime],
) -> None:
    """Each student's finished quiz attempts on the banks since each bank's date (one
    query; a retry of missed questions is practice, not an attempt)."""
    earliest = min(since.values())
    for user_id, bank_id, finished_at, correct, question_ids in (
        QuizAttempt.objects.filter(
            user_id__in=users,
            bank_id__in=bank_ids,
            finished_at__isnull=False,
            finished_at__gte=earliest,
            retry_of__isnull=True,  # a retry of missed questions is practice
        )
        .values_list("user_id", "bank_id", "finished_at", "correct_count", "question_ids")
        .order_by("finished_at", "id")
    ):
        if finished_at is not None and finished_at >= since[bank_id]:
            facts[(user_id, bank_id)].attempts.append(
                (finished_at, quiz_score(correct, len(question_ids)), len(question_ids))
            )


def _reviews_add(
    facts: defaultdict[tuple[int, int], StudyFacts],
    *,
    users: _Users,
    log_banks: list[int],
    now: datetime,
    with_reviews: bool,
) -> None:
    """One pass over the logs (one query): when each student last met a new card of
    the bank (with every card studied, that is when the last one was), and with
    `with_reviews` their reviews, last review and 30-day retention."""
    window = now - timedelta(days=RETENTION_DAYS)
    figures: dict[str, Aggregate] = {
        "first_of_last": Max(
            "reviewed_at",
            filter=Q(state_before=CardState.NEW) & published_question_filter("card__question"),
        )
    }
    if with_reviews:
        figures |= {
            "reviews": Count("id"),
            "last": Max("reviewed_at"),
            "graded": Count("id", filter=Q(reviewed_at__gte=window, state_before=CardState.REVIEW)),
            "passed": Count(
                "id",
                filter=Q(reviewed_at__gte=window, state_before=CardState.REVIEW, rating__gt=1),
            ),
        }
    log_bank = question_path("card__question", "bank_id")
    rows: Iterable[Any] = (
        ReviewLog.objects.filter(
            question_filter("card__question", bank_id__in=log_banks),
            user_id__in=users,
            undo__isnull=True,
        )
        .values("user_id", log_bank)
        .annotate(**figures)
        .order_by()
    )
    for row in rows:
        entry = facts[(row["user_id"], row[log_bank])]
        entry.all_studied_at = row["first_of_last"]
        if with_reviews:
            entry.reviews, entry.last_review_at = row["reviews"], row["last"]
            entry.graded, entry.passed = row["graded"], row["passed"]


@dataclass
class BankFacts:
    facts: dict[tuple[int, int], StudyFacts]
    totals: dict[int, int]

    def of(self, user_id: int, bank_id: int) -> StudyFacts:
        """A student's facts on a bank (empty ones, with the bank's total, when none)."""
        found = self.facts.get((user_id, bank_id))
        return found or StudyFacts(cards_total=self.totals.get(bank_id, 0))


# --- a student's own assignments --------------------------------------------


@dataclass
class StudentAssignment:
    assignment: OpenAssignment
    outcome: Outcome
    cards_studied: int
    cards_total: int

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def quiz_questions(self) -> int | None:
        """How many questions the assignment's quiz asks (None: no quiz goal): its
        length, or every published question when the bank has fewer. From the
        facts already read: no query."""
        if self.assignment.quiz_length is None:
            return None
        return quiz_length_needed(self.assignment, StudyFacts(cards_total=self.cards_total))


def student_assignments(
    *, student: User, assignments: list[OpenAssignment], now: datetime | None = None
) -> list[StudentAssignment]:
    """Each of the student's (started) assignments with their status: four queries
    at most, however many assignments and cards."""
    now = now or timezone.now()
    if not assignments:
        return []
    since: dict[int, datetime] = {}
    for assignment in assignments:  # a bank assigned to two classes: the earlier start
        start = assignment.counts_from
        since[assignment.bank_id] = min(start, since.get(assignment.bank_id, start))
    facts = _facts(
        users=[student.pk],
        bank_ids=list(since),
        since=since,
        all_cards_banks={a.bank_id for a in assignments if a.all_cards},
        now=now,
    )
    rows = []
    for assignment in assignments:
        entry = facts.of(student.pk, assignment.bank_id)
        rows.append(
            StudentAssignment(
                assignment=assignment,
                outcome=outcome_of(assignment, entry, now=now),
                cards_studied=entry.cards_studied,
                cards_total=entry.cards_total,
            )
        )
    return rows


# --- a class's progress on one assignment -----------------------------------

PROGRESS_ORDERINGS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "username": lambda row: row["username"].lower(),
    "status": lambda row: STATUSES.index(row["status"]),
    "quiz_best": lambda row: row["quiz_best"],
    "cards_studied": lambda row: row["cards_studied"],
    "retention": lambda row: row["retention"],
    "last_active": lambda row: row["last_active"],
}


def assignment_progress(
    *, assignment: TeacherAssignment, now: datetime | None = None, ordering: str = "username"
) -> list[dict[str, Any]]:
    """One row per student of the class: status, late mark, done time, quiz best
    and last scores, cards studied of the total, 30-day retention on the bank,
    last activity and reviews. Five queries, whatever the class and bank sizes.
    `ordering`: a key of PROGRESS_ORDERINGS, "-" in front for descending."""
    now = now or timezone.now()
    members = member_rows(classroom_id=assignment.classroom_id)
    users = member_ids(classroom_id=assignment.classroom_id)
    facts = _facts(
        users=users,
        bank_ids=[assignment.bank_id],
        since={assignment.bank_id: assignment.counts_from},
        all_cards_banks={assignment.bank_id} if assignment.all_cards else set(),
        now=now,
        with_reviews=True,
    )
    rows = []
    for user_id, username, joined_at in members:
        entry = facts.of(user_id, assignment.bank_id)
        outcome = outcome_of(assignment, entry, now=now)
        last_quiz = entry.attempts[-1][0] if entry.attempts else None
        last_active = max(
            (at for at in (entry.last_review_at, last_quiz) if at is not None), default=None
        )
        rows.append(
            {
                "user": user_id,
                "username": username,
                "joined_at": joined_at,
                "status": outcome.status,
                "late": outcome.late,
                "done_at": outcome.done_at,
                "quiz_best": outcome.quiz_best,
                "quiz_last": outcome.quiz_last,
                "quiz_attempts": len(entry.attempts),
                "cards_studied": entry.cards_studied,
                "cards_total": entry.cards_total,
                "retention": round(entry.passed / entry.graded, 4) if entry.graded else None,
                "reviews": entry.reviews,
                "last_active": last_active,
            }
        )
    return sort_progress(rows, ordering)


def sort_progress(rows: list[dict[str, Any]], ordering: str) -> list[dict[str, Any]]:
    """By a column of PROGRESS_ORDERINGS ("-" in front: descending), then by
    username; rows without a value (no quiz yet...) last either way."""
    descending = ordering.startswith("-")
    value = PROGRESS_ORDERINGS.get(ordering.lstrip("-"), PROGRESS_ORDERINGS["username"])
    by_name = sorted(rows, key=lambda row: row["username"].lower())
    present = [row for row in by_name if value(row) is not None]
    missing = [row for row in by_name if value(row) is None]
    return sorted(present, key=value, reverse=descending) + missing


PROGRESS_CSV_COLUMNS = (
    "username",
    "status",
    "late",
    "done_at",
    "quiz_best",
    "quiz_last",
    "quiz_attempts",
    "cards_studied",
    "cards_total",
    "retention",
    "reviews",
    "last_active",
)


def progress_csv_write(rows: list[dict[str, Any]], out: Any) -> None:
    """The progress table as CSV into `out` (a file or response); text cells a
    spreadsheet would run as a formula are neutralised."""
    writer = csv.writer(out)
    writer.writerow(PROGRESS_CSV_COLUMNS)
    for row in rows:
        values = (row[key] for key in PROGRESS_CSV_COLUMNS)
        writer.writerow(
            [
                csv_safe_cell(datetime_text(value) if isinstance(value, datetime) else value)
                for value in values
            ]
        )


def assignment_summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many students are in each status (the report's header)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row["status"]] += 1
    return counts


# --- item analysis --------------------------------------------------------------


def assignment_item_analysis(*, assignment: TeacherAssignment) -> list[dict[str, Any]]:
    """Per published question of the bank, from the class's quiz answers since the
    assignment started (each student's first answer to each question): share
    correct, average time, the wrong choice picked most, and the discrimination
    index D = p(top third) - p(bottom third) of students ranked by their share
    correct; `flagged` when D < 0.2 (the question may be wrong or unclear).
    Three queries, whatever the class and bank sizes."""
    questions = list(
        published_questions_of(bank=assignment.bank_id)
        .order_by("position", "id")
        .values_list("id", "prompt", "kind", "position")
    )
    choice_text = choice_texts_of_bank(bank_id=assignment.bank_id)
    first: dict[tuple[int, int], tuple[bool, int | None, int | None]] = {}
    for user_id, question_id, is_correct, choice_id, duration in (
        QuizAnswer.objects.filter(
            attempt__user_id__in=member_ids(classroom_id=assignment.classroom_id),
            attempt__bank_id=assignment.bank_id,
            answered_at__gte=assignment.counts_from,
        )
        .order_by("answered_at", "id")
        .values_list("attempt__user_id", "question_id", "is_correct", "choice_id", "duration_ms")
    ):
        first.setdefault((user_id, question_id), (is_correct, choice_id, duration))

    per_student: dict[int, list[bool]] = defaultdict(list)
    for (user_id, _), (is_correct, _, _) in first.items():
        per_student[user_id].append(is_correct)
    ranked = sorted(per_student, key=lambda user: (mean(per_student[user]), user))
    third = len(ranked) // 3 if len(ranked) >= MIN_STUDENTS_FOR_DISCRIMINATION else 0
    bottom, top = set(ranked[:third]), set(ranked[len(ranked) - third :]) if third else set()

    by_question: dict[int, list[tuple[int, bool, int | None, int | None]]] = defaultdict(list)
    for (student_id, asked_id), (ok, picked, took) in first.items():
        by_question[asked_id].append((student_id, ok, picked, took))

    rows = []
    kinds_with_choices = {str(kind) for kind in MULTIPLE_CHOICE_KINDS}
    for question_id, prompt, kind, _position in questions:
        answers = by_question.get(question_id, [])
        correct = sum(1 for _, ok, _, _ in answers if ok)
        durations = [d for _, _, _, d in answers if d is not None]
        wrong_picks: dict[int, int] = defaultdict(int)
        for _, ok, picked, _ in answers:
            if not ok and picked is not None:
                wrong_picks[picked] += 1
        common_wrong = None
        if wrong_picks and kind in kinds_with_choices:
            most = min(wrong_picks, key=lambda c: (-wrong_picks[c], c))
            common_wrong = {
                "choice": most,
                "text": choice_text.get(most, ""),
                "count": wrong_picks[most],
            }
        discrimination = _discrimination(answers, top=top, bottom=bottom)
        rows.append(
            {
                "question": question_id,
                "prompt": prompt,
                "kind": kind,
                "answers": len(answers),
                "share_correct": round(correct / len(answers), 4) if answers else None,
                "average_ms": round(mean(durations)) if durations else None,
                "average_seconds": round(mean(durations) / 1000, 1) if durations else None,
                "common_wrong": common_wrong,
                "discrimination": discrimination,
                "flagged": discrimination is not None and discrimination < LOW_DISCRIMINATION,
            }
        )
    return rows


def _discrimination(
    answers: list[tuple[int, bool, int | None, int | None]], *, top: set[int], bottom: set[int]
) -> float | None:
    top_marks = [ok for user, ok, _, _ in answers if user in top]
    bottom_marks = [ok for user, ok, _, _ in answers if user in bottom]
    if not top_marks or not bottom_marks:
        return None
    return round(mean(top_marks) - mean(bottom_marks), 4)
