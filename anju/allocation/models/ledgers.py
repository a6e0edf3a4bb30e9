"""台账 (A.6.1–A.6.4): ledgers per program and period, derived from ledger entries written by services."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from anju.allocation.choices import EntryDirection, PeriodType, ResourceCategory
from anju.allocation.models.base import area_field, count_field, money_field, user_field
from anju.core.models import RegionScopedModel


class ProgramLedgerEntry(RegionScopedModel):
    """保障项目台账收支明细交换 (A.6.2): one increase or decrease of money, units, area, households or persons.

    Entries are written by services (handover, contract signing, subsidy payment, exit …), never typed;
    `source_type` + `source_id` make the write idempotent.
    """

    number = models.CharField("明细账编号", max_length=40, unique=True)
    batch_number = models.CharField("交接批次编号", max_length=40, blank=True)
    resource_category = models.CharField("资源类别", max_length=16, choices=ResourceCategory.choices)
    program = models.ForeignKey(
        "rules.Program", verbose_name="台账分类（保障项目）", on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField("收支类型", max_length=4, choices=EntryDirection.choices)
    households = count_field("保障户数")
    persons = count_field("保障人数")
    amount = money_field("金额")
    units = count_field("套数")
    floor_area = area_field("建筑面积")
    received_on = models.DateField("接收日期", db_index=True)
    handed_over_by = models.CharField("移交人", max_length=50, blank=True)
    received_by = models.CharField("接收人", max_length=50, blank=True)
    source_type = models.CharField("来源业务", max_length=40)
    source_id = models.CharField("来源记录", max_length=40)
    note = models.CharField("摘要", max_length=200, blank=True)
    created_by = user_field("记账人")

    class Meta:
        verbose_name = "保障项目台账明细"
        verbose_name_plural = "保障项目台账明细"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "direction"], name="allocation_program_entry_source"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ProgramLedger(RegionScopedModel):
    """保障项目台账 (A.6.1): balances of one program, region and period, computed from the entries."""

    number = models.CharField("台账编号", max_length=40, unique=True)
    program = models.ForeignKey(
        "rules.Program", verbose_name="台账分类（保障项目）", on_delete=models.PROTECT, related_name="+"
    )
    period_type = models.CharField("周期类型", max_length=8, choices=PeriodType.choices)
    period = models.CharField("统计周期", max_length=10, help_text="如 2026-11、2026-Q4、2026")
    period_start = models.DateField("周期起始日")
    period_end = models.DateField("周期终止日")
    stat_date = models.DateField("统计日期")
    money_opening = money_field("期初资金余额")
    money_increase = money_field("本期资金增加额")
    money_decrease = money_field("本期资金减少额")
    money_closing = money_field("期末资金余额")
    units_opening = count_field("期初住房套数余额")
    units_increase = count_field("本期住房增加套数")
    units_decrease = count_field("本期住房减少套数")
    units_closing = count_field("期末住房套数余额")
    area_opening = area_field("期初住房面积余额")
    area_increase = area_field("本期住房增加面积")
    area_decrease = area_field("本期住房减少面积")
    area_closing = area_field("期末住房面积余额")
    households_opening = count_field("期初保障户数余额")
    households_increase = count_field("本期新增保障户数")
    households_decrease = count_field("本期减少保障户数")
    households_closing = count_field("期末保障户数余额")
    persons_opening = count_field("期初保障人数余额")
    persons_increase = count_field("本期新增保障人数")
    persons_decrease = count_field("本期减少保障人数")
    persons_closing = count_field("期末保障人数余额")

    class Meta:
        verbose_name = "保障项目台账"
        verbose_name_plural = "保障项目台账"
        ordering = ["-period_start", "program_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "region_code", "period_type", "period"], name="allocation_program_ledger_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.period}"

    def get_absolute_url(self) -> str:
        """The staff detail page (balances and the entries drill-down)."""
        return reverse("allocation:ledger_detail", args=[self.pk])


class SupportLedgerEntry(RegionScopedModel):
    """支持项目台账收支明细交换 (A.6.4): one increase or decrease of money or land for a support program."""

    number = models.CharField("明细账编号", max_length=40, unique=True)
    batch_number = models.CharField("交接批次编号", max_length=40, blank=True)
    resource_category = models.CharField("资源类别", max_length=16, choices=ResourceCategory.choices)
    support_program = models.ForeignKey(
        "rules.SupportProgram", verbose_name="台账分类（支持项目）", on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField("收支类型", max_length=4, choices=EntryDirection.choices)
    amount = money_field("金额")
    land_area = area_field("土地面积")
    received_on = models.DateField("接收日期", db_index=True)
    handed_over_by = models.CharField("移交人", max_length=50, blank=True)
    received_by = models.CharField("接收人", max_length=50, blank=True)
    source_type = models.CharField("来源业务", max_length=40)
    source_id = models.CharField("来源记录", max_length=40)
    note = models.CharField("摘要", max_length=200, blank=True)
    created_by = user_field("记账人")

    class Meta:
        verbose_name = "支持项目台账明细"
        verbose_name_plural = "支持项目台账明细"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "direction"], name="allocation_support_entry_source"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class SupportLedger(RegionScopedModel):
    """支持项目台账 (A.6.3): money and land balances of one support program, region and period."""

    number = models.CharField("台账编号", max_length=40, unique=True)
    support_program = models.ForeignKey(
        "rules.SupportProgram", verbose_name="台账分类（支持项目）", on_delete=models.PROTECT, related_name="+"
    )
    period_type = models.CharField("周期类型", max_length=8, choices=PeriodType.choices)
    period = models.CharField("上报周期", max_length=10)
    period_start = models.DateField("周期起始日")
    period_end = models.DateField("周期终止日")
    direction_summary = models.CharField(
        "收支类型", max_length=20, blank=True, help_text="本期以收入或支出为主，或收支均有"
    )
    stat_date = models.DateField("统计日期")
    money_opening = money_field("期初资金余额")
    money_increase = money_field("本期资金增加额")
    money_decrease = money_field("本期资金减少额")
    money_closing = money_field("期末资金余额")
    land_opening = area_field("期初土地面积余额")
    land_increase = area_field("本期土地增加面积")
    land_decrease = area_field("本期土地减少面积")
    land_closing = area_field("期末土地面积余额")

    class Meta:
        verbose_name = "支持项目台账"
        verbose_name_plural = "支持项目台账"
        ordering = ["-period_start", "support_program_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["support_program", "region_code", "period_type", "period"],
                name="allocation_support_ledger_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.period}"
