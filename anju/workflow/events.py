"""Domain events of the workflow module: audit action codes with Chinese labels (stable ids)."""

from django.db import models


class WorkflowEvent(models.TextChoices):
    """Codes written to `AuditEvent.action` by the workflow services."""

    TEMPLATE_SAVED = "WORKFLOW_TEMPLATE_SAVED", "保存流程模板"
    TEMPLATE_ACTIVATED = "WORKFLOW_TEMPLATE_ACTIVATED", "激活流程模板"
    TEMPLATE_VERSIONED = "WORKFLOW_TEMPLATE_VERSIONED", "创建流程模板新版本"
    TEMPLATE_IMPORTED = "WORKFLOW_TEMPLATE_IMPORTED", "导入流程模板"
    TEMPLATE_EXPORTED = "WORKFLOW_TEMPLATE_EXPORTED", "导出流程模板"
    TEMPLATE_DELETED = "WORKFLOW_TEMPLATE_DELETED", "删除流程模板"
    INSTANCE_STARTED = "WORKFLOW_INSTANCE_STARTED", "发起流程"
    INSTANCE_FINISHED = "WORKFLOW_INSTANCE_FINISHED", "流程办结"
    NODE_ENTERED = "WORKFLOW_NODE_ENTERED", "进入节点"
    TASK_CLAIMED = "WORKFLOW_TASK_CLAIMED", "认领待办"
    TASK_COMPLETED = "WORKFLOW_TASK_COMPLETED", "办理待办"
    TASK_RETURNED = "WORKFLOW_TASK_RETURNED", "退回"
    TASK_REJECTED = "WORKFLOW_TASK_REJECTED", "驳回"
    TASK_TRANSFERRED = "WORKFLOW_TASK_TRANSFERRED", "转办"
    TASK_OVERDUE = "WORKFLOW_TASK_OVERDUE", "待办超期提醒"
    TASK_CONFLICT = "WORKFLOW_TASK_CONFLICT", "待办并发办理被拒绝"


def audit(event: str, *, user: object = None, obj: object = None, result: str = "success", detail: dict | None = None) -> None:
    """Write one domain event to the audit log (inside the caller's transaction)."""
    from anju.audit.services import audit_event_record

    audit_event_record(action=str(event), user=user, obj=obj, result=result, detail=detail or {})
