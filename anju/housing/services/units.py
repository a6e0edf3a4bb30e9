"""The unit's state and the handover batches that put completed units into the allocatable stock.

The state of a unit (住房状态) moves only through `unit_state_transition` (one unit) or
`units_state_transition` (a batch, same table, same checks); forms, the API and the admin never
write `Unit.state`. Allowed moves and the business (source) that may make each:

    from \\ to      已交付        已配给        已入住        空置          维修          锁定
    未交付          handover      -             -             -             -             management
    已交付          -             allocation    -             -             management    management
    已配给          allocation    -             tenancy       allocation    -             management
    已入住          -             -             -             tenancy       -             management
    空置            -             allocation    -             -             management    management
    维修            -             -             -             management    -             -
    锁定            management    -             management    management    -             -

(已配给 → 已交付/空置 is a cancelled allocation; 锁定 is released back to the state it stands for.)
Anything else, a move to the same state, or a source not named for the move is refused with a
Chinese ValidationError and nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.housing.choices import BuildingStatus, UnitState
from anju.housing.events import HousingEvent
from anju.housing.models import Building, Handover, Project, Unit, UnitStateChange
from anju.housing.permissions import housing_edit_check
from anju.housing.services.common import audit

HANDOVER, ALLOCATION, TENANCY, MANAGEMENT = "handover", "allocation", "tenancy", "management"
SOURCES = {HANDOVER: "竣工移交", ALLOCATION: "资源配给", TENANCY: "配后管理（入住、腾退）", MANAGEMENT: "房源管理（维修、锁定）"}

S = UnitState
ALLOWED_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.UNDELIVERED, S.DELIVERED): frozenset({HANDOVER}),
    (S.UNDELIVERED, S.LOCKED): frozenset({MANAGEMENT}),
    (S.DELIVERED, S.ALLOCATED): frozenset({ALLOCATION}),
    (S.DELIVERED, S.MAINTENANCE): frozenset({MANAGEMENT}),
    (S.DELIVERED, S.LOCKED): frozenset({MANAGEMENT}),
    (S.ALLOCATED, S.DELIVERED): frozenset({ALLOCATION}),
    (S.ALLOCATED, S.OCCUPIED): frozenset({TENANCY}),
    (S.ALLOCATED, S.VACANT): frozenset({ALLOCATION}),
    (S.ALLOCATED, S.LOCKED): frozenset({MANAGEMENT}),
    (S.OCCUPIED, S.VACANT): frozenset({TENANCY}),
    (S.OCCUPIED, S.LOCKED): frozenset({MANAGEMENT}),
    (S.VACANT, S.ALLOCATED): frozenset({ALLOCATION}),
    (S.VACANT, S.MAINTENANCE): frozenset({MANAGEMENT}),
    (S.VACANT, S.LOCKED): frozenset({MANAGEMENT}),
    (S.MAINTENANCE, S.VACANT): frozenset({MANAGEMENT}),
    (S.LOCKED, S.DELIVERED): frozenset({MANAGEMENT}),
    (S.LOCKED, S.OCCUPIED): frozenset({MANAGEMENT}),
    (S.LOCKED, S.VACANT): frozenset({MANAGEMENT}),
}
# States whose units resource allocation may offer.
ALLOCATABLE_STATES = (S.DELIVERED, S.VACANT)


def transition_error(*, from_state: str, to_state: str, source: str) -> str | None:
    """Why a move is refused (Chinese), or None when the table allows it."""
    from_label, to_label = S(from_state).label, S(to_state).label
    if from_state == to_state:
        return f"住房已是“{to_label}”状态。"
    allowed = ALLOWED_TRANSITIONS.get((from_state, to_state))
    if allowed is None:
        return f"住房状态不能从“{from_label}”变为“{to_label}”。"
    if source not in allowed:
        names = "、".join(SOURCES[name] for name in sorted(allowed))
        return f"住房从“{from_label}”变为“{to_label}”只能由{names}办理。"
    return None


@transaction.atomic
def units_state_transition(
    *, units: Iterable[Unit], to_state: str, reason: str, acting_user: Any, source: str
) -> list[Unit]:
    """Move a batch of units to a state (all or nothing); rows locked in id order; one change row each."""
    if to_state not in S.values:
        raise ValidationError(f"未知的住房状态：{to_state}。")
    if source not in SOURCES:
        raise ValidationError(f"未知的业务来源：{source}。")
    if not (reason or "").strip():
        raise ValidationError("请填写状态变更原因。")
    ids = sorted({unit.pk for unit in units})
    locked = list(Unit.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk"))
    problems = []
    for unit in locked:
        error = transition_error(from_state=unit.state, to_state=to_state, source=source)
        if error:
            problems.append(f"{unit.number}：{error}")
    if problems:
        raise ValidationError(problems[:20] + ([f"另有{len(problems) - 20}套住房不能变更。"] if len(problems) > 20 else []))
    now = timezone.now()
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    UnitStateChange.objects.bulk_create(
        [
            UnitStateChange(unit=unit, from_state=unit.state, to_state=to_state, reason=reason, source=source, acting_user=user)
            for unit in locked
        ]
    )
    Unit.objects.filter(pk__in=ids).update(state=to_state, state_changed_at=now)
    if len(locked) == 1:
        audit(
            action="RECORD_UPDATED", user=acting_user, obj=locked[0], event=HousingEvent.UNIT_STATE_CHANGED,
            detail={"changes": {"state": [locked[0].state, to_state]}, "reason": reason, "source": source},
        )
    elif locked:  # one event for the batch, naming every unit
        audit(
            action="RECORD_UPDATED", user=acting_user, obj=None, event=HousingEvent.UNIT_STATE_CHANGED,
            detail={"units": [unit.number for unit in locked], "to_state": to_state, "reason": reason, "source": source},
        )
    for unit in locked:
        unit.state, unit.state_changed_at = to_state, now
    return locked


def unit_state_transition(*, unit: Unit, to_state: str, reason: str, acting_user: Any, source: str) -> Unit:
    """Move one unit to a state if the table allows it for this source (the single mover; see module doc)."""
    (moved,) = units_state_transition(units=[unit], to_state=to_state, reason=reason, acting_user=acting_user, source=source)
    unit.state, unit.state_changed_at = moved.state, moved.state_changed_at
    return unit


def _next_batch_number(project: Project) -> str:
    count = Handover.objects.filter(project=project).count()
    return f"YJ{project.number}-{count + 1:02d}"


@transaction.atomic
def handover_create(
    *, project: Project, units: Iterable[Unit], handed_over_on: date, handed_over_by: str, acting_user: Any, note: str = ""
) -> Handover:
    """竣工移交: hand completed, not yet delivered units of one project to the allocatable stock."""
    housing_edit_check(acting_user, project.region_code)
    units = list(units)
    if not units:
        raise ValidationError("请选择要移交的住房。")
    if not (handed_over_by or "").strip():
        raise ValidationError({"handed_over_by": ["请填写移交人。"]})
    if handed_over_on > timezone.localdate():
        raise ValidationError({"handed_over_on": ["移交时间不能晚于今天。"]})
    ids = [unit.pk for unit in units]
    rows = list(Unit.objects.filter(pk__in=ids).select_related("building").order_by("pk"))
    problems = []
    for unit in rows:
        if unit.building.project_id != project.pk:
            problems.append(f"{unit.number}：不属于项目{project.number}。")
        elif unit.building.status != BuildingStatus.COMPLETED:
            problems.append(f"{unit.number}：所在楼栋“{unit.building.name}”尚未竣工。")
        elif unit.handover_id:
            problems.append(f"{unit.number}：已在其他批次移交。")
    if len(rows) != len(set(ids)):
        problems.append("部分住房不存在。")
    if problems:
        raise ValidationError(problems[:20])
    handover = Handover(
        project=project, region_code=project.region_code, batch_number=_next_batch_number(project),
        handed_over_on=handed_over_on, handed_over_by=handed_over_by.strip(),
        received_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        unit_count=len(rows), note=note,
    )
    handover.full_clean()
    handover.save()
    units_state_transition(
        units=rows, to_state=S.DELIVERED, reason=f"竣工移交 {handover.batch_number}", acting_user=acting_user, source=HANDOVER
    )
    Unit.objects.filter(pk__in=ids).update(handover=handover)
    building_ids = {unit.building_id for unit in rows}
    complete = Building.objects.filter(pk__in=building_ids).exclude(units__handover__isnull=True)
    complete.update(handover=handover)
    audit(
        action="RECORD_CREATED", user=acting_user, obj=handover, event=HousingEvent.HANDOVER_CREATED,
        detail={"unit_count": len(rows), "batch_number": handover.batch_number},
    )
    return handover
