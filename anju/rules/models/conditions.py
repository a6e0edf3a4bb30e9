"""保障对象申请条件: categories (A.1.3) and the condition tree (A.1.4 定量, A.1.5 定性, A.1.6 组合)."""

from django.db import models

from anju.core.models import TimeStampedModel
from anju.rules.choices import ConditionKind, Logic, MemberQuantifier, Relation
from anju.rules.models.programs import EnabledMixin

THRESHOLD = {"max_digits": 16, "decimal_places": 4, "null": True, "blank": True}


class ConditionCategory(TimeStampedModel):
    """保障对象申请条件分类 (A.1.3): 收入, 住房, 资产, 户籍, 就业 … in a tree."""

    code = models.CharField("保障对象申请条件分类编号", max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", verbose_name="父级分类", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField("保障对象申请条件分类名称", max_length=100)

    class Meta:
        verbose_name = "申请条件分类"
        verbose_name_plural = "申请条件分类"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def parent_code(self) -> str:
        """父级保障对象申请条件分类编号."""
        return self.parent.code if self.parent_id else ""


class Condition(TimeStampedModel, EnabledMixin):
    """保障对象申请条件 (A.1.4 定量 / A.1.5 定性 / A.1.6 组合): one node of a version's condition tree.

    Top-level nodes of a version are joined by AND. A quantitative node compares a factor with a
    start value (与起始值逻辑关系) and/or an end value (与终止值逻辑关系); each value is a number or
    multiplier × named parameter (RuleParameter). A qualitative node compares a yes/no or coded factor
    with 申请条件逻辑因素值. Member-level factors are checked per member, then combined by the quantifier.
    """

    version = models.ForeignKey(
        "rules.RuleSetVersion", verbose_name="规则版本", on_delete=models.CASCADE, related_name="conditions"
    )
    parent = models.ForeignKey(
        "self", verbose_name="所属组合条件", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField("条件类型", max_length=16, choices=ConditionKind.choices)
    code = models.CharField("保障方式申请条件编号", max_length=40)
    name = models.CharField("保障方式申请条件", max_length=100)
    category = models.ForeignKey(
        ConditionCategory, verbose_name="申请条件分类", null=True, blank=True, on_delete=models.PROTECT
    )
    sequence = models.PositiveSmallIntegerField("顺序", default=1)
    logic = models.CharField("逻辑关系", max_length=8, choices=Logic.choices, blank=True)
    factor = models.CharField("条件因素", max_length=40, blank=True)
    measure = models.CharField("保障条件和保障标准计量方式", max_length=40, blank=True)
    start_value = models.DecimalField("条件起始值", **THRESHOLD)
    start_parameter = models.CharField("起始值参数", max_length=40, blank=True)
    start_relation = models.CharField("与起始值逻辑关系", max_length=4, choices=Relation.choices, blank=True)
    end_value = models.DecimalField("条件终止值", **THRESHOLD)
    end_parameter = models.CharField("终止值参数", max_length=40, blank=True)
    end_relation = models.CharField("与终止值逻辑关系", max_length=4, choices=Relation.choices, blank=True)
    logic_value = models.CharField("申请条件逻辑因素值", max_length=200, blank=True)
    member_quantifier = models.CharField(
        "成员判断方式", max_length=8, choices=MemberQuantifier.choices, blank=True
    )
    count_relation = models.CharField("人数比较关系", max_length=4, choices=Relation.choices, blank=True)
    count_value = models.PositiveSmallIntegerField("人数", null=True, blank=True)

    class Meta:
        verbose_name = "申请条件"
        verbose_name_plural = "申请条件"
        ordering = ["version", "sequence", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="rules_condition_unique_code")]

    def __str__(self) -> str:
        return self.name

    @property
    def mode_code(self) -> str:
        """保障方式编号."""
        return self.version.rule_set.mode.code

    @property
    def group_code(self) -> str:
        """保障方式申请条件组合定性判断编号: the code of the group this node belongs to."""
        return self.parent.code if self.parent_id else ""

    @property
    def category_code(self) -> str:
        """保障对象申请条件分类编号."""
        return self.category.code if self.category_id else ""

    @property
    def factor_name(self) -> str:
        """条件因素, in Chinese."""
        from anju.rules.factors import FACTORS

        factor = FACTORS.get(self.factor)
        return factor.name if factor else self.factor

    def bound_text(self, which: str) -> str:
        """A bound for display: "小于等于 0.8 × urban_disposable_income" or "大于等于 18"."""
        relation = getattr(self, f"{which}_relation")
        if not relation:
            return ""
        value = getattr(self, f"{which}_value")
        parameter = getattr(self, f"{which}_parameter")
        number = f"{value.normalize():f}" if value is not None else ""
        if parameter:
            number = f"{number or '1'} × {parameter}"
        return f"{self.get_start_relation_display() if which == 'start' else self.get_end_relation_display()} {number}"

    @property
    def start_text(self) -> str:
        """起始值 with its relation."""
        return self.bound_text("start")

    @property
    def end_text(self) -> str:
        """终止值 with its relation."""
        return self.bound_text("end")

    @property
    def is_group(self) -> bool:
        """True for an AND/OR group."""
        return self.kind == ConditionKind.GROUP
