import json

import pytest
from django.core.management import CommandError, call_command

from quizzes.models import Question, QuestionBank
from tests.quizzes.interop.conftest import signature

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("apkg", "apkg"), ("csv", "csv"), ("json", "json"), ("gift", "gift"), ("moodle-xml", "xml")],
)
def test_export_then_import_from_the_command_line(
    mixed_bank, teacher, tmp_path, capsys, fmt, suffix
):
    path = tmp_path / f"bank.{suffix}"

    call_command("export_bank", str(mixed_bank.pk), "--format", fmt, "--output", str(path))
    call_command("import_bank", str(path), "--bank", "From file", "--owner", teacher.username)

    out = capsys.readouterr().out
    assert f"Wrote “Central Asia: all kinds” (8 questions, {fmt})" in out
    assert "Imported 8 question(s)" in out
    copy = QuestionBank.objects.get(title="From file")
    assert copy.owner == teacher
    assert signature(copy) == signature(mixed_bank)


def test_export_json_to_stdout(mixed_bank, capsys):
    call_command("export_bank", str(mixed_bank.pk), "--format", "json", "--output", "-")

    assert json.loads(capsys.readouterr().out)["bank"]["title"] == "Central Asia: all kinds"


def test_export_unknown_bank_fails():
    with pytest.raises(CommandError, match="No question bank with id 999"):
        call_command("export_bank", "999", "--format", "csv", "--output", "/tmp/x.csv")


def test_import_problems_go_to_stderr_and_nothing_is_written(teacher, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(
        "kind,prompt,correct,choice_1,choice_2\nfree_text,Fine?,,,\nwho_said,Who?,1;2,Ann,Bob\n"
    )

    with pytest.raises(CommandError, match=r"1 problem\(s\) in bad.csv; nothing was imported"):
        call_command("import_bank", str(path), "--owner", teacher.username)

    assert "bad.csv: line 3: choices: Exactly one choice must be correct (found 2)." in (
        capsys.readouterr().err
    )
    assert Question.objects.count() == 0


def test_import_defaults_owner_to_first_superuser(superuser, tmp_path):
    path = tmp_path / "capitals.gift"
    path.write_text("Capital of France? {=Paris ~Rome ~Madrid}\n")

    call_command("import_bank", str(path))

    bank = QuestionBank.objects.get(title="capitals")
    assert bank.owner == superuser
    assert bank.questions.get().answer == "Paris"


def test_import_needs_an_owner_when_no_superuser(tmp_path):
    path = tmp_path / "capitals.gift"
    path.write_text("Capital of France? {=Paris ~Rome}\n")
    with pytest.raises(CommandError, match="give --owner"):
        call_command("import_bank", str(path))
