"""Forgot password: Django's signed one-time link by email, in the site's style."""

from __future__ import annotations

import re

import pytest
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
