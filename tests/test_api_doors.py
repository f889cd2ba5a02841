"""Each app's door (quizzes/api.py, classes/api.py, learning/api.py) hands out
functions, rows and small dataclasses, not model classes: another app given a class
writes its own queries into the owner's schema, walking around the door (issue 15).
The model classes are importable from a door for annotations only (TYPE_CHECKING)."""

from __future__ import annotations

import inspect

import pytest
from django.db import models

from classes import api as classes_api
from learning import api as learning_api
from quizzes import api as quizzes_api

DOORS = {"quizzes.api": quizzes_api, "classes.api": classes_api, "learning.api": learning_api}


def _model_classes(door) -> set[str]:
    return {
        name
        for name in door.__all__
        if inspect.isclass(getattr(door, name)) and issubclass(getattr(door, name), models.Model)
    }


@pytest.mark.parametrize("name", sorted(DOORS))
def test_a_door_exports_no_model_class(name):
    assert _model_classes(DOORS[name]) == set()


@pytest.mark.parametrize("name", sorted(DOORS))
def test_every_name_a_door_lists_exists(name):
    door = DOORS[name]
    assert [n for n in door.__all__ if not hasattr(door, n)] == []


def test_a_model_class_named_for_annotations_is_not_there_at_run_time():
    for model in ("Article", "Choice", "Question", "QuestionBank"):
        assert not hasattr(quizzes_api, model)
    assert not hasattr(classes_api, "Classroom")
    assert not hasattr(classes_api, "Assignment")
