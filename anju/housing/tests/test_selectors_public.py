"""The portal's public view of the stock: estates with allocatable units, layout counts, no personal data."""

import json
from datetime import date
from decimal import Decimal

import pytest

from anju.housing.choices import HousingKind, Layout, UnitState
from anju.housing.models import Handover, Unit
from anju.housing.selectors_public import (
    public_estate_get,
    public_estates,
    public_map_points,
    register_rent_level_provider,
    unregister_rent_level_provider,
)
from anju.housing.tests.grid_data import GUOYANG, make_building, make_project, make_unit

pytestmark = pytest.mark.django_db


def _handed_over(project, units):
    handover = Handover.objects.create(project=project, batch_number=f"YJ{project.number}-01", handed_over_on=date(2026, 7, 1),
                                       handed_over_by="李建设", region_code=project.region_code, unit_count=len(units))
    Unit.objects.filter(pk__in=[u.pk for u in units]).update(handover=handover)


def _unit(building, floor, position, state, layout, area="50.00"):
    unit = make_unit(building, floor, position, state=state, area=area)
    Unit.objects.filter(pk=unit.pk).update(layout=layout)
    return unit


@pytest.fixture
def stock(demo_regions):
    """谯城区: an estate with 3 allocatable units (2 layouts) among others; 涡阳县: one with only occupied units."""
    south = make_project("XM341602-2026-001", name="城南公租房小区", address="谯城区城南路1号")
    b1 = make_building(south, name="1号楼")
    units = [
        _unit(b1, 1, 1, UnitState.VACANT, Layout.TWO_ONE, "60.00"),
        _unit(b1, 1, 2, UnitState.DELIVERED, Layout.TWO_ONE, "62.50"),
        _unit(b1, 2, 1, UnitState.VACANT, Layout.ONE_ONE, "45.00"),
        _unit(b1, 2, 2, UnitState.OCCUPIED, Layout.THREE_ONE, "90.00"),
        _unit(b1, 3, 1, UnitState.MAINTENANCE, Layout.ONE_ONE, "40.00"),
    ]
    _handed_over(south, units)
    _unit(b1, 3, 2, UnitState.VACANT, Layout.THREE_TWO, "120.00")  # never handed over: not supply
    no_coords = make_project("XM341602-2026-002", name="东关安置区", category=HousingKind.RESETTLEMENT, lat=None, lng=None)
    b2 = make_building(no_coords, name="A栋")
    _handed_over(no_coords, [_unit(b2, 1, 1, UnitState.DELIVERED, Layout.TWO_TWO)])
    full = make_project("XM341621-2026-001", name="涡阳县保障房", region_code=GUOYANG, lat="33.5", lng="116.2")
    b3 = make_building(full, name="1号楼")
    _handed_over(full, [_unit(b3, 1, 1, UnitState.OCCUPIED, Layout.TWO_ONE)])
    return {"south": south, "no_coords": no_coords, "full": full}


def test_only_estates_with_allocatable_handed_over_units_are_listed(stock):
    # when
    estates = public_estates()
    # then
    assert [e.name for e in estates] == ["城南公租房小区", "东关安置区"]
    south = estates[0]
    assert south.allocatable_units == 3
    assert (south.area_min, south.area_max) == (Decimal("45.00"), Decimal("62.50"))
    assert [(lc.label, lc.count) for lc in south.layouts] == [("一室一厅", 1), ("两室一厅", 2)]
    assert (south.district, south.district_code, south.kind_label) == ("谯城区", "341602000000", "公共租赁住房")
    assert (south.latitude, south.longitude) == (33.85, 115.78)
    assert south.rent_level == ""


def test_filters_by_district_kind_and_layout_keep_the_counts_complete(stock):
    # when / then
    assert [e.name for e in public_estates(district="341621")] == []
    assert [e.name for e in public_estates(kind=HousingKind.RESETTLEMENT)] == ["东关安置区"]
    by_layout = public_estates(layout=Layout.ONE_ONE)
    assert [e.name for e in by_layout] == ["城南公租房小区"]
    assert by_layout[0].allocatable_units == 3  # the filter picks estates, it does not shrink their counts
    assert public_estates(district="abc") == [] and public_estates(kind="castle") == [] and public_estates(layout="x") == []


def test_an_estate_disappears_when_its_last_allocatable_unit_is_allocated(stock):
    # given
    Unit.objects.filter(building__project=stock["no_coords"]).update(state=UnitState.ALLOCATED)
    # when / then
    assert public_estate_get(pk=stock["no_coords"].pk) is None
    assert public_estate_get(pk=stock["south"].pk).allocatable_units == 3


def test_map_points_have_coordinates_and_no_personal_or_unit_data(stock):
    # when
    points = public_map_points()
    # then
    assert [p["name"] for p in points] == ["城南公租房小区"]
    text = json.dumps(points, ensure_ascii=False)
    assert set(points[0]) == {"id", "number", "name", "kind", "kind_label", "district_code", "district", "address", "latitude",
                              "longitude", "allocatable_units", "area_min", "area_max", "layouts", "rent_level"}
    assert "101" not in text and "李建设" not in text  # no room numbers, no handover person


def test_rent_level_comes_from_a_registered_provider_and_a_failing_one_is_skipped(stock):
    # given
    def broken(project_ids):
        raise RuntimeError("down")

    register_rent_level_provider("broken", broken)
    register_rent_level_provider("standard", lambda ids: {stock["south"].pk: "8.50 元/㎡·月"})
    try:
        # when
        estates = {e.name: e for e in public_estates()}
    finally:
        unregister_rent_level_provider("broken")
        unregister_rent_level_provider("standard")
    # then
    assert estates["城南公租房小区"].rent_level == "8.50 元/㎡·月"
    assert estates["东关安置区"].rent_level == ""


def test_query_count_does_not_grow_with_estates(stock, django_assert_max_num_queries):
    # given
    for i in range(3, 8):
        project = make_project(f"XM341602-2026-00{i}", name=f"小区{i}")
        _handed_over(project, [_unit(make_building(project), 1, 1, UnitState.VACANT, Layout.TWO_ONE)])
    # when / then
    with django_assert_max_num_queries(3):
        assert len(public_estates()) == 7
