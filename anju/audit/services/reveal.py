"""Showing one personal identifier in plain text, with a reason, logged (security.md #10)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest

from anju.audit.events import AuditAction, AuditResult
from anju.audit.permissions import can_reveal_personal_data
from anju.core.fields import EncryptedTextField
from anju.core.signals import personal_data_revealed

REASON_MAX = 200


def revealable_fields(model: type[models.Model]) -> dict[str, str]:
    """The encrypted fields of a model that may be revealed: name -> Chinese label."""
    return {
        f.name: str(f.verbose_name) for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)
    }


def personal_data_reveal(
    *, user: Any, obj: models.Model, field: str, reason: str, request: HttpRequest | None
) -> str:
    """The plain value of `obj.field` for a permitted user with a reason; logged as
    PERSONAL_DATA_VIEWED (the `personal_data_revealed` signal). A refusal is logged as denied."""
    from anju.audit.services.events import audit_event_record

    labels = revealable_fields(type(obj))
    if field not in labels:
        raise ValidationError({"field": "该字段不是可查看明文的个人信息。"})
    if not can_reveal_personal_data(user):
        audit_event_record(
            action=AuditAction.PERSONAL_DATA_VIEWED, user=user, obj=obj, result=AuditResult.DENIED,
            detail={"field": field, "field_label": labels[field], "reason": (reason or "").strip()[:REASON_MAX]},
            request=request,
        )
        raise PermissionDenied("您没有查看个人信息明文的权限。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写查看明文的事由。"})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"事由不能超过 {REASON_MAX} 个字。"})
    value = getattr(obj, field) or ""
    personal_data_revealed.send(sender=type(obj), user=user, request=request, obj=obj, field=field, reason=reason)
    return value
