"""Filters of the 监督管理 lists and API (GET forms, Chinese labels)."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone

from anju.core.fields import blind_index
from anju.core.forms import DictionaryChoiceField
from anju.core.scoping import significant_prefix
from anju.core.validators import normalize_resident_id
from anju.supervision.choices import (
    ComplaintKind,
    ComplaintStatus,
    CreditGround,
    CreditState,
    InspectionResult,
    SanctionKind,
    SubjectKind,
)
from anju.supervision.models import (
    AssessmentBulletin,
    AssessmentResult,
    Complaint,
    CreditRecord,
    Inspection,
    StaffAssessment,
    StaffSanction,
    StaffSanctionKind,
    SupplierSanction,
    UnitAssessment,
)

IN_FORCE_CHOICES = (("1", "惩戒期内"), ("0", "惩戒期满"))


class DictionaryFilter(django_filters.ChoiceFilter):
    """An exact filter over a code table's items."""

    field_class = DictionaryChoiceField

    def __init__(self, *args, dictionary: str, **kwargs) -> None:
        kwargs["dictionary"] = dictionary
        super().__init__(*args, **kwargs)


class RegionScopedFilterSet(django_filters.FilterSet):
    """A region code filter (subtree) and a keyword filter over `search_fields`."""

    region = django_filters.CharFilter(label="行政区划代码", method="filter_region")
    q = django_filters.CharFilter(label="关键字", method="filter_q")
    search_fields: tuple[str, ...] = ()

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Records in the subtree of a region code."""
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(region_code__startswith=significant_prefix(value))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Any of the search fields contains the keyword."""
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)


class CreditRecordFilterSet(RegionScopedFilterSet):
    """信用档案: by kind, level, ground, state, in force, listing date, person ID, keyword."""

    subject_kind = django_filters.ChoiceFilter(label="对象类别", choices=SubjectKind.choices, empty_label="全部")
    level = DictionaryFilter(label="失信程度", dictionary="credit_level")
    ground = django_filters.ChoiceFilter(label="失信行为类别", choices=CreditGround.choices, empty_label="全部")
    state = django_filters.ChoiceFilter(label="信用状态", choices=CreditState.choices, empty_label="全部")
    in_force = django_filters.ChoiceFilter(
        label="惩戒期", choices=IN_FORCE_CHOICES, method="filter_in_force", empty_label="全部"
    )
    listed_from = django_filters.DateFilter(label="列入日期起", field_name="listed_on", lookup_expr="gte")
    listed_to = django_filters.DateFilter(label="列入日期止", field_name="listed_on", lookup_expr="lte")
    id_number = django_filters.CharFilter(label="身份证号码", method="filter_id_number")
    search_fields = ("number", "subject_number", "subject_name", "credit_code", "fact")

    class Meta:
        model = CreditRecord
        fields: list[str] = []

    def filter_in_force(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """1: active and the ban not over; 0: the rest."""
        today = timezone.localdate()
        in_force = Q(state=CreditState.ACTIVE, ban_until__gte=today)
        return queryset.filter(in_force) if value == "1" else queryset.exclude(in_force)

    def filter_id_number(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Exact match through the blind index (the column is encrypted)."""
        return queryset.filter(id_number_index=blind_index(normalize_resident_id(value), purpose="id_number"))


class ComplaintFilterSet(RegionScopedFilterSet):
    """投诉咨询: by kind, status, channel, date, keyword."""

    kind = django_filters.ChoiceFilter(label="类别", choices=ComplaintKind.choices, empty_label="全部")
    status = django_filters.ChoiceFilter(label="办理状态", choices=ComplaintStatus.choices, empty_label="全部")
    channel = DictionaryFilter(label="投诉方式", dictionary="complaint_channel")
    submitted_from = django_filters.DateFilter(label="投诉日期起", field_name="submitted_at", lookup_expr="date__gte")
    submitted_to = django_filters.DateFilter(label="投诉日期止", field_name="submitted_at", lookup_expr="date__lte")
    search_fields = ("number", "title", "content", "contact_name", "target_number", "target_name")

    class Meta:
        model = Complaint
        fields: list[str] = []


class InspectionFilterSet(RegionScopedFilterSet):
    """专项检查."""

    result_kind = django_filters.ChoiceFilter(label="检查结论", choices=InspectionResult.choices, empty_label="全部")
    inspected_from = django_filters.DateFilter(label="检查日期起", field_name="inspected_on", lookup_expr="gte")
    inspected_to = django_filters.DateFilter(label="检查日期止", field_name="inspected_on", lookup_expr="lte")
    search_fields = ("number", "target", "content", "department", "leader")

    class Meta:
        model = Inspection
        fields: list[str] = []


class SanctionFilterSet(RegionScopedFilterSet):
    """支持对象行政奖罚."""

    kind = django_filters.ChoiceFilter(label="奖罚类别", choices=SanctionKind.choices, empty_label="全部")
    decided_from = django_filters.DateFilter(label="奖罚日期起", field_name="decided_on", lookup_expr="gte")
    decided_to = django_filters.DateFilter(label="奖罚日期止", field_name="decided_on", lookup_expr="lte")
    search_fields = ("number", "supplier_number", "supplier_name", "reason")

    class Meta:
        model = SupplierSanction
        fields: list[str] = []


DELETED_CHOICES = (("1", "已删除"),)


class AssessmentFilterSet(RegionScopedFilterSet):
    """Shared by the 考核 lists: 显示已删除 (the list view reads it), result, date range."""

    deleted = django_filters.ChoiceFilter(
        label="记录状态", choices=DELETED_CHOICES, empty_label="正常", method="filter_deleted"
    )
    date_field = ""

    def filter_deleted(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """The list view already chose deleted or live records."""
        return queryset


class UnitAssessmentFilterSet(AssessmentFilterSet):
    """住房保障工作规范化考核."""

    result = django_filters.ChoiceFilter(label="考核结果", choices=AssessmentResult.choices, empty_label="全部")
    assessed_from = django_filters.DateFilter(label="考核日期起", field_name="assessed_on", lookup_expr="gte")
    assessed_to = django_filters.DateFilter(label="考核日期止", field_name="assessed_on", lookup_expr="lte")
    search_fields = ("number", "unit_number", "unit_name", "department", "assessor")

    class Meta:
        model = UnitAssessment
        fields: list[str] = []


class AssessmentBulletinFilterSet(AssessmentFilterSet):
    """考核结果通报和备案."""

    result = django_filters.ChoiceFilter(label="考核结果", choices=AssessmentResult.choices, empty_label="全部")
    notified_from = django_filters.DateFilter(label="通报日期起", field_name="notified_on", lookup_expr="gte")
    notified_to = django_filters.DateFilter(label="通报日期止", field_name="notified_on", lookup_expr="lte")
    search_fields = ("number", "unit_number", "unit_name", "assessment__number")

    class Meta:
        model = AssessmentBulletin
        fields: list[str] = []


class StaffAssessmentFilterSet(AssessmentFilterSet):
    """行政机关工作人员考核评价 (the name is encrypted: search by 工作人员编号)."""

    assessed_from = django_filters.DateFilter(label="考核日期起", field_name="assessed_on", lookup_expr="gte")
    assessed_to = django_filters.DateFilter(label="考核日期止", field_name="assessed_on", lookup_expr="lte")
    search_fields = ("number", "staff_number", "department", "leader", "assessor")

    class Meta:
        model = StaffAssessment
        fields: list[str] = []


class StaffSanctionFilterSet(AssessmentFilterSet):
    """行政机关工作人员行政奖罚及通报."""

    kind = django_filters.ChoiceFilter(label="奖罚类别", choices=StaffSanctionKind.choices, empty_label="全部")
    result = django_filters.ChoiceFilter(label="考核结果", choices=AssessmentResult.choices, empty_label="全部")
    decided_from = django_filters.DateFilter(label="奖罚日期起", field_name="decided_on", lookup_expr="gte")
    decided_to = django_filters.DateFilter(label="奖罚日期止", field_name="decided_on", lookup_expr="lte")
    search_fields = ("number", "staff_number", "reason")

    class Meta:
        model = StaffSanction
        fields: list[str] = []
