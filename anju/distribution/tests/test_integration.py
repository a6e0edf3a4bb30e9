"""The two halves of distribution wired together: contract URLs and numbers, tasks, dashboard, change log, plan."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.allocation.choices import AllocationState, PlanStatus
from anju.allocation.models import PlanHousehold, PlanResource
from anju.distribution.choices import ContractStatus, SelectionStatus
from anju.distribution.models import AllocationRound, Contract, Selection
from anju.distribution.services.contracts import contract_create_from_selection, contract_sign, contract_signed_file
from anju.distribution.tests.factories import allocatable_units, households, published_plan
from anju.distribution.tests.factories_contracts import (
    SIGNER_ID,
    _signing_ca_dir,  # noqa: F401 - fixture
    lease_terms,
    signing_test_ca,  # noqa: F401 - fixture
)
from anju.distribution.views_rounds import OTHER_PAGES
from anju.housing.choices import UnitState
from anju.housing.services.units import ALLOCATION, unit_state_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def chosen(program):
    """A household of a published plan that chose its unit in a round (plan records still 待配置)."""
    (entry,) = households([{"members": [{"hukou_years": 5, "annual_income": 24000}]}])
    (unit,) = allocatable_units(1)
    plan = published_plan(program=program, entries=[entry], units=[unit])
    round_ = AllocationRound.objects.create(
        region_code=plan.region_code, number="PC341602I000001", plan=plan, name="第一批配租"
    )
    unit_state_transition(unit=unit, to_state=UnitState.ALLOCATED, reason="选房", acting_user=None, source=ALLOCATION)
    return Selection.objects.create(
        region_code=entry.region_code,
        round=round_,
        register_entry=entry,
        order=1,
        unit=unit,
        status=SelectionStatus.CHOSEN,
        chosen_at=timezone.now(),
    )


def _contract(selection, user):
    return contract_create_from_selection(selection=selection, terms=lease_terms(), acting_user=user)


def test_contract_application_number_and_url(chosen, district_officer):
    contract = _contract(chosen, district_officer)
    assert contract.application_number == chosen.register_entry.application.number
    assert contract.application_number
    assert contract.get_absolute_url() == f"/distribution/contracts/{contract.pk}/"


@pytest.mark.usefixtures("signing_test_ca")
def test_signing_records_the_allocation_on_the_plan(chosen, district_officer):
    plan = chosen.round.plan
    household = PlanHousehold.objects.get(plan=plan, register_entry=chosen.register_entry)
    resource = PlanResource.objects.get(plan=plan, unit=chosen.unit)
    assert household.state == AllocationState.PLANNED and resource.state == AllocationState.PLANNED
    contract = _contract(chosen, district_officer)
    # a draft contract records nothing on the plan
    household.refresh_from_db()
    assert household.state == AllocationState.PLANNED
    # when the contract is signed
    signed = contract_sign(contract=contract, acting_user=district_officer)
    assert signed.status == ContractStatus.SIGNED
    # then the plan shows the household and the unit 已配置
    household.refresh_from_db()
    resource.refresh_from_db()
    assert household.state == AllocationState.ALLOCATED and household.allocated_at is not None
    assert resource.state == AllocationState.ALLOCATED and resource.allocated_on is not None
    # and the archived PDF carries the 申请编号 the archive service read from the contract (A.7.4)
    assert contract_signed_file(signed).application_number == chosen.register_entry.application.number


@pytest.mark.usefixtures("signing_test_ca")
def test_signing_after_the_plan_closed_leaves_the_plan_alone(chosen, district_officer):
    plan = chosen.round.plan
    contract = _contract(chosen, district_officer)
    type(plan).objects.filter(pk=plan.pk).update(status=PlanStatus.CLOSED)
    contract_sign(contract=contract, acting_user=district_officer)
    household = PlanHousehold.objects.get(plan=plan, register_entry=chosen.register_entry)
    assert household.state == AllocationState.PLANNED


def test_tasks_module_exposes_the_contract_tasks():
    from huey.contrib.djhuey import HUEY

    from anju.distribution import tasks, tasks_contracts

    assert tasks.distribution_subsidy_month is tasks_contracts.distribution_subsidy_month
    assert tasks.distribution_contracts_expire is tasks_contracts.distribution_contracts_expire
    periodic = {t.__name__ for t in HUEY._registry._periodic_tasks}
    assert "distribution_contracts_expire_daily" in periodic


def test_dashboard_shows_every_card_with_a_working_link(client, district_officer):
    client.force_login(district_officer)
    html = client.get(reverse("distribution:index")).content.decode()
    for name, label, _icon, _text in OTHER_PAGES:
        url = reverse(name)
        assert label in html
        assert f'href="{url}"' in html, name
        assert client.get(url).status_code == 200, name
    # the rounds card too
    assert f'href="{reverse("distribution:round_list")}"' in html


@pytest.mark.usefixtures("signing_test_ca")
def test_contract_changes_are_in_the_change_log_with_ids_masked(chosen, district_officer):
    from auditlog.models import LogEntry
    from auditlog.registry import auditlog

    from anju.distribution.models import LandSupplyRecord, SubsidyDue, SubsidyPayment, SupportDisbursementPlan

    for model in (Contract, SubsidyDue, SubsidyPayment, SupportDisbursementPlan, LandSupplyRecord):
        assert auditlog.contains(model), model.__name__
    contract = _contract(chosen, district_officer)
    entries = LogEntry.objects.get_for_object(contract)
    assert entries.exists()
    text = " ".join(str(e.changes) for e in entries)
    assert SIGNER_ID not in text
    assert "signer_id_number_index" not in text
    assert re.search(r"王建国", text)


@pytest.mark.usefixtures("signing_test_ca")
def test_the_unit_file_shows_the_signed_contract_and_its_termination(client, chosen, district_officer):
    from anju.distribution.services.contracts import contract_terminate

    contract = contract_sign(contract=_contract(chosen, district_officer), acting_user=district_officer)
    client.force_login(district_officer)
    html = client.get(reverse("housing:unit_detail", args=[chosen.unit_id])).content.decode()
    assert f"签订配租合同 {contract.number}" in html and contract.get_absolute_url() in html
    assert f"解除合同 {contract.number}" not in html
    contract_terminate(contract=contract, reason="承租人自愿退租（测试）", acting_user=district_officer)
    html = client.get(reverse("housing:unit_detail", args=[chosen.unit_id])).content.decode()
    assert f"解除合同 {contract.number}" in html
