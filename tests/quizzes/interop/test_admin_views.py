import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.interop import bank_export
from quizzes.models import QuestionBank
from tests.factories import QuestionBankFactory
from tests.quizzes.interop.conftest import signature

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:quizzes_questionbank_changelist"
IMPORT = "admin:quizzes_questionbank_import"


def test_export_action_downloads_the_file_of_one_bank(teacher_client, mixed_bank):
    response = teacher_client.post(
        reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [mixed_bank.pk]}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="central-asia-all-kinds-{mixed_bank.pk}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["id", "kind", "status", "difficulty", "prompt"]
    assert len(rows) == 9


def test_export_action_zips_several_banks(teacher_client, teacher, mixed_bank, bank):
    response = teacher_client.post(
        reverse(CHANGELIST),
        {"action": "export_moodle_xml", "_selected_action": [mixed_bank.pk, bank.pk]},
    )

    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sorted(names) == sorted(
        [f"central-asia-all-kinds-{mixed_bank.pk}.xml", f"world-news-{bank.pk}.xml"]
    )


def test_every_format_has_an_export_action(teacher_client, mixed_bank):
    page = teacher_client.get(reverse(CHANGELIST)).content.decode()
    for label in ("Anki package (.apkg)", "CSV", "JSON", "Moodle GIFT", "Moodle XML"):
        assert f"Export as {label}" in page


def test_teacher_cannot_export_another_teachers_bank(teacher_client, other_teacher):
    theirs = QuestionBankFactory(owner=other_teacher)
    response = teacher_client.post(
        reverse(CHANGELIST), {"action": "export_json", "_selected_action": [theirs.pk]}
    )
    # Their bank is not in our changelist queryset: no file, back to the list.
    assert response.status_code == 302
    assert "Content-Disposition" not in response


def test_changelist_links_to_the_import_page(teacher_client):
    page = teacher_client.get(reverse(CHANGELIST)).content.decode()
    assert reverse(IMPORT) in page


def test_import_page_creates_a_bank_owned_by_the_teacher(teacher_client, teacher, mixed_bank):
    upload = SimpleUploadedFile("bank.gift", bank_export(bank=mixed_bank, fmt="gift"))

    response = teacher_client.post(
        reverse(IMPORT), {"file": upload, "format": "", "title": "From Moodle"}
    )

    bank = QuestionBank.objects.get(title="From Moodle")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:quizzes_questionbank_change", args=[bank.pk])
    assert bank.owner == teacher
    assert signature(bank) == signature(mixed_bank)
    followed = teacher_client.get(response["Location"]).content.decode()
    assert "Imported 8 question(s) into the draft bank “From Moodle”." in followed


def test_import_problems_are_form_errors_and_nothing_is_written(teacher_client):
    data = b"kind,prompt,correct,choice_1,choice_2\nwho_said,Who?,1;2,Ann,Bob\n"
    upload = SimpleUploadedFile("bad.csv", data)

    response = teacher_client.post(reverse(IMPORT), {"file": upload, "format": "csv", "title": "x"})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "line 2: choices: Exactly one choice must be correct (found 2)."
    ]
    assert "line 2: choices: Exactly one choice must be correct (found 2)." in (
        response.content.decode()
    )
    assert QuestionBank.objects.count() == 0


def test_import_page_refuses_binary(teacher_client):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\x00\x10JFIF\x00")
    response = teacher_client.post(reverse(IMPORT), {"file": upload, "format": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["format"] == [
        "This file is binary, not a question bank."
    ]


def test_students_cannot_open_the_import_page(student_client):
    response = student_client.get(reverse(IMPORT))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_without_teachers_group_is_refused(client, db):
    from tests.factories import UserFactory

    staff = UserFactory(username="helpdesk", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse(IMPORT)).status_code == 403


def test_import_page_offers_every_format(teacher_client):
    page = teacher_client.get(reverse(IMPORT)).content.decode()

    assert "Import a question bank" in page
    assert 'enctype="multipart/form-data"' in page
    for value in ("apkg", "csv", "json", "gift", "moodle-xml"):
        assert f'<option value="{value}">' in page
