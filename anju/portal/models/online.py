"""Online applications: the portal's link between an applicant account and an admission application."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class OnlineApplication(models.Model):
    """网上申请: one applicant's online case; the application itself is `admission.Application` (A.3.8).

    Holds what the portal adds: the owner account, the last step reached, which fields were
    filled from partner data and which proofs were therefore not asked for (零证明).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人账号",
        on_delete=models.PROTECT,
        related_name="online_applications",
    )
    application = models.OneToOneField(
        "admission.Application",
        verbose_name="申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="online",
    )
    step = models.CharField("填报进度", max_length=16, default="household")
    prefilled = models.JSONField("部门数据预填字段", default=list, blank=True)
    proofs_waived = models.JSONField("免提交的证明", default=dict, blank=True, help_text="{档案类型代码: 数据来源}")
    is_active = models.BooleanField("办理中", default=True)
    submitted_at = models.DateTimeField("网上提交时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "网上申请"
        verbose_name_plural = "网上申请"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_active=True), name="portal_online_one_active_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"网上申请 {self.application.number if self.application_id else '（未建档）'}"
