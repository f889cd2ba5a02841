"""A student reports a bad question from the quiz feedback; its teacher sees the
report in admin next to the question."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import TeacherFactory, UserFactory
from tests.web.newsbank import news_bank_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_reported_question_is_seen_by_its_teacher_in_admin(
    page, live_server, log_in, shoot, console_problems
):
    teacher = TeacherFactory(username="editor")
    bank, _ = news_bank_build(owner=teacher, with_timeline=False)
    base = live_server.url
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    log_in(page, UserFactory(username="nadia"))

    page.goto(f"{base}/quiz/?bank={bank.pk}")
    page.get_by_label("Number of questions").select_option("5")
    page.get_by_role("button", name="Start quiz").click()
    prompt = page.get_by_test_id("prompt").inner_text()
    page.locator(".choice label").first.click()
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("verdict")).to_be_visible()

    page.get_by_text("Report this question").click()
    page.get_by_label("The answer is wrong").check()
    page.get_by_label("Comment").fill("The article says it differently.")
    shoot("quiz-report")
    page.get_by_test_id("send-report").click()
    expect(page.get_by_test_id("report-sent")).to_contain_text("reached the teacher")

    assert console_problems == []  # the student's pages (admin asks for a /favicon.ico)
    page.context.clear_cookies()
    log_in(page, teacher)
    page.goto(f"{base}/admin/quizzes/question/")
    page.get_by_role("link", name=prompt[:40]).first.click()
    reports = page.locator(".field-student_reports")
    expect(reports).to_contain_text("The answer is wrong")
    expect(reports).to_contain_text("The article says it differently.")
    expect(reports).not_to_contain_text("nadia")
    reports.scroll_into_view_if_needed()
    page.screenshot(path=str(_path("admin-question-report")), full_page=True)
    assert missing == []


def _path(name):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-desktop.png"
