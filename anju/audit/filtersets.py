"""Filters of the audit pages."""

from __future__ import annotations

import django_filters
from auditlog.models import LogEntry
from django import forms

from anju.audit.events import AuditAction, AuditResult
from anju.audit.models import AuditEvent


class DateInput(forms.DateInput):
    """A browser date picker."""

    input_type = "date"


class AuditEventFilterSet(django_filters.FilterSet):
    """Date range, user, action, result and object type."""

    date_from = django_filters.DateFilter("occurred_at", lookup_expr="date__gte", label="起始日期", widget=DateInput)
    date_to = django_filters.DateFilter("occurred_at", lookup_expr="date__lte", label="截止日期", widget=DateInput)
    username = django_filters.CharFilter("username", lookup_expr="icontains", label="用户名")
    action = django_filters.ChoiceFilter(choices=AuditAction.choices, label="操作", empty_label="全部")
    result = django_filters.ChoiceFilter(choices=AuditResult.choices, label="结果", empty_label="全部")
    object_type = django_filters.CharFilter("object_type", lookup_expr="iexact", label="对象类型")

    class Meta:
        model = AuditEvent
        fields = ["date_from", "date_to", "username", "action", "result", "object_type"]


class ChangeFilterSet(django_filters.FilterSet):
    """Date range, actor, model and action of field changes."""

    date_from = django_filters.DateFilter("timestamp", lookup_expr="date__gte", label="起始日期", widget=DateInput)
    date_to = django_filters.DateFilter("timestamp", lookup_expr="date__lte", label="截止日期", widget=DateInput)
    actor = django_filters.CharFilter("actor__username", lookup_expr="icontains", label="操作人")
    model = django_filters.CharFilter("content_type__model", lookup_expr="iexact", label="对象类型")
    action = django_filters.ChoiceFilter(
        choices=[(0, "新增"), (1, "修改"), (2, "删除")], label="操作", empty_label="全部"
    )

    class Meta:
        model = LogEntry
        fields = ["date_from", "date_to", "actor", "model", "action"]
