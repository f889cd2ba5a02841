"""Classes API: students join and leave classes; teachers manage their classes,
members and assignments. Thin: querysets come from classes.selectors (which are
the access checks: not yours is a 404), writes go through classes.services,
whose ClassError becomes the shared error shape in config.api_errors."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from classes import selectors, services
from classes.models import Assignment, Classroom, Membership
from config.api_common import IsTeacher
from config.api_typing import SignedInApiRequest, SignedInApiView, serialize_many

from . import serializers as s

_M = TypeVar("_M", bound=Model)


# --- students -----------------------------------------------------------------------------
@extend_schema(tags=["classes"])
class ClassListView(SignedInApiView, ListAPIView[Classroom]):
    """The classes the caller is a student of."""

    serializer_class = s.StudentClassroomSerializer

    def get_queryset(self) -> QuerySet[Classroom]:
        if getattr(self, "swagger_fake_view", False):
            return Classroom.objects.none()
        return selectors.classroom_list_for_student(student=self.request.user)

    @extend_schema(summary="My classes")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["classes"])
class ClassJoinView(SignedInApiView, GenericAPIView[Classroom]):
    """Join a class with its code."""

    serializer_class = s.StudentClassroomSerializer

    @extend_schema(
        summary="Join a class with its code",
        description="201 when joined, 200 when already a member. An unknown or closed "
        "code is a 400 naming `code`.",
        request=s.JoinInputSerializer,
        responses={201: s.StudentClassroomSerializer, 200: s.StudentClassroomSerializer},
    )
    def post(self, request: SignedInApiRequest) -> Response:
        data = s.JoinInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership, created = services.classroom_join(
            student=request.user, code=data.validated_data["code"]
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(s.StudentClassroomSerializer(membership.classroom).data, status=code)


@extend_schema(tags=["classes"])
class ClassLeaveView(SignedInApiView, GenericAPIView[Classroom]):
    """Leave one of the caller's classes."""

    queryset = Classroom.objects.none()  # typing the path's id in the schema only
    serializer_class = s.StudentClassroomSerializer  # OPTIONS describes the class

    @extend_schema(
        summary="Leave a class",
        description="The class's private banks disappear from the caller's lists; the "
        "caller's own cards and review history are kept.",
        request=None,
        responses={204: None},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        classroom = selectors.classroom_get_for_student(student=request.user, classroom_id=pk)
        services.classroom_leave(student=request.user, classroom_id=classroom.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- teachers -----------------------------------------------------------------------------
class TeachViewSet(SignedInApiView, viewsets.GenericViewSet[_M]):
    permission_classes = [IsAuthenticated, IsTeacher]
    output_serializer: type[serializers.BaseSerializer[_M]]
    lookup_value_converter = "id"

    def get_serializer_class(self) -> type[serializers.BaseSerializer[_M]]:
        return self.output_serializer

    def _out(self, instance: _M, code: int = status.HTTP_200_OK) -> Response:
        data = self.output_serializer(instance, context=self.get_serializer_context()).data
        return Response(data, status=code)


@extend_schema_view(
    list=extend_schema(summary="My classes (teacher)"),
    retrieve=extend_schema(summary="One of my classes"),
    create=extend_schema(
        summary="Create a class (it gets a join code)",
        request=s.ClassroomCreateInputSerializer,
        responses={201: s.TeachClassroomSerializer},
    ),
    partial_update=extend_schema(
        summary="Rename a class, or close / reopen it to new students",
        request=s.ClassroomUpdateInputSerializer,
        responses={200: s.TeachClassroomSerializer},
    ),
    destroy=extend_schema(summary="Delete a class (students keep their own study history)"),
)
@extend_schema(tags=["teach"])
class TeachClassViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    TeachViewSet[Classroom],
):
    """The caller's classes; another teacher's class is a 404."""

    output_serializer = s.TeachClassroomSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Classroom]:
        if getattr(self, "swagger_fake_view", False):
            return Classroom.objects.none()
        return selectors.classroom_list_for_teacher(teacher=self.request.user)

    def _fresh(self, classroom: Classroom) -> Classroom:
        return self.get_queryset().get(pk=classroom.pk)

    def create(self, request: SignedInApiRequest) -> Response:
        data = s.ClassroomCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        join_open = values.pop("join_open", None)
        classroom = services.classroom_create(teacher=request.user, **values)
        if join_open is not None:
            services.classroom_update(classroom=classroom, join_open=join_open)
        return self._out(self._fresh(classroom), status.HTTP_201_CREATED)

    def partial_update(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        classroom = self.get_object()
        data = s.ClassroomUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.classroom_update(classroom=classroom, **data.validated_data)
        return self._out(self._fresh(classroom))

    def perform_destroy(self, instance: Classroom) -> None:
        services.classroom_delete(classroom=instance)

    @extend_schema(
        summary="A new join code (the old code and link stop working)",
        request=None,
        responses={200: s.TeachClassroomSerializer},
    )
    @action(detail=True, methods=["post"], url_path="rotate-code")
    def rotate_code(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        classroom = services.classroom_rotate_code(classroom=self.get_object())
        return self._out(self._fresh(classroom))


class TeachClassView(SignedInApiView, GenericAPIView[Membership]):
    """Base of the views of one of the caller's classes (404 when not theirs)."""

    permission_classes = [IsAuthenticated, IsTeacher]
    queryset = Membership.objects.none()  # typing the path's ids in the schema only

    def _classroom(self, pk: int) -> Classroom:
        return selectors.classroom_get_for_teacher(teacher=self.request.user, classroom_id=pk)


@extend_schema(tags=["teach"])
class TeachMembersView(TeachClassView):
    """The students of one of the caller's classes."""

    serializer_class = s.MemberSerializer

    @extend_schema(summary="Students of a class", responses={200: s.MemberSerializer(many=True)})
    def get(self, request: SignedInApiRequest, pk: int) -> Response:
        members = selectors.member_list(classroom=self._classroom(pk))
        page = self.paginate_queryset(members)
        return self.get_paginated_response(serialize_many(s.MemberSerializer, page))

    @extend_schema(
        summary="Add students by username or email",
        description="All or none: one unknown name adds nobody (400 naming `usernames`).",
        request=s.MembersAddInputSerializer,
        responses={200: s.MembersAddedSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        classroom = self._classroom(pk)
        data = s.MembersAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.members_add(
            classroom=classroom, usernames=data.validated_data["usernames"]
        )
        return Response(s.MembersAddedSerializer(result.as_dict()).data)


@extend_schema(tags=["teach"])
class TeachMembersImportView(TeachClassView):
    """Add the students listed in a CSV file."""

    parser_classes = [MultiPartParser]
    # What it answers, not a Membership: the stubs tie serializer_class to the
    # queryset's model, and the queryset here only types the path's id.
    serializer_class = s.MembersAddedSerializer  # type: ignore[assignment]
    extra_error_codes = ("413",)

    @extend_schema(
        summary="Add students from a CSV of usernames or emails",
        request={"multipart/form-data": s.MembersImportInputSerializer},
        responses={200: s.MembersAddedSerializer},
    )
    def post(self, request: SignedInApiRequest, pk: int) -> Response:
        classroom = self._classroom(pk)
        data = s.MembersImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        usernames = services.usernames_from_csv(data.validated_data["file"].read())
        result = services.members_add(classroom=classroom, usernames=usernames)
        return Response(s.MembersAddedSerializer(result.as_dict()).data)


@extend_schema(tags=["teach"])
class TeachMemberDetailView(TeachClassView):
    """Remove a student from one of the caller's classes."""

    serializer_class = s.MemberSerializer  # OPTIONS describes a member

    @extend_schema(
        summary="Remove a student from a class (their study history stays)",
        request=None,
        responses={204: None},
    )
    def delete(self, request: SignedInApiRequest, pk: int, student_id: int) -> Response:
        services.member_remove(classroom=self._classroom(pk), student_id=student_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Assignments of my classes"),
    retrieve=extend_schema(summary="One assignment of my classes"),
    create=extend_schema(
        summary="Assign a published bank to one of my classes",
        request=s.AssignmentCreateInputSerializer,
        responses={201: s.TeachAssignmentSerializer},
    ),
    partial_update=extend_schema(
        summary="Change an assignment's bank, dates or goal",
        request=s.AssignmentUpdateInputSerializer,
        responses={200: s.TeachAssignmentSerializer},
    ),
    destroy=extend_schema(summary="Withdraw an assignment (students' history stays)"),
)
@extend_schema(tags=["teach"])
class TeachAssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    TeachViewSet[Assignment],
):
    """Assignments of the caller's classes; another teacher's are 404."""

    output_serializer = s.TeachAssignmentSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Assignment]:
        if getattr(self, "swagger_fake_view", False):
            return Assignment.objects.none()
        return selectors.assignment_list_for_teacher(teacher=self.request.user)

    def create(self, request: SignedInApiRequest) -> Response:
        classrooms = selectors.classroom_list_for_teacher(teacher=request.user)
        data = s.AssignmentCreateInputSerializer(
            data=request.data, classrooms=classrooms, user=request.user
        )
        data.is_valid(raise_exception=True)
        assignment = services.assignment_create(assigned_by=request.user, **data.validated_data)
        return self._out(self.get_queryset().get(pk=assignment.pk), status.HTTP_201_CREATED)

    def partial_update(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        assignment = self.get_object()
        data = s.AssignmentUpdateInputSerializer(data=request.data, user=request.user)
        data.is_valid(raise_exception=True)
        services.assignment_update(assignment=assignment, user=request.user, **data.validated_data)
        return self._out(self.get_queryset().get(pk=assignment.pk))

    def perform_destroy(self, instance: Assignment) -> None:
        services.assignment_delete(assignment=instance)
