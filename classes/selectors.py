"""Reads of classes and assignments. Every "get" is also the access check: a
teacher reaches only their own classes (a superuser all), a student only the
classes they are in; anything else is a 404, the same as a missing id."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from config.prepared_sql import prepared_rows

from .codes import join_code_normalise
from .content import is_teacher, published_bank
from .models import Assignment, Classroom, Membership

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


def _as_id(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("No such object.") from None


# --- teachers -------------------------------------------------------------


def classroom_list_for_teacher(*, teacher: AnyUser) -> QuerySet[Classroom]:
    """The teacher's classes with `member_count` (every class for a superuser)."""
    if not is_teacher(teacher):
        return Classroom.objects.none()
    classes = Classroom.objects.all() if teacher.is_superuser else teacher.classrooms_taught.all()
    return (
        classes.select_related("teacher")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name", "id")
    )


def classroom_get_for_teacher(*, teacher: AnyUser, classroom_id: object) -> Classroom:
    classroom = classroom_list_for_teacher(teacher=teacher).filter(pk=_as_id(classroom_id)).first()
    if classroom is None:
        raise Http404("No such class.")
    return classroom


def member_list(*, classroom: Classroom) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(classroom=classroom)
        .select_related("student")
        .order_by("student__username", "id")
    )


def assignment_list_for_teacher(*, teacher: AnyUser) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(classroom__in=classroom_list_for_teacher(teacher=teacher))
        .select_related("classroom", "bank")
        .order_by("classroom__name", "classroom_id", "due_at", "id")
    )


def assignment_get_for_teacher(*, teacher: AnyUser, assignment_id: object) -> Assignment:
    assignment = (
        assignment_list_for_teacher(teacher=teacher).filter(pk=_as_id(assignment_id)).first()
    )
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


# --- students -------------------------------------------------------------


def classroom_list_for_student(*, student: AnyUser) -> QuerySet[Classroom]:
    if not student.is_authenticated:
        return Classroom.objects.none()
    return (
        Classroom.objects.filter(memberships__student=student)
        .select_related("teacher")
        .order_by("name", "id")
    )


def classroom_get_for_student(*, student: AnyUser, classroom_id: object) -> Classroom:
    classroom = classroom_list_for_student(student=student).filter(pk=_as_id(classroom_id)).first()
    if classroom is None:
        raise Http404("No such class.")
    return classroom


def classroom_preview_by_code(*, code: str) -> Classroom | None:
    """The class a join link points to (None for an unknown code), to show its
    name and teacher before joining."""
    return (
        Classroom.objects.select_related("teacher")
        .filter(join_code=join_code_normalise(code))
        .first()
    )


def _open_assignments(
    *, student: AnyUser, now: datetime | None = None, published_only: bool = True
) -> QuerySet[Assignment]:
    """Assignments of the student's classes that have started, of published banks
    (`published_only=False`: for callers that keep to published banks themselves)."""
    now = now or timezone.now()
    started = Assignment.objects.filter(
        Q(starts_at__isnull=True) | Q(starts_at__lte=now),
        classroom__memberships__student_id=student.pk,
    )
    return started.filter(published_bank("bank")) if published_only else started


def assignment_list_for_student(
    *, student: AnyUser, now: datetime | None = None
) -> QuerySet[Assignment]:
    """Started assignments of the student's classes, soonest due first (undated last)."""
    if not student.is_authenticated:
        return Assignment.objects.none()
    return (
        _open_assignments(student=student, now=now)
        .select_related("classroom", "classroom__teacher", "bank")
        .order_by(F("due_at").asc(nulls_last=True), "classroom__name", "id")
    )


# A student's open assignment as a row: its class (and teacher's name), bank title,
# dates and goals (classes.api.OpenAssignment).
OPEN_ASSIGNMENT_ROW = (
    "id",
    "classroom_id",
    "classroom__name",
    f"classroom__teacher__{get_user_model().USERNAME_FIELD}",
    "bank_id",
    "bank__title",
    "starts_at",
    "due_at",
    "quiz_length",
    "pass_mark",
    "all_cards",
    "created_at",
)


def _open_assignment_rows_query(*, student: int, now: datetime) -> QuerySet[Any]:
    return (
        _open_assignments(student=get_user_model()(pk=student), now=now)
        .order_by(F("due_at").asc(nulls_last=True), "classroom__name", "id")
        .values_list(*OPEN_ASSIGNMENT_ROW)
    )


def assignment_rows_for_student(
    *, student: AnyUser, now: datetime | None = None
) -> list[tuple[Any, ...]]:
    """assignment_list_for_student as rows of OPEN_ASSIGNMENT_ROW (one query, its
    statement compiled once per process: the home page reads it on every visit)."""
    if not student.is_authenticated:
        return []
    return prepared_rows(
        ("classes.open_assignments",),
        _open_assignment_rows_query,
        student=student.pk,
        now=now or timezone.now(),
    )


def assignment_get_for_student(
    *, student: AnyUser, assignment_id: object, now: datetime | None = None
) -> Assignment:
    assignment = (
        assignment_list_for_student(student=student, now=now)
        .filter(pk=_as_id(assignment_id))
        .first()
    )
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


def bank_ids_assigned_to(*, student: AnyUser, now: datetime | None = None) -> QuerySet[Any]:
    """Ids of the banks assigned to the student's classes (started ones), as a
    subquery: the study queue's order uses it. Drafts are not left out: its
    callers read studyable (published) banks only, and this hot subquery stays
    without a join to the bank."""
    if not student.is_authenticated:
        return Assignment.objects.none().values("bank_id")
    return _open_assignments(student=student, now=now, published_only=False).values("bank_id")


def member_ids(
    *, classroom_id: int | None = None, taught_by: AnyUser | None = None
) -> QuerySet[Any]:
    """The student ids of one class, or of every class `taught_by` teaches, as a
    subquery (the teacher's reports filter on it). Give one of the two."""
    if classroom_id is not None and taught_by is None:
        return Membership.objects.filter(classroom_id=classroom_id).values("student_id")
    if taught_by is not None and classroom_id is None:
        return Membership.objects.filter(classroom__teacher_id=taught_by.pk).values("student_id")
    raise TypeError("member_ids takes classroom_id or taught_by")


def member_rows(*, classroom_id: int) -> list[tuple[int, str, datetime]]:
    """(student id, username, joined at) of each student of the class, by username."""
    return list(
        Membership.objects.filter(classroom_id=classroom_id)
        .order_by("student__username", "student_id")
        .values_list("student_id", "student__username", "joined_at")
    )


def assignment_window_start(assignment: Assignment) -> datetime:
    """Work counts towards an assignment from its start (or from when it was set)."""
    return assignment.starts_at or assignment.created_at
