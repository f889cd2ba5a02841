"""Fifteenth round of the teacher's rubric (issue 11 §4), from the blind judgements of
batches 18 and 19 and a reading of every question of the 120 recorded articles, each on
invented sentences: a birth year the bank gives away with an age, and history cards
about no one of the article."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import quality as q
from quizzes.generation.cloze import shortened_quotation
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.who_said import accused_in_article, speaker_options
from quizzes.generation.wording import question_from_clause

from .facts_for_tests import event, quote
from .test_quality import ctx_for, draft

OBITUARY = (
    "Painter Lena Vorst dies at 88\n"
    "Lena Vorst died on Monday at the age of 88, her gallery said.\n"
    "Vorst was born in 1932 in Tarrow and studied art at the Gellert Academy.\n"
)


def _death(prompt: str = "When did Lena Vorst die at the age of 88?") -> q.QuestionDraft:
    return draft("when", prompt, "12 April 2021", ["10 April 2021", "11 April 2021"], text=OBITUARY)


def _birth_card(year: str = "1932") -> q.QuestionDraft:
    return draft(
        "cloze",
        "Fill in the blank: Vorst was born in _____ in Tarrow and studied art at the "
        "Gellert Academy.",
        year,
        text=OBITUARY,
        target=f"date:{year}",
    )


def test_an_age_at_death_gives_the_birth_year_away():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    problem = q.birth_year_from_an_age(_birth_card(), [_death()], ctx)
    assert problem is not None
    assert "birth year" in problem
    # Whichever comes second goes: the age after the birth year is dropped too.
    assert q.birth_year_from_an_age(_death(), [_birth_card()], ctx) is not None


def test_an_age_in_a_quotation_gives_the_birth_year_away():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    said = draft(
        "who_said",
        "Who said: “She was 88 years old, and she painted every day”?",
        "Marta Olsen",
        ["Piet Dane", "Ivo Brand"],
        text=OBITUARY,
    )
    assert q.birth_year_from_an_age(_birth_card(), [said], ctx) is not None


def test_an_age_of_someone_else_or_no_age_gives_nothing_away():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    # A 15-year-old pupil says nothing of a painter born in 1932.
    pupil = _death("When did a 15-year-old pupil find the painting?")
    assert q.birth_year_from_an_age(_birth_card(), [pupil], ctx) is None
    plain = _death("When did Lena Vorst die?")
    assert q.birth_year_from_an_age(_birth_card(), [plain], ctx) is None


def test_a_birth_statement_beside_an_age_is_true_or_false_at_sight():
    ctx = ctx_for(OBITUARY, published=date(2021, 4, 14))
    statement = draft(
        "true_false",
        "True or false? In 1930, Vorst was born in Tarrow.",
        "False",
        text=OBITUARY,
    )
    assert q.birth_year_from_an_age(statement, [_death()], ctx) is not None


def _history_card(prompt: str, year: str, text: str) -> str | None:
    fact = DatedFact(
        event=event("x", year, year, text.split("\n")[1], source=text), when=parse_iso(year)
    )
    card = draft("cloze", prompt, year, text=text, source=fact, target=f"date:{year}")
    return q.background_history(card, ctx_for(text, published=date(2021, 6, 1)))


def test_a_card_on_history_no_one_of_the_article_made_is_background():
    text = (
        "Floods close Tarrow bridge\n"
        "Efforts to stop the Great Melt, which took place in 1998, failed.\n"
    )
    prompt = "Fill in the blank: Efforts to stop the Great Melt, which took place in _____, failed."
    assert _history_card(prompt, "1998", text)
    # Recent years stay askable.
    assert _history_card(prompt, "2016", text) is None


def test_a_card_on_a_life_told_after_the_headline_stays():
    text = "Painter Lena Vorst dies at 88\nIn 1990, a museum in Tarrow showed her paintings.\n"
    prompt = "Fill in the blank: In _____, a museum in Tarrow showed her paintings."
    assert _history_card(prompt, "1990", text) is None


def test_a_common_word_the_article_misspelt_is_not_copied():
    text = "Ana Ruiz made her profesional debut in 2015 for the Tarrow club.\n"
    card = draft(
        "cloze",
        "Fill in the blank: Ana Ruiz made her profesional debut in _____ for the Tarrow club.",
        "2015",
        text=text,
    )
    problem = q.misspelt_word(card, ctx_for(text))
    assert problem is not None
    assert "professional" in problem


@pytest.mark.parametrize(
    "sentence",
    [
        # British spellings, rare words and terms, Latin after a genus, a quotation.
        "The organisation said the colour of the harbour favoured the defence in _____.",
        "The quo warranto petition against the levy was filed in _____.",
        "Divers counted Porites cylindrica off Tarrow in _____.",
        "Ruiz said the plan was “a mulitple failure” in _____.",
    ],
)
def test_british_spellings_rare_words_and_quotations_are_no_typos(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "2015", text=sentence)
    assert q.misspelt_word(card, ctx_for(sentence + "\n")) is None


def test_a_phrasal_verb_is_active_not_a_participle():
    """ "signed with the club": no one signed her; "findings published in" stays passive."""
    assert question_from_clause("Lena Vorst signed with the Tarrow club") == (
        "When did Lena Vorst sign with the Tarrow club?"
    )
    assert question_from_clause("findings published in the Lake Journal") == (
        "When were findings published in the Lake Journal?"
    )


def test_a_country_adjective_shared_with_the_headline_does_not_make_history_news():
    text = (
        "Norwegian party drops its candidate\n"
        "The Norwegian monarchy was limited by a charter in 1921.\n"
    )
    fact = DatedFact(
        event=event("x", "1921", "1921", text.split("\n")[1], source=text), when=parse_iso("1921")
    )
    asked = draft(
        "when",
        "In what year was the Norwegian monarchy limited by a charter?",
        "1921",
        ["1920", "1922"],
        text=text,
        source=fact,
    )
    assert q.background_history(asked, ctx_for(text, published=date(2021, 6, 1)))


TRIAL_TEXT = (
    "A judge sentenced Piet Dane to six years on Friday.\n"
    "“The harm was done over many years,” said the prosecutor Ines Varga.\n"
    "Varga said Tom Ash “helped where he could” during the inquiry.\n"
    "“We are relieved,” said Marta Olsen, a neighbour.\n"
    "“The village can rest now,” said the mayor Ana Ruiz.\n"
)


def _trial_options(speaker: str, said: str) -> list[str]:
    quotes = [
        quote("The harm was done over many years", "Ines Varga", source=TRIAL_TEXT),
        quote("helped where he could", "Ines Varga", source=TRIAL_TEXT),
        quote("We are relieved", "Marta Olsen", source=TRIAL_TEXT),
        quote("The village can rest now", "Ana Ruiz", source=TRIAL_TEXT),
    ]
    names = ("Piet Dane", "Ines Varga", "Tom Ash", "Marta Olsen", "Ana Ruiz")
    facts = Facts(quotes=quotes, people=[Person(name=n) for n in names])
    ctx = ctx_for(TRIAL_TEXT, facts)
    evidence = next(q_.evidence for q_ in quotes if q_.text == said)
    return speaker_options(speaker, said, ctx, seed=3, quote_evidence=evidence)


def test_the_sentenced_who_say_nothing_are_no_wrong_speakers():
    assert accused_in_article("Piet Dane", TRIAL_TEXT)
    options = _trial_options("Ines Varga", "The harm was done over many years")
    assert "Piet Dane" not in options
    assert "Marta Olsen" in options


def test_the_person_the_quotations_sentence_speaks_of_is_no_wrong_speaker():
    options = _trial_options("Ines Varga", "helped where he could")
    assert "Tom Ash" not in options
    assert {"Marta Olsen", "Ana Ruiz"} <= set(options)


def test_a_speakers_card_past_the_limit_keeps_its_quotations_first_sentences():
    said = (
        "We counted the trout in every pool of the upper river for six weeks. "
        "The numbers fell in the pools below the new U.S. dam and rose above it. "
        + "We will go on counting them next year and the year after that as well. "
        * 4
    ).strip()
    card = f"Lake biologist _____ said, “{said}”"
    cut = shortened_quotation(card, said)
    assert cut.startswith("Lake biologist _____ said, “We counted the trout")
    assert cut.endswith(" […]”")
    assert len(f"Fill in the blank: {cut}".split()) <= 60
    assert "U.S. […]" not in cut  # an abbreviation's dot ends no sentence
    short = "Lake biologist _____ said, “We counted the trout.”"
    assert shortened_quotation(short, "We counted the trout.") == short


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        ("Ruiz dissented on the recount in the _____ Freedonian presidential election, "
         "which sealed Piet Dane's victory over Ana Ruiz.", True),
        ("Voters chose in a _____ referendum to leave the Northern League.", True),
        ("The Tarrow Liberals, who had won most seats in the _____ election, lost them.", False),
        ("The Tarrow Liberals, who held most seats after the _____ election, lost them.", False),
        ("The _____ budget was approved after a vote.", False),
    ],
)  # fmt: skip
def test_the_year_of_a_vote_told_with_its_outcome_is_general_knowledge(sentence, dropped):
    card = draft("cloze", f"Fill in the blank: {sentence}", "2004", text=sentence)
    assert (q.famous_vote_year(card, ctx_for(sentence + "\n")) is not None) is dropped
