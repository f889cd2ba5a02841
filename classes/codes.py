"""Join codes: random, from characters nobody misreads, typed loosely."""

from __future__ import annotations

import secrets

from .models import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH


def join_code_new() -> str:
    """A fresh random code of unambiguous characters (secrets: not guessable
    from the previous ones)."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def join_code_normalise(raw: str) -> str:
    """What a student typed, as stored: case, spaces and dashes ignored."""
    return "".join(ch for ch in str(raw or "").upper() if ch not in " -\t")


def join_code_is_well_formed(code: str) -> bool:
    return len(code) == JOIN_CODE_LENGTH and all(ch in JOIN_CODE_ALPHABET for ch in code)
