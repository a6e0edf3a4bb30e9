"""Subsidies (A.7.5 补贴应发, A.7.6 补贴实发): idempotent monthly runs, part months, payments with shortfalls."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anju.distribution.choices import ContractStatus, ContractType, PaymentStatus
from anju.distribution.models import Contract, SubsidyDue, SubsidyPayment
from anju.distribution.services.contracts import contract_end
from anju.distribution.services.subsidies import (
    covered_days,
    month_amount,
    subsidy_dues_mark_printed,
    subsidy_month_run,
    subsidy_month_start,
    subsidy_payment_record,
    subsidy_payments_pay_outstanding,
)
from anju.distribution.tests.factories_contracts import SIGNER_ID, register_entry

pytestmark = pytest.mark.django_db

_counter = iter(range(1, 10**6))


def signed_subsidy(
    *,
    entry=None,
    amount="600.00",
    effective_on=dt.date(2026, 1, 1),
    term=12,
    terminated_on=None,
    status=ContractStatus.SIGNED,
    region_code="341602001001",
):
    """A signed subsidy contract written straight to the table (the signing itself is tested elsewhere)."""
    entry = entry or register_entry(region_code=region_code, security_mode="30")
    return Contract.objects.create(
        region_code=entry.region_code,
        number=f"HTTEST{next(_counter):08d}",
        contract_type=ContractType.SUBSIDY,
        register_entry=entry,
        subsidy_amount=Decimal(amount),
        subsidy_payment_method="bank",
        subsidy_starts_on=effective_on,
        signer_name="王建国",
        signer_id_number=SIGNER_ID,
        signed_at=timezone.now(),
        effective_on=effective_on,
        term_months=term,
        expires_on=contract_end(effective_on, term),
        terminated_on=terminated_on,
        status=status if terminated_on is None else ContractStatus.TERMINATED,
    )


def test_month_run_creates_one_due_per_household_and_is_idempotent(district_officer):
    # given two running subsidy contracts, one drafted (not signed) and one of another district
    first, second = signed_subsidy(), signed_subsidy(amount="450.50")
    Contract.objects.filter(pk=signed_subsidy().pk).update(status=ContractStatus.DRAFT, signed_at=None)
    signed_subsidy(region_code="341621001001")
    # when the month runs twice
    result = subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    again = subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    # then two dues, nothing new the second time
    assert (result.created, result.existing) == (2, 0)
    assert (again.created, again.existing) == (0, 2)
    dues = SubsidyDue.objects.order_by("amount")
    assert [due.amount for due in dues] == [Decimal("450.50"), Decimal("600.00")]
    due = dues.last()
    assert due.contract == first and due.target_number == first.register_entry.number
    assert due.target_type == "household" and due.year == 2026 and due.month == 3
    assert due.due_on == dt.date(2026, 3, 15) and due.standard_amount == Decimal("600.00")
    assert due.number.startswith("YF3416022026")
    assert due.subsidy_type == "租赁补贴" and due.subsidy_program_number
    assert second.subsidy_dues.count() == 1


def test_the_database_refuses_a_second_due_for_a_household_month(district_officer):
    signed_subsidy()
    subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    due = SubsidyDue.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        SubsidyDue.objects.create(
            region_code=due.region_code,
            number="YFDUPLICATE",
            target_number=due.target_number,
            target_type=due.target_type,
            subsidy_program_number="X",
            subsidy_type="租赁补贴",
            standard_amount=1,
            amount=1,
            year=2026,
            month=3,
            due_on=due.due_on,
        )


def test_part_months_are_paid_by_days(district_officer):
    # given a contract from 2026-03-11 (21 of 31 days) ending with its term on 2027-03-10
    contract = signed_subsidy(effective_on=dt.date(2026, 3, 11), amount="620.00")
    subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    subsidy_month_run(year=2027, month=3, acting_user=district_officer)
    subsidy_month_run(year=2027, month=4, acting_user=district_officer)
    amounts = {(d.year, d.month): d.amount for d in contract.subsidy_dues.all()}
    assert amounts == {(2026, 3): Decimal("420.00"), (2027, 3): Decimal("200.00")}


def test_terminated_contract_stops_paying(district_officer):
    contract = signed_subsidy(terminated_on=dt.date(2026, 4, 16))
    for month in (3, 4, 5):
        subsidy_month_run(year=2026, month=month, acting_user=district_officer)
    amounts = {d.month: d.amount for d in contract.subsidy_dues.all()}
    assert amounts == {3: Decimal("600.00"), 4: Decimal("300.00")}


def test_a_renewal_starting_mid_month_gives_one_due_with_both_parts(district_officer):
    entry = register_entry(security_mode="30")
    old = signed_subsidy(entry=entry, effective_on=dt.date(2025, 6, 16), amount="600.00")  # ends 2026-06-15
    Contract.objects.filter(pk=old.pk).update(status=ContractStatus.RENEWED)
    new = signed_subsidy(entry=entry, effective_on=dt.date(2026, 6, 16), amount="660.00")
    result = subsidy_month_run(year=2026, month=6, acting_user=district_officer)
    due = SubsidyDue.objects.get()
    assert result.created == 1
    assert due.amount == Decimal("300.00") + Decimal("330.00")
    assert due.contract == new and due.standard_amount == Decimal("660.00")


def test_other_district_runs_only_its_own(other_district_clerk):
    signed_subsidy()
    result = subsidy_month_run(year=2026, month=3, acting_user=other_district_clerk)
    assert result.created == 0 and not SubsidyDue.objects.exists()


def test_readers_may_not_run(street_reviewer):
    with pytest.raises(PermissionDenied):
        subsidy_month_run(year=2026, month=3, acting_user=street_reviewer)


def test_month_run_as_a_background_job_with_progress(district_officer):
    signed_subsidy()
    signed_subsidy()
    job = subsidy_month_start(year=2026, month=5, acting_user=district_officer)  # the test backend runs it inline
    job.refresh_from_db()
    assert job.status == "succeeded" and job.total == 2 and job.done == 2
    assert job.result["created"] == 2
    assert SubsidyDue.objects.filter(month=5).count() == 2
    with pytest.raises(ValidationError):
        subsidy_month_start(year=2026, month=13, acting_user=district_officer)


@pytest.fixture
def due(district_officer):
    signed_subsidy()
    subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    return SubsidyDue.objects.get()


def test_payment_in_full(due, district_officer):
    payment = subsidy_payment_record(
        due=due,
        paid_amount=Decimal("600.00"),
        paid_on=dt.date(2026, 3, 15),
        method="bank",
        acting_user=district_officer,
    )
    assert payment.status == PaymentStatus.PAID and payment.shortfall == 0 and payment.number.startswith("SF341602")
    with pytest.raises(ValidationError, match="已足额发放"):
        subsidy_payment_record(
            due=due,
            paid_amount=Decimal("1.00"),
            paid_on=dt.date(2026, 3, 15),
            method="bank",
            acting_user=district_officer,
        )


def test_shortfall_needs_a_reason_then_the_rest_can_follow(due, district_officer):
    with pytest.raises(ValidationError) as caught:
        subsidy_payment_record(
            due=due,
            paid_amount=Decimal("400.00"),
            paid_on=dt.date(2026, 3, 15),
            method="bank",
            acting_user=district_officer,
        )
    assert "请填写原因" in caught.value.message_dict["shortfall_reason"][0]
    assert not SubsidyPayment.objects.exists()
    short = subsidy_payment_record(
        due=due,
        paid_amount=Decimal("400.00"),
        paid_on=dt.date(2026, 3, 15),
        method="bank",
        acting_user=district_officer,
        shortfall_reason="本月资金未全部到位",
    )
    assert short.status == PaymentStatus.PARTIAL and short.shortfall == Decimal("200.00")
    with pytest.raises(ValidationError, match=r"不能超过未发金额 200\.00"):
        subsidy_payment_record(
            due=due,
            paid_amount=Decimal("250.00"),
            paid_on=dt.date(2026, 4, 1),
            method="bank",
            acting_user=district_officer,
        )
    rest = subsidy_payment_record(
        due=due, paid_amount=Decimal("200.00"), paid_on=dt.date(2026, 4, 1), method="bank", acting_user=district_officer
    )
    assert rest.status == PaymentStatus.PAID and rest.shortfall == 0


def test_nothing_paid_is_recorded_with_its_reason(due, district_officer):
    payment = subsidy_payment_record(
        due=due,
        paid_amount=Decimal("0"),
        paid_on=dt.date(2026, 3, 15),
        method="bank",
        acting_user=district_officer,
        shortfall_reason="银行账户冻结",
    )
    assert payment.status == PaymentStatus.UNPAID and payment.shortfall == Decimal("600.00")


def test_pay_outstanding_pays_each_unpaid_due_once(district_officer):
    for _ in range(3):
        signed_subsidy()
    subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    first = SubsidyDue.objects.first()
    subsidy_payment_record(
        due=first,
        paid_amount=Decimal("0"),
        paid_on=dt.date(2026, 3, 15),
        method="bank",
        acting_user=district_officer,
        shortfall_reason="待核实",
    )
    count = subsidy_payments_pay_outstanding(
        dues=SubsidyDue.objects.all(), paid_on=dt.date(2026, 3, 16), method="bank", acting_user=district_officer
    )
    again = subsidy_payments_pay_outstanding(
        dues=SubsidyDue.objects.all(), paid_on=dt.date(2026, 3, 16), method="bank", acting_user=district_officer
    )
    assert (count, again) == (2, 0)
    assert SubsidyPayment.objects.filter(status=PaymentStatus.PAID).count() == 2


def test_printing_marks_dues_printed(due, district_officer):
    assert subsidy_dues_mark_printed(dues=SubsidyDue.objects.all(), acting_user=district_officer, kind="pdf") == 1
    due.refresh_from_db()
    assert due.is_printed


@pytest.mark.parametrize(
    ("effective", "expires", "terminated", "days"),
    [
        (dt.date(2026, 1, 1), None, None, 31),
        (dt.date(2026, 1, 20), None, None, 12),
        (dt.date(2025, 1, 1), dt.date(2026, 1, 10), None, 10),
        (dt.date(2025, 1, 1), None, dt.date(2026, 1, 1), 0),
        (dt.date(2026, 2, 1), None, None, 0),
    ],
)
def test_covered_days(effective, expires, terminated, days):
    assert (
        covered_days(
            year=2026, month=1, effective_on=effective, starts_on=None, expires_on=expires, terminated_on=terminated
        )
        == days
    )


# --- property: any sequence of monthly runs gives each covered household-month exactly one due of the right amount

contract_specs = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2025, 10, 1), max_value=dt.date(2026, 6, 30)),  # effective
        st.sampled_from([1, 3, 12]),  # term months
        st.one_of(st.none(), st.integers(min_value=0, max_value=200)),  # terminated after n days
        st.decimals(min_value=Decimal("100.00"), max_value=Decimal("999.99"), places=2),
    ),
    min_size=1,
    max_size=4,
)
run_months = st.lists(st.sampled_from([(2025, 12), (2026, 1), (2026, 2), (2026, 3), (2026, 6)]), min_size=1, max_size=8)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(specs=contract_specs, runs=run_months)
def test_property_runs_in_any_order_create_each_due_exactly_once(district_officer, specs, runs):
    SubsidyDue.objects.all().delete()
    Contract.objects.all().delete()
    contracts = []
    for effective, term, terminated_after, amount in specs:
        terminated = effective + dt.timedelta(days=terminated_after) if terminated_after is not None else None
        contracts.append(
            signed_subsidy(effective_on=effective, term=term, terminated_on=terminated, amount=str(amount))
        )
    created_total = 0
    seen: set[tuple[int, int]] = set()
    for year, month in runs:
        result = subsidy_month_run(year=year, month=month, acting_user=district_officer)
        if (year, month) in seen:
            assert result.created == 0  # a month run again creates nothing
        seen.add((year, month))
        created_total += result.created
    expected = {}
    for contract in contracts:
        for year, month in seen:
            days = covered_days(
                year=year,
                month=month,
                effective_on=contract.effective_on,
                starts_on=contract.subsidy_starts_on,
                expires_on=contract.expires_on,
                terminated_on=contract.terminated_on,
            )
            if days > 0:
                expected[(contract.register_entry.number, year, month)] = month_amount(
                    standard=contract.subsidy_amount, days=days, year=year, month=month
                )
    actual = {(d.target_number, d.year, d.month): d.amount for d in SubsidyDue.objects.all()}
    assert actual == expected
    assert created_total == len(expected)
