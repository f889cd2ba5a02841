"""One question giving another away: `reveals`, used inside a bank
(`gives_away_another`) and when a quiz is assembled (`questions_conflict`,
`quiz_selection`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizzes.extraction.text import regex

from ..dates import MONTHS, parse_label
from ..draft import QuestionDraft
from ..text import BLANK, contains_word, gives_away_country, gives_away_person, words
from .base import MULTIPLE_CHOICE


@dataclass(frozen=True)
class QuizQuestion:
    """What the give-away check needs of a question, generated or stored."""

    kind: str
    prompt: str
    answer: str
    explanation: str = ""
    # (article id or None, evidence start, evidence end)
    evidence: tuple[int | None, int | None, int | None] | None = None


_STOPWORDS = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from",
    "was", "were", "is", "are", "did", "when", "what", "year", "which", "who", "said", "said:",
    "true", "false", "fill", "blank", "country", "that", "this", "his", "her", "its", "their",
    "take", "place", "as", "it", "be", "has", "had", "have",
}  # fmt: skip


STEM = 6


def _content_words(text: str) -> set[str]:
    """Content words cut to STEM letters, so that "presidency" meets "president" and
    "assumed" meets "assume"."""
    return {w[:STEM] for w in words(text) if w not in _STOPWORDS and len(w) > 2}


def _quotation(prompt: str) -> str:
    match = re.search(r"“([^”]+)”", prompt)
    return match.group(1) if match else ""


def _names_in(prompt: str) -> list[str]:
    """Capitalised runs after the first word: "Which country is Ana Ruiz the
    president of?" -> ["Ana Ruiz"]."""
    body = prompt.split(" ", 1)[1] if " " in prompt else ""
    return re.findall(r"[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|al|bin|de|el|van|von))*", body)


def _states_answer(text: str, question: QuizQuestion) -> bool:
    answer = question.answer
    if question.kind in {"who_said", "cloze"} and gives_away_person(text, answer):
        return True
    if question.kind == "which_country":
        return gives_away_country(text, answer)
    if question.kind == "when":
        return parse_label(answer) is not None and contains_word(text, answer)
    return question.kind == "cloze" and contains_word(text, answer)


def _anchored(text: str, question: QuizQuestion) -> bool:
    """Does the text say what the question is about (so that naming the answer
    beside it answers the question)?"""
    if question.kind == "who_said":
        quote = _quotation(question.prompt)
        quote_words = words(quote)
        if len(quote_words) <= 4:
            return bool(quote_words) and contains_word(text, quote)
        found = words(text)
        joined = " " + " ".join(found) + " "
        return any(
            f" {' '.join(quote_words[i : i + 4])} " in joined for i in range(len(quote_words) - 3)
        )
    if question.kind == "which_country" and any(
        # "Munk was born in Austria" answers "Which country is Walter Munk linked to?"
        contains_word(text, name) or (len(name.split()) > 1 and gives_away_person(text, name))
        for name in _names_in(question.prompt)
    ):
        return True
    if question.kind == "cloze" and BLANK in question.prompt:
        # What the blank is about: the words around it ("… was born in _____ in …").
        before, _, after = question.prompt.partition(BLANK)
        around = " ".join([*before.split()[-5:], *after.split()[:5]])
        if _mostly_said(around, text, minus=question.answer, share=0.5):
            return True
    if question.kind == "when" and _mostly_said(
        # "We proposed a bill in 2016 …" answers "In what year was a bill proposed
        # for banning X?": the year beside half of what was done (names aside)
        _CAPITALISED.sub(" ", question.prompt.split(" ", 1)[-1]),
        text,
        share=0.5,
    ):
        return True
    return _mostly_said(question.prompt.replace(BLANK, " "), text, minus=question.answer)


_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*")


def _mostly_said(statement: str, text: str, *, minus: str = "", share: float = 0.6) -> bool:
    """Most (60 %) of the statement's content words are in the text."""
    about = _content_words(statement) - _content_words(minus)
    return bool(about) and len(about & _content_words(text)) >= share * len(about)


_TF_QUOTE = re.compile(r"^True or false\? (?P<value>.+?) said: “(?P<quote>.*)”\s*$")


_TF_DATE = re.compile(r"^True or false\? (?:On|In) (?P<value>[^,]+), (?P<rest>.+)$")


_TF_COUNTRY = re.compile(r"^True or false\? (?P<rest>.+?)(?P<value>(?:the )?[A-Z][\w .’'-]*)\.$")


def _statement_revealed(text: str, question: QuizQuestion) -> bool:
    """A true-or-false statement is settled by a text that says the same thing
    with the value the statement tests (its speaker, date or country)."""
    for pattern in (_TF_QUOTE, _TF_DATE, _TF_COUNTRY):
        match = pattern.match(question.prompt)
        if match is None:
            continue
        value = match["value"]
        if pattern is _TF_QUOTE:
            about = QuizQuestion(
                kind="who_said", prompt=f"Who said: “{match['quote']}”?", answer=""
            )
            return gives_away_person(text, value) and _anchored(text, about)
        stated = contains_word(text, value) or (
            pattern is _TF_DATE and contains_word(text, value.split()[-1])
        )
        return stated and _mostly_said(match["rest"], text, minus=value)
    return False


def reveals(text: str, question: QuizQuestion) -> bool:
    """Does `text` (another question's prompt, or its explanation shown after it
    is answered) state this question's answer together with what it is about?"""
    if question.kind == "true_false":
        return _statement_revealed(text, question)
    if question.kind not in MULTIPLE_CHOICE | {"cloze"}:
        return False
    if question.kind == "when" and _day_and_month_stated(text, question.answer):
        return True
    return _states_answer(text, question) and _anchored(text, question)


def _day_and_month_stated(text: str, answer: str) -> bool:
    """ "… on August 10 he fell ill” shown beside "When was X taken to hospital?"
    (10 August 2020): the day and month of a day's answer, whatever else is said, leave
    one option (the wrong ones are days near it)."""
    when = parse_label(answer)
    if when is None or when.day is None or when.month is None:
        return False
    month = MONTHS[when.month - 1]
    return bool(regex(rf"\b(?:{month}\s+{when.day}|{when.day}\s+{month})(?!\d)", re.I).search(text))


def _as_quiz_question(draft: QuestionDraft) -> QuizQuestion:
    return QuizQuestion(kind=draft.kind, prompt=draft.prompt, answer=draft.answer)


def gives_away_another(draft: QuestionDraft, kept: Sequence[QuestionDraft]) -> str | None:
    """In one bank, no prompt answers another question: "True or false? Ruiz
    said: “we won fair and square”" beside "Who said: “we won fair and square”?"."""
    mine = _as_quiz_question(draft)
    for other in kept:
        theirs = _as_quiz_question(other)
        if reveals(draft.prompt, theirs) or reveals(other.prompt, mine):
            return f"give-away: answers “{other.prompt[:60]}”"
    return None


def questions_conflict(a: QuizQuestion, b: QuizQuestion) -> bool:
    """May a and b not share a quiz? They come from one sentence of the article,
    they are two "when" questions of one article with one answer (the date offered
    twice points at itself, and the two events are often one: blind judge, batch 35),
    or one's prompt or explanation (shown after answering) answers the other."""
    if a.evidence is not None and a.evidence == b.evidence:
        return True
    if _same_date_twice(a, b):
        return True
    return reveals(f"{b.prompt}\n{b.explanation}", a) or reveals(f"{a.prompt}\n{a.explanation}", b)


def _same_date_twice(a: QuizQuestion, b: QuizQuestion) -> bool:
    """Two "when" questions with one answer, of one article (or of an unknown one)."""
    if a.kind != "when" or b.kind != "when" or a.answer != b.answer:
        return False
    return a.evidence is None or b.evidence is None or a.evidence[0] == b.evidence[0]


def quiz_selection(questions: Sequence[QuizQuestion], size: int) -> list[int]:
    """Which questions make a quiz of up to `size`, taken in the given order (a
    random order, or the most urgent first): each one that conflicts with none
    taken before it (questions_conflict). Indexes into `questions`."""
    taken: list[int] = []
    for index, question in enumerate(questions):
        if len(taken) == size:
            break
        if not any(questions_conflict(question, questions[other]) for other in taken):
            taken.append(index)
    return taken
