"""保障住房供给单位/个人登记审批信息 (CJJ/T 196 A.3.17, A.3.18): support for suppliers."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anju.admission.models.applications import MONEY
from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number
from anju.core.models import DictionaryCodeField, RegionScopedModel


class SupportTargetCategory(models.TextChoices):
    """申请支持对象类别 (6.2.1 支持对象管理)."""

    BUILDER = "builder", "保障性住房建设单位"
    OPERATOR = "operator", "保障性住房运营单位"
    LANDLORD = "landlord", "房源出租人"
    SELLER = "seller", "房源出售人"
    OTHER = "other", "其他"


class SupportMode(models.TextChoices):
    """申请支持方式."""

    SUBSIDY = "subsidy", "财政补贴"
    INTEREST = "interest", "贷款贴息"
    TAX = "tax", "税费减免"
    LAND = "land", "土地支持"
    OTHER = "other", "其他"


class SupplierApprovalStatus(models.TextChoices):
    """Handling state of a supplier application."""

    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "审核通过"
    REJECTED = "rejected", "审核不通过"


class SupplierApprovalBase(RegionScopedModel):
    """Fields shared by A.3.17 and A.3.18: the support applied for and the amount approved."""

    number = models.CharField("审批编号", max_length=40, unique=True)
    target_category = models.CharField("申请支持对象类别", max_length=16, choices=SupportTargetCategory.choices)
    project_category = DictionaryCodeField("申请支持项目类别", dictionary="housing_type")
    support_mode = models.CharField("申请支持方式", max_length=16, choices=SupportMode.choices)
    condition_number = models.CharField("申请支持条件编号", max_length=40, blank=True)
    standard_amount = models.DecimalField("标准额度", default=0, **MONEY)
    subsidy_due = models.DecimalField("应补贴额度", default=0, **MONEY)
    payable_amount = models.DecimalField("应缴纳额度", default=0, **MONEY)
    deduction_amount = models.DecimalField("核减额度", default=0, **MONEY)
    requested_amount = models.DecimalField("申请额度", **MONEY)
    applied_at = models.DateTimeField("申请时间")
    approved_amount = models.DecimalField("核定额度", null=True, blank=True, **MONEY)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reviewing_unit = models.CharField("审核单位", max_length=200, blank=True)
    status = models.CharField(
        "审批状态", max_length=16, choices=SupplierApprovalStatus.choices, default=SupplierApprovalStatus.SUBMITTED
    )
    review_opinion = models.TextField("审核意见", blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True


class SupplierUnitApproval(SupplierApprovalBase):
    """保障住房供给单位登记审批信息 (A.3.17): a supplying organisation's application for support."""

    organisation_number = models.CharField("单位编号", max_length=40)
    organisation_name = models.CharField("单位名称", max_length=200)
    project_number = models.CharField("项目编号", max_length=40, blank=True)
    project_name = models.CharField("项目名称", max_length=200, blank=True)

    class Meta:
        verbose_name = "供给单位登记审批"
        verbose_name_plural = "供给单位登记审批"
        ordering = ["-applied_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.organisation_name}"


class SupplierPersonApproval(SupplierApprovalBase):
    """保障住房供给个人登记审批信息 (A.3.18): a supplying individual's application for support."""

    applicant_name = models.CharField("申请人姓名", max_length=50)
    id_type = DictionaryCodeField("申请人证件类别", dictionary="id_document_type", default="111")
    id_number = EncryptedTextField("申请人证件证号")
    id_number_index = models.CharField("申请人证件证号索引", max_length=64, db_index=True, editable=False)

    class Meta:
        verbose_name = "供给个人登记审批"
        verbose_name_plural = "供给个人登记审批"
        ordering = ["-applied_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    @property
    def id_number_masked(self) -> str:
        """申请人证件证号, masked."""
        return mask_id_number(self.id_number)
