"""The generator's output: plain dataclasses, no ORM (services turn them into rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizzes.extraction.facts import CountryLink, DatedEvent, Quote

from .context import DatedFact
from .fingerprint import question_fingerprint

ChoiceTuple = tuple[str, bool, int]  # (text, is_correct, position)
# What a draft is made from: a quote, a country link, a dated event, or a
# timeline's events.
DraftSource = Quote | CountryLink | DatedFact | list[DatedFact] | None


@dataclass
class QuestionDraft:
    kind: str  # a quizzes.models.QuestionKind value
    prompt: str
    answer: str
    choices: list[ChoiceTuple] = field(default_factory=list)
    explanation: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    fingerprint: str = ""
    difficulty: int = 2
    # What the question asks about, for the quality check (quizzes.generation.quality):
    # the keys of the facts it comes from (fingerprint.*_key; one fact may give at most
    # two questions) and the thing the learner recalls ("person:…", "country:…",
    # "date:…"), so two questions on one fact that ask for the same thing are
    # near-duplicates.
    fact_keys: tuple[str, ...] = ()
    target: str = ""
    # The fact itself, for rules that need more than the text; not stored.
    source: DraftSource = field(default=None, repr=False, compare=False)
    accepted_answers: list[str] = field(default_factory=list)  # typed answers also right
    choice_dates: dict[str, str] = field(default_factory=dict)  # timeline item -> its date
    # Wrong options the builder did not use, in its order of preference: the bank check
    # swaps one in for an option that gives another question away; not stored.
    spare_options: list[str] = field(default_factory=list, repr=False, compare=False)

    @property
    def choice_texts(self) -> list[str]:
        return [text for text, _, _ in sorted(self.choices, key=lambda c: c[2])]

    def _facts(self) -> list[Quote | CountryLink | DatedEvent]:
        """The extraction facts (Quote, CountryLink, DatedEvent) behind the draft."""
        sources = self.source if isinstance(self.source, list) else [self.source]
        return [s.event if isinstance(s, DatedFact) else s for s in sources if s is not None]

    @property
    def rule(self) -> str:
        """The extraction rule(s) that made the fact ("speech_verb.named_person")."""
        return "+".join(dict.fromkeys(r for f in self._facts() if (r := getattr(f, "rule", ""))))

    @property
    def confidence(self) -> float | None:
        """How often that rule is right on real articles (the least sure fact of a
        timeline); None when the extractor did not say."""
        known = [f.confidence for f in self._facts() if getattr(f, "rule", "")]
        return min(known) if known else None

    @property
    def fact_key(self) -> str:
        """One key for the fact(s) the question is about (stored on the question)."""
        if len(self.fact_keys) == 1:
            return self.fact_keys[0]
        return question_fingerprint("facts", *sorted(self.fact_keys)) if self.fact_keys else ""
