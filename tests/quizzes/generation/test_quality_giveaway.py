"""One question giving another away within a quiz (quizzes/generation/quality/giveaway.py),
on invented sentences: a card naming a person's country by surname answers the country
question, and a quotation stating the day another question asks gives it away."""

from __future__ import annotations

from quizzes.generation import quality as q
from quizzes.generation.text import BLANK

from .facts_for_tests import draft


def test_a_card_naming_a_persons_country_by_surname_answers_the_country_question():
    asked = q.QuizQuestion(
        kind="which_country",
        prompt="Which country is Walter Berg linked to in the article?",
        answer="Norway",
    )
    card = f"Fill in the blank: Berg was born in Norway, but he moved to the {BLANK} in 1950."
    assert q.reveals(card, asked)
    assert not q.reveals(
        f"Fill in the blank: Ana was born in Norway, but moved to the {BLANK}.", asked
    )


def test_a_quote_stating_the_day_another_question_asks_gives_it_away():
    when = draft(
        "when",
        "When was the former mayor taken to hospital?",
        "10 August 2020",
        ["9 August 2020", "11 August 2020"],
    )
    said = draft(
        "who_said",
        "Who said: “Twelve months on, by August 10, the old man was ill and never recovered”?",
        "Lena Brandl",
        ["Tom Reid", "Li Wei"],
    )
    assert q.gives_away_another(said, [when]) is not None
    other_day = draft(
        "who_said",
        "Who said: “Twelve months on, by August 12, the old man was ill and never recovered”?",
        "Lena Brandl",
        ["Tom Reid", "Li Wei"],
    )
    assert q.gives_away_another(other_day, [when]) is None
