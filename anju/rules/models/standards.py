"""Named parameters, benefit standards (A.1.7) and waitlist ordering schemes."""

from django.db import models

from anju.core.models import RegionScopedModel, TimeStampedModel
from anju.rules.choices import OrderingTieBreaker, Relation
from anju.rules.models.programs import EnabledMixin


class RuleParameter(RegionScopedModel):
    """规则参数: a named number per region and year (上年度城镇居民人均可支配收入, 低保标准 …)."""

    code = models.CharField("参数代码", max_length=40)
    name = models.CharField("参数名称", max_length=100)
    year = models.PositiveSmallIntegerField("年度")
    value = models.DecimalField("数值", max_digits=16, decimal_places=4)
    unit = models.CharField("单位", max_length=20, blank=True)
    source = models.CharField("依据", max_length=200, blank=True)

    class Meta:
        verbose_name = "规则参数"
        verbose_name_plural = "规则参数"
        ordering = ["code", "region_code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["code", "region_code", "year"], name="rules_parameter_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.year}）"


class BenefitStandard(TimeStampedModel, EnabledMixin):
    """保障对象保障标准 (A.1.7): area by household size, subsidy per m² per month, rent level."""

    version = models.ForeignKey(
        "rules.RuleSetVersion", verbose_name="规则版本", on_delete=models.CASCADE, related_name="standards"
    )
    code = models.CharField("保障标准编号", max_length=40)
    factor = models.CharField("保障标准取用因素", max_length=100)
    measure = models.CharField("保障标准计量方式", max_length=40)
    household_size = models.PositiveSmallIntegerField("人户数", null=True, blank=True)
    standard_value = models.DecimalField("因素值现有标准", max_digits=14, decimal_places=2)
    applied_value = models.DecimalField("取用因素实际值", max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = "保障标准"
        verbose_name_plural = "保障标准"
        ordering = ["version", "factor", "household_size"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="rules_standard_unique_code")]

    def __str__(self) -> str:
        size = f"{self.household_size}人户" if self.household_size else ""
        return f"{self.factor}{size}：{self.applied_value}{self.measure}"

    @property
    def mode_code(self) -> str:
        """保障方式编号."""
        return self.version.rule_set.mode.code


class OrderingScheme(TimeStampedModel):
    """轮候排队规则 of a version: points per factor, priority groups, a tie-breaker."""

    version = models.OneToOneField(
        "rules.RuleSetVersion", verbose_name="规则版本", on_delete=models.CASCADE, related_name="ordering_scheme"
    )
    name = models.CharField("规则名称", max_length=100)
    tie_breaker = models.CharField(
        "同分排序", max_length=20, choices=OrderingTieBreaker.choices, default=OrderingTieBreaker.APPLICATION_TIME
    )
    description = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "轮候排队规则"
        verbose_name_plural = "轮候排队规则"

    def __str__(self) -> str:
        return self.name


class OrderingFactor(TimeStampedModel):
    """One line of an ordering scheme: if the household's factor relates to the value, add points (or rank it)."""

    scheme = models.ForeignKey(OrderingScheme, verbose_name="轮候排队规则", on_delete=models.CASCADE, related_name="factors")
    name = models.CharField("名称", max_length=100)
    factor = models.CharField("因素", max_length=40)
    relation = models.CharField("比较关系", max_length=4, choices=Relation.choices)
    value = models.DecimalField("比较值", max_digits=16, decimal_places=4)
    points = models.DecimalField("加分", max_digits=8, decimal_places=2, default=0)
    priority_group = models.PositiveSmallIntegerField(
        "优先组", null=True, blank=True, help_text="填写时，满足条件的家庭进入该优先组（数字小者优先）。"
    )
    sequence = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "排队因素"
        verbose_name_plural = "排队因素"
        ordering = ["scheme", "sequence", "id"]

    def __str__(self) -> str:
        return self.name
