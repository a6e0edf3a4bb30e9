"""供需监测 (9.2.1): demand from the register, supply from the allocatable stock and the program funds.

Everything is a grouped aggregation in the database (one query per subject); the tables, the gap measure and
the custom pivot are assembled in memory from those few grouped rows, never from individual records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, CharField, Count, DecimalField, F, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce, NullIf, Substr

from anju.admission.models import RegisterEntry
from anju.allocation.choices import (
    AREA_BANDS,
    LAYOUT_SIZE_CLASS,
    MEDIUM_AREA_BELOW,
    SMALL_AREA_BELOW,
    EntryDirection,
    ResourceCategory,
    SizeClass,
    household_size_class,
    mode_resource_category,
)
from anju.allocation.models import ProgramLedgerEntry
from anju.allocation.permissions import can_read_allocation
from anju.allocation.selectors import ProgramResolver

WAITING_STATE = "01"  # 保障状态 轮候中: registered and not yet housed or subsidised
SIZE_LABELS = {1: "1人户", 2: "2人户", 3: "3人及以上户"}

DEMAND_DIMENSIONS = {
    "district": "区县", "mode": "保障方式", "program": "保障项目", "household_size": "家庭人口",
    "size_class": "户型档次", "income_class": "收入分类", "special_group": "特殊人群分类",
}  # fmt: skip
SUPPLY_DIMENSIONS = {
    "district": "区县",
    "layout": "户型",
    "area_band": "面积段",
    "size_class": "户型档次",
    "project": "项目",
    "state": "住房状态",
}


@dataclass
class Table:
    """A two-dimensional count table: row labels × column labels with totals."""

    title: str
    row_label: str
    columns: list[str]
    rows: list[tuple[str, list[Any], Any]] = field(default_factory=list)
    totals: list[Any] = field(default_factory=list)
    grand_total: Any = 0

    def as_chart(self) -> dict[str, Any]:
        """ECharts series: one bar series per column."""
        return {
            "labels": [row[0] for row in self.rows],
            "series": [{"name": name, "data": [row[1][i] for row in self.rows]} for i, name in enumerate(self.columns)],
        }


def pivot(
    title: str, row_label: str, groups: Iterable[tuple[str, str, Any]], *, columns: list[str] | None = None
) -> Table:
    """(row, column, value) groups → a Table (rows and columns sorted, zeros filled, totals added)."""
    cells: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    seen: list[str] = []
    for row, column, value in groups:
        cells[row][column] += value
        if column not in seen:
            seen.append(column)
    columns = columns or sorted(seen)
    table = Table(title=title, row_label=row_label, columns=columns)
    for row in sorted(cells):
        values = [cells[row].get(column, 0) for column in columns]
        table.rows.append((row, values, sum(values)))
    table.totals = [sum(row[1][i] for row in table.rows) for i in range(len(columns))]
    table.grand_total = sum(table.totals)
    return table


class Labels:
    """Chinese names of the codes the measures group by (regions, code tables, layouts), each read once."""

    def __init__(self) -> None:
        self._regions: dict[str, str] = {}
        self._dictionaries: dict[str, dict[str, str]] = {}

    def regions(self, codes: Iterable[str]) -> None:
        """Load the names of these 6-digit county codes."""
        from anju.core.models import Region

        wanted = {f"{code[:6]}000000" for code in codes} - set(self._regions)
        for code, name in Region.objects.filter(code__in=wanted).values_list("code", "name"):
            self._regions[code] = name

    def region(self, code: str) -> str:
        """区县 name of a 6-digit prefix."""
        full = f"{code[:6]}000000"
        return self._regions.get(full, code[:6])

    def code(self, dictionary: str, value: str) -> str:
        """A code table name (未填 for blank)."""
        from anju.core.selectors import dictionary_names

        if not value:
            return "未填"
        if dictionary not in self._dictionaries:
            self._dictionaries[dictionary] = dictionary_names(dictionary, include_inactive=True)
        return self._dictionaries[dictionary].get(value, value)


def _size_bucket() -> Case:
    return Case(When(household_size__lte=1, then=Value(1)), When(household_size=2, then=Value(2)), default=Value(3),
                output_field=IntegerField())  # fmt: skip


def demand_groups(*, user: Any, district: str = "") -> list[dict[str, Any]]:
    """Waiting households grouped by county, mode, income class, special group and size (one query)."""
    if not can_read_allocation(user):
        return []
    queryset = RegisterEntry.objects.visible_to(user).active().filter(security_state=WAITING_STATE)
    if district:
        queryset = queryset.within(district)
    rows = list(
        queryset.annotate(county=Substr("region_code", 1, 6), size=_size_bucket())
        .values("county", "security_mode", "income_class", "special_group", "size")
        .annotate(households=Count("id"), persons=Sum("household_size"))
        .order_by()
    )
    resolver = ProgramResolver()
    from anju.rules.models import Program

    names = dict(Program.objects.values_list("id", "name"))
    for row in rows:
        program_id = resolver.for_household(region_code=row["county"].ljust(12, "0"), income_class=row["income_class"] or "",
                                            special_group=row["special_group"] or "", mode=row["security_mode"] or "")  # fmt: skip
        row["program"] = names.get(program_id, "未匹配保障项目")
        row["size_class"] = household_size_class(row["size"])
    return rows


def _area_band() -> Case:
    whens = []
    for code, _label, lower, upper in AREA_BANDS:
        condition = Q(floor_area__gte=lower) & (Q(floor_area__lt=upper) if upper is not None else Q())
        whens.append(When(condition, then=Value(code)))
    return Case(*whens, default=Value(AREA_BANDS[-1][0]), output_field=CharField())


def supply_groups(*, user: Any, district: str = "") -> list[dict[str, Any]]:
    """Allocatable units grouped by county, layout, area band, project and state (one query)."""
    from anju.housing.selectors import allocatable_units

    if not can_read_allocation(user):
        return []
    queryset = allocatable_units(user=user, district=district or None)
    rows = list(
        queryset.annotate(
            county=Substr("region_code", 1, 6),
            band=_area_band(),
            project_name=Coalesce(
                NullIf(F("building__project__approved_name"), Value("")), F("building__project__proposed_name")
            ),
        )
        .values("county", "layout", "band", "project_name", "state")
        .annotate(units=Count("id"), area=Sum("floor_area"))
        .order_by()
    )
    bands = {code: label for code, label, *_ in AREA_BANDS}
    for row in rows:
        row["area_band"] = bands.get(row["band"], row["band"])
        row["size_class"] = LAYOUT_SIZE_CLASS.get(row["layout"] or "") or _area_size_class(row["band"])
    return rows


def _area_size_class(band: str) -> str:
    upper = next((u for code, _l, _lo, u in AREA_BANDS if code == band), None)
    if upper is not None and upper <= SMALL_AREA_BELOW:
        return SizeClass.SMALL
    return SizeClass.MEDIUM if upper is not None and upper <= MEDIUM_AREA_BELOW else SizeClass.LARGE


def funds_by_program(*, user: Any, district: str = "") -> list[dict[str, Any]]:
    """Available funds: the money balance (in − out) of each program's ledger entries in the jurisdiction."""
    if not can_read_allocation(user):
        return []
    queryset = ProgramLedgerEntry.objects.visible_to(user)
    if district:
        queryset = queryset.within(district)
    money = DecimalField(max_digits=20, decimal_places=2)
    return list(
        queryset.values(name=F("program__name"))
        .annotate(
            received=Sum("amount", filter=Q(direction=EntryDirection.INCREASE), default=0, output_field=money),
            spent=Sum("amount", filter=Q(direction=EntryDirection.DECREASE), default=0, output_field=money),
        )
        .annotate(balance=F("received") - F("spent"))
        .order_by("name")
    )


@dataclass
class Monitoring:
    """The automatic measures of the supply and demand page."""

    demand_by_mode: Table
    demand_by_program: Table
    demand_by_size: Table
    supply_by_layout: Table
    supply_by_band: Table
    gap: Table
    funds: list[dict[str, Any]]
    housing_demand: int
    subsidy_demand: int
    funds_balance: Decimal

    def charts(self) -> dict[str, Any]:
        """The chart data of every table (read by allocation/monitoring.js)."""
        return {name: getattr(self, name).as_chart() for name in
                ("demand_by_mode", "demand_by_program", "demand_by_size", "supply_by_layout", "supply_by_band", "gap")}  # fmt: skip


def monitoring_compute(*, user: Any, district: str = "") -> Monitoring:
    """Automatic measures: demand by mode/program/size per county, supply by layout/area band, gap, funds."""
    from anju.housing.choices import Layout

    demand, supply = demand_groups(user=user, district=district), supply_groups(user=user, district=district)
    labels = Labels()
    labels.regions([row["county"] for row in demand] + [row["county"] for row in supply])
    size_names = {value: label for value, label in SizeClass.choices}
    layouts = dict(Layout.choices)
    housing_demand = [
        row for row in demand if mode_resource_category(row["security_mode"] or "") == ResourceCategory.HOUSING
    ]
    gap_groups = [
        (labels.region(r["county"]), f"需求·{size_names[r['size_class']]}", r["households"]) for r in housing_demand
    ]
    gap_groups += [(labels.region(r["county"]), f"供给·{size_names[r['size_class']]}", r["units"]) for r in supply]
    gap_cells: dict[tuple[str, str], int] = defaultdict(int)
    for r in housing_demand:
        gap_cells[(labels.region(r["county"]), size_names[r["size_class"]])] += r["households"]
    for r in supply:
        gap_cells[(labels.region(r["county"]), size_names[r["size_class"]])] -= r["units"]
    gap = pivot("供需缺口（需求户数 − 可配置套数）", "区县", [(row, f"缺口·{col}", n) for (row, col), n in gap_cells.items()],
                columns=[f"缺口·{label}" for label in size_names.values()])  # fmt: skip
    funds = funds_by_program(user=user, district=district)
    return Monitoring(
        demand_by_mode=pivot("需求：按保障方式（户）", "区县",
                             [(labels.region(r["county"]), labels.code("security_mode", r["security_mode"]), r["households"]) for r in demand]),
        demand_by_program=pivot("需求：按保障项目（户）", "区县",
                                [(labels.region(r["county"]), r["program"], r["households"]) for r in demand]),
        demand_by_size=pivot("需求：按家庭人口（户）", "区县",
                             [(labels.region(r["county"]), SIZE_LABELS[r["size"]], r["households"]) for r in demand],
                             columns=list(SIZE_LABELS.values())),
        supply_by_layout=pivot("供给：按户型（套）", "区县",
                               [(labels.region(r["county"]), layouts.get(r["layout"], "未填户型"), r["units"]) for r in supply]),
        supply_by_band=pivot("供给：按面积段（套）", "区县",
                             [(labels.region(r["county"]), r["area_band"], r["units"]) for r in supply],
                             columns=[label for _c, label, *_ in AREA_BANDS]),
        gap=gap,
        funds=funds,
        housing_demand=sum(r["households"] for r in housing_demand),
        subsidy_demand=sum(r["households"] for r in demand) - sum(r["households"] for r in housing_demand),
        funds_balance=sum((row["balance"] for row in funds), Decimal(0)),
    )  # fmt: skip


def custom_measure(*, user: Any, subject: str, rows: str, columns: str, district: str = "") -> Table:
    """A staff-chosen measure: demand (households) or supply (units) by any two dimensions."""
    from anju.housing.choices import Layout, UnitState

    dimensions = DEMAND_DIMENSIONS if subject == "demand" else SUPPLY_DIMENSIONS
    if rows not in dimensions or columns not in dimensions:
        raise ValueError("unknown dimension")
    groups = (
        demand_groups(user=user, district=district)
        if subject == "demand"
        else supply_groups(user=user, district=district)
    )
    labels = Labels()
    labels.regions([row["county"] for row in groups])
    size_names = dict(SizeClass.choices)
    layouts, states = dict(Layout.choices), dict(UnitState.choices)

    def label(row: dict[str, Any], name: str) -> str:
        value = {
            "district": lambda: labels.region(row["county"]),
            "mode": lambda: labels.code("security_mode", row["security_mode"]),
            "program": lambda: row["program"],
            "household_size": lambda: SIZE_LABELS[row["size"]],
            "size_class": lambda: size_names[row["size_class"]],
            "income_class": lambda: labels.code("income_class", row["income_class"]),
            "special_group": lambda: labels.code("special_group", row["special_group"]),
            "layout": lambda: layouts.get(row["layout"], "未填户型"),
            "area_band": lambda: row["area_band"],
            "project": lambda: row["project_name"],
            "state": lambda: states.get(row["state"], row["state"]),
        }[name]
        return str(value())

    measure = "households" if subject == "demand" else "units"
    unit = "户" if subject == "demand" else "套"
    title = f"{'需求' if subject == 'demand' else '供给'}：{dimensions[rows]} × {dimensions[columns]}（{unit}）"
    return pivot(title, dimensions[rows], [(label(r, rows), label(r, columns), r[measure]) for r in groups])
