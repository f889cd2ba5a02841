import pytest

from tests.planner import STATISTICS, tables_emptied


@pytest.fixture(params=STATISTICS)
def statistics(request, db) -> str:
    """The planner statistics state (tests.planner.STATISTICS) a plan is measured
    under, on tables emptied before the test makes its rows."""
    tables_emptied()
    return request.param
