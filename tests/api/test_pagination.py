"""The API's pagination refuses a page number left empty (`?page=`)."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_empty_page_number_is_a_400_naming_page(teacher_api, bank):
    response = teacher_api.get("/api/v1/teach/choices/?page=")

    assert response.status_code == 400
    assert "page" in response.json()["errors"]
    assert teacher_api.get("/api/v1/teach/choices/?page=1").status_code == 200
