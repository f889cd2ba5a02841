"""A new student's first session, in a real browser: sign up, study with the
keyboard, undo, take a quiz, order a timeline, look at the progress page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import OrderingQuestionFactory, QuestionBankFactory, UserFactory
from tests.web.newsbank import MC_QUESTIONS, TIMELINE, news_bank_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWERS = {prompt: answer for _, prompt, answer, _, _ in MC_QUESTIONS}
PASSWORD = "Plum-Kettle-Ladder-73"


@pytest.fixture
def banks(transactional_db):
    editor = UserFactory(username="editor", is_staff=True)
    news, _ = news_bank_build(owner=editor, title="Central Asia news", with_timeline=False)
    timeline = QuestionBankFactory(owner=editor, title="Timeline", article=news.article)
    OrderingQuestionFactory(bank=timeline, choices=TIMELINE)
    return news, timeline


def sign_up(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name=f"Hello, {username}")).to_be_visible()


def _study_three_cards_with_the_keyboard(page, card, shoot) -> list[str]:
    """Space shows the answer, 3 rates it Good; the announcement names the next card.
    The prompts studied, in order."""
    card.get_by_role("link", name=re.compile("^Study")).click()
    remaining = page.get_by_test_id("remaining")
    expect(remaining).to_have_text("5")
    shoot("study-question")
    prompts = []
    for left in ("4", "3", "2"):
        prompts.append(page.get_by_test_id("prompt").inner_text())
        expect(page.get_by_test_id("answer")).to_be_hidden()
        expect(page.locator("html[data-keys=live]")).to_be_attached()
        page.keyboard.press("Space")
        expect(page.get_by_test_id("answer")).to_be_visible()
        expect(page.get_by_test_id("rate-3")).to_contain_text(re.compile(r"Good\s+\d+[mhd]"))
        if left == "4":
            # The answer is read first (it has the focus); one Tab lands on Good.
            expect(page.locator("[data-answer]")).to_be_focused()
            page.keyboard.press("Tab")
            expect(page.get_by_test_id("rate-3")).to_be_focused()
            shoot("study-answer")
        page.keyboard.press("3")
        expect(remaining).to_have_text(left)
        next_prompt = page.get_by_test_id("prompt").inner_text()
        expect(page.get_by_test_id("announce")).to_have_text(
            f"Rated Good. Next card: {next_prompt}"
        )
    assert len(set(prompts)) == 3
    return prompts


def _quiz_of_five_one_wrong(page, news, shoot):
    """A five-question quiz with the second answer wrong: 4 / 5, each with its evidence.
    The result's review list."""
    page.get_by_role("link", name="Quiz", exact=True).click()
    page.get_by_label("Question bank").select_option(str(news.pk))
    page.get_by_label("Number of questions").select_option("5")
    shoot("quiz-start")
    page.get_by_role("button", name="Start quiz").click()
    for number in range(1, 6):
        expect(page.get_by_test_id("quiz-number")).to_have_text(str(number))
        prompt = page.get_by_test_id("prompt").inner_text()
        right = ANSWERS[prompt]
        if number == 2:
            pick = page.locator(".choice label").filter(has_not_text=right).first
        else:
            pick = page.locator(".choice label").filter(has_text=right)
        if number == 1:
            shoot("quiz-question")
        pick.click()
        page.get_by_role("button", name="Check answer").click()
        verdict = page.get_by_test_id("verdict")
        expect(verdict).to_have_text("✗ Not quite" if number == 2 else "✓ Right")
        expect(page.get_by_test_id("correct-answer")).to_contain_text(right)
        expect(page.get_by_test_id("evidence")).to_be_visible()
        if number == 2:
            shoot("quiz-feedback-wrong")
        expect(page.get_by_test_id("next")).to_be_focused()  # Enter goes on
        page.keyboard.press("Enter")
    expect(page.get_by_test_id("score")).to_have_text("4 / 5")
    review = page.get_by_test_id("review")
    expect(review.locator("li.review-item")).to_have_count(5)
    expect(review.locator("li.review-item.wrong")).to_have_count(1)
    expect(review.locator(".evidence")).to_have_count(5)
    shoot("quiz-result")
    return review


def _timeline_by_drag_and_keyboard(page, base, timeline, shoot) -> None:
    """A timeline put in order by dragging with the mouse, then with the keyboard only."""
    page.goto(f"{base}/quiz/?bank={timeline.pk}")
    page.get_by_role("button", name="Start quiz").click()
    items = page.locator(".order-item .order-text")
    expect(items).to_have_count(3)
    shoot("timeline")
    status = page.locator("[data-order-status]")
    if items.first.inner_text() == TIMELINE[2]:
        page.get_by_role("button", name=f"Move “{TIMELINE[2]}” down").click()
    # Drag the latest event to the top by its handle (mouse).
    handle = page.locator(".order-item").filter(has_text=TIMELINE[2]).locator("[data-drag-handle]")
    box = handle.bounding_box()
    top = page.locator(".order-item").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, top["y"] + 3, steps=8)
    page.mouse.up()
    expect(items.first).to_have_text(TIMELINE[2])
    expect(status).to_contain_text("dropped at position 1 of 3")
    # Then put it right with the keyboard only.
    page.get_by_role("button", name=f"Move “{TIMELINE[2]}” down").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(items.last).to_have_text(TIMELINE[2])
    expect(status).to_contain_text("moved to position 3 of 3")
    if items.first.inner_text() != TIMELINE[0]:
        page.get_by_role("button", name=f"Move “{TIMELINE[0]}” up").focus()
        expect(page.locator("html[data-keys=live]")).to_be_attached()
        page.keyboard.press("Space")
    expect(items).to_have_text(TIMELINE)
    page.get_by_role("button", name="Check order").click()
    expect(page.get_by_test_id("verdict")).to_have_text("✓ Right")
    shoot("timeline-feedback")
    page.get_by_test_id("next").click()
    expect(page.get_by_test_id("score")).to_have_text("1 / 1")


def test_student_journey(page, live_server, banks, shoot, console_problems):
    news, timeline = banks
    base = live_server.url

    # Sign up (a mistake first: the passwords differ) ----------------------
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD + "x")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("The two passwords are different.")).to_be_visible()
    shoot("signup-error")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Hello, nadia")).to_be_visible()
    card = page.get_by_test_id(f"bank-{news.pk}")
    expect(card.get_by_text("5 new")).to_be_visible()
    shoot("home")

    # Study three cards with the keyboard ---------------------------------
    prompts = _study_three_cards_with_the_keyboard(page, card, shoot)
    remaining = page.get_by_test_id("remaining")

    # ... and undo the last one: it comes back ---------------------------
    page.keyboard.press("u")
    expect(remaining).to_have_text("3")
    expect(page.get_by_test_id("prompt")).to_have_text(prompts[-1])
    expect(page.get_by_test_id("announce")).to_have_text("Undone. The card is back.")
    # Ctrl+Z undoes too.
    expect(page.locator("html[data-keys=live]")).to_be_attached()
    page.keyboard.press("Space")
    page.keyboard.press("1")
    expect(remaining).to_have_text("2")
    page.keyboard.press("Control+z")
    expect(remaining).to_have_text("3")
    expect(page.get_by_test_id("prompt")).to_have_text(prompts[-1])

    # Home shows today's work: two reviews stand after the undo.
    page.get_by_role("link", name="Home").click()
    expect(page.get_by_test_id("reviewed-today")).to_have_text("2")
    expect(page.get_by_test_id(f"bank-{news.pk}").get_by_text("3 new")).to_be_visible()

    # A five-question quiz, one answer wrong on purpose ---------------------
    review = _quiz_of_five_one_wrong(page, news, shoot)

    # The explanation leads to the highlighted sentence in the article.
    review.locator(".evidence a").first.click()
    expect(page.locator("mark.current")).to_have_count(1)
    expect(page.locator("p:target mark.current")).to_have_count(1)
    expect(page.locator(".article-body mark")).to_have_count(5)
    shoot("article")
    # ... and the article leads back to the quiz's result.
    page.get_by_role("link", name="Back to the quiz").click()
    expect(page.get_by_test_id("score")).to_have_text("4 / 5")

    # A timeline: drag and drop, then the keyboard ------------------------
    _timeline_by_drag_and_keyboard(page, base, timeline, shoot)

    # Progress: today's reviews (2 study + 5 quiz + 1 timeline) -----------
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_test_id("reviewed-today")).to_have_text("8")
    expect(page.get_by_test_id("heatmap").locator("rect.heat-4")).to_have_count(1)
    expect(page.get_by_test_id("mastery-table")).to_contain_text("Central Asia news")
    shoot("progress")

    # The timeline card, once more and easy: then nothing is left for today.
    page.goto(f"{base}/study/?bank={timeline.pk}")
    if page.get_by_test_id("all-done").count() == 0:  # learning cards may be shown early
        expect(page.locator("html[data-keys=live]")).to_be_attached()
        page.keyboard.press("Space")
        page.keyboard.press("4")
        expect(page.get_by_test_id("announce")).to_have_text("Rated Easy. All done for today.")
    expect(page.get_by_test_id("all-done")).to_contain_text("All done for today")
    expect(page.get_by_role("heading", name="All done for today")).to_be_focused()
    expect(page.get_by_test_id("tomorrow")).to_contain_text("due tomorrow")
    shoot("study-done")

    page.get_by_role("link", name="Settings").click()
    shoot("preferences")

    assert console_problems == []
