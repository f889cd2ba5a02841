"""A new student's time zone defaults to their browser's (filled in by app.js)."""

from __future__ import annotations

import pytest

from learning.models import StudyPreferences

PASSWORD = "Plum-Kettle-Ladder-73"
pytestmark = pytest.mark.django_db


def _sign_up(client, time_zone: str):
    return client.post(
        "/accounts/signup/",
        {"username": "nadia", "password1": PASSWORD, "password2": PASSWORD, "time_zone": time_zone},
    )


def test_the_browsers_time_zone_becomes_the_students(client):
    _sign_up(client, "Asia/Almaty")

    assert StudyPreferences.objects.get(user__username="nadia").time_zone == "Asia/Almaty"


@pytest.mark.parametrize("sent", ["", "Mars/Olympus"])
def test_without_a_real_zone_the_default_stays(client, sent):
    response = _sign_up(client, sent)

    assert response.status_code == 302
    zone = StudyPreferences.objects.filter(user__username="nadia").values_list(
        "time_zone", flat=True
    )
    assert list(zone) in ([], ["UTC"])


def test_the_field_is_hidden_and_marked_for_the_script(client):
    html = client.get("/accounts/signup/").content.decode()

    assert 'type="hidden" name="time_zone"' in html
    assert "data-browser-time-zone" in html
    assert "<label" in html
    assert ">Time zone<" not in html
