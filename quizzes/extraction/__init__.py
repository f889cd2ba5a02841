"""Extraction: article text -> Facts (quotes and speakers, country links, dated events).

Pure core: takes a string, returns dataclasses (quizzes.extraction.facts); no ORM.
"""

from .facts import CountryLink, DatedEvent, Facts, Person, Quote
from .pipeline import extract

__all__ = ["CountryLink", "DatedEvent", "Facts", "Person", "Quote", "extract"]
