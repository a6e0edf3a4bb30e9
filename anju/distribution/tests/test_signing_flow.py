"""From a house selection to a signed, archived and verifiable contract through the staff pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.core.signing import verify_pdf
from anju.distribution.choices import ContractStatus, SelectionStatus
from anju.distribution.models import AllocationRound, Contract, Selection
from anju.distribution.services.contracts import contract_signed_file
from anju.distribution.tests.factories import allocatable_units, households, published_plan
from anju.distribution.tests.factories_contracts import (
    SIGNER_ID,
    _signing_ca_dir,  # noqa: F401 - fixture
    signing_test_ca,  # noqa: F401 - fixture
)
from anju.housing.choices import UnitState
from anju.housing.services.units import ALLOCATION, unit_state_transition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca")]


@pytest.fixture
def chosen(program):
    """A household of a published plan that chose its unit in a selection round (unit 已配给)."""
    (entry,) = households([{"members": [{"hukou_years": 5, "annual_income": 24000}]}])
    (unit,) = allocatable_units(1)
    plan = published_plan(program=program, entries=[entry], units=[unit])
    round_ = AllocationRound.objects.create(
        region_code=plan.region_code, number="PC341602T000001", plan=plan, name="第一批配租"
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


def test_selection_to_signed_contract_to_verification(client, district_officer, other_district_clerk, chosen):
    client.force_login(district_officer)
    # given the selection is waiting for its contract
    page = client.get(reverse("distribution:selection_awaiting_list"))
    assert page.status_code == 200 and chosen.register_entry.number in page.content.decode()
    # when the clerk leaves out the signer's ID number / then a Chinese error, the typed values kept
    url = reverse("distribution:contract_from_selection", args=[chosen.pk])
    bad = client.post(url, {"signer_name": "张三丰", "signer_id_number": "", "monthly_rent": "390.00"})
    assert bad.status_code == 200 and "该字段是必填项" in bad.content.decode() and "张三丰" in bad.content.decode()
    assert not Contract.objects.exists()
    # when the terms are entered
    response = client.post(
        url, {"signer_name": "张三丰", "signer_id_number": SIGNER_ID, "monthly_rent": "390.00", "deposit": "780.00"}
    )
    contract = Contract.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "distribution:contract_detail", args=[contract.pk]
    )
    assert contract.selection == chosen and contract.unit == chosen.unit and contract.contract_type == "lease"
    # and signed
    response = client.post(reverse("distribution:contract_sign", args=[contract.pk]))
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    # then the contract page shows a valid signature and the archived file
    detail = client.get(reverse("distribution:contract_detail", args=[contract.pk])).content.decode()
    assert "电子签名有效，文件自签章后未被改动。" in detail
    assert "安居测试CA" in detail and contract_signed_file(contract).number in detail
    assert SIGNER_ID not in detail
    # and the PDF downloads and verifies
    pdf = b"".join(client.get(reverse("distribution:contract_pdf", args=[contract.pk])).streaming_content)
    assert verify_pdf(pdf).valid
    # and another district never sees it
    client.force_login(other_district_clerk)
    assert client.get(reverse("distribution:contract_detail", args=[contract.pk])).status_code == 404
    assert client.get(reverse("distribution:contract_pdf", args=[contract.pk])).status_code == 404
    assert client.post(reverse("distribution:contract_sign", args=[contract.pk])).status_code == 404


def test_tampered_archive_shows_failed_verification(client, district_officer, chosen):
    client.force_login(district_officer)
    url = reverse("distribution:contract_from_selection", args=[chosen.pk])
    client.post(url, {"signer_name": "张三丰", "signer_id_number": SIGNER_ID, "monthly_rent": "390.00"})
    contract = Contract.objects.get()
    client.post(reverse("distribution:contract_sign", args=[contract.pk]))
    path = contract_signed_file(contract).file.path
    with open(path, "r+b") as handle:
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 0x01]))
    detail = client.get(reverse("distribution:contract_detail", args=[contract.pk])).content.decode()
    assert "SM3 摘要不一致" in detail and "电子签名有效" not in detail


def test_termination_form_requires_a_reason_and_frees_the_unit(client, district_officer, chosen):
    client.force_login(district_officer)
    client.post(
        reverse("distribution:contract_from_selection", args=[chosen.pk]),
        {"signer_name": "张三丰", "signer_id_number": SIGNER_ID, "monthly_rent": "390.00"},
    )
    contract = Contract.objects.get()
    url = reverse("distribution:contract_terminate", args=[contract.pk])
    assert (
        "解除原因"
        in client.post(url, {"reason": "", "terminated_on": timezone.localdate().isoformat()}).content.decode()
    )
    response = client.post(url, {"reason": "家庭放弃配租", "terminated_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    contract.refresh_from_db()
    contract.unit.refresh_from_db()
    assert contract.status == ContractStatus.TERMINATED and contract.unit.state == UnitState.VACANT


def test_renewal_page_shows_the_rules_decision_and_the_draft(client, district_officer, bozhou_rules):
    from anju.distribution.services.contracts import add_months, contract_create, contract_sign
    from anju.distribution.tests.factories_contracts import register_entry, subsidy_terms

    # given a subsidy contract ending within 90 days, of a household that still qualifies
    start = add_months(timezone.localdate(), -11)
    entry = register_entry()
    contract = contract_create(
        register_entry=entry,
        contract_type="subsidy",
        acting_user=district_officer,
        terms=subsidy_terms(effective_on=start, subsidy_starts_on=start),
    )
    contract = contract_sign(contract=contract, acting_user=district_officer, sign_date=start)
    client.force_login(district_officer)
    url = reverse("distribution:contract_renew", args=[contract.pk])
    assert "到期前 90 天内可申请续签" in client.get(url).content.decode()
    # when
    page = client.post(url, {"term_months": ""}).content.decode()
    # then
    renewal = Contract.objects.get(renewal_of=contract)
    assert "仍符合保障条件" in page and renewal.number in page and "判定结论：符合保障条件" in page
    assert renewal.status == ContractStatus.DRAFT
    # and a second request is refused on the form
    again = client.post(url, {"term_months": ""}).content.decode()
    assert f"已有续签合同 {renewal.number}" in again
