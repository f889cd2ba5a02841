"""Who may author what: one function per authorisation decision, used by
admin, API and services alike."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

TEACHERS_GROUP = "Teachers"


def is_teacher(user: User | AnonymousUser) -> bool:
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists()


def can_edit_bank(user: User | AnonymousUser, bank) -> bool:
    """Teachers edit the banks they own; superusers edit any."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return is_teacher(user) and bank.owner_id == user.pk
