"""Writing the domain event log: `audit_event_record`, the one entry point (security.md #7, #8)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from anju.audit.chain import CHAIN_COLUMNS, GENESIS_HASH, normalise_ip, row_hash
from anju.audit.context import RequestContext, context_from_request, get_current_context
from anju.audit.events import AuditAction, AuditResult
from anju.audit.models import AuditChainHead, AuditEvent
from anju.core.masking import mask_text

OBJECT_REPR_MAX = 200
DETAIL_TEXT_MAX = 2000


def sanitise_detail(value: Any) -> Any:
    """A JSON-safe copy of an event detail, with personal identifiers in any text masked.

    Floats become text (so the stored JSON reads back exactly as hashed on every database),
    dates ISO text, sets sorted lists, model instances their masked text.
    """
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return mask_text(value[:DETAIL_TEXT_MAX])
    if isinstance(value, float | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(key): sanitise_detail(item) for key, item in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((sanitise_detail(item) for item in value), key=str)
    if isinstance(value, list | tuple):
        return [sanitise_detail(item) for item in value]
    return mask_text(str(value)[:DETAIL_TEXT_MAX])


def _resolve_context(request: HttpRequest | None) -> RequestContext:
    if request is not None:
        return context_from_request(request)
    return get_current_context() or RequestContext()


def _user_snapshot(user: Any) -> tuple[Any, str, str, str]:
    """(user or None, username, role codes, organisation name) at the time of the event."""
    if user is None or not getattr(user, "is_authenticated", False) or getattr(user, "pk", None) is None:
        return None, "", "", ""
    role_grants = getattr(user, "role_grants", None)
    codes = sorted(set(role_grants.values_list("role", flat=True))) if role_grants is not None else []
    organisation = getattr(user, "organisation", None) if getattr(user, "organisation_id", None) else None
    return user, user.get_username(), ",".join(codes), organisation.name if organisation else ""


def _lock_head() -> AuditChainHead:
    """The chain head, locked until the surrounding transaction ends (creates it if missing)."""
    head = AuditChainHead.objects.select_for_update(of=("self",)).filter(pk=1).first()
    if head is None:
        last = AuditEvent.objects.order_by("-sequence").values_list("sequence", "row_hash").first()
        sequence, last_hash = last if last else (0, GENESIS_HASH)
        AuditChainHead.objects.get_or_create(pk=1, defaults={"sequence": sequence, "row_hash": last_hash})
        head = AuditChainHead.objects.select_for_update(of=("self",)).get(pk=1)
    return head


def event_append(
    *,
    action: str,
    user: Any = None,
    obj: models.Model | None = None,
    result: str = AuditResult.SUCCESS,
    detail: dict | None = None,
    request: HttpRequest | None = None,
    region_code: str = "",
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditEvent:
    """Append one event to the chain; `audit_event_record` plus an object given by label."""
    action = str(action)
    if not action or not action.replace("_", "").isalnum() or not action.isupper():
        raise ValueError(f"审计操作代码无效：{action!r}")
    if result not in AuditResult.values:
        raise ValueError(f"审计结果无效：{result!r}")
    context = _resolve_context(request)
    if user is None:
        user = context.user
    user, username, role_codes, organisation_name = _user_snapshot(user)
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk) if obj.pk is not None else ""
        object_repr = str(obj)
        region_code = region_code or getattr(obj, "region_code", "") or ""
    clean_detail = json.loads(json.dumps(sanitise_detail(detail or {})))
    ip = normalise_ip(context.ip)
    with transaction.atomic():
        head = _lock_head()
        event = AuditEvent(
            sequence=head.sequence + 1,
            occurred_at=timezone.now(),
            user=user,
            username=username,
            role_codes=role_codes,
            organisation_name=organisation_name[:200],
            ip=ip or None,
            user_agent=context.user_agent[:300],
            action=action,
            object_type=object_type[:100],
            object_id=str(object_id)[:64],
            object_repr=mask_text(object_repr)[:OBJECT_REPR_MAX],
            region_code=(region_code or "")[:12],
            result=result,
            detail=clean_detail,
            prev_hash=head.row_hash,
        )
        event.row_hash = row_hash([getattr(event, column) for column in CHAIN_COLUMNS])
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=head.pk).update(sequence=event.sequence, row_hash=event.row_hash)
    return event


def audit_event_record(
    *,
    action: str,
    user: Any = None,
    obj: models.Model | None = None,
    result: str = "success",
    detail: dict | None = None,
    request: HttpRequest | None = None,
    region_code: str = "",
) -> AuditEvent:
    """Record one domain event (time, user, roles, organisation, IP, action, object, result).

    IP and user agent come from `request`, else from the request being served
    (`RequestContextMiddleware`). Inside a caller's transaction the event is written in that
    transaction, so a rolled-back write leaves no event. `detail` is masked, never plain
    personal data. `action` is an `AuditAction` code (or another app's upper-case code).
    """
    return event_append(
        action=action, user=user, obj=obj, result=result, detail=detail, request=request, region_code=region_code
    )


__all__ = ["AuditAction", "audit_event_record", "event_append", "sanitise_detail"]
