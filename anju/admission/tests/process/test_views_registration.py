"""Pages of 公示, 举报, 方案/登记, 准入登记簿 and 供给审批: masking, jurisdiction, forms calling the services."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Objection, Publicity, RegisterEntry, SupplierUnitApproval
from anju.admission.services.publicity import publicity_create, publicity_publish
from anju.admission.tests.factories import resident_id
from anju.admission.tests.process.helpers import pdf_text

pytestmark = pytest.mark.django_db
FULL_ID = resident_id()


def as_user(client, user):
    """The client signed in as the user."""
    client.force_login(user)
    return client


@pytest.fixture
def publicity(at_publicity, district_officer):
    """A published notice listing the application."""
    notice = publicity_create(
        title="2026年第1批公示", start_date=date(2026, 11, 1), end_date=date(2026, 11, 7), channel="01", place="公示栏",
        applications=[at_publicity], acting_user=district_officer,
    )  # fmt: skip
    return publicity_publish(publicity=notice, acting_user=district_officer)


def test_publicity_create_page_lists_candidates_masked_and_creates(client, at_publicity, district_officer):
    as_user(client, district_officer)
    page = client.get(reverse("admission:publicity_create")).content.decode()
    assert at_publicity.number in page and "王**" in page and "王建国" not in page
    response = client.post(reverse("admission:publicity_create"), {
        "title": "第1批", "start_date": "2026-11-01", "end_date": "2026-11-07", "channel": "01", "place": "",
        "applications": [at_publicity.pk],
    })  # fmt: skip
    publicity = Publicity.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admission:publicity_detail", args=[publicity.pk]
    )
    # invalid: the input is kept and the error shown
    response = client.post(
        reverse("admission:publicity_create"),
        {"title": "第2批", "start_date": "2026-11-07", "end_date": "2026-11-01", "channel": "01"},
    )
    assert response.status_code == 200 and "applications" in response.context["form"].errors
    assert 'value="第2批"' in response.content.decode()
    assert Publicity.objects.count() == 1


def test_publicity_detail_pdf_and_excel_are_masked(client, publicity, street_reviewer):
    # given a street reviewer inside the county
    as_user(client, street_reviewer)
    # when
    html = client.get(reverse("admission:publicity_detail", args=[publicity.pk])).content.decode()
    pdf = client.get(reverse("admission:publicity_pdf", args=[publicity.pk]))
    xlsx = client.get(reverse("admission:publicity_entries", args=[publicity.pk]) + "?export=xlsx")
    # then
    assert "王**" in html and FULL_ID[:6] + "********" + FULL_ID[-4:] in html
    assert "王建国" not in html and FULL_ID not in html
    text = pdf_text(pdf.content)
    assert pdf["Content-Type"] == "application/pdf" and "王**" in text and "王建国" not in text and FULL_ID not in text
    cells = [str(c) for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True) for c in row]
    assert "王**" in cells and "王建国" not in cells and FULL_ID not in cells


def test_publicity_pages_404_outside_the_county_and_403_for_other_roles(
    client, publicity, other_district_clerk, applicant
):
    as_user(client, other_district_clerk)
    assert client.get(reverse("admission:publicity_detail", args=[publicity.pk])).status_code == 404
    assert client.get(reverse("admission:publicity_pdf", args=[publicity.pk])).status_code == 404
    assert publicity.number not in client.get(reverse("admission:publicity_list")).content.decode()
    as_user(client, applicant)
    assert client.get(reverse("admission:publicity_list")).status_code == 403


def test_objection_upheld_through_the_pages_returns_the_application(client, publicity, district_officer, at_publicity):
    as_user(client, district_officer)
    entry = publicity.entries.get()
    response = client.post(
        reverse("admission:objection_create", args=[entry.pk]),
        {"content": "隐瞒收入", "channel": "03", "reporter_name": "匿名", "reporter_phone": ""},
    )
    objection = Objection.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("admission:objection_verify", args=[objection.pk]),
        {"verification_method": "入户", "verification_result": "1", "verification_note": ""},
    )
    response = client.post(
        reverse("admission:objection_decide", args=[objection.pk]), {"upheld": "1", "decision_note": "隐瞒收入属实"}
    )
    assert response.status_code == 302
    at_publicity.refresh_from_db()
    assert at_publicity.status == ApplicationStatus.COUNTY_REVIEW
    page = client.get(reverse("admission:objection_detail", args=[objection.pk])).content.decode()
    assert "举报成立" in page


def test_objection_form_errors_keep_input(client, publicity, district_officer):
    as_user(client, district_officer)
    entry = publicity.entries.get()
    response = client.post(
        reverse("admission:objection_create", args=[entry.pk]),
        {"content": "有房", "channel": "03", "reporter_phone": "123"},
    )
    assert response.status_code == 200 and "有房" in response.content.decode()
    assert not Objection.objects.exists()


def test_registration_pages_plan_register_notice_and_register_book(
    client, at_register, district_officer, other_district_clerk
):
    as_user(client, district_officer)
    assert at_register.number in client.get(reverse("admission:registering_list")).content.decode()
    page = client.get(reverse("admission:registration", args=[at_register.pk])).content.decode()
    assert "测算拟保障实施方案" in page
    client.post(
        reverse("admission:plan_create", args=[at_register.pk]),
        {"security_mode": "12", "project_category": "", "unit_layout": "", "note": ""},
    )
    response = client.post(
        reverse("admission:plan_adjust", args=[at_register.pk]),
        {"standard_amount": "200", "subsidy_amount": "0", "allocated_area": "32", "adjustment_reason": ""},
    )
    assert "修改测算结果时须填写调整原因" in response.content.decode()
    client.post(
        reverse("admission:plan_adjust", args=[at_register.pk]),
        {"standard_amount": "200", "subsidy_amount": "0", "allocated_area": "32", "adjustment_reason": "增配"},
    )
    page = client.get(reverse("admission:registration", args=[at_register.pk])).content.decode()
    assert "32.00 / 30.00" in page
    response = client.post(reverse("admission:register_approve", args=[at_register.pk]), {"opinion": ""})
    assert response.status_code == 302
    entry = RegisterEntry.objects.get()
    page = client.get(reverse("admission:registration", args=[at_register.pk])).content.decode()
    assert "住房保障准予登记通知书" in page
    # the notice downloads through the e-archive
    from anju.archive.models import ArchiveFile

    notice = ArchiveFile.objects.get(file_type="08")
    download = client.get(reverse("archive:file_download", args=[notice.pk]))
    assert download.status_code == 200
    assert "准予登记通知书" in pdf_text(
        b"".join(download.streaming_content) if download.streaming else download.content
    )
    # the register book: masked, and 404 for another county
    listing = client.get(reverse("admission:register_list")).content.decode()
    assert entry.number in listing and "王**" in listing and "王建国" not in listing and FULL_ID not in listing
    assert client.get(reverse("admission:register_detail", args=[entry.pk])).status_code == 200
    as_user(client, other_district_clerk)
    assert client.get(reverse("admission:register_detail", args=[entry.pk])).status_code == 404
    assert client.get(reverse("admission:registration", args=[at_register.pk])).status_code == 404


def test_register_deny_page_needs_reason(client, at_register, district_officer):
    as_user(client, district_officer)
    response = client.post(reverse("admission:register_deny", args=[at_register.pk]), {"reason": ""})
    assert response.status_code == 200
    at_register.refresh_from_db()
    assert at_register.status == ApplicationStatus.REGISTERING
    response = client.post(reverse("admission:register_deny", args=[at_register.pk]), {"reason": "收入超标"})
    at_register.refresh_from_db()
    assert response.status_code == 302 and at_register.status == ApplicationStatus.DENIED


def test_supplier_pages_create_review_and_scope(
    client, dictionaries, district_officer, other_district_clerk, community_clerk
):
    as_user(client, district_officer)
    assert client.get(reverse("admission:supplier_unit_create")).status_code == 200
    response = client.post(reverse("admission:supplier_unit_create"), {
        "region_code": "341602000000", "target_category": "builder", "project_category": "02", "support_mode": "subsidy",
        "requested_amount": "1000", "organisation_number": "U1", "organisation_name": "安居公司",
    })  # fmt: skip
    record = SupplierUnitApproval.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("admission:supplier_review", args=["unit", record.pk]),
        {"approve": "1", "approved_amount": "900", "opinion": ""},
    )
    record.refresh_from_db()
    assert record.status == "approved"
    assert "安居公司" in client.get(reverse("admission:supplier_unit_list")).content.decode()
    response = client.post(reverse("admission:supplier_person_create"), {
        "region_code": "341602000000", "target_category": "landlord", "project_category": "03", "support_mode": "subsidy",
        "requested_amount": "100", "applicant_name": "周房东", "id_number": resident_id(seq=40),
    })  # fmt: skip
    assert response.status_code == 302
    listing = client.get(reverse("admission:supplier_person_list")).content.decode()
    assert "周**" in listing and resident_id(seq=40) not in listing
    as_user(client, other_district_clerk)
    assert client.get(reverse("admission:supplier_detail", args=["unit", record.pk])).status_code == 404
    as_user(client, community_clerk)
    assert client.get(reverse("admission:supplier_unit_create")).status_code == 403
