"""scripts/check_built_patterns.py: `make lint` fails when extraction or generation compiles a
pattern built from an article's words through `re` directly (the 512-pattern cache thrashes:
today's generation slowdown), and leaves fixed patterns and regex() alone."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_built_patterns.py"


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("check_built_patterns", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write(folder: Path, source: str) -> Path:
    path = folder / "rule.py"
    path.write_text(source, encoding="utf-8")
    return folder


def test_a_name_pattern_built_in_a_function_fails_with_its_line(check, tmp_path, capsys):
    folder = write(
        tmp_path,
        "import re\n\n"
        "def named(name, text):\n"
        '    return re.search(rf"\\b{re.escape(name)}\\b", text)\n',
    )
    assert check.main([str(folder)]) == 1
    printed = capsys.readouterr().out
    assert "rule.py:4:" in printed
    assert "regex()" in printed


def test_concatenated_and_local_patterns_fail_too(check, tmp_path):
    folder = write(
        tmp_path,
        "import re\n\n"
        "def near(word, text):\n"
        "    pattern = word + r'\\s+said'\n"
        "    return re.finditer(pattern, text), re.sub(r'\\b' + word, '', text)\n",
    )
    assert len(check.calls_in(folder / "rule.py")) == 2


def test_fixed_patterns_and_the_cached_compile_pass(check, tmp_path):
    folder = write(
        tmp_path,
        "import re\n"
        "from quizzes.extraction.text import regex\n"
        "MONTH = 'May|June'\n"
        'DATE = re.compile(f"(?:{MONTH}) \\\\d+")\n\n'
        "def dated(name, text):\n"
        "    return re.search(MONTH, text), re.search(r'\\d{4}', text), "
        'regex(rf"{re.escape(name)}").search(text)\n',
    )
    assert check.main([str(folder)]) == 0


def test_the_project_passes(check):
    assert check.main([]) == 0
