"""Jurisdiction scoping in one place (security.md #6; style.md 3-4).

A user's jurisdiction is a region subtree, expressed as the significant prefix of its
12-digit code (province 2, city 4, county 6, street 9, community 12 digits). Every selector
starts from `Model.objects.visible_to(user)`; a record outside it is 404, never 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from anju.accounts.models import User

LEVEL_PREFIX_LENGTH = {1: 2, 2: 4, 3: 6, 4: 9, 5: 12}


def significant_prefix(code: str) -> str:
    """The code's prefix that identifies its subtree: 341600000000 -> 3416."""
    code = code.ljust(12, "0")
    for length in (2, 4, 6, 9, 12):
        if code[length:].strip("0") == "":
            return code[:length]
    return code


def jurisdiction_prefix(user: User | Any) -> str | None:
    """The prefix a user may see; '' for the whole country, None for nothing."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    code = getattr(user, "jurisdiction_id", None)
    if not code:
        return None
    if code == "000000000000":
        return ""
    return significant_prefix(code)


class RegionScopedQuerySet(models.QuerySet):
    """Querysets of region-scoped records."""

    scope_field = "region_code"

    def within(self, code: str) -> RegionScopedQuerySet:
        """Records in the subtree of a region code."""
        return self.filter(**{f"{self.scope_field}__startswith": significant_prefix(code)})

    def visible_to(self, user: User | Any) -> RegionScopedQuerySet:
        """Records inside the user's jurisdiction; none if the user has none."""
        prefix = jurisdiction_prefix(user)
        if prefix is None:
            return self.none()
        if prefix == "":
            return self.all()
        return self.filter(**{f"{self.scope_field}__startswith": prefix})


def get_visible_or_404(queryset: RegionScopedQuerySet, user: Any, **lookup: Any) -> Any:
    """One record inside the user's jurisdiction, or Http404 (never a hint it exists)."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc
