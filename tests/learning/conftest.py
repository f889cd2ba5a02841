import pytest

from tests.planner import STATISTICS, statistics_forgotten


@pytest.fixture(params=STATISTICS)
def statistics(request, db) -> str:
    """The planner statistics state (tests.planner.STATISTICS) a plan is measured
    under: "fresh" tables forget their sizes before the test makes its rows."""
    if request.param == "fresh":
        statistics_forgotten()
    return request.param
