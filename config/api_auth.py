"""Token login and logout for mobile clients, and the caller's devices.

With a `device` name the login issues a token of that device's own (devices/):
logging out there leaves the other devices logged in. Without one it answers
v1's shared per-user token (deprecated: every device shares it).

The token login authenticates through `django.contrib.auth.authenticate(request=...)`
so django-axes (the first authentication backend) counts failures and locks out
brute force exactly as on the HTML login; it is also throttled ("login" scope).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate, logout
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api_errors import locked_out_detail
from config.api_fields import StrictCharField
from config.api_typing import SignedInApiRequest, serialize_many
from devices.models import DeviceToken
from devices.selectors import device_token_list
from devices.services import device_token_issue, device_token_revoke


class TokenInputSerializer(serializers.Serializer[dict[str, Any]]):
    username = StrictCharField(max_length=150)
    password = StrictCharField(max_length=128, trim_whitespace=False)
    device = StrictCharField(
        max_length=100,
        required=False,
        help_text='Name of this device (e.g. "Ana\'s phone"): a token of its own, listed under '
        "auth/devices/, that expires and is revoked alone. Without it: v1's shared token "
        "(deprecated).",
    )


class DeviceSerializer(serializers.Serializer[DeviceToken]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    key_prefix = serializers.CharField(help_text="The token's first characters.")
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True, help_text="To the hour.")
    expires_at = serializers.DateTimeField()
    current = serializers.SerializerMethodField(help_text="The token of this request.")

    def get_current(self, device: DeviceToken) -> bool:
        auth = self.context.get("auth")
        return isinstance(auth, DeviceToken) and auth.pk == device.pk


class TokenOutputSerializer(serializers.Serializer[dict[str, Any]]):
    token = serializers.CharField()
    device = DeviceSerializer(
        required=False, help_text="The device the token belongs to (when `device` was given)."
    )


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Too many failed logins for this username from your address."
    default_code = "locked_out"

    def __init__(self) -> None:
        from config.client_ip import lockout_seconds

        seconds = lockout_seconds()
        super().__init__(locked_out_detail(seconds))
        self.wait = seconds  # the error handler turns it into Retry-After


class TokenView(APIView):
    """POST username + password -> {"token": "..."}; send it as `Authorization: Token <token>`."""

    authentication_classes: list[type[BaseAuthentication]] = []
    permission_classes = [AllowAny]
    throttle_scope = "login"

    @extend_schema(
        request=TokenInputSerializer,
        responses={200: TokenOutputSerializer},
        auth=[],
        tags=["auth"],
        summary="Get an API token",
    )
    def post(self, request: Request) -> Response:
        data = TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(
            request=request._request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if getattr(request._request, "axes_locked_out", False):
            raise LockedOut()
        if user is None or not user.is_active:
            raise exceptions.ValidationError(
                {"non_field_errors": ["Unable to log in with these credentials."]}
            )
        name = data.validated_data.get("device")
        if name is not None:
            issued = device_token_issue(user=user, name=name)
            device = DeviceSerializer(issued.device, context={"auth": issued.device}).data
            return Response({"token": issued.key, "device": device})
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class LogoutView(APIView):
    """Revokes the caller's token and ends a browser session: a device token alone
    (the other devices stay logged in); v1's shared token for every device using it."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={200: inline_serializer("LogoutOutput", {"detail": serializers.CharField()})},
        tags=["auth"],
        summary="Revoke the token / end the session",
    )
    def post(self, request: SignedInApiRequest) -> Response:
        if isinstance(request.auth, DeviceToken):
            device_token_revoke(user=request.user, device_id=request.auth.pk)
        elif isinstance(request.auth, Token):
            Token.objects.filter(user=request.user).delete()
        if request.session is not None and request.user.is_authenticated:
            logout(request._request)
        return Response({"detail": "Logged out."})


class DeviceListView(GenericAPIView[DeviceToken]):
    """The caller's devices (their API tokens)."""

    serializer_class = DeviceSerializer
    queryset = DeviceToken.objects.none()  # no path parameter to type

    @extend_schema(
        tags=["auth"],
        summary="My devices: the tokens issued by logging in with a device name",
        responses={200: DeviceSerializer(many=True)},
    )
    def get(self, request: SignedInApiRequest) -> Response:
        page = self.paginate_queryset(device_token_list(user=request.user))
        data = serialize_many(DeviceSerializer, page, context={"auth": request.auth})
        return self.get_paginated_response(data)


class DeviceDetailView(GenericAPIView[DeviceToken]):
    """Revoke one of the caller's devices."""

    serializer_class = DeviceSerializer
    queryset = DeviceToken.objects.none()  # typing the path's id in the schema only

    @extend_schema(
        tags=["auth"],
        summary="Revoke a device's token (it must log in again; the others stay logged in)",
        responses={204: None},
    )
    def delete(self, request: SignedInApiRequest, pk: int) -> Response:
        if not device_token_revoke(user=request.user, device_id=pk):
            raise exceptions.NotFound("No such device.")
        return Response(status=status.HTTP_204_NO_CONTENT)
