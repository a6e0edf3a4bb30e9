"""What every housing service does: permission check, full_clean, save, audit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from anju.housing.permissions import housing_edit_check


def audit(*, action: str, user: Any, obj: Any, event: str, detail: dict | None = None) -> None:
    """Record one audit event (action = AuditAction name) with the housing event id in detail."""
    from anju.core.services.auditing import audit_record

    actor = user if getattr(user, "is_authenticated", False) else None
    audit_record(action=action, user=actor, obj=obj, detail={"event": event, **(detail or {})})


def apply_changes(instance: models.Model, data: dict[str, Any]) -> dict[str, list[str]]:
    """Set attributes from data; return {field: [old, new]} for the ones that changed."""
    changes: dict[str, list[str]] = {}
    for name, value in data.items():
        old = getattr(instance, name, None)
        if old != value:
            changes[name] = [str(old), str(value)]
        setattr(instance, name, value)
    return changes


def save_record(
    *, instance: models.Model, data: dict[str, Any], acting_user: Any, event: str, region_code: str | None = None
) -> models.Model:
    """Check, apply, full_clean, save and audit a create or an update (call inside atomic)."""
    creating = instance.pk is None
    if getattr(instance, "is_deleted", False):
        raise ValidationError("该记录已删除，请先恢复后再修改。")
    for field in instance._meta.concrete_fields:  # a link to a deleted record (e.g. a deleted participant) is refused
        target = data.get(field.name) if field.is_relation else None
        if target is not None and getattr(target, "is_deleted", False):
            raise ValidationError({field.name: [f"{field.verbose_name}“{target}”已删除。"]})
    if region_code is not None:
        instance.region_code = region_code
    changes = apply_changes(instance, data)
    housing_edit_check(acting_user, instance.region_code)
    instance.full_clean()
    instance.save()
    audit(
        action="RECORD_CREATED" if creating else "RECORD_UPDATED",
        user=acting_user,
        obj=instance,
        event=event,
        detail={} if creating else {"changes": changes},
    )
    return instance
