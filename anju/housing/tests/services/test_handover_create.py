"""handover_create and the allocatable supply."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.housing.choices import UnitState
from anju.housing.selectors import allocatable_units
from anju.housing.services import handover_create
from anju.housing.tests.factories import building_for, complete, project_for, unit_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(demo_regions):
    """A project with a completed building (two units) and an unfinished one (one unit)."""
    project = project_for()
    done = complete(building_for(project))
    unit_for(done, room="101")
    unit_for(done, room="102")
    unit_for(building_for(project, name="2号楼"), room="101")
    return project


def test_handover_delivers_the_units_of_completed_buildings(project, district_officer):
    # given
    units = list(project.buildings.get(name="1号楼").units.all())
    # when
    handover = handover_create(project=project, units=units, handed_over_on=date(2026, 7, 1), handed_over_by="李建设",
                               acting_user=district_officer)
    # then
    assert handover.batch_number == f"YJ{project.number}-01"
    assert handover.unit_count == 2
    for unit in units:
        unit.refresh_from_db()
        assert unit.state == UnitState.DELIVERED
        assert (unit.is_handed_over, unit.handover_batch_number, unit.handed_over_by) == (True, handover.batch_number, "李建设")
    building = project.buildings.get(name="1号楼")
    assert building.is_handed_over
    assert project.handover_batch_number == handover.batch_number
    assert not project.is_handed_over  # 2号楼 is not


def test_units_of_an_unfinished_building_are_refused(project, district_officer):
    # given
    unit = project.buildings.get(name="2号楼").units.get()
    # when
    with pytest.raises(ValidationError) as excinfo:
        handover_create(project=project, units=[unit], handed_over_on=date(2026, 7, 1), handed_over_by="李建设",
                        acting_user=district_officer)
    # then
    assert "尚未竣工" in excinfo.value.messages[0]
    unit.refresh_from_db()
    assert unit.state == UnitState.UNDELIVERED


def test_an_officer_of_another_district_may_not_hand_over(project, other_district_clerk):
    # when / then
    with pytest.raises(PermissionDenied):
        handover_create(project=project, units=list(project.buildings.get(name="1号楼").units.all()),
                        handed_over_on=date(2026, 7, 1), handed_over_by="李建设", acting_user=other_district_clerk)


def test_allocatable_units_are_the_handed_over_delivered_or_vacant_ones(project, district_officer, other_district_clerk):
    # given
    units = list(project.buildings.get(name="1号楼").units.order_by("room_number"))
    handover_create(project=project, units=units, handed_over_on=date(2026, 7, 1), handed_over_by="李建设", acting_user=None)
    # when
    visible = allocatable_units(user=district_officer, district="341602000000", layout="2b1l")
    # then
    assert sorted(u.room_number for u in visible) == ["101", "102"]
    assert not allocatable_units(user=other_district_clerk).exists()
    assert not allocatable_units(user=district_officer, layout="3b2l").exists()
