"""The strict Content-Security-Policy holds: no inline scripts, styles or
event handlers in the student templates, and the header is sent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
STUDENT_TEMPLATES = sorted(
    [
        *TEMPLATES.glob("base.html"),
        *TEMPLATES.glob("web/**/*.html"),
        *TEMPLATES.glob("registration/*.html"),
    ]
)


@pytest.mark.parametrize("path", STUDENT_TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_templates_have_no_inline_script_style_or_handlers(path):
    html = path.read_text(encoding="utf-8")

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"\sstyle\s*=", html), "inline style attribute"
    assert "<style" not in html
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert "hx-on" not in html


@pytest.mark.django_db
def test_pages_are_sent_with_the_strict_policy(student_client, news_bank):
    response = student_client.get(f"/study/?bank={news_bank.pk}")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert '<script src="/static/vendor/htmx.min.js" defer></script>' in response.content.decode()
