from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.forms.utils import ErrorDict

from .filters import Filter

class BaseFilterSet:
    base_filters: ClassVar[dict[str, Filter]]
    filters: dict[str, Filter]
    data: Any
    queryset: QuerySet[Any]
    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[Any] | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
    ) -> None: ...
    def is_valid(self) -> bool: ...
    @property
    def errors(self) -> ErrorDict: ...
    @property
    def qs(self) -> QuerySet[Any]: ...
    @property
    def form(self) -> forms.Form: ...

class FilterSet(BaseFilterSet): ...
