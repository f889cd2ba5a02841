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


def _drafts_of(lines: list[tuple[str, str, str, str]], published=date(2021, 3, 20)):
    """when-drafts of an invented article: one (clause, when, iso, sentence) per line."""
    text = "".join(sentence + "\n" for *_, sentence in lines)
    facts = Facts(
        events=[
            event(clause, when_, iso, sentence[:30], source=text)
            for clause, when_, iso, sentence in lines
        ]
    )
    return {d.prompt: d for d in built(when, facts, text, published=published)}


def test_a_described_subject_with_a_vague_verb_is_not_asked():
    prompts = _drafts_of(
        [
            ("the militia moved", "on 2 March", "2021-03-02", "The militia moved on 2 March."),
            (
                "the militia seized the radio station",
                "on 4 March",
                "2021-03-04",
                "Soon the militia seized the radio station on 4 March.",
            ),
        ]
    )
    assert "When did the militia seize the radio station?" in prompts
    assert not any(p.startswith("When did the militia move") for p in prompts)


def test_the_court_is_not_asked_about_when_the_article_names_several_courts():
    lines = [
        (
            "the court heard arguments from both sides",
            "on 4 March",
            "2021-03-04",
            "In the appeal, the court heard arguments from both sides on 4 March.",
        ),
        (
            "Mira Sandvik filed the appeal",
            "on 1 February",
            "2021-02-01",
            "Mira Sandvik filed the appeal at the Harbour Court on 1 February.",
        ),
    ]
    assert "When did the court hear arguments from both sides?" in _drafts_of(lines)
    lines.append(
        (
            "the Court of Appeal of Ostland upheld the fine",
            "in 2019",
            "2019",
            "Earlier the Court of Appeal of Ostland upheld the fine in 2019.",
        )
    )
    assert "When did the court hear arguments from both sides?" not in _drafts_of(lines)


def test_a_month_answer_is_not_asked_when_every_date_of_the_article_is_in_it():
    hearing = (
        "the tribunal heard the two witnesses",
        "in March",
        "2021-03",
        "The tribunal heard the two witnesses in March.",
    )
    days = [
        ("Kai Brennan was charged", "on 2 March", "2021-03-02", "Kai Brennan was charged on 2 March."),
        ("the tribunal cleared Brennan", "on 18 March", "2021-03-18", "Then the tribunal cleared Brennan on 18 March."),
    ]  # fmt: skip
    assert not any(d.answer == "March 2021" for d in _drafts_of([hearing, *days]).values())
    days[0] = ("Kai Brennan was charged", "on 2 June 2020", "2020-06-02", "Kai Brennan was charged on 2 June 2020.")  # fmt: skip
    assert any(d.answer == "March 2021" for d in _drafts_of([hearing, *days]).values())


def test_an_action_done_twice_is_asked_as_the_first_time_only():
    prompts = _drafts_of(
        [
            (
                "Lindqvist emailed the port authority",
                "on 3 January",
                "2021-01-03",
                "Lindqvist emailed the port authority on 3 January.",
            ),
            (
                "Lindqvist emailed the port authority again",
                "on 9 February",
                "2021-02-09",
                "With no reply, Lindqvist emailed the port authority again on 9 February.",
            ),
        ]
    )
    assert list(prompts) == ["When did Lindqvist first email the port authority?"]
    assert prompts["When did Lindqvist first email the port authority?"].answer == "3 January 2021"


def test_reported_speech_is_asked_with_say_that():
    prompts = _drafts_of(
        [
            (
                "harbour staff said, three cranes fell",
                "on 4 March",
                "2021-03-04",
                "Harbour staff said on 4 March, three cranes fell.",
            )
        ]
    )
    assert list(prompts) == ["When did harbour staff say that three cranes fell?"]


def test_a_document_dated_a_day_is_no_when_question():
    lines = [("the permit dated", "yesterday", "2021-03-19", "A permit dated yesterday closed the pier.")]  # fmt: skip
    assert _drafts_of(lines) == {}


def test_one_of_several_events_of_a_kind_is_not_asked_about_as_a():
    # (each names its place: "When did a car bombing happen?" alone names nothing)
    bombing = (
        "a car bombing happened in Dunmore",
        "on 9 March",
        "2021-03-09",
        "In the port, a car bombing happened in Dunmore on 9 March.",
    )
    strike = (
        "a rail strike began in Velmar",
        "on 2 March",
        "2021-03-02",
        "A rail strike began in Velmar on 2 March.",
    )
    assert "When did a car bombing happen in Dunmore?" in _drafts_of([bombing, strike])
    several = "Police counted four car bombings in the region that month."
    lines = [bombing, strike, ("", "", "", several)]
    text = "".join(s + "\n" for *_, s in lines)
    facts = Facts(events=[event(c, w, i, s[:30], source=text) for c, w, i, s in lines if c])
    prompts = {d.prompt for d in built(when, facts, text, published=date(2021, 3, 20))}
    assert prompts == {"When did a rail strike begin in Velmar?"}


def test_a_weekday_event_already_past_at_an_earlier_date_is_not_asked():
    """Published on a Saturday: "the flood peaked on Friday" read as the day before,
    but on Wednesday crews had already cleared the damage "of the flood"."""
    from dataclasses import replace

    text = (
        "On Wednesday, crews finished clearing the damage of the flood.\n"
        "The flood peaked on Friday near the old bridge.\n"
    )
    cleared = event("crews finished clearing the damage of the flood", "On Wednesday", "2021-03-17", "On Wednesday", source=text)  # fmt: skip
    peaked = event("The flood peaked near the old bridge", "on Friday", "2021-03-19", "The flood", source=text)  # fmt: skip
    weekday = [replace(e, rule="weekday.verb_clause") for e in (cleared, peaked)]
    prompts = {
        d.prompt for d in built(when, Facts(events=weekday), text, published=date(2021, 3, 20))
    }
    assert prompts == {"When did the crews finish clearing the damage of the flood?"}
    # dated by a date the article writes, the order is the article's own: asked
    prompts = {
        d.prompt
        for d in built(when, Facts(events=[cleared, peaked]), text, published=date(2021, 3, 20))
    }
    assert "When did the flood peak near the old bridge?" in prompts


def test_bombings_of_a_month_and_the_bombing_of_a_day_in_it_are_asked_once():
    from quizzes.generation import generate_questions

    text = (
        "Two car bombings took place in the port in March, the police said.\n"
        "The car bombing happened on 9 March near the fish market.\n"
    )
    facts = Facts(
        events=[
            event(
                "Two car bombings took place in the port",
                "in March",
                "2021-03",
                "Two car",
                source=text,
            ),  # fmt: skip
            event(
                "The car bombing happened near the fish market",
                "on 9 March",
                "2021-03-09",
                "The car",
                source=text,
            ),  # fmt: skip
        ]
    )
    drafts = generate_questions(facts, article_text=text, published=date(2021, 3, 20))
    assert len([d for d in drafts if d.kind == "when"]) == 1


def test_a_place_described_by_the_country_it_is_in_is_asked_by_its_name():
    prompts = _drafts_of(
        [
            (
                "riots broke out in the country's capital, Port Velo",
                "in February",
                "2021-02",
                "Riots broke out in the country's capital, Port Velo, in February.",
            )
        ]
    )
    assert list(prompts) == ["When did the riots break out in Port Velo?"]
