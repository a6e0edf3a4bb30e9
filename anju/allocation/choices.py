"""Enumerations of the 资源配置 models that are operational states (not Appendix A coded fields)."""

from django.db import models


class PeriodType(models.TextChoices):
    """周期类型 / 期别类型."""

    MONTH = "month", "月"
    QUARTER = "quarter", "季"
    YEAR = "year", "年"


class EntryDirection(models.TextChoices):
    """收支类型."""

    INCREASE = "in", "收入（增加）"
    DECREASE = "out", "支出（减少）"


class ResourceCategory(models.TextChoices):
    """资源类别."""

    HOUSING = "housing", "住房"
    FUNDS = "funds", "资金"
    LAND = "land", "土地"


class PlanStatus(models.TextChoices):
    """配置方案状态."""

    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"
    CLOSED = "closed", "已关闭"


class AllocationState(models.TextChoices):
    """配置状态 of a household, supplier or resource in a plan."""

    PLANNED = "planned", "待配置"
    ALLOCATED = "allocated", "已配置"
    WITHDRAWN = "withdrawn", "已撤出"


class SizeClass(models.TextChoices):
    """户型档次: how supply (units) and demand (household size) are matched in the gap measure."""

    SMALL = "small", "小户型（1人户：单间、一室）"
    MEDIUM = "medium", "中户型（2人户：两室）"
    LARGE = "large", "大户型（3人及以上户：三室）"


# 保障方式 codes (security_mode code table) whose resource is money, not a dwelling: 租赁补贴, 购房补贴, 货币补偿.
FUNDS_MODES = frozenset({"30", "40", "52"})


def mode_resource_category(mode: str) -> str:
    """资源类别 a plan of this 保障方式 allocates: funds for the subsidy modes, housing otherwise."""
    return ResourceCategory.FUNDS if mode in FUNDS_MODES else ResourceCategory.HOUSING


def household_size_class(size: int) -> str:
    """The 户型档次 a household of this size needs."""
    if size <= 1:
        return SizeClass.SMALL
    return SizeClass.MEDIUM if size == 2 else SizeClass.LARGE


# 户型 (housing Layout codes) → 户型档次; a unit without a layout is classed by its area.
LAYOUT_SIZE_CLASS = {
    "studio": SizeClass.SMALL, "1b1l": SizeClass.SMALL,
    "2b1l": SizeClass.MEDIUM, "2b2l": SizeClass.MEDIUM,
    "3b1l": SizeClass.LARGE, "3b2l": SizeClass.LARGE,
}  # fmt: skip
SMALL_AREA_BELOW, MEDIUM_AREA_BELOW = 50, 70

# 面积段 of the supply measures: (code, label, lower bound inclusive, upper bound exclusive or None).
AREA_BANDS = (
    ("a40", "40平方米以下", 0, 40),
    ("a50", "40–50平方米", 40, 50),
    ("a60", "50–60平方米", 50, 60),
    ("a70", "60–70平方米", 60, 70),
    ("a90", "70–90平方米", 70, 90),
    ("a90p", "90平方米及以上", 90, None),
)
