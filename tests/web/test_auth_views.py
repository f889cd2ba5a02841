"""Sign up, log in, log out and password change, with friendly errors."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.factories import PASSWORD

NEW_PASSWORD = "Violet-Harbour-Tram-58"

PAGES = [
    "/",
    "/study/",
    "/quiz/",
    "/quiz/1/",
    "/quiz/1/result/",
    "/progress/",
    "/preferences/",
    "/articles/1/",
    "/accounts/password_change/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.django_db
def test_signing_up_logs_the_student_in_and_lands_on_home(client, bank):
    response = client.post(
        "/accounts/signup/",
        {"username": "newbie", "email": "", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain == [("/", 302)]
    assert response.context["user"].username == "newbie"
    html = response.content.decode()
    assert "Welcome, newbie!" in html
    assert "World news" in html


@pytest.mark.django_db
def test_sign_up_with_different_passwords_says_so_and_creates_nobody(client):
    response = client.post(
        "/accounts/signup/",
        {"username": "newbie", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "!"},
    )

    assert response.status_code == 400
    assert "The two passwords are different." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not get_user_model().objects.filter(username="newbie").exists()


@pytest.mark.django_db
def test_sign_up_refuses_a_taken_username_whatever_its_case(client, student):
    response = client.post(
        "/accounts/signup/",
        {"username": "STELLA", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 400
    assert "That username is taken." in response.content.decode()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_sign_up_refuses_a_weak_password(client):
    response = client.post(
        "/accounts/signup/",
        {"username": "newbie", "password1": "12345678", "password2": "12345678"},
    )

    assert response.status_code == 400
    assert "This password is entirely numeric." in response.content.decode()


@pytest.mark.django_db
def test_log_in_with_a_wrong_password_explains_kindly(client, student):
    response = client.post("/accounts/login/", {"username": "stella", "password": "nope"})

    assert response.status_code == 200
    assert "don&#x27;t match an account" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_log_in_then_out(client, student):
    response = client.post(
        "/accounts/login/", {"username": "stella", "password": PASSWORD, "next": "/progress/"}
    )
    assert response["Location"] == "/progress/"
    assert client.session["_auth_user_id"] == str(student.pk)

    response = client.post("/accounts/logout/")

    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_every_page_offers_log_out_as_a_post_form(student_client):
    html = student_client.get("/").content.decode()

    assert '<form method="post" action="/accounts/logout/"' in html


@pytest.mark.django_db
def test_password_change_with_a_wrong_current_password_is_refused(student_client, student):
    response = student_client.post(
        "/accounts/password_change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert "Your current password is not right." in response.content.decode()
    student.refresh_from_db()
    assert student.check_password(PASSWORD)


@pytest.mark.django_db
def test_password_change_keeps_the_student_logged_in(student_client, student):
    response = student_client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert "Password changed" in response.content.decode()
    student.refresh_from_db()
    assert student.check_password(NEW_PASSWORD)
    assert student_client.get("/").status_code == 200


@pytest.mark.django_db
def test_too_many_wrong_passwords_pause_logging_in_with_a_friendly_page(client, student, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        client.post("/accounts/login/", {"username": "stella", "password": "nope"})

    response = client.post("/accounts/login/", {"username": "stella", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
