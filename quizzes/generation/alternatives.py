"""New wrong options for one question, on a teacher's request (the review page's
"New distractors"). Pure: the same ranked candidates the builders pick from
(quizzes.generation.distractors), continued past the ones the question shows now,
so each request brings the next plausible options rather than the same ones.

    >>> fresh_distractors("which_country", "Hungary", current=["Austria", "Slovakia"], count=2)
    ['Romania', 'Serbia']   # (for example: the next neighbours by size)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .dates import PartialDate, parse_label
from .distractors import country_distractors, date_distractors, person_distractors
from .text import normalise

KINDS = ("who_said", "which_country", "when")
_POOL = 40  # candidates ranked; more than anyone asks for in one review


def _ranked(
    kind: str,
    answer: str,
    *,
    people: Sequence[str],
    other_people: Sequence[str],
    countries: Sequence[str],
    dates: Sequence[str],
    published: date | None,
) -> list[str]:
    if kind == "who_said":
        return person_distractors(answer, speakers=people, other_people=other_people, limit=_POOL)
    if kind == "which_country":
        return country_distractors(answer, article_countries=countries, limit=_POOL)
    if kind == "when":
        when = parse_label(answer)
        if when is None:
            return []
        latest = PartialDate(published.year, published.month, published.day) if published else None
        article_dates = [d for d in (parse_label(label) for label in dates) if d is not None]
        return date_distractors(when, article_dates=article_dates, latest=latest, limit=_POOL)
    return []


def fresh_distractors(
    kind: str,
    answer: str,
    *,
    current: Sequence[str],
    count: int,
    people: Sequence[str] = (),
    other_people: Sequence[str] = (),
    countries: Sequence[str] = (),
    dates: Sequence[str] = (),
    published: date | None = None,
) -> list[str]:
    """Up to `count` wrong options of the answer's type that the question does not
    show now: the generator's ranking, starting after the last one shown."""
    ranked = _ranked(
        kind,
        answer,
        people=people,
        other_people=other_people,
        countries=countries,
        dates=dates,
        published=published,
    )
    shown = {normalise(text) for text in current} | {normalise(answer)}
    keys = [normalise(text) for text in ranked]
    start = max((i + 1 for i, key in enumerate(keys) if key in shown), default=0)
    rotated = ranked[start:] + ranked[:start]
    return [text for text in rotated if normalise(text) not in shown][:count]
