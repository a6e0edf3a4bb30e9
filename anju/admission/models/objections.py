"""公示期间举报信息 (CJJ/T 196 A.3.13)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_mobile
from anju.core.models import DictionaryCodeField, RegionScopedModel


class ObjectionStatus(models.TextChoices):
    """Handling state of an objection."""

    RECEIVED = "received", "已登记"
    VERIFYING = "verifying", "查证中"
    UPHELD = "upheld", "举报成立"
    DISMISSED = "dismissed", "举报不成立"


class Objection(RegionScopedModel):
    """公示期间举报信息 (A.3.13): a report against a listed application, verified and decided."""

    number = models.CharField("举报编号", max_length=40, unique=True)
    publicity = models.ForeignKey(
        "admission.Publicity", verbose_name="公示", on_delete=models.PROTECT, related_name="objections"
    )
    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="objections"
    )
    reported_at = models.DateTimeField("举报时间")
    content = models.TextField("举报内容")
    channel = DictionaryCodeField("举报方式", dictionary="complaint_channel")
    reporter_name = models.CharField("举报人", max_length=50, blank=True)
    reporter_phone = EncryptedTextField("举报人联系电话", blank=True, default="")
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="查证人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verification_method = models.CharField("查证方式", max_length=100, blank=True)
    verification_result = DictionaryCodeField("查证结果", dictionary="verification_result", blank=True)
    verification_note = models.TextField("查证说明", blank=True)
    verified_at = models.DateTimeField("查证时间", null=True, blank=True)
    status = models.CharField("处理状态", max_length=16, choices=ObjectionStatus.choices, default=ObjectionStatus.RECEIVED)
    decision_note = models.TextField("处理意见", blank=True)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="处理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "举报"
        verbose_name_plural = "举报"
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return self.number

    @property
    def publicity_number(self) -> str:
        """公示编号."""
        return self.publicity.number

    @property
    def application_number(self) -> str:
        """申请编号."""
        return self.application.number

    @property
    def reporter_phone_masked(self) -> str:
        """举报人联系电话, masked."""
        return mask_mobile(self.reporter_phone)
