from __future__ import annotations

import pytest

from tests.web.newsbank import news_bank_build


@pytest.fixture
def news_bank(teacher):
    bank, questions = news_bank_build(owner=teacher)
    return bank


@pytest.fixture
def student_client(client, student):
    """Logged in, with the time zone already in the session (as after the first
    page), so query counts are those of every later page."""
    client.force_login(student)
    session = client.session
    session["web_time_zone"] = "UTC"
    session.save()
    return client


@pytest.fixture
def queries_of():
    """queries_of(callable) -> how many queries it ran. Pages pin their count as
    the same with more data (django_assert_num_queries) and under a small bound."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(action) -> int:
        with CaptureQueriesContext(connection) as context:
            action()
        return len(context.captured_queries)

    return count
