"""补贴标准调整 (A.7.5 补贴应发, 年审调整): dated standards — each month is paid at the standard in force then."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.models import Contract, SubsidyDue, SubsidyStandardChange
from anju.distribution.services.contracts import contract_end
from anju.distribution.services.subsidies import subsidy_month_run, subsidy_standard_in_force
from anju.distribution.services.subsidy_adjust import subsidy_standard_adjust
from anju.distribution.tests.factories_contracts import SIGNER_ID, register_entry

pytestmark = pytest.mark.django_db


def subsidy_contract(*, amount="600.00", effective_on=dt.date(2026, 1, 1), number="HTCHG0001"):
    """A signed 12-month subsidy contract of a new household, written straight to the table."""
    entry = register_entry(security_mode="30")
    return Contract.objects.create(
        region_code=entry.region_code,
        number=number,
        contract_type=ContractType.SUBSIDY,
        register_entry=entry,
        subsidy_amount=Decimal(amount),
        subsidy_payment_method="bank",
        subsidy_starts_on=effective_on,
        signer_name="王建国",
        signer_id_number=SIGNER_ID,
        signed_at=timezone.now(),
        effective_on=effective_on,
        term_months=12,
        expires_on=contract_end(effective_on, 12),
        status=ContractStatus.SIGNED,
    )


def run(*months: int) -> None:
    for month in months:
        subsidy_month_run(year=2026, month=month, acting_user=None)


def dues(contract) -> dict[int, Decimal]:
    return dict(SubsidyDue.objects.filter(contract=contract).values_list("month", "amount"))


def adjust(contract, amount: str, month: int, user, reason="年审调整"):
    return subsidy_standard_adjust(
        register_entry=contract.register_entry,
        new_amount=Decimal(amount),
        effective_from=dt.date(2026, month, 1),
        reason=reason,
        acting_user=user,
        source="NSJG-TEST",
    )


def test_a_change_from_a_future_month_keeps_earlier_open_months_at_the_old_standard(district_officer):
    # given: January and February generated at 600
    contract = subsidy_contract()
    run(1, 2)
    # when: a new standard of 400 from May (March and April are not generated yet)
    _contract, old = adjust(contract, "400.00", 5, district_officer)
    run(3, 4, 5, 6)
    # then: March and April keep 600, May on pays 400; January/February unchanged
    assert old == Decimal("600.00")
    assert dues(contract) == {1: Decimal("600.00"), 2: Decimal("600.00"), 3: Decimal("600.00"),
                              4: Decimal("600.00"), 5: Decimal("400.00"), 6: Decimal("400.00")}  # fmt: skip
    change = SubsidyStandardChange.objects.get(contract=contract)
    assert (change.effective_from, change.old_amount, change.amount, change.source) == (
        dt.date(2026, 5, 1), Decimal("600.00"), Decimal("400.00"), "NSJG-TEST"
    )  # fmt: skip
    # the contract holds the newest standard (renewals copy it); the due records its month's standard
    contract.refresh_from_db()
    assert contract.subsidy_amount == Decimal("400.00")
    assert SubsidyDue.objects.get(contract=contract, month=4).standard_amount == Decimal("600.00")


def test_two_changes_the_later_one_wins_from_its_month(district_officer):
    contract = subsidy_contract()
    run(1)
    adjust(contract, "500.00", 3, district_officer)
    adjust(contract, "300.00", 6, district_officer)
    run(2, 3, 4, 5, 6, 7)
    got = dues(contract)
    assert [got[m] for m in range(1, 8)] == [Decimal(x) for x in ("600", "600", "500", "500", "500", "300", "300")]
    assert [subsidy_standard_in_force(contract, dt.date(2026, m, 1)) for m in (2, 3, 6)] == [
        Decimal("600.00"), Decimal("500.00"), Decimal("300.00")
    ]  # fmt: skip


def test_a_change_recorded_later_for_an_earlier_month_fits_in_between(district_officer):
    # given: a change from July recorded first, then one from March
    contract = subsidy_contract()
    adjust(contract, "300.00", 7, district_officer)
    adjust(contract, "450.00", 3, district_officer)
    run(1, 2, 3, 6, 7, 8)
    got = dues(contract)
    assert [got[m] for m in (1, 2, 3, 6, 7, 8)] == [Decimal(x) for x in ("600", "600", "450", "450", "300", "300")]
    contract.refresh_from_db()
    assert contract.subsidy_amount == Decimal("300.00")  # the newest standard, not the last recorded
    assert SubsidyStandardChange.objects.get(contract=contract, effective_from=dt.date(2026, 3, 1)).old_amount == (
        Decimal("600.00")
    )


def test_generated_months_are_refused_and_never_rewritten(district_officer):
    contract = subsidy_contract()
    run(1, 2, 3)
    with pytest.raises(ValidationError) as error:
        adjust(contract, "100.00", 3, district_officer)
    assert error.value.message_dict["effective_month"] == ["补贴已生成至2026年4月之前，调整应自2026年4月起。"]
    assert not SubsidyStandardChange.objects.exists()
    adjust(contract, "100.00", 4, district_officer)
    run(1, 2, 3, 4)
    assert dues(contract) == {1: Decimal("600.00"), 2: Decimal("600.00"), 3: Decimal("600.00"),
                              4: Decimal("100.00")}  # fmt: skip


def test_running_a_month_twice_with_changes_creates_nothing(district_officer):
    contract = subsidy_contract()
    other = subsidy_contract(number="HTCHG0002", amount="800.00")
    adjust(contract, "200.00", 2, district_officer)
    first = subsidy_month_run(year=2026, month=2, acting_user=None)
    again = subsidy_month_run(year=2026, month=2, acting_user=None)
    assert (first.created, first.amount_created) == (2, Decimal("1000.00"))
    assert (again.created, again.existing) == (0, 2)
    assert dues(contract) == {2: Decimal("200.00")} and dues(other) == {2: Decimal("800.00")}


def test_a_part_month_is_paid_by_days_at_the_standard_of_that_month(district_officer):
    # the contract starts on 2026-03-11: 21 of 31 days of March, at the March standard (300)
    contract = subsidy_contract(effective_on=dt.date(2026, 3, 11))
    adjust(contract, "310.00", 3, district_officer)
    run(3)
    assert dues(contract) == {3: Decimal("210.00")}


def test_a_standard_of_zero_stops_the_dues_from_its_month(district_officer):
    contract = subsidy_contract()
    adjust(contract, "0.00", 3, district_officer)
    run(1, 2, 3, 4)
    assert dues(contract) == {1: Decimal("600.00"), 2: Decimal("600.00")}


def test_contract_page_shows_the_standard_in_force_and_the_changes(client, district_officer):
    contract = subsidy_contract()
    adjust(contract, "400.00", 5, district_officer, reason="收入增加，降低补贴")
    client.force_login(district_officer)
    url = reverse("distribution:contract_detail", args=[contract.pk])
    with time_machine.travel(dt.datetime(2026, 4, 15, 10, tzinfo=dt.UTC), tick=False):
        april = client.get(url).content.decode()
    with time_machine.travel(dt.datetime(2026, 5, 15, 10, tzinfo=dt.UTC), tick=False):
        may = client.get(url).content.decode()
    for html in (april, may):
        assert "补贴标准调整" in html and "2026-05" in html and "收入增加，降低补贴" in html and "NSJG-TEST" in html
    assert _field(april, "本月适用补贴金额（元/月）") == "600.00"
    assert _field(may, "本月适用补贴金额（元/月）") == "400.00"


def _field(html: str, label: str) -> str:
    """The text shown right after a field label on the detail page."""
    import re

    after = html.split(label, 1)[1]
    return re.search(r"<dd[^>]*>\s*([^<]*?)\s*</dd>", after).group(1)


def test_without_any_change_the_run_reads_the_plain_column(district_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    contract = subsidy_contract()
    with CaptureQueriesContext(connection) as flat:
        run(1)
    adjust(contract, "500.00", 3, district_officer)
    with CaptureQueriesContext(connection) as dated:
        run(2)

    def contract_reads(queries):
        return [
            q["sql"] for q in queries if 'FROM "distribution_contract"' in q["sql"] and "subsidy_starts_on" in q["sql"]
        ]

    assert contract_reads(flat.captured_queries)
    assert not any("distribution_subsidystandardchange" in sql for sql in contract_reads(flat.captured_queries))
    assert any("distribution_subsidystandardchange" in sql for sql in contract_reads(dated.captured_queries))
