"""Filters of the core list pages and API lists (django-filter)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from anju.core.models import Dictionary, JobProgress, Region
from anju.core.models.jobs import JobStatus
from anju.core.models.regions import RegionLevel
from anju.core.scoping import significant_prefix


def _text(placeholder: str = "") -> forms.TextInput:
    return forms.TextInput(attrs={"class": "form-control form-control-sm", "placeholder": placeholder})


def _select() -> forms.Select:
    return forms.Select(attrs={"class": "form-select form-select-sm"})


class RegionFilterSet(django_filters.FilterSet):
    """级别, 上级区划, 区划范围 (code prefix), 名称."""

    level = django_filters.ChoiceFilter(label="级别", choices=RegionLevel.choices, empty_label="全部", widget=_select())
    parent = django_filters.CharFilter(label="上级区划代码", method="filter_parent", widget=_text("如 341602000000"))
    prefix = django_filters.CharFilter(label="区划范围", method="filter_prefix", widget=_text("代码前缀，如 3416"))
    name = django_filters.CharFilter(label="名称", field_name="name", lookup_expr="icontains", widget=_text("名称包含"))

    class Meta:
        model = Region
        fields: list[str] = []

    def filter_parent(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Direct children of a region (12-digit code, or its short form)."""
        return queryset.filter(parent_id=value.strip().ljust(12, "0"))

    def filter_prefix(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """The subtree under a code prefix (a full code is cut to its significant prefix)."""
        value = value.strip()
        if len(value) == 12:
            value = significant_prefix(value)
        return queryset.filter(code__startswith=value)


class RegionApiFilterSet(RegionFilterSet):
    """The API adds q: code or name contains."""

    q = django_filters.CharFilter(label="关键字", method="filter_q")

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Name contains, or code starts with, the keyword."""
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(code__startswith=value))


class DictionaryFilterSet(django_filters.FilterSet):
    """名称或标识, 依据标准."""

    q = django_filters.CharFilter(label="名称或标识", method="filter_q", widget=_text("如 性别 或 sex"))
    standard = django_filters.CharFilter(label="依据标准", field_name="standard", lookup_expr="icontains", widget=_text("如 GB/T"))

    class Meta:
        model = Dictionary
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Name or code contains the keyword."""
        return queryset.filter(Q(name__icontains=value) | Q(code__icontains=value))


class JobFilterSet(django_filters.FilterSet):
    """状态, 任务类别."""

    status = django_filters.ChoiceFilter(label="状态", choices=JobStatus.choices, empty_label="全部", widget=_select())
    kind = django_filters.CharFilter(label="任务类别", field_name="kind", widget=_text())

    class Meta:
        model = JobProgress
        fields: list[str] = []
