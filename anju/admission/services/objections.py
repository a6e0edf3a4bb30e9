"""公示期间举报 (A.3.13): log a report against a listed application, verify it, decide it.

An upheld objection sends the application back through the workflow (退回 from 公示 to 审核 with the
reason) and marks its publicity entry 未通过; a dismissed one changes nothing in the process.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission import events
from anju.admission.models import Objection, ObjectionStatus, PublicityEntry, PublicityStatus
from anju.admission.permissions import region_in_jurisdiction
from anju.core.services.numbers import business_number_next
from anju.core.validators import validate_mobile

OBJECTION_LOG_ROLES = (Role.COMMUNITY_CLERK, Role.STREET_REVIEWER, Role.DISTRICT_OFFICER)
OBJECTION_DECIDE_ROLES = (Role.DISTRICT_OFFICER,)
RETURN_NODE = "county_review"


def _check(user: Any, roles: tuple[str, ...], region_code: str, message: str) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_role(*roles):
        raise PermissionDenied(message)
    if not region_in_jurisdiction(user, region_code):
        raise PermissionDenied("该申请不在您的管辖范围内。")


def objection_create(*, entry: PublicityEntry, content: str, channel: str, acting_user: Any,
                     reported_at: datetime | None = None, reporter_name: str = "",
                     reporter_phone: str = "") -> Objection:  # fmt: skip
    """Log a report against an application listed in a published notice."""
    application = entry.application
    _check(acting_user, OBJECTION_LOG_ROLES, application.region_code, "您没有登记举报的权限。")
    errors: dict[str, list[str]] = {}
    if entry.publicity.status != PublicityStatus.PUBLISHED:
        errors["publicity"] = [f"公示处于“{entry.publicity.get_status_display()}”状态，不能登记举报。"]
    if not (content or "").strip():
        errors["content"] = ["请填写举报内容。"]
    reporter_phone = (reporter_phone or "").strip()
    if reporter_phone:
        try:
            validate_mobile(reporter_phone)
        except ValidationError as exc:
            errors["reporter_phone"] = exc.messages
    reported_at = reported_at or timezone.now()
    if reported_at > timezone.now():
        errors["reported_at"] = ["举报时间不能晚于当前时间。"]
    objection = Objection(
        region_code=application.region_code, number="JB-pending", publicity=entry.publicity, application=application,
        reported_at=reported_at, content=(content or "").strip(), channel=channel or "",
        reporter_name=(reporter_name or "").strip(), reporter_phone=reporter_phone, created_by=acting_user,
    )  # fmt: skip
    try:
        objection.full_clean(exclude=["number"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        objection.number = business_number_next(kind="objection", region_code=application.region_code)
        objection.save()
        events.audit(
            events.APPLICATION_CREATED, user=acting_user, obj=objection,
            detail={"objection": objection.number, "application": application.number, "publicity": entry.publicity.number},
        )  # fmt: skip
    return objection


def objection_verify(*, objection: Objection, verification_method: str, verification_result: str,
                     verification_note: str, acting_user: Any) -> Objection:  # fmt: skip
    """Record the verification (查证) of a report; it can be redone until decided."""
    _check(acting_user, OBJECTION_DECIDE_ROLES, objection.region_code, "只有区县住房保障部门可以查证举报。")
    errors: dict[str, list[str]] = {}
    if objection.status not in (ObjectionStatus.RECEIVED, ObjectionStatus.VERIFYING):
        errors["status"] = [f"举报已处理（{objection.get_status_display()}），不能再查证。"]
    if not (verification_method or "").strip():
        errors["verification_method"] = ["请填写查证方式。"]
    if not verification_result:
        errors["verification_result"] = ["请选择查证结果。"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Objection.objects.select_for_update(of=("self",)).get(pk=objection.pk)
        locked.verification_method = verification_method.strip()
        locked.verification_result = verification_result
        locked.verification_note = (verification_note or "").strip()
        locked.verifier, locked.verified_at, locked.status = acting_user, timezone.now(), ObjectionStatus.VERIFYING
        locked.full_clean()
        locked.save()
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=locked,
            detail={"objection": locked.number, "verification_result": verification_result},
        )  # fmt: skip
    objection.refresh_from_db()
    return objection


def objection_decide(*, objection: Objection, upheld: bool, decision_note: str, acting_user: Any) -> Objection:
    """举报成立: the application goes back to 审核 (workflow return) with the reason; 不成立: it continues."""
    from anju.admission.services.process import open_task
    from anju.workflow.services import task_return

    _check(acting_user, OBJECTION_DECIDE_ROLES, objection.region_code, "只有区县住房保障部门可以处理举报。")
    errors: dict[str, list[str]] = {}
    if objection.status != ObjectionStatus.VERIFYING:
        errors["status"] = ["请先查证举报，再作出处理决定。"] if objection.status == ObjectionStatus.RECEIVED else [
            f"举报已处理（{objection.get_status_display()}）。"
        ]  # fmt: skip
    if not (decision_note or "").strip():
        errors["decision_note"] = ["请填写处理意见。"]
    task = open_task(objection.application, node_code="publicity") if upheld and not errors else None
    if upheld and not errors and task is None:
        errors["status"] = ["该申请已不在公示环节，不能退回。"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Objection.objects.select_for_update(of=("self",)).get(pk=objection.pk)
        now = timezone.now()
        locked.status = ObjectionStatus.UPHELD if upheld else ObjectionStatus.DISMISSED
        locked.decision_note, locked.decided_at, locked.decided_by = decision_note.strip(), now, acting_user
        locked.save(update_fields=["status", "decision_note", "decided_at", "decided_by", "updated_at"])
        if upheld:
            target = next((node for node in _return_targets(task) if node.code == RETURN_NODE), None)
            task_return(
                task=task, acting_user=acting_user, target=target,
                opinion=f"公示期间举报成立（{locked.number}）：{locked.decision_note}",
            )  # fmt: skip
            PublicityEntry.objects.filter(publicity=locked.publicity, application=locked.application).update(
                passed=False, decided_at=now
            )
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=locked,
            detail={"objection": locked.number, "status": locked.status, "application": locked.application.number},
        )  # fmt: skip
    objection.refresh_from_db()
    return objection


def _return_targets(task: Any) -> list[Any]:
    from anju.workflow.services.runtime import return_targets

    return list(return_targets(task.instance, task.node_instance))
