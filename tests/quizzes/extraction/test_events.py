"""Dated events: one test per date form, on short invented sentences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quizzes.extraction.events import extract_dated_events

ARTICLES = Path(__file__).parent / "articles"
FRIDAY = date(2022, 9, 30)  # a Friday


@pytest.fixture
def events_of(nlp):
    def run(text: str, published: date | None = FRIDAY) -> list:
        found = extract_dated_events(nlp(text), published=published)
        for event in found:  # evidence offsets always point at the evidence sentence
            assert text[event.evidence_start : event.evidence_end] == event.evidence
        return found

    return run


def when_date(events) -> list[tuple[str, str | None]]:
    return [(e.when, e.date) for e in events]


@pytest.mark.parametrize(
    ("sentence", "when", "resolved"),
    [
        ("Russia annexed Crimea in 2014.", "2014", "2014"),
        ("Protests began in mid-2019.", "mid-2019", "2019"),
        ("In March, an official called for talks.", "March", "2022-03"),
        ("The mission arrived in January amid unrest.", "January", "2022-01"),
        ("In early September, the minister resigned.", "early September", "2022-09"),
        ("The war began in February 2022 when troops invaded.", "February 2022", "2022-02"),
        (
            "Police said on 21 September 2022 that the man had fled.",
            "21 September 2022",
            "2022-09-21",
        ),
        (
            "The law was passed on September 21, 2022, by parliament.",
            "September 21, 2022",
            "2022-09-21",
        ),
        ("The vote was held on Nov. 8 in every state.", "Nov. 8", "2021-11-08"),
        ("The strike started on Tuesday.", "Tuesday", "2022-09-27"),
        ("The bridge collapsed yesterday.", "yesterday", "2022-09-29"),
        ("In a speech last week, the president described the situation.", "last week", "2022-W38"),
        ("Leaders gathered earlier this month in Samarkand.", "earlier this month", "2022-09"),
        ("The company opened its first shop last year.", "last year", "2021"),
        ("Two days ago the army moved north.", "Two days ago", "2022-09-28"),
        ("The dam was finished 20 years ago.", "20 years ago", "2002"),
        ("The heatwave last summer killed 300 people.", "last summer", "2022"),
        ("Sales fell in the second quarter of 2021.", "the second quarter of 2021", "2021"),
        ("The treaty, signed in 1648, ended the war.", "1648", "1648"),
    ],
)
def test_each_date_form_is_found_and_resolved(events_of, sentence, when, resolved):
    assert when_date(events_of(sentence)) == [(when, resolved)]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "Ms Okafor announced more than 30 years ago that the islands were hers.",
            "more than 30 years ago",
        ),
        ("Russia has shut pipelines in recent months.", "recent months"),
        ("The company was founded in the 1990s.", "the 1990s"),
        ("In the 19th century, the city grew rapidly.", "the 19th century"),
    ],
)
def test_bounded_vague_and_long_periods_have_no_single_date(events_of, sentence, when):
    assert when_date(events_of(sentence)) == [(when, None)]


def test_bounding_preposition_is_kept_in_the_expression(events_of):
    found = events_of("The post-war cohort, those born after 1991, are now the largest group.")
    assert when_date(found) == [("after 1991", "1991")]


def test_relative_dates_need_the_publication_date(events_of):
    found = events_of("The minister resigned last week. The plant closed in 2014.", published=None)
    assert when_date(found) == [("last week", None), ("2014", "2014")]


def test_month_without_year_in_the_future_tense_is_the_next_one(events_of):
    found = events_of("The next summit will be held in Quito in March.")
    assert when_date(found) == [("March", "2023-03")]


def test_durations_and_frequencies_are_undated_events_ages_and_present_today_are_none(events_of):
    text = (
        "She has waited there for three hours and visits every week. "
        "The 45-year-old waited four hours. "
        "Four decades of peace did not come for free. "
        "Russia today is much weaker. "
        "The firm hired 2014 workers."
    )
    assert when_date(events_of(text)) == [("for three hours", None), ("every week", None)]


def test_today_in_the_past_tense_is_the_publication_day(events_of):
    assert when_date(events_of("The president resigned today.")) == [("today", "2022-09-30")]


def test_event_is_the_clause_without_the_date_and_sentence_adverbials(events_of):
    (event,) = events_of(
        "Still, Ms Okafor herself announced more than 30 years ago that the islands were hers."
    )
    assert event.event == "Ms Okafor announced that the islands were hers"


def test_event_of_a_date_in_a_since_phrase_is_the_noun_phrase(events_of):
    (event,) = events_of("Since the break-up of the federation in 1992, Serbia has sought trade.")
    assert event.event == "the break-up of the federation"


def test_event_of_a_relative_clause_takes_its_noun(events_of):
    (event,) = events_of("Ms Boluarte hosted the meeting, which was first proposed in 2019.")
    assert event.event == "the meeting was first proposed"


def test_event_keeps_the_subject_of_an_xcomp_verb(events_of):
    (event,) = events_of(
        "Angela Merkel was once left waiting for a meeting with the president in 2014."
    )
    assert event.event.startswith("Angela Merkel was once left waiting for a meeting")


def test_dateline_is_not_part_of_the_event(events_of):
    (event,) = events_of(
        "NAIROBI, Kenya (AP) \u2014 Kenya's president on Thursday announced a ban on plastics."
    )
    assert event.event == "Kenya's president announced a ban on plastics"
    assert event.date == "2022-09-29"


def test_evidence_sentence_stops_at_a_line_break(events_of):
    (event,) = events_of("Heading without a full stop\nIn March, an official called for talks.")
    assert event.evidence == "In March, an official called for talks."


@pytest.mark.parametrize("name", ["events_sahel", "countries_andes"])
def test_invented_article_finds_every_dated_event_and_nothing_else(nlp, name):
    gold = json.loads((ARTICLES / f"{name}.json").read_text())
    published = date.fromisoformat(gold["published"])
    found = extract_dated_events(nlp((ARTICLES / f"{name}.txt").read_text()), published=published)
    assert [(e.when, e.date) for e in found] == [(g["when"], g["date"]) for g in gold["events"]]
    for expected, event in zip(gold["events"], found, strict=True):
        assert expected["event"] in event.event


def test_day_and_month_of_last_year(events_of):
    (event,) = events_of("Temperatures hit 40C on 19 July last year, a record.")
    assert (event.when, event.date) == ("19 July last year", "2021-07-19")
    assert event.event == "Temperatures hit 40C, a record"


def test_coordinated_verb_shares_the_subject(events_of):
    found = events_of("He was jailed in 2015 and released this week.")
    assert [(e.when, e.date, e.event) for e in found] == [
        ("2015", "2015", "He was jailed"),
        ("this week", "2022-W39", "He was released"),
    ]


def test_a_year_naming_an_event(events_of):
    (event,) = events_of("The 2018 election was close, polls showed.")
    assert (event.when, event.date, event.event) == ("2018", "2018", "The election was close")


def test_a_future_year_in_a_name_is_not_a_date(events_of):
    found = events_of(
        "Morocco will host the 2031 championship. Fans already buy tickets for the 2031 World Cup."
    )
    assert found == []
    # with a preposition the year dates the clause
    (event,) = events_of("Morocco will host the championship in 2031.")
    assert (event.when, event.date) == ("2031", "2031")


def test_a_bare_date_line_dates_nothing(events_of):
    found = events_of("2014\nThe war began in 2014.")
    assert [(e.when, e.event) for e in found] == [("2014", "The war began")]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("A week later, the army withdrew.", "A week later"),
        ("The talks resumed the following day.", "the following day"),
        ("Over the past decade, prices have doubled.", "the past decade"),
        ("In the past few months, three ministers have resigned.", "the past few months"),
    ],
)
def test_periods_up_to_now_and_dates_relative_to_another_event(events_of, sentence, when):
    assert when_date(events_of(sentence)) == [(when, None)]


def test_a_date_that_is_the_subject_is_not_a_time(events_of):
    assert events_of("The next day was quiet. 2022 was a hard year.") == []


# -- blind-test patterns: datelines, non-events, clause cleaning, resolution -----------------
WEDNESDAY = date(2026, 3, 11)


def test_wire_dateline_is_not_an_event_and_keeps_the_subject(events_of):
    found = events_of(
        "NAIROBI, March 10 (Reuters) - Kenya and Uganda signed a power deal on Monday, officials said.",
        published=WEDNESDAY,
    )
    assert when_date(found) == [("Monday", "2026-03-09")]
    assert found[0].event == "Kenya and Uganda signed a power deal"


def test_no_reply_to_a_request_for_comment_is_not_an_event(events_of):
    assert events_of("The agency did not reply to requests for comment on Friday.") == []


def test_today_inside_a_quotation_is_the_speakers_day_in_any_tense_marked_a_remark(events_of):
    for text in (
        '"We signed the contract today," she said.',
        '"Today it is signed," he said.',
        '"We are raising it today with the embassy," the minister said.',
        '"The ban will not take effect today," a spokesman said.',
    ):
        (event,) = events_of(text)
        assert event.rule.endswith(".quoted")
        assert (event.when.lower(), event.date) == ("today", None)


@pytest.mark.parametrize(
    "text",
    [
        '"The farmers of today work harder than ever," she said.',
        '"The school made me the teacher I am today," he said.',
    ],
)
def test_today_meaning_nowadays_in_a_quotation_is_no_time(events_of, text):
    assert events_of(text) == []


def test_an_anchor_the_parser_read_as_a_clause_with_the_sentences_only_verb(events_of):
    found = events_of("Fans still in the stadium after the match left when the lights went out.")
    assert [e.when for e in found] == ["after the match"]
    found = events_of("Since the strike began, two ministers have resigned.")
    assert found == []


def test_the_name_in_an_apposition_stays_in_the_event(events_of):
    found = events_of("The fund was founded in 2019 by the Kenyan engineer, Dr Wanjiru Mwangi.")
    assert "Wanjiru Mwangi" in found[0].event


def test_an_emptied_parenthesis_is_removed(events_of):
    found = events_of("The temperature reached 45C (113F) on Sunday, according to officials.")
    assert "(" not in found[0].event
    assert ")" not in found[0].event
    assert found[0].event.startswith("The temperature reached 45C")


def test_late_on_a_day_goes_with_the_date(events_of):
    found = events_of("They said they had been moved to shelters in the town late on Tuesday.")
    assert found[0].event == "they had been moved to shelters in the town"


def test_participle_clause_opening_the_sentence_borrows_the_main_clause(events_of):
    found = events_of("Asked about the cost on Wednesday, the minister said it was worth it.")
    assert found[0].event == "Asked about the cost, the minister said it was worth it"


def test_time_relative_to_another_event(events_of):
    found = events_of("The deal came less than a year after Cop29 in Baku.")
    assert when_date(found) == [("less than a year after", None)]
    assert found[0].event == "The deal came"


def test_for_some_years_after_is_a_duration_anchored_to_its_event(events_of):
    (event,) = events_of("He worked there for two years after the war.")
    assert (event.when, event.date, event.event) == (
        "for two years after the war",
        None,
        "He worked there",
    )


def test_year_modifying_a_plural_noun_after_a_determiner(events_of):
    found = events_of('"The mills never recovered from the 2018 steel tariffs," he said.')
    assert when_date(found) == [("2018", "2018")]
    assert events_of("About 2014 workers went on strike.") == []  # a count


def test_weekday_after_a_hope_or_plan_is_the_coming_one(events_of):
    found = events_of("The family hoped to fly home from Lisbon on Friday.", published=WEDNESDAY)
    assert when_date(found) == [("Friday", "2026-03-13")]
    found = events_of("The family flew home from Lisbon on Friday.", published=WEDNESDAY)
    assert when_date(found) == [("Friday", "2026-03-06")]


def test_a_past_weekday_is_never_the_publication_day_itself(events_of):
    # published on a Wednesday: "on Wednesday" in the past tense is the week before
    found = events_of("Harbour staff said on Wednesday, three cranes fell.", published=WEDNESDAY)
    assert when_date(found) == [("Wednesday", "2026-03-04")]
    found = events_of("The ferry strike ends on Wednesday.", published=WEDNESDAY)
    assert [d for _, d in when_date(found)] == ["2026-03-11"]  # ahead: the day itself


def test_a_time_an_order_takes_effect_is_ahead_of_the_order(events_of):
    found = events_of(
        "The county ordered the dunes cleared, effective 6 p.m. on Wednesday.",
        published=WEDNESDAY,
    )
    assert [d for _, d in when_date(found)] == ["2026-03-11"]


def test_reporting_verb_tense_not_the_quotation_tense(events_of):
    found = events_of(
        '"We are not going to let our neighbours down," Smith said in a statement on Tuesday.',
        published=WEDNESDAY,
    )
    assert when_date(found) == [("Tuesday", "2026-03-10")]
    assert found[0].event == "Smith said in a statement"


def test_decades_are_events_without_a_single_date(events_of):
    found = events_of("Electricity demand in the region has grown since the early 2010s.")
    assert when_date(found) == [("since the early 2010s", None)]
    assert found[0].event == "Electricity demand in the region has grown"


def test_recent_years_after_spent(events_of):
    found = events_of("Ottawa had spent recent years diversifying its exports.")
    assert when_date(found) == [("recent years", None)]


def test_coordinated_finite_verb_does_not_borrow_the_auxiliary(events_of):
    found = events_of("Prices have risen since 2001, and fell in 1998.")
    assert [e.event for e in found][-1] == "Prices fell"


def test_fragment_takes_the_noun_it_hangs_from(events_of):
    found = events_of("The handover, due to take place by July 1, has been delayed.")
    assert when_date(found) == [("by July 1", "2023-07-01")]
    assert found[0].event == "The handover, due to take place"


def test_trailing_participle_takes_its_clause(events_of):
    found = events_of("The two central banks will swap currencies, starting in July.")
    assert found[0].event == "The two central banks will swap currencies, starting"


def test_decade_describing_a_noun_in_the_present_is_no_event(events_of):
    assert events_of('"No one will go back to the errors of the 1980s," he said.') == []
    found = events_of('"The town lost a generation of jobs in the 1980s," he said.')
    assert when_date(found) == [("the 1980s", None)]


def test_a_kept_quotation_keeps_both_quote_marks(events_of):
    found = events_of('On Tuesday, Mansur said "nothing is ruled out".')
    assert found[0].event == 'Mansur said "nothing is ruled out"'


def test_words_between_dateline_and_verb_are_the_subject(events_of):
    for text in (
        "LIMA, March 12 (Reuters) - Chile and Peru signed a currency deal on Wednesday.",
        "LIMA, March 12 (Reuters) -\nChile and Peru signed a currency deal on Wednesday.",
    ):
        found = events_of(text, published=date(2026, 3, 12))
        assert when_date(found) == [("Wednesday", "2026-03-11")]
        assert found[0].event == "Chile and Peru signed a currency deal"


AUGUST = date(2026, 8, 19)


def test_remarks_about_time_inside_a_quotation_are_marked_remarks(events_of):
    text = (
        "\u201cTen years ago, nobody wanted to farm here,\u201d she said. "
        "\u201cOver the last two decades we lost everything. Waiting until October is not an "
        "option,\u201d he said. \u201cWe saw it 30 years ago and twice this week.\u201d"
    )
    found = events_of(text, published=AUGUST)
    assert found
    assert all(e.rule.endswith(".quoted") for e in found)


def test_a_dated_fact_inside_a_quotation_stays(events_of):
    found = events_of(
        "\u201cThe council signed the deal on 3 May 2019,\u201d she said.", published=AUGUST
    )
    assert when_date(found) == [("3 May 2019", "2019-05-03")]
    assert found[0].event == "The council signed the deal"


def test_a_speaker_s_own_account_inside_a_quotation_is_marked_a_remark(events_of):
    text = (
        '"We signed it in 2015 and nobody read it," she said. '
        '"I sold the farm in March 2019," he said. "You closed it on 4 June 2020," he added.'
    )
    found = events_of(text, published=AUGUST)
    assert [e.when for e in found] == ["2015", "March 2019", "4 June 2020"]
    assert all(e.rule.endswith(".quoted") for e in found)


def test_a_past_event_reported_by_a_person_takes_the_person_s_name(events_of):
    found = events_of("Farmer Ana Smith said he had sold 400 ewes last month.", published=AUGUST)
    assert when_date(found) == [("last month", "2026-07")]
    assert found[0].event == "Ana Smith had sold 400 ewes"


def test_a_past_event_reported_by_an_organisation_takes_its_name(events_of):
    found = events_of("The company said it had shipped 2,000 panels in May.", published=AUGUST)
    assert when_date(found) == [("May", "2026-05")]
    assert found[0].event == "The company had shipped 2,000 panels"


def test_they_reported_by_a_group_takes_the_group(events_of):
    found = events_of("Local officials said they had closed the road on Monday.", published=AUGUST)
    assert found[0].event == "Local officials had closed the road"


def test_a_pronoun_of_the_other_gender_is_not_the_speaker(events_of):
    found = events_of("Ms Ana Diaz said he had left the firm in May.", published=AUGUST)
    assert found[0].event == "he had left the firm"


def test_it_in_a_clause_reported_by_a_person_stays(events_of):
    found = events_of("The minister said it had rained on Tuesday.", published=AUGUST)
    assert found[0].event == "it had rained"


def test_a_country_s_sales_over_a_period_stay_a_statistic(events_of):
    assert events_of("Chile sold 400,000 tonnes of copper over the past year.") == []
    dated = events_of("Chile sold 400,000 tonnes of copper in May.", published=AUGUST)
    assert [w for w, _ in when_date(dated)] == ["May"]


def test_a_parenthetical_participle_leaves_the_subject_whole(events_of):
    found = events_of(
        "Wipro, based in Bengaluru, India, delivered the system in March.", published=AUGUST
    )
    assert found[0].event == "Wipro delivered the system"


def test_a_conjunct_with_its_own_modal_does_not_take_the_other_s_auxiliary(events_of):
    found = events_of(
        "The bank said it was hoping for growth and would offer loans next year.", published=AUGUST
    )
    assert [e.event for e in found] == ["The bank would offer loans"]


def test_a_particle_stays_at_the_end_of_the_event(events_of):
    found = events_of("Its fuel runs out in 2030, the agency said.", published=AUGUST)
    assert found[0].event == "Its fuel runs out"


@pytest.mark.parametrize(
    ("sentence", "when", "resolved"),
    [
        (
            "The rollout is planned for the first weeks of 2025.",
            "the first weeks of 2025",
            "2025-01",
        ),
        ("The shop closed in the last days of 2024.", "the last days of 2024", "2024-12"),
        ("The plant will be finished by the end of 2027.", "by the end of 2027", "2027"),
    ],
)
def test_weeks_at_the_edge_of_a_year_resolve_to_its_month(events_of, sentence, when, resolved):
    assert when_date(events_of(sentence, published=AUGUST)) == [(when, resolved)]


def test_amounts_and_states_over_a_period_are_not_events(events_of):
    text = (
        "Household income has doubled since 2017. The drought killed more than 900 cattle over "
        "the following year."
    )
    assert events_of(text, published=AUGUST) == []


def test_a_measured_figure_for_a_period_is_a_statistic_and_a_trend_stays_an_event(events_of):
    # a figure measured over an undated stretch is not a happening
    assert events_of("The economy grew 2.1% over the past year.", published=AUGUST) == []
    assert events_of("Output at the mill fell 4% in recent months.", published=AUGUST) == []
    # with a date of its own it is a dated fact (real reporting's gold counts it)
    found = events_of("About 12,000 miners were employed in the pits in 2019.", published=AUGUST)
    assert when_date(found) == [("2019", "2019")]
    found = events_of("Kenya exported about 2.3 million bags of tea in March.", published=AUGUST)
    assert [w for w, _ in when_date(found)] == ["March"]
    # a figure on a given day is something that happened then
    found = events_of("Shares fell 12% on Tuesday after the warning.", published=AUGUST)
    assert [e.when for e in found] == ["Tuesday"]
    found = events_of("Demand for rice has grown since 2015.", published=AUGUST)
    assert when_date(found) == [("since 2015", "2015")]


def test_a_rate_is_not_a_time(events_of):
    assert events_of("Cleaners earn $80 a week after deductions, the survey found.") == []
    found = events_of("The ceasefire collapsed a week after the talks.")
    assert [(e.when, e.event) for e in found] == [
        ("a week after the talks", "The ceasefire collapsed")
    ]


def test_slash_joined_dateline_is_not_an_event(events_of):
    found = events_of(
        "OSAKA/BUSAN, June 2 (Reuters) - Japan and South Korea agreed on Tuesday to cut fees.",
        published=date(2026, 6, 2),
    )
    assert when_date(found) == [("Tuesday", "2026-06-02")]
    assert found[0].event == "Japan and South Korea agreed to cut fees"


def test_mixed_case_dateline_with_an_agency_is_not_an_event(events_of):
    found = events_of(
        "Shillong, Aug 14 (PTI) The state assembly passed the budget on Wednesday.",
        published=AUGUST,
    )
    assert [(e.event, e.when) for e in found] == [
        ("The state assembly passed the budget", "Wednesday")
    ]


def test_by_the_end_of_the_month(events_of):
    (event,) = events_of(
        "The council must decide by the end of the month whether to close the road.",
        published=AUGUST,
    )
    assert (event.when, event.date) == ("by the end of the month", "2026-08")
    assert event.event == "The council must decide whether to close the road"
    (event,) = events_of("Talks should end by the end of next year.", published=AUGUST)
    assert event.date == "2027"


def test_scheduled_dates_resolve_into_the_future(events_of):
    found = events_of("The new fares apply from January 1, the operator said.", published=AUGUST)
    assert when_date(found) == [("January 1", "2027-01-01")]
    found = events_of(
        "The president called elections for 14 November.", published=date(2026, 9, 30)
    )
    assert when_date(found) == [("14 November", "2026-11-14")]
    # a past "from" stays in the past
    found = events_of("Prices rose from March, the bank said.", published=AUGUST)
    assert when_date(found) == [("March", "2026-03")]


def test_a_participle_phrase_does_not_take_the_date_of_its_clause(events_of):
    found = events_of(
        "Workers installed the panels made in China three years ago.", published=AUGUST
    )
    assert [(e.event, e.date) for e in found] == [
        ("Workers installed the panels made in China", "2023")
    ]
    found = events_of("A mission deployed in January left in March.", published=AUGUST)
    assert [e.event for e in found][0] == "A mission deployed"


def test_a_relative_clause_between_commas_is_left_out_of_the_subject(events_of):
    (event,) = events_of(
        "The company, which makes gases used in chipmaking, was founded three years ago.",
        published=AUGUST,
    )
    assert (event.event, event.date) == ("The company was founded", "2023")


def test_a_day_naming_a_past_event_after_for_stays_in_the_past(events_of):
    found = events_of("Two men were charged on Monday for Friday's attack.", published=AUGUST)
    assert ("Friday", "2026-08-14") in when_date(found)
    found = events_of("The vote is set for Friday.", published=AUGUST)
    assert when_date(found) == [("Friday", "2026-08-21")]


def test_colon_dateline_is_left_out_of_the_event(events_of):
    (event,) = events_of("SHILLONG: The state assembly passed the budget on Tuesday.")
    assert event.event == "The state assembly passed the budget"


THURSDAY = date(2022, 9, 29)


def test_a_state_since_a_time_is_dated_by_its_start(events_of):
    found = events_of("Ida Marsh has been the town's harbour master since 2004.")
    assert when_date(found) == [("since 2004", "2004")]
    assert "Ida Marsh has been the town's harbour master" in found[0].event
    found = events_of("Demand for rice has grown since 2015.")
    assert when_date(found) == [("since 2015", "2015")]


def test_the_terms_of_a_comparison_are_not_times(events_of):
    text = "The rainy season now ends about two weeks later than it did three decades ago."
    assert events_of(text) == []
    found = events_of("The ceasefire collapsed two weeks later.")
    assert [e.when for e in found] == ["two weeks later"]


def test_two_decades_joined_by_and_are_one_expression(events_of):
    found = events_of("The coast was battered by cyclones in the 1970s and 1980s.")
    assert [(e.event, e.when, e.date) for e in found] == [
        ("The coast was battered by cyclones", "the 1970s and 1980s", None)
    ]


def test_a_parenthetical_participle_is_a_clause_of_its_noun(events_of):
    found = events_of("Korvel, founded in 2011, makes pumps for farms.")
    assert [(e.event, e.when) for e in found] == [("Korvel was founded", "2011")]


def test_a_relative_clause_hung_on_a_place_is_about_the_thing_placed(events_of):
    found = events_of("The group built a smelter in Bahia, Brazil, which opened in 2018.")
    assert [e.event for e in found] == ["a smelter in Bahia, Brazil opened"]


def test_an_object_relative_clause_keeps_its_noun(events_of):
    found = events_of(
        "The bank will open a branch in Accra, Ghana, which it hopes to staff with 30 clerks by next year."
    )
    assert found[0].event == "a branch, which it hopes to staff with 30 clerks"
    assert found[0].when == "by next year"


def test_would_and_is_expected_look_ahead(events_of):
    found = events_of(
        "Officials said the first aid convoys would begin arriving on Friday.", published=THURSDAY
    )
    assert when_date(found) == [("Friday", "2022-09-30")]
    found = events_of("A decision is expected in November.", published=THURSDAY)
    assert when_date(found) == [("November", "2022-11")]
    found = events_of("A decision was expected in March.", published=THURSDAY)
    assert when_date(found) == [("March", "2022-03")]
    found = events_of("The rule would have taken effect on July 1.", published=THURSDAY)
    assert when_date(found) == [("July 1", "2022-07-01")]


def test_a_price_is_not_a_measured_figure(events_of):
    found = events_of("A villa in Cyprus was sold last week for 3 million euros.")
    assert [e.when for e in found] == ["last week"]


@pytest.mark.parametrize(
    ("text", "when", "event_words"),
    [
        ("The striker limped off after the match.", "after the match", "striker limped off"),
        ("Lawyers argued for hours over the evidence.", "for hours", "Lawyers argued"),
        ("The crew was trapped in the shaft for 52 hours.", "for 52 hours", "crew was trapped"),
        (
            "He was questioned during the two-day hearing.",
            "during the two-day hearing",
            "questioned",
        ),
        (
            "Since her arrest, the singer has stayed silent.",
            "Since her arrest",
            "singer has stayed",
        ),
        (
            "Residents were evacuated within hours of the warning.",
            "within hours of the warning",
            "evacuated",
        ),
        ("The bridge will reopen in 12 years.", "in 12 years", "bridge will reopen"),
        ("The mayor resigned the same day.", "the same day", "mayor resigned"),
        ("The tanker ran aground overnight.", "overnight", "tanker ran aground"),
        ("The ferry sank at 4:15 in the morning.", "4:15 in the morning", "ferry sank"),
        ("The river floods every spring.", "every spring", "river floods"),
        ("Okoro scored in the 81st minute.", "in the 81st minute", "Okoro scored"),
        ("The hosts equalised in injury time.", "injury time", "hosts equalised"),
        ("She left school at age 15.", "at age 15", "She left school"),
        (
            "The minister spoke at the opening of the regional summit.",
            "at the opening of the regional summit",
            "minister spoke",
        ),
        (
            "The town took in refugees at the height of the Border War.",
            "at the height of the Border War",
            "town took in refugees",
        ),
    ],
)
def test_undated_times_of_real_reporting_are_events(events_of, text, when, event_words):
    found = [e for e in events_of(text) if e.when == when]
    assert len(found) == 1, events_of(text)
    assert event_words in found[0].event


def test_a_delay_in_years_after_publication_has_its_year(events_of):
    (event,) = events_of("The two will be eligible for parole in 12 years.")
    assert (event.when, event.date) == ("in 12 years", "2034")


def test_a_year_in_an_anchor_dates_it(events_of):
    (event,) = events_of("After her 2015 arrest, the activist spoke to reporters.")
    assert (event.when, event.date) == ("After her 2015 arrest", "2015")


def test_a_span_of_years_is_dated_by_its_first_year(events_of):
    found = events_of("She served as mayor, 1994\u20132002, before retiring.")
    assert when_date(found) == [("1994\u20132002", "1994")]


@pytest.mark.parametrize(
    "text",
    [
        "The lowest level in 20 years was recorded.",  # a record, not a delay
        "It was the first time in a decade that prices fell.",
        "The Acme 2:30 Challenge drew large crowds.",  # a number inside a name
        "The satellite passed at 1800 UTC.",  # a clock time, never the year 1800
        "The eldest, age 29, weighed little.",  # an age, no time
    ],
)
def test_records_names_clock_times_and_ages_are_no_years_or_delays(events_of, text):
    found = events_of(text)
    assert not any(e.when.startswith(("in ", "2:30", "age")) or e.date == "1800" for e in found)


def test_a_day_and_month_of_last_year_after_a_comma(events_of):
    (event,) = events_of("The strike started on March 3, last year.")
    assert (event.when, event.date) == ("March 3, last year", "2021-03-03")


def test_today_naming_a_thing_done_that_day_dates_it_inside_a_quotation(events_of):
    text = (
        'Lena Holt wrote: "Today\'s ruling by the appeals panel is a turning point for us." '
        '"The board\'s letter tonight on the merger shows it has no plan," Tom Ree said.'
    )
    whens = [e.when.lower() for e in events_of(text, published=AUGUST)]
    assert whens.count("today") == 1
    assert whens.count("tonight") == 1


def test_a_year_in_a_name_is_no_date_beside_the_day_or_in_a_quoted_name(events_of):
    text = (
        "Yesterday, Ana Lind of Sweden won the 2026 Lakeside Marathon in record time. "
        'In 2024 the council began a plan dubbed "Harbour 2025" to rebuild the docks. '
        "Her time beat the record set at the 2011 Lakeside Marathon."
    )
    whens = [e.when for e in events_of(text, published=AUGUST)]
    assert sorted(whens) == ["2011", "2024", "Yesterday"]


def test_during_any_happening_named_definitely_anchors_an_event(events_of):
    text = (
        "Ravi Menon sang twice during the harvest parade on Main Street. "
        "Following the mayor's remarks, the crowd left the square. "
        "Prices rose during busy periods."
    )
    whens = sorted(e.when for e in events_of(text, published=AUGUST))
    assert whens == ["Following the mayor's remarks", "during the harvest parade"]


def test_the_next_days_ahead_date_a_plan(events_of):
    found = events_of(
        "The minister said she will send the bill to parliament in the next ten days.",
        published=AUGUST,
    )
    assert [(e.when, e.date) for e in found] == [("in the next ten days", None)]


def test_bounded_durations_short_delays_and_the_day_before_a_happening(events_of):
    text = (
        "A boy was pulled out alive after being trapped for over 20 hours. "
        "The shop owner had left the building the day before the blast. "
        "Karl Etter was taken to the hospital and died there a short time later."
    )
    whens = sorted(e.when for e in events_of(text, published=AUGUST))
    assert whens == ["a short time later", "for over 20 hours", "the day before the blast"]


def test_a_clock_time_written_twice_and_its_day_are_one_moment(events_of):
    found = events_of(
        "The ferry left the harbour at 9:15 p.m. CET (2015 UTC) on August 12.",
        published=AUGUST,
    )
    assert [(e.when, e.date) for e in found] == [
        ("9:15 p.m. CET (2015 UTC) on August 12", "2026-08-12")
    ]


def test_a_day_and_its_clock_time_in_capitals_or_a_zone_are_one_moment(events_of):
    found = events_of(
        "Today at 6:45 P.M. Andean time (2345 UTC) the old bridge over the river collapsed."
    )
    assert [(e.when, e.date) for e in found] == [
        ("Today at 6:45 P.M. Andean time (2345 UTC", "2022-09-30")
    ]
    found = events_of("The ferry sank at 3:20 A.M. local time (0820 UTC) near the cape.")
    assert [e.when for e in found] == ["3:20 A.M. local time (0820 UTC"]


def test_an_age_beside_the_date_of_a_death_is_no_event_of_its_own(events_of):
    found = events_of("The painter Lena Moss died on Tuesday at the age of 91 in her studio.")
    assert [e.when for e in found] == ["Tuesday"]
    found = events_of("The swimmer broke her arm in a fall at age 12.")
    assert [e.when for e in found] == ["at age 12"]


def test_in_the_wake_of_a_happening_dates_the_clause(events_of):
    found = events_of("In the wake of the storm, the summer festival was cancelled.")
    assert [e.when for e in found] == ["In the wake of the storm"]
    assert "festival was cancelled" in found[0].event


def test_a_flight_number_is_no_year(events_of):
    found = events_of("Cargo flight 1720 landed in Oslo on Thursday with a burst tyre.")
    assert [e.when for e in found] == ["Thursday"]


def test_an_anchor_pointing_back_is_no_date_beside_a_calendar_date(events_of):
    found = events_of("During that trip, the reporter was arrested in 2011 near the border.")
    assert [e.when for e in found] == ["2011"]
    found = events_of("During that trip, the reporter was arrested near the border.")
    assert [e.when for e in found] == ["During that trip"]


def test_an_aside_restating_a_day_is_part_of_it(events_of):
    found = events_of("On 14 May \u2014 three days after the vote \u2014 the minister resigned.")
    assert [(e.when, e.date) for e in found] == [
        ("14 May \u2014 three days after the vote", "2022-05-14")
    ]


def test_a_figure_every_year_is_a_statistic_but_a_yearly_happening_stays(events_of):
    assert events_of("About 2,000 trees are planted in the valley every year.") == []
    found = events_of("The village holds a lantern parade every spring.")
    assert [e.when for e in found] == ["every spring"]


def test_a_year_or_a_number_in_a_compound_modifier_is_no_figure(nlp):
    from quizzes.extraction.events.filters import _figure

    doc = nlp("She kept a 25-room villa from 1987 and 2,000 acres of land.")
    figures = {t.text for t in doc if _figure(t)}
    assert "2,000" in figures
    assert not figures & {"25", "1987"}


@pytest.mark.parametrize(
    ("sentence", "resolved"),
    [
        ("The ferry sank on January 12 off the coast.", "2019-01-12"),  # past, after publication
        ("The ferry sank on January 8 off the coast.", "2020-01-08"),
        ("The ferry sank on November 27 off the coast.", "2019-11-27"),
        ("The new ferry will sail on January 5 from the harbour.", "2021-01-05"),  # future, before
        ("The new ferry will sail on January 15 from the harbour.", "2020-01-15"),
    ],
)
def test_a_day_without_a_year_is_the_last_one_before_publication_or_the_next_in_the_future(
    events_of, sentence, resolved
):
    found = events_of(sentence, published=date(2020, 1, 10))
    assert [e.date for e in found] == [resolved]


def test_a_coming_or_going_anchors_a_clause(events_of):
    found = events_of("Upon arrival, the climber told reporters the ascent had been hard.")
    assert [e.when for e in found] == ["Upon arrival"]
    assert found[0].date is None


def test_an_opening_following_with_an_indefinite_happening(events_of):
    found = events_of("Following a two-day stay in a mountain clinic, the climber flew home.")
    assert [e.when for e in found] == ["Following a two-day stay"]
    assert "flew home" in found[0].event


def test_two_days_offered_as_alternatives_are_one_time(events_of):
    found = events_of("The storm was forecast to reach the coast late on Monday or early Tuesday.")
    assert when_date(found) == [("Monday or early Tuesday", "2022-10-03")]


def test_an_age_at_death_is_no_date(events_of):
    assert events_of("Veteran sailor Ana Lind dies at age 91") == []
    found = events_of("At age 12, Lind crossed the bay alone.")
    assert [e.when for e in found] == ["At age 12"]


def test_an_age_after_a_clock_time_in_brackets_is_no_second_event(events_of):
    found = events_of(
        "The mayor died today at 9:00 a.m. local time (2000 UTC, yesterday) at the age of 80."
    )
    assert not any("age" in e.when for e in found)


def test_a_span_in_a_speakers_present_tense_is_a_remark(events_of):
    assert (
        events_of('"We have the right to defend our fields for the last ten years," he said.') == []
    )
    found = events_of('"The shelter has been run by volunteers for the last ten days," she said.')
    assert [e.when for e in found] == ["for the last ten days"]


def test_a_days_name_describing_a_noun_is_no_date(events_of):
    found = events_of("The Sunday trading ban, introduced in 2018, hurt small shops.")
    assert [e.when for e in found] == ["2018"]
    found = events_of("On Friday Lindqvist Motors announced a recall.")
    assert [e.when for e in found] == ["Friday"]


def test_a_date_given_by_is_after_a_date_noun_dates_it(events_of):
    found = events_of("The charge was denied. The court date is November 4.")
    assert when_date(found) == [("November 4", "2022-11-04")]  # still ahead
    assert events_of("The next day was quiet.") == []


def test_a_rank_is_no_measured_figure(events_of):
    found = events_of("The swimmer reached a career high of number 12 in May 2021.")
    assert when_date(found) == [("May 2021", "2021-05")]
    assert events_of("Exports reached 12 million tonnes over the past year.") == []


def test_a_relative_time_restated_by_its_date_is_one_time(events_of):
    found = events_of("The plan, first announced two days earlier on 14 September, was dropped.")
    assert [(e.when, e.date) for e in found if "September" in e.when] == [
        ("two days earlier on 14 September", "2022-09-14")
    ]
    assert len([e for e in found if "earlier" in e.when or "September" in e.when]) == 1


def test_the_last_couple_of_weeks_is_a_recent_period(events_of):
    found = events_of("The team has struggled in the last couple of weeks.")
    assert [(e.when, e.date) for e in found] == [("last couple of weeks", None)]


def test_a_clause_of_function_words_dates_nothing(nlp):
    from quizzes.extraction.dates import find_time_expressions
    from quizzes.extraction.events.filters import only_function_words

    (expr,) = find_time_expressions(nlp("They won in 2019."), published=FRIDAY)
    assert only_function_words("in the", expr)  # cut from an editor's "[in the]"
    assert not only_function_words("the team won in the final", expr)


def test_a_reply_that_had_not_come_as_of_a_day_is_where_things_stood(events_of):
    found = events_of("We asked the ministry twice, but as of today its office has not responded.")
    assert [(e.when, e.event) for e in found] == [("as of today", "its office has not responded")]
    assert not events_of("The ministry did not respond to requests for comment on Thursday.")


def test_a_quoted_day_word_the_parser_hung_outside_the_quotation_dates_the_quoted_verb(events_of):
    found = events_of(
        'The mayor wrote, posting at 1:10 am local time (0510 UTC) on a blog, "Tonight, '
        '[Ada] and I signed the lease. We will move soon."'
    )
    tonight = [e for e in found if e.when == "Tonight"]
    assert len(tonight) == 1
    assert "signed the lease" in tonight[0].event


def test_a_day_word_inside_a_quotation_counts_from_the_speakers_day_so_has_no_date(events_of):
    (quoted,) = events_of('"We signed the contract today," she said.')
    assert (quoted.when, quoted.date) == ("today", None)
    assert quoted.rule.endswith(".quoted")
    (told,) = events_of("The minister signed the contract today.")
    assert told.date == "2022-09-30"


def test_a_month_or_day_of_last_year(events_of):
    (month,) = events_of("The two shops were sold in March of last year.")
    assert (month.when, month.date) == ("March of last year", "2021-03")
    (day,) = events_of("The bridge was closed on May 4 of last year.")
    assert day.date == "2021-05-04"


def test_a_day_without_a_year_or_a_tense_is_the_one_nearest_publication(events_of):
    (after_new_year,) = events_of(
        "The panel says the December 29 agreement between the two ports is void.",
        published=date(2023, 1, 5),
    )
    assert after_new_year.date == "2022-12-29"
    (months_ago,) = events_of("The panel says the June 20 agreement is void.")
    assert months_ago.date == "2022-06-20"


def test_the_end_of_a_period_an_act_set_may_lie_ahead_but_a_past_state_ended(events_of):
    (suspended,) = events_of("The minister suspended the assembly until October 14.")
    assert suspended.date == "2022-10-14"
    (envoy,) = events_of("Ana Ruiz was the envoy to the talks until December.")
    assert envoy.date == "2021-12"


@pytest.mark.parametrize(
    ("sentence", "resolved"),
    [
        ("The council rescheduled its vote to June 2.", "2020-06-02"),
        ("The mayor extended the harbour curfew until May 1.", "2020-05-01"),
        ("The board extended the fishing permit through November 30.", "2020-11-30"),
        ("The agency delayed the launch until January 20.", "2021-01-20"),
        ("The port authority closed the north quay through May 15.", "2020-05-15"),
        ("The league pushed the final back to March 1.", "2020-03-01"),  # reported late
        ("Her trial has been scheduled for November.", "2020-11"),
        ("More concerts have been planned in the old town until December.", "2020-12"),
        ("Two weeks before the November 13 deadline, the union had 3 percent.", "2020-11-13"),
        ("Ana Ruiz quit ahead of the debate scheduled for November 20 in Lisbon.", "2020-11-20"),
    ],
)
def test_a_day_an_act_set_for_a_thing_is_read_ahead_of_the_act(events_of, sentence, resolved):
    """Published 4 April 2020: a thing's new day or end, or a deadline, lies after the act
    that set it, which came shortly before publication; never the same day a year back
    (blind judges, batches 40 and 41: "rescheduled ... to June 2" keyed 2 June 2019)."""
    found = events_of(sentence, published=date(2020, 4, 4))
    assert resolved in [e.date for e in found]


def test_a_day_a_thing_was_scheduled_for_and_held_on_stays_past(events_of):
    (held,) = events_of("The rowing heats scheduled for Wednesday were run as planned.")
    assert held.date == "2022-09-28"
    (park,) = events_of("The park stayed closed until March 30.", published=date(2020, 4, 4))
    assert park.date == "2020-03-30"


def test_a_forecast_looks_ahead(events_of):
    (storm,) = events_of("The storm was forecast to reach the coast late on Monday.")
    assert storm.date == "2022-10-03"


def test_a_range_of_years_after_an_approximation_is_one_time(events_of):
    (edited,) = events_of("From roughly 1990 to 1994, she edited the weekly paper.")
    assert (edited.when, edited.date) == ("From roughly 1990 to 1994", "1990")


def test_this_coming_and_this_past_weekday(events_of):
    coming, past = events_of(
        "The judges must rule by this coming Friday on the appeals. "
        "The singer announced her tour this past Tuesday."
    )
    assert (coming.when, coming.date) == ("by this coming Friday", "2022-10-07")
    assert (past.when, past.date) == ("this past Tuesday", "2022-09-27")


def test_an_instruction_or_a_plan_given_now_looks_ahead(events_of):
    (report,) = events_of("The mayor has instructed the panel to report to the council on Monday.")
    assert report.date == "2022-10-03"
    (sentenced,) = events_of("The singer is to be sentenced in June.", published=date(2022, 2, 15))
    assert sentenced.date == "2022-06"


def test_a_thing_scheduled_for_a_day_that_then_happened_is_past(events_of):
    (held,) = events_of("Two races scheduled for Wednesday were still held.")
    assert held.date == "2022-09-28"
    (called,) = events_of("The council called elections for Wednesday.")
    assert called.date == "2022-10-05"


def test_a_weekday_told_as_past_by_an_earlier_day_is_the_week_before(events_of):
    text = (
        "On Wednesday, rescuers ended the search for survivors of the landslide. "
        "The landslide struck on Thursday near the village. "
        "The two governors spoke by telephone on Thursday night."
    )
    dated = [(e.when, e.date) for e in events_of(text)]
    assert ("Wednesday", "2022-09-28") in dated
    assert ("Thursday", "2022-09-22") in dated
    assert ("Thursday night", "2022-09-22") in dated
    (alone,) = events_of("The landslide struck on Thursday near the village.")
    assert alone.date == "2022-09-29"


def test_two_days_joined_by_and_are_one_stretch(events_of):
    found = events_of("The river rose sharply over Monday and Tuesday, flooding two villages.")
    assert when_date(found) == [("Monday and Tuesday", "2022-09-26")]


def test_two_months_joined_by_and_are_one_stretch(events_of):
    found = events_of("Talks stalled for several weeks this past July and August.")
    assert when_date(found) == [("this past July and August", "2022-07")]


def test_decades_running_into_the_next_are_one_undated_span(events_of):
    found = events_of("She performed with the band throughout the late 1980s and into the 1990s.")
    assert when_date(found) == [("the late 1980s and into the 1990s", None)]


def test_may_after_a_first_name_is_a_surname(events_of):
    found = events_of("Helen May resigned as leader in 2019. He quit in protest at May's budget.")
    assert when_date(found) == [("2019", "2019")]


def test_in_may_stays_a_month_beside_a_person_named_may(events_of):
    found = events_of("Helen May resigned as leader in 2019. In May, the party chose a new leader.")
    assert when_date(found) == [("2019", "2019"), ("May", "2022-05")]


def test_a_few_days_back_is_an_undated_time(events_of):
    found = events_of("A few days back, his brother died of pneumonia.")
    assert when_date(found) == [("A few days back", None)]
    assert "brother died" in found[0].event


def test_at_the_time_of_gives_way_to_the_clause_own_time(events_of):
    found = events_of("At the time of her arrest, she had worked at the bank since March.")
    assert when_date(found) == [("since March", "2022-03")]


def test_final_years_of_a_life_are_no_time(events_of):
    found = events_of("From his childhood until his final years, his faith never wavered.")
    assert when_date(found) == []


def test_late_today_is_a_time_of_the_day_in_any_tense(events_of):
    found = events_of("According to the ministry's tally late today, 40 patients have recovered.")
    assert when_date(found) == [("late today", "2022-09-30")]


def test_a_duration_of_a_dated_clause_is_no_second_event(events_of):
    found = events_of("The league banned the striker on Tuesday for six weeks.")
    assert when_date(found) == [("Tuesday", "2022-09-27")]


def test_a_duration_alone_stays_an_undated_event(events_of):
    found = events_of("The climbers were stuck on the ridge for nine days.")
    assert when_date(found) == [("for nine days", None)]


def test_a_stretch_of_months_or_years_is_background_not_an_event(events_of):
    assert events_of("The striker played for the club for nine years.") == []
    assert events_of("Ines Kroll has been restoring clocks for two years.") == []
    assert events_of("The firm had studied the offer for several months.") == []


def test_as_of_this_writing_is_the_publication_day(events_of):
    found = events_of("As of this writing, one share of the firm is worth about $12.")
    assert when_date(found) == [("As of this writing", "2022-09-30")]
    assert "worth" in found[0].event


def test_last_year_before_a_day_of_a_month_is_that_day_last_year(events_of):
    found = events_of('She wrote, "Last year March 3 was the day my father won the medal."')
    assert [d for _, d in when_date(found)] == ["2021-03-03"]


def test_as_of_a_year_dates_the_figure_read_then(events_of):
    found = events_of(
        "As of 2021, the valley had four ski lodges with about 900 beds between them."
    )
    assert when_date(found) == [("As of 2021", "2021")]


def test_a_state_until_a_year_stays_beside_a_range_of_years(events_of):
    found = events_of(
        "The otter colony stayed fairly steady until 2012, at which point their count fell "
        "sharply, at times dropping to zero during 2016–2017."
    )
    assert ("until 2012", "2012") in when_date(found)


def test_a_clause_past_the_token_limit_ends_before_a_whole_modifier(events_of):
    """Cut at the limit, "… ruled against the harbour authority, saying that the
    fishing crews of the northern coast could keep their moorings until the end of
    the season agreed by" ends nowhere; it ends before the modifier it would cut."""
    text = (
        "On Tuesday, Regional Appeals Judge Marta Okonjo ruled against the harbour "
        "authority of Tarrow, saying that the fishing crews of the northern coast could "
        "keep their moorings until the end of the season agreed by the port council in "
        "the spring.\n"
    )
    (event,) = [e for e in events_of(text) if e.when == "Tuesday"]
    assert event.event.startswith("Regional Appeals Judge Marta Okonjo ruled")
    assert not event.event.endswith(("by", "of", "the"))
    assert len(event.event.split()) < 30


def test_a_headline_restates_the_story_and_dates_nothing(events_of):
    text = (
        "Harbour board shuts Kelvin pier for six weeks after 2021 storm damage\n"
        "On Tuesday, the Kelvin harbour board closed the old pier for repairs.\n"
    )
    assert when_date(events_of(text)) == [("Tuesday", "2022-09-27")]


def test_a_span_of_a_possibility_is_no_time_of_an_event(events_of):
    found = events_of("Officials said some valleys might stay cut off for weeks.")
    assert "for weeks" not in [w for w, _ in when_date(found)]


def test_a_span_of_a_duty_set_for_later_is_a_deadline(events_of):
    found = events_of("The two agencies were tasked to draft a rebuilding plan within two weeks.")
    assert found == []
    lived = events_of("The rescuers reached the last village within two weeks.")
    assert [w for w, _ in when_date(lived)] == ["within two weeks"]


def test_a_duration_describing_a_dated_subject_is_background(events_of):
    found = events_of("Ana Lind, who led the harbour choir for thirty years, died on Monday.")
    assert when_date(found) == [("Monday", "2022-09-26")]
    found = events_of("Beginning in 2011 and lasting for nine years, the drought emptied the lake.")
    assert "for nine years" not in [w for w, _ in when_date(found)]


def test_a_stretch_of_time_naming_no_happening_is_no_anchor(events_of):
    assert events_of("Seabirds were only seen during the long dry periods of the survey.") == []
    assert events_of("Over the course of his life, Tom Brell planted four orchards.") == []
    kept = events_of("In March the council shut the hall. During these five weeks, it stayed shut.")
    assert "During these five weeks" in [w for w, _ in when_date(kept)]


def test_a_day_counted_from_the_story_takes_the_last_day_told(events_of):
    text = (
        "Police arrested Ivo Marsh on Tuesday. He appeared before a magistrate the next day. "
        "His brother was questioned the same day."
    )
    assert when_date(events_of(text)) == [
        ("Tuesday", "2022-09-27"),
        ("the next day", "2022-09-28"),
        ("the same day", "2022-09-28"),
    ]


def test_a_day_ahead_of_publication_is_no_point_to_count_from(events_of):
    text = (
        "The ferry sank on Monday. Its owner faces a hearing on 14 October. "
        "Divers found the hull the following day."
    )
    assert ("the following day", "2022-09-27") in when_date(events_of(text))


def test_that_year_is_the_year_last_told(events_of):
    text = "The mill closed in 1998. That year, the town lost its school too."
    assert ("That year", "1998") in when_date(events_of(text))


def test_a_night_running_into_the_next_day_is_one_stretch(events_of):
    found = events_of("On the night of Monday to Tuesday a barn burned down in Ostby.")
    assert when_date(found) == [("Monday to Tuesday", "2022-09-26")]
    found = events_of("The gale warnings apply from Tuesday night into Wednesday morning.")
    assert len(found) == 1


def test_a_week_restated_by_its_day_is_one_time(events_of):
    found = events_of("Earlier this week on Wednesday, the mayor opened the new bridge.")
    assert when_date(found) == [("Earlier this week on Wednesday", "2022-09-28")]


def test_midnight_after_a_preposition_is_a_time_of_day(events_of):
    found = events_of("Crews were still pumping water out of the tunnel as of midnight.")
    assert when_date(found) == [("as of midnight", None)]
    assert events_of("The midnight curfew angered the shop owners.") == []


def test_a_day_without_a_year_in_a_paragraph_of_a_past_year_is_in_that_year(events_of):
    text = (
        "The dockers walked out on 3 March 2019. They went back to work on 20 March.\n"
        "The port reopened in March.\n"
    )
    assert when_date(events_of(text)) == [
        ("3 March 2019", "2019-03-03"),
        ("20 March", "2019-03-20"),
        ("March", "2022-03"),
    ]


MONDAY = date(2022, 9, 26)  # ISO week 2022-W39
SUNDAY = date(2022, 10, 2)  # the last day of 2022-W39


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The harbour master resigned last week.", FRIDAY, ("last week", "2022-W38")),
        ("Farmers blocked the ring road over the weekend.", FRIDAY, ("the weekend", "2022-W38")),
        ("Farmers blocked the ring road over the weekend.", SUNDAY, ("the weekend", "2022-W39")),
        ("Two ferries collided this past weekend.", MONDAY, ("this past weekend", "2022-W38")),
        ("The ferry was sold a week ago.", FRIDAY, ("a week ago", "2022-W38")),
        # a past "this week" on a Monday: only the day itself has passed of the new week
        ("This week saw a vote on the new port.", MONDAY, ("This week", "2022-W38")),
        # a future "this week" on a Sunday: the week that starts the next day
        ("The new rules are to take effect later this week.", SUNDAY, ("later this week", "2022-W40")),
        ("The hearing could open as soon as the week of October 17.", FRIDAY,
         ("the week of October 17", "2022-W42")),
    ],
)  # fmt: skip
def test_a_week_is_dated_by_its_iso_week(events_of, sentence, published, expected):
    assert expected in when_date(events_of(sentence, published=published))


def test_this_morning_in_a_quotation_keeps_no_date(events_of):
    found = events_of("\u201cThe phone woke me this morning,\u201d the keeper said.")
    assert all(d is None for w, d in when_date(found) if w == "this morning")
    said = events_of("The keeper found the gate open this morning.")
    assert ("this morning", "2022-09-30") in when_date(said)


def test_a_day_that_names_a_past_thing_is_a_point_to_count_from(events_of):
    text = (
        "The March 3 edition of the Valley Courier printed the letter. "
        "On the same day, the mayor of Brenton resigned."
    )
    assert ("the same day", "2022-03-03") in when_date(events_of(text))


def test_a_day_in_a_quotation_is_no_point_to_count_from(events_of):
    text = (
        "Divers found the wreck on Monday. \u201cIt sank on June 12,\u201d a fisherman said. "
        "The next day, the coastguard closed the bay."
    )
    assert ("The next day", "2022-09-27") in when_date(events_of(text))


def test_a_month_and_its_year_may_be_parted_by_a_comma(events_of):
    found = events_of("The old ferry was sold in April, 2017, to a Greek firm.")
    assert when_date(found) == [("April, 2017", "2017-04")]


def test_a_date_a_past_plan_looked_ahead_to_is_not_next_year(events_of):
    found = events_of(
        "The curfew was expected to end on December 20, but the council extended it.",
        published=date(2023, 1, 5),
    )
    assert ("December 20", "2022-12-20") in when_date(found)
    ahead = events_of("The curfew is expected to end on December 20.", published=date(2023, 1, 5))
    assert ("December 20", "2023-12-20") in when_date(ahead)


@pytest.mark.parametrize(
    "sentence",
    [
        "Firefighters said the blaze began in a rusty 2009 Ford Fiesta.",  # a model year
        "The Clean Rivers Act 2011 protects the wetlands of the delta.",  # a year ending a name
    ],
)
def test_a_year_in_a_name_is_no_date(events_of, sentence):
    assert events_of(sentence) == []


def test_an_approximate_count_is_no_year(events_of):
    found = events_of("The chain sold its roughly 1500 Danish and 40 Swedish shops in May.")
    assert [w for w, _ in when_date(found)] == ["May"]


def test_ago_without_a_count_has_no_date(events_of):
    found = events_of("The foundation ran a contest for a new stove some years ago.")
    assert when_date(found) == [("some years ago", None)]


def test_an_anchor_ordering_a_dated_happening_is_no_second_event(events_of):
    found = events_of("The poet Ana Lind caught a chill on Wednesday before her death.")
    assert [w for w, _ in when_date(found)] == ["Wednesday"]
    alone = events_of("The poet Ana Lind caught a chill before her death.")
    assert [w for w, _ in when_date(alone)] == ["before her death"]


def test_a_day_that_was_an_anniversary_dates_it(events_of):
    found = events_of(
        "Crowds marched in the capital. Yesterday was the 40th anniversary of the river treaty."
    )
    assert ("Yesterday", "2022-09-29") in when_date(found)
    assert any("anniversary" in e.event for e in found)


def test_a_plain_day_as_topic_is_still_no_event(events_of):
    assert events_of("Yesterday was quiet in the harbour town.") == []


def test_a_day_a_quotation_repeats_in_the_same_words_is_one_event(events_of):
    text = (
        "The league said the final, set for October 14, was called off. "
        '"The final planned for October 12 in Lisbon is off; both clubs have made other '
        'plans for October 12, and there will be no match on October 12," the league said.'
    )
    dated = [e for e in events_of(text) if e.date == "2022-10-12"]
    assert len(dated) == 1
    assert "Lisbon" in dated[0].event or "final" in dated[0].event


def test_later_in_the_day_is_the_day_the_story_told_last(events_of):
    text = (
        "The river burst its banks on Tuesday morning. "
        "Later in the day, the army opened two shelters in the town hall."
    )
    assert ("Later in the day", "2022-09-27") in when_date(events_of(text))


def test_a_resignation_or_an_emergency_anchors_a_clause(events_of):
    found = events_of(
        "The treasurer post stays empty following the resignation of Ada Brook over the loans."
    )
    assert [(e.when, e.event) for e in found] == [
        ("following the resignation", "The treasurer post stays empty")
    ]
    found = events_of("Crews closed the bridge during the emergency, the council said.")
    assert [e.when for e in found] == ["during the emergency"]


def test_a_figure_in_a_relative_clause_makes_no_statistic_of_the_verb(events_of):
    found = events_of(
        "The utility shut two substations during the storm which cut power to 9,000 homes."
    )
    assert [e.when for e in found] == ["during the storm"]


def test_clock_times_written_without_a_space_or_dots(events_of):
    found = events_of("The blaze at the depot started around 4:10am, a guard said.")
    assert [e.when for e in found] == ["4:10am"]
    found = events_of("The last ferry left the pier at 7 pm with forty passengers.")
    assert [e.when for e in found] == ["7 pm"]
    found = events_of("The roof of the old mill fell in at 5am while workers slept.")
    assert [e.when for e in found] == ["5am"]


def test_a_clock_time_and_its_zone_of_several_words_are_one_moment(events_of):
    found = events_of("At 9:40am US mountain time (1640 UTC) the old dam gave way.")
    assert [e.when for e in found] == ["9:40am US mountain time (1640 UTC"]


def test_since_then_and_to_date_are_times_of_their_clause(events_of):
    found = events_of(
        "The Dutch handed the island to Freedonia in 1961. Since then, the island has been "
        "ruled by a council."
    )
    assert [(e.when, e.event) for e in found][-1] == (
        "Since then",
        "the island has been ruled by a council",
    )
    found = events_of("To date, 12 bridges have been repaired. Its maps are up to date.")
    assert [(e.when, e.event) for e in found] == [("To date", "12 bridges have been repaired")]


def test_an_anchor_after_a_name_with_a_particle(events_of):
    found = events_of("In the wake of de Souza's death, the zoo closed the enclosure.")
    assert [e.when for e in found] == ["In the wake of de Souza's death"]


def test_within_the_first_hours(events_of):
    found = events_of("Within the first three hours, the rebels took the bridge.")
    assert [e.when for e in found] == ["Within the first three hours"]


def test_an_interview_turn_dates_no_event(events_of):
    found = events_of(
        "Q: Your survey is from 2009; do you think it still holds today?\n"
        "A: We used the 2009 figures because they were the latest, and we compared them with "
        "a sample averaged over the years 2012\u20132014.\n"
        "Q: Would you expect other results with data newer than that from 2009?\n"
        "A: We band the birds each year and we count them in the morning.\n"
        "The report was published on 3 May 2021."
    )
    assert [e.when for e in found] == ["3 May 2021"]


def test_an_interview_answer_keeps_what_the_speaker_did_and_plans(events_of):
    found = events_of(
        "Q: How did you come to run the harbour office?\n"
        "A: The office opened in 1994, long before I joined it in March of 2011. "
        "Today I took the pilots out on the tug, and I will hand over to my deputy in June.\n",
        published=date(2021, 5, 3),
    )
    assert [(e.when, e.date) for e in found] == [
        ("1994", "1994"),
        ("March of 2011", "2011-03"),
        ("Today", "2021-05-03"),
        ("June", "2021-06"),
    ]
    assert "I took the pilots out on the tug" in found[2].event


def test_an_interview_answer_keeps_the_speakers_own_past(events_of):
    found = events_of(
        "Q: Do you still follow the league closely?\n"
        "A: Not really, we moved abroad, and my coaching career ended in 2011.\n"
    )
    assert [(e.when, e.event) for e in found] == [("2011", "my coaching career ended")]


def test_an_interview_question_keeps_a_named_third_partys_past(events_of):
    found = events_of(
        "Q: In 2012, the guild candidate Tomas Breck won 4,310 votes. "
        "How many votes do you hope to win?\n"
        "A: We hope to double it.\n"
    )
    assert [e.when for e in found] == ["2012"]
    assert "Tomas Breck won 4,310 votes" in found[0].event


def test_a_vote_an_interview_names_by_its_year_is_the_event(events_of):
    found = events_of(
        "Q: How many seats do you hope to win in the 2026 election?\n"
        "A: We hope to win twelve, as we did in 2019.\n"
    )
    assert [(e.when, e.event) for e in found] == [("2026", "the election")]


def test_a_date_in_another_language_is_the_translation_told_again(events_of):
    found = events_of(
        'The mayor said, "If the council agrees, I will stay until 2024." In Spanish: '
        "Si el consejo está de acuerdo, me quedaré en el cargo hasta el 2024."
    )
    assert [e.when for e in found] == ["until 2024"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was said to breach 21 U.S. Code \u00a7 1907 on trade in arms.",
        "Critics cited section 1908 of the act.",
        "Lina Ortez has campaigned against the plan for many years.",
    ],
)
def test_a_section_number_or_many_years_dates_nothing(events_of, sentence):
    assert events_of(sentence) == []


def test_a_future_election_named_by_its_year_is_dated(events_of):
    found = events_of(
        "Marta Vell, who ran in the primaries for the 2024 general election, has left the party.",
        published=date(2023, 5, 5),
    )
    assert ("2024", "2024") in when_date(found)
    assert (
        events_of("Ticket sales for the 2031 World Cup opened.", published=date(2023, 5, 5)) == []
    )


@pytest.mark.parametrize("clock", ["2 o'clock", "ten o\u2019clock"])
def test_a_time_in_o_clock_is_a_clock_time(events_of, clock):
    found = events_of(f'"The lights went out at {clock} and stayed out," Ada Fenn said.')
    assert [e.when for e in found] == [clock]


def test_two_days_joined_by_a_slash_are_one_stretch(events_of):
    found = events_of('"We could reopen the road on Saturday/Sunday," the engineer said.')
    assert [e.when for e in found] == ["Saturday/Sunday"]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "In the immediate aftermath of the vote, two members left the party.",
            "In the immediate aftermath of the vote",
        ),
        (
            "In the wake of Tomas Ekberg's death, the choir disbanded.",
            "In the wake of Tomas Ekberg's death",
        ),
        ("Following take off, the glider lost height over the lake.", "Following take off"),
        ("The storm weakened quickly after landfall.", "after landfall"),
        ("She has held four cabinet posts since independence.", "since independence"),
        (
            "Prior to the closure announcement, staff were told nothing.",
            "Prior to the closure announcement",
        ),
    ],
)
def test_anchors_named_with_an_adjective_a_long_name_or_no_determiner(events_of, sentence, when):
    assert when_date(events_of(sentence)) == [(when, None)]


def test_an_anchor_before_a_year_of_its_clause_gives_way_to_it(events_of):
    found = events_of("The lawyers drafted the charter prior to independence in 1975.")
    assert when_date(found) == [("1975", "1975")]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("The marchers walked until early evening.", "until early evening"),
        ("Fights broke out by the evening hours.", "by the evening hours"),
        ("Shelling went on through the night.", "through the night"),
        ("Power was back by the afternoon.", "by the afternoon"),
    ],
)
def test_a_part_of_a_day_ending_or_filling_a_stretch(events_of, sentence, when):
    assert when_date(events_of(sentence)) == [(when, None)]


def test_an_anchor_pointing_back_keeps_its_verb_when_the_date_is_of_a_plan(events_of):
    found = events_of("During that session, it was agreed the border would reopen on Monday.")
    assert [e.when for e in found] == ["During that session", "Monday"]
    found = events_of("During that stay, she was twice fined for speeding, in 1988.")
    assert [e.when for e in found] == ["1988"]


def test_a_figure_within_hours_is_what_a_happening_did(events_of):
    found = events_of("Within the first two hours, 9,000 homes lost power.")
    assert [e.when for e in found] == ["Within the first two hours"]
    found = events_of("Within the first three hours 40 thousand riders were without trains.")
    assert [e.when for e in found] == ["Within the first three hours"]


@pytest.mark.parametrize(
    "sentence",
    [
        "At the time, there were six sailors on the ferry.",
        "At the time, she had chaired the board longer than anyone else.",
        "The ministry did not say at the time whether it had got the letter.",
        "Ortega had been in the barn trying to fix a gate at the time, a neighbour said.",
    ],
)
def test_at_the_time_of_a_state_under_way_or_of_nothing_done_is_background(events_of, sentence):
    assert events_of(sentence) == []


def test_at_the_time_of_a_happening_stays(events_of):
    found = events_of("At the time, the council called for a recount.")
    assert [e.when for e in found] == ["At the time"]


def test_an_anchor_ordering_a_clause_timed_by_the_clock_gives_way(events_of):
    found = events_of("Following the verdict, the clerk was sworn in at 4:00 p.m. in the hall.")
    assert [e.when for e in found] == ["4:00 p.m."]


@pytest.mark.parametrize(
    ("sentence", "when", "resolved"),
    [
        ("The ferry served the island between May 3 and June 9.", "May 3 and June 9", "2022-05-03"),
        (
            "Floods killed 212 people from March 2016 to April 2019, the agency said.",
            "March 2016 to April 2019",
            "2016-03",
        ),
        ("The survey covered births from 1995 through 2005.", "from 1995 through 2005", "1995"),
    ],
)
def test_two_dates_bounding_one_stretch_are_one_expression(events_of, sentence, when, resolved):
    (event,) = events_of(sentence)
    assert (event.when, event.date) == (when, resolved)
    assert "June" not in event.event
    assert "April" not in event.event


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("He marched alone on the first day, and hundreds joined him.", "the first day"),
        (
            "The rally came in the ninth week of student strikes against the fees.",
            "the ninth week of student strikes",
        ),
        ("On the third day of the trial, the witness wept.", "the third day of the trial"),
    ],
)
def test_a_numbered_step_of_a_happening_is_an_undated_time(events_of, sentence, when):
    assert when_date(events_of(sentence)) == [(when, None)]


def test_the_first_week_of_a_month_is_dated_by_the_month(events_of):
    found = events_of("The talks ended in the first week of April.")
    assert when_date(found) == [("the first week of April", "2022-04")]


def test_a_promised_frequency_dates_nothing(events_of):
    assert events_of("The activist promised strikes every week.") == []
    found = events_of("The ice broke up in the same bays every year.")
    assert [e.when for e in found] == ["every year"]


def test_a_named_day_anchors_its_clause(events_of):
    found = events_of("The museum opened its new wing ahead of International Labour Day.")
    assert when_date(found) == [("ahead of International Labour Day", None)]


def test_a_named_day_dates_only_the_clause_it_opens(events_of):
    # "Black Friday" is a day's name: a date as the time of a clause, a topic elsewhere
    found = events_of("On Black Friday, shoppers queued outside the mall.")
    assert [(e.when, e.event) for e in found] == [("Friday", "shoppers queued outside the mall")]
    assert events_of("Retailers were focusing on Black Friday.") == []
    assert events_of('The name "Black Friday" comes from the crowds.') == []
    found = events_of('In an event known as "Black Friday", shoppers queued on Friday.')
    assert [e.when for e in found] == ["Friday"]


def test_before_a_named_day_is_an_anchor_without_a_date(events_of):
    found = events_of("Two chains closed stores prior to Black Friday.")
    assert when_date(found) == [("prior to Black Friday", None)]


def test_a_person_named_before_a_weekday_keeps_the_date(events_of):
    found = events_of("President Lena Moss Tuesday signed the bill.")
    assert when_date(found) == [("Tuesday", "2022-09-27")]


def test_in_the_aftermath_of_a_dated_clause_is_no_second_event(events_of):
    found = events_of("In the aftermath of the storm, two chains closed their stores on Monday.")
    assert [e.when for e in found] == ["Monday"]


def test_that_same_day_counts_from_the_day_told_before(events_of):
    found = events_of(
        "Police arrested the driver on 3 May 2022. The court heard his case that same day."
    )
    assert when_date(found) == [("3 May 2022", "2022-05-03"), ("that same day", "2022-05-03")]


def test_a_part_of_a_month_restated_by_its_days_is_one_event(events_of):
    found = events_of(
        "The fair was held on the last weekend of July \u2014 July 27\u201328 \u2014 in the park."
    )
    assert when_date(found) == [("the last weekend of July \u2014 July 27\u201328", "2022-07-27")]


def test_the_last_election_is_an_anchor_without_a_date(events_of):
    found = events_of("At the last federal election, the Green Party won the seat.")
    assert [(e.when, e.date, e.event) for e in found] == [
        ("At the last federal election", None, "the Green Party won the seat")
    ]
    assert events_of("The next election will decide the seat.") == []


def test_a_past_weekday_under_a_date_line_of_that_day_is_that_day(events_of):
    # a story under "Wednesday, March 11, 2026" says "on Wednesday" of its own day
    found = events_of(
        "Cranes fall in harbour\nWednesday, March 11, 2026\nHarbour staff said on Wednesday, "
        "three cranes fell.",
        published=WEDNESDAY,
    )
    assert [(e.when, e.date) for e in found if e.when == "Wednesday"] == [
        ("Wednesday", "2026-03-11")
    ]


def test_a_step_later_then_its_occasion_is_one_time(events_of):
    found = events_of("He lost in August. Two years later, during the final, she scored twice.")
    assert [(e.when, e.event) for e in found][1:] == [
        ("Two years later, during the final", "she scored twice")
    ]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Ruth Ocampo caught a cold the week of the tryout.", "the week of the tryout"),
        (
            "Dario Fenn joined the Saturday of the fair, dressed as a heron.",
            "the Saturday of the fair",
        ),
        ("A guard was arrested on the day of the robbery.", "the day of the robbery"),
        ("Pia Holm spoke to reporters after the event about her designs.", "after the event"),
        ("After the convention, the sculptor packed up his tools.", "After the convention"),
        ("The band split up. Years later, the drummer opened a bakery.", "Years later"),
        ("However, some months later, the panel reversed its ruling.", "some months later"),
        ("Early in the month, the governor drew criticism.", "Early in the month"),
        ("The union struck a deal earlier in the month.", "earlier in the month"),
    ],
)
def test_times_told_from_a_happening_or_the_last_date_are_events(events_of, text, when):
    assert [e.when for e in events_of(text)][-1:] == [when]


def test_a_day_of_the_calendar_names_no_happening(events_of):
    assert events_of("It was the busiest day of the year for the port.") == []


def test_an_interview_answer_keeps_a_time_counted_back_from_now(events_of):
    found = events_of(
        "Q: When did you start on the survey?\n"
        "A: We started collecting samples in earnest about two years ago.\n"
    )
    assert [e.when for e in found] == ["about two years ago"]
    assert "We started collecting samples in earnest" in found[0].event


def test_may_after_this_in_lower_case_is_the_modal(events_of):
    assert events_of("This may change soon, the clerk said.") == []
    assert [e.when for e in events_of("The market reopened this May.")] == ["this May"]


def test_this_months_contents_of_the_article_are_no_event(events_of):
    assert events_of("This month's digest features two chats with local bakers.") == []
    assert [e.when for e in events_of("This year's harvest is a record, the farmer said.")] == [
        "This year"
    ]
    assert [e.when for e in events_of("This month's vote was delayed by the storm.")] == [
        "This month"
    ]


def test_a_month_passing_in_an_as_clause_dates_the_main_clause(events_of):
    found = events_of("As August came to a close, the mayor's lead over her rival narrowed.")
    assert when_date(found) == [("August", "2022-08")]


@pytest.mark.parametrize(
    "text",
    [
        "The clip drew 300 comments in two hours.",
        "The derailment was the third rail accident in a month.",
    ],
)
def test_a_span_a_count_or_a_rank_was_reached_in_is_no_time_ahead(events_of, text):
    assert [e.when for e in events_of(text)] == []


def test_a_delay_ahead_stays(events_of):
    assert [e.when for e in events_of("The clerk was due to retire in two months.")] == [
        "in two months"
    ]


def test_a_month_counted_from_the_month_last_told(events_of):
    found = events_of(
        "The guild elected a new chair in March 2019. The next month, the chair quit. "
        "Later that month, the guild folded."
    )
    assert when_date(found) == [
        ("March 2019", "2019-03"),
        ("The next month", "2019-04"),
        ("Later that month", "2019-04"),
    ]


def test_a_month_counted_from_a_year_alone_has_no_date(events_of):
    found = events_of("The guild folded in 2011. The next month, the hall was sold.")
    assert when_date(found)[-1] == ("The next month", None)


def test_the_previous_month_with_no_month_told_has_no_date(events_of):
    found = events_of("This digest gathers what the council did throughout the previous month.")
    assert when_date(found) == [("the previous month", None)]


def test_the_month_of_a_past_happening_is_the_month_the_story_tells_most(events_of):
    found = events_of(
        "The ferry sank on 3 June. Divers found it on 9 June. The captain was hired in 2011. "
        "By the end of the month, the owners had sold the fleet. "
        "Early in the month, the port had closed. "
        "As the month came to a close, the harbour reopened.",
        published=date(2022, 7, 20),
    )
    assert when_date(found)[-3:] == [
        ("By the end of the month", "2022-06"),
        ("Early in the month", "2022-06"),
        ("the month", "2022-06"),
    ]
    assert found[-1].event == "the harbour reopened"


def test_the_month_of_a_plan_stays_that_of_publication(events_of):
    found = events_of(
        "The ferry sank on 3 June. The fleet will be sold by the end of the month.",
        published=date(2022, 7, 20),
    )
    assert when_date(found)[-1] == ("by the end of the month", "2022-07")


def test_a_clock_time_is_on_the_day_a_day_word_told(events_of):
    found = events_of(
        "A barn caught fire near the ferry landing yesterday.\n"
        "Crews reached it at 6:20 pm and had it out by 9 pm.\n"
    )
    assert when_date(found) == [
        ("yesterday", "2022-09-29"),
        ("6:20 pm", "2022-09-29"),
        ("by 9 pm", "2022-09-29"),
    ]


def test_a_clock_time_is_on_the_day_its_own_sentence_told(events_of):
    found = events_of("On Tuesday evening, shortly before 19:00, the roof of the mill fell in.")
    assert [d for _, d in when_date(found)] == ["2022-09-27"] * len(found)


@pytest.mark.parametrize(
    "text",
    [
        # after a weekday the story may move to another day unsaid
        "The mill closed on Tuesday. Its owner left the town at 6:20 pm.",
        # "midnight" sits between two days
        "The barn caught fire yesterday. Crews left after midnight.",
    ],
)
def test_a_clock_time_after_a_weekday_or_at_midnight_has_no_date(events_of, text):
    assert when_date(events_of(text))[-1][1] is None


def test_a_year_naming_a_vote_beside_a_day_dates_the_vote(events_of):
    found = events_of(
        "On Monday, the senator ended her bid for the nomination in the 2024 state governor "
        "election."
    )
    assert when_date(found) == [("Monday", "2022-09-26"), ("2024", "2024")]
    assert found[1].event == "the state governor election"


def test_a_year_naming_a_race_beside_a_day_stays_out(events_of):
    found = events_of("Yesterday, the skater won the 2019 Harbour Loop race.")
    assert [e.when for e in found] == ["Yesterday"]


def test_the_zone_of_a_clock_time_goes_with_it(events_of):
    found = events_of(
        "The boat sank near the mouth of the bay at 7:12 a.m. ET (1112 UTC) during a storm."
    )
    assert [e.event for e in found] == ["The boat sank near the mouth of the bay during a storm"]
    # the words of a time joined after its span ("EST on Monday") go with it
    zoned = events_of("The market opened at 9 a.m. EST on Monday after the holiday.")
    assert [e.event for e in zoned] == ["The market opened after the holiday"]


def test_a_weekday_with_its_part_of_the_day_needs_no_preposition(events_of):
    found = events_of(
        "On Tuesday, the mayor said he had asked for the clerk's resignation Monday night."
    )
    assert when_date(found) == [("Tuesday", "2022-09-27"), ("Monday night", "2022-09-26")]
    assert found[1].event == "he had asked for the clerk's resignation"


def test_a_weekday_night_in_a_forecast_without_a_preposition_is_not_dated(events_of):
    found = events_of("Forecasters said the storm would reach the cape Wednesday night.")
    assert [e.when for e in found] == []


def test_a_day_restated_in_utc_in_brackets_is_the_same_moment(events_of):
    found = events_of(
        "Villagers felt a tremor at 4:40 a.m Thursday morning (2040 Wednesday evening, UTC)."
    )
    assert [e.when for e in found] == ["Thursday morning"]
    assert "UTC" not in found[0].event


def test_an_interview_answer_dates_nothing_by_age_clock_or_length(events_of):
    found = events_of(
        "Q: How did you start climbing, and when do you train?\n"
        "A: I moved to Lima at the age of 19, and I train at 6 pm on most days. Once I went "
        "to the coast for about a week. I joined the national team in 2014.\n"
    )
    assert [(e.when, e.date) for e in found] == [("2014", "2014")]


def test_a_report_outside_an_interview_keeps_its_clock_time(events_of):
    found = events_of("The bridge reopened at 6 pm on Tuesday after a week of repairs.")
    assert any("bridge reopened" in e.event for e in found)
