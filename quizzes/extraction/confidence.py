"""How often each rule's facts are right on the real development articles.

``scripts/calibrate_confidence.py`` measures it (per rule: facts right / facts made, on the
articles we may run the extractor on) and prints these tables; a rule not listed takes its
stage's default. Smoothed towards the stage's rate, so a rule seen twice is not "certain".
"""

from __future__ import annotations

DEFAULT = {"quotes": 0.99, "countries": 0.93, "events": 0.94}

QUOTES: dict[str, float] = {
    "colon_lead.court_text": 0.99,  # 1/1
    "colon_lead.named_person": 0.99,  # 1/1
    "colon_lead.pronoun_subject": 0.99,  # 1/1
    "nested.first_person": 0.99,  # 3/3
    "same_paragraph_speaker": 1.0,  # 27/27
    "speech_verb.according_to_source": 0.99,  # 1/1
    "speech_verb.adjacent_name": 0.99,  # 1/1
    "speech_verb.bare_national_body": 0.99,  # 1/1
    "speech_verb.court_text": 0.99,  # 1/1
    "speech_verb.definite_description": 0.99,  # 5/5
    "speech_verb.definite_person_noun": 0.99,  # 3/3
    "speech_verb.document_author": 0.99,  # 7/7
    "speech_verb.name_after_title": 0.99,  # 3/3
    "speech_verb.name_before_verb": 0.99,  # 2/2
    "speech_verb.name_under_role_noun": 0.99,  # 1/1
    "speech_verb.named_person": 0.99,  # 142/144
    "speech_verb.named_role_of_organisation": 0.99,  # 2/2
    "speech_verb.national_body": 0.99,  # 1/1
    "speech_verb.organisation_in_apposition": 0.99,  # 2/2
    "speech_verb.organisation_pronoun": 0.99,  # 3/3
    "speech_verb.organisation_subject": 0.96,  # 20/21
    "speech_verb.organisation_subject_before": 0.99,  # 1/1
    "speech_verb.owned_organisation": 0.99,  # 1/1
    "speech_verb.part_of_document": 0.99,  # 1/1
    "speech_verb.pronoun_subject": 0.98,  # 44/45
    "speech_verb.reporting_clause": 0.99,  # 1/1
    "speech_verb.unnamed_person_named": 0.99,  # 1/1
}
COUNTRIES: dict[str, float] = {
    "act_of_country": 0.96,  # 3/3
    "act_of_country_placed": 0.95,  # 1/1
    "apposition": 0.92,  # 24/26
    "bodies_of_listed_countries": 0.97,  # 5/5
    "bodies_placed_together": 0.95,  # 2/2
    "country_next_to_name": 0.98,  # 9/9
    "demonyms_in_country": 0.97,  # 4/4
    "described_by_country": 0.91,  # 9/10
    "described_place": 0.98,  # 8/8
    "description": 0.8,  # 9/12
    "event_hit_country": 0.95,  # 1/1
    "event_place_of_event_phrase": 0.79,  # 1/2
    "event_place_of_gathering": 0.95,  # 1/1
    "facility_named_after_city": 0.95,  # 2/2
    "from_country_after": 0.97,  # 4/4
    "group_founded_by_country": 0.95,  # 1/1
    "groups_comprising": 0.97,  # 4/4
    "groups_joined_by": 0.97,  # 5/5
    "home_nation_in_its_state": 0.95,  # 1/1
    "hyphenated_title": 0.95,  # 1/1
    "life_nouns": 0.95,  # 1/1
    "life_places": 0.97,  # 4/4
    "named_members_of_group": 0.97,  # 4/4
    "named_organisation": 0.97,  # 64/66
    "named_organisation_placed": 0.95,  # 1/1
    "nationality_noun": 0.86,  # 81/95
    "nationality_noun_placed": 0.97,  # 4/4
    "noun_of_country": 0.87,  # 5/6
    "office_taken": 0.95,  # 1/1
    "office_without_name": 0.84,  # 3/4
    "pair_of_countries": 0.97,  # 4/4
    "participle_from_country": 0.95,  # 1/1
    "people_through_organisations": 0.95,  # 1/1
    "place": 0.96,  # 28/29
    "posted_to": 0.95,  # 2/2
    "respectively": 0.96,  # 3/3
    "shared_demonym": 0.95,  # 1/1
    "subject_placed": 0.97,  # 4/4
    "thing_a_country_leads": 0.95,  # 1/1
    "thing_in_country": 0.9,  # 8/9
    "title_before_name": 0.99,  # 49/49
    "title_body": 0.95,  # 1/1
    "where_clause_of_country": 0.95,  # 1/1
}
EVENTS: dict[str, float] = {
    "age.noun_phrase_subject": 0.75,  # 0/1
    "age.verb_clause": 0.79,  # 1/2
    "ago.verb_clause": 0.96,  # 2/2
    "ago.verb_clause.quoted": 0.95,  # 1/1
    "ahead.verb_clause": 0.95,  # 1/1
    "ahead.verb_clause.quoted": 0.95,  # 1/1
    "anaphoric.verb_clause": 0.94,  # 15/16
    "anchor.parenthetical_participle": 0.95,  # 1/1
    "anchor.relative_clause_noun": 0.82,  # 2/3
    "anchor.verb_clause": 0.93,  # 42/45
    "anchor.verb_clause.quoted": 0.75,  # 0/1
    "century.verb_clause.quoted": 0.95,  # 1/1
    "clock.verb_clause": 0.97,  # 6/6
    "coming.reported_pronoun": 0.95,  # 1/1
    "dayword.noun_phrase_subject.quoted": 0.95,  # 1/1
    "dayword.relative_clause_noun.quoted": 0.95,  # 1/1
    "dayword.verb_clause": 0.99,  # 32/32
    "dayword.verb_clause.quoted": 0.87,  # 5/6
    "decade.verb_clause": 0.97,  # 4/4
    "duration.noun_phrase_subject": 0.75,  # 0/1
    "duration.relative_clause_noun": 0.75,  # 0/1
    "duration.verb_clause": 0.81,  # 6/8
    "duration.verb_clause.quoted": 0.75,  # 3/5
    "every.verb_clause": 0.96,  # 2/2
    "mdy.noun_phrase_subject": 0.96,  # 2/2
    "mdy.relative_clause_noun": 0.95,  # 1/1
    "mdy.verb_clause": 0.94,  # 32/34
    "mdy.verb_clause.quoted": 0.96,  # 2/2
    "month.noun_phrase_subject": 0.95,  # 1/1
    "month.relative_clause_noun": 0.95,  # 1/1
    "month.temporal_noun_phrase": 0.95,  # 1/1
    "month.verb_clause": 0.99,  # 18/18
    "partofday.relative_clause_noun": 0.95,  # 1/1
    "partofday.relative_clause_noun.quoted": 0.95,  # 1/1
    "partofday.verb_clause": 0.95,  # 1/1
    "range.verb_clause": 0.97,  # 4/4
    "recent.verb_clause": 0.96,  # 3/3
    "recent.verb_clause.quoted": 0.95,  # 1/1
    "relative.noun_phrase_subject": 0.95,  # 1/1
    "relative.relative_clause_noun": 0.96,  # 2/2
    "relative.relative_clause_noun.quoted": 0.96,  # 2/2
    "relative.reported_pronoun": 0.95,  # 1/1
    "relative.verb_clause": 0.94,  # 31/33
    "relative.verb_clause.quoted": 0.96,  # 3/3
    "sport.verb_clause": 0.95,  # 1/1
    "sport.verb_clause.quoted": 0.95,  # 1/1
    "weekday.noun_phrase_subject": 0.82,  # 2/3
    "weekday.relative_clause_noun": 0.82,  # 2/3
    "weekday.temporal_noun_phrase": 0.96,  # 2/2
    "weekday.temporal_noun_phrase.quoted": 0.95,  # 1/1
    "weekday.verb_clause": 0.96,  # 112/117
    "weekend.verb_clause": 0.96,  # 2/2
    "within.relative_clause_noun": 0.96,  # 2/2
    "within.verb_clause": 0.68,  # 1/3
    "year.noun_phrase_subject": 0.84,  # 3/4
    "year.parenthetical_participle": 0.95,  # 1/1
    "year.relative_clause_noun": 0.96,  # 3/3
    "year.temporal_noun_phrase": 0.96,  # 2/2
    "year.verb_clause": 0.97,  # 89/92
}

_TABLES = {"quotes": QUOTES, "countries": COUNTRIES, "events": EVENTS}


def confidence(stage: str, rule: str) -> float:
    """The calibrated confidence of a fact made by `rule` in `stage`."""
    return _TABLES[stage].get(rule, DEFAULT[stage])
