"""django-filter FilterSets of the content API (invalid values -> 400 naming the field)."""

from __future__ import annotations

import django_filters

from config.api_fields import IdFilter
from quizzes.models import Choice, Question, QuestionKind, QuestionStatus


class QuestionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=QuestionKind.choices)

    class Meta:
        model = Question
        fields = ["kind"]


class TeachQuestionFilter(django_filters.FilterSet):
    bank = IdFilter(field_name="bank_id")
    kind = django_filters.ChoiceFilter(choices=QuestionKind.choices)
    status = django_filters.ChoiceFilter(choices=QuestionStatus.choices)

    class Meta:
        model = Question
        fields = ["bank", "kind", "status"]


class ChoiceFilter(django_filters.FilterSet):
    question = IdFilter(field_name="question_id")

    class Meta:
        model = Choice
        fields = ["question"]
