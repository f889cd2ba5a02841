"""The .apkg opened the way Anki does: a zip holding an SQLite collection."""

import io
import json
import sqlite3
import zipfile

import pytest

from quizzes.interop import bank_export
from quizzes.interop.apkg import deck_id_for, model_id_for
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def open_collection(data: bytes) -> sqlite3.Connection:
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "collection.anki2" in archive.namelist()
    connection = sqlite3.connect(":memory:")
    connection.deserialize(archive.read("collection.anki2"))
    return connection


def notes(data: bytes) -> list[dict]:
    connection = open_collection(data)
    models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
    rows = connection.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id").fetchall()
    out = []
    for guid, mid, flds, tags in rows:
        names = [f["name"] for f in models[str(mid)]["flds"]]
        out.append(
            {
                "guid": guid,
                "mid": mid,
                "tags": tags.split(),
                **dict(zip(names, flds.split("\x1f"), strict=True)),
            }
        )
    return out


def test_one_note_per_question_with_front_back_evidence_and_source(mixed_bank):
    found = notes(bank_export(bank=mixed_bank, fmt="apkg"))

    assert len(found) == mixed_bank.questions.count() == 8
    who = found[0]
    assert who["Prompt"] == "Who said: “We will build new roads {fast}: 100%”?"
    assert who["Choices"] == "<li>John Roe</li><li>Jane Doe</li><li>Ann Poe</li><li>Max Moe</li>"
    assert who["Answer"] == "Jane Doe"
    assert who["Evidence"] == '"We will build new roads," said Jane Doe, a senior fellow.'
    assert who["Source"] == (
        '<a href="https://news.example.com/leaders">Leaders meet — The Daily Example</a>'
    )
    assert "newsquiz::who_said" in who["tags"]
    free = found[-1]
    assert free["Prompt"] == "Name the Uzbek President.<br>Give his full name."
    assert free["Explanation"] == "Line one.<br>Line two &amp; more."
    ordering = found[4]
    assert ordering["Answer"] == (
        "The USSR dissolved → The summit in Tashkent → Jane Doe spoke &lt;later&gt;"
    )


def test_ids_are_stable_so_reexport_updates_notes_in_anki(mixed_bank):
    first = bank_export(bank=mixed_bank, fmt="apkg")
    question = mixed_bank.questions.get(kind="which_country")
    question.prompt = "In which country is Tashkent?"
    question.save()
    QuestionFactory(bank=mixed_bank)

    second = bank_export(bank=mixed_bank, fmt="apkg")

    before, after = notes(first), notes(second)
    assert [n["guid"] for n in after][:8] == [n["guid"] for n in before]
    assert len({n["guid"] for n in after}) == 9
    assert after[1]["Prompt"] == "In which country is Tashkent?"
    assert (
        {n["mid"] for n in before}
        == {n["mid"] for n in after}
        == {model_id_for(str(mixed_bank.pk))}
    )
    decks = json.loads(open_collection(second).execute("SELECT decks FROM col").fetchone()[0])
    assert str(deck_id_for(str(mixed_bank.pk))) in decks
    assert decks[str(deck_id_for(str(mixed_bank.pk)))]["name"] == "Central Asia: all kinds"


def test_other_banks_get_other_ids(mixed_bank, bank):
    ours, theirs = (
        notes(bank_export(bank=mixed_bank, fmt="apkg")),
        notes(bank_export(bank=bank, fmt="apkg")),
    )
    assert {n["mid"] for n in ours}.isdisjoint({n["mid"] for n in theirs})
    assert {n["guid"] for n in ours}.isdisjoint({n["guid"] for n in theirs})


def test_plain_anki_notes_import_as_free_text(teacher):
    import genanki

    from quizzes.interop import bank_import

    model = genanki.Model(
        1607392319,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "Capitals")
    deck.add_note(genanki.Note(model=model, fields=["Capital of <b>France</b>?", "Paris"]))
    deck.add_note(genanki.Note(model=model, fields=["Capital of Spain?", "Madrid &amp; only"]))
    out = io.BytesIO()
    genanki.Package(deck).write_to_file(out)

    result = bank_import(data=out.getvalue(), fmt=None, owner=teacher, filename="capitals.apkg")

    assert result.bank.title == "Capitals"
    assert [(q.kind, q.prompt, q.answer) for q in result.bank.questions.order_by("position")] == [
        ("free_text", "Capital of France?", "Paris"),
        ("free_text", "Capital of Spain?", "Madrid & only"),
    ]
