"""Text from articles and questions is shown as text: a <script> in it never runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import (
    PASSWORD,
    ArticleFactory,
    QuestionBankFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCRIPT = "<script>window.__xss = 1</script>"
IMG = '<img src=x onerror="window.__xss = 2">'


@pytest.fixture
def hostile_bank(transactional_db):
    editor = UserFactory(username="editor", is_staff=True)
    sentence = f"The minister said {SCRIPT} and {IMG} loudly."
    article = ArticleFactory(text=f"Headline {SCRIPT}\n{sentence}\n", created_by=editor)
    bank = QuestionBankFactory(owner=editor, article=article, title=f"Bank {SCRIPT}")
    start = article.text.index(sentence)
    QuestionFactory(
        bank=bank,
        prompt=f"Who said {SCRIPT}{IMG}?",
        evidence_start=start,
        evidence_end=start + len(sentence),
    )
    UserFactory(username="sam")
    return bank


def log_in(page, base_url, shoot):
    page.goto(f"{base_url}/accounts/login/")
    shoot("login")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, sam")).to_be_visible()


def test_scripts_in_prompts_and_articles_are_shown_not_run(
    page, live_server, hostile_bank, shoot, console_problems
):
    log_in(page, live_server.url, shoot)
    expect(page.get_by_role("heading", name=f"Bank {SCRIPT}")).to_be_visible()

    page.goto(f"{live_server.url}/study/?bank={hostile_bank.pk}")
    expect(page.get_by_test_id("prompt")).to_have_text(f"Who said {SCRIPT}{IMG}?")
    expect(page.locator("html[data-keys=live]")).to_be_attached()
    page.keyboard.press("Space")
    expect(page.locator(".evidence p")).to_contain_text(SCRIPT)

    page.goto(f"{live_server.url}/articles/{hostile_bank.article_id}/")
    expect(page.locator("#p-0")).to_contain_text(f"Headline {SCRIPT}")
    expect(page.locator("#p-1 mark")).to_contain_text(IMG)
    shoot("untrusted-article", phone=False)

    assert page.evaluate("window.__xss") is None
    assert page.locator("main script, main img").count() == 0
    assert console_problems == []
