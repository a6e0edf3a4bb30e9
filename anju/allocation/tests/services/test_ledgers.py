"""Ledgers: posting is idempotent, collection derives entries set-wise and idempotently, computed ledgers balance
and chain from period to period (a hypothesis property), and the check reports any difference in Chinese."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anju.allocation.models import ProgramLedger, ProgramLedgerEntry
from anju.allocation.services import ledgers
from anju.allocation.tests.factories import CITY, QIAOCHENG, allocatable_units_for, register_entry_for

pytestmark = pytest.mark.django_db


def _post(program, source_id, direction="in", day=date(2026, 3, 5), region=QIAOCHENG, **amounts):
    return ledgers.ledger_entry_post(program=program, region_code=region, direction=direction, resource_category="housing",
                                     received_on=day, source_type="test", source_id=source_id, **amounts)  # fmt: skip


def test_posting_twice_gives_the_first_entry(program):
    first = _post(program, 1, units=3, floor_area=Decimal("180.00"))
    again = _post(program, 1, units=99)
    assert again.pk == first.pk and ProgramLedgerEntry.objects.count() == 1
    # the other direction of the same source is another entry
    assert _post(program, 1, direction="out", units=1).pk != first.pk


def test_negative_or_empty_entries_are_refused(program):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="不能为负数"):
        _post(program, 2, units=-1)
    with pytest.raises(ValidationError, match="至少应有一项"):
        _post(program, 3)


def test_compute_opening_is_previous_closing(program):
    # given entries in February and March
    _post(program, 1, day=date(2026, 2, 10), units=10, floor_area=Decimal("600.00"), amount=Decimal("1000.00"))
    _post(program, 2, direction="out", day=date(2026, 3, 1), units=2, floor_area=Decimal("120.00"))
    _post(program, 3, day=date(2026, 3, 31), households=2, persons=5)
    # when
    ledgers.ledger_compute(period_type="month", period="2026-02", region_code=QIAOCHENG)
    ledgers.ledger_compute(period_type="month", period="2026-03", region_code=QIAOCHENG)
    # then
    feb, mar = (ProgramLedger.objects.get(period=p) for p in ("2026-02", "2026-03"))
    assert (feb.units_opening, feb.units_increase, feb.units_closing) == (0, 10, 10)
    assert (mar.units_opening, mar.units_decrease, mar.units_closing) == (10, 2, 8)
    assert (mar.area_opening, mar.area_closing) == (Decimal("600.00"), Decimal("480.00"))
    assert (mar.money_opening, mar.money_closing) == (Decimal("1000.00"), Decimal("1000.00"))
    assert (mar.households_closing, mar.persons_closing) == (2, 5)
    assert ledgers.ledger_check() == []
    # a city ledger sums its districts
    ledgers.ledger_compute(period_type="year", period="2026", region_code=CITY)
    year = ProgramLedger.objects.get(period="2026", region_code=CITY)
    assert (year.units_increase, year.units_decrease, year.units_closing) == (10, 2, 8)


def test_check_reports_a_tampered_ledger_and_a_late_entry_in_chinese(program):
    _post(program, 1, day=date(2026, 2, 10), units=10)
    ledgers.ledger_compute(period_type="month", period="2026-02", region_code=QIAOCHENG)
    ledgers.ledger_compute(period_type="month", period="2026-03", region_code=QIAOCHENG)
    # when a closing balance is changed behind the services' back
    ProgramLedger.objects.filter(period="2026-02").update(units_closing=11)
    problems = ledgers.ledger_check()
    assert any("住房套数不平衡" in p for p in problems)
    assert any("与上期（2026-02）期末 11 不一致" in p for p in problems)
    # when an entry arrives late for a computed period
    ledgers.ledger_compute(period_type="month", period="2026-02", region_code=QIAOCHENG)
    _post(program, 2, day=date(2026, 2, 20), units=1)
    assert any("按收支明细应为 11" in p for p in ledgers.ledger_check())


entry_strategy = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=6),  # month
        st.integers(min_value=1, max_value=28),  # day
        st.sampled_from(["in", "out"]),
        st.integers(min_value=0, max_value=50),  # units
        st.decimals(min_value=0, max_value=10000, places=2),  # money
        st.integers(min_value=0, max_value=9),  # households
        st.sampled_from([QIAOCHENG, "341602001001", "341621000000"]),
    ),
    max_size=25,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(rows=entry_strategy)
def test_any_entries_give_balanced_chained_ledgers(program, rows):
    with transaction.atomic():
        # given any sequence of entries
        for index, (month, day, direction, units, money, households) in enumerate(r[:6] for r in rows):
            if not (units or money or households):
                units = 1
            _post(program, index, direction=direction, day=date(2026, month, day), region=rows[index][6],
                  units=units, amount=money, households=households, persons=households * 2)  # fmt: skip
        # when every month of the half year is computed for the city and a district (in any order)
        for region in (CITY, QIAOCHENG):
            for month in (4, 1, 6, 2, 5, 3):
                ledgers.ledger_compute(period_type="month", period=f"2026-{month:02d}", region_code=region)
        # then every ledger balances and chains to the previous month
        for ledger in ProgramLedger.objects.all():
            for measure in ("money", "units", "area", "households", "persons"):
                o, i, d, c = (getattr(ledger, f"{measure}_{p}") for p in ("opening", "increase", "decrease", "closing"))
                assert o + i - d == c
            if ledger.period != "2026-01" and ledger.period_start.month > 1:
                previous = ProgramLedger.objects.filter(region_code=ledger.region_code, period_type="month",
                                                        period=ledgers.period_previous("month", ledger.period)).first()  # fmt: skip
                if previous is not None:
                    assert previous.units_closing == ledger.units_opening
                    assert previous.money_closing == ledger.money_opening
        # and the closing of June is the net of all entries of the region
        city_june = ProgramLedger.objects.filter(region_code=CITY, period="2026-06").first()
        if city_june is not None:
            net = sum(
                (r[3] if r[2] == "in" else -r[3]) if (r[3] or r[4] or r[5]) else (1 if r[2] == "in" else -1)
                for r in rows
            )
            assert city_june.units_closing == net
        assert ledgers.ledger_check() == []
        transaction.set_rollback(True)


def _contract(entry, unit=None, *, kind="lease", signed=datetime(2026, 8, 1, 10, 0), number=None):
    from anju.distribution.models import Contract

    return Contract.objects.create(
        region_code=entry.region_code, number=number or f"HT{entry.pk:06d}{kind}", contract_type=kind, register_entry=entry,
        unit=unit, floor_area=unit.floor_area if unit else None, signer_name=entry.applicant_name, signer_id_number="x",
        signed_at=timezone.make_aware(signed), status="signed",
    )  # fmt: skip


def test_collect_derives_entries_from_sources_and_is_idempotent(program, district_officer):
    from anju.distribution.models import SubsidyDue, SubsidyPayment

    # given a handover of 3 units, a lease of one of them, a subsidy contract with a payment, and an exit
    _handover, units = allocatable_units_for(count=3, area="50.00")
    tenant = register_entry_for(size=3)
    _contract(tenant, units[0])
    subsidised = register_entry_for(size=2, mode="30")
    contract = _contract(subsidised, kind="subsidy", number="HT-SUB-1")
    due = SubsidyDue.objects.create(region_code=subsidised.region_code, number="YF1", contract=contract, target_number=subsidised.number,
                                    subsidy_program_number="BZ-P01", subsidy_type="租赁补贴", standard_amount=Decimal("300.00"),
                                    amount=Decimal("300.00"), year=2026, month=9, due_on=date(2026, 9, 1))  # fmt: skip
    SubsidyPayment.objects.create(region_code=subsidised.region_code, number="SF1", due=due, status="paid",
                                  paid_amount=Decimal("300.00"), paid_on=date(2026, 9, 10), method="bank")  # fmt: skip
    subsidised.exited_at, subsidised.security_state = date(2026, 10, 1), "06"
    subsidised.save()
    register_entry_for(exited=date(2026, 10, 2))  # exited without a contract: never counted in, so not counted out
    assert ledgers.collect_pending_count() == 5
    # when
    outcome = ledgers.ledger_collect(acting_user=district_officer)
    # then
    assert outcome.as_result() == {
        "handovers": 1,
        "contracts": 3,
        "subsidies": 1,
        "exits": 1,
        "unassigned": 0,
        "total": 6,
    }
    ledgers.ledger_compute(period_type="year", period="2026", region_code=CITY)
    year = ProgramLedger.objects.get(region_code=CITY, period="2026")
    assert (year.units_increase, year.units_decrease, year.units_closing) == (3, 1, 2)
    assert (year.area_increase, year.area_closing) == (Decimal("150.00"), Decimal("100.00"))
    assert (year.households_increase, year.households_decrease, year.households_closing) == (2, 1, 1)
    assert (year.persons_increase, year.persons_closing) == (5, 3)
    assert year.money_decrease == Decimal("300.00")
    # when run again nothing new is written
    assert ledgers.ledger_collect().total == 0
    assert ledgers.collect_pending_count() == 0
    assert ProgramLedgerEntry.objects.count() == 6


def test_collect_since_skips_older_sources(program):
    allocatable_units_for(count=1, handed_over_on=date(2026, 1, 5))
    assert ledgers.ledger_collect(since=date(2026, 6, 1)).handovers == 0
    assert ledgers.ledger_collect().handovers == 1
