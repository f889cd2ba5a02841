"""Adding an article by its web address: in admin (read the page, check the date,
save), through the API (`POST articles/ {"url": ...}`) and with
`manage.py ingest_article URL`. Bad addresses change nothing."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from quizzes.models import Article, QuestionBank
from tests.pages_server import PAGES

pytestmark = pytest.mark.django_db
ADD = "/admin/quizzes/article/add/"
EMPTY = {"url": "", "title": "", "author": "", "publisher": "", "published_on": "", "text": ""}


def field_errors(response, name: str) -> list[str]:
    return list(response.context["adminform"].form.errors.get(name, []))


def shown(response, name: str):
    return response.context["adminform"].form.initial.get(name)


# Admin -----------------------------------------------------------------------------


def test_admin_reads_the_page_then_saves_once_the_date_is_checked(
    teacher_client, teacher, pages_server, allow_local_pages
):
    url = pages_server.page("/world/danube", "river_pact.html")

    read = teacher_client.post(ADD, {**EMPTY, "url": url, "_read_page": "Read the page"})

    assert read.status_code == 200
    assert not Article.objects.exists()  # nothing stored before the teacher checks
    assert shown(read, "title") == "Danube states agree flood warning pact"
    assert shown(read, "author") == "Elena Marsh"
    assert shown(read, "publisher") == "The Riverside Courier"
    assert shown(read, "published_on") == date(2024, 3, 14)
    assert shown(read, "text").startswith("Danube states agree flood warning pact\nSix countries")
    body = read.content.decode()
    assert "The publication date found is 14 March 2024: check it" in body

    filled = {name: shown(read, name) for name in EMPTY}
    unchecked = teacher_client.post(ADD, {**filled, "published_on": "2024-03-13"})
    assert unchecked.status_code == 200
    assert "tick this box" in " ".join(field_errors(unchecked, "date_checked"))
    assert not Article.objects.exists()

    saved = teacher_client.post(
        ADD, {**filled, "published_on": "2024-03-13", "date_checked": "on"}
    )  # the teacher corrected the date
    article = Article.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("admin:quizzes_article_change", args=[article.pk])
    assert article.url == url
    assert article.author == "Elena Marsh"
    assert article.published_on == date(2024, 3, 13)
    assert article.created_by == teacher


def test_save_with_only_an_address_reads_the_page_instead_of_saving(
    teacher_client, pages_server, allow_local_pages
):
    url = pages_server.page("/notice", "undated_notice.html")

    response = teacher_client.post(ADD, {**EMPTY, "url": url})  # Enter in the address field

    assert response.status_code == 200
    assert shown(response, "title") == "Library extends opening hours"
    assert shown(response, "published_on") is None
    assert "it gives no publication date: enter it" in response.content.decode()
    assert not Article.objects.exists()


def test_admin_reads_an_uploaded_html_page(teacher_client):
    page = SimpleUploadedFile("market.html", (PAGES / "jsonld_market.html").read_bytes())

    response = teacher_client.post(ADD, {**EMPTY, "upload": page})

    assert response.status_code == 200
    assert shown(response, "title") == "Harbour market reopens after renovation"
    assert shown(response, "published_on") == date(2023, 11, 2)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("ftp://example.com/story", "Only http:// and https:// addresses can be fetched."),
        ("http://169.254.169.254/latest/", "is a link-local address"),
        ("http://10.0.0.8/story", "is a private address"),
    ],
)
def test_admin_refusal_is_an_error_on_the_address_and_stores_nothing(
    teacher_client, address, message
):
    response = teacher_client.post(ADD, {**EMPTY, "url": address, "_read_page": "1"})

    assert response.status_code == 200
    errors = " ".join(field_errors(response, "url"))
    assert message in errors
    assert shown(response, "url") == address  # what the teacher typed stays
    assert not Article.objects.exists()


def test_admin_loopback_is_refused_without_the_development_switch(teacher_client, pages_server):
    url = pages_server.page("/story", "river_pact.html")

    response = teacher_client.post(ADD, {**EMPTY, "url": url, "_read_page": "1"})

    assert "is a loopback address" in " ".join(field_errors(response, "url"))
    assert pages_server.requests == []
    assert not Article.objects.exists()


def test_article_page_links_to_its_banks_and_generation_jobs(teacher_client, teacher):
    from tests.factories import QuestionBankFactory

    bank = QuestionBankFactory(owner=teacher, title="Danube pact", status="draft")
    other = QuestionBankFactory(article=bank.article, title="Someone else's")

    response = teacher_client.get(reverse("admin:quizzes_article_change", args=[bank.article.pk]))

    body = response.content.decode()
    assert reverse("admin:quizzes_questionbank_review", args=[bank.pk]) in body
    assert reverse("web:bank_preview", args=[bank.pk]) in body
    assert f"?article__id__exact={bank.article.pk}" in body
    assert "Someone else" not in body
    assert reverse("admin:quizzes_questionbank_review", args=[other.pk]) not in body
    jobs = teacher_client.get(
        reverse("admin:quizzes_generationjob_changelist") + f"?article__id__exact={bank.article.pk}"
    )
    assert jobs.status_code == 200


def test_only_the_add_page_tells_the_teacher_to_read_the_page(teacher_client, teacher):
    """The add page has the "Read the page" button and says so; an article's own page
    has none, so its help texts do not send the teacher looking for one."""
    from tests.factories import ArticleFactory

    add = teacher_client.get(ADD).content.decode()
    assert 'value="Read the page"' in add
    assert "press “Read the page”" in add

    article = ArticleFactory(created_by=teacher)
    change = teacher_client.get(reverse("admin:quizzes_article_change", args=[article.pk]))
    body = change.content.decode()
    assert change.status_code == 200
    assert "Read the page" not in body
    assert "Where the article was published" in body
    assert "saved web page (.html) is read" not in body  # only the add page reads one
    assert "upload a .txt/.md file to replace the text" in body


# Command ---------------------------------------------------------------------------


def test_command_ingests_an_address_with_the_page_date(
    teacher, pages_server, allow_local_pages, fake_extract
):
    from quizzes.services import article_find_in_html
    from tests.quizzes.generation.facts_for_tests import sample_facts

    url = pages_server.page("/world/danube", "river_pact.html")
    text = article_find_in_html(
        data=(PAGES / "river_pact.html").read_bytes(), filename="a.html"
    ).text
    fake_extract.facts_by_text[text] = sample_facts()
    out = StringIO()

    call_command("ingest_article", url, "--owner", teacher.username, stdout=out)

    article = Article.objects.get()
    assert article.published_on == date(2024, 3, 14)
    assert article.url == url
    assert article.title == "Danube states agree flood warning pact"
    assert fake_extract.calls[-1] == (text, date(2024, 3, 14))  # generation counts from it
    assert QuestionBank.objects.get().article == article
    assert "published 2024-03-14 (from the page)" in out.getvalue()


def test_command_published_option_wins_over_the_page(
    teacher, pages_server, allow_local_pages, fake_extract
):
    from quizzes.services import article_find_in_html
    from tests.quizzes.generation.facts_for_tests import sample_facts

    url = pages_server.page("/world/danube", "river_pact.html")  # the page says 2024-03-14
    text = article_find_in_html(
        data=(PAGES / "river_pact.html").read_bytes(), filename="a.html"
    ).text
    fake_extract.facts_by_text[text] = sample_facts()
    out = StringIO()

    call_command(
        "ingest_article", url, "--owner", teacher.username, "--published", "2024-03-20",
        stdout=out,
    )  # fmt: skip

    article = Article.objects.get()
    assert article.published_on == date(2024, 3, 20)
    assert fake_extract.calls[-1] == (text, date(2024, 3, 20))  # generation counts from it
    assert "published 2024-03-20" in out.getvalue()
    assert "(from the page)" not in out.getvalue()


def test_command_page_without_questions_writes_nothing(
    teacher, pages_server, allow_local_pages, fake_extract
):
    url = pages_server.page("/notice", "undated_notice.html")
    err = StringIO()
    with pytest.raises(CommandError):  # the fake extractor finds nothing to ask
        call_command(
            "ingest_article", url, "--owner", teacher.username, "--published", "2024-01-05",
            stdout=StringIO(), stderr=err,
        )  # fmt: skip
    assert not Article.objects.exists()  # all or nothing
    assert err.getvalue().strip().count("\n") == 0


def test_command_reads_a_saved_page_file_with_its_date(teacher, tmp_path, fake_extract):
    from quizzes.services import article_find_in_html
    from tests.quizzes.generation.facts_for_tests import sample_facts

    saved = tmp_path / "Danube pact.html"
    saved.write_bytes((PAGES / "river_pact.html").read_bytes())
    text = article_find_in_html(data=saved.read_bytes(), filename=saved.name).text
    fake_extract.facts_by_text[text] = sample_facts()
    out = StringIO()

    call_command("ingest_article", str(saved), "--owner", teacher.username, stdout=out)

    article = Article.objects.get()
    assert article.title == "Danube states agree flood warning pact"
    assert article.author == "Elena Marsh"
    assert article.published_on == date(2024, 3, 14)
    assert article.url == ""
    assert fake_extract.calls[-1] == (text, date(2024, 3, 14))
    assert "published 2024-03-14 (from the page)" in out.getvalue()


def test_command_refused_address_is_one_line_and_writes_nothing(teacher):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "ingest_article", "http://10.1.1.1/x", "--owner", teacher.username,
            stdout=StringIO(), stderr=err,
        )  # fmt: skip
    assert err.getvalue().strip() == (
        "http://10.1.1.1/x: “10.1.1.1” is a private address (10.1.1.1); "
        "the server does not fetch such addresses."
    )
    assert not Article.objects.exists()


# Deployment ------------------------------------------------------------------------


def _deploy_check(**extra) -> subprocess.CompletedProcess:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "ARTICLE_FETCH_ALLOW_PRIVATE")
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)[:50],
        "DJANGO_ALLOWED_HOSTS": "example.com",
        **extra,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_warns_when_private_fetching_is_on_in_production():
    completed = _deploy_check(ARTICLE_FETCH_ALLOW_PRIVATE="1")

    assert completed.returncode != 0
    assert "quizzes.W001" in completed.stderr + completed.stdout
    assert "ARTICLE_FETCH_ALLOW_PRIVATE is on with DEBUG off" in completed.stderr + completed.stdout


def test_private_fetching_is_off_by_default():
    """Production settings without the variable: no warning, because nothing is allowed."""
    completed = _deploy_check()  # ARTICLE_FETCH_ALLOW_PRIVATE unset

    assert completed.returncode == 0, completed.stderr
    assert "quizzes.W001" not in completed.stderr + completed.stdout
