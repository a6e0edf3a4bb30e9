"""Code tables (代码表) of the 建设项目 data sets (A.5) that are plain coded values.

The standard names these enumerations but gives no codes; Anju's codes are the ones of
`anju.housing.choices` (stable, English, already stored), so moving a field from a Python
enumeration to a code table changes no stored value. The tables are seeded by the migration
`0003_housing_code_tables` and by `manage.py load_housing_dictionaries` (also run by
`demo_housing`); after that a system administrator may rename an item, add one (e.g. a new
fund source) or deactivate one in 代码表 like any other table.

Enumerations that drive behaviour stay Python enumerations (see docs/apps/housing.md,
“Enumerations”): the unit state machine, building status, progress-log kinds, building
category, certificate type (it selects the fields of the record), housing kind and layout
(read by allocation, the map and the portal), participant category (also a project role) and
the two identity-document types (they choose the validation).

`housing_dictionaries_ensure()` adds the tables and items that are missing and never changes an
existing item, so a city's edits survive.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from anju.housing import choices as c

STANDARD = "安居自定义（CJJ/T 196-2012 附录 A.5）"

# dictionary code -> (name, the enumeration whose codes and names seed it)
HOUSING_CODE_TABLES: dict[str, tuple[str, type[models.TextChoices]]] = {
    "housing_construction_mode": ("建设方式", c.ConstructionMode),
    "housing_planning_location": ("规划区位", c.PlanningLocation),
    "housing_owner_category": ("棚户区区片原归属单位类别", c.OwnerCategory),
    "housing_plan_period": ("规划计划年度类别", c.PlanPeriodCategory),
    "housing_fund_source": ("资金来源渠道类别（建设项目）", c.FundSource),
    "housing_investment_composition": ("投资构成类别", c.InvestmentComposition),
    "housing_income_class": ("收入层次类别（拆迁安置）", c.IncomeClass),
    "housing_security_mode": ("保障方式类别（拆迁安置）", c.SecurityMode),
    "housing_compensation_mode": ("安置补偿方式类别", c.CompensationMode),
    "housing_land_acquisition": ("土地取得方式（建设项目）", c.LandAcquisitionMode),
    "housing_land_development": ("土地开发程度", c.LandDevelopmentLevel),
    "housing_building_structure": ("建筑结构（单体工程）", c.BuildingStructure),
    "housing_unit_source": ("房屋来源", c.UnitSource),
    "housing_orientation": ("朝向", c.Orientation),
    "housing_decoration": ("建成时装修程度", c.Decoration),
    "housing_participant_type": ("参与单位类型", c.ParticipantType),
    "housing_person_category": ("项目参与人员分类", c.PersonCategory),
    "housing_employment_mode": ("专（兼）职", c.EmploymentMode),
    "housing_contract_category": ("施工合同类别", c.ContractCategory),
}


def shipped_choices(dictionary: str) -> list[tuple[str, str]]:
    """The codes and names Anju ships for a housing code table."""
    return [(str(value), str(label)) for value, label in HOUSING_CODE_TABLES[dictionary][1].choices]


def code_choices(dictionary: str) -> list[tuple[str, str]]:
    """The active items of the table, or the shipped ones while the table has not been loaded."""
    from anju.core.selectors import dictionary_choices, dictionary_names

    if not dictionary_names(dictionary, include_inactive=True):
        return shipped_choices(dictionary)
    return list(dictionary_choices(dictionary))


def code_names(dictionary: str) -> dict[str, str]:
    """{code: name} of every item (inactive too), or the shipped ones while the table has not been loaded."""
    from anju.core.selectors import dictionary_names

    return dictionary_names(dictionary, include_inactive=True) or dict(shipped_choices(dictionary))


def code_label(dictionary: str, code: str) -> str:
    """The Chinese name of a code ("" for an empty value, the code itself when unknown)."""
    if not code:
        return ""
    return code_names(dictionary).get(code, code)


def seed_tables(dictionary_model: Any, item_model: Any) -> int:
    """Create the missing tables and items with the given models (the migration passes historical ones)."""
    added = 0
    for code, (name, enum) in HOUSING_CODE_TABLES.items():
        dictionary, _ = dictionary_model.objects.get_or_create(
            code=code, defaults={"name": name, "standard": STANDARD, "is_system": True}
        )
        existing = set(item_model.objects.filter(dictionary=dictionary).values_list("code", flat=True))
        new = [
            item_model(dictionary=dictionary, code=str(value), name=str(label), sort_order=order * 10)
            for order, (value, label) in enumerate(enum.choices, start=1)
            if str(value) not in existing
        ]
        item_model.objects.bulk_create(new)
        added += len(new)
    return added


@transaction.atomic
def housing_dictionaries_ensure() -> int:
    """Add the housing code tables and items that are missing; return how many items were added."""
    from anju.core.models import Dictionary, DictionaryItem
    from anju.core.selectors import dictionary_cache_clear

    added = seed_tables(Dictionary, DictionaryItem)
    for code in HOUSING_CODE_TABLES:
        dictionary_cache_clear(code)
    return added


class CodeTable:
    """A housing code table used where a TextChoices class was (`.choices`, `.values`), read when used."""

    def __init__(self, dictionary: str) -> None:
        if dictionary not in HOUSING_CODE_TABLES:
            raise KeyError(dictionary)
        self.dictionary = dictionary

    @property
    def choices(self) -> list[tuple[str, str]]:
        """Active (code, name) items."""
        return code_choices(self.dictionary)

    @property
    def values(self) -> list[str]:
        """Active codes."""
        return [code for code, _name in self.choices]
