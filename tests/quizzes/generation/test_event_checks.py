""" "When" and timeline questions only from events with a resolved date and a
clean clause (quizzes/generation/event_checks.py), and explanations that show
how the date was worked out. Invented sentences, one per rule."""

from datetime import date

import pytest

from quizzes.extraction.facts import Facts
from quizzes.generation import event_checks as checks
from quizzes.generation import generation_context, timeline, when
from quizzes.generation.context import DatedFact, GenerationContext, without_country_roles
from quizzes.generation.dates import parse_iso
from quizzes.generation.event_checks import date_resolution, event_problem
from quizzes.generation.wording import question_from_clause

from .facts_for_tests import built, dated_by_its_sentence, event, link


def dated(clause, when_text, iso, text):
    fact = event(clause, when_text, iso, text.split()[0], source=text)
    return DatedFact(event=fact, when=parse_iso(iso))


@pytest.mark.parametrize(
    ("clause", "when_text", "text", "rule"),
    [
        (
            "the Harbour Authority ) closed the pier",
            "Monday",
            "On Monday the Harbour Authority (HA) closed the pier.\n",
            "unbalanced_marks",
        ),
        (
            "the council announced the budget : cuts are to follow",
            "Monday",
            "On Monday the council announced the budget: cuts are to follow.\n",
            "stray_punctuation",
        ),
        (
            "Both received suspended sentences",
            "Monday",
            "Both on Monday received suspended sentences.\n",
            "no_subject_and_verb",
        ),
        (
            "the guidelines also list swamp fever as a poor name",
            "2011",
            "The guidelines also list swamp fever, from 2011, as a poor name.\n",
            "no_subject_and_verb",
        ),
        (
            "two guards were convicted on Monday of robbing a bank",
            "2016",
            "Two guards were convicted on Monday of robbing a bank in 2016.\n",
            "date_of_another_clause",
        ),
        (
            "the mayor said the mill closed",
            "1998",
            "The mayor said the mill closed in 1998.\n",
            "date_of_another_clause",
        ),
        (
            "the firm agreed to build a plant",
            "2030",
            "The firm agreed to build a plant in 2030.\n",
            "date_of_another_clause",
        ),
        (
            "elections planned",
            "March 2031",
            "Elections planned for March 2031 were delayed.\n",
            "planned_date",
        ),
        (
            "findings published by a team from",
            "Monday",
            "In findings published Monday by a team from Leeds, the lake was dated.\n",
            "dangling_end",
        ),
        (
            "the two suspects were caught after one of their neighbours",
            "March 2020",
            "The two suspects were caught in March 2020 after one of their neighbours, aged 70, "
            "phoned the police.\n",
            "clause_cut_short",
        ),
        (
            "the paper revealed a deal whereby, the state firm Vega Ltd",
            "Monday",
            "On Monday the paper revealed a deal whereby, on May 2, the state firm Vega Ltd.\n",
            "unfinished_clause",
        ),
        (
            "the council issued a bond",
            "1877",
            "With resolution no. 1877/2019, the council issued a bond.\n",
            "number_not_a_year",
        ),
        (
            "the singer made her last record hosted a radio show until 1990",
            "1971",
            "The singer made her last record in 1971 and hosted a radio show until 1990.\n",
            "stitched_clause",
        ),
        (
            "the ministry spent 2% of its budget on roads",
            "March 2020",
            "According to a March 2020 report, the ministry spent 2% of its budget on roads.\n",
            "date_of_another_clause",
        ),
        (
            "the four regional races represented 210 seats",
            "Monday",
            "The four regional races on Monday represented 210 seats.\n",
            "a_count_not_an_event",
        ),
        (
            "the crowd was estimated at 4,000",
            "Monday",
            "The crowd was estimated at 4,000 on Monday.\n",
            "a_count_not_an_event",
        ),
        (
            "Governor Lena Marsh gathered outside the assembly",
            "Monday",
            "Farmers angry at cuts made by Governor Lena Marsh gathered outside the assembly"
            " on Monday.\n",
            "subject_of_a_preposition",
        ),
    ],
)
def test_events_that_would_make_wrong_or_broken_when_questions(clause, when_text, text, rule):
    iso = {"Monday": "2020-05-04", "March 2031": "2031-03", "March 2020": "2020-03"}.get(
        when_text, when_text
    )
    problem = event_problem(dated(clause, when_text, iso, text))
    assert problem is not None
    assert problem.startswith(rule)


@pytest.mark.parametrize(
    ("clause", "when_text", "iso", "text"),
    [
        (
            "two guards were convicted of robbing a bank in 2016",
            "Monday",
            "2020-05-04",
            "Two guards were convicted on Monday of robbing a bank in 2016.\n",
        ),
        (
            "the mayor said the mill would close",
            "May",
            "2020-05",
            "The mayor said in May the mill would close.\n",
        ),
        (
            "the mayor, in a letter sent to residents, announced the closure",
            "Monday",
            "2020-05-04",
            "Late on Monday, the mayor, in a letter sent to residents, announced the closure.\n",
        ),
        (
            "Ana Ruiz was reportedly left waiting two hours for a meeting with the governor",
            "2015",
            "2015",
            "Ana Ruiz was reportedly left waiting two hours for a meeting with the governor "
            "in 2015.\n",
        ),
        (
            "the regional assembly which took place",
            "this week",
            "2020-05",
            "Delegates came for the regional assembly which took place this week.\n",
        ),
    ],
)
def test_clean_events_whose_date_goes_with_the_main_verb(clause, when_text, iso, text):
    assert event_problem(dated(clause, when_text, iso, text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday the mayor of Velmar extended the harbour curfew to May 1.\n",
        "The Velmar council rescheduled most of its ward elections to June 2.\n",
        "The Velmar council rescheduled its budget vote for June 2.\n",
        "The governor of Velmar closed the ferry terminal through May 15.\n",
    ],
)
def test_no_when_question_on_an_act_keyed_to_the_day_it_set(text):
    """Blind judge, batch 41: "extended the lockdown until May 1" asked as "When did X
    extend the lockdown?" keyed 1 May. The act came before the day it set: no "when"
    question, timeline item nor dated statement takes that day for the act's."""
    from quizzes.extraction import extract
    from quizzes.generation import review_questions

    published = date(2020, 4, 4)
    facts = extract(text, published=published)
    kept = review_questions(facts, article_text=text, published=published).kept
    assert not [d for d in kept if d.kind in {"when", "ordering", "true_false"}]
    assert not [d for d in kept if "2019" in d.answer]


def test_one_event_given_two_different_dates_by_its_sentence_is_not_asked():
    """ "arrested in January of last year": read as January of this year and as
    last year, the two dates contradict each other; neither is asked."""
    from quizzes.generation.event_checks import clean_events

    text = "The two suspects were arrested in January of last year.\n"
    january = dated("The two suspects were arrested", "January", "2020-01", text)
    last_year = dated("The two suspects were arrested", "last year", "2019", text)
    assert clean_events([january, last_year]) == []
    this_month = dated("The two suspects were arrested", "January", "2019-01", text)
    assert clean_events([this_month, last_year]) == [this_month]  # "of last year" dates January


@pytest.mark.parametrize(
    ("clause", "question"),
    [
        (
            "US painter, sculptor, and teacher Ana Ruiz died at her home in Cusco",
            "When did US painter, sculptor, and teacher Ana Ruiz die at her home in Cusco?",
        ),
        (
            "findings published in a medical journal",
            "When were findings published in a medical journal?",
        ),
        ("Chilean sailors rescued the crew", "When did Chilean sailors rescue the crew?"),
        ("Ana Ruiz speaking to reporters called the vote a farce", None),
        ("this lockdown started", None),
        ("the following election saw a victory for the party", None),
        ("Ben Cole, whom she divorced", None),
    ],
)
def test_subjects_that_make_a_clear_question(clause, question):
    assert question_from_clause(clause) == question


def test_a_capitalised_word_is_a_name_not_a_verb_and_insertions_are_dropped():
    assert question_from_clause(
        "the United Fishermen Cooperative, in a letter sent to the council, blocked the harbour"
    ) == ("When did the United Fishermen Cooperative block the harbour?")
    assert question_from_clause("the regional assembly which took place") == (
        "When did the regional assembly take place?"
    )
    assert question_from_clause("the H5N8 outbreak as a warning of what to avoid") is None


@pytest.mark.parametrize(
    ("when_text", "iso", "published", "note"),
    [
        (
            "Thursday",
            "2020-05-07",
            date(2020, 5, 9),
            "“Thursday”, in an article published on Saturday 9 May 2020, is 7 May 2020.",
        ),
        (
            "last October",
            "2019-10",
            date(2020, 5, 9),
            "“last October”, in an article published on Saturday 9 May 2020, is October 2019.",
        ),
        ("March 3 2020", "2020-03-03", date(2020, 5, 9), "“March 3 2020” is 3 March 2020."),
        ("2014", "2014", date(2020, 5, 9), ""),
    ],
)
def test_the_explanation_shows_how_the_date_was_resolved(when_text, iso, published, note):
    text = f"The dam burst on {when_text}.\n"
    fact = dated("The dam burst", when_text, iso, text)
    assert date_resolution(fact, published=published) == note


def test_a_weekday_the_story_puts_in_the_week_before_says_so():
    """Read against publication (a Saturday), "Friday" is the day before; the story put it
    eight days before, and the explanation must not claim the plain reading."""
    text = "The storm broke on Friday.\n"
    fact = dated("The storm broke", "Friday", "2021-03-05", text)
    assert date_resolution(fact, published=date(2021, 3, 13)) == (
        "“Friday” here is Friday 5 March 2021, the week before the article "
        "(published on Saturday 13 March 2021)."
    )
    plain_reading = dated("The storm broke", "Friday", "2021-03-12", text)
    assert date_resolution(plain_reading, published=date(2021, 3, 13)) == (
        "“Friday”, in an article published on Saturday 13 March 2021, is 12 March 2021."
    )


def test_when_and_timeline_explanations_carry_the_resolution():
    text = (
        "The Orrin river flooded the old town of Tallby in March 2019.\n"
        "The Tallby council bought new pumps last October.\n"
        "On Thursday, the mayor opened the new flood wall.\n"
    )
    facts = Facts(
        events=[
            event(
                "The Orrin river flooded the old town of Tallby",
                "in March 2019",
                "2019-03",
                "The Orrin river",
                source=text,
            ),
            event(
                "The Tallby council bought new pumps",
                "last October",
                "2019-10",
                "The Tallby council",
                source=text,
            ),
            event(
                "the mayor opened the new flood wall",
                "Thursday",
                "2020-05-07",
                "On Thursday",
                source=text,
            ),
        ]
    )
    published = date(2020, 5, 9)
    drafts = {d.answer: d for d in built(when, facts, text, published=published)}
    assert drafts["7 May 2020"].prompt == "When did the mayor open the new flood wall?"
    assert drafts["7 May 2020"].explanation.endswith(
        "“Thursday”, in an article published on Saturday 9 May 2020, is 7 May 2020."
    )
    (ordering,) = built(timeline, facts, text, published=published)
    assert "“last October”, in an article published on Saturday 9 May 2020, is October 2019." in (
        ordering.explanation
    )


def test_a_persons_country_is_left_out_of_rewritten_prompts():
    """ "When did Peruvian President Ana Ruiz …?" would answer "Which country is
    Ana Ruiz the president of?"."""
    text = "Peruvian President Ana Ruiz resigned on Monday.\n"
    ctx = generation_context(
        Facts(countries=[link("Ana Ruiz", "Peru", "Peruvian", "person", source=text)]),
        article_text=text,
    )
    ctx.people = ["Ana Ruiz"]
    assert without_country_roles("When did Peruvian President Ana Ruiz resign?", ctx) == (
        "When did President Ana Ruiz resign?"
    )
    assert without_country_roles("When did Ana Ruiz of Peru resign?", ctx) == (
        "When did Ana Ruiz resign?"
    )
    assert without_country_roles("When did the head of Peru's senate Ana Ruiz resign?", ctx) == (
        "When did the head of the senate Ana Ruiz resign?"
    )
    assert isinstance(ctx, GenerationContext)


def test_a_date_inside_a_quotation_is_the_speakers_not_the_articles():
    from quizzes.generation.event_checks import date_inside_quotation

    text = "“She is glad the long ordeal that led to today is over,” her lawyer said.\n"
    quoted = DatedFact(
        event=event("the long ordeal led", "today", "2020-05-04", "long ordeal", source=text),
        when=parse_iso("2020-05-04"),
    )
    assert date_inside_quotation(quoted)
    said = "Her lawyer said on Monday that “the ordeal is over”.\n"
    outside = DatedFact(
        event=event("Her lawyer said", "Monday", "2020-05-04", "Her lawyer", source=said),
        when=parse_iso("2020-05-04"),
    )
    assert date_inside_quotation(outside) is None


@pytest.mark.parametrize(
    ("clause", "when", "iso", "sentence"),
    [
        (
            "the fever claimed 812 lives in the valley",
            "between March 2011 and June 2014",
            "2011-03",
            "The fever claimed 812 lives in the valley between March 2011 and June 2014.\n",
        ),
        (
            "Holt served six years as harbour master",
            "from 2003 to 2009",
            "2003",
            "Holt served six years as harbour master from 2003 to 2009, under two mayors.\n",
        ),
    ],
)
def test_a_span_read_whole_as_the_date_is_no_date(clause, when, iso, sentence):
    assert checks.date_range(dated_by_its_sentence(clause, when, iso, sentence)) == (
        "a span of time, not one date"
    )


def test_a_single_month_and_year_is_still_a_date():
    sentence = "The fever claimed its first victim in the valley in March 2011.\n"
    fact = dated_by_its_sentence(
        "The fever claimed its first victim in the valley", "in March 2011", "2011-03", sentence
    )
    assert checks.date_range(fact) is None


def test_acts_repeated_over_a_month_make_no_date_question():
    sentence = "Mayor Holt made several clumsy remarks in May.\n"
    fact = dated_by_its_sentence(
        "Mayor Holt made several clumsy remarks", "in May", "2021-05", sentence
    )
    assert checks.a_repeated_act(fact) == "acts done many times, not one event"
    # On one day they are that day's event: "police made several arrests on Monday".
    sentence = "Harbour police made several arrests on Monday, 3 May 2021.\n"
    fact = dated_by_its_sentence(
        "Harbour police made several arrests", "on Monday", "2021-05-03", sentence
    )
    assert checks.a_repeated_act(fact) is None


@pytest.mark.parametrize(
    ("when_text", "iso", "cited"),
    [
        ("at 3am local time (0200 UTC) on Friday", "2020-05-08", "“Friday”"),
        ("at about 7:40 am this morning", "2020-05-09", "“this morning”"),
        ("at 11:15 p.m. yesterday", "2020-05-08", "“yesterday”"),
    ],
)
def test_the_explanation_cites_the_day_word_not_the_clock_time(when_text, iso, cited):
    text = f"The dam burst {when_text}.\n"
    fact = dated("The dam burst", when_text, iso, text)
    note = date_resolution(fact, published=date(2020, 5, 9))
    assert note.startswith(f"{cited}, in an article published on Saturday 9 May 2020")


@pytest.mark.parametrize(
    "said",
    ["3 days after Friday", "2 weeks before Friday", "10 hours after Friday night", "5 days ago"],
)
def test_a_day_word_with_more_than_a_clock_time_is_cited_whole(said):
    from quizzes.generation.event_checks import the_day_word

    assert the_day_word(said) == said


def test_a_clock_time_in_hours_or_a_zone_is_left_out():
    from quizzes.generation.event_checks import the_day_word

    assert the_day_word("3 hours on Friday") == "Friday"
    assert the_day_word("9:30 GMT on Friday") == "Friday"
