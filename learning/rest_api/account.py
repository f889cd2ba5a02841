"""The caller's own account: GET me/export/ (all their data as JSON) and
DELETE me/ (delete the account, password required). Thin over learning.account."""

from __future__ import annotations

from django.contrib.auth import logout
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from config.api_typing import SignedInApiRequest, SignedInApiView
from learning.account import account_delete, account_export


class AccountDeleteInputSerializer(serializers.Serializer[None]):
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class MeExportView(SignedInApiView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        tags=["account"],
        summary="Download all my data (JSON)",
        description=(
            "Profile, study preferences, cards, every review (with undo marks), quiz attempts "
            "and answers, the devices signed in through the API (name and dates, never the "
            "key), and the articles/banks the user authored (ids and titles)."
        ),
    )
    def get(self, request: SignedInApiRequest) -> Response:
        data = account_export(user=request.user)
        filename = f"newsquiz-{request.user.get_username()}.json"
        return Response(data, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


class MeView(SignedInApiView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=AccountDeleteInputSerializer,
        responses={
            200: inline_serializer(
                "AccountDeleted",
                {
                    "detail": serializers.CharField(),
                    "cards": serializers.IntegerField(),
                    "reviews": serializers.IntegerField(),
                },
            )
        },
        tags=["account"],
        summary="Delete my account and all my data",
        description=(
            'Body: `{"password": "<the account\'s password>"}` as confirmation. Deletes the '
            "user with their preferences, cards, review logs, quiz attempts and API tokens; "
            "irreversible. 400 `password` when it is wrong, 400 `account` for a teacher who "
            "still owns question banks."
        ),
    )
    def delete(self, request: SignedInApiRequest) -> Response:
        data = AccountDeleteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = account_delete(user=request.user, password=data.validated_data["password"])
        if request.session is not None:
            logout(request._request)
        return Response(
            {
                "detail": f"Account {result.username} deleted.",
                "cards": result.cards,
                "reviews": result.reviews,
            },
            status=status.HTTP_200_OK,
        )
