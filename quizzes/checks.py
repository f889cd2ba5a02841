"""System checks of the content side (`manage.py check --deploy`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def article_fetch_private_check(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[CheckMessage]:
    """Fetching private and loopback addresses is for development and tests: in
    production it lets any teacher reach the server's own network."""
    if getattr(settings, "ARTICLE_FETCH_ALLOW_PRIVATE", False) and not settings.DEBUG:
        return [
            Warning(
                "ARTICLE_FETCH_ALLOW_PRIVATE is on with DEBUG off: adding an article by its "
                "address may then reach this server's own and private network.",
                hint="Unset ARTICLE_FETCH_ALLOW_PRIVATE (it is for development and tests only).",
                id="quizzes.W001",
            )
        ]
    return []
