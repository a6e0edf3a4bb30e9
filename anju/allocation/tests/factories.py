"""Test data of the allocation tests: programs with modes and standards, register entries, allocatable units."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from django.utils import timezone

_sequence = itertools.count(1)
CITY, QIAOCHENG, GUOYANG = "341600000000", "341602000000", "341621000000"


def program_for(code: str = "BZ-P01", *, region_code: str = CITY, modes: tuple[str, ...] = ("12", "30"),
                income_class: str = "03", special_group: str = "", standards: bool = True):  # fmt: skip
    """An enabled program with modes (and an enabled rule-set version with area and subsidy standards)."""
    from anju.rules.models import BenefitStandard, Mode, Program, RuleSet, RuleSetVersion

    program = Program.objects.create(code=code, name=f"保障项目{code}", region_code=region_code, income_class=income_class,
                                     special_group=special_group)  # fmt: skip
    for mode in modes:
        mode_row = Mode.objects.create(code=f"{code}-M{mode}", program=program, mode=mode)
        if standards and mode == "30":
            rule_set = RuleSet.objects.create(mode=mode_row, region_code=region_code, name=f"{code}补贴规则")
            version = RuleSetVersion.objects.create(
                rule_set=rule_set, number=1, status="enabled", effective_from=date(2025, 1, 1)
            )
            for size, area in ((1, 30), (2, 45), (3, 60)):
                BenefitStandard.objects.create(version=version, code=f"{code}-A{size}", factor="保障面积", measure="平方米",
                                               household_size=size, standard_value=area, applied_value=area)  # fmt: skip
            BenefitStandard.objects.create(version=version, code=f"{code}-SUB", factor="租赁补贴", measure="元/平方米·月",
                                           standard_value=Decimal("10.00"), applied_value=Decimal("10.00"))  # fmt: skip
    return program


def register_entry_for(region_code: str = "341602001001", *, size: int = 2, mode: str = "12", name: str = "",
                       income_class: str = "03", floor_area: str = "20.00", exited: date | None = None):  # fmt: skip
    """A registered household (application + register entry) waiting (保障状态 轮候中)."""
    from anju.admission.models import Application, RegisterEntry
    from anju.admission.tests.factories import resident_id
    from anju.core.fields import blind_index

    n = next(_sequence)
    id_number = resident_id(county=region_code[:6], seq=n)
    application = Application.objects.create(
        region_code=region_code, number=f"SQ{region_code[:6]}2026{n:06d}", registration_year=2026,
        applicant_name=name or f"住户{n}", id_number=id_number, id_number_index=blind_index(id_number, purpose="id_number"),
        household_size=size, status="registered",
    )  # fmt: skip
    return RegisterEntry.objects.create(
        region_code=region_code, number=f"DJ{region_code[:6]}2026{n:06d}", application=application,
        applicant_name=application.applicant_name, id_number=id_number, id_number_index=application.id_number_index,
        household_size=size, security_mode=mode, income_class=income_class, floor_area_total=Decimal(floor_area),
        registered_at=timezone.now(), exited_at=exited, security_state="06" if exited else "01",
    )  # fmt: skip


def allocatable_units_for(region_code: str = QIAOCHENG, *, count: int = 3, layout: str = "2b1l", area: str = "60.00",
                          handed_over_on: date = date(2026, 7, 1), name: str = ""):  # fmt: skip
    """A project whose completed building's `count` units are handed over (已交付)."""
    from anju.housing.models import Unit
    from anju.housing.services import handover_create
    from anju.housing.tests.factories import building_for, complete, project_for, unit_for

    n = next(_sequence)
    project = project_for(region_code, name=name or f"测试公租房{n}")
    building = complete(building_for(project))
    units = [unit_for(building, room=f"{i + 1:02d}1", floor=1, area=area) for i in range(count)]
    Unit.objects.filter(pk__in=[u.pk for u in units]).update(layout=layout)
    handover = handover_create(
        project=project, units=units, handed_over_on=handed_over_on, handed_over_by="李建设", acting_user=None
    )
    return handover, list(Unit.objects.filter(pk__in=[u.pk for u in units]).order_by("pk"))
