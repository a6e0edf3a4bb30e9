"""Filters of the household list (GET form, Chinese labels)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application
from anju.core.fields import blind_index
from anju.core.models import Region
from anju.core.scoping import jurisdiction_prefix, significant_prefix
from anju.core.validators import normalize_resident_id


def _visible_regions(request: Any) -> QuerySet[Region]:
    """Districts, streets and communities inside the reader's jurisdiction."""
    prefix = jurisdiction_prefix(getattr(request, "user", None)) if request else None
    regions = Region.objects.filter(level__gte=3).order_by("code")
    if prefix is None:
        return regions.none()
    return regions.filter(code__startswith=prefix) if prefix else regions


class RegionChoiceField(forms.ModelChoiceField):
    """Regions shown with their level, e.g. 谯城区（县级）."""

    def label_from_instance(self, obj: Region) -> str:
        """Name and level."""
        return f"{obj.name}（{obj.get_level_display()}）"


class RegionFilter(django_filters.ModelChoiceFilter):
    """A region filter showing levels."""

    field_class = RegionChoiceField


class HouseholdFilterSet(django_filters.FilterSet):
    """Filters: region subtree, 办理阶段, submitted dates, exact ID number, applicant name."""

    region = RegionFilter(
        label="区县/街道/社区", queryset=_visible_regions, method="filter_region", empty_label="全部"
    )
    status = django_filters.ChoiceFilter(label="办理阶段", choices=ApplicationStatus.choices, empty_label="全部")
    submitted_from = django_filters.DateFilter(
        label="提交日期自", field_name="submitted_at", lookup_expr="date__gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    submitted_to = django_filters.DateFilter(
        label="至", field_name="submitted_at", lookup_expr="date__lte", widget=forms.DateInput(attrs={"type": "date"})
    )
    id_number = django_filters.CharFilter(label="证件号码（精确）", method="filter_id_number")
    applicant_name = django_filters.CharFilter(label="申请人姓名", lookup_expr="icontains")

    class Meta:
        model = Application
        fields = ["region", "status", "submitted_from", "submitted_to", "id_number", "applicant_name"]

    def filter_region(self, queryset: QuerySet, name: str, value: Region | None) -> QuerySet:
        """Applications in the region's subtree."""
        return queryset.filter(region_code__startswith=significant_prefix(value.code)) if value else queryset

    def filter_id_number(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Exact match of the applicant's or any member's ID number, through the blind index."""
        if not value:
            return queryset
        index = blind_index(normalize_resident_id(value), purpose="id_number")
        return queryset.filter(members__id_number_index=index).distinct()
