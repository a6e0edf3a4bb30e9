"""资源配置方案 (A.6.5–A.6.9): allocation plans per mode and period, their households, suppliers and resources."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from anju.allocation.choices import AllocationState, PeriodType, PlanStatus, ResourceCategory
from anju.allocation.models.base import area_field, money_field, user_field
from anju.core.models import DictionaryCodeField, RegionScopedModel, TimeStampedModel


class AllocationPlan(RegionScopedModel):
    """保障项目资源配置方案 (A.6.5): households and resources of one mode and period; publishing hands it to distribution."""

    number = models.CharField("方案编号", max_length=40, unique=True)
    mode = DictionaryCodeField("保障方式", dictionary="security_mode")
    program = models.ForeignKey("rules.Program", verbose_name="保障项目", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("方案名称", max_length=100)
    period_type = models.CharField("期别类型", max_length=8, choices=PeriodType.choices)
    period = models.CharField("方案周期", max_length=10)
    target_type = models.CharField("保障对象类型", max_length=40, blank=True)
    total_households = models.PositiveIntegerField("本期保障总户数", default=0)
    total_units = models.PositiveIntegerField("本期住房分配总套数", default=0)
    total_area = area_field("本期住房分配总面积")
    total_subsidy = money_field("本期补贴总金额")
    status = models.CharField("方案状态", max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = user_field("发布人")
    created_by = user_field("编制人")
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "保障项目资源配置方案"
        verbose_name_plural = "保障项目资源配置方案"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("allocation:plan_detail", args=[self.pk])


class PlanHousehold(TimeStampedModel):
    """保障项目配置方案保障对象明细 (A.6.6): one registered household in a plan."""

    plan = models.ForeignKey(AllocationPlan, verbose_name="方案", on_delete=models.CASCADE, related_name="households")
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="家庭（登记簿）",
        on_delete=models.PROTECT,
        related_name="plan_households",
    )
    state = models.CharField(
        "配置状态", max_length=12, choices=AllocationState.choices, default=AllocationState.PLANNED
    )
    allocated_at = models.DateTimeField("分配时间", null=True, blank=True)

    class Meta:
        verbose_name = "方案保障对象"
        verbose_name_plural = "方案保障对象"
        ordering = ["plan_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "register_entry"], name="allocation_plan_household_once")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.register_entry_id}"


class PlanResource(TimeStampedModel):
    """资源配置方案明细 (A.6.9): one resource (a unit, an amount, a land parcel) in a plan."""

    plan = models.ForeignKey(AllocationPlan, verbose_name="方案", on_delete=models.CASCADE, related_name="resources")
    resource_category = models.CharField("资源类别", max_length=16, choices=ResourceCategory.choices)
    unit = models.ForeignKey(
        "housing.Unit", verbose_name="住房", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resource_number = models.CharField("资源编号", max_length=64)
    amount = money_field("金额")
    state = models.CharField(
        "配置状态", max_length=12, choices=AllocationState.choices, default=AllocationState.PLANNED
    )
    allocated_on = models.DateField("分配日期", null=True, blank=True)

    class Meta:
        verbose_name = "方案资源"
        verbose_name_plural = "方案资源"
        ordering = ["plan_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "resource_number"], name="allocation_plan_resource_once")
        ]

    def __str__(self) -> str:
        return self.resource_number


class SupportPlan(RegionScopedModel):
    """支持项目资源配置方案 (A.6.7): suppliers supported in one period with land and subsidies."""

    number = models.CharField("方案编号", max_length=40, unique=True)
    name = models.CharField("方案名称", max_length=100)
    support_program = models.ForeignKey(
        "rules.SupportProgram", verbose_name="支持项目", on_delete=models.PROTECT, related_name="+"
    )
    period_type = models.CharField("期别类型", max_length=8, choices=PeriodType.choices)
    period = models.CharField("方案周期", max_length=10)
    support_mode = models.ForeignKey(
        "rules.SupportMode", verbose_name="支持方式", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_type = models.CharField("支持对象类型", max_length=40, blank=True)
    target_count = models.PositiveIntegerField("本期支持对象数量", default=0)
    land_area_total = area_field("本期土地分配总面积")
    subsidy_total = money_field("本期补贴总金额")
    status = models.CharField("方案状态", max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = user_field("发布人")
    created_by = user_field("编制人")

    class Meta:
        verbose_name = "支持项目资源配置方案"
        verbose_name_plural = "支持项目资源配置方案"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("allocation:support_plan_detail", args=[self.pk])


class SupportPlanTarget(TimeStampedModel):
    """支持项目配置方案支持对象明细 (A.6.8): one supplier (unit or person) in a support plan."""

    plan = models.ForeignKey(SupportPlan, verbose_name="方案", on_delete=models.CASCADE, related_name="targets")
    target_number = models.CharField("支持对象编号", max_length=40)
    target_name = models.CharField("支持对象名称", max_length=200, blank=True)
    land_area = area_field("土地面积")
    amount = money_field("补贴金额")
    state = models.CharField(
        "配置状态", max_length=12, choices=AllocationState.choices, default=AllocationState.PLANNED
    )
    allocated_at = models.DateTimeField("分配时间", null=True, blank=True)

    class Meta:
        verbose_name = "方案支持对象"
        verbose_name_plural = "方案支持对象"
        ordering = ["plan_id", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "target_number"], name="allocation_support_target_once")]

    def __str__(self) -> str:
        return self.target_number
