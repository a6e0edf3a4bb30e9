"""Notifications (通知) and the daily overdue check (16.1.4; deadlines of A.3.3 nodes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from anju.workflow.events import WorkflowEvent, audit
from anju.workflow.models import NodeInstance, Notification, ProcessInstance, Task
from anju.workflow.permissions import SUPERVISOR_ROLE


def notification_send(*, user: Any, title: str, body: str = "", link: str = "", level: str = "info", dedup_key: str = "") -> Notification | None:
    """Store one notification for a user; a repeated `dedup_key` for the same user sends nothing."""
    try:
        with transaction.atomic():
            return Notification.objects.create(
                user=user, title=title[:200], body=body, link=link[:300], level=level, dedup_key=dedup_key[:100]
            )
    except IntegrityError:
        if dedup_key:
            return None
        raise


def notification_mark_read(*, notification: Notification, acting_user: Any) -> Notification:
    """Mark one of the user's notifications as read."""
    if notification.user_id != acting_user.pk:
        raise PermissionError("只能标记自己的通知。")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def candidates_for(*, region_code: str, roles: list[str], level: str = "") -> Any:
    """Active users holding one of the roles whose jurisdiction covers the region (and fits the level)."""
    from anju.accounts.models import User
    from anju.core.scoping import significant_prefix
    from anju.workflow.choices import LEVEL_NUMBER

    prefixes = {region_code[:n] for n in (2, 4, 6, 9, 12)}
    covering = [code for code in _region_codes_with_prefix_in(prefixes) if region_code.startswith(significant_prefix(code))]
    queryset = User.objects.filter(is_active=True, role_grants__role__in=roles).filter(
        Q(jurisdiction_id__in=covering) | Q(jurisdiction_id="000000000000")
    )
    if level:
        queryset = queryset.filter(jurisdiction__level=LEVEL_NUMBER.get(level))
    return queryset.distinct()


def _region_codes_with_prefix_in(prefixes: set[str]) -> list[str]:
    """The 12-digit codes of the region and all its ancestors."""
    return [prefix.ljust(12, "0") for prefix in prefixes]


def notify_return(*, instance: ProcessInstance, node_instance: NodeInstance, opinion: str, by: Any) -> None:
    """Tell the handlers of the node an instance was returned to."""
    for task in node_instance.tasks.all():
        users = [task.assignee] if task.assignee_id else list(candidates_for(region_code=task.region_code, roles=task.role_list, level=task.level))
        for user in users:
            notification_send(
                user=user,
                title=f"退回：{instance.name}",
                body=f"{by} 将流程退回至“{node_instance.name}”。意见：{opinion}",
                link=task.get_absolute_url(),
                level="warning",
            )


@dataclass
class OverdueReport:
    """What one overdue check did."""

    overdue_tasks: int = 0
    notifications: int = 0


def overdue_check(*, now: Any = None) -> OverdueReport:
    """Flag open tasks past their deadline once: notify their handler(s) and supervisors; idempotent."""
    now = now or timezone.now()
    report = OverdueReport()
    tasks = Task.objects.overdue(now).filter(overdue_notified_at__isnull=True).select_related("assignee", "instance")
    for task in tasks.iterator(chunk_size=500):
        with transaction.atomic():
            claimed = Task.objects.filter(pk=task.pk, overdue_notified_at__isnull=True).update(overdue_notified_at=now)
            if not claimed:
                continue  # another worker got it
            report.overdue_tasks += 1
            handlers = [task.assignee] if task.assignee_id else list(candidates_for(region_code=task.region_code, roles=task.role_list, level=task.level))
            supervisor_roles = sorted({SUPERVISOR_ROLE[r] for r in task.role_list if r in SUPERVISOR_ROLE})
            if task.assignee_id:
                supervisor_roles = sorted({SUPERVISOR_ROLE[r] for r in task.assignee.role_codes if r in SUPERVISOR_ROLE} | set(supervisor_roles))
            supervisors = [u for u in candidates_for(region_code=task.region_code, roles=supervisor_roles) if u not in handlers]
            deadline = timezone.localtime(task.deadline).strftime("%Y-%m-%d %H:%M")
            for user in handlers:
                if notification_send(user=user, title=f"待办超期：{task.title}", body=f"办理期限 {deadline} 已过，请尽快办理。",
                                     link=task.get_absolute_url(), level="danger", dedup_key=f"overdue:{task.pk}"):  # fmt: skip
                    report.notifications += 1
            for user in supervisors:
                handler = task.assignee or "候选办理人"
                if notification_send(user=user, title=f"下级待办超期：{task.title}", body=f"{handler} 的待办已超过办理期限 {deadline}。",
                                     link=task.instance.get_absolute_url(), level="warning", dedup_key=f"overdue-sup:{task.pk}"):  # fmt: skip
                    report.notifications += 1
            audit(WorkflowEvent.TASK_OVERDUE, obj=task.instance, detail={"task": task.pk, "deadline": deadline,
                                                                          "notified": len(handlers) + len(supervisors)})  # fmt: skip
    return report
