"""What the API really answers, and that the schema says so: 304, 405, 406, 413 and
415 in the error shape where they have a body and documented on the operations that
can answer them; each export's content type in the schema; JSON only (no
browsable HTML pages) with DEBUG off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.test_errors import assert_shape

ROOT = Path(__file__).resolve().parents[2]
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def schema(anon, db):
    return anon.get("/api/v1/schema/", {"format": "json"}).json()


def _operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_operation_documents_405_and_406(schema):
    missing = [
        (path, method, code)
        for path, method, operation in _operations(schema)
        for code in ("405", "406")
        if code not in operation["responses"]
    ]
    assert missing == []


def test_operations_with_a_body_document_413_and_415(schema):
    with_body = [
        (path, method, operation)
        for path, method, operation in _operations(schema)
        if "requestBody" in operation
    ]
    assert with_body
    assert [
        (path, method)
        for path, method, operation in with_body
        if not {"413", "415"} <= set(operation["responses"])
    ] == []


def test_conditional_gets_document_304(schema):
    questions = schema["paths"]["/api/v1/banks/{id}/questions/"]["get"]
    assert "ETag" in questions["responses"]["304"]["description"]


def test_the_bank_export_documents_each_files_content_type(schema):
    export = schema["paths"]["/api/v1/teach/banks/{id}/export/"]["get"]
    assert set(export["responses"]["200"]["content"]) == {
        "application/octet-stream",
        "text/csv",
        "application/json",
        "text/plain",
        "application/xml",
    }
    assert "format=csv is text/csv; charset=utf-8" in export["responses"]["200"]["description"]


def test_the_bank_export_documents_its_errors_in_the_error_shape(schema):
    responses = schema["paths"]["/api/v1/teach/banks/{id}/export/"]["get"]["responses"]
    for code in ("400", "404", "406"):
        body = responses[code]["content"]["application/json"]["schema"]
        assert body == {"$ref": "#/components/schemas/Error"}, code
    assert "`Accept`" in responses["406"]["description"]
    assert "errors.format" in responses["400"]["description"]


def test_the_progress_export_documents_csv(schema):
    export = schema["paths"]["/api/v1/teach/assignments/{id}/progress/export/"]["get"]
    assert "text/csv" in export["responses"]["200"]["content"]


def test_a_method_a_path_does_not_take_is_405_in_the_error_shape(api):
    response = api.delete("/api/v1/reviews/")

    assert_shape(response, 405, "method_not_allowed")
    assert "POST" in response["Allow"]


def test_an_accept_header_the_api_cannot_answer_is_406(api, db):
    response = api.get("/api/v1/banks/", HTTP_ACCEPT="application/xml")

    assert_shape(response, 406, "not_acceptable")


def test_a_body_that_is_not_json_is_415(api):
    response = api.post("/api/v1/reviews/", data="card=1", content_type="text/plain")

    assert_shape(response, 415, "unsupported_media_type")


def test_a_body_over_five_megabytes_is_413(api):
    body = '{"card": 1, "rating": 3, "pad": "' + "x" * (5 * 1024 * 1024) + '"}'

    response = api.post("/api/v1/reviews/", data=body, content_type="application/json")

    assert_shape(response, 413, "payload_too_large")


def test_a_browser_gets_json_not_the_browsable_api_with_debug_off(api, db, settings):
    assert settings.DEBUG is False

    response = api.get("/api/v1/banks/", HTTP_ACCEPT=BROWSER_ACCEPT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(("debug", "browsable"), [("0", False), ("1", True)])
def test_the_browsable_api_is_only_for_development(debug, browsable):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print('BrowsableAPIRenderer' in str(settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES']))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": debug,
        "DJANGO_SECRET_KEY": "x" * 60,
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()

    assert out == str(browsable)
