from collections.abc import Callable
from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet

class Filter:
    field_class: ClassVar[type[forms.Field]]
    field_name: str | None
    lookup_expr: str
    distinct: bool
    exclude: bool
    def __init__(
        self,
        field_name: str | None = None,
        lookup_expr: str | None = None,
        *,
        label: str | None = None,
        method: str | Callable[..., QuerySet[Any]] | None = None,
        distinct: bool = False,
        exclude: bool = False,
        **kwargs: Any,
    ) -> None: ...
    @property
    def field(self) -> forms.Field: ...
    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]: ...

class CharFilter(Filter): ...
class BooleanFilter(Filter): ...
class NumberFilter(Filter): ...

class ChoiceFilter(Filter):
    null_value: str
