"""装数模板: the Excel template for buildings and units, its row-by-row validation and the set-based insert.

A workbook has a sheet 楼栋 (one row per building), a sheet 住房 (one row per unit, naming its
building by 单体工程名称 from the 楼栋 sheet or already in the project) and a sheet 填写说明.
Validation reports every problem as (工作表, 行号, 列, 问题) in Chinese. In the default mode
nothing is imported if any row is wrong; in `valid_only` mode the valid rows are imported
(a unit whose building row is wrong is wrong too). Inserts are `bulk_create` in batches.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from anju.housing.choices import (
    BuildingCategory,
    HousingKind,
    Layout,
    UnitState,
)
from anju.housing.dictionaries import CodeTable
from anju.housing.models import Building, Project, Unit
from anju.housing.validation import unit_problems

BUILDING_SHEET, UNIT_SHEET, HELP_SHEET = "楼栋", "住房", "填写说明"
BATCH_SIZE = 1000
MAX_REPORTED_PROBLEMS = 1000


@dataclass(frozen=True)
class Col:
    """One template column: Chinese header, model field, kind (text/int/decimal/choice), required."""

    header: str
    field: str
    kind: str = "text"
    required: bool = False
    choices: Any = None  # a TextChoices class or a CodeTable (code table read when used)
    note: str = ""


BUILDING_COLUMNS = (
    Col("单体工程名称", "name", required=True, note="同一项目内不能重复，住房表按此名称对应楼栋"),
    Col("单体工程类别", "category", "choice", True, BuildingCategory),
    Col("路街巷", "road"),
    Col("小区/院门牌号", "compound_number"),
    Col("楼号", "building_label"),
    Col("幢号", "block_label"),
    Col("建筑结构", "structure", "choice", False, CodeTable("housing_building_structure")),
    Col("地上层数", "floors_above", "int", True),
    Col("地下层数", "floors_below", "int"),
    Col("每层户数", "units_per_floor", "int"),
    Col("建筑面积", "floor_area", "decimal", True, note="平方米，两位小数"),
    Col("住宅面积", "residential_area", "decimal"),
    Col("纬度", "latitude", "decimal", note="如 33.870000"),
    Col("经度", "longitude", "decimal", note="如 115.780000"),
)
UNIT_COLUMNS = (
    Col("单体工程名称", "building", required=True, note="填写楼栋表中或项目中已有的单体工程名称"),
    Col("单元", "entrance", required=True),
    Col("房号", "room_number", required=True, note="同一楼栋同一单元内不能重复"),
    Col("所在起始层", "floor_from", "int", True),
    Col("所在终止层", "floor_to", "int", note="跃层时填写，空则同起始层"),
    Col("名义楼层", "nominal_floor"),
    Col("建筑面积", "floor_area", "decimal", True),
    Col("套内建筑面积", "inner_area", "decimal"),
    Col("共用分摊面积", "shared_area", "decimal", note="与套内建筑面积之和应等于建筑面积"),
    Col("阳台面积", "balcony_area", "decimal"),
    Col("朝向", "orientation", "choice", False, CodeTable("housing_orientation")),
    Col("户型", "layout", "choice", False, Layout),
    Col("间数", "room_count", "int"),
    Col("层高", "storey_height", "decimal"),
    Col("建成时装修程度", "decoration", "choice", False, CodeTable("housing_decoration")),
    Col("房屋来源", "source", "choice", False, CodeTable("housing_unit_source")),
    Col("初始房屋性质", "initial_nature", "choice", False, HousingKind, "空则取项目类别"),
    Col("规划建设房屋分类", "housing_kind", "choice", False, HousingKind, "空则取项目类别"),
    Col("共有或共用设施及部位", "shared_facilities"),
)


@dataclass
class Problem:
    """One problem of the import: sheet, Excel row number, column header, Chinese message."""

    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """For the job result and the API."""
        return {"工作表": self.sheet, "行号": self.row, "列": self.column, "问题": self.message}


@dataclass
class ImportOutcome:
    """What an import did (or would do)."""

    buildings_created: int = 0
    units_created: int = 0
    rows_total: int = 0
    problems: list[Problem] = field(default_factory=list)
    imported: bool = False

    def as_result(self) -> dict[str, Any]:
        """The job result (Chinese keys are shown on the progress page)."""
        return {
            "导入楼栋数": self.buildings_created,
            "导入住房数": self.units_created,
            "问题数": len(self.problems),
            "结论": "已导入" if self.imported else "存在错误，未导入任何数据",
            "problems": [problem.as_dict() for problem in self.problems[:MAX_REPORTED_PROBLEMS]],
        }


def template_workbook() -> bytes:
    """The downloadable 装数模板 (.xlsx): 楼栋 and 住房 sheets with Chinese headers and 填写说明."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    help_sheet = workbook.active
    help_sheet.title = HELP_SHEET
    lines = [
        "建设项目楼栋和住房装数模板（CJJ/T 196 A.5.2、A.5.3）",
        "1. 先在“楼栋”表每行填写一栋楼，再在“住房”表每行填写一套住房；第一行为表头，请勿修改表头。",
        "2. 带 * 的列必填；面积单位为平方米，保留两位小数；层数、间数为整数；地下层填写负数（如 -1）。",
        "3. 选项列填写下列中文名称之一（也可填写代码）。",
        "4. 住房的“单体工程名称”须与“楼栋”表中或该项目已有的单体工程名称一致。",
        "5. 导入时逐行校验；默认有任何错误则不导入任何数据，可选择“仅导入正确的行”。",
        "6. 住房导入后为“未交付”状态，竣工移交后进入可配置房源。",
        "",
    ]
    for column in (*BUILDING_COLUMNS, *UNIT_COLUMNS):
        if column.choices is not None and column.header not in {line.split("：")[0] for line in lines}:
            lines.append(f"{column.header}：" + "、".join(label for _value, label in column.choices.choices))
    for line in lines:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 120
    for title, columns in ((BUILDING_SHEET, BUILDING_COLUMNS), (UNIT_SHEET, UNIT_COLUMNS)):
        sheet = workbook.create_sheet(title)
        sheet.append([column.header + ("*" if column.required else "") for column in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, column in enumerate(columns, start=1):
            sheet.cell(row=1, column=index).comment = None
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(10, len(column.header) * 2 + 4)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _read_rows(workbook: Any, title: str, columns: tuple[Col, ...], problems: list[Problem]) -> list[tuple[int, dict[str, Any]]]:
    """Rows of one sheet as (Excel row number, {header: raw value}); header problems reported."""
    if title not in workbook.sheetnames:
        problems.append(Problem(title, 1, "", f"缺少工作表“{title}”，请使用下载的装数模板。"))
        return []
    rows = workbook[title].iter_rows(values_only=True)
    header = next(rows, None) or ()
    names = [str(value or "").strip().rstrip("*") for value in header]
    missing = [column.header for column in columns if column.header not in names]
    if missing:
        problems.append(Problem(title, 1, "、".join(missing), "表头缺少这些列，请使用下载的装数模板。"))
        return []
    positions = {column.header: names.index(column.header) for column in columns}
    result = []
    for number, values in enumerate(rows, start=2):
        if values is None or all(value in (None, "") for value in values):
            continue
        result.append((number, {h: (values[i] if i < len(values) else None) for h, i in positions.items()}))
    return result


def _choice_lookup(choices: Any) -> dict[str, str]:
    lookup = {str(label): str(value) for value, label in choices.choices}
    lookup.update({str(value): str(value) for value in choices.values})
    return lookup


CHOICE_REFRESH_SECONDS = 30


def _converter(column: Col) -> Callable[[Any], Any]:
    """A function raw cell → value, raising ValueError with a Chinese message."""
    if column.kind == "int":
        def to_int(raw: Any) -> int:
            try:
                number = Decimal(str(raw).strip())
            except InvalidOperation:
                raise ValueError("应为整数。") from None
            if number != number.to_integral_value():
                raise ValueError("应为整数。")
            return int(number)
        return to_int
    if column.kind == "decimal":
        def to_decimal(raw: Any) -> Decimal:
            try:
                number = Decimal(str(raw).strip())
            except InvalidOperation:
                raise ValueError("应为数字。") from None
            if number < 0:
                raise ValueError("不能为负数。")
            places = 6 if column.field in {"latitude", "longitude"} else 2
            return number.quantize(Decimal(1).scaleb(-places))
        return to_decimal
    if column.kind == "choice":
        # options read when first used and again after 30 s: a code table edited in 代码表 applies to the next import
        options: dict[str, Any] = {"at": None, "lookup": {}, "allowed": ""}

        def current() -> dict[str, Any]:
            now = time.monotonic()
            if options["at"] is None or now - options["at"] > CHOICE_REFRESH_SECONDS:
                options.update(at=now, lookup=_choice_lookup(column.choices),
                               allowed="、".join(label for _value, label in column.choices.choices))
            return options

        def to_choice(raw: Any) -> str:
            found = current()
            value = found["lookup"].get(str(raw).strip())
            if value is None:
                raise ValueError(f"“{raw}”不是可选值（可选：{found['allowed']}）。")
            return value
        return to_choice

    def to_text(raw: Any) -> str:
        text = str(raw).strip()
        if isinstance(raw, float) and raw.is_integer():
            text = str(int(raw))
        return text
    return to_text


def _convert(sheet: str, number: int, raw: dict[str, Any], columns: tuple[Col, ...], problems: list[Problem]) -> dict[str, Any] | None:
    """Typed values of one row, or None (with problems added) if any cell is wrong."""
    values: dict[str, Any] = {}
    ok = True
    for column in columns:
        cell = raw.get(column.header)
        if cell is None or str(cell).strip() == "":
            if column.required:
                problems.append(Problem(sheet, number, column.header, "必填，不能为空。"))
                ok = False
            continue
        try:
            values[column.field] = CONVERTERS[id(column)](cell)
        except ValueError as exc:
            problems.append(Problem(sheet, number, column.header, str(exc)))
            ok = False
    return values if ok else None


CONVERTERS: dict[int, Callable[[Any], Any]] = {id(c): _converter(c) for c in (*BUILDING_COLUMNS, *UNIT_COLUMNS)}
UNIT_HEADER_OF = {column.field: column.header for column in UNIT_COLUMNS}
BUILDING_HEADER_OF = {column.field: column.header for column in BUILDING_COLUMNS}


def validate_workbook(*, project: Project, content: bytes) -> tuple[list[Building], list[tuple[int, Unit, str]], list[Problem], int]:
    """Parse and check a workbook: (valid new buildings, valid units as (row, unit, building name), problems, rows)."""
    from openpyxl import load_workbook

    problems: list[Problem] = []
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a file that is not xlsx
        return [], [], [Problem("", 0, "", "无法读取文件，请上传 .xlsx 格式的装数模板。")], 0
    building_rows = _read_rows(workbook, BUILDING_SHEET, BUILDING_COLUMNS, problems)
    unit_rows = _read_rows(workbook, UNIT_SHEET, UNIT_COLUMNS, problems)
    workbook.close()
    if problems:
        return [], [], problems, len(building_rows) + len(unit_rows)

    existing = {b.name: b for b in Building.objects.filter(project=project)}
    new_buildings: dict[str, Building] = {}
    bad_buildings: set[str] = set()
    sequence = len(existing)
    for number, raw in building_rows:
        values = _convert(BUILDING_SHEET, number, raw, BUILDING_COLUMNS, problems)
        name = str(raw.get("单体工程名称") or "").strip()
        if values is None:
            bad_buildings.add(name)
            continue
        if name in existing or name in new_buildings:
            problems.append(Problem(BUILDING_SHEET, number, "单体工程名称", f"单体工程“{name}”已存在，不能重复。"))
            bad_buildings.add(name)
            continue
        values.setdefault("floors_below", 0)
        sequence += 1
        building = Building(
            project=project, region_code=project.region_code, number=f"{project.number}-{sequence:03d}",
            floors_total=values["floors_above"] + values["floors_below"], **values,
        )
        if building.floors_above < 1:
            problems.append(Problem(BUILDING_SHEET, number, "地上层数", "地上层数至少为1。"))
            bad_buildings.add(name)
            continue
        new_buildings[name] = building

    units: list[tuple[int, Unit, str]] = []
    seen_rooms = set(
        Unit.objects.filter(building__project=project).values_list("building__name", "entrance", "room_number")
    )
    for number, raw in unit_rows:
        values = _convert(UNIT_SHEET, number, raw, UNIT_COLUMNS, problems)
        if values is None:
            continue
        name = values.pop("building")
        building = new_buildings.get(name) or existing.get(name)
        if building is None:
            message = f"所属楼栋“{name}”在楼栋表中有错误。" if name in bad_buildings else f"找不到单体工程“{name}”。"
            problems.append(Problem(UNIT_SHEET, number, "单体工程名称", message))
            continue
        values.setdefault("floor_to", values["floor_from"])
        values.setdefault("initial_nature", project.category)
        values.setdefault("housing_kind", project.category)
        key = (name, values["entrance"], values["room_number"])
        if key in seen_rooms:
            problems.append(Problem(UNIT_SHEET, number, "房号", f"{name}{values['entrance']}单元{values['room_number']}室重复。"))
            continue
        unit = Unit(region_code=project.region_code, state=UnitState.UNDELIVERED, **values)
        row_problems = unit_problems(unit, building)
        if row_problems:
            for field_name, message in row_problems:
                problems.append(Problem(UNIT_SHEET, number, UNIT_HEADER_OF.get(field_name, field_name), message))
            continue
        seen_rooms.add(key)
        units.append((number, unit, name))
    problems.sort(key=lambda p: (p.sheet != BUILDING_SHEET, p.row))
    return list(new_buildings.values()), units, problems, len(building_rows) + len(unit_rows)


def units_import(
    *, project: Project, content: bytes, valid_only: bool = False, acting_user: Any = None,
    progress: Callable[[int], None] | None = None, on_total: Callable[[int], None] | None = None, batch_label: str = "",
) -> ImportOutcome:
    """Validate and insert (all or nothing, or only the valid rows); `progress(n)` after each batch of units."""
    buildings, units, problems, rows_total = validate_workbook(project=project, content=content)
    outcome = ImportOutcome(rows_total=rows_total, problems=problems)
    if on_total is not None:
        on_total(len(units))
    if (problems and not valid_only) or (not buildings and not units):
        return outcome
    label = batch_label or timezone.now().strftime("import:%Y%m%d%H%M%S")
    with transaction.atomic():
        Building.objects.bulk_create(buildings, batch_size=BATCH_SIZE)
        by_name = {b.name: b for b in Building.objects.filter(project=project)}
        prepared = []
        for _row, unit, name in units:
            building = by_name[name]
            unit.building = building
            unit.number = f"{building.number}-{unit.entrance or '0'}-{unit.room_number}"
            unit.import_batch = label
            prepared.append(unit)
        for start in range(0, len(prepared), BATCH_SIZE):
            Unit.objects.bulk_create(prepared[start:start + BATCH_SIZE])
            if progress is not None:
                progress(len(prepared[start:start + BATCH_SIZE]))
        _building_unit_counts_refresh(project)
        from anju.housing.services.projects import project_figures_refresh

        project_figures_refresh(project=project)
        from anju.housing.events import HousingEvent
        from anju.housing.services.common import audit

        audit(
            action="IMPORT", user=acting_user, obj=project, event=HousingEvent.UNITS_IMPORTED,
            detail={"buildings": len(buildings), "units": len(prepared), "problems": len(problems), "batch": label},
        )
    outcome.buildings_created, outcome.units_created, outcome.imported = len(buildings), len(prepared), True
    return outcome


def _building_unit_counts_refresh(project: Project) -> None:
    """住宅套数 and 住宅面积 of the project's buildings from their units (one UPDATE with subqueries)."""
    from django.db.models import DecimalField, IntegerField, OuterRef, Subquery, Sum, Value
    from django.db.models.functions import Coalesce

    units = Unit.objects.filter(building=OuterRef("pk")).order_by().values("building")
    count = units.annotate(n=Coalesce(Sum(Value(1)), 0)).values("n")
    area = units.annotate(a=Sum("floor_area")).values("a")
    with_units = Unit.objects.filter(building__project=project).values("building")
    Building.objects.filter(pk__in=with_units).update(
        residential_units=Coalesce(Subquery(count, output_field=IntegerField()), 0),
        residential_area=Coalesce(Subquery(area, output_field=DecimalField(max_digits=12, decimal_places=2)), Value(Decimal(0))),
    )
