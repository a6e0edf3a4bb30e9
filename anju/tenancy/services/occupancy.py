"""入住 (A.8.3) and 腾退 (A.8.4): the unit moves 已配给 → 已入住 at move-in and 已入住 → 空置 after inspection.

Unit states change only through `anju.housing.services.units.unit_state_transition` (source tenancy).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.models import Contract
from anju.housing.choices import UnitState
from anju.housing.services.units import TENANCY, unit_state_transition
from anju.tenancy.choices import OccupancyStatus, VacateKind, VacateStatus
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import MoveIn, RentCharge, Vacate
from anju.tenancy.permissions import tenancy_check
from anju.tenancy.services.common import actor, audit
from anju.tenancy.services.parameters import parameter_for

ACTIVE_LEASE_STATUSES = (ContractStatus.SIGNED, ContractStatus.RENEWED)


def active_leases() -> Any:
    """Leases in force: 配租合同 signed or renewed."""
    return Contract.objects.filter(contract_type=ContractType.LEASE, status__in=ACTIVE_LEASE_STATUSES)


def _money(value: Any, label: str, errors: dict[str, list[str]], field: str) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else 0)).quantize(Decimal("0.01"))
    except Exception:
        errors.setdefault(field, []).append(f"{label}应为金额。")
        return Decimal(0)
    if amount < 0:
        errors.setdefault(field, []).append(f"{label}不能为负数。")
    return amount


def move_in_create(
    *,
    lease: Contract,
    moved_in_on: date,
    acting_user: Any,
    rent: Any = None,
    reduction_amount: Any = 0,
    reduction_reason: str = "",
    is_printed: bool = False,
) -> MoveIn:
    """办理入住: record the date, rent and reductions of a signed lease; the unit becomes 已入住."""
    tenancy_check(acting_user, lease.region_code)
    errors: dict[str, list[str]] = {}
    if lease.contract_type != ContractType.LEASE:
        errors.setdefault("lease", []).append("只有配租合同可以办理入住。")
    elif lease.status not in ACTIVE_LEASE_STATUSES:
        errors.setdefault("lease", []).append(
            f"合同{lease.number}状态为“{lease.get_status_display()}”，签约后才能办理入住。"
        )
    if lease.unit_id is None:
        errors.setdefault("lease", []).append("合同未指定房屋。")
    if MoveIn.objects.filter(lease=lease).exists():
        errors.setdefault("lease", []).append(f"合同{lease.number}已办理入住。")
    if moved_in_on is None:
        errors.setdefault("moved_in_on", []).append("请填写入住时间。")
    elif moved_in_on > timezone.localdate():
        errors.setdefault("moved_in_on", []).append("入住时间不能晚于今天。")
    elif lease.effective_on and moved_in_on < lease.effective_on:
        errors.setdefault("moved_in_on", []).append("入住时间不能早于合同生效时间。")
    rent_amount = _money(lease.monthly_rent if rent in (None, "") else rent, "租金", errors, "rent")
    reduction = _money(reduction_amount, "租金减免金额", errors, "reduction_amount")
    if reduction > rent_amount:
        errors.setdefault("reduction_amount", []).append("租金减免金额不能超过租金。")
    if reduction > 0 and not (reduction_reason or "").strip():
        errors.setdefault("reduction_reason", []).append("减免租金时请填写减免原因。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        unit = lease.unit
        if unit.state != UnitState.ALLOCATED:
            raise ValidationError(
                {"lease": [f"房屋{unit.number}当前为“{unit.get_state_display()}”，只有已配给的住房可以入住。"]}
            )
        move_in = MoveIn(
            lease=lease,
            register_entry_id=lease.register_entry_id,
            unit=unit,
            region_code=lease.region_code,
            moved_in_on=moved_in_on,
            rent=rent_amount,
            has_reduction=reduction > 0,
            reduction_amount=reduction,
            reduction_reason=(reduction_reason or "").strip(),
            deposit=lease.deposit or 0,
            is_printed=is_printed,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        move_in.full_clean()
        move_in.save()
        unit_state_transition(
            unit=unit,
            to_state=UnitState.OCCUPIED,
            reason=f"入住（合同{lease.number}）",
            acting_user=acting_user,
            source=TENANCY,
        )
        audit(action="RECORD_CREATED", user=acting_user, obj=move_in, event=TenancyEvent.MOVED_IN,
              detail={"lease": lease.number, "rent": str(rent_amount), "reduction": str(reduction)})  # fmt: skip
    return move_in


def vacate_create(
    *,
    move_in: MoveIn,
    kind: str,
    reason: str,
    acting_user: Any,
    notified_on: date | None = None,
    move_out_deadline: date | None = None,
) -> Vacate:
    """办理腾退 (voluntary or ordered): the household has until the deadline to move out."""
    tenancy_check(acting_user, move_in.region_code)
    errors: dict[str, list[str]] = {}
    if kind not in VacateKind.values:
        errors.setdefault("kind", []).append("请选择腾退方式。")
    if not (reason or "").strip():
        errors.setdefault("reason", []).append("请填写腾退原因。")
    if move_in.status != OccupancyStatus.OCCUPIED or Vacate.objects.filter(move_in=move_in).exists():
        errors.setdefault("move_in", []).append("该入住记录已在腾退或已腾退。")
    notified_on = notified_on or timezone.localdate()
    if move_out_deadline is None:
        move_out_deadline = notified_on + timedelta(days=parameter_for(move_in.region_code).move_out_days)
    if move_out_deadline < notified_on:
        errors.setdefault("move_out_deadline", []).append("搬离期限不能早于通知日期。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        vacate = Vacate(
            move_in=move_in,
            register_entry_id=move_in.register_entry_id,
            unit_id=move_in.unit_id,
            region_code=move_in.region_code,
            kind=kind,
            reason=reason.strip(),
            notified_on=notified_on,
            move_out_deadline=move_out_deadline,
            deposit=move_in.deposit,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        vacate.full_clean()
        vacate.save()
        MoveIn.objects.filter(pk=move_in.pk).update(status=OccupancyStatus.VACATING, updated_by=actor(acting_user))
        move_in.status = OccupancyStatus.VACATING
        audit(action="RECORD_CREATED", user=acting_user, obj=vacate, event=TenancyEvent.VACATE_NOTIFIED,
              detail={"kind": kind, "deadline": move_out_deadline.isoformat()})  # fmt: skip
    return vacate


def vacate_move_out(*, vacate: Vacate, vacated_on: date, acting_user: Any) -> Vacate:
    """The household has moved out (腾退时间); no rent is charged for later months."""
    tenancy_check(acting_user, vacate.region_code)
    if vacate.status != VacateStatus.NOTIFIED:
        raise ValidationError("该腾退已登记搬离。")
    if vacated_on is None or vacated_on < vacate.move_in.moved_in_on or vacated_on > timezone.localdate():
        raise ValidationError({"vacated_on": ["腾退时间应在入住时间之后且不晚于今天。"]})
    with transaction.atomic():
        vacate.vacated_on, vacate.status, vacate.updated_by = vacated_on, VacateStatus.MOVED_OUT, actor(acting_user)
        vacate.save(update_fields=["vacated_on", "status", "updated_by", "updated_at"])
        audit(action="RECORD_UPDATED", user=acting_user, obj=vacate, event=TenancyEvent.VACATE_MOVED_OUT,
              detail={"vacated_on": vacated_on.isoformat()})  # fmt: skip
    return vacate


def vacate_close(
    *, vacate: Vacate, inspected_on: date, acting_user: Any, inspection_note: str = "", damage_amount: Any = 0
) -> Vacate:
    """验房 and 结算: rent owed + damage − deposit; the unit goes back to 空置 (allocatable)."""
    tenancy_check(acting_user, vacate.region_code)
    errors: dict[str, list[str]] = {}
    if vacate.status != VacateStatus.MOVED_OUT:
        errors.setdefault("status", []).append("登记搬离后才能验房结算。")
    if inspected_on is None or (vacate.vacated_on and inspected_on < vacate.vacated_on):
        errors.setdefault("inspected_on", []).append("验房日期不能早于腾退时间。")
    damage = _money(damage_amount, "损坏赔偿", errors, "damage_amount")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        owed = RentCharge.objects.filter(move_in_id=vacate.move_in_id).aggregate(
            owed=Sum(F("amount") - F("paid_amount"))
        )["owed"] or Decimal(0)
        vacate.rent_owed, vacate.damage_amount = owed, damage
        vacate.balance = owed + damage - vacate.deposit
        vacate.inspected_on, vacate.inspection_note = inspected_on, (inspection_note or "").strip()
        vacate.status, vacate.updated_by = VacateStatus.CLOSED, actor(acting_user)
        vacate.full_clean()
        vacate.save()
        MoveIn.objects.filter(pk=vacate.move_in_id).update(status=OccupancyStatus.VACATED)
        unit_state_transition(
            unit=vacate.unit,
            to_state=UnitState.VACANT,
            reason=f"腾退验房（{vacate.get_kind_display()}）",
            acting_user=acting_user,
            source=TENANCY,
        )
        audit(action="RECORD_UPDATED", user=acting_user, obj=vacate, event=TenancyEvent.VACATE_CLOSED,
              detail={"rent_owed": str(owed), "damage": str(damage), "deposit": str(vacate.deposit), "balance": str(vacate.balance)})  # fmt: skip
    return vacate
