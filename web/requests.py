"""The request type of a signed-in page, for the type checker: behind
`@login_required` the user is a `User`, never anonymous, and django-htmx's middleware
adds `htmx`. Annotations only; Django builds the requests."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class PageRequest(HttpRequest):
    """Any page's request: django-htmx's middleware adds `htmx`."""

    htmx: HtmxDetails


class SignedInRequest(PageRequest):
    user: User  # narrowed: @login_required ran first
