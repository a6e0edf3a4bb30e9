"""专项检查 (A.10.1) and 支持对象行政奖罚 (A.10.4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from anju.core.models import RegionScopedModel
from anju.supervision.choices import InspectionResult, SanctionKind


class Inspection(RegionScopedModel):
    """专项检查 (A.10.1): a special inspection, what it found and how the problems were handled."""

    number = models.CharField("检查编号", max_length=40, unique=True)
    inspected_on = models.DateField("检查日期")
    department = models.CharField("检查负责部门", max_length=100)
    leader = models.CharField("检查负责人", max_length=50)
    content = models.TextField("检查内容")
    target = models.CharField("检查对象", max_length=200)
    result_kind = models.CharField(
        "检查结论", max_length=16, choices=InspectionResult.choices, default=InspectionResult.PASSED
    )
    result = models.TextField("检查结果")
    resolution = models.TextField("问题处理结果", blank=True)
    resolved_on = models.DateField("问题处理日期", null=True, blank=True)
    resolved_by = models.CharField("问题处理人", max_length=50, blank=True)
    credit_listed = models.BooleanField("是否列入信用档案", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "专项检查"
        verbose_name_plural = "专项检查"
        ordering = ["-inspected_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.target}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("supervision:inspection_detail", args=[self.pk])


class SupplierSanction(RegionScopedModel):
    """支持对象行政奖罚 (A.10.4): an administrative reward or penalty of a supplier of security housing."""

    number = models.CharField("奖罚编号", max_length=40, unique=True)
    decided_on = models.DateField("奖罚日期")
    kind = models.CharField("奖罚类别", max_length=16, choices=SanctionKind.choices)
    supplier_number = models.CharField("支持对象编号", max_length=40, help_text="统一社会信用代码或登记审批编号。")
    supplier_name = models.CharField("支持对象名称", max_length=200)
    reason = models.TextField("奖罚原因")
    result = models.TextField("奖罚结果")
    decided_by = models.CharField("决定机关", max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "支持对象行政奖罚"
        verbose_name_plural = "支持对象行政奖罚"
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.supplier_name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("supervision:sanction_detail", args=[self.pk])
