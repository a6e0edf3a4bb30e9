"""The engine: start instances and move them by the actions of the handlers (A.3.6, A.3.7).

Every action locks rows in one order (instance, then task) with `select_for_update(of=("self",))` and then
compares-and-sets the task's `lock_version`, so of two users completing one task at the same
moment exactly one succeeds and the other gets `TaskConflictError` naming who handled it (on
SQLite, where row locks do not exist, the compare-and-set alone decides). Each step writes
node instances, a `TaskAction` row and an audit event, and calls the owning app's hooks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from anju.workflow import hooks
from anju.workflow.choices import (
    OPEN_TASK_STATES,
    Decision,
    InstanceState,
    NodeInstanceState,
    NodeType,
    Outcome,
    ParticipantType,
    TaskActionKind,
    TaskState,
)
from anju.workflow.errors import TaskConflictError, WorkflowError, WorkflowErrorCode
from anju.workflow.events import WorkflowEvent, audit
from anju.workflow.models import NodeInstance, NodeTemplate, ProcessInstance, ProcessTemplate, Task, TaskAction
from anju.workflow.permissions import is_candidate, may_act_on, may_start
from anju.workflow.services.conditions import condition_evaluate, instance_names
from anju.workflow.services.deadlines import deadline_for

NUMBER_KIND = "workflow_instance"
MAX_AUTOMATIC_STEPS = 50
TASK_NODE_TYPES = (NodeType.TASK, NodeType.COUNTERSIGN)


# ---------------------------------------------------------------------------------------------
# helpers


def _next_number(region_code: str) -> str:
    """流程实例编号: LC + county code + year + 6-digit sequence, under a row lock."""
    from anju.core.models import BusinessSequence

    county = (region_code or "000000")[:6]
    year = timezone.localdate().year
    BusinessSequence.objects.get_or_create(kind=NUMBER_KIND, region_code=county, year=year)
    sequence = BusinessSequence.objects.select_for_update(of=("self",)).get(kind=NUMBER_KIND, region_code=county, year=year)
    BusinessSequence.objects.filter(pk=sequence.pk).update(last_value=F("last_value") + 1)
    sequence.refresh_from_db(fields=["last_value"])
    return f"LC{county}{year}{sequence.last_value:06d}"


def _log(instance: ProcessInstance, kind: str, *, user: Any = None, node_instance: NodeInstance | None = None,
         task: Task | None = None, decision: str = "", opinion: str = "", detail: dict | None = None) -> TaskAction:  # fmt: skip
    return TaskAction.objects.create(
        instance=instance,
        node_instance=node_instance,
        task=task,
        kind=kind,
        user=user if getattr(user, "pk", None) else None,
        decision=decision,
        opinion=opinion,
        detail=detail or {},
    )


def _bump(instance: ProcessInstance) -> None:
    ProcessInstance.objects.filter(pk=instance.pk).update(lock_version=F("lock_version") + 1)
    instance.lock_version += 1


def _user_name(user: Any) -> str:
    return str(user) if user is not None else "他人"


def _lock_instance(instance_id: int) -> ProcessInstance:
    return ProcessInstance.objects.select_for_update(of=("self",)).select_related("template").get(pk=instance_id)


def _check_running(instance: ProcessInstance) -> None:
    if instance.state != InstanceState.RUNNING:
        raise WorkflowError(
            f"流程 {instance.number} 已{instance.get_state_display()}，不能再办理。",
            code=WorkflowErrorCode.INSTANCE_NOT_RUNNING,
        )


def _lock_task(task_id: int, user: Any, expected_version: int | None) -> tuple[ProcessInstance, Task]:
    """Lock the instance then the task; raise if the task is no longer this user's to handle."""
    instance_id = Task.objects.values_list("instance_id", flat=True).get(pk=task_id)
    instance = _lock_instance(instance_id)
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer joins (completed_by, assignee).
    task = Task.objects.select_for_update(of=("self",)).select_related("node_instance__node", "completed_by", "assignee").get(pk=task_id)
    task.instance = instance
    if not task.is_open:
        raise TaskConflictError(
            f"该待办已由 {_user_name(task.completed_by)} 办理（{task.get_action_display() or task.get_state_display()}），无需重复办理。"
        )
    if expected_version is not None and task.lock_version != expected_version:
        holder = f"，当前由 {task.assignee} 认领" if task.assignee_id else ""
        raise TaskConflictError(f"该待办已被他人更新{holder}，请刷新后重试。")
    if task.assignee_id and task.assignee_id != getattr(user, "pk", None):
        raise TaskConflictError(f"该待办已由 {task.assignee} 认领，不能办理。", code=WorkflowErrorCode.TASK_CLAIMED_BY_OTHER)
    if not may_act_on(user, task):
        raise PermissionDenied("您不是该待办的办理人。")
    _check_running(instance)
    return instance, task


def _finish_task(task: Task, *, user: Any, action: str, state: str = TaskState.COMPLETED, decision: str = "",
                 opinion: str = "", form_data: dict | None = None) -> None:  # fmt: skip
    """Compare-and-set the task from open to `state`; TaskConflictError if someone got there first."""
    now = timezone.now()
    updated = Task.objects.filter(pk=task.pk, lock_version=task.lock_version, state__in=OPEN_TASK_STATES).update(
        state=state,
        action=action,
        decision=decision,
        opinion=opinion,
        form_data=form_data or {},
        completed_at=now,
        completed_by=user,
        assignee=user,
        lock_version=F("lock_version") + 1,
    )
    if updated != 1:
        current = Task.objects.select_related("completed_by").get(pk=task.pk)
        raise TaskConflictError(f"该待办已由 {_user_name(current.completed_by)} 办理，无需重复办理。")
    task.refresh_from_db()


def _cancel_open_tasks(node_instance: NodeInstance, *, except_task: Task | None = None) -> None:
    queryset = node_instance.tasks.filter(state__in=OPEN_TASK_STATES)
    if except_task is not None:
        queryset = queryset.exclude(pk=except_task.pk)
    queryset.update(state=TaskState.CANCELLED, completed_at=timezone.now(), lock_version=F("lock_version") + 1)


def _close_node_instance(node_instance: NodeInstance, state: str, decision: str = "") -> None:
    node_instance.state = state
    node_instance.finished_at = timezone.now()
    node_instance.decision = decision
    node_instance.save(update_fields=["state", "finished_at", "decision"])


def _create_tasks(instance: ProcessInstance, node_instance: NodeInstance, node: NodeTemplate) -> list[Task]:
    """One task (task node) or one per participant (countersign); initiator participants get it directly."""
    participants = list(node.participants.all())
    deadline = deadline_for(node, node_instance.created_at)
    node_instance.deadline = deadline
    node_instance.save(update_fields=["deadline"])
    title = f"{node.name}：{instance.name}"
    base = {
        "node_instance": node_instance,
        "instance": instance,
        "title": title[:200],
        "region_code": instance.region_code,
        "level": node.level,
        "deadline": deadline,
        "created_at": node_instance.created_at,
    }
    groups: list[list[Any]] = [[p] for p in participants] if node.node_type == NodeType.COUNTERSIGN else [participants]
    tasks = []
    for group in groups:
        roles = sorted({p.role_code for p in group if p.role_type == ParticipantType.ROLE and p.role_code})
        initiator = any(p.role_type == ParticipantType.INITIATOR for p in group)
        assignee = instance.started_by if initiator and not roles else None
        tasks.append(
            Task.objects.create(**base, roles=(",".join(["", *roles, ""]) if roles else ""), assignee=assignee)
        )
    return tasks


def _completed_required(instance: ProcessInstance) -> set[int]:
    return set(
        instance.node_instances.filter(state=NodeInstanceState.COMPLETED, node__is_required=True).values_list(
            "node_id", flat=True
        )
    )


def _enter(instance: ProcessInstance, node: NodeTemplate, *, previous: NodeInstance | None, via: Any,
           user: Any, decision: str = "", depth: int = 0) -> NodeInstance:  # fmt: skip
    """Create the node instance of `node` and do what the node type asks."""
    if depth > MAX_AUTOMATIC_STEPS:
        raise WorkflowError("自动节点形成循环，流程无法继续。", code=WorkflowErrorCode.NO_ROUTE)
    names = instance_names(instance, decision=decision)
    if node.precondition and not condition_evaluate(node.precondition, names):
        raise WorkflowError(
            f"不满足节点“{node.name}”的前置条件：{node.precondition}", code=WorkflowErrorCode.PRECONDITION_FAILED
        )
    sequence = instance.node_instances.count() + 1
    node_instance = NodeInstance.objects.create(
        instance=instance,
        number=f"{instance.number}-{sequence:03d}",
        previous=previous,
        node=node,
        name=node.name,
        node_type=node.node_type,
        precondition=node.precondition,
        postcondition=node.postcondition,
        priority=instance.priority,
        description=node.description,
        region_code=instance.region_code,
        via_transition=via,
        sequence=sequence,
    )
    audit(WorkflowEvent.NODE_ENTERED, user=user, obj=instance, detail={"node": node.code, "node_instance": node_instance.number})
    if node.node_type == NodeType.END:
        _finish_at_end(instance, node_instance, node, user=user, names=names)
        return node_instance
    hooks.fire_node_entered(instance, node)
    if node.node_type in TASK_NODE_TYPES:
        _create_tasks(instance, node_instance, node)
        return node_instance
    # start and automatic nodes pass straight through
    _close_node_instance(node_instance, NodeInstanceState.COMPLETED)
    if node.node_type == NodeType.AUTOMATIC:
        _log(instance, TaskActionKind.AUTO, node_instance=node_instance)
    _advance(instance, node_instance, user=user, decision=decision, depth=depth + 1)
    return node_instance


def _finish_at_end(instance: ProcessInstance, node_instance: NodeInstance, node: NodeTemplate, *, user: Any, names: dict) -> None:
    """Check required nodes and the postcondition, then close the instance and call on_completed."""
    required = set(instance.template.nodes.filter(is_required=True).values_list("id", flat=True))
    missing = required - _completed_required(instance)
    if missing:
        labels = "、".join(NodeTemplate.objects.filter(pk__in=missing).values_list("name", flat=True))
        raise WorkflowError(f"流程未经过必经节点（{labels}），不能办结。", code=WorkflowErrorCode.REQUIRED_NODE_SKIPPED)
    if instance.postcondition and not condition_evaluate(instance.postcondition, names):
        raise WorkflowError(f"不满足流程后置条件：{instance.postcondition}", code=WorkflowErrorCode.POSTCONDITION_FAILED)
    _close_node_instance(node_instance, NodeInstanceState.COMPLETED)
    outcome = (node.extra or {}).get("outcome") or Outcome.COMPLETED
    _end_instance(instance, state=InstanceState.COMPLETED, outcome=outcome, user=user, node_instance=node_instance)


def _end_instance(instance: ProcessInstance, *, state: str, outcome: str, user: Any, node_instance: NodeInstance | None) -> None:
    instance.state = state
    instance.outcome = outcome
    instance.finished_at = timezone.now()
    instance.save(update_fields=["state", "outcome", "finished_at"])
    _log(instance, TaskActionKind.END, user=user, node_instance=node_instance, detail={"outcome": outcome})
    audit(WorkflowEvent.INSTANCE_FINISHED, user=user, obj=instance, detail={"state": state, "outcome": outcome})
    hooks.fire_completed(instance, outcome)


def _advance(instance: ProcessInstance, node_instance: NodeInstance, *, user: Any, decision: str, depth: int = 0) -> NodeInstance:
    """Follow the first transition (by priority) whose condition holds."""
    names = instance_names(instance, decision=decision)
    transitions = node_instance.node.outgoing.select_related("target").order_by("priority", "id")
    for transition in transitions:
        if condition_evaluate(transition.condition, names):
            return _enter(instance, transition.target, previous=node_instance, via=transition, user=user,
                          decision=decision, depth=depth)  # fmt: skip
    raise WorkflowError(
        f"节点“{node_instance.name}”没有满足条件的后续节点（决定：{Decision(decision).label if decision in Decision.values else '无'}）。",
        code=WorkflowErrorCode.NO_ROUTE,
    )


def _business_region(obj: models.Model) -> str:
    return str(getattr(obj, "region_code", "") or "")


# ---------------------------------------------------------------------------------------------
# services


def active_template(code: str) -> ProcessTemplate:
    """The active version of a process code."""
    template = ProcessTemplate.objects.filter(code=code, is_active=True).first()
    if template is None:
        raise WorkflowError(f"流程“{code}”没有已激活的版本。", code=WorkflowErrorCode.TEMPLATE_INACTIVE)
    return template


def instance_start(*, template: ProcessTemplate | str, business_object: models.Model, acting_user: Any,
                   name: str = "", description: str = "", priority: int | None = None,
                   variables: dict[str, Any] | None = None) -> ProcessInstance:  # fmt: skip
    """Start an instance of the active template version over a business record."""
    if isinstance(template, str):
        template = active_template(template)
    if not template.is_active:
        raise WorkflowError(f"流程模板“{template}”未激活，不能发起。", code=WorkflowErrorCode.TEMPLATE_INACTIVE)
    region_code = _business_region(business_object)
    if len(region_code) != 12:
        raise WorkflowError("业务记录没有有效的行政区划代码，不能发起流程。", code=WorkflowErrorCode.NO_REGION)
    if acting_user is not None and not may_start(acting_user, business_object, region_code):
        raise PermissionDenied("该业务记录不在您的管辖范围内。")
    content_type = ContentType.objects.get_for_model(business_object, for_concrete_model=False)
    with transaction.atomic():
        running = ProcessInstance.objects.select_for_update(of=("self",)).filter(
            content_type=content_type, object_id=str(business_object.pk), template__code=template.code, state=InstanceState.RUNNING
        )
        if running.exists():
            raise WorkflowError(f"该业务记录已有办理中的“{template.name}”流程。", code=WorkflowErrorCode.ALREADY_RUNNING)
        instance = ProcessInstance(
            number=_next_number(region_code),
            template=template,
            template_name=template.name,
            template_version=template.version,
            name=(name or f"{template.name}：{business_object}")[:200],
            description=description,
            category=template.category,
            precondition=template.precondition,
            postcondition=template.postcondition,
            content_type=content_type,
            object_id=str(business_object.pk),
            business_label=str(business_object)[:200],
            region_code=region_code,
            started_by=acting_user if getattr(acting_user, "pk", None) else None,
            variables=dict(variables or {}),
            **({"priority": priority} if priority else {}),
        )
        instance.full_clean()
        if instance.precondition and not condition_evaluate(instance.precondition, instance_names(instance)):
            raise WorkflowError(f"不满足流程前置条件：{instance.precondition}", code=WorkflowErrorCode.PRECONDITION_FAILED)
        instance.save()
        _log(instance, TaskActionKind.START, user=acting_user)
        audit(WorkflowEvent.INSTANCE_STARTED, user=acting_user, obj=instance,
              detail={"template": template.code, "version": template.version, "object": f"{content_type.model}:{business_object.pk}"})  # fmt: skip
        start = template.start_node or template.nodes.get(node_type=NodeType.START)
        _enter(instance, start, previous=None, via=None, user=acting_user)
    return instance


def task_claim(*, task: Task, acting_user: Any, expected_version: int | None = None) -> Task:
    """Take an unassigned task: it leaves the other candidates' inboxes."""
    with transaction.atomic():
        instance, locked = _lock_task(task.pk, acting_user, expected_version)
        if locked.assignee_id == acting_user.pk:
            return locked
        updated = Task.objects.filter(pk=locked.pk, lock_version=locked.lock_version, assignee__isnull=True).update(
            assignee=acting_user, state=TaskState.CLAIMED, claimed_at=timezone.now(), lock_version=F("lock_version") + 1
        )
        if updated != 1:
            raise TaskConflictError("该待办已被他人认领。", code=WorkflowErrorCode.TASK_CLAIMED_BY_OTHER)
        locked.refresh_from_db()
        _log(instance, TaskActionKind.CLAIM, user=acting_user, node_instance=locked.node_instance, task=locked)
        audit(WorkflowEvent.TASK_CLAIMED, user=acting_user, obj=instance, detail={"task": locked.pk})
    return locked


def task_complete(*, task: Task, acting_user: Any, opinion: str = "", decision: str = Decision.APPROVE,
                  form_data: dict[str, Any] | None = None, attachments: Iterable[Any] = (),
                  expected_version: int | None = None) -> Task:  # fmt: skip
    """Complete a task with an opinion (审核意见), a decision and attachments; move the instance on."""
    if decision not in Decision.values:
        raise WorkflowError("办理决定无效。", code=WorkflowErrorCode.DEFINITION_INVALID)
    if decision == Decision.DENY and not opinion.strip():
        raise WorkflowError("不同意时须填写审核意见。", code=WorkflowErrorCode.OPINION_REQUIRED)
    with transaction.atomic():
        instance, locked = _lock_task(task.pk, acting_user, expected_version)
        node_instance = locked.node_instance
        node = node_instance.node
        _finish_task(locked, user=acting_user, action=TaskActionKind.COMPLETE, decision=decision, opinion=opinion, form_data=form_data)
        _attach(node_instance, attachments, acting_user)
        _log(instance, TaskActionKind.COMPLETE, user=acting_user, node_instance=node_instance, task=locked,
             decision=decision, opinion=opinion, detail={"form": form_data or {}})  # fmt: skip
        audit(WorkflowEvent.TASK_COMPLETED, user=acting_user, obj=instance,
              detail={"task": locked.pk, "node": node.code, "decision": decision})  # fmt: skip
        if node_instance.tasks.filter(state__in=OPEN_TASK_STATES).exists():
            _bump(instance)
            return locked  # a countersign node waits for the other participants
        decisions = set(node_instance.tasks.filter(state=TaskState.COMPLETED).values_list("decision", flat=True))
        node_decision = Decision.DENY if Decision.DENY in decisions else Decision.APPROVE
        names = instance_names(instance, decision=node_decision, extra=form_data or {})
        if node.postcondition and not condition_evaluate(node.postcondition, names):
            raise WorkflowError(
                f"不满足节点“{node.name}”的后置条件：{node.postcondition}", code=WorkflowErrorCode.POSTCONDITION_FAILED
            )
        instance.variables = {**(instance.variables or {}), "decision": node_decision, f"{node.code}_decision": node_decision,
                              **({node.code: form_data} if form_data else {})}  # fmt: skip
        instance.save(update_fields=["variables"])
        _close_node_instance(node_instance, NodeInstanceState.COMPLETED, node_decision)
        _advance(instance, node_instance, user=acting_user, decision=node_decision)
        _bump(instance)
    return locked


def _attach(node_instance: NodeInstance, attachments: Iterable[Any], user: Any) -> None:
    """Store uploaded files in the e-archive, attached to the node instance."""
    files = [f for f in attachments if f]
    if not files:
        return
    from anju.archive.choices import FileType, Stage
    from anju.archive.services import archive_file_upload

    stage = (node_instance.node.extra or {}).get("archive_stage") or Stage.REVIEW
    for uploaded in files:
        archive_file_upload(owner=node_instance, uploaded_file=uploaded, file_type=FileType.OTHER, stage=stage,
                            title=f"{node_instance.name}附件", acting_user=user)  # fmt: skip


def return_targets(instance: ProcessInstance, node_instance: NodeInstance) -> list[NodeTemplate]:
    """Earlier task nodes of this instance's path that a task may be returned to (latest first)."""
    seen: list[NodeTemplate] = []
    current = node_instance.previous
    while current is not None:
        if current.node_type in TASK_NODE_TYPES and current.node_id != node_instance.node_id and current.node not in seen:
            seen.append(current.node)
        current = current.previous
    return seen


def task_return(*, task: Task, acting_user: Any, opinion: str, target: NodeTemplate | None = None,
                expected_version: int | None = None) -> NodeInstance:  # fmt: skip
    """退回: send the instance back to an earlier node of its path (the previous one by default)."""
    if not opinion.strip():
        raise WorkflowError("退回时须填写审核意见。", code=WorkflowErrorCode.OPINION_REQUIRED)
    with transaction.atomic():
        instance, locked = _lock_task(task.pk, acting_user, expected_version)
        node_instance = locked.node_instance
        targets = return_targets(instance, node_instance)
        if not targets:
            raise WorkflowError("该节点之前没有可退回的办理节点。", code=WorkflowErrorCode.RETURN_TARGET_INVALID)
        if target is None:
            target = targets[0]
        elif target.pk not in {t.pk for t in targets}:
            raise WorkflowError(f"不能退回到“{target.name}”：须为本流程已经过的办理节点。", code=WorkflowErrorCode.RETURN_TARGET_INVALID)
        _finish_task(locked, user=acting_user, action=TaskActionKind.RETURN, opinion=opinion)
        _cancel_open_tasks(node_instance, except_task=locked)
        _close_node_instance(node_instance, NodeInstanceState.RETURNED)
        _log(instance, TaskActionKind.RETURN, user=acting_user, node_instance=node_instance, task=locked, opinion=opinion,
             detail={"target": target.code, "target_name": target.name})  # fmt: skip
        audit(WorkflowEvent.TASK_RETURNED, user=acting_user, obj=instance, detail={"task": locked.pk, "target": target.code})
        instance.variables = {**(instance.variables or {}), "decision": ""}
        instance.save(update_fields=["variables"])
        entered = _enter(instance, target, previous=node_instance, via=None, user=acting_user)
        _bump(instance)
        from anju.workflow.services.notifications import notify_return

        notify_return(instance=instance, node_instance=entered, opinion=opinion, by=acting_user)
    return entered


def task_reject(*, task: Task, acting_user: Any, opinion: str, expected_version: int | None = None) -> ProcessInstance:
    """驳回: end the instance as rejected; the owning app's on_completed gets "rejected"."""
    if not opinion.strip():
        raise WorkflowError("驳回时须填写审核意见。", code=WorkflowErrorCode.OPINION_REQUIRED)
    with transaction.atomic():
        instance, locked = _lock_task(task.pk, acting_user, expected_version)
        node_instance = locked.node_instance
        _finish_task(locked, user=acting_user, action=TaskActionKind.REJECT, decision=Decision.DENY, opinion=opinion)
        _cancel_open_tasks(node_instance, except_task=locked)
        _close_node_instance(node_instance, NodeInstanceState.REJECTED, Decision.DENY)
        _log(instance, TaskActionKind.REJECT, user=acting_user, node_instance=node_instance, task=locked, opinion=opinion)
        audit(WorkflowEvent.TASK_REJECTED, user=acting_user, obj=instance, detail={"task": locked.pk})
        _end_instance(instance, state=InstanceState.REJECTED, outcome=Outcome.REJECTED, user=acting_user, node_instance=node_instance)
        _bump(instance)
    return instance


def task_transfer(*, task: Task, acting_user: Any, to_user: Any, opinion: str = "", expected_version: int | None = None) -> Task:
    """转办: hand the task to another candidate, who becomes its only handler."""
    with transaction.atomic():
        instance, locked = _lock_task(task.pk, acting_user, expected_version)
        if to_user is None or to_user.pk == acting_user.pk or not to_user.is_active or not is_candidate(to_user, locked):
            raise WorkflowError("转办对象须为该待办的其他候选办理人（角色、管辖区域和层级相符）。", code=WorkflowErrorCode.TRANSFER_TARGET_INVALID)
        updated = Task.objects.filter(pk=locked.pk, lock_version=locked.lock_version, state__in=OPEN_TASK_STATES).update(
            assignee=to_user, state=TaskState.CLAIMED, claimed_at=timezone.now(), lock_version=F("lock_version") + 1
        )
        if updated != 1:
            raise TaskConflictError("该待办已被他人处理，请刷新后重试。")
        locked.refresh_from_db()
        _log(instance, TaskActionKind.TRANSFER, user=acting_user, node_instance=locked.node_instance, task=locked, opinion=opinion,
             detail={"to_user": to_user.pk, "to_user_name": str(to_user)})  # fmt: skip
        audit(WorkflowEvent.TASK_TRANSFERRED, user=acting_user, obj=instance, detail={"task": locked.pk, "to_user": to_user.pk})
        from anju.workflow.services.notifications import notification_send

        notification_send(user=to_user, title=f"转办待办：{locked.title}", body=f"{acting_user} 将待办转给您。{opinion}".strip(),
                          link=locked.get_absolute_url())  # fmt: skip
    return locked
