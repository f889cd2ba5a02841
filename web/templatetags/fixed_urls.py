"""`{% fixed_url 'name' %}`: the address of a URL that takes no arguments, reversed
once per process (per URLconf and script prefix: config.reversed_urls) rather than
on every render, as `{% url %}` does: base.html's navigation alone reversed eight
per page (issue 16).
`{% fixed_static 'path' %}`: a static file's address, looked up once per process
(until a setting changes) rather than on every render, as `{% static %}` does: the
manifest lookup and URL joining of base.html's four files were a twentieth of the
study page's Python time (issue 16)."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

from config.reversed_urls import reversed_once

register = template.Library()


@register.simple_tag
def fixed_url(name: str) -> str:
    """What `{% url name %}` renders (escaped alike: simple_tag escapes its output)."""
    return reversed_once(name)


@register.simple_tag
def fixed_static(path: str) -> str:
    """What `{% static path %}` renders (escaped alike: simple_tag escapes its output)."""
    return _static(path)


@lru_cache(maxsize=64)
def _static(path: str) -> str:
    return static(path)  # (STATIC_URL's script prefix: Django's, fixed when first read)


@receiver(setting_changed)
def _static_forget(**kwargs: object) -> None:
    """A test's STATIC_URL, STORAGES or DEBUG: static addresses looked up again."""
    _static.cache_clear()
