"""GET schema/ (OpenAPI 3), GET docs/ (Swagger UI from the sidecar, no CDN), and
the schema validates without warnings."""

from __future__ import annotations

import yaml
from django.core.management import call_command

ISSUE_PATHS = {
    "/api/v1/auth/token/",
    "/api/v1/auth/logout/",
    "/api/v1/banks/",
    "/api/v1/banks/{id}/",
    "/api/v1/banks/{id}/questions/",
    "/api/v1/banks/{id}/progress/",
    "/api/v1/study/queue/",
    "/api/v1/reviews/",
    "/api/v1/reviews/batch/",
    "/api/v1/reviews/undo/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/{id}/",
    "/api/v1/quizzes/{id}/answers/",
    "/api/v1/progress/",
    "/api/v1/progress/heatmap/",
    "/api/v1/me/preferences/",
    "/api/v1/articles/",
    "/api/v1/articles/{id}/generate/",
    "/api/v1/teach/jobs/",
    "/api/v1/teach/jobs/{id}/",
    "/api/v1/teach/banks/",
    "/api/v1/teach/questions/",
    "/api/v1/teach/choices/",
}


def test_schema_is_public_openapi_with_every_issue_path(anon, db):
    response = anon.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= ISSUE_PATHS
    review = schema["paths"]["/api/v1/reviews/"]["post"]
    assert {"201", "400", "401", "404", "429"} <= set(review["responses"])
    assert "413" in schema["paths"]["/api/v1/reviews/batch/"]["post"]["responses"]
    assert schema["components"]["securitySchemes"]["tokenAuth"]["type"] == "apiKey"
    generate = schema["paths"]["/api/v1/articles/{id}/generate/"]["post"]["responses"]
    assert generate["202"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/GenerationJob"
    )
    job = schema["components"]["schemas"]["GenerationJob"]["properties"]
    assert job["status"]["allOf"][0]["$ref"].endswith("/GenerationStatusEnum")


def test_schema_yaml_by_default(anon, db):
    response = anon.get("/api/v1/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "NewsQuiz API"


def test_swagger_ui_is_served_without_any_cdn(anon, db):
    page = anon.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html  # no inline script or style: works under the strict CSP
    assert "<style>" not in html
    assert "/static/api/swagger_ui.css" in html
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs"):
        assert cdn not in html
    script = anon.get("/api/v1/docs/", {"script": ""})
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()


def test_schema_validates_without_warnings(tmp_path, db):
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert set(schema["paths"]) >= ISSUE_PATHS


# Issue 13 (classes and assignments): its paths, and the fields it names.
CLASS_PATHS = {
    "/api/v1/classes/",
    "/api/v1/classes/join/",
    "/api/v1/classes/{id}/leave/",
    "/api/v1/assignments/",
    "/api/v1/teach/classes/",
    "/api/v1/teach/classes/{id}/",
    "/api/v1/teach/classes/{id}/members/",
    "/api/v1/teach/assignments/",
    "/api/v1/teach/assignments/{id}/",
    "/api/v1/teach/assignments/{id}/progress/",
    "/api/v1/teach/assignments/{id}/items/",
}


def _component(schema, ref: str) -> dict:
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _list_item(schema, operation) -> dict:
    """The schema of one result of a paginated list operation."""
    page = _component(
        schema, operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    )
    return _component(schema, page["properties"]["results"]["items"]["$ref"])


def test_schema_documents_classes_and_assignments(anon, db):
    schema = anon.get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    assert set(paths) >= CLASS_PATHS
    assert {"get", "post"} <= set(paths["/api/v1/teach/classes/"])
    assert {"get", "patch", "delete"} <= set(paths["/api/v1/teach/classes/{id}/"])
    assert {"get", "post"} <= set(paths["/api/v1/teach/assignments/"])
    assert {"get", "patch", "delete"} <= set(paths["/api/v1/teach/assignments/{id}/"])

    join = paths["/api/v1/classes/join/"]["post"]
    body = join["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert "code" in _component(schema, body)["properties"]
    assert join["responses"]["400"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Error"
    )
    assignment = _list_item(schema, paths["/api/v1/assignments/"]["get"])["properties"]
    assert {"bank", "due_at", "status"} <= set(assignment)
    for path in ("/api/v1/study/queue/", "/api/v1/quizzes/"):
        names = {p["name"] for p in paths[path]["get"]["parameters"] if p["in"] == "query"}
        assert "assignment" in names, path

    taught = _list_item(schema, paths["/api/v1/teach/classes/"]["get"])["properties"]
    assert "join_code" in taught
    set_work = _list_item(schema, paths["/api/v1/teach/assignments/"]["get"])["properties"]
    assert {"classroom", "bank", "starts_at", "due_at", "quiz_length", "pass_mark"} <= set(set_work)
    progress = paths["/api/v1/teach/assignments/{id}/progress/"]["get"]
    assert {
        "status",
        "quiz_best",
        "quiz_last",
        "cards_studied",
        "retention",
        "last_active",
        "late",
    } <= set(_list_item(schema, progress)["properties"])
    items = _list_item(schema, paths["/api/v1/teach/assignments/{id}/items/"]["get"])["properties"]
    assert {"share_correct", "average_ms", "common_wrong", "discrimination", "flagged"} <= set(
        items
    )
    bank = _list_item(schema, paths["/api/v1/teach/banks/"]["get"])["properties"]
    assert "is_public" in bank
