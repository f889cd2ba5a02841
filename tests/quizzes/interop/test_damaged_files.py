"""Damaged files give a list of problems (or import), never an unexpected exception."""

import random

import pytest
from django.db import transaction

from quizzes.interop import FORMATS, ImportProblems, bank_export, bank_import

pytestmark = pytest.mark.django_db

SPECIAL = b'{}[]<>"=~#:,\n\\;&->0129'


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        pos = rng.randrange(len(out))
        roll = rng.random()
        if roll < 0.4:
            out[pos] = rng.randrange(256) if rng.random() < 0.3 else rng.choice(SPECIAL)
        elif roll < 0.7:
            del out[pos : pos + rng.randint(1, 20)]
        else:
            out[pos:pos] = bytes(rng.choice(SPECIAL) for _ in range(rng.randint(1, 5)))
    return bytes(out)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_mutated_exports_never_crash_the_import(mixed_bank, teacher, fmt):
    rng = random.Random(f"interop-{fmt}")
    original = bank_export(bank=mixed_bank, fmt=fmt)
    outcomes = {"imported": 0, "refused": 0}
    messages = []
    for _ in range(30):
        damaged = mutate(original, rng)
        try:
            with transaction.atomic():
                bank_import(data=damaged, fmt=fmt, owner=teacher)
                transaction.set_rollback(True)
            outcomes["imported"] += 1
        except ImportProblems as error:  # the only exception allowed
            messages.append(error.messages())
            outcomes["refused"] += 1
    assert sum(outcomes.values()) == 30
    assert outcomes["refused"] > 0
    assert all(problem_list and all(problem_list) for problem_list in messages)
