"""核查: assignment to a partner department, the partner's answer with files, the conclusion and report."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from anju.admission.models import Verification, VerificationReport, VerificationStatus
from anju.admission.selectors_process import verification_list
from anju.admission.services.verification import verification_answer, verification_assign, verification_conclude
from anju.admission.tests.review.steps import pdf


@pytest.fixture
def assigned(at_county, district_officer, partner_org, partner_user):
    """An income check assigned to the civil affairs bureau."""
    return verification_assign(
        application=at_county, kind="income", acting_user=district_officer, assignee_organisation=partner_org,
        request_note="请核查家庭成员 2025 年收入", due_date=timezone.localdate() + timedelta(days=5),
    )  # fmt: skip


def test_assign_numbers_and_notifies_partner(assigned, partner_user):
    # then the request is numbered HC…, waits for an answer and the partner user is notified
    from anju.workflow.models import Notification

    assert assigned.number.startswith("HC341602") and assigned.status == VerificationStatus.ASSIGNED
    assert Notification.objects.filter(user=partner_user, title__contains=assigned.application.number).exists()


def test_assign_refused_before_review(submitted, district_officer, partner_org):
    # when assigned while the application is at 受理 / then refused, nothing written
    with pytest.raises(ValidationError, match="不能办理核查"):
        verification_assign(application=submitted, kind="income", acting_user=district_officer, assignee_organisation=partner_org)
    assert Verification.objects.count() == 0


def test_assign_refused_for_wrong_role_or_missing_assignee(at_county, community_clerk, district_officer, partner_org):
    # when a clerk assigns / then refused
    with pytest.raises(PermissionDenied):
        verification_assign(application=at_county, kind="income", acting_user=community_clerk, assignee_organisation=partner_org)
    # when no assignee is given / then a field error
    with pytest.raises(ValidationError) as excinfo:
        verification_assign(application=at_county, kind="income", acting_user=district_officer)
    assert "assignee_organisation" in excinfo.value.message_dict
    assert Verification.objects.count() == 0


def test_assign_refused_outside_jurisdiction(at_county, other_district_clerk, partner_org):
    # when the 涡阳县 officer assigns for a 谯城区 application / then refused
    with pytest.raises(PermissionDenied):
        verification_assign(application=at_county, kind="income", acting_user=other_district_clerk, assignee_organisation=partner_org)


def test_assign_refuses_non_partner_organisation(at_county, district_officer):
    # given a district bureau (not a 协同部门)
    from anju.accounts.models import Organisation

    bureau = Organisation.objects.create(code="QC-X", name="谯城区住建局", kind="district_bureau", region_code="341602000000")
    # when assigned to it / then refused
    with pytest.raises(ValidationError, match="协同部门"):
        verification_assign(application=at_county, kind="assets", acting_user=district_officer, assignee_organisation=bureau)


def test_partner_sees_only_own_requests(assigned, partner_user, other_partner):
    # then the assigned department's user sees it and another department's user does not
    assert list(verification_list(user=partner_user)) == [assigned]
    assert list(verification_list(user=other_partner)) == []


def test_partner_answers_with_files(assigned, partner_user):
    # when the partner answers with a proof file
    from anju.archive.selectors import archive_files_for

    answered = verification_answer(
        verification=assigned, result="1", result_detail="收入属实，月均 2,000 元", acting_user=partner_user,
        attachments=[pdf("收入核查回函.pdf")],
    )  # fmt: skip
    # then the answer is stored with the file in the e-archive of the request
    assert answered.status == VerificationStatus.ANSWERED and answered.answered_by == partner_user
    assert [f.original_name for f in archive_files_for(user=partner_user, owner=answered)] == ["收入核查回函.pdf"]


def test_other_partner_cannot_answer(assigned, other_partner):
    # when another department answers / then refused and nothing changes
    with pytest.raises(PermissionDenied):
        verification_answer(verification=assigned, result="1", result_detail="x", acting_user=other_partner)
    assert Verification.objects.get(pk=assigned.pk).status == VerificationStatus.ASSIGNED


def test_answer_requires_result_and_note(assigned, partner_user):
    # when answered without a result / then field errors, nothing changes
    with pytest.raises(ValidationError) as excinfo:
        verification_answer(verification=assigned, result="", result_detail="", acting_user=partner_user)
    assert {"result", "result_detail"} <= set(excinfo.value.message_dict)
    assert Verification.objects.get(pk=assigned.pk).status == VerificationStatus.ASSIGNED


def test_conclusion_waits_for_answers_then_reports(assigned, district_officer, partner_user):
    # when concluding before the answer / then refused naming the open request
    with pytest.raises(ValidationError, match=assigned.number):
        verification_conclude(application=assigned.application, conclusion="eligible", opinion="符合", acting_user=district_officer)
    assert VerificationReport.objects.count() == 0
    # when answered and concluded
    verification_answer(verification=assigned, result="1", result_detail="属实", acting_user=partner_user)
    report = verification_conclude(
        application=assigned.application, conclusion="eligible", opinion="经核查收入属实，符合条件", acting_user=district_officer
    )
    # then a numbered report with the conclusion
    assert report.number.startswith("HC") and report.get_conclusion_display() == "符合准入条件"
