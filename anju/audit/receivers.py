"""Listeners of the platform signals (core emits, audit records)."""

from __future__ import annotations

from typing import Any

from anju.audit.events import AuditAction
from anju.audit.services.events import event_append

IGNORED_FILTER_KEYS = frozenset({"export", "csrfmiddlewaretoken", "page"})


def on_data_exported(
    sender: Any, *, user: Any, request: Any, model_label: str, row_count: int, filters: dict, **kwargs: Any
) -> None:
    """A list export: one EXPORT event with the row count and the filters used."""
    event_append(
        action=AuditAction.EXPORT,
        user=user,
        request=request,
        object_type=model_label.lower(),
        detail={
            "model": model_label,
            "view": getattr(sender, "__name__", str(sender)),
            "row_count": row_count,
            "filters": {k: v for k, v in (filters or {}).items() if k not in IGNORED_FILTER_KEYS},
        },
    )


def on_personal_data_revealed(
    sender: Any, *, user: Any, request: Any, obj: Any, field: str, reason: str, **kwargs: Any
) -> None:
    """A plain view of personal data: one PERSONAL_DATA_VIEWED event with the reason."""
    try:
        label = str(obj._meta.get_field(field).verbose_name)
    except Exception:  # a non-model attribute: the name is the label
        label = field
    event_append(
        action=AuditAction.PERSONAL_DATA_VIEWED,
        user=user,
        obj=obj,
        request=request,
        detail={"field": field, "field_label": label, "reason": reason},
    )
