"""Filters of the 建设项目 lists and API (GET forms, Chinese labels)."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from anju.core.scoping import significant_prefix
from anju.housing.choices import (
    BuildingStatus,
    CertificateType,
    ContractCategory,
    HousingKind,
    Layout,
    ParticipantCategory,
    ProgressKind,
    UnitState,
)
from anju.housing.models import (
    Building,
    Certificate,
    ConstructionContract,
    Handover,
    LandReserve,
    Participant,
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


class LandReserveFilterSet(RegionScopedFilterSet):
    """土地储备 filters."""

    planned_use = django_filters.ChoiceFilter(label="规划用途", choices=HousingKind.choices)
    plan_year = django_filters.NumberFilter(label="计划年度")
    search_fields = ("plot_number", "parcel_name", "location")

    class Meta:
        model = LandReserve
        fields: list[str] = []


class ParticipantFilterSet(RegionScopedFilterSet):
    """参与单位 filters."""

    category = django_filters.ChoiceFilter(label="参与单位分类", choices=ParticipantCategory.choices)
    search_fields = ("number", "name", "id_number")

    class Meta:
        model = Participant
        fields: list[str] = []


class CertificateFilterSet(RegionScopedFilterSet):
    """审批证件 filters."""

    name = django_filters.ChoiceFilter(label="证书名称", choices=CertificateType.choices)
    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("number", "project__proposed_name")

    class Meta:
        model = Certificate
        fields: list[str] = []


class ConstructionContractFilterSet(RegionScopedFilterSet):
    """施工合同 filters."""

    category = django_filters.ChoiceFilter(label="合同类别", choices=ContractCategory.choices)
    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("record_number", "contract_number", "name")

    class Meta:
        model = ConstructionContract
        fields: list[str] = []


class ResettlementContractFilterSet(RegionScopedFilterSet):
    """拆迁安置合同 filters."""

    project = django_filters.NumberFilter(label="项目ID", field_name="project_id")
    search_fields = ("record_number", "contract_number", "displaced_person")

    class Meta:
        model = ResettlementContract
        fields: list[str] = []


class ProgressLogFilterSet(RegionScopedFilterSet):
    """进度日志 filters."""

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


