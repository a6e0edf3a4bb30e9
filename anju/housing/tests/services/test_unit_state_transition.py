"""unit_state_transition: the allowed-transition table, Chinese refusals, nothing changed on refusal."""

import pytest
from django.core.exceptions import ValidationError

from anju.housing.choices import UnitState
from anju.housing.models import UnitStateChange
from anju.housing.services import unit_state_transition, units_state_transition
from anju.housing.services.units import ALLOCATION, HANDOVER, MANAGEMENT, TENANCY
from anju.housing.tests.factories import building_for, project_for, unit_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(demo_regions):
    """An undelivered unit."""
    return unit_for(building_for(project_for()))


def test_allowed_move_changes_state_and_logs_it(unit, district_officer):
    # when
    unit_state_transition(unit=unit, to_state=UnitState.DELIVERED, reason="移交", acting_user=district_officer, source=HANDOVER)
    # then
    unit.refresh_from_db()
    assert unit.state == UnitState.DELIVERED
    change = UnitStateChange.objects.get(unit=unit)
    assert (change.from_state, change.to_state, change.source, change.acting_user) == ("undelivered", "delivered", HANDOVER, district_officer)


def test_full_life_cycle_through_the_owning_services(unit):
    # given / when
    for to_state, source in ((UnitState.DELIVERED, HANDOVER), (UnitState.ALLOCATED, ALLOCATION), (UnitState.OCCUPIED, TENANCY),
                             (UnitState.VACANT, TENANCY), (UnitState.MAINTENANCE, MANAGEMENT), (UnitState.VACANT, MANAGEMENT)):
        unit_state_transition(unit=unit, to_state=to_state, reason="业务办理", acting_user=None, source=source)
    # then
    unit.refresh_from_db()
    assert unit.state == UnitState.VACANT
    assert UnitStateChange.objects.filter(unit=unit).count() == 6


def test_illegal_move_is_refused_in_chinese_and_nothing_changes(unit):
    # when
    with pytest.raises(ValidationError) as excinfo:
        unit_state_transition(unit=unit, to_state=UnitState.OCCUPIED, reason="直接入住", acting_user=None, source=TENANCY)
    # then
    assert "住房状态不能从“未交付”变为“已入住”。" in excinfo.value.messages[0]
    unit.refresh_from_db()
    assert unit.state == UnitState.UNDELIVERED
    assert not UnitStateChange.objects.exists()


def test_move_by_the_wrong_business_is_refused(unit):
    # when
    with pytest.raises(ValidationError) as excinfo:
        unit_state_transition(unit=unit, to_state=UnitState.DELIVERED, reason="手工改", acting_user=None, source=ALLOCATION)
    # then
    assert "只能由竣工移交办理" in excinfo.value.messages[0]
    unit.refresh_from_db()
    assert unit.state == UnitState.UNDELIVERED


def test_same_state_and_missing_reason_are_refused(unit):
    # when / then
    with pytest.raises(ValidationError, match="住房已是“未交付”状态"):
        unit_state_transition(unit=unit, to_state=UnitState.UNDELIVERED, reason="无", acting_user=None, source=MANAGEMENT)
    with pytest.raises(ValidationError, match="请填写状态变更原因"):
        unit_state_transition(unit=unit, to_state=UnitState.LOCKED, reason=" ", acting_user=None, source=MANAGEMENT)


def test_a_batch_is_all_or_nothing(unit):
    # given: one unit delivered, one not
    other = unit_for(unit.building, room="102")
    unit_state_transition(unit=unit, to_state=UnitState.DELIVERED, reason="移交", acting_user=None, source=HANDOVER)
    # when
    with pytest.raises(ValidationError) as excinfo:
        units_state_transition(units=[unit, other], to_state=UnitState.ALLOCATED, reason="配租", acting_user=None, source=ALLOCATION)
    # then
    assert other.number in excinfo.value.messages[0]
    unit.refresh_from_db()
    assert unit.state == UnitState.DELIVERED


def test_unit_save_refuses_the_state_field(unit):
    # given
    from anju.housing.services import unit_save

    # when / then
    with pytest.raises(ValidationError, match="住房状态只能通过"):
        unit_save(building=unit.building, unit=unit, data={"state": UnitState.OCCUPIED}, acting_user=None)
