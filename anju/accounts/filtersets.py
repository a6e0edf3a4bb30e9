"""Filters of the organisation and user lists (GET forms, Chinese labels)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from anju.accounts.models import Organisation, OrganisationKind, User
from anju.accounts.roles import Role
from anju.core.models import Region
from anju.core.scoping import jurisdiction_prefix, significant_prefix

ACTIVE_CHOICES = (("true", "启用"), ("false", "停用"))


def _visible_regions(request: Any) -> QuerySet[Region]:
    """City and county regions inside the reader's jurisdiction (the filter's choices)."""
    prefix = jurisdiction_prefix(getattr(request, "user", None)) if request else None
    regions = Region.objects.filter(level__lte=3)
    if prefix is None:
        return regions.none()
    return regions.filter(code__startswith=prefix) if prefix else regions


def _visible_organisations(request: Any) -> QuerySet[Organisation]:
    if request is None:
        return Organisation.objects.none()
    return Organisation.objects.visible_to(request.user)


class OrganisationFilterSet(django_filters.FilterSet):
    """Filters: kind, region subtree, name."""

    name = django_filters.CharFilter(label="机构名称", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label="机构类型", choices=OrganisationKind.choices, empty_label="全部")
    region = django_filters.ModelChoiceFilter(label="行政区划", queryset=_visible_regions, method="filter_region", empty_label="全部")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "region"]

    def filter_region(self, queryset: QuerySet, name: str, value: Region | None) -> QuerySet:
        """Organisations in the region's subtree."""
        return queryset.filter(region_code__startswith=significant_prefix(value.code)) if value else queryset


class UserFilterSet(django_filters.FilterSet):
    """Filters: name or username, organisation, role, active."""

    q = django_filters.CharFilter(label="用户名或姓名", method="filter_q")
    organisation = django_filters.ModelChoiceFilter(label="所属机构", queryset=_visible_organisations, empty_label="全部")
    role = django_filters.ChoiceFilter(label="角色", choices=Role.choices, method="filter_role", empty_label="全部")
    is_active = django_filters.ChoiceFilter(label="状态", choices=ACTIVE_CHOICES, method="filter_active", empty_label="全部")

    class Meta:
        model = User
        fields = ["q", "organisation", "role", "is_active"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Username or full name contains the text."""
        return queryset.filter(Q(username__icontains=value) | Q(full_name__icontains=value)) if value else queryset

    def filter_active(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Enabled or disabled users."""
        return queryset.filter(is_active=value == "true") if value else queryset

    def filter_role(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Users holding the role."""
        return queryset.filter(role_grants__role=value) if value else queryset
