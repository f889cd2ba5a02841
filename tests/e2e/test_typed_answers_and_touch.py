"""In a real browser: a typo'd cloze accepted, "I was right" before the miss is
logged, and a timeline ordered by touch on a phone (drag only by the handle; a
swipe over the text scrolls the page)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from learning.models import QuizAnswer, ReviewLog
from tests.e2e.conftest import PHONE, SCREENSHOTS
from tests.factories import (
    OrderingQuestionFactory,
    QuestionBankFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENTS = [
    "The Soviet Union dissolves and Kazakhstan becomes independent",
    "The capital of Kazakhstan moves from Almaty to Astana",
    "Kassym-Jomart Tokayev becomes president of Kazakhstan",
    "Protests over fuel prices spread across Kazakhstan in January",
    "Leaders of the region meet at a summit in Tashkent",
]
DATES = ["1991", "1997", "March 2019", "January 2022", "September 2022"]


@pytest.fixture
def typed_bank(transactional_db):
    teacher = UserFactory(username="editor", is_staff=True)
    bank = QuestionBankFactory(owner=teacher, title="Typed answers")
    for position, answer in enumerate(["Mr Tokayev", "Astana"]):
        QuestionFactory(
            bank=bank,
            kind="cloze",
            prompt=f"Fill in the blank ({position + 1}): ____ was named in the article.",
            answer=answer,
            choices=[],
            position=position,
        )
    return bank


def test_a_typo_is_accepted_and_i_was_right_turns_a_miss_into_a_pass(
    page, live_server, log_in, typed_bank, shoot, console_problems
):
    student = UserFactory(username="nadia")
    log_in(page, student)
    page.goto(f"{live_server.url}/quiz/?bank={typed_bank.pk}")
    page.get_by_label("Number of questions").select_option("5")
    page.get_by_role("button", name="Start quiz").click()

    for _ in range(2):
        prompt = page.get_by_test_id("prompt").inner_text()
        box = page.get_by_label("Your answer")
        expect(box).to_be_focused()
        if "(1)" in prompt:
            box.fill("tokaeyv")  # two letters swapped, no "Mr"
            page.get_by_role("button", name="Check answer").click()
            expect(page.get_by_test_id("verdict")).to_have_text("✓ Right")
            expect(page.get_by_test_id("match-note")).to_contain_text(
                "Close enough to “Mr Tokayev”"
            )
            shoot("quiz-typo-accepted")
        else:
            box.fill("Nur-Sultan")  # the city's other name: the teacher would accept it
            page.get_by_role("button", name="Check answer").click()
            expect(page.get_by_test_id("verdict")).to_have_text("✗ Not quite")
            expect(page.get_by_test_id("correct-answer")).to_contain_text("Astana")
            assert not ReviewLog.objects.filter(user=student, card__question__answer="Astana")
            shoot("quiz-typed-miss")
            page.get_by_test_id("override").click()
            expect(page.get_by_test_id("verdict")).to_have_text("✓ Counted as right")
            expect(page.locator("#quiz-live")).to_contain_text("Counted as right")
            expect(page.get_by_test_id("override")).to_have_count(0)
        expect(page.get_by_test_id("next")).to_be_focused()
        page.keyboard.press("Enter")

    expect(page.get_by_test_id("score")).to_have_text("2 / 2")
    answer = QuizAnswer.objects.get(question__answer="Astana")
    assert answer.overridden
    assert answer.review.rating == 3  # logged once, as a pass
    assert sorted(ReviewLog.objects.filter(user=student).values_list("rating", flat=True)) == [3, 3]
    assert console_problems == []


@pytest.fixture
def timeline_bank(transactional_db):
    teacher = UserFactory(username="editor", is_staff=True)
    bank = QuestionBankFactory(owner=teacher, title="Kazakhstan timeline")
    question = OrderingQuestionFactory(bank=bank, choices=EVENTS)
    for choice in question.choices.all():
        choice.date_label = DATES[choice.position]
        choice.save(update_fields=["date_label"])
    return bank


def _touch_drag(page, cdp, start: dict, end_y: float, steps: int = 10) -> None:
    """A finger put down at `start`, moved to `end_y`, held still a moment (no
    fling), lifted."""
    x, y = start["x"], start["y"]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, steps + 1):
        point = {"x": x, "y": y + (end_y - y) * step / steps}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    page.wait_for_timeout(150)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def _screenshot(page, name: str) -> None:
    """The page at rest: the feedback's fade-in finished (else it is shot half-faded)."""
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, caret="initial")


def _centre(locator) -> dict:
    box = locator.bounding_box()
    return {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}


def test_a_timeline_is_ordered_by_touch_on_a_phone(browser, live_server, log_in, timeline_bank):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="en-GB")
    page = context.new_page()
    log_in(context, UserFactory(username="nadia"))
    page.goto(f"{live_server.url}/quiz/?bank={timeline_bank.pk}")
    page.get_by_role("button", name="Start quiz").click()
    texts = page.locator(".order-item .order-text")
    expect(texts).to_have_count(5)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _screenshot(page, "timeline-touch-phone")
    # The text has the width of the line, not a narrow column.
    text_width = texts.first.bounding_box()["width"]
    assert text_width >= 180, f"the event text is only {text_width:.0f}px wide"
    # The keyboard hints are hidden on a touch screen.
    expect(page.locator(".keys-hint").first).to_be_hidden()
    cdp = context.new_cdp_session(page)

    # A swipe over an event's text scrolls; it never reorders.
    before = texts.all_inner_texts()
    scrolled = page.evaluate("() => window.scrollY")
    _touch_drag(page, cdp, _centre(texts.nth(3)), _centre(texts.nth(3))["y"] - 250)
    page.wait_for_timeout(300)
    assert texts.all_inner_texts() == before
    if page.evaluate("() => document.documentElement.scrollHeight > window.innerHeight"):
        assert page.evaluate("() => window.scrollY") > scrolled
    page.evaluate("() => window.scrollTo(0, 0)")

    # Drag each event by its handle into place, earliest first.
    for target, event in enumerate(EVENTS):
        item = page.locator(".order-item").filter(has_text=event)
        handle = item.locator("[data-drag-handle]")
        handle.scroll_into_view_if_needed()
        destination = page.locator(".order-item").nth(target)
        current = texts.all_inner_texts().index(event)
        if current == target:
            continue
        end_y = destination.bounding_box()["y"] + 4
        _touch_drag(page, cdp, _centre(handle), end_y)
        expect(texts.nth(target)).to_have_text(event)
    expect(texts).to_have_text(EVENTS)
    expect(page.locator("[data-order-status]")).to_contain_text("dropped at position")
    check = page.get_by_role("button", name="Check order")
    check.scroll_into_view_if_needed()
    page.wait_for_timeout(400)  # let the scroll settle: a tap on a moving page only stops it
    check.tap()
    expect(page.get_by_test_id("verdict")).to_have_text("✓ Right")
    expect(page.get_by_test_id("given-order")).to_contain_text("March 2019")
    _screenshot(page, "timeline-touch-feedback-phone")
    context.close()
