"""Spreadsheet formulas in exported text are neutralised; other values pass as they are."""

import pytest

from config.csv_cells import csv_safe_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("amy", "amy"),
        ("a=b", "a=b"),
        (-2.5, -2.5),
        (None, ""),
        (True, True),
    ],
)
def test_csv_safe_cell(value, written):
    assert csv_safe_cell(value) == written
