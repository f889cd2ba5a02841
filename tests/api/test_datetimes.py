"""Date-times in the API: an input without a time zone is refused naming its field
(it was silently read as UTC), and every date-time the API writes has one format,
ISO 8601 in UTC ending in "Z"."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from django.utils import timezone

from learning.models import ReviewLog
from tests.api.test_devices import login
from tests.factories import ClassroomFactory, QuestionBankFactory, QuizAttemptFactory

QUEUE = "/api/v1/study/queue/"
NAIVE = "2024-06-01T09:00:00"
ONE_FORMAT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$")


def _card_id(api, bank) -> int:
    return api.get(QUEUE, {"bank": bank.pk, "limit": 1}).json()["items"][0]["id"]


def test_a_review_without_a_time_zone_is_a_400_naming_reviewed_at(api, bank):
    response = api.post(
        "/api/v1/reviews/",
        {"card": _card_id(api, bank), "rating": 3, "reviewed_at": NAIVE},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reviewed_at"}
    assert "time zone" in response.json()["detail"]
    assert not ReviewLog.objects.exists()


def test_a_batch_item_without_a_time_zone_is_refused_and_the_others_apply(api, bank):
    card = _card_id(api, bank)
    hour_ago = (timezone.now() - timedelta(hours=1)).isoformat()
    items = [
        {"card": card, "rating": 3, "client_uuid": str(uuid.uuid4()), "reviewed_at": NAIVE},
        {"card": card, "rating": 3, "client_uuid": str(uuid.uuid4()), "reviewed_at": hour_ago},
    ]

    results = api.post("/api/v1/reviews/batch/", {"reviews": items}, format="json").json()

    assert [r["ok"] for r in results["results"]] == [False, True]
    assert "reviewed_at" in results["results"][0]["errors"]
    assert ReviewLog.objects.count() == 1


def test_an_assignment_due_date_without_a_time_zone_is_a_400(teacher_api, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    bank = QuestionBankFactory(owner=teacher, is_public=False)

    response = teacher_api.post(
        "/api/v1/teach/assignments/",
        {"classroom": classroom.pk, "bank": bank.pk, "due_at": NAIVE, "all_cards": True},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"due_at"}


def test_offsets_other_than_utc_are_accepted_and_written_back_in_utc(api, bank):
    reviewed = (timezone.now() - timedelta(hours=2)).astimezone(timezone.get_fixed_timezone(120))
    response = api.post(
        "/api/v1/reviews/",
        {"card": _card_id(api, bank), "rating": 3, "reviewed_at": reviewed.isoformat()},
        format="json",
    )

    assert response.status_code in (200, 201), response.json()
    assert ReviewLog.objects.get().reviewed_at == reviewed
    assert ONE_FORMAT.match(response.json()["due"])


def _datetimes(value, found: list[str]) -> list[str]:
    if isinstance(value, dict):
        for item in value.values():
            _datetimes(item, found)
    elif isinstance(value, list):
        for item in value:
            _datetimes(item, found)
    elif isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\dT", value):
        found.append(value)
    return found


def test_progress_and_the_data_export_write_date_times_in_one_format(api, bank, student):
    card = _card_id(api, bank)
    api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json")
    QuizAttemptFactory(user=student, bank=bank, finished_at=timezone.now())

    written = _datetimes(api.get("/api/v1/me/export/").json(), [])
    written += _datetimes(api.get("/api/v1/progress/").json(), [])

    assert written
    assert [text for text in written if not ONE_FORMAT.match(text)] == []


def test_every_student_and_teacher_read_writes_date_times_in_one_format(
    api, bank, student, password, teacher_api
):
    """The reads a mobile client syncs from: study, cards, quizzes, devices, banks."""
    card = _card_id(api, bank)
    api.post("/api/v1/reviews/", {"card": card, "rating": 3}, format="json")
    api.post(f"/api/v1/cards/{card}/suspend/")
    QuizAttemptFactory(user=student, bank=bank, finished_at=timezone.now())
    login(device="phone", password=password)
    reads = [
        (api, QUEUE),
        (api, f"/api/v1/cards/{card}/"),
        (api, "/api/v1/cards/suspended/"),
        (api, "/api/v1/quizzes/"),
        (api, "/api/v1/auth/devices/"),
        (api, "/api/v1/banks/"),
        (api, f"/api/v1/banks/{bank.pk}/"),
        (teacher_api, "/api/v1/teach/banks/"),
    ]

    written = {url: _datetimes(client.get(url).json(), []) for client, url in reads}

    assert all(written.values()), written  # each of them writes some
    wrong = {url: [t for t in texts if not ONE_FORMAT.match(t)] for url, texts in written.items()}
    assert wrong == {url: [] for url in written}
