"""核查 (CJJ/T 196 6.2.1 审核: 核查指派、核查结果信息维护、核查结论认定).

Appendix A has no data set for verification; these are Anju's own models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anju.core.models import DictionaryCodeField, RegionScopedModel


class VerificationKind(models.TextChoices):
    """What is verified."""

    INCOME = "income", "收入"
    ASSETS = "assets", "资产"
    HOUSING = "housing", "住房"
    HUKOU = "hukou", "户籍"
    MARRIAGE = "marriage", "婚姻"
    SOCIAL_SECURITY = "social_security", "社保"
    VEHICLE = "vehicle", "车辆"
    BUSINESS = "business", "工商登记"
    OTHER = "other", "其他"


class VerificationStatus(models.TextChoices):
    """State of a verification request."""

    ASSIGNED = "assigned", "待核查"
    ANSWERED = "answered", "已反馈"
    CANCELLED = "cancelled", "已撤销"


class Verification(RegionScopedModel):
    """核查 (own model, no Appendix A set): one check of an application assigned to a department or person."""

    number = models.CharField("核查编号", max_length=40, unique=True)
    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="verifications"
    )
    kind = models.CharField("核查类型", max_length=20, choices=VerificationKind.choices)
    request_note = models.TextField("核查要求", blank=True)
    assignee_organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name="核查单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="核查人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="指派人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField("指派时间")
    due_date = models.DateField("反馈期限", null=True, blank=True)
    status = models.CharField("核查状态", max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.ASSIGNED)
    result = DictionaryCodeField("核查结果", dictionary="verification_result", blank=True)
    result_detail = models.TextField("核查结果说明", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="反馈人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField("反馈时间", null=True, blank=True)

    class Meta:
        verbose_name = "核查"
        verbose_name_plural = "核查"
        ordering = ["-assigned_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(assignee_organisation__isnull=False) | models.Q(assignee__isnull=False),
                name="admission_verification_has_assignee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        """The verification page (request, answer, files)."""
        from django.urls import reverse

        return reverse("admission:verification_detail", args=[self.pk])

    @property
    def assignee_label(self) -> str:
        """核查单位 / 核查人 for lists."""
        parts = [str(p) for p in (self.assignee_organisation, self.assignee) if p is not None]
        return " / ".join(parts)


class VerificationConclusion(models.TextChoices):
    """核查结论认定."""

    ELIGIBLE = "eligible", "符合准入条件"
    INELIGIBLE = "ineligible", "不符合准入条件"


class VerificationReport(RegionScopedModel):
    """核查结论认定与核查报告 (own model, no Appendix A set): the reviewer's conclusion on the checks."""

    number = models.CharField("核查报告编号", max_length=40, unique=True)
    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="verification_reports"
    )
    conclusion = models.CharField("核查结论认定", max_length=16, choices=VerificationConclusion.choices)
    opinion = models.TextField("认定意见")
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="认定人", on_delete=models.PROTECT, related_name="+"
    )
    concluded_at = models.DateTimeField("认定时间")
    archive_file = models.ForeignKey(
        "archive.ArchiveFile", verbose_name="核查报告PDF", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "核查报告"
        verbose_name_plural = "核查报告"
        ordering = ["-concluded_at", "-id"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        """The printable report."""
        from django.urls import reverse

        return reverse("admission:verification_report", args=[self.pk])
