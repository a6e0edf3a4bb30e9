"""Review actions on applications: complete or return the current workflow task, one or many at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from anju.admission import events
from anju.admission.models import Application
from anju.admission.services.process import open_task

# Nodes handled by reviewers on the admission pages. 补正材料 is the clerk's re-submission
# (application_submit); 公示 ends with publicity_close and 登记 with application_register(_deny).
REVIEW_NODES = ("accept", "street_review", "county_review", "approval")
OTHER_NODE_HINTS = {
    "correct": "正在等待补正材料，请由经办人修改后重新提交",
    "publicity": "正在公示，公示期满由公示结束统一办理",
    "register": "处于登记环节，请在登记页面准予或不予登记",
}


def _review_task(application: Application) -> Any:
    task = open_task(application)
    if task is None:
        raise ValidationError(f"申请 {application.number} 当前没有待办理的审核环节（{application.get_status_display()}）。")
    code = task.node_instance.node.code
    if code not in REVIEW_NODES:
        raise ValidationError(f"申请 {application.number} {OTHER_NODE_HINTS.get(code, '不在审核环节')}。")
    return task


def review_decide(*, application: Application, decision: str, opinion: str, acting_user: Any, form_data: dict | None = None) -> Application:
    """Complete the application's current review task with 同意 (approve) or 不同意 (deny, goes to 补正 / 不予登记)."""
    from anju.workflow.services import task_complete

    task = _review_task(application)
    node = task.node_instance.node
    task_complete(task=task, acting_user=acting_user, opinion=opinion or "", decision=decision, form_data=form_data)
    application.refresh_from_db()
    events.audit(
        events.APPLICATION_UPDATED, user=acting_user, obj=application,
        detail={"review": node.code, "decision": decision, "status": application.status},
    )  # fmt: skip
    return application


def review_return(*, application: Application, opinion: str, acting_user: Any) -> Application:
    """退回 the application's current task to the previous handled node."""
    from anju.workflow.services import task_return

    task = _review_task(application)
    node = task.node_instance.node
    task_return(task=task, acting_user=acting_user, opinion=opinion or "")
    application.refresh_from_db()
    events.audit(
        events.APPLICATION_UPDATED, user=acting_user, obj=application,
        detail={"review": node.code, "returned": True, "status": application.status},
    )  # fmt: skip
    return application


@dataclass
class BatchRow:
    """The result of one application in a batch action."""

    application_id: int
    number: str
    applicant_name: str
    ok: bool
    message: str


def review_batch(*, applications: list[Application], action: str, opinion: str, acting_user: Any) -> list[BatchRow]:
    """Approve / deny / return many applications with one opinion; each row on its own, failures reported per row."""
    if action not in ("approve", "deny", "return"):
        raise ValidationError({"action": ["请选择办理方式。"]})
    if action in ("deny", "return") and not (opinion or "").strip():
        raise ValidationError({"opinion": ["不同意或退回时须填写审核意见。"]})
    rows: list[BatchRow] = []
    for application in applications:
        try:
            with transaction.atomic():
                if action == "return":
                    done = review_return(application=application, opinion=opinion, acting_user=acting_user)
                else:
                    done = review_decide(application=application, decision=action, opinion=opinion, acting_user=acting_user)
            rows.append(BatchRow(application.pk, application.number, application.applicant_name, True,
                                 f"已办理，当前阶段：{done.get_status_display()}"))  # fmt: skip
        except (ValidationError, PermissionDenied) as exc:
            message = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            rows.append(BatchRow(application.pk, application.number, application.applicant_name, False, message))
    events.audit(
        events.APPLICATION_UPDATED, user=acting_user, obj=None,
        detail={"batch": action, "ok": sum(r.ok for r in rows), "failed": sum(not r.ok for r in rows),
                "applications": [r.number for r in rows]},
    )  # fmt: skip
    return rows
