"""The admission process: submit starts it, the status follows the nodes, materials are required to accept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.choices import ApplicationStatus, ReviewStatus
from anju.admission.models import Application
from anju.admission.services import application_submit, application_update
from anju.admission.services.process import application_instance, open_task
from anju.admission.services.review import review_decide, review_return
from anju.admission.tests.review.steps import upload_materials


def test_submit_starts_the_process_with_the_application_as_business_object(submitted, community_clerk):
    # given a submitted application (fixture)
    # when its process is looked up
    instance = application_instance(submitted)
    # then the instance runs over the application in its community and waits at 受理
    assert instance is not None and instance.business_object == submitted
    assert instance.region_code == submitted.region_code == "341602001001"
    assert open_task(submitted).node_instance.node.code == "accept"
    assert submitted.status == ApplicationStatus.ACCEPTING


def test_submit_twice_is_refused(submitted, community_clerk):
    # when a submitted application is submitted again / then refused and nothing changes
    with pytest.raises(ValidationError, match="不能修改"):
        application_submit(application=submitted, acting_user=community_clerk)
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.ACCEPTING


def test_submit_without_active_process_changes_nothing(with_materials, community_clerk):
    # given the process has no active version
    from anju.workflow.models import ProcessTemplate

    ProcessTemplate.objects.filter(code="public_rental_admission").update(is_active=False)
    # when submitted / then refused and the application stays a draft
    with pytest.raises(ValidationError, match="没有已激活的版本"):
        application_submit(application=with_materials, acting_user=community_clerk)
    application = Application.objects.get(pk=with_materials.pk)
    assert application.status == ApplicationStatus.DRAFT and application.submitted_at is None


def test_accept_requires_mandatory_materials(draft, community_clerk):
    # given an application with only the ID card and hukou book, submitted
    upload_materials(draft, community_clerk, types=("01", "02"))
    application = application_submit(application=draft, acting_user=community_clerk)
    # when the clerk accepts it / then refused, naming the missing materials, and it stays at 受理
    with pytest.raises(ValidationError) as excinfo:
        review_decide(application=application, decision="approve", opinion="", acting_user=community_clerk)
    assert "收入证明" in str(excinfo.value) and "住房证明" in str(excinfo.value) and "户口簿" not in str(excinfo.value)
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.ACCEPTING
    assert open_task(application).node_instance.node.code == "accept"


def _complete_current(application, user, decision="approve"):
    """Complete the open task directly (公示 and 登记 are closed by the publicity and registration services)."""
    from anju.workflow.services import task_complete

    task_complete(task=open_task(application), acting_user=user, opinion="同意", decision=decision)
    return Application.objects.get(pk=application.pk)


def test_status_follows_every_node_to_registration(submitted, community_clerk, street_reviewer, district_officer):
    # given a submitted application with its materials
    seen = []
    # when every node is approved in turn
    for user in (community_clerk, street_reviewer, district_officer):
        seen.append(review_decide(application=submitted, decision="approve", opinion="同意", acting_user=user).status)
    seen.append(_complete_current(submitted, district_officer).status)  # 公示 ends
    seen.append(review_decide(application=submitted, decision="approve", opinion="同意", acting_user=district_officer).status)
    seen.append(_complete_current(submitted, district_officer).status)  # 登记: 准予
    # then the status follows 初审 → 审核 → 公示 → 审批 → 登记 → 准予登记
    assert seen == [
        ApplicationStatus.STREET_REVIEW,
        ApplicationStatus.COUNTY_REVIEW,
        ApplicationStatus.PUBLICITY,
        ApplicationStatus.APPROVAL,
        ApplicationStatus.REGISTERING,
        ApplicationStatus.REGISTERED,
    ]
    application = Application.objects.get(pk=submitted.pk)
    assert application.review_status == ReviewStatus.APPROVED and application.reviewer == district_officer


def test_publicity_and_register_nodes_are_not_decided_here(at_county, district_officer):
    # given the application at 公示
    review_decide(application=at_county, decision="approve", opinion="同意", acting_user=district_officer)
    # when a reviewer tries to decide it on the review page / then refused with the reason
    with pytest.raises(ValidationError, match="正在公示"):
        review_decide(application=at_county, decision="approve", opinion="", acting_user=district_officer)
    assert Application.objects.get(pk=at_county.pk).status == ApplicationStatus.PUBLICITY


def test_deny_at_register_ends_as_not_registered(at_county, district_officer):
    # given an application at 审核; approved through 公示 and 审批
    review_decide(application=at_county, decision="approve", opinion="同意", acting_user=district_officer)
    _complete_current(at_county, district_officer)
    review_decide(application=at_county, decision="approve", opinion="同意", acting_user=district_officer)
    # when 登记 is denied
    application = _complete_current(at_county, district_officer, decision="deny")
    # then 不予登记
    assert application.status == ApplicationStatus.DENIED and application.review_status == ReviewStatus.REJECTED


def test_deny_goes_to_correction_and_resubmission_returns_to_accept(submitted, community_clerk, street_reviewer):
    # given the application at 初审
    review_decide(application=submitted, decision="approve", opinion="", acting_user=community_clerk)
    # when the street reviewer denies it
    application = review_decide(application=submitted, decision="deny", opinion="缺少收入证明原件", acting_user=street_reviewer)
    # then it is back with the clerk for correction (已退回, editable)
    assert application.status == ApplicationStatus.RETURNED and application.is_editable
    application_update(application=application, acting_user=community_clerk, hukou_road="新华路")
    # when the clerk re-submits
    application = application_submit(application=application, acting_user=community_clerk)
    # then the same instance waits at 受理 again
    assert application.status == ApplicationStatus.ACCEPTING
    assert open_task(application).node_instance.node.code == "accept"
    assert application_instance(application).node_instances.filter(node__code="correct").count() == 1


def test_return_sends_back_to_previous_node(at_county, district_officer):
    # when the district officer returns the application
    application = review_return(application=at_county, opinion="请街道补充入户调查", acting_user=district_officer)
    # then it is at 初审 again
    assert application.status == ApplicationStatus.STREET_REVIEW


def test_review_by_wrong_level_is_refused(submitted, district_officer):
    # when a district officer tries to act at 受理 (community level) / then refused, nothing changes
    with pytest.raises(PermissionDenied, match="不是该待办的办理人"):
        review_decide(application=submitted, decision="approve", opinion="", acting_user=district_officer)
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.ACCEPTING


def test_status_changes_are_audited(submitted, community_clerk):
    # when the clerk accepts
    from anju.audit.models import AuditEvent

    before = AuditEvent.objects.count()
    review_decide(application=submitted, decision="approve", opinion="", acting_user=community_clerk)
    # then audit events record the status change
    details = list(AuditEvent.objects.order_by("id")[before:].values_list("detail", flat=True))
    assert any(d.get("status") == ApplicationStatus.STREET_REVIEW for d in details)
