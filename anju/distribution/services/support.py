"""Support objects: fund disbursement plans (A.7.7 支持对象资金拨付配置计划) and land supply records (A.7.8 土地供应记录信息)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from anju.distribution.events_contracts import ContractEvent
from anju.distribution.models import LandSupplyRecord, SupportDisbursementPlan
from anju.distribution.services.common_contracts import actor, audit, edit_check, number_next

SUPPORT_PLAN_FIELDS = ("target_number", "target_name", "total_amount", "period_type", "period", "starts_on")
LAND_SUPPLY_FIELDS = (
    "parcel_number",
    "project",
    "parcel_name",
    "approval_document",
    "approval_number",
    "approved_on",
    "acquisition_mode",
    "land_area",
    "land_value",
    "use_years",
)


def _save(
    *,
    instance: Any,
    data: dict[str, Any],
    fields: tuple[str, ...],
    region_code: str,
    acting_user: Any,
    number_kind: str,
    event: str,
    what: str,
) -> Any:
    """Create or update one record: check, apply, full_clean, save, audit with the changed fields."""
    creating = instance.pk is None
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    region_code = region_code if creating else instance.region_code
    edit_check(acting_user, region_code, what=what)
    project = data.get("project")
    if project is not None and not project.region_code.startswith(region_code[:6]):
        raise ValidationError({"project": ["项目不在该区县。"]})
    with transaction.atomic():
        changes: dict[str, list[str]] = {}
        for name, value in data.items():
            old = getattr(instance, name)
            if old != value:
                changes[name] = [str(old), str(value)]
            setattr(instance, name, value)
        if creating:
            instance.region_code = region_code
            instance.number = number_next(kind=number_kind, region_code=region_code)
            instance.created_by = actor(acting_user)
        instance.updated_by = actor(acting_user)
        instance.full_clean()
        instance.save()
        audit(
            action="RECORD_CREATED" if creating else "RECORD_UPDATED",
            user=acting_user,
            obj=instance,
            event=event,
            detail={"number": instance.number} if creating else {"number": instance.number, "changes": changes},
        )
    return instance


def support_plan_save(
    *, data: dict[str, Any], acting_user: Any, instance: SupportDisbursementPlan | None = None, region_code: str = ""
) -> SupportDisbursementPlan:
    """Create (in `region_code`) or edit a fund disbursement plan (A.7.7)."""
    if data.get("total_amount") is not None and data["total_amount"] <= 0:
        raise ValidationError({"total_amount": ["拨付总金额应大于 0。"]})
    return _save(
        instance=instance or SupportDisbursementPlan(),
        data=data,
        fields=SUPPORT_PLAN_FIELDS,
        region_code=region_code,
        acting_user=acting_user,
        number_kind="support_plan",
        event=ContractEvent.SUPPORT_PLAN_SAVED,
        what="该拨付计划",
    )


def land_supply_save(
    *, data: dict[str, Any], acting_user: Any, instance: LandSupplyRecord | None = None, region_code: str = ""
) -> LandSupplyRecord:
    """Create (in `region_code`) or edit a land supply record (A.7.8)."""
    errors = {}
    if data.get("land_area") is not None and data["land_area"] <= 0:
        errors["land_area"] = ["土地面积应大于 0。"]
    if data.get("use_years") is not None and not (1 <= data["use_years"] <= 70):
        errors["use_years"] = ["土地使用年限应在 1 至 70 年之间。"]
    if errors:
        raise ValidationError(errors)
    return _save(
        instance=instance or LandSupplyRecord(),
        data=data,
        fields=LAND_SUPPLY_FIELDS,
        region_code=region_code,
        acting_user=acting_user,
        number_kind="land_supply",
        event=ContractEvent.LAND_SUPPLY_SAVED,
        what="该供地记录",
    )


__all__ = ["land_supply_save", "support_plan_save"]
