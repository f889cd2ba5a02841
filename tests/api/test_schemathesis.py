"""Property-based runs of every documented operation against the live schema
(schemathesis through the WSGI app, authenticated as a teacher so the teacher
operations run too).

- positive data: no 5xx, and every status, content type and body conforms to the
  schema (20 examples per operation);
- negative data (wrong types, out-of-range values, missing fields): no 5xx and
  never accepted (10 examples per operation).
No deadline and no shrinking phase keep the run bounded."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory, QuizAttemptFactory

TOKEN_KEY = "0123456789abcdef0123456789abcdef01234567"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def _keep_test_connection():
    """Requests go through the bare WSGI app: keep Django from closing the test's
    database connection between them (what django.test.Client does too)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_user(db, _keep_test_connection):
    """A teacher who owns a published bank and has studied a little."""
    from tests.factories import TeacherFactory

    teacher = TeacherFactory(username="fuzz", is_superuser=False)
    bank = QuestionBankFactory(owner=teacher)
    questions = QuestionFactory.create_batch(3, bank=bank)
    CardFactory(user=teacher, question=questions[0])
    QuizAttemptFactory(user=teacher, bank=bank, question_ids=[q.pk for q in questions])
    return teacher


# Loaded at collection through the app itself (the schema view needs no database).
# (schemathesis.pytest.from_fixture fails under pytest 9: "'Function' object has no attribute '_nodeid'".)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
negative_schema = schemathesis.openapi.from_wsgi(
    "/api/v1/schema/?format=json", get_wsgi_application()
)
negative_schema.config.generation.update(modes=[GenerationMode.NEGATIVE])


def _has_no_input(ctx) -> bool:
    """Operations without parameters or a body (GET progress/, POST reviews/undo/, ...):
    there is nothing to make invalid."""
    raw = ctx.operation.definition.raw
    return not raw.get("parameters") and "requestBody" not in raw


negative_schema = negative_schema.exclude(func=_has_no_input)


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, fuzz_user):
    # POST auth/logout/ may have revoked the token in an earlier example.
    Token.objects.get_or_create(user=fuzz_user, defaults={"key": TOKEN_KEY})
    case.call_and_validate(headers={"Authorization": f"Token {TOKEN_KEY}"}, checks=CHECKS)


@negative_schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_rejects_schema_violating_input(case, fuzz_user):
    Token.objects.get_or_create(user=fuzz_user, defaults={"key": TOKEN_KEY})
    case.call_and_validate(
        headers={"Authorization": f"Token {TOKEN_KEY}"},
        checks=[not_a_server_error, negative_data_rejection],
    )
