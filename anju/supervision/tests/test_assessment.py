"""考核 records (A.10.5–A.10.8): services, staff pages, API, scoping, roles, masking, spec coverage."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from anju.audit.models import AuditEvent
from anju.supervision import services
from anju.supervision.models import AssessmentBulletin, StaffAssessment, StaffSanction, UnitAssessment

pytestmark = pytest.mark.django_db
BASE = "/api/v1/supervision"
REGION = "341602001001"
DAY = date(2026, 3, 10)
STAFF_NAME = "欧阳明辉"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def unit_assessment(user, **overrides):
    data = {
        "assessed_on": DAY,
        "unit_number": "341602-ZB",
        "unit_name": "谯城区住房保障中心",
        "department": "亳州市住房和城乡建设局",
        "content": "年度规范化考核。",
        "score": Decimal("92.5"),
        "result": "excellent",
        "assessor": "周考核",
    }
    data.update(overrides)
    return services.unit_assessment_save(data=data, acting_user=user, region_code=REGION)


def staff_assessment(user, **overrides):
    data = {
        "assessed_on": DAY,
        "department": "谯城区住房和城乡建设局",
        "leader": "吴负责",
        "staff_number": "3416020012",
        "staff_name": STAFF_NAME,
        "content": "年度考核评价。",
        "score": Decimal("88"),
        "assessor": "郑考核",
    }
    data.update(overrides)
    return services.staff_assessment_save(data=data, acting_user=user, region_code=REGION)


# ---------------------------------------------------------------- services


def test_numbers_links_and_defaults(district_officer):
    # given
    assessment = unit_assessment(district_officer)
    staff = staff_assessment(district_officer)
    # when
    bulletin = services.assessment_bulletin_save(
        data={"assessment": assessment, "opinion": "规范。", "notified_on": DAY + timedelta(days=5)},
        acting_user=district_officer,
    )
    sanction = services.staff_sanction_save(
        data={
            "staff_assessment": staff,
            "result": "good",
            "kind": "reward",
            "reason": "全年无差错。",
            "sanction_result": "通报表扬。",
            "decided_on": DAY + timedelta(days=3),
        },
        acting_user=district_officer,
    )
    # then
    assert assessment.number.startswith("KH341602") and staff.number.startswith("KP341602")
    assert bulletin.number.startswith("TB341602") and sanction.number.startswith("JT341602")
    assert bulletin.region_code == REGION and bulletin.unit_name == "谯城区住房保障中心"
    assert bulletin.total_score == Decimal("92.5") and bulletin.result == "excellent"
    assert sanction.staff_name == STAFF_NAME and sanction.total_score == Decimal("88")
    assert sanction.staff_number == "3416020012" and sanction.staff_assessment == staff


def test_staff_name_is_encrypted_and_audit_masked(district_officer):
    staff = staff_assessment(district_officer)
    services.staff_assessment_save(
        data={"staff_name": "欧阳明亮"}, acting_user=district_officer, staff_assessment=staff
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT staff_name FROM {StaffAssessment._meta.db_table} WHERE id = %s", [staff.pk])  # noqa: S608
        stored = cursor.fetchone()[0]
    assert STAFF_NAME not in stored and "欧阳" not in stored
    details = [str(log.detail) for log in AuditEvent.objects.filter(object_id=str(staff.pk))]
    assert details and all(STAFF_NAME not in d and "欧阳明亮" not in d for d in details)
    assert any("欧***" in d for d in details)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"score": Decimal("100.5")}, "score", "分值不能大于 100。"),
        ({"score": Decimal("-1")}, "score", "分值不能小于 0。"),
        ({"unit_name": ""}, "unit_name", "不能为空"),
        ({"result": "best"}, "result", "不是有效选项"),
    ],
)
def test_unit_assessment_validation_stores_nothing(district_officer, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        unit_assessment(district_officer, **overrides)
    assert any(message in m for m in error.value.message_dict[field])
    assert UnitAssessment.objects.count() == 0


def test_date_order_is_checked(district_officer):
    assessment = unit_assessment(district_officer)
    with pytest.raises(ValidationError) as error:
        services.assessment_bulletin_save(
            data={"assessment": assessment, "opinion": "x", "notified_on": DAY - timedelta(days=1)},
            acting_user=district_officer,
        )
    assert error.value.message_dict["notified_on"] == ["通报日期不能早于考核日期。"]
    with pytest.raises(ValidationError) as error:
        services.assessment_bulletin_save(
            data={"assessment": assessment, "opinion": "x", "notified_on": DAY, "filed_on": DAY - timedelta(days=1)},
            acting_user=district_officer,
        )
    assert error.value.message_dict["filed_on"] == ["备案日期不能早于通报日期。"]
    staff = staff_assessment(district_officer)
    with pytest.raises(ValidationError) as error:
        services.staff_sanction_save(
            data={
                "staff_assessment": staff,
                "result": "good",
                "kind": "penalty",
                "reason": "超时。",
                "sanction_result": "警告。",
                "decided_on": DAY + timedelta(days=5),
                "notified_on": DAY + timedelta(days=1),
            },
            acting_user=district_officer,
        )
    assert error.value.message_dict["notified_on"] == ["通报日期不能早于奖罚日期。"]
    assert AssessmentBulletin.objects.count() == 0 and StaffSanction.objects.count() == 0


def test_sanction_without_assessment_needs_the_staff_member(district_officer):
    with pytest.raises(ValidationError) as error:
        services.staff_sanction_save(
            data={
                "result": "good",
                "kind": "reward",
                "reason": "r",
                "sanction_result": "s",
                "decided_on": DAY,
            },
            acting_user=district_officer,
            region_code=REGION,
        )
    assert {"staff_number", "staff_name", "total_score"} <= set(error.value.message_dict)
    assert StaffSanction.objects.count() == 0


def test_delete_needs_reason_refuses_parents_and_restores(district_officer):
    assessment = unit_assessment(district_officer)
    bulletin = services.assessment_bulletin_save(
        data={"assessment": assessment, "opinion": "x", "notified_on": DAY}, acting_user=district_officer
    )
    with pytest.raises(ValidationError, match="请填写删除原因"):
        services.assessment_record_delete(record=bulletin, reason=" ", acting_user=district_officer)
    with pytest.raises(ValidationError, match="请先删除通报备案"):
        services.assessment_record_delete(record=assessment, reason="录入错误", acting_user=district_officer)
    services.assessment_record_delete(record=bulletin, reason="重复登记", acting_user=district_officer)
    services.assessment_record_delete(record=assessment, reason="录入错误", acting_user=district_officer)
    assessment.refresh_from_db()
    assert assessment.is_deleted and assessment.delete_reason == "录入错误"
    bulletin.refresh_from_db()
    with pytest.raises(ValidationError, match="请先恢复它"):
        services.assessment_record_restore(record=bulletin, acting_user=district_officer)
    with pytest.raises(ValidationError, match="请先恢复再修改"):
        services.unit_assessment_save(data={"score": 80}, acting_user=district_officer, assessment=assessment)
    services.assessment_record_restore(record=assessment, acting_user=district_officer)
    services.assessment_record_restore(record=bulletin, acting_user=district_officer)
    bulletin.refresh_from_db()
    assert not bulletin.is_deleted and bulletin.delete_reason == ""


def test_clerk_and_other_district_may_not_write(district_officer, community_clerk, other_district_clerk):
    with pytest.raises(PermissionDenied):
        unit_assessment(community_clerk)
    assessment = unit_assessment(district_officer)
    with pytest.raises(PermissionDenied):
        services.unit_assessment_save(data={"score": 10}, acting_user=other_district_clerk, assessment=assessment)
    with pytest.raises(PermissionDenied):
        services.assessment_record_delete(record=assessment, reason="x", acting_user=community_clerk)
    assessment.refresh_from_db()
    assert assessment.score == Decimal("92.5") and not assessment.is_deleted


# ---------------------------------------------------------------- pages


KINDS = ("unit_assessment", "assessment_bulletin", "staff_assessment", "staff_sanction")


@pytest.mark.parametrize("kind", KINDS)
def test_pages_render_for_readers(district_officer, community_clerk, kind):
    for user in (district_officer, community_clerk):
        assert _client(user).get(reverse(f"supervision:{kind}_list")).status_code == 200
    assert _client(district_officer).get(reverse(f"supervision:{kind}_create")).status_code == 200
    assert _client(community_clerk).get(reverse(f"supervision:{kind}_create")).status_code == 403


def test_create_form_keeps_input_and_stores_nothing_on_error(district_officer):
    client = _client(district_officer)
    data = {
        "region": REGION,
        "assessed_on": "2026-03-10",
        "unit_number": "341602-ZB",
        "unit_name": "谯城区住房保障中心",
        "department": "市住建局",
        "content": "考核内容甲",
        "score": "120",
        "result": "excellent",
        "assessor": "",
    }
    # when
    page = client.post(reverse("supervision:unit_assessment_create"), data).content.decode()
    # then
    assert "分值不能大于 100。" in page and "请填写考核人。" in page and "考核内容甲" in page
    assert UnitAssessment.objects.count() == 0
    # and a valid form saves
    response = client.post(reverse("supervision:unit_assessment_create"), {**data, "score": "95", "assessor": "周"})
    saved = UnitAssessment.objects.get()
    assert response.status_code == 302 and response["Location"] == saved.get_absolute_url()
    assert saved.score == Decimal("95") and saved.created_by == district_officer


def test_sanction_form_date_order_and_link(district_officer):
    staff = staff_assessment(district_officer)
    client = _client(district_officer)
    data = {
        "region": REGION,
        "staff_assessment": staff.pk,
        "result": "good",
        "kind": "reward",
        "reason": "认真。",
        "sanction_result": "表扬。",
        "decided_on": "2026-03-20",
        "notified_on": "2026-03-15",
    }
    page = client.post(reverse("supervision:staff_sanction_create"), data).content.decode()
    assert "通报日期不能早于奖罚日期。" in page and StaffSanction.objects.count() == 0
    client.post(reverse("supervision:staff_sanction_create"), {**data, "notified_on": "2026-03-25"})
    sanction = StaffSanction.objects.get()
    assert sanction.staff_name == STAFF_NAME and sanction.staff_assessment == staff
    detail = client.get(reverse("supervision:staff_assessment_detail", args=[staff.pk])).content.decode()
    assert sanction.number in detail and STAFF_NAME not in detail and "欧***" in detail


def test_edit_page_prefills_and_saves(district_officer):
    assessment = unit_assessment(district_officer)
    client = _client(district_officer)
    url = reverse("supervision:unit_assessment_edit", args=[assessment.pk])
    assert "谯城区住房保障中心" in client.get(url).content.decode()
    form = {
        "assessed_on": "2026-03-10",
        "unit_number": "341602-ZB",
        "unit_name": "谯城区住房保障中心",
        "department": "市住建局",
        "content": "改过的内容",
        "score": "81",
        "result": "good",
        "assessor": "周",
    }
    assert client.post(url, form).status_code == 302
    assessment.refresh_from_db()
    assert assessment.content == "改过的内容" and assessment.result == "good"


def test_delete_and_restore_pages(district_officer):
    assessment = unit_assessment(district_officer)
    client = _client(district_officer)
    url = reverse("supervision:unit_assessment_delete", args=[assessment.pk])
    assert "请填写删除原因。" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "录入错误"}).status_code == 302
    client.get(reverse("supervision:unit_assessment_list"))  # shows (consumes) the 已删除 message
    live = client.get(reverse("supervision:unit_assessment_list")).content.decode()
    deleted = client.get(reverse("supervision:unit_assessment_list"), {"deleted": "1"}).content.decode()
    assert assessment.number not in live and assessment.number in deleted
    detail = client.get(assessment.get_absolute_url()).content.decode()
    assert "（已删除）" in detail and "录入错误" in detail and "恢复" in detail
    assert client.get(reverse("supervision:unit_assessment_edit", args=[assessment.pk])).status_code == 404
    client.post(reverse("supervision:unit_assessment_restore", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert not assessment.is_deleted


def test_other_district_gets_404_and_clerk_403(district_officer, other_district_clerk, community_clerk):
    assessment = unit_assessment(district_officer)
    staff = staff_assessment(district_officer)
    other = _client(other_district_clerk)
    assert other.get(reverse("supervision:unit_assessment_detail", args=[assessment.pk])).status_code == 404
    assert other.get(reverse("supervision:staff_assessment_edit", args=[staff.pk])).status_code == 404
    assert assessment.number not in other.get(reverse("supervision:unit_assessment_list")).content.decode()
    clerk = _client(community_clerk)
    assert clerk.get(reverse("supervision:unit_assessment_detail", args=[assessment.pk])).status_code == 200
    response = clerk.post(reverse("supervision:unit_assessment_delete", args=[assessment.pk]), {"reason": "x"})
    assert response.status_code == 403
    assessment.refresh_from_db()
    assert not assessment.is_deleted


def test_list_filters_and_export_mask_the_name(district_officer):
    staff_assessment(district_officer)
    staff_assessment(district_officer, staff_number="3416020099", assessed_on=DAY - timedelta(days=60))
    client = _client(district_officer)
    page = client.get(reverse("supervision:staff_assessment_list"), {"assessed_from": "2026-03-01"})
    text = page.content.decode()
    assert "共 1 条" in text and STAFF_NAME not in text and "欧***" in text
    export = client.get(reverse("supervision:staff_assessment_list"), {"export": "xlsx"})
    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "考核编号" and "被考核对象名称" in rows[0] and len(rows) == 3
    assert all(STAFF_NAME not in str(cell) for row in rows for cell in row)


# ---------------------------------------------------------------- API


def test_api_create_list_update_delete_restore(district_officer, other_district_clerk, community_clerk):
    api = _api(district_officer)
    body = {
        "region_code": REGION,
        "assessed_on": "2026-03-10",
        "department": "区住建局",
        "leader": "吴",
        "staff_number": "3416020012",
        "staff_name": STAFF_NAME,
        "content": "考核。",
        "score": "88.0",
        "assessor": "郑",
    }
    # create
    created = api.post(f"{BASE}/staff-assessments/", body, format="json")
    assert created.status_code == 201, created.json()
    staff = created.json()
    assert staff["number"].startswith("KP") and staff["staff_name_masked"] == "欧***"
    assert STAFF_NAME not in created.content.decode()
    # a sanction linked to it
    sanction = api.post(
        f"{BASE}/staff-sanctions/",
        {
            "staff_assessment": staff["id"],
            "result": "good",
            "kind": "reward",
            "reason": "认真。",
            "sanction_result": "表扬。",
            "decided_on": "2026-03-12",
            "notified_on": "2026-03-13",
        },
        format="json",
    )
    assert sanction.status_code == 201, sanction.json()
    assert sanction.json()["total_score"] == "88.0" and sanction.json()["kind_display"] == "奖励"
    # list + scoping
    assert api.get(f"{BASE}/staff-assessments/").json()["count"] == 1
    assert _api(other_district_clerk).get(f"{BASE}/staff-assessments/").json()["count"] == 0
    assert _api(other_district_clerk).get(f"{BASE}/staff-assessments/{staff['id']}/").status_code == 404
    # update
    patched = api.patch(f"{BASE}/staff-assessments/{staff['id']}/", {"score": "91.5"}, format="json")
    assert patched.status_code == 200 and patched.json()["score"] == "91.5"
    bad = api.patch(f"{BASE}/staff-assessments/{staff['id']}/", {"score": "101"}, format="json")
    assert bad.status_code == 400
    # roles
    assert _api(community_clerk).post(f"{BASE}/staff-assessments/", body, format="json").status_code == 403
    assert StaffAssessment.objects.count() == 1
    # delete: refused while the sanction is live, then both deleted and restored
    refused = api.post(f"{BASE}/staff-assessments/{staff['id']}/delete/", {"reason": "错"}, format="json")
    assert refused.status_code == 400 and "请先删除奖罚记录" in refused.content.decode()
    sid = sanction.json()["id"]
    assert api.post(f"{BASE}/staff-sanctions/{sid}/delete/", {}, format="json").status_code == 400
    deleted = api.post(f"{BASE}/staff-sanctions/{sid}/delete/", {"reason": "重复"}, format="json")
    assert deleted.status_code == 200 and deleted.json()["is_deleted"] is True
    assert api.get(f"{BASE}/staff-sanctions/").json()["count"] == 0
    assert api.get(f"{BASE}/staff-sanctions/", {"deleted": "1"}).json()["count"] == 1
    restored = api.post(f"{BASE}/staff-sanctions/{sid}/restore/")
    assert restored.status_code == 200 and restored.json()["is_deleted"] is False


def test_api_bulletin_validation_in_chinese(district_officer):
    assessment = unit_assessment(district_officer)
    api = _api(district_officer)
    response = api.post(
        f"{BASE}/assessment-bulletins/",
        {"assessment": assessment.pk, "opinion": "x", "notified_on": "2026-03-01"},
        format="json",
    )
    assert response.status_code == 400 and "通报日期不能早于考核日期。" in response.content.decode()
    missing = api.post(f"{BASE}/assessment-bulletins/", {"opinion": "x"}, format="json")
    assert missing.status_code == 400 and "请选择规范化考核记录。" in missing.content.decode()
    ok = api.post(
        f"{BASE}/assessment-bulletins/",
        {"assessment": assessment.pk, "opinion": "规范。", "notified_on": "2026-03-11", "filed_on": "2026-03-12"},
        format="json",
    )
    assert ok.status_code == 201 and ok.json()["unit_name"] == "谯城区住房保障中心"
    detail = _client(district_officer).get(assessment.get_absolute_url()).content.decode()
    assert ok.json()["number"] in detail and "考核结果通报备案" in detail
    assert AssessmentBulletin.objects.count() == 1


# ---------------------------------------------------------------- spec


def test_spec_coverage_of_a10_is_complete():
    import json
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("spec_coverage", "--json", stdout=out)
    report = json.loads(out.getvalue())
    expected = {
        "A.10.5": "supervision.UnitAssessment",
        "A.10.6": "supervision.AssessmentBulletin",
        "A.10.7": "supervision.StaffAssessment",
        "A.10.8": "supervision.StaffSanction",
    }
    for data_set, model in expected.items():
        assert report[data_set]["model"] == model
        assert None not in report[data_set]["fields"].values(), data_set
    a10 = [v for k, v in report.items() if k.startswith("A.10.")]
    assert sum(len(v["fields"]) for v in a10) == 83
    assert all(None not in v["fields"].values() for v in a10)
    summary = StringIO()
    call_command("spec_coverage", "--summary", stdout=summary)
    assert any(line.startswith("A.10") and "83 / 83" in line for line in summary.getvalue().splitlines())
