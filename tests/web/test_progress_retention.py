"""Progress shows one retention: the panel, the chart and the weekly table count
the same answers (those to cards that came back due) the same way."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.models import Card
from learning.services import card_get_or_create, quiz_answer, quiz_start, review_record
from quizzes.models import Choice
from tests.factories import QuestionBankFactory, QuestionFactory, cards_update

pytestmark = pytest.mark.django_db


def test_the_panel_and_the_table_agree(student_client, student, news_bank):
    """Three Again presses while learning and one missed review among four: the
    panel and this week's table row both say 3 of 4 due reviews remembered."""
    now = timezone.now()
    questions = list(news_bank.questions.all()[:5])
    for question in questions[:4]:  # four cards that came back due, one forgotten
        card = card_get_or_create(user=student, question=question)
        cards_update(
            [card],
            state=2,
            stability=10.0,
            difficulty=5.0,
            step=None,
            reps=3,
            due=now - timedelta(hours=1),
            last_review=now - timedelta(days=10),
        )
    for index, question in enumerate(questions[:4]):
        card = Card.objects.get(user=student, question=question)
        review_record(user=student, card_id=card.pk, rating=1 if index == 0 else 3)
    learning = card_get_or_create(user=student, question=questions[4])
    for _ in range(3):  # Again on a new / learning card: not a review of something learnt
        review_record(user=student, card_id=learning.pk, rating=1)

    html = student_client.get("/progress/").content.decode()

    panel = re.search(r'data-testid="retention-panel">(.*?)</p>', html, re.S).group(1)
    assert "Last 7 days: 75% of 4 due reviews" in " ".join(panel.split())
    rows = re.findall(
        r"<tr><td>[\d-]+</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>"
        r"<td class=\"num\">([^<]+)</td></tr>",
        re.search(r'data-testid="retention-table">(.*?)</tbody>', html, re.S).group(1),
    )
    assert rows[-1] == ("7", "4", "75%")  # this week: 7 answers, 4 due reviews, 75 %
    assert all(row == ("0", "0", "–") for row in rows[:-1])


def test_again_presses_and_missed_quiz_questions_on_new_cards_are_no_due_reviews(
    student_client, student, teacher
):
    """The issue's student: Again three times on a new card and three quiz questions
    missed, nothing ever due. The panel and every figure of the table say there is
    no retention yet, while the table counts the six answers."""
    bank = QuestionBankFactory(owner=teacher, title="Fresh")
    questions = QuestionFactory.create_batch(4, bank=bank)
    card = card_get_or_create(user=student, question=questions[0])
    for _ in range(3):
        review_record(user=student, card_id=card.pk, rating=1)
    attempt = quiz_start(user=student, bank=bank, size=4)
    for question_id in [pk for pk in attempt.question_ids if pk != questions[0].pk][:3]:
        wrong = Choice.objects.filter(question_id=question_id, is_correct=False).first()
        quiz_answer(user=student, attempt=attempt, question_id=question_id, choice_id=wrong.pk)

    html = student_client.get("/progress/").content.decode()

    panel = " ".join(
        re.search(r'data-testid="retention-panel">(.*?)</p>', html, re.S).group(1).split()
    )
    assert "Last 7 days: no due reviews yet" in panel
    assert "last 30 days: no due reviews yet" in panel
    rows = re.findall(
        r"<tr><td>[\d-]+</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>"
        r"<td class=\"num\">([^<]+)</td></tr>",
        re.search(r'data-testid="retention-table">(.*?)</tbody>', html, re.S).group(1),
    )
    assert rows[-1] == ("6", "0", "–")  # this week: 6 answers, none of them a due review
    assert "Retention appears once you have reviewed cards that came back due." in html
