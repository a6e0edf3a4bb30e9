"""装数: template, row-by-row report, all-or-nothing, valid-only, the background task with progress."""

import io

import pytest
from openpyxl import load_workbook

from anju.core.models import JobProgress
from anju.core.models.jobs import JobStatus
from anju.housing.choices import UnitState
from anju.housing.imports import template_workbook, units_import
from anju.housing.models import Building, Unit
from anju.housing.services.imports import units_import_start
from anju.housing.tests.factories import big_workbook, project_for, workbook

pytestmark = pytest.mark.django_db

GOOD_BUILDINGS = [
    {"单体工程名称": "1号楼", "单体工程类别": "住宅", "地上层数": 6, "地下层数": 1, "建筑面积": 3600, "纬度": 33.87, "经度": 115.78},
    {"单体工程名称": "2号楼", "单体工程类别": "住宅", "地上层数": 3, "建筑面积": 1200},
]


def _unit(building="1号楼", room="101", floor=1, **extra):
    return {"单体工程名称": building, "单元": "1", "房号": room, "所在起始层": floor, "建筑面积": 60, "套内建筑面积": 50,
            "共用分摊面积": 10, "户型": "两室一厅", "朝向": "南", **extra}


@pytest.fixture
def project(demo_regions):
    """An empty project of 谯城区."""
    return project_for()


def test_the_template_has_chinese_headers_and_instructions():
    # when
    book = load_workbook(io.BytesIO(template_workbook()))
    # then
    assert book.sheetnames == ["填写说明", "楼栋", "住房"]
    assert [c.value for c in book["住房"][1]][:4] == ["单体工程名称*", "单元*", "房号*", "所在起始层*"]
    assert "户型：单间、一室一厅" in "\n".join(str(row[0].value) for row in book["填写说明"].iter_rows())


def test_a_good_file_imports_buildings_and_units(project):
    # given
    content = workbook(GOOD_BUILDINGS, [_unit(), _unit(room="102"), _unit("2号楼", "301", 3)])
    # when
    outcome = units_import(project=project, content=content)
    # then
    assert (outcome.imported, outcome.buildings_created, outcome.units_created, outcome.problems) == (True, 2, 3, [])
    first = Building.objects.get(project=project, name="1号楼")
    assert (first.floors_total, first.residential_units, str(first.latitude)) == (7, 2, "33.870000")
    unit = Unit.objects.get(building=first, room_number="101")
    assert (unit.state, unit.layout, unit.orientation, unit.number) == (UnitState.UNDELIVERED, "2b1l", "S", f"{first.number}-1-101")


def test_a_bad_file_reports_every_problem_and_imports_nothing(project):
    # given
    content = workbook(
        [*GOOD_BUILDINGS, {"单体工程名称": "3号楼", "单体工程类别": "别墅", "地上层数": 2, "建筑面积": 100}],
        [
            _unit(),
            _unit(room="101"),
            _unit(room="201", floor=9),
            _unit(room="301", 户型="五室"),
            _unit("3号楼", "101"),
            _unit("9号楼", "101"),
            _unit(room="", 建筑面积="六十"),
            _unit(room="401", floor=4, 共用分摊面积=5),
        ],
    )
    # when
    outcome = units_import(project=project, content=content)
    # then
    report = [(p.sheet, p.row, p.column, p.message) for p in outcome.problems]
    assert report == [
        ("楼栋", 4, "单体工程类别", "“别墅”不是可选值（可选：住宅、配套公建）。"),
        ("住房", 3, "房号", "1号楼1单元101室重复。"),
        ("住房", 4, "所在终止层", "所在终止层超过楼栋地上层数（6层）。"),
        ("住房", 5, "户型", "“五室”不是可选值（可选：单间、一室一厅、两室一厅、两室两厅、三室一厅、三室两厅）。"),
        ("住房", 6, "单体工程名称", "所属楼栋“3号楼”在楼栋表中有错误。"),
        ("住房", 7, "单体工程名称", "找不到单体工程“9号楼”。"),
        ("住房", 8, "房号", "必填，不能为空。"),
        ("住房", 8, "建筑面积", "应为数字。"),
        ("住房", 9, "共用分摊面积", "套内建筑面积与共用分摊面积之和（55.00）应等于建筑面积（60.00）。"),
    ]
    assert not outcome.imported
    assert not Building.objects.filter(project=project).exists()
    assert not Unit.objects.exists()


def test_valid_only_imports_the_good_rows(project):
    # given
    content = workbook(GOOD_BUILDINGS, [_unit(), _unit(room="201", floor=9), _unit(room="102")])
    # when
    outcome = units_import(project=project, content=content, valid_only=True)
    # then
    assert outcome.imported and outcome.units_created == 2
    assert [(p.row, p.column) for p in outcome.problems] == [(3, "所在终止层")]
    assert sorted(Unit.objects.values_list("room_number", flat=True)) == ["101", "102"]


def test_a_workbook_without_the_template_headers_is_refused(project):
    # given
    content = workbook(GOOD_BUILDINGS, [_unit()], drop_unit_header="房号")
    # when
    outcome = units_import(project=project, content=content)
    # then
    assert [(p.sheet, p.row, p.column) for p in outcome.problems] == [("住房", 1, "房号")]
    assert not Unit.objects.exists()


def test_a_large_import_runs_as_a_job_with_progress(project, district_officer):
    # given: 5 buildings × 25 floors × 20 units = 2,500 units (three batches of at most 1,000)
    content, count = big_workbook(buildings=5)
    # when (test settings run tasks immediately)
    job = units_import_start(project=project, content=content, valid_only=False, acting_user=district_officer)
    # then
    job = JobProgress.objects.get(pk=job.pk)
    assert job.status == JobStatus.SUCCEEDED
    assert (job.total, job.done, job.percent) == (count, count, 100)
    assert job.result["导入住房数"] == count == Unit.objects.filter(building__project=project).count()
    assert job.result["problems"] == []


def test_an_upload_that_is_not_xlsx_is_refused(project, district_officer):
    # when / then
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="xlsx"):
        units_import_start(project=project, content=b"name,room\n", valid_only=False, acting_user=district_officer)
