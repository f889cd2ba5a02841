"""Teachers' admin for classes and assignments. Thin: writes go through
classes.services, lists through classes.selectors (a teacher sees only their
own classes; a superuser all). Per-student progress and item analysis of an
assignment are learning's pages ("Assignment reports", learning/admin.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from . import selectors, services
from .content import banks_assignable_by, is_teacher
from .models import Assignment, Classroom, Membership
from .services import ClassError

if TYPE_CHECKING:
    from django.contrib.admin.options import InlineModelAdmin
    from django_stubs_ext import WithAnnotations

    from quizzes.api import QuestionBank

    _MembershipInline = admin.TabularInline[Membership, Classroom]
    _ClassroomForm = forms.ModelForm[Classroom]
    _ClassroomAdmin = admin.ModelAdmin[Classroom]
    _AssignmentForm = forms.ModelForm[Assignment]
    _AssignmentAdmin = admin.ModelAdmin[Assignment]
else:  # the admin's and forms' classes take no type argument at run time
    _MembershipInline = admin.TabularInline
    _ClassroomForm = _AssignmentForm = forms.ModelForm
    _ClassroomAdmin = _AssignmentAdmin = admin.ModelAdmin

_M = TypeVar("_M", bound=Model)


class MemberCount(TypedDict):
    member_count: int  # classes.selectors.classroom_list_for_teacher annotates it


def _teacher(request: HttpRequest) -> User:
    """The admin's user: admin_view lets only signed-in staff through, and
    TeacherOnlyMixin only teachers, before any of the admin's writes."""
    return cast(User, request.user)


class TeacherOnlyMixin(Generic[_M]):
    """Teachers (staff in the Teachers group) and superusers; their own classes only."""

    def _teacher_id(self, obj: _M) -> int:
        raise NotImplementedError

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_teacher(request.user)

    def _allowed(self, request: HttpRequest, obj: _M | None = None) -> bool:
        if not is_teacher(request.user):
            return False
        return obj is None or request.user.is_superuser or self._teacher_id(obj) == request.user.pk

    def has_view_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return self._allowed(request, obj)


class MembershipInline(_MembershipInline):
    model = Membership
    fields = ["student", "joined_at"]
    readonly_fields = ["student", "joined_at"]
    extra = 0
    can_delete = True
    verbose_name = "student"
    verbose_name_plural = "students (tick “delete” to remove one; their own history stays)"

    def has_add_permission(self, request: HttpRequest, obj: Classroom | None = None) -> bool:
        return False  # students are added by the form's fields, through the service

    def has_change_permission(self, request: HttpRequest, obj: Classroom | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Classroom | None = None) -> bool:
        return obj is not None and (request.user.is_superuser or obj.teacher_id == request.user.pk)

    def has_view_permission(self, request: HttpRequest, obj: Classroom | None = None) -> bool:
        return is_teacher(request.user)


class ClassroomForm(_ClassroomForm):
    add_students = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Usernames or emails of existing students, one per line or comma-separated.",
    )
    import_file = forms.FileField(
        required=False,
        label="Import students (CSV)",
        help_text="A CSV file with a `username` or `email` column (else the first column).",
    )

    class Meta:
        model = Classroom
        fields = ["name", "description", "join_open"]

    def clean_name(self) -> str:
        try:
            return services._clean_name(self.cleaned_data.get("name"))
        except ClassError as error:
            raise forms.ValidationError(error.message) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        names = [
            part.strip()
            for line in (cleaned.get("add_students") or "").splitlines()
            for part in line.split(",")
            if part.strip()
        ]
        upload = cleaned.get("import_file")
        if upload is not None:
            try:
                names += services.usernames_from_csv(upload.read())
            except ClassError as error:
                self.add_error("import_file", error.message)
        cleaned["usernames"] = names
        return cleaned


@admin.register(Classroom)
class ClassroomAdmin(TeacherOnlyMixin[Classroom], _ClassroomAdmin):
    form = ClassroomForm
    list_display = ["name", "code", "join_open", "member_count", "teacher", "report_links"]
    list_filter = ["join_open"]
    search_fields = ["name", "description"]
    readonly_fields = ["code", "join_link", "teacher", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "description"]}),
        ("Joining", {"fields": ["code", "join_link", "join_open"]}),
        ("Add students", {"fields": ["add_students", "import_file"]}),
        (None, {"fields": ["teacher", "created_at"]}),
    ]
    inlines = [MembershipInline]
    actions = ["rotate_codes", "close_joining", "open_joining"]

    def _teacher_id(self, obj: Classroom) -> int:
        return obj.teacher_id

    def get_queryset(self, request: HttpRequest) -> QuerySet[Classroom]:
        return selectors.classroom_list_for_teacher(teacher=request.user)

    def get_inlines(
        self, request: HttpRequest, obj: Classroom | None
    ) -> list[type[InlineModelAdmin[Any, Any]]]:  # (the admin's own signature)
        return self.inlines if obj is not None else []

    @admin.display(description="join code")
    def code(self, obj: Classroom) -> str:
        return obj.join_code_display if obj.pk else "(made when the class is saved)"

    @admin.display(description="join link")
    def join_link(self, obj: Classroom) -> str:
        if not obj.pk:
            return "-"
        path = reverse("web:class_join_link", args=[obj.join_code])
        return format_html('<a href="{}" data-testid="join-link">{}</a>', path, path)

    @admin.display(description="students", ordering="member_count")
    def member_count(self, obj: WithAnnotations[Classroom, MemberCount]) -> int:
        return obj.member_count

    @admin.display(description="")
    def report_links(self, obj: Classroom) -> SafeString:
        url = reverse("admin:classes_assignment_changelist") + f"?classroom__id__exact={obj.pk}"
        return format_html('<a href="{}">Assignments</a>', url)

    def save_model(
        self, request: HttpRequest, obj: Classroom, form: ClassroomForm, change: bool
    ) -> None:
        if change:
            services.classroom_update(
                classroom=obj,
                name=obj.name,
                description=obj.description,
                join_open=obj.join_open,
            )
        else:
            created = services.classroom_create(
                teacher=_teacher(request), name=obj.name, description=obj.description
            )
            if not obj.join_open:
                services.classroom_update(classroom=created, join_open=False)
            obj.pk, obj.join_code, obj.teacher = created.pk, created.join_code, created.teacher
            obj.created_at, obj.updated_at = created.created_at, created.updated_at
        usernames = form.cleaned_data.get("usernames") or []
        if usernames:
            try:
                result = services.members_add(classroom=obj, usernames=usernames)
            except ClassError as error:
                self.message_user(request, f"No students added: {error.message}", messages.ERROR)
            else:
                added = ", ".join(result.added) or "nobody new"
                self.message_user(request, f"Added {added}.", messages.SUCCESS)

    def delete_model(self, request: HttpRequest, obj: Classroom) -> None:
        services.classroom_delete(classroom=obj)

    @admin.action(description="Rotate the join code (old code and link stop working)")
    def rotate_codes(self, request: HttpRequest, queryset: QuerySet[Classroom]) -> None:
        for classroom in queryset:
            services.classroom_rotate_code(classroom=classroom)
        self.message_user(request, f"New join codes for {queryset.count()} class(es).")

    @admin.action(description="Close to new students")
    def close_joining(self, request: HttpRequest, queryset: QuerySet[Classroom]) -> None:
        for classroom in queryset:
            services.classroom_update(classroom=classroom, join_open=False)

    @admin.action(description="Open to new students")
    def open_joining(self, request: HttpRequest, queryset: QuerySet[Classroom]) -> None:
        for classroom in queryset:
            services.classroom_update(classroom=classroom, join_open=True)


class AssignmentForm(_AssignmentForm):
    class Meta:
        model = Assignment
        fields = [
            "classroom",
            "bank",
            "starts_at",
            "due_at",
            "quiz_length",
            "pass_mark",
            "all_cards",
        ]

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None:
            classrooms = cast("forms.ModelChoiceField[Classroom]", self.fields["classroom"])
            classrooms.queryset = selectors.classroom_list_for_teacher(teacher=user)
            banks = cast("forms.ModelChoiceField[QuestionBank]", self.fields["bank"])
            banks.queryset = banks_assignable_by(user).order_by("title", "id")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        candidate = Assignment(
            classroom=cleaned.get("classroom"),
            bank=cleaned.get("bank"),
            starts_at=cleaned.get("starts_at"),
            due_at=cleaned.get("due_at"),
            quiz_length=cleaned.get("quiz_length"),
            pass_mark=cleaned.get("pass_mark"),
            all_cards=cleaned.get("all_cards") or False,
        )
        assert self.user is not None  # the admin makes it with its user (AssignmentAdmin.get_form)
        try:
            services.assignment_validate(candidate, teacher=self.user)
        except ClassError as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, error.message)
        return cleaned


@admin.register(Assignment)
class AssignmentAdmin(TeacherOnlyMixin[Assignment], _AssignmentAdmin):
    form = AssignmentForm
    list_display = ["bank", "classroom", "starts_at", "due_at", "goal", "report_link"]
    list_filter = ["classroom"]
    list_select_related = ["bank", "classroom"]
    search_fields = ["bank__title", "classroom__name"]
    date_hierarchy = "due_at"

    def _teacher_id(self, obj: Assignment) -> int:
        return obj.classroom.teacher_id

    def get_queryset(self, request: HttpRequest) -> QuerySet[Assignment]:
        return selectors.assignment_list_for_teacher(teacher=request.user)

    def get_form(
        self,
        request: HttpRequest,
        obj: Assignment | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm[Assignment]]:
        form = super().get_form(request, obj, change=change, **kwargs)

        class WithUser(form):  # type: ignore[valid-type,misc]  # (admin's form class, made at run time)
            def __init__(self, *args: Any, **inner: Any) -> None:
                super().__init__(*args, user=request.user, **inner)

        return WithUser

    @admin.display(description="done when")
    def goal(self, obj: Assignment) -> str:
        parts = []
        if obj.quiz_length:
            parts.append(f"quiz of {obj.quiz_length} ≥ {obj.pass_mark}%")
        if obj.all_cards:
            parts.append("every card studied")
        return " and ".join(parts)

    @admin.display(description="")
    def report_link(self, obj: Assignment) -> SafeString:
        url = reverse("admin:learning_assignmentreport_change", args=[obj.pk])
        return format_html('<a href="{}">Progress and items</a>', url)

    def save_model(
        self, request: HttpRequest, obj: Assignment, form: AssignmentForm, change: bool
    ) -> None:
        values = {name: getattr(obj, name) for name in AssignmentForm.Meta.fields}
        if change:
            values.pop("classroom")
            services.assignment_update(assignment=obj, user=_teacher(request), **values)
        else:
            created = services.assignment_create(assigned_by=_teacher(request), **values)
            obj.pk, obj.assigned_by = created.pk, created.assigned_by
            obj.created_at, obj.updated_at = created.created_at, created.updated_at

    def delete_model(self, request: HttpRequest, obj: Assignment) -> None:
        services.assignment_delete(assignment=obj)
