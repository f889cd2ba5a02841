"""axe-core on every student page, at desktop size and on a 375 px phone: no
serious or critical violation anywhere. Each state is also a screenshot
(test-artifacts/screenshots/a11y-*.png)."""

from __future__ import annotations

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import expect

from learning.services import card_get_or_create, review_record
from tests.e2e.axe import axe_violations
from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.factories import (
    ClassroomFactory,
    MembershipFactory,
    QuestionBankFactory,
    QuestionFactory,
    TeacherFactory,
    UserFactory,
)
from tests.web.newsbank import news_bank_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def audit(page):
    """audit(name): axe at both sizes (failures collected), screenshots of both."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[str]] = {}

    def check(name: str) -> None:
        for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            problems = axe_violations(page)
            if problems:
                found[f"{name} ({size})"] = problems
            page.screenshot(
                path=str(SCREENSHOTS / f"a11y-{name}-{size}.png"),
                full_page=True,
                animations="disabled",
            )
        page.set_viewport_size(DESKTOP)

    yield check
    assert found == {}, "axe found serious or critical violations:\n" + "\n".join(
        f"{page_name}: {line}" for page_name, lines in found.items() for line in lines
    )


def _answer_the_question_shown(page) -> None:
    """Any answer, typed, ordered or picked: the feedback is what is audited."""
    if page.get_by_label("Your answer").count():
        page.get_by_label("Your answer").fill("Nur-Sultan")
        page.get_by_role("button", name="Check answer").click()
    elif page.locator(".order-item").count():
        page.get_by_role("button", name="Check order").click()
    else:
        page.locator(".choice label").last.click()
        page.get_by_role("button", name="Check answer").click()


def _audit_a_quiz_of_every_kind(page, base, bank, questions, audit) -> None:
    """A quiz over the whole bank: each kind of question and its feedback audited once."""
    page.goto(f"{base}/quiz/?bank={bank.pk}")
    page.get_by_label("Number of questions").select_option("10")
    page.get_by_role("button", name="Start quiz").click()
    seen = set()
    for number in range(1, len(questions) + 2):  # the bank, and the cloze the test adds
        # Wait for this question's page: reading the old one while the next
        # loads would end the loop early.
        expect(page.get_by_test_id("quiz-number")).to_have_text(str(number))
        kind = page.locator(".card-kind").first.inner_text().strip().lower()
        if kind not in seen:
            audit(f"quiz-{kind.split()[0]}")
        _answer_the_question_shown(page)
        expect(page.get_by_test_id("verdict")).to_be_visible()
        if kind not in seen:
            audit(f"quiz-feedback-{kind.split()[0]}")
            seen.add(kind)
        page.get_by_test_id("next").click()
    expect(page.get_by_test_id("score")).to_be_visible()
    assert {"cloze (fill the blank)", "timeline (ordering)"} <= seen
    audit("quiz-result")


def test_every_student_page_passes_axe_at_both_sizes(page, live_server, log_in, audit):
    base = live_server.url
    teacher = UserFactory(username="editor", is_staff=True)
    bank, questions = news_bank_build(owner=teacher, title="Central Asia news")
    QuestionFactory(
        bank=bank,
        kind="cloze",
        answer="Astana",
        choices=[],
        position=20,
        # Not of a sentence another question asks about: a quiz keeps such pairs apart.
        prompt="Fill in the blank: Kazakhstan's capital is now called ____.",
    )
    student = UserFactory(username="nadia", email="nadia@example.org")
    for question in questions[:2]:  # some history for the progress page
        card = card_get_or_create(user=student, question=question)
        review_record(user=student, card_id=card.pk, rating=3)

    # Logged out: log in, sign up, forgot password.
    for name, path in [
        ("login", "/accounts/login/"),
        ("signup", "/accounts/signup/"),
        ("password-reset", "/accounts/password_reset/"),
        ("password-reset-done", "/accounts/password_reset/done/"),
    ]:
        page.goto(base + path)
        audit(name)
    page.goto(base + "/accounts/login/")
    page.get_by_role("button", name="Log in").click()  # empty: the form errors
    audit("login-errors")

    log_in(page, student)
    for name, path in [
        ("home", "/"),
        ("article", f"/articles/{bank.article_id}/?q={questions[0].pk}#p-2"),
        ("progress", "/progress/"),
        ("preferences", "/preferences/"),
        ("account", "/account/"),
        ("password-change", "/accounts/password_change/"),
        ("quiz-list", "/quiz/"),
    ]:
        page.goto(base + path)
        audit(name)

    # Study: the question, then the answer with its ratings.
    page.goto(f"{base}/study/?bank={bank.pk}")
    audit("study-question")
    expect(page.locator("html[data-keys=live]")).to_be_attached()
    page.keyboard.press("Space")
    expect(page.get_by_test_id("answer")).to_be_visible()
    audit("study-answer")
    page.get_by_text("Report this question").click()
    audit("study-report")
    page.goto(f"{base}/questions/{questions[0].pk}/report/")
    audit("report-page")

    # A quiz over the whole bank: every kind of question and feedback.
    _audit_a_quiz_of_every_kind(page, base, bank, questions, audit)

    # Study until nothing is left: the end of the session.
    page.goto(f"{base}/study/?bank={bank.pk}")
    while page.get_by_test_id("all-done").count() == 0:
        expect(page.locator("html[data-keys=live]")).to_be_attached()
        page.keyboard.press("Space")
        page.keyboard.press("4")
        page.wait_for_load_state("networkidle")
    audit("study-done")


def test_the_other_student_pages_pass_axe_at_both_sizes(page, live_server, log_in, audit, settings):
    """The pages the journey above does not reach: the password reset link's pages,
    the login lockout, a student's classes and a class's join link, a changed
    password, a report sent from its own page, and a quiz answer counted as right
    after "I was right"."""
    base = live_server.url
    teacher = TeacherFactory(username="editor")
    bank, questions = news_bank_build(owner=teacher, title="Central Asia news", with_timeline=False)
    student = UserFactory(username="nadia", email="nadia@example.org")
    MembershipFactory(classroom=ClassroomFactory(teacher=teacher, name="Year 10"), student=student)
    other_class = ClassroomFactory(teacher=teacher, name="Year 11")

    # Logged out: the reset link's pages.
    uid = urlsafe_base64_encode(force_bytes(student.pk))
    page.goto(f"{base}/accounts/reset/{uid}/{default_token_generator.make_token(student)}/")
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    audit("password-reset-confirm")
    page.goto(f"{base}/accounts/reset/done/")
    audit("password-reset-complete")
    # The lockout page, after wrong passwords for a name (django-axes on, as in production).
    settings.AXES_ENABLED = True
    page.goto(f"{base}/accounts/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Username").fill("stella")
        page.get_by_label("Password").fill("not-her-password")
        page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Too many attempts")).to_be_visible()
    audit("lockout")
    settings.AXES_ENABLED = False

    log_in(page, student)
    page.goto(f"{base}/classes/")
    expect(page.locator("strong", has_text="Year 10")).to_be_visible()
    audit("classes")
    page.goto(f"{base}/classes/join/{other_class.join_code}/")
    audit("class-join")
    page.goto(f"{base}/accounts/password_change/done/")
    audit("password-change-done")

    # A report sent from its own page, without JavaScript's swap: the thank-you.
    page.goto(f"{base}/questions/{questions[0].pk}/report/")
    page.get_by_text("Report this question").click()
    page.get_by_label("The question is unclear").check()
    page.get_by_test_id("send-report").click()
    expect(page.get_by_test_id("report-sent")).to_be_visible()
    audit("report-sent")

    # A typed miss turned into a pass: the feedback after "I was right".
    typed_bank = QuestionBankFactory(owner=teacher, title="Typed")
    QuestionFactory(
        bank=typed_bank,
        kind="cloze",
        answer="Astana",
        choices=[],
        prompt="Fill in the blank: the capital was renamed ____ again.",
    )
    page.goto(f"{base}/quiz/?bank={typed_bank.pk}")
    page.get_by_role("button", name="Start quiz").click()
    page.get_by_label("Your answer").fill("Nur-Sultan")
    page.get_by_role("button", name="Check answer").click()
    page.get_by_test_id("override").click()
    expect(page.get_by_test_id("verdict")).to_have_text("✓ Counted as right")
    audit("quiz-feedback-overridden")
