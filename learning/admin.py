"""Admin for the learner side. Thin: numbers come from learning.selectors.

- "Student progress" (a proxy of QuestionBank): a teacher sees their own
  banks, and per bank a table of each student's mastery, retention, last
  activity and reviews, the questions most often failed and the leeches.
  Read-only.
- Cards, review logs, preferences and quiz attempts: read-only, superusers only
  (the review log is append-only; undo goes through the service).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from classes.api import TeacherAssignment, assignment_list_for_teacher
from classes.api import is_teacher as teaches  # read once per request
from quizzes.api import (
    banks_editable_by,
    can_edit_bank,
    is_teacher,
    published_questions,
    question_filter,
    question_path,
)

from . import assignments, selectors
from .models import (
    AssignmentReport,
    BankProgress,
    Card,
    QuizAttempt,
    ReviewLog,
    StudyPreferences,
)

if TYPE_CHECKING:
    from classes.api import Assignment

    _BankProgressAdmin = admin.ModelAdmin[BankProgress]
    _AssignmentReportAdmin = admin.ModelAdmin[AssignmentReport]
    _CardAdmin = admin.ModelAdmin[Card]
    _ReviewLogAdmin = admin.ModelAdmin[ReviewLog]
    _StudyPreferencesAdmin = admin.ModelAdmin[StudyPreferences]
    _QuizAttemptAdmin = admin.ModelAdmin[QuizAttempt]
else:  # ModelAdmin takes no type argument at run time
    _BankProgressAdmin = _AssignmentReportAdmin = _CardAdmin = admin.ModelAdmin
    _ReviewLogAdmin = _StudyPreferencesAdmin = _QuizAttemptAdmin = admin.ModelAdmin


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class SuperuserOnlyMixin(ReadOnlyMixin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_active and request.user.is_superuser


def _report_object_or_404(
    model_admin: admin.ModelAdmin[Any], request: HttpRequest, object_id: str, missing: str
) -> Any:
    """The object of a report page (BankProgress, AssignmentReport): one of the
    user's (the admin's get_queryset) they may view; anything else is a 404."""
    found = (
        model_admin.get_queryset(request).filter(pk=object_id).first()
        if object_id.isdigit()
        else None
    )
    if found is None or not model_admin.has_view_permission(request, found):
        raise Http404(missing)
    return found


@admin.register(BankProgress)
class BankProgressAdmin(ReadOnlyMixin, _BankProgressAdmin):
    list_display = ["title", "status", "question_total", "students", "progress_link"]
    search_fields = ["title"]
    ordering = ["title", "id"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_teacher(request.user)

    def has_view_permission(self, request: HttpRequest, obj: BankProgress | None = None) -> bool:
        if not is_teacher(request.user):
            return False
        return obj is None or can_edit_bank(request.user, obj)

    def get_queryset(self, request: HttpRequest) -> QuerySet[BankProgress]:
        owned = banks_editable_by(request.user).values("pk")
        published = published_questions().filter(bank=OuterRef("pk")).values("bank")
        students = (
            Card.objects.filter(
                question_filter("question", bank=OuterRef("pk")),
                selectors.students_reported_to(request.user),
            )
            .values(question_path("question", "bank"))
            .annotate(n=Count("user_id", distinct=True))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .filter(pk__in=owned)
            .select_related("owner")
            .annotate(
                published_total=Subquery(
                    published.annotate(n=Count("pk")).values("n"), output_field=IntegerField()
                ),
                student_total=Subquery(students, output_field=IntegerField()),
            )
        )

    @admin.display(description="questions")
    def question_total(self, obj: Any) -> int:
        return obj.published_total or 0

    @admin.display(description="students")
    def students(self, obj: Any) -> int:
        return obj.student_total or 0

    @admin.display(description="")
    def progress_link(self, obj: BankProgress) -> SafeString:
        url = reverse("admin:learning_bankprogress_change", args=[obj.pk])
        return format_html('<a href="{}">Show progress</a>', url)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        bank: BankProgress = _report_object_or_404(self, request, object_id, "No such bank.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Student progress: {bank.title}",
            "bank": bank,
            "students": selectors.bank_student_progress(bank=bank, teacher=request.user),
            "failures": selectors.question_failures(bank=bank, limit=10),
            "leeches": selectors.leeches(bank=bank, teacher=request.user),
            "question_total": published_questions(bank=bank).count(),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/learning/bank_progress.html", context)


PROGRESS_COLUMNS = [
    ("username", "Student"),
    ("status", "Status"),
    ("quiz_best", "Best quiz"),
    ("quiz_last", "Last quiz"),
    ("cards_studied", "Cards studied"),
    ("retention", "Retention (30 days)"),
    ("last_active", "Last active"),
]
SORTABLE = {"username", "status", "quiz_best", "cards_studied", "retention", "last_active"}


@admin.register(AssignmentReport)
class AssignmentReportAdmin(ReadOnlyMixin, _AssignmentReportAdmin):
    """Per assignment of the teacher's classes: each student's status, scores,
    cards, retention, last activity and late mark (sortable, CSV), and the item
    analysis of its questions with the doubtful ones flagged."""

    list_display = ["bank", "classroom", "due_at", "report_link"]
    list_select_related = ["bank", "classroom"]
    search_fields = ["bank__title", "classroom__name"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return teaches(request.user)

    def has_view_permission(
        self, request: HttpRequest, obj: AssignmentReport | None = None
    ) -> bool:
        if not teaches(request.user):
            return False
        if obj is None or request.user.is_superuser:
            return True
        return obj.classroom.teacher_id == request.user.pk

    def get_queryset(self, request: HttpRequest) -> QuerySet[AssignmentReport]:
        mine = assignment_list_for_teacher(teacher=request.user).values("pk")
        return super().get_queryset(request).filter(pk__in=mine).select_related("classroom", "bank")

    @admin.display(description="")
    def report_link(self, obj: AssignmentReport) -> SafeString:
        url = reverse("admin:learning_assignmentreport_change", args=[obj.pk])
        return format_html('<a href="{}">Show progress</a>', url)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        assignment: AssignmentReport = _report_object_or_404(
            self, request, object_id, "No such assignment."
        )
        ordering = request.GET.get("o", "username")
        if ordering.lstrip("-") not in SORTABLE:
            ordering = "username"
        report = TeacherAssignment.of(assignment)
        rows = assignments.assignment_progress(assignment=report, ordering=ordering)
        if request.GET.get("export") == "csv":
            return _progress_csv(assignment, rows)
        columns = [
            {
                "key": key,
                "label": label,
                "sortable": key in SORTABLE,
                "query": f"-{key}" if ordering == key else key,
                "sorted": "asc" if ordering == key else "desc" if ordering == f"-{key}" else "",
            }
            for key, label in PROGRESS_COLUMNS
        ]
        items = assignments.assignment_item_analysis(assignment=report)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"{assignment.bank.title} — {assignment.classroom.name}",
            "assignment": assignment,
            "columns": columns,
            "students": rows,
            "summary": assignments.assignment_summary(rows),
            "items": items,
            "flagged": sum(1 for item in items if item["flagged"]),
            "low_discrimination": assignments.LOW_DISCRIMINATION,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/learning/assignment_report.html", context)


def _progress_csv(assignment: Assignment, rows: list[dict[str, Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"assignment-{assignment.pk}-progress.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    assignments.progress_csv_write(rows, response)
    return response


@admin.register(Card)
class CardAdmin(SuperuserOnlyMixin, _CardAdmin):
    list_display = [
        "id",
        "user",
        "question",
        "state",
        "due",
        "stability",
        "difficulty",
        "reps",
        "lapses",
    ]
    list_filter = ["state"]
    search_fields = ["user__username", question_path("question", "prompt")]
    list_select_related = ["user", "question"]
    raw_id_fields = ["user", "question"]


@admin.register(ReviewLog)
class ReviewLogAdmin(SuperuserOnlyMixin, _ReviewLogAdmin):
    list_display = [
        "id",
        "user",
        "card",
        "rating",
        "source",
        "reviewed_at",
        "duration_ms",
        "undone",
    ]
    list_filter = ["rating", "source"]
    search_fields = ["user__username", "client_uuid"]
    list_select_related = ["user", "card", "undo"]
    date_hierarchy = "reviewed_at"

    @admin.display(boolean=True)
    def undone(self, obj: ReviewLog) -> bool:
        return hasattr(obj, "undo")


@admin.register(StudyPreferences)
class StudyPreferencesAdmin(SuperuserOnlyMixin, _StudyPreferencesAdmin):
    list_display = [
        "user",
        "desired_retention",
        "new_cards_per_day",
        "max_reviews_per_day",
        "time_zone",
        "parameters_fitted_at",
    ]
    search_fields = ["user__username"]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(SuperuserOnlyMixin, _QuizAttemptAdmin):
    list_display = ["id", "user", "bank", "mode", "started_at", "finished_at", "correct_count"]
    list_select_related = ["user", "bank"]
    search_fields = ["user__username", "bank__title"]
