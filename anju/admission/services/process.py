"""The admission process (public_rental_admission): start on submit, status follows the nodes, checks per node.

- `application_workflow_start` starts the shipped process over an application (region = its community).
- `on_node_entered` / `on_completed` (registered in `AdmissionConfig.ready()`) keep 办理阶段 in step:
  受理中 / 初审中 / 审核中 / 公示中 / 审批中 / 登记中, 已退回 at 补正材料, 准予登记 / 不予登记 at the end.
- Entering 初审 after 受理 requires the mandatory application materials in the e-archive (6.1.3).
- Entering a review node runs the rules evaluator (`anju.rules`) and records the result.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.admission import events
from anju.admission.choices import ApplicationStatus, ReviewStatus
from anju.admission.models import Application

logger = logging.getLogger(__name__)

PROCESS_CODE = "public_rental_admission"

# node code -> 办理阶段 while the application is at that node
NODE_STATUS: dict[str, str] = {
    "accept": ApplicationStatus.ACCEPTING,
    "correct": ApplicationStatus.RETURNED,
    "street_review": ApplicationStatus.STREET_REVIEW,
    "county_review": ApplicationStatus.COUNTY_REVIEW,
    "publicity": ApplicationStatus.PUBLICITY,
    "approval": ApplicationStatus.APPROVAL,
    "register": ApplicationStatus.REGISTERING,
}
# nodes where the eligibility rules are evaluated automatically
RULE_CHECK_NODES = frozenset({"street_review", "county_review", "approval"})
# 受理 requires these archive file types attached to the application (6.1.3): code -> name
REQUIRED_MATERIALS: dict[str, str] = {
    "01": "身份证明（身份证）",
    "02": "户口簿",
    "03": "收入证明",
    "04": "住房证明",
}


def missing_materials(application: Application) -> list[str]:
    """Names of the mandatory application materials not (or no longer) in the application's e-archive."""
    from django.contrib.contenttypes.models import ContentType

    from anju.archive.models import ArchiveFile

    present = set(
        ArchiveFile.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
            is_deleted=False,
            file_type__in=list(REQUIRED_MATERIALS),
        ).values_list("file_type", flat=True)
    )
    return [name for code, name in REQUIRED_MATERIALS.items() if code not in present]


def materials_check(application: Application) -> None:
    """Refuse acceptance while a mandatory material is missing (Chinese message naming them)."""
    missing = missing_materials(application)
    if missing:
        raise ValidationError(f"受理前须在电子档案中上传以下申请材料：{'、'.join(missing)}。")


def application_workflow_start(*, application: Application, acting_user: Any) -> Any:
    """Start the admission process over an application (business object = the application)."""
    from anju.workflow.services import instance_start

    return instance_start(
        template=PROCESS_CODE,
        business_object=application,
        acting_user=acting_user,
        name=f"准入审核：{application.number} {application.applicant_name}",
    )


def application_instance(application: Application) -> Any:
    """The latest admission process instance of an application (None if never started)."""
    from django.contrib.contenttypes.models import ContentType

    from anju.workflow.models import ProcessInstance

    return (
        ProcessInstance.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
            template__code=PROCESS_CODE,
        )
        .order_by("-started_at", "-id")
        .first()
    )


def open_task(application: Application, *, node_code: str | None = None) -> Any:
    """The open task of the application's running process (optionally only at one node)."""
    from anju.workflow.choices import InstanceState, TaskState
    from anju.workflow.models import Task

    instance = application_instance(application)
    if instance is None or instance.state != InstanceState.RUNNING:
        return None
    tasks = Task.objects.filter(instance=instance, state__in=(TaskState.OPEN, TaskState.CLAIMED)).select_related(
        "node_instance__node", "assignee"
    )
    if node_code:
        tasks = tasks.filter(node_instance__node__code=node_code)
    return tasks.order_by("id").first()


# Other admission modules (publicity, registration, notices) subscribe to the process here; the
# listeners run inside the workflow transaction after the status is updated (raise to refuse).
NODE_LISTENERS: list[Any] = []
COMPLETED_LISTENERS: list[Any] = []


def on_admission_node_entered(listener: Any) -> Any:
    """Decorator: call listener(application, node_code, instance, user) when the process enters a node."""
    NODE_LISTENERS.append(listener)
    return listener


def on_admission_completed(listener: Any) -> Any:
    """Decorator: call listener(application, outcome, instance, user) when the process ends."""
    COMPLETED_LISTENERS.append(listener)
    return listener


def _last_actor(instance: Any) -> Any:
    """The user whose action moved the instance on (for the audit trail of a hook)."""
    action = instance.actions.exclude(user__isnull=True).order_by("-id").first()
    return action.user if action is not None else instance.started_by


def _application_of(instance: Any) -> Application | None:
    obj = instance.business_object
    return obj if isinstance(obj, Application) else None


def on_node_entered(instance: Any, node: Any) -> None:
    """Workflow hook: the application's 办理阶段 follows the node; checks of 受理 and the review nodes."""
    application = _application_of(instance)
    if application is None:
        return
    status = NODE_STATUS.get(node.code)
    user = _last_actor(instance)
    if node.code == "street_review":
        materials_check(application)
    if status and application.status != status:
        previous = application.status
        Application.objects.filter(pk=application.pk).update(status=status, updated_at=timezone.now())
        application.status = status
        events.audit(
            events.APPLICATION_UPDATED, user=user, obj=application,
            detail={"status": status, "previous": previous, "node": node.code, "instance": instance.number},
        )  # fmt: skip
    if node.code in RULE_CHECK_NODES:
        rule_check_run(application=application, acting_user=user)
    for listener in NODE_LISTENERS:
        listener(application, node.code, instance, user)


def on_completed(instance: Any, outcome: str) -> None:
    """Workflow hook: 准予登记 on the approved end, 不予登记 on the denied end or a rejection."""
    application = _application_of(instance)
    if application is None:
        return
    if outcome == "approved":
        status, review = ApplicationStatus.REGISTERED, ReviewStatus.APPROVED
    elif outcome in ("denied", "rejected"):
        status, review = ApplicationStatus.DENIED, ReviewStatus.REJECTED
    else:
        return
    user = _last_actor(instance)
    now = timezone.now()
    Application.objects.filter(pk=application.pk).update(
        status=status, review_status=review, reviewer=user, reviewed_at=now, updated_at=now
    )
    application.status = status
    events.audit(
        events.APPLICATION_UPDATED, user=user, obj=application,
        detail={"status": status, "outcome": outcome, "instance": instance.number},
    )  # fmt: skip
    for listener in COMPLETED_LISTENERS:
        listener(application, outcome, instance, user)


def hooks_register() -> None:
    """Register the admission hooks with the workflow engine (AdmissionConfig.ready())."""
    from anju.workflow.hooks import register_hooks

    register_hooks(PROCESS_CODE, on_node_entered=on_node_entered, on_completed=on_completed)


# --- rules -------------------------------------------------------------------------------------


def _evaluator() -> Any:
    """The rules subsystem's evaluator, or None when it is not installed yet."""
    try:
        from anju.rules.services.evaluation import evaluate_application
    except ImportError:
        return None
    return evaluate_application


def rules_available() -> bool:
    """True when the rules subsystem's evaluator can be imported."""
    return _evaluator() is not None


def rule_check_run(*, application: Application, acting_user: Any, record: bool = True) -> dict[str, Any]:
    """Evaluate the eligibility rules for an application; a normalised result for pages and the API.

    A failure of the evaluator never blocks the process: it is logged and shown as 规则审查失败.
    """
    evaluate = _evaluator()
    if evaluate is None:
        return {"available": False, "message": "规则子系统未就绪"}
    try:
        with transaction.atomic():
            result = evaluate(application=application, acting_user=acting_user, record=record)
    except ValidationError as exc:
        return {"available": True, "ok": False, "message": "；".join(exc.messages)}
    except Exception as exc:  # a broken rule configuration must not stop the review; logged, shown on the page
        logger.exception("rule evaluation failed for application %s", application.pk)
        return {"available": True, "ok": False, "message": f"规则审查失败：{exc}"}
    return rule_result_normalise(result)


def rule_result_normalise(decision: Any) -> dict[str, Any]:
    """{available, ok, eligible, decision, decided_at, items:[{text, verdict, depth, condition, fact, threshold}]}."""
    eligible = bool(decision.eligible)
    items = [
        {
            "text": str(item.get("text", "")).strip(),
            "verdict": item.get("verdict"),
            "depth": item.get("depth", 0),
            "condition": item.get("condition", ""),
            "fact": item.get("fact", ""),
            "operator": item.get("operator", ""),
            "threshold": item.get("threshold", ""),
        }
        for item in (getattr(decision, "explanation", None) or [])
        if isinstance(item, dict)
    ]
    return {
        "available": True,
        "ok": True,
        "eligible": eligible,
        "decision": "符合保障条件" if eligible else "不符合保障条件",
        "decided_at": getattr(decision, "decided_at", None),
        "items": items,
    }


def rule_check_latest(application: Application) -> dict[str, Any] | None:
    """The latest recorded eligibility decision of an application, normalised (None when there is none)."""
    if _evaluator() is None:
        return {"available": False, "message": "规则子系统未就绪"}
    decision = application.eligibility_decisions.order_by("-decided_at", "-id").first()
    return rule_result_normalise(decision) if decision is not None else None


def rule_check_latest_map(application_ids: list[int]) -> dict[int, dict[str, Any]]:
    """{application id: latest decision summary {eligible, decision}} for a page of applications (one query)."""
    if _evaluator() is None or not application_ids:
        return {}
    from anju.rules.models import EligibilityDecision

    latest: dict[int, dict[str, Any]] = {}
    rows = (
        EligibilityDecision.objects.filter(application_id__in=application_ids)
        .order_by("application_id", "-decided_at", "-id")
        .values_list("application_id", "eligible", "decided_at")
    )
    for application_id, eligible, decided_at in rows:
        if application_id not in latest:
            latest[application_id] = {
                "eligible": eligible,
                "decision": "符合" if eligible else "不符合",
                "decided_at": decided_at,
            }
    return latest


def application_rule_check(*, application: Application, acting_user: Any) -> dict[str, Any]:
    """重新审查: evaluate now and record the decision (reviewers of the application's region)."""
    from django.core.exceptions import PermissionDenied

    from anju.admission.permissions import READER_ROLES, region_in_jurisdiction

    if not acting_user.has_role(*READER_ROLES) or not region_in_jurisdiction(acting_user, application.region_code):
        raise PermissionDenied("该申请不在您的管辖范围内。")
    result = rule_check_run(application=application, acting_user=acting_user, record=True)
    events.audit(
        events.APPLICATION_UPDATED, user=acting_user, obj=application,
        detail={"rule_check": result.get("decision") or result.get("message", "")},
    )  # fmt: skip
    return result
