"""Filters of the 建设项目 lists and API (GET forms, Chinese labels)."""

from __future__ import annotations

from functools import partial
from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from anju.core.scoping import significant_prefix
from anju.housing.choices import (
    BuildingStatus,
    CertificateType,
    HousingKind,
    Layout,
    ParticipantCategory,
    ProgressKind,
    UnitState,
)
from anju.housing.dictionaries import code_choices
from anju.housing.models import (
    Building,
    Certificate,
    ConstructionContract,
    Handover,
    LandReserve,
    Participant,
    ParticipantPerson,
    ProgressLog,
    Project,
    ResettlementContract,
    Unit,
)


class RegionScopedFilterSet(django_filters.FilterSet):
    """A region code filter (district/street subtree) and a keyword filter over `search_fields`."""

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


DELETED_CHOICES = (("0", "有效"), ("1", "已删除"), ("all", "全部"))


def include_deleted(params: Any) -> bool:
    """Whether a list asked for deleted records too (?deleted=1 or ?deleted=all)."""
    return (params.get("deleted") or "") in ("1", "all")


class DeletableFilterSet(RegionScopedFilterSet):
    """A list of recoverable records: 有效 by default, 已删除 to find one to restore, or 全部.

    The selector is called with include_deleted=include_deleted(params); this filter narrows it.
    """

    deleted = django_filters.ChoiceFilter(label="记录状态", choices=DELETED_CHOICES, method="filter_deleted", empty_label="有效")

    def filter_deleted(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """0 = live, 1 = deleted, all = both."""
        if value == "all":
            return queryset
        return queryset.filter(is_deleted=value == "1")


PROJECT_STAGES = (("reserve", "储备（未立项）"), ("approved", "已立项未开工"), ("building", "在建"), ("completed", "已竣工"))


class ProjectFilterSet(RegionScopedFilterSet):
    """建设项目 filters; 阶段 separates the project reserve library (未立项) from approved and built projects."""

    stage = django_filters.ChoiceFilter(label="阶段", choices=PROJECT_STAGES, method="filter_stage")
    category = django_filters.ChoiceFilter(label="项目类别", choices=HousingKind.choices)
    year = django_filters.NumberFilter(label="年度")
    search_fields = ("number", "proposed_name", "approved_name", "address")

    def filter_stage(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """储备 = no 立项名称 yet; then by actual start and completion (derived from the logs)."""
        conditions = {
            "reserve": Q(approved_name="", actual_start__isnull=True),
            "approved": ~Q(approved_name="") & Q(actual_start__isnull=True),
            "building": Q(actual_start__isnull=False, actual_completion__isnull=True),
            "completed": Q(actual_completion__isnull=False),
        }
        return queryset.filter(conditions[value])

    class Meta:
        model = Project
        fields: list[str] = []


class BuildingFilterSet(RegionScopedFilterSet):
    """单体工程 filters."""

    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    status = django_filters.ChoiceFilter(label="建设状态", choices=BuildingStatus.choices)
    search_fields = ("number", "name", "project__proposed_name")

    class Meta:
        model = Building
        fields: list[str] = []


class UnitFilterSet(RegionScopedFilterSet):
    """住房 filters: project, building, state, layout, area range."""

    project = django_filters.NumberFilter(label="项目ID", field_name="building__project_id")
    building = django_filters.NumberFilter(label="楼栋ID", field_name="building_id")
    state = django_filters.ChoiceFilter(label="住房状态", choices=UnitState.choices)
    layout = django_filters.ChoiceFilter(label="户型", choices=Layout.choices)
    housing_kind = django_filters.ChoiceFilter(label="规划建设房屋分类", choices=HousingKind.choices)
    area_min = django_filters.NumberFilter(label="建筑面积不小于", field_name="floor_area", lookup_expr="gte")
    area_max = django_filters.NumberFilter(label="建筑面积不大于", field_name="floor_area", lookup_expr="lte")
    search_fields = ("number", "room_number", "building__name")

    class Meta:
        model = Unit
        fields: list[str] = []


class LandReserveFilterSet(DeletableFilterSet):
    """土地储备 filters."""

    planned_use = django_filters.ChoiceFilter(label="规划用途", choices=HousingKind.choices)
    plan_year = django_filters.NumberFilter(label="计划年度")
    search_fields = ("plot_number", "parcel_name", "location")

    class Meta:
        model = LandReserve
        fields: list[str] = []


class ParticipantFilterSet(DeletableFilterSet):
    """参与单位 filters."""

    category = django_filters.ChoiceFilter(label="参与单位分类", choices=ParticipantCategory.choices)
    search_fields = ("number", "name", "id_number")

    class Meta:
        model = Participant
        fields: list[str] = []


class CertificateFilterSet(DeletableFilterSet):
    """审批证件 filters."""

    name = django_filters.ChoiceFilter(label="证书名称", choices=CertificateType.choices)
    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("number", "project__proposed_name")

    class Meta:
        model = Certificate
        fields: list[str] = []


class ConstructionContractFilterSet(DeletableFilterSet):
    """施工合同 filters."""

    category = django_filters.ChoiceFilter(label="合同类别", choices=partial(code_choices, "housing_contract_category"))
    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("record_number", "contract_number", "name")

    class Meta:
        model = ConstructionContract
        fields: list[str] = []


class ResettlementContractFilterSet(DeletableFilterSet):
    """拆迁安置合同 filters."""

    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("record_number", "contract_number", "displaced_person")

    class Meta:
        model = ResettlementContract
        fields: list[str] = []


class ProgressLogFilterSet(DeletableFilterSet):
    """进度日志 filters (revoked entries with 记录状态 = 已撤销)."""

    deleted = django_filters.ChoiceFilter(label="记录状态", choices=(("0", "有效"), ("1", "已撤销"), ("all", "全部")),
                                          method="filter_deleted", empty_label="有效")

    kind = django_filters.ChoiceFilter(label="日志类别", choices=ProgressKind.choices)
    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    recorded_from = django_filters.DateFilter(label="记录日期起", field_name="recorded_on", lookup_expr="gte")
    recorded_to = django_filters.DateFilter(label="记录日期止", field_name="recorded_on", lookup_expr="lte")

    class Meta:
        model = ProgressLog
        fields: list[str] = []


class HandoverFilterSet(RegionScopedFilterSet):
    """竣工移交 filters."""

    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("batch_number", "handed_over_by")

    class Meta:
        model = Handover
        fields: list[str] = []




class PersonFilterSet(DeletableFilterSet):
    """项目参与人员 filters: organisation, category, qualification expiry, the exact ID number (blind index) and a keyword."""

    participant = django_filters.NumberFilter(label="所属单位ID", field_name="participant_id")
    category = django_filters.ChoiceFilter(label="人员分类", choices=partial(code_choices, "housing_person_category"))
    qualification_end_before = django_filters.DateFilter(label="资格终止日期不晚于", field_name="qualification_end", lookup_expr="lte")
    id_number = django_filters.CharFilter(label="证件号码（完整）", method="filter_id_number")
    search_fields = ("number", "name", "participant__name", "qualification_name", "qualification_number")

    def filter_id_number(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Exact match through the blind index (the number itself is stored encrypted)."""
        from anju.core.fields import blind_index
        from anju.core.validators import normalize_resident_id

        candidates = {value.strip(), normalize_resident_id(value.strip())}  # as typed, or a resident ID normalised
        return queryset.filter(id_number_index__in=[blind_index(v, purpose="housing_person_id") for v in candidates])

    class Meta:
        model = ParticipantPerson
        fields: list[str] = []
