"""保障规则交换信息 (A.1.12), generated from an enabled rule-set version."""

from django.db import models


class RuleExchangeRecord(models.Model):
    """保障规则交换信息 (A.1.12): the exchange form of one rule-set version (a row plus its JSON)."""

    version = models.ForeignKey(
        "rules.RuleSetVersion", verbose_name="规则版本", on_delete=models.PROTECT, related_name="exchange_records"
    )
    year = models.PositiveSmallIntegerField("保障规则年度")
    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)
    program = models.CharField("保障项目", max_length=100)
    income_class = models.CharField("收入分类", max_length=40, blank=True)
    special_group = models.CharField("特殊人群分类", max_length=40, blank=True)
    support_program = models.CharField("支持项目", max_length=100, blank=True)
    supplier_type = models.CharField("支持对象类型", max_length=20, blank=True)
    mode = models.CharField("保障（支持）方式", max_length=40)
    condition_factors = models.TextField("保障条件因素")
    support_condition_factors = models.TextField("支持条件因素", blank=True)
    standard_factors = models.TextField("保障标准因素", blank=True)
    support_standard_factors = models.TextField("支持标准因素", blank=True)
    condition_values = models.TextField("保障（支持）条件因素值")
    standard_values = models.TextField("保障（支持）标准因素值", blank=True)
    payload = models.JSONField("交换数据", default=dict)
    generated_at = models.DateTimeField("生成时间", auto_now_add=True)

    class Meta:
        verbose_name = "保障规则交换信息"
        verbose_name_plural = "保障规则交换信息"
        ordering = ["-generated_at", "-id"]

    def __str__(self) -> str:
        return f"{self.year} {self.program} {self.mode}"
