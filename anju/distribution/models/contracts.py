"""合同 (A.7.3 保障对象合同签约): lease, sale and subsidy contracts.

The signed PDF and other documents of a contract are e-archive files owned by the contract; the
archive app maps A.7.4 (配给合同电子档案) to them.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from anju.core.fields import EncryptedTextField
from anju.distribution.choices import ContractStatus, ContractType, SubsidyPaymentMethod
from anju.distribution.models.base import AREA, MONEY, TrackedModel


class Contract(TrackedModel):
    """保障对象合同签约 (A.7.3): a lease (配租), sale (配售) or subsidy (补贴) contract of a registered household."""

    number = models.CharField("合同编号", max_length=40, unique=True)
    contract_type = models.CharField("合同类型", max_length=12, choices=ContractType.choices)
    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="contracts"
    )
    selection = models.ForeignKey(
        "distribution.Selection",
        verbose_name="选房记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    unit = models.ForeignKey(
        "housing.Unit", verbose_name="房屋", null=True, blank=True, on_delete=models.PROTECT, related_name="contracts"
    )
    floor_area = models.DecimalField("建筑面积", null=True, blank=True, **AREA)
    monthly_rent = models.DecimalField("月租金", null=True, blank=True, **MONEY)
    deposit = models.DecimalField("押金", null=True, blank=True, **MONEY)
    sale_price = models.DecimalField("售价", null=True, blank=True, **MONEY)
    subsidy_amount = models.DecimalField("补贴金额", null=True, blank=True, **MONEY, help_text="每月")
    subsidy_payment_method = models.CharField(
        "补贴发放方式", max_length=12, choices=SubsidyPaymentMethod.choices, blank=True
    )
    subsidy_starts_on = models.DateField("发放起始时间", null=True, blank=True)
    signer_name = models.CharField("签约人", max_length=50)
    signer_id_number = EncryptedTextField("签约人身份证号")
    signer_id_number_index = models.CharField(
        "签约人身份证号索引", max_length=64, db_index=True, editable=False, blank=True
    )
    agent_name = models.CharField("代理人", max_length=50, blank=True)
    agent_id_number = EncryptedTextField("代理人身份证号", blank=True)
    signed_at = models.DateTimeField("合同签署时间", null=True, blank=True)
    effective_on = models.DateField("合同生效时间", null=True, blank=True)
    term_months = models.PositiveSmallIntegerField("合同有效期（月）", default=36)
    expires_on = models.DateField("合同失效时间", null=True, blank=True)
    auto_renew = models.BooleanField("是否自动续签", default=False)
    status = models.CharField("合同状态", max_length=12, choices=ContractStatus.choices, default=ContractStatus.DRAFT)
    renewal_of = models.ForeignKey(
        "self", verbose_name="续签自", null=True, blank=True, on_delete=models.PROTECT, related_name="renewals"
    )
    renewal_requested_at = models.DateTimeField("续签申请时间", null=True, blank=True)
    terminated_on = models.DateField("解除日期", null=True, blank=True)
    termination_reason = models.CharField("解除原因", max_length=500, blank=True)
    template_version = models.CharField("合同模板版本", max_length=40, blank=True)
    signed_pdf_digest = models.CharField("签章文件摘要（SM3）", max_length=64, blank=True)
    # 网上签约: the tenant read the draft on the portal and confirmed it (then the department's seal is applied)
    tenant_confirmed_at = models.DateTimeField("承租人确认时间", null=True, blank=True)
    tenant_confirm_method = models.CharField("承租人确认方式", max_length=20, blank=True)
    tenant_confirm_digest = models.CharField("承租人阅读文本摘要（SM3）", max_length=64, blank=True)
    tenant_confirm_ip = models.CharField("承租人确认地址", max_length=45, blank=True)
    tenant_confirmed_by = models.ForeignKey(
        "accounts.User",
        verbose_name="承租人确认账号",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "保障对象合同"
        verbose_name_plural = "保障对象合同"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["contract_type", "status"], name="distribution_contract_type_st")]

    def __str__(self) -> str:
        return self.number

    @property
    def application_number(self) -> str:
        """申请编号 of the household's application (A.7.4 reads it through the archive service)."""
        return self.register_entry.application.number

    def self_service_allows(self, user: Any, action: str) -> bool:
        """May the tenant do `action` on this contract themselves (网上签约)? Asked by the archive.

        Only the upload of the signed text, only by the household's own applicant account that has
        confirmed this draft online (`contract_tenant_sign`); lists and downloads stay staff-only.
        """
        from anju.archive.permissions import SELF_SERVICE_UPLOAD
        from anju.distribution.services.contracts import contract_is_tenants_own

        return (
            action == SELF_SERVICE_UPLOAD
            and self.status == ContractStatus.DRAFT
            and self.tenant_confirmed_by_id is not None
            and self.tenant_confirmed_by_id == getattr(user, "pk", None)
            and contract_is_tenants_own(self, user)
        )

    def get_absolute_url(self) -> str:
        """The staff contract page."""
        from django.urls import reverse

        return reverse("distribution:contract_detail", args=[self.pk])


__all__ = ["Contract"]
