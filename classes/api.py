"""The public door of `classes`: what other apps (learning, web) may use.
Other apps import only the names listed here (checked by .importlinter).

No model class goes through it (tests/test_api_doors.py); the classes are
importable here for annotations only (TYPE_CHECKING)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from classes.content import is_teacher
from classes.selectors import (
    assignment_get_for_student,
    assignment_get_for_teacher,
    assignment_list_for_student,
    assignment_list_for_teacher,
    assignment_window_start,
    bank_ids_assigned_to,
    classroom_get_for_student,
    classroom_list_for_student,
    classroom_preview_by_code,
    member_ids,
    member_rows,
)
from classes.services import ClassError, classroom_leave
from classes.services import classroom_join as _classroom_join

if TYPE_CHECKING:  # names for annotations, never for queries
    from django.contrib.auth.models import User

    from classes.models import Assignment as Assignment
    from classes.models import Classroom as Classroom


@dataclass(frozen=True, slots=True)
class JoinedClass:
    """The class a student joined with a code (created False: they were in it already)."""

    classroom_id: int
    name: str
    created: bool


def classroom_join(*, student: "User", code: str) -> JoinedClass:
    """Join the class of this code (classes.services.classroom_join), as a row."""
    membership, created = _classroom_join(student=student, code=code)
    classroom = membership.classroom
    return JoinedClass(classroom_id=classroom.pk, name=classroom.name, created=created)


__all__ = [
    "ClassError",
    "JoinedClass",
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
