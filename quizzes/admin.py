"""Teacher authoring in Django admin. Thin: permission decisions come from
quizzes.permissions, state changes from quizzes.services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html

from . import services
from .forms import ArticleAdminForm, ChoiceInlineFormSet, QuestionAdminForm
from .interop.admin_views import EXPORT_ACTIONS, bank_import_urls
from .jobs import generation_retry
from .models import Article, Choice, GenerationJob, Question, QuestionBank, Tag
from .permissions import can_edit_bank, is_teacher
from .selectors import evidence_in_paragraph

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin
else:
    _ModelAdmin = object


class OwnedBankMixin(_ModelAdmin):
    """Teachers see and change only their own banks (and their questions)."""

    bank_path = "bank"

    def _owner_filter(self, request):
        return (
            {f"{self.bank_path}__owner": request.user}
            if self.bank_path
            else {"owner": request.user}
        )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**self._owner_filter(request))

    def _bank_of(self, obj):
        return obj if not self.bank_path else getattr(obj, self.bank_path)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_bank(request.user, self._bank_of(obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_bank(request.user, self._bank_of(obj))


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "publisher", "published_on", "created_by", "created_at"]
    list_filter = ["publisher", "published_on"]
    search_fields = ["title", "publisher", "text"]
    date_hierarchy = "created_at"
    readonly_fields = ["checksum", "created_by", "created_at"]
    fields = [
        "title",
        "publisher",
        "url",
        "published_on",
        "text",
        "upload",
        "checksum",
        "created_by",
        "created_at",
    ]

    actions = ["generate_questions"]

    class Media:
        css = {"all": ["quizzes/admin.css"]}

    def get_queryset(self, request):
        """Teachers see the articles they added and those behind their banks."""
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(Q(created_by=request.user) | Q(banks__owner=request.user)).distinct()

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed or request.user.is_superuser:
            return allowed
        return obj.created_by_id == request.user.pk

    def _has_questions(self, obj) -> bool:
        return obj is not None and obj.banks.exists()

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if self._has_questions(obj):
            return [field for field in fields if field != "upload"]
        return fields

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._has_questions(obj):
            readonly.append("text")  # questions' evidence spans are offsets into it
        return readonly

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    # "Generate questions": the list action and the button on the article page.

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/generate/",
                self.admin_site.admin_view(self.generate_view),
                name="quizzes_article_generate",
            )
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_generate": is_teacher(request.user)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _generate(self, request, article):
        job = services.generation_request(article=article, user=request.user)
        if job.status in ("queued", "running"):
            jobs_url = reverse("admin:quizzes_generationjob_changelist")
            self.message_user(
                request,
                format_html(
                    '“{}”: generation queued as job #{}; follow it under <a href="{}">Generation jobs</a>.',
                    article,
                    job.pk,
                    jobs_url,
                ),
                messages.INFO,
            )
        elif job.status == "done":
            bank_url = reverse("admin:quizzes_questionbank_change", args=[job.bank_id])
            self.message_user(
                request,
                format_html(
                    '“{}”: {} <a href="{}">Review the bank</a>.',
                    article,
                    services.generation_summary(job.counts),
                    bank_url,
                ),
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request, f"“{article}”: no questions generated. {job.error}", messages.ERROR
            )
        return job

    @admin.action(description="Generate questions")
    def generate_questions(self, request, queryset):
        if not is_teacher(request.user):
            raise PermissionDenied
        for article in queryset:
            self._generate(request, article)

    def generate_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not is_teacher(request.user):
            raise PermissionDenied
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        self._generate(request, article)
        return HttpResponseRedirect(reverse("admin:quizzes_article_change", args=[article.pk]))


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["position", "kind", "prompt", "answer", "status", "origin"]
    readonly_fields = ["origin"]
    extra = 0
    show_change_link = True
    ordering = ["position", "id"]


@admin.register(QuestionBank)
class QuestionBankAdmin(OwnedBankMixin, admin.ModelAdmin):
    bank_path = ""
    list_display = [
        "title",
        "status",
        "is_public",
        "article",
        "owner",
        "question_total",
        "updated_at",
    ]
    list_filter = ["status", "is_public", "tags"]
    search_fields = ["title", "description", "article__title"]
    autocomplete_fields = ["article"]
    filter_horizontal = ["tags"]
    readonly_fields = ["owner", "created_at", "updated_at"]
    actions = ["publish_banks", "unpublish_banks", *EXPORT_ACTIONS]
    inlines = [QuestionInline]

    def get_urls(self):
        return bank_import_urls(self) + super().get_urls()

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_total=Count("questions"))

    @admin.display(description="Questions", ordering="question_total")
    def question_total(self, obj):
        return obj.question_total

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article" and not request.user.is_superuser:
            # The same articles the teacher can see in the article admin (and autocomplete).
            kwargs["queryset"] = self.admin_site.get_model_admin(Article).get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.owner = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish selected banks (and their complete questions)")
    def publish_banks(self, request, queryset):
        for bank in queryset:
            result = services.bank_publish(bank=bank, user=request.user)
            self.message_user(
                request,
                f"“{bank}” published with {result.published} question(s)"
                + (
                    f"; {len(result.incomplete)} incomplete left as drafts."
                    if result.incomplete
                    else "."
                ),
                messages.SUCCESS if not result.incomplete else messages.WARNING,
            )

    @admin.action(description="Return selected banks to draft")
    def unpublish_banks(self, request, queryset):
        count = services.bank_set_status(banks=queryset, status="draft")
        self.message_user(request, f"{count} bank(s) returned to draft.", messages.SUCCESS)


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceInlineFormSet
    fields = ["position", "text", "is_correct"]
    extra = 1
    ordering = ["position", "id"]


@admin.register(Question)
class QuestionAdmin(OwnedBankMixin, admin.ModelAdmin):
    form = QuestionAdminForm
    list_display = ["short_prompt", "kind", "status", "origin", "bank", "difficulty", "updated_at"]
    list_filter = [("bank", admin.RelatedOnlyFieldListFilter), "kind", "status", "origin"]
    list_select_related = ["bank"]
    search_fields = ["prompt", "answer", "explanation", "choices__text"]
    readonly_fields = ["evidence", "fingerprint", "origin", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["bank", "kind", "prompt", "answer", "explanation", "status"]}),
        ("Evidence", {"fields": ["evidence", "evidence_start", "evidence_end"]}),
        (
            "More",
            {
                "fields": [
                    "difficulty",
                    "position",
                    "origin",
                    "fingerprint",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [ChoiceInline]
    actions = ["publish_questions", "return_to_draft", "reject_questions"]

    @admin.display(description="Prompt")
    def short_prompt(self, obj):
        return obj.prompt if len(obj.prompt) <= 90 else obj.prompt[:89] + "…"

    @admin.display(description="Evidence in its paragraph")
    def evidence(self, obj):
        if not obj.pk or obj.bank.article is None:
            return "—"
        located = evidence_in_paragraph(obj.bank.article.text, obj.evidence_start, obj.evidence_end)
        if located is None:
            return "—"
        return format_html(
            '<p class="evidence-paragraph">{}<mark>{}</mark>{}</p>',
            located.before,
            located.evidence,
            located.after,
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bank" and not request.user.is_superuser:
            kwargs["queryset"] = QuestionBank.objects.filter(owner=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and not obj.origin:
            obj.origin = "authored"
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        services.question_archive(question=obj)

    def delete_queryset(self, request, queryset):
        for question in queryset:
            services.question_archive(question=question)

    def _set_status(self, request, queryset, status):
        result = services.question_set_status(questions=queryset, status=status)
        self.message_user(request, f"{result.changed} question(s) now {status}.", messages.SUCCESS)
        for question, problems in result.refused:
            self.message_user(
                request, f"Not published, incomplete: “{question}”: {problems}", messages.ERROR
            )

    @admin.action(description="Publish selected questions")
    def publish_questions(self, request, queryset):
        self._set_status(request, queryset, "published")

    @admin.action(description="Return selected questions to draft")
    def return_to_draft(self, request, queryset):
        self._set_status(request, queryset, "draft")

    @admin.action(description="Reject selected questions")
    def reject_questions(self, request, queryset):
        self._set_status(request, queryset, "rejected")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(GenerationJob)
class GenerationJobAdmin(admin.ModelAdmin):
    """Each generation's outcome (queued, running, done with counts, failed with the
    reason); failed ones can be retried. Teachers see the jobs of their articles."""

    list_display = [
        "id",
        "article",
        "bank",
        "status",
        "counts_summary",
        "reason",
        "requested_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status"]
    list_select_related = ["article", "bank", "requested_by"]
    readonly_fields = [f.name for f in GenerationJob._meta.fields]
    actions = ["retry_failed"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(Q(requested_by=request.user) | Q(article__created_by=request.user))

    @admin.display(description="Questions")
    def counts_summary(self, obj):
        return services.generation_summary(obj.counts) if obj.counts else "—"

    @admin.display(description="Reason of failure")
    def reason(self, obj):
        return obj.error or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return is_teacher(request.user)

    @admin.action(description="Retry failed generations", permissions=["retry"])
    def retry_failed(self, request, queryset):
        result = generation_retry(jobs=queryset)
        if result.retried:
            self.message_user(
                request,
                f"{len(result.retried)} generation(s) queued again: "
                + ", ".join(f"#{pk}" for pk in result.retried)
                + ".",
                messages.SUCCESS,
            )
        if result.skipped:
            self.message_user(
                request,
                f"{len(result.skipped)} job(s) not failed, left as they are: "
                + ", ".join(f"#{pk}" for pk in result.skipped)
                + ".",
                messages.WARNING,
            )
