"""Security posture: deploy checks, headers, CSRF, brute-force lockout, upload limits."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from quizzes.models import Article
from tests.factories import PASSWORD

ROOT = Path(settings.BASE_DIR)


def test_check_deploy_is_clean_under_production_settings():
    # A production process: none of the test run's own switches (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses).
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)[:50],
        "DJANGO_ALLOWED_HOSTS": "example.com",
    }
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues" in completed.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    # A production process: none of the test run's own switches (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses).
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "",
    }
    completed = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert completed.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in completed.stderr


@pytest.mark.django_db
def test_pages_carry_csp_frame_and_sniffing_headers(client):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_login_form_without_csrf_token_is_refused(student):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"username": "stella", "password": PASSWORD})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_every_html_post_form_has_a_csrf_token():
    missing = []
    for template in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]:
        text = template.read_text(encoding="utf-8")
        for form in re.finditer(r"<form\b[^>]*>(.*?)</form>", text, flags=re.S | re.I):
            opening = form.group(0)[: form.group(0).index(">") + 1]
            if re.search(r'method=["\']?post', opening, flags=re.I) and (
                "{% csrf_token %}" not in form.group(1)
            ):
                missing.append(str(template.relative_to(ROOT)))
    assert missing == []


@pytest.mark.django_db(transaction=True)
@override_settings(AXES_ENABLED=True)
def test_html_login_locks_out_after_repeated_failures(student):
    client = Client()
    statuses = [
        client.post("/accounts/login/", {"username": "stella", "password": "nope"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # The form again with its error, until the limit-th failure locks the account out.
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    response = client.post("/accounts/login/", {"username": "stella", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)
@override_settings(AXES_ENABLED=True)
def test_token_endpoint_locks_out_after_repeated_failures(student):
    client = APIClient()
    statuses = [
        client.post(
            "/api/v1/auth/token/", {"username": "stella", "password": "nope"}, format="json"
        ).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [400] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    response = client.post(
        "/api/v1/auth/token/", {"username": "stella", "password": PASSWORD}, format="json"
    )

    assert response.status_code == 429
    assert "token" not in response.json()
    assert not Token.objects.filter(user=student).exists()


@pytest.mark.django_db(transaction=True)
@override_settings(AXES_ENABLED=True)
def test_a_successful_login_before_the_limit_resets_the_count(student):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": "stella", "password": "nope"})
    assert (
        client.post("/accounts/login/", {"username": "stella", "password": PASSWORD}).status_code
        == 302
    )
    client.logout()

    response = client.post("/accounts/login/", {"username": "stella", "password": "nope"})

    assert response.status_code == 200


@pytest.mark.django_db
def test_request_bodies_over_the_limit_are_refused(client, student):
    too_big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post("/accounts/login/", {"username": "stella", "password": too_big})

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


PLACEHOLDER_PASSWORDS = {"...", "password", "pass", "secret", "changeme", "xxx"}


def _real_password_in_url(text: str) -> bool:
    for match in re.finditer(r"(?:postgres(?:ql)?|redis|amqp)://[^:/@\s]*:([^@/\s]+)@", text):
        password = match.group(1)
        if password.lower() in PLACEHOLDER_PASSWORDS or password[0] in "<${*":
            continue
        return True
    return False


def test_no_secrets_in_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    patterns = [
        re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
        re.compile(r"\bAKIA[0-9A-Z]{16}\b"),  # AWS access key id
        re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),  # GitHub token
    ]
    found = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".png", ".jpg", ".ico", ".woff", ".woff2", ".gz"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        found += [f"{name}: {p.pattern}" for p in patterns if p.search(text)]
        if _real_password_in_url(text):
            found.append(f"{name}: a database/broker URL with a password")
    assert found == []


def test_the_secret_scan_tells_placeholders_from_passwords():
    leaked = "DATABASE_URL=postgres://app:" + "s3cr3t-Value@db:5432/app"  # split: not a leak here
    assert _real_password_in_url(leaked)
    assert not _real_password_in_url("postgres://user:password@host:5432/name")
    assert not _real_password_in_url("postgres://newsquiz:...@127.0.0.1:5432/newsquiz")
    assert not _real_password_in_url("redis://:${REDIS_PASSWORD}@redis:6379/0")
    assert not _real_password_in_url("postgres://postgres@127.0.0.1:5432/ci")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("story.exe", b"MZ\x90\x00", "Upload a .txt or .md file."),
        # A saved web page is read like an address: a script is no article text.
        ("story.html", b"<script>alert(1)</script>", "No article text was found on this page"),
        ("story.txt", b"a" * (200_000 + 1), "the limit is 200,000"),
    ],
)
def test_article_uploads_are_limited_in_type_and_size(teacher_client, name, data, message):
    upload = SimpleUploadedFile(name, data, "application/octet-stream")

    with override_settings(ARTICLE_MAX_BYTES=200_000):
        response = teacher_client.post(
            "/admin/quizzes/article/add/", {"title": "Upload", "text": "", "upload": upload}
        )

    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert not Article.objects.filter(title="Upload").exists()
