"""The load-test data set (`manage.py seed_load`): students with many cards and
review histories, inserted in bulk (COPY on PostgreSQL, bulk_create elsewhere).

Shape, for `--students N --cards M`:
- one published bank "Load test" (owner `load-teacher`) with at least M published
  who-said questions of four choices each (made as needed, fingerprints `load-000001`...);
- students `load-0001` ... with the given password and default study preferences;
- each student has a card for each of the first M questions; a share of them
  (`reviewed_fraction`, a tenth by default) carry a history of up to `logs_per_card`
  reviews (10) over the last `days` days (enough for ~20 new cards per study day);
- with `quizzes`, each student has that many finished quizzes of ten questions of the
  bank, one every few hours back from now, scores of 0 to 100 % (their QuizTally
  recounted).

Histories have the shape of a real student's: a study calendar of runs of days in a
row between days off, the last run being the current streak (`streak`, 30 days for
load-0001; other students share three other calendars); reviews happen in an evening
session of each study day, a card being reviewed at the first session on or after
its due date (late after days off), so reviews per day grow with the deck as in life.
The histories are real FSRS runs with the `fsrs` scheduler (the app's default
parameters, steps and retention): up to 3,000 are simulated per calendar and each
card takes one, moved back by up to three hours (same study day, same elapsed
times), so a card's state always equals replaying its log.

Idempotent: a student's existing cards are kept and only the missing ones made;
each student is written in one transaction, so an interrupted run resumes.
"""

from __future__ import annotations

import bisect
import json
import math
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from typing import TYPE_CHECKING, Any

import fsrs
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from config.bulk_copy import CopyRows, analyze, copy_rows, reserve_ids
from quizzes.api import load_bank_analyze, load_bank_ensure

from .models import (
    BankTally,
    Card,
    CardState,
    QuizAttempt,
    QuizTally,
    ReviewLog,
    StudyDay,
    StudyPreferences,
)
from .tallies import progress_rebuild, quiz_tallies_rebuild

if TYPE_CHECKING:
    from django.contrib.auth.models import User

DEFAULT_PASSWORD = "load-pass"
MAX_CARDS = 100_000
MAX_STUDENTS = 10_000
MAX_QUIZZES = 100_000
QUIZ_SIZE = 10
TEMPLATE_COUNT = 3000  # histories simulated per calendar, shared by the cards
# Rating mix of a fairly good student: Again, Hard, Good, Easy.
RATING_WEIGHTS = {1: 0.12, 2: 0.13, 3: 0.65, 4: 0.10}


def load_username(number: int) -> str:
    return f"load-{number:04d}"


@dataclass
class SeedResult:
    students_created: int = 0
    questions_created: int = 0
    cards_created: int = 0
    logs_created: int = 0
    quizzes_created: int = 0
    seconds: float = 0.0
    bank_id: int | None = None
    shape: dict[str, Any] = field(default_factory=dict)  # of the first student's history

    def summary(self) -> str:
        text = (
            f"{self.students_created} students, {self.questions_created} questions, "
            f"{self.cards_created} cards, {self.logs_created} review logs and "
            f"{self.quizzes_created} finished quizzes created in {self.seconds:.1f} s"
        )
        if self.shape:
            shape = self.shape
            text += (
                f"; load-0001: {shape['study_days']} study days since {shape['first_day']}, "
                f"streak {shape['streak']} days, {shape['reviews_per_day_median']} reviews "
                f"per study day (median; max {shape['reviews_per_day_max']})"
            )
        return text


# --- pure core: a study calendar and FSRS histories on it ------------------------

SESSION_HOUR = 17  # UTC: the student studies in an evening session (study days start at 4)
SESSION_MINUTES = 45  # a session's reviews start within this many minutes of its start
SAME_SESSION = timedelta(hours=2)  # a card due this soon after the session started comes back in it
MAX_SHIFT = timedelta(hours=3)  # cards sharing a history are moved back by up to this much
CALENDARS = 4  # students share a few calendars (and their histories)


@dataclass(frozen=True)
class TemplateReview:
    rating: int
    reviewed_at: datetime
    before: dict[str, Any]  # card fields before the review (datetimes, not yet shifted)
    state_after: int
    due_after: datetime
    duration_ms: int


@dataclass(frozen=True)
class Template:
    reviews: tuple[TemplateReview, ...]
    final: dict[str, Any] = field(hash=False)  # card fields after the last review


def _fsrs_card(fields: dict[str, Any]) -> fsrs.Card:
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


def study_calendar(*, today: date, days: int, streak: int, rng: random.Random) -> list[date]:
    """Study days of the `days` days up to today, as a student keeps them: runs of
    days in a row (2 to 40) between one to seven days off; the last run is the
    current streak, `streak` days ending today (0: today and yesterday were off)."""
    first = today - timedelta(days=days - 1)
    chosen: list[date] = []
    day = today if streak else today - timedelta(days=rng.choice((2, 3, 4)))
    run = streak or rng.randint(2, 40)
    while day >= first:
        for _ in range(run):
            if day < first:
                break
            chosen.append(day)
            day -= timedelta(days=1)
        day -= timedelta(days=rng.choice((1, 1, 1, 2, 2, 3, 4, 7)))
        run = rng.randint(2, 40)
    return sorted(chosen)


def session_starts(calendar: list[date]) -> list[datetime]:
    return [datetime.combine(day, dt_time(SESSION_HOUR), tzinfo=UTC) for day in calendar]


def simulate_history(
    *,
    start: datetime,
    max_reviews: int,
    until: datetime,
    sessions: list[datetime],
    rng: random.Random,
    scheduler: fsrs.Scheduler,
) -> Template:
    """One card's history from `start`: reviewed when due in the same session,
    else at the first session on or after its due date, until `max_reviews` or
    `until`. A card due on a day off waits (and is reviewed late), as in life."""
    ratings = list(RATING_WEIGHTS)
    weights = list(RATING_WEIGHTS.values())
    fields: dict[str, Any] = {
        "state": CardState.NEW,
        "step": None,
        "stability": None,
        "difficulty": None,
        "due": start,
        "last_review": None,
        "reps": 0,
        "lapses": 0,
    }
    now = start
    session = start
    reviews: list[TemplateReview] = []
    while len(reviews) < max_reviews and now <= until:
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
        if after.due - session <= SAME_SESSION:
            now = max(after.due, now) + timedelta(seconds=rng.randint(5, 120))
            continue
        index = bisect.bisect_left(sessions, after.due)
        if index >= len(sessions):
            break
        session = sessions[index]
        now = session + timedelta(seconds=rng.randint(0, SESSION_MINUTES * 60))
    return Template(reviews=tuple(reviews), final=fields)


def build_templates(
    *,
    calendar: list[date],
    max_reviews: int,
    until: datetime,
    count: int,
    seed: int = 7,
) -> list[Template]:
    """`count` histories starting on study days spread evenly over the calendar
    (new cards come in at a steady pace), each with its own ratings."""
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    rng = random.Random(seed)
    sessions = [moment for moment in session_starts(calendar) if moment <= until]
    if not sessions:
        return []
    templates = []
    for index in range(count):
        session = sessions[index * len(sessions) // count]
        start = session + timedelta(seconds=rng.randint(0, SESSION_MINUTES * 60))
        templates.append(
            simulate_history(
                start=start,
                max_reviews=max_reviews,
                until=until,
                sessions=sessions,
                rng=rng,
                scheduler=scheduler,
            )
        )
    return [template for template in templates if template.reviews]


def snapshot(fields: dict[str, Any], shift: timedelta) -> dict[str, Any]:
    """A card's fields as stored in ReviewLog.card_before (JSON, ISO datetimes)."""

    def moved(value: datetime | None) -> str | None:
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


def place(rng: random.Random) -> timedelta:
    """A card's own shift of a shared history: back by up to MAX_SHIFT, which keeps
    every review in its study day (sessions start at 17:00, days at 4:00) and in
    the past. Elapsed times are unchanged, so the card still equals its log."""
    return -timedelta(seconds=rng.randint(0, int(MAX_SHIFT.total_seconds())))


def default_days(reviewed_cards: int) -> int:
    """A history long enough to bring in about 20 new cards per study day."""
    return max(30, min(3650, math.ceil(reviewed_cards / 20 * 1.3)))


# --- writing ----------------------------------------------------------------------


def _ensure_students(*, students: int, password: str) -> tuple[list[User], int]:
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


def _check_options(
    *,
    students: int,
    cards: int,
    password: str,
    reviewed_fraction: float,
    logs_per_card: int,
    days: int | None,
    streak: int,
    quizzes: int = 0,
) -> None:
    """seed_load's options in range (a ValueError naming the option otherwise)."""
    ranges = [
        ("--students", students, 1, MAX_STUDENTS),
        ("--cards", cards, 1, MAX_CARDS),
        ("--reviewed-fraction", reviewed_fraction, 0, 1),
        ("--logs-per-card", logs_per_card, 1, 100),
        ("--days", 1 if days is None else days, 1, 3650),
        ("--streak", streak, 0, 3650),
        ("--quizzes", quizzes, 0, MAX_QUIZZES),
    ]
    for name, value, low, high in ranges:
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low} and {high}.")
    if not password:
        raise ValueError("--password must not be empty.")


@dataclass
class _Histories:
    """The students' calendars and their histories, each made when first asked for."""

    today: date
    days: int
    streak: int
    count: int  # histories per calendar
    max_reviews: int
    until: datetime
    made: dict[int, tuple[list[date], list[Template]]] = field(default_factory=dict)

    def of(self, number: int) -> tuple[list[date], list[Template]]:
        """Calendar number % CALENDARS and its histories; the first keeps `streak`."""
        key = number % CALENDARS
        if key not in self.made:
            rng = random.Random(1000 + key)
            streak = self.streak
            own_streak = streak if key == 0 else rng.choice((0, 1, 5, 12, streak * 2))
            calendar = study_calendar(
                today=self.today, days=self.days, streak=min(own_streak, self.days), rng=rng
            )
            self.made[key] = (
                calendar,
                build_templates(
                    calendar=calendar,
                    max_reviews=self.max_reviews,
                    until=self.until,
                    count=self.count,
                    seed=key,
                ),
            )
        return self.made[key]


def seed_load(
    *,
    students: int,
    cards: int,
    password: str = DEFAULT_PASSWORD,
    reviewed_fraction: float = 0.1,
    logs_per_card: int = 10,
    days: int | None = None,
    streak: int = 30,
    quizzes: int = 0,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> SeedResult:
    _check_options(
        students=students,
        cards=cards,
        password=password,
        reviewed_fraction=reviewed_fraction,
        logs_per_card=logs_per_card,
        days=days,
        streak=streak,
        quizzes=quizzes,
    )
    started = time.monotonic()
    now = now or timezone.now()
    result = SeedResult()
    with transaction.atomic():
        load_bank = load_bank_ensure(questions=cards)
        users, result.students_created = _ensure_students(students=students, password=password)
    result.bank_id, question_ids = load_bank.bank_id, load_bank.question_ids
    result.questions_created = load_bank.created
    days = days or default_days(round(cards * reviewed_fraction))
    streak = min(streak, days)
    today = now.date()
    until = now - timedelta(hours=1)
    histories = _Histories(
        today=today,
        days=days,
        streak=streak,
        count=max(1, min(TEMPLATE_COUNT, round(cards * reviewed_fraction))),
        max_reviews=logs_per_card,
        until=until,
    )

    have = dict(
        Card.objects.filter(bank_id=load_bank.bank_id, user__in=users)
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
            made_cards, made_logs, per_day = _seed_student(
                user=user,
                bank_id=load_bank.bank_id,
                question_ids=question_ids,
                templates=histories.of(index - 1)[1],
                reviewed_fraction=reviewed_fraction,
                now=now,
                use_copy=use_copy,
            )
            progress_rebuild(user_ids=[user.pk])  # the aggregates of the progress pages
        result.cards_created += made_cards
        result.logs_created += made_logs
        if index == 1 and per_day:
            result.shape = history_shape(per_day, today=today)
        if progress and (index % 10 == 0 or index == len(users)):
            progress(f"  {index}/{len(users)} students, {time.monotonic() - started:.0f} s")
    result.quizzes_created = _seed_quizzes(
        users=users, bank_id=load_bank.bank_id, question_ids=question_ids, quizzes=quizzes, now=now
    )
    if use_copy and (result.cards_created or result.questions_created):
        # Fresh statistics: with the planner still believing the tables empty, the
        # queue's queries walk every question instead of the user's card index.
        load_bank_analyze()
        analyze([Card, ReviewLog, StudyPreferences, StudyDay, BankTally, QuizAttempt, QuizTally])
    result.seconds = time.monotonic() - started
    return result


def _seed_quizzes(
    *, users: list[User], bank_id: int, question_ids: list[int], quizzes: int, now: datetime
) -> int:
    """Each student's finished quizzes up to `quizzes` (those missing: one every
    seven hours back from now, scores drawn evenly), their quiz tallies recounted.
    Returns the quizzes made."""
    have = dict(
        QuizAttempt.objects.filter(bank_id=bank_id, user__in=users, finished_at__isnull=False)
        .values_list("user")
        .annotate(n=models.Count("id"))
        .values_list("user", "n")
    )
    made = 0
    for user in users:
        missing = quizzes - have.get(user.pk, 0)
        if missing <= 0:
            continue
        rng = random.Random(user.pk)
        with transaction.atomic():
            QuizAttempt.objects.bulk_create(
                (
                    QuizAttempt(
                        user=user,
                        bank_id=bank_id,
                        question_ids=rng.sample(question_ids, min(QUIZ_SIZE, len(question_ids))),
                        finished_at=now - timedelta(hours=7 * (quizzes - number)),
                        correct_count=rng.randint(0, min(QUIZ_SIZE, len(question_ids))),
                    )
                    for number in range(missing)
                ),
                batch_size=2000,
            )
            quiz_tallies_rebuild(user_ids=[user.pk])
        made += missing
    return made


def _reviewed_card(
    user_id: int, question_id: int, template: Template, shift: timedelta
) -> dict[str, Any]:
    """A card's fields at the end of its (shifted) history."""
    final = template.final
    return {
        "user_id": user_id,
        "question_id": question_id,
        "state": final["state"],
        "step": final["step"],
        "stability": final["stability"],
        "difficulty": final["difficulty"],
        "due": final["due"] + shift,
        "last_review": final["last_review"] + shift,
        "reps": final["reps"],
        "lapses": final["lapses"],
        "created_at": template.reviews[0].reviewed_at + shift,
        "updated_at": final["last_review"] + shift,
    }


def _new_card(user_id: int, question_id: int, now: datetime) -> dict[str, Any]:
    return {
        "user_id": user_id,
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


def _seed_student(
    *,
    user: User,
    bank_id: int,
    question_ids: list[int],
    templates: list[Template],
    reviewed_fraction: float,
    now: datetime,
    use_copy: bool,
) -> tuple[int, int, dict[date, int]]:
    taken = set(
        Card.objects.filter(user=user, question_id__in=question_ids).values_list(
            "question_id", flat=True
        )
    )
    todo = [qid for qid in question_ids if qid not in taken]
    per_day: dict[date, int] = defaultdict(int)
    if not todo:
        return 0, 0, per_day
    if not templates:
        reviewed_fraction = 0.0
    rng = random.Random(user.pk)
    reviewed = set(rng.sample(range(len(todo)), round(len(todo) * reviewed_fraction)))
    card_values: list[dict[str, Any]] = []
    histories: list[tuple[Template, timedelta] | None] = []
    for position, question_id in enumerate(todo):
        if position in reviewed:
            template = templates[rng.randrange(len(templates))]
            shift = place(rng)
            for review in template.reviews:
                per_day[(review.reviewed_at + shift).date()] += 1
            card_values.append(_reviewed_card(user.pk, question_id, template, shift))
            histories.append((template, shift))
        else:
            card_values.append(_new_card(user.pk, question_id, now))
            histories.append(None)

    for value in card_values:
        value["bank_id"] = bank_id
    card_ids = _write_cards(card_values, use_copy=use_copy)
    logs = _write_logs(_log_values(user.pk, card_ids, histories), use_copy=use_copy)
    return len(card_values), logs, per_day


def _write_cards(card_values: list[dict[str, Any]], *, use_copy: bool) -> list[int]:
    """The cards written (COPY with reserved ids, else bulk_create); their ids in order."""
    if use_copy:
        card_ids = reserve_ids(Card, len(card_values))
        for value, card_id in zip(card_values, card_ids, strict=True):
            value["id"] = card_id
        copy_rows(CopyRows(Card, with_id=True), card_values)
        return card_ids
    made = Card.objects.bulk_create([Card(**value) for value in card_values], batch_size=2000)
    return [card.pk for card in made]


def _log_values(
    user_id: int, card_ids: list[int], histories: list[tuple[Template, timedelta] | None]
) -> Iterator[dict[str, Any]]:
    """The review logs of the cards' histories, as COPY rows (JSON as text)."""
    for card_id, history in zip(card_ids, histories, strict=True):
        if history is None:
            continue
        template, shift = history
        for review in template.reviews:
            at = review.reviewed_at + shift
            yield {
                "user_id": user_id,
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


def _write_logs(values: Iterator[dict[str, Any]], *, use_copy: bool) -> int:
    """The logs written (COPY, else bulk_create of the model's known fields); how many."""
    if use_copy:
        return copy_rows(CopyRows(ReviewLog, with_id=False), values)
    log_fields = {f.attname for f in ReviewLog._meta.concrete_fields}
    objects = []
    for value in values:
        known = {k: v for k, v in value.items() if k in log_fields}
        known["card_before"] = json.loads(known["card_before"])
        known["result"] = {}
        objects.append(ReviewLog(**known))
    return len(ReviewLog.objects.bulk_create(objects, batch_size=2000))


def history_shape(per_day: dict[date, int], *, today: date) -> dict[str, Any]:
    """Study days, the current streak and reviews per study day of one history."""
    streak = 0
    day = today if per_day.get(today) else today - timedelta(days=1)
    while per_day.get(day):
        streak += 1
        day -= timedelta(days=1)
    counts = sorted(per_day.values())
    return {
        "study_days": len(counts),
        "first_day": min(per_day).isoformat(),
        "streak": streak,
        "reviews_per_day_median": counts[len(counts) // 2],
        "reviews_per_day_max": counts[-1],
    }
