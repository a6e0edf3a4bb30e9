"""入住 (A.8.3 已配租房源入住管理) and 腾退 (A.8.4 已配租房源腾退管理)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.urls import reverse

from anju.tenancy.choices import OccupancyStatus, VacateKind, VacateStatus
from anju.tenancy.models.base import TrackedModel, money


class MoveIn(TrackedModel):
    """已配租房源入住管理 (A.8.3): a household moving into its leased unit, with the rent and any reduction (减免)."""

    lease = models.OneToOneField(
        "distribution.Contract", verbose_name="配租合同", on_delete=models.PROTECT, related_name="move_in"
    )
    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="move_ins"
    )
    unit = models.ForeignKey("housing.Unit", verbose_name="房源", on_delete=models.PROTECT, related_name="move_ins")
    moved_in_on = models.DateField("入住时间")
    rent = money("租金", help_text="元/月")
    has_reduction = models.BooleanField("租金是否减免", default=False)
    reduction_amount = money("租金减免金额", help_text="元/月")
    reduction_reason = models.CharField("减免原因", max_length=200, blank=True)
    deposit = money("押金")
    is_printed = models.BooleanField("是否打印单据", default=False)
    status = models.CharField(
        "入住状态", max_length=12, choices=OccupancyStatus.choices, default=OccupancyStatus.OCCUPIED
    )

    class Meta:
        verbose_name = "入住"
        verbose_name_plural = "入住"
        ordering = ["-moved_in_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reduction_amount__gte=0) & models.Q(reduction_amount__lte=models.F("rent")),
                name="tenancy_movein_reduction_range",
            ),
        ]
        indexes = [models.Index(fields=["status", "moved_in_on"], name="tenancy_movein_status_on")]

    def __str__(self) -> str:
        return f"{self.register_entry.applicant_name} 入住 {self.unit.number}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("tenancy:move_in_detail", args=[self.pk])

    @property
    def net_rent(self) -> Decimal:
        """Monthly rent after the reduction (the amount charged each month)."""
        return (self.rent or Decimal(0)) - (self.reduction_amount or Decimal(0))


class Vacate(TrackedModel):
    """已配租房源腾退管理 (A.8.4): moving out (voluntary or ordered), inspection and the final account."""

    move_in = models.OneToOneField(MoveIn, verbose_name="入住记录", on_delete=models.PROTECT, related_name="vacate")
    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="vacates"
    )
    unit = models.ForeignKey("housing.Unit", verbose_name="房源", on_delete=models.PROTECT, related_name="vacates")
    kind = models.CharField("腾退方式", max_length=12, choices=VacateKind.choices)
    reason = models.CharField("腾退原因", max_length=300)
    notified_on = models.DateField("通知日期")
    move_out_deadline = models.DateField("搬离期限")
    vacated_on = models.DateField("腾退时间", null=True, blank=True)
    inspected_on = models.DateField("验房日期", null=True, blank=True)
    inspection_note = models.CharField("验房情况", max_length=300, blank=True)
    damage_amount = money("损坏赔偿")
    rent_owed = money("欠缴租金")
    deposit = money("押金")
    balance = money("结算金额", help_text="正数为应补缴，负数为应退还")
    status = models.CharField("腾退进度", max_length=12, choices=VacateStatus.choices, default=VacateStatus.NOTIFIED)
    is_printed = models.BooleanField("是否打印单据", default=False)

    class Meta:
        verbose_name = "腾退"
        verbose_name_plural = "腾退"
        ordering = ["-notified_on", "-id"]

    def __str__(self) -> str:
        return f"{self.register_entry.applicant_name} 腾退 {self.unit.number}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("tenancy:vacate_detail", args=[self.pk])
