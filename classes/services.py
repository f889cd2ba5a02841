"""Writes of classes and assignments: one function per action, shared by the
API, the web pages and admin; each runs in one transaction and changes nothing
when its input is bad (a ClassError naming the field at fault)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from quizzes.api import QuestionBank

from .codes import join_code_is_well_formed, join_code_new, join_code_normalise
from .content import bank_assignable_by, bank_is_published
from .models import (
    JOIN_CODE_LENGTH,
    QUIZ_MAX_LENGTH,
    Assignment,
    Classroom,
    Membership,
)

MEMBERS_MAX_PER_REQUEST = 500
IMPORT_MAX_BYTES = 200_000


class ClassError(ValueError):
    """Bad input to a class service: `field` names the input at fault (the API
    turns it into its error shape, a form into a field error)."""

    def __init__(self, field: str, message: str, status: int = 400):
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status


# --- join codes -----------------------------------------------------------


def _with_fresh_code(save: Callable[[str], None]) -> None:
    """Run `save(code)` with a new code, retrying on the (rare) clash with another class."""
    for _ in range(5):
        try:
            with transaction.atomic():
                save(join_code_new())
            return
        except IntegrityError:
            continue
    raise ClassError("join_code", "Could not make a unique join code; please try again.", 409)


# --- classes --------------------------------------------------------------


def _clean_name(name: object) -> str:
    name = str(name or "").strip()
    if not name:
        raise ClassError("name", "Give the class a name.")
    if len(name) > 120:
        raise ClassError("name", "The name is at most 120 characters long.")
    return name


def classroom_create(*, teacher: User, name: str, description: str = "") -> Classroom:
    classroom = Classroom(teacher=teacher, name=_clean_name(name), description=description or "")

    def save(code: str) -> None:
        classroom.join_code = code
        classroom.save()

    _with_fresh_code(save)
    return classroom


def classroom_update(
    *,
    classroom: Classroom,
    name: str | None = None,
    description: str | None = None,
    join_open: bool | None = None,
) -> Classroom:
    changed = []
    if name is not None:
        classroom.name = _clean_name(name)
        changed.append("name")
    if description is not None:
        classroom.description = description
        changed.append("description")
    if join_open is not None:
        classroom.join_open = bool(join_open)
        changed.append("join_open")
    if changed:
        with transaction.atomic():
            classroom.save(update_fields=[*changed, "updated_at"])
    return classroom


def classroom_rotate_code(*, classroom: Classroom) -> Classroom:
    """A new join code: the old code and link stop working; members stay."""

    def save(code: str) -> None:
        classroom.join_code = code
        classroom.save(update_fields=["join_code", "updated_at"])

    _with_fresh_code(save)
    return classroom


@transaction.atomic
def classroom_delete(*, classroom: Classroom) -> None:
    """Deletes the class, its memberships and assignments; students' own
    study history (cards, reviews, quizzes) stays."""
    classroom.delete()


# --- members --------------------------------------------------------------


def classroom_join(
    *, student: User, code: str, now: datetime | None = None
) -> tuple[Membership, bool]:
    """Join the class whose code this is: (membership, created). Joining twice is
    harmless. A closed class, or an unknown code, is an error on `code`."""
    normalised = join_code_normalise(code)
    if not join_code_is_well_formed(normalised):
        raise ClassError(
            "code", f"A join code is {JOIN_CODE_LENGTH} letters and digits, like ABCD-EFGH."
        )
    classroom = Classroom.objects.filter(join_code=normalised).first()
    if classroom is None:
        raise ClassError("code", "No class has this code. Check it with your teacher.")
    existing = Membership.objects.filter(classroom=classroom, student=student).first()
    if existing is not None:
        return existing, False
    if not classroom.join_open:
        raise ClassError("code", "This class is closed to new students. Ask your teacher.")
    if classroom.teacher_id == student.pk:
        raise ClassError("code", "You teach this class.")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                classroom=classroom, student=student, joined_at=now or timezone.now()
            )
    except IntegrityError:  # joined at the same moment in another request
        return Membership.objects.get(classroom=classroom, student=student), False
    return membership, True


@transaction.atomic
def classroom_leave(*, student: User, classroom_id: int) -> None:
    """Leave a class: its private banks are no longer visible, the student's
    own cards and reviews are kept."""
    deleted, _ = Membership.objects.filter(classroom_id=classroom_id, student=student).delete()
    if not deleted:
        raise ClassError("classroom", "You are not in this class.", status=404)


@dataclass
class MembersAdded:
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[str]]:
        return {"added": self.added, "already": self.already}


def members_add(
    *, classroom: Classroom, usernames: list[str], now: datetime | None = None
) -> MembersAdded:
    """Add students by username (or email). All or nothing: one unknown name
    adds nobody and says which names are unknown."""
    wanted = list(dict.fromkeys(str(name).strip() for name in usernames if str(name).strip()))
    if not wanted:
        raise ClassError("usernames", "Give at least one username.")
    if len(wanted) > MEMBERS_MAX_PER_REQUEST:
        raise ClassError("usernames", f"At most {MEMBERS_MAX_PER_REQUEST} students at a time.")
    lowered = [name.lower() for name in wanted]
    found = _active_users_by_name(lowered)
    unknown = [name for name, low in zip(wanted, lowered, strict=True) if low not in found]
    if unknown:
        raise ClassError("usernames", f"No such student: {', '.join(unknown[:20])}.")
    if any(found[low].pk == classroom.teacher_id for low in lowered):
        raise ClassError("usernames", "A teacher cannot be a student of their own class.")
    return _memberships_add(classroom, [found[low] for low in lowered], when=now or timezone.now())


def _active_users_by_name(lowered: list[str]) -> dict[str, Any]:
    """Active users by lower-case username and email, for the names given (one query;
    the first user by id wins a name two share)."""
    users = (
        get_user_model()
        .objects.annotate(username_lower=Lower("username"), email_lower=Lower("email"))
        .filter(Q(username_lower__in=lowered) | Q(email_lower__in=lowered), is_active=True)
        .order_by("pk")
    )
    found: dict[str, Any] = {}
    for user in users:
        found.setdefault(user.get_username().lower(), user)
        if user.email:
            found.setdefault(user.email.lower(), user)
    return found


def _memberships_add(classroom: Classroom, users: list[Any], *, when: datetime) -> MembersAdded:
    """Memberships for the users not yet in the class, in one statement; the others
    are named as already there."""
    result = MembersAdded()
    with transaction.atomic():
        present = set(
            Membership.objects.filter(classroom=classroom).values_list("student_id", flat=True)
        )
        new = []
        for user in users:
            name = user.get_username()
            if user.pk in present:
                if name not in result.already:
                    result.already.append(name)
                continue
            present.add(user.pk)
            new.append(Membership(classroom=classroom, student=user, joined_at=when))
            result.added.append(name)
        Membership.objects.bulk_create(new, ignore_conflicts=True)
    return result


def usernames_from_csv(data: bytes) -> list[str]:
    """Usernames (or emails) from a CSV file: the `username` or `email` column
    when there is a header, else the first column."""
    if len(data) > IMPORT_MAX_BYTES:
        raise ClassError("file", f"The file is larger than {IMPORT_MAX_BYTES // 1000} kB.", 413)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClassError("file", "The file must be UTF-8 text (CSV).") from None
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        raise ClassError("file", "The file has no usernames.")
    header = [cell.strip().lower() for cell in rows[0]]
    column = 0
    for name in ("username", "email"):
        if name in header:
            column = header.index(name)
            rows = rows[1:]
            break
    return [row[column].strip() for row in rows if len(row) > column and row[column].strip()]


@transaction.atomic
def member_remove(*, classroom: Classroom, student_id: int) -> None:
    deleted, _ = Membership.objects.filter(classroom=classroom, student_id=student_id).delete()
    if not deleted:
        raise ClassError("student", "This student is not in the class.", status=404)


# --- assignments ----------------------------------------------------------

_UNSET = object()


def assignment_validate(assignment: Assignment, *, teacher: User) -> None:
    """The rules of an assignment (ClassError naming the field); admin's form uses it too."""
    _assignment_bank_validate(assignment, teacher=teacher)
    if assignment.starts_at and assignment.due_at and assignment.due_at <= assignment.starts_at:
        raise ClassError("due_at", "The due date must be after the start.")
    _assignment_goal_validate(assignment)


def _assignment_bank_validate(assignment: Assignment, *, teacher: User) -> None:
    """A published bank the teacher may assign."""
    if assignment.bank_id is None:
        raise ClassError("bank", "Choose a bank.")
    if not bank_is_published(assignment.bank):
        raise ClassError("bank", "Only a published bank can be assigned.")
    if not bank_assignable_by(teacher, assignment.bank):
        raise ClassError("bank", "You may assign your own banks and public ones only.")


def _assignment_goal_validate(assignment: Assignment) -> None:
    """What counts as done: a quiz (length and pass mark, in range), every card, or both."""
    if (assignment.quiz_length is None) != (assignment.pass_mark is None):
        missing = "pass_mark" if assignment.pass_mark is None else "quiz_length"
        raise ClassError(missing, "A quiz goal needs both a length and a pass mark.")
    if assignment.quiz_length is not None and not 1 <= assignment.quiz_length <= QUIZ_MAX_LENGTH:
        raise ClassError("quiz_length", f"A quiz has 1 to {QUIZ_MAX_LENGTH} questions.")
    if assignment.pass_mark is not None and not 0 <= assignment.pass_mark <= 100:
        raise ClassError("pass_mark", "The pass mark is a percentage, 0 to 100.")
    if assignment.quiz_length is None and not assignment.all_cards:
        raise ClassError(
            "quiz_length", "Say what counts as done: a quiz, every card studied, or both."
        )


def _save_assignment(assignment: Assignment, **save_kwargs: Any) -> Assignment:
    try:
        with transaction.atomic():
            assignment.save(**save_kwargs)
    except IntegrityError:
        raise ClassError("bank", "This bank is already assigned to this class.") from None
    return assignment


def assignment_create(
    *,
    classroom: Classroom,
    bank: QuestionBank,
    assigned_by: User,
    starts_at: datetime | None = None,
    due_at: datetime | None = None,
    quiz_length: int | None = None,
    pass_mark: int | None = None,
    all_cards: bool = False,
) -> Assignment:
    assignment = Assignment(
        classroom=classroom,
        bank=bank,
        assigned_by=assigned_by,
        starts_at=starts_at,
        due_at=due_at,
        quiz_length=quiz_length,
        pass_mark=pass_mark,
        all_cards=bool(all_cards),
    )
    assignment_validate(assignment, teacher=assigned_by)
    return _save_assignment(assignment)


def assignment_update(*, assignment: Assignment, user: User, **fields: Any) -> Assignment:
    """Change any of bank, starts_at, due_at, quiz_length, pass_mark, all_cards."""
    allowed = {"bank", "starts_at", "due_at", "quiz_length", "pass_mark", "all_cards"}
    unknown = set(fields) - allowed
    if unknown:
        raise ClassError(sorted(unknown)[0], "This field cannot be changed.")
    original = {name: getattr(assignment, name) for name in allowed}
    for name, value in fields.items():
        setattr(assignment, name, value)
    try:
        assignment_validate(assignment, teacher=user)
    except ClassError:
        for name, value in original.items():
            setattr(assignment, name, value)
        raise
    return _save_assignment(assignment)


@transaction.atomic
def assignment_delete(*, assignment: Assignment) -> None:
    """The assignment goes; students' study history of the bank stays."""
    assignment.delete()
