"""腾退 (A.8.4): voluntary or ordered, move-out period, final account, unit back to 空置 after inspection."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.housing.choices import UnitState
from anju.tenancy.choices import OccupancyStatus, VacateStatus
from anju.tenancy.services import payment_record, rent_run, vacate_close, vacate_create, vacate_move_out
from anju.tenancy.services.parameters import parameter_set
from anju.tenancy.tests.factories import tenancy_make


def test_voluntary_vacate_final_account_and_unit_vacant(demo_regions, district_officer):
    # given: two months charged, one paid
    move_in = tenancy_make(rent="300.00")
    rent_run(period="2026-02", acting_user=None)
    rent_run(period="2026-03", acting_user=None)
    payment_record(
        register_entry=move_in.register_entry,
        amount="300",
        method="cash",
        shortfall_reason="先缴一个月",
        acting_user=district_officer,
    )
    # when
    vacate = vacate_create(
        move_in=move_in,
        kind="voluntary",
        reason="购买商品房",
        notified_on=date(2026, 3, 1),
        acting_user=district_officer,
    )
    assert vacate.move_out_deadline == date(2026, 5, 30)  # default 90 days
    with pytest.raises(ValidationError, match="登记搬离后才能验房结算"):
        vacate_close(vacate=vacate, inspected_on=date(2026, 3, 31), acting_user=district_officer)
    vacate_move_out(vacate=vacate, vacated_on=date(2026, 3, 30), acting_user=district_officer)
    vacate_close(
        vacate=vacate,
        inspected_on=date(2026, 3, 31),
        damage_amount="50",
        inspection_note="墙面污损",
        acting_user=district_officer,
    )
    # then: owed 300 + damage 50 − deposit 600 = refund 250
    vacate.refresh_from_db()
    assert (vacate.rent_owed, vacate.deposit, vacate.balance) == (
        Decimal("300.00"),
        Decimal("600.00"),
        Decimal("-250.00"),
    )
    assert vacate.status == VacateStatus.CLOSED
    move_in.refresh_from_db()
    move_in.unit.refresh_from_db()
    assert move_in.status == OccupancyStatus.VACATED and move_in.unit.state == UnitState.VACANT


def test_ordered_vacate_uses_the_configured_period(demo_regions, district_officer):
    parameter_set(region_code="341602000000", values={"move_out_days": 30}, acting_user=district_officer)
    move_in = tenancy_make()
    vacate = vacate_create(
        move_in=move_in, kind="ordered", reason="退出保障", notified_on=date(2026, 6, 1), acting_user=district_officer
    )
    assert vacate.move_out_deadline == date(2026, 7, 1)
    with pytest.raises(ValidationError, match="已在腾退"):
        vacate_create(move_in=move_in, kind="ordered", reason="重复", acting_user=district_officer)
