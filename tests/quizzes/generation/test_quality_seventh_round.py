"""Seventh round of the teacher's rubric (issue 11 §4): what the sixth round left and
the blind judges of batches 10 and 11 found, each with invented sentences: the rule
that now catches it, and what is still asked."""

from __future__ import annotations

import pytest

from quizzes.extraction.facts import Facts, Person
from quizzes.generation import quality as q
from quizzes.generation import who_said
from quizzes.generation.context import without_title
from quizzes.generation.text import BLANK

from .facts_for_tests import quote
from .test_quality import ctx_for, draft

# A card read alone ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        f"It was founded in {BLANK}.",
        f"In {BLANK}, he moved to the coast.",
        f"Its headquarters are in {BLANK}.",
        f"They left {BLANK} after the vote.",
        f"In that year, {BLANK} joined the union.",
    ],
)
def test_a_card_whose_subject_is_a_pronoun_is_dropped(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "1911")
    assert q.cloze_opens_on_pronoun(card, ctx_for("")) == (
        "answer: the card's subject is a pronoun that stands for nobody"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        f"The museum was founded in {BLANK}.",
        f"Ithaca was founded in {BLANK}.",
        f"It was reported in {BLANK} that the dam had burst.",
        f"It is thought that {BLANK} sent troops.",
        f"In {BLANK}, the mill moved to the coast.",
    ],
)
def test_a_card_with_its_subject_or_an_empty_it_is_kept(sentence):
    card = draft("cloze", f"Fill in the blank: {sentence}", "1911")
    assert q.cloze_opens_on_pronoun(card, ctx_for("")) is None


# A misspelt title glued to a name ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Represenative Jo Bell", "Jo Bell"),  # one letter dropped
        ("Senatorr Jo Bell", "Jo Bell"),  # one letter doubled
        ("Minority Whip Jo Bell", "Jo Bell"),
        ("Justine Mara Bell", "Justine Mara Bell"),  # a first name close to "justice"
        ("Jo Bell", "Jo Bell"),
    ],
)
def test_a_title_and_its_typo_are_left_out_of_a_name(name, shown):
    assert without_title(name) == shown


def test_who_said_options_show_no_misspelt_title():
    text = (
        "Bridge repairs stall\n"
        'Mayor Ana Ruiz said the bridge would reopen. "We will not wait," Ruiz said.\n'
        'Committee chair Represenative Tom Vale disagreed. "The money is not there," Vale said.\n'
        'Council member Lia Ortz agreed with him. "It is a mistake," Ortz said.\n'
        "Engineer Bo Kerr, who inspected the bridge, was not asked.\n"
    )
    people = ["Ana Ruiz", "Represenative Tom Vale", "Lia Ortz", "Bo Kerr"]
    facts = Facts(
        people=[Person(name=name, gender="f" if name[0] in "AL" else "m") for name in people],
        quotes=[
            quote("We will not wait", "Ruiz", source=text),
            quote("The money is not there", "Vale", source=text),
            quote("It is a mistake", "Ortz", source=text),
        ],
    )
    ctx = ctx_for(text, facts)
    assert "Tom Vale" in ctx.people
    drafts = who_said.build(ctx)
    assert drafts
    options = [option for d in drafts for option, _, _ in d.choices]
    assert "Tom Vale" in options
    assert not any("Represenative" in option for option in options)
