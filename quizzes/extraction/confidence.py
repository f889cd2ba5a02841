"""How often each rule's facts are right on the real development articles.

``scripts/calibrate_confidence.py`` measures it (per rule: facts right / facts made, on the
articles we may run the extractor on) and prints these tables; a rule not listed takes its
stage's default. Smoothed towards the stage's rate, so a rule seen twice is not "certain".
"""

from __future__ import annotations

DEFAULT = {"quotes": 0.81, "countries": 0.94, "events": 0.92}

QUOTES: dict[str, float] = {
    "same_paragraph_speaker": 0.87,  # 2/2
    "speech_verb.adjacent_name": 0.65,  # 0/1
    "speech_verb.definite_description": 0.85,  # 1/1
    "speech_verb.definite_person_noun": 0.65,  # 0/1
    "speech_verb.name_before_verb": 0.85,  # 1/1
    "speech_verb.named_person": 0.96,  # 16/16
    "speech_verb.organisation_subject": 0.6,  # 1/3
    "speech_verb.pronoun_subject": 0.72,  # 4/6
}
COUNTRIES: dict[str, float] = {
    "country_next_to_name": 0.96,  # 3/3
    "described_place": 0.96,  # 2/2
    "event_place_of_gathering": 0.95,  # 1/1
    "named_organisation": 0.82,  # 2/3
    "office_without_name": 0.95,  # 1/1
    "place": 0.96,  # 3/3
    "title_before_name": 0.96,  # 3/3
}
EVENTS: dict[str, float] = {
    "ago.verb_clause": 0.94,  # 1/1
    "anaphoric.verb_clause": 0.95,  # 2/2
    "dayword.verb_clause": 0.94,  # 1/1
    "mdy.verb_clause": 0.94,  # 1/1
    "month.relative_clause_noun": 0.94,  # 1/1
    "month.verb_clause": 0.95,  # 2/2
    "recent.verb_clause": 0.94,  # 1/1
    "relative.relative_clause_noun": 0.94,  # 1/1
    "relative.verb_clause": 0.94,  # 1/1
    "weekday.verb_clause": 0.89,  # 7/8
    "year.verb_clause": 0.88,  # 6/7
}

_TABLES = {"quotes": QUOTES, "countries": COUNTRIES, "events": EVENTS}


def confidence(stage: str, rule: str) -> float:
    """The calibrated confidence of a fact made by `rule` in `stage`."""
    return _TABLES[stage].get(rule, DEFAULT[stage])
