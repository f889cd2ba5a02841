"""A question's public shape: what a student sees of it (no answer, no correct flag).
Its own module so that learning can nest the same JSON in a queue item or a quiz
through the quizzes.api door, without reaching into this app's REST serializers."""

from __future__ import annotations

import hashlib
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quizzes.models import Choice, Question, QuestionKind
from quizzes.question_rows import ChoiceText, StudyQuestion

__all__ = ["PublicChoiceSerializer", "PublicQuestionSerializer", "public_choices"]


class PublicChoiceSerializer(serializers.Serializer[Choice]):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField(read_only=True)


def public_choices(question: Question | StudyQuestion) -> list[Choice] | list[ChoiceText]:
    """The choices as shown to a student: a timeline's items are shuffled by a
    stable hash (their stored order is the answer); others in display order. A
    StudyQuestion's are its rows (none when they were not read)."""
    choices: list[Choice] | list[ChoiceText]
    if isinstance(question, StudyQuestion):
        choices = list(question.choices or ())
    else:
        choices = list(question.choices.all())
    if question.kind == QuestionKind.ORDERING:
        choices.sort(key=lambda c: hashlib.sha256(f"{question.pk}:{c.pk}".encode()).digest())
    return choices


class PublicQuestionSerializer(serializers.Serializer[Question]):
    """A question as a student sees it: no answer, no correct flag."""

    id = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=QuestionKind.choices, read_only=True)
    prompt = serializers.CharField(read_only=True)
    choices = serializers.SerializerMethodField()

    @extend_schema_field(PublicChoiceSerializer(many=True))
    def get_choices(self, question: Question | StudyQuestion) -> list[dict[str, Any]]:
        return [{"id": c.pk, "text": c.text} for c in public_choices(question)]
