"""Pages of issue 17's items 4 and 6: home and the end of a session say when the
daily new-card limit is what stopped study and offer "Study 10 more"; a quiz's
result offers "Retry the N I missed"; a card can be suspended from the study
session or a quiz's feedback, listed under Suspended cards and brought back."""

from __future__ import annotations

import pytest

from learning import services
from learning.models import Card, QuizAttempt
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory
from tests.web.newsbank import news_bank_build

HX = {"HTTP_HX_REQUEST": "true"}

pytestmark = pytest.mark.django_db


def study_all(client, bank) -> int:
    """Rate Good every card the session offers (each once); how many were rated."""
    rated = 0
    seen = set()
    while True:
        item = client.get(f"/study/?bank={bank.pk}").context["item"]
        if item is None or item.card_row.pk in seen:
            return rated
        seen.add(item.card_row.pk)
        client.post("/study/rate/", {"card": item.card_row.pk, "rating": 3, "bank": bank.pk})
        rated += 1


# --- the daily limit and "study 10 more" ---------------------------------------------


def test_home_counts_only_the_new_cards_today_allows(student_client, student, news_bank):
    services.preferences_update(user=student, new_cards_per_day=2)

    html = student_client.get("/").content.decode()

    assert "0 due and 2 new cards for today." in html
    assert "Today’s limit is 2 new cards; 4 more wait." in html
    assert 'data-testid="study-all"' in html


def test_home_says_the_limit_is_reached_and_offers_ten_more(student_client, student, news_bank):
    services.preferences_update(user=student, new_cards_per_day=2)
    assert study_all(student_client, news_bank) == 2
    for card in Card.objects.filter(user=student):  # as after the learning steps
        services.review_record(user=student, card_id=card.pk, rating=4)

    html = student_client.get("/").content.decode()

    assert "You reached today’s limit of 2 new cards; 4 more wait." in html
    assert 'data-testid="study-all"' not in html
    assert 'action="/study/more/"' in html
    assert "Study 10 more" in html


def test_the_end_of_a_session_names_the_limit_and_study_more_goes_on(
    student_client, student, news_bank
):
    services.preferences_update(user=student, new_cards_per_day=2)
    study_all(student_client, news_bank)
    for card in Card.objects.filter(user=student):
        services.review_record(user=student, card_id=card.pk, rating=4)

    done = student_client.get(f"/study/?bank={news_bank.pk}")
    html = done.content.decode()
    assert done.context["item"] is None
    assert "Today’s new cards are done" in html
    assert "You reached today’s limit of 2 new cards; 4 more are waiting in this bank." in html
    assert "All done for today" not in html

    response = student_client.post("/study/more/", {"bank": news_bank.pk})

    assert response.status_code == 302
    assert response["Location"] == f"/study/?bank={news_bank.pk}"
    page = student_client.get(response["Location"])
    assert page.context["item"].is_new
    assert page.context["counts"]["new"] == 4  # the 4 left (a limit of 12 would allow 10)
    assert services.preferences_get(user=student).extra_new_cards == 10


def test_study_more_under_htmx_swaps_in_the_next_new_card(student_client, student, news_bank):
    services.preferences_update(user=student, new_cards_per_day=0)

    response = student_client.post("/study/more/", {"bank": news_bank.pk}, **HX)

    html = response.content.decode()
    assert html.startswith('<div id="study-session"')
    assert response.context["item"].is_new
    assert "10 more new cards for today." in response.context["announce"]


def test_a_bank_with_nothing_left_says_all_done_without_offering_more(
    student_client, student, teacher
):
    bank = QuestionBankFactory(owner=teacher)
    question = QuestionFactory(bank=bank)
    card = services.card_get_or_create(user=student, question=question)
    services.review_record(user=student, card_id=card.pk, rating=4)

    html = student_client.get(f"/study/?bank={bank.pk}").content.decode()

    assert "All done for today" in html
    assert "/study/more/" not in html


def test_study_more_is_post_only(student_client):
    assert student_client.get("/study/more/").status_code == 405


# --- retry the ones I missed ---------------------------------------------------------


def finish_quiz(client, student, bank, *, right: int) -> QuizAttempt:
    client.post("/quiz/", {"bank": bank.pk, "size": 5})
    attempt = QuizAttempt.objects.filter(user=student).first()
    for index, question_id in enumerate(attempt.question_ids):
        question = bank.questions.get(pk=question_id)
        choice = question.choices.filter(is_correct=index < right).first()
        client.post(f"/quiz/{attempt.pk}/answer/", {"question": question_id, "choice": choice.pk})
    client.get(f"/quiz/{attempt.pk}/result/")
    attempt.refresh_from_db()
    return attempt


def test_the_result_offers_to_retry_the_missed_questions(student_client, student, teacher):
    bank, _ = news_bank_build(owner=teacher, with_timeline=False)
    attempt = finish_quiz(student_client, student, bank, right=3)
    html = student_client.get(f"/quiz/{attempt.pk}/result/").content.decode()
    assert "Retry the 2 I missed" in html

    response = student_client.post(f"/quiz/{attempt.pk}/retry/")

    retry = QuizAttempt.objects.get(retry_of=attempt)
    assert response["Location"] == f"/quiz/{retry.pk}/"
    assert sorted(retry.question_ids) == sorted(attempt.question_ids[3:])
    page = student_client.get(response["Location"]).content.decode()
    assert 'Question <span data-testid="quiz-number">1</span> of 2' in page


def test_a_perfect_quiz_offers_no_retry(student_client, student, teacher):
    bank, _ = news_bank_build(owner=teacher, with_timeline=False)
    attempt = finish_quiz(student_client, student, bank, right=5)
    html = student_client.get(f"/quiz/{attempt.pk}/result/").content.decode()
    assert "I missed" not in html

    response = student_client.post(f"/quiz/{attempt.pk}/retry/", follow=True)

    assert "You missed no question in this quiz" in response.content.decode()
    assert not QuizAttempt.objects.filter(retry_of=attempt).exists()


def test_another_students_quiz_cannot_be_retried(client, other_student, student, teacher):
    bank, _ = news_bank_build(owner=teacher, with_timeline=False)
    client.force_login(student)
    attempt = finish_quiz(client, student, bank, right=0)
    client.force_login(other_student)

    assert client.post(f"/quiz/{attempt.pk}/retry/").status_code == 404


# --- suspended cards ---------------------------------------------------------------


def test_suspending_the_card_on_screen_moves_on_to_the_next(student_client, student, news_bank):
    item = student_client.get(f"/study/?bank={news_bank.pk}").context["item"]
    first = Card.objects.get(pk=item.card_row.id)

    response = student_client.post(
        "/study/suspend/", {"card": first.pk, "bank": news_bank.pk}, **HX
    )

    html = response.content.decode()
    assert html.startswith('<div id="study-session"')
    assert response.context["item"].card_row.pk != first.pk
    assert 'data-testid="suspended-note"' in html
    first.refresh_from_db()
    assert first.suspended_at is not None
    later = student_client.get(f"/study/?bank={news_bank.pk}")
    assert first.pk not in [item.card_row.pk for item in later.context["queue"].items]


def test_suspended_cards_are_listed_and_can_be_brought_back(student_client, student, news_bank):
    item = student_client.get(f"/study/?bank={news_bank.pk}").context["item"]
    card = Card.objects.get(pk=item.card_row.id)
    student_client.post("/study/suspend/", {"card": card.pk, "bank": news_bank.pk})
    assert 'href="/cards/suspended/"' in student_client.get("/progress/").content.decode()

    listing = student_client.get("/cards/suspended/").content.decode()
    assert f'data-testid="suspended-{card.pk}"' in listing
    assert card.question.prompt in listing

    response = student_client.post(f"/cards/{card.pk}/unsuspend/", follow=True)

    assert "is back in your study queue" in response.content.decode()
    assert 'data-testid="no-suspended"' in response.content.decode()
    card.refresh_from_db()
    assert card.suspended_at is None


def test_a_student_cannot_suspend_or_bring_back_another_students_card(
    student_client, other_student, news_bank
):
    card = CardFactory(user=other_student, question=news_bank.questions.first())

    assert student_client.post("/study/suspend/", {"card": card.pk}).status_code == 404
    assert student_client.post(f"/cards/{card.pk}/unsuspend/").status_code == 404
    card.refresh_from_db()
    assert card.suspended_at is None
    assert f"suspended-{card.pk}" not in student_client.get("/cards/suspended/").content.decode()


def test_a_quiz_feedback_suspends_the_card_of_its_question(student_client, student, teacher):
    bank, _ = news_bank_build(owner=teacher, with_timeline=False)
    attempt = services.quiz_start(user=student, bank=bank, size=4)
    question = bank.questions.get(pk=attempt.question_ids[0])
    choice = question.choices.first()
    student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": choice.pk}
    )
    feedback = f"/quiz/{attempt.pk}/feedback/{question.pk}/"
    assert "Suspend my card of this question" in student_client.get(feedback).content.decode()

    response = student_client.post(f"/quiz/{attempt.pk}/suspend/", {"question": question.pk})

    assert response["Location"] == feedback
    html = student_client.get(feedback).content.decode()
    assert 'data-testid="card-suspended"' in html
    assert Card.objects.get(user=student, question=question).suspended_at is not None
    # a question outside the quiz: 404, nothing suspended
    other = bank.questions.exclude(pk__in=attempt.question_ids).get()  # 5 in the bank
    response = student_client.post(f"/quiz/{attempt.pk}/suspend/", {"question": other.pk})
    assert response.status_code == 404
    assert not Card.objects.filter(user=student, question=other, suspended_at__isnull=False)


def test_home_says_one_more_waits_in_the_singular(student_client, student, teacher):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory.create_batch(3, bank=bank)
    services.preferences_update(user=student, new_cards_per_day=2)

    html = student_client.get("/").content.decode()

    assert "Today’s limit is 2 new cards; 1 more waits." in html
