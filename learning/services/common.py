"""What every learning service shares: the error naming the input at fault and
the parsing of whole numbers from clients."""

from __future__ import annotations

from typing import Any


class ReviewError(ValueError):
    """Bad input to a learning service: `field` names the input at fault."""

    def __init__(self, field: str, message: str, status: int = 400):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.status = status


def as_int(value: Any, *, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ReviewError(field, "Must be a whole number.")
    if type(value) is int:
        return value
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ReviewError(field, "Must be a whole number.") from None
    if isinstance(value, float) and number != value:
        raise ReviewError(field, "Must be a whole number.")
    return number
