"""Forgot password: Django's signed one-time link by email, in the site's style."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Violet-Harbour-Lantern-58"


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)


def test_the_login_page_links_to_the_reset_page(client):
    html = client.get("/accounts/login/").content.decode()

    assert '<a href="/accounts/password_reset/">Forgot password?</a>' in html


def test_a_reset_link_is_emailed_and_sets_a_new_password(client):
    user = UserFactory(username="nadia", email="nadia@example.org")

    response = client.post("/accounts/password_reset/", {"email": "NADIA@example.org"})

    assert response["Location"] == "/accounts/password_reset/done/"
    done = client.get(response["Location"]).content.decode()
    assert "Check your email" in done
    assert "for 24 hours" in done
    (message,) = mail.outbox
    assert message.to == ["nadia@example.org"]
    assert message.subject == "Choose a new NewsQuiz password"
    assert "Your username, in case you forgot it: nadia" in message.body

    form_page = client.get(_link(message), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/accounts/reset/done/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The link works once.
    again = client.get(_link(message), follow=True).content.decode()
    assert "This link no longer works" in again


def test_different_new_passwords_are_a_friendly_form_error(client):
    UserFactory(username="nadia", email="nadia@example.org")
    client.post("/accounts/password_reset/", {"email": "nadia@example.org"})
    form_page = client.get(_link(mail.outbox[0]), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"},
    )

    assert response.status_code == 200
    assert "The two new passwords are different." in response.content.decode()


def test_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})

    assert response["Location"] == "/accounts/password_reset/done/"
    assert mail.outbox == []


def test_a_malformed_address_is_a_form_error(client):
    response = client.post("/accounts/password_reset/", {"email": "not an address"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert mail.outbox == []


def _settings_process(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`code` run by manage.py shell under config.settings.base (how the site runs),
    with no email backend named in the environment."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_EMAIL_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "config.settings.base", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_in_development_the_reset_email_is_printed_on_the_console():
    send = (
        "from django.core.mail import send_mail; "
        "send_mail('Choose a new NewsQuiz password', 'Your link', None, ['nadia@example.org'])"
    )

    completed = _settings_process(send, DJANGO_DEBUG="1")

    assert completed.returncode == 0, completed.stderr
    assert "Subject: Choose a new NewsQuiz password" in completed.stdout
    assert "To: nadia@example.org" in completed.stdout


def test_in_production_email_goes_through_smtp_unless_the_environment_names_a_backend():
    show = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    production = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)[:50]}

    assert _settings_process(show, **production).stdout.split()[-1] == (
        "django.core.mail.backends.smtp.EmailBackend"
    )
    named = _settings_process(
        show, **production, DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend"
    )
    assert named.stdout.split()[-1] == "django.core.mail.backends.filebased.EmailBackend"
