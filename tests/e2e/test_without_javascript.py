"""With JavaScript off (and on a phone-sized screen) every form still works as
a plain POST: reveal, rate, undo, answer, reorder a timeline."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.factories import PASSWORD, OrderingQuestionFactory, QuestionBankFactory, UserFactory
from tests.web.newsbank import TIMELINE, news_bank_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plain_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    yield context.new_page()
    context.close()


def test_study_and_timeline_without_javascript(plain_page, live_server):
    page = plain_page
    editor = UserFactory(username="editor", is_staff=True)
    news, _ = news_bank_build(owner=editor, with_timeline=False)
    timeline = QuestionBankFactory(owner=editor, title="Timeline", article=news.article)
    OrderingQuestionFactory(bank=timeline, choices=TIMELINE)
    UserFactory(username="plain")

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("plain")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"{live_server.url}/study/?bank={news.pk}")
    expect(page.get_by_test_id("remaining")).to_have_text("5")
    first_prompt = page.get_by_test_id("prompt").inner_text()
    page.get_by_test_id("show-answer").click()  # <details> opens without script
    page.get_by_test_id("rate-3").click()
    expect(page.get_by_test_id("remaining")).to_have_text("4")
    page.get_by_test_id("undo").click()
    expect(page.get_by_text("Undone. The card is back.")).to_be_visible()
    expect(page.get_by_test_id("prompt")).to_have_text(first_prompt)
    expect(page.get_by_test_id("remaining")).to_have_text("5")

    page.goto(f"{live_server.url}/quiz/?bank={timeline.pk}")
    page.get_by_role("button", name="Start quiz").click()
    items = page.locator(".order-item .order-text")
    for _ in range(6):  # bubble each event into place with the up buttons (each press posts)
        expect(items).to_have_count(len(TIMELINE))  # the posted page has loaded
        texts = items.all_inner_texts()
        if texts == TIMELINE:
            break
        wrong = next(i for i, text in enumerate(texts) if text != TIMELINE[i])
        wanted = TIMELINE[wrong]
        with page.expect_navigation():  # read the list again only once the new page is in
            page.get_by_role("button", name=f"Move “{wanted}” up").click()
    expect(items).to_have_text(TIMELINE)
    page.get_by_role("button", name="Check order").click()
    expect(page.get_by_test_id("verdict")).to_have_text("✓ Right")
    page.get_by_test_id("next").click()
    expect(page.get_by_test_id("score")).to_have_text("1 / 1")
