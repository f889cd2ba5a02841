"""django-filter FilterSets of the learner API (invalid values -> 400 naming the field)."""

from __future__ import annotations

import django_filters

from config.api_fields import IdFilter
from learning.models import QuizAttempt
from quizzes.models import QuestionBank


class BankFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label="Title contains"
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label="Tag slug")

    class Meta:
        model = QuestionBank
        fields = ["q", "tag"]


class AttemptFilter(django_filters.FilterSet):
    bank = IdFilter(field_name="bank_id")
    finished = django_filters.BooleanFilter(
        field_name="finished_at", lookup_expr="isnull", exclude=True, label="Finished"
    )

    class Meta:
        model = QuizAttempt
        fields = ["bank", "finished"]
