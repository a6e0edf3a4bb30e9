"""专项检查 (A.10.1) and 支持对象行政奖罚 (A.10.4): create and edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from anju.supervision.events import SupervisionEvent
from anju.supervision.models import Inspection, SupplierSanction
from anju.supervision.permissions import supervision_edit_check
from anju.supervision.services.common import actor, audit, number_next

INSPECTION_FIELDS = (
    "inspected_on",
    "department",
    "leader",
    "content",
    "target",
    "result_kind",
    "result",
    "resolution",
    "resolved_on",
    "resolved_by",
    "credit_listed",
)
SANCTION_FIELDS = ("decided_on", "kind", "supplier_number", "supplier_name", "reason", "result", "decided_by")


def _save(
    *,
    instance: models.Model,
    data: dict[str, Any],
    names: tuple[str, ...],
    acting_user: Any,
    event: str,
    kind: str,
    region_code: str | None,
    masked: dict[str, Callable[[str], str]] | None = None,
) -> Any:
    """Set the fields, number a new record, validate, save, audit the changes.

    `masked`: personal-data fields whose audit values are kept only masked (field → masking function).
    A soft-deleted record (one with `is_deleted` set) must be restored before it is changed.
    """
    creating = instance.pk is None
    unknown = set(data) - set(names)
    if unknown:
        raise ValidationError(f"不接受的字段：{'、'.join(sorted(unknown))}。")
    if creating:
        if not region_code:
            raise ValidationError({"region_code": ["请选择所属行政区划。"]})
        instance.region_code = region_code
    elif getattr(instance, "is_deleted", False):
        raise ValidationError("该记录已删除，请先恢复再修改。")
    supervision_edit_check(acting_user, instance.region_code)
    masked = masked or {}

    def shown(name: str, value: Any) -> str:
        if value is None:
            return ""
        return masked[name](str(value)) if name in masked else str(value)

    changes = {}
    for name, value in data.items():
        old = getattr(instance, name, None)
        if old != value:
            changes[name] = [shown(name, old), shown(name, value)]
        setattr(instance, name, value)
    if creating:
        instance.created_by = actor(acting_user)
        instance.number = number_next(kind=kind, region_code=instance.region_code)
    instance.full_clean()
    instance.save()
    audit(
        action="RECORD_CREATED" if creating else "RECORD_UPDATED",
        user=acting_user,
        obj=instance,
        event=event,
        detail={"number": instance.number} if creating else {"changes": changes},
    )
    return instance


@transaction.atomic
def inspection_save(
    *, data: dict[str, Any], acting_user: Any, region_code: str | None = None, inspection: Inspection | None = None
) -> Inspection:
    """Create (检查编号 JC…) or change a special inspection; problems found need a handling result before 列入信用档案."""
    if data.get("resolved_on") and not data.get("resolution", getattr(inspection, "resolution", "")):
        raise ValidationError({"resolution": ["填写问题处理日期时，请填写问题处理结果。"]})
    return _save(
        instance=inspection or Inspection(),
        data=data,
        names=INSPECTION_FIELDS,
        acting_user=acting_user,
        event=SupervisionEvent.INSPECTION_SAVED,
        kind="inspection",
        region_code=region_code,
    )


@transaction.atomic
def sanction_save(
    *, data: dict[str, Any], acting_user: Any, region_code: str | None = None, sanction: SupplierSanction | None = None
) -> SupplierSanction:
    """Create (奖罚编号 JF…) or change an administrative reward or penalty of a supplier."""
    return _save(
        instance=sanction or SupplierSanction(),
        data=data,
        names=SANCTION_FIELDS,
        acting_user=acting_user,
        event=SupervisionEvent.SANCTION_SAVED,
        kind="sanction",
        region_code=region_code,
    )
