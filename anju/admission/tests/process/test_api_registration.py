"""API of 公示, 举报, 方案, 登记, 登记簿 and 供给审批: scoped, masked, service errors as 400/403/404."""

import pytest
from rest_framework.test import APIClient

from anju.admission.choices import ApplicationStatus
from anju.admission.tests.factories import resident_id

pytestmark = pytest.mark.django_db
BASE = "/api/v1/households"
FULL_ID = resident_id()


def api(user):
    """An API client authenticated as the user."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def _publicity(client, application):
    body = {
        "title": "第1批",
        "start_date": "2026-11-01",
        "end_date": "2026-11-07",
        "channel": "01",
        "application_ids": [application.pk],
    }
    return client.post(f"{BASE}/publicity/", body, format="json")


def test_publicity_create_publish_detail_masked_and_objection_upheld(
    at_publicity, district_officer, other_district_clerk
):
    client = api(district_officer)
    # when created with an invalid period / then 400 and nothing stored
    bad = client.post(
        f"{BASE}/publicity/",
        {
            "title": "x",
            "start_date": "2026-11-07",
            "end_date": "2026-11-01",
            "channel": "01",
            "application_ids": [at_publicity.pk],
        },
        format="json",
    )
    assert bad.status_code == 400
    response = _publicity(client, at_publicity)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert client.post(f"{BASE}/publicity/{pk}/publish/").status_code == 200
    detail = client.get(f"{BASE}/publicity/{pk}/")
    body = detail.content.decode()
    assert detail.json()["entries"][0]["applicant_name"] == "王**"
    assert "王建国" not in body and FULL_ID not in body
    assert api(other_district_clerk).get(f"{BASE}/publicity/{pk}/").status_code == 404
    # objection through the API, upheld -> the application is returned
    from anju.admission.models import PublicityEntry

    entry = PublicityEntry.objects.get()
    created = client.post(
        f"{BASE}/objections/", {"entry_id": entry.pk, "content": "有房", "channel": "03"}, format="json"
    )
    assert created.status_code == 201
    oid = created.json()["id"]
    assert (
        client.post(
            f"{BASE}/objections/{oid}/decide/", {"upheld": True, "decision_note": "x"}, format="json"
        ).status_code
        == 400
    )
    client.post(
        f"{BASE}/objections/{oid}/verify/", {"verification_method": "入户", "verification_result": "1"}, format="json"
    )
    decided = client.post(f"{BASE}/objections/{oid}/decide/", {"upheld": True, "decision_note": "属实"}, format="json")
    assert decided.status_code == 200 and decided.json()["status"] == "upheld"
    at_publicity.refresh_from_db()
    assert at_publicity.status == ApplicationStatus.COUNTY_REVIEW


def test_plan_and_registration_through_the_api(at_register, district_officer, community_clerk):
    client = api(district_officer)
    assert client.get(f"{BASE}/{at_register.pk}/plan/").status_code == 404
    assert (
        client.post(f"{BASE}/{at_register.pk}/registration/", {"decision": "approve"}, format="json").status_code == 400
    )
    created = client.post(f"{BASE}/{at_register.pk}/plan/", {"security_mode": "12"}, format="json")
    assert created.status_code == 201 and created.json()["computed_allocated_area"] == "30.00"
    adjusted = client.patch(
        f"{BASE}/{at_register.pk}/plan/",
        {"standard_amount": "200.00", "subsidy_amount": "0", "allocated_area": "31.00", "adjustment_reason": "调整"},
        format="json",
    )
    assert adjusted.json()["allocated_area"] == "31.00" and adjusted.json()["computed_allocated_area"] == "30.00"
    assert (
        api(community_clerk)
        .post(f"{BASE}/{at_register.pk}/registration/", {"decision": "approve"}, format="json")
        .status_code
        == 403
    )
    registered = client.post(f"{BASE}/{at_register.pk}/registration/", {"decision": "approve"}, format="json")
    assert registered.status_code == 200
    assert registered.json()["id_number"] != FULL_ID and registered.json()["applicant_name"] == "王**"
    listing = client.get(f"{BASE}/register/")
    assert listing.status_code == 200 and FULL_ID not in listing.content.decode()
    assert client.get(f"{BASE}/register/{registered.json()['id']}/").status_code == 200


def test_suppliers_through_the_api(dictionaries, district_officer, other_district_clerk):
    client = api(district_officer)
    body = {
        "region_code": "341602000000", "target_category": "landlord", "project_category": "03", "support_mode": "subsidy",
        "requested_amount": "1000.00", "applicant_name": "周房东", "id_number": resident_id(seq=50),
    }  # fmt: skip
    created = client.post(f"{BASE}/suppliers/persons/", body, format="json")
    assert created.status_code == 201, created.content
    assert "id_number" not in created.json() and created.json()["id_number_masked"].startswith("341602")
    assert client.post(f"{BASE}/suppliers/persons/", {**body, "id_number": "123"}, format="json").status_code == 400
    pk = created.json()["id"]
    assert (
        api(other_district_clerk)
        .post(f"{BASE}/suppliers/person/{pk}/review/", {"approve": True, "approved_amount": "1"}, format="json")
        .status_code
        == 404
    )
    reviewed = client.post(
        f"{BASE}/suppliers/person/{pk}/review/", {"approve": True, "approved_amount": "800.00"}, format="json"
    )
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "approved"
    assert resident_id(seq=50) not in client.get(f"{BASE}/suppliers/persons/").content.decode()
