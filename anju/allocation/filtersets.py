"""Filters of the 资源配置 lists and API (GET forms, Chinese labels)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from anju.allocation.choices import EntryDirection, PeriodType, PlanStatus, ResourceCategory
from anju.allocation.models import AllocationPlan, ProgramLedger, ProgramLedgerEntry, SupportLedger, SupportPlan
from anju.core.scoping import significant_prefix


def _text(placeholder: str = "") -> forms.TextInput:
    return forms.TextInput(attrs={"class": "form-control form-control-sm", "placeholder": placeholder})


def _select() -> forms.Select:
    return forms.Select(attrs={"class": "form-select form-select-sm"})


def _security_modes() -> list[tuple[str, str]]:
    from anju.core.selectors import dictionary_names

    return sorted(dictionary_names("security_mode", include_inactive=False).items())


def _programs(request: object) -> QuerySet:
    from anju.rules.models import Program
    from anju.rules.selectors import program_list

    user = getattr(request, "user", None)
    return program_list(user=user) if user is not None else Program.objects.none()


class RegionKeywordFilterSet(django_filters.FilterSet):
    """行政区划代码 subtree and 关键字 over `search_fields`."""

    region = django_filters.CharFilter(label="行政区划代码", method="filter_region", widget=_text("如 341602000000"))
    q = django_filters.CharFilter(label="关键字", method="filter_q", widget=_text("编号或名称"))
    search_fields: tuple[str, ...] = ("number",)

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Records in the subtree of a region code."""
        value = value.strip()
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(region_code__startswith=significant_prefix(value))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Any search field contains the keyword."""
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)


class PlanFilterSet(RegionKeywordFilterSet):
    """方案状态, 保障方式, 保障项目, 期别类型, 方案周期, 区划, 关键字."""

    status = django_filters.ChoiceFilter(
        label="方案状态", choices=PlanStatus.choices, empty_label="全部", widget=_select()
    )
    mode = django_filters.ChoiceFilter(label="保障方式", choices=_security_modes, empty_label="全部", widget=_select())
    program = django_filters.ModelChoiceFilter(
        label="保障项目", queryset=_programs, empty_label="全部", widget=_select()
    )
    period_type = django_filters.ChoiceFilter(
        label="期别类型", choices=PeriodType.choices, empty_label="全部", widget=_select()
    )
    period = django_filters.CharFilter(label="方案周期", lookup_expr="startswith", widget=_text("如 2026"))
    search_fields = ("number", "name")

    class Meta:
        model = AllocationPlan
        fields: list[str] = []


class SupportPlanFilterSet(RegionKeywordFilterSet):
    """方案状态, 期别类型, 方案周期, 区划, 关键字."""

    status = django_filters.ChoiceFilter(
        label="方案状态", choices=PlanStatus.choices, empty_label="全部", widget=_select()
    )
    period = django_filters.CharFilter(label="方案周期", lookup_expr="startswith", widget=_text("如 2026"))
    search_fields = ("number", "name")

    class Meta:
        model = SupportPlan
        fields: list[str] = []


class LedgerFilterSet(RegionKeywordFilterSet):
    """保障项目, 周期类型, 统计周期, 区划."""

    program = django_filters.ModelChoiceFilter(
        label="保障项目", queryset=_programs, empty_label="全部", widget=_select()
    )
    period_type = django_filters.ChoiceFilter(
        label="周期类型", choices=PeriodType.choices, empty_label="全部", widget=_select()
    )
    period = django_filters.CharFilter(label="统计周期", lookup_expr="startswith", widget=_text("如 2026-11"))

    class Meta:
        model = ProgramLedger
        fields: list[str] = []


class SupportLedgerFilterSet(RegionKeywordFilterSet):
    """周期类型, 上报周期, 区划."""

    period_type = django_filters.ChoiceFilter(
        label="周期类型", choices=PeriodType.choices, empty_label="全部", widget=_select()
    )
    period = django_filters.CharFilter(label="上报周期", lookup_expr="startswith", widget=_text("如 2026-11"))

    class Meta:
        model = SupportLedger
        fields: list[str] = []


class LedgerEntryFilterSet(RegionKeywordFilterSet):
    """保障项目, 收支类型, 资源类别, 来源业务, 接收日期区间, 区划, 关键字."""

    program = django_filters.ModelChoiceFilter(
        label="保障项目", queryset=_programs, empty_label="全部", widget=_select()
    )
    direction = django_filters.ChoiceFilter(
        label="收支类型", choices=EntryDirection.choices, empty_label="全部", widget=_select()
    )
    resource_category = django_filters.ChoiceFilter(
        label="资源类别", choices=ResourceCategory.choices, empty_label="全部", widget=_select()
    )
    source_type = django_filters.CharFilter(label="来源业务", widget=_text("如 handover"))
    received_from = django_filters.DateFilter(label="接收日期起", field_name="received_on", lookup_expr="gte",
                                              widget=forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}))  # fmt: skip
    received_to = django_filters.DateFilter(label="接收日期止", field_name="received_on", lookup_expr="lte",
                                            widget=forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}))  # fmt: skip
    search_fields = ("number", "batch_number", "note")

    class Meta:
        model = ProgramLedgerEntry
        fields: list[str] = []
