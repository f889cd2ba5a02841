"""Issue 17, item 8, in Chromium: on a phone the rating buttons are in view once
the answer shows, however long the card; a new student's time zone is the
browser's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from learning.models import StudyPreferences
from tests.e2e.conftest import PHONE
from tests.factories import QuestionBankFactory, QuestionFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "Quartz-Meadow-Pencil-41"
LONG_PROMPT = (
    "Who said, on the second day of the long regional summit that the leaders of five "
    "neighbouring countries held in the old capital, after a night of talks about roads, "
    "water, gas prices and the border crossings that farmers use every morning, that the "
    "new railway would be finished before the next harvest and that its first trains "
    "would carry grain and cotton to the coast?"
)
LONG_EXPLANATION = " ".join(
    f"Invented sentence {n} of a long explanation about the summit's roads and railways."
    for n in range(12)
)


def test_the_ratings_are_in_view_on_a_phone_once_the_answer_shows(browser, live_server, log_in):
    bank = QuestionBankFactory(owner=UserFactory(username="editor", is_staff=True), title="Long")
    QuestionFactory(bank=bank, prompt=LONG_PROMPT, explanation=LONG_EXPLANATION, position=0)
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="en-GB")
    page = context.new_page()
    log_in(context, UserFactory(username="nadia"))
    page.goto(f"{live_server.url}/study/?bank={bank.pk}")

    page.get_by_test_id("show-answer").tap()

    expect(page.get_by_test_id("answer")).to_be_visible()
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")
    page_height = page.evaluate("document.documentElement.scrollHeight")
    assert page_height > PHONE["height"], "the card must be taller than the screen"
    screen = page.evaluate("window.innerHeight")
    # As shown (the answer has the focus), and with the page back at its top, the
    # question re-read: the four buttons stay on the screen.
    for where in ("as shown", "at the top"):
        if where == "at the top":
            page.evaluate("() => window.scrollTo(0, 0)")
            page.wait_for_timeout(100)
        for rating in (1, 2, 3, 4):
            button = page.get_by_test_id(f"rate-{rating}").bounding_box()  # screen-relative
            bottom = button["y"] + button["height"]
            assert button["y"] >= 0, f"{where}: rate-{rating} is above the screen: {button}"
            assert bottom <= screen, f"{where}: rate-{rating} ends at {bottom:.0f}px of {screen}"
    context.close()


def test_a_new_students_time_zone_is_the_browsers(browser, live_server):
    context = browser.new_context(timezone_id="Asia/Almaty", locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="Hello, nadia")).to_be_visible()
    zone = StudyPreferences.objects.filter(user__username="nadia").values_list("time_zone")
    assert list(zone) == [("Asia/Almaty",)]
    context.close()
