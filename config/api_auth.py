"""Token login and logout for mobile clients.

The token login authenticates through `django.contrib.auth.authenticate(request=...)`
so django-axes (the first authentication backend) counts failures and locks out
brute force exactly as on the HTML login; it is also throttled ("login" scope).
"""

from __future__ import annotations

from django.contrib.auth import authenticate, logout
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api_fields import StrictCharField


class TokenInputSerializer(serializers.Serializer):
    username = StrictCharField(max_length=150)
    password = StrictCharField(max_length=128, trim_whitespace=False)


class TokenOutputSerializer(serializers.Serializer):
    token = serializers.CharField()


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Too many failed login attempts; try again later."
    default_code = "locked_out"


class TokenView(APIView):
    """POST username + password -> {"token": "..."}; send it as `Authorization: Token <token>`."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_scope = "login"

    @extend_schema(
        request=TokenInputSerializer,
        responses={200: TokenOutputSerializer},
        auth=[],
        tags=["auth"],
        summary="Get an API token",
    )
    def post(self, request):
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
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class LogoutView(APIView):
    """Revokes the caller's token (every device using it must log in again) and
    ends a browser session."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={200: inline_serializer("LogoutOutput", {"detail": serializers.CharField()})},
        tags=["auth"],
        summary="Revoke the token / end the session",
    )
    def post(self, request):
        Token.objects.filter(user=request.user).delete()
        if request.session is not None and request.user.is_authenticated:
            logout(request._request)
        return Response({"detail": "Logged out."})
