"""楼盘表 (unit grid) of one building: floors (top first) × unit positions, coloured by state."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from anju.core.scoping import get_visible_or_404
from anju.housing.choices import UnitState
from anju.housing.models import Building, Unit

GRID_UNIT_FIELDS = (
    "id", "number", "entrance", "room_number", "floor_from", "floor_to", "nominal_floor",
    "floor_area", "layout", "state", "building_id",
)


@dataclass(frozen=True)
class GridColumn:
    """One vertical line of the grid: an entrance (单元) and a room position on each floor."""

    entrance: str
    position: str

    @property
    def label(self) -> str:
        """Column header, e.g. 1单元 01."""
        return f"{self.entrance}单元 {self.position}" if self.entrance else self.position


@dataclass
class GridCell:
    """One cell: a unit spanning `rowspan` floors, an empty position, or a floor covered from above."""

    unit: Unit | None = None
    rowspan: int = 1
    covered: bool = False


@dataclass
class GridRow:
    """One floor of the grid."""

    floor: int
    label: str
    cells: list[GridCell] = field(default_factory=list)


@dataclass(frozen=True)
class StateCount:
    """A legend entry: the state, its CSS class and how many units are in it."""

    code: str
    label: str
    css_class: str
    count: int


@dataclass
class BuildingGrid:
    """Everything the 楼盘表 page draws for one building."""

    building: Building
    columns: list[GridColumn]
    rows: list[GridRow]
    legend: list[StateCount]
    total: int


def unit_state_css_class(state: str) -> str:
    """The CSS class of a state (styles in static/housing/housing.css)."""
    return f"unit-state-{state}"


def unit_position(unit: Unit) -> str:
    """The room's position on its floor: 1201 on floor 12 -> 01; otherwise the room number itself."""
    room = unit.room_number.strip()
    for floor in (unit.floor_from, unit.floor_to):
        prefix = str(floor)
        if floor > 0 and room.startswith(prefix) and len(room) > len(prefix) and room[len(prefix):].isdigit():
            return room[len(prefix):]
    return room


def _position_key(column: GridColumn) -> tuple:
    """Entrances then positions in natural order (2 before 10)."""

    def natural(text: str) -> tuple:
        return (0, int(text), "") if text.isdigit() else (1, 0, text)

    return (natural(column.entrance), natural(column.position))


def _floor_label(floor: int) -> str:
    """1 -> 1层, -1 -> 地下1层."""
    return f"地下{-floor}层" if floor < 0 else f"{floor}层"


def building_grid(*, user: Any, building_id: int) -> BuildingGrid:
    """The 楼盘表 of a building visible to the user (404 otherwise), in two queries."""
    building = get_visible_or_404(Building.objects.select_related("project"), user, pk=building_id)
    units = list(Unit.objects.filter(building_id=building.pk).only(*GRID_UNIT_FIELDS))
    columns = sorted({GridColumn(entrance=u.entrance, position=unit_position(u)) for u in units}, key=_position_key)
    column_index = {column: i for i, column in enumerate(columns)}
    top = max([building.floors_above or 0, *(u.floor_to for u in units)], default=0)
    bottom = min([-(building.floors_below or 0) if building.floors_below else 1, *(u.floor_from for u in units)], default=1)
    floors = [floor for floor in range(top, bottom - 1, -1) if floor != 0]
    grid: dict[int, list[GridCell]] = {floor: [GridCell() for _ in columns] for floor in floors}
    for unit in units:
        index = column_index[GridColumn(entrance=unit.entrance, position=unit_position(unit))]
        span = [floor for floor in range(unit.floor_to, unit.floor_from - 1, -1) if floor != 0]
        grid[span[0]][index] = GridCell(unit=unit, rowspan=len(span))
        for floor in span[1:]:
            grid[floor][index] = GridCell(covered=True)
    rows = [GridRow(floor=floor, label=_floor_label(floor), cells=grid[floor]) for floor in floors]
    counts = Counter(unit.state for unit in units)
    legend = [
        StateCount(code=state.value, label=state.label, css_class=unit_state_css_class(state.value), count=counts[state.value])
        for state in UnitState
    ]
    return BuildingGrid(building=building, columns=columns, rows=rows, legend=legend, total=len(units))
