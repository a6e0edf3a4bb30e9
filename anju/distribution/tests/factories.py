"""Test data of the distribution round tests: registered households, allocatable units, a published plan."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

_numbers = itertools.count(1)
DISTRICT = "341602000000"


def register_entry_for(application: Any, *, applied_days_ago: int = 100) -> Any:
    """A 准入登记簿 entry for an application (written straight to the table)."""
    from anju.admission.models import RegisterEntry

    n = next(_numbers)
    applied = timezone.now() - timedelta(days=applied_days_ago)
    return RegisterEntry.objects.create(
        number=f"DJ341602T{n:06d}",
        application=application,
        applicant_name=application.applicant_name,
        id_number=application.id_number,
        id_number_index=f"idx-{n}",
        region_code=application.region_code,
        household_size=application.household_size,
        applied_at=applied,
        registered_at=applied + timedelta(days=30),
    )


def households(specs: list[dict[str, Any]]) -> list[Any]:
    """Register entries from household specs (keyword arguments of rules' `household` factory + applied_days_ago)."""
    from anju.rules.tests.factories import household

    entries = []
    for spec in specs:
        spec = dict(spec)
        days = spec.pop("applied_days_ago", 100)
        entries.append(register_entry_for(household(**spec), applied_days_ago=days))
    return entries


def allocatable_units(count: int, *, region_code: str = DISTRICT, name: str = "希望家园公租房") -> list[Any]:
    """`count` handed-over units (已交付) of one completed building."""
    from anju.housing import services
    from anju.housing.tests.factories import building_for, complete, project_for, unit_for

    project = project_for(region_code, name=name)
    building = building_for(project, residential_units=max(count, 1))
    units = [unit_for(building, room=f"{100 + i + 1}", floor=1) for i in range(count)]
    complete(building)
    services.handover_create(
        project=project, units=units, handed_over_on=date(2026, 7, 1), handed_over_by="建设单位", acting_user=None
    )
    for unit in units:
        unit.refresh_from_db()
    return units


def published_plan(*, program: Any, entries: list[Any], units: list[Any], region_code: str = DISTRICT) -> Any:
    """A published allocation plan (A.6.5) with the households (A.6.6) and units (A.6.9)."""
    from anju.allocation.choices import PlanStatus, ResourceCategory
    from anju.allocation.models import AllocationPlan, PlanHousehold, PlanResource

    n = next(_numbers)
    plan = AllocationPlan.objects.create(
        number=f"PZ341602T{n:06d}",
        mode="12",
        program=program,
        name=f"2026年第{n}批公租房配租",
        period_type="year",
        period="2026",
        region_code=region_code,
        status=PlanStatus.PUBLISHED,
        published_at=timezone.now(),
        total_households=len(entries),
        total_units=len(units),
        total_area=Decimal(0),
        total_subsidy=Decimal(0),
    )
    PlanHousehold.objects.bulk_create([PlanHousehold(plan=plan, register_entry=e) for e in entries])
    PlanResource.objects.bulk_create(
        [
            PlanResource(
                plan=plan,
                resource_category=ResourceCategory.HOUSING,
                unit=u,
                resource_number=u.number,
                amount=Decimal(0),
            )
            for u in units
        ]
    )
    return plan
