"""Rules a question must satisfy, shared by Question.clean(), the admin formset,
the API serializers and importers. Pure: takes plain values, returns problems."""

from __future__ import annotations

from collections.abc import Sequence

ChoiceTuple = tuple[str, bool, int]  # (text, is_correct, position)

_MULTIPLE_CHOICE = {"who_said", "which_country", "when", "true_false"}


Problem = tuple[str, str]  # (field name, message)


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
    found = _field_problems(status=status, prompt=prompt, answer=answer)
    if choices is not None:
        if kind in _MULTIPLE_CHOICE or (kind == "cloze" and choices):
            found += _multiple_choice_problems(status=status, answer=answer, choices=choices)
        elif kind == "ordering":
            found += _ordering_problems(status=status, choices=choices)
    problems: dict[str, list[str]] = {}
    for field, message in found:
        problems.setdefault(field, []).append(message)
    return problems


def _field_problems(*, status: str, prompt: str, answer: str) -> list[Problem]:
    """A published question says something and has an answer."""
    if status != "published":
        return []
    found = []
    if not (prompt or "").strip():
        found.append(("prompt", "A published question needs a prompt."))
    if not (answer or "").strip():
        found.append(("answer", "A published question needs an answer."))
    return found


def _duplicates(choices: Sequence[ChoiceTuple]) -> list[str]:
    """The choice texts given twice (case and surrounding spaces aside), sorted."""
    texts = [text.strip().casefold() for text, _, _ in choices]
    return sorted({t for t in texts if texts.count(t) > 1})


def _multiple_choice_problems(
    *, status: str, answer: str, choices: Sequence[ChoiceTuple]
) -> list[Problem]:
    """Distinct choices, exactly one correct, and the answer is its text."""
    found = []
    duplicates = _duplicates(choices)
    correct = [text for text, is_correct, _ in choices if is_correct]
    if duplicates:
        found.append(("choices", f"Choices must differ; repeated: {', '.join(duplicates)}."))
    if choices and len(correct) != 1:
        found.append(("choices", f"Exactly one choice must be correct (found {len(correct)})."))
    if status == "published" and len(choices) < 2:
        found.append(
            ("choices", "A published multiple-choice question needs at least two choices.")
        )
    if len(correct) == 1 and answer and correct[0].strip() != answer.strip():
        found.append(("answer", "The answer must be the text of the correct choice."))
    return found


def _ordering_problems(*, status: str, choices: Sequence[ChoiceTuple]) -> list[Problem]:
    """Distinct timeline items in a complete order (no gap in the positions)."""
    found = []
    duplicates = _duplicates(choices)
    if duplicates:
        found.append(("choices", f"Timeline items must differ; repeated: {', '.join(duplicates)}."))
    positions = sorted(position for _, _, position in choices)
    if positions and positions != list(range(positions[0], positions[0] + len(positions))):
        found.append(
            ("choices", "Timeline items need a complete order: positions 1, 2, 3… without gaps.")
        )
    if status == "published" and len(choices) < 3:
        found.append(("choices", "A published timeline question needs at least three items."))
    return found
