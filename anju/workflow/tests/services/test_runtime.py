"""The engine: start, inbox, claim, complete, return, reject, transfer, hooks, history, audit."""

import pytest
from django.core.exceptions import PermissionDenied

from anju.workflow import hooks
from anju.workflow.choices import InstanceState, NodeInstanceState, TaskActionKind, TaskState
from anju.workflow.errors import TaskConflictError, WorkflowError
from anju.workflow.selectors import task_inbox
from anju.workflow.services import (
    instance_start,
    task_claim,
    task_complete,
    task_reject,
    task_return,
    task_transfer,
    template_import,
)
from anju.workflow.tests.factories import linear_definition

pytestmark = pytest.mark.django_db


def _open_task(instance):
    return instance.tasks.get(state__in=[TaskState.OPEN, TaskState.CLAIMED])


def _current_node_code(instance):
    return _open_task(instance).node_instance.node.code


def test_start_creates_task_in_inbox_of_community_clerk_only(linear_template, record, community_clerk, street_reviewer, other_district_clerk):
    # when
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    # then
    assert instance.state == InstanceState.RUNNING
    assert instance.template_version == 1 and instance.region_code == "341602001001"
    task = _open_task(instance)
    assert task.node_instance.node.code == "accept"
    assert list(task_inbox(user=community_clerk)) == [task]
    assert list(task_inbox(user=street_reviewer)) == []  # wrong role
    assert list(task_inbox(user=other_district_clerk)) == []  # other district
    path = list(instance.node_instances.order_by("sequence").values_list("node__code", "state"))
    assert path == [("start", NodeInstanceState.COMPLETED), ("accept", NodeInstanceState.ACTIVE)]


def test_start_outside_jurisdiction_is_refused(linear_template, other_record, community_clerk):
    # when / then
    with pytest.raises(PermissionDenied):
        instance_start(template="linear", business_object=other_record, acting_user=community_clerk)


def test_second_running_instance_for_same_record_is_refused(linear_template, record, community_clerk):
    # given
    instance_start(template="linear", business_object=record, acting_user=community_clerk)
    # when / then
    with pytest.raises(WorkflowError, match="已有办理中的"):
        instance_start(template="linear", business_object=record, acting_user=community_clerk)


def test_level_filters_candidates(linear_template, record, community_clerk, demo_regions):
    # given a community clerk registered at street level is not a community-level handler
    from conftest import make_user

    street_level_clerk = make_user("clerk_street", "community_clerk", "341602001000")
    # when
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    # then
    assert task_inbox(user=street_level_clerk).count() == 0
    assert task_inbox(user=community_clerk).filter(instance=instance).exists()


def test_complete_moves_through_three_users_to_end(linear_template, record, community_clerk, street_reviewer, district_officer):
    # given
    completed = []
    hooks.register_hooks("linear", on_node_entered=lambda i, n: completed.append(("enter", n.code)),
                         on_completed=lambda i, outcome: completed.append(("done", outcome)))
    try:
        instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
        # when
        task_complete(task=_open_task(instance), acting_user=community_clerk, opinion="材料齐全")
        assert _current_node_code(instance) == "review"
        assert task_inbox(user=street_reviewer).count() == 1
        task_complete(task=_open_task(instance), acting_user=street_reviewer, opinion="初审通过")
        task_complete(task=_open_task(instance), acting_user=district_officer, opinion="同意")
    finally:
        hooks.unregister_hooks("linear")
    # then
    instance.refresh_from_db()
    assert instance.state == InstanceState.COMPLETED and instance.outcome == "approved"
    assert instance.finished_at is not None
    assert completed == [("enter", "start"), ("enter", "accept"), ("enter", "review"), ("enter", "approve"), ("done", "approved")]
    kinds = list(instance.actions.values_list("kind", "user__username", "opinion"))
    assert kinds[0] == (TaskActionKind.START, "clerk_baibu", "")
    assert (TaskActionKind.COMPLETE, "reviewer_huaxilou", "初审通过") in kinds
    assert kinds[-1][0] == TaskActionKind.END


def test_each_step_writes_audit_events(linear_template, record, community_clerk):
    # given
    from anju.audit.models import AuditEvent

    before = AuditEvent.objects.count()
    # when
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task_complete(task=_open_task(instance), acting_user=community_clerk, opinion="好")
    # then
    actions = list(AuditEvent.objects.order_by("sequence").values_list("action", flat=True)[before:])
    assert actions.count("WORKFLOW_INSTANCE_STARTED") == 1
    assert actions.count("WORKFLOW_TASK_COMPLETED") == 1
    assert actions.count("WORKFLOW_NODE_ENTERED") == 3  # start, accept, review


def test_deny_takes_lower_priority_transition(linear_template, record, community_clerk, street_reviewer, district_officer):
    # given
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task_complete(task=_open_task(instance), acting_user=community_clerk)
    task_complete(task=_open_task(instance), acting_user=street_reviewer)
    # when
    task_complete(task=_open_task(instance), acting_user=district_officer, decision="deny", opinion="收入超标")
    # then
    instance.refresh_from_db()
    assert instance.outcome == "denied"
    assert instance.node_instances.order_by("-sequence").first().node.code == "end_denied"


def test_deny_without_opinion_is_refused(linear_template, record, community_clerk):
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    with pytest.raises(WorkflowError, match="须填写审核意见"):
        task_complete(task=_open_task(instance), acting_user=community_clerk, decision="deny")


def test_first_true_transition_by_priority_wins(record, community_clerk, district_officer):
    # given two transitions out of accept, both true; the lower number wins
    data = linear_definition(code="prio")
    data["transitions"][1] = {"code": "t2", "source": "accept", "target": "review", "priority": 20, "condition": "True"}
    data["transitions"].append({"code": "t2b", "source": "accept", "target": "approve", "priority": 5, "condition": 'name == "白布社区居委会"'})
    data["nodes"][2]["is_required"] = False
    template_import(data=data, acting_user=None, activate=True)
    instance = instance_start(template="prio", business_object=record, acting_user=community_clerk)
    # when
    task_complete(task=_open_task(instance), acting_user=community_clerk)
    # then the condition over the business record's data chose the shortcut
    assert _current_node_code(instance) == "approve"


def test_no_true_transition_is_an_error_and_rolls_back(record, community_clerk):
    # given
    data = linear_definition(code="stuck")
    data["transitions"][1]["condition"] = "False"
    template_import(data=data, acting_user=None, activate=True)
    instance = instance_start(template="stuck", business_object=record, acting_user=community_clerk)
    task = _open_task(instance)
    # when
    with pytest.raises(WorkflowError, match="没有满足条件的后续节点"):
        task_complete(task=task, acting_user=community_clerk)
    # then nothing changed
    task.refresh_from_db()
    assert task.state == TaskState.OPEN


def test_claim_hides_task_from_other_candidates(linear_template, record, community_clerk, demo_regions):
    # given
    from conftest import make_user

    colleague = make_user("clerk_baibu2", "community_clerk", "341602001001")
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task = _open_task(instance)
    # when
    task_claim(task=task, acting_user=colleague)
    # then
    assert task_inbox(user=community_clerk).count() == 0
    assert task_inbox(user=colleague).count() == 1
    with pytest.raises(TaskConflictError, match="已由 clerk_baibu2 认领"):
        task_complete(task=task, acting_user=community_clerk)


def test_completing_a_completed_task_names_the_handler(linear_template, record, community_clerk):
    # given
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task = _open_task(instance)
    stale_version = task.lock_version
    task_complete(task=task, acting_user=community_clerk)
    # when / then
    with pytest.raises(TaskConflictError, match="该待办已由 王社区 办理"):
        task_complete(task=task, acting_user=community_clerk, expected_version=stale_version)


def test_return_to_earlier_node_and_proceed_again(linear_template, record, community_clerk, street_reviewer):
    # given
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task_complete(task=_open_task(instance), acting_user=community_clerk)
    # when
    entered = task_return(task=_open_task(instance), acting_user=street_reviewer, opinion="缺收入证明")
    # then
    assert entered.node.code == "accept"
    assert _current_node_code(instance) == "accept"
    returned = instance.node_instances.get(node__code="review")
    assert returned.state == NodeInstanceState.RETURNED
    assert entered.previous == returned
    from anju.workflow.models import Notification

    assert Notification.objects.filter(user=community_clerk, title__startswith="退回").exists()
    # and the clerk can submit again
    task_complete(task=_open_task(instance), acting_user=community_clerk, opinion="已补充")
    assert _current_node_code(instance) == "review"


def test_return_from_first_task_node_is_refused(linear_template, record, community_clerk):
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    with pytest.raises(WorkflowError, match="没有可退回"):
        task_return(task=_open_task(instance), acting_user=community_clerk, opinion="退")


def test_reject_ends_instance(linear_template, record, community_clerk, street_reviewer):
    # given
    outcomes = []
    hooks.register_hooks("linear", on_completed=lambda i, outcome: outcomes.append(outcome))
    try:
        instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
        task_complete(task=_open_task(instance), acting_user=community_clerk)
        # when
        task_reject(task=_open_task(instance), acting_user=street_reviewer, opinion="不符合条件")
    finally:
        hooks.unregister_hooks("linear")
    # then
    instance.refresh_from_db()
    assert instance.state == InstanceState.REJECTED and outcomes == ["rejected"]
    assert not instance.tasks.filter(state__in=[TaskState.OPEN, TaskState.CLAIMED]).exists()
    with pytest.raises(TaskConflictError):
        task_complete(task=instance.tasks.get(node_instance__node__code="review"), acting_user=street_reviewer)


def test_transfer_to_colleague(linear_template, record, community_clerk, demo_regions):
    # given
    from conftest import make_user

    colleague = make_user("clerk_baibu3", "community_clerk", "341602001001")
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task = _open_task(instance)
    # when
    task_transfer(task=task, acting_user=community_clerk, to_user=colleague, opinion="请假")
    # then
    task.refresh_from_db()
    assert task.assignee == colleague
    assert task_inbox(user=community_clerk).count() == 0
    assert instance.actions.filter(kind=TaskActionKind.TRANSFER, detail__to_user=colleague.pk).exists()


def test_transfer_to_non_candidate_is_refused(linear_template, record, community_clerk, street_reviewer):
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    with pytest.raises(WorkflowError, match="转办对象"):
        task_transfer(task=_open_task(instance), acting_user=community_clerk, to_user=street_reviewer)


def test_non_candidate_cannot_complete(linear_template, record, community_clerk, street_reviewer):
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    with pytest.raises(PermissionDenied):
        task_complete(task=_open_task(instance), acting_user=street_reviewer)


def test_countersign_waits_for_all_participants(record, community_clerk, street_reviewer, district_officer):
    # given a countersign node for street and district
    data = linear_definition(code="cs")
    data["nodes"][2] = {"code": "review", "name": "会签", "node_type": "countersign", "is_required": True,
                        "participants": [{"role_code": "street_reviewer"}, {"role_code": "district_officer"}]}
    template_import(data=data, acting_user=None, activate=True)
    instance = instance_start(template="cs", business_object=record, acting_user=community_clerk)
    task_complete(task=_open_task(instance), acting_user=community_clerk)
    tasks = list(instance.tasks.filter(state=TaskState.OPEN))
    assert len(tasks) == 2
    # when the first participant acts
    task_complete(task=task_inbox(user=street_reviewer).get(), acting_user=street_reviewer)
    # then the node still waits
    assert instance.node_instances.get(node__code="review").state == NodeInstanceState.ACTIVE
    # when the second acts
    task_complete(task=task_inbox(user=district_officer).get(instance=instance), acting_user=district_officer)
    # then the instance moves on
    assert instance.node_instances.get(node__code="review").state == NodeInstanceState.COMPLETED
    assert _current_node_code(instance) == "approve"


def test_new_version_isolates_running_instances(linear_template, record, other_record, community_clerk, street_reviewer, demo_regions):
    # given an instance on version 1
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    # when version 2 drops the street review and is activated
    data = linear_definition()
    data["nodes"] = [n for n in data["nodes"] if n["code"] != "review"]
    data["transitions"] = [t for t in data["transitions"] if t["code"] != "t3"]
    data["transitions"][1]["target"] = "approve"
    v2 = template_import(data=data, acting_user=None, activate=True)
    task_complete(task=_open_task(instance), acting_user=community_clerk)
    # then the running instance still goes to the street review of version 1
    assert v2.version == 2
    assert _current_node_code(instance) == "review"
    assert _open_task(instance).node_instance.node.template_id == linear_template.pk
    # and a new instance runs on version 2
    from conftest import make_user

    guoyang_clerk = make_user("clerk_beiguan", "community_clerk", "341621001001")
    new = instance_start(template="linear", business_object=other_record, acting_user=guoyang_clerk)
    assert new.template_version == 2
    task_complete(task=_open_task(new), acting_user=guoyang_clerk)
    assert _current_node_code(new) == "approve"


def test_initiator_participant_gets_task_directly(admission_template, record, community_clerk, street_reviewer):
    # given the admission process: street review sends back to the applicant's correction node
    instance = instance_start(template="public_rental_admission", business_object=record, acting_user=community_clerk)
    task_complete(task=_open_task(instance), acting_user=community_clerk, opinion="受理")
    # when
    task_complete(task=_open_task(instance), acting_user=street_reviewer, decision="deny", opinion="请补充收入证明")
    # then
    task = _open_task(instance)
    assert task.node_instance.node.code == "correct"
    assert task.assignee == community_clerk


def test_attachments_are_archived_on_the_node_instance(linear_template, record, community_clerk):
    # given
    from django.core.files.uploadedfile import SimpleUploadedFile

    from anju.archive.models import ArchiveFile

    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task = _open_task(instance)
    upload = SimpleUploadedFile("核查.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf")
    # when
    task_complete(task=task, acting_user=community_clerk, opinion="见附件", attachments=[upload])
    # then
    file = ArchiveFile.objects.get()
    assert file.owner == task.node_instance
    assert file.region_code == "341602001001"
