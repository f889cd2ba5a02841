"""`manage.py extract_facts PATH [--published DATE] --json`: the evaluation contract."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

ARTICLE = (
    "Mayor backs new tram line\n"
    "The mayor of Leeds, Carla Ortiz, said on Monday the tram line would open in 2026.\n"
    "“This city has waited long enough,” Ms Ortiz said.\n"
    "The French engineering firm Alstom will build the trams in Valenciennes.\n"
)


def run(*args) -> str:
    out = io.StringIO()
    call_command("extract_facts", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_output_is_one_object_in_the_contract_shape(article):
    data = json.loads(run(str(article), "--published", "2024-05-06", "--json"))
    assert set(data) == {"quotes", "countries", "events"}
    assert data["quotes"] == [
        {
            "text": "This city has waited long enough",
            "speaker": "Carla Ortiz",
            "evidence": "“This city has waited long enough,” Ms Ortiz said.",
            "start": ARTICLE.index("This city"),
            "end": ARTICLE.index("This city") + len("This city has waited long enough"),
            "rule": "speech_verb.named_person",
            "confidence": data["quotes"][0]["confidence"],
        }
    ]
    for link in data["countries"]:
        assert set(link) == {"subject", "country", "evidence", "rule", "confidence"}
    for event in data["events"]:
        assert set(event) == {"event", "when", "date", "evidence", "rule", "confidence"}
    for fact in data["quotes"] + data["countries"] + data["events"]:
        assert fact["rule"]  # which rule made it
        assert 0.0 < fact["confidence"] <= 1.0
    assert any(e["when"] == "2026" and e["date"] == "2026" for e in data["events"])


def test_offsets_index_the_file_text_with_windows_line_ends(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    text = path.read_text(encoding="utf-8")  # what a Python reader sees (universal newlines)
    quote = json.loads(run(str(path), "--json"))["quotes"][0]
    assert text[quote["start"] : quote["end"]] == quote["text"]


def test_summary_without_json_is_readable(article):
    out = run(str(article))
    assert "Quotes (1):" in out
    assert "Carla Ortiz: “This city has waited long enough”" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("Caf\u00e9 au lait".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_bad_files_are_refused(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path), "--json")


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "nope.txt"), "--json")
    with pytest.raises(CommandError, match="not a regular file"):
        run(str(tmp_path), "--json")


@pytest.mark.parametrize("value", ["30/09/2022", "2022-13-01", "2022-9-3", "yesterday"])
def test_bad_published_date_is_refused(article, value):
    with pytest.raises(CommandError, match="--published"):
        run(str(article), "--published", value, "--json")


def _manage(*args: str) -> subprocess.CompletedProcess:
    """A fresh process as an evaluator starts it: no settings module, no secret key, no DEBUG."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "extract_facts", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        timeout=120,
    )


def test_a_fresh_process_prints_only_json_on_stdout(article):
    done = _manage(str(article), "--published", "2024-05-06", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["quotes"][0]["speaker"] == "Carla Ortiz"
    assert done.stdout.count("\n") <= 1


def test_a_fresh_process_reports_bad_input_in_one_line(tmp_path):
    done = _manage(str(tmp_path / "missing.txt"), "--json")
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0
    assert "no such file" in done.stderr
