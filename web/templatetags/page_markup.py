"""Loops of the student pages written in Python, the markup as the template loops
wrote it (issue 16: each variable of a loop is a lookup, an escape and a node
through the template engine; the study page's rating buttons and report reasons
were half of its variables, and a fifth of its rendering). Tests hold each to
the loop it replaced (tests/web/test_page_markup.py).

`{% main_nav nav %}`: the main navigation's items, `aria-current` on the page's
own, made once per process (per URLconf, script prefix and page) as `{% fixed_url %}`
reverses its addresses. `{% rating_buttons ratings %}`: the study card's four
buttons. `{% report_reasons_items report_reasons report_form %}`: the reasons of
"Report this question", the one the form was sent with checked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from django import template
from django.forms import BaseForm
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from config.reversed_urls import url_context

register = template.Library()

# (page name, URL name, label) of the main navigation, in its order
NAV_ITEMS = (
    ("home", "web:home", "Home"),
    ("study", "web:study", "Study"),
    ("quiz", "web:quiz_list", "Quiz"),
    ("progress", "web:progress", "Progress"),
    ("classes", "web:classes", "Classes"),
    ("preferences", "web:preferences", "Settings"),
)
_NAV_PAGES = frozenset(page for page, _, _ in NAV_ITEMS)


@register.simple_tag
def main_nav(nav: object) -> SafeString:
    """The navigation's `<li>` items, one a line as base.html's lines wrote them."""
    page = nav if isinstance(nav, str) and nav in _NAV_PAGES else None
    return _main_nav(page, *url_context())


@lru_cache(maxsize=64)
def _main_nav(page: str | None, urlconf: str, prefix: str) -> SafeString:
    # (under `prefix`, the script prefix of this thread: reverse reads it)
    lines = []
    for name, url_name, label in NAV_ITEMS:
        current = ' aria-current="page"' if name == page else ""
        href = conditional_escape(reverse(url_name, urlconf=urlconf))
        lines.append(f'<li><a href="{href}"{current}>{label}</a></li>')
    return mark_safe("\n          ".join(lines))  # fixed labels, escaped addresses


@register.simple_tag
def rating_buttons(ratings: Iterable[Mapping[str, Any]]) -> SafeString:
    """The study card's rating buttons (value, name, interval of each rating)."""
    parts = []
    for rating in ratings:
        value = conditional_escape(rating["value"])
        parts.append(
            f'\n              <button type="submit" name="rating" value="{value}" '
            f'class="rate rate-{value}" data-shortcut="{value}" '
            f'aria-keyshortcuts="{value}" data-testid="rate-{value}">'
            f"\n                <span>{conditional_escape(rating['name'])}</span>"
            f'\n                <span class="interval">{conditional_escape(rating["interval"])}</span>'
            f'\n                <span class="key" aria-hidden="true">key {value}</span>'
            "\n              </button>\n              "
        )
    return mark_safe("".join(parts))  # every value escaped above


@register.simple_tag
def report_reasons_items(
    reasons: Iterable[tuple[Any, Any]], form: BaseForm | None = None
) -> SafeString:
    """A radio button per reason; the one the bound form was sent with checked."""
    sent = form["reason"].value() if isinstance(form, BaseForm) else None
    parts = []
    for value, label in reasons:
        checked = " checked" if sent is not None and sent == value else ""
        parts.append(
            f'\n        <li><label><input type="radio" name="reason" '
            f'value="{conditional_escape(value)}" required{checked}> '
            f"{conditional_escape(label)}</label></li>\n        "
        )
    return mark_safe("".join(parts))  # every value escaped above
