"""End-to-end tests in Debian's Chromium through pytest-playwright, against
pytest-django's live server.

The browser is /usr/bin/chromium (`apt-get install chromium`); when it is
missing these tests FAIL with a message saying so, they never skip.
Screenshots go to test-artifacts/screenshots/ (printed at the end of the run).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

# A page must answer within 15 s, not Playwright's 5 s: on a 2-core machine under
# a full parallel run the live server (one thread) can take longer than 5 s to
# answer a form post; what the tests check is what appears, not how fast.
expect.set_options(timeout=15_000)

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# from the test body are still made synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install it (apt-get install -y chromium); "
            "the browser tests do not skip.",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """The live server: Playwright resolves a relative `page.goto("/...")` against it.
    Defined here, it replaces pytest-playwright's own fallback fixture, a session
    fixture written as an instance method (PytestRemovedIn10Warning under pytest 9)."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "en-GB"}


@pytest.fixture
def console_problems(page):
    """Console errors and uncaught exceptions of the page (CSP violations included)."""
    problems: list[str] = []

    def on_console(message):
        # A form with errors answers 400 on purpose; anything else is a problem.
        if message.type == "error" and "status of 400" not in message.text:
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    return problems


@pytest.fixture
def shoot(page, request):
    """shoot("home") saves home-desktop.png and home-phone.png (full page), and
    checks that nothing makes the page wider than a 375 px phone screen."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    taken: list[Path] = []

    def take(name: str, *, phone: bool = True) -> None:
        # Finish the entrance animations first, and keep the text caret (hiding it, or
        # stopping a running animation, makes the screenshot inject a style, which
        # the site's CSP rightly refuses: a console error).
        page.evaluate("() => document.getAnimations().forEach(a => a.finish())")
        path = SCREENSHOTS / f"{name}-desktop.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled", caret="initial")
        taken.append(path)
        if phone:
            page.set_viewport_size(PHONE)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{name}: the page is {width}px wide on a phone"
            path = SCREENSHOTS / f"{name}-phone.png"
            page.screenshot(path=str(path), full_page=True, animations="disabled", caret="initial")
            taken.append(path)
            page.set_viewport_size(DESKTOP)

    yield take
    if taken:
        request.config._e2e_screenshots = True


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if getattr(config, "_e2e_screenshots", False):
        terminalreporter.write_line(f"e2e screenshots: {SCREENSHOTS}")


@pytest.fixture
def log_in(live_server):
    """log_in(page_or_context, user): the browser gets a logged-in session cookie
    (the login form itself is exercised in test_student_journey)."""
    from django.conf import settings
    from django.test import Client

    def enter(target, user) -> None:
        client = Client()
        client.force_login(user)
        context = getattr(target, "context", target)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return enter
