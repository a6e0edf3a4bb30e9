"""投诉处理 (A.10.2): the portal's submission, staff assignment, replies and closing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from anju.core.fields import blind_index
from anju.core.validators import validate_mobile
from anju.supervision.choices import CHANNEL_ALIASES, ComplaintKind, ComplaintStatus
from anju.supervision.events import SupervisionEvent
from anju.supervision.models import Complaint, ComplaintReply
from anju.supervision.permissions import can_edit_supervision, supervision_edit_check
from anju.supervision.services.common import actor, audit, number_next

TITLE_MAX, CONTENT_MAX = 200, 5000


def channel_code(channel: str) -> str:
    """The `complaint_channel` code of a channel name (online, phone …) or code (04 …)."""
    return CHANNEL_ALIASES.get(channel, channel)


@transaction.atomic
def complaint_submit(
    *,
    kind: str,
    title: str,
    content: str,
    contact_name: str,
    contact_phone: str,
    region_code: str,
    applicant_user: Any = None,
    channel: str = "online",
    contact_address: str = "",
    contact_email: str = "",
    target_number: str = "",
    target_name: str = "",
    acting_user: Any = None,
) -> Complaint:
    """Accept a complaint or consultation (from the portal, or entered by staff for a letter, call or visit).

    The number is TS + county + year + sequence; the complainant sees the replies marked public.
    """
    from anju.core.models import Region

    errors: dict[str, list[str]] = {}
    title, content, contact_name = (title or "").strip(), (content or "").strip(), (contact_name or "").strip()
    if kind not in ComplaintKind.values:
        errors["kind"] = ["请选择投诉或咨询。"]
    if not title:
        errors["title"] = ["请填写标题。"]
    elif len(title) > TITLE_MAX:
        errors["title"] = [f"标题不能超过 {TITLE_MAX} 个字。"]
    if not content:
        errors["content"] = ["请填写内容。"]
    elif len(content) > CONTENT_MAX:
        errors["content"] = [f"内容不能超过 {CONTENT_MAX} 个字。"]
    if not contact_name:
        errors["contact_name"] = ["请填写联系人姓名。"]
    phone = "".join((contact_phone or "").split())
    try:
        validate_mobile(phone)
    except ValidationError as exc:
        errors["contact_phone"] = exc.messages
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            errors["contact_email"] = ["请填写有效的电子邮箱。"]
    if not region_code or not Region.objects.filter(code=region_code).exists():
        errors["region_code"] = ["请选择所在区县或街道。"]
    if errors:
        raise ValidationError(errors)
    if (
        acting_user is not None
        and getattr(acting_user, "is_authenticated", False)
        and can_edit_supervision(acting_user)
    ):
        supervision_edit_check(acting_user, region_code)
    complaint = Complaint(
        kind=kind,
        title=title,
        content=content,
        contact_name=contact_name,
        contact_phone=phone,
        contact_phone_index=blind_index(phone, purpose="mobile"),
        contact_address=contact_address or "",
        contact_email=contact_email or "",
        channel=channel_code(channel),
        region_code=region_code,
        target_number=target_number or "",
        target_name=target_name or "",
        submitted_at=timezone.now(),
        applicant_user=applicant_user if getattr(applicant_user, "is_authenticated", False) else None,
    )
    complaint.number = number_next(kind="complaint", region_code=region_code)
    complaint.full_clean()
    complaint.save()
    audit(
        action="RECORD_CREATED",
        user=acting_user or applicant_user,
        obj=complaint,
        event=SupervisionEvent.COMPLAINT_SUBMITTED,
        detail={"number": complaint.number, "kind": kind, "channel": complaint.channel},
    )
    return complaint


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update(of=("self",)).get(pk=complaint.pk)


def _open_check(complaint: Complaint) -> None:
    if complaint.status == ComplaintStatus.CLOSED:
        raise ValidationError("该投诉已办结，不能再办理。")


@transaction.atomic
def complaint_assign(*, complaint: Complaint, assignee: Any, acting_user: Any, department: str = "") -> Complaint:
    """Give a complaint to a handler (an officer whose jurisdiction covers it)."""
    complaint = _locked(complaint)
    supervision_edit_check(acting_user, complaint.region_code)
    _open_check(complaint)
    if assignee is None or not can_edit_supervision(assignee):
        raise ValidationError({"assignee": ["承办人须为区县保障科或市保障处人员。"]})
    try:
        supervision_edit_check(assignee, complaint.region_code)
    except Exception:
        raise ValidationError({"assignee": ["该投诉不在承办人的管辖范围内。"]}) from None
    complaint.assigned_to, complaint.assigned_at = assignee, timezone.now()
    if department:
        complaint.handling_department = department
    if complaint.status == ComplaintStatus.SUBMITTED:
        complaint.status = ComplaintStatus.ASSIGNED
    complaint.save(update_fields=["assigned_to", "assigned_at", "handling_department", "status", "updated_at"])
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=complaint,
        event=SupervisionEvent.COMPLAINT_ASSIGNED,
        detail={"number": complaint.number, "assignee": assignee.pk},
    )
    return complaint


@transaction.atomic
def complaint_reply(*, complaint: Complaint, body: str, acting_user: Any, is_public: bool = True) -> ComplaintReply:
    """Add a reply (public: the complainant sees it) or an internal note."""
    complaint = _locked(complaint)
    supervision_edit_check(acting_user, complaint.region_code)
    _open_check(complaint)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": ["请填写答复内容。"]})
    if len(body) > CONTENT_MAX:
        raise ValidationError({"body": [f"答复内容不能超过 {CONTENT_MAX} 个字。"]})
    reply = ComplaintReply(complaint=complaint, author=actor(acting_user), body=body, is_public=is_public)
    reply.full_clean()
    reply.save()
    fields = ["updated_at"]
    if is_public and complaint.status in (ComplaintStatus.SUBMITTED, ComplaintStatus.ASSIGNED):
        complaint.status = ComplaintStatus.REPLIED
        fields.append("status")
    if complaint.assigned_to_id is None:
        complaint.assigned_to, complaint.assigned_at = actor(acting_user), timezone.now()
        fields += ["assigned_to", "assigned_at"]
    complaint.save(update_fields=fields)
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=complaint,
        event=SupervisionEvent.COMPLAINT_REPLIED,
        detail={"number": complaint.number, "public": is_public},
    )
    return reply


@transaction.atomic
def complaint_close(
    *,
    complaint: Complaint,
    acting_user: Any,
    handling_opinion: str,
    verification_method: str = "",
    verification_result: str = "",
    handling_department: str = "",
    handled_on: date | None = None,
    credit_listed: bool = False,
) -> Complaint:
    """Close with the handling record of A.10.2 (查证方式/结果, 处理意见, 日期, 负责人, 是否列入信用档案)."""
    complaint = _locked(complaint)
    supervision_edit_check(acting_user, complaint.region_code)
    _open_check(complaint)
    errors: dict[str, list[str]] = {}
    if not (handling_opinion or "").strip():
        errors["handling_opinion"] = ["请填写处理意见。"]
    if complaint.kind == ComplaintKind.COMPLAINT and not verification_result:
        errors["verification_result"] = ["投诉办结时请选择查证结果。"]
    handled_on = handled_on or timezone.localdate()
    if handled_on < timezone.localtime(complaint.submitted_at).date():
        errors["handled_on"] = ["处理日期不能早于投诉日期。"]
    if errors:
        raise ValidationError(errors)
    complaint.handling_opinion = handling_opinion.strip()
    complaint.verification_method = verification_method or ""
    complaint.verification_result = verification_result or ""
    complaint.handling_department = handling_department or complaint.handling_department
    complaint.handled_on, complaint.handled_by = handled_on, actor(acting_user)
    complaint.credit_listed = credit_listed
    complaint.status, complaint.closed_at = ComplaintStatus.CLOSED, timezone.now()
    complaint.full_clean()
    complaint.save()
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=complaint,
        event=SupervisionEvent.COMPLAINT_CLOSED,
        detail={
            "number": complaint.number,
            "verification_result": complaint.verification_result,
            "credit_listed": credit_listed,
        },
    )
    return complaint
