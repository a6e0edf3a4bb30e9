"""The factor library: every fact a condition may test, with its Chinese name, unit and ORM source.

A household factor is one value per application; a member factor is one value per member and is
turned into a household verdict by the condition's quantifier (任一/全部/没有/人数). Each factor
says how the single path reads it (`facts[code]` or `member[code]`) and how the batch path reads
it (an annotation on the application queryset, or a member field), so that both paths see the
same numbers.

Credit status (信用状况) has no source app yet: it is read through `credit_provider`, which by
default answers "none" (无不良记录) for everyone; the supervision app will register its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Expression, Value
from django.db.models.fields import CharField

NUMBER, BOOL, CODE = "number", "bool", "code"
HOUSEHOLD, MEMBER = "household", "member"


@dataclass(frozen=True)
class Factor:
    """One fact a condition can test."""

    code: str
    name: str
    kind: str  # number / bool / code
    level: str  # household / member
    unit: str = ""
    # number factors compared through a base value: fact = base / scale (e.g. monthly = yearly / 12)
    base: str = ""
    scale: int = 1
    # per-capita factors compared as base ≤ threshold × household_size
    per_capita: bool = False
    # member field (batch path) for member factors; "" for derived ones (age)
    field: str = ""
    dictionary: str = ""

    @property
    def label(self) -> str:
        """Name with unit, for forms."""
        return f"{self.name}（{self.unit}）" if self.unit else self.name


FACTORS: dict[str, Factor] = {
    factor.code: factor
    for factor in [
        Factor("household_size", "家庭人口数", NUMBER, HOUSEHOLD, "人"),
        Factor("income_total", "家庭年总收入", NUMBER, HOUSEHOLD, "元"),
        Factor("income_per_capita", "家庭人均年收入", NUMBER, HOUSEHOLD, "元"),
        Factor("income_per_capita_monthly", "家庭人均月收入", NUMBER, HOUSEHOLD, "元", base="income_per_capita", scale=12),
        Factor("floor_area_total", "家庭住房总建筑面积", NUMBER, HOUSEHOLD, "平方米"),
        Factor("floor_area_per_capita", "家庭人均住房建筑面积", NUMBER, HOUSEHOLD, "平方米"),
        Factor("owned_home_count", "家庭成员自有住房套数", NUMBER, HOUSEHOLD, "套"),
        Factor("owns_home", "在本地拥有住房", BOOL, HOUSEHOLD),
        Factor("assets_total", "家庭资产总额", NUMBER, HOUSEHOLD, "元"),
        Factor("assets_per_capita", "家庭人均资产", NUMBER, HOUSEHOLD, "元", base="assets_total", per_capita=True),
        Factor("vehicle_count", "机动车辆数", NUMBER, HOUSEHOLD, "辆"),
        Factor("vehicle_value", "机动车辆总价值", NUMBER, HOUSEHOLD, "元"),
        Factor("is_minimum_living", "是否最低生活保障家庭", BOOL, HOUSEHOLD),
        Factor("is_low_income", "是否低收入家庭", BOOL, HOUSEHOLD),
        Factor("had_housing_support", "是否享受过住房保障待遇", BOOL, HOUSEHOLD),
        Factor("in_shantytown", "是否居住在棚户区", BOOL, HOUSEHOLD),
        Factor("credit_status", "信用状况", CODE, HOUSEHOLD, dictionary="credit_status"),
        Factor("member_count", "登记成员人数", NUMBER, HOUSEHOLD, "人"),
        # member level
        Factor("hukou_years", "本地户口年限", NUMBER, MEMBER, "年", field="hukou_years"),
        Factor("age", "年龄", NUMBER, MEMBER, "周岁"),
        Factor("annual_income", "个人年收入", NUMBER, MEMBER, "元", field="annual_income"),
        Factor("is_disabled", "是否残疾", BOOL, MEMBER),
        Factor("disability_level", "残疾等级", CODE, MEMBER, field="disability_level", dictionary="disability_grade"),
        Factor("education", "文化程度", CODE, MEMBER, field="education", dictionary="education"),
        Factor("employment_status", "就业情况", CODE, MEMBER, field="employment_status", dictionary="employment_status"),
        Factor("is_employed", "是否就业", BOOL, MEMBER),
        Factor("hukou_type", "户口性质", CODE, MEMBER, field="hukou_type", dictionary="hukou_nature"),
        Factor("special_person_code", "特殊人员代码", CODE, MEMBER, field="special_person_code", dictionary="special_group"),
        Factor("is_migrant_worker", "是否外来务工人员", BOOL, MEMBER, field="is_migrant_worker"),
        Factor("is_introduced_talent", "是否引进人才", BOOL, MEMBER, field="is_introduced_talent"),
        Factor("has_provident_fund", "是否缴存住房公积金", BOOL, MEMBER, field="has_provident_fund"),
        Factor("had_welfare_housing", "是否享受过福利房", BOOL, MEMBER, field="had_welfare_housing"),
        Factor("years_since_graduation", "毕业年限", NUMBER, MEMBER, "年"),
        Factor("social_insurance_months", "连续缴纳社保月数", NUMBER, MEMBER, "月", field="social_insurance_months"),
        Factor("is_resident", "是否常住", BOOL, MEMBER, field="is_resident"),
        Factor("has_criminal_record", "是否有犯罪记录", BOOL, MEMBER, field="has_criminal_record"),
    ]
}

# Employment codes (GB/T 2261.4) that are not employment: 学生, 无业人员, 退（离）休人员, 其他.
NOT_EMPLOYED_CODES = frozenset({"31", "70", "80", "90", ""})
# 资产类别 of motor vehicles.
VEHICLE_ASSET_CODE = "03"

CREDIT_STATUS_NAMES = {"none": "无不良记录", "minor": "轻微失信", "serious": "较重失信", "severe": "严重失信"}


class DefaultCreditProvider:
    """Credit status until the supervision app registers its own: everyone has no record."""

    def status_for(self, application: Any) -> str:
        """The household's credit status code."""
        return "none"

    def annotation(self) -> Expression:
        """The same status as an expression over an Application queryset (OuterRef('pk') = application)."""
        return Value("none", output_field=CharField())


_REGISTRY: dict[str, Any] = {"credit": DefaultCreditProvider()}


def credit_provider() -> Any:
    """The registered credit provider."""
    return _REGISTRY["credit"]


def credit_provider_set(provider: Any) -> Any:
    """Register the credit provider (status_for(application) and annotation()); returns the previous one."""
    previous, _REGISTRY["credit"] = _REGISTRY["credit"], provider
    return previous


def factor_get(code: str) -> Factor:
    """The factor of a code; KeyError for an unknown code."""
    return FACTORS[code]


def factor_choices(level: str | None = None) -> list[tuple[str, str]]:
    """(code, label) pairs for forms."""
    return [(f.code, f.label) for f in FACTORS.values() if level is None or f.level == level]


def code_name(factor: Factor, value: str) -> str:
    """Chinese name of a coded fact value."""
    if factor.code == "credit_status":
        return CREDIT_STATUS_NAMES.get(value, value)
    if factor.dictionary and value:
        from anju.rules.selectors import dictionary_name

        return dictionary_name(factor.dictionary, value)
    return value or "（空）"

