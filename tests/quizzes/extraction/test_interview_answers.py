"""Long interviews: a rank before a name, a translation in another script, and the words an
interviewee recounts inside an answer. Invented sentences."""

from __future__ import annotations

import pytest

from quizzes.extraction.text import latin_script, paragraphs
from quizzes.extraction.turns import answering_by_paragraph, asked_by_paragraph
from tests.quizzes.extraction.conftest import said


@pytest.mark.parametrize(
    "rank", ["Grand Master", "International Master", "Woman Grandmaster", "FIDE Master"]
)
def test_a_rank_before_the_name_is_not_part_of_it(quotes_of, rank):
    text = f'The club hired her in May. Later, {rank} Lena Okafor said it was "a good fit".'
    assert said(quotes_of(text)) == {"a good fit": "Lena Okafor"}


def test_a_word_that_names_no_one_is_no_rank(quotes_of):
    text = 'World Wonder Ring Stardom said "we are very sorry to report it".'
    assert said(quotes_of(text)) == {"we are very sorry to report it": "World Wonder Ring Stardom"}


def test_a_rank_needs_a_capitalised_qualifier_before_it(quotes_of):
    text = 'Ivo Walker Stanevski said it was "a good fit" for the club.'
    assert said(quotes_of(text)) == {"a good fit": "Ivo Walker Stanevski"}


def test_letters_of_another_script_are_never_latin():
    assert latin_script("Agnès Đặng")
    assert not latin_script("مهرداد پهلوان")


def test_a_translation_beside_the_english_is_no_speaker(quotes_of):
    text = (
        'Omid Rahimi, the head of the federation, explained the ban, saying, "These two '
        'players may not enter any event at home." Farsi: اولین اقدام ما این است که این افراد '
        'را محروم می‌کنیم. He further stated, "Something that should never have happened to '
        'our club has happened."'
    )
    assert set(said(quotes_of(text)).values()) == {"Omid Rahimi"}


_INTERVIEW = (
    "Reporters spoke to the climber Wenna Trethowan.\n"
    "((WN)) Why did you start?\n"
    '((Wenna Trethowan)) My coach doubted me, and I said, "Just watch me climb it."\n'
    'Later my sister called, and she was like "come home now". I was like, "Not yet."\n'
    "((WN)) What next?\n"
    'I think they told me, "Rest first."\n'
)


def test_the_interviewee_answers_in_her_turn_and_the_paragraphs_after_it():
    answering = answering_by_paragraph(_INTERVIEW, paragraphs(_INTERVIEW))
    assert answering == [None, None, "Wenna Trethowan", "Wenna Trethowan", None, None]


def test_i_in_an_answer_is_the_interviewee(quotes_of):
    quotes = said(quotes_of(_INTERVIEW))
    assert quotes["Just watch me climb it."] == "Wenna Trethowan"
    assert quotes["Not yet."] == "Wenna Trethowan"


def test_someone_else_she_recounts_is_not_the_interviewee(quotes_of):
    quotes = said(quotes_of(_INTERVIEW))
    assert quotes.get("come home now") != "Wenna Trethowan"
    assert quotes.get("Rest first.") != "Wenna Trethowan"


def test_i_outside_an_interview_is_nobody_named(quotes_of):
    text = 'Wenna Trethowan climbed the wall.\nI said, "Just watch me climb it."\n'
    assert said(quotes_of(text)).get("Just watch me climb it.") != "Wenna Trethowan"


def test_a_name_or_title_quoted_in_an_answer_is_nobodys(quotes_of):
    text = (
        "((WN)) What about the parks?\n"
        "((Ana Roe)) We will study the garden scheme and I named it "
        '"Green corners for every street". I think rule 4 [of the charter] "Planting trees '
        'on land we do not own" covers this. Last month, I put up the "Trees are neighbours" '
        'poster, and I got many angry letters. And I said, "Not now, thanks."\n'
    )
    quotes = said(quotes_of(text))
    assert quotes.pop("Not now, thanks.") == "Ana Roe"
    assert set(quotes.values()) == {None}


_QUOTED_BACK = (
    "Reporters met the council candidate Tomas Ferreira.\n"
    '((WN)) On your blog you wrote "Every bus should run all night." How would you pay for it?\n'
    "((Tomas Ferreira)) With a small parking levy.\n"
    '((WN)) Mayor Ines Duarte said "Buses are a luxury." Do you agree?\n'
    "((Tomas Ferreira)) Not at all.\n"
)


def test_an_interviewer_asks_the_interviewee():
    asked = asked_by_paragraph(_QUOTED_BACK, paragraphs(_QUOTED_BACK))
    assert asked == [None, "Tomas Ferreira", None, "Tomas Ferreira", None]


def test_words_the_interviewer_quotes_back_to_you_are_the_interviewees(quotes_of):
    quotes = said(quotes_of(_QUOTED_BACK))
    assert quotes["Every bus should run all night."] == "Tomas Ferreira"
    assert quotes["Buses are a luxury."] == "Ines Duarte"


def test_you_outside_an_interview_is_nobody_named(quotes_of):
    text = 'Tomas Ferreira ran for the council.\nOn your blog you wrote "Every bus should run."\n'
    assert said(quotes_of(text)).get("Every bus should run.") != "Tomas Ferreira"


def test_a_translation_after_the_english_takes_the_speaker_of_its_rank(quotes_of):
    text = (
        "((WN)) Did they pay you?\n"
        '((Tomas Ferreira)) They asked, "Can you stay late?" and I said, "Not tonight." '
        '((ru))Russian language: Они спросили: "Можешь остаться?" и я сказал: "Не сегодня."\n'
    )
    quotes = said(quotes_of(text))
    assert quotes["Not tonight."] == "Tomas Ferreira"
    assert quotes["Не сегодня."] == "Tomas Ferreira"
    assert quotes["Можешь остаться?"] is None


def test_a_quotation_in_another_script_alone_keeps_nobody(quotes_of):
    text = (
        "((WN)) Did they pay you?\n"
        '((Tomas Ferreira)) I said, "Not tonight." A sign read "Закрыто" and "Нет мест".\n'
    )
    quotes = said(quotes_of(text))
    assert quotes["Not tonight."] == "Tomas Ferreira"
    assert quotes.get("Закрыто") is None


def test_the_family_in_an_answer_is_nobodys_named_family(quotes_of):
    text = (
        "((WN)) Did anyone help you?\n"
        "((Tomas Ferreira)) Nobody. Each time we went to them for a loan, the family told us, "
        '"Go and earn it yourselves." So we stopped asking.\n'
    )
    assert said(quotes_of(text))["Go and earn it yourselves."] is None


def test_the_family_in_narration_is_the_family_of_the_person_meant(quotes_of):
    text = (
        "Tomas Ferreira died on Monday in Porto.\n"
        'The family said "He loved the sea more than anything."\n'
    )
    assert said(quotes_of(text))["He loved the sea more than anything."] == "Ferreira family"


_WE_AND_LIKE = (
    "Reporters met the potter Hanna Solberg.\n"
    "((WN)) How did the first kiln go?\n"
    '((Hanna Solberg)) So we thought "the glaze will crack, and that is that." It held.\n'
    'Later some neighbours wrote to the paper and I was like, "Nobody reads it anyway."\n'
    "((WN)) And now?\n"
)


def test_we_in_an_answer_is_the_interviewee(quotes_of):
    quotes = said(quotes_of(_WE_AND_LIKE))
    assert quotes["the glaze will crack, and that is that."] == "Hanna Solberg"


def test_i_was_like_wins_over_a_speech_verb_of_another_clause(quotes_of):
    quotes = said(quotes_of(_WE_AND_LIKE))
    assert quotes["Nobody reads it anyway."] == "Hanna Solberg"


def test_we_outside_an_interview_is_nobody_named(quotes_of):
    text = 'Hanna Solberg opened a kiln.\nSo we thought "the glaze will crack."\n'
    assert said(quotes_of(text)).get("the glaze will crack.") != "Hanna Solberg"
