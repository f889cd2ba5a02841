"""`{% fixed_url 'name' %}`: the address of a URL that takes no arguments, reversed
once per process (per URLconf and script prefix: config.reversed_urls) rather than
on every render, as `{% url %}` does: base.html's navigation alone reversed eight
per page (issue 16).
`{% id_url 'name' key=id %}`: the address of a URL that takes one integer id
(`<int:…>`), reversed once per process with a stand-in id whose digits the real id
replaces, rather than on every render, as `{% url %}` does (~40 us each: twice per
study card, issue 16).
`{% fixed_static 'path' %}`: a static file's address, looked up once per process
(until a setting changes) rather than on every render, as `{% static %}` does: the
manifest lookup and URL joining of base.html's four files were a twentieth of the
study page's Python time (issue 16)."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.core.exceptions import ImproperlyConfigured
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
    """What `{% url name key=id %}` renders for a route of one integer id (`<int:…>`):
    the address reversed once per process with a stand-in id, the id written in its
    place. A value that is not a whole number, not below zero, is reversed as
    `{% url %}` does. Unlike `{% url … as var %}`, which gives '' when nothing matches,
    an address that cannot be reversed raises NoReverseMatch (there is no `as` form);
    a route whose address does not hold the stand-in exactly once (another converter,
    or its digits elsewhere in the address) raises ImproperlyConfigured."""
    ((key, value),) = kwargs.items()
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return reverse(name, kwargs=kwargs)
    head, tail = _around_stand_in(name, reversed_once(name, **{key: _STAND_IN_ID}))
    return head + str(value) + tail


@lru_cache(maxsize=4096)
def _around_stand_in(name: str, address: str) -> tuple[str, str]:
    """The address reversed with the stand-in id, cut where the id goes: checked once
    per address, the first time it is reversed."""
    stand_in = str(_STAND_IN_ID)
    if address.count(stand_in) != 1:
        raise ImproperlyConfigured(
            f"{{% id_url %}} serves routes of one integer id: {name!r} reversed with the "
            f"stand-in id {stand_in} gives {address!r}, which holds it "
            f"{address.count(stand_in)} times, not once; use {{% url %}}"
        )
    head, _, tail = address.partition(stand_in)
    return head, tail


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
