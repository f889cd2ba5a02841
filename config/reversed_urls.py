"""Addresses reversed once per process rather than on every use (issue 16): `reverse`
reads the thread's URLconf and script prefix, so what it gives is kept under those
(`url_context`) as well as under its arguments. Shared by the web's `{% fixed_url %}`
and `{% main_nav %}` and the API's card backs (a bank's article address)."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def url_context() -> tuple[str, str]:
    """The URLconf and the script prefix `reverse` reads in this thread: the key (with
    its arguments) under which a reversed address may be kept."""
    return get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


def reversed_once(viewname: str, **kwargs: str | int) -> str:
    """`reverse(viewname, kwargs=kwargs)`, once per process (per URLconf and script
    prefix)."""
    return _reversed(viewname, tuple(sorted(kwargs.items())), *url_context())


@lru_cache(maxsize=4096)
def _reversed(
    viewname: str, kwargs: tuple[tuple[str, str | int], ...], urlconf: str, prefix: str
) -> str:
    # (under `prefix`, the script prefix of this thread: reverse reads it)
    return reverse(viewname, kwargs=dict(kwargs) or None, urlconf=urlconf)
