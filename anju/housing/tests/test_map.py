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
    assert len(data["units"]) == 4
    assert {u["number"].rsplit("-", 1)[1] for u in data["units"]} == {"101", "201"}
    south = data["projects"][0]
    assert (south["unit_count"], south["vacant_count"]) == (3, 2)
    assert south["district_name"] == "谯城区"
    assert south["buildings"][0]["grid_url"] == reverse("housing:building_grid", args=[stock["b1"].pk])


def test_vacant_unit_takes_the_building_coordinates_else_the_project(client, stock, city_officer):
    # when
    data = _get(client, city_officer)

    # then
    by_project = {u["project_name"]: u for u in data["units"]}
    assert (by_project["城南公租房小区"]["lat"], by_project["城南公租房小区"]["lng"]) == (33.851, 115.781)
    assert by_project["东关棚改安置区"]["lat"] is None  # no coordinates anywhere: not placed, still counted
    assert by_project["涡阳县保障房"]["lat"] == 33.5


def test_district_officer_sees_only_own_district(client, stock, other_district_clerk):
    # when
    data = _get(client, other_district_clerk)

    # then
    assert [p["number"] for p in data["projects"]] == ["XM341621-2026-001"]
    assert [u["project_name"] for u in data["units"]] == ["涡阳县保障房"]


def test_filters_by_district_kind_and_stage(client, stock, city_officer):
    # when / then
    assert [p["number"] for p in _get(client, city_officer, district="341621")["projects"]] == ["XM341621-2026-001"]
    kind = _get(client, city_officer, kind=HousingKind.RESETTLEMENT)
    assert [p["number"] for p in kind["projects"]] == ["XM341602-2026-002"]
    assert len(kind["units"]) == 1
    completed = _get(client, city_officer, stage="completed")
    assert [p["number"] for p in completed["projects"]] == ["XM341602-2026-002"]
    planned = _get(client, city_officer, stage="planned")
    assert [p["number"] for p in planned["projects"]] == ["XM341602-2026-001", "XM341621-2026-001"]


def test_district_filter_cannot_widen_the_jurisdiction(client, stock, other_district_clerk):
    # when: a 涡阳县 user asks for 谯城区
    data = _get(client, other_district_clerk, district="341602")

    # then
    assert data["projects"] == [] and data["units"] == []


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


def test_unit_state_filter_draws_the_chosen_units_and_counts_them(client, stock, city_officer):
    # given: the 涡阳县 unit in 维修; one 谯城区 vacant unit handed over (allocatable), the others not
    from datetime import date

    from anju.housing.models import Handover, Unit

    handover = Handover.objects.create(project=stock["city_south"], batch_number="YJ-T-01", handed_over_on=date(2026, 7, 1),
                                       handed_over_by="李建设", region_code=stock["city_south"].region_code, unit_count=1)
    Unit.objects.filter(building=stock["b1"], room_number="101").update(handover=handover)
    # when
    repair = _get(client, city_officer, units="maintenance")
    allocatable = _get(client, city_officer, units="allocatable")
    default = _get(client, city_officer, units="nonsense")
    # then
    assert [(u["project_name"], u["state_label"]) for u in repair["units"]] == [("涡阳县保障房", "维修")]
    assert repair["units_label"] == "维修"
    assert [p["matching_count"] for p in repair["projects"]] == [0, 0, 1]
    assert [u["number"].rsplit("-", 1)[1] for u in allocatable["units"]] == ["101"]
    assert allocatable["projects"][0]["buildings"][0]["matching_count"] == 1
    assert allocatable["units_label"] == "可配置"
    assert default["units_label"] == "空置" and len(default["units"]) == 4


def test_unit_state_filter_stays_inside_the_jurisdiction(client, stock, other_district_clerk):
    # when: the 涡阳县 officer asks for every 维修 unit and for 谯城区
    data = _get(client, other_district_clerk, units="maintenance", district="341602")
    mine = _get(client, other_district_clerk, units="maintenance")
    # then
    assert data["projects"] == [] and data["units"] == []
    assert [u["project_name"] for u in mine["units"]] == ["涡阳县保障房"]


def test_a_district_officer_map_focuses_their_district_and_a_city_officer_map_does_not(client, stock, district_officer,
                                                                                        city_officer, community_clerk):
    # when
    pages = {}
    for user in (district_officer, city_officer, community_clerk):
        client.force_login(user)
        pages[user.username] = client.get(reverse("housing:map")).content.decode()
    # then
    assert 'data-focus-district="341602000000"' in pages[district_officer.username]
    assert 'data-focus-district=""' in pages[city_officer.username]
    assert 'data-focus-district="341602000000"' in pages[community_clerk.username]  # a community inside 谯城区
    assert 'name="units"' in pages[city_officer.username] and ">可配置（已移交的已交付、空置住房）<" in pages[city_officer.username]


def test_the_boundaries_endpoint_serves_only_the_users_city(client, demo_regions, district_officer, settings, tmp_path):
    # given: boundaries of 亳州 and of another city on disk
    settings.ANJU_BOUNDARIES_DIR = str(tmp_path)
    for city, name in (("341600", "谯城区"), ("340100", "瑶海区")):
        (tmp_path / f"{city}.geojson").write_text(json.dumps({
            "type": "FeatureCollection", "city": city,
            "features": [{"type": "Feature", "properties": {"name": name, "code": city[:4] + "02000000"},
                          "geometry": {"type": "Polygon", "coordinates": [[[115.6, 33.7], [115.9, 33.7], [115.9, 34.0], [115.6, 33.7]]]}}],
        }, ensure_ascii=False), encoding="utf-8")
    client.force_login(district_officer)
    # when
    own = client.get(reverse("housing:map_boundaries"), {"city": "341600"})
    other = client.get(reverse("housing:map_boundaries"), {"city": "340100"})
    # then: asking for 合肥 still answers 亳州
    assert json.loads(own.content)["city"] == "341600"
    assert json.loads(other.content)["city"] == "341600"
    assert "瑶海区" not in other.content.decode()


def test_the_boundary_city_rules():
    # given: a province user (jurisdiction prefix "34")
    from types import SimpleNamespace
    from unittest import mock

    from anju.housing.selectors_map import map_boundary_city_allowed, map_focus_district

    province = SimpleNamespace(jurisdiction_id="340000000000", is_authenticated=True)
    with mock.patch("anju.housing.selectors_map.jurisdiction_prefix", return_value="34"):
        # when / then: a city of the province may be chosen; another province's falls back to the default city
        assert map_boundary_city_allowed(user=province, city="340100", default="341600") == "340100"
        assert map_boundary_city_allowed(user=province, city="320100", default="341600") == "341600"
        assert map_focus_district(user=province) == ""
