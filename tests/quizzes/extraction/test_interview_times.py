"""Times told inside an interview's turns: the speaker's own story and the talk's "now" date
no news event; the reporter's narration and dated answers keep theirs. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction.events import extract_dated_events
from quizzes.extraction.text import paragraphs
from quizzes.extraction.turns import spoken_by_paragraph

PUBLISHED = date(2021, 11, 14)

# A transcript that labels its speakers, between two paragraphs of narration.
_TRANSCRIPT = (
    "Reporters met the baker Ines Calloway in Tarnford in August.\n"
    "((WN)) Why bread?\n"
    "((Ines Calloway)) My mother baked.\n"
    "((WN)) How did the last two months go for you?\n"
    "((Ines Calloway)) Hard. They kept me one day and sent me home the next day.\n"
    "Her brother came in the evening, and a few days later we found a new oven.\n"
    "((WN)) Thank you.\n"
    "The names in this interview have been changed.\n"
)


@pytest.fixture
def events_of(nlp):
    def run(text: str, published: date | None = PUBLISHED) -> list:
        return extract_dated_events(nlp(text), published=published)

    return run


def whens(events) -> list[str]:
    return [e.when for e in events]


def test_a_transcripts_turns_are_its_labelled_paragraphs_and_an_answers_sequel():
    spoken = spoken_by_paragraph(_TRANSCRIPT, paragraphs(_TRANSCRIPT))
    assert spoken == [False, True, True, True, True, True, True, False]


def test_an_article_with_no_turn_labels_has_no_spoken_paragraph():
    text = "The mill closed in May.\nWorkers said they would stay.\n"
    assert spoken_by_paragraph(text, paragraphs(text)) == [False, False]


def test_the_speakers_own_story_in_a_transcript_dates_nothing(events_of):
    assert whens(events_of(_TRANSCRIPT)) == ["August"]


def test_a_span_counted_from_the_talk_is_no_event_in_a_question_or_an_answer(events_of):
    text = (
        "((WN)) Did you find any work in the last three months?\n"
        "((Ines Calloway)) No. My cousin will be back in about 2 days, and we expect news in "
        "the coming weeks.\n"
        "((WN)) And the shop?\n"
        "((Ines Calloway)) It reopened in March 2021.\n"
    )
    assert whens(events_of(text)) == ["March 2021"]


def test_an_age_of_history_counted_back_stays_in_an_answer(events_of):
    text = (
        "((WN)) Were the wolves always this rare?\n"
        "((Ines Calloway)) The last herds died out in the last century, sadly.\n"
    )
    assert whens(events_of(text)) == ["the last century"]


def test_a_longer_step_from_a_happening_the_answer_names_stays(events_of):
    text = (
        "((WN)) Who helped you at first?\n"
        "((Ines Calloway)) Nobody. I opened the bakery alone, and the first helper came "
        "six months after.\n"
    )
    assert whens(events_of(text)) == ["six months after"]


def test_vague_anchors_and_the_talk_itself_date_nothing_in_an_answer(events_of):
    text = (
        "((WN)) Did the council help you?\n"
        "((Ines Calloway)) At the time, nobody would hire me. Since then, we have been given "
        "flour for free. I have to call my sister after this interview.\n"
        "((WN)) Did the storm hurt the shop?\n"
        "((Ines Calloway)) We closed during the 2019 storm.\n"
    )
    assert whens(events_of(text)) == ["during the 2019 storm"]


def test_the_reporters_narration_keeps_its_relative_times(events_of):
    text = (
        "Since then, the council has reopened the market. Protesters gathered in the evening, "
        "and the next day the mayor resigned.\n"
        "((WN)) Why bake?\n"
        "((Ines Calloway)) My mother baked.\n"
    )
    assert whens(events_of(text)) == ["Since then", "in the evening", "the next day"]


def test_two_days_set_side_by_side_in_an_answer_are_any_two_days(events_of):
    text = (
        "((WN)) How do you take your pills?\n"
        "((Ines Calloway)) On alternate days: the one I took today, I would skip tomorrow. "
        "Yesterday I signed the lease.\n"
    )
    assert whens(events_of(text)) == ["Yesterday"]


def test_a_date_in_a_caseless_script_after_the_english_is_the_answer_told_again(events_of):
    text = (
        "((Ines Calloway)) We stopped all our work in August.\n"
        "((hi))Hindi language: August तक भी हमने अपना सारा काम बंद किया है।\n"
    )
    assert whens(events_of(text)) == ["August"]


def test_a_clock_time_in_a_labelled_answer_dates_nothing(events_of):
    text = (
        "((WN)) What should the town do about the noise?\n"
        "((Ines Calloway)) The council should keep the square quiet after 10pm.\n"
    )
    assert events_of(text) == []
