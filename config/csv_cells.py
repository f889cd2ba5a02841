"""CSV cells that a spreadsheet will not run: a text cell starting with = + - @
(or a tab / carriage return, which some spreadsheets skip first) is read as a
formula by Excel, LibreOffice and Sheets ("CSV injection"). Prefixing a quote
keeps the text visible and inert. Numbers stay numbers."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(value: object) -> object:
    """The value as written to a CSV cell, neutralised when it is text that would
    be taken for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
