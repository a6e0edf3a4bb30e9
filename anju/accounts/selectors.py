"""Reads of accounts, always scoped by the reader's jurisdiction (security.md #6)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from anju.accounts.models import Organisation, RoleGrant, User
from anju.accounts.services.roles import role_grant_verify
from anju.core.scoping import jurisdiction_prefix


def organisation_list(*, user: Any) -> QuerySet[Organisation]:
    """Organisations inside the user's jurisdiction."""
    return Organisation.objects.visible_to(user).select_related("parent")


def user_list(*, user: Any) -> QuerySet[User]:
    """Users whose organisation or jurisdiction lies inside the reader's jurisdiction."""
    prefix = jurisdiction_prefix(user)
    queryset = User.objects.select_related("organisation", "jurisdiction").prefetch_related("role_grants")
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset.all()
    return queryset.filter(Q(jurisdiction__code__startswith=prefix) | Q(organisation__region_code__startswith=prefix)).distinct()


def role_grant_list(*, user: Any) -> QuerySet[RoleGrant]:
    """Role grants of the users the reader may see."""
    return RoleGrant.objects.filter(user__in=user_list(user=user)).select_related("user", "granted_by")


def role_grants_tampered(*, user: Any) -> list[RoleGrant]:
    """Grants whose integrity MAC does not match their data (security.md #11)."""
    return [grant for grant in role_grant_list(user=user) if not role_grant_verify(grant)]
