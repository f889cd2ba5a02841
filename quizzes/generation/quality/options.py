"""Draft checks on the answer and the options: the prompt naming the answer, options of
another type or also right, facts the extractor is unsure of."""

from __future__ import annotations

import re

from quizzes.extraction.facts import CountryLink

from ..context import DatedFact, GenerationContext, is_capital_of
from ..dates import narrows_options, parse_label
from ..distractors import country_iso, is_place, looks_like_a_name, plausible_person, same_person
from ..draft import QuestionDraft
from ..text import (
    BLANK,
    contains_word,
    gives_away_country,
    gives_away_person,
    is_organisation,
    normalise,
)
from ..who_said import acts_as_a_body, is_publication, names_a_thing
from .base import MULTIPLE_CHOICE


def answer_given_away(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """The prompt names the answer: the speaker (or part of the name), the
    country (its adjective, initials, a city of it), part of the date that the
    wrong options do not share, the blanked words."""
    prompt, answer = draft.prompt, draft.answer
    if draft.kind == "who_said" and gives_away_person(prompt, answer):
        return "give-away: the prompt names the speaker"
    if draft.kind == "which_country" and gives_away_country(prompt, answer):
        return "give-away: the prompt names the country"
    if draft.kind == "when":
        when = parse_label(answer)
        others = [t for t in draft.choice_texts if t != answer]
        if when is None or narrows_options(prompt, when, others):
            return "give-away: the prompt names part of the date"
    if draft.kind == "cloze" and contains_word(prompt.replace(BLANK, " "), answer):
        return "give-away: the blanked words are still in the sentence"
    if draft.kind == "cloze" and draft.target.startswith("country:"):
        return _blanked_country_named(prompt, answer)
    return None


def _blanked_country_named(prompt: str, answer: str) -> str | None:
    """The sentence of a cloze on a country names it another way, or names its capital."""
    if gives_away_country(prompt.replace(BLANK, " "), answer):
        return "give-away: the sentence names the blanked country another way"
    names = re.findall(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*", prompt.split(":", 1)[-1])
    if any(is_capital_of(name, answer) for name in names):
        return "give-away: the sentence names the blanked country's capital"
    return None


def _speaker_option_problem(answer: str, options: list[str]) -> str | None:
    """Options of a "who said": names, people among people, bodies among bodies."""
    if any(not looks_like_a_name(o) for o in options):
        return "options: not every option is a name"
    if is_organisation(answer):
        if not all(is_organisation(o) for o in options):
            return "options: an organisation among people"
    elif any(is_organisation(o) or is_place(o) for o in options):
        return "options: an organisation or a place among people"
    return None


def _option_type_problem(kind: str, answer: str, options: list[str]) -> str | None:
    if kind == "who_said" and (problem := _speaker_option_problem(answer, options)):
        return problem
    if kind == "which_country" and not all(country_iso(o) for o in options):
        return "options: not every option is a country"
    if kind == "when":
        parsed = [parse_label(o) for o in options]
        if any(p is None for p in parsed) or len({p.granularity for p in parsed if p}) > 1:
            return "options: not every option is a date of the answer's granularity"
    return None


def options_of_the_answers_type(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """People for "who said", organisations for an organisation's words,
    countries for "which country", dates of one granularity for "when"."""
    if draft.kind not in MULTIPLE_CHOICE:
        return None
    problem = _option_type_problem(draft.kind, draft.answer, draft.choice_texts)
    # A body: credited as one, or a one-word name the article never gives a person's
    # role or pronoun.
    known = draft.answer in ctx.genders or draft.answer in ctx.roles
    not_a_person = draft.answer in ctx.organisations or not known
    credited_as_body = (not_a_person and not plausible_person(draft.answer)) or acts_as_a_body(
        draft.answer, ctx.article_text
    )
    if problem is None and draft.kind == "who_said" and credited_as_body:
        # "Facebook released a statement …": a body, yet not named like an
        # organisation; among people only, it stands out.
        wrong = [t for t, ok, _ in draft.choices if not ok]
        if not any(o in ctx.organisations or is_organisation(o) for o in wrong):
            return "options: the only organisation among people"
    if problem is None and draft.kind == "who_said" and not credited_as_body:
        wrong = [t for t, ok, _ in draft.choices if not ok]
        if any(acts_as_a_body(o, ctx.article_text) for o in wrong):
            return "options: a body (the article calls it a party, a group …) among people"
    return problem


def publication_among_people(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said …?" → the Daily Herald, beside three people: a newspaper, a site or a
    building the article names as such stands out among people (blind judge, batch 9)."""
    if draft.kind != "who_said" or not is_publication(draft.answer, ctx):
        return None
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if all(plausible_person(o) and not names_a_thing(o, ctx.article_text) for o in wrong):
        return "options: a publication among people"
    return None


def option_also_right(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A wrong option that is right too: the same person (a surname alone, a title, one
    initial: `distractors.same_person`; "Ana Osei" beside "Kofi Osei" is a relative), a date
    inside the answer's, a country the article also links to the subject."""
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if draft.kind == "who_said" and any(same_person(o, draft.answer) for o in wrong):
        return "options: another option is the same person"
    if draft.kind == "when":
        when = parse_label(draft.answer)
        for option in wrong:
            other = parse_label(option)
            if when and other and not (when.before(other) or other.before(when)):
                return "options: another option overlaps the date"
    if draft.kind == "which_country" and isinstance(draft.source, CountryLink):
        return _country_also_right(draft.source, draft.answer, wrong, ctx)
    return None


def _country_also_right(
    link: CountryLink, answer: str, wrong: list[str], ctx: GenerationContext
) -> str | None:
    """A wrong country the article also links to the subject, or that the words just
    before the subject name."""
    subject = normalise(link.subject)
    linked = {normalise(c.country) for c in ctx.countries if normalise(c.subject) == subject} - {
        normalise(answer)
    }
    if any(normalise(o) in linked for o in wrong):
        return "options: another option is linked to the subject too"
    before = _words_before(link.evidence, link.subject)
    if before and any(gives_away_country(before, o) for o in wrong):
        return "options: the words before the subject name another option too"
    return None


BEFORE_SUBJECT = 4  # words: the subject's own noun phrase ("Freedonian-Ruritanian chemist")


def _words_before(evidence: str, subject: str) -> str:
    """The few words just before the subject's first mention in its sentence, within
    its clause: "the Freedonian-Ruritanian chemist" of "… said the Freedonian-Ruritanian
    chemist Ana Ruiz"."""
    at = evidence.find(subject)
    if at <= 0:
        return ""
    clause = re.split(r"[,;:()“”\"]", evidence[:at])[-1]
    return " ".join(clause.replace("-", " ").split()[-BEFORE_SUBJECT:])


MIN_CONFIDENCE = 0.7


def unsure_fact(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A fact made by an extraction rule that is right less than MIN_CONFIDENCE of
    the time on real articles (quizzes.extraction.confidence): the answer may be
    wrong ("The report said …" credited to the wrong organisation). A cloze card's
    answer is the article's own words, right whoever said them."""
    if draft.kind == "cloze":
        return None
    fact = draft.source.event if isinstance(draft.source, DatedFact) else draft.source
    rule = getattr(fact, "rule", "")
    confidence = getattr(fact, "confidence", 0.0)
    if rule and confidence < MIN_CONFIDENCE:
        return f"answer: rule {rule} is right {confidence:.0%} of the time"
    return None
