"""Teacher authoring in Django admin. Thin: permission decisions come from
quizzes.permissions, state changes from quizzes.services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from . import services
from .forms import ArticleAdminForm, ChoiceInlineFormSet, QuestionAdminForm, QuestionInlineFormSet
from .interop.admin_views import EXPORT_ACTIONS, bank_import_urls
from .jobs import generation_fail_stale, generation_retry
from .models import (
    Article,
    Choice,
    GenerationJob,
    Question,
    QuestionBank,
    QuestionReport,
    Tag,
)
from .permissions import (
    articles_authored_by,
    banks_editable_by,
    can_edit_bank,
    generation_jobs_visible_to,
    is_teacher,
)
from .review_admin import review_urls
from .selectors import evidence_in_paragraph

if TYPE_CHECKING:
    from django.db.models import ForeignKey
    from django.forms import ModelChoiceField
    from django.urls import URLPattern

    _ModelAdmin = admin.ModelAdmin[Any]
    _ArticleAdmin = admin.ModelAdmin[Article]
    _QuestionBankAdmin = admin.ModelAdmin[QuestionBank]
    _QuestionReportAdmin = admin.ModelAdmin[QuestionReport]
    _QuestionAdmin = admin.ModelAdmin[Question]
    _TagAdmin = admin.ModelAdmin[Tag]
    _GenerationJobAdmin = admin.ModelAdmin[GenerationJob]
    _QuestionInline = admin.TabularInline[Question, QuestionBank]
    _ChoiceInline = admin.TabularInline[Choice, Question]
else:  # ModelAdmin takes no type argument at run time
    _ModelAdmin = object
    _ArticleAdmin = _QuestionBankAdmin = _QuestionReportAdmin = admin.ModelAdmin
    _QuestionAdmin = _TagAdmin = _GenerationJobAdmin = admin.ModelAdmin
    _QuestionInline = _ChoiceInline = admin.TabularInline


_PAGE_READ = "_article_page"  # on the request: what "Read the page" found


def _page_read(request: HttpRequest) -> dict[str, Any] | None:
    page: dict[str, Any] | None = getattr(request, _PAGE_READ, None)
    return page


def _staff_user(request: HttpRequest) -> User:
    """The admin's user: admin_view lets only signed-in staff through."""
    user = request.user
    if not isinstance(user, User):  # never: admin_view answered the login page
        raise PermissionDenied
    return user


class OwnedBankMixin(_ModelAdmin):
    """Teachers see and change only their own banks (and their questions)."""

    bank_path = "bank"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        editable = banks_editable_by(request.user)
        return queryset.filter(
            **{f"{self.bank_path}__in" if self.bank_path else "pk__in": editable}
        )

    def _bank_of(self, obj: Any) -> QuestionBank:
        bank: QuestionBank = obj if not self.bank_path else getattr(obj, self.bank_path)
        return bank

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_bank(request.user, self._bank_of(obj))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_bank(request.user, self._bank_of(obj))


@admin.register(Article)
class ArticleAdmin(_ArticleAdmin):
    form = ArticleAdminForm
    list_display = ["title", "publisher", "published_on", "bank_links", "created_at"]
    list_filter = ["publisher", "published_on"]
    search_fields = ["title", "publisher", "text"]
    date_hierarchy = "created_at"
    readonly_fields = ["banks_and_jobs", "checksum", "created_by", "created_at"]
    fields = [
        "url",
        "upload",
        "title",
        "author",
        "publisher",
        "published_on",
        "date_checked",
        "text",
        "banks_and_jobs",
        "checksum",
        "created_by",
        "created_at",
    ]

    actions = ["generate_questions"]

    class Media:
        css = {"all": ["quizzes/admin.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        """Teachers see the articles they added and those behind their banks (and,
        of an article's banks, their own)."""
        queryset = super().get_queryset(request)
        banks = banks_editable_by(request.user).order_by("title", "id")
        if not request.user.is_superuser:
            queryset = queryset.filter(pk__in=articles_authored_by(request.user).values("pk"))
        return queryset.prefetch_related(Prefetch("banks", queryset=banks, to_attr="own_banks"))

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed or request.user.is_superuser:
            return allowed
        return obj.created_by_id == request.user.pk

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        if request.user.is_superuser:  # teachers see their own articles: no need to say whose
            return [*self.list_display[:-1], "created_by", self.list_display[-1]]
        return list(self.list_display)

    def _has_questions(self, obj: Article | None) -> bool:
        return obj is not None and obj.banks.exists()

    def get_fields(self, request: HttpRequest, obj: Article | None = None) -> list[Any]:
        fields = super().get_fields(request, obj)
        if obj is None:  # nothing stored or generated yet
            unsaved = {"banks_and_jobs", "checksum", "created_by", "created_at"}
            return [field for field in fields if field not in unsaved]
        hidden = {"date_checked"} | ({"upload"} if self._has_questions(obj) else set())
        return [field for field in fields if field not in hidden]

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if self._has_questions(obj):
            readonly.append("text")  # questions' evidence spans are offsets into it
        return readonly

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = _staff_user(request)
        super().save_model(request, obj, form, change)

    def response_add(
        self, request: HttpRequest, obj: Article, post_url_continue: str | None = None
    ) -> HttpResponse:
        """After adding, the article's own page: its "Generate questions" button is next."""
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            f"“{obj}” added. Press “Generate questions” to make its draft bank.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:quizzes_article_change", args=[obj.pk]))

    # The article's banks and generation jobs, on its page and in the list.

    @admin.display(description="Banks")
    def bank_links(self, obj: Article) -> str:
        banks = getattr(obj, "own_banks", [])
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:quizzes_questionbank_review", args=[bank.pk]), bank.title)
                    for bank in banks
                ),
            )
            or "—"
        )

    @admin.display(description="Banks and generation jobs")
    def banks_and_jobs(self, obj: Article | None) -> str:
        if obj is None or obj.pk is None:
            return "—"
        banks = getattr(obj, "own_banks", [])
        jobs_url = (
            reverse("admin:quizzes_generationjob_changelist") + f"?article__id__exact={obj.pk}"
        )
        job_count = obj.generation_jobs.count()
        bank_items = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({}) · <a href="{}">Review drafts</a> · '
            '<a href="{}">Preview as student</a></li>',
            (
                (
                    reverse("admin:quizzes_questionbank_change", args=[bank.pk]),
                    bank.title,
                    bank.get_status_display().lower(),
                    reverse("admin:quizzes_questionbank_review", args=[bank.pk]),
                    reverse("web:bank_preview", args=[bank.pk]),
                )
                for bank in banks
            ),
        )
        return format_html(
            '<ul class="article-links">{}<li><a href="{}">Generation jobs ({})</a></li></ul>',
            bank_items or mark_safe("<li>No bank yet: press “Generate questions”.</li>"),
            jobs_url,
            job_count,
        )

    # Adding from the web: "Read the page" fills the add form for the teacher to check.

    def _wants_page_read(self, request: HttpRequest, object_id: str | None) -> bool:
        if request.method != "POST" or object_id is not None:
            return False
        upload = request.FILES.get("upload")
        if "_read_page" in request.POST or (upload and services.is_html_upload(upload.name or "")):
            return True
        typed_text = request.POST.get("text", "").strip()
        return bool(request.POST.get("url", "").strip()) and not typed_text and not upload

    def _read_page(self, request: HttpRequest) -> dict[str, Any]:
        """What to show in the add form after reading the page: the values found, or
        what the teacher typed with the reason the page could not be read."""
        upload = request.FILES.get("upload")
        url = request.POST.get("url", "").strip()
        try:
            if upload and services.is_html_upload(upload.name or ""):
                found = services.article_find_in_html(
                    data=upload.read(settings.ARTICLE_PAGE_MAX_BYTES + 1),
                    filename=upload.name or "",
                    url=url,
                )
            elif url:
                found = services.article_find_at_url(url=url)
            else:
                raise services.ArticleInputError(
                    "url", "Paste the article's web address, or upload a saved page (.html)."
                )
        except services.ArticleInputError as error:
            typed = {name: request.POST.get(name, "") for name in ArticleAdminForm.Meta.fields}
            return {"initial": typed, "error": (error.field, error.message)}
        if found.published_on:
            self.message_user(
                request,
                f"Read from the page. The publication date found is "
                f"{found.published_on:%-d %B %Y}: check it against the page, then tick "
                "“Publication date checked” and save.",
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                "Read from the page, but it gives no publication date: enter it if you know "
                "it (the “when” questions count from it), tick “Publication date checked” "
                "and save.",
                messages.WARNING,
            )
        initial = {
            "url": found.url,
            "title": found.title,
            "author": found.author,
            "publisher": found.publisher,
            "published_on": found.published_on,
            "text": found.text,
        }
        return {"initial": initial, "error": None}

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if self._wants_page_read(request, object_id):
            # Show the add form again, filled in, without saving anything: the same
            # page as a GET with these initial values (CSRF was checked by admin_view).
            setattr(request, _PAGE_READ, self._read_page(request))
            request.method = "GET"
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        page = _page_read(request)
        if page is not None:
            initial: dict[str, Any] = page["initial"]
            return initial
        return super().get_changeform_initial_data(request)

    def get_form(
        self, request: HttpRequest, obj: Article | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm[Article]]:
        form = super().get_form(request, obj, change=change, **kwargs)
        page = _page_read(request)
        if page is not None and page["error"]:
            form = type(form.__name__, (form,), {"fetch_error": page["error"]})
        if obj is None:  # the text is unique per owner: validation must know the owner
            form = type(form.__name__, (form,), {"owner": request.user})
        return form

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Article | None = None,
    ) -> HttpResponse:
        context["read_page_button"] = add
        return super().render_change_form(request, context, add, change, form_url, obj)

    # "Generate questions": the list action and the button on the article page.

    def get_urls(self) -> list[URLPattern]:
        urls = [
            path(
                "<path:object_id>/generate/",
                self.admin_site.admin_view(self.generate_view),
                name="quizzes_article_generate",
            )
        ]
        return urls + super().get_urls()

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        extra_context = {**(extra_context or {}), "can_generate": is_teacher(request.user)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _generate(self, request: HttpRequest, article: Article) -> GenerationJob:
        job = services.generation_request(article=article, user=_staff_user(request))
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
            bank_url = reverse("admin:quizzes_questionbank_review", args=[job.bank_id])
            self.message_user(
                request,
                format_html(
                    '“{}”: {} <a href="{}">Review the drafts</a>.',
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
    def generate_questions(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        if not is_teacher(request.user):
            raise PermissionDenied
        for article in queryset:
            self._generate(request, article)

    def generate_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not is_teacher(request.user):
            raise PermissionDenied
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        job = self._generate(request, article)
        if job.status == "done" and job.bank_id:
            return HttpResponseRedirect(
                reverse("admin:quizzes_questionbank_review", args=[job.bank_id])
            )
        return HttpResponseRedirect(reverse("admin:quizzes_article_change", args=[article.pk]))


class QuestionInline(_QuestionInline):
    """The bank page's questions, compact enough for a 1,366 px window (the review
    page is where they are read one by one)."""

    model = Question
    formset = QuestionInlineFormSet  # (deleting archives)
    fields = ["position", "kind", "prompt", "answer", "status"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    extra = 0
    show_change_link = True
    ordering = ["position", "id"]


@admin.register(QuestionBank)
class QuestionBankAdmin(OwnedBankMixin, _QuestionBankAdmin):
    bank_path = ""
    list_display = [
        "title",
        "status",
        "is_public",
        "article",
        "question_counts",
        "review_link",
        "updated_at",
    ]
    list_filter = ["status", "is_public", "tags"]
    search_fields = ["title", "description", "article__title"]
    autocomplete_fields = ["article"]
    filter_horizontal = ["tags"]
    readonly_fields = ["owner", "created_at", "updated_at"]
    actions = ["publish_banks", "unpublish_banks", *EXPORT_ACTIONS]
    inlines = [QuestionInline]

    class Media:
        css = {"all": ["quizzes/admin.css"]}

    def get_urls(self) -> list[URLPattern]:
        return review_urls(self) + bank_import_urls(self) + super().get_urls()

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        if request.user.is_superuser:  # a teacher's list is all their own
            return [*self.list_display[:4], "owner", *self.list_display[4:]]
        return list(self.list_display)

    def get_queryset(self, request: HttpRequest) -> QuerySet[QuestionBank]:
        live = ~Q(questions__status="archived")
        banks: QuerySet[QuestionBank] = (
            super()
            .get_queryset(request)
            .select_related("article", "owner")
            .annotate(
                question_total=Count("questions", filter=live),
                draft_total=Count("questions", filter=Q(questions__status="draft")),
            )
        )
        return banks

    @admin.display(description="Questions", ordering="question_total")
    def question_counts(self, obj: Any) -> str:
        if not obj.draft_total:
            return f"{obj.question_total}"
        return (
            f"{obj.question_total} ({obj.draft_total} draft{'s' if obj.draft_total != 1 else ''})"
        )

    @admin.display(description="Review")
    def review_link(self, obj: QuestionBank) -> str:
        return format_html(
            '<a href="{}">Review drafts</a> · <a href="{}">Preview</a>',
            reverse("admin:quizzes_questionbank_review", args=[obj.pk]),
            reverse("web:bank_preview", args=[obj.pk]),
        )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        extra_context = {**(extra_context or {}), "review_tools": True}
        return super().change_view(request, object_id, form_url, extra_context)

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField[Any] | None:
        if db_field.name == "article" and not request.user.is_superuser:
            # The same articles the teacher can see in the article admin (and autocomplete).
            kwargs["queryset"] = self.admin_site.get_model_admin(Article).get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: QuestionBank, form: Any, change: bool) -> None:
        if not change:
            obj.owner = _staff_user(request)
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish selected banks (and their complete questions)")
    def publish_banks(self, request: HttpRequest, queryset: QuerySet[QuestionBank]) -> None:
        for bank in queryset:
            result = services.bank_publish(bank=bank, user=_staff_user(request))
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
    def unpublish_banks(self, request: HttpRequest, queryset: QuerySet[QuestionBank]) -> None:
        count = services.bank_set_status(banks=queryset, status="draft")
        self.message_user(request, f"{count} bank(s) returned to draft.", messages.SUCCESS)


class ChoiceInline(_ChoiceInline):
    model = Choice
    formset = ChoiceInlineFormSet
    fields = ["position", "text", "is_correct", "date_label"]
    extra = 1
    ordering = ["position", "id"]


@admin.register(QuestionReport)
class QuestionReportAdmin(_QuestionReportAdmin):
    """Students' reports on the teacher's own questions (who sent them is not
    shown); resolving one is an action."""

    list_display = ["question_link", "reason", "comment", "created_at", "is_resolved"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter), "reason"]
    list_select_related = ["question"]
    fields = ("question_link", "reason", "comment", "created_at", "resolved_at")
    readonly_fields = ("question_link", "reason", "comment", "created_at", "resolved_at")
    actions = ["mark_resolved"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[QuestionReport]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(question__bank__in=banks_editable_by(request.user))

    def has_view_permission(self, request: HttpRequest, obj: QuestionReport | None = None) -> bool:
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or can_edit_bank(request.user, obj.question.bank))

    def has_change_permission(
        self, request: HttpRequest, obj: QuestionReport | None = None
    ) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_edit_bank(request.user, obj.question.bank))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: QuestionReport | None = None
    ) -> bool:
        return False

    @admin.display(description="Question")
    def question_link(self, obj: QuestionReport) -> str:
        url = reverse("admin:quizzes_question_change", args=[obj.question_id])
        return format_html('<a href="{}">{}</a>', url, str(obj.question)[:90])

    @admin.display(description="Resolved", boolean=True)
    def is_resolved(self, obj: QuestionReport) -> bool:
        return obj.resolved_at is not None

    @admin.action(description="Mark selected reports resolved")
    def mark_resolved(self, request: HttpRequest, queryset: QuerySet[QuestionReport]) -> None:
        count = queryset.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
        self.message_user(request, f"{count} report(s) marked resolved.", messages.SUCCESS)


@admin.register(Question)
class QuestionAdmin(OwnedBankMixin, _QuestionAdmin):
    form = QuestionAdminForm
    list_display = [
        "prompt_text",
        "answer_text",
        "choices_text",
        "kind",
        "status",
        "confidence_shown",
        "bank",
    ]
    list_filter = [("bank", admin.RelatedOnlyFieldListFilter), "kind", "status", "origin"]
    list_select_related = ["bank"]
    list_per_page = 50
    search_fields = ["prompt", "answer", "explanation", "choices__text"]
    readonly_fields = [
        "evidence",
        "student_reports",
        "fingerprint",
        "origin",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "bank",
                    "kind",
                    "prompt",
                    "answer",
                    "accepted_answers",
                    "explanation",
                    "status",
                ]
            },
        ),
        ("Reports from students", {"fields": ["student_reports"]}),
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

    class Media:
        css = {"all": ["quizzes/admin.css"]}

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        if "bank__id__exact" in request.GET:  # one bank's questions: no need to repeat it
            return [name for name in self.list_display if name != "bank"]
        return list(self.list_display)

    def get_readonly_fields(self, request: HttpRequest, obj: Question | None = None) -> list[str]:
        """A saved question stays in its bank: what was learnt of it (students'
        cards, their per-bank tallies) is counted in that bank."""
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "bank"] if obj is not None else readonly

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("choices", queryset=Choice.objects.order_by("position", "id"))
            )
        )

    @admin.display(description="Prompt", ordering="prompt")
    def prompt_text(self, obj: Question) -> str:
        return obj.prompt if len(obj.prompt) <= 240 else obj.prompt[:239] + "…"

    @admin.display(description="Sure", ordering="confidence")
    def confidence_shown(self, obj: Question) -> str:
        """The generator's confidence (0-1), where it gave one."""
        return "—" if obj.confidence is None else f"{obj.confidence:.2f}"

    @admin.display(description="Answer", ordering="answer")
    def answer_text(self, obj: Question) -> str:
        return obj.answer

    @admin.display(description="Choices (correct in bold)")
    def choices_text(self, obj: Question) -> str:
        choices = list(obj.choices.all())
        if not choices:
            return "—"
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                '<li class="{}">{}</li>',
                (("is-correct" if c.is_correct else "", c.text) for c in choices),
            ),
        )

    @admin.display(description="Open reports")
    def student_reports(self, obj: Question) -> str:
        """What students flagged on this question (not who), newest first."""
        if not obj.pk:
            return "—"
        reports = list(obj.reports.filter(resolved_at__isnull=True))
        if not reports:
            return "None open."
        items = format_html_join(
            "",
            '<li><strong>{}</strong>{}{} <span class="quiet">({})</span></li>',
            (
                (
                    report.get_reason_display(),
                    ": " if report.comment else "",
                    report.comment,
                    date_format(timezone.localtime(report.created_at), "j M Y"),
                )
                for report in reports
            ),
        )
        url = reverse("admin:quizzes_questionreport_changelist")
        return format_html(
            '<ul class="student-reports">{}</ul><a href="{}?question__id__exact={}">Resolve them</a>',
            items,
            url,
            obj.pk,
        )

    @admin.display(description="Evidence in its paragraph")
    def evidence(self, obj: Question) -> str:
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

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField[Any] | None:
        if db_field.name == "bank" and not request.user.is_superuser:
            kwargs["queryset"] = QuestionBank.objects.filter(owner=_staff_user(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Question, form: Any, change: bool) -> None:
        if not change and not obj.origin:
            obj.origin = "authored"
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Question) -> None:
        services.question_archive(question=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset:
            services.question_archive(question=question)

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Question], status: str) -> None:
        result = services.question_set_status(questions=queryset, status=status)
        self.message_user(request, f"{result.changed} question(s) now {status}.", messages.SUCCESS)
        for question, problems in result.refused:
            self.message_user(
                request, f"Not published, incomplete: “{question}”: {problems}", messages.ERROR
            )

    @admin.action(description="Publish selected questions")
    def publish_questions(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        self._set_status(request, queryset, "published")

    @admin.action(description="Return selected questions to draft")
    def return_to_draft(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        self._set_status(request, queryset, "draft")

    @admin.action(description="Reject selected questions")
    def reject_questions(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        self._set_status(request, queryset, "rejected")


@admin.register(Tag)
class TagAdmin(_TagAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(GenerationJob)
class GenerationJobAdmin(_GenerationJobAdmin):
    """Each generation's outcome (queued, running, done with counts, failed with the
    reason); failed ones can be retried. Teachers see the jobs of their articles."""

    list_display = ["id", "article", "bank_link", "status", "outcome", "created_at"]
    list_filter = ["status"]
    list_select_related = ["article", "bank", "requested_by"]
    readonly_fields = [f.name for f in GenerationJob._meta.fields]
    actions = ["retry_failed"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[GenerationJob]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=generation_jobs_visible_to(request.user).values("pk"))

    class Media:
        css = {"all": ["quizzes/admin.css"]}

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        generation_fail_stale()  # jobs that lost their worker show failed, retryable
        return super().changelist_view(request, extra_context)

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        if request.user.is_superuser:  # who asked, when it is not always the teacher
            return [*self.list_display[:-1], "requested_by", self.list_display[-1]]
        return list(self.list_display)

    @admin.display(description="Bank")
    def bank_link(self, obj: GenerationJob) -> str:
        if obj.bank_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:quizzes_questionbank_review", args=[obj.bank_id]),
            obj.bank,
        )

    @admin.display(description="Outcome")
    def outcome(self, obj: GenerationJob) -> str:
        """The questions made, or the reason of the failure."""
        if obj.error:
            return obj.error
        return services.generation_summary(obj.counts) if obj.counts else "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: GenerationJob | None = None) -> bool:
        return False

    def has_retry_permission(self, request: HttpRequest) -> bool:
        return is_teacher(request.user)

    @admin.action(description="Retry failed generations", permissions=["retry"])
    def retry_failed(self, request: HttpRequest, queryset: QuerySet[GenerationJob]) -> None:
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
