"""Checks of a unit's figures shared by the model (full_clean) and the Excel import (set-wise)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

AREA_TOLERANCE = Decimal("0.05")


def unit_problems(unit: Any, building: Any | None) -> list[tuple[str, str]]:
    """(field, Chinese message) for each inconsistency of a unit against its building."""
    problems: list[tuple[str, str]] = []
    floor_area = unit.floor_area or Decimal(0)
    if floor_area <= 0:
        problems.append(("floor_area", "建筑面积必须大于0。"))
    if unit.floor_from is not None and unit.floor_to is not None and unit.floor_to < unit.floor_from:
        problems.append(("floor_to", "所在终止层不能低于所在起始层。"))
    if building is not None and unit.floor_to is not None and unit.floor_from is not None:
        if unit.floor_to > building.floors_above:
            problems.append(("floor_to", f"所在终止层超过楼栋地上层数（{building.floors_above}层）。"))
        if unit.floor_from < -building.floors_below or unit.floor_from == 0:
            problems.append(("floor_from", "所在起始层无效（地上从1层起，地下为负数且不超过地下层数）。"))
    inner = unit.inner_area or Decimal(0)
    shared = unit.shared_area or Decimal(0)
    if floor_area > 0 and inner and inner > floor_area:
        problems.append(("inner_area", "套内建筑面积不能大于建筑面积。"))
    if floor_area > 0 and inner and shared and abs(inner + shared - floor_area) > AREA_TOLERANCE:
        problems.append(("shared_area", f"套内建筑面积与共用分摊面积之和（{inner + shared}）应等于建筑面积（{floor_area}）。"))
    if unit.balcony_area and inner and unit.balcony_area > inner:
        problems.append(("balcony_area", "阳台面积不能大于套内建筑面积。"))
    return problems
