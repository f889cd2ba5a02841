"""Fill-in-the-blank flashcards from evidence sentences: the date, the country
or the person blanked. One card per sentence; the answer is the blanked text
exactly as the article writes it."""

from __future__ import annotations

import re

from .context import GenerationContext
from .draft import QuestionDraft
from .fingerprint import country_key, event_key, question_fingerprint, quote_key
from .text import BLANK, contains_word, explanation, plain_spaces
from .who_said import _name_pattern


def _blank_literal(sentence: str, target: str) -> tuple[str, str] | None:
    """(blanked sentence, the text blanked) with every occurrence of `target`."""
    pattern = re.compile(rf"(?<![\w]){re.escape(plain_spaces(target))}(?![\w])", re.I)
    text = plain_spaces(sentence)
    match = pattern.search(text)
    if not match:
        return None
    return pattern.sub(BLANK, text), match.group(0)


def _blank_person(sentence: str, name: str) -> tuple[str, str] | None:
    text = plain_spaces(sentence)
    pattern = _name_pattern(name)
    match = pattern.search(text)
    if not match:
        return None
    blanked = pattern.sub(BLANK, text)
    blanked = re.sub(rf"{re.escape(BLANK)}(?:[\s-]+{re.escape(BLANK)})+", BLANK, blanked)
    return blanked, match.group(0)


def _draft(blanked, answer, evidence, start, end, fingerprint) -> QuestionDraft | None:
    prompt = f"Fill in the blank: {blanked}"
    remainder = prompt.replace(BLANK, " ")
    if BLANK not in blanked or contains_word(remainder, answer) or len(answer) > 80:
        return None
    return QuestionDraft(
        kind="cloze",
        prompt=prompt,
        answer=answer,
        choices=[],
        explanation=explanation(evidence),
        evidence_start=start,
        evidence_end=end,
        fingerprint=fingerprint,
        difficulty=3,
    )


def build(ctx: GenerationContext) -> list[QuestionDraft]:
    drafts: list[QuestionDraft] = []
    used_sentences: set[int] = set()

    def add(draft: QuestionDraft | None) -> None:
        if draft is not None and draft.evidence_start not in used_sentences:
            used_sentences.add(draft.evidence_start)
            drafts.append(draft)

    for dated in ctx.dated:
        event = dated.event
        if event.evidence_start in used_sentences or not event.when:
            continue
        core = re.sub(r"^(?:in|on|at|during)\s+", "", event.when.strip(), flags=re.I)
        blanked = _blank_literal(event.evidence, core)
        if blanked:
            add(
                _draft(
                    *blanked,
                    event.evidence,
                    event.evidence_start,
                    event.evidence_end,
                    question_fingerprint("cloze", event_key(event)),
                )
            )
    for link in ctx.countries:
        if link.evidence_start in used_sentences:
            continue
        blanked = _blank_literal(link.evidence, link.country)
        if blanked:
            add(
                _draft(
                    *blanked,
                    link.evidence,
                    link.evidence_start,
                    link.evidence_end,
                    question_fingerprint("cloze", country_key(link)),
                )
            )
    for quote in ctx.quotes:
        if quote.evidence_start in used_sentences:
            continue
        blanked = _blank_person(quote.evidence, quote.speaker)
        if blanked:
            add(
                _draft(
                    *blanked,
                    quote.evidence,
                    quote.evidence_start,
                    quote.evidence_end,
                    question_fingerprint("cloze", quote_key(quote)),
                )
            )
    return drafts
