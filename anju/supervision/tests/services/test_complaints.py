"""Complaints and consultations (A.10.2): the portal's submission, assignment, replies, closing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from anju.audit.models import AuditEvent
from anju.supervision.choices import ComplaintStatus
from anju.supervision.models import Complaint
from anju.supervision.selectors import complaints_for_applicant
from anju.supervision.services import complaint_assign, complaint_close, complaint_reply
from anju.supervision.services.complaints import complaint_submit
from anju.supervision.tests.factories import complaint

pytestmark = pytest.mark.django_db


def test_portal_submission(applicant, dictionaries):
    # when
    item = complaint_submit(
        kind="complaint",
        title="小区公租房被转租",
        content="3 号楼 201 室转租。",
        contact_name="李申请",
        contact_phone="139 1234 5678",
        region_code="341602001001",
        applicant_user=applicant,
    )
    # then
    assert item.number.startswith("TS341602")
    assert item.channel == "04"  # online = 门户网站
    assert item.status == ComplaintStatus.SUBMITTED and item.applicant_user == applicant
    assert item.contact_phone == "13912345678" and item.contact_phone_masked == "139****5678"
    assert AuditEvent.objects.filter(detail__event="SUPERVISION_COMPLAINT_SUBMITTED").count() == 1


def test_submission_validates_in_chinese(dictionaries):
    with pytest.raises(ValidationError) as exc:
        complaint_submit(
            kind="x", title="", content="", contact_name="", contact_phone="123", region_code="999999999999"
        )
    errors = exc.value.message_dict
    assert set(errors) == {"kind", "title", "content", "contact_name", "contact_phone", "region_code"}
    assert errors["title"] == ["请填写标题。"]
    assert not Complaint.objects.exists()


def test_consultation_channel_code(dictionaries, demo_regions):
    item = complaint(kind="consultation", channel="phone")
    assert item.channel == "03" and item.get_kind_display() == "咨询"


def test_assign_reply_close(district_officer, applicant, dictionaries):
    item = complaint(applicant_user=applicant)
    # assign
    complaint_assign(
        complaint=item, assignee=district_officer, department="谯城区住房保障科", acting_user=district_officer
    )
    item.refresh_from_db()
    assert item.status == ComplaintStatus.ASSIGNED and item.assigned_to == district_officer
    # internal note stays internal; public reply moves to 已答复
    complaint_reply(complaint=item, body="已安排实地核查。", is_public=False, acting_user=district_officer)
    item.refresh_from_db()
    assert item.status == ComplaintStatus.ASSIGNED
    complaint_reply(complaint=item, body="经核查情况属实，已责令收回。", acting_user=district_officer)
    item.refresh_from_db()
    assert item.status == ComplaintStatus.REPLIED
    # the complainant sees only the public reply
    mine = list(complaints_for_applicant(applicant))
    assert [c.pk for c in mine] == [item.pk]
    assert [r.body for r in mine[0].public_replies] == ["经核查情况属实，已责令收回。"]
    # close with the handling record
    with pytest.raises(ValidationError) as exc:
        complaint_close(complaint=item, handling_opinion="", acting_user=district_officer)
    assert set(exc.value.message_dict) == {"handling_opinion", "verification_result"}
    complaint_close(
        complaint=item,
        handling_opinion="责令收回，列入信用档案。",
        verification_method="实地核查",
        verification_result="1",
        credit_listed=True,
        acting_user=district_officer,
    )
    item.refresh_from_db()
    assert item.status == ComplaintStatus.CLOSED and item.handled_by == district_officer
    assert (
        item.handled_on == timezone.localdate()
        and item.credit_listed
        and item.handling_department == "谯城区住房保障科"
    )
    with pytest.raises(ValidationError):
        complaint_reply(complaint=item, body="再答复", acting_user=district_officer)


def test_assignee_must_cover_the_complaint(district_officer, other_district_clerk, community_clerk, dictionaries):
    item = complaint()
    with pytest.raises(ValidationError):
        complaint_assign(complaint=item, assignee=other_district_clerk, acting_user=district_officer)
    with pytest.raises(ValidationError):
        complaint_assign(complaint=item, assignee=community_clerk, acting_user=district_officer)


def test_other_district_cannot_handle(other_district_clerk, dictionaries, demo_regions):
    item = complaint()
    with pytest.raises(PermissionDenied):
        complaint_reply(complaint=item, body="答复", acting_user=other_district_clerk)


def test_applicant_sees_only_own(applicant, dictionaries):
    complaint(applicant_user=applicant)
    complaint()
    assert complaints_for_applicant(applicant).count() == 1
    from django.contrib.auth.models import AnonymousUser

    assert complaints_for_applicant(AnonymousUser()).count() == 0
