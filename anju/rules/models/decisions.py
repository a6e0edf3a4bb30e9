"""Eligibility decisions: the verdict of one application against a rule-set version, with its reasons."""

from django.conf import settings
from django.db import models


class EligibilityDecision(models.Model):
    """资格判定: decision, facts snapshot and per-condition explanation, bound to the rule-set version used."""

    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="eligibility_decisions"
    )
    rule_set_version = models.ForeignKey(
        "rules.RuleSetVersion", verbose_name="规则版本", on_delete=models.PROTECT, related_name="decisions"
    )
    mode_code = models.CharField("保障方式", max_length=8)
    eligible = models.BooleanField("是否符合条件")
    as_of = models.DateField("判定基准日")
    facts = models.JSONField("事实快照", default=dict)
    explanation = models.JSONField("判定说明", default=list)
    results = models.JSONField("各项目结果", default=list)
    decided_at = models.DateTimeField("判定时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="判定人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "资格判定"
        verbose_name_plural = "资格判定"
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.application_id} {'符合' if self.eligible else '不符合'}"
