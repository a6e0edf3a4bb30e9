"""入住 (A.8.3): date, rent, reductions; the unit becomes 已入住 through the unit state service."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.housing.choices import UnitState
from anju.housing.models import UnitStateChange
from anju.tenancy.models import MoveIn
from anju.tenancy.services import move_in_create


def test_move_in_records_rent_and_reduction_and_occupies_unit(lease, district_officer):
    # when
    move_in = move_in_create(
        lease=lease,
        moved_in_on=date(2026, 2, 1),
        reduction_amount="50",
        reduction_reason="低保家庭减免",
        acting_user=district_officer,
    )
    # then
    lease.unit.refresh_from_db()
    assert lease.unit.state == UnitState.OCCUPIED
    change = UnitStateChange.objects.get(unit=lease.unit)
    assert (change.from_state, change.to_state, change.source) == (UnitState.ALLOCATED, UnitState.OCCUPIED, "tenancy")
    assert move_in.rent == Decimal("300.00") and move_in.has_reduction and move_in.net_rent == Decimal("250.00")
    assert move_in.deposit == Decimal("600.00") and move_in.applicant_number == lease.register_entry.number


def test_reduction_needs_reason_and_cannot_exceed_rent(lease, district_officer):
    with pytest.raises(ValidationError) as error:
        move_in_create(lease=lease, moved_in_on=date(2026, 2, 1), reduction_amount="50", acting_user=district_officer)
    assert "reduction_reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        move_in_create(
            lease=lease,
            moved_in_on=date(2026, 2, 1),
            reduction_amount="400",
            reduction_reason="x",
            acting_user=district_officer,
        )
    assert "reduction_amount" in error.value.message_dict
    lease.unit.refresh_from_db()
    assert lease.unit.state == UnitState.ALLOCATED and not MoveIn.objects.exists()


def test_unsigned_lease_and_second_move_in_are_refused(lease, district_officer):
    lease.status = "draft"
    lease.save()
    with pytest.raises(ValidationError, match="签约后才能办理入住"):
        move_in_create(lease=lease, moved_in_on=date(2026, 2, 1), acting_user=district_officer)
    lease.status = "signed"
    lease.save()
    move_in_create(lease=lease, moved_in_on=date(2026, 2, 1), acting_user=district_officer)
    with pytest.raises(ValidationError, match="已办理入住"):
        move_in_create(lease=lease, moved_in_on=date(2026, 2, 1), acting_user=district_officer)


def test_other_district_cannot_move_in(lease, other_district_clerk):
    with pytest.raises(PermissionDenied):
        move_in_create(lease=lease, moved_in_on=date(2026, 2, 1), acting_user=other_district_clerk)
