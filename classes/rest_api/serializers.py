"""Serializers of the classes API: inputs validate types and hand plain values
to classes.services; outputs shape classes and assignments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from rest_framework import serializers

from classes.content import banks_assignable_by
from classes.models import QUIZ_MAX_LENGTH, Assignment, Classroom, Membership
from config.api_fields import (
    AwareDateTimeField,
    PrimaryKeyField,
    StrictBooleanField,
    StrictCharField,
)

if TYPE_CHECKING:
    from classes.selectors import AnyUser


def join_url(request: HttpRequest | None, classroom: Classroom) -> str:
    path = reverse("web:class_join_link", args=[classroom.join_code])
    return request.build_absolute_uri(path) if request is not None else path


class TeacherNameSerializer(serializers.Serializer[User]):
    id = serializers.IntegerField()
    username = serializers.CharField()


# --- students -----------------------------------------------------------------------------
class StudentClassroomSerializer(serializers.Serializer[Classroom]):
    """A class as its student sees it (no join code: that is the teacher's to share)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField()
    teacher = TeacherNameSerializer()


class JoinInputSerializer(serializers.Serializer[None]):
    code = StrictCharField(max_length=40, help_text="The join code, e.g. ABCD-EFGH (any case).")


# --- teachers -----------------------------------------------------------------------------
class TeachClassroomSerializer(serializers.ModelSerializer[Classroom]):
    join_code = serializers.CharField(source="join_code_display", read_only=True)
    join_url = serializers.SerializerMethodField()
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Classroom
        fields = [
            "id",
            "name",
            "description",
            "join_code",
            "join_open",
            "join_url",
            "member_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_join_url(self, classroom: Classroom) -> str:
        return join_url(self.context.get("request"), classroom)


class ClassroomUpdateInputSerializer(serializers.Serializer[None]):
    name = StrictCharField(max_length=120, required=False)
    description = StrictCharField(max_length=5000, required=False, allow_blank=True)
    join_open = StrictBooleanField(
        required=False, help_text="false closes the class to new students."
    )


class ClassroomCreateInputSerializer(ClassroomUpdateInputSerializer):
    name = StrictCharField(max_length=120)


class MemberSerializer(serializers.Serializer[Membership]):
    id = serializers.IntegerField(source="student_id", help_text="The student's user id.")
    username = serializers.CharField(source="student.username")
    joined_at = serializers.DateTimeField()


class MembersAddInputSerializer(serializers.Serializer[None]):
    usernames = serializers.ListField(
        child=StrictCharField(max_length=254),
        min_length=1,
        max_length=500,
        help_text="Usernames or emails of existing students; all or none are added.",
    )


class MembersAddedSerializer(serializers.Serializer[dict[str, list[str]]]):
    added = serializers.ListField(child=serializers.CharField())
    already = serializers.ListField(child=serializers.CharField())


class MembersImportInputSerializer(serializers.Serializer[None]):
    file = serializers.FileField(
        help_text="CSV of usernames or emails: a `username` or `email` column, else the first."
    )


class AssignmentBankSerializer(serializers.Serializer[Any]):  # a QuestionBank
    id = serializers.IntegerField()
    title = serializers.CharField()


class TeachAssignmentSerializer(serializers.ModelSerializer[Assignment]):
    bank = AssignmentBankSerializer()

    class Meta:
        model = Assignment
        fields = [
            "id",
            "classroom",
            "bank",
            "starts_at",
            "due_at",
            "quiz_length",
            "pass_mark",
            "all_cards",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AssignmentUpdateInputSerializer(serializers.Serializer[None]):
    bank = PrimaryKeyField(
        queryset=banks_assignable_by(None),
        required=False,
        help_text="A published bank: your own or a public one.",
    )
    starts_at = AwareDateTimeField(required=False, allow_null=True)
    due_at = AwareDateTimeField(required=False, allow_null=True)
    quiz_length = serializers.IntegerField(
        min_value=1,
        max_value=QUIZ_MAX_LENGTH,
        required=False,
        allow_null=True,
        help_text="Done after a quiz of this many questions (with pass_mark).",
    )
    pass_mark = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True, help_text="Percent."
    )
    all_cards = StrictBooleanField(
        required=False, help_text="Done once every card of the bank is studied once."
    )

    def __init__(self, *args: Any, user: AnyUser | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is not None:
            cast(PrimaryKeyField, self.fields["bank"]).limit_to(banks_assignable_by(user))


class AssignmentCreateInputSerializer(AssignmentUpdateInputSerializer):
    classroom = PrimaryKeyField(queryset=Classroom.objects.none(), help_text="One of your classes.")
    bank = PrimaryKeyField(
        queryset=banks_assignable_by(None), help_text="A published bank: your own or a public one."
    )

    def __init__(
        self, *args: Any, classrooms: QuerySet[Classroom] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if classrooms is not None:
            cast(PrimaryKeyField, self.fields["classroom"]).limit_to(classrooms)
