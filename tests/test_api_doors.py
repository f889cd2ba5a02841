"""Each app's door (quizzes/api.py, classes/api.py, learning/api.py) hands out
functions, rows and small dataclasses, not model classes: another app given a class
writes its own queries into the owner's schema, walking around the door (issue 15).
The model classes are importable from a door for annotations only (TYPE_CHECKING)."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

from classes import api as classes_api
from learning import api as learning_api
from quizzes import api as quizzes_api
from tests.factories import (
    AssignmentFactory,
    CardFactory,
    ClassroomFactory,
    MembershipFactory,
    QuestionFactory,
)

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


# --- What a door's functions return ------------------------------------------
# A function of a door returns rows, ids, small frozen dataclasses or plain values.
# The functions below still hand out model instances or querysets, each for the
# reason given: a caller composes the queryset into its own query, or renders the
# instance with a template or serializer that walks its relations. The list only
# shrinks: a function converted to rows must leave it (the test says so).
RETURNS_MODELS = {
    # quizzes: querysets composed by the caller (filtered, paginated, counted, a
    # DRF field's choices, a Prefetch, a subquery of learning's own queries).
    "quizzes.api.published_questions": "learning filters and counts its own queries on it",
    "quizzes.api.articles_authored_by": "an admin or API queryset, filtered further",
    "quizzes.api.articles_editable_by": "an admin or API queryset, filtered further",
    "quizzes.api.articles_visible_to": "an admin or API queryset, filtered further",
    "quizzes.api.bank_list_for_user": "get_object_or_404 and DRF pagination on it",
    "quizzes.api.bank_list_studyable": "get_object_or_404, DRF field choices, pagination",
    "quizzes.api.banks_assignable_by": "classes' assignment form and API choices",
    "quizzes.api.banks_editable_by": "learning's admin queryset",
    "quizzes.api.banks_studyable_by": "a subquery of the caller's own filters",
    "quizzes.api.banks_visible_to": "a subquery of the caller's own filters",
    "quizzes.api.banks_none": "an empty queryset for a DRF field's choices",
    "quizzes.api.choices_in_order": "the queryset of a Prefetch of the caller's query",
    "quizzes.api.questions_by_ids": "the study queue's values() with its own annotations",
    "quizzes.api.questions_with_status": "the study queue's values() with its own annotations",
    "quizzes.api.choice_rows_of": "a values_list learning compiles once (sql.prepared_rows)",
    # quizzes: instances rendered by templates and PublicQuestionSerializer (choices,
    # bank, article), or written as a foreign key (QuizAttempt.bank).
    "quizzes.api.question_list_for_preview": "the study templates, with choices",
    "quizzes.api.questions_with_choices": "PublicQuestionSerializer and the quiz templates",
    # classes
    "classes.api.assignment_list_for_teacher": "composed by learning (status, progress)",
    "classes.api.bank_ids_assigned_to": "ids as a subquery of learning's queue",
    "classes.api.member_ids": "ids as a subquery of learning's reports",
    # learning (web's pages)
    "learning.api.attempt_get_for_user": "the quiz pages' templates",
    "learning.api.review_record": "ReviewResult carries the card and log web's feedback renders",
}

MODEL_NAMES = {model.__name__ for model in apps.get_models()} | {"QuerySet", "Manager", "Model"}


def _door_functions():
    for door_name, door in sorted(DOORS.items()):
        for name in door.__all__:
            value = getattr(door, name)
            if inspect.isfunction(value):
                yield f"{door_name}.{name}", value


def _names_in(annotation, namespace, seen) -> set[str]:
    """The model names an annotation returns, looking into the dataclasses it names."""
    if isinstance(annotation, type):
        annotation = annotation.__qualname__
    found = set()
    for dotted in re.findall(r"[A-Za-z_][\w.]*", str(annotation)):
        word = dotted.rsplit(".", 1)[-1]
        if word in MODEL_NAMES:
            found.add(word)
        target = namespace.get(word)
        if dataclasses.is_dataclass(target) and target not in seen:
            seen.add(target)
            fields_namespace = vars(sys.modules[target.__module__])
            for field in dataclasses.fields(target):
                found |= _names_in(field.type, fields_namespace, seen)
    return found


def _returned_models(function) -> set[str]:
    annotation = inspect.signature(function).return_annotation
    if str(annotation).startswith(("TypeGuard[", "typing.TypeGuard[")):
        return set()  # a bool to the caller
    return _names_in(annotation, function.__globals__, set())


def test_every_door_function_says_what_it_returns():
    assert [
        name
        for name, function in _door_functions()
        if inspect.signature(function).return_annotation is inspect.Signature.empty
    ] == []


def test_door_functions_return_no_model_unless_listed_with_a_reason():
    returning = {name: _returned_models(function) for name, function in _door_functions()}
    assert {name: models for name, models in returning.items() if models} == {
        name: returning[name] for name in RETURNS_MODELS if name in returning
    }
    assert set(RETURNS_MODELS) <= set(returning)  # a listed function that left the door


def _models_in(value) -> list[object]:
    """The model instances and querysets anywhere in a returned value."""
    if isinstance(value, models.Model | models.QuerySet):
        return [value]
    if isinstance(value, dict):
        return [m for item in value.items() for m in _models_in(item)]
    if isinstance(value, list | tuple | set | frozenset):
        return [m for item in value for m in _models_in(item)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            m for field in dataclasses.fields(value) for m in _models_in(getattr(value, field.name))
        ]
    return []


@pytest.mark.django_db
def test_the_converted_functions_return_rows_at_run_time(student):
    question = QuestionFactory()
    card = CardFactory(user=student, question=question)
    learning_api.card_suspend(user=student, card_id=card.pk)
    classroom = ClassroomFactory()
    attempt_id = learning_api.quiz_start(user=student, bank_id=question.bank_id, size=1)
    attempt = learning_api.attempt_get_for_user(user=student, attempt_id=attempt_id)
    wrong = question.choices.get(is_correct=False, position=1)
    returned = {
        "choices_for_grading": quizzes_api.choices_for_grading([question.pk]),
        "question_report_create": quizzes_api.question_report_create(
            user=student, question_id=question.pk, reason="typo"
        ),
        "classroom_join": classes_api.classroom_join(student=student, code=classroom.join_code),
        "card_unsuspend": learning_api.card_unsuspend(user=student, card_id=card.pk),
        "review_undo_last": learning_api.review_undo_last(user=student),
        "article_facts": quizzes_api.article_facts([question.bank.article_id]),
        "quiz_start": attempt_id,
        "quiz_answer": learning_api.quiz_answer(
            user=student, attempt=attempt, question_id=question.pk, choice_id=wrong.pk
        ),
        "quiz_finish": learning_api.quiz_finish(attempt=attempt),
        "quiz_retry": learning_api.quiz_retry(user=student, attempt=attempt),
        "question_get_for_student": quizzes_api.question_get_for_student(
            user=student, question_id=question.pk
        ),
        "preferences_get": learning_api.preferences_get(user=student),
        "preferences_update": learning_api.preferences_update(
            user=student, time_zone="Asia/Tashkent"
        ),
        "study_more": learning_api.study_more(user=student, new_cards=5),
        "bank_get_for_teacher": quizzes_api.bank_get_for_teacher(
            user=question.bank.owner, bank_id=question.bank.pk
        ),
        "bank_get_for_student": quizzes_api.bank_get_for_student(
            user=student, bank_id=question.bank.pk
        ),
        "article_get_for_user": quizzes_api.article_get_for_user(
            user=student, article_id=question.bank.article_id
        ),
    }
    returned["attempt_list"] = learning_api.attempt_list(user=student)
    returned["classroom_list_for_student"] = classes_api.classroom_list_for_student(student=student)
    returned["classroom_get_for_student"] = classes_api.classroom_get_for_student(
        student=student, classroom_id=classroom.pk
    )
    returned["classroom_preview_by_code"] = classes_api.classroom_preview_by_code(
        code=classroom.join_code
    )
    learning_api.card_suspend(user=student, card_id=card.pk)
    returned["cards_suspended"] = learning_api.cards_suspended(user=student)
    homework = AssignmentFactory(quiz_length=3)
    MembershipFactory(classroom=homework.classroom, student=student)
    returned["assignment_get_for_student"] = classes_api.assignment_get_for_student(
        student=student, assignment_id=homework.pk
    )
    returned["assignment_list_for_student"] = classes_api.assignment_list_for_student(
        student=student
    )
    returned["student_assignments"] = learning_api.student_assignments(
        student=student, assignments=returned["assignment_list_for_student"]
    )
    returned["assignment_get_for_teacher"] = classes_api.assignment_get_for_teacher(
        teacher=homework.classroom.teacher, assignment_id=homework.pk
    )
    assert {name: _models_in(value) for name, value in returned.items()} == dict.fromkeys(
        returned, []
    )
    assert [c.is_correct for c in returned["choices_for_grading"][question.pk]] == [
        True,
        False,
        False,
        False,
    ]
    assert returned["classroom_join"] == classes_api.JoinedClass(
        classroom_id=classroom.pk, name=classroom.name, created=True
    )
    assert (attempt.finished_at is not None, attempt.correct_count) == (True, 0)
    assert returned["quiz_retry"] > attempt_id
    bank = question.bank
    assert returned["bank_get_for_teacher"] == quizzes_api.TeacherBank(
        pk=bank.pk,
        title=bank.title,
        status=bank.status,
        article=quizzes_api.ArticleText(pk=bank.article.pk, text=bank.article.text),
    )
    assert returned["bank_get_for_student"] == quizzes_api.StudentBank(
        pk=bank.pk,
        title=bank.title,
        status=bank.status,
        article=quizzes_api.ArticleText(pk=bank.article.pk, text=bank.article.text),
    )
    assert returned["bank_get_for_student"].article_id == bank.article_id
    article = bank.article
    assert returned["article_get_for_user"] == quizzes_api.StudentArticle(
        pk=article.pk,
        title=article.title,
        publisher=article.publisher,
        published_on=article.published_on,
        url=article.url,
        text=article.text,
    )
    assert returned["question_get_for_student"] == quizzes_api.QuestionPrompt(
        pk=question.pk, prompt=question.prompt
    )
    assert [row.pk for row in returned["attempt_list"]] == [returned["quiz_retry"], attempt_id]
    assert returned["attempt_list"][1].bank_title == question.bank.title
    assert returned["preferences_get"].time_zone == "UTC"
    assert returned["preferences_update"].time_zone == "Asia/Tashkent"
    assert learning_api.preferences_get(user=student) == returned["preferences_update"]
    assert returned["card_unsuspend"] == learning_api.CardRef(
        card_id=card.pk, prompt=question.prompt
    )
    shown = classes_api.ClassRow(
        pk=classroom.pk,
        name=classroom.name,
        description=classroom.description,
        teacher_name=classroom.teacher.get_username(),
    )
    assert returned["classroom_list_for_student"] == [shown]
    assert returned["classroom_get_for_student"] == shown
    assert returned["classroom_preview_by_code"] == shown
    assert [(c.pk, c.prompt, c.bank_title) for c in returned["cards_suspended"]] == [
        (card.pk, question.prompt, question.bank.title)
    ]
    assert returned["assignment_get_for_student"] == classes_api.AssignmentRow(
        pk=homework.pk,
        bank_id=homework.bank_id,
        quiz_length=3,
        counts_from=homework.starts_at or homework.created_at,
    )
    (open_row,) = returned["assignment_list_for_student"]
    assert open_row == classes_api.OpenAssignment(
        pk=homework.pk,
        classroom=classes_api.ClassRef(
            id=homework.classroom_id,
            name=homework.classroom.name,
            teacher_name=homework.classroom.teacher.get_username(),
        ),
        bank=classes_api.BankTitle(id=homework.bank_id, title=homework.bank.title),
        starts_at=homework.starts_at,
        due_at=homework.due_at,
        quiz_length=3,
        pass_mark=homework.pass_mark,
        all_cards=homework.all_cards,
        counts_from=homework.starts_at or homework.created_at,
    )
    assert [row.assignment for row in returned["student_assignments"]] == [open_row]
    assert returned["assignment_get_for_teacher"] == classes_api.TeacherAssignment(
        pk=homework.pk,
        classroom_id=homework.classroom_id,
        bank_id=homework.bank_id,
        quiz_length=3,
        pass_mark=homework.pass_mark,
        all_cards=homework.all_cards,
        due_at=homework.due_at,
        counts_from=homework.starts_at or homework.created_at,
    )


@pytest.mark.django_db
def test_quiz_start_takes_only_a_bank_the_student_may_study(student):
    """The door checks the bank itself: one the student may not study (not published,
    or private and not assigned to them) starts nothing and says which field is at fault."""
    draft = QuestionFactory(bank__status="draft").bank
    private = QuestionFactory(bank__is_public=False).bank
    for bank in (draft, private):
        with pytest.raises(learning_api.ReviewError) as refused:
            learning_api.quiz_start(user=student, bank_id=bank.pk, size=1)
        assert refused.value.field == "bank"
    assert learning_api.attempt_list(user=student) == []


def test_a_model_slipped_into_a_row_is_caught():
    """The check itself: a model instance inside a returned dataclass is found."""

    @dataclasses.dataclass(frozen=True)
    class Row:
        value: object

    smuggled = Row(value=[{"x": models.Model.__new__(apps.get_model("quizzes", "Choice"))}])
    assert len(_models_in(smuggled)) == 1


# --- No lookup walks around quizzes' door ---------------------------------------
# Another app reads a question's fields through its own foreign key, with the path
# quizzes gives (quizzes.api.question_path / question_filter / published_question_filter):
# a `question__...` lookup written outside quizzes is quizzes' schema copied into it.
OTHER_APPS = ("learning", "classes", "web", "devices", "config")
REPOSITORY = Path(__file__).resolve().parent.parent


def _schema_lookups(source: str) -> list[tuple[int, str]]:
    """(line, text) of each `question__` in a keyword argument or a string (docstrings
    aside) of a module's source."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg and "question__" in node.arg:
            found.append((node.value.lineno, node.arg))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "question__" in node.value
            and id(node) not in docstrings
        ):
            found.append((node.lineno, node.value))
    return sorted(found)


def test_no_other_app_writes_a_lookup_into_quizzes_schema():
    modules = sorted(
        path
        for app in OTHER_APPS
        for path in (REPOSITORY / app).rglob("*.py")
        if "migrations" not in path.parts
    )
    assert len(modules) > 50  # the apps were found
    hits = [
        f"{path.relative_to(REPOSITORY)}:{line} {text}"
        for path in modules
        for line, text in _schema_lookups(path.read_text(encoding="utf-8"))
    ]
    assert hits == []


def test_the_lookup_check_sees_keywords_strings_and_f_strings():
    source = (
        '"""A docstring may say question__bank."""\n'
        "a = Card.objects.filter(question__bank=1)\n"
        'b = ["question__prompt"]\n'
        'c = [f"question__{name}" for name in names]\n'
        'd = Card.objects.filter(question_id=1).values("question_id")\n'
    )
    assert _schema_lookups(source) == [
        (2, "question__bank"),
        (3, "question__prompt"),
        (4, "question__"),
    ]
