from datetime import date

from quizzes.extraction.facts import Facts
from quizzes.generation import when
from quizzes.generation.dates import PartialDate, parse_iso
from quizzes.generation.distractors import date_distractors

from .facts_for_tests import SAMPLE_TEXT, built, event, sample_facts


def when_drafts(facts=None, text=SAMPLE_TEXT, published=date(2022, 9, 30)):
    """The "when" builder's drafts by answer (before the quality check chooses)."""
    facts = facts or sample_facts()
    return {d.answer: d for d in built(when, facts, text, published=published)}


def test_dates_are_formatted_by_granularity():
    assert parse_iso("2014").label() == "2014"
    assert parse_iso("2022-03").label() == "March 2022"
    assert parse_iso("2022-09-21").label() == "21 September 2022"
    assert parse_iso("2022-13") is None
    assert parse_iso("yesterday") is None


def test_year_question_asks_in_what_year_with_nearby_years():
    draft = when_drafts()["1991"]
    assert draft.prompt == "In what year did the dissolution of the USSR take place?"
    assert all(len(t) == 4 and abs(int(t) - 1991) <= 12 for t in draft.choice_texts)


def test_month_question_uses_month_options_and_a_real_question():
    draft = when_drafts()["March 2022"]
    assert draft.prompt == (
        "When did one Moscow official call for the “denazification” of Kazakhstan?"
    )
    for option in draft.choice_texts:
        month, year = option.split()
        assert year in {"2021", "2022"}
        assert month.istitle()


def test_options_never_come_after_publication():
    draft = when_drafts()["September 2022"]
    assert "October 2022" not in draft.choice_texts
    assert "November 2022" not in draft.choice_texts
    labels = date_distractors(PartialDate(2022, 9, 21), latest=PartialDate(2022, 9, 22))
    assert all(label.endswith("2022") and " " in label for label in labels)
    assert "23 September 2022" not in labels


def test_passive_clause_is_asked_with_was():
    draft = when_drafts()["2014"]
    assert draft.prompt.startswith("In what year was Angela Merkel reportedly once left waiting")
    assert "2014" not in draft.prompt


def test_bounds_and_approximations_are_not_asked():
    answers = when_drafts()
    assert "2002" not in answers  # "more than 20 years ago"
    prompts = " ".join(d.prompt for d in answers.values())
    assert "born" not in prompts  # "after 1991"


def test_last_week_is_asked_to_the_month():
    text = "Last week, the minister resigned over the scandal.\n"
    facts = Facts(
        events=[
            event(
                "the minister resigned over the scandal",
                "Last week",
                "2022-09-23",
                "Last",
                source=text,
            )
        ]
    )
    (draft,) = when_drafts(facts, text).values()
    assert draft.answer == "September 2022"
    assert draft.prompt == "When did the minister resign over the scandal?"
    assert draft.explanation.endswith(
        "“Last week”, in an article published on Friday 30 September 2022, falls in September 2022."
    )


def test_event_without_a_date_makes_no_question():
    text = "In recent months pipelines were shut.\n"
    facts = Facts(events=[event("pipelines were shut", "recent months", None, "In", source=text)])
    assert when_drafts(facts, text) == {}
