"""The portal writes as the applicant themselves: no stand-in, no borrowed clerk permission.

The applicant saves, uploads and submits their own online application through the portal
services; admission, the archive and the workflow accept them for that application only while it
is a draft or returned. Another household's application, their own after submission, and the
staff pages and API stay closed to them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from anju.admission.models import Application
from anju.portal.services import online as online_services
from anju.portal.tests.conftest import PLAIN_ID, ZHANG_ID, applicant_account

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BAIBU = "341602001001"
OTHER_ID = "341602199001010015"  # nobody in the partner data


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Archive files of each test in their own directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _pdf(code: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"p{code}.pdf", PDF, content_type="application/pdf")


def _draft(user, *, id_number=PLAIN_ID, name="王建国"):
    return online_services.household_save(
        user=user, data={"applicant_name": name, "id_number": id_number, "phone": "13800000001"}, region_code=BAIBU
    )


def _state(application: Application) -> tuple:
    """What a refused write must leave unchanged."""
    from anju.archive.models import ArchiveFile
    from anju.workflow.models import ProcessInstance

    application = Application.objects.get(pk=application.pk)
    return (
        application.status,
        application.phone,
        application.hukou_road,
        application.household_size,
        application.dwellings.count(),
        ArchiveFile.objects.filter(object_id=str(application.pk)).count(),
        ProcessInstance.objects.filter(object_id=str(application.pk)).count(),
    )


def test_the_applicant_saves_uploads_and_submits_as_themselves(portal_ready):
    from anju.admission.services.process import application_instance
    from anju.archive.models import ArchiveFile
    from anju.audit.models import AuditEvent

    # given
    user = applicant_account()
    # when: the six steps through the portal services
    online = _draft(user)
    online_services.part_save(
        online=online,
        kind="housing",
        data={"occupancy_status": "3", "floor_area": Decimal("40"), "address_road": "药都路"},
    )
    for code in ("01", "02", "03", "04"):
        online_services.material_upload(online=online, uploaded_file=_pdf(code), file_type=code)
    online = online_services.online_submit(online=online)
    # then: linked to the account; author, uploader, initiator and audit user are the applicant
    application = Application.objects.get(pk=online.application_id)
    assert application.applicant_account_id == user.pk
    assert application.created_by_id == user.pk
    assert application.status == "accepting"
    assert application_instance(application).started_by_id == user.pk
    uploaders = set(ArchiveFile.objects.filter(object_id=str(application.pk)).values_list("uploaded_by_id", flat=True))
    assert uploaders == {user.pk}
    writes = AuditEvent.objects.filter(object_id=str(application.pk), action__in=["RECORD_CREATED", "RECORD_UPDATED"])
    assert writes.exists()
    assert set(writes.values_list("user_id", flat=True)) == {user.pk}


def test_the_partner_prefill_is_written_as_the_applicant(portal_ready):
    # given / when: partner data adds members and the applicant's income through admission
    user = applicant_account()
    online = online_services.household_save(
        user=user, data={"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    # then
    application = online.application
    assert application.applicant_account_id == user.pk
    assert application.members.count() == 3


def test_another_households_application_is_refused_through_the_services(portal_ready, community_clerk):
    from anju.admission import services
    from anju.archive.services import archive_file_upload

    # given: 张明's online draft and 王建国's draft; 王 tries 张's through the admission and archive services
    zhang = applicant_account("13800000001", "张明")
    zhang_online = online_services.household_save(
        user=zhang, data={"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    wang = applicant_account("13800000002", "王建国")
    _draft(wang)
    target = zhang_online.application
    before = _state(target)
    # when / then
    with pytest.raises(PermissionDenied, match="您只能填写和修改本人的申请。"):
        services.application_update(application=target, acting_user=wang, hukou_road="别处")
    with pytest.raises(PermissionDenied, match="您只能填写和修改本人的申请。"):
        services.dwelling_add(application=target, acting_user=wang, occupancy_status="3", floor_area=Decimal("40"))
    with pytest.raises(PermissionDenied, match="您只能填写和修改本人的申请。"):
        services.application_submit(application=target, acting_user=wang)
    with pytest.raises(PermissionDenied, match="您无权为该记录上传档案。"):
        archive_file_upload(
            owner=target, uploaded_file=_pdf("01"), file_type="01", stage="application", acting_user=wang
        )
    assert _state(target) == before


def test_the_portal_services_act_on_the_signed_in_applicants_own_case_only(portal_ready):
    # given: two applicants with drafts
    zhang = applicant_account("13800000001", "张明")
    zhang_online = online_services.household_save(
        user=zhang, data={"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    wang = applicant_account("13800000002", "王建国")
    wang_online = _draft(wang)
    zhang_member = zhang_online.application.members.get(is_applicant=True)
    before = _state(zhang_online.application)
    # when / then: 王's case cannot reach a row of 张's
    with pytest.raises(ValidationError, match="记录不存在"):
        online_services.part_save(online=wang_online, kind="members", data={"annual_income": 1}, pk=zhang_member.pk)
    with pytest.raises(ValidationError, match="记录不存在"):
        online_services.part_remove(online=wang_online, kind="members", pk=zhang_member.pk)
    assert _state(zhang_online.application) == before


def test_a_submitted_case_is_refused_until_it_is_returned(portal_ready, community_clerk):
    from anju.admission import services
    from anju.admission.services.process import open_task
    from anju.archive.services import archive_file_upload
    from anju.workflow.services import task_complete

    # given: submitted, at 受理
    user = applicant_account()
    online = online_services.online_submit(online=_draft(user, id_number=ZHANG_ID, name="张明"))
    application = Application.objects.get(pk=online.application_id)
    before = _state(application)
    # when / then: the portal says so beside the form …
    with pytest.raises(ValidationError, match="申请处于“受理中”阶段，不能修改。"):
        online_services.part_save(
            online=online, kind="housing", data={"occupancy_status": "3", "floor_area": Decimal("40")}
        )
    with pytest.raises(ValidationError, match="不能再上传材料"):
        online_services.material_upload(online=online, uploaded_file=_pdf("05"), file_type="05")
    # … and admission, the archive and the workflow refuse it themselves
    with pytest.raises(PermissionDenied, match="申请处于“受理中”阶段，申请人不能修改"):
        services.application_update(application=application, acting_user=user, hukou_road="别处")
    with pytest.raises(PermissionDenied, match="申请处于“受理中”阶段，申请人不能修改"):
        services.application_submit(application=application, acting_user=user)
    with pytest.raises(PermissionDenied, match="您无权为该记录上传档案。"):
        archive_file_upload(
            owner=application, uploaded_file=_pdf("05"), file_type="05", stage="application", acting_user=user
        )
    assert _state(application) == before
    # when: the clerk returns it for 补正, the applicant may change it again
    task_complete(
        task=open_task(application, node_code="accept"),
        acting_user=community_clerk,
        opinion="请补充。",
        decision="deny",
    )
    online_services.household_save(user=user, data={"applicant_name": "张明", "hukou_road": "人民中路"})
    online_services.material_upload(online=online, uploaded_file=_pdf("05"), file_type="05")
    online = online_services.online_submit(online=online)
    application.refresh_from_db()
    assert application.hukou_road == "人民中路"
    assert application.status == "accepting"


def test_the_staff_api_and_pages_stay_closed_to_the_applicant(client, portal_ready):
    # given: the applicant's own draft
    user = applicant_account()
    online = _draft(user)
    application = online.application
    before = _state(application)
    count = Application.objects.count()
    api = APIClient()
    api.force_authenticate(user)
    # when / then: create, change, add, submit through the staff API
    created = api.post(
        "/api/v1/households/", {"region_code": BAIBU, "applicant_name": "孙立", "id_number": OTHER_ID}, format="json"
    )
    assert created.status_code == 403
    assert "只有社区经办人可以录入和修改申请" in created.content.decode()
    assert api.patch(f"/api/v1/households/{application.pk}/", {"hukou_road": "别处"}, format="json").status_code == 404
    member = {"name": "刘芳", "relation": "10", "id_number": "341602198702010028"}
    assert api.post(f"/api/v1/households/{application.pk}/members/", member, format="json").status_code == 404
    assert api.post(f"/api/v1/households/{application.pk}/submit/").status_code == 404
    upload = api.post(
        "/api/v1/archive/files/",
        {
            "owner": f"admission.application:{application.pk}",
            "file": _pdf("01"),
            "file_type": "01",
            "stage": "application",
        },
        format="multipart",
    )
    assert upload.status_code in (403, 404)
    # and the staff pages
    client.force_login(user)
    assert client.get(reverse("admission:household_edit", args=[application.pk])).status_code in (403, 404)
    assert client.post(reverse("admission:household_submit", args=[application.pk])).status_code in (403, 404)
    # then: nothing changed, nothing created
    assert Application.objects.count() == count
    assert _state(application) == before


def test_a_clerk_of_another_community_is_still_refused(portal_ready):
    from anju.admission import services
    from conftest import make_user

    # given: an online draft of 白布社区 and the clerk of 北关社区 (涡阳县)
    online = _draft(applicant_account())
    clerk = make_user("clerk_beiguan", "community_clerk", "341621001001", full_name="北关经办")
    before = _state(online.application)
    # when / then
    with pytest.raises(PermissionDenied, match="该社区不在您的管辖范围内。"):
        services.application_update(application=online.application, acting_user=clerk, hukou_road="别处")
    with pytest.raises(PermissionDenied, match="该社区不在您的管辖范围内。"):
        services.application_submit(application=online.application, acting_user=clerk)
    assert _state(online.application) == before
