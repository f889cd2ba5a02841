"""Import and export of question banks: Anki (.apkg), CSV, JSON, Moodle GIFT
and Moodle XML. One module per format converts between bytes and the plain
`BankData` of `data.py`; `services.py` converts between `BankData` and the
models. See docs/formats.md."""

from .services import (
    FORMAT_LABELS,
    FORMATS,
    ImportProblems,
    ImportResult,
    bank_export,
    bank_import,
    export_filename,
    guess_format,
)

__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "ImportProblems",
    "ImportResult",
    "bank_export",
    "bank_import",
    "export_filename",
    "guess_format",
]
