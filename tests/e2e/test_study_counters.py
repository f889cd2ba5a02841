"""Over a 20-card session the progress bar never moves backwards, the counts are
split into new / learning / review, and a card back from its learning step is
marked as such."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import QuestionBankFactory, QuestionFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_session_bar_only_moves_forward_over_twenty_cards(
    page, live_server, log_in, shoot, console_problems
):
    bank = QuestionBankFactory(owner=UserFactory(username="editor", is_staff=True), title="Twenty")
    for n in range(20):
        QuestionFactory(bank=bank, prompt=f"Who said thing number {n}?", position=n)
    log_in(page, UserFactory(username="nadia"))
    page.goto(f"{live_server.url}/study/?bank={bank.pk}")
    bar = page.get_by_test_id("session-bar")
    expect(page.locator(".count-new")).to_have_text("20 new")
    shoot("study-counts")

    values = [int(bar.get_attribute("value"))]
    expect(page.locator("html[data-keys=live]")).to_be_attached()
    for n in range(24):  # the 20 new cards, then the first ones come back
        shown = page.locator('input[name="client_uuid"]').input_value()  # new on every card
        page.keyboard.press("Space")
        page.keyboard.press("1" if n in (3, 7) else "3")  # two misses come back sooner
        expect(page.locator(f'input[value="{shown}"]')).to_have_count(0)
        values.append(int(bar.get_attribute("value")))
        if page.get_by_test_id("all-done").count():
            break
        if n == 19:
            expect(page.get_by_test_id("returning")).to_contain_text("Back again · seen")
            expect(page.locator(".count-new")).to_have_text("0 new")
            shoot("study-returning")

    assert values == sorted(values), f"the bar went backwards: {values}"
    assert values[0] == 0
    assert values[-1] > 90
    assert console_problems == []
