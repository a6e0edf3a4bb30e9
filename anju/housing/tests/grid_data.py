"""Test data for the 楼盘表, map and 一房一档 tests: projects, buildings and units made directly."""

from __future__ import annotations

from decimal import Decimal

from anju.housing.choices import ConstructionMode, HousingKind, UnitState
from anju.housing.models import Building, Project, Unit

QIAOCHENG = "341602000000"
GUOYANG = "341621000000"


def make_project(number: str = "XM341602-2026-001", *, region_code: str = QIAOCHENG, name: str = "城南公租房小区",
                 category: str = HousingKind.PUBLIC_RENTAL, lat: str | None = "33.850000", lng: str | None = "115.780000",
                 **extra) -> Project:
    """A project in a district."""
    return Project.objects.create(
        number=number, proposed_name=name, category=category, construction_mode=ConstructionMode.NEW, year=2026,
        region_code=region_code, latitude=Decimal(lat) if lat else None, longitude=Decimal(lng) if lng else None, **extra,
    )


def make_building(project: Project, number: str = "", *, name: str = "1号楼", floors: int = 6, **extra) -> Building:
    """A residential building of the project."""
    return Building.objects.create(
        project=project, number=number or f"{project.number}-{name}", name=name, region_code=project.region_code,
        floors_total=floors, floors_above=floors, **extra,
    )


def make_unit(building: Building, floor: int, position: int, *, entrance: str = "1", state: str = UnitState.UNDELIVERED,
              floor_to: int | None = None, area: str = "50.00") -> Unit:
    """One unit; room number floor + two-digit position (1201)."""
    room = f"{floor}{position:02d}"
    return Unit.objects.create(
        building=building, number=f"{building.number}-{entrance}-{room}", initial_nature=HousingKind.PUBLIC_RENTAL,
        housing_kind=HousingKind.PUBLIC_RENTAL, floor_from=floor, floor_to=floor_to or floor, entrance=entrance,
        room_number=room, floor_area=Decimal(area), region_code=building.region_code, state=state,
    )


def fill_building(building: Building, *, floors: int, per_floor: int, state: str = UnitState.UNDELIVERED) -> list[Unit]:
    """Every position of every floor, in one bulk insert."""
    units = [
        Unit(
            building=building, number=f"{building.number}-1-{floor}{pos:02d}", initial_nature=HousingKind.PUBLIC_RENTAL,
            housing_kind=HousingKind.PUBLIC_RENTAL, floor_from=floor, floor_to=floor, entrance="1",
            room_number=f"{floor}{pos:02d}", floor_area=Decimal("45.00"), region_code=building.region_code, state=state,
        )
        for floor in range(1, floors + 1)
        for pos in range(1, per_floor + 1)
    ]
    return Unit.objects.bulk_create(units)
