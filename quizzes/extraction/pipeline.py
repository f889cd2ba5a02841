"""Article text -> Facts: one spaCy parse, then linear rule passes over it."""

from __future__ import annotations

from datetime import date

from .facts import Facts
from .nlp import get_nlp
from .people import PeopleIndex
from .quotes import extract_quotes


def extract(text: str, *, published: date | None = None) -> Facts:
    """Quotes with speakers, country links and dated events found in an article.

    `published` (the article's publication date) resolves relative dates such as
    "last week" or "earlier this month"; without it they get date None.
    """
    try:
        from .countries import extract_country_links
        from .events import extract_dated_events
    except ImportError as exc:  # pragma: no cover - only while a module is being written
        raise ImportError(f"quizzes.extraction is incomplete: {exc}") from exc

    doc = get_nlp()(text)
    people = PeopleIndex.build(doc)
    quotes = extract_quotes(doc, people=people)
    countries = extract_country_links(doc, people=people)
    events = extract_dated_events(doc, published=published)
    return Facts(quotes=quotes, countries=countries, events=events, people=list(people.people))
