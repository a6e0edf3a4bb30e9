"""建设项目地图: the page (CSP-clean config), the JSON data (filters, scoping, vacant only), boundaries."""

import json

import pytest
from django.urls import reverse

from anju.housing.choices import HousingKind, UnitState
from anju.housing.selectors_map import MapFilters, housing_map_data
from anju.housing.tests.grid_data import GUOYANG, make_building, make_project, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def stock(demo_regions):
    """Two projects in 谯城区 (one completed), one in 涡阳县; units in several states."""
    from datetime import date

    city_south = make_project("XM341602-2026-001", name="城南公租房小区")
    b1 = make_building(city_south, name="1号楼", latitude="33.851000", longitude="115.781000")
    make_unit(b1, 1, 1, state=UnitState.VACANT)
    make_unit(b1, 1, 2, state=UnitState.OCCUPIED)
    make_unit(b1, 2, 1, state=UnitState.VACANT)
    east = make_project("XM341602-2026-002", name="东关棚改安置区", category=HousingKind.RESETTLEMENT, lat=None, lng=None)
    type(east).objects.filter(pk=east.pk).update(actual_start=date(2025, 3, 1), actual_completion=date(2026, 6, 30))
    b2 = make_building(east, name="A栋")
    make_unit(b2, 1, 1, state=UnitState.VACANT)
    guoyang = make_project("XM341621-2026-001", name="涡阳县保障房", region_code=GUOYANG, lat="33.500000", lng="116.200000")
    b3 = make_building(guoyang, name="1号楼")
    make_unit(b3, 1, 1, state=UnitState.VACANT)
    make_unit(b3, 1, 2, state=UnitState.MAINTENANCE)
    return {"city_south": city_south, "east": east, "guoyang": guoyang, "b1": b1}


def _get(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("housing:map_data"), params)
    assert response.status_code == 200
    return json.loads(response.content)


def test_city_officer_sees_every_project_and_only_vacant_units(client, stock, city_officer):
    # when
    data = _get(client, city_officer)

    # then
    assert [p["number"] for p in data["projects"]] == ["XM341602-2026-001", "XM341602-2026-002", "XM341621-2026-001"]
    assert len(data["vacant_units"]) == 4
    assert {u["number"].rsplit("-", 1)[1] for u in data["vacant_units"]} == {"101", "201"}
    south = data["projects"][0]
    assert (south["unit_count"], south["vacant_count"]) == (3, 2)
    assert south["district_name"] == "谯城区"
    assert south["buildings"][0]["grid_url"] == reverse("housing:building_grid", args=[stock["b1"].pk])


def test_vacant_unit_takes_the_building_coordinates_else_the_project(client, stock, city_officer):
    # when
    data = _get(client, city_officer)

    # then
    by_project = {u["project_name"]: u for u in data["vacant_units"]}
    assert (by_project["城南公租房小区"]["lat"], by_project["城南公租房小区"]["lng"]) == (33.851, 115.781)
    assert by_project["东关棚改安置区"]["lat"] is None  # no coordinates anywhere: not placed, still counted
    assert by_project["涡阳县保障房"]["lat"] == 33.5


def test_district_officer_sees_only_own_district(client, stock, other_district_clerk):
    # when
    data = _get(client, other_district_clerk)

    # then
    assert [p["number"] for p in data["projects"]] == ["XM341621-2026-001"]
    assert [u["project_name"] for u in data["vacant_units"]] == ["涡阳县保障房"]


def test_filters_by_district_kind_and_stage(client, stock, city_officer):
    # when / then
    assert [p["number"] for p in _get(client, city_officer, district="341621")["projects"]] == ["XM341621-2026-001"]
    kind = _get(client, city_officer, kind=HousingKind.RESETTLEMENT)
    assert [p["number"] for p in kind["projects"]] == ["XM341602-2026-002"]
    assert len(kind["vacant_units"]) == 1
    completed = _get(client, city_officer, stage="completed")
    assert [p["number"] for p in completed["projects"]] == ["XM341602-2026-002"]
    planned = _get(client, city_officer, stage="planned")
    assert [p["number"] for p in planned["projects"]] == ["XM341602-2026-001", "XM341621-2026-001"]


def test_district_filter_cannot_widen_the_jurisdiction(client, stock, other_district_clerk):
    # when: a 涡阳县 user asks for 谯城区
    data = _get(client, other_district_clerk, district="341602")

    # then
    assert data["projects"] == [] and data["vacant_units"] == []


def test_invalid_filters_are_ignored():
    # given / when
    filters = MapFilters.from_query({"district": "abc", "kind": "castle", "stage": "x"})

    # then
    assert filters == MapFilters()


def test_map_data_query_count_is_constant(stock, city_officer, django_assert_max_num_queries):
    # given: more projects and units do not add queries
    for i in range(3, 8):
        building = make_building(make_project(f"XM341602-2026-00{i}"))
        make_unit(building, 1, 1, state=UnitState.VACANT)

    # when / then
    with django_assert_max_num_queries(4):
        housing_map_data(user=city_officer, filters=MapFilters())


def test_map_page_passes_config_in_data_attributes(client, stock, city_officer):
    # given
    client.force_login(city_officer)

    # when
    response = client.get(reverse("housing:map"))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-points-url="{reverse("housing:map_data")}"' in html
    assert "vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "housing/map.js" in html
    assert "<script>" not in html and "style=" not in html
    assert ">谯城区<" in html and ">涡阳县<" in html


def test_map_refused_to_a_role_without_housing_business(client, stock):
    # given: a 协同部门 user of the city
    from anju.accounts.roles import Role
    from conftest import make_user

    client.force_login(make_user("partner_city", Role.PARTNER, "341600000000"))

    # when / then
    assert client.get(reverse("housing:map_data")).status_code == 403


def test_map_requires_login(client, stock):
    # when
    response = client.get(reverse("housing:map_data"))

    # then
    assert response.status_code == 302


def test_tile_origin_goes_into_the_csp_only_for_absolute_templates():
    # given
    from config.integrations.maps import _origin

    # when / then
    assert _origin("https://tiles.example.cn:8443/{z}/{x}/{y}.png") == "https://tiles.example.cn:8443"
    assert _origin("/tiles/{z}/{x}/{y}.png") == ""
    assert _origin("") == ""
