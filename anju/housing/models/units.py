"""单体工程 (A.5.2), 住房 (A.5.3) and the log of unit state changes."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from anju.core.models import RegionScopedModel
from anju.housing.choices import (
    BuildingCategory,
    BuildingStatus,
    HousingKind,
    Layout,
    UnitSource,
    UnitState,
)
from anju.housing.models.base import AREA, area_field, choice_field, code_field, count_field, text_field


class HandoverFieldsMixin:
    """移交批次编号, 是否已移交, 移交时间, 移交人 read from the record's handover batch."""

    @property
    def handover_batch_number(self) -> str:
        """移交批次编号."""
        return self.handover.batch_number if self.handover_id else ""

    @property
    def is_handed_over(self) -> bool:
        """是否已移交."""
        return self.handover_id is not None

    @property
    def handed_over_on(self) -> date | None:
        """移交时间."""
        return self.handover.handed_over_on if self.handover_id else None

    @property
    def handed_over_by(self) -> str:
        """移交人."""
        return self.handover.handed_over_by if self.handover_id else ""


class Building(HandoverFieldsMixin, RegionScopedModel):
    """单体工程信息 (A.5.2): one building of a project; region_code is the project's."""

    project = models.ForeignKey("housing.Project", verbose_name="所属项目", on_delete=models.PROTECT, related_name="buildings")
    number = models.CharField("单体工程编号", max_length=48, unique=True)
    category = models.CharField("单体工程类别", max_length=24, choices=BuildingCategory.choices, default=BuildingCategory.RESIDENTIAL)
    name = models.CharField("单体工程名称", max_length=100)
    road = text_field("路街巷", 100)
    compound_number = text_field("小区/院门牌号", 50)
    building_label = text_field("楼号", 20)
    block_label = text_field("幢号", 20)
    floor_area = area_field("建筑面积")
    structure = code_field("建筑结构", "housing_building_structure")
    floors_total = models.PositiveSmallIntegerField("总层数", default=1)
    floors_above = models.PositiveSmallIntegerField("地上层数", default=1)
    floors_below = models.PositiveSmallIntegerField("地下层数", default=0)
    area_above = area_field("地上面积")
    area_below = area_field("地下面积")
    shared_land_area = area_field("共有土地使用权面积")
    residential_units = count_field("住宅套数")
    residential_area = area_field("住宅面积")
    units_per_floor = models.PositiveSmallIntegerField("每层户数", default=0, help_text="楼盘表排布用，0 表示按住房数据推算。")
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    # ---- set by progress logs (progress_log_create), never typed ----
    status = models.CharField(
        "建设状态", max_length=24, choices=BuildingStatus.choices, default=BuildingStatus.PLANNED, editable=False
    )
    actual_start = models.DateField("实际开工日期", null=True, blank=True, editable=False)
    actual_completion = models.DateField("实际竣工日期", null=True, blank=True, editable=False)
    handover = models.ForeignKey(
        "housing.Handover", verbose_name="移交批次", null=True, blank=True, on_delete=models.PROTECT,
        related_name="buildings", editable=False,
    )

    class Meta:
        verbose_name = "单体工程"
        verbose_name_plural = "单体工程"
        ordering = ["project", "number"]

    def __str__(self) -> str:
        return f"{self.project.name} {self.name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:building_detail", args=[self.pk])

    def clean(self) -> None:
        """总层数 = 地上层数 + 地下层数."""
        if self.floors_total != self.floors_above + self.floors_below:
            raise ValidationError({"floors_total": ["总层数应等于地上层数与地下层数之和。"]})

    @property
    def project_number(self) -> str:
        """所属项目编号."""
        return self.project.number


class Unit(HandoverFieldsMixin, RegionScopedModel):
    """住房信息 (A.5.3): one dwelling (套). `state` moves only through `unit_state_transition`."""

    building = models.ForeignKey(Building, verbose_name="所属单体工程", on_delete=models.PROTECT, related_name="units")
    number = models.CharField("房屋编号", max_length=64, unique=True)
    source = code_field("房屋来源", "housing_unit_source", blank=False, default=UnitSource.NEW)
    initial_nature = models.CharField("初始房屋性质", max_length=24, choices=HousingKind.choices)
    housing_kind = models.CharField("规划建设房屋分类", max_length=24, choices=HousingKind.choices)
    floor_from = models.SmallIntegerField("所在起始层")
    floor_to = models.SmallIntegerField("所在终止层")
    nominal_floor = text_field("名义楼层", 10)
    entrance = text_field("单元", 10)
    room_number = models.CharField("房号", max_length=20)
    floor_area = models.DecimalField("建筑面积", **AREA)
    inner_area = area_field("套内建筑面积")
    shared_area = area_field("共用分摊面积")
    balcony_area = area_field("阳台面积")
    orientation = code_field("朝向", "housing_orientation")
    room_count = models.PositiveSmallIntegerField("间数", default=1)
    layout = choice_field("户型", Layout.choices)
    shared_facilities = text_field("共有或共用设施及部位", 200)
    storey_height = models.DecimalField("层高", max_digits=4, decimal_places=2, null=True, blank=True)
    decoration = code_field("建成时装修程度", "housing_decoration")
    is_registered = models.BooleanField("是否已登记", default=False)
    handover = models.ForeignKey(
        "housing.Handover", verbose_name="移交批次", null=True, blank=True, on_delete=models.PROTECT,
        related_name="units", editable=False,
    )
    state = models.CharField(
        "住房状态", max_length=16, choices=UnitState.choices, default=UnitState.UNDELIVERED, db_index=True, editable=False
    )
    state_changed_at = models.DateTimeField("状态变更时间", null=True, blank=True, editable=False)
    import_batch = models.CharField("导入批次", max_length=40, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = "住房"
        verbose_name_plural = "住房"
        ordering = ["building", "floor_from", "entrance", "room_number"]
        constraints = [
            models.UniqueConstraint(fields=["building", "entrance", "room_number"], name="housing_unit_unique_room"),
            models.CheckConstraint(condition=models.Q(floor_to__gte=models.F("floor_from")), name="housing_unit_floor_range"),
        ]
        indexes = [models.Index(fields=["region_code", "state"], name="housing_unit_region_state")]

    def __str__(self) -> str:
        return f"{self.building.name} {self.entrance}单元 {self.room_number}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:unit_detail", args=[self.pk])

    def clean(self) -> None:
        """Floors inside the building, areas that add up (see `unit_problems`)."""
        from anju.housing.validation import unit_problems

        problems = unit_problems(self, self.building if self.building_id else None)
        if problems:
            errors: dict[str, list] = {}
            for field, message in problems:
                errors.setdefault(field, []).append(message)
            raise ValidationError(errors)

    @property
    def building_number(self) -> str:
        """所属单体工程编号."""
        return self.building.number


class UnitStateChange(models.Model):
    """住房状态变更记录: one move made by `unit_state_transition` (who, when, why, which service)."""

    unit = models.ForeignKey(Unit, verbose_name="住房", on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField("原状态", max_length=16, choices=UnitState.choices)
    to_state = models.CharField("新状态", max_length=16, choices=UnitState.choices)
    reason = models.CharField("原因", max_length=200)
    source = models.CharField("来源业务", max_length=40, help_text="发起变更的业务，如 handover、allocation、tenancy。")
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField("变更时间", auto_now_add=True)

    class Meta:
        verbose_name = "住房状态变更"
        verbose_name_plural = "住房状态变更"
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.from_state} → {self.to_state}"


