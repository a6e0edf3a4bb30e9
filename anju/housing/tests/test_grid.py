"""楼盘表 (housing:building_grid): layout, states, counts, legend, print view, scoping, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anju.housing.choices import UnitState
from anju.housing.selectors_grid import building_grid, unit_position
from anju.housing.tests.grid_data import GUOYANG, fill_building, make_building, make_project, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def building(demo_regions):
    """A 3-floor building with 2 units per floor in various states and one duplex."""
    building = make_building(make_project(), floors=3)
    make_unit(building, 1, 1, state=UnitState.VACANT)
    make_unit(building, 1, 2, state=UnitState.OCCUPIED)
    make_unit(building, 2, 1, state=UnitState.ALLOCATED)
    make_unit(building, 2, 2, state=UnitState.LOCKED, floor_to=3)  # a duplex over floors 2-3
    make_unit(building, 3, 1, state=UnitState.VACANT)
    return building


def test_unit_position_strips_the_floor_prefix():
    # given / when / then
    from anju.housing.models import Unit

    assert unit_position(Unit(room_number="1201", floor_from=12, floor_to=12)) == "01"
    assert unit_position(Unit(room_number="A", floor_from=3, floor_to=3)) == "A"


def test_grid_has_floors_top_first_and_cells_by_position(building, city_officer):
    # when
    grid = building_grid(user=city_officer, building_id=building.pk)

    # then
    assert [row.floor for row in grid.rows] == [3, 2, 1]
    assert [column.label for column in grid.columns] == ["1单元 01", "1单元 02"]
    top = grid.rows[0].cells
    assert top[0].unit.room_number == "301"
    assert top[1].unit.room_number == "202" and top[1].rowspan == 2  # the duplex is drawn from its top floor
    assert grid.rows[1].cells[1].covered


def test_grid_legend_counts_every_state(building, city_officer):
    # when
    grid = building_grid(user=city_officer, building_id=building.pk)

    # then
    counts = {entry.code: entry.count for entry in grid.legend}
    assert counts == {"undelivered": 0, "delivered": 0, "allocated": 1, "occupied": 1, "vacant": 2, "maintenance": 0, "locked": 1}
    assert grid.total == 5


def test_grid_page_shows_cells_coloured_by_state_legend_and_links(client, building, city_officer):
    # given
    client.force_login(city_officer)

    # when
    response = client.get(reverse("housing:building_grid", args=[building.pk]))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-testid="unit-cell"') == 5
    assert html.count("unit-cell unit-state-vacant") == 2
    assert 'rowspan="2"' in html
    assert "空置" in html and "已入住" in html and "锁定" in html
    assert 'data-testid="legend-count-vacant">2<' in html
    unit = building.units.get(room_number="101")
    assert reverse("housing:unit_detail", args=[unit.pk]) in html
    assert "?print=1" in html
    assert "style=" not in html  # CSP: colours are classes


def test_grid_print_view_is_a4_landscape_without_links(client, building, city_officer):
    # given
    client.force_login(city_officer)

    # when
    response = client.get(reverse("housing:building_grid", args=[building.pk]), {"print": "1"})

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "housing/grid-print.css" in html
    assert "unit-grid-print" in html
    assert html.count('data-testid="unit-cell"') == 5
    assert "unit-cell-link" not in html
    assert "sidebar" not in html


def test_grid_print_css_sets_a4_landscape():
    # given
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "static" / "housing" / "grid-print.css").read_text()

    # then
    assert "size: A4 landscape" in css


def test_grid_of_another_district_is_404(client, demo_regions, other_district_clerk):
    # given: a building in 谯城区, a user of 涡阳县
    building = make_building(make_project())
    client.force_login(other_district_clerk)

    # when
    response = client.get(reverse("housing:building_grid", args=[building.pk]))

    # then
    assert response.status_code == 404


def test_grid_visible_to_own_district(client, demo_regions, other_district_clerk):
    # given
    building = make_building(make_project("XM341621-2026-001", region_code=GUOYANG))
    client.force_login(other_district_clerk)

    # when
    response = client.get(reverse("housing:building_grid", args=[building.pk]))

    # then
    assert response.status_code == 200


def test_grid_refused_to_a_role_without_housing_business(client, building):
    # given: a 协同部门 user of the city (staff, but not housing business)
    from anju.accounts.roles import Role
    from conftest import make_user

    client.force_login(make_user("partner_city", Role.PARTNER, "341600000000"))

    # when
    response = client.get(reverse("housing:building_grid", args=[building.pk]))

    # then
    assert response.status_code == 403


def test_empty_building_says_so(client, demo_regions, city_officer):
    # given
    building = make_building(make_project())
    client.force_login(city_officer)

    # when
    html = client.get(reverse("housing:building_grid", args=[building.pk])).content.decode()

    # then
    assert 'data-testid="grid-empty"' in html


def test_grid_query_count_does_not_grow_with_units(client, demo_regions, city_officer):
    # given: a 1-floor building and a 33-floor building with 8 units per floor
    small = make_building(make_project(), name="小楼", floors=1)
    fill_building(small, floors=1, per_floor=1)
    large = make_building(small.project, name="高层", floors=33)
    fill_building(large, floors=33, per_floor=8, state=UnitState.VACANT)
    client.force_login(city_officer)
    client.get(reverse("housing:building_grid", args=[small.pk]))  # warm session and caches

    # when
    with CaptureQueriesContext(connection) as small_queries:
        client.get(reverse("housing:building_grid", args=[small.pk]))
    with CaptureQueriesContext(connection) as large_queries:
        response = client.get(reverse("housing:building_grid", args=[large.pk]))

    # then
    assert response.content.decode().count('data-testid="unit-cell"') == 264
    assert len(large_queries) == len(small_queries)
    unit_queries = [q for q in large_queries.captured_queries if 'FROM "housing_unit"' in q["sql"]]
    assert len(unit_queries) == 1
