"""Test data of the housing tests, made through the services (acting_user=None is a system job)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from anju.housing import services
from anju.housing.choices import BuildingCategory, ConstructionMode, HousingKind, ProgressKind
from anju.housing.imports import BUILDING_COLUMNS, BUILDING_SHEET, UNIT_COLUMNS, UNIT_SHEET


def project_for(region_code: str = "341602000000", *, name: str = "希望家园公租房", year: int = 2026, user=None):
    """A public rental project."""
    return services.project_create(
        data={
            "proposed_name": name, "category": HousingKind.PUBLIC_RENTAL, "construction_mode": ConstructionMode.NEW,
            "year": year, "planned_residential_units": 100, "total_investment": Decimal("5000.00"),
        },
        region_code=region_code, acting_user=user,
    )


def building_for(project, *, name: str = "1号楼", floors: int = 6, category: str = BuildingCategory.RESIDENTIAL,
                 floor_area: str = "3600.00", residential_units: int = 24, residential_area: str = "3000.00"):
    """A building of the project."""
    return services.building_save(
        project=project, acting_user=None,
        data={"name": name, "category": category, "floors_total": floors, "floors_above": floors, "floors_below": 0,
              "floor_area": Decimal(floor_area), "residential_units": residential_units,
              "residential_area": Decimal(residential_area)},
    )


def unit_for(building, *, entrance: str = "1", room: str = "101", floor: int = 1, area: str = "60.00"):
    """A unit of the building (未交付)."""
    return services.unit_save(
        building=building, acting_user=None,
        data={"entrance": entrance, "room_number": room, "floor_from": floor, "floor_to": floor,
              "floor_area": Decimal(area), "inner_area": Decimal(area) - Decimal("10.00"), "shared_area": Decimal("10.00"),
              "initial_nature": HousingKind.PUBLIC_RENTAL, "housing_kind": HousingKind.PUBLIC_RENTAL, "layout": "2b1l"},
    )


def complete(building, *, started: date = date(2026, 1, 10), completed: date = date(2026, 6, 30)):
    """Log start and completion of a building."""
    project = building.project
    services.progress_log_create(project=project, acting_user=None,
                                 data={"building": building, "kind": ProgressKind.START, "recorded_on": started})
    services.progress_log_create(project=project, acting_user=None,
                                 data={"building": building, "kind": ProgressKind.COMPLETION, "recorded_on": completed})
    building.refresh_from_db()
    return building


def workbook(buildings: list[dict], units: list[dict], *, drop_unit_header: str | None = None) -> bytes:
    """An .xlsx in the template layout; rows are {header: value}."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "填写说明"
    for title, columns, rows in ((BUILDING_SHEET, BUILDING_COLUMNS, buildings), (UNIT_SHEET, UNIT_COLUMNS, units)):
        sheet = book.create_sheet(title)
        headers = [c.header for c in columns if not (title == UNIT_SHEET and c.header == drop_unit_header)]
        sheet.append([h + ("*" if any(c.header == h and c.required for c in columns) else "") for h in headers])
        for row in rows:
            sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def big_workbook(*, buildings: int = 20, floors: int = 25, per_floor: int = 20) -> tuple[bytes, int]:
    """A workbook of buildings × floors × units per floor (20 × 25 × 20 = 10,000 units)."""
    building_rows = [
        {"单体工程名称": f"{b}号楼", "单体工程类别": "住宅", "地上层数": floors, "建筑面积": 60000, "建筑结构": "钢筋混凝土结构"}
        for b in range(1, buildings + 1)
    ]
    unit_rows = []
    for b in range(1, buildings + 1):
        for floor in range(1, floors + 1):
            for index in range(1, per_floor + 1):
                unit_rows.append({
                    "单体工程名称": f"{b}号楼", "单元": str((index - 1) // 4 + 1), "房号": f"{floor}{index:02d}",
                    "所在起始层": floor, "建筑面积": 60.5, "套内建筑面积": 50.25, "共用分摊面积": 10.25, "阳台面积": 4,
                    "朝向": "南", "户型": "两室一厅", "间数": 2, "建成时装修程度": "简易装修",
                })
    return workbook(building_rows, unit_rows), len(unit_rows)
