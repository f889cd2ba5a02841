"""GET /api/v1/me/export/ and DELETE /api/v1/me/."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from learning.models import ReviewLog
from learning.services import card_get_or_create, review_record
from tests.factories import PASSWORD


@pytest.fixture
def token_client(student, bank):
    card = card_get_or_create(user=student, question=bank.questions.first())
    review_record(user=student, card_id=card.pk, rating=3)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=student).key}")
    return client


@pytest.mark.django_db
def test_export_downloads_the_callers_data_as_a_json_attachment(token_client):
    response = token_client.get("/api/v1/me/export/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="newsquiz-stella.json"'
    body = response.json()
    assert body["user"]["username"] == "stella"
    assert len(body["reviews"]) == 1


@pytest.mark.django_db
def test_export_needs_authentication():
    assert APIClient().get("/api/v1/me/export/").status_code == 401


@pytest.mark.django_db
def test_delete_me_with_the_password_deletes_the_account(token_client, student):
    response = token_client.delete("/api/v1/me/", {"password": PASSWORD}, format="json")

    assert response.status_code == 200
    assert response.json()["reviews"] == 1
    assert not get_user_model().objects.filter(pk=student.pk).exists()
    # The token died with the account.
    assert token_client.get("/api/v1/me/export/").status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field"), [({"password": "wrong-one"}, "password"), ({}, "password")]
)
def test_delete_me_without_the_right_password_is_a_400_naming_the_field(
    token_client, student, payload, field
):
    response = token_client.delete("/api/v1/me/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert ReviewLog.objects.filter(user=student).count() == 1
