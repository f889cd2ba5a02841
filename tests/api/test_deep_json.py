"""A JSON body nested a thousand levels deep is a 400 in the API's error shape on
every JSON endpoint, login included, never a 500 (RecursionError)."""

from __future__ import annotations

import pytest

from tests.api.test_errors import assert_shape

DEEP = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000


def _post(client, url, body):
    return client.post(url, data=body, content_type="application/json")


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT])
def test_deep_json_on_the_login_endpoint_is_400(anon, db, body):
    response = _post(anon, "/api/v1/auth/token/", body)

    assert_shape(response, 400, "parse_error")
    assert "nested" in response.json()["detail"]


@pytest.mark.parametrize(
    "url", ["/api/v1/reviews/", "/api/v1/reviews/batch/", "/api/v1/me/preferences/"]
)
def test_deep_json_on_student_endpoints_is_400(api, url):
    method = api.patch if url.endswith("preferences/") else api.post
    response = method(url, data=DEEP, content_type="application/json")

    assert_shape(response, 400, "parse_error")


def test_deep_json_on_the_teachers_article_endpoint_is_400(teacher_api):
    response = _post(teacher_api, "/api/v1/articles/", DEEP_OBJECT)

    assert_shape(response, 400, "parse_error")


def test_moderately_deep_json_is_refused_before_a_view_sees_it(api):
    """Deep enough to pass the json module, still deeper than any request needs."""
    body = '{"reviews": ' + "[" * 40 + "]" * 40 + "}"

    response = _post(api, "/api/v1/reviews/batch/", body)

    assert_shape(response, 400, "parse_error")


def test_ordinary_nesting_still_passes(api):
    response = _post(api, "/api/v1/reviews/", '{"card": 999999, "rating": 3}')

    assert response.status_code == 404
