import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quizzes.interop import bank_export
from quizzes.models import QuestionBank
from tests.api.conftest import token_client
from tests.api.test_errors import assert_shape
from tests.factories import QuestionBankFactory
from tests.quizzes.interop.conftest import signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher_api(teacher):
    return token_client(teacher)


def export_url(bank_id, fmt):
    return f"/api/v1/teach/banks/{bank_id}/export/?format={fmt}"


IMPORT_URL = "/api/v1/teach/banks/import/"


@pytest.mark.parametrize("fmt", ["apkg", "csv", "json", "gift", "moodle-xml"])
def test_teacher_exports_and_imports_through_the_api(teacher_api, teacher, mixed_bank, fmt):
    exported = teacher_api.get(export_url(mixed_bank.pk, fmt))
    assert exported.status_code == 200
    assert exported["Content-Disposition"].startswith(
        'attachment; filename="central-asia-all-kinds-'
    )

    upload = SimpleUploadedFile(exported["Content-Disposition"].split('"')[1], exported.content)
    response = teacher_api.post(
        IMPORT_URL, {"file": upload, "title": f"Via {fmt}"}, format="multipart"
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["format"] == fmt
    assert body["created"] == 8
    bank = QuestionBank.objects.get(pk=body["bank"])
    assert (bank.title, bank.owner, bank.status) == (f"Via {fmt}", teacher, "draft")
    assert signature(bank) == signature(mixed_bank)


def test_export_content_type_and_body(teacher_api, mixed_bank):
    response = teacher_api.get(export_url(mixed_bank.pk, "moodle-xml"))

    assert response["Content-Type"] == "application/xml"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')


def test_unknown_format_is_a_400_naming_the_field(teacher_api, mixed_bank):
    response = teacher_api.get(export_url(mixed_bank.pk, "docx"))

    body = assert_shape(response, 400, "invalid")
    assert body["errors"] == {"format": ["Choose one of apkg, csv, gift, json, moodle-xml."]}


@pytest.mark.parametrize(
    ("fmt", "accept"),
    [
        ("csv", "text/csv"),
        ("moodle-xml", "application/xml"),
        ("apkg", "application/*"),
        ("gift", "application/json;q=0.5, text/plain"),
        ("json", "*/*"),
    ],
)
def test_an_accept_that_takes_the_files_type_gets_the_file(teacher_api, mixed_bank, fmt, accept):
    response = teacher_api.get(export_url(mixed_bank.pk, fmt), HTTP_ACCEPT=accept)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("fmt", "accept"),
    [("csv", "application/json"), ("moodle-xml", "text/*"), ("json", "application/json;q=0")],
)
def test_an_accept_that_excludes_the_files_type_is_406_in_the_error_shape(
    teacher_api, mixed_bank, fmt, accept
):
    response = teacher_api.get(export_url(mixed_bank.pk, fmt), HTTP_ACCEPT=accept)

    body = assert_shape(response, 406, "not_acceptable")
    assert "Content-Disposition" not in response
    assert "`Accept` names no type" in body["detail"]


def test_other_teachers_bank_is_404(teacher_api, other_teacher):
    theirs = QuestionBankFactory(owner=other_teacher)
    assert teacher_api.get(export_url(theirs.pk, "json")).status_code == 404
    assert teacher_api.get(export_url(999999, "json")).status_code == 404


def test_students_are_refused(student, mixed_bank):
    api = token_client(student)
    assert api.get(export_url(mixed_bank.pk, "json")).status_code == 403
    upload = SimpleUploadedFile("b.json", bank_export(bank=mixed_bank, fmt="json"))
    assert api.post(IMPORT_URL, {"file": upload}, format="multipart").status_code == 403
    assert QuestionBank.objects.count() == 1


def test_anonymous_is_refused(client, mixed_bank):
    assert client.get(export_url(mixed_bank.pk, "json")).status_code == 401


def test_import_problems_are_a_400_listing_every_line(teacher_api):
    data = (
        b"kind,prompt,correct,choice_1,choice_2\nwho_said,Who?,1;2,Ann,Bob\nwhen,When?,,1990,1991\n"
    )
    upload = SimpleUploadedFile("bad.csv", data)

    response = teacher_api.post(IMPORT_URL, {"file": upload}, format="multipart")

    assert response.status_code == 400
    body = response.json()
    assert body["errors"] == {
        "file": [
            "line 2: choices: Exactly one choice must be correct (found 2).",
            "line 3: choices: Exactly one choice must be correct (found 0).",
        ]
    }
    assert body["problems"][0] == {
        "line": 2,
        "field": "choices",
        "message": "Exactly one choice must be correct (found 2).",
        "text": "line 2: choices: Exactly one choice must be correct (found 2).",
    }
    assert QuestionBank.objects.count() == 0


def test_import_without_file_is_a_400(teacher_api):
    response = teacher_api.post(IMPORT_URL, {"title": "x"}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


def test_import_binary_is_a_400(teacher_api):
    upload = SimpleUploadedFile("x.bin", bytes(range(256)))
    response = teacher_api.post(IMPORT_URL, {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert response.json()["errors"] == {"format": ["This file is binary, not a question bank."]}
