"""API of contracts, subsidies and support objects: writes through the services, scoped reads, masked identifiers."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from anju.distribution.models import Contract, LandSupplyRecord, SubsidyDue, SupportDisbursementPlan
from anju.distribution.tests.factories_contracts import (
    SIGNER_ID,
    _signing_ca_dir,  # noqa: F401 - fixture
    delivered_unit,
    dictionaries,  # noqa: F401 - fixture
    register_entry,
    signing_test_ca,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca", "dictionaries")]
BASE = "/api/v1/distribution"


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


SUBSIDY = {
    "contract_type": "subsidy",
    "signer_name": "王建国",
    "signer_id_number": SIGNER_ID,
    "subsidy_amount": "600.00",
    "subsidy_payment_method": "bank",
    "subsidy_starts_on": "2026-01-01",
    "effective_on": "2026-01-01",
}


def test_subsidy_contract_create_sign_verify_and_terminate(district_officer, other_district_clerk):
    client = api(district_officer)
    entry = register_entry()
    # when created / then draft, ID masked, 12 months by category
    response = client.post(f"{BASE}/contracts/", {**SUBSIDY, "register_entry": entry.pk}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft" and body["term_months"] == 12 and body["contract_type_display"] == "租赁补贴合同"
    assert body["signer_id_number"] != SIGNER_ID and body["signer_id_number"].endswith(SIGNER_ID[-4:])
    pk = body["id"]
    # when signed / then verifiable
    signed = client.post(f"{BASE}/contracts/{pk}/sign/").json()
    assert (
        signed["status"] == "signed" and signed["expires_on"] == "2026-12-31" and len(signed["signed_pdf_digest"]) == 64
    )
    report = client.get(f"{BASE}/contracts/{pk}/verify/").json()
    assert report["valid"] and report["digest_ok"] and report["signer"] and report["archive_number"].startswith("DA")
    # and another district gets 404
    assert api(other_district_clerk).get(f"{BASE}/contracts/{pk}/").status_code == 404
    assert (
        api(other_district_clerk).post(f"{BASE}/contracts/{pk}/terminate/", {"reason": "x"}, format="json").status_code
        == 404
    )
    # when terminated without a reason / then 400 in Chinese
    bad = client.post(f"{BASE}/contracts/{pk}/terminate/", {"reason": ""}, format="json")
    assert bad.status_code == 400
    ended = client.post(f"{BASE}/contracts/{pk}/terminate/", {"reason": "家庭收入超标"}, format="json").json()
    assert ended["status"] == "terminated" and ended["termination_reason"] == "家庭收入超标"


def test_lease_needs_a_unit_and_valid_codes(district_officer):
    client = api(district_officer)
    entry = register_entry()
    response = client.post(
        f"{BASE}/contracts/",
        {
            "register_entry": entry.pk,
            "contract_type": "lease",
            "signer_name": "王建国",
            "signer_id_number": SIGNER_ID,
            "monthly_rent": "390",
        },
        format="json",
    )
    assert response.status_code == 400 and "unit" in str(response.json())
    wrong = client.post(
        f"{BASE}/contracts/", {**SUBSIDY, "register_entry": entry.pk, "contract_type": "gift"}, format="json"
    )
    assert wrong.status_code == 400 and "合同类型无效" in str(wrong.json())
    unit = delivered_unit()
    ok = client.post(
        f"{BASE}/contracts/",
        {
            "register_entry": entry.pk,
            "contract_type": "lease",
            "unit": unit.pk,
            "signer_name": "王建国",
            "signer_id_number": SIGNER_ID,
            "monthly_rent": "390",
        },
        format="json",
    )
    assert ok.status_code == 201 and ok.json()["unit_number"] == unit.number


def test_renewal_outside_the_window_is_400(district_officer):
    client = api(district_officer)
    entry = register_entry()
    pk = client.post(
        f"{BASE}/contracts/",
        {**SUBSIDY, "register_entry": entry.pk, "effective_on": dt.date.today().isoformat()},
        format="json",
    ).json()["id"]
    client.post(f"{BASE}/contracts/{pk}/sign/")
    response = client.post(f"{BASE}/contracts/{pk}/renew/", {}, format="json")
    assert response.status_code == 400 and "到期前 90 天内" in str(response.json())


def test_readers_read_but_do_not_write(street_reviewer, district_officer):
    entry = register_entry()
    assert (
        api(street_reviewer)
        .post(f"{BASE}/contracts/", {**SUBSIDY, "register_entry": entry.pk}, format="json")
        .status_code
        == 403
    )
    assert api(street_reviewer).get(f"{BASE}/contracts/").status_code == 200


def test_subsidy_month_run_pay_and_list(district_officer):
    client = api(district_officer)
    entry = register_entry()
    pk = client.post(f"{BASE}/contracts/", {**SUBSIDY, "register_entry": entry.pk}, format="json").json()["id"]
    client.post(f"{BASE}/contracts/{pk}/sign/")
    # when the month runs twice
    job = client.post(f"{BASE}/subsidy-dues/run/", {"year": 2026, "month": 2}, format="json")
    assert job.status_code == 202 and job.json()["result"]["created"] == 1
    again = client.post(f"{BASE}/subsidy-dues/run/", {"year": 2026, "month": 2}, format="json").json()
    assert again["result"]["created"] == 0 and SubsidyDue.objects.count() == 1
    dues = client.get(f"{BASE}/subsidy-dues/", {"year": 2026, "month": 2}).json()
    due = dues["results"][0] if "results" in dues else dues[0]
    assert due["amount"] == "600.00" and due["paid_total"] == "0.00"
    # when paid short without a reason / then 400; with the reason / then recorded
    bad = client.post(
        f"{BASE}/subsidy-dues/{due['id']}/pay/",
        {"paid_amount": "500", "paid_on": "2026-02-15", "method": "bank"},
        format="json",
    )
    assert bad.status_code == 400 and "请填写原因" in str(bad.json())
    paid = client.post(
        f"{BASE}/subsidy-dues/{due['id']}/pay/",
        {"paid_amount": "500", "paid_on": "2026-02-15", "method": "bank", "shortfall_reason": "资金未到位"},
        format="json",
    )
    assert paid.status_code == 201 and paid.json()["status"] == "partial" and paid.json()["shortfall"] == "100.00"
    assert client.get(f"{BASE}/subsidy-payments/").status_code == 200


def test_support_plan_and_land_supply_create_and_edit(district_officer, other_district_clerk):
    client = api(district_officer)
    plan = client.post(
        f"{BASE}/support-plans/",
        {
            "region_code": "341602000000",
            "target_number": "GY3416022026000001",
            "target_name": "亳州安居运营公司",
            "total_amount": "1200000.00",
            "period_type": "quarter",
            "period": "2026Q1-2026Q4",
            "starts_on": "2026-01-01",
        },
        format="json",
    )
    assert plan.status_code == 201, plan.json()
    assert plan.json()["number"].startswith("BF341602")
    edited = client.patch(f"{BASE}/support-plans/{plan.json()['id']}/", {"total_amount": "1300000.00"}, format="json")
    assert edited.status_code == 200 and edited.json()["total_amount"] == "1300000.00"
    assert api(other_district_clerk).get(f"{BASE}/support-plans/{plan.json()['id']}/").status_code == 404
    land = client.post(
        f"{BASE}/land-supplies/",
        {
            "region_code": "341602000000",
            "parcel_number": "ZD2026-01",
            "parcel_name": "希望家园地块",
            "approval_document": "建设用地批准书",
            "approval_number": "亳国土〔2026〕8号",
            "approved_on": "2026-03-01",
            "acquisition_mode": "划拨",
            "land_area": "12000.50",
            "land_value": "0",
            "use_years": 70,
        },
        format="json",
    )
    assert land.status_code == 201, land.json()
    assert LandSupplyRecord.objects.get().number.startswith("GD341602")
    bad = client.post(
        f"{BASE}/land-supplies/",
        {
            "region_code": "341621000000",
            "parcel_number": "X",
            "parcel_name": "X",
            "approval_document": "X",
            "approval_number": "X",
            "approved_on": "2026-03-01",
            "acquisition_mode": "划拨",
            "land_area": "1",
            "use_years": 70,
        },
        format="json",
    )
    assert bad.status_code == 403
    assert SupportDisbursementPlan.objects.count() == 1 and Contract.objects.count() == 0
