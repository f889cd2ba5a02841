"""Who-said options in an interview and names cut from a longer one
(quizzes/generation/who_said.py), on invented articles: people the interviewee only speaks
of are no speakers, nor is the tail of a university's name."""

from __future__ import annotations

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import generation_context, true_false, who_said
from quizzes.generation import quality as q
from quizzes.generation.who_said import (
    inside_a_longer_name,
    only_quoted,
    speaker_options,
    usual_spelling,
)

from .facts_for_tests import ctx_for, draft, quote

INTERVIEW = "\n".join(
    [
        "Glassblower Ines Moreau talks to the Gazette",
        "Ines Moreau opened her workshop in Port Vell in March. The Gazette spoke to her.",
        "((Gazette)) Who taught you the craft?",
        "((Ines Moreau)) My teacher was Hugo Lindqvist; he let me break a hundred bowls.",
        "((Gazette)) And who do you read?",
        "((Ines Moreau)) Anything by Rosa Delgado. I could have said Captain Nemo too.",
        "I studied at the University of Vela Marsh for two years.",
        "((Gazette)) What comes next?",
        "((Ines Moreau)) A kiln of my own, I hope.",
    ]
)


def test_people_named_only_in_an_interviews_answers_are_only_quoted():
    """The teacher, the author and the character are people she speaks of; she is the
    one who answers, and her label stays a mention of her."""
    assert only_quoted("Hugo Lindqvist", INTERVIEW)
    assert only_quoted("Rosa Delgado", INTERVIEW)
    assert only_quoted("Captain Nemo", INTERVIEW)
    assert not only_quoted("Ines Moreau", INTERVIEW)


def test_a_name_the_interviewer_or_the_reporter_writes_is_not_only_quoted():
    text = INTERVIEW.replace("spoke to her.", "spoke to her and to Rosa Delgado.")
    assert not only_quoted("Rosa Delgado", text)


def test_a_one_speaker_interview_asks_no_who_said_with_her_examples_as_options():
    facts = Facts(
        quotes=[quote("A kiln of my own, I hope.", "Ines Moreau", source=INTERVIEW)],
        people=[
            Person("Ines Moreau"),
            Person("Hugo Lindqvist"),
            Person("Rosa Delgado"),
            Person("Captain Nemo"),
            Person("Vela Marsh"),
        ],
    )
    ctx = ctx_for(INTERVIEW, facts)
    assert speaker_options("Ines Moreau", "A kiln of my own, I hope.", ctx, seed=1) == []
    assert who_said.build(ctx) == []


def test_the_tail_of_a_universitys_name_is_no_person():
    assert inside_a_longer_name("Vela Marsh", INTERVIEW)
    text = "She taught at the University of Vela, Marsh campus.\nVela Marsh said no."
    assert not inside_a_longer_name("Vela Marsh", text)  # written alone once: a person
    assert inside_a_longer_name("Vela Marsh", "She taught at the University of Vela, Marsh.")


def test_an_office_before_the_name_makes_it_no_fragment_unless_of_glues_them():
    text = "Director of Harbour Works Lena Okafor spoke. Lena Okafor said yes."
    assert not inside_a_longer_name("Lena Okafor", text)
    assert inside_a_longer_name("Harbour Works Lena Okafor", text.replace(" Lena Okafor said", ""))
    assert not inside_a_longer_name("Lena Okafor", "the wife of Lena Okafor spoke")


def test_a_name_in_the_interviewers_questions_is_the_reporters_not_only_quoted():
    text = INTERVIEW.replace("What comes next?", "Mayor Tomas Berg bought a bowl. Why?")
    assert not only_quoted("Tomas Berg", text)


def _who_said(words: str, source: str, options: list[str]):
    said = quote(words, "Ines Moreau", source=source)
    return draft("who_said", f"Who said: “{words}”?", "Ines Moreau", options, source=said)


def test_a_one_speaker_interview_keeps_one_who_said_question():
    """Every "Who said" of a one-speaker interview has the interviewee for answer: one
    at most. A second voice (a neighbour quoted in the report) lifts the limit."""
    text = INTERVIEW + "\nShe added: “The sand here is perfect.”"
    quotes = [
        quote("A kiln of my own, I hope.", "Ines Moreau", source=text),
        quote("The sand here is perfect.", "Ines Moreau", source=text),
    ]
    first = _who_said("A kiln of my own, I hope.", text, ["Ana Ruiz", "Tom Vale"])
    second = _who_said("The sand here is perfect.", text, ["Ana Ruiz", "Tom Vale"])
    ctx = ctx_for(text, Facts(quotes=quotes))
    assert q.one_voice_interview(first, [], ctx) is None
    assert q.one_voice_interview(second, [first], ctx) is not None
    neighbour = text + "\nHer neighbour Ana Ruiz said: “The kiln smokes all day.”"
    voices = [*quotes, quote("The kiln smokes all day.", "Ana Ruiz", source=neighbour)]
    assert q.one_voice_interview(second, [first], ctx_for(neighbour, Facts(quotes=voices))) is None


def test_a_report_with_one_speaker_and_no_interview_is_left_to_the_other_rules():
    text = "Ines Moreau opened a workshop.\nShe said: “The sand here is perfect.”"
    quotes = [quote("The sand here is perfect.", "Ines Moreau", source=text)]
    first = _who_said("The sand here is perfect.", text, ["Ana Ruiz", "Tom Vale"])
    assert q.one_voice_interview(first, [first], ctx_for(text, Facts(quotes=quotes))) is None


def test_an_option_is_shown_as_the_article_usually_spells_the_family_name():
    text = (
        "Chess player Lena Okafor-Brandstetter and her brother Tomas Brandstettter left.\n"
        "Lena Brandstetter said the federation was unfair.\n"
        "Brandstetter, 19, now studies in Lisbon. Brandstetter plays for Portugal.\n"
    )
    facts = Facts(people=[Person("Tomas Brandstettter"), Person("Tomas Brandstetter")])
    ctx = ctx_for(text, facts)
    assert usual_spelling("Tomas Brandstettter", ctx) == "Tomas Brandstetter"
    assert usual_spelling("Tomas Brandstetter", ctx) == "Tomas Brandstetter"
    assert usual_spelling("Lena Brandstetter", ctx) == "Lena Brandstetter"  # no look-alike


ASKED = "\n".join(
    [
        "Candidate Lena Okafor talks to the Gazette",
        "Lena Okafor answered questions from Gazette reporter Piet J. Dane. Her running mate "
        "Tomas Berg said she was “the most honest person in the race.”",
        "((PJD)) How does your plan compare to that of Rosa Delgado, who cut taxes? And to that "
        "of Senator Hugo Lindqvist?",
        "((Lena Okafor)) It is cheaper, and it is mine.",
        "((PJD)) Earlier this year, Mayor Ana Ruiz refused to endorse you. Why?",
        "((Lena Okafor)) Ask her.",
        "((PJD)) What comes next?",
        "((Lena Okafor)) The debate in Harbourside.",
    ]
)
ASKED_PEOPLE = ["Lena Okafor", "Tomas Berg", "Piet J. Dane", "Rosa Delgado", "Hugo Lindqvist"]


def test_the_interviewer_is_known_by_the_initials_or_the_name_of_the_asking_label():
    assert who_said.the_interviewer("Piet J. Dane", ASKED)
    assert not who_said.the_interviewer("Lena Okafor", ASKED)  # her turns answer
    assert not who_said.the_interviewer("Tomas Berg", ASKED)
    by_name = ASKED.replace("((PJD))", "((Dane))")
    assert who_said.the_interviewer("Piet J. Dane", by_name)
    assert not who_said.the_interviewer("Piet J. Dane", ASKED.replace("((PJD))", "((Gazette))"))


def test_people_only_asked_about_in_the_questions_are_no_speakers():
    """Delgado and Lindqvist are only in the interviewer's questions; Ruiz is told of in a
    statement of a question turn, Berg and Okafor in the reporter's narration."""
    assert who_said.only_asked_about("Rosa Delgado", ASKED)
    assert who_said.only_asked_about("Hugo Lindqvist", ASKED)
    assert not who_said.only_asked_about("Ana Ruiz", ASKED)
    assert not who_said.only_asked_about("Tomas Berg", ASKED)
    assert not who_said.only_asked_about("Lena Okafor", ASKED)
    told = ASKED.replace("Her running mate", "Hugo Lindqvist backs her. Her running mate")
    assert not who_said.only_asked_about("Hugo Lindqvist", told)


def test_a_running_mates_praise_offers_neither_the_interviewer_nor_the_people_asked_about():
    words = "the most honest person in the race."
    facts = Facts(
        quotes=[quote(words, "Tomas Berg", source=ASKED)],
        people=[Person(name) for name in [*ASKED_PEOPLE, "Ana Ruiz"]],
    )
    options = speaker_options("Tomas Berg", words, ctx_for(ASKED, facts), seed=3, limit=None)
    assert "Ana Ruiz" in options
    assert not {"Piet J. Dane", "Rosa Delgado", "Hugo Lindqvist"} & set(options)


def test_a_false_statement_swaps_in_no_interviewer_nor_anyone_only_asked_about():
    """The wrong speaker of a true/false statement obeys the who-said options' rules."""
    said = [
        "The plan is cheaper than any other",
        "We will open the port again",
        "The bridge will be finished in spring",
        "The harbour must stay public",
    ]
    text = ASKED + "\n" + "".join(f"“{words},” said Tomas Berg.\n" for words in said)
    facts = Facts(
        quotes=[quote(words, "Tomas Berg", source=text) for words in said],
        people=[Person(name) for name in [*ASKED_PEOPLE, "Ana Ruiz"]],
    )
    statements = true_false.build(generation_context(facts, article_text=text))
    false = [d.prompt for d in statements if d.answer == "False"]
    assert false
    assert all("Ana Ruiz said" in prompt for prompt in false)
