"""Caches that hold a whole article, cleared once the article is done.

Functions memoised on an article's text (or on a name and the article's text)
would otherwise keep thousands of whole articles alive in a long-running
worker. They register with `per_article`; `extract`, `review_questions` and
`generate_questions` call `clear_article_caches` when they return. Caches keyed
on module constants (words, country names) stay as they are.
"""

from __future__ import annotations

from functools import _CacheInfo
from typing import Protocol, TypeVar


class ArticleCache(Protocol):
    def cache_clear(self) -> None: ...

    def cache_info(self) -> _CacheInfo: ...


_C = TypeVar("_C", bound=ArticleCache)

_REGISTERED: list[ArticleCache] = []


def per_article(cached: _C) -> _C:
    """Register an lru_cache'd function whose entries hold an article's text."""
    _REGISTERED.append(cached)
    return cached


def article_caches() -> tuple[ArticleCache, ...]:
    return tuple(_REGISTERED)


def clear_article_caches() -> None:
    """Forget every registered cache: the article is done, keep no text alive."""
    for cached in _REGISTERED:
        cached.cache_clear()
