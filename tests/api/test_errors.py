"""Every 4xx has one shape: {"errors": {field: [messages]}, "detail": str, "code": str}."""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.throttling import ScopedRateThrottle

from learning.models import ReviewLog

SHAPE = {"errors", "detail", "code"}


def assert_shape(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == SHAPE
    assert body["code"] == code
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body


def test_400_names_fields_and_joins_first_message_into_detail(api, db):
    body = assert_shape(
        api.post("/api/v1/reviews/", {"card": 1, "rating": 9}, format="json"), 400, "invalid"
    )
    assert body["errors"] == {"rating": ["Ensure this value is less than or equal to 4."]}
    assert body["detail"] == "rating: Ensure this value is less than or equal to 4."


def test_malformed_json_is_400(api, db):
    response = api.post("/api/v1/reviews/", data="{not json", content_type="application/json")
    body = assert_shape(response, 400, "parse_error")
    assert body["errors"] == {}


def test_json_list_instead_of_object_is_400_non_field(api, db):
    body = assert_shape(api.post("/api/v1/reviews/", [1, 2], format="json"), 400, "invalid")
    assert list(body["errors"]) == ["non_field_errors"]


def test_401_and_403(anon, api, db):
    assert_shape(anon.get("/api/v1/progress/"), 401, "not_authenticated")
    assert_shape(api.get("/api/v1/teach/banks/"), 403, "permission_denied")


def test_404_for_unknown_ids_and_unknown_paths(api, db):
    assert_shape(api.get("/api/v1/banks/999999/"), 404, "not_found")
    assert_shape(api.get("/api/v1/quizzes/999999/"), 404, "not_found")
    assert_shape(api.get("/api/v1/no-such-thing/"), 404, "not_found")
    assert_shape(api.get("/api/v2/banks/"), 404, "not_found")


def test_405_and_415(api, db):
    assert_shape(api.get("/api/v1/reviews/"), 405, "method_not_allowed")
    response = api.post("/api/v1/reviews/", data="card=1", content_type="text/plain")
    assert_shape(response, 415, "unsupported_media_type")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_413_for_a_json_body_over_the_limit(api, db):
    response = api.post("/api/v1/reviews/batch/", {"reviews": [{"card": 1}] * 200}, format="json")
    assert_shape(response, 413, "payload_too_large")


def test_429_on_review_posting(api, bank, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"reviews": "2/min"})
    card = api.get("/api/v1/study/queue/", {"limit": 1}).json()["items"][0]["id"]
    statuses = [
        api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json").status_code
        for _ in range(3)
    ]
    assert statuses == [201, 201, 429]
    assert ReviewLog.objects.count() == 2
    response = api.post("/api/v1/reviews/batch/", {"reviews": []}, format="json")
    assert_shape(response, 429, "throttled")
    assert "Retry-After" in response


@pytest.mark.parametrize(
    "path", ["/api/v1/banks/", "/api/v1/study/queue/", "/api/v1/me/preferences/"]
)
def test_wrong_types_in_query_params_are_400_not_500(api, db, path):
    response = api.get(path, {"page": "x", "limit": "many", "bank": "[1]", "page_size": "-1"})
    assert response.status_code in (200, 400, 404)
    if response.status_code >= 400:
        assert set(response.json()) == SHAPE


def test_page_size_must_be_a_positive_whole_number(api, bank):
    for bad in ("0", "-3", "ten", "null"):
        body = assert_shape(api.get("/api/v1/banks/", {"page_size": bad}), 400, "invalid")
        assert list(body["errors"]) == ["page_size"]
    assert api.get("/api/v1/banks/", {"page_size": "100000"}).status_code == 200  # capped at 200


def test_form_bodies_are_refused_where_json_is_expected(api, db):
    response = api.post("/api/v1/reviews/", {"card": 1, "rating": 3}, format="multipart")
    assert_shape(response, 415, "unsupported_media_type")


def test_numbers_are_not_accepted_as_text(teacher_api, db):
    response = teacher_api.post("/api/v1/teach/banks/", {"title": 12345}, format="json")
    body = assert_shape(response, 400, "invalid")
    assert body["errors"] == {"title": ["Not a valid string."]}


def test_boolean_filter_rejects_non_booleans(api, db):
    body = assert_shape(api.get("/api/v1/quizzes/", {"finished": "null"}), 400, "invalid")
    assert list(body["errors"]) == ["finished"]
    assert api.get("/api/v1/quizzes/", {"finished": "true"}).status_code == 200
