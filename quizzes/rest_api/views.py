"""Content-side endpoints: a published bank's questions for students, and the
teachers' authoring API (banks, questions, choices, articles, generation).

Thin: querysets come from selectors / permission functions, writes go through
quizzes.authoring and quizzes.services; domain errors become the shared error
shape in config.api_errors."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict, TypeVar

from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from config.api_common import ConditionalGetMixin, IsTeacher
from config.api_errors import DomainError
from config.api_parsers import JSONParser
from config.api_typing import SignedInApiRequest, SignedInApiView
from quizzes import authoring, services
from quizzes.jobs import generation_fail_stale
from quizzes.models import (
    Article,
    Choice,
    GenerationJob,
    Question,
    QuestionBank,
    QuestionStatus,
)
from quizzes.permissions import (
    articles_editable_by,
    bank_get_for_student,
    banks_editable_by,
)
from quizzes.selectors import (
    bank_article,
    generation_job_list_for_user,
    question_list_published,
)
from quizzes.webpages import FoundArticle

from . import serializers as s
from .filters import ChoiceFilter, QuestionFilter, TeachQuestionFilter
from .public import PublicQuestionSerializer

_M = TypeVar("_M", bound=Model)


class ArticleFields(TypedDict, total=False):
    """article_create's fields (quizzes.services), each optional but the text."""

    text: str
    title: str
    author: str
    publisher: str
    url: str
    published_on: date | None


def article_fields_found(found: FoundArticle) -> ArticleFields:
    """article_create's fields from what a web page says of itself."""
    return {
        "title": found.title,
        "author": found.author,
        "publisher": found.publisher,
        "published_on": found.published_on,
        "url": found.url,
    }


# --- students --------------------------------------------------------------------------
@extend_schema(
    tags=["banks"],
    summary="Published questions of a bank",
    description="Never reveals which choice is correct. Conditional GET: send If-None-Match.",
)
class BankQuestionsView(ConditionalGetMixin, ListAPIView[Question]):
    """Published questions of a published bank, without answers."""

    serializer_class = PublicQuestionSerializer
    filterset_class = QuestionFilter

    def get_queryset(self) -> QuerySet[Question]:
        if getattr(self, "swagger_fake_view", False):
            return Question.objects.none()
        bank = bank_get_for_student(user=self.request.user, bank_id=self.kwargs["pk"])
        return question_list_published(bank=bank)


@extend_schema(tags=["banks"])
class BankArticleView(ConditionalGetMixin, GenericAPIView[QuestionBank]):
    """The article of a published bank, with the evidence of its questions by offsets."""

    # What it answers, not a QuestionBank: the stubs tie serializer_class to the
    # queryset's model, and the queryset here only types the path's id.
    serializer_class = s.StudentArticleSerializer  # type: ignore[assignment]
    queryset = QuestionBank.objects.none()  # typing the path's id in the schema only

    @extend_schema(
        summary="Read a published bank's article (evidence by offsets)",
        description="Any published bank the caller can see; 404 for a draft bank, another "
        "teacher's bank or a bank without an article. `evidence` gives, for each published "
        "question, its sentence as offsets into `text` and the index of its paragraph. "
        "Conditional GET: send If-None-Match.",
    )
    def get(self, request: Request, pk: int) -> Response:
        bank = bank_get_for_student(user=request.user, bank_id=pk)
        found = bank_article(bank=bank)
        if found is None:
            raise NotFound("This bank has no article.")
        return Response(s.StudentArticleSerializer(found).data)


# --- teachers ---------------------------------------------------------------------------
class TeachViewSet(SignedInApiView, viewsets.GenericViewSet[_M]):
    """Base of the teachers' resources: teachers only, 64-bit ids."""

    output_serializer: type[serializers.BaseSerializer[_M]]
    permission_classes = [IsAuthenticated, IsTeacher]
    lookup_value_converter = "id"  # config.api_fields.IdConverter: 64-bit ids only

    def get_serializer_class(self) -> type[serializers.BaseSerializer[_M]]:
        return self.output_serializer

    def _out(self, instance: _M, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.output_serializer(instance).data, status=code)


@extend_schema_view(
    list=extend_schema(summary="My question banks (drafts included)"),
    retrieve=extend_schema(summary="One of my banks"),
    create=extend_schema(
        request=s.BankCreateInputSerializer, responses={201: s.TeachBankSerializer}
    ),
    partial_update=extend_schema(
        request=s.BankUpdateInputSerializer, responses={200: s.TeachBankSerializer}
    ),
    destroy=extend_schema(summary="Delete a bank nobody has studied yet"),
)
@extend_schema(tags=["teach"])
class TeachBankViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    TeachViewSet[QuestionBank],
):
    """The caller's question banks (a superuser's: all). Others' banks are 404."""

    output_serializer = s.TeachBankSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[QuestionBank]:
        if getattr(self, "swagger_fake_view", False):
            return QuestionBank.objects.none()
        return (
            banks_editable_by(self.request.user)
            .select_related("article")
            .annotate(
                question_count=Count(
                    "questions", filter=Q(questions__status=QuestionStatus.PUBLISHED)
                )
            )
            .order_by("title", "id")
        )

    def create(self, request: SignedInApiRequest) -> Response:
        data = s.BankCreateInputSerializer(
            data=request.data, articles=articles_editable_by(request.user)
        )
        data.is_valid(raise_exception=True)
        bank = authoring.bank_create(owner=request.user, **data.validated_data)
        return self._out(self.get_queryset().get(pk=bank.pk), status.HTTP_201_CREATED)

    def partial_update(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        bank = self.get_object()
        data = s.BankUpdateInputSerializer(
            data=request.data, articles=articles_editable_by(request.user)
        )
        data.is_valid(raise_exception=True)
        authoring.bank_update(bank=bank, user=request.user, **data.validated_data)
        return self._out(self.get_queryset().get(pk=bank.pk))

    def destroy(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        authoring.bank_delete(bank=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Questions of my banks (filter by bank, kind, status)"),
    create=extend_schema(
        request=s.QuestionCreateInputSerializer, responses={201: s.TeachQuestionSerializer}
    ),
    partial_update=extend_schema(
        request=s.QuestionUpdateInputSerializer, responses={200: s.TeachQuestionSerializer}
    ),
    destroy=extend_schema(summary="Archive a question (students' history stays)"),
)
@extend_schema(tags=["teach"])
class TeachQuestionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, TeachViewSet[Question]
):
    """Questions of the caller's banks, with their choices (correct flags included)."""

    output_serializer = s.TeachQuestionSerializer
    filterset_class = TeachQuestionFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Question]:
        if getattr(self, "swagger_fake_view", False):
            return Question.objects.none()
        return (
            Question.objects.filter(bank__in=banks_editable_by(self.request.user))
            .exclude(status=QuestionStatus.ARCHIVED)
            .prefetch_related(
                Prefetch("choices", queryset=Choice.objects.order_by("position", "id"))
            )
            .order_by("bank_id", "position", "id")
        )

    def create(self, request: SignedInApiRequest) -> Response:
        data = s.QuestionCreateInputSerializer(
            data=request.data, banks=banks_editable_by(request.user)
        )
        data.is_valid(raise_exception=True)
        question = authoring.question_create(**data.validated_data)
        return self._out(self.get_queryset().get(pk=question.pk), status.HTTP_201_CREATED)

    def partial_update(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        question = self.get_object()
        data = s.QuestionUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        authoring.question_update(question=question, **data.validated_data)
        return self._out(self.get_queryset().get(pk=question.pk))

    def destroy(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        authoring.question_delete(question=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Choices of my questions (filter by question)"),
    create=extend_schema(
        request=s.ChoiceCreateInputSerializer, responses={201: s.TeachChoiceSerializer}
    ),
    partial_update=extend_schema(
        request=s.ChoiceUpdateInputSerializer, responses={200: s.TeachChoiceSerializer}
    ),
)
@extend_schema(tags=["teach"])
class TeachChoiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TeachViewSet[Choice]):
    """Choices of the caller's questions; every change keeps the question valid."""

    output_serializer = s.TeachChoiceSerializer
    filterset_class = ChoiceFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def _questions(self) -> QuerySet[Question]:
        return Question.objects.filter(bank__in=banks_editable_by(self.request.user)).exclude(
            status=QuestionStatus.ARCHIVED
        )

    def get_queryset(self) -> QuerySet[Choice]:
        if getattr(self, "swagger_fake_view", False):
            return Choice.objects.none()
        return (
            Choice.objects.filter(question__in=self._questions())
            .select_related("question")
            .order_by("question_id", "position", "id")
        )

    def create(self, request: SignedInApiRequest) -> Response:
        data = s.ChoiceCreateInputSerializer(data=request.data, questions=self._questions())
        data.is_valid(raise_exception=True)
        choice = authoring.choice_create(**data.validated_data)
        return self._out(choice, status.HTTP_201_CREATED)

    def partial_update(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        choice = self.get_object()
        data = s.ChoiceUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._out(authoring.choice_update(choice=choice, **data.validated_data))

    def destroy(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        authoring.choice_delete(choice=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="My articles"),
    create=extend_schema(
        summary="Store an article (JSON `text` or `url`, or multipart `file`)",
        request={
            "application/json": s.ArticleInputSerializer,
            "multipart/form-data": s.ArticleInputSerializer,
        },
        responses={201: s.ArticleSerializer},
    ),
)
@extend_schema(tags=["teach"])
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TeachViewSet[Article]):
    """The caller's articles; generate a question bank from one."""

    output_serializer = s.ArticleSerializer
    parser_classes = [JSONParser, MultiPartParser]
    extra_error_codes = ("413",)

    def get_queryset(self) -> QuerySet[Article]:
        if getattr(self, "swagger_fake_view", False):
            return Article.objects.none()
        return articles_editable_by(self.request.user).order_by("-created_at", "-id")

    def create(self, request: SignedInApiRequest) -> Response:
        data = s.ArticleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data.copy()
        upload: UploadedFile[bytes] | None = values.pop("file", None)
        given: ArticleFields = values
        found: FoundArticle | None = None
        try:
            if upload is not None and services.is_html_upload(upload.name):
                found = services.article_find_in_html(
                    data=upload.read(), filename=upload.name, url=given.get("url", "")
                )
            elif upload is not None:
                given["text"] = services.article_text_from_upload(
                    data=upload.read(), filename=upload.name
                )
        except services.ArticleInputError as error:
            raise DomainError(field="file", message=error.message) from error
        if found is None and "text" not in given:  # the address alone: read the page
            found = services.article_find_at_url(url=given["url"])
        if found is not None:
            given = {**article_fields_found(found), **given, "text": found.text, "url": found.url}
        article = services.article_create(created_by=request.user, **given)
        return self._out(article, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Generate (or regenerate) the article's question bank",
        description=(
            "Answers 202 with the generation job and its address in `Location`. With a "
            "worker configured the job is `queued`: follow it at GET teach/jobs/{id}/ "
            "until it is `done` (its `result` says what was made) or `failed` (its "
            "`error` says why). Without a worker it runs at once and comes back ended."
        ),
        request=s.GenerateInputSerializer,
        responses={202: s.GenerationJobSerializer},
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser])
    def generate(self, request: SignedInApiRequest, pk: int | None = None) -> Response:
        article = self.get_object()
        data = s.GenerateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        job = services.generation_request(article=article, user=request.user, **data.validated_data)
        location = reverse("v1:teach-job-detail", kwargs={"pk": job.pk})
        return Response(
            s.GenerationJobSerializer(job).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": location},
        )


@extend_schema_view(
    list=extend_schema(summary="My generation jobs, newest first"),
    retrieve=extend_schema(summary="One generation job: queued, running, done or failed"),
)
@extend_schema(tags=["teach"])
class GenerationJobViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, TeachViewSet[GenerationJob]
):
    """Generation jobs of the caller (a superuser's: all); others' are 404. A job
    whose worker was lost for good is failed, with the reason, before it is shown."""

    output_serializer = s.GenerationJobSerializer

    def get_queryset(self) -> QuerySet[GenerationJob]:
        if getattr(self, "swagger_fake_view", False):
            return GenerationJob.objects.none()
        return generation_job_list_for_user(user=self.request.user)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        generation_fail_stale(job_ids=list(self.get_queryset().values_list("pk", flat=True)))
        return super().list(request, *args, **kwargs)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self.get_object()
        if generation_fail_stale(job_ids=[job.pk]):
            job.refresh_from_db()
        return self._out(job)


__all__ = [
    "ArticleViewSet",
    "BankArticleView",
    "BankQuestionsView",
    "GenerationJobViewSet",
    "TeachBankViewSet",
    "TeachChoiceViewSet",
    "TeachQuestionViewSet",
]
