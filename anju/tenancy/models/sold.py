"""已配售房源退回 (A.8.1), 再上市 (A.8.2) and the configurable parameters of 配后管理."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.urls import reverse

from anju.tenancy.choices import ResaleRoute, ResaleStatus, ReturnStatus
from anju.tenancy.models.base import TrackedModel, money


class TenancyParameter(TrackedModel):
    """配后管理参数 of a region (the nearest ancestor's row applies): resale rule and exit thresholds."""

    resale_years = models.PositiveSmallIntegerField(
        "再上市年限（年）", default=5, help_text="取得产权未满此年限的由政府回购"
    )
    depreciation_rate = models.DecimalField(
        "年折旧率",
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.0200"),
        help_text="政府回购价 = 原价 × (1 − 年折旧率 × 年数)",
    )
    gain_share = models.DecimalField(
        "差价收益缴纳比例",
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.5000"),
        help_text="满年限上市时按差价的此比例缴纳",
    )
    arrears_exit_months = models.PositiveSmallIntegerField("欠租退出月数", default=6)
    vacant_exit_months = models.PositiveSmallIntegerField("闲置退出月数", default=6)
    move_out_days = models.PositiveSmallIntegerField("腾退期限（天）", default=90)

    class Meta:
        verbose_name = "配后管理参数"
        verbose_name_plural = "配后管理参数"
        ordering = ["region_code"]
        constraints = [
            models.UniqueConstraint(fields=["region_code"], name="tenancy_parameter_region"),
            models.CheckConstraint(
                condition=models.Q(gain_share__gte=0) & models.Q(gain_share__lte=1), name="tenancy_parameter_share"
            ),
            models.CheckConstraint(
                condition=models.Q(depreciation_rate__gte=0) & models.Q(depreciation_rate__lte=1),
                name="tenancy_parameter_rate",
            ),
        ]

    def __str__(self) -> str:
        return f"配后管理参数 {self.region_code}"


class Return(TrackedModel):
    """已配售房源退回 (A.8.1): a sold unit coming back into the allocatable stock."""

    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="unit_returns",
    )
    unit = models.ForeignKey("housing.Unit", verbose_name="房源", on_delete=models.PROTECT, related_name="returns")
    contract = models.ForeignKey(
        "distribution.Contract",
        verbose_name="配售合同",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="returns",
    )
    reason = models.CharField("回退原因", max_length=300)
    due_on = models.DateField("应回退时间")
    returned_on = models.DateField("实回退时间", null=True, blank=True)
    status = models.CharField("退回状态", max_length=12, choices=ReturnStatus.choices, default=ReturnStatus.PENDING)
    is_printed = models.BooleanField("是否打印单据", default=False)

    class Meta:
        verbose_name = "已配售房源退回"
        verbose_name_plural = "已配售房源退回"
        ordering = ["-due_on", "-id"]

    def __str__(self) -> str:
        return f"{self.unit.number} 退回"

    def get_absolute_url(self) -> str:
        """The list filtered to this record."""
        return reverse("tenancy:return_list") + f"?unit={self.unit.number}"


class Resale(TrackedModel):
    """已配售房源再上市 (A.8.2): registration with prices and certificates, and the price rule applied."""

    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="resales"
    )
    unit = models.ForeignKey("housing.Unit", verbose_name="房源", on_delete=models.PROTECT, related_name="resales")
    contract = models.ForeignKey(
        "distribution.Contract",
        verbose_name="配售合同",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resales",
    )
    certificate_number = models.CharField("产权证号", max_length=60)
    asking_price = money("预售价格")
    guide_price = money("指导价格")
    contract_amount = money("签约金额")
    certificate_date = models.DateField("房屋所有权证日期")
    deed_tax_date = models.DateField("契税完税凭证日期", null=True, blank=True)
    applied_on = models.DateField("再上市申请时间")
    is_first_purchase = models.BooleanField("是否优先回购", default=False)
    is_printed = models.BooleanField("是否打印单据", default=False)
    original_price = money("原购房价格")
    years_held = models.DecimalField("持有年数", max_digits=5, decimal_places=2, default=0)
    route = models.CharField("处理方式", max_length=16, choices=ResaleRoute.choices)
    buyback_price = money("政府回购价格")
    government_share = money("应缴差价收益")
    status = models.CharField("办理状态", max_length=12, choices=ResaleStatus.choices, default=ResaleStatus.REGISTERED)

    class Meta:
        verbose_name = "已配售房源再上市"
        verbose_name_plural = "已配售房源再上市"
        ordering = ["-applied_on", "-id"]

    def __str__(self) -> str:
        return f"{self.unit.number} 再上市"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("tenancy:resale_detail", args=[self.pk])
