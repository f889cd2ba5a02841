"""Shared fixtures: users of each role, a published bank, logged-in clients."""

from __future__ import annotations

import pytest

from learning.selectors.queue import queue_guesses_forget
from tests.factories import (
    PASSWORD,
    QuestionBankFactory,
    QuestionFactory,
    SuperuserFactory,
    TeacherFactory,
    UserFactory,
    teachers_group,
)
from tests.pages_server import PagesServer


@pytest.fixture(autouse=True)
def _rows_the_migrations_made(request):
    """A transactional test (browser, concurrency) flushes every table when it ends,
    the Teachers group its data migration made included; with pytest-xdist the order
    of files in a worker varies, so any database test may come after one. Make the
    group again (with the migration's permissions) before each database test."""
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        request.getfixturevalue("_django_db_helper")
        teachers_group()


@pytest.fixture(autouse=True)
def _queue_guesses_forgotten():
    """The study queue guesses a user's candidates from their last read in the
    process (by user id): a test's new user may get an id an earlier test's user had
    (SQLite reuses the ids of rolled-back rows), and a wrong guess costs a query."""
    queue_guesses_forget()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def student(db):
    return UserFactory(username="stella")


@pytest.fixture
def other_student(db):
    return UserFactory(username="oscar")


@pytest.fixture
def teacher(db):
    return TeacherFactory(username="tess")


@pytest.fixture
def other_teacher(db):
    return TeacherFactory(username="otto")


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="root")


@pytest.fixture
def bank(teacher):
    """A published bank of five published who-said questions, owned by `teacher`."""
    bank = QuestionBankFactory(owner=teacher, title="World news")
    QuestionFactory.create_batch(5, bank=bank)
    return bank


@pytest.fixture
def student_client(client, student):
    client.force_login(student)
    return client


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture
def pages_server():
    """A local web server for reading articles by address (tests/pages_server.py)."""
    server = PagesServer().start()
    yield server
    server.stop()


@pytest.fixture
def allow_local_pages(settings):
    """ARTICLE_FETCH_ALLOW_PRIVATE for this test only: the pages server is on loopback."""
    settings.ARTICLE_FETCH_ALLOW_PRIVATE = True
    return settings
