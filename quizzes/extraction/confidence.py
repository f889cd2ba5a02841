"""How often each rule's facts are right on the real development articles.

``scripts/calibrate_confidence.py`` measures it (per rule: facts right / facts made, on the
articles we may run the extractor on) and prints these tables; a rule not listed takes its
stage's default. Smoothed towards the stage's rate, so a rule seen twice is not "certain".
"""

from __future__ import annotations

DEFAULT = {"quotes": 0.99, "countries": 0.93, "events": 0.95}

QUOTES: dict[str, float] = {
    "colon_lead.court_text": 1.0,  # 1/1
    "colon_lead.named_person": 1.0,  # 3/3
    "colon_lead.pronoun_subject": 1.0,  # 1/1
    "heading.phrase_of_a_quotation": 1.0,  # 2/2
    "heading.repeats_a_quotation": 1.0,  # 1/1
    "nested.first_person": 1.0,  # 5/5
    "nested.named_speaker": 1.0,  # 1/1
    "only_person_of_previous_sentence": 1.0,  # 1/1
    "same_paragraph_speaker": 1.0,  # 36/36
    "speech_verb.according_to_source": 1.0,  # 1/1
    "speech_verb.adjacent_name": 1.0,  # 3/3
    "speech_verb.bare_national_body": 1.0,  # 1/1
    "speech_verb.body_named_before": 1.0,  # 1/1
    "speech_verb.body_of_country": 1.0,  # 1/1
    "speech_verb.country_subject": 1.0,  # 3/3
    "speech_verb.court_text": 1.0,  # 1/1
    "speech_verb.definite_description": 1.0,  # 8/8
    "speech_verb.definite_person_noun": 1.0,  # 3/3
    "speech_verb.document_author": 1.0,  # 13/13
    "speech_verb.document_named_before": 1.0,  # 5/5
    "speech_verb.heard_in_a_recording": 1.0,  # 1/1
    "speech_verb.name_after_role_phrase": 1.0,  # 5/5
    "speech_verb.name_after_title": 1.0,  # 4/4
    "speech_verb.name_before_verb": 1.0,  # 4/4
    "speech_verb.name_given_by": 1.0,  # 2/2
    "speech_verb.named_person": 1.0,  # 281/281
    "speech_verb.named_role_of_organisation": 1.0,  # 2/2
    "speech_verb.national_body": 1.0,  # 1/1
    "speech_verb.numbered_designation": 1.0,  # 1/1
    "speech_verb.organisation_in_apposition": 1.0,  # 3/3
    "speech_verb.organisation_pronoun": 1.0,  # 7/7
    "speech_verb.organisation_speaking_as_we": 1.0,  # 1/1
    "speech_verb.organisation_subject": 0.97,  # 28/29
    "speech_verb.organisation_subject_before": 1.0,  # 1/1
    "speech_verb.owned_organisation": 1.0,  # 1/1
    "speech_verb.owner_of_channel": 1.0,  # 1/1
    "speech_verb.part_of_document": 1.0,  # 1/1
    "speech_verb.person_after_source": 1.0,  # 1/1
    "speech_verb.pronoun_subject": 0.98,  # 60/61
    "speech_verb.reporting_clause": 1.0,  # 4/4
    "speech_verb.research_text_author": 1.0,  # 1/1
    "speech_verb.subject_across_an_aside": 0.85,  # 2/3
    "speech_verb.text_of_an_act": 1.0,  # 1/1
    "speech_verb.text_with_its_own_author": 1.0,  # 1/1
    "speech_verb.the_latter_or_former": 1.0,  # 1/1
    "speech_verb.they_after_named_people": 1.0,  # 2/2
    "speech_verb.unnamed_person_named": 1.0,  # 1/1
    "speech_verb.verb_opening_the_sentence": 1.0,  # 1/1
    "text_as_subject.document_author": 1.0,  # 1/1
    "text_as_subject.research_text_author": 1.0,  # 1/1
}
COUNTRIES: dict[str, float] = {
    "act_backed_by_country": 0.95,  # 1/1
    "act_of_country": 0.96,  # 3/3
    "act_of_country_placed": 0.95,  # 1/1
    "apposition": 0.98,  # 47/48
    "attack_on_country": 0.96,  # 2/2
    "bodies_listed_after_a_possessive": 0.96,  # 2/2
    "bodies_of_listed_countries": 0.98,  # 10/10
    "bodies_placed_together": 0.96,  # 2/2
    "body_took_country": 0.95,  # 1/1
    "carried_to_a_place": 0.79,  # 1/2
    "case_a_court_ruled": 0.95,  # 1/1
    "chamber_of_a_body": 0.95,  # 1/1
    "clause_placed": 0.98,  # 7/7
    "counted_things": 0.95,  # 1/1
    "country_next_to_name": 0.98,  # 11/11
    "dead_in_country": 0.84,  # 3/4
    "demonyms_in_country": 0.93,  # 12/13
    "described_by_country": 0.93,  # 13/14
    "described_organisation": 0.95,  # 1/1
    "described_place": 0.99,  # 19/19
    "description": 0.77,  # 14/19
    "envoy_posting": 0.95,  # 1/1
    "event_a_country_suffered": 0.96,  # 3/3
    "event_hit_country": 0.97,  # 4/4
    "event_host_country": 0.95,  # 1/1
    "event_place_of_event_phrase": 0.86,  # 4/5
    "event_place_of_gathering": 0.95,  # 1/1
    "exit_of_country": 0.97,  # 4/4
    "facility": 0.95,  # 1/1
    "facility_named_after_city": 0.96,  # 2/2
    "figure_in_country": 0.97,  # 4/4
    "figure_of_country": 0.95,  # 1/1
    "from_country_after": 0.98,  # 8/8
    "group_founded_by_country": 0.95,  # 1/1
    "groups_comprising": 0.97,  # 4/4
    "groups_from_countries": 0.97,  # 6/6
    "groups_joined_by": 0.97,  # 5/5
    "home_nation_in_its_state": 0.95,  # 1/1
    "hyphenated_title": 0.95,  # 1/1
    "incident_harming": 0.96,  # 3/3
    "incident_in_a_city": 0.96,  # 3/3
    "institution_named_after_place": 0.96,  # 3/3
    "life_nouns": 0.95,  # 1/1
    "life_places": 0.87,  # 5/6
    "listed_office_holders": 0.97,  # 4/4
    "mainland_of_a_country": 0.82,  # 2/3
    "named_members_of_group": 0.98,  # 7/7
    "named_organisation": 0.98,  # 116/118
    "named_organisation_placed": 0.95,  # 1/1
    "named_place_placed": 0.97,  # 6/6
    "named_site_placed": 0.96,  # 2/2
    "named_storm_in_country": 0.96,  # 3/3
    "national_arm_of_brand": 0.96,  # 3/3
    "national_body_named_in_full": 0.97,  # 6/6
    "nationality_in_apposition": 0.95,  # 1/1
    "nationality_noun": 0.85,  # 157/186
    "nationality_noun_placed": 0.89,  # 6/7
    "noun_of_country": 0.92,  # 11/12
    "office_of_a_place": 0.96,  # 2/2
    "office_of_a_territory": 0.95,  # 1/1
    "office_taken": 0.96,  # 3/3
    "office_without_name": 0.75,  # 3/5
    "pair_of_countries": 0.97,  # 6/6
    "participle_from_country": 0.95,  # 1/1
    "people_through_organisations": 0.95,  # 1/1
    "place": 0.97,  # 89/92
    "place_of_a_country": 0.96,  # 3/3
    "posted_to": 0.96,  # 2/2
    "region_a_body_serves": 0.95,  # 1/1
    "respectively": 0.96,  # 3/3
    "shared_demonym": 0.95,  # 1/1
    "site_placed": 0.93,  # 14/15
    "site_run_by_body": 0.95,  # 1/1
    "subject_placed": 0.88,  # 20/23
    "territory_in_its_state": 0.98,  # 7/7
    "thing_a_country_leads": 0.95,  # 1/1
    "thing_in_country": 0.89,  # 15/17
    "thing_led_by_country": 0.95,  # 1/1
    "title_before_name": 0.99,  # 107/108
    "town_of_a_country": 0.96,  # 2/2
    "where_clause_of_country": 0.95,  # 1/1
}
EVENTS: dict[str, float] = {
    "age.verb_clause": 0.96,  # 1/1
    "ago.verb_clause": 0.8,  # 5/7
    "ago.verb_clause.quoted": 0.96,  # 1/1
    "ahead.verb_clause": 0.97,  # 2/2
    "ahead.verb_clause.quoted": 0.96,  # 1/1
    "anaphoric.relative_clause_noun": 0.96,  # 1/1
    "anaphoric.verb_clause": 0.93,  # 36/39
    "anchor.parenthetical_participle": 0.96,  # 1/1
    "anchor.relative_clause_noun": 0.85,  # 3/4
    "anchor.temporal_noun_phrase": 0.96,  # 1/1
    "anchor.verb_clause": 0.9,  # 74/82
    "anchor.verb_clause.quoted": 0.63,  # 0/2
    "century.parenthetical_participle": 0.96,  # 1/1
    "century.verb_clause.quoted": 0.96,  # 1/1
    "clock.relative_clause_noun": 0.96,  # 1/1
    "clock.verb_clause": 0.99,  # 29/29
    "clock.verb_clause.quoted": 0.96,  # 1/1
    "coming.reported_pronoun": 0.96,  # 1/1
    "dayword.noun_phrase_subject.quoted": 0.96,  # 1/1
    "dayword.relative_clause_noun.quoted": 0.96,  # 1/1
    "dayword.temporal_noun_phrase": 0.96,  # 1/1
    "dayword.verb_clause": 0.99,  # 93/94
    "dayword.verb_clause.quoted": 0.91,  # 8/9
    "decade.verb_clause": 0.98,  # 8/8
    "dmy.temporal_noun_phrase": 0.96,  # 1/1
    "dmy.verb_clause.quoted": 0.96,  # 1/1
    "duration.noun_phrase_subject": 0.76,  # 0/1
    "duration.verb_clause": 0.43,  # 7/21
    "duration.verb_clause.quoted": 0.85,  # 3/4
    "endof.verb_clause": 0.96,  # 1/1
    "every.verb_clause": 0.97,  # 2/2
    "mdy.noun_phrase_subject": 0.98,  # 4/4
    "mdy.parenthetical_participle.quoted": 0.76,  # 0/1
    "mdy.relative_clause_noun": 0.91,  # 8/9
    "mdy.reported_pronoun": 0.8,  # 1/2
    "mdy.temporal_noun_phrase": 0.97,  # 2/2
    "mdy.verb_clause": 1.0,  # 94/94
    "mdy.verb_clause.quoted": 0.98,  # 5/5
    "month.noun_phrase_subject": 0.96,  # 1/1
    "month.relative_clause_noun": 0.98,  # 5/5
    "month.temporal_noun_phrase": 0.96,  # 1/1
    "month.verb_clause": 0.98,  # 64/65
    "month.verb_clause.quoted": 0.97,  # 3/3
    "partofday.relative_clause_noun": 0.96,  # 1/1
    "partofday.relative_clause_noun.quoted": 0.96,  # 1/1
    "partofday.verb_clause": 0.8,  # 5/7
    "range.relative_clause_noun": 0.96,  # 1/1
    "range.verb_clause": 0.99,  # 11/11
    "recent.verb_clause": 0.68,  # 3/6
    "recent.verb_clause.quoted": 0.97,  # 2/2
    "relative.noun_phrase_subject": 0.97,  # 2/2
    "relative.relative_clause_noun": 0.97,  # 3/3
    "relative.relative_clause_noun.quoted": 0.98,  # 4/4
    "relative.reported_pronoun": 0.97,  # 2/2
    "relative.temporal_noun_phrase": 0.96,  # 1/1
    "relative.temporal_noun_phrase.quoted": 0.96,  # 1/1
    "relative.verb_clause": 0.98,  # 61/62
    "relative.verb_clause.quoted": 0.98,  # 8/8
    "sport.verb_clause": 0.96,  # 1/1
    "sport.verb_clause.quoted": 0.96,  # 1/1
    "weekday.noun_phrase_subject": 0.98,  # 4/4
    "weekday.parenthetical_participle": 0.96,  # 1/1
    "weekday.relative_clause_noun": 0.98,  # 4/4
    "weekday.reported_pronoun": 0.96,  # 1/1
    "weekday.temporal_noun_phrase": 0.98,  # 4/4
    "weekday.temporal_noun_phrase.quoted": 0.96,  # 1/1
    "weekday.verb_clause": 0.99,  # 272/275
    "weekday.verb_clause.quoted": 0.96,  # 1/1
    "weekend.verb_clause": 0.97,  # 2/2
    "weekof.verb_clause": 0.96,  # 1/1
    "within.relative_clause_noun": 0.97,  # 2/2
    "within.verb_clause": 0.48,  # 0/4
    "writing.verb_clause": 0.96,  # 1/1
    "year.noun_phrase_subject": 0.98,  # 5/5
    "year.parenthetical_participle": 0.96,  # 1/1
    "year.relative_clause_noun": 0.98,  # 8/8
    "year.temporal_noun_phrase": 0.88,  # 5/6
    "year.temporal_noun_phrase.quoted": 0.96,  # 1/1
    "year.verb_clause": 0.98,  # 189/192
    "year.verb_clause.quoted": 0.96,  # 1/1
}

_TABLES = {"quotes": QUOTES, "countries": COUNTRIES, "events": EVENTS}


def confidence(stage: str, rule: str) -> float:
    """The calibrated confidence of a fact made by `rule` in `stage`."""
    return _TABLES[stage].get(rule, DEFAULT[stage])
