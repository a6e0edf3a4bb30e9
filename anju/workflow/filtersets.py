"""Filters of the instance monitor and the inbox (pages and API)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet

from anju.workflow.choices import InstanceState
from anju.workflow.models import ProcessInstance, ProcessTemplate, Task

YES_NO = [("1", "是"), ("0", "否")]


def template_code_choices() -> list[tuple[str, str]]:
    """One choice per process code (its latest name)."""
    seen: dict[str, str] = {}
    for code, name in ProcessTemplate.objects.order_by("code", "-version").values_list("code", "name"):
        seen.setdefault(code, name)
    return list(seen.items())


class _Styled(django_filters.FilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select form-select-sm" if isinstance(field.widget, forms.Select) else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)


class InstanceFilterSet(_Styled):
    """流程、区划、状态、超期、关键字."""

    q = django_filters.CharFilter(label="关键字", method="filter_q", help_text="实例编号或名称")
    template = django_filters.ChoiceFilter(label="流程", field_name="template__code", choices=template_code_choices, empty_label="全部流程")
    region = django_filters.CharFilter(label="行政区划代码", method="filter_region", help_text="代码前缀，如 341602")
    state = django_filters.ChoiceFilter(label="状态", choices=InstanceState.choices, empty_label="全部状态")
    overdue = django_filters.ChoiceFilter(label="超期", choices=YES_NO, method="filter_overdue", empty_label="全部")
    started_from = django_filters.DateFilter(
        label="启动日期起", field_name="started_at", lookup_expr="date__gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    started_to = django_filters.DateFilter(
        label="启动日期止", field_name="started_at", lookup_expr="date__lte", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = ProcessInstance
        fields = ["q", "template", "region", "state", "overdue", "started_from", "started_to"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Number or name contains the text."""
        return queryset.filter(number__icontains=value) | queryset.filter(name__icontains=value)

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Region code starts with the digits given."""
        return queryset.filter(region_code__startswith=value.strip())

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Has (or has not) an open task past its deadline (needs the `has_overdue` annotation)."""
        return queryset.filter(has_overdue=(value == "1"))


class TaskFilterSet(_Styled):
    """Inbox filters: process, overdue."""

    template = django_filters.ChoiceFilter(
        label="流程", field_name="instance__template__code", choices=template_code_choices, empty_label="全部流程"
    )
    overdue = django_filters.ChoiceFilter(label="超期", choices=YES_NO, method="filter_overdue", empty_label="全部")

    class Meta:
        model = Task
        fields = ["template", "overdue"]

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Past its deadline (or not)."""
        from django.utils import timezone

        if value == "1":
            return queryset.filter(deadline__lt=timezone.now())
        return queryset.exclude(deadline__lt=timezone.now())
