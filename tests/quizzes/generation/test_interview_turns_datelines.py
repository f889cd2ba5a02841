"""Interview question turns, datelines, "back in June", whole sets, a round-up's month
(issue 11 §4, blind judges of batches 38 and 39; invented articles)."""

from datetime import date

from quizzes.extraction.facts import CountryLink, Facts
from quizzes.generation import cloze, when
from quizzes.generation.context import build_context
from quizzes.generation.numbers import sentences
from quizzes.generation.turns import in_question_turn, question_turn_spans
from quizzes.generation.wording import strip_time

from .facts_for_tests import built, event

INTERVIEW = "\n".join(
    [
        "Varn Post interviews Tilda Marsk, Harbour Party candidate",
        "Tilda Marsk founded the Harbour Party in 2011 with 40 members.",
        "((VP)) : What are your views on the dispute between Norway and Sweden?",
        "((VP)) : How has the storm of 2019 changed your campaign?",
        "((VP)) : Which mayors do you admire?",
        "Marsk said the party had grown to 900 members since 2011.",
    ]
)


def _spans(text):
    return [text[start:end] for start, end in question_turn_spans(text)]


def test_an_interviewers_question_turns_are_found():
    assert _spans(INTERVIEW) == [
        line for line in INTERVIEW.split("\n") if line.startswith("((VP))")
    ]
    qa = "Title\nQ: Why did the ferry stop in 2019?\nA: The ferry stopped in 2019 for repairs."
    assert _spans(qa) == ["Q: Why did the ferry stop in 2019?"]


def test_the_answering_label_and_the_story_are_no_question_turns():
    text = "\n".join(
        [
            "Title",
            "((Ana Ruiz)) : We opened the mill in 2012.",
            "((Ana Ruiz)) : It employs 80 people now.",
            "((Ana Ruiz)) : Why would we leave?",
            "Ruiz said the mill would stay open.",
        ]
    )
    assert question_turn_spans(text) == ()


def test_no_fact_is_asked_from_a_question_turn():
    turn = "((VP)) : What are your views on the dispute between Norway and Sweden?"
    story = "Tilda Marsk founded the Harbour Party in 2011 with 40 members."
    start = INTERVIEW.index(turn)
    link = CountryLink(
        subject="the dispute",
        country="Norway",
        evidence=turn,
        evidence_start=start,
        evidence_end=start + len(turn),
    )
    asked = event(
        "the storm changed your campaign", "2019", "2019", "storm of 2019", source=INTERVIEW
    )
    kept = event("Tilda Marsk founded the Harbour Party", "2011", "2011", story, source=INTERVIEW)
    facts = Facts(events=[asked, kept], countries=[link])
    ctx = build_context(facts, article_text=INTERVIEW, published=date(2020, 3, 7))
    assert [d.event.when for d in ctx.dated] == ["2011"]
    assert ctx.countries == []
    assert in_question_turn(INTERVIEW, start, start + len(turn))


def test_counted_sentences_leave_question_turns_out():
    found = [text for text, _, _ in sentences(INTERVIEW)]
    assert not any("storm" in text or "dispute" in text for text in found)
    assert any("900 members" in text for text in found)


def test_a_dateline_glued_before_the_first_sentence_is_not_shown_in_a_cloze():
    text = (
        "Glass fair opens\n"
        "Saturday, March 7, 2020 In June, some 300 glassblowers came to Varnholt for the fair.\n"
    )
    cards = built(cloze, Facts(), text, published=date(2020, 3, 7))
    prompts = [c.prompt for c in cards if c.answer == "300"]
    assert prompts == [
        "Fill in the blank: In June, some _____ glassblowers came to Varnholt for the fair."
    ]
    assert "Saturday" not in next(c.explanation for c in cards if c.answer == "300")


def test_the_size_of_a_whole_set_is_no_count_to_recall():
    text = (
        "Ferries\n"
        "The ferry line now sells tickets in all 27 member states of the union.\n"
        "The storm killed all 14 passengers of the ferry.\n"
    )
    answers = [c.answer for c in built(cloze, Facts(), text, published=date(2020, 3, 7))]
    assert "14" in answers  # the article's fact: how many were on board
    assert "27" not in answers


def test_the_back_of_back_in_june_goes_with_the_time():
    assert strip_time("Ruiz spoke to the Varn Post back in June", "June") == (
        "Ruiz spoke to the Varn Post"
    )
    assert strip_time("The ferry came back in June", "June") == "The ferry came back"


ROUND_UP = "\n".join(
    [
        "On the ferry routes of Nordland, April 2021",
        "In April, the Varn ferry line cut its winter timetable.",
        "In April, the Marvik ferry line raised its fares.",
    ]
)


def test_a_round_ups_own_month_is_asked_once():
    facts = Facts(
        events=[
            event(
                "the Varn ferry line cut its winter timetable",
                "In April",
                "2021-04",
                "Varn ferry line cut",
                source=ROUND_UP,
            ),
            event(
                "the Marvik ferry line raised its fares",
                "In April",
                "2021-04",
                "Marvik ferry line raised",
                source=ROUND_UP,
            ),
        ]
    )
    drafts = built(when, facts, ROUND_UP, published=date(2021, 5, 20))
    assert [d.answer for d in drafts] == ["April 2021"]


def test_what_written_capitalised_after_an_interview_label_is_no_name():
    from quizzes.generation.quality.grammar import name_rewritten

    from .facts_for_tests import ctx_for, draft

    text = INTERVIEW + "\nThe party was founded in 2011 in Varnholt."
    asked = draft("when", "In what year was the Harbour Party founded?", "2011", ["2009", "2012"])
    assert name_rewritten(asked, ctx_for(text)) is None


def test_a_clause_running_into_a_second_sentence_asks_no_when():
    text = "\n".join(
        [
            "Harbour Party picks its candidate",
            "At the convention held online in May, the party nominated Tilda Marsk for mayor.",
            "The Harbour Party opened an office in Varnholt in March.",
        ]
    )
    facts = Facts(
        events=[
            event(
                "At the convention held online, the party nominated Tilda Marsk for mayor",
                "in May",
                "2020-05",
                "At the convention",
                source=text,
            ),
            event(
                "The Harbour Party opened an office in Varnholt",
                "in March",
                "2020-03",
                "opened an office",
                source=text,
            ),
        ]
    )
    drafts = built(when, facts, text, published=date(2020, 6, 19))
    assert [d.answer for d in drafts] == ["March 2020"]
