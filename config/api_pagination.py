"""The API's pagination. Imported by DRF's settings while rest_framework.generics
loads, so it imports nothing that needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

if TYPE_CHECKING:
    from django.core.paginator import Paginator as DjangoPaginator
    from rest_framework.request import Request


class Pagination(PageNumberPagination):
    """`?page=` and `?page_size=` (at most 200); `count`, `next`, `previous`, `results`."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_number(self, request: Request, paginator: DjangoPaginator[Any]) -> int | str:
        """Strict: a given `page` must be a whole number >= 1 (an empty one included:
        400 naming it); past the last page is a 404, as in DRF."""
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return 1
        if raw in self.last_page_strings:
            return raw
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationError({self.page_query_param: ["A whole number of at least 1."]})
        return raw

    def get_page_size(self, request: Request) -> int:
        """Strict: `page_size` must be a whole number >= 1 (400 naming it otherwise);
        above the maximum it is capped."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError({self.page_size_query_param: ["A whole number of at least 1."]})
        return min(size, self.max_page_size)
