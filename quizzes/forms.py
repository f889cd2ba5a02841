"""Admin forms: article upload, and the question/choice validation wiring."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms.models import BaseInlineFormSet

from .models import Article
from .services import ArticleInputError, article_text_clean, article_text_from_upload
from .validation import question_problems


def decode_article_upload(upload) -> str:
    """Text of an uploaded .txt/.md file, or a ValidationError saying why not
    (the rules are the service's: quizzes.services.article_text_from_upload)."""
    if upload.size > settings.ARTICLE_MAX_BYTES:
        raise forms.ValidationError(
            f"The file is {upload.size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}."
        )
    try:
        return article_text_from_upload(
            data=upload.read(settings.ARTICLE_MAX_BYTES + 1), filename=upload.name or ""
        )
    except ArticleInputError as error:
        raise forms.ValidationError(error.message) from error


class ArticleAdminForm(forms.ModelForm):
    upload = forms.FileField(
        required=False, help_text="Or upload a .txt/.md file instead of pasting the text."
    )

    class Meta:
        model = Article
        fields = ["title", "publisher", "url", "published_on", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "text" in self.fields:
            self.fields["text"].required = False

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if "text" not in self.fields:  # read-only: banks' evidence spans point into it
            return cleaned
        upload = cleaned.get("upload")
        if upload:
            try:
                cleaned["text"] = decode_article_upload(upload)
            except forms.ValidationError as exc:
                self.add_error("upload", exc)
                return cleaned
        if not (cleaned.get("text") or "").strip():
            self.add_error("text", "Paste the article text or upload a file.")
            return cleaned
        try:
            text = article_text_clean(cleaned["text"])
        except ArticleInputError as error:
            self.add_error("text", error.message)
        else:
            cleaned["text"] = text
            self.instance.text = text
        return cleaned


class QuestionAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # The choices are checked by the inline formset, which sees the submitted ones.
        self.instance._choices_checked_by_formset = True
        return cleaned


class ChoiceInlineFormSet(BaseInlineFormSet):
    def clean(self):
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
