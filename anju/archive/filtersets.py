"""Filters of the archive list page and API."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from anju.archive.choices import Stage
from anju.archive.models import ArchiveFile
from anju.archive.selectors import file_type_choices, owner_type_choices

STATUS_CHOICES = [("active", "正常"), ("deleted", "已删除"), ("all", "全部")]


class ArchiveFileFilterSet(django_filters.FilterSet):
    """类型、阶段、上传人、上传日期、所属记录类型、状态、关键字."""

    q = django_filters.CharFilter(label="关键字", method="filter_q", help_text="档案编号、名称或文件名")
    file_type = django_filters.ChoiceFilter(label="档案类型", choices=file_type_choices, empty_label="全部类型")
    stage = django_filters.ChoiceFilter(label="办理阶段", choices=Stage.choices, empty_label="全部阶段")
    owner_type = django_filters.ChoiceFilter(
        label="所属记录类型", field_name="content_type", choices=owner_type_choices, empty_label="全部记录类型"
    )
    uploader = django_filters.CharFilter(label="上传人", method="filter_uploader")
    uploaded_from = django_filters.DateFilter(
        label="上传日期起", field_name="uploaded_at", lookup_expr="date__gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    uploaded_to = django_filters.DateFilter(
        label="上传日期止", field_name="uploaded_at", lookup_expr="date__lte", widget=forms.DateInput(attrs={"type": "date"})
    )
    status = django_filters.ChoiceFilter(label="状态", choices=STATUS_CHOICES, method="filter_status", empty_label="正常")

    class Meta:
        model = ArchiveFile
        fields = ["q", "file_type", "stage", "owner_type", "uploader", "uploaded_from", "uploaded_to", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select form-select-sm" if isinstance(field.widget, forms.Select) else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Number, title or original file name contains the text."""
        return queryset.filter(Q(number__icontains=value) | Q(title__icontains=value) | Q(original_name__icontains=value))

    def filter_uploader(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Uploader's name or user name contains the text."""
        return queryset.filter(Q(uploaded_by__full_name__icontains=value) | Q(uploaded_by__username__icontains=value))

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """正常 (default), 已删除 or 全部; the queryset given includes deleted files."""
        if value == "deleted":
            return queryset.filter(is_deleted=True)
        if value == "all":
            return queryset
        return queryset.filter(is_deleted=False)
