"""Country links: one test per link form, on short invented sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Span

from quizzes.extraction.countries import extract_country_links
from quizzes.extraction.people import PeopleIndex

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture
def links_of(nlp):
    def run(text: str, *, with_people: bool = True) -> list:
        doc = nlp(text)
        people = PeopleIndex.build(doc) if with_people else None
        found = extract_country_links(doc, people=people)
        for link in found:  # evidence offsets always point at the evidence sentence
            assert text[link.evidence_start : link.evidence_end] == link.evidence
        return found

    return run


def pairs(links) -> set[tuple[str, str]]:
    return {(link.subject, link.country) for link in links}


def test_nationality_title_before_a_name(links_of):
    found = links_of("Russian President Vladimir Putin met reporters in the capital on Monday.")
    assert ("Vladimir Putin", "Russia") in pairs(found)
    assert found[0].subject_kind == "person"


def test_lowercase_former_title_before_a_name(links_of):
    found = links_of("Former German chancellor Angela Merkel visited the factory.")
    assert pairs(found) == {("Angela Merkel", "Germany")}


def test_office_of_a_country_before_a_name(links_of):
    found = links_of(
        "The deputy head of Chile's national mining council Pedro Alvarado said the talks had failed."
    )
    assert ("Pedro Alvarado", "Chile") in pairs(found)


def test_adjective_derived_from_a_stan_country(links_of):
    found = links_of("Kazakh President Kassym-Jomart Tokayev described the situation as hopeless.")
    assert ("Kassym-Jomart Tokayev", "Kazakhstan") in pairs(found)


def test_apposition_after_the_name(links_of):
    found = links_of("Sergei Lavrov, Russia's foreign minister, arrived on Tuesday.")
    assert ("Sergei Lavrov", "Russia") in pairs(found)


def test_apposition_with_a_nationality_and_a_base_city(links_of):
    found = links_of(
        '"The deal is fragile," said Ana Torres, a Colombian economist based in Bogota.'
    )
    assert ("Ana Torres", "Colombia") in pairs(found)
    assert ("Bogota", "Colombia") in pairs(found)


def test_office_without_a_name(links_of):
    found = links_of("The delegates were kept waiting by the president of Moldova.")
    assert ("president of Moldova", "Moldova") in pairs(found)


def test_office_without_a_name_resolves_to_the_office_holder(links_of):
    found = links_of(
        "Kenyan President William Ruto opened the fair. Later the Kenyan president toured the stands."
    )
    assert pairs(found) == {("William Ruto", "Kenya")}


def test_organisation_named_with_a_nationality(links_of):
    assert ("Bank of Japan", "Japan") in pairs(links_of("The Bank of Japan raised interest rates."))


def test_named_initiative_of_a_possessive_country(links_of):
    found = links_of(
        "Japan has built close links with the islands through its Pacific Partnership Programme."
    )
    assert ("Pacific Partnership Programme", "Japan") in pairs(found)


def test_event_held_in_a_city_with_its_acronym_spelt_out(links_of):
    found = links_of(
        "Members of the North Atlantic Treaty Organization met on Monday. "
        "At the NATO summit in Vilnius, leaders agreed a new plan."
    )
    assert ("North Atlantic Treaty Organization summit", "Lithuania") in pairs(found)
    event = next(link for link in found if link.subject_kind == "event")
    assert event.evidence.startswith("At the NATO summit")


def test_event_whose_place_is_on_the_verb(links_of):
    found = links_of("Ministers gathered in Ghana for the West African Fisheries Council meeting.")
    assert ("West African Fisheries Council meeting", "Ghana") in pairs(found)


def test_city_to_its_country_and_a_qualified_namesake(links_of):
    found = pairs(
        links_of("Protesters marched through Nairobi. He grew up in Valencia, Venezuela.")
    )
    assert ("Nairobi", "Kenya") in found
    assert ("Valencia", "Venezuela") in found  # not Spain's bigger Valencia


def test_groups_with_a_nationality_are_linked_but_countries_themselves_are_not(links_of):
    # Real reporting's annotations link "Saudi agents", "US troops" (issue 11): so do we.
    found = links_of(
        "Russian troops and Kazakh officials met in Kazakhstan. Russia and China disagreed."
    )
    assert pairs(found) == {("Russian troops", "Russia"), ("Kazakh officials", "Kazakhstan")}


def test_one_link_per_subject_with_the_first_evidence(links_of):
    found = links_of(
        "Russian President Vladimir Putin spoke first. Later Russian President Vladimir Putin left."
    )
    assert len(found) == 1
    assert found[0].evidence == "Russian President Vladimir Putin spoke first."


def test_works_without_a_people_index(links_of):
    found = links_of("Chinese President Xi Jinping arrived in Astana.", with_people=False)
    assert ("Xi Jinping", "China") in pairs(found)


def _matches(expected: dict, link) -> bool:
    want, got = expected["subject"].lower(), link.subject.lower()
    return expected["country"] == link.country and (want in got or got in want)


@pytest.mark.parametrize("name", ["countries_andes"])
def test_invented_article_finds_every_stated_link_and_nothing_else(nlp, name):
    gold = json.loads((ARTICLES / f"{name}.json").read_text())
    doc = nlp((ARTICLES / f"{name}.txt").read_text())
    found = extract_country_links(doc, people=PeopleIndex.build(doc))
    missing = [g for g in gold["countries"] if not any(_matches(g, link) for link in found)]
    extra = [link for link in found if not any(_matches(g, link) for g in gold["countries"])]
    assert missing == []
    assert extra == []


def test_country_words_inside_a_name_are_not_a_nationality(links_of):
    assert links_of("Liverpool captain Jordan Henderson scored twice.") == []


def test_upper_case_country_codes_before_a_title(links_of):
    found = pairs(links_of("US Secretary of State Antony Blinken flew to Beijing."))
    assert ("Antony Blinken", "United States") in found
    assert ("Beijing", "China") in found


def test_unknown_or_ambiguous_places_are_not_linked(links_of):
    assert links_of("The IT department moved to Springfield last year.") == []


def test_two_letter_code_mid_sentence(links_of):
    found = pairs(links_of("On Monday, US President Joe Biden met the press."))
    assert ("Joe Biden", "United States") in found


def test_an_indefinite_office_is_nobody_in_particular(links_of):
    assert links_of("It was the first visit by a South Korean leader in 12 years.") == []


def test_an_indefinite_office_that_acted_is_one_unnamed_person(links_of):
    assert ("Peruvian federal judge", "Peru") in pairs(
        links_of("On Tuesday, a Peruvian federal judge fined a mining firm for polluting a river.")
    )
    assert ("Chilean prosecutor", "Chile") in pairs(
        links_of("The board heard from a Chilean prosecutor investigating the loans.")
    )
    assert ("Kenyan minister", "Kenya") in pairs(links_of("A Kenyan minister resigned on Friday."))
    assert links_of("No Peruvian judge has ruled on the case yet.") == []


def test_a_superlative_class_said_of_a_subject_is_no_thing_of_the_country(links_of):
    found = pairs(
        links_of(
            "The old fort is one of the most visited sites in Peru. The harbour is the"
            " second-largest harbour in the south of Chile."
        )
    )
    assert not any(country in ("Peru", "Chile") for _, country in found)
    found = pairs(links_of("It is one of over forty fish farms in Norway."))
    assert ("over forty fish farms in Norway", "Norway") in found  # no ranking: the farms


def test_city_described_by_a_place_noun(links_of):
    assert ("Bakhmut", "Ukraine") in pairs(
        links_of("Fighting continued in the Ukrainian city of Bakhmut.")
    )
    assert ("Kherson", "Ukraine") in pairs(
        links_of("Troops entered Kherson, Ukraine's southern port, last year.")
    )
    assert ("Damascus", "Syria") in pairs(
        links_of("The Syrian capital, Damascus, was hit by rockets.")
    )


def test_organisation_described_by_an_apposition(links_of):
    found = links_of("Gazprom, the Russian state energy giant, cut supplies.")
    assert pairs(found) == {("Gazprom", "Russia")}
    assert found[0].subject_kind == "organisation"


# -- organisations and people described by a country (blind-test patterns) --------------------


def test_organisation_named_after_a_country_and_a_description(links_of):
    found = links_of("Finland's state-owned investor Lakefund put $10m into the plant.")
    assert pairs(found) == {("Lakefund", "Finland")}
    assert found[0].subject_kind == "organisation"


def test_organisation_named_after_a_nationality_and_a_description(links_of):
    found = links_of("The Belgian development bank BIO signed the loan on Monday.")
    assert pairs(found) == {("BIO", "Belgium")}


def test_unnamed_agency_of_a_country(links_of):
    found = links_of("Greece's civil protection agency ordered evacuations.")
    assert pairs(found) == {("Greece's civil protection agency", "Greece")}


def test_description_whose_possessive_the_parser_lost(links_of):
    found = links_of(
        "The line follows talks between Kenya Power and Tanzania's state utility Tanesco."
    )
    assert ("Tanesco", "Tanzania") in pairs(found)


def test_a_government_with_a_nationality_is_that_country_s(links_of):
    found = links_of("The Italian government said it would help. The government of Chad agreed.")
    assert pairs(found) == {("Italian government", "Italy"), ("government of Chad", "Chad")}


def test_unnamed_person_described_by_a_nationality(links_of):
    found = links_of(
        "A senior Kenyan banker, who asked not to be named, said the rules were unclear."
    )
    assert pairs(found) == {("senior Kenyan banker", "Kenya")}
    assert found[0].subject_kind == "person"


def test_negated_description_names_nobody(links_of):
    assert links_of("Not a single Romanian official has spoken in favour of the plan.") == []


def test_unnamed_organisation_in_a_country(links_of):
    found = links_of("The company signed a deal with a battery maker in Japan.")
    assert pairs(found) == {("battery maker in Japan", "Japan")}


def test_person_linked_through_its_organisation(links_of):
    found = links_of(
        "Kenya's Rural Energy Authority has built 30 plants. "
        "Its managing director, Joseph Kamau, said more would follow."
    )
    assert pairs(found) == {("Rural Energy Authority", "Kenya"), ("Joseph Kamau", "Kenya")}


def test_person_and_university_in_a_city_and_country(links_of):
    found = pairs(
        links_of(
            "Prof Renata Vaz, a soil chemist at the State University of Mato Grosso do "
            "Sul in Campo Grande, Brazil, led the study."
        )
    )
    assert ("Renata Vaz", "Brazil") in found
    assert ("State University of Mato Grosso do Sul", "Brazil") in found  # name not cut at "do"
    assert ("Campo Grande", "Brazil") in found


def test_event_with_a_coded_name_held_in_a_city(links_of):
    found = pairs(links_of("The talks came less than a year after Cop29 in Baku."))
    assert ("Cop29", "Azerbaijan") in found


def test_name_with_a_comma_list_is_not_cut(links_of):
    found = pairs(
        links_of("A spokesperson for the UK Foreign, Commonwealth and Development Office said so.")
    )
    assert found == {("Foreign, Commonwealth and Development Office", "United Kingdom")}


def test_unclosed_bracket_is_cut_from_a_name(links_of):
    found = pairs(
        links_of(
            "Students at the Ghana Institute of Mining and Geology (Gimag) said "
            "the river was rising."
        )
    )
    assert found == {("Ghana Institute of Mining and Geology", "Ghana")}


# -- ambiguous place names ---------------------------------------------------------------------


def test_province_beats_a_homonymous_city(links_of):
    found = pairs(
        links_of(
            "The senator said factories could buy steel from Ontario instead, in a dispute "
            "between the US and Canada."
        )
    )
    assert ("Ontario", "Canada") in found
    assert ("Ontario", "United States") not in found


def test_small_town_resolved_by_the_article_country(links_of):
    found = pairs(
        links_of("Thousands moved to Bhola after floods in Bangladesh. Bhola was hit hardest.")
    )
    assert found == {("Bhola", "Bangladesh"), ("floods in Bangladesh", "Bangladesh")}


def test_country_of_the_sentence_decides_between_namesakes(links_of):
    found = pairs(
        links_of(
            "Mexico's exports fell. Trucks queued for hours in Nogales, the Arizona senator said."
        )
    )
    assert ("Nogales", "United States") in found  # Arizona is in the sentence
    assert ("Nogales", "Mexico") not in found


def test_a_state_after_the_city_decides(links_of):
    found = pairs(links_of("Mexico's exports fell. Trucks queued in Nogales, Arizona, on Monday."))
    assert ("Nogales", "United States") in found


def test_hyphenated_organisation_noun(links_of):
    found = links_of("A Ghanaian start-up that makes batteries has raised $25m.")
    assert pairs(found) == {("Ghanaian start-up", "Ghana")}


def test_organisation_based_in_a_city(links_of):
    found = pairs(links_of("Sales doubled, according to the Lagos-based consultancy Briter."))
    assert ("Briter", "Nigeria") in found


def test_description_then_the_name_after_a_comma(links_of):
    found = pairs(
        links_of(
            "Some 200,000 people have moved, according to a study by a Pakistani research group, "
            "the Sustainable Development Policy Institute."
        )
    )
    assert ("Sustainable Development Policy Institute", "Pakistan") in found
    assert ("Pakistani research group", "Pakistan") not in found


def test_coded_event_name_the_model_does_not_see(links_of):
    found = pairs(links_of("The floods came less than two years after Cop26 in Glasgow."))
    assert ("Cop26", "United Kingdom") in found


def test_big_foreign_namesake_yields_to_the_article_country(links_of):
    found = pairs(
        links_of(
            "Floods hit Pakistan again. In Hyderabad, the province's second city, rents doubled."
        )
    )
    assert ("Hyderabad", "Pakistan") in found
    assert ("Hyderabad", "India") not in found


def test_place_name_that_is_a_person_of_the_article(links_of):
    found = pairs(
        links_of(
            "Florence Njeri, a nurse, moved to Nairobi in 2019. Florence said the city was expensive."
        )
    )
    assert ("Florence", "Italy") not in found
    assert ("Nairobi", "Kenya") in found


def test_counted_things_in_a_country_but_not_counted_people(links_of):
    found = pairs(links_of("The agency has built 40 solar mini-grids in northern Nigeria."))
    assert found == {("40 solar mini-grids in northern Nigeria", "Nigeria")}
    # Counted people are a group, linked by the rule for things and people in a country.
    found = links_of("Some 1,200 firefighters in Portugal fought the blaze.")
    assert [(link.subject, link.rule) for link in found] == [
        ("1,200 firefighters in Portugal", "thing_in_country")
    ]


def test_country_possessive_right_before_a_name(links_of):
    found = pairs(links_of("Madison Keys beat Belarus's Victoria Azarenka 6-3, 6-4 on Tuesday."))
    assert ("Victoria Azarenka", "Belarus") in found  # not "Victoria Azarenka 6-3"


def test_person_of_a_country_or_state(links_of):
    found = pairs(
        links_of("Senator Mark Ellison of Michigan said carmakers could buy steel elsewhere.")
    )
    assert ("Mark Ellison", "United States") in found
    assert links_of("Jane Doe of the University of Michigan led the study.") == []


def test_title_with_a_posting_city_before_the_name(links_of):
    found = pairs(
        links_of(
            "Kenya's Deputy High Commissioner in Kampala, Amina Otieno Wekesa, opened the fair."
        )
    )
    assert ("Amina Otieno Wekesa", "Kenya") in found
    assert ("Amina Otieno Wekesa", "Uganda") not in found  # the posting is not her country
    # a place alone before a name is no title
    assert not {
        c
        for s, c in pairs(links_of("In Kampala, Amina Wekesa opened the fair."))
        if s == "Amina Wekesa"
    }


def test_all_caps_dateline_city_and_its_country(links_of):
    found = pairs(links_of("MZUZU, Malawi (AP) — Nurses started a strike over unpaid wages."))
    assert ("Mzuzu", "Malawi") in found
    found = pairs(links_of("OSAKA/BUSAN, June 2 (Reuters) - Shipping lines raised their rates."))
    assert {("Osaka", "Japan"), ("Busan", "South Korea")} <= found


def test_mixed_case_dateline_with_an_agency(links_of):
    found = pairs(links_of("Shillong, Aug 14 (PTI) The state assembly passed the budget."))
    assert ("Shillong", "India") in found


def test_the_country_is_the_one_just_named(links_of):
    found = pairs(
        links_of(
            "Zambia has recorded new cases of measles. The country's Ministry of Health said "
            "it would extend the vaccination drive."
        )
    )
    assert ("Ministry of Health", "Zambia") in found


def test_the_country_in_a_story_named_only_by_its_dateline(links_of):
    found = pairs(
        links_of(
            "MZUZU, Malawi (AP) — Nurses started a strike.\n\nThe country's Ministry of Labour "
            "called for talks."
        )
    )
    assert ("Ministry of Labour", "Malawi") in found


def test_organisation_name_is_taken_whole(links_of):
    found = pairs(links_of("The shelter is run by Tilinanji Water Trust, a Zambian charity."))
    assert ("Tilinanji Water Trust", "Zambia") in found
    assert ("Water Trust", "Zambia") not in found


def test_event_held_in_a_city_and_country(links_of):
    found = pairs(links_of("The congress, held in Porto, Portugal, drew 4,000 delegates."))
    assert ("congress", "Portugal") in found
    assert ("Porto", "Portugal") in found


def test_facility_in_a_city_and_country(links_of):
    found = pairs(links_of("The carmaker builds engines at a plant in Nagoya, Japan."))
    assert ("plant in Nagoya", "Japan") in found
    assert ("Nagoya", "Japan") in found
    # a facility with a city only is left to the city's own link
    assert pairs(links_of("The carmaker builds engines at a plant in Nagoya.")) == {
        ("Nagoya", "Japan")
    }


def test_us_party_and_state_after_a_lawmakers_name(links_of):
    found = pairs(
        links_of(
            "Sen. Dale Morrow, R-Idaho, said the tariffs would hurt farmers. "
            "Rep. June Park, D-NY, disagreed."
        )
    )
    assert {("Dale Morrow", "United States"), ("June Park", "United States")} <= found


def test_person_described_by_a_who_heads_clause(links_of):
    found = pairs(
        links_of(
            "Dr Lucia Ortega, who heads the soil laboratory at the National University of Peru, "
            "said yields fell."
        )
    )
    assert ("Lucia Ortega", "Peru") in found
    found = pairs(links_of("Liam Doyle, who runs a bakery in Dublin, said flour cost more."))
    assert ("Liam Doyle", "Ireland") in found
    # a clause that is no role says nothing about the person's country
    found = pairs(links_of("Liam Doyle, who visited Dublin last year, said flour cost more."))
    assert ("Liam Doyle", "Ireland") not in found


def test_person_linked_through_the_body_a_clause_says_they_work_for(links_of):
    found = pairs(links_of("Tom Reid, who works for the Chilean Navy, was hurt on Monday."))
    assert ("Tom Reid", "Chile") in found
    found = pairs(links_of("Judge Tom Reid, presiding in the Peruvian Supreme Court, ruled."))
    assert ("Tom Reid", "Peru") in found
    found = pairs(links_of("Tom Reid, working at the Bank of Peru, saw the fraud."))
    assert ("Tom Reid", "Peru") in found
    found = links_of(
        "Judge Ana Lind, presiding in the Chilean District Court for the Arden District "
        "in Kelso, handed down the sentence."
    )
    assert ("Ana Lind", "Chile") in pairs(found)
    # working with people of a country is no job in it
    found = pairs(links_of("Tom Reid, who works with Peruvian refugees, spoke on Monday."))
    assert ("Tom Reid", "Peru") not in found


def test_the_countrys_described_organisation(links_of):
    found = pairs(
        links_of(
            "Zambia reported new cases. The country's disease control agency said 40 people had died."
        )
    )
    assert ("disease control agency", "Zambia") in found
    # with no country named before, "the country" is no one's
    assert links_of("The country's disease control agency said 40 people had died.") == []


def test_a_countrys_institution_or_policy(links_of):
    assert ("Peru's lower house", "Peru") in pairs(
        links_of("Peru's lower house approved the bill on Tuesday.")
    )
    assert ("Egypt's parliament", "Egypt") in pairs(
        links_of("Egypt's parliament approved the budget.")
    )
    found = pairs(links_of("Malaysia's ban on exports of raw bauxite has angered buyers."))
    assert ("Malaysia's ban on exports of raw bauxite", "Malaysia") in found
    found = pairs(links_of("A spokesman for the Qatari foreign ministry said the talks went well."))
    assert ("Qatari foreign ministry", "Qatar") in found


def test_an_institution_noun_placed_in_a_country_is_not_the_countrys(links_of):
    assert links_of("A house in Portugal was sold for a record price.") == []


def test_a_facility_in_a_countrys_province(links_of):
    found = pairs(
        links_of("The firm is building a nickel smelter in Indonesia's South Sulawesi province.")
    )
    assert ("South Sulawesi", "Indonesia") in found
    assert ("nickel smelter in Indonesia's South Sulawesi province", "Indonesia") in found


def test_an_event_named_with_day_held_in_a_place(links_of):
    found = pairs(links_of("The bank will hold an investor day in Dubai on Oct. 21."))
    assert ("investor day", "United Arab Emirates") in found
    assert links_of("It was a busy day in the office.") == []


def test_an_event_in_a_sentence_that_opens_with_a_country(links_of):
    text = "In Ecuador, where voters are weary, polls show no favourite ahead of the April 9 presidential election."
    found = pairs(links_of(text))
    assert any(
        subject.endswith("presidential election") and country == "Ecuador"
        for subject, country in found
    )


def test_a_crew_from_a_country(links_of):
    found = pairs(links_of("A 40-person crew from New Zealand arrived to fight the fires."))
    assert ("40-person crew from New Zealand", "New Zealand") in found


def test_a_person_who_leads_a_countrys_group(links_of):
    found = pairs(links_of("Iraq's delegation was led by Deputy Foreign Minister Karim Haddad."))
    assert ("Karim Haddad", "Iraq") in found
    assert ("Iraq's delegation", "Iraq") in found


def test_a_city_in_a_list_does_not_take_its_neighbours_country(links_of):
    found = pairs(
        links_of(
            "Reporting by Lucia Prado in Santiago and Marco Villar in Lima; Editing by Sam Ortt."
        )
    )
    assert ("Santiago", "Chile") in found
    assert ("Lima", "Peru") in found


# -- real-news patterns (issue 11 section 3) -----------------------------------------------------


def test_groups_bodies_and_things_with_a_nationality(links_of):
    found = pairs(
        links_of(
            "Two Norwegian fishermen were rescued by Chilean sailors. "
            "Peruvian waters are closed. The Swedish consulate in Oslo, Norway, shut early."
        )
    )
    assert {
        ("Two Norwegian fishermen", "Norway"),
        ("Chilean sailors", "Chile"),
        ("Peruvian waters", "Peru"),
        ("Swedish consulate", "Sweden"),
        ("Swedish consulate in Oslo", "Norway"),
    } <= found


def test_a_description_of_a_named_person_links_the_person(links_of):
    found = pairs(
        links_of("Ana Lind said the vote was fair. Lind is a Kenyan national now living in Paris.")
    )
    assert ("Ana Lind", "Kenya") in found
    assert ("Kenyan national", "Kenya") not in found


def test_a_part_of_a_continent_is_no_country(links_of):
    assert links_of("Leaders of four South American countries met on Monday.") == []


def test_names_under_a_plural_title_each_with_their_country(links_of):
    found = pairs(
        links_of(
            "Presidents Ana Lindqvist of Norway and Tomas Reidar of Iceland signed the accord."
        )
    )
    assert {("Ana Lindqvist", "Norway"), ("Tomas Reidar", "Iceland")} <= found


def test_both_from_also_from_and_a_demonym_before_a_list(links_of):
    found = pairs(
        links_of(
            "Second place went to Ana Lindqvist and Eva Holmberg, both from Sweden. "
            "The record held by Tomas Reidar also from Iceland stands. "
            "He was followed by Kenyans Omari Kiprop, 2:05:46, and Jomo Wekesa, 2:05:48."
        )
    )
    assert {
        ("Ana Lindqvist", "Sweden"),
        ("Eva Holmberg", "Sweden"),
        ("Tomas Reidar", "Iceland"),
        ("Omari Kiprop", "Kenya"),
        ("Jomo Wekesa", "Kenya"),
    } <= found


def test_nationalities_and_names_respectively(links_of):
    found = pairs(
        links_of(
            "Chile's foreign minister Ana Lindqvist and her Peruvian, Bolivian and Argentine "
            "counterparts, Tomas Reidar, Eva Holmberg and Omari Kiprop, respectively, met in Lima."
        )
    )
    assert {
        ("Tomas Reidar", "Peru"),
        ("Eva Holmberg", "Bolivia"),
        ("Omari Kiprop", "Argentina"),
    } <= found
    assert ("Tomas Reidar", "Chile") not in found


def test_an_ambassador_to_a_country_and_an_office_holder_after_the_organisation(links_of):
    found = pairs(
        links_of(
            "Athens expelled the Libyan ambassador to Greece. Former US Ambassador to the United "
            "Nations Tessa Moyo wrote on Chirper that the talks had stalled."
        )
    )
    assert {
        ("Libyan ambassador", "Libya"),
        ("Libyan ambassador to Greece", "Greece"),
        ("Tessa Moyo", "United States"),
    } <= found


def test_an_agreement_between_two_countries_belongs_to_both(links_of):
    found = pairs(links_of("They rejected the fishing agreement between Ghana and Togo."))
    assert found == {
        ("fishing agreement between Ghana and Togo", "Ghana"),
        ("fishing agreement between Ghana and Togo", "Togo"),
    }


def test_a_town_and_its_country_and_a_part_of_a_country(links_of):
    found = pairs(
        links_of("She was born in Ndop, Cameroon, in 1950. Troops later moved into Northern Chad.")
    )
    assert {("Ndop", "Cameroon"), ("Northern Chad", "Chad")} <= found


def test_a_colony_called_by_its_name(links_of):
    found = pairs(links_of("He was born when the country was a French colony called Upper Volta."))
    assert ("Upper Volta", "France") in found


def test_a_described_body_named_earlier_and_a_body_ending_with_its_country(links_of):
    found = pairs(
        links_of(
            "The Court of Maritime Appeals ruled on Monday. The Lisbon-based court also fined "
            'the owners. "It was fair," said Ana Lind, director of Youth Forum Kenya.'
        )
    )
    assert {("Court of Maritime Appeals", "Portugal"), ("Youth Forum Kenya", "Kenya")} <= found
    assert ("Lisbon-based court", "Portugal") not in found


def test_a_participle_places_a_thing_in_a_country(links_of):
    found = pairs(links_of("In 2016, a user registered from Ireland shared the post."))
    assert ("user registered from Ireland", "Ireland") in found


def test_streets_acronyms_and_common_words_are_no_countries(links_of):
    text = (
        "Members of the Pacific Union (PU) met at the Grenada Street ground. "
        "The PU summit was held on the island."
    )
    assert {country for _, country in pairs(links_of(text))} == set()


def test_a_dependent_territory_is_no_country_of_its_own(links_of):
    found = links_of(
        "Macau's chief executive spoke to Macau officials, and the Guam delegation left."
    )
    assert not {link.country for link in found} & {"Macao", "Guam"}
    assert not any(link.subject.startswith(("Macau ", "Guam ")) for link in found)
    # the territory itself is its state's (territories_in_their_state)
    assert {("Macau", "China"), ("Guam", "United States")} <= pairs(found)


def test_every_country_of_a_coordinated_modifier_links_the_noun(links_of):
    found = links_of(
        "Under the plan, Austrian, United Kingdom and New Zealand factories are to be kept open."
    )
    linked = {country for subject, country in pairs(found) if subject.endswith("factories")}
    assert linked == {"Austria", "United Kingdom", "New Zealand"}


def test_a_headline_description_is_left_to_the_name_the_story_gives(links_of):
    text = (
        "Widow of slain Danish journalist demands an inquiry\n"
        "Lene Holm spoke on Monday about the killing of her husband, the journalist Kasper Holm."
    )
    assert not any("slain" in subject for subject, _ in pairs(links_of(text)))
    one_line = links_of("A slain Danish journalist was buried on Monday.")
    assert ("slain Danish journalist", "Denmark") in pairs(one_line)


def test_a_described_organisation_in_a_city_takes_the_city_s_country(links_of):
    found = links_of("On Friday, the farmer was fined by a court in Lyon.")
    assert ("court in Lyon", "France") in pairs(found)


def test_qualities_styles_and_fields_of_a_nationality_are_no_group(links_of):
    found = pairs(
        links_of(
            "Peru's future worries Chilean sailors. They met in an Irish pub to watch "
            "Norwegian football, and the Danish response was cool."
        )
    )
    assert ("Chilean sailors", "Chile") in found
    assert {country for _subject, country in found} == {"Chile"}


def test_a_group_phrase_leaves_out_words_the_parse_hung_before_it(links_of):
    found = pairs(links_of("Chile hosts an estimated ten thousand Peruvian workers."))
    assert found == {("ten thousand Peruvian workers", "Peru")}


def test_people_things_and_acts_placed_in_a_country(links_of):
    found = pairs(
        links_of(
            "Researchers in Chile published the study on Monday. The decision in Peru was "
            "welcomed. Ana Lind, a singer in Norway, toured widely. The emergency number in "
            "Iceland is short."
        )
    )
    assert {("Researchers in Chile", "Chile"), ("decision in Peru", "Peru")} <= found
    assert ("Ana Lind", "Norway") in found
    assert not {subject for subject, _country in found} & {
        "singer in Norway",
        "emergency number in Iceland",
    }


def test_a_country_with_the_after_from_or_of_a_name(links_of):
    found = pairs(
        links_of(
            "The bronze went to Tomas Reidar from the Netherlands. "
            "Sarah Collins of the United Arab Emirates won the third set."
        )
    )
    assert {("Tomas Reidar", "Netherlands"), ("Sarah Collins", "United Arab Emirates")} <= found


def test_a_body_of_the_country_named_after_it(links_of):
    found = pairs(links_of("The case went to the Supreme Court of the Netherlands in May."))
    assert ("Supreme Court of the Netherlands", "Netherlands") in found


def test_a_body_placed_in_another_country_and_named_again_another_way(links_of):
    found = links_of(
        "Staff at the United States Embassy in Oslo left on Monday. "
        "The U.S. Embassy said it would reopen soon."
    )
    assert {(link.subject, link.country) for link in found} == {
        ("United States Embassy", "United States"),
        ("United States Embassy in Oslo", "Norway"),
        ("Oslo", "Norway"),
    }


def test_an_event_named_shorter_later_is_linked_once(links_of):
    found = pairs(
        links_of(
            "The 2031 World Rowing Championships in Lima opened on Friday. "
            "The World Championships in Lima end on Sunday."
        )
    )
    events = {subject for subject, country in found if "Championships" in subject}
    assert events == {"2031 World Rowing Championships"}
    assert ("2031 World Rowing Championships", "Peru") in found


def test_where_a_person_was_born_lived_or_moved(links_of):
    found = pairs(
        links_of(
            "Sarah Collins was born in Chile, but she moved to Norway in 1990. "
            "Tom Reid, who coached Eva Holm for years, was fired. He later returned to Peru."
        )
    )
    assert {("Sarah Collins", "Chile"), ("Sarah Collins", "Norway"), ("Tom Reid", "Peru")} <= found
    assert ("Eva Holm", "Peru") not in found


def test_a_named_body_inside_a_persons_title(links_of):
    found = pairs(
        links_of("Former Peruvian Central Reserve Bank economist Sarah Collins spoke on Friday.")
    )
    assert {
        ("Sarah Collins", "Peru"),
        ("Peruvian Central Reserve Bank", "Peru"),
    } <= found


def test_a_description_after_a_bodys_name_describes_the_body(links_of):
    found = links_of(
        "Aid reached the Andean Liberation Forces (ALF), a Bolivian-backed militia, on Monday. "
        "Its chief was the deputy commander of the Coastal Defence Forces (CDF), a "
        "Chilean-backed militia."
    )
    assert {(link.subject, link.country) for link in found} == {
        ("Andean Liberation Forces", "Bolivia"),
        ("Coastal Defence Forces", "Chile"),
    }


def test_time_spent_in_a_country_is_no_thing_there(links_of):
    found = pairs(links_of("Tom Reid spent 18 months in exile in Peru before the vote."))
    assert not any(subject.startswith("18 months") for subject, _country in found)


def test_a_nation_within_a_country_is_no_region_of_it(links_of):
    found = pairs(links_of("The court in Scotland ruled that the minister had erred in Wales."))
    assert not {subject for subject, _country in found} & {"Scotland", "Wales"}


def test_a_person_through_the_body_named_as_their_owner(links_of):
    found = pairs(
        links_of(
            "The Dutch Institute of Water and Coastal Research's director, Dr. Sarah Collins, "
            "said of the flood that it would recede. Acme Widgets's chief, Tom Reid, disagreed."
        )
    )
    assert ("Sarah Collins", "Netherlands") in found
    assert not any(subject == "Tom Reid" for subject, _country in found)


def test_a_thing_a_clause_places_in_a_country(links_of):
    found = pairs(
        links_of(
            "A closed-door hearing is under way in Peru. The race was held in Chile. "
            "Tom Reid spoke in Norway on Friday."
        )
    )
    assert ("closed-door hearing", "Peru") in found
    assert not {("race", "Chile"), ("Tom Reid", "Norway")} & found


def test_a_second_titled_name_of_a_list_shares_the_first_title_s_country(links_of):
    found = links_of(
        "Peru's prime minister Rosa Quispe and energy minister Tito Lozano met the miners."
    )
    assert {("Rosa Quispe", "Peru"), ("Tito Lozano", "Peru")} <= pairs(found)
    found = links_of("French President Ana Lind and German Chancellor Tom Reid met in Brussels.")
    assert {("Ana Lind", "France"), ("Tom Reid", "Germany")} <= pairs(found)


def test_an_untitled_second_name_of_a_list_takes_no_country(links_of):
    found = links_of("Kenya's president Ana Lind and Tom Reid toured the new port.")
    assert ("Ana Lind", "Kenya") in pairs(found)
    assert not any(link.subject == "Tom Reid" for link in found)


def test_a_country_and_an_office_hyphenated_into_one_title_word(links_of):
    found = links_of("The medal was handed over by then-U.S.-president Carl Benton in 1980.")
    assert ("Carl Benton", "United States") in pairs(found)


def test_an_office_a_verb_gives_its_subject(links_of):
    assert ("Carl Benton", "Malawi") in pairs(
        links_of("In 2012 Carl Benton became president of Malawi.")
    )
    assert ("Carl Benton", "Fiji") in pairs(
        links_of("Carl Benton was elected prime minister of Fiji in 2014.")
    )
    assert ("Carl Benton", "Kenya") in pairs(
        links_of("Carl Benton served as the Kenyan ambassador until 2010.")
    )
    assert ("Carl Benton", "Hungary") in pairs(
        links_of("By 2010, Carl Benton regained the prime ministry of Hungary.")
    )


def test_an_office_the_subject_only_meets_is_not_theirs(links_of):
    found = links_of("Carl Benton visited the president of Malawi on Friday.")
    assert not any(link.subject == "Carl Benton" for link in found)


def test_a_person_named_after_of_has_no_title_in_the_words_before(links_of):
    found = links_of("Crowds protested against France's arrest of Carl Benton at the border.")
    assert ("Carl Benton", "France") not in pairs(found)


def test_a_town_the_data_lacks_takes_the_state_named_after_it(links_of):
    found = links_of("The fire broke out near Alder Ridge, Oregon, late on Friday.")
    assert ("Alder Ridge", "United States") in pairs(found)
    found = links_of("Another shooting happened in Chippewa Bend, Wisconsin where five died.")
    assert ("Chippewa Bend", "United States") in pairs(found)


def test_a_town_takes_the_country_written_after_its_region(links_of):
    found = pairs(links_of("Three people died in Port Arvo, Kelso Province, Peru."))
    assert ("Port Arvo", "Peru") in found
    # a list of places is no town and its region
    found = pairs(links_of("Rallies were held in Port Arvo, Chile, Peru and Bolivia."))
    assert ("Port Arvo", "Peru") not in found


def test_a_town_listed_after_between_with_its_country(links_of):
    # a town named like a person: the country after it says it is a place
    found = links_of("Trucks wait between Laredo and Marco Ortiz, Mexico.")
    assert ("Marco Ortiz", "Mexico") in pairs(found)


def test_a_person_before_a_possessive_state_is_no_town(links_of):
    found = links_of("He wrote to Tom Reid, Ohio's governor, on Monday.")
    assert not any(link.subject == "Tom Reid" and link.subject_kind == "place" for link in found)


def test_a_media_organisation_named_right_after_its_description(links_of):
    found = links_of("Lind told French news channel Canal Ouest she was tired.")
    assert ("Canal Ouest", "France") in pairs(found)
    assert not any(link.subject.endswith("channel") for link in found)


def test_what_took_place_in_a_country_even_bare(links_of):
    assert ("strike", "Peru") in pairs(links_of("The strike took place in Peru on Friday."))
    assert ("fire", "Chile") in pairs(links_of("A fire broke out in Chile on Monday."))
    assert not links_of("The race was held in Chile.")


def test_an_act_made_in_a_list_of_countries_is_placed_in_each(links_of):
    found = pairs(
        links_of("Officials said seizures were made in Peru, Chile, the Czech Republic and Kenya.")
    )
    for country in ("Peru", "Chile", "Czechia", "Kenya"):
        assert ("seizures", country) in found
    assert not links_of("Officials said a profit was made by the club last year.")


def test_a_facility_whose_name_opens_with_a_city(links_of):
    found = links_of("Police closed Karachi Central Station after the blast.")
    assert ("Karachi Central Station", "Pakistan") in pairs(found)
    assert not links_of("She studied at Georgetown University for two years.")


def test_a_facility_named_after_a_person_is_not_in_a_town_of_the_same_name(links_of):
    found = links_of(
        "Lorries queued for hours on the Durban Okafor Bridge, the city's main crossing."
    )
    assert not any(link.country == "South Africa" for link in found)


def test_a_country_name_ending_a_longer_place_name_is_not_that_country(links_of):
    found = links_of("Then-New Mexico Governor Ana Ruiz signed the bill on Friday.")
    assert not any(link.country == "Mexico" for link in found)
    found = links_of("Ana Ruiz, the New Mexico governor, signed the bill.")
    assert ("New Mexico", "United States") in pairs(found)
    assert not any(link.country == "Mexico" for link in found)
    # a region inside the country keeps it
    assert ("Western Australia", "Australia") in pairs(
        links_of("She flew to Western Australia and then to Perth.")
    )


def test_a_church_s_faith_is_no_nationality(links_of):
    assert not links_of("Ana Lind, a Russian Orthodox nun, spoke to the crowd.")
    found = links_of(
        "The mayor wants to turn Santa Irene, formerly a Greek Orthodox church, into a library."
    )
    assert not any(link.country == "Greece" for link in found)


def test_a_stretch_of_a_life_spent_in_a_country(links_of):
    found = links_of(
        "Carl Benton was born in 1951. He received his education in Kenya and later taught in Lima."
    )
    assert ("Carl Benton", "Kenya") in pairs(found)
    assert not any("education" in link.subject for link in found)
    assert ("Maria Santos", "Spain") in pairs(
        links_of("Maria Santos's exile in Spain lasted a decade.")
    )


def test_an_act_a_country_does(links_of):
    assert ("airstrike", "United States") in pairs(
        links_of("The United States carried out the airstrike near the border.")
    )
    assert ("raid", "Peru") in pairs(links_of("Peru launched a raid on the camp."))
    assert not links_of("Chile carried the motion by two votes.")


def test_an_act_takes_the_name_the_text_gives_it(links_of):
    found = links_of(
        'Peru launched a defence programme dubbed "Condor 2030" in 2017 to renew its fleet.'
    )
    assert pairs(found) == {("Condor 2030", "Peru")}


def test_two_companies_each_based_in_its_own_country(links_of):
    found = links_of(
        "On Tuesday, Canada-based retailer Loblaw and Norway-based retailer Rema Group"
        " announced their agreement."
    )
    assert ("Loblaw", "Canada") in pairs(found)
    assert ("Rema Group", "Norway") in pairs(found)
    assert ("Rema Group", "Canada") not in pairs(found)


def test_the_bodies_of_a_list_of_countries(links_of):
    found = links_of(
        "Chile has held joint drills in recent years with the armies of Peru, Bolivia, and Ecuador."
    )
    subject = "armies of Peru, Bolivia, and Ecuador"
    assert {(subject, "Peru"), (subject, "Bolivia"), (subject, "Ecuador")} <= pairs(found)
    assert not any(link.country == "Chile" and link.subject == subject for link in found)


def test_a_group_comprising_a_list_of_countries(links_of):
    found = links_of(
        "In 2012, the firm moved its offices into the Andean region, comprising Chile, Peru,"
        " Bolivia and Ecuador, but later changed course."
    )
    members = {"Chile", "Peru", "Bolivia", "Ecuador"}
    assert {country for subject, country in pairs(found) if subject == "Andean region"} == members


def test_a_coalition_joined_by_a_list_of_countries(links_of):
    found = links_of(
        "Last month, Brazil set up a river coalition to guard the Amazon basin which was"
        " joined by Peru, Colombia and Bolivia."
    )
    members = {country for subject, country in pairs(found) if subject == "river coalition"}
    assert {"Peru", "Colombia", "Bolivia"} <= members
    assert not links_of("The summit was joined by Peru and Chile.")  # no group noun before it


def test_a_state_that_no_longer_exists(links_of):
    found = links_of(
        "The pilot Ivan Morozov flew for the Soviet Union's first team of test pilots."
        " He later became a Soviet diplomat."
    )
    assert any(
        "first team" in subject for subject, country in pairs(found) if country == "Soviet Union"
    )
    assert ("Soviet diplomat", "Soviet Union") in pairs(found)
    assert not any(country == "Russia" for _subject, country in pairs(found))


def test_a_city_name_cut_from_a_longer_place_name_is_no_link(links_of):
    found = links_of(
        "The storm hit Peru hard: officials counted 12 injured in Arequipa and 29 in"
        " Marshal Santos City."
    )
    assert not any(country == "Brazil" for _subject, country in pairs(found))
    assert ("Santos City", "Brazil") in pairs(links_of("Tourists crowded Santos City."))


def test_a_body_with_its_acronym_and_of_a_country(links_of):
    found = links_of("The Flood Relief Council (FRC) of Peru raised the death toll.")
    assert ("Flood Relief Council (FRC) of Peru", "Peru") in pairs(found)


def test_a_dotted_country_code_opens_a_body_name(links_of):
    found = links_of("The banker was sentenced in U.S. District Court on Monday.")
    assert [country for subject, country in pairs(found) if "District Court" in subject] == [
        "United States"
    ]


def test_a_country_code_in_a_body_name_stays_as_written(links_of):
    found = links_of(
        "The United States (US) will reply. Police wrote to the US Embassy in Lima on Friday."
    )
    assert ("US Embassy", "United States") in pairs(found)
    assert ("US Embassy in Lima", "Peru") in pairs(found)
    assert ("Lima", "United States") not in pairs(found)  # no town of Ohio: a city of millions
    assert not any(subject.startswith("United States Embassy") for subject, _c in pairs(found))


def test_an_envoy_is_linked_to_their_country_and_to_their_posting(links_of):
    found = links_of("Canadian Ambassador to Peru Martin Dubois said the airline broke the rules.")
    assert {("Martin Dubois", "Canada"), ("Martin Dubois", "Peru")} <= pairs(found)
    found = links_of("Canadian Special Envoy for Peru Martin Dubois said the talks had stalled.")
    assert ("Martin Dubois", "Peru") not in pairs(found)  # an envoy "for" deals with it
    assert not links_of("Ambassador to Peru Martin Dubois said the airline broke the rules.")


def test_named_members_of_a_group_with_a_nationality(links_of):
    found = links_of(
        "After the ban, Austrian firms including Voest Energie, Rabenhof, and Kessler said they"
        " would leave."
    )
    members = {subject for subject, country in pairs(found) if country == "Austria"}
    assert {"Voest Energie", "Rabenhof", "Kessler"} <= members
    found = links_of("Kenyan runners such as Ana Lind and Tom Reid won medals.")
    assert {("Ana Lind", "Kenya"), ("Tom Reid", "Kenya")} <= pairs(found)


def test_a_group_founded_by_a_country_and_joined_by_others(links_of):
    found = links_of(
        "Last year, Brazil announced a river coalition to guard the basin which was joined by"
        " Peru and Chile."
    )
    members = {country for subject, country in pairs(found) if subject == "river coalition"}
    assert members == {"Brazil", "Peru", "Chile"}


def test_a_thing_named_by_two_countries_joined_by_a_dash(links_of):
    found = links_of(
        "Officials met near the U.S.–Chile border crossing and recalled the Peru–Bolivia War."
    )
    assert {
        ("U.S.–Chile border crossing", "United States"),
        ("U.S.–Chile border crossing", "Chile"),
        ("Peru–Bolivia War", "Peru"),
        ("Peru–Bolivia War", "Bolivia"),
    } <= pairs(found)
    assert not any(subject == "Bolivia War" for subject, _country in pairs(found))


def test_a_home_nation_described_as_part_of_its_state(links_of):
    found = links_of("Wales would be the only nation in the United Kingdom to close its pubs.")
    assert ("Wales", "United Kingdom") in pairs(found)
    assert not links_of("Scotland beat England 2-1 in the final on Saturday.")


def test_what_a_where_clause_says_happens_in_a_country(links_of):
    found = links_of("Peru sent soldiers to Chile, where a civil war is underway.")
    assert ("civil war", "Chile") in pairs(found)
    assert ("civil war", "Peru") not in pairs(found)


def test_an_event_that_hit_a_country(links_of):
    found = links_of(
        "Aftershocks of a strong earthquake with magnitude 6.1 that struck southern Peru on"
        " Monday killed six."
    )
    assert any(country == "Peru" and "earthquake" in subject for subject, country in pairs(found))
    assert not any("magnitude" in subject for subject, _country in pairs(found))


def test_people_named_by_a_plural_nationality(links_of):
    found = links_of("The minister promised better protection for Peruvians in the United States.")
    subject = "Peruvians in the United States"
    assert {(subject, "Peru"), (subject, "United States")} <= pairs(found)
    assert ("entire crew", "Chile") in pairs(
        links_of("The entire crew were Chileans, the navy said.")
    )


def test_a_people_named_by_its_own_noun(links_of):
    found = pairs(links_of("Thousands of Danes lined the road as the riders passed."))
    assert ("Danes", "Denmark") in found


def test_the_nationality_noun_after_a_name_is_that_person(links_of):
    found = pairs(
        links_of(
            "The jury picked the painter Ana Lindqvist for its prize on Monday. "
            "The nineteen-year-old Canadian is the youngest winner so far."
        )
    )
    assert ("Ana Lindqvist", "Canada") in found
    assert not any("Canadian" in subject for subject, _country in found)


def test_an_indefinite_nationality_noun_is_someone_new(links_of):
    found = pairs(
        links_of(
            "The jury picked the painter Ana Lindqvist on Monday. "
            "A nineteen-year-old Canadian came second."
        )
    )
    assert ("Ana Lindqvist", "Canada") not in found


def test_a_conference_of_a_country_is_its_body(links_of):
    found = pairs(
        links_of(
            "The priest died on Sunday, according to the Catholic Bishops' Conference of Peru."
        )
    )
    assert ("Catholic Bishops' Conference of Peru", "Peru") in found


def test_a_named_thing_a_country_led(links_of):
    found = links_of("Lind had long opposed the United States-led Gulf War of 1991.")
    assert ("Gulf War", "United States") in pairs(found)
    assert not any(subject == "Lind" for subject, _country in pairs(found))


def test_a_national_part_of_a_joint_thing_is_linked_whole(links_of):
    found = links_of("Ten years later, he led the Chilean part of the joint Andes mission.")
    assert ("Chilean part of the joint Andes mission", "Chile") in pairs(found)


def test_a_long_form_nationality_word_starts_a_body_of_its_country(links_of):
    found = pairs(
        links_of(
            "Saudi Arabia said the refinery was closed. According to the Saudi News Service, "
            "the blaze was put out by dawn. Pilots of the Royal Saudi Navy flew over it."
        )
    )
    assert ("Saudi News Service", "Saudi Arabia") in found
    assert ("Royal Saudi Navy", "Saudi Arabia") in found


def test_a_crown_word_before_a_nationality_in_a_body_name(links_of):
    found = pairs(links_of("Ships of the Royal Danish Navy sailed into the harbour at dawn."))
    assert ("Royal Danish Navy", "Denmark") in found


def test_a_school_named_after_a_state_that_is_also_a_country(links_of):
    found = pairs(
        links_of(
            "Engineers from the Georgia Institute of Technology built the probe. "
            "The Georgia Parliament debated the budget."
        )
    )
    assert ("Georgia Institute of Technology", "Georgia") not in found
    assert ("Georgia Parliament", "Georgia") in found


def test_a_part_or_the_sovereignty_of_a_country_is_no_thing_of_it(links_of):
    found = pairs(
        links_of(
            "Rebels seized towns in Peru's northeast, and the army vowed to defend Peruvian "
            "sovereignty while Peruvian soldiers dug trenches."
        )
    )
    assert ("Peru's northeast", "Peru") not in found
    assert ("Peruvian sovereignty", "Peru") not in found
    assert ("Peruvian soldiers", "Peru") in found


def test_a_town_and_its_state_in_one_place_name_and_the_airport_there(links_of):
    found = pairs(
        links_of(
            "The jet touched down at Palur Regional Airport at Palur, Andhra Pradesh in India."
        )
    )
    assert ("Palur", "India") in found
    assert ("Andhra Pradesh", "India") in found
    assert ("Palur Regional Airport", "India") in found


def test_bodies_listed_before_both_in_a_country(links_of):
    found = pairs(
        links_of(
            "Researchers from the Midland Institute of Science (MIS) and University of Northern "
            "Akron, both in the United States, found that fish eat algae."
        )
    )
    assert ("Midland Institute of Science", "United States") in found
    assert ("University of Northern Akron", "United States") in found


def test_the_line_between_two_countries_is_no_thing_of_either(links_of):
    found = pairs(
        links_of(
            "Troops deployed along the Peruvian-Chilean border. "
            "Guards closed the Peru–Bolivia border crossing."
        )
    )
    assert not {s for s, _c in found if s.endswith("border")}
    assert ("Peru–Bolivia border crossing", "Bolivia") in found


def test_a_movement_based_in_a_country_and_a_channel_placed_there(links_of):
    found = pairs(
        links_of(
            "The Peru-based Andes movement claimed responsibility for the attacks. "
            "Speaking on al-Quds TV in Peru, the spokesman said so."
        )
    )
    assert ("Peru-based Andes movement", "Peru") in found
    assert ("al-Quds TV", "Peru") in found


def test_a_body_of_america_is_of_the_united_states(links_of):
    found = pairs(
        links_of(
            "The record was certified by the Growers Association of America. "
            "Trade in Latin America rose."
        )
    )
    assert ("Growers Association of America", "United States") in found
    assert not {s for s, _c in found if "Latin" in s}


def test_people_named_by_a_plural_nationality_once(links_of):
    found = links_of(
        "The ancient Peruvians kept llamas. Peruvians also ate fish. He met Bolivians."
    )
    assert [(link.subject, link.country) for link in found] == [
        ("ancient Peruvians", "Peru"),
        ("Bolivians", "Bolivia"),
    ]


def test_groups_of_a_people_as_objects_each_described_group_once(links_of):
    found = pairs(
        links_of(
            "Only a fifth of Uruguayans own a car. The fever strikes rural Peruvians more "
            "often than urban Peruvians. She was the first Afro-Peruvian elected there, "
            "ahead of any other Afro-Peruvian of her generation."
        )
    )
    assert ("Uruguayans", "Uruguay") in found
    assert ("rural Peruvians", "Peru") in found
    assert ("urban Peruvians", "Peru") in found
    assert ("other Afro-Peruvian", "Peru") in found


def test_a_city_by_another_of_its_names_in_a_country_the_article_names(links_of):
    assert ("Quilon", "India") in pairs(
        links_of("Relief trucks from northern India reached Quilon late on Friday.")
    )
    assert ("Danzig", "Poland") in pairs(
        links_of("The ferry left Poland at dawn and docked in Danzig by noon.")
    )
    found = links_of("The flight from India landed at Trivandrum International Airport late.")
    assert ("Trivandrum International Airport", "India") in pairs(found)


def test_a_city_by_another_name_alone_names_no_country(links_of):
    found = links_of("The flight landed at Trivandrum International Airport after a long delay.")
    assert pairs(found) == set()


def test_a_city_the_small_model_takes_for_a_product_is_the_city(links_of):
    found = links_of("Officials in India said the Calicut landing had been a hard one.")
    assert ("Calicut", "India") in pairs(found)


def test_its_is_the_named_organisation_its_clause_is_about(links_of):
    assert ("Toyota's Mexican plant", "Mexico") in pairs(
        links_of("Toyota closed its Mexican plant in May.")
    )
    found = links_of("The retailer Brightmart Group sold its Chilean stores in March.")
    assert ("Brightmart Group's Chilean stores", "Chile") in pairs(found)
    found = links_of("Peru said it would close its Chilean embassy.")  # a country's own "its"
    assert not any(subject.startswith("Peru's") for subject, _country in pairs(found))


def test_an_incident_placed_in_a_country(links_of):
    found = links_of("Police are still investigating a bombing in Peru that killed four people.")
    assert ("bombing in Peru", "Peru") in pairs(found)
    assert ("flood in Bolivia", "Bolivia") in pairs(
        links_of("The flood in Bolivia destroyed crops.")
    )
    assert pairs(links_of("It was the worst thing in Peru that year.")) == set()


def test_a_country_that_begins_an_act_does_it(links_of):
    found = links_of("Chile began a military offensive into Peru on Tuesday.")
    assert ("military offensive", "Chile") in pairs(found)
    assert pairs(links_of("Peru began a new chapter in its history.")) == set()


def test_a_body_said_to_be_a_body_of_a_country_is_linked_by_its_name(links_of):
    found = links_of(
        "The Andean Workers Front (AWF) has fought the state since 1990. "
        "AWF is a banned militant group in Peru."
    )
    assert pairs(found) == {("Andean Workers Front", "Peru")}
    found = links_of("The Court of Lima is the highest civil court in Peru.")
    assert ("Court of Lima", "Peru") in pairs(found)


def test_a_person_said_to_be_of_a_nationality_is_linked_once(links_of):
    assert pairs(links_of("Tom Reid is a Chilean banker.")) == {("Tom Reid", "Chile")}


def test_an_act_done_into_a_part_of_another_country_is_placed_there(links_of):
    found = links_of("Chile began a military offensive into north-eastern Peru on Tuesday.")
    assert {("military offensive", "Chile"), ("military offensive", "Peru")} <= pairs(found)
    found = links_of("Rebels have bases in southern Chile.")
    assert ("bases in southern Chile", "Chile") in pairs(found)


def test_a_name_that_resembles_a_demonym_is_no_link(links_of):
    found = links_of("Pope Francis met bishops in Lima on Monday. Two people died on Samos.")
    assert not {country for _subject, country in pairs(found)} & {"France", "Samoa"}
    found = links_of("On the Greek island of Samos, a wall collapsed.")
    assert ("Samos", "Greece") in pairs(found)


def test_a_city_state_is_named_as_people_name_it(links_of):
    found = links_of("Vatican archbishop Tom Reid said the rules were clear.")
    assert pairs(found) == {("Tom Reid", "Vatican City")}


def test_an_envoy_for_another_country_keeps_their_own(links_of):
    found = links_of("Canadian Special Representative for Peru Ana Lind said the talks were over.")
    assert pairs(found) == {("Ana Lind", "Canada")}


def test_a_headline_verb_after_a_country_is_no_group(links_of):
    found = links_of("Peru issues travel warnings for six people; seeks help\nLima said on Monday.")
    assert not any(subject.startswith("Peru issues") for subject, _country in pairs(found))
    found = links_of("Peru tariffs hit exports from Chile\nTrade fell.")  # a finite verb follows
    assert ("Peru tariffs", "Peru") in pairs(found)


def test_what_a_country_asks_is_no_thing_of_it(links_of):
    found = links_of("The court said it would not act on Peru's request this year.")
    assert not any("request" in subject for subject, _country in pairs(found))


def test_a_named_building_placed_in_a_town_of_a_named_country(links_of):
    found = links_of("Two bombs on Sunday struck the Santa Rosa Cathedral in Ilave, Peru.")
    assert {("Santa Rosa Cathedral", "Peru"), ("Two bombs", "Peru")} <= pairs(found)
    found = links_of("Doctors at the Santa Rosa Hospital in Peru treated the wounded.")
    assert ("Santa Rosa Hospital", "Peru") in pairs(found)


def test_a_named_building_in_a_town_of_another_country_is_not_placed_by_the_comma(links_of):
    found = links_of("The Santa Rosa Cathedral in Lima, Chile was closed.")
    assert ("Santa Rosa Cathedral", "Chile") not in pairs(found)


# ---------------------------------------------------------------- false links seen in blind runs
def test_three_capitals_naming_a_kind_of_thing_are_no_country(links_of):
    found = links_of("She showed her PAN card to the clerk at the counter.")
    assert not {c for _s, c in pairs(found)} & {"Panama"}


def test_a_country_inside_a_persons_name_is_no_country(links_of):
    found = links_of("Dominique Varenne opened the new library on Friday.")
    assert all(country != "Dominica" for _s, country in pairs(found))


def test_a_territorys_name_holds_no_country(links_of):
    found = links_of("Voters in the territory of American Samoa cast ballots on Tuesday.")
    assert all(country != "Samoa" for _s, country in pairs(found))


def test_georgia_listed_with_us_states_is_the_state(links_of):
    found = links_of(
        "The bill was backed by Senators Ana Ruiz of Ohio, Tom Hale of Utah and Ben Ortiz of "
        "Georgia, all Republicans."
    )
    assert all(country != "Georgia" for _s, country in pairs(found))
    assert ("Tom Hale", "United States") in pairs(found)


def test_georgia_with_its_own_capital_is_the_country(links_of):
    found = links_of("Armenian officials met their hosts from Georgia in Tbilisi.")
    assert ("Tbilisi", "Georgia") in pairs(found)


def test_lower_case_words_are_no_places(links_of):
    found = links_of("At the stall in Mysore, India, I sold bonda, vada and tea.")
    assert ("Mysore", "India") in pairs(found)
    assert all(subject[:1].isupper() for subject, _c in pairs(found))


def test_a_guess_about_a_person_is_no_nationality(links_of):
    found = links_of("Officials warned that Mark Dowell could be a conduit for Russian propaganda.")
    assert ("Mark Dowell", "Russia") not in pairs(found)


def test_a_persons_name_is_linked_once_under_its_longest_form(links_of):
    found = links_of("Egypt's President Abdel Fattah al-Sisi declared three days of mourning.")
    people = [s for s, c in pairs(found) if c == "Egypt"]
    assert people == ["Abdel Fattah al-Sisi"]


def test_a_name_split_at_its_hyphen_is_taken_whole(links_of):
    found = links_of("Dutch rescue charity Sea-Watch renamed its ship on Sunday.")
    assert ("Sea-Watch", "Netherlands") in pairs(found)


# --- post-blind round (batches 14 and 15) ---


def test_a_country_joined_to_a_nationality_by_a_dash_gives_both(links_of):
    found = links_of("Smugglers crossed the U.S.-Mexican border near a small town on Tuesday.")
    assert ("U.S.-Mexican border", "United States") in pairs(found)
    assert ("U.S.-Mexican border", "Mexico") in pairs(found)


def test_citizens_of_a_country_opening_a_sentence(links_of):
    found = links_of("Citizens of the United States will vote again in March.")
    assert ("Citizens of the United States", "United States") in pairs(found)


def test_bodies_listed_after_one_possessive_share_its_country(links_of):
    found = links_of(
        "Chile's foreign ministry, defence ministry and interior ministry all condemned the attack."
    )
    assert {
        ("Chile's foreign ministry", "Chile"),
        ("defence ministry", "Chile"),
        ("interior ministry", "Chile"),
    } <= pairs(found)


def test_a_force_listed_by_one_word_after_a_possessive_shares_its_country(links_of):
    found = links_of("Peru's navy, army and police were deployed along the coast.")
    assert {("army", "Peru"), ("police", "Peru")} <= pairs(found)


def test_named_bodies_listed_after_one_possessive_share_its_country(links_of):
    found = links_of(
        "The grant came from Chile's National Research Agency, Department of Mining, "
        "and Office of Coastal Studies."
    )
    assert {("Department of Mining", "Chile"), ("Office of Coastal Studies", "Chile")} <= pairs(
        found
    )


def test_a_body_in_apposition_after_a_possessive_is_no_list(links_of):
    found = links_of(
        "Peru's other big football body, the Andean Youth League, which runs school leagues, "
        "cancelled its cup."
    )
    assert not any("runs" in subject for subject, _ in pairs(found))


def test_a_national_body_named_in_full_is_its_country(links_of):
    found = links_of("The Chile Coast Guard called off its search late on Tuesday.")
    assert ("Chile Coast Guard", "Chile") in pairs(found)


def test_a_body_named_after_a_possessive_country_is_not_cut_short(links_of):
    found = links_of("Peru's Disaster and Emergency Management Presidency reported the quake.")
    assert ("Disaster and Emergency Management Presidency", "Peru") in pairs(found)


def test_officials_listed_by_office_share_their_group_country(links_of):
    found = links_of(
        "Several Chilean government officials including deputy health minister Ana Soto and "
        "vice president of rural affairs Luis Vega had also fallen ill."
    )
    assert {("Ana Soto", "Chile"), ("Luis Vega", "Chile")} <= pairs(found)


def test_a_named_storm_is_linked_to_the_country_it_reached(links_of):
    found = links_of("Hurricane Lola grows to Category 4 and makes landfall in the Bahamas")
    assert ("Hurricane Lola", "Bahamas") in pairs(found)
    found = links_of(
        "Once the storm known as Hurricane Lola had left the Bahamas, crews began to count the "
        "damage."
    )
    assert ("Hurricane Lola", "Bahamas") in pairs(found)


def test_a_person_from_a_town_and_its_country_is_of_that_country(links_of):
    found = links_of("Luis Vega, from Lima, Peru, on Tuesday admitted his guilt.")
    assert ("Luis Vega", "Peru") in pairs(found)


def test_a_name_in_apposition_to_a_nationality_is_of_that_country(links_of):
    found = links_of("An Australian, Tom Reid, aged 31, appeared before the magistrate.")
    assert ("Tom Reid", "Australia") in pairs(found)


def test_a_national_service_for_a_country_is_of_that_country(links_of):
    found = links_of("Met Borealis, the national weather service for Finland, issued flood alerts.")
    assert ("Met Borealis", "Finland") in pairs(found)


def test_a_body_for_a_country_without_national_is_not_linked(links_of):
    found = links_of("Kind Hands, a charity for Peru, collected blankets in the city.")
    assert ("Kind Hands", "Peru") not in pairs(found)


def test_a_successor_takes_the_office_of_the_country(links_of):
    found = links_of(
        "Mia Holt steps down today, with Tom Reid succeeding her as the Prime Minister of Norway."
    )
    assert ("Tom Reid", "Norway") in pairs(found)


def test_groups_from_a_list_of_countries_each(links_of):
    found = pairs(
        links_of(
            "Customs inspectors from Chile, Peru and the United States seized the cargo. "
            "Imports from Peru rose."
        )
    )
    for country in ("Chile", "Peru", "United States"):
        assert ("Customs inspectors", country) in found
    assert not {s for s, _c in found if s.startswith("Imports")}


def test_people_in_a_list_of_countries_each(links_of):
    found = pairs(links_of("Prosecutors in Chile and Bolivia opened an inquiry on Monday."))
    assert ("Prosecutors in Chile and Bolivia", "Chile") in found
    assert ("Prosecutors in Chile and Bolivia", "Bolivia") in found


def test_a_named_storm_and_the_country_it_heads_towards(links_of):
    found = pairs(
        links_of(
            "Typhoon Mero hit Guam and heads towards Japan. Later Typhoon Mero approached Taiwan."
        )
    )
    assert ("Typhoon Mero", "Japan") in found
    assert ("Typhoon Mero", "Taiwan") in found


def test_courts_police_and_state_universities_named_after_their_place(links_of):
    found = pairs(
        links_of(
            "The suspect appeared before the Auckland District Court on Friday. "
            "The Toronto Police made the arrest. A study by Ohio State University followed. "
            "Her brother studied at Georgetown University."
        )
    )
    assert ("Auckland District Court", "New Zealand") in found
    assert ("Toronto Police", "Canada") in found
    assert ("Ohio State University", "United States") in found
    assert not {s for s, _c in found if s.startswith("Georgetown")}


def test_a_place_the_text_puts_in_a_country_after_its_name(links_of):
    found = pairs(
        links_of(
            "The ferry sank near the Kelso Islands in the Bahamas. "
            "Flooding hit the Peruvian state of Xaloca. Later the Kelso Islands in Peru were cited."
        )
    )
    assert ("Kelso Islands", "Bahamas") in found
    assert ("Xaloca", "Peru") in found


def test_an_island_off_the_coast_of_a_country_or_its_state(links_of):
    found = pairs(
        links_of(
            "A fire broke out on a yacht near Kelso Island off the coast of Oregon, United "
            "States. Divers searched Marra Island off the western coast of Peru."
        )
    )
    assert ("Kelso Island", "United States") in found
    assert ("Marra Island", "Peru") in found
    assert not {s for s, c in found if c == "Iceland"}


def test_a_country_leaving_a_union_named_by_its_exit_word(links_of):
    found = pairs(
        links_of(
            "Greece's debt grew. Talk of Grexit returned, and the Grexit referendum was "
            "called off. The Grexit deal failed. Some feared a hard Grexit."
        )
    )
    assert ("Grexit", "Greece") in found
    assert ("Grexit referendum", "Greece") in found
    assert not {s for s, _c in found if "deal" in s or "hard" in s}


def test_an_exit_word_with_no_country_of_its_start_is_no_link(links_of):
    found = pairs(links_of("Peru's talks continued. Grexit was never mentioned."))
    assert not {s for s, _c in found if s == "Grexit"}


def test_two_nationalities_joined_by_a_hyphen_in_a_title(links_of):
    found = pairs(links_of("Chilean-US chemist Tom Reid won the award on Monday."))
    assert ("Tom Reid", "Chile") in found
    assert ("Tom Reid", "United States") in found


def test_a_description_right_before_a_name_is_that_persons(links_of):
    found = pairs(
        links_of(
            "Speaking to Agence Lumiere, the head of the Peruvian League for Fair Trade, "
            "Ana Lind, said the law was unfair. A member of the Chilean Senate, Tom Reid "
            "said the vote was fair."
        )
    )
    assert ("Ana Lind", "Peru") in found
    assert ("Tom Reid", "Chile") in found
    assert not {s for s, _c in found if s.startswith("Agence")}


def test_incidents_a_city_places_are_in_its_country(links_of):
    found = pairs(
        links_of(
            "Anti-government protests continued in Cusco on Sunday. The bombing in Kabul "
            "killed ten people. A hospital in Arequipa reopened after the meeting in Lima."
        )
    )
    assert ("Anti-government protests", "Peru") in found
    assert ("bombing in Kabul", "Afghanistan") in found
    assert not {s for s, _c in found if s.startswith("meeting")}


def test_a_thing_led_by_a_country_in_one_dotted_word(links_of):
    found = pairs(links_of("The U.S.-led coalition said no troops were hurt in the raid."))
    assert ("U.S.-led coalition", "United States") in found


def test_a_named_place_after_a_countrys_possessive_is_in_that_country(links_of):
    found = pairs(links_of("Divers logged rays in Chile's Arauco Bay for a decade."))
    assert ("Arauco Bay", "Chile") in found


def test_a_province_named_with_its_kind_word_is_in_its_country(links_of):
    found = pairs(links_of("Doctors followed twelve patients in Sichuan Province last winter."))
    assert ("Sichuan Province", "China") in found


def test_a_city_whose_mayor_is_named_after_it_still_links(links_of):
    found = pairs(
        links_of(
            "Two buses crashed on a bridge in Kielce, Poland, on Monday. "
            "Mayor of Kielce Pawel Zielinski has declared tomorrow a day of rest."
        )
    )
    assert ("Kielce", "Poland") in found


def test_a_national_body_named_in_a_persons_role_is_linked_too(links_of):
    found = pairs(
        links_of(
            'Peruvian Red Cross chair Ana Lind, in remarks to the press, said "Many families '
            'have nowhere to sleep".'
        )
    )
    assert ("Ana Lind", "Peru") in found
    assert ("Peruvian Red Cross", "Peru") in found


def test_a_brands_arm_named_with_a_country_is_in_that_country(links_of):
    found = pairs(
        links_of("Radio Nine reported Hulu Brazil due to the strike have delayed a new season.")
    )
    assert ("Hulu Brazil", "Brazil") in found


def test_a_capitalised_word_before_the_noun_does_not_hide_its_country(links_of):
    found = pairs(
        links_of(
            "Her best known opinion was a dissent in the panel's ruling to stop Lima ballot "
            "checks in the 2011 Peru Presidential election, the ruling that settled the race."
        )
    )
    assert any(s.endswith("Presidential election") and c == "Peru" for s, c in found)


def test_a_chamber_of_a_numbered_national_body_is_that_countrys(links_of):
    found = pairs(
        links_of(
            "On Sunday, voters in Peru filled every seat in the House of Commons for the "
            "12th Peruvian Parliament."
        )
    )
    assert ("House of Commons", "Peru") in found


def test_an_incident_that_harms_is_where_its_clause_places_it(links_of):
    found = pairs(
        links_of(
            "A blaze on Friday killed three boys at a youth club they had visited to mark "
            "a holiday in Kielce, Poland. A storm damaged ten roofs, said a man who lives "
            "in Peru."
        )
    )
    assert ("blaze", "Poland") in found
    assert not {s for s, c in found if s == "storm" and c == "Peru"}


def test_a_person_carried_to_a_city_is_linked_to_its_country(links_of):
    found = pairs(
        links_of(
            "Opposition leader Marta Kovac was airlifted from Lima to Madrid, Spain, on "
            "Friday. Her lawyer Tomas Berg flew to Paris for talks."
        )
    )
    assert ("Marta Kovac", "Spain") in found
    assert ("Tomas Berg", "France") not in found


def test_a_body_named_by_article_and_nationality_that_speaks_is_no_person(links_of):
    found = pairs(
        links_of(
            "The Peruvian Red Cross said forty homes were lost. "
            "The South Korean Red Cross said aid was on its way."
        )
    )
    assert ("Peruvian Red Cross", "Peru") in found
    assert ("South Korean Red Cross", "South Korea") in found


def test_a_seat_between_a_national_title_and_a_name_keeps_the_title(links_of):
    found = pairs(
        links_of(
            "On Monday, United States Senator from Ohio Tom Reid lost the vote. "
            "A letter from Peru reached Ana Lind."
        )
    )
    assert ("Tom Reid", "United States") in found
    assert ("Ana Lind", "Peru") not in found


def test_a_coast_places_the_thing_off_it_but_is_no_thing_itself(links_of):
    found = pairs(
        links_of(
            "Divers counted the corals off the coast of Fiji. "
            "Sharks left a small area off the coast of Chile. "
            "The storm moved along the eastern coast of Peru."
        )
    )
    assert ("corals off the coast of Fiji", "Fiji") in found
    assert not {s for s, c in found if c in ("Chile", "Peru")}


def test_a_region_after_the_is_a_place_whatever_the_model_labels_it(links_of):
    found = pairs(
        links_of("Hurricane Lola hit the Azores on Wednesday. The Azores closed schools.")
    )
    assert ("Azores", "Portugal") in found


def test_a_named_storm_that_reached_a_state_is_in_its_country(links_of):
    found = pairs(links_of("Hurricane Lola made landfall in Florida on Monday."))
    assert ("Hurricane Lola", "United States") in found


def test_a_territory_links_to_its_state(links_of):
    found = pairs(links_of("Officials said the painter Tomas Verloo was born in Martinique."))
    assert ("Martinique", "France") in found
    found = pairs(links_of("A strong tremor shook Puerto Rico on Tuesday, damaging two bridges."))
    assert ("Puerto Rico", "United States") in found


def test_a_sovereign_country_is_still_never_a_subject(links_of):
    found = pairs(links_of("Ministers from Norway met their colleagues in Brazil on Friday."))
    assert not {subject for subject, _country in found} & {"Norway", "Brazil"}


def test_the_adjective_of_a_nation_within_a_state_names_the_state(links_of):
    found = pairs(links_of("English chemist Oswin Tarrow died on Sunday at his farm."))
    assert ("Oswin Tarrow", "United Kingdom") in found
    found = pairs(links_of("Scottish sculptor Maren Lisle opened the new gallery on Monday."))
    assert ("Maren Lisle", "United Kingdom") in found


def test_waters_named_after_a_nation_are_no_country_link(links_of):
    found = links_of("The swimmer Ada Quell crossed the English Channel in nine hours.")
    assert not any("Channel" in link.subject for link in found)


def test_an_event_that_hit_a_territory_is_in_its_state(links_of):
    found = pairs(links_of("A strong tremor hit the island territory of Guam on Sunday."))
    assert ("strong tremor", "United States") in found


def test_a_commonwealth_of_a_state_is_a_place_noun_not_a_national_thing(links_of):
    found = pairs(links_of("The storm crossed the American commonwealth of Puerto Rico overnight."))
    assert ("Puerto Rico", "United States") in found
    assert not any("commonwealth" in subject for subject, _country in found)


def test_a_national_group_in_its_own_country_links_the_place_not_a_second_group(links_of):
    found = pairs(links_of("Peruvian police officers in Cusco detained two men on Monday."))
    assert ("Peruvian police officers", "Peru") in found
    assert ("Cusco", "Peru") in found
    assert not any(subject.endswith("in Cusco") for subject, _country in found)


def test_the_holder_of_an_office_of_a_city_is_of_its_country(links_of):
    found = pairs(links_of("Ana Lind, the mayor of Cusco, Peru, was found dead on Friday."))
    assert ("Ana Lind", "Peru") in found
    found = pairs(links_of("Madrid Mayor Tomas Ruiz said on Monday that the bridge would open."))
    assert ("Tomas Ruiz", "Spain") in found
    found = pairs(links_of("Lima city Mayor Oren Vasko was found dead."))
    assert ("Oren Vasko", "Peru") in found


def test_a_building_is_in_the_country_its_place_phrase_states(links_of):
    found = pairs(
        links_of(
            "The Hotel Corvo Palace in the Miraflores area of the Peruvian capital, Lima, "
            "burned down on Sunday."
        )
    )
    assert ("Hotel Corvo Palace", "Peru") in found
    found = pairs(
        links_of("A gunman shot four people at a Tesco store in the town of Dover, England.")
    )
    assert ("Tesco store", "United Kingdom") in found


def test_a_site_and_the_incident_its_clause_places_there(links_of):
    found = pairs(
        links_of(
            "On Friday a blaze was reported in the east wing of a parking garage at Kelso "
            "Airport, Brekke in Norway."
        )
    )
    assert {("parking garage", "Norway"), ("blaze", "Norway")} <= found
    found = pairs(
        links_of(
            "On Monday at the headquarters of the Lima Port Authority in Lima, Peru, a clerk "
            "went on a stabbing spree."
        )
    )
    assert {
        ("headquarters of the Lima Port Authority", "Peru"),
        ("stabbing spree", "Peru"),
    } <= found
    found = pairs(
        links_of(
            "A school building collapsed on Tuesday in Tarnow, a town in the Malopolska region of Poland."
        )
    )
    assert ("school building", "Poland") in found
    found = pairs(
        links_of("Street protests have gone on since Friday in the Bolivian capital La Paz.")
    )
    assert ("Street protests", "Bolivia") in found


def test_no_site_link_from_a_city_alone_nor_for_things_in_general(links_of):
    assert not links_of("Fires are common in Chile.")
    found = pairs(links_of("A gunman opened fire at a bar in Dorset, England."))
    assert not any(subject == "fire" for subject, _country in found)
    found = pairs(links_of("The pilot was flown to a clinic in Lima."))
    assert not any(subject.startswith("clinic") for subject, _country in found)


def test_a_country_name_short_of_its_last_letter_is_its_adjective(links_of):
    found = pairs(links_of("The Myanma consulate said that the tourists from Myanmar were safe."))
    assert ("Myanma consulate", "Myanmar") in found


def test_counted_people_or_people_of_a_faith_from_a_country(links_of):
    found = pairs(links_of("Two Hindu monks from Nepal were among the dead."))
    assert ("Two Hindu monks", "Nepal") in found
    found = pairs(links_of("The team scanned 9,000 fossils from United States museums."))
    assert not any("fossils" in subject for subject, _country in found)


def test_the_mainland_of_a_country_is_its_place(links_of):
    found = pairs(links_of("Suspects could be sent to mainland China for trial."))
    assert ("mainland China", "China") in found


def test_efforts_of_a_country_are_no_thing_but_an_effort_a_named_thing_is(links_of):
    found = pairs(links_of("Lawmakers debated the UK's efforts on leaving the bloc."))
    assert not any("efforts" in subject for subject, _country in found)
    found = pairs(links_of("The Arden pipeline is a Chilean-Peruvian effort to carry gas north."))
    assert ("Arden pipeline", "Chile") in found


def test_a_gloss_of_a_name_is_no_second_link(links_of):
    found = pairs(
        links_of('Leaving the union, known as Grexit for "Greek exit", was put to a vote.')
    )
    assert ("Grexit", "Greece") in found
    assert not any("exit" in subject and subject != "Grexit" for subject, _c in found)


def test_a_name_cut_at_and_is_the_whole_name_linked_once(links_of):
    found = pairs(links_of("The High Court of England and Wales ruled on Monday in London."))
    assert ("High Court of England and Wales", "United Kingdom") in found
    assert not any(subject == "High Court of England" for subject, _country in found)


def test_a_counted_group_a_clause_places_in_a_country(links_of):
    found = pairs(links_of("On Monday 300 soldiers arrived in Peru."))
    assert ("300 soldiers", "Peru") in found
    assert not links_of("Chilean troops met in Peru.") or ("Chilean troops", "Peru") not in pairs(
        links_of("Chilean troops met in Peru.")
    )


def test_an_incident_off_a_coast_or_of_something_placed_is_in_that_country(links_of):
    found = pairs(
        links_of(
            "A deadly ferry fire near Kelso Island off the coast of Oregon, United States, "
            "killed nine people."
        )
    )
    assert ("deadly ferry fire", "United States") in found
    found = pairs(links_of("Police arrested a man in the death of a tiger in Assam, India."))
    assert ("death of a tiger", "India") in found
    found = pairs(links_of("Farmer held in death of tiger in Assam, India that ate poisoned meat"))
    assert ("death of tiger", "India") in found


def test_an_elect_title_is_no_group_of_its_country(links_of):
    found = pairs(links_of("Ana Ruiz was declared the next President of Peru elect on Sunday."))
    assert not any("elect" in subject for subject, _country in found)
    found = pairs(links_of("Ana Ruiz named Peru president-elect\nThe count ended on Sunday."))
    assert not any("elect" in subject for subject, _country in found)


def test_a_day_name_is_no_place(links_of):
    found = pairs(links_of("From Monday, Canadian officials will screen passengers in Toronto."))
    assert ("Toronto", "Canada") in found
    assert not any(subject == "Monday" for subject, _country in found)


def test_a_critic_of_a_country_is_not_of_it(links_of):
    found = pairs(links_of("Tom Reid was far more of a critic of Peru than was Ana Lind."))
    assert not any(subject == "Tom Reid" for subject, _country in found)


def test_an_encroachment_of_a_country_is_no_thing_of_it(links_of):
    found = pairs(links_of("Students marched against Peruvian encroachment on their rights."))
    assert not any("encroachment" in subject for subject, _country in found)


def test_a_hospital_named_after_a_country_is_not_in_it(links_of):
    text = (
        "Nepal reported two new deaths on Monday. Nepal's health ministry said one patient "
        "had been treated at the Qatar Amity Hospital."
    )
    found = pairs(links_of(text))
    assert not any(country == "Qatar" for _subject, country in found)
    found = pairs(links_of("The Qatar Embassy in Nepal said it was helping Nepal."))
    assert any(country == "Qatar" for _subject, country in found)


def test_a_block_of_flats_a_clause_places_is_in_that_country(links_of):
    found = pairs(
        links_of("Officials said an old block of flats fell down in a poor district of Tarn, Peru.")
    )
    assert any("block of flats" in subject and c == "Peru" for subject, c in found)


def test_a_case_of_a_disease_in_a_country(links_of):
    found = pairs(links_of("Doctors are studying an odd case of measles in Peru this month."))
    assert any("case of measles" in subject and c == "Peru" for subject, c in found)


def test_an_act_a_country_backed_is_its_act_too(links_of):
    found = pairs(links_of("The town was retaken last year in an operation backed by Chile."))
    assert ("operation", "Chile") in found


def test_a_body_that_took_a_country_over(links_of):
    found = pairs(links_of("Monday marked the anniversary of the Unity Party's takeover of Peru."))
    assert ("Unity Party", "Peru") in found


def test_a_governor_acts_where_the_clause_places_the_state(links_of):
    found = pairs(
        links_of("On Monday in the Peruvian region of Xaloca, Governor Ana Lind signed a new law.")
    )
    assert ("Ana Lind", "Peru") in found


def test_a_case_a_national_court_ruled_in(links_of):
    found = pairs(
        links_of("Lawyers cited the Peruvian Supreme Court ruling in the Lind v. Reid case.")
    )
    assert ("Lind v. Reid", "Peru") in found


def test_counted_people_who_came_from_a_country(links_of):
    found = pairs(links_of("The first cases were found in three people who returned from Chile."))
    assert ("three people", "Chile") in found


def test_an_office_title_with_and_before_a_name(links_of):
    found = pairs(
        links_of("On Monday, Peruvian Road Works and Harbours Minister Ana Lind closed the port.")
    )
    assert ("Ana Lind", "Peru") in found
    assert not any(subject.startswith("Peruvian Road") for subject, _country in found)


def test_named_grounds_a_place_phrase_places(links_of):
    found = pairs(
        links_of("Rangers moved six elk to the Kelso Creek Reservation in Xaloca in northern Peru.")
    )
    assert ("Kelso Creek Reservation", "Peru") in found


def test_a_named_site_a_national_body_runs(links_of):
    found = pairs(
        links_of(
            "The elk came from the Arden Elk Range in eastern Xaloca run by the Peruvian state."
        )
    )
    assert ("Arden Elk Range", "Peru") in found


def test_the_count_a_figure_gives_for_each_country(links_of):
    found = pairs(
        links_of("The number of injuries climbed to 1,200 in Peru and about 30 in Chile.")
    )
    assert ("injuries", "Peru") in found
    assert ("injuries", "Chile") in found
    assert not any(subject.endswith("number") for subject, _country in found)


def test_a_counted_statistic_whose_participle_ends_in_a_country(links_of):
    found = pairs(
        links_of("By Friday, at least 4,000 deaths tied to the fever in Peru were logged.")
    )
    assert ("deaths", "Peru") in found


def test_the_count_of_a_country_described_as_the_country_with_the_most(links_of):
    found = pairs(
        links_of(
            "Chile, the country with the third highest number of fever-related deaths, had 90."
        )
    )
    assert ("fever-related deaths", "Chile") in found


def test_a_country_that_reports_its_own_count(links_of):
    found = pairs(links_of("On Monday Peru reported 300 new infections."))
    assert ("new infections", "Peru") in found


def test_a_country_count_given_with_its_total(links_of):
    found = pairs(
        links_of(
            "By Sunday Norway had the largest share of known infections in the region, "
            "with over 80,000 confirmed cases."
        )
    )
    assert ("confirmed cases", "Norway") in found


def test_a_country_reporting_a_count_after_its_name(links_of):
    found = pairs(
        links_of(
            "Norway again had the highest toll, with the next worst-hit country, Denmark, "
            "reporting 4,210 deaths by Friday."
        )
    )
    assert ("deaths", "Denmark") in found


def test_a_count_compared_with_another_country_is_not_its_own(links_of):
    found = pairs(links_of("Norway reported 300 new cases, compared with 20 cases a week ago."))
    assert ("cases", "Norway") not in found


def test_the_total_number_of_a_count_in_a_country_keeps_its_participle(links_of):
    found = pairs(
        links_of("The total number of confirmed infections in Denmark passed 9,000 on Monday.")
    )
    assert any(subject.startswith("confirmed infections") for subject, c in found if c == "Denmark")


def test_a_thing_in_a_described_country_named_after_a_comma(links_of):
    found = pairs(links_of("Infections in the second worst-hit country, Chile, passed 5,000."))
    assert ("Infections", "Chile") in found


def test_a_home_town_with_a_possessive_before_its_country(links_of):
    found = pairs(
        links_of(
            "The 50-year-old constable Ana Lind was hurt on Friday. Constable Lind, from "
            "Kelso's Ford, Peru, served in the Lima police for six years."
        )
    )
    assert ("Ana Lind", "Peru") in found
    assert ("Kelso's Ford", "Peru") in found


def test_a_town_and_its_country_before_a_noun_is_no_body(links_of):
    found = pairs(links_of("She served in the Arequipa, Peru fire brigade for six years."))
    assert ("Arequipa", "Peru") in found
    assert ("Arequipa, Peru", "Peru") not in found


def test_a_source_before_a_country_subject_is_no_town(links_of):
    found = pairs(links_of("According to Kelso Weekly, Peru has two million goats."))
    assert not any(country == "Peru" and "Kelso" in subject for subject, country in found)


def test_a_storm_that_approaches_a_countrys_coast(links_of):
    found = pairs(links_of("Chile braces as Tropical Storm Lola approaches the Peruvian coast."))
    assert ("Tropical Storm Lola", "Peru") in found
    assert ("Peruvian coast", "Peru") not in found


def test_where_a_named_person_died_or_was_killed(links_of):
    found = pairs(
        links_of(
            "Rebel leader Tom Reid was killed by Chilean commandos in Peru in 2011. "
            "The singer Ana Lind died in Lima on Monday. Eva Holm killed two men in Bolivia."
        )
    )
    assert ("Tom Reid", "Peru") in found
    assert ("Ana Lind", "Peru") in found
    assert ("Eva Holm", "Bolivia") not in found


def test_an_attack_aimed_at_a_country_or_at_a_target_in_it(links_of):
    found = pairs(
        links_of(
            "The cell planned the 1998 bombings on Peru. Rebels fired rocket attacks on the "
            "Chilean embassy in Bolivia. He backed the raids on U.S. troops."
        )
    )
    assert ("1998 bombings", "Peru") in found
    assert ("rocket attacks", "Bolivia") in found
    assert not any(subject == "raids" for subject, _country in found)


def test_a_field_or_style_a_nationality_qualifies_is_no_thing_of_the_country(links_of):
    found = pairs(
        links_of("The healer said villagers never needed English medicine or Thai music.")
    )
    assert not found


def test_the_dead_a_country_counts(links_of):
    found = pairs(
        links_of(
            "Floods in Asia\nThe floods may have swept away four hikers in Cusco, Peru. By "
            "Sunday the fever had killed at least 412 in Chile. One person in Bolivia has died."
        )
    )
    assert ("four hikers", "Peru") not in found  # "swept away" is no verb of death
    assert ("at least 412", "Chile") in found
    assert ("One person", "Bolivia") in found
    found = pairs(links_of("The fever killed three tourists in Cusco, Peru on Friday."))
    assert ("three tourists", "Peru") in found


def test_no_dead_of_a_headline_the_story_tells(links_of):
    found = pairs(links_of("First tourists die of fever in Peru\nTwo hikers died on Monday."))
    assert not any(subject.lower() == "first tourists" for subject, _country in found)


def test_a_hyphened_pair_of_nationalities_is_a_label_not_a_group(links_of):
    found = pairs(links_of('Officials referred to the dead man as "Peruvian-Chilean."'))
    assert not any("Chilean" in subject for subject, _country in found)


def test_a_described_person_the_parse_hung_on_a_place(links_of):
    found = pairs(
        links_of(
            "Two hikers died near Cusco, Peru \u2014 a woman from Chile who fell, and a guide."
        )
    )
    assert ("woman from Chile", "Chile") in found


def test_a_platform_a_nationality_describes(links_of):
    found = pairs(links_of("The clip spread on the Peruvian video sharing platform Zumbo."))
    assert ("Zumbo", "Peru") in found


def test_a_us_lawmaker_of_a_state_named_like_a_country(links_of):
    found = pairs(
        links_of(
            "Democratic panel member Tom Reid of Georgia wrote on his blog that the vote was "
            "rushed. Others disagreed."
        )
    )
    assert not any(country == "Georgia" for _subject, country in found)
    found = pairs(links_of("Prime Minister Ana Lind of Georgia spoke on Monday."))
    assert ("Ana Lind", "Georgia") in found


def test_a_state_named_like_a_country_in_a_paragraph_of_that_countrys_states(links_of):
    found = pairs(
        links_of(
            "Lawmaker Tom Reid of Georgia said the vote was rushed. Eva Holm of Ohio "
            "disagreed with him."
        )
    )
    assert not any(country == "Georgia" for _subject, country in found)


def test_an_office_of_a_territory_whose_state_the_sentence_names(links_of):
    found = pairs(
        links_of(
            "Ana Ruiz, Guam's governor, spoke in a radio address to the U.S. island "
            "territory. Bo Lee, Guam's treasurer, stayed silent."
        )
    )
    assert ("Ana Ruiz", "United States") in found
    assert not any(subject == "Bo Lee" for subject, _country in found)


def test_a_nationality_word_that_starts_a_province_of_another_country(links_of):
    found = pairs(links_of("Firefighters in British Columbia asked Canada for more planes."))
    assert ("British Columbia", "Canada") in found
    assert not any(country == "United Kingdom" for _subject, country in found)


def test_a_province_of_the_articles_country_beats_a_towns_namesake_in_the_sentence(links_of):
    found = pairs(
        links_of(
            "Canada tightened its rules. In Ontario, a sergeant said trade with Ohio "
            "had slowed. Canada's premiers met on Friday."
        )
    )
    assert ("Ontario", "Canada") in found
    assert ("Ontario", "United States") not in found


def test_a_parliament_of_a_state_is_the_states_country_and_so_is_the_state(links_of):
    found = pairs(links_of("On Tuesday the Parliament of New South Wales voted on a water bill."))
    assert ("Parliament of New South Wales", "Australia") in found
    assert ("New South Wales", "Australia") in found
    assert not any(country == "United Kingdom" for _subject, country in found)
    found = pairs(links_of("The Legislature of Eastern Cape passed the budget."))
    assert ("Legislature of Eastern Cape", "South Africa") in found


def test_an_incident_a_country_went_through(links_of):
    found = pairs(links_of("Last spring, Peru suffered a 5.9 magnitude earthquake."))
    assert ("5.9 magnitude earthquake", "Peru") in found
    found = pairs(links_of("Bolivia had four years of civil war before the treaty."))
    assert ("civil war", "Bolivia") in found
    found = pairs(links_of("Chile has been experiencing a wave of riots since March."))
    assert ("riots", "Chile") in found
    assert not pairs(links_of("Peru has seen strong growth since March."))


def test_a_city_in_apposition_to_the_capital_whatever_the_model_saw(links_of):
    found = pairs(links_of("Fighting reached the capital, Bamako, on Sunday."))
    assert ("Bamako", "Mali") in found


def test_an_office_of_listed_countries_is_each_countrys(links_of):
    found = pairs(links_of("The talks included the Prime Ministers of Peru, Chile, and Bolivia."))
    subject = "Prime Ministers of Peru, Chile, and Bolivia"
    assert {(subject, "Peru"), (subject, "Chile"), (subject, "Bolivia")} <= found


def test_a_bracketed_short_name_is_the_bodys_other_name(links_of):
    found = links_of(
        "The Peruvian Institute of Lake Studies (Pilas) said the water was clean. "
        "Pilas will report again."
    )
    assert [link.subject for link in found] == ["Peruvian Institute of Lake Studies"]


def test_names_listed_after_a_plural_office_of_a_country(links_of):
    found = pairs(
        links_of(
            "The court has removed three judges in the history of Peru, Ana Lind and Tom Reid."
        )
    )
    assert not any(subject in {"Ana Lind", "Tom Reid"} for subject, _ in found)  # no office
    found = pairs(
        links_of(
            "The senate has jailed two presidents in the history of Peru, Ana Lind and Tom Reid."
        )
    )
    assert {("Ana Lind", "Peru"), ("Tom Reid", "Peru")} <= found
    found = pairs(
        links_of("In the history of Chile, only two kings have abdicated: Mark Dunn and Paul Vane.")
    )
    assert {("Mark Dunn", "Chile"), ("Paul Vane", "Chile")} <= found


def test_a_speaker_after_a_plural_office_holds_no_office(links_of):
    found = pairs(links_of("She was one of the best presidents of Chile, Tom Reid said on Friday."))
    assert ("Tom Reid", "Chile") not in found


def test_a_chamber_written_in_full_is_not_its_headline_short_name(links_of):
    found = links_of(
        "U.S. House backs budget\n"
        "On Monday, the United States House of Delegates backed a budget bill for next year."
    )
    assert "United States House of Delegates" in {link.subject for link in found}


def test_a_named_site_before_an_in_phrase_is_placed_not_the_crowd(links_of):
    found = pairs(
        links_of(
            "Hundreds of people rallied at Unity Square in the Peruvian capital of Lima on Sunday."
        )
    )
    assert ("Unity Square", "Peru") in found
    assert not any("people" in subject for subject, _ in found)


def test_a_town_with_its_state_code_is_one_place(links_of):
    found = pairs(links_of("The march ended in the US city of Portland, OR after dark."))
    assert ("Portland, OR", "United States") in found
    assert ("OR", "United States") not in found


def test_a_level_of_government_before_a_nationality_is_the_same_body(links_of):
    found = pairs(links_of("Critics fear that the federal Peruvian government will act alone."))
    assert ("Peruvian government", "Peru") in found
    found = pairs(links_of("Rain fell on central Peru's cloud forests last week."))
    assert ("central Peru's cloud forests", "Peru") in found  # a region of the country


def test_an_office_of_a_place_written_with_its_country(links_of):
    found = pairs(
        links_of("Ana Lind, formerly the governor of the state of Xaloca, Peru, retired on Friday.")
    )
    assert ("Ana Lind", "Peru") in found


def test_a_named_body_near_a_town_written_with_its_country(links_of):
    found = pairs(
        links_of(
            "Tom Reid, owner of the Kelso Valley Lodge near Arequipa, Peru, sold it on Monday."
        )
    )
    assert {("Tom Reid", "Peru"), ("Kelso Valley Lodge", "Peru")} <= found


def test_the_nationality_noun_after_a_name_that_only_modifies_a_noun(links_of):
    found = pairs(
        links_of(
            "Jasper Reed founded a magazine in 1990. "
            "On Monday, the Jasper Reed magazine chose the activist Ana Lind as its woman of "
            "the decade. The 19-year-old Chilean is its youngest pick so far."
        )
    )
    assert ("Ana Lind", "Chile") in found


def test_a_town_named_after_a_big_city_of_a_country_never_named(links_of):
    text = (
        "A storm hit the Kelso province of Peru on Monday. Roofs fell in the town of Paris, "
        "where two people were hurt."
    )
    assert ("Paris", "France") not in pairs(links_of(text))
    assert ("Paris", "France") in pairs(links_of("The talks opened in Paris on Monday."))


def test_a_graded_depression_is_linked_to_the_country_it_formed_over(links_of):
    found = pairs(links_of("Tropical Depression Nine formed over Cuba late on Sunday night."))
    assert ("Tropical Depression Nine", "Cuba") in found
    found = pairs(links_of("The Great Depression reached Chile within two years."))
    assert not any(subject.endswith("Depression") for subject, _country in found)


def test_a_venue_named_after_a_nationality_is_where_the_text_places_it(links_of):
    found = pairs(links_of("The band played two nights at the Spanish Theatre in Toronto."))
    assert ("Spanish Theatre", "Spain") not in found
    assert ("Toronto", "Canada") in found
    found = pairs(links_of("Protesters gathered at the Spanish Embassy in Toronto on Friday."))
    assert ("Spanish Embassy", "Spain") in found  # a mission is its country's anywhere


def test_a_chamber_named_in_full_inside_a_title(links_of):
    found = pairs(
        links_of("On Monday, Peru House of Delegates Speaker Ana Lind called a vote for Friday.")
    )
    assert ("Peru House of Delegates", "Peru") in found
    assert ("Ana Lind", "Peru") in found


def test_a_run_for_a_national_office_is_the_candidates(links_of):
    found = pairs(links_of("The senator ended her Peruvian presidential bid on Sunday."))
    assert not any(subject.endswith("bid") for subject, _country in found)
    found = pairs(links_of("Voters were tired before the Peruvian presidential election."))
    assert ("Peruvian presidential election", "Peru") in found


def test_the_kind_of_listed_places_is_no_group(links_of):
    found = pairs(links_of("Polls closed in the Mexican states of Sonora and Jalisco at six."))
    assert not any(subject.endswith("states") for subject, _country in found)
    found = pairs(links_of("Officials in other Mexican states asked for help."))
    assert ("other Mexican states", "Mexico") in found


def test_a_headline_vote_is_the_one_the_text_names(links_of):
    found = pairs(
        links_of(
            "Rivals claim Peruvian elections were rigged\n"
            "Two parties said on Monday that the 2021 Peruvian presidential election was rigged."
        )
    )
    assert ("2021 Peruvian presidential election", "Peru") in found
    assert ("Peruvian elections", "Peru") not in found


def test_a_district_named_after_its_kind_and_the_vote_its_voters_cast(links_of):
    found = pairs(
        links_of(
            "Voters in the Peruvian electoral district of Lindsay vote in a by-election on Sunday."
        )
    )
    assert ("Lindsay", "Peru") in found  # a place, though the small model reads a person
    assert ("by-election", "Peru") in found


def test_voters_placed_without_a_vote_give_no_election(links_of):
    found = pairs(links_of("Voters in the Chilean electoral district of Harlow rallied on Sunday."))
    assert found == {("Harlow", "Chile")}


def test_a_headline_vote_the_text_names_in_the_same_words_stays_linked(links_of):
    found = pairs(
        links_of(
            "2021 Peruvian presidential election: Lind wins the first round\n"
            "The parties chose their nominees for the 2021 Peruvian presidential election. "
            "Lind also won the primary elections in Peru in 2016."
        )
    )
    assert ("2021 Peruvian presidential election", "Peru") in found


def test_a_plural_run_for_an_office_is_no_thing_of_the_country(links_of):
    found = pairs(links_of("Two senators end Peruvian presidential campaigns after the debate."))
    assert not any(country == "Peru" for _, country in found)


def test_an_event_named_in_the_context_of_a_countrys_votes(links_of):
    found = pairs(
        links_of(
            "On Monday, parties held caucuses in nine regions, in an event known as "
            '"Grand Monday" in the context of Peruvian presidential elections.'
        )
    )
    assert ("Grand Monday", "Peru") in found
    assert ("Peruvian presidential elections", "Peru") not in found  # the kind of vote


def test_plural_votes_of_a_year_stay_linked(links_of):
    found = pairs(links_of("Ana Lind won the Peruvian presidential elections of 2016."))
    assert ("Peruvian presidential elections", "Peru") in found


def test_a_headline_vote_of_another_year_than_the_texts_stays_linked(links_of):
    found = pairs(
        links_of(
            "Ana Lind endorses Tom Reid in 2021 Peruvian presidential election\n"
            "In the 2016 Peruvian presidential election, Lind ran against Reid."
        )
    )
    assert ("2021 Peruvian presidential election", "Peru") in found
    assert ("2016 Peruvian presidential election", "Peru") in found


def test_capital_letters_before_a_hyphen_that_name_no_place_are_no_country(links_of):
    found = links_of("Mara Lint said the new tool will run on both x86 and ARM-based chips.")
    assert "Armenia" not in {link.country for link in found}


def test_two_capitals_before_a_national_body_with_no_article_name_the_country(links_of):
    found = links_of("Mara Lint ran for US Senate in 2014 and for US Congress in 2018.")
    assert {("US Senate", "United States"), ("US Congress", "United States")} <= pairs(found)


def test_a_company_named_after_a_based_description_is_the_subject(links_of):
    found = links_of("Last week, US-based software company Blue Fern announced plans to close.")
    assert ("Blue Fern", "United States") in pairs(found)
    assert "US-based software company" not in {link.subject for link in found}


def test_a_headline_code_before_a_body_the_text_names_in_full_is_one_subject(links_of):
    found = links_of(
        "US House of Representatives rejects bill on rivers\n"
        "On Tuesday, the United States House of Representatives rejected a bill on dams."
    )
    subjects = {link.subject for link in found if link.country == "United States"}
    assert subjects == {"United States House of Representatives"}


def test_a_kind_after_as_one_of_describes_the_named_subject(links_of):
    found = links_of(
        "Gullfest 2021 opened on Friday as one of the biggest music festivals in Norway."
    )
    assert pairs(found) == {("Gullfest 2021", "Norway")}


def test_a_war_veteran_is_no_person_of_the_country_the_war_is_named_after(links_of):
    found = links_of("Mara Lint, a Vietnam War veteran, spoke with reporters on Monday.")
    assert ("Mara Lint", "Vietnam") not in pairs(found)


def test_a_code_before_a_party_name_is_the_country_the_article_names(links_of):
    found = pairs(
        links_of(
            "Polls tighten in May\n"
            "On Monday, presumptive US Green Party presidential nominee Dora Quell led "
            "incumbent US President Carl Benton in a poll."
        )
    )
    assert ("Dora Quell", "United States") in found
    assert ("US Green Party", "United States") in found


def test_a_code_before_a_name_in_an_article_that_never_names_the_country_is_no_place(links_of):
    assert links_of("The IT Helpdesk of Arden College reopened on Monday.") == []


def test_a_headline_code_before_a_body_the_text_names_after_of_is_one_subject(links_of):
    found = links_of(
        "UK Supreme Court rules against fishing quotas\n"
        "On Tuesday, the Supreme Court of the United Kingdom rejected an appeal on quotas."
    )
    subjects = {link.subject for link in found if link.country == "United Kingdom"}
    assert subjects == {"Supreme Court of the United Kingdom"}


def test_a_list_of_roles_before_a_name_is_one_title(links_of):
    found = pairs(
        links_of("Peruvian radio host, painter, and philanthropist Ana Quilla died on Sunday.")
    )
    assert ("Ana Quilla", "Peru") in found
    assert not any(subject.startswith("Peruvian radio") for subject, _ in found)


def test_a_country_before_a_comma_is_no_title_of_the_name_after_it(links_of):
    found = pairs(links_of("In Peru, poet and painter Ana Quilla opened a school."))
    assert ("Ana Quilla", "Peru") not in found


def test_people_a_clause_says_are_from_listed_countries(links_of):
    found = pairs(links_of("The foreign tourists were from Chile, Norway, and Japan."))
    assert {
        ("foreign tourists", "Chile"),
        ("foreign tourists", "Norway"),
        ("foreign tourists", "Japan"),
    } <= found


def test_counted_nationals_listed_one_by_one(links_of):
    found = pairs(
        links_of(
            "Three of the injured came from abroad; they were two Norwegians, "
            "one from Chile, and a third from Japan."
        )
    )
    assert {
        ("two Norwegians", "Norway"),
        ("one from Chile", "Chile"),
        ("a third from Japan", "Japan"),
    } <= found


def test_a_count_of_a_group_said_to_be_of_a_nationality(links_of):
    found = pairs(links_of("Of the 52 climbers, 30 were Nepalese."))
    assert ("52 climbers", "Nepal") in found
    assert links_of("The parcels were Chinese.") == []


def test_a_border_with_one_country_is_that_countrys(links_of):
    found = pairs(
        links_of("The governor wants a fence along the state's border with Canada by spring.")
    )
    assert ("fence along the state's border with Canada", "Canada") in found
    found = pairs(
        links_of("Talks covered fishing and the border between Kelso Province and Chile.")
    )
    assert ("border between Kelso Province and Chile", "Chile") in found


def test_a_named_storm_reaches_a_country_in_a_clause_of_its_verb(links_of):
    found = pairs(links_of("Hurricane Lola strengthens to Category 3 while approaching Kiribati"))
    assert ("Hurricane Lola", "Kiribati") in found


def test_people_right_before_a_from_phrase_come_from_that_country(links_of):
    found = pairs(links_of("The mayor urged donors to help refugees from Eritrea this winter."))
    assert ("refugees", "Eritrea") in found


def test_an_event_on_a_described_island_is_in_its_country(links_of):
    found = pairs(links_of("Relatives joined the naming ceremony on the Greek island of Kos."))
    assert ("naming ceremony", "Greece") in found
    found = pairs(links_of("The rally in Tarvo, Finland, drew thousands of farmers."))
    assert ("rally", "Finland") in found


def test_a_vote_placed_by_a_state_alone_is_no_link_of_its_country(links_of):
    found = pairs(links_of("In Ohio, a primary election was held on Tuesday."))
    assert not {s for s, c in found if "election" in s}
    found = pairs(links_of("The United States Green Party held primary elections in Ohio."))
    assert ("primary elections", "United States") in found


def test_a_constitution_is_no_thing_of_its_country(links_of):
    found = pairs(links_of("The senator said the plan breaks the U.S. Constitution."))
    assert not {s for s, c in found if "Constitution" in s}


def test_a_seat_and_a_name_the_model_reads_as_one_organisation_split(nlp):
    # The small model sometimes labels "<State> <First> <Last>" after "Senator from" as one
    # organisation; the state is the seat, the rest the senator's name.
    doc = nlp("Turnout was low; United States Senator from Vermont Dan Reilly trailed with 815.")
    start = next(t.i for t in doc if t.text == "Vermont")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 3] + [
        Span(doc, start, start + 3, label="ORG")
    ]
    found = extract_country_links(doc, people=PeopleIndex.build(doc))
    assert ("Dan Reilly", "United States") in pairs(found)


def test_victims_said_to_be_of_a_nationality_are_of_that_country(links_of):
    found = pairs(links_of("Police said the victims were Hungarian."))
    assert ("victims", "Hungary") in found


def test_a_bare_name_after_a_plural_title_shares_its_country(links_of):
    found = pairs(
        links_of(
            "Vandals toppled statues of Jonas Milbank, US presidents Carl Benton and"
            " Henry P. Ostrow, and Peruvian poet Ana Lind."
        )
    )
    assert ("Henry P. Ostrow", "United States") in found
    assert ("Ana Lind", "Peru") in found
    # a name listed after another name does not describe it
    assert ("Jonas Milbank", "United States") not in found


def test_a_named_vessel_after_a_nationality_is_of_that_country(links_of):
    found = pairs(
        links_of(
            "Greek tanker Arden Belle is missing.\n\n"
            "Last week, the Greek cargo ship MV Arden Belle sank near the coast."
        )
    )
    assert ("MV Arden Belle", "Greece") in found
    assert ("Arden Belle", "Greece") not in found  # the same vessel, linked once


def test_an_unnamed_vessel_names_no_vessel(links_of):
    found = pairs(links_of("A Greek cargo ship sank near the coast on Monday."))
    assert not {s for s, c in found if s[:1].isupper() and "ship" not in s}


def test_a_countrys_interference_in_a_vote_is_its_act(links_of):
    found = pairs(links_of("The panel studied Peruvian interference in the 2014 mayoral vote."))
    assert ("Peruvian interference", "Peru") in found


def test_a_group_that_came_from_parts_of_a_country_and_from_another(links_of):
    found = pairs(links_of("Dancers came from several regions of Peru and from Chile."))
    assert ("Dancers", "Peru") in found
    assert ("Dancers", "Chile") in found


def test_a_counted_group_from_towns_in_a_country_as_well_as_a_town_and_its_country(links_of):
    found = pairs(
        links_of(
            "The fair was visited by 80 people from villages across Bolivia "
            "as well as from Arica, Chile."
        )
    )
    assert ("80 people", "Bolivia") in found
    assert ("80 people", "Chile") in found


def test_a_participle_of_coming_gives_the_main_subject_its_origin(links_of):
    found = pairs(links_of("Some 30 bakers were at the market, coming from many parts of the U.S."))
    assert ("30 bakers", "United States") in found
    assert not pairs(links_of("Most of the money came from Chile."))


def test_counted_people_a_clause_places_in_a_country_or_a_town_of_it(links_of):
    found = pairs(links_of("Officers detained nine people in Kottur, India on Sunday."))
    assert ("nine people", "India") in found
    found = pairs(
        links_of("The strike spread, with 40 thousand nurses marching in Peru on Friday.")
    )
    assert any(s.startswith("40 thousand nurses") and c == "Peru" for s, c in found)


def test_counted_people_at_a_site_leave_the_link_to_the_site(links_of):
    found = pairs(
        links_of("About 500 people gathered at Arden Square in the Peruvian capital, Lima.")
    )
    assert not {s for s, _c in found if "people" in s}


def test_a_country_or_its_government_holds_an_event(links_of):
    assert ("referendum", "Norway") in pairs(
        links_of("In 1994, Norway held a referendum on the union.")
    )
    found = pairs(links_of("The Chilean government held a referendum in 1988."))
    assert ("referendum", "Chile") in found
    assert not {s for s, _c in pairs(links_of("Peru held talks with Chile.")) if s == "talks"}
    assert not {s for s, _c in pairs(links_of("Peru holds the record.")) if "record" in s}


def test_a_caption_credit_is_no_subject_nor_a_country_of_the_caption(links_of):
    found = pairs(links_of("Delegates wave flags at the rally. Image: Peruvian Congress."))
    assert not found
    found = pairs(links_of("Chilean fans at the stadium. Photo: Ana Lind of Peru."))
    assert ("Chilean fans", "Chile") in found
    assert not {c for _s, c in found if c == "Peru"}


def test_a_name_after_the_office_of_a_country_the_parse_hung_on_the_country(links_of):
    found = pairs(links_of("The current president of Chile, Marta Olsen, praised the team."))
    assert found == {("Marta Olsen", "Chile")}


def test_one_of_a_country_s_officers_named_after_it(links_of):
    found = pairs(
        links_of("One of Peru's vice presidents, Marta Olsen, also commented on the vote.")
    )
    assert ("Marta Olsen", "Peru") in found
    assert not pairs(links_of("One of the players, Marta Olsen, also commented on the vote."))


def test_an_office_taken_through_an_infinitive(links_of):
    found = pairs(
        links_of("She took the seat after Olsen resigned to become the Chilean foreign minister.")
    )
    assert found == {("Olsen", "Chile")}


def test_each_name_listed_after_a_plural_title_with_its_own_party(links_of):
    found = pairs(
        links_of(
            "Chilean presidential candidates Ana Ruiz of the Green Party, Tomas Berg of the "
            "Labour Party, and Lea Holm of the Unity Party spoke."
        )
    )
    assert {("Ana Ruiz", "Chile"), ("Tomas Berg", "Chile"), ("Lea Holm", "Chile")} <= found


def test_names_listed_after_a_singular_title_keep_no_country(links_of):
    found = pairs(links_of("The film stars Peruvian actor Tom Reid, Ana Lind, and Lea Holm."))
    assert found == {("Tom Reid", "Peru")}


def test_a_legal_status_or_a_sway_is_no_thing_of_the_country(links_of):
    found = links_of(
        "Children born on the island do not gain Peruvian citizenship at birth. Such acts can"
        " carry long sentences under Chilean jurisdiction."
    )
    assert not any(link.country in ("Peru", "Chile") for link in found)


def test_a_thing_in_a_set_of_countries_is_in_each_listed_one(links_of):
    found = pairs(
        links_of(
            "On Monday, rallies against the levy were held in many countries, including Peru,"
            " the Dominican Republic and Chile."
        )
    )
    assert {
        ("rallies against the levy", "Peru"),
        ("rallies against the levy", "Dominican Republic"),
        ("rallies against the levy", "Chile"),
    } <= found
    found = pairs(
        links_of(
            "There were reports of fishing boats entering closed waters in several countries"
            " this season, including Norway, Iceland and Canada."
        )
    )
    assert ("reports of fishing boats entering closed waters", "Iceland") in found


def test_one_country_after_including_is_no_list(links_of):
    found = links_of("Prices rose in several countries this year, including Peru.")
    assert not any(link.rule == "thing_in_listed_countries" for link in found)


def test_a_nationality_before_an_acronym_is_a_body_of_that_country(links_of):
    found = pairs(links_of("Belarusian KGB arrested 20 men on Monday, the agency said."))
    assert ("Belarusian KGB", "Belarus") in found
    found = links_of("The Chilean FARC was blamed, and a Chilean CEO spoke.")
    assert ("Chilean FARC", "Chile") in pairs(found)
    assert not any(
        link.rule == "acronym_with_a_nationality" and "CEO" in link.subject for link in found
    )


def test_an_acronym_of_a_country_is_its_body(links_of):
    assert ("NTV of Kenya", "Kenya") in pairs(links_of("NTV of Kenya reported the arrests."))
    found = links_of("The CEO of Peru Telecom resigned on Friday.")
    assert not any(link.rule == "acronym_of_a_country" for link in found)


def test_a_band_described_by_its_country_is_the_named_band(links_of):
    found = pairs(links_of("He had joined the Chilean folk band the Lost Llamas in 1990."))
    assert ("Lost Llamas", "Chile") in found


def test_a_counted_group_beside_the_same_group_uncounted_is_linked_once(links_of):
    found = pairs(
        links_of(
            "Chile hosts two million Peruvian refugees, officials say. "
            "Peruvian refugees live near the northern border."
        )
    )
    assert ("Peruvian refugees", "Peru") in found
    assert ("two million Peruvian refugees", "Peru") not in found


def test_two_capitals_before_a_number_are_a_label_no_country(links_of):
    found = links_of(
        "The dark companion described in the survey is located in the HR 4411 stellar system "
        "of the Lyra constellation. A hot blue star near the HR 4411 pair circles it."
    )
    assert not any(link.country == "Croatia" for link in found)


def test_a_placed_pro_form_one_is_no_subject(links_of):
    found = pairs(links_of("The first contest was in Chile. The third one was in Peru, in 2013."))
    assert not any(subject.endswith("one") for subject, _ in found)
