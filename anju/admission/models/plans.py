"""拟保障实施方案信息 (CJJ/T 196 A.3.14)."""

from __future__ import annotations

from django.db import models

from anju.admission.models.applications import AREA, MONEY
from anju.admission.models.base import ReviewedRecord
from anju.core.models import DictionaryCodeField, RegionScopedModel


class ProposedPlan(RegionScopedModel, ReviewedRecord):
    """拟保障实施方案信息 (A.3.14): the proposed mode, standard amount, subsidy, area, unit type."""

    number = models.CharField("方案编号", max_length=40, unique=True)
    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="plans"
    )
    project_category = DictionaryCodeField("拟保障项目类别", dictionary="housing_type", blank=True)
    security_mode = DictionaryCodeField("拟住房保障方式", dictionary="security_mode")
    condition_number = models.CharField("保障准入条件编号", max_length=40, blank=True)
    standard_amount = models.DecimalField("标准额度", null=True, blank=True, **MONEY)
    subsidy_amount = models.DecimalField("拟补贴额度", null=True, blank=True, **MONEY)
    allocated_area = models.DecimalField("拟配给房屋面积", null=True, blank=True, **AREA)
    unit_layout = DictionaryCodeField("拟配给房屋户型", dictionary="unit_layout", blank=True)
    note = models.TextField("方案说明", blank=True)
    # The values computed from the benefit standards; the three fields above may be adjusted by the reviewer.
    computed_standard_amount = models.DecimalField("测算标准额度", null=True, blank=True, **MONEY)
    computed_subsidy_amount = models.DecimalField("测算补贴额度", null=True, blank=True, **MONEY)
    computed_allocated_area = models.DecimalField("测算配给面积", null=True, blank=True, **AREA)
    standard_source = models.CharField("测算依据", max_length=200, blank=True)
    adjustment_reason = models.TextField("调整原因", blank=True)

    class Meta:
        verbose_name = "拟保障实施方案"
        verbose_name_plural = "拟保障实施方案"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.number

    @property
    def application_number(self) -> str:
        """申请编号."""
        return self.application.number

    @property
    def stage(self) -> str:
        """办理阶段: the application's status, in Chinese."""
        return self.application.get_status_display()
