"""Forgot password, in a real browser, with the console email backend (what
development uses): the link printed on the console sets a new password."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
NEW_PASSWORD = "Violet-Harbour-Lantern-58"


def test_a_password_reset_through_the_console_email_backend(
    page, live_server, settings, capsys, shoot, console_problems
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    UserFactory(username="nadia", email="nadia@example.org")
    base = live_server.url

    page.goto(f"{base}/accounts/login/")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Forgot your password?")).to_be_visible()
    shoot("password-reset")
    page.get_by_label("Email address").fill("nadia@example.org")
    page.get_by_role("button", name="Send me a reset link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    printed = capsys.readouterr().out
    assert "Subject: Choose a new NewsQuiz password" in printed
    assert "To: nadia@example.org" in printed
    link = re.search(r"http://[^\s]+/accounts/reset/[^\s]+/", printed).group(0)

    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    shoot("password-reset-confirm")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my new password").click()
    expect(page.get_by_role("heading", name="Your new password is set")).to_be_visible()

    page.get_by_role("link", name="Log in").last.click()
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, nadia")).to_be_visible()
    assert console_problems == []
