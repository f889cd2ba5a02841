"""The API's JSON parser: DRF's, with a ceiling on nesting.

Python's json module recurses once per level, so a body nested about a thousand
levels deep raised RecursionError (a 500) on every JSON endpoint, login included.
No request of this API nests deeper than a few levels, so anything past
`MAX_DEPTH` is refused as a 400 (ParseError) before a view sees it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 32
TOO_DEEP = f"JSON parse error - nested more than {MAX_DEPTH} levels deep."


def json_depth_check(data: Any, *, limit: int = MAX_DEPTH) -> None:
    """Raise ParseError when lists / objects nest deeper than `limit` (no recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            raise ParseError(TOO_DEEP)
        stack.extend((child, depth + 1) for child in children)


class JSONParser(parsers.JSONParser):
    """REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]: a deep body is a 400, not a 500."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(TOO_DEEP) from error
        json_depth_check(data)
        return data
