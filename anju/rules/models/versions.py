"""Versioned rule sets (4.2.1): a rule set per mode, versions draft → enabled → stopped."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from anju.core.models import TimeStampedModel
from anju.rules.choices import VersionStatus


class RuleSet(TimeStampedModel):
    """The rules of one mode of one program (its region is the program's)."""

    mode = models.OneToOneField("rules.Mode", verbose_name="保障方式", on_delete=models.PROTECT, related_name="rule_set")
    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)
    name = models.CharField("规则名称", max_length=100)

    class Meta:
        verbose_name = "保障规则"
        verbose_name_plural = "保障规则"
        ordering = ["region_code", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def enabled_version(self):
        """The version currently enabled, or None."""
        return self.versions.filter(status=VersionStatus.ENABLED).first()


class RuleSetVersion(TimeStampedModel):
    """One version of a rule set; only drafts are edited; decisions reference the version."""

    rule_set = models.ForeignKey(RuleSet, verbose_name="保障规则", on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    status = models.CharField(
        "状态", max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT, db_index=True
    )
    effective_from = models.DateField("生效日期", null=True, blank=True)
    effective_to = models.DateField("失效日期", null=True, blank=True)
    based_on = models.ForeignKey(
        "self", verbose_name="生成自", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField("修订说明", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enabled_at = models.DateTimeField("启用时间", null=True, blank=True)
    stopped_at = models.DateTimeField("停止时间", null=True, blank=True)

    class Meta:
        verbose_name = "保障规则版本"
        verbose_name_plural = "保障规则版本"
        ordering = ["rule_set", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "number"], name="rules_version_unique_number"),
            models.UniqueConstraint(
                fields=["rule_set"], condition=Q(status="enabled"), name="rules_version_one_enabled"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_set.name} 第{self.number}版（{self.get_status_display()}）"

    def get_absolute_url(self) -> str:
        """The version page."""
        from django.urls import reverse

        return reverse("rules:version_detail", args=[self.pk])

    @property
    def region_code(self) -> str:
        """行政区划代码 of the rule set."""
        return self.rule_set.region_code

    @property
    def is_editable(self) -> bool:
        """Only drafts are edited."""
        return self.status == VersionStatus.DRAFT

    def root_conditions(self):
        """Top-level condition nodes, in order (together: AND)."""
        return self.conditions.filter(parent__isnull=True).order_by("sequence", "id")
