"""选房 (A.7.2): households choose in order within time windows; one unit never goes to two households.

- `selections_open` gives every household of the round's order (groups in order, then position;
  for a lottery: winners, then substitutes) a window of `window_minutes`, one after another.
- `selection_choose` records a household's unit. It locks the selection row, then the unit row
  (PostgreSQL: `SELECT … FOR UPDATE OF` the row's own table), and only then checks that no other
  household holds the unit; the partial unique constraint `distribution_selection_unit_once`
  refuses a second holder even if a check were bypassed. The unit moves 已交付/空置 → 已配给
  through `unit_state_transition` (source 资源配给), and the plan's household and resource are
  marked 已配置.
- A household may choose when its window has opened, or earlier once everyone before it has
  finished; after its window closes it cannot (it is marked 逾期未选 by `selections_expire`).
- `selection_waive` (放弃) and `selections_expire` (逾期) move a household aside with the reason.
- `selection_release` gives a chosen unit back: the unit returns to the state it had before
  (已交付 or 空置), the plan's household and resource return to 待配置.
- `selection_confirm` is the review (是否已审核, 审核时间, 审核人).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from anju.allocation.choices import AllocationState
from anju.allocation.models import PlanHousehold, PlanResource
from anju.distribution.choices import RoundMethod, RoundState, SelectionStatus
from anju.distribution.events_rounds import RoundEvent
from anju.distribution.models import AllocationRound, QueueEntry, Selection
from anju.distribution.services.common_rounds import actor, audit, distribution_edit_check
from anju.distribution.services.rounds import plan_units, round_lock
from anju.housing.choices import UnitState
from anju.housing.models import Unit
from anju.housing.services.units import ALLOCATION, unit_state_transition

HELD = (SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED)
RESOLVED = (SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED, SelectionStatus.WAIVED, SelectionStatus.MISSED)


@transaction.atomic
def selections_open(
    *, round_: AllocationRound, starts_at: datetime, acting_user: Any, window_minutes: int | None = None
) -> int:
    """开始选房: one selection per household of the order, with consecutive windows; returns how many."""
    distribution_edit_check(acting_user, round_.region_code)
    locked = round_lock(round_)
    ready = RoundState.DRAWN if locked.method == RoundMethod.LOTTERY else RoundState.ORDERED
    if locked.state != ready:
        raise ValidationError("请先完成摇号。" if locked.method == RoundMethod.LOTTERY else "请先计算轮候顺序。")
    minutes = window_minutes or locked.window_minutes
    if minutes < 1:
        raise ValidationError({"window_minutes": ["每户选房时限至少 1 分钟。"]})
    if starts_at is None:
        raise ValidationError({"starts_at": ["请填写选房开始时间。"]})
    entries = list(
        QueueEntry.objects.filter(round=locked)
        .order_by("group_rank", "position")
        .values_list("register_entry_id", flat=True)
    )
    if not entries:
        raise ValidationError("该批次没有轮候家庭。")
    window = timedelta(minutes=minutes)
    user = actor(acting_user)
    Selection.objects.bulk_create(
        [
            Selection(
                round=locked,
                region_code=locked.region_code,
                register_entry_id=entry_id,
                order=order,
                window_start=starts_at + window * (order - 1),
                window_end=starts_at + window * order,
                created_by=user,
                updated_by=user,
            )
            for order, entry_id in enumerate(entries, start=1)
        ],
        batch_size=2000,
    )
    locked.state, locked.selection_starts_at, locked.window_minutes, locked.updated_by = (
        RoundState.SELECTING,
        starts_at,
        minutes,
        user,
    )
    locked.save(update_fields=["state", "selection_starts_at", "window_minutes", "updated_by", "updated_at"])
    audit(
        action="BATCH_RUN",
        user=acting_user,
        obj=locked,
        event=RoundEvent.SELECTION_OPENED,
        detail={"households": len(entries), "starts_at": starts_at.isoformat(), "window_minutes": minutes},
    )
    round_.state = locked.state
    return len(entries)


def _lock_selection(selection: Selection) -> Selection:
    return Selection.objects.select_for_update(of=("self",)).select_related("round", "round__plan").get(pk=selection.pk)


def _plan_household(round_: AllocationRound, selection: Selection) -> Any:
    return PlanHousehold.objects.filter(plan_id=round_.plan_id, register_entry_id=selection.register_entry_id)


@transaction.atomic
def selection_choose(*, selection: Selection, unit: Unit, acting_user: Any, now: datetime | None = None) -> Selection:
    """选房: the household takes a unit of the plan, in its turn and window; the unit becomes 已配给."""
    distribution_edit_check(acting_user, selection.region_code)
    now = now or timezone.now()
    locked = _lock_selection(selection)
    round_ = locked.round
    if round_.state != RoundState.SELECTING:
        raise ValidationError("该批次不在选房阶段。")
    if locked.status != SelectionStatus.WAITING:
        raise ValidationError(f"该家庭的选房状态为“{locked.get_status_display()}”，不能再选房。")
    if locked.window_end and now > locked.window_end:
        raise ValidationError("已超过该家庭的选房时限。")
    if locked.window_start and now < locked.window_start:
        earlier_waiting = Selection.objects.filter(round=round_, order__lt=locked.order, status=SelectionStatus.WAITING)
        if earlier_waiting.exists():
            raise ValidationError(
                f"尚未轮到该家庭选房（选房时间 {timezone.localtime(locked.window_start):%Y-%m-%d %H:%M} 起）。"
            )
    unit_row = Unit.objects.select_for_update(of=("self",)).filter(pk=unit.pk).first()
    if unit_row is None or not plan_units(round_.plan).filter(unit_id=unit.pk).exists():
        raise ValidationError({"unit": ["该住房不在本批次的房源中。"]})
    holder = Selection.objects.filter(unit_id=unit.pk, status__in=HELD).exclude(pk=locked.pk).first()
    if holder is not None:
        raise ValidationError({"unit": [f"住房 {unit_row.number} 已被其他家庭选定。"]})
    if unit_row.state not in (UnitState.DELIVERED, UnitState.VACANT):
        raise ValidationError({"unit": [f"住房 {unit_row.number} 当前为“{unit_row.get_state_display()}”，不能选择。"]})
    locked.unit, locked.status, locked.chosen_at, locked.status_reason = unit_row, SelectionStatus.CHOSEN, now, ""
    locked.unit_prior_state = unit_row.state
    locked.updated_by = actor(acting_user)
    try:
        with transaction.atomic():
            locked.save(
                update_fields=[
                    "unit",
                    "status",
                    "chosen_at",
                    "status_reason",
                    "unit_prior_state",
                    "updated_by",
                    "updated_at",
                ]
            )
    except IntegrityError:
        raise ValidationError({"unit": [f"住房 {unit_row.number} 已被其他家庭选定。"]}) from None
    number = locked.register_entry.number
    unit_state_transition(
        unit=unit_row,
        to_state=UnitState.ALLOCATED,
        reason=f"选房：批次 {round_.number}，登记编号 {number}",
        acting_user=acting_user,
        source=ALLOCATION,
    )
    _plan_household(round_, locked).update(state=AllocationState.ALLOCATED, allocated_at=now)
    PlanResource.objects.filter(plan_id=round_.plan_id, unit_id=unit_row.pk).update(
        state=AllocationState.ALLOCATED, allocated_on=timezone.localdate(now)
    )
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=locked,
        event=RoundEvent.UNIT_CHOSEN,
        detail={"round": round_.number, "register_entry": number, "unit": unit_row.number, "order": locked.order},
    )
    return locked


def _set_aside(selection: Selection, *, status: str, reason: str, acting_user: Any, event: str) -> Selection:
    locked = _lock_selection(selection)
    if locked.round.state != RoundState.SELECTING:
        raise ValidationError("该批次不在选房阶段。")
    if locked.status != SelectionStatus.WAITING:
        raise ValidationError(f"该家庭的选房状态为“{locked.get_status_display()}”。")
    locked.status, locked.status_reason, locked.updated_by = status, reason, actor(acting_user)
    locked.save(update_fields=["status", "status_reason", "updated_by", "updated_at"])
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=locked,
        event=event,
        detail={"round": locked.round.number, "register_entry": locked.register_entry.number, "reason": reason},
    )
    return locked


@transaction.atomic
def selection_waive(*, selection: Selection, reason: str, acting_user: Any) -> Selection:
    """放弃选房: the household steps aside with its reason; the next household's turn comes."""
    distribution_edit_check(acting_user, selection.region_code)
    if not (reason or "").strip():
        raise ValidationError({"reason": ["请填写放弃原因。"]})
    return _set_aside(
        selection,
        status=SelectionStatus.WAIVED,
        reason=reason.strip()[:200],
        acting_user=acting_user,
        event=RoundEvent.SELECTION_WAIVED,
    )


@transaction.atomic
def selections_expire(*, round_: AllocationRound, acting_user: Any, now: datetime | None = None) -> int:
    """逾期未选: every waiting household whose window has closed is moved aside (set-wise); returns how many."""
    distribution_edit_check(acting_user, round_.region_code)
    now = now or timezone.now()
    locked = round_lock(round_)
    if locked.state != RoundState.SELECTING:
        raise ValidationError("该批次不在选房阶段。")
    late = Selection.objects.filter(round=locked, status=SelectionStatus.WAITING, window_end__lt=now)
    numbers = list(late.values_list("register_entry__number", flat=True)[:200])
    count = late.update(
        status=SelectionStatus.MISSED, status_reason="超过选房时限未选房", updated_by=actor(acting_user), updated_at=now
    )
    if count:
        audit(
            action="BATCH_RUN",
            user=acting_user,
            obj=locked,
            event=RoundEvent.SELECTION_MISSED,
            detail={"count": count, "register_entries": numbers},
        )
    return count


@transaction.atomic
def selection_release(*, selection: Selection, reason: str, acting_user: Any) -> Selection:
    """退回已选住房: the unit returns to its earlier state; the household and resource return to 待配置."""
    distribution_edit_check(acting_user, selection.region_code)
    if not (reason or "").strip():
        raise ValidationError({"reason": ["请填写退回原因。"]})
    locked = _lock_selection(selection)
    if locked.status not in HELD or locked.unit_id is None:
        raise ValidationError("该家庭没有已选定的住房。")
    if locked.contracts.exists():
        raise ValidationError("已签订合同的选房不能退回，请先解除合同。")
    unit = locked.unit
    back = locked.unit_prior_state or UnitState.DELIVERED
    locked.status, locked.status_reason = SelectionStatus.WAIVED, f"退回住房：{reason.strip()}"[:200]
    locked.updated_by = actor(acting_user)
    locked.save(update_fields=["status", "status_reason", "updated_by", "updated_at"])
    unit_state_transition(
        unit=unit,
        to_state=back,
        reason=f"退回选房：批次 {locked.round.number}，{reason.strip()}",
        acting_user=acting_user,
        source=ALLOCATION,
    )
    round_ = locked.round
    _plan_household(round_, locked).update(state=AllocationState.PLANNED, allocated_at=None)
    PlanResource.objects.filter(plan_id=round_.plan_id, unit_id=unit.pk).update(
        state=AllocationState.PLANNED, allocated_on=None
    )
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=locked,
        event=RoundEvent.SELECTION_RELEASED,
        detail={"round": round_.number, "unit": unit.number, "reason": reason.strip(), "unit_state": back},
    )
    return locked


@transaction.atomic
def selection_confirm(*, selection: Selection, acting_user: Any) -> Selection:
    """审核确认选房 (是否已审核/审核时间/审核人)."""
    distribution_edit_check(acting_user, selection.region_code)
    if acting_user is not None and not getattr(acting_user, "is_authenticated", False):
        raise ValidationError("审核须由经办人员办理。")
    locked = _lock_selection(selection)
    if locked.status != SelectionStatus.CHOSEN:
        raise ValidationError("只有已选房的记录可以审核确认。")
    locked.status, locked.is_reviewed, locked.reviewed_at = SelectionStatus.CONFIRMED, True, timezone.now()
    locked.reviewed_by = actor(acting_user)
    locked.updated_by = actor(acting_user)
    locked.save(update_fields=["status", "is_reviewed", "reviewed_at", "reviewed_by", "updated_by", "updated_at"])
    audit(
        action="APPROVAL",
        user=acting_user,
        obj=locked,
        event=RoundEvent.SELECTION_CONFIRMED,
        detail={"round": locked.round.number, "unit": locked.unit.number if locked.unit_id else ""},
    )
    return locked
