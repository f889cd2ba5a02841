"""Admin forms: article upload, and the question/choice validation wiring."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.forms.models import BaseInlineFormSet
from django.forms.utils import ErrorDict

from .answer_matching import accepted_answers_parse
from .models import Article, Choice, Question, QuestionBank
from .services import (
    ArticleInputError,
    article_text_clean,
    article_text_from_upload,
    question_archive,
)
from .validation import question_problems

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import UploadedFile

    _ArticleForm = forms.ModelForm[Article]
    _QuestionForm = forms.ModelForm[Question]
    _ChoiceFormSet = BaseInlineFormSet[Choice, Question, forms.ModelForm[Choice]]
    _QuestionFormSet = BaseInlineFormSet[Question, QuestionBank, forms.ModelForm[Question]]
else:  # the forms' classes take no type argument at run time
    _ArticleForm = _QuestionForm = forms.ModelForm
    _ChoiceFormSet = _QuestionFormSet = BaseInlineFormSet


def decode_article_upload(upload: UploadedFile[bytes]) -> str:
    """Text of an uploaded .txt/.md file, or a ValidationError saying why not
    (the rules are the service's: quizzes.services.article_text_from_upload)."""
    size = upload.size or 0
    if size > settings.ARTICLE_MAX_BYTES:
        raise forms.ValidationError(
            f"The file is {size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}."
        )
    try:
        return article_text_from_upload(
            data=upload.read(settings.ARTICLE_MAX_BYTES + 1), filename=upload.name or ""
        )
    except ArticleInputError as error:
        raise forms.ValidationError(error.message) from error


class HttpsURLField(forms.URLField):
    """An address typed without a scheme gets https:// (Django 6's default, chosen
    here per field: the transitional FORMS_URLFIELD_ASSUME_HTTPS setting is deprecated)."""

    def __init__(self, *, assume_scheme: str = "https", **kwargs: Any) -> None:
        super().__init__(assume_scheme=assume_scheme, **kwargs)


class ArticleAdminForm(_ArticleForm):
    """The article page. Adding one from the web takes two steps (ArticleAdmin):
    "Read the page" fills the form from the address or a saved .html page, then the
    teacher checks the date, ticks `date_checked` and saves."""

    upload = forms.FileField(
        required=False,
        help_text="Or upload a file: a saved web page (.html) is read like an address; "
        "a .txt/.md file is used as the text.",
    )
    date_checked = forms.BooleanField(
        required=False,
        label="Publication date checked",
        help_text="Tick once the date above is the article's own (empty if it has none): "
        "“when” questions count from it.",
    )

    # Set by ArticleAdmin on the form class when the page was just read (or could not be).
    fetch_error: tuple[str, str] | None = None
    # Set by ArticleAdmin when adding: the teacher who will own the article.
    owner: User | None = None

    class Meta:
        model = Article
        fields = ["url", "title", "author", "publisher", "published_on", "text"]
        widgets = {
            "url": forms.URLInput(attrs={"size": 80, "autofocus": True}),
            "title": forms.TextInput(attrs={"size": 80}),
        }
        field_classes = {"url": HttpsURLField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "text" in self.fields:
            self.fields["text"].required = False
        self._help_texts_for_the_page()
        if self.fetch_error and not self.is_bound:
            field, message = self.fetch_error
            field = field if field in self.fields else "url"
            self._errors = ErrorDict({field: self.error_class([message])})

    def _help_texts_for_the_page(self) -> None:
        """Only the add page reads a page ("Read the page", an .html upload): a saved
        article's page keeps the address as a record and takes a text file only."""
        adding = self.instance.pk is None
        if "url" in self.fields:
            self.fields["url"].help_text = (
                "Paste the article's address and press “Read the page”: its text, title, "
                "author and publication date are filled in below for you to check."
                if adding
                else "Where the article was published. Changing it reads nothing: "
                "the text below stays as it is."
            )
        if "upload" in self.fields and not adding:
            self.fields["upload"].help_text = "Or upload a .txt/.md file to replace the text."

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.instance.pk is None and self.owner is not None:
            self.instance.created_by = self.owner
        if "text" not in self.fields:  # read-only: banks' evidence spans point into it
            return cleaned
        self._require_date_checked(cleaned)
        self._text_clean(cleaned)
        return cleaned

    def _require_date_checked(self, cleaned: dict[str, Any]) -> None:
        """A new article read from an address waits for its date to be checked."""
        if (
            self.instance.pk is None
            and cleaned.get("url")
            and "date_checked" in self.fields
            and not cleaned.get("date_checked")
        ):
            self.add_error(
                "date_checked",
                "Check the publication date against the page, correct it if needed, "
                "and tick this box.",
            )

    def _text_clean(self, cleaned: dict[str, Any]) -> None:
        """The article's text, from the upload when there is one, cleaned."""
        upload = cleaned.get("upload")
        if upload:
            try:
                cleaned["text"] = decode_article_upload(upload)
            except forms.ValidationError as exc:
                self.add_error("upload", exc)
                return
        if not (cleaned.get("text") or "").strip():
            self.add_error("text", "Paste the article text or upload a file.")
            return
        try:
            text = article_text_clean(cleaned["text"])
        except ArticleInputError as error:
            self.add_error("text", error.message)
        else:
            cleaned["text"] = text
            self.instance.text = text


class AcceptedAnswersField(forms.Field):
    """A list of answers edited as lines of a text box."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 60})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value: Any) -> list[str]:
        return accepted_answers_parse("" if value in self.empty_values else str(value))

    def validate(self, value: list[str]) -> None:
        if len(value) > MAX_ACCEPTED_ANSWERS:
            raise forms.ValidationError(
                f"At most {MAX_ACCEPTED_ANSWERS} accepted answers; keep the ones students type."
            )
        too_long = [answer for answer in value if len(answer) > 200]
        if too_long:
            raise forms.ValidationError(f"“{too_long[0][:40]}…” is longer than 200 characters.")


class QuestionAdminForm(_QuestionForm):
    accepted_answers = AcceptedAnswersField(
        required=False,
        label="Also accept",
        help_text="Typed answers that are right too, one per line (e.g. a surname alone). "
        "Case, accents, punctuation, titles such as “Mr” and small typos are forgiven anyway.",
    )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        # The choices are checked by the inline formset, which sees the submitted ones.
        self.instance._choices_checked_by_formset = True
        return cleaned


MAX_ACCEPTED_ANSWERS = 20


class QuestionInlineFormSet(_QuestionFormSet):
    """A bank page's questions: one deleted there is archived, as on its own page
    (QuestionAdmin.delete_model), never deleted: students' cards of it, their
    review history and their banks' tallies (learning's BankTally) stay."""

    def delete_existing(self, obj: Question, commit: bool = True) -> None:
        if commit:
            question_archive(question=obj)


class ChoiceInlineFormSet(_ChoiceFormSet):
    def clean(self) -> None:
        super().clean()
        if any(form.errors for form in self.forms):
            return
        choices = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not (data.get("text") or "").strip():
                continue
            choices.append((data["text"], bool(data.get("is_correct")), data.get("position") or 0))
        question = self.instance
        problems = question_problems(
            kind=question.kind,
            status=question.status,
            prompt=question.prompt,
            answer=question.answer,
            choices=choices,
        )
        messages = [message for field_messages in problems.values() for message in field_messages]
        if messages:
            raise forms.ValidationError(messages)
