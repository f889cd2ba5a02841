"""Home, article, progress and preferences pages."""

from __future__ import annotations

import pytest

from learning.models import StudyPreferences
from learning.services import card_get_or_create, review_record
from tests.factories import ArticleFactory, QuestionBankFactory, QuestionFactory
from tests.web.newsbank import news_bank_build

SCRIPT = "<script>window.__xss = 1</script>"


# Home ---------------------------------------------------------------------


@pytest.mark.django_db
def test_home_lists_published_banks_with_due_and_new_counts(
    student_client, student, news_bank, teacher
):
    QuestionBankFactory(owner=teacher, title="Unpublished bank", status="draft")
    card = card_get_or_create(user=student, question=news_bank.questions.first())
    review_record(user=student, card_id=card.pk, rating=1)

    response = student_client.get("/")

    html = response.content.decode()
    assert "Central Asia news" in html
    assert "Unpublished bank" not in html
    row = response.context["rows"][0]
    assert row["stats"]["new"] == 5
    assert '<li class="pill pill-new">5 new</li>' in html
    assert f'href="/study/?bank={news_bank.pk}"' in html
    assert 'data-testid="reviewed-today">1<' in html
    assert "Study now" in html


@pytest.mark.django_db
def test_home_without_banks_says_so(student_client):
    html = student_client.get("/").content.decode()

    assert "No question banks are published yet." in html
    assert "Study now" not in html


@pytest.mark.django_db
def test_home_renders_in_a_fixed_number_of_queries(
    student_client, student, teacher, django_assert_num_queries, queries_of
):
    bank, questions = news_bank_build(owner=teacher)
    card = card_get_or_create(user=student, question=questions[0])
    review_record(user=student, card_id=card.pk, rating=3)
    student_client.get("/")  # (the user's row read once, then from the cache)
    baseline = queries_of(lambda: student_client.get("/"))
    # (the session and the user from the cache) banks (with their question counts), progress_home (preferences,
    # the tallies of the published banks, today's due cards per bank, the study days
    # of the streak's window, the due cards of unpublished questions), assignments
    # (none: no figures read for them)
    assert baseline == 7

    for title in ("Second", "Third"):
        more, more_questions = news_bank_build(owner=teacher, title=title)
        for question in more_questions[:3]:
            card = card_get_or_create(user=student, question=question)
            review_record(user=student, card_id=card.pk, rating=3)
    with django_assert_num_queries(baseline):
        response = student_client.get("/")
    assert len(response.context["rows"]) == 3


# Article ------------------------------------------------------------------


@pytest.mark.django_db
def test_article_highlights_the_evidence_with_an_anchor_per_paragraph(student_client, news_bank):
    question = news_bank.questions.get(answer="1991")

    response = student_client.get(f"/articles/{news_bank.article_id}/?q={question.pk}")

    html = response.content.decode()
    assert html.count("<mark") == 5 + 1  # five evidence sentences and the legend
    assert '<p id="p-0">' in html
    assert '<p id="p-6">' in html
    assert (
        f'<mark class="current" data-questions="{question.pk}">'
        "Kazakhstan became independent when the USSR dissolved in 1991.</mark>"
    ) in html


@pytest.mark.django_db
def test_article_text_is_shown_as_text_never_run(student_client, teacher):
    article = ArticleFactory(text=f"Breaking {SCRIPT} news.\nSecond paragraph.\n")
    bank = QuestionBankFactory(owner=teacher, article=article)
    QuestionFactory(bank=bank, evidence_start=0, evidence_end=len(f"Breaking {SCRIPT} news."))

    html = student_client.get(f"/articles/{article.pk}/").content.decode()

    assert SCRIPT not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html


@pytest.mark.django_db
def test_an_article_without_a_published_bank_is_not_found(student_client, teacher):
    article = ArticleFactory()
    QuestionBankFactory(owner=teacher, article=article, status="draft")

    assert student_client.get(f"/articles/{article.pk}/").status_code == 404


@pytest.mark.django_db
def test_article_page_queries(student_client, news_bank, teacher, django_assert_num_queries):
    # (the session from the cache) user, article, evidence spans, the article's banks
    # (quiz/study links); then the user from the cache too
    with django_assert_num_queries(4):
        student_client.get(f"/articles/{news_bank.article_id}/")
    QuestionBankFactory(owner=teacher, article=news_bank.article, title="Same article again")
    with django_assert_num_queries(3):
        html = student_client.get(f"/articles/{news_bank.article_id}/").content.decode()
    assert html.count('data-testid="article-bank"') == 2
    assert f'href="/quiz/?bank={news_bank.pk}"' in html


@pytest.mark.django_db
def test_an_unfinished_quiz_can_be_discarded_its_answers_staying_reviews(
    student_client, student, news_bank
):
    from learning.models import QuizAttempt, ReviewLog
    from learning.services import quiz_answer, quiz_start

    attempt = quiz_start(user=student, bank=news_bank, size=5)
    question = news_bank.questions.filter(
        pk__in=attempt.question_ids, choices__is_correct=True
    ).first()
    quiz_answer(
        user=student,
        attempt=attempt,
        question_id=question.pk,
        choice_id=question.choices.filter(is_correct=True).get().pk,
    )
    listing = student_client.get("/quiz/").content.decode()
    assert f'action="/quiz/{attempt.pk}/discard/"' in listing

    response = student_client.post(f"/quiz/{attempt.pk}/discard/", follow=True)

    assert "Quiz discarded." in response.content.decode()
    assert not QuizAttempt.objects.filter(pk=attempt.pk).exists()
    assert ReviewLog.objects.filter(user=student).count() == 1


@pytest.mark.django_db
def test_another_students_quiz_cannot_be_discarded(client, student, other_student, news_bank):
    from learning.models import QuizAttempt
    from learning.services import quiz_start

    attempt = quiz_start(user=student, bank=news_bank, size=5)
    client.force_login(other_student)

    assert client.post(f"/quiz/{attempt.pk}/discard/").status_code == 404
    assert QuizAttempt.objects.filter(pk=attempt.pk).exists()


# Progress -----------------------------------------------------------------


@pytest.mark.django_db
def test_progress_shows_today_charts_and_their_tables(student_client, student, news_bank):
    for question in news_bank.questions.all()[:3]:
        card = card_get_or_create(user=student, question=question)
        review_record(user=student, card_id=card.pk, rating=4)

    response = student_client.get("/progress/")

    html = response.content.decode()
    assert 'data-testid="reviewed-today">3<' in html
    assert 'data-testid="streak">1 day<' in html
    for chart in ("heatmap", "forecast", "retention"):
        assert f'data-testid="{chart}"' in html
    busiest = [cell for cell in response.context["heatmap"].cells if cell.level == 4]
    assert [cell.count for cell in busiest] == [3]  # today, the busiest day
    assert "Days with reviews (table)" in html
    assert '<td class="num">3</td>' in html
    assert "Central Asia news" in response.context["mastery"][0].title
    assert 'role="img"' in html
    assert "<desc id=" in html


@pytest.mark.django_db
def test_progress_of_a_new_student_is_empty_but_fine(student_client):
    response = student_client.get("/progress/")

    assert response.status_code == 200
    assert "No reviews yet." in response.content.decode()


@pytest.mark.django_db
def test_progress_renders_in_a_fixed_number_of_queries(
    student_client, student, teacher, django_assert_num_queries, queries_of
):
    bank, questions = news_bank_build(owner=teacher)
    for question in questions[:2]:
        card = card_get_or_create(user=student, question=question)
        review_record(user=student, card_id=card.pk, rating=3)
    student_client.get("/progress/")  # the first visit stores default preferences
    baseline = queries_of(lambda: student_client.get("/progress/"))
    assert baseline <= 20
    more, more_questions = news_bank_build(owner=teacher, title="More")
    for question in more_questions:
        card = card_get_or_create(user=student, question=question)
        review_record(user=student, card_id=card.pk, rating=2)
    with django_assert_num_queries(baseline):
        student_client.get("/progress/")


# Preferences --------------------------------------------------------------


@pytest.mark.django_db
def test_preferences_form_shows_current_values_and_every_time_zone(student_client):
    html = student_client.get("/preferences/").content.decode()

    assert 'name="desired_retention" value="90"' in html  # a percentage
    assert "Desired retention (%)" in html
    assert 'name="new_cards_per_day" value="20"' in html
    assert '<option value="Asia/Almaty">Asia/Almaty</option>' in html
    assert '<option value="UTC" selected>UTC</option>' in html


@pytest.mark.django_db
def test_preferences_are_saved(student_client, student):
    response = student_client.post(
        "/preferences/",
        {"desired_retention": "85", "new_cards_per_day": "5", "time_zone": "Asia/Almaty"},
        follow=True,
    )

    assert "Preferences saved." in response.content.decode()
    prefs = StudyPreferences.objects.get(user=student)
    assert (prefs.desired_retention, prefs.new_cards_per_day, prefs.time_zone) == (
        0.85,
        5,
        "Asia/Almaty",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("desired_retention", "50", "greater than or equal to 70"),
        ("desired_retention", "0.9", "Enter a whole number."),
        ("desired_retention", "much", "Enter a whole number."),
        ("new_cards_per_day", "-1", "greater than or equal to 0"),
        ("time_zone", "Mars/Olympus", "Select a valid choice."),
    ],
)
def test_bad_preferences_are_refused_naming_the_field(
    student_client, student, field, value, message
):
    data = {"desired_retention": "90", "new_cards_per_day": "20", "time_zone": "UTC"}
    data[field] = value

    response = student_client.post("/preferences/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert f'id="id_{field}_error"' in response.content.decode()
    prefs = StudyPreferences.objects.get(user=student)
    assert (prefs.desired_retention, prefs.new_cards_per_day, prefs.time_zone) == (
        0.9,
        20,
        "UTC",
    )


@pytest.mark.django_db
def test_times_are_shown_in_the_students_time_zone(student_client, student, news_bank):
    from zoneinfo import ZoneInfo

    from learning.services import quiz_start

    attempt = quiz_start(user=student, bank=news_bank, size=5)
    student_client.post(
        "/preferences/",
        {"desired_retention": "90", "new_cards_per_day": "20", "time_zone": "Asia/Almaty"},
    )

    html = student_client.get("/quiz/").content.decode()

    local = attempt.started_at.astimezone(ZoneInfo("Asia/Almaty"))
    assert f">{local.day} {local:%b, %H:%M}</time>" in html


def test_signing_in_keeps_the_students_time_zone_for_the_pages(client, student, news_bank):
    """The zone is read at sign-in into the new session: the first page neither reads
    it from the preferences nor writes the session for it, and shows times in it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import PASSWORD, StudyPreferencesFactory

    StudyPreferencesFactory(user=student, time_zone="Asia/Almaty")
    client.post("/accounts/login/", {"username": student.username, "password": PASSWORD})
    assert client.session["web_time_zone"] == "Asia/Almaty"
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    statements = [query["sql"] for query in queries.captured_queries]
    assert not any(
        sql.startswith('SELECT "learning_studypreferences"."time_zone"') for sql in statements
    )
    assert not any(sql.startswith('UPDATE "django_session"') for sql in statements)


def test_a_student_without_preferences_signs_in_to_utc(client, student):
    client.force_login(student)
    assert client.session["web_time_zone"] == "UTC"
