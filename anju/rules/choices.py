"""Choices of the rules app: version states, condition kinds, relations, member quantifiers."""

from django.db import models


class VersionStatus(models.TextChoices):
    """State of a rule-set version (4.2.1: 修改 → 生成模板 → 启用/停止)."""

    DRAFT = "draft", "草稿"
    ENABLED = "enabled", "已启用"
    STOPPED = "stopped", "已停止"


class ConditionKind(models.TextChoices):
    """Kind of a condition node: an AND/OR group (A.1.6), quantitative (A.1.4) or qualitative (A.1.5)."""

    GROUP = "group", "组合判断"
    QUANTITATIVE = "quantitative", "定量判断"
    QUALITATIVE = "qualitative", "定性判断"


class Logic(models.TextChoices):
    """逻辑关系 of a group (A.1.6); codes of the `logic_operator` code table."""

    AND = "and", "并且"
    OR = "or", "或者"


class Relation(models.TextChoices):
    """与起始值/终止值逻辑关系 (A.1.4); codes of the `logic_relation` code table."""

    GT = "gt", "大于"
    GE = "ge", "大于等于"
    LT = "lt", "小于"
    LE = "le", "小于等于"
    EQ = "eq", "等于"
    NE = "ne", "不等于"


class MemberQuantifier(models.TextChoices):
    """How a member-level condition makes a household verdict."""

    ANY = "any", "任一成员满足"
    ALL = "all", "全部成员满足"
    NONE = "none", "没有成员满足"
    COUNT = "count", "满足的成员人数"


class OrderingTieBreaker(models.TextChoices):
    """Tie-breaker of a waitlist ordering scheme (轮候排队规则)."""

    APPLICATION_TIME = "application_time", "按申请（提交）时间先后"
    LOTTERY = "lottery", "摇号"


class SupplierType(models.TextChoices):
    """支持对象类型 (A.1.8)."""

    ORGANISATION = "organisation", "单位"
    INDIVIDUAL = "individual", "个人"


# The default mode: 公共租赁住房配租 in the `security_mode` code table.
DEFAULT_MODE_CODE = "12"
