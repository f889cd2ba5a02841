"""One reading of an interview's turn labels, shared by extraction (who answers) and
generation (which lines are the interviewer's questions). Invented sentences."""

from __future__ import annotations

from quizzes.extraction.text import paragraphs
from quizzes.extraction.turns import answering_by_paragraph, asking_labels, turn_label
from quizzes.generation.turns import question_turn_spans

_INTERVIEW = "\n".join(
    [
        "Harbour pilot retires after forty winters",
        "((DT)) How did you start?",
        "((Mira Kallas)) My uncle took me out on the tug at twelve.",
        "((dt)) : Were you afraid of the ice?",
        "((Mira Kallas)) Never of the ice. Of the fog, yes.",
    ]
)


def test_a_label_opens_a_turn_and_a_plain_line_has_none():
    assert turn_label("  ((Mira Kallas)) Yes.", 0, 22) == "Mira Kallas"
    assert turn_label("Kallas said she would stay.", 0, 27) is None


def test_the_label_that_mostly_asks_is_the_interviewers_however_it_is_cased():
    turns = [("DT", "How did you start?"), ("dt", "Afraid?"), ("Mira Kallas", "Never.")]
    assert asking_labels(turns) == {"dt"}


def test_the_one_asked_may_ask_back_once_and_still_answers():
    turns = [("Mira Kallas", "Why not?"), ("Mira Kallas", "I stayed."), ("Mira Kallas", "No.")]
    assert asking_labels(turns) == set()


def test_extraction_and_generation_agree_on_who_asks():
    answering = answering_by_paragraph(_INTERVIEW, paragraphs(_INTERVIEW))
    assert answering == [None, None, "Mira Kallas", None, "Mira Kallas"]
    asked = [_INTERVIEW[start:end] for start, end in question_turn_spans(_INTERVIEW)]
    assert asked == [line for line in _INTERVIEW.split("\n") if line.startswith(("((DT", "((dt"))]
