"""Reads of household applications, always inside the user's jurisdiction (style.md 3-4)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from anju.admission.models import Application
from anju.admission.permissions import READER_ROLES


def household_list(*, user: Any, deleted: bool = False) -> QuerySet[Application]:
    """Applications the user may read (staff roles, own jurisdiction); deleted ones only on request."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(*READER_ROLES):
        return Application.objects.none()
    return Application.objects.visible_to(user).filter(is_deleted=deleted).order_by("-created_at", "-id")


def household_get(*, user: Any, pk: int, deleted: bool | None = False) -> Application:
    """One application inside the jurisdiction with its members, dwellings and assets, or 404."""
    queryset = Application.objects.none()
    if getattr(user, "is_authenticated", False) and user.has_role(*READER_ROLES):
        queryset = Application.objects.visible_to(user)
        if deleted is not None:
            queryset = queryset.filter(is_deleted=deleted)
    try:
        return queryset.prefetch_related("members", "dwellings", "assets").get(pk=pk)
    except Application.DoesNotExist as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc
