"""Issue 13, the student's side, in Chromium: "Assigned to you" comes first on the
home page (due date, status, a link straight into study), and "Study now" starts
with the due reviews of the assigned bank, before more overdue cards of another
bank. axe-core at 1280 and 375 px; screenshots."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from learning import services
from tests.e2e.axe import axe_violations
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import (
    AssignmentFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    TeacherFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def reviewed_long_ago(student, questions, days: int) -> None:
    """These questions' cards answered Easy `days` ago: review cards, overdue today."""
    with time_machine.travel(timezone.now() - timedelta(days=days), tick=False):
        for question in questions:
            card = services.card_get_or_create(user=student, question=question)
            services.review_record(user=student, card_id=card.pk, rating=4)


def test_the_assigned_bank_comes_first_on_home_and_in_study(
    page, live_server, log_in, shoot, console_problems
):
    teacher = TeacherFactory(username="ms_khan")
    older = QuestionBankFactory(owner=teacher, title="Archive: last month")
    for n in range(3):
        QuestionFactory(bank=older, prompt=f"From the archive, who said line {n}?", position=n)
    homework = QuestionBankFactory(owner=teacher, title="This week: Tashkent summit")
    for n in range(3):
        QuestionFactory(bank=homework, prompt=f"This week, who said line {n}?", position=n)
    student = UserFactory(username="nadia")
    services.preferences_update(user=student, new_cards_per_day=0)
    reviewed_long_ago(student, older.questions.all(), 90)  # far more overdue...
    reviewed_long_ago(student, homework.questions.order_by("position")[:2], 20)  # than these
    membership = MembershipFactory(student=student, classroom__teacher=teacher)
    AssignmentFactory(
        classroom=membership.classroom,
        bank=homework,
        quiz_length=None,
        pass_mark=None,
        all_cards=True,
        due_at=timezone.now() + timedelta(days=3),
    )
    log_in(page, student)

    page.goto(f"{live_server.url}/")
    assigned = page.get_by_test_id("assigned")
    banks = page.get_by_role("heading", name="Question banks")
    assert assigned.bounding_box()["y"] < banks.bounding_box()["y"]
    expect(assigned.get_by_role("heading", level=3)).to_have_text("This week: Tashkent summit")
    expect(assigned.get_by_test_id("assignment-status")).to_have_text("In progress")
    expect(assigned).to_contain_text("Cards studied: 2 / 3")
    expect(assigned.locator("time")).to_have_count(1)
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        assert axe_violations(page) == []
    page.set_viewport_size(DESKTOP)
    shoot("home-assigned-first")

    page.get_by_test_id("study-all").click()  # every bank, the assigned one first
    expect(page.locator(".count-review")).to_have_text("5 review")
    seen = []
    for _ in range(5):
        seen.append(page.get_by_test_id("prompt").inner_text())
        if len(seen) == 1:
            shoot("study-assigned-first")
        expect(page.locator("html[data-keys=live]")).to_be_attached()
        page.keyboard.press("Space")
        page.keyboard.press("3")
        expect(page.get_by_text(seen[-1], exact=True)).to_have_count(0)
    assert [text.startswith("This week") for text in seen] == [True, True, False, False, False]

    page.goto(f"{live_server.url}/")
    page.get_by_test_id("assigned").get_by_role("link", name="Study This week").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This week: Tashkent summit")
    assert console_problems == []
