"""Types for the API that DRF's stubs cannot state, for the type checker.

`SignedInApiRequest`: behind `IsAuthenticated` (the default permission,
config/settings/base.py) the request's user is a `User`, never anonymous; a view
class that inherits `SignedInApiView` sees `self.request` so, and its handlers take
`request: SignedInApiRequest` (annotations only: DRF builds the requests, and the
class adds no behaviour). `serialize_many`: a serializer of one row type over a
list of them, each a dict of its fields (`many=True`), which the stubs type as one row
(typeddjango/djangorestframework-stubs#260)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.contrib.auth.models import User
from rest_framework.request import Request
from rest_framework.views import APIView

if TYPE_CHECKING:
    from rest_framework.serializers import Serializer
    from rest_framework.utils.serializer_helpers import ReturnList

_Row = TypeVar("_Row")


class SignedInApiRequest(Request):
    user: User  # narrowed: IsAuthenticated ran first


class SignedInApiView(APIView):
    """A view behind IsAuthenticated: `self.request.user` is a `User`."""

    request: SignedInApiRequest


def serialize_many(
    serializer_class: type[Serializer[_Row]],
    rows: Iterable[_Row] | None,
    *,
    context: Mapping[str, Any] | None = None,
) -> ReturnList[dict[str, Any]]:
    """`serializer_class(rows, many=True, context=context).data`: DRF's `__new__`
    hands `many=True` to `many_init` (a ListSerializer of the rows), which is
    called here directly so that the rows are typed."""
    kwargs = {} if context is None else {"context": context}
    return cast("ReturnList[dict[str, Any]]", serializer_class.many_init(rows, **kwargs).data)
