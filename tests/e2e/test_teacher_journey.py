"""A teacher's job in a real browser, as issue 12 describes it: add an article by
its address (a page served by a local server), confirm the date, generate the
draft bank (the real extractor and generator), review 20 drafts with the keyboard
only (accept, reject, edit one choice, new distractors for one), publish, and
preview the bank as a student (nothing recorded).

Screenshots at 1,366 px go to test-artifacts/screenshots/teach-*.png; the review's
key presses and seconds go to test-artifacts/teach-review-figures.json (and are
printed), for the issue note."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from learning.models import Card, QuizAnswer, QuizAttempt, ReviewLog
from quizzes.models import Article, QuestionBank
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import PASSWORD, TeacherFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WINDOW = {"width": 1366, "height": 768}
REVIEWED = 20
FIGURES = SCREENSHOTS.parent / "teach-review-figures.json"


class Keys:
    """The keyboard, counted: every key press of the review goes through here."""

    def __init__(self, page):
        self.page = page
        self.presses = 0

    def press(self, key: str) -> None:
        # A key pressed before the page's deferred script listens is lost, as it
        # would be for a teacher on a slow machine: wait until the keys are live.
        expect(self.page.locator("html[data-review-keys=live]")).to_be_attached()
        self.page.keyboard.press(key)
        self.presses += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.presses += len(text)


def snap(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"teach-{name}.png"), full_page=True)


def fits_the_window(page, name: str) -> None:
    """No sideways scrolling: neither the page nor a list's own scrolling box."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WINDOW["width"], f"{name}: {width}px wide in a {WINDOW['width']}px window"
    clipped = page.evaluate(
        "[...document.querySelectorAll('.results, .inline-group .tabular')]"
        ".filter(box => box.scrollWidth > box.clientWidth + 1)"
        ".map(box => `${box.className}: ${box.scrollWidth} > ${box.clientWidth}`)"
    )
    assert clipped == [], f"{name}: scrolls sideways inside {clipped}"


def drafts_left(page) -> int:
    return int(page.get_by_test_id("drafts-left").inner_text())


def teachers_group() -> None:
    """The Teachers group as migration 0002 makes it (an earlier transactional test
    may have flushed it; permissions come back with the flush, the group does not)."""
    from importlib import import_module

    from django.contrib.auth.models import Group, Permission

    wanted = import_module("quizzes.migrations.0002_teachers_group").TEACHER_PERMISSIONS
    codenames = [f"{a}_{model}" for model, acts in wanted["quizzes"].items() for a in acts]
    group, _ = Group.objects.get_or_create(name="Teachers")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames)
    )


def _edit_a_wrong_choice(page, keys) -> None:
    """E, then Tab to a wrong choice, replace its text, Enter saves."""
    keys.press("e")
    expect(page.locator("#review-edit textarea")).to_be_focused()
    radios = page.locator("#review-edit input[type=radio]")
    correct = next(i for i in range(radios.count()) if radios.nth(i).is_checked())
    wrong = 1 if correct == 0 else 0
    for _ in range(wrong + 1 + (1 if correct <= wrong else 0)):
        keys.press("Tab")
    focused = page.evaluate("document.activeElement.name")
    assert focused.startswith("choice_"), focused
    keys.press("Control+a")
    keys.type("Nobody in particular")
    keys.press("Enter")
    expect(page.get_by_text("Saved your changes.")).to_be_visible()


def _renew_the_distractors(page, keys) -> None:
    """D: other wrong choices replace the question's."""
    before = page.get_by_test_id("review-choices").inner_text()
    keys.press("d")
    expect(page.get_by_text("New distractors:")).to_be_visible()
    assert page.get_by_test_id("review-choices").inner_text() != before


def _review_with_the_keyboard(page, keys) -> tuple[int | None, int | None, dict[str, int]]:
    """REVIEWED drafts decided with A and R (every fifth rejected), a wrong choice of
    the first multiple-choice question edited, the distractors of a later one renewed,
    the help shown half-way: (edited question, renewed question, decisions)."""
    edited = renewed = None
    decisions = {"accepted": 0, "rejected": 0}
    for number in range(REVIEWED):
        card = page.get_by_test_id("review-card")
        question_id = int(card.get_attribute("data-question"))
        kind = card.locator(".review-kind").inner_text()
        left = drafts_left(page)
        if edited is None and kind in ("Who said", "Which country", "When"):
            _edit_a_wrong_choice(page, keys)
            edited = question_id
            snap(page, "4-review-edited")
        elif renewed is None and edited is not None and kind in ("Which country", "When"):
            _renew_the_distractors(page, keys)
            renewed = question_id
            snap(page, "5-review-new-distractors")
        if number % 5 == 4:  # every fifth: rejected
            keys.press("r")
            decisions["rejected"] += 1
        else:
            keys.press("a")
            decisions["accepted"] += 1
        expect(page.get_by_test_id("drafts-left")).to_have_text(str(left - 1))
        if number == 9:
            keys.press("?")
            expect(page.get_by_test_id("review-help")).to_have_attribute("open", "")
            snap(page, "6-review-help")
            keys.press("?")
    return edited, renewed, decisions


def test_teacher_adds_by_address_reviews_with_the_keyboard_publishes_and_previews(
    page, live_server, pages_server, allow_local_pages, console_problems
):
    teachers_group()
    TeacherFactory(username="tess")
    page.set_viewport_size(WINDOW)
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    base = live_server.url
    url = pages_server.page("/world/danube-pact", "river_pact.html")

    page.goto(f"{base}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("tess")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Articles")).to_be_visible()

    # 1. Add the article by its address: Enter reads the page -------------------------
    page.goto(f"{base}/admin/quizzes/article/add/")
    address = page.get_by_label("Source address")
    address.fill(url)
    address.press("Enter")
    expect(page.get_by_text("The publication date found is 14 March 2024")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Danube states agree flood warning pact")
    expect(page.get_by_label("Author")).to_have_value("Elena Marsh")
    expect(page.locator("#id_published_on")).to_have_value("2024-03-14")
    assert Article.objects.count() == 0
    fits_the_window(page, "article read")
    snap(page, "1-article-read")

    # ... confirm the date and save: the article page, with its Generate button.
    page.get_by_label("Publication date checked").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("added. Press “Generate questions”")).to_be_visible()
    article = Article.objects.get()
    assert str(article.published_on) == "2024-03-14"
    snap(page, "2-article-saved")

    # 2. Generate: the review page of the new draft bank opens -----------------------
    page.get_by_role("button", name="Generate questions").click()
    expect(page.get_by_role("heading", name=re.compile("^Review drafts"))).to_be_visible(
        timeout=60_000
    )
    bank = QuestionBank.objects.get(article=article)
    total = bank.questions.count()
    assert total >= REVIEWED, f"only {total} drafts generated"
    assert drafts_left(page) == total
    fits_the_window(page, "review")
    snap(page, "3-review-first")

    # 3. Review 20 drafts with the keyboard only --------------------------------------
    keys = Keys(page)
    started = time.monotonic()
    edited, renewed, decisions = _review_with_the_keyboard(page, keys)
    seconds = time.monotonic() - started
    assert edited is not None, "no question with choices to edit"
    assert renewed is not None, "no question to renew the distractors of"
    statuses = list(bank.questions.values_list("status", flat=True))
    assert statuses.count("published") == decisions["accepted"] == 16
    assert statuses.count("rejected") == decisions["rejected"] == 4
    assert bank.questions.get(pk=edited).choices.filter(text="Nobody in particular").exists()
    # K goes back to the question just decided, J forward again.
    current = page.get_by_test_id("review-card").get_attribute("data-question")
    Keys(page).press("k")
    expect(page.get_by_test_id("review-card")).not_to_have_attribute("data-question", current)
    Keys(page).press("j")
    expect(page.get_by_test_id("review-card")).to_have_attribute("data-question", current)
    snap(page, "7-review-after-20")

    figures = {
        "questions_reviewed": REVIEWED,
        "key_presses": keys.presses,
        "seconds": round(seconds, 1),
        "drafts_generated": total,
        "accepted": decisions["accepted"],
        "rejected": decisions["rejected"],
    }
    FIGURES.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\n20-question keyboard review: {figures}")

    # 4. Publish the bank with the accepted questions ---------------------------------
    page.get_by_test_id("publish-bank").click()
    expect(page.get_by_text("is published with 16 accepted question(s)")).to_be_visible()
    bank.refresh_from_db()
    assert bank.status == "published"

    # 5. Preview as a student: the student's quiz page; nothing recorded -------------
    page.get_by_test_id("preview-link").click()
    expect(page.get_by_test_id("preview-banner")).to_be_visible()
    expect(page.get_by_test_id("quiz-number")).to_have_text("1")
    assert "of 16" in page.locator(".page-head").inner_text()
    fits_the_window(page, "preview")
    snap(page, "8-preview-question")
    first = page.locator(".choice label").first
    if first.count():
        first.click()
        page.get_by_test_id("check").click()
        expect(page.get_by_test_id("verdict")).to_be_visible()
    else:  # a question typed in (cloze) or ordered (timeline)
        text = page.locator("#quiz-text")
        if text.count():
            text.fill("something")
        page.get_by_test_id("check").click()
        expect(page.get_by_test_id("verdict")).to_be_visible()
    snap(page, "9-preview-feedback")
    assert Card.objects.count() == ReviewLog.objects.count() == 0
    assert QuizAttempt.objects.count() == QuizAnswer.objects.count() == 0

    # 6. Every authoring list fits a 1,366 px window ---------------------------------
    for name, path in [
        ("articles", "/admin/quizzes/article/"),
        ("article-page", f"/admin/quizzes/article/{article.pk}/change/"),
        ("banks", "/admin/quizzes/questionbank/"),
        ("bank-page", f"/admin/quizzes/questionbank/{bank.pk}/change/"),
        ("questions", f"/admin/quizzes/question/?bank__id__exact={bank.pk}"),
        ("jobs", "/admin/quizzes/generationjob/"),
    ]:
        page.goto(base + path)
        snap(page, f"list-{name}")
        fits_the_window(page, name)
    body = page.content()
    assert "Who said: Who said" not in body
    assert console_problems == [], missing
