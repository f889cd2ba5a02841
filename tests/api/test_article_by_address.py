"""`POST articles/ {"url": ...}`: the server reads the page; refusals are 400s
naming `url` and store nothing."""

from __future__ import annotations

import pytest

from quizzes.models import Article

pytestmark = pytest.mark.django_db


def test_api_stores_an_article_from_its_address(teacher_api, pages_server, allow_local_pages):
    url = pages_server.page("/2023/11/market", "jsonld_market.html")

    response = teacher_api.post("/api/v1/articles/", {"url": url}, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "Harbour market reopens after renovation"
    assert body["author"] == "Tomas Reyes"
    assert body["publisher"] == "Coastline Daily"
    assert body["published_on"] == "2023-11-02"
    assert body["url"] == url
    assert Article.objects.get().text.startswith("Harbour market reopens after renovation\n")


def test_api_fields_sent_win_over_the_page(teacher_api, pages_server, allow_local_pages):
    url = pages_server.page("/2023/11/market", "jsonld_market.html")

    body = teacher_api.post(
        "/api/v1/articles/", {"url": url, "published_on": "2023-11-01", "title": "Market"}
    ).json()

    assert (body["published_on"], body["title"]) == ("2023-11-01", "Market")


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("file:///etc/passwd", "Enter a valid URL."),
        ("http://169.254.169.254/latest/", "is a link-local address"),
        ("http://192.168.0.1/", "is a private address"),
    ],
)
def test_api_refusals_are_400_naming_the_url(teacher_api, address, message):
    response = teacher_api.post("/api/v1/articles/", {"url": address}, format="json")

    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"]["url"])
    assert not Article.objects.exists()


def test_api_page_that_is_not_html_is_400(teacher_api, pages_server, allow_local_pages):
    from tests.pages_server import Reply

    pages_server.routes["/report.pdf"] = Reply(200, b"%PDF", {"Content-Type": "application/pdf"})

    response = teacher_api.post("/api/v1/articles/", {"url": pages_server.url("/report.pdf")})

    assert response.status_code == 400
    assert response.json()["errors"]["url"] == [
        "This address is not a web page (it is application/pdf)."
    ]


def test_api_reads_an_uploaded_saved_page_like_an_address(teacher_api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.pages_server import PAGES

    page = SimpleUploadedFile("market.html", (PAGES / "jsonld_market.html").read_bytes())

    response = teacher_api.post("/api/v1/articles/", {"file": page}, format="multipart")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "Harbour market reopens after renovation"
    assert body["author"] == "Tomas Reyes"
    assert body["published_on"] == "2023-11-02"
    assert body["url"] == ""
    assert "said Rui Almeida" in Article.objects.get().text


def test_api_saved_page_without_a_story_is_400_naming_the_file(teacher_api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    menu = SimpleUploadedFile("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body>")

    response = teacher_api.post("/api/v1/articles/", {"file": menu}, format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [
        "No article text was found on this page; paste the text instead."
    ]
    assert not Article.objects.exists()
