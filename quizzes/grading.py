"""What learning reads of a question's choices to grade a review answer, without a
model class (issue 15: the door hands out functions): the choices of many questions
in one query, and subqueries that read a choice's correctness alongside the card."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from .models import Choice


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    """What grading reads of a choice (`pk` as on the model, so a grader takes either)."""

    pk: int
    question_id: int
    is_correct: bool
    position: int


def choices_for_grading(question_ids: Iterable[int]) -> dict[int, list[ChoiceRow]]:
    """Question id -> its choices as rows, in the model's order: one query, none
    without ids."""
    choices: dict[int, list[ChoiceRow]] = defaultdict(list)
    ids = set(question_ids)
    if ids:
        for row in Choice.objects.filter(question_id__in=ids).values_list(
            "id", "question_id", "is_correct", "position"
        ):
            choices[row[1]].append(ChoiceRow(*row))
    return choices


def choice_is_correct_subquery(*, choice_id: int, question: OuterRef) -> Subquery:
    """Whether choice `choice_id` of the outer row's question is correct (NULL when
    it is not one of that question's choices)."""
    return Subquery(
        Choice.objects.filter(pk=choice_id, question_id=question).values("is_correct")[:1]
    )


def correct_choice_subquery(*, question: OuterRef) -> Subquery:
    """The id of the outer row's question's correct choice (the first, in order)."""
    return Subquery(
        Choice.objects.filter(question_id=question, is_correct=True)
        .order_by("position", "id")
        .values("id")[:1]
    )
