"""`{% fixed_url 'name' %}`: the address of a URL that takes no arguments, reversed
once per process (per URLconf and script prefix) rather than on every render, as
`{% url %}` does: base.html's navigation alone reversed eight per page (issue 16)."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@register.simple_tag
def fixed_url(name: str) -> str:
    """What `{% url name %}` renders (escaped alike: simple_tag escapes its output)."""
    return _reversed(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=256)
def _reversed(name: str, urlconf: str, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)  # (under `prefix`, the script prefix of this thread)
