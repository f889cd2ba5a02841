"""scripts/check_eval_copies.py: `make lint` fails when code or tests copy 8 words in a row
of an evaluation article."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def check():
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(
        "check_eval_copies", SCRIPTS / "check_eval_copies.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def folders(tmp_path):
    evaluation = tmp_path / "eval"
    code = tmp_path / "code"
    evaluation.mkdir()
    code.mkdir()
    (evaluation / "article.txt").write_text(
        "Harbour pilots in the northern port walked out on Monday over unpaid night shifts.\n"
        "“We have waited since spring for a single answer,” said the union’s Elin Dahl.\n",
        encoding="utf-8",
    )
    return evaluation, code


def run(check, evaluation, code, capsys):
    status = check.main(["--eval", str(evaluation), "--scan", str(code)])
    return status, capsys.readouterr().out


def test_eight_words_of_an_evaluation_text_fail_with_the_file_and_line(check, folders, capsys):
    evaluation, code = folders
    (code / "test_strike.py").write_text(
        "def test_strike():\n    text = 'Pilots in the Northern port walked out, on Monday!'\n",
        encoding="utf-8",
    )
    status, out = run(check, evaluation, code, capsys)
    assert status == 1
    assert "test_strike.py:2: 8 words of" in out
    assert "pilots in the northern port walked out on" in out


def test_a_copy_split_over_string_literals_and_lines_is_found(check, folders, capsys):
    evaluation, code = folders
    (code / "facts.py").write_text(
        'QUOTE = (\n    "We have waited since "\n    "spring for a single answer"\n)\n',
        encoding="utf-8",
    )
    status, out = run(check, evaluation, code, capsys)
    assert status == 1
    assert "facts.py:2:" in out


def test_seven_words_in_a_row_and_other_files_pass(check, folders, capsys):
    evaluation, code = folders
    (code / "ok.py").write_text("# pilots in the northern port walked out\n", encoding="utf-8")
    (code / "image.png").write_bytes(b"Harbour pilots in the northern port walked out on Monday")
    status, out = run(check, evaluation, code, capsys)
    assert status == 0
    assert out == ""


def test_without_the_shared_folder_the_repository_texts_are_still_checked(check, monkeypatch):
    monkeypatch.setattr(check, "shared_eval_dir", lambda: None)
    files = check.default_eval_files()
    assert files  # the invented sets and the real batches of the repository
    assert all("shared" not in f.parts for f in files)
    assert any(f.parent.name == "eval" for f in files)
