"""Data migrations, run for real on the test database: back to the state before
the migration, rows made with the historical models, then forward again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_CLASSES = ("quizzes", "0002_teachers_group")
BANK_IS_PUBLIC = ("quizzes", "0003_bank_is_public")


def _migrate(target: list[tuple[str, str]]):
    """Migrate to `target` and return the historical apps there."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_published_banks_stay_public_when_classes_arrive():
    """Issue 13: before classes every published bank was visible to every student;
    the migration that adds `is_public` keeps them visible, drafts stay private."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate([BEFORE_CLASSES])
        owner = old.get_model("auth", "User").objects.create(username="editor")
        bank = old.get_model("quizzes", "QuestionBank").objects
        published = bank.create(title="Published before", status="published", owner=owner)
        draft = bank.create(title="Draft before", status="draft", owner=owner)

        new = _migrate([BANK_IS_PUBLIC])
        public = dict(
            new.get_model("quizzes", "QuestionBank").objects.values_list("pk", "is_public")
        )
        assert public == {published.pk: True, draft.pk: False}
    finally:
        _migrate(latest)
