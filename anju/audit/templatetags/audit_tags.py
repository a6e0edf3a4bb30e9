"""Template tags of the audit app: a record's history on any detail page."""

from __future__ import annotations

from typing import Any

from django import template

from anju.audit.selectors import object_history as select_object_history

register = template.Library()


@register.inclusion_tag("audit/includes/history_entries.html")
def object_history(obj: Any, limit: int = 50) -> dict[str, Any]:
    """`{% object_history obj %}`: field changes and domain events of a record, newest first."""
    if obj is None or getattr(obj, "pk", None) is None:
        return {"entries": []}
    return {"entries": select_object_history(obj=obj, limit=limit)}


@register.filter
def model_label(obj: Any) -> str:
    """`app_label.ModelName` of a record (for the reveal form)."""
    return obj._meta.label if hasattr(obj, "_meta") else ""
