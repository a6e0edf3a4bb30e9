"""API v1 /api/v1/supervision/: scoped reads, writes through the services, the public 失信名单."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from anju.supervision.models import Complaint, CreditRecord
from anju.supervision.tests.factories import PERSON_ID, complaint, credit_record

pytestmark = pytest.mark.django_db
BASE = "/api/v1/supervision"


def _api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "credit-records",
        "complaints",
        "inspections",
        "sanctions",
        "ban-rules",
        "unit-assessments",
        "assessment-bulletins",
        "staff-assessments",
        "staff-sanctions",
    ],
)
def test_every_list_answers(city_officer, dictionaries, path):
    response = _api(city_officer).get(f"{BASE}/{path}/")
    assert response.status_code == 200
    assert "results" in response.json()


def test_credit_create_masked_and_scoped(district_officer, other_district_clerk, dictionaries):
    # when
    response = _api(district_officer).post(
        f"{BASE}/credit-records/",
        {
            "subject_kind": "household",
            "id_number": PERSON_ID,
            "subject_name": "张大山",
            "region_code": "341602001001",
            "level": "3",
            "ground": "false_information",
            "fact": "虚报收入。",
            "listed_on": str(timezone.localdate()),
        },
        format="json",
    )
    # then
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["level_name"] == "严重失信" and body["ground_display"] == "隐瞒或虚报信息骗取保障"
    assert PERSON_ID not in response.content.decode() and body["id_number_masked"].endswith(PERSON_ID[-4:])
    pk = body["id"]
    assert _api(other_district_clerk).get(f"{BASE}/credit-records/{pk}/").status_code == 404
    assert _api(other_district_clerk).get(f"{BASE}/credit-records/").json()["count"] == 0
    assert _api(district_officer).get(f"{BASE}/credit-records/", {"id_number": PERSON_ID}).json()["count"] == 1
    assert _api(district_officer).get(f"{BASE}/credit-records/", {"level": "1"}).json()["count"] == 0


def test_credit_create_errors_are_chinese(district_officer, dictionaries):
    response = _api(district_officer).post(
        f"{BASE}/credit-records/",
        {
            "subject_kind": "household",
            "application_number": "SQ000",
            "level": "3",
            "ground": "false_information",
            "fact": "x",
            "listed_on": str(timezone.localdate()),
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["application_number"][0]["message"] == "找不到该申请编号，或不在您的管辖范围内。"
    assert not CreditRecord.objects.exists()


def test_credit_revoke_and_repair(district_officer, dictionaries):
    record = credit_record(district_officer, level="1", ground="rent_arrears")
    response = _api(district_officer).post(
        f"{BASE}/credit-records/{record.pk}/repair/",
        {"applied_on": str(timezone.localdate()), "conditions": "已结清。", "decision": "approved"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["state"] == "repaired"
    assert len(response.json()["repairs"]) == 1
    other = credit_record(district_officer)
    response = _api(district_officer).post(f"{BASE}/credit-records/{other.pk}/revoke/", {"reason": ""}, format="json")
    assert response.status_code == 400
    response = _api(district_officer).post(
        f"{BASE}/credit-records/{other.pk}/revoke/", {"reason": "录入错误"}, format="json"
    )
    assert response.status_code == 200 and response.json()["revocation_reason"] == "录入错误"


def test_reader_cannot_write(community_clerk, district_officer, dictionaries):
    record = credit_record(district_officer)
    assert _api(community_clerk).get(f"{BASE}/credit-records/{record.pk}/").status_code == 200
    response = _api(community_clerk).post(f"{BASE}/credit-records/{record.pk}/revoke/", {"reason": "x"}, format="json")
    assert response.status_code == 403


def test_applicant_and_anonymous_are_refused(applicant, dictionaries):
    assert _api(applicant).get(f"{BASE}/complaints/").status_code == 403
    assert _api().get(f"{BASE}/complaints/").status_code in (401, 403)


def test_complaint_flow(district_officer, dictionaries):
    response = _api(district_officer).post(
        f"{BASE}/complaints/",
        {
            "kind": "consultation",
            "channel": "03",
            "title": "如何申请公租房",
            "content": "需要哪些材料？",
            "contact_name": "刘群众",
            "contact_phone": "13812345678",
            "region_code": "341602001001",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert "13812345678" not in response.content.decode()
    response = _api(district_officer).post(
        f"{BASE}/complaints/{pk}/assign/", {"assignee": district_officer.pk}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "assigned"
    response = _api(district_officer).post(
        f"{BASE}/complaints/{pk}/reply/", {"body": "请携带身份证、户口簿。"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "replied"
    response = _api(district_officer).post(
        f"{BASE}/complaints/{pk}/close/", {"handling_opinion": "已答复。"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "closed"
    assert Complaint.objects.get(pk=pk).handled_by == district_officer


def test_complaint_404_for_other_district(other_district_clerk, dictionaries, demo_regions):
    item = complaint()
    assert _api(other_district_clerk).get(f"{BASE}/complaints/{item.pk}/").status_code == 404
    assert (
        _api(other_district_clerk).post(f"{BASE}/complaints/{item.pk}/reply/", {"body": "x"}, format="json").status_code
        == 404
    )


def test_inspection_create_and_update(district_officer, dictionaries):
    response = _api(district_officer).post(
        f"{BASE}/inspections/",
        {
            "region_code": "341602000000",
            "inspected_on": "2026-06-01",
            "department": "谯城区住房保障科",
            "leader": "张区县",
            "content": "使用检查",
            "target": "希望家园",
            "result_kind": "problems",
            "result": "发现转租",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    response = _api(district_officer).patch(f"{BASE}/inspections/{pk}/", {"credit_listed": True}, format="json")
    assert response.status_code == 200 and response.json()["credit_listed"] is True


def test_public_credit_list_without_login(district_officer, dictionaries):
    credit_record(district_officer, publish=True)
    credit_record(district_officer, listed_on=timezone.localdate() - timedelta(days=1))
    response = _api().get(f"{BASE}/public/credit-list/")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == 1 and rows[0]["name"] == "张**"
    assert PERSON_ID not in response.content.decode()


def test_list_query_count_is_flat(district_officer, dictionaries):
    """The query count of a list page does not grow with its rows (repairs and replies prefetched)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from anju.supervision.services import complaint_reply, credit_record_repair

    client = _api(district_officer)

    def add_rows(count):
        for _ in range(count):
            record = credit_record(district_officer, level="1", ground="rent_arrears")
            credit_record_repair(
                record=record,
                applied_on=timezone.localdate(),
                conditions="已结清。",
                decision="rejected",
                opinion="未结清。",
                acting_user=district_officer,
            )
            complaint_reply(complaint=complaint(), body="已收到。", acting_user=district_officer)

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{BASE}/{path}/").status_code == 200
        return len(captured)

    # given one row each
    add_rows(1)
    one = {path: queries(path) for path in ("credit-records", "complaints")}
    # when four more
    add_rows(4)
    # then
    assert {path: queries(path) for path in ("credit-records", "complaints")} == one
