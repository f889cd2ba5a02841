"""Country-link and dated-event passes against spaCy's parse (prints figures; not a test).

For the sample article and the extraction tests' articles, with the pipeline and the
geography data already loaded: the median time of spaCy's parse, of
``extract_country_links`` and of ``extract_dated_events`` over 7 runs, and their share of
the parse. Also the one-off cost of loading the geography data (once per process).

Run: .venv/bin/python bench/bench_countries_events.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from quizzes.extraction import geo  # noqa: E402
from quizzes.extraction.countries import extract_country_links  # noqa: E402
from quizzes.extraction.events import extract_dated_events  # noqa: E402
from quizzes.extraction.nlp import get_nlp  # noqa: E402
from quizzes.extraction.people import PeopleIndex  # noqa: E402

RUNS = 7
SOURCES = [ROOT / "fixtures" / "seed_article.txt"] + sorted(
    (ROOT / "tests" / "quizzes" / "extraction" / "articles").glob("*.txt")
)


def median_ms(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    nlp = get_nlp()
    start = time.perf_counter()
    geo._geo()
    print(f"geography data load (once per process): {(time.perf_counter() - start) * 1000:.0f} ms")
    total = {"parse": 0.0, "countries": 0.0, "events": 0.0}
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        people = PeopleIndex.build(doc)
        parse = median_ms(lambda text=text: nlp(text))
        countries = median_ms(
            lambda doc=doc, people=people: extract_country_links(doc, people=people)
        )
        events = median_ms(lambda doc=doc: extract_dated_events(doc, published=date(2022, 9, 30)))
        total["parse"] += parse
        total["countries"] += countries
        total["events"] += events
        print(
            f"{path.name:24s} {len(text):6d} chars  parse {parse:7.1f} ms  countries {countries:5.1f} ms"
            f"  events {events:5.1f} ms  (+{(countries + events) / parse:.1%} of the parse)"
        )
    share = (total["countries"] + total["events"]) / total["parse"]
    print(
        f"all {len(SOURCES)} articles: parse {total['parse']:.0f} ms, countries {total['countries']:.0f} ms,"
        f" events {total['events']:.0f} ms -> countries + events = {share:.1%} of the bare parse"
    )


if __name__ == "__main__":
    main()
