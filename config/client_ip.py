"""The client's address, read one way by everything that keys on it: DRF's
throttles (the "login" rate) and django-axes (the lockout).

Behind N proxies (`NUM_PROXIES`, from DJANGO_NUM_PROXIES; 0 = the app is reached
directly), the client is the N-th address from the right of X-Forwarded-For: the
one our own outermost proxy appended. Anything to its left was sent by the client
and is ignored, so a made-up header per request neither dodges the throttle nor
spreads failures over many "addresses". With 0 the header is ignored entirely.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, cast

from rest_framework.throttling import BaseThrottle

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request


def client_ip(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address DRF's throttles see (DRF's own
    `get_ident`, which reads REST_FRAMEWORK["NUM_PROXIES"])."""
    # axes passes Django's request; get_ident reads only its META, which both have.
    return BaseThrottle().get_ident(cast("Request", request))


def lockout_seconds() -> int:
    """How long a lock lasts from the failure that set (or renewed) it: axes
    restarts the cool-off on each attempt made while locked out, so this is also
    the honest Retry-After of a lockout answer."""
    from axes.helpers import get_cool_off  # needs the app registry

    cool_off = get_cool_off()
    return math.ceil(cool_off.total_seconds()) if cool_off else 0
