"""The public door of `classes`: what other apps (learning, web) may use.
Other apps import only the names listed here (checked by .importlinter).

No model class goes through it (tests/test_api_doors.py); the classes are
importable here for annotations only (TYPE_CHECKING)."""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from classes import selectors
from classes.content import is_teacher
from classes.selectors import (
    assignment_list_for_teacher,
    assignment_window_start,
    bank_ids_assigned_to,
    member_ids,
    member_rows,
)
from classes.services import ClassError
from classes.services import classroom_join as _classroom_join
from classes.services import classroom_leave as _classroom_leave

if TYPE_CHECKING:  # names for annotations, never for queries
    from django.contrib.auth.models import AnonymousUser, User

    from classes.models import Assignment as Assignment
    from classes.models import Classroom as Classroom

    AnyUser = User | AnonymousUser


@dataclass(frozen=True, slots=True)
class JoinedClass:
    """The class a student joined with a code (created False: they were in it already)."""

    classroom_id: int
    name: str
    created: bool


@dataclass(frozen=True, slots=True)
class ClassRow:
    """What a student's pages show of a class: its name, description and teacher."""

    pk: int
    name: str
    description: str
    teacher_name: str

    @classmethod
    def of(cls, classroom: "Classroom") -> "ClassRow":
        return cls(
            pk=classroom.pk,
            name=classroom.name,
            description=classroom.description,
            teacher_name=classroom.teacher.get_username(),
        )


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """What a student's quiz needs of one of their assignments: its bank, the quiz's
    length (None: the student picks) and when work starts counting for it."""

    pk: int
    bank_id: int
    quiz_length: int | None
    counts_from: datetime


def assignment_get_for_student(
    *, student: "AnyUser", assignment_id: object, now: datetime | None = None
) -> AssignmentRow:
    """One of the student's started assignments, as a row; 404 otherwise."""
    assignment = selectors.assignment_get_for_student(
        student=student, assignment_id=assignment_id, now=now
    )
    return AssignmentRow(
        pk=assignment.pk,
        bank_id=assignment.bank_id,
        quiz_length=assignment.quiz_length,
        counts_from=assignment_window_start(assignment),
    )


@dataclass(frozen=True, slots=True)
class TeacherAssignment:
    """What a teacher's report of an assignment needs: its class and bank, its
    goals (a quiz of `quiz_length` questions passed at `pass_mark` %, every card
    studied) and due date, and when work starts counting for it."""

    pk: int
    classroom_id: int
    bank_id: int
    quiz_length: int | None
    pass_mark: int | None
    all_cards: bool
    due_at: datetime | None
    counts_from: datetime

    @classmethod
    def of(cls, assignment: "Assignment") -> "TeacherAssignment":
        return cls(
            pk=assignment.pk,
            classroom_id=assignment.classroom_id,
            bank_id=assignment.bank_id,
            quiz_length=assignment.quiz_length,
            pass_mark=assignment.pass_mark,
            all_cards=assignment.all_cards,
            due_at=assignment.due_at,
            counts_from=assignment_window_start(assignment),
        )


def assignment_get_for_teacher(*, teacher: "AnyUser", assignment_id: object) -> TeacherAssignment:
    """An assignment of one of the teacher's classes (every class for a superuser),
    as a row; 404 otherwise."""
    return TeacherAssignment.of(
        selectors.assignment_get_for_teacher(teacher=teacher, assignment_id=assignment_id)
    )


@dataclass(frozen=True, slots=True)
class ClassRef:
    """The class an assignment was set in, as a student's pages name it."""

    id: int
    name: str
    teacher_name: str


@dataclass(frozen=True, slots=True)
class BankTitle:
    """The bank an assignment is about: its id and title."""

    id: int
    title: str


@dataclass(frozen=True, slots=True)
class OpenAssignment:
    """One of a student's started assignments as their home page and the API show it:
    its class, bank, dates and goals, and when work starts counting for it."""

    pk: int
    classroom: ClassRef
    bank: BankTitle
    starts_at: datetime | None
    due_at: datetime | None
    quiz_length: int | None
    pass_mark: int | None
    all_cards: bool
    counts_from: datetime

    @property
    def bank_id(self) -> int:
        return self.bank.id

    @classmethod
    def of_row(cls, row: tuple[Any, ...]) -> "OpenAssignment":
        """The row of selectors.OPEN_ASSIGNMENT_ROW's columns."""
        (pk, class_id, class_name, teacher_name, bank_id, bank_title,
         starts_at, due_at, quiz_length, pass_mark, all_cards, created_at) = row  # fmt: skip
        return cls(
            pk=pk,
            classroom=ClassRef(id=class_id, name=class_name, teacher_name=teacher_name),
            bank=BankTitle(id=bank_id, title=bank_title),
            starts_at=starts_at,
            due_at=due_at,
            quiz_length=quiz_length,
            pass_mark=pass_mark,
            all_cards=all_cards,
            counts_from=starts_at or created_at,  # (selectors.assignment_window_start)
        )


def assignment_list_for_student(
    *, student: "AnyUser", now: datetime | None = None
) -> list[OpenAssignment]:
    """Started assignments of the student's classes, soonest due first (undated
    last), as rows (one query, the class, teacher and bank joined)."""
    return [
        OpenAssignment.of_row(row)
        for row in selectors.assignment_rows_for_student(student=student, now=now)
    ]


def classroom_list_for_student(*, student: "AnyUser") -> list[ClassRow]:
    """The student's classes by name (one query, the teacher joined)."""
    return [ClassRow.of(c) for c in selectors.classroom_list_for_student(student=student)]


def classroom_get_for_student(*, student: "AnyUser", classroom_id: object) -> ClassRow:
    """One of the student's classes; 404 when they are not in it."""
    return ClassRow.of(
        selectors.classroom_get_for_student(student=student, classroom_id=classroom_id)
    )


def classroom_preview_by_code(*, code: str) -> ClassRow | None:
    """The class a join link points to (None for an unknown code), shown before joining."""
    classroom = selectors.classroom_preview_by_code(code=code)
    return ClassRow.of(classroom) if classroom is not None else None


def classroom_leave(*, student: "User", classroom_id: int) -> None:
    """Leave the class (classes.services.classroom_leave): 404 when not in it."""
    _classroom_leave(student=student, classroom_id=classroom_id)


def classroom_join(*, student: "User", code: str) -> JoinedClass:
    """Join the class of this code (classes.services.classroom_join), as a row."""
    membership, created = _classroom_join(student=student, code=code)
    classroom = membership.classroom
    return JoinedClass(classroom_id=classroom.pk, name=classroom.name, created=created)


__all__ = [
    "AssignmentRow",
    "BankTitle",
    "ClassRef",
    "ClassError",
    "ClassRow",
    "JoinedClass",
    "OpenAssignment",
    "TeacherAssignment",
    "assignment_get_for_student",
    "assignment_get_for_teacher",
    "assignment_list_for_student",
    "assignment_list_for_teacher",
    "assignment_window_start",
    "bank_ids_assigned_to",
    "classroom_get_for_student",
    "classroom_join",
    "classroom_leave",
    "classroom_list_for_student",
    "classroom_preview_by_code",
    "is_teacher",
    "member_ids",
    "member_rows",
]
