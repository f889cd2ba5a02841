"""The generator's output: plain dataclasses, no ORM (services turn them into rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

ChoiceTuple = tuple[str, bool, int]  # (text, is_correct, position)


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

    @property
    def choice_texts(self) -> list[str]:
        return [text for text, _, _ in sorted(self.choices, key=lambda c: c[2])]
