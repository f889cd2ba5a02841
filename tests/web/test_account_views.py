"""The "Your data" page: download everything, delete the account."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model

from learning.services import card_get_or_create, review_record
from tests.factories import PASSWORD


@pytest.fixture
def reviewed(student, bank):
    card = card_get_or_create(user=student, question=bank.questions.first())
    review_record(user=student, card_id=card.pk, rating=3)
    return student


@pytest.mark.django_db
def test_account_page_offers_the_download_and_the_delete_form(student_client):
    response = student_client.get("/account/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/account/export/"' in html
    assert 'action="/account/delete/"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_download_is_a_json_file_of_the_students_data(reviewed, student_client):
    response = student_client.get("/account/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="newsquiz-stella.json"'
    assert json.loads(response.content)["reviews"][0]["rating"] == 3


@pytest.mark.django_db
def test_pages_need_a_login(client):
    assert client.get("/account/export/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_deleting_with_password_and_confirmation_removes_the_account(reviewed, student_client):
    response = student_client.post("/account/delete/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 200
    assert "Your account is deleted" in response.content.decode()
    assert not get_user_model().objects.filter(username="stella").exists()
    assert student_client.get("/account/").status_code == 302  # logged out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "wrong", "confirm": "on"}, "The password is not correct."),
        ({"password": PASSWORD}, "This field is required."),
    ],
)
def test_delete_form_errors_keep_the_account(reviewed, student_client, data, message):
    response = student_client.post("/account/delete/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert get_user_model().objects.filter(username="stella").exists()
