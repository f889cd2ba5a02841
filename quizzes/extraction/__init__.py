"""Extraction: article text -> Facts (quotes and speakers, country links, dated events).

Pure core: takes a string, returns dataclasses (quizzes.extraction.facts); no ORM.

`extract` is imported on first use: importing this package (e.g. for its lexicon,
which answer matching reads) must not load spaCy into web processes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .facts import CountryLink, DatedEvent, Facts, Person, Quote

if TYPE_CHECKING:
    from .pipeline import extract

__all__ = ["CountryLink", "DatedEvent", "Facts", "Person", "Quote", "extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from .pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
