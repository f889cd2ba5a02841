"""`manage.py ingest_article PATH... [--bank TITLE] [--published DATE] [--publish]`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quizzes.extraction.facts import Facts
from quizzes.models import Article, Question, QuestionBank

from .generation.facts_for_tests import SAMPLE_TEXT, quote, sample_facts

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_file(tmp_path, fake_extract):
    fake_extract.facts_by_text[SAMPLE_TEXT.strip()] = sample_facts()
    path = tmp_path / "kazakhstan.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    error = None
    try:
        call_command("ingest_article", *args, stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def test_one_file_makes_a_draft_bank_and_prints_a_summary(sample_file, teacher):
    out, err, error = run(
        str(sample_file), "--owner", teacher.username, "--published", "2022-09-30"
    )
    assert error is None
    article = Article.objects.get()
    title = article.title.rstrip("…")
    assert len(title) > 40  # the headline, maybe shortened
    assert SAMPLE_TEXT.startswith(title)
    assert str(article.published_on) == "2022-09-30"
    bank = QuestionBank.objects.get()
    assert bank.owner == teacher
    assert bank.status == "draft"
    total = bank.questions.count()
    lines = out.strip().splitlines()
    assert lines[-1] == (
        f"Ingested 1 of 1 file(s): 1 new article(s), {total} new draft question(s), "
        "0 kept, 0 failed."
    )
    assert lines[0].startswith(f"{sample_file}: {total} new draft question(s) (")
    assert err == ""


def test_publish_and_bank_title(sample_file, teacher):
    out, _, error = run(
        str(sample_file), "--owner", teacher.username, "--bank", "Central Asia", "--publish"
    )
    assert error is None
    bank = QuestionBank.objects.get()
    assert bank.title == "Central Asia"
    assert bank.status == "published"
    assert not bank.questions.exclude(status="published").exists()
    assert "new published question(s)" in out


def test_ingesting_the_same_file_again_changes_nothing(sample_file, teacher):
    run(str(sample_file), "--owner", teacher.username)
    count = Question.objects.count()
    out, _, error = run(str(sample_file), "--owner", teacher.username)
    assert error is None
    assert out.strip().splitlines()[-1] == (
        f"Ingested 1 of 1 file(s): 0 new article(s), 0 new draft question(s), {count} kept, "
        "0 failed."
    )
    assert Article.objects.count() == 1
    assert Question.objects.count() == count


def test_bad_files_get_one_line_each_and_a_non_zero_exit(sample_file, tmp_path, superuser):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 society".encode("latin-1"))
    no_facts = tmp_path / "weather.md"
    no_facts.write_text("It was mild all week and nothing happened.\n")
    missing = tmp_path / "missing.txt"

    out, err, error = run(
        str(empty), str(sample_file), str(binary), str(latin), str(no_facts), str(missing)
    )

    assert error is not None
    assert error.returncode == 1
    assert str(error) == "5 file(s) could not be ingested."
    lines = [line for line in err.splitlines() if line.strip() and "\r" not in line]
    assert f"{empty}: The file is empty." in lines
    assert f"{binary}: This file is binary, not text." in lines
    assert f"{latin}: The file is not UTF-8 text." in lines
    assert any(line.startswith(f"{no_facts}: No quotes, countries or dates") for line in lines)
    assert any(line.startswith(f"{missing}: ") for line in lines)
    assert out.strip().splitlines()[-1].startswith("Ingested 1 of 6 file(s): 1 new article(s), ")
    assert out.strip().splitlines()[-1].endswith(" 5 failed.")
    # Nothing of the bad files was written; the good one is stored with its bank.
    assert list(Article.objects.values_list("text", flat=True)) == [SAMPLE_TEXT.strip()]
    assert QuestionBank.objects.get().owner == superuser


def test_several_files_share_the_bank_title_as_a_prefix(
    sample_file, tmp_path, teacher, fake_extract
):
    text = "“Roads,” said Ann Poe.\n“Bridges,” said Max Moe.\n“Tunnels,” said Jo Lo.\n"
    other = tmp_path / "roads.txt"
    other.write_text(text)
    fake_extract.facts_by_text[text.strip()] = Facts(
        quotes=[
            quote("Roads", "Ann Poe", source=text),
            quote("Bridges", "Max Moe", source=text),
            quote("Tunnels", "Jo Lo", source=text),
        ]
    )
    _, _, error = run(str(sample_file), str(other), "--owner", teacher.username, "--bank", "Week 1")
    assert error is None
    titles = sorted(QuestionBank.objects.values_list("title", flat=True))
    assert len(titles) == 2
    assert all(title.startswith("Week 1: ") for title in titles)


def test_bad_options_are_command_errors(sample_file, teacher):
    _, _, error = run(str(sample_file), "--owner", teacher.username, "--published", "30/09/2022")
    assert str(error) == "--published must be a date like 2022-09-30."
    _, _, error = run(str(sample_file), "--owner", "nobody")
    assert str(error) == "No user named 'nobody'."
    assert not Article.objects.exists()


def test_no_owner_available_is_a_command_error(sample_file):
    _, _, error = run(str(sample_file))
    assert str(error) == "No owner for the banks: pass --owner USERNAME."
    assert not Article.objects.exists()
