"""土地储备 (A.5.11), 建设项目 (A.5.1), 项目进度日志 (A.5.6) and 竣工移交 batches."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse

from anju.core.models import RegionScopedModel
from anju.housing.choices import (
    BuildingStatus,
    HousingKind,
    ProgressKind,
)
from anju.housing.models.base import (
    DeletableRecord,
    area_field,
    choice_field,
    code_field,
    count_field,
    money_field,
    text_field,
)


class LandReserve(DeletableRecord, RegionScopedModel):
    """土地储备交换信息 (A.5.11): a reserved plot by housing kind, from the annual plan."""

    plot_number = models.CharField("地块编号", max_length=40, unique=True)
    parcel_name = models.CharField("宗地名称", max_length=100)
    location = text_field("宗地位置", 200)
    land_area = area_field("土地面积")
    construction_land_area = area_field("建设用地面积")
    collateral_land_area = area_field("代征地面积")
    planned_floor_area = area_field("规划建筑面积")
    planned_use = models.CharField("规划用途", max_length=24, choices=HousingKind.choices)
    development_level = code_field("开发程度", "housing_land_development")
    reserved_on = models.DateField("储备时间", null=True, blank=True)
    plan_year = models.PositiveSmallIntegerField("计划年度", db_index=True)
    plan_reference = text_field("年度计划文号", 60)

    class Meta:
        verbose_name = "土地储备"
        verbose_name_plural = "土地储备"
        ordering = ["-plan_year", "plot_number"]

    def __str__(self) -> str:
        return f"{self.plot_number} {self.parcel_name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:land_reserve_detail", args=[self.pk])


class Project(RegionScopedModel):
    """项目交换信息 (A.5.1): a construction project; region_code is its district or street.

    The progress, investment, demolition/resettlement and land-supply figures marked
    "derived" are recomputed from the progress logs (A.5.6) and buildings by
    `project_figures_refresh`; forms never offer them.
    """

    number = models.CharField("项目编号", max_length=40, unique=True)
    proposed_name = models.CharField("项目提出名称", max_length=200)
    approved_name = text_field("项目立项名称", 200)
    category = models.CharField("项目类别", max_length=24, choices=HousingKind.choices)
    construction_mode = code_field("建设方式", "housing_construction_mode", blank=False)
    planning_location = code_field("规划区位", "housing_planning_location")
    shantytown_owner_category = code_field("棚户区区片原归属单位类别", "housing_owner_category")
    shantytown_owner_name = text_field("棚户区区片原归属单位名称", 200)
    developer_name = text_field("开发建设单位", 200)
    developer = models.ForeignKey(
        "housing.Participant", verbose_name="开发建设单位（登记）", null=True, blank=True,
        on_delete=models.PROTECT, related_name="developed_projects",
    )
    address = text_field("项目地址", 200)
    boundaries = text_field("四至范围", 300)
    land_area = area_field("占地面积")
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    planned_start = models.DateField("计划开工时间", null=True, blank=True)
    planned_completion = models.DateField("计划竣工时间", null=True, blank=True)
    # 规划计划
    year = models.PositiveSmallIntegerField("年度", db_index=True)
    plan_start = models.DateField("规划起始时间", null=True, blank=True)
    plan_end = models.DateField("规划终止时间", null=True, blank=True)
    plan_period_category = code_field("规划计划年度类别", "housing_plan_period")
    plan_number = text_field("规划编号", 60)
    planned_floor_area = area_field("规划建设房屋建筑面积")
    planned_residential_area = area_field("规划建设住宅建筑面积")
    planned_residential_units = count_field("规划建设住宅套数")
    planned_housing_kind = choice_field("规划建设房屋类型", HousingKind.choices)
    # 投资（计划）
    total_investment = money_field("建设总投资（万元）")
    residential_investment = money_field("住宅总投资（万元）")
    fund_source = code_field("资金来源渠道类别", "housing_fund_source")
    investment_composition = code_field("投资构成类别", "housing_investment_composition")
    # 拆迁安置（计划总量）
    income_class = code_field("收入层次类别", "housing_income_class")
    security_mode = code_field("保障方式类别", "housing_security_mode")
    demolition_households_total = count_field("拆迁居民总户数")
    demolition_floor_area_total = area_field("拆迁房屋总面积")
    demolition_residential_area_total = area_field("拆迁住宅总面积")
    demolition_residential_units_total = count_field("拆迁住宅总套数")
    resettlement_households_total = count_field("安置居民总户数")
    compensation_mode = code_field("安置补偿方式类别", "housing_compensation_mode")
    resettlement_floor_area_total = area_field("安置房屋总面积")
    resettlement_residential_area_total = area_field("安置住宅总面积")
    resettlement_residential_units_total = count_field("安置住宅总套数")
    # 土地供应（计划）
    land_supply_total = area_field("供地总面积")
    land_acquisition_mode = code_field("土地取得方式", "housing_land_acquisition")
    # ---- derived from buildings and progress logs (project_figures_refresh) ----
    actual_start = models.DateField("实际开工时间", null=True, blank=True, editable=False)
    actual_completion = models.DateField("实际竣工时间", null=True, blank=True, editable=False)
    floor_area_started = area_field("房屋已开工面积", editable=False)
    floor_area_completed = area_field("房屋已竣工面积", editable=False)
    floor_area_suspended = area_field("房屋已停工面积", editable=False)
    floor_area_in_progress = area_field("房屋在建面积", editable=False)
    floor_area_started_year = area_field("房屋年度新开工面积", editable=False)
    floor_area_completed_year = area_field("房屋年度竣工面积", editable=False)
    residential_area_started = area_field("住宅已开工面积", editable=False)
    residential_area_completed = area_field("住宅已竣工面积", editable=False)
    residential_area_suspended = area_field("住宅已停工面积", editable=False)
    residential_area_in_progress = area_field("住宅在建面积", editable=False)
    residential_area_started_year = area_field("住宅年度新开工面积", editable=False)
    residential_area_completed_year = area_field("住宅年度竣工面积", editable=False)
    amenity_area_started = area_field("配套公建已开工面积", editable=False)
    amenity_area_completed = area_field("配套公建已竣工面积", editable=False)
    amenity_area_suspended = area_field("配套公建已停工面积", editable=False)
    amenity_area_in_progress = area_field("配套公建在建面积", editable=False)
    amenity_area_started_year = area_field("配套公建年度新开工面积", editable=False)
    amenity_area_completed_year = area_field("配套公建年度竣工面积", editable=False)
    residential_units_started = count_field("住宅已开工套数", editable=False)
    residential_units_completed = count_field("住宅已竣工套数", editable=False)
    residential_units_suspended = count_field("住宅已停工套数", editable=False)
    residential_units_in_progress = count_field("住宅在建套数", editable=False)
    residential_units_started_year = count_field("住宅年度新开工套数", editable=False)
    residential_units_completed_year = count_field("住宅年度竣工套数", editable=False)
    amenity_units_started = count_field("配套公建已开工套数", editable=False)
    amenity_units_completed = count_field("配套公建已竣工套数", editable=False)
    amenity_units_suspended = count_field("配套公建已停工套数", editable=False)
    amenity_units_in_progress = count_field("配套公建在建套数", editable=False)
    amenity_units_started_year = count_field("配套公建年度新开工套数", editable=False)
    amenity_units_completed_year = count_field("配套公建年度竣工套数", editable=False)
    investment_year = money_field("年度投资量（万元）", editable=False)
    investment_completed = money_field("累计完成投资（万元）", editable=False)
    demolition_households = count_field("拆迁居民户数", editable=False)
    demolition_floor_area = area_field("拆迁房屋面积", editable=False)
    demolition_residential_area = area_field("拆迁住宅面积", editable=False)
    demolition_residential_units = count_field("拆迁住宅套数", editable=False)
    compensation_amount = money_field("货币补偿金额（万元）", editable=False)
    resettlement_households = count_field("安置居民户数", editable=False)
    resettlement_floor_area = area_field("安置房屋面积", editable=False)
    resettlement_residential_area = area_field("安置住宅面积", editable=False)
    resettlement_residential_units = count_field("安置住宅套数", editable=False)
    land_supplied_area = area_field("供地面积", editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "建设项目"
        verbose_name_plural = "建设项目"
        ordering = ["-year", "number"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:project_detail", args=[self.pk])

    @property
    def name(self) -> str:
        """立项名称 when approved, else the proposed name."""
        return self.approved_name or self.proposed_name

    @property
    def stage(self) -> str:
        """阶段: 储备（未立项）, 已立项未开工, 在建 or 已竣工."""
        if self.actual_completion:
            return "已竣工"
        if self.actual_start:
            return "在建"
        return "已立项未开工" if self.approved_name else "储备（未立项）"

    @property
    def building_count(self) -> int:
        """单体个数: the project's buildings."""
        return self.buildings.count()

    @property
    def is_started(self) -> bool:
        """True once any building has started."""
        return self.actual_start is not None

    @property
    def latest_handover(self) -> Handover | None:
        """The most recent handover batch of the project."""
        return self.handovers.order_by("-handed_over_on", "-id").first()

    @property
    def handover_batch_number(self) -> str:
        """移交批次编号 of the latest handover ('' if none)."""
        handover = self.latest_handover
        return handover.batch_number if handover else ""

    @property
    def is_handed_over(self) -> bool:
        """是否已移交: every unit of the project is handed over (and there is one)."""
        from anju.housing.models.units import Unit

        units = Unit.objects.filter(building__project=self)
        return units.exists() and not units.filter(handover__isnull=True).exists()

    @property
    def handed_over_on(self) -> date | None:
        """移交时间 of the latest handover."""
        handover = self.latest_handover
        return handover.handed_over_on if handover else None

    @property
    def handed_over_by(self) -> str:
        """移交人 of the latest handover."""
        handover = self.latest_handover
        return handover.handed_over_by if handover else ""

    # 已开工面积 … 年度竣工套数 (the generic group of A.5.1): 房屋 areas, 住宅+配套公建 counts.
    @property
    def units_started(self) -> int:
        """已开工套数."""
        return self.residential_units_started + self.amenity_units_started

    @property
    def units_completed(self) -> int:
        """已竣工套数."""
        return self.residential_units_completed + self.amenity_units_completed

    @property
    def units_suspended(self) -> int:
        """已停工套数."""
        return self.residential_units_suspended + self.amenity_units_suspended

    @property
    def units_in_progress(self) -> int:
        """在建套数."""
        return self.residential_units_in_progress + self.amenity_units_in_progress

    @property
    def units_started_year(self) -> int:
        """年度新开工套数."""
        return self.residential_units_started_year + self.amenity_units_started_year

    @property
    def units_completed_year(self) -> int:
        """年度竣工套数."""
        return self.residential_units_completed_year + self.amenity_units_completed_year


class ProgressLog(DeletableRecord, RegionScopedModel):
    """项目进度日志信息 (A.5.6): one dated entry; the project's figures are derived from these.

    An entry is never edited: a wrong one is revoked (撤销, `progress_log_revoke`: is_deleted with the
    reason, kept in the history and left out of every figure) and the right one recorded anew.
    """

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.CASCADE, related_name="progress_logs")
    building = models.ForeignKey(
        "housing.Building", verbose_name="单体工程", null=True, blank=True, on_delete=models.CASCADE, related_name="progress_logs"
    )
    kind = models.CharField("日志类别", max_length=24, choices=ProgressKind.choices)
    recorded_on = models.DateField("记录日期", db_index=True)
    building_status = models.CharField(
        "单体建设进度状态", max_length=24, choices=BuildingStatus.choices, blank=True, editable=False
    )
    fund_source = code_field("资金来源渠道类别", "housing_fund_source")
    investment_composition = code_field("投资构成类别", "housing_investment_composition")
    appropriation = money_field("拨付额度（万元）")
    investment_completed = money_field("已完成投资（万元）")
    income_class = code_field("收入层次类别", "housing_income_class")
    security_mode = code_field("保障方式类别", "housing_security_mode")
    agreements_signed = count_field("已签订拆迁安置补偿协议户数")
    demolition_households = count_field("拆迁居民户数")
    demolition_floor_area = area_field("拆迁房屋面积")
    demolition_residential_area = area_field("拆迁住宅面积")
    demolition_residential_units = count_field("拆迁住宅套数")
    compensation_mode = code_field("安置补偿方式类别", "housing_compensation_mode")
    compensation_amount = money_field("货币补偿金额（万元）")
    resettlement_households = count_field("安置居民户数")
    resettlement_floor_area = area_field("安置房屋面积")
    resettlement_residential_area = area_field("安置住宅面积")
    resettlement_residential_units = count_field("安置住宅套数")
    land_supply_total = area_field("供地总面积")
    land_acquisition_mode = code_field("土地取得方式", "housing_land_acquisition")
    land_supplied_area = area_field("供地面积")
    land_use_approval_number = text_field("土地使用批准文号", 60)
    land_use_certificate_number = text_field("国有土地使用权证号", 60)
    note = text_field("说明", 300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "项目进度日志"
        verbose_name_plural = "项目进度日志"
        ordering = ["-recorded_on", "-id"]

    def __str__(self) -> str:
        return f"{self.recorded_on} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:progress_log_detail", args=[self.pk])

    @property
    def project_number(self) -> str:
        """项目编号."""
        return self.project.number

    @property
    def building_number(self) -> str:
        """单体工程编号 ('' for a project-level entry)."""
        return self.building.number if self.building_id else ""


class Handover(RegionScopedModel):
    """竣工移交: a batch of completed units entering the allocatable stock (A.5.1–A.5.3 移交 fields)."""

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.PROTECT, related_name="handovers")
    batch_number = models.CharField("移交批次编号", max_length=40, unique=True)
    handed_over_on = models.DateField("移交时间")
    handed_over_by = models.CharField("移交人", max_length=50)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="接收人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit_count = count_field("移交套数")
    note = text_field("说明", 300)

    class Meta:
        verbose_name = "竣工移交"
        verbose_name_plural = "竣工移交"
        ordering = ["-handed_over_on", "-id"]

    def __str__(self) -> str:
        return self.batch_number

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:handover_detail", args=[self.pk])

