"""Quizzes: start, answer (HTMX fragment or plain POST), timelines, result,
past attempts; a student sees only their own attempts."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.utils.html import escape

from learning.models import QuizAnswer, QuizAttempt, ReviewLog
from learning.services import quiz_start
from tests.factories import OrderingQuestionFactory, QuestionBankFactory, QuestionFactory
from tests.web.newsbank import TIMELINE, news_bank_build

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def mc_bank(teacher):
    bank, _ = news_bank_build(owner=teacher, title="Quiz bank", with_timeline=False)
    return bank


@pytest.fixture
def timeline_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, title="Timeline")
    OrderingQuestionFactory(bank=bank, choices=TIMELINE)
    return bank


def current_question(client, attempt):
    return client.get(f"/quiz/{attempt.pk}/").context["question"]


@pytest.mark.django_db
def test_quiz_page_offers_published_banks_and_lengths(student_client, mc_bank, teacher):
    QuestionBankFactory(owner=teacher, title="Secret draft", status="draft")

    html = student_client.get("/quiz/").content.decode()

    assert "Quiz bank (5 questions)" in html
    assert "Secret draft" not in html
    for size in (5, 10, 20):
        assert f'<option value="{size}"' in html


@pytest.mark.django_db
def test_starting_a_quiz_redirects_to_its_first_question(student_client, student, mc_bank):
    response = student_client.post("/quiz/", {"bank": mc_bank.pk, "size": 5})

    attempt = QuizAttempt.objects.get(user=student)
    assert response["Location"] == f"/quiz/{attempt.pk}/"
    assert attempt.size == 5
    page = student_client.get(response["Location"])
    assert 'Question <span data-testid="quiz-number">1</span> of 5' in page.content.decode()


@pytest.mark.django_db
def test_starting_a_quiz_on_a_draft_bank_is_a_form_error(student_client, teacher):
    draft = QuestionBankFactory(owner=teacher, status="draft")

    response = student_client.post("/quiz/", {"bank": draft.pk, "size": 5})

    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_an_odd_length_is_a_form_error(student_client, mc_bank):
    response = student_client.post("/quiz/", {"bank": mc_bank.pk, "size": 7})

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_a_right_answer_with_htmx_shows_the_verdict_and_the_evidence(
    student_client, student, mc_bank
):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    question = current_question(student_client, attempt)
    right = question.choices.get(is_correct=True)

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": right.pk}, **HX
    )

    html = response.content.decode()
    assert html.startswith('<section id="quiz-panel"')
    assert "✓ Right" in html
    assert 'hx-swap-oob="true"' in html
    back = f"%2Fquiz%2F{attempt.pk}%2Ffeedback%2F{question.pk}%2F"
    assert f'href="/articles/{mc_bank.article_id}/?q={question.pk}&amp;next={back}#p-' in html
    assert escape(question.evidence_text) in html
    answer = QuizAnswer.objects.get(attempt=attempt)
    assert answer.is_correct
    assert answer.review.source == "quiz"


@pytest.mark.django_db
def test_a_wrong_answer_without_javascript_redirects_to_feedback_naming_the_right_one(
    student_client, student, mc_bank
):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    question = current_question(student_client, attempt)
    wrong = question.choices.filter(is_correct=False).first()

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": wrong.pk}
    )

    assert response["Location"] == f"/quiz/{attempt.pk}/feedback/{question.pk}/"
    html = student_client.get(response["Location"]).content.decode()
    assert "✗ Not quite" in html
    assert f'{question.answer}\n      <span class="tag">Correct answer</span>' in html
    assert f'{wrong.text}\n      \n      <span class="tag">Your answer</span>' in html
    assert "Next question" in html


@pytest.mark.django_db
def test_checking_without_a_choice_asks_for_one(student_client, student, mc_bank):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    question = current_question(student_client, attempt)

    response = student_client.post(f"/quiz/{attempt.pk}/answer/", {"question": question.pk})

    assert response.status_code == 400
    assert "Choose an answer first." in response.content.decode()
    assert not ReviewLog.objects.exists()


@pytest.mark.django_db
def test_answering_the_same_question_again_shows_the_first_feedback(
    student_client, student, mc_bank
):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    question = current_question(student_client, attempt)
    right = question.choices.get(is_correct=True)
    wrong = question.choices.filter(is_correct=False).first()
    student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": right.pk}
    )

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": wrong.pk}
    )

    assert response["Location"] == f"/quiz/{attempt.pk}/feedback/{question.pk}/"
    assert QuizAnswer.objects.get(attempt=attempt).choice == right


@pytest.mark.django_db
def test_a_whole_quiz_ends_on_the_result_page_with_every_answer_reviewed(
    student_client, student, mc_bank
):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    for number in range(5):
        question = current_question(student_client, attempt)
        choice = question.choices.filter(is_correct=number != 0).first()
        student_client.post(
            f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": choice.pk}
        )

    response = student_client.get(f"/quiz/{attempt.pk}/", follow=True)

    assert response.redirect_chain == [(f"/quiz/{attempt.pk}/result/", 302)]
    html = response.content.decode()
    assert '<p class="score" data-testid="score">4 / 5</p>' in html
    assert "80% right. Great work." in html
    assert html.count('class="panel review-item right"') == 4
    assert html.count('class="panel review-item wrong"') == 1
    assert html.count('<blockquote class="evidence">') == 5
    attempt.refresh_from_db()
    assert attempt.finished_at is not None
    assert attempt.correct_count == 4
    listing = student_client.get("/quiz/").content.decode()
    assert f'<a href="/quiz/{attempt.pk}/result/">4 / 5</a>' in listing


@pytest.mark.django_db
def test_an_unfinished_quiz_has_no_result_yet(student_client, student, mc_bank):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)

    response = student_client.get(f"/quiz/{attempt.pk}/result/")

    assert response["Location"] == f"/quiz/{attempt.pk}/"


@pytest.mark.django_db
def test_timeline_up_and_down_buttons_work_without_javascript(
    student_client, student, timeline_bank
):
    attempt = quiz_start(user=student, bank=timeline_bank, size=5)
    page = student_client.get(f"/quiz/{attempt.pk}/")
    question = page.context["question"]
    shown = [choice.pk for choice in page.context["ordered"]]
    assert len(shown) == 3
    assert sorted(shown) == sorted(c.pk for c in question.choices.all())
    assert "data-drag-handle" in page.content.decode()

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/",
        {"question": question.pk, "order": shown, "move": f"down:{shown[0]}"},
    )

    assert response.status_code == 200
    assert [choice.pk for choice in response.context["ordered"]] == [shown[1], shown[0], shown[2]]
    assert not QuizAnswer.objects.exists()


@pytest.mark.django_db
def test_timeline_in_the_right_order_is_right(student_client, student, timeline_bank):
    attempt = quiz_start(user=student, bank=timeline_bank, size=5)
    question = current_question(student_client, attempt)
    right_order = [c.pk for c in question.choices.order_by("position")]

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "order": right_order}, **HX
    )

    assert "✓ Right" in response.content.decode()
    assert "See your score" in response.content.decode()
    assert QuizAnswer.objects.get(attempt=attempt).given_order == right_order


@pytest.mark.django_db
def test_timeline_in_a_wrong_order_shows_the_right_order(student_client, student, timeline_bank):
    attempt = quiz_start(user=student, bank=timeline_bank, size=5)
    question = current_question(student_client, attempt)
    reversed_order = [c.pk for c in question.choices.order_by("-position")]

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "order": reversed_order}, **HX
    )

    html = response.content.decode()
    assert "✗ Not quite" in html
    assert "The right order" in html
    assert html.index(f"1. {TIMELINE[0]}") < html.index(f"3. {TIMELINE[2]}")


@pytest.mark.django_db
def test_a_timeline_missing_items_is_refused(student_client, student, timeline_bank):
    attempt = quiz_start(user=student, bank=timeline_bank, size=5)
    question = current_question(student_client, attempt)

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/",
        {"question": question.pk, "order": [question.choices.first().pk]},
    )

    assert response.status_code == 400
    assert "Put every event in the list in order" in response.content.decode()
    assert not QuizAnswer.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/quiz/{id}/", "/quiz/{id}/result/", "/quiz/{id}/feedback/{question}/"]
)
def test_another_students_attempt_is_not_found(student_client, other_student, mc_bank, path):
    theirs = quiz_start(user=other_student, bank=mc_bank, size=5)

    response = student_client.get(path.format(id=theirs.pk, question=theirs.question_ids[0]))

    assert response.status_code == 404


@pytest.mark.django_db
def test_answering_in_another_students_attempt_is_not_found(student_client, other_student, mc_bank):
    theirs = quiz_start(user=other_student, bank=mc_bank, size=5)
    question = mc_bank.questions.get(pk=theirs.question_ids[0])

    response = student_client.post(
        f"/quiz/{theirs.pk}/answer/",
        {"question": question.pk, "choice": question.choices.first().pk},
    )

    assert response.status_code == 404
    assert not QuizAnswer.objects.exists()


@pytest.mark.django_db
def test_past_attempts_list_only_the_students_own(student_client, student, other_student, mc_bank):
    mine = quiz_start(user=student, bank=mc_bank, size=5)
    theirs = quiz_start(user=other_student, bank=mc_bank, size=5)

    html = student_client.get("/quiz/").content.decode()

    assert f'href="/quiz/{mine.pk}/"' in html
    assert f'href="/quiz/{theirs.pk}/' not in html


@pytest.mark.django_db
def test_quiz_pages_render_in_a_fixed_number_of_queries(
    student_client, student, mc_bank, teacher, django_assert_num_queries
):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    with django_assert_num_queries(5):  # user, attempt, answered, question, choices
        student_client.get(f"/quiz/{attempt.pk}/")
    for _ in range(5):
        question = current_question(student_client, attempt)
        student_client.post(
            f"/quiz/{attempt.pk}/answer/",
            {"question": question.pk, "choice": question.choices.first().pk},
        )
    student_client.get(f"/quiz/{attempt.pk}/result/")
    with django_assert_num_queries(4):  # the attempt brings its article (session, user cached)
        student_client.get(f"/quiz/{attempt.pk}/result/")
    with django_assert_num_queries(2):  # banks, attempts (the session and user from the cache)
        student_client.get("/quiz/")
    other, _ = news_bank_build(owner=teacher, title="Another", with_timeline=False)
    quiz_start(user=student, bank=other, size=5)
    with django_assert_num_queries(2):
        student_client.get("/quiz/")


@pytest.mark.django_db
def test_a_cloze_question_offers_its_choices_and_is_graded_by_text(
    student_client, student, teacher
):
    bank = QuestionBankFactory(owner=teacher, title="Cloze")
    QuestionFactory(
        bank=bank,
        kind="cloze",
        prompt="The summit was held in _____.",
        answer="Tashkent",
        choices=["Tashkent", "Astana", "Moscow"],
    )
    attempt = quiz_start(user=student, bank=bank, size=5)
    page = student_client.get(f"/quiz/{attempt.pk}/").content.decode()
    assert '<input type="radio" name="text" value="Astana" required>' in page

    response = student_client.post(
        f"/quiz/{attempt.pk}/answer/",
        {"question": attempt.question_ids[0], "text": "Astana"},
        **HX,
    )

    html = response.content.decode()
    assert "✗ Not quite" in html
    assert 'Tashkent <span class="tag">Correct answer</span>' in html
    assert QuizAnswer.objects.get(attempt=attempt).given_text == "Astana"


@pytest.mark.django_db
def test_a_question_deleted_during_the_quiz_is_skipped(student_client, student, mc_bank):
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    mc_bank.questions.filter(pk__in=attempt.question_ids[:4]).delete()

    page = student_client.get(f"/quiz/{attempt.pk}/")
    assert page.context["question"].pk == attempt.question_ids[4]
    question = page.context["question"]
    student_client.post(
        f"/quiz/{attempt.pk}/answer/",
        {"question": question.pk, "choice": question.choices.get(is_correct=True).pk},
    )

    response = student_client.get(f"/quiz/{attempt.pk}/", follow=True)

    assert response.redirect_chain == [(f"/quiz/{attempt.pk}/result/", 302)]
    assert '<p class="score" data-testid="score">1 / 5</p>' in response.content.decode()


@pytest.mark.django_db
def test_quiz_questions_show_the_articles_date_that_relative_dates_count_from(
    student_client, mc_bank
):
    """'When' answers count from the article's day ('last Tuesday'): the quiz names that day."""
    mc_bank.article.published_on = datetime.date(2020, 5, 9)
    mc_bank.article.save(update_fields=["published_on"])
    start = student_client.post("/quiz/", {"bank": mc_bank.pk, "size": 5})

    html = student_client.get(start["Location"]).content.decode()

    assert 'from the article of <time datetime="2020-05-09"' in html
    assert "Saturday 9 May 2020" in html


@pytest.mark.django_db
def test_quiz_of_an_undated_article_names_no_date(student_client, mc_bank):
    start = student_client.post("/quiz/", {"bank": mc_bank.pk, "size": 5})

    html = student_client.get(start["Location"]).content.decode()

    assert "from the article of" not in html


@pytest.mark.django_db
def test_the_article_opened_from_the_quiz_leads_back_to_it(student_client, student, mc_bank):
    """ "Read the paragraph" on a feedback and "Read it in the article" on the
    result: the article's first link goes back to that feedback or result."""
    attempt = quiz_start(user=student, bank=mc_bank, size=5)
    first = current_question(student_client, attempt)
    for _ in range(5):
        question = current_question(student_client, attempt)
        right = question.choices.get(is_correct=True)
        student_client.post(
            f"/quiz/{attempt.pk}/answer/", {"question": question.pk, "choice": right.pk}
        )
    feedback_url = f"/quiz/{attempt.pk}/feedback/{first.pk}/"
    result_url = f"/quiz/{attempt.pk}/result/"

    for page_url in (feedback_url, result_url):
        html = student_client.get(page_url).content.decode()
        link = re.search(rf'href="(/articles/{mc_bank.article_id}/\?q={first.pk}&amp;[^"]+)"', html)
        article = student_client.get(unescape(link.group(1))).content.decode()
        assert f'<a href="{page_url}" data-testid="back">&larr; Back to the quiz</a>' in article


@pytest.mark.django_db
def test_the_article_leads_back_to_study_and_to_no_other_site(student_client, news_bank):
    article = f"/articles/{news_bank.article_id}/"

    html = student_client.get(article, {"next": f"/study/?bank={news_bank.pk}"}).content.decode()
    assert (
        f'<a href="/study/?bank={news_bank.pk}" data-testid="back">&larr; Back to study</a>' in html
    )
    html = student_client.get(article, {"next": "https://example.com/quiz/"}).content.decode()
    assert 'data-testid="back"' not in html
