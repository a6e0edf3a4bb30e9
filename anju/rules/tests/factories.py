"""Test data of the rules app: households written straight to the admission tables (fast, many)."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from anju.admission.tests.factories import resident_id

_numbers = itertools.count(1)
AS_OF = datetime.date(2025, 6, 30)


def birth_for_age(age: int, as_of: datetime.date = AS_OF) -> datetime.date:
    """A birth date giving exactly `age` on as_of (born on 1 January)."""
    return datetime.date(as_of.year - age - (1 if as_of < datetime.date(as_of.year, 1, 1) else 0), 1, 1)


def household(
    *,
    region_code: str = "341602001001",
    members: list[dict[str, Any]] | None = None,
    dwellings: list[dict[str, Any]] | None = None,
    assets: list[dict[str, Any]] | None = None,
    status: str = "submitted",
    **fields: Any,
) -> Any:
    """An application with members, dwellings and assets, totals computed as the admission services do."""
    from anju.admission.models import Application, Asset, Dwelling, Member

    members = members or [{}]
    dwellings = dwellings or []
    n = next(_numbers)
    size = len(members)
    income_total = sum((Decimal(m.get("annual_income", 0)) for m in members), Decimal(0))
    area_total = sum((Decimal(d.get("floor_area", 0)) for d in dwellings), Decimal(0))
    values = {
        "household_size": size,
        "income_total": income_total,
        "income_per_capita": (income_total / size).quantize(Decimal("0.01")),
        "floor_area_total": area_total,
        "floor_area_per_capita": (area_total / size).quantize(Decimal("0.01")),
    }
    values.update(fields)
    application = Application.objects.create(
        number=f"TEST{n:08d}", registration_year=2025, applicant_name=f"户主{n}", id_number=resident_id(seq=n % 400),
        region_code=region_code, status=status, **values,
    )
    for sequence, data in enumerate(members, start=1):
        data = dict(data)
        age = data.pop("age", 30)
        Member.objects.create(
            application=application, sequence=sequence, is_applicant=sequence == 1,
            relation="02" if sequence == 1 else "10", name=data.pop("name", f"成员{n}-{sequence}"),
            id_number=resident_id(seq=sequence), id_number_index=f"{n}-{sequence}", sex="1",
            birth_date=data.pop("birth_date", birth_for_age(age)), **data,
        )
    for sequence, data in enumerate(dwellings, start=1):
        Dwelling.objects.create(application=application, sequence=sequence, occupancy_status="1", **data)
    for sequence, data in enumerate(assets or [], start=1):
        Asset.objects.create(application=application, sequence=sequence, owner_name="户主", **data)
    return application
