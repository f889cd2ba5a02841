"""One token per device (issue 14, item 14): named, listable, revocable, with an
expiry; logging out on the phone leaves the tablet logged in. v1's shared token
keeps working."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from devices.models import DeviceToken
from tests.api.conftest import queries_of

TOKEN_URL = "/api/v1/auth/token/"
LOGOUT_URL = "/api/v1/auth/logout/"
DEVICES = "/api/v1/auth/devices/"
SOME_PAGE = "/api/v1/me/preferences/"


def login(device: str | None, password: str) -> dict:
    body = {"username": "stella", "password": password}
    if device is not None:
        body["device"] = device
    response = APIClient().post(TOKEN_URL, body, format="json")
    assert response.status_code == 200, response.json()
    return response.json()


def client_of(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_each_device_gets_its_own_token(student, password):
    phone = login("Stella's phone", password)
    tablet = login("Stella's tablet", password)
    assert phone["token"] != tablet["token"]
    assert phone["device"]["name"] == "Stella's phone"
    assert phone["device"]["current"] is True
    expires = phone["device"]["expires_at"]
    assert (
        timedelta(days=89)
        < (timezone.datetime.fromisoformat(expires) - timezone.now())
        <= timedelta(days=90)
    )
    assert client_of(phone["token"]).get(SOME_PAGE).status_code == 200
    assert client_of(tablet["token"]).get(SOME_PAGE).status_code == 200
    # Only a hash is stored.
    stored = DeviceToken.objects.values_list("key_hash", flat=True)
    assert phone["token"] not in stored
    assert not Token.objects.filter(user=student).exists()  # no shared token was made


def test_logging_out_on_the_phone_leaves_the_tablet_logged_in(student, password):
    phone = client_of(login("phone", password)["token"])
    tablet = client_of(login("tablet", password)["token"])
    assert phone.post(LOGOUT_URL).status_code == 200
    assert phone.get(SOME_PAGE).status_code == 401
    assert tablet.get(SOME_PAGE).status_code == 200
    assert list(DeviceToken.objects.values_list("name", flat=True)) == ["tablet"]


def test_devices_are_listed_and_one_is_revoked_from_another(student, password, other_student):
    phone = client_of(login("phone", password)["token"])
    tablet = client_of(login("tablet", password)["token"])
    listed = tablet.get(DEVICES)
    assert listed.status_code == 200
    rows = listed.json()["results"]
    assert [(r["name"], r["current"]) for r in rows] == [("tablet", True), ("phone", False)]
    assert all(r["key_prefix"].startswith("nqd_") for r in rows)
    phone_id = rows[1]["id"]
    assert tablet.delete(f"{DEVICES}{phone_id}/").status_code == 204
    assert phone.get(SOME_PAGE).status_code == 401
    assert tablet.get(SOME_PAGE).status_code == 200
    assert tablet.delete(f"{DEVICES}{phone_id}/").status_code == 404


def test_another_users_devices_are_neither_listed_nor_revocable(student, password, other_api):
    phone = login("phone", password)
    assert other_api.get(DEVICES).json()["results"] == []
    response = other_api.delete(f"{DEVICES}{phone['device']['id']}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client_of(phone["token"]).get(SOME_PAGE).status_code == 200


def test_an_expired_token_is_refused(student, password, settings):
    settings.API_TOKEN_DAYS = 1
    key = login("phone", password)["token"]
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        response = client_of(key).get(SOME_PAGE)
    assert response.status_code == 401
    assert response.json()["detail"] == "Token has expired; log in again."


def test_a_forged_device_key_is_refused(db):
    response = client_of("nqd_not-a-real-key").get(SOME_PAGE)
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_last_use_is_noted_at_most_hourly(student, password):
    key = login("phone", password)["token"]
    device = DeviceToken.objects.get()
    later = timezone.now() + timedelta(hours=2)
    with time_machine.travel(later, tick=False):
        client_of(key).get(SOME_PAGE)
    device.refresh_from_db()
    assert device.last_used_at == later


def test_an_inactive_users_device_token_is_refused(student, password):
    key = login("phone", password)["token"]
    student.is_active = False
    student.save()
    assert client_of(key).get(SOME_PAGE).status_code == 401


def test_device_name_is_validated(anon, student, password):
    response = anon.post(
        TOKEN_URL, {"username": "stella", "password": password, "device": "x" * 101}
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"device"}
    assert not DeviceToken.objects.exists()


def test_v1_shared_token_still_works_without_a_device_name(student, password):
    body = login(None, password)
    assert set(body) == {"token"}
    assert Token.objects.get(user=student).key == body["token"]
    assert client_of(body["token"]).get(SOME_PAGE).status_code == 200


def test_a_device_token_costs_what_the_shared_one_does(student, password):
    key = login("phone", password)["token"]
    shared = login(None, password)["token"]
    client_of(key).get(SOME_PAGE)  # the preferences row is made on the first visit
    client_of(shared).get(SOME_PAGE)  # both tokens known (config.api_token caches them)
    device_queries, _ = queries_of(lambda: client_of(key).get(SOME_PAGE))
    shared_queries, _ = queries_of(lambda: client_of(shared).get(SOME_PAGE))
    assert device_queries == shared_queries


def test_the_data_export_lists_each_device_without_its_key(student, password):
    phone = login("Stella's phone", password)
    tablet = login("Stella's tablet", password)

    response = client_of(tablet["token"]).get("/api/v1/me/export/")

    devices = response.json()["devices"]
    assert [device["name"] for device in devices] == ["Stella's tablet", "Stella's phone"]
    assert set(devices[0]) == {"id", "name", "created_at", "last_used_at", "expires_at"}
    assert devices[1]["expires_at"] == phone["device"]["expires_at"]
    for key in (phone["token"], tablet["token"]):
        assert key not in response.content.decode()


def test_deleting_the_account_ends_every_devices_token(student, password):
    phone = client_of(login("phone", password)["token"])
    tablet = client_of(login("tablet", password)["token"])
    assert tablet.get(SOME_PAGE).status_code == 200  # its user now cached

    deleted = phone.delete("/api/v1/me/", {"password": password}, format="json")

    assert deleted.status_code == 200
    assert not DeviceToken.objects.exists()
    assert tablet.get(SOME_PAGE).status_code == 401
    assert phone.get(SOME_PAGE).status_code == 401


def _compiled_queries(call) -> int:
    """How many ORM queries `call` compiles to SQL."""
    from django.db.models.sql.compiler import SQLCompiler

    compiled = []
    as_sql = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        compiled.append(self.query)
        return as_sql(self, *args, **kwargs)

    SQLCompiler.as_sql = counting
    try:
        call()
    finally:
        SQLCompiler.as_sql = as_sql
    return len(compiled)


def test_a_token_is_read_with_its_user_by_a_statement_compiled_once(
    student, other_student, password
):
    """Either kind of token, read from the database (not cached): one query, built
    and compiled once per process, answering the token and its whole user row."""
    from devices.authentication import DeviceTokenAuthentication

    auth = DeviceTokenAuthentication()
    shared = [Token.objects.get_or_create(user=user)[0].key for user in (student, other_student)]
    auth.authenticate_credentials(shared[0])  # (its shape compiled)
    assert _compiled_queries(lambda: auth.authenticate_credentials(shared[1])) == 0
    queries, (user, token) = queries_of(lambda: auth.authenticate_credentials(shared[1]))
    assert queries == 1
    assert (user, token) == (other_student, Token.objects.get(key=shared[1]))
    assert token.user is user
    assert user.password == other_student.password
    assert user.is_active
    device_key = login("phone", password)["token"]
    auth.authenticate_credentials(device_key)
    assert _compiled_queries(lambda: auth.authenticate_credentials(device_key)) == 0
    user, device = auth.authenticate_credentials(device_key)
    assert user == student
    assert device == DeviceToken.objects.get()
    assert not device._state.adding


def test_an_inactive_users_shared_token_and_an_unknown_one_are_refused(student, anon):
    key = Token.objects.create(user=student).key
    assert client_of(key).get(SOME_PAGE).status_code == 200
    student.is_active = False
    student.save()
    response = client_of(key).get(SOME_PAGE)
    assert response.status_code == 401
    assert response.json()["detail"] == "User inactive or deleted."
    response = client_of("0" * 40).get(SOME_PAGE)
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid token."
