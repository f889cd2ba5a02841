"""The study session: reveal, rate (HTMX fragment or plain POST), undo, done."""

from __future__ import annotations

import uuid

import pytest

from learning.models import Card, ReviewLog, ReviewUndo
from tests.factories import CardFactory, QuestionBankFactory
from tests.web.newsbank import news_bank_build

HX = {"HTTP_HX_REQUEST": "true"}


def first_card(client, bank) -> Card:
    response = client.get(f"/study/?bank={bank.pk}")
    return Card.objects.get(pk=response.context["item"].card_row.id)


@pytest.mark.django_db
def test_study_page_shows_the_prompt_the_hidden_answer_and_four_ratings(student_client, news_bank):
    response = student_client.get(f"/study/?bank={news_bank.pk}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Who said: “We will build new roads”?" in html
    assert '<details class="reveal" data-reveal>' in html
    assert 'Show answer <kbd class="keys-hint">Space</kbd>' in html
    for value, name in ((1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")):
        assert f'name="rating" value="{value}"' in html
        assert f"<span>{name}</span>" in html
    assert '<span class="interval">10m</span>' in html  # Good on a new card: the 10-minute step
    assert '<span data-testid="remaining">6</span> left' in html


@pytest.mark.django_db
def test_the_answer_comes_with_its_evidence_sentence_and_a_link_to_the_paragraph(
    student_client, news_bank
):
    html = student_client.get(f"/study/?bank={news_bank.pk}").content.decode()

    assert '<span class="visually-hidden">Answer: </span>Jane Doe</p>' in html
    assert "<p>&quot;We will build new roads,&quot; said Jane Doe, a senior fellow.</p>" in html
    question = news_bank.questions.get(answer="Jane Doe")
    back = f"%2Fstudy%2F%3Fbank%3D{news_bank.pk}"
    assert f'href="/articles/{news_bank.article_id}/?q={question.pk}&amp;next={back}#p-2"' in html


@pytest.mark.django_db
def test_rating_without_javascript_records_the_review_and_redirects(
    student_client, student, news_bank
):
    card = first_card(student_client, news_bank)

    response = student_client.post(
        "/study/rate/",
        {"card": card.pk, "rating": 3, "bank": news_bank.pk, "client_uuid": str(uuid.uuid4())},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/study/?bank={news_bank.pk}"
    log = ReviewLog.objects.get(user=student)
    assert (log.card_id, log.rating, log.source) == (card.pk, 3, "flashcard")
    page = student_client.get(response["Location"])
    assert page.context["remaining"] == 5
    assert page.context["done"] == 1


@pytest.mark.django_db
def test_rating_with_htmx_returns_the_next_card_fragment(student_client, news_bank):
    card = first_card(student_client, news_bank)

    response = student_client.post(
        "/study/rate/", {"card": card.pk, "rating": 4, "bank": news_bank.pk}, **HX
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div id="study-session"')
    assert "<html" not in html
    assert "Rated Easy. Next card: " in html
    assert response.context["item"].card_row.pk != card.pk
    assert response.context["remaining"] == 5


@pytest.mark.django_db
def test_the_same_rating_posted_twice_is_recorded_once(student_client, student, news_bank):
    card = first_card(student_client, news_bank)
    data = {"card": card.pk, "rating": 3, "bank": news_bank.pk, "client_uuid": str(uuid.uuid4())}

    student_client.post("/study/rate/", data, **HX)
    response = student_client.post("/study/rate/", data, **HX)

    assert ReviewLog.objects.filter(user=student).count() == 1
    assert response.context["done"] == 1


@pytest.mark.django_db
def test_a_bad_rating_is_refused_with_a_message_and_nothing_written(
    student_client, student, news_bank
):
    card = first_card(student_client, news_bank)

    response = student_client.post(
        "/study/rate/", {"card": card.pk, "rating": 7, "bank": news_bank.pk}, **HX
    )

    assert response.status_code == 200
    assert "Choose one of Again, Hard, Good or Easy." in response.content.decode()
    assert response.context["item"].card_row.pk == card.pk  # the same card stays
    assert not ReviewLog.objects.exists()


@pytest.mark.django_db
def test_rating_another_students_card_is_a_404(student_client, other_student, news_bank):
    theirs = CardFactory(user=other_student, question=news_bank.questions.first())

    response = student_client.post("/study/rate/", {"card": theirs.pk, "rating": 3})

    assert response.status_code == 404
    assert not ReviewLog.objects.exists()


@pytest.mark.django_db
def test_undo_puts_the_last_card_back(student_client, student, news_bank):
    card = first_card(student_client, news_bank)
    student_client.post("/study/rate/", {"card": card.pk, "rating": 3, "bank": news_bank.pk}, **HX)

    response = student_client.post("/study/undo/", {"bank": news_bank.pk}, **HX)

    assert "Undone. The card is back." in response.content.decode()
    assert response.context["item"].card_row.pk == card.pk
    assert response.context["remaining"] == 6
    assert ReviewUndo.objects.filter(log__card=card).exists()
    card.refresh_from_db()
    assert card.state == 0
    assert card.reps == 0


@pytest.mark.django_db
def test_undo_without_javascript_redirects_to_the_restored_card(student_client, news_bank):
    card = first_card(student_client, news_bank)
    student_client.post("/study/rate/", {"card": card.pk, "rating": 1, "bank": news_bank.pk})

    response = student_client.post("/study/undo/", {"bank": news_bank.pk})

    assert response["Location"] == f"/study/?bank={news_bank.pk}&card={card.pk}"


@pytest.mark.django_db
def test_undo_with_nothing_to_undo_says_so(student_client, news_bank):
    response = student_client.post("/study/undo/", {"bank": news_bank.pk}, follow=True)

    assert "Nothing to undo." in response.content.decode()


@pytest.mark.django_db
def test_when_everything_is_studied_the_page_says_all_done_and_what_comes_tomorrow(
    student_client, student, teacher
):
    bank, questions = news_bank_build(owner=teacher, with_timeline=False)
    card = first_card(student_client, bank)
    for _ in range(5):
        student_client.post("/study/rate/", {"card": card.pk, "rating": 4, "bank": bank.pk})
        card = student_client.get(f"/study/?bank={bank.pk}").context["item"]
        card = card.card_row if card else None
    response = student_client.get(f"/study/?bank={bank.pk}")

    html = response.content.decode()
    assert "All done for today" in html
    assert response.context["remaining"] == 0
    assert "You reviewed 5 cards in this session." in html
    assert "Take a quiz" in html
    assert Card.objects.filter(user=student, state=2).count() == 5


@pytest.mark.django_db
def test_a_draft_bank_cannot_be_studied(student_client, teacher):
    draft = QuestionBankFactory(owner=teacher, status="draft")

    assert student_client.get(f"/study/?bank={draft.pk}").status_code == 404
    assert student_client.get("/study/?bank=abc").status_code == 404


@pytest.mark.django_db
def test_study_page_queries_do_not_grow_with_the_data(
    student_client, student, teacher, django_assert_num_queries, queries_of
):
    bank, _ = news_bank_build(owner=teacher)
    student_client.get(f"/study/?bank={bank.pk}")  # creates the new cards once
    baseline = queries_of(lambda: student_client.get(f"/study/?bank={bank.pk}"))
    assert baseline <= 7  # (a flashcard shows no choices: none are read)

    for title in ("More news", "Even more news"):
        more, _ = news_bank_build(owner=teacher, title=title)
        student_client.get(f"/study/?bank={more.pk}")
    with django_assert_num_queries(baseline):
        student_client.get(f"/study/?bank={bank.pk}")


@pytest.mark.django_db
def test_rating_queries_are_a_fixed_number(student_client, news_bank, django_assert_num_queries):
    card = first_card(student_client, news_bank)
    second = (
        student_client.post(
            "/study/rate/", {"card": card.pk, "rating": 3, "bank": news_bank.pk}, **HX
        )
        .context["item"]
        .card_row
    )

    # (the review adds to its study day and bank tally; the next card reads which facts
    # were studied today)
    with django_assert_num_queries(16):  # (the session and the user from the cache)
        student_client.post(
            "/study/rate/", {"card": second.pk, "rating": 3, "bank": news_bank.pk}, **HX
        )


@pytest.mark.django_db
def test_an_htmx_rating_after_the_session_expired_sends_the_browser_to_log_in(client, news_bank):
    response = client.post(
        "/study/rate/",
        {"card": 1, "rating": 3},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver/study/?bank={news_bank.pk}",
    )

    assert response["HX-Redirect"] == f"/accounts/login/?next=/study/%3Fbank%3D{news_bank.pk}"
    assert not ReviewLog.objects.exists()


@pytest.mark.django_db
def test_undo_never_undoes_a_quiz_answer_given_since(student_client, student, news_bank):
    from learning.services import quiz_answer, quiz_start

    card = first_card(student_client, news_bank)
    student_client.post("/study/rate/", {"card": card.pk, "rating": 3, "bank": news_bank.pk})
    attempt = quiz_start(user=student, bank=news_bank, size=1)
    question = news_bank.questions.get(pk=attempt.question_ids[0])
    quiz_answer(
        user=student,
        attempt=attempt,
        question_id=question.pk,
        choice_id=question.choices.first().pk,
        order=[c.pk for c in question.choices.all()],
    )

    response = student_client.post("/study/undo/", {"bank": news_bank.pk}, **HX)

    assert "Nothing to undo." in response.content.decode()
    assert not ReviewUndo.objects.exists()
    assert 'data-testid="undo"' not in response.content.decode()
