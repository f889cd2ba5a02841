"""The load-test data set (`manage.py seed_load`): students with many cards and
review histories, inserted in bulk (COPY on PostgreSQL, bulk_create elsewhere).

Shape, for `--students N --cards M`:
- one published bank "Load test" (owner `load-teacher`) with at least M published
  who-said questions of four choices each (made as needed, fingerprints `load-000001`...);
- students `load-0001` ... with the given password and default study preferences;
- each student has a card for each of the first M questions; a tenth of them
  (`reviewed_fraction`) carry a history of about ten reviews (`logs_per_card`), so
  N x M review logs in all with the defaults (100 x 10,000 -> 1,000,000).

Histories are real FSRS runs: a few hundred rating sequences are simulated with the
`fsrs` scheduler (the app's default parameters, steps and retention) and each card
takes one of them shifted in time, so a card's state always equals replaying its
log. Shifts put the last review in the past and spread due dates from a few days
overdue to the full interval ahead, so every student has reviews due now.

Idempotent: a student's existing cards are kept and only the missing ones made;
each student is written in one transaction, so an interrupted run resumes.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import fsrs
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from quizzes.models import BankStatus, Choice, Question, QuestionBank, QuestionStatus

from .models import Card, CardState, ReviewLog, StudyPreferences

LOAD_BANK_TITLE = "Load test"
LOAD_TEACHER = "load-teacher"
DEFAULT_PASSWORD = "load-pass"
MAX_CARDS = 100_000
MAX_STUDENTS = 10_000
TEMPLATE_COUNT = 400
# Rating mix of a fairly good student: Again, Hard, Good, Easy.
RATING_WEIGHTS = {1: 0.12, 2: 0.13, 3: 0.65, 4: 0.10}
_BASE = datetime(2020, 1, 1, tzinfo=UTC)


def load_username(number: int) -> str:
    return f"load-{number:04d}"


@dataclass
class SeedResult:
    students_created: int = 0
    questions_created: int = 0
    cards_created: int = 0
    logs_created: int = 0
    seconds: float = 0.0
    bank_id: int | None = None

    def summary(self) -> str:
        return (
            f"{self.students_created} students, {self.questions_created} questions, "
            f"{self.cards_created} cards and {self.logs_created} review logs created "
            f"in {self.seconds:.1f} s"
        )


# --- pure core: FSRS histories ----------------------------------------------------


@dataclass(frozen=True)
class TemplateReview:
    rating: int
    reviewed_at: datetime
    before: dict  # card fields before the review (datetimes, not yet shifted)
    state_after: int
    due_after: datetime
    duration_ms: int


@dataclass(frozen=True)
class Template:
    reviews: tuple[TemplateReview, ...]
    final: dict = field(hash=False)  # card fields after the last review

    @property
    def interval(self) -> timedelta:
        return self.final["due"] - self.final["last_review"]


def _fsrs_card(fields: dict) -> fsrs.Card:
    # An explicit card_id: without one fsrs.Card sleeps a millisecond to make a unique id.
    if fields["state"] == CardState.NEW:
        return fsrs.Card(card_id=1, state=fsrs.State.Learning, step=0, due=fields["due"])
    return fsrs.Card(
        card_id=1,
        state=fsrs.State(fields["state"]),
        step=fields["step"],
        stability=fields["stability"],
        difficulty=fields["difficulty"],
        due=fields["due"],
        last_review=fields["last_review"],
    )


def simulate_history(*, length: int, rng: random.Random, scheduler: fsrs.Scheduler) -> Template:
    """One card's history: `length` reviews, each some time after it fell due."""
    ratings = list(RATING_WEIGHTS)
    weights = list(RATING_WEIGHTS.values())
    fields: dict[str, Any] = {
        "state": CardState.NEW,
        "step": None,
        "stability": None,
        "difficulty": None,
        "due": _BASE,
        "last_review": None,
        "reps": 0,
        "lapses": 0,
    }
    now = _BASE
    reviews = []
    for _ in range(length):
        rating = rng.choices(ratings, weights)[0]
        after, _log = scheduler.review_card(_fsrs_card(fields), fsrs.Rating(rating), now)
        new_fields = {
            "state": int(after.state),
            "step": after.step,
            "stability": after.stability,
            "difficulty": after.difficulty,
            "due": after.due,
            "last_review": now,
            "reps": fields["reps"] + 1,
            "lapses": fields["lapses"]
            + (1 if fields["state"] == CardState.REVIEW and rating == 1 else 0),
        }
        reviews.append(
            TemplateReview(
                rating=rating,
                reviewed_at=now,
                before=dict(fields),
                state_after=new_fields["state"],
                due_after=after.due,
                duration_ms=rng.randint(1500, 20000),
            )
        )
        fields = new_fields
        interval = after.due - now
        # Reviewed when due, or somewhat later (never early).
        now = after.due + interval * rng.uniform(0, 0.25) + timedelta(seconds=rng.randint(0, 90))
    return Template(reviews=tuple(reviews), final=fields)


def build_templates(*, logs_per_card: int, count: int = TEMPLATE_COUNT, seed: int = 7):
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    rng = random.Random(seed)
    low, high = max(1, logs_per_card - 3), logs_per_card + 3
    templates = []
    for index in range(count):
        # Lengths spread evenly around logs_per_card, so the mean is exact.
        length = low + index % (high - low + 1) if logs_per_card > 3 else logs_per_card
        templates.append(simulate_history(length=length, rng=rng, scheduler=scheduler))
    return templates


def snapshot(fields: dict, shift: timedelta) -> dict:
    """A card's fields as stored in ReviewLog.card_before (JSON, ISO datetimes)."""

    def moved(value):
        return (value + shift).isoformat() if value is not None else None

    return {
        "state": fields["state"],
        "step": fields["step"],
        "stability": fields["stability"],
        "difficulty": fields["difficulty"],
        "due": moved(fields["due"]),
        "last_review": moved(fields["last_review"]),
        "reps": fields["reps"],
        "lapses": fields["lapses"],
    }


def place(template: Template, *, now: datetime, rng: random.Random) -> timedelta:
    """The shift that puts the template's last review in the past and its due date
    between five days overdue and a full interval ahead."""
    interval = template.interval
    overdue = min(interval, timedelta(days=5))
    offset = rng.uniform(-overdue.total_seconds(), interval.total_seconds())
    due = now + timedelta(seconds=offset)
    return due - template.final["due"]


# --- writing ----------------------------------------------------------------------


class _Rows:
    """Rows for one table in the column order of the model's concrete fields;
    fields the seeder does not know get their model default."""

    def __init__(self, model: type[models.Model], *, with_id: bool):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        self.columns = [cast(str, f.column) for f in self.fields]
        self._defaults = {}
        for f in self.fields:
            if f.has_default():
                value = f.get_default()
                self._defaults[f.attname] = json.dumps(value) if _is_json(f) else value
            else:
                self._defaults[f.attname] = None

    def row(self, values: dict) -> tuple:
        return tuple(
            values[f.attname] if f.attname in values else self._defaults[f.attname]
            for f in self.fields
        )


def _is_json(f) -> bool:
    return isinstance(f, models.JSONField)


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _copy(rows: _Rows, values: Iterable[dict]) -> int:
    table = connection.ops.quote_name(rows.model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in rows.columns)
    written = 0
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for value in values:
            copy.write_row(rows.row(value))
            written += 1
    return written


def _ensure_bank(*, cards: int) -> tuple[QuestionBank, list[int], int]:
    User = get_user_model()
    teacher, _ = User.objects.get_or_create(
        username=LOAD_TEACHER, defaults={"is_staff": True, "password": make_password(None)}
    )
    bank, _ = QuestionBank.objects.get_or_create(
        title=LOAD_BANK_TITLE,
        owner=teacher,
        defaults={
            "status": BankStatus.PUBLISHED,
            "description": "Questions made by seed_load for the load benchmark.",
        },
    )
    if bank.status != BankStatus.PUBLISHED:
        bank.status = BankStatus.PUBLISHED
        bank.save(update_fields=["status", "updated_at"])
    existing = Question.objects.filter(bank=bank, fingerprint__startswith="load-").count()
    created = 0
    if existing < cards:
        speakers = [f"Speaker {letter}" for letter in "ABCDEFGHIJ"]
        new_questions = [
            Question(
                bank=bank,
                kind="who_said",
                prompt=f"Who said: “load test quote number {number}”?",
                answer=speakers[number % len(speakers)],
                explanation=f"Quote {number} of the load test.",
                status=QuestionStatus.PUBLISHED,
                origin="imported",
                position=number,
                fingerprint=f"load-{number:06d}",
            )
            for number in range(existing + 1, cards + 1)
        ]
        for start in range(0, len(new_questions), 5000):
            batch = Question.objects.bulk_create(new_questions[start : start + 5000])
            choices = []
            for question in batch:
                answer_index = speakers.index(question.answer)
                options = [speakers[(answer_index + k) % len(speakers)] for k in (0, 3, 5, 7)]
                for position, text in enumerate(sorted(options)):
                    choices.append(
                        Choice(
                            question=question,
                            text=text,
                            is_correct=text == question.answer,
                            position=position,
                        )
                    )
            Choice.objects.bulk_create(choices, batch_size=10000)
        created = len(new_questions)
    question_ids = list(
        Question.objects.filter(bank=bank, fingerprint__startswith="load-")
        .order_by("position", "id")
        .values_list("id", flat=True)[:cards]
    )
    return bank, question_ids, created


def _ensure_students(*, students: int, password: str) -> tuple[list, int]:
    User = get_user_model()
    names = [load_username(n) for n in range(1, students + 1)]
    hashed = make_password(password)
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    missing = [
        User(username=name, email=f"{name}@load.example.com", password=hashed)
        for name in names
        if name not in existing
    ]
    User.objects.bulk_create(missing, batch_size=1000)
    User.objects.filter(username__in=existing).update(password=hashed)
    users = list(User.objects.filter(username__in=names).order_by("username"))
    StudyPreferences.objects.bulk_create(
        [StudyPreferences(user=user) for user in users], ignore_conflicts=True
    )
    return users, len(missing)


def seed_load(
    *,
    students: int,
    cards: int,
    password: str = DEFAULT_PASSWORD,
    reviewed_fraction: float = 0.1,
    logs_per_card: int = 10,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> SeedResult:
    if not 1 <= students <= MAX_STUDENTS:
        raise ValueError(f"--students must be between 1 and {MAX_STUDENTS}.")
    if not 1 <= cards <= MAX_CARDS:
        raise ValueError(f"--cards must be between 1 and {MAX_CARDS}.")
    if not 0 <= reviewed_fraction <= 1:
        raise ValueError("--reviewed-fraction must be between 0 and 1.")
    if not 1 <= logs_per_card <= 100:
        raise ValueError("--logs-per-card must be between 1 and 100.")
    if not password:
        raise ValueError("--password must not be empty.")
    started = time.monotonic()
    now = now or timezone.now()
    result = SeedResult()
    with transaction.atomic():
        bank, question_ids, result.questions_created = _ensure_bank(cards=cards)
        users, result.students_created = _ensure_students(students=students, password=password)
    result.bank_id = bank.pk
    templates = build_templates(logs_per_card=logs_per_card)
    have = dict(
        Card.objects.filter(user__in=users, question__bank=bank)
        .values_list("user")
        .annotate(n=models.Count("id"))
        .values_list("user", "n")
    )
    use_copy = connection.vendor == "postgresql"
    for index, user in enumerate(users, start=1):
        if have.get(user.pk, 0) >= cards:
            continue
        with transaction.atomic():
            if use_copy:
                # Throw-away load data: no need to wait for each commit's WAL flush.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            made_cards, made_logs = _seed_student(
                user=user,
                question_ids=question_ids,
                templates=templates,
                reviewed_fraction=reviewed_fraction,
                now=now,
                use_copy=use_copy,
            )
        result.cards_created += made_cards
        result.logs_created += made_logs
        if progress and (index % 10 == 0 or index == len(users)):
            progress(f"  {index}/{len(users)} students, {time.monotonic() - started:.0f} s")
    if use_copy and (result.cards_created or result.questions_created):
        # Fresh statistics: with the planner still believing the tables empty, the
        # queue's queries walk every question instead of the user's card index.
        with connection.cursor() as cursor:
            for model in (QuestionBank, Question, Choice, Card, ReviewLog, StudyPreferences):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    result.seconds = time.monotonic() - started
    return result


def _seed_student(*, user, question_ids, templates, reviewed_fraction, now, use_copy):
    taken = set(
        Card.objects.filter(user=user, question_id__in=question_ids).values_list(
            "question_id", flat=True
        )
    )
    todo = [qid for qid in question_ids if qid not in taken]
    if not todo:
        return 0, 0
    rng = random.Random(user.pk)
    reviewed = set(rng.sample(range(len(todo)), round(len(todo) * reviewed_fraction)))
    card_values: list[dict] = []
    histories: list[tuple[Template, timedelta] | None] = []
    for position, question_id in enumerate(todo):
        if position in reviewed:
            template = templates[rng.randrange(len(templates))]
            shift = place(template, now=now, rng=rng)
            final = template.final
            first = template.reviews[0].reviewed_at + shift
            card_values.append(
                {
                    "user_id": user.pk,
                    "question_id": question_id,
                    "state": final["state"],
                    "step": final["step"],
                    "stability": final["stability"],
                    "difficulty": final["difficulty"],
                    "due": final["due"] + shift,
                    "last_review": final["last_review"] + shift,
                    "reps": final["reps"],
                    "lapses": final["lapses"],
                    "created_at": first,
                    "updated_at": final["last_review"] + shift,
                }
            )
            histories.append((template, shift))
        else:
            card_values.append(
                {
                    "user_id": user.pk,
                    "question_id": question_id,
                    "state": CardState.NEW,
                    "step": None,
                    "stability": None,
                    "difficulty": None,
                    "due": now,
                    "last_review": None,
                    "reps": 0,
                    "lapses": 0,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            histories.append(None)

    if use_copy:
        card_ids = _reserve_ids(Card, len(card_values))
        for value, card_id in zip(card_values, card_ids, strict=True):
            value["id"] = card_id
        _copy(_Rows(Card, with_id=True), card_values)
    else:
        made = Card.objects.bulk_create([Card(**value) for value in card_values], batch_size=2000)
        card_ids = [card.pk for card in made]

    def log_values():
        for card_id, history in zip(card_ids, histories, strict=True):
            if history is None:
                continue
            template, shift = history
            for review in template.reviews:
                at = review.reviewed_at + shift
                yield {
                    "user_id": user.pk,
                    "card_id": card_id,
                    "rating": review.rating,
                    "reviewed_at": at,
                    "duration_ms": review.duration_ms,
                    "client_uuid": None,
                    "source": "flashcard",
                    "card_before": json.dumps(snapshot(review.before, shift)),
                    "state_before": review.before["state"],
                    "stability_before": review.before["stability"],
                    "state_after": review.state_after,
                    "due_after": review.due_after + shift,
                    "result": "{}",
                    "created_at": at,
                }

    log_fields = {f.attname for f in ReviewLog._meta.concrete_fields}

    def known(values):
        for value in values:
            yield {k: v for k, v in value.items() if k in log_fields}

    if use_copy:
        logs = _copy(_Rows(ReviewLog, with_id=False), log_values())
    else:
        objects = []
        for value in known(log_values()):
            value["card_before"] = json.loads(value["card_before"])
            value["result"] = {}
            objects.append(ReviewLog(**value))
        logs = len(ReviewLog.objects.bulk_create(objects, batch_size=2000))
    return len(card_values), logs
