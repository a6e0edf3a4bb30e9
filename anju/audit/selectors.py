"""Reads of the audit log; every selector takes the user (style.md 3)."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from anju.audit.models import AuditEvent
from anju.audit.permissions import can_read_audit
from anju.core.scoping import jurisdiction_prefix

CHANGE_ACTION_LABELS = {0: "新增", 1: "修改", 2: "删除", 3: "访问"}


def event_list(*, user: Any) -> QuerySet[AuditEvent]:
    """The domain events an auditor may read (all of them; nothing for anyone else)."""
    if not can_read_audit(user):
        return AuditEvent.objects.none()
    return AuditEvent.objects.all().order_by("-sequence")


def event_get(*, user: Any, pk: int) -> AuditEvent:
    """One event, or 404."""
    try:
        return event_list(user=user).get(pk=pk)
    except AuditEvent.DoesNotExist as exc:
        raise Http404("审计事件不存在。") from exc


def change_list(*, user: Any) -> QuerySet[LogEntry]:
    """Field change log entries (django-auditlog) an auditor may read."""
    if not can_read_audit(user):
        return LogEntry.objects.none()
    return LogEntry.objects.select_related("content_type", "actor").order_by("-timestamp", "-id")


def object_history(*, obj: models.Model, limit: int = 50) -> list[dict[str, Any]]:
    """A record's history, newest first: field changes and domain events, merged by time.

    The caller has already shown `obj` to the user (it passed the record's own scoping);
    encrypted fields appear only masked in both streams.
    """
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    entries: list[dict[str, Any]] = []
    for entry in (
        LogEntry.objects.filter(content_type=content_type, object_pk=str(obj.pk))
        .select_related("actor")
        .order_by("-timestamp")[:limit]
    ):
        entries.append(
            {
                "time": entry.timestamp,
                "kind": "change",
                "action": CHANGE_ACTION_LABELS.get(entry.action, str(entry.action)),
                "actor": entry.actor.get_username() if entry.actor else "系统",
                "changes": _changes_of(entry),
                "result": "",
            }
        )
    for event in AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("-sequence")[:limit]:
        entries.append(
            {
                "time": event.occurred_at,
                "kind": "event",
                "action": event.get_action_display(),
                "actor": event.username or "系统",
                "changes": [],
                "result": event.get_result_display(),
            }
        )
    entries.sort(key=lambda item: item["time"], reverse=True)
    return entries[:limit]


def _changes_of(entry: LogEntry) -> list[tuple[str, str, str]]:
    """(field label, before, after) of a change log entry."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        label = name
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except Exception:  # a field removed since: keep the stored name
                label = name
        before, after = [*values, None, None][:2] if isinstance(values, list) else (values, "")
        rows.append((label, "" if before in (None, "None") else str(before), "" if after in (None, "None") else str(after)))
    return rows


def reveal_target(*, user: Any, model_label: str, pk: str) -> models.Model:
    """The record whose personal data the user asks to see, inside the user's jurisdiction (else 404).

    Region-scoped models use their `visible_to`; users are scoped by their jurisdiction; any
    other model is not revealable from the web.
    """
    from django.apps import apps

    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError) as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc
    queryset = model._default_manager.all()
    if hasattr(queryset, "visible_to"):
        queryset = queryset.visible_to(user)
    elif any(f.name == "jurisdiction" for f in model._meta.concrete_fields):
        prefix = jurisdiction_prefix(user)
        queryset = queryset.none() if prefix is None else queryset.filter(jurisdiction__code__startswith=prefix)
    else:
        raise Http404("记录不存在或不在您的管辖范围内。")
    try:
        return queryset.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc
