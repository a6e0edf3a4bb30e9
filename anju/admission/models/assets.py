"""申请家庭资产信息 (CJJ/T 196 A.3.11)."""

from django.db import models

from anju.admission.models.applications import MONEY
from anju.admission.models.base import ApplicationPart
from anju.core.models import DictionaryCodeField


class Asset(ApplicationPart):
    """申请家庭资产信息 (A.3.11): one asset item (vehicle, deposit, shares, business …)."""

    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.CASCADE, related_name="assets"
    )
    owner_name = models.CharField("所有人姓名", max_length=50)
    category = DictionaryCodeField("资产类别", dictionary="asset_type")
    quantity = models.DecimalField("数量", max_digits=12, decimal_places=2, default=1)
    total_value = models.DecimalField("总价值", **MONEY)

    class Meta:
        verbose_name = "申请家庭资产"
        verbose_name_plural = "申请家庭资产"
        ordering = ["application", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["application", "sequence"], name="admission_asset_unique_sequence"),
            models.CheckConstraint(condition=models.Q(total_value__gte=0), name="admission_asset_value_nonnegative"),
        ]

    def __str__(self) -> str:
        return f"资产 {self.number}"
