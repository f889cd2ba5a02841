"""Article text -> Facts: one spaCy parse, then the stages in this order.

1. people     (``people.PeopleIndex.build``): who is who, mentions grouped under one name;
2. quotes     (``quotes.extract_quotes``): quotations and their speakers, using the people;
3. countries  (``countries.extract_country_links``): people, places, organisations and events
              tied to a country, using the people;
4. events     (``events.extract_dated_events``): time expressions and the clauses they date.

Each stage runs its own ordered list of rules (``RULES`` in its package; see README.md).
"""

from __future__ import annotations

from datetime import date

from .article_caches import clear_article_caches
from .countries import extract_country_links
from .dates import keep_doc_text
from .events import extract_dated_events
from .facts import Facts
from .nlp import get_nlp
from .people import PeopleIndex
from .quotes import extract_quotes


def extract(text: str, *, published: date | None = None) -> Facts:
    """Quotes with speakers, country links and dated events found in an article.

    `published` (the article's publication date) resolves relative dates such as
    "last week" or "earlier this month"; without it they get date None.
    The per-article caches are cleared on return so a long-running worker keeps
    no article text alive.
    """
    try:
        doc = get_nlp()(text)
        keep_doc_text(doc, text)
        people = PeopleIndex.build(doc)
        quotes = extract_quotes(doc, people=people)
        countries = extract_country_links(doc, people=people)
        events = extract_dated_events(doc, published=published)
    finally:
        clear_article_caches()
    return Facts(quotes=quotes, countries=countries, events=events, people=list(people.people))
