"""Counters behind readable business numbers (region + year + sequence)."""

from django.db import models


class BusinessSequence(models.Model):
    """One counter per (kind, region, year); advanced under a row lock."""

    kind = models.CharField("编号类别", max_length=32)
    region_code = models.CharField("行政区划代码", max_length=12)
    year = models.PositiveSmallIntegerField("年度")
    last_value = models.PositiveBigIntegerField("当前值", default=0)

    class Meta:
        verbose_name = "业务编号序列"
        verbose_name_plural = "业务编号序列"
        constraints = [
            models.UniqueConstraint(fields=["kind", "region_code", "year"], name="core_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}-{self.region_code}-{self.year}: {self.last_value}"
