"""`{% fixed_url 'name' %}`: the address of a URL that takes no arguments, reversed
once per process (per URLconf and script prefix: config.reversed_urls) rather than
on every render, as `{% url %}` does: base.html's navigation alone reversed eight
per page (issue 16).
`{% id_url 'name' key=id %}`: the address of a URL that takes one id, reversed once
per process with a stand-in id whose digits the real id replaces, rather than on
every render, as `{% url %}` does (~40 us each: twice per study card, issue 16).
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
from django.urls import reverse

from config.reversed_urls import reversed_once

register = template.Library()


@register.simple_tag
def fixed_url(name: str) -> str:
    """What `{% url name %}` renders (escaped alike: simple_tag escapes its output)."""
    return reversed_once(name)


# An id no address of a test or a database holds (twelve digits, no zero: no other
# part of a reversed address repeats it), replaced by the real id.
_STAND_IN_ID = 987_654_321_987


@register.simple_tag
def id_url(name: str, **kwargs: object) -> str:
    """What `{% url name key=id %}` renders for one id (a whole number, not below
    zero; anything else reversed as `{% url %}` does, errors included): the address
    reversed once per process with a stand-in id, the id written in its place."""
    ((key, value),) = kwargs.items()
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return reverse(name, kwargs=kwargs)
    return reversed_once(name, **{key: _STAND_IN_ID}).replace(str(_STAND_IN_ID), str(value))


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
