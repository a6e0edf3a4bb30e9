"""In a real Chromium: import a building from an Excel file through the import page, open its 楼盘表.

The workbook is the downloadable 装数模板 (`anju.housing.imports.template_workbook`) filled by
openpyxl with one building of 6 floors × 2 units. The browser fixtures follow
tests/browser/conftest.py (Debian's Chromium, console/CSP errors recorded).
"""

import io
import re

import pytest
from openpyxl import load_workbook

from conftest import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, without the sandbox a container lacks."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Chinese locale, a desk-sized screen."""
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1366, "height": 900}}


@pytest.fixture
def problems(page, live_server):
    """Console errors (CSP refusals included), page errors and failed requests of our own assets."""
    found: list[str] = []
    page.on("console", lambda msg: found.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: found.append(f"pageerror: {exc}"))

    def on_response(response):
        if response.url.startswith(live_server.url) and response.status >= 400 and response.request.resource_type != "document":
            found.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    return found


def login(page, live_server, user):
    """Log in through the real form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PERSONA_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")


def filled_template(path):
    """The 装数模板 with one building (6 floors, 2 units per floor) and its 12 units."""
    from anju.housing.imports import BUILDING_SHEET, UNIT_SHEET, template_workbook

    workbook = load_workbook(io.BytesIO(template_workbook()))

    def append(sheet_name, values):
        sheet = workbook[sheet_name]
        headers = [str(cell.value or "").rstrip("*") for cell in sheet[1]]
        sheet.append([values.get(header) for header in headers])

    append(BUILDING_SHEET, {"单体工程名称": "1号楼", "单体工程类别": "住宅", "楼号": "1", "地上层数": 6, "每层户数": 2,
                            "建筑面积": 720.00, "住宅面积": 660.00, "纬度": 33.851, "经度": 115.781})
    for floor in range(1, 7):
        for position in (1, 2):
            append(UNIT_SHEET, {"单体工程名称": "1号楼", "单元": "1", "房号": f"{floor}{position:02d}", "所在起始层": floor,
                                "建筑面积": 55.00, "户型": "一室一厅", "朝向": "南"})
    workbook.save(path)
    return path


def test_import_a_building_then_open_its_grid(page, live_server, district_officer, problems, tmp_path):
    # given: a project of 谯城区 and a filled template
    from anju.housing.tests.grid_data import make_project

    project = make_project()
    workbook = filled_template(tmp_path / "楼栋住房.xlsx")
    login(page, live_server, district_officer)

    # when: the officer uploads it on the project's import page
    page.goto(f"{live_server.url}/housing/projects/{project.pk}/import/")
    page.set_input_files("input[type=file]", str(workbook))
    page.get_by_role("button", name="上传并导入").click()
    page.wait_for_load_state("load")

    # then: the import ran and the building exists with its 12 units
    assert re.search(r"/housing/import/jobs/\d+/", page.url), page.url
    page.get_by_text("已导入").first.wait_for()
    building = project.buildings.get(name="1号楼")
    assert building.units.count() == 12

    # when: the officer opens the 楼盘表
    page.goto(f"{live_server.url}/housing/buildings/{building.pk}/grid/")

    # then: 6 floors top first, 2 positions, every cell coloured as 未交付, the legend counts them
    grid = page.get_by_test_id("unit-grid")
    assert grid.is_visible()
    floors = grid.locator("tbody tr th").all_inner_texts()
    assert floors == ["6层", "5层", "4层", "3层", "2层", "1层"]
    assert grid.locator("thead th").all_inner_texts()[1:] == ["1单元 01", "1单元 02"]
    cells = page.get_by_test_id("unit-cell")
    assert cells.count() == 12
    assert cells.first.inner_text().startswith("601")
    assert page.locator("td.unit-state-undelivered").count() == 12
    background = page.eval_on_selector("td.unit-state-undelivered", "el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(233, 236, 239)"  # housing.css applied under the CSP
    legend = page.get_by_test_id("grid-legend")
    assert "未交付" in legend.inner_text() and "空置" in legend.inner_text()
    assert page.get_by_test_id("legend-count-undelivered").inner_text() == "12"
    assert page.get_by_test_id("legend-count-vacant").inner_text() == "0"

    # when: a cell is clicked
    page.get_by_test_id("unit-cell").filter(has_text="101").locator("a").click()
    page.wait_for_load_state("load")

    # then: the unit's file opens with its timeline
    assert "一房一档" in page.get_by_test_id("detail-title").inner_text()
    assert page.get_by_test_id("timeline-event").count() >= 2
    assert not problems, problems


def test_map_loads_projects_and_vacant_units(page, live_server, city_officer, problems, settings, tmp_path):
    # given: a project with one vacant unit, and no district outlines (an empty directory: another test
    # may have run load_boundaries into the default one)
    settings.ANJU_BOUNDARIES_DIR = str(tmp_path)
    from anju.housing.choices import UnitState
    from anju.housing.tests.grid_data import make_building, make_project, make_unit

    building = make_building(make_project(), latitude="33.851000", longitude="115.781000")
    make_unit(building, 1, 1, state=UnitState.VACANT)
    make_unit(building, 1, 2, state=UnitState.OCCUPIED)
    login(page, live_server, city_officer)

    # when
    page.goto(f"{live_server.url}/housing/map/")

    # then: Leaflet drew the markers (clustered or not) and the status line counts them
    status = page.get_by_test_id("map-status")
    page.wait_for_function("() => document.querySelector('[data-testid=map-status]').textContent.includes('空置住房')")
    assert "项目 1 个" in status.inner_text() and "空置住房 1 套" in status.inner_text()
    assert page.locator("#housing-map .leaflet-marker-icon").count() >= 1
    # the outlines arrive by their own request: wait for the hint that there are none
    page.wait_for_selector("#housing-map-boundary-missing", state="visible")
    assert not problems, problems


def test_a_district_officer_map_fits_their_district_outline_and_filters_by_unit_state(
    page, live_server, district_officer, problems, settings, tmp_path
):
    # given: outlines of 谯城区 and 涡阳县 served by Anju, and a 谯城区 project with a vacant and a 维修 unit
    import json

    from anju.housing.choices import UnitState
    from anju.housing.tests.grid_data import make_building, make_project, make_unit

    def square(lng, lat, size):
        return {"type": "Polygon", "coordinates": [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]]}

    settings.ANJU_BOUNDARIES_DIR = str(tmp_path)
    (tmp_path / "341600.geojson").write_text(json.dumps({"type": "FeatureCollection", "city": "341600", "features": [
        {"type": "Feature", "properties": {"name": "谯城区", "code": "341602000000"}, "geometry": square(115.6, 33.7, 0.4)},
        {"type": "Feature", "properties": {"name": "涡阳县", "code": "341621000000"}, "geometry": square(116.0, 33.3, 0.5)},
    ]}, ensure_ascii=False), encoding="utf-8")
    building = make_building(make_project(), latitude="33.851000", longitude="115.781000")
    make_unit(building, 1, 1, state=UnitState.VACANT)
    make_unit(building, 1, 2, state=UnitState.MAINTENANCE)
    login(page, live_server, district_officer)

    # when
    page.goto(f"{live_server.url}/housing/map/")

    # then: the own district's outline is drawn highlighted, centred and filling the map (fitted); the neighbour is plain
    page.wait_for_selector("#housing-map path.housing-district-focus")
    assert page.locator("#housing-map path.housing-district").count() == 1
    page.wait_for_function("""() => {
        const map = document.getElementById('housing-map').getBoundingClientRect();
        const box = document.querySelector('#housing-map path.housing-district-focus').getBoundingClientRect();
        const centred = Math.abs((box.top + box.bottom) - (map.top + map.bottom)) < 20
            && Math.abs((box.left + box.right) - (map.left + map.right)) < 20;
        // fitBounds snaps to whole zoom levels: the outline fills at least half of the limiting side
        return centred && box.height > map.height * 0.45 && box.top >= map.top && box.bottom <= map.bottom;
    }""")
    page.wait_for_function("() => document.querySelector('[data-testid=map-status]').textContent.includes('空置住房 1 套')")

    # when: only 维修 units
    page.select_option("#map-units", "maintenance")

    # then
    page.wait_for_function("() => document.querySelector('[data-testid=map-status]').textContent.includes('维修住房 1 套')")
    assert page.locator("#housing-map-boundary-missing").is_hidden()
    assert not problems, problems
