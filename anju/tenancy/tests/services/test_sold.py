"""Sold homes: resale price rules (within / after the set years, first purchase) and returns to the stock."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.housing.choices import UnitState
from anju.tenancy.choices import ResaleRoute, ReturnStatus
from anju.tenancy.models import TenancyParameter
from anju.tenancy.services.parameters import parameter_set
from anju.tenancy.services.sold import resale_register, resale_terms, return_complete, return_create, years_between
from anju.tenancy.tests.factories import entry_make, lease_make, unit_make

D = Decimal
DEFAULTS = TenancyParameter(resale_years=5, depreciation_rate=D("0.02"), gain_share=D("0.5"))


def test_within_five_years_government_buys_back_at_original_price_less_depreciation():
    terms = resale_terms(
        original_price=D("300000"),
        certificate_date=date(2023, 6, 1),
        applied_on=date(2026, 6, 1),
        sale_price=D("500000"),
        first_purchase=False,
        params=DEFAULTS,
    )
    assert terms.route == ResaleRoute.BUYBACK and terms.years_held == D("3.00")
    assert terms.buyback_price == D("282000.00") and terms.government_share == 0


def test_one_day_short_of_five_years_is_still_buy_back():
    terms = resale_terms(
        original_price=D("300000"),
        certificate_date=date(2021, 6, 2),
        applied_on=date(2026, 6, 1),
        sale_price=D("500000"),
        first_purchase=False,
        params=DEFAULTS,
    )
    assert terms.route == ResaleRoute.BUYBACK and terms.years_held < 5


def test_after_five_years_owner_pays_the_share_of_the_difference():
    terms = resale_terms(
        original_price=D("300000"),
        certificate_date=date(2020, 1, 1),
        applied_on=date(2026, 1, 1),
        sale_price=D("500000"),
        first_purchase=False,
        params=DEFAULTS,
    )
    assert terms.route == ResaleRoute.MARKET and terms.government_share == D("100000.00") and terms.buyback_price == 0


def test_after_five_years_no_share_when_sold_below_original_price():
    terms = resale_terms(
        original_price=D("300000"),
        certificate_date=date(2020, 1, 1),
        applied_on=date(2026, 1, 1),
        sale_price=D("280000"),
        first_purchase=False,
        params=DEFAULTS,
    )
    assert terms.government_share == 0


def test_after_five_years_government_first_purchase_at_sale_price():
    terms = resale_terms(
        original_price=D("300000"),
        certificate_date=date(2020, 1, 1),
        applied_on=date(2026, 1, 1),
        sale_price=D("450000"),
        first_purchase=True,
        params=DEFAULTS,
    )
    assert terms.route == ResaleRoute.FIRST_PURCHASE and terms.buyback_price == D("450000.00")
    assert terms.government_share == D("75000.00")


def test_years_between_counts_anniversaries():
    assert years_between(date(2021, 6, 1), date(2026, 6, 1)) == D("5.00")
    assert years_between(date(2024, 2, 29), date(2025, 2, 28)) == D("1.00")


def test_register_uses_the_region_parameters(demo_regions, district_officer, city_officer):
    # given: the city sets 3 years, 10% depreciation, 30% share
    parameter_set(
        region_code="341600000000",
        values={"resale_years": 3, "depreciation_rate": "0.10", "gain_share": "0.30"},
        acting_user=city_officer,
    )
    from anju.tenancy.tests.factories import building_make

    unit = unit_make(building_make(), state=UnitState.ALLOCATED)
    contract = lease_make(entry_make(), unit, contract_type="sale")
    # when: four years held
    resale = resale_register(
        contract=contract,
        certificate_number="皖(2022)亳州市不动产权第0001号",
        certificate_date=date(2022, 5, 1),
        applied_on=date(2026, 5, 1),
        asking_price="420000",
        contract_amount="400000",
        acting_user=district_officer,
    )
    # then
    assert resale.route == ResaleRoute.MARKET and resale.government_share == D("30000.00")
    assert resale.original_price == D("300000.00") and resale.applicant_number == contract.register_entry.number
    with pytest.raises(ValidationError, match="预售价格"):
        resale_register(
            contract=contract,
            certificate_number="x",
            certificate_date=date(2022, 5, 1),
            applied_on=date(2026, 5, 1),
            asking_price="0",
            acting_user=district_officer,
        )


def test_return_puts_the_unit_back_into_the_allocatable_stock(demo_regions, district_officer):
    from anju.tenancy.tests.factories import building_make

    unit = unit_make(building_make(), state=UnitState.ALLOCATED)
    contract = lease_make(entry_make(), unit, contract_type="sale")
    record = return_create(
        contract=contract, reason="购房人放弃购买", due_on=date(2026, 6, 30), acting_user=district_officer
    )
    with pytest.raises(ValidationError, match="已有待办的退回"):
        return_create(contract=contract, reason="重复", due_on=date(2026, 6, 30), acting_user=district_officer)
    return_complete(record=record, returned_on=date(2026, 6, 1), acting_user=district_officer)
    unit.refresh_from_db()
    assert unit.state == UnitState.VACANT and record.status == ReturnStatus.RETURNED
