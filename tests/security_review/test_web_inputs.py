"""Student web pages: odd input gets an error page, never a 500; no open redirects;
nobody reads what is not theirs."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, QuestionBankFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


@pytest.fixture
def raising_client(client):
    client.raise_request_exception = False
    return client


def test_odd_ids_and_fields_never_500(raising_client, student, bank):
    raising_client.force_login(student)
    c = raising_client
    responses = {
        "article huge": c.get(f"/articles/{HUGE}/"),
        "study bank abc": c.get("/study/?bank=abc"),
        "study bank huge": c.get(f"/study/?bank={HUGE}"),
        "rate empty": c.post("/study/rate/", {}),
        "rate huge card": c.post("/study/rate/", {"card": HUGE, "rating": "3"}),
        "rate huge bank": c.post("/study/rate/", {"bank": HUGE, "card": "1", "rating": "3"}),
        "rate GET": c.get("/study/rate/"),
        "undo GET": c.get("/study/undo/"),
        "undo huge bank": c.post("/study/undo/", {"bank": HUGE}),
        "quiz huge": c.get(f"/quiz/{HUGE}/"),
        "quiz answer huge": c.post(f"/quiz/{HUGE}/answer/", {"question": "1"}),
        "quiz list bank huge": c.get(f"/quiz/?bank={HUGE}"),
        "quiz start huge": c.post("/quiz/", {"bank": HUGE, "size": "5"}),
        "quiz start huge size": c.post("/quiz/", {"bank": str(bank.pk), "size": HUGE}),
        "quiz result huge": c.get(f"/quiz/{HUGE}/result/"),
        "prefs junk": c.post(
            "/preferences/", {"desired_retention": "x", "new_cards_per_day": HUGE}
        ),
        "article q huge": c.get(f"/articles/{bank.article_id}/?q={HUGE}"),
    }
    for name, response in responses.items():
        assert response.status_code < 500, (name, response.status_code)


def test_quiz_answer_with_huge_question_id_is_not_500(raising_client, student, bank):
    raising_client.force_login(student)
    response = raising_client.post("/quiz/", {"bank": str(bank.pk), "size": "5"})
    assert response.status_code == 302
    attempt_url = response["Location"]
    response = raising_client.post(attempt_url + "answer/", {"question": HUGE, "choice": HUGE})
    assert response.status_code == 404


def test_signup_next_does_not_redirect_off_site(client):
    response = client.post(
        reverse("signup") + "?next=https://evil.example.com/",
        {
            "username": "newbie",
            "password1": "a-Strong-pass-9481",
            "password2": "a-Strong-pass-9481",
        },
    )
    assert response.status_code == 302
    assert "evil.example.com" not in response["Location"]


def test_login_next_does_not_redirect_off_site(client, student, password):
    response = client.post(
        reverse("login") + "?next=//evil.example.com/",
        {"username": student.username, "password": password, "next": "//evil.example.com/"},
    )
    assert response.status_code == 302
    assert "evil.example.com" not in response["Location"]


def test_teacher_cannot_read_another_teachers_unpublished_article(client, teacher, other_teacher):
    secret = ArticleFactory(created_by=other_teacher, title="Otto's embargoed scoop")
    QuestionBankFactory(owner=other_teacher, article=secret, status="draft")
    client.force_login(teacher)

    response = client.get(reverse("web:article", args=[secret.pk]))

    assert response.status_code == 404


def test_teacher_reads_own_draft_article_and_published_ones(client, teacher, other_teacher):
    mine = ArticleFactory(created_by=teacher, title="My draft story")
    public = ArticleFactory(created_by=other_teacher, title="Public story")
    QuestionBankFactory(owner=other_teacher, article=public, status="published")
    client.force_login(teacher)

    assert client.get(reverse("web:article", args=[mine.pk])).status_code == 200
    assert client.get(reverse("web:article", args=[public.pk])).status_code == 200


def test_other_students_quiz_pages_are_404(client, student, other_student, bank):
    client.force_login(other_student)
    response = client.post("/quiz/", {"bank": str(bank.pk), "size": "5"})
    assert response.status_code == 302
    attempt_url = response["Location"]
    question_id = bank.questions.first().pk
    client.force_login(student)
    for url in [attempt_url, attempt_url + "result/", attempt_url + f"feedback/{question_id}/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(attempt_url + "answer/", {"question": str(question_id)}).status_code == 404


def test_feedback_of_an_unanswered_question_does_not_reveal_the_answer(client, student, bank):
    client.force_login(student)
    response = client.post("/quiz/", {"bank": str(bank.pk), "size": "5"})
    attempt_url = response["Location"]
    for question in bank.questions.all():
        response = client.get(attempt_url + f"feedback/{question.pk}/")
        assert response.status_code == 404


def test_wrong_methods_are_405_not_500(raising_client, student):
    raising_client.force_login(student)
    assert raising_client.post("/progress/").status_code == 405
    assert raising_client.post("/").status_code == 405
    assert raising_client.post("/study/").status_code == 405
    assert raising_client.head("/progress/").status_code == 200
    assert raising_client.put("/preferences/").status_code == 405
    assert raising_client.get("/account/delete/").status_code == 405
    assert raising_client.post("/account/export/").status_code == 405
    assert raising_client.post("/account/delete/", {}).status_code == 400
