import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from quizzes.models import Article, Question, QuestionBank
from tests.factories import QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def choice_formset(choices, prefix="choices"):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(choices)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, (text, correct) in enumerate(choices):
        data[f"{prefix}-{index}-text"] = text
        data[f"{prefix}-{index}-position"] = str(index)
        if correct:
            data[f"{prefix}-{index}-is_correct"] = "on"
    return data


def test_teachers_group_has_only_authoring_permissions():
    codenames = set(
        Group.objects.get(name="Teachers").permissions.values_list("codename", flat=True)
    )
    assert {"add_question", "change_question", "add_article", "add_choice"} <= codenames
    assert not {"add_user", "change_user", "delete_article", "add_group"} & codenames


def test_student_cannot_enter_admin(student_client):
    response = student_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_teacher_adds_article_by_uploading_a_text_file(teacher_client, teacher):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("story.txt", b"A story about Paris.\n", "text/plain")
    response = teacher_client.post(
        reverse("admin:quizzes_article_add"),
        {
            "title": "Paris",
            "publisher": "",
            "url": "",
            "published_on": "",
            "text": "",
            "upload": upload,
        },
    )
    assert response.status_code == 302, response.content
    article = Article.objects.get(title="Paris")
    assert article.text == "A story about Paris."
    assert article.created_by == teacher


def test_an_address_typed_without_a_scheme_is_saved_as_https(teacher_client):
    response = teacher_client.post(
        reverse("admin:quizzes_article_add"),
        {
            "title": "Harbour",
            "url": "news.example.org/harbour",
            "published_on": "2026-11-02",
            "date_checked": "on",
            "text": "The harbour reopened on Monday.",
        },
    )

    assert response.status_code == 302, response.content
    assert Article.objects.get(title="Harbour").url == "https://news.example.org/harbour"


def test_binary_upload_is_a_form_error(teacher_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("story.txt", b"\x00\x01\x02", "text/plain")
    response = teacher_client.post(
        reverse("admin:quizzes_article_add"), {"title": "Bin", "text": "", "upload": upload}
    )
    assert response.status_code == 200
    assert "binary, not text" in response.content.decode()
    assert not Article.objects.filter(title="Bin").exists()


def test_teacher_authors_question_with_choices(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher, status="draft")
    data = {
        "bank": bank.pk,
        "kind": "who_said",
        "prompt": "Who said: “Roads”?",
        "answer": "Jane Doe",
        "explanation": "",
        "status": "published",
        "evidence_start": "",
        "evidence_end": "",
        "difficulty": "2",
        "position": "0",
    }
    data.update(choice_formset([("Jane Doe", True), ("John Roe", False), ("Ann Poe", False)]))
    response = teacher_client.post(reverse("admin:quizzes_question_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    question = Question.objects.get(prompt="Who said: “Roads”?")
    assert question.origin == "authored"
    assert list(question.choices.values_list("text", "is_correct")) == [
        ("Jane Doe", True),
        ("John Roe", False),
        ("Ann Poe", False),
    ]


def test_two_correct_choices_is_a_form_error_not_a_500(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)
    data = {
        "bank": bank.pk,
        "kind": "who_said",
        "prompt": "Who said it?",
        "answer": "Jane Doe",
        "status": "draft",
        "difficulty": "2",
        "position": "0",
    }
    data.update(choice_formset([("Jane Doe", True), ("John Roe", True)]))
    response = teacher_client.post(reverse("admin:quizzes_question_add"), data)
    assert response.status_code == 200
    assert "Exactly one choice must be correct (found 2)" in response.content.decode()
    assert not Question.objects.filter(prompt="Who said it?").exists()


def test_question_change_page_shows_evidence_highlighted(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)
    text = bank.article.text
    start = text.index('"We will')
    end = text.index("fellow.") + len("fellow.")
    question = QuestionFactory(bank=bank, evidence_start=start, evidence_end=end)
    response = teacher_client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        "<mark>&quot;We will build new roads,&quot; said Jane Doe, a senior fellow.</mark>" in body
    )


def test_a_saved_question_stays_in_its_bank(teacher_client, teacher):
    """Students' cards of a question count in its bank (learning's Card.bank and
    tallies): the change page shows the bank but does not move the question."""
    bank, other = QuestionBankFactory(owner=teacher), QuestionBankFactory(owner=teacher)
    question = QuestionFactory(bank=bank)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    assert 'name="bank"' not in teacher_client.get(url).content.decode()
    teacher_client.post(
        url,
        {"bank": other.pk, "kind": question.kind, "prompt": "Moved?", "status": "draft"},
    )
    question.refresh_from_db()
    assert question.bank_id == bank.pk


def test_teacher_cannot_edit_another_teachers_bank(client, other_teacher, bank):
    client.force_login(other_teacher)
    question = bank.questions.first()
    assert client.get(reverse("admin:quizzes_questionbank_change", args=[bank.pk])).status_code in (
        302,
        403,
        404,
    )
    response = client.post(
        reverse("admin:quizzes_question_change", args=[question.pk]),
        {"bank": bank.pk, "kind": "who_said", "prompt": "Hacked", "answer": "x", "status": "draft"},
    )
    assert response.status_code in (302, 403, 404)
    question.refresh_from_db()
    assert question.prompt != "Hacked"
    listing = client.get(reverse("admin:quizzes_questionbank_changelist")).content.decode()
    assert bank.title not in listing


def test_bulk_actions_publish_draft_and_reject(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)
    complete = QuestionFactory(bank=bank, status="draft")
    incomplete = QuestionFactory(bank=bank, status="draft", choices=["Jane Doe"])
    incomplete.choices.update(is_correct=False)
    url = reverse("admin:quizzes_question_changelist")
    response = teacher_client.post(
        url,
        {"action": "publish_questions", "_selected_action": [complete.pk, incomplete.pk]},
        follow=True,
    )
    complete.refresh_from_db()
    incomplete.refresh_from_db()
    assert complete.status == "published"
    assert incomplete.status == "draft"
    assert "Not published, incomplete" in response.content.decode()

    teacher_client.post(url, {"action": "return_to_draft", "_selected_action": [complete.pk]})
    complete.refresh_from_db()
    assert complete.status == "draft"
    teacher_client.post(url, {"action": "reject_questions", "_selected_action": [complete.pk]})
    complete.refresh_from_db()
    assert complete.status == "rejected"


def test_deleting_a_question_in_admin_archives_it(teacher_client, teacher):
    question = QuestionFactory(bank=QuestionBankFactory(owner=teacher))
    response = teacher_client.post(
        reverse("admin:quizzes_question_delete", args=[question.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "archived"


def test_admin_filters_and_search(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory(bank=bank, prompt="Who said: “Tashkent rocks”?")
    url = reverse("admin:quizzes_question_changelist")
    response = teacher_client.get(
        url,
        {
            "q": "Tashkent",
            "kind__exact": "who_said",
            "status__exact": "published",
            "origin__exact": "authored",
            "bank__id__exact": bank.pk,
        },
    )
    assert response.status_code == 200
    assert "Tashkent rocks" in response.content.decode()


def test_bank_publish_action_publishes_complete_questions(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher, status="draft")
    QuestionFactory.create_batch(2, bank=bank, status="draft")
    teacher_client.post(
        reverse("admin:quizzes_questionbank_changelist"),
        {"action": "publish_banks", "_selected_action": [bank.pk]},
    )
    bank.refresh_from_db()
    assert bank.status == "published"
    assert QuestionBank.objects.get(pk=bank.pk).questions.filter(status="published").count() == 2


def test_teacher_sees_and_changes_only_their_own_articles(client, teacher, other_teacher):
    from tests.factories import ArticleFactory

    mine = ArticleFactory(created_by=teacher, title="Mine")
    theirs = ArticleFactory(created_by=other_teacher, title="Theirs")
    client.force_login(teacher)
    listing = client.get(reverse("admin:quizzes_article_changelist")).content.decode()
    assert "Mine" in listing
    assert "Theirs" not in listing
    response = client.post(
        reverse("admin:quizzes_article_change", args=[theirs.pk]),
        {"title": "Hijacked", "text": "Other words."},
    )
    assert response.status_code in (302, 403, 404)
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"
    assert mine.title == "Mine"


def test_article_text_is_read_only_once_a_bank_uses_it(teacher_client, teacher):
    bank = QuestionBankFactory(owner=teacher)
    article = bank.article
    original = article.text
    response = teacher_client.post(
        reverse("admin:quizzes_article_change", args=[article.pk]),
        {"title": "Renamed", "publisher": "", "url": "", "published_on": "", "text": "New text."},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Renamed"
    assert article.text == original


def test_pasted_text_follows_the_same_rules_as_an_upload(teacher_client):
    response = teacher_client.post(
        reverse("admin:quizzes_article_add"),
        {"title": "Pasted", "text": "Hello \x01\x02\x03\x04 world"},
    )
    assert response.status_code == 200
    assert "binary, not text" in response.content.decode()
    assert not Article.objects.filter(title="Pasted").exists()


def _breadcrumbs(html: str) -> list[str]:
    """The admin page's breadcrumbs, crumb by crumb, as a reader sees them."""
    trail = html[html.index('<div class="breadcrumbs">') :]
    trail = trail[: trail.index("</div>")]
    text = re.sub(r"<[^>]+>", "", trail).replace("&rsaquo;", "›").replace("\u203a", "›")
    return [crumb.strip() for crumb in text.split("›")]


def test_admin_breadcrumbs_name_the_app_and_the_model_differently():
    """An app named like one of its models reads "Question banks › Question banks"."""
    for model in admin.site._registry:
        app = apps.get_app_config(model._meta.app_label)
        assert app.verbose_name.lower() != str(model._meta.verbose_name_plural).lower(), model


def test_the_bank_pages_breadcrumbs_read_home_app_banks_bank(client, superuser):
    bank = QuestionBankFactory(title="Harbour news")
    client.force_login(superuser)
    page = client.get(reverse("admin:quizzes_questionbank_change", args=[bank.pk]))
    assert _breadcrumbs(page.content.decode()) == [
        "Home",
        "Authoring",
        "Question banks",
        "Harbour news",
    ]
