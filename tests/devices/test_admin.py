"""devices/admin.py: superusers see every device token, read-only, never a key hash."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from devices.models import DeviceToken
from devices.services import device_token_issue

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:devices_devicetoken_changelist")


@pytest.fixture
def devices(student, other_student):
    """Stella's phone (live) and Oscar's old tablet (expired ten days ago)."""
    phone = device_token_issue(user=student, name="Stella's phone")
    tablet = device_token_issue(
        user=other_student, name="Oscar's old tablet", now=timezone.now() - timedelta(days=100)
    )
    return phone, tablet


@pytest.fixture
def root_client(client, superuser):
    client.force_login(superuser)
    return client


def test_a_superuser_lists_every_device_with_its_dates_and_expiry(root_client, devices):
    phone, tablet = devices

    page = root_client.get(CHANGELIST)

    html = page.content.decode()
    assert page.status_code == 200
    assert "Stella&#x27;s phone" in html
    assert "Oscar&#x27;s old tablet" in html
    assert phone.device.key_prefix in html
    assert 'class="field-expired"><img src="/static/admin/img/icon-no.svg" alt="False"' in html
    assert 'class="field-expired"><img src="/static/admin/img/icon-yes.svg" alt="True"' in html
    for issued in devices:
        assert issued.key not in html
        assert issued.device.key_hash not in html


def test_the_expired_filter_keeps_the_expired_ones(root_client, devices):
    html = root_client.get(CHANGELIST, {"expired": "yes"}).content.decode()

    assert "Oscar&#x27;s old tablet" in html
    assert "Stella&#x27;s phone" not in html


def test_a_device_is_read_only_and_its_hash_never_shown(root_client, devices):
    phone, _ = devices
    url = reverse("admin:devices_devicetoken_change", args=[phone.device.pk])

    page = root_client.get(url)
    posted = root_client.post(url, {"name": "renamed"})

    html = page.content.decode()
    assert page.status_code == 200
    assert "Stella&#x27;s phone" in html
    assert 'name="name"' not in html
    assert phone.device.key_hash not in html
    assert posted.status_code == 403
    assert root_client.get(reverse("admin:devices_devicetoken_add")).status_code == 403
    delete_url = reverse("admin:devices_devicetoken_delete", args=[phone.device.pk])
    assert root_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert DeviceToken.objects.get(pk=phone.device.pk).name == "Stella's phone"


def test_teachers_and_students_do_not_see_devices(client, teacher_client, student, devices):
    assert teacher_client.get(CHANGELIST).status_code == 403
    assert "API devices" not in teacher_client.get(reverse("admin:index")).content.decode()
    client.force_login(student)
    assert client.get(CHANGELIST).status_code == 302  # to the admin login
