"""A class in a real browser: the teacher creates a class in admin and assigns a
class-only bank; a new student opens the join link, signs up, joins, sees the
assignment on the home page and completes its quiz; the teacher sees it done
and the item analysis."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from classes.models import Assignment, Classroom
from tests.factories import PASSWORD, TeacherFactory
from tests.web.newsbank import MC_QUESTIONS, news_bank_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWERS = {prompt: answer for _, prompt, answer, _, _ in MC_QUESTIONS}
STUDENT_PASSWORD = "Plum-Kettle-Ladder-73"


@pytest.fixture(autouse=True)
def _patient_expectations():
    """Two browsers and a live server on a busy two-core machine: wait up to 15 s
    for what must appear (then Playwright's default again)."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def class_only_bank(transactional_db):
    teacher = TeacherFactory(username="ms_khan")
    bank, _ = news_bank_build(
        owner=teacher, title="This week: Tashkent summit", with_timeline=False
    )
    bank.is_public = False
    bank.save(update_fields=["is_public"])
    return teacher, bank


def test_teacher_assigns_a_bank_and_follows_the_class(
    page, browser, live_server, class_only_bank, shoot
):
    teacher, bank = class_only_bank
    base = live_server.url

    # The teacher creates a class in admin --------------------------------------------
    page.goto(f"{base}/admin/login/?next=/admin/classes/classroom/add/")
    page.locator("#id_username").fill(teacher.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.locator("#id_name").fill("Year 9 news")
    page.locator("#id_description").fill("Current affairs, Tuesdays")
    page.get_by_role("button", name="Save and continue editing").click()
    join_link = page.get_by_test_id("join-link")
    expect(join_link).to_have_text(re.compile(r"^/classes/join/[A-Z2-9]{8}/$"))
    shoot("class-admin", phone=False)
    join_path = join_link.inner_text()
    classroom = Classroom.objects.get(name="Year 9 news")

    # ... and assigns the class-only bank: a 5-question quiz, pass mark 60 % ----------
    page.goto(f"{base}/admin/classes/assignment/add/")
    page.locator("#id_classroom").select_option(str(classroom.pk))
    page.locator("#id_bank").select_option(str(bank.pk))
    page.locator("#id_due_at_0").fill("2099-03-06")
    page.locator("#id_due_at_1").fill("17:00:00")
    page.locator("#id_quiz_length").fill("5")
    page.locator("#id_pass_mark").fill("60")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assignment = Assignment.objects.get(classroom=classroom)
    shoot("assignment-admin", phone=False)

    # A new student opens the join link, signs up, and joins ---------------------------
    student_context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-GB")
    student = student_context.new_page()
    problems: list[str] = []  # the student's pages (admin asks for a /favicon.ico it lacks)
    student.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    student.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    student.goto(f"{base}{join_path}")
    student.get_by_role("link", name="Create an account").click()
    student.get_by_label("Username").fill("nadia")
    student.get_by_label("Password", exact=True).fill(STUDENT_PASSWORD)
    student.get_by_label("Password confirmation").fill(STUDENT_PASSWORD)
    student.get_by_role("button", name="Sign up").click()
    expect(student.get_by_role("heading", name="Year 9 news")).to_be_visible()
    expect(student.get_by_text("Taught by ms_khan.")).to_be_visible()
    student.screenshot(path=str(_shot("class-join")), full_page=True)
    student.get_by_role("button", name="Join Year 9 news").click()

    # Home: "Assigned to you" first, not started, due on Friday ------------------------
    assigned = student.get_by_test_id(f"assignment-{assignment.pk}")
    expect(student.get_by_text("You joined Year 9 news.")).to_be_visible()
    expect(assigned.get_by_role("heading")).to_have_text("This week: Tashkent summit")
    expect(assigned.get_by_test_id("assignment-status")).to_have_text("Not started")
    expect(assigned).to_contain_text("Quiz: 5 questions, pass 60%")
    student.screenshot(path=str(_shot("assigned-home")), full_page=True)

    # The quiz, one answer wrong ---------------------------------------------------------
    assigned.get_by_role("button", name=re.compile("^Take the quiz")).click()
    for number in range(1, 6):
        expect(student.get_by_test_id("quiz-number")).to_have_text(str(number))
        right = ANSWERS[student.get_by_test_id("prompt").inner_text()]
        if number == 3:
            pick = student.locator(".choice label").filter(has_not_text=right).first
        else:
            pick = student.locator(".choice label").filter(has_text=right)
        pick.click()
        student.get_by_role("button", name="Check answer").click()
        expect(student.get_by_test_id("verdict")).to_be_visible()
        student.get_by_test_id("next").click()
    expect(student.get_by_test_id("score")).to_have_text("4 / 5")
    student.get_by_role("link", name="Home").click()
    expect(assigned.get_by_test_id("assignment-status")).to_have_text("Done")
    expect(assigned).to_contain_text("best 80%")
    student.screenshot(path=str(_shot("assigned-done")), full_page=True)
    student_context.close()

    # The teacher sees it done, and the item analysis -----------------------------------
    page.goto(f"{base}/admin/classes/assignment/")
    page.get_by_role("link", name="Progress and items").click()
    row = page.locator('tr[data-student="nadia"]')
    expect(row.locator(".status")).to_have_text("Done")
    expect(row).to_contain_text("80%")
    expect(page.locator("#summary")).to_contain_text("1 done")
    items = page.locator("#items tbody tr")
    expect(items).to_have_count(len(MC_QUESTIONS))
    expect(page.locator("#items")).to_contain_text("0%")  # the question answered wrong
    shoot("assignment-report", phone=False)

    assert problems == []


def _shot(name: str):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-desktop.png"
