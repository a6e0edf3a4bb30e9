"""Reads of the workflow module; every one takes the user and starts from their jurisdiction."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anju.core.scoping import jurisdiction_prefix
from anju.workflow.choices import LEVEL_NUMBER, InstanceState, NodeType, TaskState
from anju.workflow.models import (
    NodeInstance,
    NodeTemplate,
    Notification,
    ProcessInstance,
    ProcessTemplate,
    Task,
    TaskAction,
)
from anju.workflow.permissions import can_edit_templates, can_handle, can_monitor, user_level

NOT_FOUND = "记录不存在或不在您的管辖范围内。"


# --- definitions -------------------------------------------------------------------------------


def template_list(*, user: Any) -> QuerySet[ProcessTemplate]:
    """Every template version (definitions are not regional); administrators and monitors read them."""
    if not (can_edit_templates(user) or can_monitor(user)):
        return ProcessTemplate.objects.none()
    return ProcessTemplate.objects.annotate(
        node_count=Count("nodes", distinct=True), instance_count=Count("instances", distinct=True)
    ).order_by("code", "-version")


def template_get(*, user: Any, pk: Any) -> ProcessTemplate:
    """One template version or 404."""
    try:
        return template_list(user=user).get(pk=pk)
    except (ProcessTemplate.DoesNotExist, ValueError) as exc:
        raise Http404(NOT_FOUND) from exc


def template_graph(template: ProcessTemplate) -> tuple[list[NodeTemplate], list[Any]]:
    """Nodes (with participants) and transitions of a template, for diagrams and pages."""
    nodes = list(template.nodes.prefetch_related("participants").order_by("sort_order", "id"))
    transitions = list(template.transitions.select_related("source", "target").order_by("source__sort_order", "priority", "id"))
    return nodes, transitions


def active_templates() -> QuerySet[ProcessTemplate]:
    """The versions new instances start on."""
    return ProcessTemplate.objects.filter(is_active=True).order_by("code")


# --- instances ---------------------------------------------------------------------------------


def _overdue_subquery(now: datetime) -> Exists:
    return Exists(Task.objects.filter(instance=OuterRef("pk"), state__in=(TaskState.OPEN, TaskState.CLAIMED), deadline__lt=now))


def instance_list(*, user: Any) -> QuerySet[ProcessInstance]:
    """Instances in the user's jurisdiction (monitors and handlers), with the overdue flag."""
    if not (can_monitor(user) or can_handle(user)):
        return ProcessInstance.objects.none()
    open_tasks = Task.objects.filter(state__in=(TaskState.OPEN, TaskState.CLAIMED)).select_related("assignee", "node_instance")
    return (
        ProcessInstance.objects.visible_to(user)
        .select_related("template", "started_by")
        .annotate(has_overdue=_overdue_subquery(timezone.now()))
        .prefetch_related(Prefetch("tasks", queryset=open_tasks, to_attr="open_tasks"))
        .order_by("-started_at", "-id")
    )


def instance_get(*, user: Any, pk: Any) -> ProcessInstance:
    """One visible instance or 404."""
    try:
        return instance_list(user=user).get(pk=pk)
    except (ProcessInstance.DoesNotExist, ValueError) as exc:
        raise Http404(NOT_FOUND) from exc


def instances_for(*, user: Any, obj: Any) -> QuerySet[ProcessInstance]:
    """The instances of one business record the user may see (for the owning app's pages)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return instance_list(user=user).filter(content_type=content_type, object_id=str(obj.pk))


def instance_history(instance: ProcessInstance) -> list[TaskAction]:
    """Who did what, when, with which opinion (oldest first)."""
    return list(instance.actions.select_related("user", "node_instance", "task").order_by("at", "id"))


def instance_path(instance: ProcessInstance) -> list[NodeInstance]:
    """The node instances in the order they were entered."""
    return list(instance.node_instances.select_related("node", "via_transition").order_by("sequence"))


def instance_attachments(instance: ProcessInstance) -> dict[int, list[Any]]:
    """Archive files attached to the instance's node instances, by node instance id."""
    from django.contrib.contenttypes.models import ContentType

    from anju.archive.models import ArchiveFile

    content_type = ContentType.objects.get_for_model(NodeInstance)
    ids = [str(pk) for pk in instance.node_instances.values_list("pk", flat=True)]
    files: dict[int, list[Any]] = defaultdict(list)
    for file in ArchiveFile.objects.filter(content_type=content_type, object_id__in=ids, is_deleted=False).order_by("uploaded_at"):
        files[int(file.object_id)].append(file)
    return files


def current_tasks(instance: ProcessInstance) -> list[Task]:
    """The open tasks of an instance."""
    return list(instance.tasks.filter(state__in=(TaskState.OPEN, TaskState.CLAIMED)).select_related("assignee", "node_instance"))


# --- tasks -------------------------------------------------------------------------------------


def _candidate_filter(user: Any) -> Q | None:
    """Q for unassigned tasks this user is a candidate for (None if none can be)."""
    prefix = jurisdiction_prefix(user)
    if prefix is None or not user.role_codes:
        return None
    roles = Q()
    for code in sorted(user.role_codes):
        roles |= Q(roles__contains=f",{code},")
    level = user_level(user)
    levels = [""] + [name for name, number in LEVEL_NUMBER.items() if number == level]
    return Q(assignee__isnull=True) & roles & Q(level__in=levels) & Q(region_code__startswith=prefix)


def task_inbox(*, user: Any) -> QuerySet[Task]:
    """待办: open tasks assigned to the user, or unassigned ones they are a candidate for."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Task.objects.none()
    condition = Q(assignee=user)
    candidate = _candidate_filter(user)
    if candidate is not None:
        condition |= candidate
    return (
        Task.objects.open()
        .filter(condition)
        .select_related("instance__template", "node_instance__node", "assignee")
        .order_by("deadline", "created_at", "id")
    )


def task_done(*, user: Any) -> QuerySet[Task]:
    """已办: tasks the user completed, returned, rejected (newest first)."""
    if not getattr(user, "is_authenticated", False):
        return Task.objects.none()
    return (
        Task.objects.filter(completed_by=user, state=TaskState.COMPLETED)
        .select_related("instance__template", "node_instance__node")
        .order_by("-completed_at", "-id")
    )


def task_get(*, user: Any, pk: Any) -> Task:
    """A task the user is (or was) a candidate for, holds, handled, or may monitor; else 404."""
    try:
        task = Task.objects.select_related("instance__template", "node_instance__node", "assignee", "completed_by").get(pk=pk)
    except (Task.DoesNotExist, ValueError) as exc:
        raise Http404(NOT_FOUND) from exc
    from anju.workflow.permissions import is_candidate

    if task.assignee_id == user.pk or task.completed_by_id == user.pk or is_candidate(user, task):
        return task
    if can_monitor(user) and ProcessInstance.objects.visible_to(user).filter(pk=task.instance_id).exists():
        return task
    raise Http404(NOT_FOUND)


def transfer_candidates(*, task: Task, user: Any) -> list[Any]:
    """Other users the task may be transferred to."""
    from anju.workflow.services.notifications import candidates_for

    return [u for u in candidates_for(region_code=task.region_code, roles=task.role_list, level=task.level) if u.pk != user.pk]


def notification_list(*, user: Any) -> QuerySet[Notification]:
    """The user's own notifications (newest first)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


# --- statistics (6.2.2 业务流程统计, 16.1.4) --------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile (fraction 0-1) of the values; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass
class StatRow:
    """One row of a statistics table: a group, its count, duration median/p90 (hours), overdue rate."""

    label: str
    count: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None
    overdue: int = 0
    key: str = ""

    @property
    def overdue_rate(self) -> float:
        """Overdue share, 0-1."""
        return self.overdue / self.count if self.count else 0.0

    @property
    def overdue_percent(self) -> str:
        """Overdue rate as "12.5%"."""
        return f"{self.overdue_rate * 100:.1f}%"


@dataclass
class Statistics:
    """The three tables of the statistics page."""

    start: datetime
    end: datetime
    by_template: list[StatRow] = field(default_factory=list)
    by_node: list[StatRow] = field(default_factory=list)
    by_handler: list[StatRow] = field(default_factory=list)

    def chart_data(self) -> dict[str, Any]:
        """The data the ECharts script draws (JSON-safe)."""
        def series(rows: list[StatRow]) -> dict[str, Any]:
            return {
                "labels": [r.label for r in rows],
                "count": [r.count for r in rows],
                "median": [r.median_hours for r in rows],
                "p90": [r.p90_hours for r in rows],
                "overdue_rate": [round(r.overdue_rate * 100, 1) for r in rows],
            }

        return {"template": series(self.by_template), "node": series(self.by_node), "handler": series(self.by_handler)}


def _rows(groups: dict[str, tuple[str, list[float], int]]) -> list[StatRow]:
    rows = []
    for key, (label, durations, overdue) in groups.items():
        rows.append(
            StatRow(
                label=label,
                key=key,
                count=len(durations),
                median_hours=round(statistics.median(durations), 2) if durations else None,
                p90_hours=round(percentile(durations, 0.9) or 0, 2) if durations else None,
                overdue=overdue,
            )
        )
    return sorted(rows, key=lambda r: (-r.count, r.label))


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def workflow_statistics(*, user: Any, start: datetime, end: datetime, template_code: str = "") -> Statistics:
    """Count, median and p90 duration, overdue rate of finished work in [start, end), by template, node and handler."""
    result = Statistics(start=start, end=end)
    if not can_monitor(user):
        return result
    prefix = jurisdiction_prefix(user) or ""
    instances = ProcessInstance.objects.filter(
        region_code__startswith=prefix, finished_at__gte=start, finished_at__lt=end
    ).exclude(state=InstanceState.RUNNING)
    tasks = Task.objects.filter(region_code__startswith=prefix, completed_at__gte=start, completed_at__lt=end, state=TaskState.COMPLETED)
    node_instances = NodeInstance.objects.filter(
        region_code__startswith=prefix, finished_at__gte=start, finished_at__lt=end,
        node_type__in=(NodeType.TASK, NodeType.COUNTERSIGN),
    )  # fmt: skip
    if template_code:
        instances = instances.filter(template__code=template_code)
        tasks = tasks.filter(instance__template__code=template_code)
        node_instances = node_instances.filter(instance__template__code=template_code)

    late_instances: set[int] = set()
    overdue_tasks = Task.objects.filter(instance__in=instances, deadline__isnull=False).values_list("instance_id", "deadline", "completed_at")
    for instance_id, deadline, completed_at in overdue_tasks:
        if (completed_at or timezone.now()) > deadline:
            late_instances.add(instance_id)

    groups: dict[str, tuple[str, list[float], int]] = {}
    for pk, code, name, started, finished in instances.values_list("pk", "template__code", "template__name", "started_at", "finished_at"):
        label, durations, overdue = groups.get(code, (name, [], 0))
        durations.append(_hours(finished - started))
        groups[code] = (label, durations, overdue + (1 if pk in late_instances else 0))
    result.by_template = _rows(groups)

    groups = {}
    for name, template_name, code, created, finished, deadline in node_instances.values_list(
        "name", "instance__template__name", "node__code", "created_at", "finished_at", "deadline"
    ):
        key = f"{template_name}/{code}"
        label, durations, overdue = groups.get(key, (f"{template_name} · {name}", [], 0))
        durations.append(_hours(finished - created))
        groups[key] = (label, durations, overdue + (1 if deadline and finished > deadline else 0))
    result.by_node = _rows(groups)

    groups = {}
    for user_pk, username, full_name, created, completed, deadline in tasks.values_list(
        "completed_by", "completed_by__username", "completed_by__full_name", "created_at", "completed_at", "deadline"
    ):
        key = str(user_pk)
        label, durations, overdue = groups.get(key, (full_name or username or "—", [], 0))
        durations.append(_hours(completed - created))
        groups[key] = (label, durations, overdue + (1 if deadline and completed > deadline else 0))
    result.by_handler = _rows(groups)
    return result


# --- workbench providers (registered in WorkflowConfig.ready) ----------------------------------


def workbench_todo(user: Any) -> list[Any]:
    """待办 of the workbench."""
    from anju.core.workbench import WorkItemView

    return [
        WorkItemView(
            title=task.title,
            url=task.get_absolute_url(),
            source="工作流",
            created_at=task.created_at,
            deadline=task.deadline,
            detail=f"{task.instance.number} · {task.instance.business_label}",
        )
        for task in task_inbox(user=user)[:50]
    ]


def workbench_done(user: Any) -> list[Any]:
    """已办 of the workbench."""
    from anju.core.workbench import WorkItemView

    return [
        WorkItemView(
            title=task.title,
            url=task.instance.get_absolute_url(),
            source="工作流",
            created_at=task.completed_at,
            detail=f"{task.get_action_display()} · {task.instance.number}",
        )
        for task in task_done(user=user)[:50]
    ]


def workbench_notices(user: Any) -> list[Any]:
    """通知 of the workbench (unread ones)."""
    from anju.core.workbench import WorkItemView

    return [
        WorkItemView(title=n.title, url=n.link, source="工作流", created_at=n.created_at, detail=n.body, level=n.level)
        for n in notification_list(user=user).filter(read_at__isnull=True)[:50]
    ]
