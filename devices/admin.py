"""Device tokens in the admin: a read-only list for superusers (who signed in from
which device, when it was last used, whether it has expired). Only a hash of a key
is stored, and the admin never shows it; a revoked token is deleted, so what is
listed is live or expired. Revoking is the user's (the API's devices list, logout)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .models import DeviceToken


class ExpiredFilter(admin.SimpleListFilter):
    title = "expired"
    parameter_name = "expired"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Yes"), ("no", "No")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[DeviceToken]
    ) -> QuerySet[DeviceToken]:
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(expires_at__lte=now)
        if self.value() == "no":
            return queryset.filter(expires_at__gt=now)
        return queryset


# Everything shown, list and page alike; never key_hash.
COLUMNS = ("user", "name", "key_prefix", "created_at", "last_used_at", "expires_at", "expired")


if TYPE_CHECKING:
    _TokenAdmin = admin.ModelAdmin[DeviceToken]
else:  # ModelAdmin takes no type argument at run time
    _TokenAdmin = admin.ModelAdmin


@admin.register(DeviceToken)
class DeviceTokenAdmin(_TokenAdmin):
    list_display = COLUMNS
    list_select_related = ["user"]
    list_filter = [ExpiredFilter]
    search_fields = ["user__username", "name"]
    fields = COLUMNS
    readonly_fields = COLUMNS

    @admin.display(boolean=True, description="Expired")
    def expired(self, obj: DeviceToken) -> bool:
        return obj.expires_at <= timezone.now()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: DeviceToken | None = None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: DeviceToken | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: DeviceToken | None = None) -> bool:
        return False
