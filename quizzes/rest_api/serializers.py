"""Serializers of the content side. Output serializers for students never carry
`is_correct`, the answer or the explanation; input serializers only validate and
hand plain values to quizzes.authoring / quizzes.services."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api_fields import PrimaryKeyField, StrictBooleanField, StrictCharField
from quizzes.models import (
    Article,
    BankStatus,
    Choice,
    GenerationJob,
    GenerationStatus,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionStatus,
)
from quizzes.selectors import BankArticle, EvidenceSpan


# --- student-facing output (a question's public shape: quizzes/rest_api/public.py) --------
class ParagraphSpanSerializer(serializers.Serializer[dict[str, int]]):
    index = serializers.IntegerField()
    start = serializers.IntegerField(help_text="Offset of its first character in `text`.")
    end = serializers.IntegerField(help_text="Offset just after its last character.")


class EvidenceSpanSerializer(serializers.Serializer[EvidenceSpan]):
    question = serializers.IntegerField(source="question_id")
    start = serializers.IntegerField(help_text="Offset in the article's `text`.")
    end = serializers.IntegerField()
    paragraph = serializers.IntegerField(
        source="paragraph_index", allow_null=True, help_text="Index into `paragraphs`."
    )


class StudentArticleSerializer(serializers.Serializer[BankArticle]):
    """A published bank's article as a student reads it (quizzes.selectors.bank_article)."""

    id = serializers.IntegerField(source="article.id")
    title = serializers.CharField(source="article.title")
    author = serializers.CharField(source="article.author")
    publisher = serializers.CharField(source="article.publisher")
    source_url = serializers.CharField(
        source="article.url", help_text="The web page it was read from ('' when pasted)."
    )
    published_on = serializers.DateField(source="article.published_on", allow_null=True)
    text = serializers.CharField(source="article.text")
    paragraphs = serializers.SerializerMethodField()
    evidence = EvidenceSpanSerializer(
        many=True,
        help_text="The sentence behind each published question of the bank, by offsets.",
    )

    @extend_schema_field(ParagraphSpanSerializer(many=True))
    def get_paragraphs(self, found: BankArticle) -> list[dict[str, int]]:
        return [
            {"index": index, "start": start, "end": end}
            for index, (start, end) in enumerate(found.paragraphs)
        ]


# --- teacher authoring --------------------------------------------------------------------
class TeachChoiceSerializer(serializers.ModelSerializer[Choice]):
    class Meta:
        model = Choice
        fields = ["id", "question", "text", "is_correct", "position"]
        read_only_fields = fields


class NestedChoiceInputSerializer(serializers.Serializer[None]):
    text = StrictCharField(max_length=500)
    is_correct = serializers.BooleanField(default=False)
    position = serializers.IntegerField(min_value=0, max_value=100_000, default=0)


class ChoiceCreateInputSerializer(NestedChoiceInputSerializer):
    question = PrimaryKeyField(queryset=Question.objects.none())

    def __init__(
        self, *args: Any, questions: QuerySet[Question] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if questions is not None:
            cast(PrimaryKeyField, self.fields["question"]).limit_to(questions)


class ChoiceUpdateInputSerializer(serializers.Serializer[None]):
    text = StrictCharField(max_length=500, required=False)
    is_correct = serializers.BooleanField(required=False)
    position = serializers.IntegerField(min_value=0, max_value=100_000, required=False)


class TeachQuestionSerializer(serializers.ModelSerializer[Question]):
    choices = TeachChoiceSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "id",
            "bank",
            "kind",
            "prompt",
            "answer",
            "explanation",
            "status",
            "origin",
            "difficulty",
            "position",
            "evidence_start",
            "evidence_end",
            "choices",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


EDITABLE_QUESTION_STATUSES = [
    (value, label) for value, label in QuestionStatus.choices if value != QuestionStatus.ARCHIVED
]


class QuestionUpdateInputSerializer(serializers.Serializer[None]):
    kind = serializers.ChoiceField(choices=QuestionKind.choices, required=False)
    prompt = StrictCharField(max_length=5000, required=False)
    answer = StrictCharField(max_length=2000, required=False, allow_blank=True)
    explanation = StrictCharField(max_length=5000, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=EDITABLE_QUESTION_STATUSES, required=False)
    difficulty = serializers.IntegerField(min_value=1, max_value=5, required=False)
    position = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)
    evidence_start = serializers.IntegerField(
        min_value=0, max_value=10_000_000, required=False, allow_null=True
    )
    evidence_end = serializers.IntegerField(
        min_value=0, max_value=10_000_000, required=False, allow_null=True
    )


class QuestionCreateInputSerializer(QuestionUpdateInputSerializer):
    bank = PrimaryKeyField(queryset=QuestionBank.objects.none())
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    prompt = StrictCharField(max_length=5000)
    choices = NestedChoiceInputSerializer(many=True, required=False, max_length=50)  # type: ignore[call-arg]  # (ListSerializer takes it; the stubs do not know)

    def __init__(
        self, *args: Any, banks: QuerySet[QuestionBank] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if banks is not None:
            cast(PrimaryKeyField, self.fields["bank"]).limit_to(banks)


class TeachBankSerializer(serializers.ModelSerializer[QuestionBank]):
    question_count = serializers.IntegerField(
        read_only=True, help_text="Published questions in the bank."
    )

    class Meta:
        model = QuestionBank
        fields = [
            "id",
            "title",
            "description",
            "status",
            "is_public",
            "article",
            "question_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class BankUpdateInputSerializer(serializers.Serializer[None]):
    title = StrictCharField(max_length=200, required=False)
    description = StrictCharField(max_length=5000, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=BankStatus.choices,
        required=False,
        help_text="`published` publishes the bank and its complete draft questions.",
    )
    is_public = StrictBooleanField(
        required=False,
        help_text="true: every student sees the bank once published; false: only the "
        "classes it is assigned to.",
    )
    article = PrimaryKeyField(queryset=Article.objects.none(), required=False, allow_null=True)

    def __init__(
        self, *args: Any, articles: QuerySet[Article] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if articles is not None:
            cast(PrimaryKeyField, self.fields["article"]).limit_to(articles)


class BankCreateInputSerializer(BankUpdateInputSerializer):
    title = StrictCharField(max_length=200)


# --- articles -----------------------------------------------------------------------------
class ArticleSerializer(serializers.ModelSerializer[Article]):
    text_length = serializers.SerializerMethodField()
    url = serializers.CharField(read_only=True, help_text="The source URL; may be empty.")

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "author",
            "publisher",
            "url",
            "published_on",
            "text_length",
            "created_at",
        ]
        read_only_fields = fields

    def get_text_length(self, article: Article) -> int:
        return len(article.text)


class ArticleInputSerializer(serializers.Serializer[None]):
    """One of: `text` (JSON or form); `file` (multipart: a UTF-8 .txt or .md file, or a
    saved web page .html); or `url` alone, which the server fetches and reads. From a
    web page the title, author, publisher and publication date are read too; any of
    them sent in the request wins (send `published_on: null` for "no date")."""

    text = StrictCharField(required=False, trim_whitespace=False, max_length=2_000_000)
    file = serializers.FileField(required=False)
    title = StrictCharField(max_length=300, required=False, allow_blank=True)
    author = StrictCharField(max_length=200, required=False, allow_blank=True)
    publisher = StrictCharField(max_length=200, required=False, allow_blank=True)
    url = serializers.URLField(
        max_length=2000,
        required=False,
        allow_blank=True,
        help_text="The source address; alone (no `text`, no `file`), the page is fetched.",
    )
    published_on = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        has_text = bool(attrs.get("text"))
        has_file = attrs.get("file") is not None
        if has_text and has_file:
            raise serializers.ValidationError(
                {"text": ["Send the article as `text`, as a `file` or as a `url`, only one."]}
            )
        if not (has_text or has_file or attrs.get("url")):
            raise serializers.ValidationError(
                {"text": ["Send the article as `text`, as a `file`, or its address as `url`."]}
            )
        return attrs

    def validate_file(self, upload: UploadedFile[bytes]) -> UploadedFile[bytes]:
        from config.api_errors import PayloadTooLarge
        from quizzes.services import is_html_upload

        limit = (
            settings.ARTICLE_PAGE_MAX_BYTES
            if is_html_upload(upload.name or "")
            else settings.ARTICLE_MAX_BYTES
        )
        if (upload.size or 0) > limit:
            raise PayloadTooLarge(
                f"The file is {upload.size} bytes; at most {limit} are accepted.",
                field="file",
            )
        return upload


class GenerateInputSerializer(serializers.Serializer[None]):
    bank_title = StrictCharField(max_length=200, required=False, allow_null=True)
    publish = serializers.BooleanField(default=False)


class GenerationResultSerializer(serializers.Serializer[dict[str, Any]]):
    """GenerationResult.as_dict() of quizzes.services.bank_generate."""

    bank = serializers.IntegerField(help_text="Id of the (new or updated) question bank.")
    bank_title = serializers.CharField()
    created = serializers.IntegerField()
    kept = serializers.IntegerField()
    skipped_rejected = serializers.IntegerField()
    skipped_fact_limit = serializers.IntegerField(
        help_text="Drafts not added because their fact already has two questions in the bank."
    )
    counts_by_kind = serializers.DictField(child=serializers.IntegerField())
    facts = serializers.DictField(child=serializers.IntegerField())


class GenerationJobSerializer(serializers.ModelSerializer[GenerationJob]):
    """A generation job: POST articles/{id}/generate/ answers it (202), GET
    teach/jobs/{id}/ follows it until it is done (with its result) or failed."""

    article = serializers.IntegerField(source="article_id", read_only=True)
    bank = serializers.IntegerField(
        source="bank_id", read_only=True, allow_null=True, help_text="Set once done."
    )
    result = serializers.SerializerMethodField(help_text="The generation's outcome, once done.")
    error = serializers.CharField(read_only=True, help_text="Why it failed; empty otherwise.")
    attempts = serializers.IntegerField(
        read_only=True, help_text="Runs started (more than 1 when a worker was lost)."
    )

    class Meta:
        model = GenerationJob
        fields = [
            "id",
            "article",
            "status",
            "bank",
            "bank_title",
            "publish",
            "result",
            "error",
            "attempts",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    @extend_schema_field(GenerationResultSerializer(allow_null=True))
    def get_result(self, job: GenerationJob) -> dict[str, Any] | None:
        return job.counts if job.status == GenerationStatus.DONE and job.counts else None
