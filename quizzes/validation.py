"""Rules a question must satisfy, shared by Question.clean(), the admin formset,
the API serializers and importers. Pure: takes plain values, returns problems."""

from __future__ import annotations

from collections.abc import Sequence

ChoiceTuple = tuple[str, bool, int]  # (text, is_correct, position)

_MULTIPLE_CHOICE = {"who_said", "which_country", "when", "true_false"}


def question_problems(
    *,
    kind: str,
    status: str,
    prompt: str,
    answer: str,
    choices: Sequence[ChoiceTuple] | None,
) -> dict[str, list[str]]:
    """Field name -> messages. `choices=None` means "not known yet" (an unsaved
    question): only the fields of the question itself are checked."""
    problems: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        problems.setdefault(field, []).append(message)

    if status == "published":
        if not (prompt or "").strip():
            add("prompt", "A published question needs a prompt.")
        if not (answer or "").strip():
            add("answer", "A published question needs an answer.")

    if choices is None:
        return problems

    texts = [text.strip().casefold() for text, _, _ in choices]
    duplicates = sorted({t for t in texts if texts.count(t) > 1})
    correct = [text for text, is_correct, _ in choices if is_correct]

    if kind in _MULTIPLE_CHOICE or (kind == "cloze" and choices):
        if duplicates:
            add("choices", f"Choices must differ; repeated: {', '.join(duplicates)}.")
        if choices and len(correct) != 1:
            add("choices", f"Exactly one choice must be correct (found {len(correct)}).")
        if status == "published" and len(choices) < 2:
            add("choices", "A published multiple-choice question needs at least two choices.")
        if len(correct) == 1 and answer and correct[0].strip() != answer.strip():
            add("answer", "The answer must be the text of the correct choice.")
    elif kind == "ordering":
        if duplicates:
            add("choices", f"Timeline items must differ; repeated: {', '.join(duplicates)}.")
        positions = sorted(position for _, _, position in choices)
        if positions and positions != list(range(positions[0], positions[0] + len(positions))):
            add("choices", "Timeline items need a complete order: positions 1, 2, 3… without gaps.")
        if status == "published" and len(choices) < 3:
            add("choices", "A published timeline question needs at least three items.")
    return problems
