"""补贴 (A.7.5 补贴应发, A.7.6 补贴实发), 支持对象资金拨付配置计划 (A.7.7) and 土地供应记录信息 (A.7.8)."""

from __future__ import annotations

from django.db import models

from anju.allocation.choices import PeriodType
from anju.distribution.choices import PaymentStatus, SubsidyPaymentMethod, SubsidyTargetType
from anju.distribution.models.base import AREA, MONEY, TrackedModel


class SubsidyDue(TrackedModel):
    """补贴应发 (A.7.5): the amount due to one household or supplier for one month; one per contract and month."""

    number = models.CharField("应发编号", max_length=40, unique=True)
    contract = models.ForeignKey(
        "distribution.Contract",
        verbose_name="补贴合同",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subsidy_dues",
    )
    target_number = models.CharField("对象编号", max_length=40)
    target_type = models.CharField(
        "对象类型", max_length=12, choices=SubsidyTargetType.choices, default=SubsidyTargetType.HOUSEHOLD
    )
    subsidy_program_number = models.CharField("补贴项目编号", max_length=40)
    subsidy_type = models.CharField("补贴类型", max_length=40)
    standard_amount = models.DecimalField("原标准金额", **MONEY)
    amount = models.DecimalField("补贴金额", **MONEY)
    year = models.PositiveSmallIntegerField("补贴年度")
    month = models.PositiveSmallIntegerField("补贴月份")
    due_on = models.DateField("应发时间")
    is_printed = models.BooleanField("是否已打印单据", default=False)

    class Meta:
        verbose_name = "补贴应发"
        verbose_name_plural = "补贴应发"
        ordering = ["-year", "-month", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_number", "year", "month"], name="distribution_subsidy_due_month_once"
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="distribution_subsidy_due_month_range"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class SubsidyPayment(TrackedModel):
    """补贴实发 (A.7.6): what was paid against a due amount, with any shortfall and its reason."""

    number = models.CharField("实发编号", max_length=40, unique=True)
    due = models.ForeignKey(SubsidyDue, verbose_name="应发记录", on_delete=models.PROTECT, related_name="payments")
    status = models.CharField("发放状态", max_length=12, choices=PaymentStatus.choices)
    paid_amount = models.DecimalField("实发金额", **MONEY)
    shortfall = models.DecimalField("不足金额", default=0, **MONEY)
    shortfall_reason = models.CharField("不足额原因", max_length=200, blank=True)
    paid_on = models.DateField("实发时间")
    method = models.CharField("实发方式", max_length=12, choices=SubsidyPaymentMethod.choices)

    class Meta:
        verbose_name = "补贴实发"
        verbose_name_plural = "补贴实发"
        ordering = ["-paid_on", "-id"]

    def __str__(self) -> str:
        return self.number


class SupportDisbursementPlan(TrackedModel):
    """支持对象资金拨付配置计划 (A.7.7): how much a supplier is paid, over which periods, from when."""

    number = models.CharField("支持对象拨付计划编号", max_length=40, unique=True)
    target_number = models.CharField("支持对象编号", max_length=40)
    target_name = models.CharField("支持对象名称", max_length=200, blank=True)
    total_amount = models.DecimalField("拨付总金额", **MONEY)
    period_type = models.CharField("期别类型", max_length=8, choices=PeriodType.choices)
    period = models.CharField("计划发放周期", max_length=20)
    starts_on = models.DateField("开始发放时间")

    class Meta:
        verbose_name = "支持对象资金拨付配置计划"
        verbose_name_plural = "支持对象资金拨付配置计划"
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.number


class LandSupplyRecord(TrackedModel):
    """土地供应记录信息 (A.7.8): a parcel supplied to a housing project."""

    number = models.CharField("记录编号", max_length=40, unique=True)
    parcel_number = models.CharField("宗地编号", max_length=40)
    project = models.ForeignKey(
        "housing.Project",
        verbose_name="项目",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="land_supplies",
    )
    parcel_name = models.CharField("宗地名称", max_length=200)
    approval_document = models.CharField("用地批准文件名称", max_length=200)
    approval_number = models.CharField("用地批准文号", max_length=60)
    approved_on = models.DateField("用地批准日期")
    acquisition_mode = models.CharField("取得方式", max_length=20)
    land_area = models.DecimalField("土地面积", **AREA)
    land_value = models.DecimalField("土地估值", max_digits=16, decimal_places=2, default=0)
    use_years = models.PositiveSmallIntegerField("土地使用年限")

    class Meta:
        verbose_name = "土地供应记录"
        verbose_name_plural = "土地供应记录"
        ordering = ["-approved_on", "-id"]

    def __str__(self) -> str:
        return self.number


class SubsidyStandardChange(TrackedModel):
    """补贴标准调整 — Anju extension of A.7.5 补贴应发 (年审调整): a subsidy contract's monthly standard from a month on.

    The monthly run (`subsidy_month_run`) pays each month at the `amount` of the latest change whose
    `effective_from` is on or before the month; `old_amount` is the standard that was in force in that month
    before the change (for the earliest change, the signed standard). `source` names where the change comes
    from (e.g. the annual review result's number) as text: distribution does not depend on tenancy.
    """

    contract = models.ForeignKey(
        "distribution.Contract",
        verbose_name="补贴合同",
        on_delete=models.PROTECT,
        related_name="subsidy_standard_changes",
    )
    effective_from = models.DateField("起始月份", help_text="当月1日")
    amount = models.DecimalField("调整后补贴金额", **MONEY, help_text="每月")
    old_amount = models.DecimalField("调整前补贴金额", **MONEY, help_text="每月")
    reason = models.CharField("调整理由", max_length=500)
    source = models.CharField("调整依据", max_length=60, blank=True, help_text="如年审结论编号")

    class Meta:
        verbose_name = "补贴标准调整"
        verbose_name_plural = "补贴标准调整"
        ordering = ["contract", "effective_from", "pk"]
        indexes = [models.Index(fields=["contract", "effective_from"], name="distribution_subsidy_chg_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(effective_from__day=1), name="distribution_subsidy_chg_first"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="distribution_subsidy_chg_amount"),
        ]

    def __str__(self) -> str:
        return f"{self.contract_id} {self.effective_from:%Y-%m} {self.amount}"
