"""租金应收 (A.8.5), 租金实收 (A.8.6) with receipts, and 每月固定发生款项 (A.8.7)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.urls import reverse

from anju.tenancy.choices import PaymentMethod
from anju.tenancy.models.base import TrackedModel, money


class RentCharge(TrackedModel):
    """已配租房源租金应收 (A.8.5): one month's rent of one lease; at most one per (lease, month) by a DB constraint."""

    number = models.CharField("应收编号", max_length=40, unique=True)
    lease = models.ForeignKey(
        "distribution.Contract", verbose_name="配租合同", on_delete=models.PROTECT, related_name="rent_charges"
    )
    move_in = models.ForeignKey(
        "tenancy.MoveIn", verbose_name="入住记录", on_delete=models.PROTECT, related_name="charges"
    )
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="rent_charges",
    )
    unit = models.ForeignKey("housing.Unit", verbose_name="房源", on_delete=models.PROTECT, related_name="rent_charges")
    amount = money("租金金额")
    period = models.DateField("租金月", help_text="该月1日")
    year = models.PositiveSmallIntegerField("租金年度")
    month = models.PositiveSmallIntegerField("租金月份")
    due_on = models.DateField("应收时间")
    paid_amount = money("已收金额", editable=False)

    class Meta:
        verbose_name = "租金应收"
        verbose_name_plural = "租金应收"
        ordering = ["-period", "number"]
        constraints = [
            models.UniqueConstraint(fields=["lease", "period"], name="tenancy_rentcharge_lease_month"),
            models.CheckConstraint(
                condition=models.Q(paid_amount__gte=0) & models.Q(paid_amount__lte=models.F("amount")),
                name="tenancy_rentcharge_paid_range",
            ),
        ]
        indexes = [models.Index(fields=["register_entry", "period"], name="tenancy_charge_entry_period")]

    def __str__(self) -> str:
        return f"{self.number}（{self.year}年{self.month}月）"

    def get_absolute_url(self) -> str:
        """The household's statement."""
        return reverse("tenancy:household_detail", args=[self.register_entry_id])

    @property
    def outstanding(self) -> Decimal:
        """Still owed on this charge."""
        return self.amount - self.paid_amount


class RentReceipt(TrackedModel):
    """收据: one collection from a household, split over its charges oldest first (the A.8.6 rows)."""

    number = models.CharField("收据编号", max_length=40, unique=True)
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="rent_receipts",
    )
    total = money("实收金额")
    method = models.CharField("实收方式", max_length=12, choices=PaymentMethod.choices)
    paid_at = models.DateTimeField("实收时间")
    payer_name = models.CharField("缴款人", max_length=50, blank=True)
    shortfall_reason = models.CharField("未足额收取原因", max_length=200, blank=True)
    note = models.CharField("备注", max_length=200, blank=True)
    idempotency_key = models.CharField("幂等键", max_length=64, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = "租金收据"
        verbose_name_plural = "租金收据"
        ordering = ["-paid_at", "-id"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        """The household's statement."""
        return reverse("tenancy:household_detail", args=[self.register_entry_id])


class RentPayment(TrackedModel):
    """已配租房源租金实收 (A.8.6): the part of a receipt allocated to one charge."""

    number = models.CharField("实收编号", max_length=44, unique=True)
    receipt = models.ForeignKey(RentReceipt, verbose_name="收据", on_delete=models.PROTECT, related_name="payments")
    charge = models.ForeignKey(RentCharge, verbose_name="应收", on_delete=models.PROTECT, related_name="payments")
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="rent_payments",
    )
    unit = models.ForeignKey(
        "housing.Unit", verbose_name="房源", on_delete=models.PROTECT, related_name="rent_payments"
    )
    amount = money("实收金额")
    year = models.PositiveSmallIntegerField("租金年度")
    month = models.PositiveSmallIntegerField("租金月份")
    is_full = models.BooleanField("是否足额收取", default=True)
    shortfall_reason = models.CharField("未足额收取原因", max_length=200, blank=True)
    paid_at = models.DateTimeField("实收时间")
    method = models.CharField("实收方式", max_length=12, choices=PaymentMethod.choices)

    class Meta:
        verbose_name = "租金实收"
        verbose_name_plural = "租金实收"
        ordering = ["-paid_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="tenancy_rentpayment_positive")]

    def __str__(self) -> str:
        return self.number

    @property
    def charge_number(self) -> str:
        """应收编号."""
        return self.charge.number


class FixedCost(TrackedModel):
    """每月固定发生款项 (A.8.7): a cost that recurs every month for an estate (项目/小区)."""

    number = models.CharField("款项编号", max_length=40, unique=True)
    project = models.ForeignKey(
        "housing.Project", verbose_name="小区（项目）", on_delete=models.PROTECT, related_name="fixed_costs"
    )
    description = models.CharField("发生款项说明", max_length=200)
    year = models.PositiveSmallIntegerField("发生年度")
    month = models.PositiveSmallIntegerField("发生月份")
    amount = money("款项金额")

    class Meta:
        verbose_name = "每月固定发生款项"
        verbose_name_plural = "每月固定发生款项"
        ordering = ["-year", "-month", "number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__gte=1) & models.Q(month__lte=12), name="tenancy_fixedcost_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.description}"

    def get_absolute_url(self) -> str:
        """The list (fixed costs have no page of their own)."""
        return reverse("tenancy:fixed_cost_list") + f"?project={self.project_id}"
