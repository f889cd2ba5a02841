"""Who-said options and answers that are no people (quizzes/generation/who_said.py and
quality/who_said.py), on invented articles: a run of another script quoted beside the
English, a title split from a name, a book's title, words quoted inside another
person's interview answer."""

from __future__ import annotations

from quizzes.extraction.facts import Facts, Person
from quizzes.extraction.text import latin_script
from quizzes.generation import quality as q
from quizzes.generation import who_said
from quizzes.generation.distractors import looks_like_a_name
from quizzes.generation.who_said import only_a_title, title_of_a_work, without_a_split_title

from .facts_for_tests import ctx_for, draft, quote


def test_a_run_of_another_script_is_no_name():
    assert latin_script("Alejandro Ramírez")
    assert not latin_script("Алексей Орлов")
    assert not looks_like_a_name("ما هذا هو")
    assert looks_like_a_name("Zoë Ångström")


CHESS = (
    "Champion Ana Vela wins again\n"
    "International Master Ana Vela won the harbour open on Sunday.\n"
    "Ana Vela said the last game was hard.\n"
    "Woman Grand Master Lia Ortz lost to Tom Reyes.\n"
    "General Bo Kerr opened the event.\n"
)


def test_a_title_split_from_a_name_is_left_out():
    """ "Master Ana Vela" is only ever written after "International": the name is "Ana
    Vela"; "General Bo Kerr" is written whole and stays."""
    assert without_a_split_title("Master Ana Vela", CHESS) == "Ana Vela"
    assert without_a_split_title("General Bo Kerr", CHESS) == "General Bo Kerr"
    assert without_a_split_title("Tom Reyes", CHESS) == "Tom Reyes"


def test_a_title_alone_is_no_person():
    assert only_a_title("Woman Grand Master")
    assert only_a_title("Vice President")
    assert not only_a_title("Mike Judge")
    assert not only_a_title("Ana Vela")


def test_the_who_said_answer_and_options_lose_the_split_title():
    text = CHESS + (
        'The winner said "the last game was the hardest."\n'
        'Tom Reyes said "the hall was far too cold."\n'
        'Lia Ortz said "the clocks were slow all week."\n'
    )
    people = ["Master Ana Vela", "Lia Ortz", "Tom Reyes", "Bo Kerr", "Woman Grand Master"]
    facts = Facts(
        people=[Person(name=name) for name in people],
        quotes=[
            quote("the last game was the hardest.", "Master Ana Vela", source=text),
            quote("the hall was far too cold.", "Tom Reyes", source=text),
            quote("the clocks were slow all week.", "Lia Ortz", source=text),
        ],
    )
    drafts = who_said.build(ctx_for(text, facts))
    assert [d.answer for d in drafts if "hardest" in d.prompt] == ["Ana Vela"]
    options = [o for d in drafts for o, _, _ in d.choices]
    assert not any(o.startswith("Master") or o == "Woman Grand Master" for o in options)


BOOKS = (
    "Ana Vela reviews books\n"
    "((WN)) What did you read first?\n"
    "((Ana Vela)) The Quiet Harbour by Tom Reyes. I liked it.\n"
    "((WN)) Who disagrees with you?\n"
    '((Ana Vela)) Critics will say, "So I reject this book". But I read it twice.\n'
    "The suspension of the harbour board by Lia Ortz was lifted.\n"
)


def test_a_books_title_is_no_speaker():
    """ "The Quiet Harbour by Tom Reyes": a work and its author; "the harbour board by
    Lia Ortz" (an agent after a lower-case "the") is no title."""
    assert title_of_a_work("Quiet Harbour", BOOKS)
    assert not title_of_a_work("Tom Reyes", BOOKS)
    assert not title_of_a_work("harbour board", BOOKS)


def test_words_quoted_inside_another_persons_answer_are_not_asked():
    """Critics' line inside Ana Vela's answer is her retelling: no who-said for anyone
    but her."""
    said = quote("So I reject this book", "Quiet Harbour", source=BOOKS)
    card = draft("who_said", "Who said: “So I reject this book”?", "Quiet Harbour", source=said)
    assert q.line_inside_anothers_answer(card, ctx_for(BOOKS)) is not None
    hers = quote("So I reject this book", "Ana Vela", source=BOOKS)
    own = draft("who_said", "Who said: “So I reject this book”?", "Ana Vela", source=hers)
    assert q.line_inside_anothers_answer(own, ctx_for(BOOKS)) is None
