"""POST quizzes/, POST quizzes/{id}/answers/, GET quizzes/{id}/, GET quizzes/."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import QuizAnswer, QuizAttempt, ReviewLog
from tests.factories import QuestionBankFactory, QuestionFactory

QUIZZES = "/api/v1/quizzes/"


def start(api, bank, size=3) -> dict:
    response = api.post(QUIZZES, {"bank": bank.pk, "size": size}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def right_and_wrong(question: dict) -> tuple[int, int]:
    by_text = {c["text"]: c["id"] for c in question["choices"]}
    return by_text["Jane Doe"], by_text["John Roe"]


def test_start_gives_the_questions_without_answers(api, bank, student):
    quiz = start(api, bank)
    assert quiz["size"] == 3
    assert quiz["answered"] == 0
    assert quiz["finished_at"] is None
    assert quiz["review"] == []
    assert len(quiz["questions"]) == 3
    assert "is_correct" not in str(quiz["questions"])
    assert QuizAttempt.objects.get().user == student


def test_every_view_of_a_quiz_carries_its_article_date(api, bank):
    """'When' questions count from the article's date: the app shows it beside them, as the
    web quiz does."""
    bank.article.published_on = date(2020, 5, 9)
    bank.article.save()
    quiz = start(api, bank, size=2)
    assert quiz["article_published_on"] == "2020-05-09"
    assert api.get(f"{QUIZZES}{quiz['id']}/").json()["article_published_on"] == "2020-05-09"
    listed = api.get(QUIZZES).json()["results"]
    assert [row["article_published_on"] for row in listed] == ["2020-05-09"]


def test_a_quiz_without_an_article_date_says_null(api, bank):
    bank.article.published_on = None
    bank.article.save()
    assert start(api, bank, size=1)["article_published_on"] is None
    undated = QuestionBankFactory(owner=bank.owner, article=None)
    QuestionFactory.create_batch(2, bank=undated)
    assert start(api, undated, size=1)["article_published_on"] is None


def test_answers_give_feedback_and_finish_the_quiz(api, bank):
    quiz = start(api, bank, size=2)
    url = f"{QUIZZES}{quiz['id']}/answers/"
    first, second = quiz["questions"]
    right, _ = right_and_wrong(first)
    response = api.post(
        url, {"question": first["id"], "choice": right, "duration_ms": 3000}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["is_correct"] is True
    assert body["correct_choice"] == right
    assert body["explanation"].startswith("In the article")
    assert (body["answered"], body["correct_count"], body["finished"]) == (1, 1, False)

    _, wrong = right_and_wrong(second)
    body = api.post(url, {"question": second["id"], "choice": wrong}, format="json").json()
    assert (body["is_correct"], body["answered"], body["correct_count"], body["finished"]) == (
        False,
        2,
        1,
        True,
    )
    assert ReviewLog.objects.filter(source="quiz").count() == 2

    result = api.get(f"{QUIZZES}{quiz['id']}/").json()
    assert result["finished_at"] is not None
    assert [item["is_correct"] for item in result["review"]] == [True, False]
    assert result["review"][1]["given"]["choice"] == wrong
    assert result["review"][1]["correct_choice"] != wrong
    assert result["review"][1]["explanation"]


def test_unfinished_quiz_reveals_feedback_only_for_answered_questions(api, bank):
    quiz = start(api, bank, size=3)
    first = quiz["questions"][0]
    api.post(
        f"{QUIZZES}{quiz['id']}/answers/",
        {"question": first["id"], "choice": right_and_wrong(first)[0]},
        format="json",
    )
    detail = api.get(f"{QUIZZES}{quiz['id']}/").json()
    assert [item["question"] for item in detail["review"]] == [first["id"]]
    assert detail["answered"] == 1


def test_answer_errors_name_the_field_and_write_nothing(api, bank):
    quiz = start(api, bank, size=2)
    url = f"{QUIZZES}{quiz['id']}/answers/"
    question = quiz["questions"][0]
    other_question = QuestionFactory(bank=bank)
    cases = [
        ({"choice": 1}, "question"),
        ({"question": "x", "choice": 1}, "question"),
        ({"question": other_question.pk, "choice": 1}, "question"),
        ({"question": question["id"]}, "choice"),
        ({"question": question["id"], "choice": 10**9}, "choice"),
        (
            {"question": question["id"], "choice": right_and_wrong(question)[0], "duration_ms": -1},
            "duration_ms",
        ),
    ]
    for body, field in cases:
        response = api.post(url, body, format="json")
        assert response.status_code == 400, body
        assert field in response.json()["errors"], (body, response.json())
    assert QuizAnswer.objects.count() == 0
    assert ReviewLog.objects.count() == 0


def test_answering_twice_is_400(api, bank):
    quiz = start(api, bank, size=2)
    url = f"{QUIZZES}{quiz['id']}/answers/"
    question = quiz["questions"][0]
    body = {"question": question["id"], "choice": right_and_wrong(question)[0]}
    assert api.post(url, body, format="json").status_code == 201
    again = api.post(url, body, format="json")
    assert again.status_code == 400
    assert "question" in again.json()["errors"]
    assert QuizAnswer.objects.count() == 1


def test_start_errors(api, bank, teacher):
    draft = QuestionBankFactory(owner=teacher, status="draft")
    for body, field in [
        ({"bank": draft.pk}, "bank"),
        ({"bank": 10**9}, "bank"),
        ({"bank": "one"}, "bank"),
        ({"bank": bank.pk, "size": 0}, "size"),
        ({"bank": bank.pk, "size": 101}, "size"),
        ({"bank": bank.pk, "mode": "hardest"}, "mode"),
    ]:
        response = api.post(QUIZZES, body, format="json")
        assert response.status_code == 400, body
        assert field in response.json()["errors"]
    empty = QuestionBankFactory(owner=teacher)
    response = api.post(QUIZZES, {"bank": empty.pk}, format="json")
    assert response.status_code == 400
    assert "bank" in response.json()["errors"]
    assert QuizAttempt.objects.count() == 0


def test_list_shows_the_callers_attempts_newest_first(api, other_api, bank):
    first = start(api, bank)
    second = start(api, bank)
    start(other_api, bank)
    body = api.get(QUIZZES).json()
    assert body["count"] == 2
    assert [a["id"] for a in body["results"]] == [second["id"], first["id"]]
    assert body["results"][0]["bank_title"] == "World news"
    assert api.get(QUIZZES, {"bank": bank.pk + 1}).json()["count"] == 0


def test_other_users_attempt_is_404(api, other_api, bank):
    quiz = start(api, bank)
    assert other_api.get(f"{QUIZZES}{quiz['id']}/").status_code == 404
    question = quiz["questions"][0]
    response = other_api.post(
        f"{QUIZZES}{quiz['id']}/answers/",
        {"question": question["id"], "choice": right_and_wrong(question)[0]},
        format="json",
    )
    assert response.status_code == 404
    assert QuizAnswer.objects.count() == 0


def test_quiz_list_and_detail_queries_are_constant(api, bank, django_assert_num_queries):
    quiz = start(api, bank, size=1)
    with CaptureQueriesContext(connection) as list_one:
        api.get(QUIZZES)
    list_count = len(list_one.captured_queries)
    with CaptureQueriesContext(connection) as detail_one:
        api.get(f"{QUIZZES}{quiz['id']}/")
    detail_count = len(detail_one.captured_queries)
    QuestionFactory.create_batch(10, bank=bank)
    for _ in range(5):
        big = start(api, bank, size=12)
    with django_assert_num_queries(list_count):
        assert api.get(QUIZZES).json()["count"] == 6
    with django_assert_num_queries(detail_count):
        assert len(api.get(f"{QUIZZES}{big['id']}/").json()["questions"]) == 12


def test_start_and_answer_queries_do_not_grow_with_size_or_history(
    api, bank, django_assert_num_queries
):
    from tests.api.conftest import queries_of

    api.get("/api/v1/me/preferences/")  # created once, on a user's first visit
    api.get("/api/v1/study/queue/", {"limit": 100})  # every question has its card already
    small = start(api, bank, size=2)  # answering its first question does not finish it
    question = small["questions"][0]
    start_count, _ = queries_of(
        lambda: api.post(QUIZZES, {"bank": bank.pk, "size": 1}, format="json")
    )
    answer_count, _ = queries_of(
        lambda: api.post(
            f"{QUIZZES}{small['id']}/answers/",
            {"question": question["id"], "choice": right_and_wrong(question)[0]},
            format="json",
        )
    )
    QuestionFactory.create_batch(15, bank=bank)
    api.get("/api/v1/study/queue/", {"limit": 100})
    for _ in range(3):
        start(api, bank, size=20)
    with django_assert_num_queries(start_count):
        big = api.post(QUIZZES, {"bank": bank.pk, "size": 20}, format="json").json()
    assert len(big["questions"]) == 20
    question = big["questions"][0]
    with django_assert_num_queries(answer_count):
        api.post(
            f"{QUIZZES}{big['id']}/answers/",
            {"question": question["id"], "choice": right_and_wrong(question)[0]},
            format="json",
        )
