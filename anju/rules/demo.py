"""Demo rules of 亳州市: three public-rental programs with Bozhou-like thresholds (idempotent).

Numbers are believable, not official: 上年度城镇居民人均可支配收入 41,500 元 (2025 parameter for
2024), 低保标准 810 元/人·月, 15 m² per person as the housing-difficulty line, area standards
30/45/60 m² by household size, rent subsidy 10 元/m²·月, rent 6.5 元/m²·月.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

CITY = "341600000000"
YEAR = 2025
EFFECTIVE_FROM = datetime.date(2025, 1, 1)

PARAMETERS = [
    ("urban_disposable_income", "上年度城镇居民人均可支配收入", Decimal("41500"), "元", "亳州市统计公报（示例）"),
    ("minimum_living_standard", "城市居民最低生活保障标准", Decimal("810"), "元/人·月", "亳州市民政局（示例）"),
    ("housing_difficulty_area", "住房困难人均建筑面积标准", Decimal("15"), "平方米", "亳州市住房保障办法（示例）"),
]

CATEGORIES = [
    ("INC", None, "收入条件"),
    ("HOU", None, "住房条件"),
    ("AST", None, "资产条件"),
    ("HUK", None, "户籍条件"),
    ("EMP", None, "就业条件"),
    ("CRD", None, "信用条件"),
    ("AST-VEH", "AST", "车辆"),
]

# Condition rows: (code, parent code, kind, name, category, fields)
LOW_INCOME = [
    ("L01", None, "quantitative", "本地户籍满一年", "HUK",
     {"factor": "hukou_years", "start_relation": "ge", "start_value": 1, "member_quantifier": "any", "measure": "年"}),
    ("L02", None, "group", "收入条件", "INC", {"logic": "or"}),
    ("L02-1", "L02", "qualitative", "最低生活保障家庭", "INC", {"factor": "is_minimum_living", "logic_value": "true"}),
    ("L02-2", "L02", "quantitative", "人均年收入不高于上年度人均可支配收入的80%", "INC",
     {"factor": "income_per_capita", "end_relation": "le", "end_value": Decimal("0.8"),
      "end_parameter": "urban_disposable_income", "measure": "元/人·年"}),
    ("L03", None, "group", "住房困难", "HOU", {"logic": "or"}),
    ("L03-1", "L03", "qualitative", "本地无自有住房", "HOU", {"factor": "owns_home", "logic_value": "false"}),
    ("L03-2", "L03", "quantitative", "人均住房建筑面积低于15平方米", "HOU",
     {"factor": "floor_area_per_capita", "end_relation": "lt", "end_parameter": "housing_difficulty_area",
      "measure": "平方米"}),
    ("L04", None, "quantitative", "家庭人均资产不超过10万元", "AST",
     {"factor": "assets_per_capita", "end_relation": "le", "end_value": 100000, "measure": "元/人"}),
    ("L05", None, "quantitative", "机动车辆总价值不超过10万元", "AST-VEH",
     {"factor": "vehicle_value", "end_relation": "le", "end_value": 100000, "measure": "元"}),
    ("L06", None, "qualitative", "无严重失信记录", "CRD",
     {"factor": "credit_status", "logic_value": "none,minor"}),
]
GRADUATE = [
    ("G01", None, "quantitative", "有成员年满18周岁且不超过35周岁", "EMP",
     {"factor": "age", "start_relation": "ge", "start_value": 18, "end_relation": "le", "end_value": 35,
      "member_quantifier": "any", "measure": "周岁"}),
    ("G02", None, "qualitative", "有成员具有大专及以上学历", "EMP",
     {"factor": "education", "logic_value": "10,20,30", "member_quantifier": "any"}),
    ("G03", None, "qualitative", "有成员在本市就业", "EMP",
     {"factor": "is_employed", "logic_value": "true", "member_quantifier": "any"}),
    ("G04", None, "qualitative", "本地无自有住房", "HOU", {"factor": "owns_home", "logic_value": "false"}),
    ("G05", None, "quantitative", "人均年收入不高于上年度人均可支配收入", "INC",
     {"factor": "income_per_capita", "end_relation": "le", "end_parameter": "urban_disposable_income",
      "measure": "元/人·年"}),
    ("G06", None, "qualitative", "无严重失信记录", "CRD", {"factor": "credit_status", "logic_value": "none,minor"}),
    ("G07", None, "quantitative", "有成员毕业未满5年", "EMP",
     {"factor": "years_since_graduation", "end_relation": "lt", "end_value": 5, "member_quantifier": "any",
      "measure": "年"}),
    ("G08", None, "quantitative", "有成员在本市连续缴纳社会保险满6个月", "EMP",
     {"factor": "social_insurance_months", "start_relation": "ge", "start_value": 6, "member_quantifier": "any",
      "measure": "月"}),
]
MIGRANT = [
    ("M01", None, "qualitative", "有成员为外来务工人员", "EMP",
     {"factor": "is_migrant_worker", "logic_value": "true", "member_quantifier": "any"}),
    ("M02", None, "qualitative", "有成员在本市就业", "EMP",
     {"factor": "is_employed", "logic_value": "true", "member_quantifier": "any"}),
    ("M03", None, "qualitative", "本地无自有住房", "HOU", {"factor": "owns_home", "logic_value": "false"}),
    ("M04", None, "quantitative", "人均月收入不高于低保标准的4倍", "INC",
     {"factor": "income_per_capita_monthly", "end_relation": "le", "end_value": 4,
      "end_parameter": "minimum_living_standard", "measure": "元/人·月"}),
    ("M05", None, "quantitative", "家庭资产总额不超过30万元", "AST",
     {"factor": "assets_total", "end_relation": "le", "end_value": 300000, "measure": "元"}),
    ("M06", None, "qualitative", "无严重失信记录", "CRD", {"factor": "credit_status", "logic_value": "none,minor"}),
]

AREA_STANDARDS = [(1, Decimal(30)), (2, Decimal(45)), (3, Decimal(60))]

PROGRAMS = [
    # code, name, income class, special group, conditions
    ("BZ-P01", "城镇中等偏下收入住房困难家庭公共租赁住房保障", "03", "", LOW_INCOME),
    ("BZ-P02", "新就业无房职工公共租赁住房保障", "", "01", GRADUATE),
    ("BZ-P03", "外来务工人员公共租赁住房保障", "", "02", MIGRANT),
]


def _parameters() -> None:
    from anju.rules.models import RuleParameter

    for code, name, value, unit, source in PARAMETERS:
        RuleParameter.objects.update_or_create(
            code=code, region_code=CITY, year=YEAR, defaults={"name": name, "value": value, "unit": unit, "source": source}
        )


def _categories() -> dict[str, Any]:
    from anju.rules.models import ConditionCategory

    result: dict[str, Any] = {}
    for code, parent, name in CATEGORIES:
        result[code], _ = ConditionCategory.objects.update_or_create(
            code=code, defaults={"name": name, "parent": result.get(parent) if parent else None}
        )
    return result


def _conditions(version: Any, rows: list, categories: dict[str, Any]) -> None:
    from anju.rules.models import Condition

    created: dict[str, Any] = {}
    for sequence, (code, parent, kind, name, category, fields) in enumerate(rows, start=1):
        condition = Condition(
            version=version, code=code, parent=created.get(parent), kind=kind, name=name,
            category=categories[category], sequence=sequence, **fields,
        )
        condition.full_clean()
        condition.save()
        created[code] = condition


def _standards(version: Any, prefix: str) -> None:
    from anju.rules.models import BenefitStandard, OrderingFactor, OrderingScheme

    for size, area in AREA_STANDARDS:
        BenefitStandard.objects.create(
            version=version, code=f"{prefix}-S-A{size}", factor="保障面积", measure="平方米",
            household_size=size, standard_value=area, applied_value=area,
        )
    BenefitStandard.objects.create(
        version=version, code=f"{prefix}-S-RENT", factor="公共租赁住房租金", measure="元/平方米·月",
        standard_value=Decimal("6.50"), applied_value=Decimal("6.50"),
    )
    BenefitStandard.objects.create(
        version=version, code=f"{prefix}-S-SUB", factor="租赁补贴", measure="元/平方米·月",
        standard_value=Decimal("10.00"), applied_value=Decimal("10.00"),
    )
    scheme = OrderingScheme.objects.create(version=version, name="亳州市公共租赁住房轮候排序", tie_breaker="application_time")
    OrderingFactor.objects.create(scheme=scheme, name="最低生活保障家庭优先", factor="is_minimum_living",
                                  relation="eq", value=1, points=20, priority_group=1, sequence=1)
    OrderingFactor.objects.create(scheme=scheme, name="人均住房面积低于8平方米", factor="floor_area_per_capita",
                                  relation="lt", value=8, points=10, sequence=2)
    OrderingFactor.objects.create(scheme=scheme, name="三人及以上家庭", factor="household_size",
                                  relation="ge", value=3, points=5, sequence=3)


@transaction.atomic
def rules_demo_load() -> dict[str, int]:
    """Create (once) the parameters, categories, three programs with an enabled version each."""
    from django.utils import timezone

    from anju.rules.models import Mode, Program, RuleSet, RuleSetVersion

    _parameters()
    categories = _categories()
    counts = {"programs": 0, "versions": 0}
    enabled_at = datetime.datetime(2025, 1, 1, 9, 0, tzinfo=timezone.get_default_timezone())
    for code, name, income_class, special_group, rows in PROGRAMS:
        program, created = Program.objects.get_or_create(
            code=code,
            defaults={"name": name, "region_code": CITY, "income_class": income_class,
                      "special_group": special_group, "enabled_at": enabled_at},
        )
        counts["programs"] += created
        mode, _ = Mode.objects.get_or_create(
            code=f"{code}-M12", defaults={"program": program, "mode": "12", "enabled_at": enabled_at}
        )
        rule_set, _ = RuleSet.objects.get_or_create(
            mode=mode, defaults={"region_code": CITY, "name": f"{name}准入条件"}
        )
        if rule_set.versions.exists():
            continue
        version = RuleSetVersion.objects.create(
            rule_set=rule_set, number=1, status="enabled", effective_from=EFFECTIVE_FROM,
            note="示例规则（亳州市）", enabled_at=enabled_at,
        )
        _conditions(version, rows, categories)
        _standards(version, code)
        counts["versions"] += 1
    return counts
