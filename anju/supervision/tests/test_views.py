"""Staff pages of /supervision/: lists (filters, pagination, export), details, forms, scoping and masking."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from anju.supervision.choices import ComplaintStatus, CreditState
from anju.supervision.models import Complaint, CreditRecord
from anju.supervision.tests.factories import PERSON_ID, complaint, credit_record

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_index_redirects_to_credit_list(district_officer):
    response = _client(district_officer).get(reverse("supervision:index"))
    assert response.status_code == 302 and response.url == reverse("supervision:credit_list")


@pytest.mark.parametrize(
    "name",
    [
        "credit_list",
        "complaint_list",
        "inspection_list",
        "sanction_list",
        "ban_rule_list",
        "credit_create",
        "complaint_create",
        "inspection_create",
        "sanction_create",
        "ban_rule_create",
    ],
)
def test_pages_render(district_officer, dictionaries, name):
    response = _client(district_officer).get(reverse(f"supervision:{name}"))
    assert response.status_code == 200
    assert "信用档案" in response.content.decode()  # the sub-navigation


def test_credit_list_filters_masks_and_exports(district_officer, dictionaries):
    credit_record(district_officer)
    credit_record(district_officer, level="1", ground="rent_arrears", subject_name="张大山")
    client = _client(district_officer)
    # when
    page = client.get(reverse("supervision:credit_list"), {"level": "3"}).content.decode()
    # then
    assert "共 1 条" in page and "严重失信" in page
    assert PERSON_ID not in page and "张**" in page
    export = client.get(reverse("supervision:credit_list"), {"export": "xlsx"})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "信用记录编号" and len(rows) == 3
    assert all(PERSON_ID not in str(cell) for row in rows for cell in row)


def test_list_query_count_is_flat(district_officer, dictionaries, django_assert_max_num_queries):
    for _ in range(5):
        credit_record(district_officer)
    client = _client(district_officer)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("supervision:credit_list")).status_code == 200


def test_other_district_gets_404(district_officer, other_district_clerk, dictionaries):
    record = credit_record(district_officer)
    item = complaint()
    client = _client(other_district_clerk)
    assert client.get(reverse("supervision:credit_detail", args=[record.pk])).status_code == 404
    assert client.get(reverse("supervision:credit_revoke", args=[record.pk])).status_code == 404
    assert client.get(reverse("supervision:complaint_detail", args=[item.pk])).status_code == 404
    assert "共 0 条" in client.get(reverse("supervision:credit_list")).content.decode()


def test_roles_without_access_get_403(applicant, operator, community_clerk, district_officer, dictionaries):
    record = credit_record(district_officer)
    assert _client(applicant).get(reverse("supervision:credit_list")).status_code == 403
    assert _client(operator).get(reverse("supervision:credit_list")).status_code == 403
    # a clerk reads but does not act
    clerk = _client(community_clerk)
    page = clerk.get(reverse("supervision:credit_detail", args=[record.pk])).content.decode()
    assert reverse("supervision:credit_revoke", args=[record.pk]) not in page
    assert clerk.get(reverse("supervision:credit_revoke", args=[record.pk])).status_code == 403


def test_credit_create_form(district_officer, dictionaries):
    client = _client(district_officer)
    data = {
        "subject_kind": "household",
        "id_number": PERSON_ID,
        "subject_name": "张大山",
        "region": "341602001001",
        "level": "2",
        "ground": "sublet",
        "fact": "将公租房转租他人。",
        "listed_on": str(timezone.localdate()),
    }
    # bad input: kept, Chinese message, nothing saved
    response = client.post(reverse("supervision:credit_create"), {**data, "id_number": "341602197005011234"})
    page = response.content.decode()
    assert response.status_code == 200 and "将公租房转租他人。" in page and "身份" in page
    assert not CreditRecord.objects.exists()
    # good input
    response = client.post(reverse("supervision:credit_create"), data)
    record = CreditRecord.objects.get()
    assert response.status_code == 302 and response.url == record.get_absolute_url()
    detail = client.get(record.get_absolute_url()).content.decode()
    assert "较重失信（惩戒期内）" in detail and PERSON_ID not in detail and "证据材料" in detail


def test_credit_create_from_application_number(district_officer, household):
    response = _client(district_officer).post(
        reverse("supervision:credit_create"),
        {
            "subject_kind": "household",
            "application_number": household.number,
            "level": "1",
            "ground": "other",
            "fact": "多次不按时提交材料。",
            "listed_on": str(timezone.localdate()),
        },
    )
    assert response.status_code == 302
    assert CreditRecord.objects.get().application == household


def test_repair_and_revoke_pages(district_officer, dictionaries):
    record = credit_record(district_officer, level="1", ground="rent_arrears")
    client = _client(district_officer)
    response = client.post(
        reverse("supervision:credit_repair", args=[record.pk]),
        {"applied_on": str(timezone.localdate()), "conditions": "已结清欠租。", "decision": "approved"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == CreditState.REPAIRED
    other = credit_record(district_officer)
    response = client.post(
        reverse("supervision:credit_revoke", args=[other.pk]), {"revoked_on": str(timezone.localdate()), "reason": ""}
    )
    assert response.status_code == 200 and "form-error-summary" in response.content.decode()
    client.post(
        reverse("supervision:credit_revoke", args=[other.pk]),
        {"revoked_on": str(timezone.localdate()), "reason": "错误"},
    )
    other.refresh_from_db()
    assert other.state == CreditState.REVOKED


def test_publish_toggle(district_officer, dictionaries):
    record = credit_record(district_officer)
    client = _client(district_officer)
    assert client.get(reverse("supervision:credit_publish", args=[record.pk])).status_code == 405
    client.post(reverse("supervision:credit_publish", args=[record.pk]))
    record.refresh_from_db()
    assert record.publish


def test_ban_rule_form(district_officer, dictionaries):
    client = _client(district_officer)
    response = client.post(
        reverse("supervision:ban_rule_create"),
        {"level": "3", "ground": "", "ban_years": "3", "bans_application": "on", "repair_after_months": "0"},
    )
    assert response.status_code == 302
    record = credit_record(district_officer)
    assert record.ban_years == 3
    assert "3" in client.get(reverse("supervision:ban_rule_list")).content.decode()


def test_complaint_pages(district_officer, applicant, dictionaries):
    item = complaint(applicant_user=applicant)
    client = _client(district_officer)
    page = client.get(item.get_absolute_url()).content.decode()
    assert item.number in page and "138****5678" in page and "13812345678" not in page
    client.post(
        reverse("supervision:complaint_reply", args=[item.pk]), {"body": "已收到，正在核查。", "is_public": "on"}
    )
    client.post(reverse("supervision:complaint_reply", args=[item.pk]), {"body": "内部：联系物业。"})
    page = client.get(item.get_absolute_url()).content.decode()
    assert "已收到，正在核查。" in page and "内部记录" in page
    response = client.post(
        reverse("supervision:complaint_close", args=[item.pk]),
        {
            "handling_opinion": "责令收回。",
            "verification_result": "1",
            "handled_on": str(timezone.localdate()),
            "credit_listed": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ComplaintStatus.CLOSED and item.credit_listed
    # from the closed complaint the officer lists a credit record linked to it
    response = client.post(
        reverse("supervision:credit_create") + f"?complaint={item.pk}",
        {
            "subject_kind": "household",
            "id_number": PERSON_ID,
            "subject_name": "张大山",
            "region": "341602001001",
            "level": "2",
            "ground": "sublet",
            "fact": "转租。",
            "listed_on": str(timezone.localdate()),
        },
    )
    assert response.status_code == 302
    assert CreditRecord.objects.get().complaint == item


def test_staff_complaint_entry(district_officer, dictionaries):
    response = _client(district_officer).post(
        reverse("supervision:complaint_create"),
        {
            "kind": "complaint",
            "channel": "02",
            "title": "来访投诉",
            "content": "排队太久。",
            "contact_name": "王五",
            "contact_phone": "13512345678",
            "region": "341602001001",
        },
    )
    assert response.status_code == 302
    assert Complaint.objects.get().channel == "02"


def test_inspection_and_sanction_forms(district_officer, dictionaries):
    client = _client(district_officer)
    response = client.post(
        reverse("supervision:inspection_create"),
        {
            "region": "341602000000",
            "inspected_on": "2026-06-01",
            "department": "谯城区住房保障科",
            "leader": "张区县",
            "target": "希望家园",
            "content": "使用检查",
            "result_kind": "passed",
            "result": "未发现问题",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    detail = client.get(response.url)
    assert "希望家园" in detail.content.decode()
    edit_url = response.url + "edit/"
    page = client.get(edit_url).content.decode()
    assert "希望家园" in page
    response = client.post(
        reverse("supervision:sanction_create"),
        {
            "region": "341602000000",
            "decided_on": "2026-05-01",
            "kind": "reward",
            "supplier_number": "X1",
            "supplier_name": "某运营公司",
            "reason": "服务优良",
            "result": "通报表扬",
        },
    )
    assert response.status_code == 302
