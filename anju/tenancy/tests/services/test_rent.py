"""租金: the monthly run (idempotent, set-wise), payments oldest first, arrears and ageing."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anju.tenancy.models import RentCharge, RentPayment
from anju.tenancy.services import payment_record, rent_run, vacate_create, vacate_move_out
from anju.tenancy.services.arrears import BUCKETS, ageing, arrears_by_household, household_ageing
from anju.tenancy.tests.factories import OTHER_REGION, building_make, tenancy_make

D = Decimal


@pytest.fixture
def tenancies(demo_regions):
    """Three households of 白布社区 (rent 300 − 0, 500 − 100, 200 − 0) and one of 涡阳县."""
    building = building_make()
    return [
        tenancy_make(building=building, rent="300.00"),
        tenancy_make(building=building, rent="500.00", reduction="100.00"),
        tenancy_make(building=building, rent="200.00", moved_in_on=date(2026, 3, 20)),
        tenancy_make(region_code=OTHER_REGION, rent="400.00"),
    ]


def test_rent_run_creates_one_charge_per_lease_and_month_and_is_idempotent(tenancies):
    # when
    first = rent_run(period="2026-02", acting_user=None)
    second = rent_run(period="2026-02", acting_user=None)
    # then: the household that moved in in March owes nothing for February
    assert first == {"month": "2026-02", "leases": 3, "created": 3, "existing": 0}
    assert second["created"] == 0 and second["existing"] == 3
    charges = {c.move_in_id: c for c in RentCharge.objects.filter(period=date(2026, 2, 1))}
    assert charges[tenancies[0].pk].amount == D("300.00")
    assert charges[tenancies[1].pk].amount == D("400.00")  # reduction applied
    charge = charges[tenancies[0].pk]
    assert (charge.year, charge.month, charge.due_on, charge.paid_amount) == (2026, 2, date(2026, 2, 10), D("0.00"))
    assert charge.number.startswith("YS341602202602") and charge.register_entry_id == tenancies[0].register_entry_id


def test_rent_run_by_user_covers_only_the_jurisdiction(tenancies, district_officer):
    result = rent_run(period="2026-03", acting_user=district_officer)
    assert result["created"] == 3
    assert not RentCharge.objects.filter(region_code__startswith="341621").exists()
    assert RentCharge.objects.filter(created_by=district_officer).count() == 3


def test_command_runs_a_month(tenancies, capsys):
    call_command("rent_run", "--month", "2026-04")
    call_command("rent_run", "--month", "2026-04")
    assert RentCharge.objects.filter(period=date(2026, 4, 1)).count() == 4
    assert "新生成应收 0 笔" in capsys.readouterr().out


def test_bad_month_is_a_chinese_error(tenancies):
    with pytest.raises(ValidationError, match="格式应为 YYYY-MM"):
        rent_run(period="2026/13", acting_user=None)


def test_no_rent_after_the_household_moved_out(tenancies, district_officer):
    move_in = tenancies[0]
    vacate = vacate_create(
        move_in=move_in, kind="voluntary", reason="自愿退租", notified_on=date(2026, 3, 1), acting_user=district_officer
    )
    vacate_move_out(vacate=vacate, vacated_on=date(2026, 3, 31), acting_user=district_officer)
    rent_run(period="2026-03", acting_user=None)
    rent_run(period="2026-04", acting_user=None)
    assert list(RentCharge.objects.filter(move_in=move_in).values_list("month", flat=True)) == [3]


def test_payment_allocates_oldest_first_and_needs_a_reason_when_partial(tenancies, district_officer):
    household = tenancies[0].register_entry
    for month in ("2026-01", "2026-02", "2026-03"):
        rent_run(period=month, acting_user=None)
    # partial without a reason is refused, nothing recorded
    with pytest.raises(ValidationError) as error:
        payment_record(register_entry=household, amount="450", method="cash", acting_user=district_officer)
    assert "shortfall_reason" in error.value.message_dict and not RentPayment.objects.exists()
    # when
    receipt = payment_record(
        register_entry=household,
        amount="450",
        method="cash",
        shortfall_reason="家庭困难分期缴纳",
        acting_user=district_officer,
    )
    # then
    rows = list(receipt.payments.order_by("month").values_list("month", "amount", "is_full"))
    assert rows == [(1, D("300.00"), True), (2, D("150.00"), False)]
    assert household_ageing(register_entry=household, as_of=date(2026, 3, 1)).total == D("450.00")
    with pytest.raises(ValidationError, match="超过欠缴租金"):
        payment_record(register_entry=household, amount="451", method="cash", acting_user=district_officer)
    payment_record(register_entry=household, amount="450", method="bank", acting_user=district_officer)
    assert household_ageing(register_entry=household, as_of=date(2026, 3, 1)).total == 0
    with pytest.raises(ValidationError, match="没有欠缴租金"):
        payment_record(register_entry=household, amount="1", method="cash", acting_user=district_officer)


def test_payment_idempotency_key_records_once(tenancies, district_officer):
    household = tenancies[0].register_entry
    rent_run(period="2026-02", acting_user=None)
    first = payment_record(
        register_entry=household, amount="300", method="cash", idempotency_key="k-1", acting_user=district_officer
    )
    again = payment_record(
        register_entry=household, amount="300", method="cash", idempotency_key="k-1", acting_user=district_officer
    )
    assert first.pk == again.pk and RentPayment.objects.count() == 1


def test_arrears_by_household_ageing_buckets(tenancies):
    for month in range(1, 9):
        rent_run(period=f"2026-{month:02d}", acting_user=None)
    rows = {
        r["register_entry"]: r for r in arrears_by_household(charges=RentCharge.objects.all(), as_of=date(2026, 8, 1))
    }
    first = rows[tenancies[0].register_entry_id]
    # 8 months × 300: Aug (1), Jul (2), Jun–Apr (3–5), Mar–Jan (6+)
    assert (first["total"], first["months"]) == (D("2400.00"), 8)
    assert (first["b1"], first["b2"], first["b3"], first["b6"]) == (D("300.00"), D("300.00"), D("900.00"), D("900.00"))


# ---- property: any sequence of charges and payments ----------------------------------------

operations = st.lists(
    st.one_of(
        st.tuples(st.just("charge"), st.integers(min_value=1, max_value=12), st.sampled_from(["0", "1"])),
        st.tuples(
            st.just("pay"), st.decimals(min_value=D("0.01"), max_value=D("2000"), places=2), st.sampled_from(["0", "1"])
        ),
    ),
    max_size=14,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_arrears_equal_charges_minus_payments(tenancies, district_officer, ops):
    # given: two households (rents 300 and 400); a clean slate per example
    RentPayment.objects.all().delete()
    RentCharge.objects.all().delete()
    from anju.tenancy.models import RentReceipt

    RentReceipt.objects.all().delete()
    households = [tenancies[0], tenancies[1]]
    paid = {0: D(0), 1: D(0)}
    for op, value, who in ops:
        index = int(who)
        move_in = households[index]
        if op == "charge":
            rent_run(period=date(2026, value, 1), acting_user=None, region_prefix=move_in.region_code)
            continue
        owed = household_ageing(register_entry=move_in.register_entry, as_of=date(2026, 12, 1)).total
        if owed == 0:
            continue
        amount = min(value, owed)
        payment_record(
            register_entry=move_in.register_entry,
            amount=amount,
            method="cash",
            shortfall_reason="部分缴纳",
            paid_at=timezone.make_aware(datetime(2026, 12, 1)),
            acting_user=district_officer,
        )
        paid[index] += amount
    # then
    as_of = date(2026, 12, 1)
    for index, move_in in enumerate(households):
        charges = RentCharge.objects.filter(register_entry=move_in.register_entry)
        charged = sum((c.amount for c in charges), D(0))
        result = household_ageing(register_entry=move_in.register_entry, as_of=as_of)
        assert result.total == charged - paid[index]
        assert all(c.paid_amount >= 0 and c.amount - c.paid_amount >= 0 for c in charges)
        assert sum(result.buckets.values()) == result.total
        rows = list(arrears_by_household(charges=charges, as_of=as_of))
        if result.total:
            (row,) = rows
            assert row["total"] == result.total and sum(row[key] for key, _ in BUCKETS) == row["total"]
        else:
            assert rows == []


def test_ageing_arithmetic_on_plain_rows():
    rows = [
        (date(2026, 1, 1), D("100"), D("0")),
        (date(2026, 6, 1), D("100"), D("40")),
        (date(2026, 7, 1), D("100"), D("100")),
    ]
    result = ageing(rows, as_of=date(2026, 7, 15))
    assert result.total == D("160") and result.months == 2
    assert result.buckets == {"b1": 0, "b2": D("60"), "b3": 0, "b6": D("100")}


def test_arrears_list_query_count_does_not_grow(demo_regions, district_officer, django_assert_max_num_queries):
    from anju.tenancy.selectors import arrears_list

    building = building_make()
    for _ in range(3):
        tenancy_make(building=building)
    rent_run(period="2026-01", acting_user=None)
    with django_assert_max_num_queries(3):
        assert len(arrears_list(user=district_officer, as_of=date(2026, 1, 1))) == 3
    for _ in range(12):
        tenancy_make(building=building)
    rent_run(period="2026-02", acting_user=None)
    with django_assert_max_num_queries(3):
        assert len(arrears_list(user=district_officer, as_of=date(2026, 2, 1))) == 15


def test_the_scheduled_monthly_run_charges_this_month_once_and_catches_up(tenancies):
    # given: the schedule fires on days 1–5 (a worker down on the 1st catches up on a later day)
    from datetime import datetime

    import time_machine

    from anju.tenancy.tasks import MONTHLY_RENT_RUN, tenancy_rent_run_monthly

    assert MONTHLY_RENT_RUN(datetime(2026, 4, 1, 2, 0)) and MONTHLY_RENT_RUN(datetime(2026, 4, 5, 2, 0))
    assert not MONTHLY_RENT_RUN(datetime(2026, 4, 6, 2, 0)) and not MONTHLY_RENT_RUN(datetime(2026, 4, 1, 3, 0))
    # when: it runs on the 1st and again on the 3rd of April
    with time_machine.travel(datetime(2026, 4, 1, 2, 0), tick=False):
        first = tenancy_rent_run_monthly.call_local()
    with time_machine.travel(datetime(2026, 4, 3, 2, 0), tick=False):
        again = tenancy_rent_run_monthly.call_local()
    # then: April is charged once for every lease, and the second run creates nothing
    assert first["month"] == "2026-04" and first["created"] == 4
    assert again["created"] == 0 and again["existing"] == 4
    assert RentCharge.objects.filter(period=date(2026, 4, 1)).count() == 4
