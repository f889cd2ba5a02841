"""Issue 17, items 4 and 6, in Chromium: the daily new-card limit said as such with
"Study 10 more"; "Retry the N I missed" after a quiz; a card suspended from the
study session, found under Suspended cards and brought back. axe-core (serious or
critical: none) and screenshots at desktop size and on a 375 px phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from learning import services
from tests.e2e.axe import axe_violations
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import QuestionBankFactory, QuestionFactory, UserFactory
from tests.web.newsbank import news_bank_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def check_both_sizes(page, shoot, name: str) -> None:
    """axe at desktop size and on a phone, then the two screenshots."""
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        assert axe_violations(page) == [], name
    page.set_viewport_size(DESKTOP)
    shoot(name)


def test_study_ten_more_once_the_daily_limit_is_reached(
    page, live_server, log_in, shoot, console_problems
):
    bank = QuestionBankFactory(owner=UserFactory(username="editor", is_staff=True), title="Daily")
    for n in range(14):
        QuestionFactory(bank=bank, prompt=f"Who said line number {n}?", position=n)
    student = UserFactory(username="nadia")
    services.preferences_update(user=student, new_cards_per_day=2)
    log_in(page, student)

    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("home-summary")).to_contain_text("0 due and 2 new cards for today.")
    expect(page.get_by_test_id("home-limit")).to_have_text(
        "Today’s limit is 2 new cards; 12 more wait."
    )
    page.get_by_test_id("study-all").click()
    for _ in range(2):  # the day's two new cards, known well (Easy: back in days)
        shown = page.get_by_test_id("prompt").inner_text()
        expect(page.locator("html[data-keys=live]")).to_be_attached()
        page.keyboard.press("Space")
        page.keyboard.press("4")
        expect(page.get_by_text(shown, exact=True)).to_have_count(0)

    done = page.get_by_test_id("all-done")
    expect(done.get_by_role("heading", level=2)).to_have_text("Today’s new cards are done")
    expect(page.get_by_test_id("limit-reached")).to_contain_text(
        "You reached today’s limit of 2 new cards; 12 more are waiting."
    )
    expect(page.get_by_text("All done for today")).to_have_count(0)
    check_both_sizes(page, shoot, "study-limit-reached")

    page.get_by_test_id("study-more").click()
    expect(page.locator(".count-new")).to_have_text("10 new")
    expect(page.get_by_test_id("prompt")).to_have_text(re.compile(r"^Who said line number \d+\?$"))
    expect(page.get_by_test_id("announce")).to_contain_text("10 more new cards for today.")
    shoot("study-ten-more")

    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("home-summary")).to_contain_text("0 due and 10 new cards for today.")
    assert console_problems == []


def test_home_offers_ten_more_when_nothing_else_is_left(page, live_server, log_in, shoot):
    bank = QuestionBankFactory(owner=UserFactory(username="editor", is_staff=True), title="Home")
    QuestionFactory.create_batch(5, bank=bank)
    student = UserFactory(username="omar")
    services.preferences_update(user=student, new_cards_per_day=0)
    log_in(page, student)

    page.goto(f"{live_server.url}/")

    expect(page.get_by_test_id("home-limit")).to_have_text(
        "You reached today’s limit of 0 new cards; 5 more wait."
    )
    expect(page.get_by_test_id("study-all")).to_have_count(0)
    check_both_sizes(page, shoot, "home-limit-reached")
    page.get_by_test_id("study-more").click()
    expect(page).to_have_url(re.compile(r"/study/$"))
    expect(page.locator(".count-new")).to_have_text("5 new")


def test_retry_the_ones_missed_after_a_quiz(page, live_server, log_in, shoot, console_problems):
    bank, _ = news_bank_build(
        owner=UserFactory(username="editor", is_staff=True), with_timeline=False
    )
    student = UserFactory(username="nadia")
    attempt = services.quiz_start(user=student, bank=bank, size=5)
    missed = []
    for index, question_id in enumerate(attempt.question_ids):  # three right, two wrong
        question = bank.questions.get(pk=question_id)
        choice = question.choices.filter(is_correct=index < 3).first()
        services.quiz_answer(
            user=student, attempt=attempt, question_id=question_id, choice_id=choice.pk
        )
        if index >= 3:
            missed.append(question.prompt)
    services.quiz_finish(attempt=attempt)
    log_in(page, student)

    page.goto(f"{live_server.url}/quiz/{attempt.pk}/result/")
    expect(page.get_by_test_id("score")).to_have_text("3 / 5")
    check_both_sizes(page, shoot, "quiz-result-retry")
    page.get_by_test_id("retry-missed").click()

    for number in (1, 2):
        expect(page.get_by_test_id("quiz-number")).to_have_text(str(number))
        prompt = page.get_by_test_id("prompt").inner_text()
        assert prompt in missed
        answer = bank.questions.get(prompt=prompt).answer
        page.get_by_role("radio", name=answer, exact=True).check()
        page.get_by_test_id("check").click()
        expect(page.get_by_test_id("verdict")).to_contain_text("Right")
        page.get_by_test_id("next").click()

    expect(page.get_by_test_id("score")).to_have_text("2 / 2")
    expect(page.get_by_test_id("retry-of")).to_contain_text("A retry of the questions you missed")
    expect(page.get_by_test_id("retry-missed")).to_have_count(0)
    shoot("quiz-retry-done")
    assert console_problems == []


def test_suspend_a_card_then_bring_it_back(page, live_server, log_in, shoot, console_problems):
    bank = QuestionBankFactory(owner=UserFactory(username="editor", is_staff=True), title="Set")
    for n in range(3):
        QuestionFactory(bank=bank, prompt=f"Who said sentence {n}?", position=n)
    log_in(page, UserFactory(username="nadia"))

    page.goto(f"{live_server.url}/study/?bank={bank.pk}")
    expect(page.get_by_test_id("prompt")).to_have_text("Who said sentence 0?")
    page.get_by_test_id("suspend").click()

    expect(page.get_by_test_id("suspended-note")).to_be_visible()
    expect(page.get_by_test_id("prompt")).to_have_text("Who said sentence 1?")
    expect(page.locator(".count-new")).to_have_text("2 new")
    check_both_sizes(page, shoot, "study-suspended")

    page.goto(f"{live_server.url}/progress/")
    page.get_by_test_id("suspended-link").click()
    listed = page.get_by_test_id("suspended-cards").locator("li")
    expect(listed).to_have_count(1)
    expect(listed.first.get_by_role("heading")).to_have_text("Who said sentence 0?")
    check_both_sizes(page, shoot, "suspended-cards")

    listed.first.get_by_test_id("unsuspend").click()
    expect(page.get_by_text("“Who said sentence 0?” is back in your study queue.")).to_be_visible()
    expect(page.get_by_test_id("no-suspended")).to_be_visible()
    page.goto(f"{live_server.url}/study/?bank={bank.pk}")
    expect(page.locator(".count-new")).to_have_text("3 new")
    assert console_problems == []
