"""公示信息 (CJJ/T 196 A.3.12): a publicity notice and the applications it lists."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anju.core.models import DictionaryCodeField, RegionScopedModel


class PublicityKind(models.TextChoices):
    """What is published (6.2.1: 申请登记信息公示 / 初审结果公示)."""

    REGISTRATION = "registration", "申请登记信息公示"
    PRELIMINARY = "preliminary", "初审结果公示"


class PublicityStatus(models.TextChoices):
    """State of a publicity notice."""

    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "公示中"
    CLOSED = "closed", "已结束"


class Publicity(RegionScopedModel):
    """公示 (A.3.12 header): one notice with its period, channel and place; lists applications."""

    number = models.CharField("公示编号", max_length=40, unique=True)
    kind = models.CharField("公示类型", max_length=16, choices=PublicityKind.choices, default=PublicityKind.REGISTRATION)
    title = models.CharField("公示标题", max_length=200)
    start_date = models.DateField("公示开始时间")
    end_date = models.DateField("公示截止时间")
    channel = DictionaryCodeField("公示方式", dictionary="publicity_channel")
    place = models.CharField("公示地点", max_length=200, blank=True)
    status = models.CharField("公示状态", max_length=16, choices=PublicityStatus.choices, default=PublicityStatus.DRAFT)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "公示"
        verbose_name_plural = "公示"
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")), name="admission_publicity_period"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class PublicityEntry(models.Model):
    """公示信息 (A.3.12): one application listed in a publicity notice, with 公示是否通过."""

    publicity = models.ForeignKey(Publicity, verbose_name="公示", on_delete=models.CASCADE, related_name="entries")
    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="publicity_entries"
    )
    stage = models.CharField("办理阶段", max_length=16, blank=True, help_text="列入公示时申请所处的办理阶段。")
    passed = models.BooleanField("公示是否通过", null=True, blank=True)
    decided_at = models.DateTimeField("认定时间", null=True, blank=True)

    class Meta:
        verbose_name = "公示名单"
        verbose_name_plural = "公示名单"
        ordering = ["publicity", "id"]
        constraints = [
            models.UniqueConstraint(fields=["publicity", "application"], name="admission_publicity_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.publicity.number} {self.application.number}"

    @property
    def publicity_number(self) -> str:
        """公示编号 of the notice."""
        return self.publicity.number

    @property
    def application_number(self) -> str:
        """申请编号 of the listed application."""
        return self.application.number

    @property
    def start_date(self):
        """公示开始时间 of the notice."""
        return self.publicity.start_date

    @property
    def end_date(self):
        """公示截止时间 of the notice."""
        return self.publicity.end_date

    @property
    def channel(self) -> str:
        """公示方式 of the notice."""
        return self.publicity.channel

    @property
    def place(self) -> str:
        """公示地点 of the notice."""
        return self.publicity.place
