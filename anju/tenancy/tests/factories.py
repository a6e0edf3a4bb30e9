"""Test data of the tenancy tests: households, units and signed leases written straight to the tables (fast, many).

Leases are `distribution.Contract` rows of type lease made here directly (the contract services are the
distribution app's); units are created already 已配给 as distribution leaves them.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from anju.housing.choices import ConstructionMode, HousingKind, UnitState

_numbers = itertools.count(1)
REGION = "341602001001"  # 白布社区, 谯城区
OTHER_REGION = "341621001001"  # 北关社区, 涡阳县


def building_make(region_code: str = REGION) -> Any:
    """A project and a building (ORM; the housing services are not under test here)."""
    from anju.housing.models import Building, Project

    n = next(_numbers)
    project = Project.objects.create(
        number=f"XMT{n:06d}",
        proposed_name=f"测试公租房{n}",
        region_code=region_code,
        category=HousingKind.PUBLIC_RENTAL,
        construction_mode=ConstructionMode.NEW,
        year=2026,
    )
    return Building.objects.create(project=project, number=f"DT{n:06d}", name=f"{n}号楼", region_code=region_code)


def unit_make(building: Any, *, state: str = UnitState.ALLOCATED, room: str | None = None) -> Any:
    """A unit of the building in the given state."""
    from anju.housing.models import Unit

    n = next(_numbers)
    return Unit.objects.create(
        building=building,
        number=f"FW{n:08d}",
        room_number=room or f"{n}",
        entrance="1",
        floor_from=1,
        floor_to=1,
        floor_area=Decimal("60.00"),
        initial_nature=HousingKind.PUBLIC_RENTAL,
        housing_kind=HousingKind.PUBLIC_RENTAL,
        region_code=building.region_code,
        state=state,
    )


def entry_make(region_code: str = REGION, *, application: Any = None, name: str | None = None) -> Any:
    """A register entry (准入登记簿) of a new application (or of the given one)."""
    from anju.admission.models import Application, RegisterEntry
    from anju.admission.tests.factories import resident_id

    n = next(_numbers)
    if application is None:
        application = Application.objects.create(
            number=f"SQT{n:08d}",
            registration_year=2025,
            applicant_name=name or f"住户{n}",
            id_number=resident_id(seq=n % 400),
            id_number_index=f"t{n}",
            region_code=region_code,
            status="registered",
            household_size=1,
        )
    return RegisterEntry.objects.create(
        number=f"DJT{n:08d}",
        application=application,
        applicant_name=application.applicant_name,
        id_number=application.id_number,
        id_number_index=f"e{n}",
        region_code=application.region_code,
        household_size=application.household_size,
        registered_at=timezone.make_aware(datetime(2025, 3, 1)),
        security_state="02",
    )


def lease_make(
    entry: Any,
    unit: Any,
    *,
    rent: str = "300.00",
    deposit: str = "600.00",
    status: str = "signed",
    effective_on: date = date(2026, 1, 1),
    contract_type: str = "lease",
) -> Any:
    """A signed lease (配租合同) of the household for the unit."""
    from anju.distribution.models import Contract

    n = next(_numbers)
    return Contract.objects.create(
        number=f"HTT{n:08d}",
        contract_type=contract_type,
        register_entry=entry,
        unit=unit,
        region_code=entry.region_code,
        monthly_rent=Decimal(rent),
        deposit=Decimal(deposit),
        signer_name=entry.applicant_name,
        signer_id_number=entry.id_number,
        status=status,
        effective_on=effective_on,
        signed_at=timezone.now(),
        sale_price=Decimal("300000.00") if contract_type == "sale" else None,
    )


def tenancy_make(
    *,
    region_code: str = REGION,
    rent: str = "300.00",
    reduction: str = "0",
    moved_in_on: date = date(2026, 1, 5),
    building: Any = None,
) -> Any:
    """A household moved in (lease + move-in written directly; the unit 已入住)."""
    from anju.tenancy.models import MoveIn

    building = building or building_make(region_code)
    unit = unit_make(building, state=UnitState.OCCUPIED)
    entry = entry_make(region_code)
    lease = lease_make(entry, unit, rent=rent)
    return MoveIn.objects.create(
        lease=lease,
        register_entry=entry,
        unit=unit,
        region_code=region_code,
        moved_in_on=moved_in_on,
        rent=Decimal(rent),
        reduction_amount=Decimal(reduction),
        has_reduction=Decimal(reduction) > 0,
        deposit=lease.deposit,
    )
