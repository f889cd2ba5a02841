"""Device tokens in the admin: a read-only list for superusers (who signed in from
which device, when it was last used, whether it has expired). Only a hash of a key
is stored, and the admin never shows it; a revoked token is deleted, so what is
listed is live or expired. Revoking is the user's (the API's devices list, logout)."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from .models import DeviceToken


class ExpiredFilter(admin.SimpleListFilter):
    title = "expired"
    parameter_name = "expired"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(expires_at__lte=now)
        if self.value() == "no":
            return queryset.filter(expires_at__gt=now)
        return queryset


# Everything shown, list and page alike; never key_hash.
COLUMNS = ("user", "name", "key_prefix", "created_at", "last_used_at", "expires_at", "expired")


@admin.register(DeviceToken)
class DeviceTokenAdmin(admin.ModelAdmin):
    list_display = COLUMNS
    list_select_related = ["user"]
    list_filter = [ExpiredFilter]
    search_fields = ["user__username", "name"]
    fields = COLUMNS
    readonly_fields = COLUMNS

    @admin.display(boolean=True, description="Expired")
    def expired(self, obj: DeviceToken) -> bool:
        return obj.expires_at <= timezone.now()

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
