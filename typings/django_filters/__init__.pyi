# Types for the part of django-filter NewsQuiz uses (django-filter ships none):
# the filters of the API's FilterSets and the FilterSet itself. Read by mypy through
# `mypy_path` (pyproject.toml); add a name here when the code starts using it.
from .filters import BooleanFilter as BooleanFilter
from .filters import CharFilter as CharFilter
from .filters import ChoiceFilter as ChoiceFilter
from .filters import Filter as Filter
from .filters import NumberFilter as NumberFilter
from .filterset import FilterSet as FilterSet
