"""An article's text is unique per owner: a teacher storing a text another teacher
already stored gets their own copy, and learns nothing about the other (no title,
no id), through the API, the admin and bank import alike. Their own second copy
is still refused, naming their first."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from quizzes.interop import bank_export, bank_import
from quizzes.models import Article
from tests.api.conftest import token_client
from tests.factories import ArticleFactory, QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db

TEXT = "A summit in Tashkent.\nLeaders met on Friday and agreed to build new roads.\n"
SECRET_TITLE = "Other teacher's secret working title"


@pytest.fixture
def theirs(other_teacher):
    return ArticleFactory(text=TEXT, title=SECRET_TITLE, created_by=other_teacher)


def test_api_stores_a_second_teachers_copy_without_naming_the_first(teacher, theirs):
    response = token_client(teacher).post("/api/v1/articles/", {"text": TEXT}, format="json")

    assert response.status_code == 201, response.json()
    assert SECRET_TITLE not in response.content.decode()
    assert response.json()["id"] != theirs.pk
    assert Article.objects.get(pk=response.json()["id"]).created_by == teacher


def test_api_refuses_the_teachers_own_duplicate_naming_their_copy(teacher, theirs):
    api = token_client(teacher)
    mine = api.post("/api/v1/articles/", {"text": TEXT, "title": "Mine"}, format="json").json()

    again = api.post("/api/v1/articles/", {"text": TEXT}, format="json")

    assert again.status_code == 400
    assert again.json()["errors"] == {
        "text": [f"You already stored this article as “Mine” (#{mine['id']})."]
    }
    assert SECRET_TITLE not in again.content.decode()


def test_admin_adds_a_second_teachers_copy_without_naming_the_first(
    teacher_client, teacher, theirs
):
    response = teacher_client.post(
        reverse("admin:quizzes_article_add"),
        {"title": "Mine", "publisher": "", "url": "", "published_on": "", "text": TEXT},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert SECRET_TITLE not in response.content.decode()
    assert Article.objects.filter(created_by=teacher, title="Mine").exists()


def test_admin_refuses_the_teachers_own_duplicate(teacher_client, teacher, theirs):
    mine = ArticleFactory(text=TEXT, title="Mine", created_by=teacher)

    response = teacher_client.post(
        reverse("admin:quizzes_article_add"),
        {"title": "Again", "publisher": "", "url": "", "published_on": "", "text": TEXT},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert f"You already stored this article as “Mine” (#{mine.pk})." in page
    assert SECRET_TITLE not in page


def test_import_links_the_importers_own_article_never_anothers(teacher, other_teacher, theirs):
    source = QuestionBankFactory(owner=other_teacher, article=theirs)
    QuestionFactory(bank=source)
    data = bank_export(bank=source, fmt="json")

    bank = bank_import(data=data, fmt="json", owner=teacher).bank

    assert bank.article is not None
    assert bank.article.pk != theirs.pk
    assert bank.article.created_by == teacher
    again = bank_import(data=data, fmt="json", owner=teacher).bank
    assert again.article == bank.article  # the importer's own copy is reused


def test_the_database_holds_one_copy_per_owner(teacher, theirs):
    ArticleFactory(text=TEXT, created_by=teacher)

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(text=TEXT, title="Twice", created_by=teacher)
