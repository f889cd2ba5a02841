"""JSON nested thousands of levels deep inside an .apkg (the collection's note types
or decks, or a note's hidden NewsQuiz field) is a damaged package: an import problem
(a 400 over the API), never a RecursionError (a 500), as the JSON format's import and
the API's parser already answer (issue 14, item 8)."""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quizzes.interop import ImportProblems, bank_export, bank_import
from quizzes.models import QuestionBank
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db

DEEP = "[" * 100_000 + "]" * 100_000


def _with_collection_changed(data: bytes, statement: str, *params: object) -> bytes:
    """The package `data` with `statement` run on its collection."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    collection = sqlite3.connect(":memory:")
    collection.deserialize(archive.read("collection.anki2"))
    collection.execute(statement, params)
    collection.commit()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as writer:
        for name in archive.namelist():
            member = archive.read(name)
            writer.writestr(name, collection.serialize() if name == "collection.anki2" else member)
    return out.getvalue()


@pytest.mark.parametrize("column", ["models", "decks"])
def test_deep_json_in_the_collection_is_a_damaged_package(mixed_bank, teacher, column):
    exported = bank_export(bank=mixed_bank, fmt="apkg")
    data = _with_collection_changed(exported, f"UPDATE col SET {column} = ?", DEEP)

    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="apkg", owner=teacher)

    assert caught.value.messages()[0].startswith("The Anki collection is damaged")
    assert QuestionBank.objects.filter(owner=teacher).count() == 1  # the exported one


def test_deep_json_in_a_notes_hidden_field_is_a_problem_of_that_note(mixed_bank, teacher):
    exported = bank_export(bank=mixed_bank, fmt="apkg")
    first_note = sqlite3.connect(":memory:")
    first_note.deserialize(zipfile.ZipFile(io.BytesIO(exported)).read("collection.anki2"))
    note_id, fields = first_note.execute("SELECT id, flds FROM notes ORDER BY id").fetchone()
    shown, _hidden = fields.rsplit("\x1f", 1)  # the hidden NewsQuiz field comes last
    data = _with_collection_changed(
        exported, "UPDATE notes SET flds = ? WHERE id = ?", f"{shown}\x1f{DEEP}", note_id
    )

    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="apkg", owner=teacher)

    assert caught.value.messages() == ["note 1: The hidden NewsQuiz field is damaged."]


def test_the_api_answers_a_deep_json_package_with_a_400(mixed_bank, teacher):
    exported = bank_export(bank=mixed_bank, fmt="apkg")
    data = _with_collection_changed(exported, "UPDATE col SET models = ?", DEEP)

    response = token_client(teacher).post(
        "/api/v1/teach/banks/import/",
        {"file": SimpleUploadedFile("deep.apkg", data)},
        format="multipart",
    )

    assert response.status_code == 400, response.content
    assert "damaged" in response.json()["detail"]
